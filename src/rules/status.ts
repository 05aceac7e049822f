import { POLARITIES, Polarity } from "./polarity";
import { describeValue, epsilonFor, roundOrNull, toNumber } from "./values";

/**
 * A KPI's status. The strings double as the visual's `data-status` hook values.
 * `no-target` and `not-rated` are both "not rated"; they are kept apart so a tile can say why.
 */
export type Status = "blue" | "green" | "amber" | "red" | "not-rated" | "no-target" | "no-data" | "unrecognised";

export const STATUSES: readonly Status[] = ["blue", "green", "amber", "red", "not-rated", "no-target", "no-data", "unrecognised"];

/** Statuses a council counts as rated (good or bad). */
export const RATED_STATUSES: readonly Status[] = ["blue", "green", "amber", "red"];

export type ToleranceKind = "absolute" | "relative";

/** Why the status is what it is: drives the tooltip wording and the DAX tests. */
export type StatusReason =
    | "override"                // a supplied status was used
    | "override-unrecognised"   // a supplied status could not be read
    | "no-data"                 // actual missing
    | "polarity-unrecognised"   // polarity text not recognised
    | "polarity-none"           // contextual measure
    | "no-target"               // neither target nor floor
    | "stretch-met"             // Blue
    | "on-target"               // Green: target met
    | "floor-met"               // Amber: below target, floor met
    | "floor-missed"            // Red: floor missed
    | "within-tolerance"        // Amber: within tolerance
    | "outside-tolerance"       // Red: beyond tolerance
    | "no-tolerance"            // Red: missed target with no tolerance or floor
    | "floor-only-met"          // Green: no target, floor met (project decision)
    | "floor-only-missed"       // Red: no target, floor missed (project decision)
    | "range-within"            // Range Green
    | "range-near"              // Range Amber (within twice the tolerance)
    | "range-outside";          // Range Red

export interface StatusInput {
    /** The period's value. Anything but a finite number is missing. */
    readonly actual: unknown;
    readonly target?: unknown;
    /** Parsed polarity; `null` means the supplied polarity was not recognised. */
    readonly polarity: Polarity | null;
    /** Width of the amber zone: absolute units, or a fraction of |target| (0.05 = 5%). */
    readonly tolerance?: unknown;
    readonly toleranceKind?: ToleranceKind;
    readonly floor?: unknown;
    readonly stretch?: unknown;
    /** Decimals of the *stored* value that is shown (0.853 shown as 85.3% has 3). */
    readonly decimals?: number | null;
    /** A status supplied by the model; wins over the computed one when present. */
    readonly override?: unknown;
}

export interface StatusResult {
    readonly status: Status;
    readonly reason: StatusReason;
    /** Values after rounding to the shown precision (null when missing). */
    readonly actual: number | null;
    readonly target: number | null;
    readonly floor: number | null;
    readonly stretch: number | null;
    /** Positive means worse than target (High: target - actual; Low: actual - target; Range: |actual - target|). */
    readonly shortfall: number | null;
    /** The absolute width of the amber zone that was applied, if any. */
    readonly toleranceWidth: number | null;
    /** The override text when it could not be read. */
    readonly unrecognisedText?: string;
}

const OVERRIDE_SPELLINGS: ReadonlyMap<string, Status> = new Map<string, Status>([
    ["blue", "blue"], ["b", "blue"],
    ["green", "green"], ["g", "green"],
    ["amber", "amber"], ["a", "amber"],
    ["red", "red"], ["r", "red"],
    ["not rated", "not-rated"], ["not-rated", "not-rated"],
    ["no data", "no-data"], ["no-data", "no-data"],
]);

export type OverrideParse =
    | { readonly kind: "none" }
    | { readonly kind: "status"; readonly status: Status }
    | { readonly kind: "unrecognised"; readonly raw: string };

/**
 * Read a status supplied by the model. Empty, null and undefined mean "no override".
 * Blue/Green/Amber/Red/Not rated/No data and B/G/A/R, case-insensitive and trimmed; anything
 * else is "not recognised", never guessed.
 */
export function parseStatusOverride(value: unknown): OverrideParse {
    if (value === null || value === undefined) return { kind: "none" };
    if (typeof value !== "string") return { kind: "unrecognised", raw: describeValue(value) };
    const key = value.trim().replace(/\s+/g, " ").toLowerCase();
    if (key === "") return { kind: "none" };
    const status = OVERRIDE_SPELLINGS.get(key);
    return status ? { kind: "status", status } : { kind: "unrecognised", raw: value };
}

/** The polarity when it is one of the four; anything else (null, a stray string) is not recognised. */
function knownPolarity(value: unknown): Polarity | null {
    return (POLARITIES as readonly unknown[]).includes(value) ? value as Polarity : null;
}

/** Tolerances below zero are meaningless; they count as missing. */
function nonNegative(value: unknown): number | null {
    const n = toNumber(value);
    return n !== null && n >= 0 ? n : null;
}

/**
 * Rate one KPI for one period (rating-rules.md, "Status"). The first rule that applies wins:
 * override, no data, polarity not recognised, not rated (None), no target, then BRAG.
 */
export function rateStatus(input: StatusInput): StatusResult {
    const decimals = input.decimals;
    return rateShownStatus({
        ...input,
        actual: roundOrNull(toNumber(input.actual), decimals),
        target: roundOrNull(toNumber(input.target), decimals),
        floor: roundOrNull(toNumber(input.floor), decimals),
        stretch: roundOrNull(toNumber(input.stretch), decimals),
    });
}

/** The values of a status input already at the shown precision (toShownPrecision), read once by the caller. */
export interface ShownStatusInput extends Omit<StatusInput, "actual" | "target" | "floor" | "stretch" | "decimals"> {
    readonly actual: number | null;
    readonly target: number | null;
    readonly floor: number | null;
    readonly stretch: number | null;
}

/** rateStatus on values the caller has already rounded to the shown precision (the visual's model). */
export function rateShownStatus(input: ShownStatusInput): StatusResult {
    const { actual, target, floor, stretch } = input;
    const base = { actual, target, floor, stretch, shortfall: null, toleranceWidth: null };

    const override = parseStatusOverride(input.override);
    if (override.kind === "status") {
        return { ...base, status: override.status, reason: "override" };
    }
    if (override.kind === "unrecognised") {
        return { ...base, status: "unrecognised", reason: "override-unrecognised", unrecognisedText: override.raw };
    }
    if (actual === null) return { ...base, status: "no-data", reason: "no-data" };
    const polarity = knownPolarity(input.polarity);
    if (polarity === null) return { ...base, status: "unrecognised", reason: "polarity-unrecognised" };
    if (polarity === "None") return { ...base, status: "not-rated", reason: "polarity-none" };

    if (polarity === "Range") {
        if (target === null) return { ...base, status: "no-target", reason: "no-target" };
        const width = toleranceWidth(input, target) ?? 0;
        const eps = epsilonFor(target);
        const shortfall = Math.abs(actual - target);
        const result = { ...base, shortfall, toleranceWidth: width };
        if (shortfall <= width + eps) return { ...result, status: "green", reason: "range-within" };
        if (shortfall <= 2 * width + eps) return { ...result, status: "amber", reason: "range-near" };
        return { ...result, status: "red", reason: "range-outside" };
    }

    if (target === null && floor === null) return { ...base, status: "no-target", reason: "no-target" };

    const high = polarity === "High";
    const eps = epsilonFor(target ?? floor);
    /** true when `value` is at least as good as `standard` (within eps). */
    const meets = (value: number, standard: number): boolean =>
        high ? value - standard >= -eps : standard - value >= -eps;

    if (stretch !== null && meets(actual, stretch)) {
        const shortfall = target === null ? null : (high ? target - actual : actual - target);
        return { ...base, shortfall, status: "blue", reason: "stretch-met" };
    }
    if (target === null) {
        // Only a floor: it is the standard. Documented in docs/rating-decisions.md.
        return meets(actual, floor as number)
            ? { ...base, status: "green", reason: "floor-only-met" }
            : { ...base, status: "red", reason: "floor-only-missed" };
    }
    const shortfall = high ? target - actual : actual - target;
    const withShortfall = { ...base, shortfall };
    if (shortfall <= eps) return { ...withShortfall, status: "green", reason: "on-target" };
    if (floor !== null) {
        return meets(actual, floor)
            ? { ...withShortfall, status: "amber", reason: "floor-met" }
            : { ...withShortfall, status: "red", reason: "floor-missed" };
    }
    const width = toleranceWidth(input, target);
    if (width !== null) {
        const withWidth = { ...withShortfall, toleranceWidth: width };
        return shortfall <= width + eps
            ? { ...withWidth, status: "amber", reason: "within-tolerance" }
            : { ...withWidth, status: "red", reason: "outside-tolerance" };
    }
    return { ...withShortfall, status: "red", reason: "no-tolerance" };
}

/**
 * The absolute width of the amber zone. Relative tolerances are a fraction of |target| (after
 * rounding the target). A negative tolerance counts as missing.
 */
export function toleranceWidth(input: Pick<StatusInput, "tolerance" | "toleranceKind">, roundedTarget: number): number | null {
    const tolerance = nonNegative(input.tolerance);
    if (tolerance === null) return null;
    return input.toleranceKind === "relative" ? tolerance * Math.abs(roundedTarget) : tolerance;
}

/** The tolerance to rate with when a KPI may carry both an absolute and a relative one. */
export interface ResolvedTolerance {
    readonly tolerance: number | null;
    readonly toleranceKind: ToleranceKind;
}

/**
 * Choose between an absolute tolerance (same unit as the actual) and a relative one (a fraction
 * of |target|, 0.05 = 5%) when both may be bound, as in the visual's `tolerance` and
 * `tolerancePct` roles. A usable absolute tolerance wins; a missing or negative one falls back
 * to the relative one; with neither, no tolerance (docs/rating-decisions.md).
 */
export function resolveTolerance(absolute: unknown, relative: unknown): ResolvedTolerance {
    const abs = nonNegative(absolute);
    if (abs !== null) return { tolerance: abs, toleranceKind: "absolute" };
    const rel = nonNegative(relative);
    if (rel !== null) return { tolerance: rel, toleranceKind: "relative" };
    return { tolerance: null, toleranceKind: "absolute" };
}

/**
 * Sort key from most to least in need of attention: red, amber, not recognised, no data,
 * green, blue, no target, not rated. The DAX "KPI Status Sort" measure returns the same numbers.
 */
export const STATUS_SORT_KEY: Readonly<Record<Status, number>> = {
    "red": 1,
    "amber": 2,
    "unrecognised": 3,
    "no-data": 4,
    "green": 5,
    "blue": 6,
    "no-target": 7,
    "not-rated": 8,
};

/** English labels: the DAX "KPI Status" measure returns these; the visual localises its own. */
export const STATUS_LABEL_EN: Readonly<Record<Status, string>> = {
    "blue": "Blue",
    "green": "Green",
    "amber": "Amber",
    "red": "Red",
    "not-rated": "Not rated",
    "no-target": "No target",
    "no-data": "No data",
    "unrecognised": "Not recognised",
};

/**
 * Default palette: GOV.UK's, readable by colour-blind readers and in print
 * (rating-rules.md, "Showing a status"). The DAX "KPI Status Colour" measure uses the same.
 */
export const DEFAULT_STATUS_COLOURS: Readonly<Record<Status, string>> = {
    "blue": "#1d70b8",
    "green": "#0f7a52",
    // A darker amber than GOV.UK's #f47738 (2.8:1 on white): 5.2:1 on white and 4.6:1 on a dimmed
    // tile, so "Amber" in this colour is readable text (WCAG 1.4.3), and white text on it in the
    // sample report's matrix too.
    "amber": "#b34e00",
    "red": "#ca3535",
    "not-rated": "#505a5f",
    "no-target": "#505a5f",
    "no-data": "#505a5f",
    "unrecognised": "#505a5f",
};

/** Statuses the "exceptions" filter keeps: reporting by exception includes exceptionally good results. */
export const EXCEPTION_STATUSES: readonly Status[] = ["red", "amber", "blue"];
