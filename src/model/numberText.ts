// The module itself, not the package index: the index also pulls in text measurement, word breaking and font helpers the visual never uses (about 3 KB of the package).
import * as valueFormatter from "powerbi-visuals-utils-formattingutils/lib/src/valueFormatter";
import { FormatPrecision, precisionFromFormat, scaledSections, ScaledSection, toShownPrecision } from "../rules";

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

/** "#,0", "#,0.0" ... "#,0.0000000000": the formats of NumberText.fixed, by decimals. */
const FIXED_FORMATS: readonly string[] = Array.from({ length: 11 }, (_, d) => (d === 0 ? "#,0" : `#,0.${"0".repeat(d)}`));

/**
 * What formattingutils needs to show a format as Power BI does: the format without its scaling
 * commas and with an Excel currency tag ("[$\u00a3-809]") as quoted text, and each section's divisor.
 */
interface DisplayFormat {
    readonly format: string;
    readonly divisors: readonly number[];
}

/** Display formats by format string; null for formats formattingutils shows as they are. */
const displayFormats = new Map<string, DisplayFormat | null>();

function displayFormatOf(format: string): DisplayFormat | null {
    let display = displayFormats.get(format);
    if (display === undefined) {
        if (displayFormats.size >= MAX_FORMATTERS) displayFormats.clear();
        // "[$\u00a3-809]#,0.00": Excel's currency symbol with a locale id; the symbol is the text shown.
        const tagged = format.includes("[$") ? format.replace(/\[\$([^\]-]*)(?:-[^\]]*)?\]/g, (_m, symbol: string) => `"${symbol.replace(/"/g, "")}"`) : format;
        const sections: readonly ScaledSection[] = tagged.includes(",") ? scaledSections(tagged) : [];
        display = sections.some(s => s.divisor !== 1)
            ? { format: sections.map(s => s.format).join(";"), divisors: sections.map(s => s.divisor) }
            : tagged !== format ? { format: tagged, divisors: [1] } : null;
        displayFormats.set(format, display);
    }
    return display;
}

/**
 * Turns numbers into text with the model's format strings and the host's locale
 * (powerbi-visuals-utils-formattingutils valueFormatter). Formatters are cached per locale and
 * format string for the life of the visual.
 */
export class NumberText {
    constructor(readonly locale: string) { }

    /** This instance's formatters by format string (the model makes one NumberText per update). */
    private readonly own = new Map<string, Formatter>();

    private formatter(format: string | undefined): Formatter {
        const local = this.own.get(format ?? "");
        if (local) return local;
        const key = `${this.locale}\u0001${format ?? ""}`;
        let formatter = formatters.get(key);
        if (!formatter) {
            if (formatters.size >= MAX_FORMATTERS) formatters.clear();
            formatter = valueFormatter.create({ format: format && format.trim() !== "" ? format : undefined, cultureSelector: this.locale });
            formatters.set(key, formatter);
        }
        if (this.own.size < MAX_FORMATTERS) this.own.set(format ?? "", formatter);
        return formatter;
    }

    /**
     * A value as Power BI shows it with the model's format string: "85.3%", "1,204", "£12.50",
     * "£2.4m" for "£#,0.0,,\"m\"", dates as dates. Give it the value at its shown precision
     * (toShownPrecision): the text is then exactly the number the rules compared.
     * powerbi-visuals-utils-formattingutils prints scaling commas as text, so number scaling is
     * done here: the value is divided by 1,000 per scaling comma of the section its sign picks, then
     * formatted with that section's other characters (and the other sections as written).
     */
    value(value: unknown, format: string | undefined): string {
        if (value === null || value === undefined) return "";
        if (typeof value === "number" && !Number.isFinite(value)) return "";
        try {
            const display = typeof value === "number" && format ? displayFormatOf(format) : null;
            if (display) {
                const n = value as number;
                const d = display.divisors;
                const divisor = d[n < 0 && d.length > 1 ? 1 : n === 0 && d.length > 2 ? 2 : 0];
                return this.formatter(display.format).format(n / divisor);
            }
            return this.formatter(format).format(value);
        } catch {
            return String(value);
        }
    }

    /**
     * A value that was not rated (a `tooltips` field), rounded once to its format's shown precision
     * with the rules' function (toShownPrecision), then formatted, so it reads as Power BI shows it
     * (2.675 in 0.00 is 2.68). Text and dates are formatted as they are.
     */
    shown(value: unknown, format: string | undefined): string {
        return this.value(typeof value === "number" ? toShownPrecision(value, precisionOf(format)) : value, format);
    }

    /** A plain number with a fixed count of decimals in the host's locale: "4.5", "4,5". */
    fixed(value: number, decimals: number): string {
        return this.value(value, FIXED_FORMATS[Math.max(0, Math.min(10, Math.trunc(decimals)))]);
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
