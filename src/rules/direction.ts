import { Polarity } from "./polarity";
import { epsilonFor, roundOrNull, toNumber } from "./values";

/** Direction of travel. The strings double as the visual's `data-direction` hook values. */
export type Direction = "improving" | "worsening" | "no-change" | "increasing" | "decreasing" | "unknown";

/** Which way the number moved: the arrow always points this way, whatever the polarity. */
export type Movement = "up" | "down" | "flat";

export interface DirectionInput {
    readonly actual: unknown;
    readonly previous: unknown;
    /** `null` when the polarity was not recognised: movement is then described neutrally. */
    readonly polarity: Polarity | null;
    /** Needed for Range polarity (improving = closer to target). */
    readonly target?: unknown;
    readonly decimals?: number | null;
    /** Changes no larger than this count as no change (default 0, at the shown precision). */
    readonly noChangeTolerance?: unknown;
}

export interface DirectionResult {
    readonly direction: Direction;
    readonly movement: Movement | null;
    /** actual - previous at the shown precision; null when either is missing. */
    readonly change: number | null;
    /** Rounded previous value, for "was 82.1%". */
    readonly previous: number | null;
}

/** True when the direction is judged good or bad (it has a polarity-aware colour). */
export function isJudgedDirection(direction: Direction): boolean {
    return direction === "improving" || direction === "worsening";
}

/**
 * Direction of travel against the previous period (rating-rules.md). High: up is improving.
 * Low: down is improving. Range: improving when the distance to target shrank, worsening when it
 * grew, and described neutrally when it stayed the same or there is no target. None or unrecognised polarity: increasing /
 * decreasing, never judged.
 */
export function rateDirection(input: DirectionInput): DirectionResult {
    const decimals = input.decimals;
    return rateShownDirection({
        ...input,
        actual: roundOrNull(toNumber(input.actual), decimals),
        previous: roundOrNull(toNumber(input.previous), decimals),
        target: roundOrNull(toNumber(input.target), decimals),
    });
}

/** The values of a direction input already at the shown precision (toShownPrecision); `decimals` rounds the change. */
export interface ShownDirectionInput extends Omit<DirectionInput, "actual" | "previous" | "target"> {
    readonly actual: number | null;
    readonly previous: number | null;
    readonly target?: number | null;
}

/** rateDirection on values the caller has already rounded to the shown precision (the visual's model). */
export function rateShownDirection(input: ShownDirectionInput): DirectionResult {
    const decimals = input.decimals;
    const { actual, previous } = input;
    if (actual === null || previous === null) {
        return { direction: "unknown", movement: null, change: null, previous };
    }
    const change = roundOrNull(actual - previous, decimals) as number;
    const tolerance = Math.max(0, toNumber(input.noChangeTolerance) ?? 0);
    const eps = epsilonFor(previous);
    if (Math.abs(change) <= tolerance + eps) {
        return { direction: "no-change", movement: "flat", change, previous };
    }
    const movement: Movement = change > 0 ? "up" : "down";
    const neutral: Direction = movement === "up" ? "increasing" : "decreasing";
    let direction: Direction;
    switch (input.polarity) {
        case "High":
            direction = movement === "up" ? "improving" : "worsening";
            break;
        case "Low":
            direction = movement === "down" ? "improving" : "worsening";
            break;
        case "Range": {
            const target = input.target ?? null;
            if (target === null) {
                direction = neutral;
                break;
            }
            const before = Math.abs(previous - target);
            const now = Math.abs(actual - target);
            const rangeEps = epsilonFor(target);
            if (now < before - rangeEps) direction = "improving";
            else if (now > before + rangeEps) direction = "worsening";
            // Crossed the target and ended as far from it as before: the number moved, so
            // "no change" would be untrue; describe it neutrally (docs/rating-decisions.md).
            else direction = neutral;
            break;
        }
        default:
            direction = neutral;
    }
    return { direction, movement, change, previous };
}
