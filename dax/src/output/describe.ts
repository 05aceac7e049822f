import { FormatPrecision, precisionFromFormat, rateStatus, roundHalfAwayFromZero, Status, toShownPrecision } from "../../../src/rules";
import { NumberText } from "../../../src/model/numberText";
import { KpiDefinition } from "../dictionary/types";

/** The summary is written for a UK council: en-GB numbers, as the tiles show them in en-GB. */
const numbers = new NumberText("en-GB");

/**
 * A value as the KPI's format shows it, through the visual's own number pipeline: rounded once
 * to the shown precision (toShownPrecision), then formatted as Power BI shows the format
 * ("85.0%", "£2.4m", "15k", "1,204 days").
 */
export function showValue(value: number, format: string): string {
    // A Map holds 0 and -0 as one key; -0 is rare and formatted on its own.
    if (Object.is(value, -0)) return numbers.value(toShownPrecision(value, precisionOf(format)), format);
    let byValue = shown.get(format);
    if (byValue === undefined) {
        if (shown.size >= MEMO_LIMIT) shown.clear();
        byValue = new Map();
        shown.set(format, byValue);
    }
    let text = byValue.get(value);
    if (text === undefined) {
        if (byValue.size >= MEMO_LIMIT) byValue.clear();
        text = numbers.value(toShownPrecision(value, precisionOf(format)), format);
        byValue.set(value, text);
    }
    return text;
}

/**
 * showValue and precisionFromFormat are pure, and a dictionary repeats its formats and values
 * (10,000 KPIs have a few dozen formats): each answer is worked out once per process through the
 * visual's number pipeline and remembered (at most MEMO_LIMIT entries per map, then it starts again).
 */
const MEMO_LIMIT = 10_000;
const shown = new Map<string, Map<number, string>>();
const precisions = new Map<string, FormatPrecision | null>();

function precisionOf(format: string): FormatPrecision | null {
    let precision = precisions.get(format);
    if (precision === undefined) {
        if (precisions.size >= MEMO_LIMIT) precisions.clear();
        precision = precisionFromFormat(format);
        precisions.set(format, precision);
    }
    return precision;
}

/** The size of a difference in the KPI's unit: "2.0 points" for percentages, else the value's own format. */
function showDifference(size: number, format: string): string {
    const diff = numbers.difference(size, format);
    return diff.points ? `${diff.text} points` : diff.text;
}

/**
 * One edge of a KPI's rating: at `value` (a value the format can show) the status is `inside`;
 * one step of the shown precision further on the worse side (`value - step` for higher is better,
 * `value + step` for lower is better, both ways for Range) it is `beyond`.
 */
export interface RatingEdge {
    readonly value: number;
    readonly inside: Status;
    readonly beyond: Status;
    /** Which way is worse from this edge: -1 down (higher is better), +1 up (lower is better). */
    readonly worse: -1 | 1;
}

/** The KPI rated by src/rules at `actual` (the dictionary's own target, tolerance, floor and stretch). */
export function statusAt(kpi: KpiDefinition, actual: number): Status {
    return rateStatus({
        actual, target: kpi.target, polarity: kpi.polarity, decimals: kpi.decimals,
        tolerance: kpi.tolerance, toleranceKind: kpi.toleranceType, floor: kpi.floor, stretch: kpi.stretch,
    }).status;
}

/** One step of the shown precision (0.001 for `0.0%`, 100,000 for `£#,0.0,,"m"`); null without a fixed precision. */
export function stepOf(precision: FormatPrecision | null): number | null {
    return precision === null ? null : Math.pow(10, -precision.storedDecimals);
}

/**
 * The last value the format can show that still rates `inside`, starting from `approx` (the edge
 * worked out from the definition, such as target + tolerance) and walking one step of the shown
 * precision at a time, asking src/rules. 13.65 (13 + 5%) at `0.0` rounds to 13.7, which rates Red:
 * the edge is 13.6. Without a fixed precision the edge is `approx` itself.
 */
function edgeFrom(kpi: KpiDefinition, approx: number, inside: Status, worse: -1 | 1): RatingEdge {
    const step = stepOf(precisionOf(kpi.format));
    const beyondOf = (value: number): Status => statusAt(kpi, step === null ? value + worse * Math.max(1e-9, Math.abs(value) * 1e-9) : value + worse * step);
    if (step === null || kpi.decimals === null) return { value: approx, inside, beyond: beyondOf(approx), worse };
    const d = kpi.decimals;
    const move = (value: number, by: number): number => roundHalfAwayFromZero(value + by * step, d);
    let value = roundHalfAwayFromZero(approx, d);
    for (let i = 0; i < 3 && statusAt(kpi, value) !== inside; i++) value = move(value, -worse);
    // The status one step beyond is asked once per step: the last one asked is the edge's `beyond`.
    let next = move(value, worse);
    let beyond = statusAt(kpi, next);
    for (let i = 0; i < 3 && beyond === inside; i++) {
        value = next;
        next = move(value, worse);
        beyond = statusAt(kpi, next);
    }
    return { value, inside, beyond, worse };
}

/**
 * Where the status changes, best first, at the shown precision: the words of describeRating and
 * the test that rates every sample KPI at each edge and one step beyond come from this one list.
 */
export function ratingEdges(kpi: KpiDefinition): RatingEdge[] {
    if (kpi.polarity === "None") return [];
    if (kpi.polarity === "Range") {
        if (kpi.target === null) return [];
        const width = kpi.tolerance === null ? 0 : kpi.toleranceType === "relative" ? kpi.tolerance * Math.abs(kpi.target) : kpi.tolerance;
        const edges: RatingEdge[] = [];
        for (const worse of [1, -1] as const) {
            edges.push(edgeFrom(kpi, kpi.target + worse * width, "green", worse));
            if (width > 0) edges.push(edgeFrom(kpi, kpi.target + 2 * worse * width, "amber", worse));
        }
        return edges;
    }
    const worse: -1 | 1 = kpi.polarity === "High" ? -1 : 1;
    const edges: RatingEdge[] = [];
    if (kpi.stretch !== null && (kpi.target !== null || kpi.floor !== null)) edges.push(edgeFrom(kpi, kpi.stretch, "blue", worse));
    if (kpi.target === null) {
        if (kpi.floor !== null) edges.push(edgeFrom(kpi, kpi.floor, "green", worse));
        return edges;
    }
    edges.push(edgeFrom(kpi, kpi.target, "green", worse));
    if (kpi.floor !== null) {
        edges.push(edgeFrom(kpi, kpi.floor, "amber", worse));
    } else if (kpi.tolerance !== null) {
        const width = kpi.toleranceType === "relative" ? kpi.tolerance * Math.abs(kpi.target) : kpi.tolerance;
        edges.push(edgeFrom(kpi, kpi.target + worse * width, "amber", worse));
    }
    return edges;
}

/** The KPI's rating rule in plain words, e.g. "Green at or above 85.0%; Amber down to 80.0%; Red below 80.0%". */
export function describeRating(kpi: KpiDefinition): string {
    const v = (n: number): string => showValue(n, kpi.format);
    switch (kpi.polarity) {
        case "None":
            return "Not rated: shown for context (direction says Increasing / Decreasing).";
        case "Range": {
            if (kpi.target === null) return "No target: always rated No target.";
            const width = kpi.tolerance === null ? 0 : kpi.toleranceType === "relative" ? kpi.tolerance * Math.abs(kpi.target) : kpi.tolerance;
            if (width === 0) return `Green only at ${v(kpi.target)}; Red otherwise.`;
            const [greenUp, amberUp, greenDown, amberDown] = ratingEdges(kpi);
            return `Green within ${showDifference(width, kpi.format)} of ${v(kpi.target)} (${v(greenDown.value)} to ${v(greenUp.value)}); `
                + `Amber within ${showDifference(2 * width, kpi.format)} (${v(amberDown.value)} to ${v(amberUp.value)}); Red further away.`;
        }
        default: {
            const high = kpi.polarity === "High";
            const atLeast = high ? "at or above" : "at or below";
            const worse = high ? "below" : "above";
            const towards = high ? "down to" : "up to";
            if (kpi.target === null && kpi.floor === null) return "No target: rated No target until one is set.";
            const edges = ratingEdges(kpi);
            const parts: string[] = [];
            for (const edge of edges) {
                switch (edge.inside) {
                    case "blue": parts.push(`Blue ${atLeast} ${v(edge.value)} (stretch)`); break;
                    case "green":
                        parts.push(kpi.target === null ? `Green ${atLeast} ${v(edge.value)} (floor, no target)` : `Green ${atLeast} ${v(edge.value)}`);
                        break;
                    case "amber": {
                        const how = kpi.floor !== null ? "the floor of " : "";
                        const share = kpi.floor === null && kpi.toleranceType === "relative" && kpi.tolerance !== null
                            ? ` (${showValue(kpi.tolerance, "0.0%")} of target)` : "";
                        parts.push(`Amber ${towards} ${how}${v(edge.value)}${share}`);
                        break;
                    }
                    default: break;
                }
            }
            const last = edges[edges.length - 1];
            parts.push(kpi.target === null ? `Red ${worse} it` : last.inside === "green"
                ? `Red ${worse} ${v(last.value)} (no amber zone)` : `Red ${worse} ${v(last.value)}`);
            return parts.join("; ") + ".";
        }
    }
}

export const POLARITY_WORDS: Readonly<Record<string, string>> = {
    High: "Higher is better",
    Low: "Lower is better",
    Range: "Close to target",
    None: "Data only",
};
