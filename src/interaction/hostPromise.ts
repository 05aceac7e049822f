interface Thenable {
    then(onFulfilled: (value: unknown) => void, onRejected: (reason: unknown) => void): unknown;
}

/**
 * Waits for a host call's IPromise (a Promise in mocks; some mocks return nothing). A refusal,
 * e.g. while the report is closing, is expected and must not reach the console as an unhandled
 * rejection, so it is absorbed here.
 */
export function whenSettled(result: unknown, onValue?: (value: unknown) => void): void {
    if (typeof result !== "object" || result === null || typeof (result as Partial<Thenable>).then !== "function") return;
    (result as Thenable).then(value => onValue?.(value), () => undefined);
}
