/** A row of the benchmark's table, and the one way a timed row is made from its runs (run.ts, large.ts). */
export interface BenchRow {
    readonly measure: string;
    readonly value: string;
    readonly min?: string;
    readonly max?: string;
    readonly target: string;
    readonly ok: boolean | null;
}

export function median(values: readonly number[]): number {
    const sorted = [...values].sort((a, b) => a - b);
    const mid = Math.floor(sorted.length / 2);
    return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

export const ms = (n: number): string => `${n.toFixed(1)} ms`;

/** Median, minimum and maximum of the runs in ms; met when the median is below `target` (ms), no verdict without one. */
export function timedRow(measure: string, values: readonly number[], target?: number): BenchRow {
    const med = median(values);
    return {
        measure, value: ms(med), min: ms(Math.min(...values)), max: ms(Math.max(...values)),
        target: target ? `< ${target} ms` : "", ok: target === undefined ? null : med < target,
    };
}
