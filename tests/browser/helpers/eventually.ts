/** Retry an assertion until it passes or `timeoutMs` runs out (then its last failure is thrown). */
export async function eventually(assertion: () => Promise<void> | void, timeoutMs = 10_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
        try {
            await assertion();
            return;
        } catch (error) {
            if (Date.now() > deadline) throw error;
            await new Promise(resolve => setTimeout(resolve, 50));
        }
    }
}
