/**
 * Value normalisation shared by every rule.
 *
 * rating-rules.md: "blank, null, NaN, text or infinity count as missing". Only finite
 * JavaScript numbers are values; everything else is `null` (missing). Numeric text is
 * missing too: a model that delivers "85" as text has a data-type problem the visual
 * should show rather than hide.
 */
export function toNumber(value: unknown): number | null {
    return typeof value === "number" && Number.isFinite(value) ? value : null;
}

/**
 * Round half away from zero, as DAX `ROUND` and Excel do.
 *
 * The scaled value is first cut to 15 significant digits so that a stored 1.005 (really
 * 1.00499999999999989...) rounds to 1.01 as a person (and Excel) expects. `decimals` may be
 * negative (round to tens, hundreds ...). `null`/`undefined` decimals leave the value as it is.
 */
export function roundHalfAwayFromZero(value: number, decimals: number | null | undefined): number {
    if (decimals === null || decimals === undefined || !Number.isFinite(decimals) || !Number.isFinite(value)) {
        return value;
    }
    if (value === 0) return 0;
    const d = Math.trunc(decimals);
    const factor = Math.pow(10, Math.abs(d));
    const magnitude = Math.abs(value);
    const scaled = d >= 0 ? magnitude * factor : magnitude / factor;
    // So large at this precision that there is nothing after the rounding position to drop.
    if (!Number.isFinite(scaled) || scaled >= MAX_EXACT_SCALED) return value;
    // Cut to 15 significant digits only while that cannot touch the integer part. The cut moves
    // a value below 1e9 by less than 1e-6, so away from a half (the usual case) it cannot change
    // the result and the string round trip is skipped.
    const fraction = scaled - Math.floor(scaled);
    const cleaned = scaled < 1e9 && Math.abs(fraction - 0.5) > 1e-5 ? scaled
        : scaled < 1e15 ? Number(scaled.toPrecision(15)) : scaled;
    const rounded = Math.round(cleaned);
    if (rounded === 0) return 0;
    const back = d >= 0 ? rounded / factor : rounded * factor;
    if (!Number.isFinite(back)) return value;
    return value < 0 ? -back : back;
}

/** From 2^53 on every double is a whole number: rounding to the units (or finer) changes nothing. */
const MAX_EXACT_SCALED = 9007199254740992;

/** Round a possibly-missing value; missing stays missing. */
export function roundOrNull(value: number | null, decimals: number | null | undefined): number | null {
    return value === null ? null : roundHalfAwayFromZero(value, decimals);
}

/**
 * The size of difference treated as zero: 1e-9 of the reference's magnitude, and never less
 * than 1e-9 (so a target of 0 still absorbs floating-point noise such as 0.1 + 0.2 - 0.3).
 * rating-rules.md asks for "1e-9 of the target's magnitude"; the floor of 1e-9 is this
 * project's documented addition (docs/rating-decisions.md).
 */
export const RELATIVE_EPSILON = 1e-9;

export function epsilonFor(reference: number | null): number {
    const magnitude = reference === null ? 0 : Math.abs(reference);
    return RELATIVE_EPSILON * Math.max(magnitude, 1);
}

/**
 * Text for any value, for "not recognised" messages. Never throws (objects without a prototype
 * or with a throwing `toString` are described by their type).
 */
export function describeValue(value: unknown): string {
    if (typeof value === "string") return value;
    try {
        return String(value);
    } catch {
        return `[${typeof value}]`;
    }
}
