import { roundOrNull, toNumber } from "./values";

/**
 * Formatting precision: how many decimals of the *stored* value a format string shows.
 * Comparisons happen at this precision (rating-rules.md, "decimals").
 */
export interface FormatPrecision {
    /** Decimals shown on screen (85.3% shows 1). */
    readonly shownDecimals: number;
    /** Decimals of the stored value (0.853 shown as 85.3% has 3). May be negative for "#,0,". */
    readonly storedDecimals: number;
    /** Percent (x100) or per mille (x1000) scaling. */
    readonly scale: "none" | "percent" | "permille";
}

/** Stored-value decimals from decimals shown and whether the value is displayed as a percentage. */
export function storedDecimals(shownDecimals: number, percent: boolean): number {
    return shownDecimals + (percent ? 2 : 0);
}

/** Remove quoted literals, backslash escapes and bracketed sections from a .NET/Excel format section. */
function stripLiterals(section: string): string {
    let out = "";
    for (let i = 0; i < section.length; i++) {
        const c = section[i];
        if (c === "\\") { i++; continue; }
        if (c === "\"" || c === "'") {
            const end = section.indexOf(c, i + 1);
            i = end === -1 ? section.length : end;
            continue;
        }
        if (c === "[") {
            const end = section.indexOf("]", i + 1);
            i = end === -1 ? section.length : end;
            continue;
        }
        out += c;
    }
    return out;
}

/** A format string's sections (positive; negative; zero): a ";" inside quotes or after "\\" is text. */
function splitSections(format: string): string[] {
    const sections: string[] = [];
    let start = 0;
    let quote: string | null = null;
    for (let i = 0; i < format.length; i++) {
        const c = format[i];
        if (quote !== null) {
            if (c === quote) quote = null;
        } else if (c === "\\") {
            i++;
        } else if (c === "\"" || c === "'") {
            quote = c;
        } else if (c === ";") {
            sections.push(format.slice(start, i));
            start = i + 1;
        }
    }
    sections.push(format.slice(start));
    return sections;
}

/** The first (positive) section of a format string. */
function firstSection(format: string): string {
    return splitSections(format)[0];
}

/**
 * Read the precision of a Power BI (.NET / Excel style) format string: "0.0%", "#,0.00",
 * "0", "0.0 \"pts\"", "#,0,\"k\"", "0.0%;-0.0%;0.0%" (first section is used), standard
 * strings "P1", "N2", "F0", "C0", "D". Returns null when the string gives no fixed precision
 * ("General", "", scientific "0.00E+00", dates), in which case values are compared unrounded.
 */
export function precisionFromFormat(format: string | null | undefined): FormatPrecision | null {
    if (format === null || format === undefined) return null;
    const trimmed = format.trim();
    if (trimmed === "" || /^general$/i.test(trimmed)) return null;
    const standard = /^([PpNnFfCcDd])(\d{0,2})$/.exec(trimmed);
    if (standard) {
        const letter = standard[1].toUpperCase();
        const digits = standard[2] === "" ? (letter === "D" ? 0 : 2) : Number(standard[2]);
        const percent = letter === "P";
        return { shownDecimals: digits, storedDecimals: storedDecimals(digits, percent), scale: percent ? "percent" : "none" };
    }
    const section = stripLiterals(firstSection(trimmed));
    if (/[eE][+-]/.test(section)) return null;
    if (!/[0#]/.test(section)) return null;
    // Date and time formats ("dd/mm/yyyy", "hh:mm:ss.000"). Single letters are literal text in a
    // number format, as Power BI shows them: "0.0 pts", "0 days", "0.0 mm" are numbers.
    if (/yy|dd|hh|:/i.test(section)) return null;
    const point = section.indexOf(".");
    const fractionPart = point === -1 ? "" : section.slice(point + 1);
    const shown = (fractionPart.match(/[0#]/g) ?? []).length;
    const thousands = scalingCommas(section);
    const scale = section.includes("%") ? "percent" : section.includes("\u2030") ? "permille" : "none";
    const extra = scale === "percent" ? 2 : scale === "permille" ? 3 : 0;
    return { shownDecimals: shown, storedDecimals: shown + extra - 3 * thousands, scale };
}

/**
 * Number scaling (.NET and Excel): each comma straight after the last digit placeholder of the
 * integer part (before the decimal point) or of the whole number (after its decimals) divides
 * the value by 1,000: "#,0,\"k\"" shows 15,499 as 15k, "\u00a3#,0.0,,\"m\"" shows 2,449,999 as
 * \u00a32.4m. A comma between two digit placeholders is the thousands separator. `section` is one
 * format section with its literals removed (stripLiterals).
 */
function scalingCommas(section: string): number {
    const number = section.replace(/[^0#?.,]/g, "");
    let count = 0;
    for (const run of number.matchAll(/,+/g)) {
        const at = run.index ?? 0;
        const next = number[at + run[0].length];
        const after = at > 0 ? number[at - 1] : undefined;
        if ((after === "0" || after === "#" || after === "?") && (next === undefined || next === ".")) count += run[0].length;
    }
    return count;
}

/** One section of a format string ready for a formatter that does not scale: its scaling commas removed. */
export interface ScaledSection {
    /** The section without its scaling commas (quoted text, escapes and brackets kept as written). */
    readonly format: string;
    /** What the value is divided by before it is formatted with `format`: 1,000 per scaling comma. */
    readonly divisor: number;
}

/**
 * A format string split into its sections (positive; negative; zero), each with its number
 * scaling taken out, so a formatter that ignores scaling commas (powerbi-visuals-utils-
 * formattingutils prints them as text) shows what Power BI shows: divide by `divisor`, then
 * format with `format`. Sections without scaling come back as written.
 */
export function scaledSections(format: string): readonly ScaledSection[] {
    return splitSections(format).map(unscale);
}

/** Remove a section's scaling commas (outside quotes, escapes and brackets). */
function unscale(section: string): ScaledSection {
    // Positions of number characters (placeholders, point, commas) that are not literal text.
    const positions: number[] = [];
    for (let i = 0; i < section.length; i++) {
        const c = section[i];
        if (c === "\\") { i++; continue; }
        if (c === "\"" || c === "'" || c === "[") {
            const end = section.indexOf(c === "[" ? "]" : c, i + 1);
            i = end === -1 ? section.length : end;
            continue;
        }
        if (c === "0" || c === "#" || c === "?" || c === "." || c === ",") positions.push(i);
    }
    const drop = new Set<number>();
    for (let k = 0; k < positions.length; k++) {
        if (section[positions[k]] !== ",") continue;
        let end = k;
        while (end < positions.length && section[positions[end]] === ",") end++;
        const next = end < positions.length ? section[positions[end]] : undefined;
        // Only commas after a digit placeholder scale ("dddd, mmmm d" is a date, not a number).
        const after = k > 0 ? section[positions[k - 1]] : undefined;
        const placeholder = after === "0" || after === "#" || after === "?";
        if (placeholder && (next === undefined || next === ".")) for (let j = k; j < end; j++) drop.add(positions[j]);
        k = end - 1;
    }
    if (drop.size === 0) return { format: section, divisor: 1 };
    let out = "";
    for (let i = 0; i < section.length; i++) if (!drop.has(i)) out += section[i];
    return { format: out, divisor: Math.pow(1000, drop.size) };
}

/**
 * The one rounding of a value to the precision its format shows (half away from zero on the
 * decimal value, as Power BI shows it): what a tile prints and what every rule compares. A
 * format without a fixed precision leaves the value as it is; anything but a finite number is
 * missing (null).
 */
export function toShownPrecision(value: unknown, precision: FormatPrecision | null): number | null {
    return roundOrNull(toNumber(value), precision?.storedDecimals);
}
