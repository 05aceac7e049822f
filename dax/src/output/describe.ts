import { precisionFromFormat } from "../../../src/rules";
import { KpiDefinition } from "../dictionary/types";

const formats = new Map<string, Intl.NumberFormat>();

/** Intl.NumberFormat is costly to create: one per (decimals, grouping). */
function numberFormat(decimals: number, grouping: boolean): Intl.NumberFormat {
    const key = `${decimals}/${grouping}`;
    let format = formats.get(key);
    if (!format) {
        const digits = Math.min(20, Math.max(0, decimals));
        format = new Intl.NumberFormat("en-GB", { minimumFractionDigits: digits, maximumFractionDigits: digits, useGrouping: grouping });
        formats.set(key, format);
    }
    return format;
}

/**
 * A value as the KPI's format shows it, for the dictionary owner's summary: percentages
 * scaled, the format's decimals, thousands separators when the format has them, literal text
 * ("days") kept. Not a full Power BI formatter; enough to read the rules in words.
 */
export function showValue(value: number, format: string): string {
    const precision = precisionFromFormat(format);
    if (precision === null) return String(value);
    const section = format.split(";")[0];
    const scaled = precision.scale === "percent" ? value * 100 : precision.scale === "permille" ? value * 1000 : value;
    const thousands = /#,|0,0/.test(section);
    const text = numberFormat(precision.shownDecimals, thousands).format(scaled);
    const suffix = precision.scale === "percent" ? "%" : precision.scale === "permille" ? "\u2030" : "";
    const literal = /"([^"]*)"\s*$/.exec(section);
    return text + suffix + (literal ? literal[1] : "");
}

/** The KPI's rating rule in plain words, e.g. "Green at or above 85.0%; Amber from 80.0% (floor); Red below 80.0%". */
export function describeRating(kpi: KpiDefinition): string {
    const v = (n: number): string => showValue(n, kpi.format);
    switch (kpi.polarity) {
        case "None":
            return "Not rated: shown for context (direction says Increasing / Decreasing).";
        case "Range": {
            if (kpi.target === null) return "No target: always rated No target.";
            const width = kpi.tolerance === null ? 0 : kpi.toleranceType === "relative" ? kpi.tolerance * Math.abs(kpi.target) : kpi.tolerance;
            if (width === 0) return `Green only at exactly ${v(kpi.target)}; Red otherwise.`;
            return `Green within ${v(width)} of ${v(kpi.target)}; Amber within ${v(2 * width)}; Red further away.`;
        }
        default: {
            const high = kpi.polarity === "High";
            const atLeast = high ? "at or above" : "at or below";
            const worse = high ? "below" : "above";
            const parts: string[] = [];
            if (kpi.stretch !== null) parts.push(`Blue ${atLeast} ${v(kpi.stretch)} (stretch)`);
            if (kpi.target === null && kpi.floor === null) return "No target: rated No target until one is set.";
            if (kpi.target === null && kpi.floor !== null) {
                parts.push(`Green ${atLeast} ${v(kpi.floor)} (floor, no target)`, `Red ${worse} it`);
                return parts.join("; ") + ".";
            }
            const target = kpi.target as number;
            parts.push(`Green ${atLeast} ${v(target)}`);
            if (kpi.floor !== null) {
                parts.push(`Amber down to the floor of ${v(kpi.floor)}`.replace("down to", high ? "down to" : "up to"), `Red ${worse} ${v(kpi.floor)}`);
            } else if (kpi.tolerance !== null) {
                const width = kpi.toleranceType === "relative" ? kpi.tolerance * Math.abs(target) : kpi.tolerance;
                const edge = high ? target - width : target + width;
                const how = kpi.toleranceType === "relative" ? ` (${showValue(kpi.tolerance, "0.0%")} of target)` : "";
                parts.push(`Amber ${high ? "down to" : "up to"} ${v(edge)}${how}`, `Red ${worse} ${v(edge)}`);
            } else {
                parts.push(`Red ${worse} ${v(target)} (no amber zone)`);
            }
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
