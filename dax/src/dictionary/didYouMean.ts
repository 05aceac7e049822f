/** Levenshtein distance, case-insensitive. */
export function editDistance(a: string, b: string): number {
    const s = a.toLowerCase();
    const t = b.toLowerCase();
    let previous = Array.from({ length: t.length + 1 }, (_, j) => j);
    for (let i = 1; i <= s.length; i++) {
        const current = [i];
        for (let j = 1; j <= t.length; j++) {
            const cost = s[i - 1] === t[j - 1] ? 0 : 1;
            current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
        }
        previous = current;
    }
    return previous[t.length];
}

/**
 * The closest candidate to a misspelt word, or null when nothing is close: within a third of
 * the word's length (at least 2 edits), or when the words differ only in case, spaces,
 * hyphens or underscores (`service_area` for `serviceArea`).
 */
export function didYouMean(word: string, candidates: readonly string[]): string | null {
    const squash = (s: string): string => s.toLowerCase().replace(/[\s_-]+/g, "");
    const exact = candidates.find(c => squash(c) === squash(word));
    if (exact) return exact;
    let best: string | null = null;
    let bestDistance = Infinity;
    for (const candidate of candidates) {
        const d = editDistance(word, candidate);
        if (d < bestDistance) {
            best = candidate;
            bestDistance = d;
        }
    }
    const limit = Math.max(2, Math.floor(word.length / 3));
    return bestDistance <= limit ? best : null;
}
