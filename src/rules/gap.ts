import { Polarity } from "./polarity";
import { epsilonFor, roundOrNull, toNumber } from "./values";

export interface GapResult {
    /** actual - target at the shown precision. */
    readonly gap: number;
    /** gap / |target|; null when the target is 0. */
    readonly gapRatio: number | null;
    /** Where the actual sits against the target. */
    readonly side: "above" | "below" | "on";
    /** Whether the actual is on the good side of the target (null for Range, None, unrecognised). */
    readonly favourable: boolean | null;
}

/**
 * The gap between actual and target, for "4.5 pts below target". Null when either is missing.
 */
export function gapToTarget(actualValue: unknown, targetValue: unknown, polarity: Polarity | null,
    decimals?: number | null): GapResult | null {
    return gapAtShown(roundOrNull(toNumber(actualValue), decimals), roundOrNull(toNumber(targetValue), decimals), polarity, decimals);
}

/**
 * gapToTarget on values already at the shown precision (toShownPrecision); `decimals` only
 * rounds the difference, so floating-point noise in the subtraction never shows.
 */
export function gapAtShown(actual: number | null, target: number | null, polarity: Polarity | null,
    decimals?: number | null): GapResult | null {
    if (actual === null || target === null) return null;
    const raw = actual - target;
    const gap = Math.abs(raw) <= epsilonFor(target) ? 0 : (roundOrNull(raw, decimals) as number);
    const side = gap > 0 ? "above" : gap < 0 ? "below" : "on";
    const gapRatio = target === 0 ? null : gap / Math.abs(target);
    let favourable: boolean | null = null;
    if (polarity === "High") favourable = gap >= 0;
    else if (polarity === "Low") favourable = gap <= 0;
    return { gap, gapRatio, side, favourable };
}

/**
 * How far the actual sits on the wrong side of its target, as a fraction of |target| (or in
 * units when the target is 0): High -gap, Low +gap, Range, None and unrecognised |gap|. Positive
 * is worse. The visual's "sort by gap" puts the largest first.
 */
export function relativeShortfall(gap: GapResult, polarity: Polarity | null): number {
    const size = gap.gapRatio ?? gap.gap;
    if (polarity === "High") return -size;
    if (polarity === "Low") return size;
    return Math.abs(size);
}
