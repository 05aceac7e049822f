import { toNumber } from "./values";

export interface CurrentAndPrevious {
    /** Index of the current period: the latest with an actual, else the last one (-1 when there are none). */
    readonly current: number;
    /** Index of the previous period: the latest *earlier* period with an actual (-1 when there is none). */
    readonly previous: number;
}

/**
 * Which periods a tile (or a DAX measure) reports on, given the actuals in period order.
 * Current = the latest period with an actual. Previous = the latest earlier period with an actual,
 * so a suppressed or missing quarter does not hide the direction of travel and an annual KPI on a
 * quarterly calendar compares with last year; the wording always names the period compared with.
 * The DAX generator's `KPI Previous` measure finds the same period through `Period[Period Index]`.
 */
export function currentAndPrevious(actuals: readonly unknown[]): CurrentAndPrevious {
    let current = -1;
    for (let i = actuals.length - 1; i >= 0; i--) {
        if (toNumber(actuals[i]) !== null) { current = i; break; }
    }
    if (current === -1) return { current: actuals.length - 1, previous: -1 };
    let previous = -1;
    for (let i = current - 1; i >= 0; i--) {
        if (toNumber(actuals[i]) !== null) { previous = i; break; }
    }
    return { current, previous };
}
