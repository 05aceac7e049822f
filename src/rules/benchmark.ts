import { Polarity } from "./polarity";
import { epsilonFor, roundOrNull, toNumber } from "./values";

/** Comparison with a benchmark (England, region, statistical neighbours). */
export type Comparison = "better" | "similar" | "worse" | "higher" | "lower";

export interface ComparisonInput {
    readonly actual: unknown;
    readonly benchmark: unknown;
    readonly polarity: Polarity | null;
    readonly decimals?: number | null;
    /** Differences no larger than this are "similar" (default 0 at the shown precision). */
    readonly similarity?: unknown;
}

/**
 * Better / Similar / Worse for High and Low; Higher / Similar / Lower for None, Range (a
 * benchmark has no target to be close to) and an unrecognised polarity. `null` when either
 * value is missing.
 */
export function compareToBenchmark(input: ComparisonInput): Comparison | null {
    return compareShown({
        ...input,
        actual: roundOrNull(toNumber(input.actual), input.decimals),
        benchmark: roundOrNull(toNumber(input.benchmark), input.decimals),
    });
}

/** Both values of a comparison already at the shown precision (toShownPrecision), read once by the caller. */
export interface ShownComparisonInput extends Omit<ComparisonInput, "actual" | "benchmark" | "decimals"> {
    readonly actual: number | null;
    readonly benchmark: number | null;
}

/** compareToBenchmark on values the caller has already rounded to the shown precision (the visual's model). */
export function compareShown(input: ShownComparisonInput): Comparison | null {
    const { actual, benchmark } = input;
    if (actual === null || benchmark === null) return null;
    const difference = actual - benchmark;
    const similarity = Math.max(0, toNumber(input.similarity) ?? 0);
    // The noise allowance uses the larger magnitude, so swapping the two values mirrors the answer.
    const eps = epsilonFor(Math.max(Math.abs(actual), Math.abs(benchmark)));
    if (Math.abs(difference) <= similarity + eps) return "similar";
    const higher = difference > 0;
    switch (input.polarity) {
        case "High": return higher ? "better" : "worse";
        case "Low": return higher ? "worse" : "better";
        default: return higher ? "higher" : "lower";
    }
}

export type QuartileBand = "A" | "B" | "C" | "D";

export interface BandInput {
    readonly value: unknown;
    readonly q1: unknown;
    readonly median: unknown;
    readonly q3: unknown;
    readonly polarity: Polarity | null;
}

/**
 * DfE LAIT quartile band (A is best). High: > Q3 A, (Q2, Q3] B, (Q1, Q2] C, <= Q1 D.
 * Low: <= Q1 A, (Q1, Q2] B, (Q2, Q3] C, > Q3 D. No band for None, Range or an unrecognised
 * polarity, when the value or any cut point is missing, or when the cut points are out of order.
 * The value and the cut points are compared as supplied, not rounded to the shown precision, as
 * the DfE's LAIT tool compares them (R/fn_analysis.R; docs/rating-decisions.md #5): turnover
 * 15.4 against an upper quartile of 15.35 is above it, though both show as 15.4.
 */
export function quartileBand(input: BandInput): QuartileBand | null {
    if (input.polarity !== "High" && input.polarity !== "Low") return null;
    const value = toNumber(input.value);
    const q1 = toNumber(input.q1);
    const q2 = toNumber(input.median);
    const q3 = toNumber(input.q3);
    if (value === null || q1 === null || q2 === null || q3 === null) return null;
    if (q1 > q2 || q2 > q3) return null;
    const eps = epsilonFor(q2);
    /** value strictly above the cut point (differences within eps count as equal). */
    const above = (cut: number): boolean => value - cut > eps;
    if (input.polarity === "High") {
        if (above(q3)) return "A";
        if (above(q2)) return "B";
        if (above(q1)) return "C";
        return "D";
    }
    if (!above(q1)) return "A";
    if (!above(q2)) return "B";
    if (!above(q3)) return "C";
    return "D";
}

/**
 * Rank every value among authorities: 1 is best, High descending, Low ascending, ties share the
 * lowest number ("Olympic" ranking), missing values unranked (null). No ranks for None, Range or
 * an unrecognised polarity. Values are ranked as supplied, as LAIT ranks the published figures
 * (85.04 and 84.96 do not tie, though both show as 85.0 at one decimal).
 */
export function rankValues(values: readonly unknown[], polarity: Polarity | null): (number | null)[] {
    const numbers = values.map(toNumber);
    if (polarity !== "High" && polarity !== "Low") return numbers.map(() => null);
    // Best first; a value's rank is one more than the number of values strictly better than it,
    // which is the position of the first of its equals in this order.
    const best = numbers.filter((n): n is number => n !== null)
        .sort((a, b) => (polarity === "High" ? b - a : a - b));
    const isBetter = (other: number, n: number): boolean => (polarity === "High" ? other > n : other < n);
    return numbers.map(n => {
        if (n === null) return null;
        let lo = 0;
        let hi = best.length;
        while (lo < hi) {
            const mid = (lo + hi) >>> 1;
            if (isBetter(best[mid], n)) lo = mid + 1;
            else hi = mid;
        }
        return lo + 1;
    });
}

export interface Quartiles {
    readonly min: number;
    readonly q1: number;
    readonly median: number;
    readonly q3: number;
    readonly max: number;
    readonly count: number;
}

/**
 * One percentile by linear interpolation, as Excel PERCENTILE.INC and DAX PERCENTILE.INC (R type 7):
 * position (n - 1) x p in the ascending list, interpolated between its neighbours. Throws, as Excel
 * gives #NUM!, for an empty list or p outside 0..1.
 */
export function percentileInc(sortedAscending: readonly number[], p: number): number {
    const n = sortedAscending.length;
    if (n === 0) throw new RangeError("percentileInc needs at least one value");
    if (!(p >= 0 && p <= 1)) throw new RangeError(`percentileInc needs 0 <= p <= 1, got ${p}`);
    const position = (n - 1) * p;
    const lower = Math.floor(position);
    const upper = Math.min(lower + 1, n - 1);
    const fraction = position - lower;
    return sortedAscending[lower] + fraction * (sortedAscending[upper] - sortedAscending[lower]);
}

/** Quartiles of the present values (QUARTILE.INC); null when none are present. */
export function quartiles(values: readonly unknown[]): Quartiles | null {
    const sorted = values.map(toNumber).filter((n): n is number => n !== null).sort((a, b) => a - b);
    if (sorted.length === 0) return null;
    return {
        min: sorted[0],
        q1: percentileInc(sorted, 0.25),
        median: percentileInc(sorted, 0.5),
        q3: percentileInc(sorted, 0.75),
        max: sorted[sorted.length - 1],
        count: sorted.length,
    };
}
