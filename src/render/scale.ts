/**
 * Linear positions that are finite for every finite input. d3's scaleLinear subtracts the
 * domain's ends, which overflows to Infinity (and then NaN) when the values reach the largest
 * doubles (±1.8e308); these helpers work in halves, so any two finite doubles give a finite
 * span, and clamp to the range. A non-finite value has no position (null): callers leave it out
 * of the drawing and say it in words.
 */

const MAX = Number.MAX_VALUE;

/** Pixels per point (CSS: 1pt = 1/72 in, 1px = 1/96 in): Power BI's format pane gives font sizes in points. */
export const PX_PER_PT = 4 / 3;

/** `value` kept within ±Number.MAX_VALUE (finite), or null when it is not a finite number. */
export function finiteOrNull(value: number | null | undefined): number | null {
    return typeof value === "number" && Number.isFinite(value) ? value : null;
}

/** a + b without overflow: clamped to ±Number.MAX_VALUE. */
export function clampedSum(a: number, b: number): number {
    const sum = a + b;
    if (sum === Number.POSITIVE_INFINITY) return MAX;
    if (sum === Number.NEGATIVE_INFINITY) return -MAX;
    return sum;
}

/** The smallest and largest of the finite values; null when there are none. */
export function extent(values: Iterable<number | null | undefined>): { lo: number; hi: number } | null {
    let lo = Number.POSITIVE_INFINITY;
    let hi = Number.NEGATIVE_INFINITY;
    for (const v of values) {
        if (typeof v !== "number" || !Number.isFinite(v)) continue;
        if (v < lo) lo = v;
        if (v > hi) hi = v;
    }
    return lo <= hi ? { lo, hi } : null;
}

/** Half the distance from lo to hi (always finite for finite ends). */
function halfSpan(lo: number, hi: number): number {
    return hi / 2 - lo / 2;
}

export type Scale = (value: number) => number | null;

/**
 * A linear scale from [d0, d1] (either order, finite) to [r0, r1], clamped to the range and
 * rounded to 0.01. Equal ends map everything to the middle of the range.
 */
export function linearScale(d0: number, d1: number, r0: number, r1: number): Scale {
    const half = halfSpan(d0, d1);
    const mid = (r0 + r1) / 2;
    const lo = Math.min(r0, r1);
    const hi = Math.max(r0, r1);
    return (value: number): number | null => {
        if (!Number.isFinite(value)) return null;
        if (half === 0 || !Number.isFinite(half)) return Math.round(mid * 100) / 100;
        const t = (value / 2 - d0 / 2) / half;
        const at = r0 + t * (r1 - r0);
        if (!Number.isFinite(at)) return null;
        return Math.round(Math.min(hi, Math.max(lo, at)) * 100) / 100;
    };
}

/** Half the distance from lo to hi: finite for any two finite doubles. */
export function halfSpanOf(lo: number, hi: number): number {
    return halfSpan(lo, hi);
}

/** [lo - pad, hi + pad] within ±Number.MAX_VALUE (a non-finite pad pads to the limits). */
export function paddedDomain(lo: number, hi: number, pad: number): [number, number] {
    const padding = Number.isFinite(pad) ? Math.abs(pad) : MAX;
    return [clampedSum(lo, -padding), clampedSum(hi, padding)];
}
