import { valueFormatter } from "powerbi-visuals-utils-formattingutils";
import { FormatPrecision, precisionFromFormat } from "../rules";

type Formatter = { format(value: unknown): string };

/** Formatters by locale and format string, kept across updates (creating one parses the format). */
const formatters = new Map<string, Formatter>();
/** Enough for every format string of a large report; past it the cache starts again. */
const MAX_FORMATTERS = 5000;

/** precisionFromFormat by format string (it parses the format with regular expressions). */
const precisions = new Map<string, FormatPrecision | null>();

/** The precision a format string shows and stores (src/rules), cached per format string. */
export function precisionOf(format: string | undefined): FormatPrecision | null {
    if (format === undefined) return null;
    let precision = precisions.get(format);
    if (precision === undefined) {
        if (precisions.size >= MAX_FORMATTERS) precisions.clear();
        precision = precisionFromFormat(format);
        precisions.set(format, precision);
    }
    return precision;
}

/**
 * Turns numbers into text with the model's format strings and the host's locale
 * (powerbi-visuals-utils-formattingutils valueFormatter). Formatters are cached per locale and
 * format string for the life of the visual.
 */
export class NumberText {
    constructor(readonly locale: string) { }

    private formatter(format: string | undefined): Formatter {
        const key = `${this.locale}\u0001${format ?? ""}`;
        let formatter = formatters.get(key);
        if (!formatter) {
            if (formatters.size >= MAX_FORMATTERS) formatters.clear();
            formatter = valueFormatter.create({ format: format && format.trim() !== "" ? format : undefined, cultureSelector: this.locale });
            formatters.set(key, formatter);
        }
        return formatter;
    }

    /** A value as the model formats it: "85.3%", "1,204", "£12.50", dates as dates. */
    value(value: unknown, format: string | undefined): string {
        if (value === null || value === undefined) return "";
        if (typeof value === "number" && !Number.isFinite(value)) return "";
        try {
            return this.formatter(format).format(value);
        } catch {
            return String(value);
        }
    }

    /** A plain number with a fixed count of decimals in the host's locale: "4.5", "4,5". */
    fixed(value: number, decimals: number): string {
        const d = Math.max(0, Math.min(10, Math.trunc(decimals)));
        return this.value(value, d === 0 ? "#,0" : `#,0.${"0".repeat(d)}`);
    }

    /** A fraction as a percentage with up to two decimals: 0.05 -> "5%". */
    percent(fraction: number): string {
        return this.value(fraction, "#,0.##%");
    }

    /**
     * The size of a difference (always positive) in the unit the value is shown in: for a
     * percentage, points ("4.5" with unit "points"); otherwise the value's own format ("12").
     */
    difference(magnitude: number, format: string | undefined): { text: string; points: boolean } {
        const precision: FormatPrecision | null = precisionOf(format);
        const size = Math.abs(magnitude);
        if (precision && precision.scale !== "none") {
            const factor = precision.scale === "percent" ? 100 : 1000;
            return { text: this.fixed(size * factor, precision.shownDecimals), points: true };
        }
        return { text: this.value(size, format), points: false };
    }
}
