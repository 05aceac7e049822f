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

/** The first (positive) section of a format string; a ";" inside quotes or after "\\" is text. */
function firstSection(format: string): string {
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
            return format.slice(0, i);
        }
    }
    return format;
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
    const integerPart = point === -1 ? section : section.slice(0, point);
    const fractionPart = point === -1 ? "" : section.slice(point + 1);
    const shown = (fractionPart.match(/[0#]/g) ?? []).length;
    // Thousands scaling: each comma straight before the decimal point (or the end of the number)
    // divides by 1,000. Commas after the decimal point do not scale (as Power BI's formatter).
    const trailingCommas = /,+$/.exec(integerPart.replace(/[^0#,]/g, ""));
    const thousands = trailingCommas ? trailingCommas[0].length : 0;
    const scale = section.includes("%") ? "percent" : section.includes("\u2030") ? "permille" : "none";
    const extra = scale === "percent" ? 2 : scale === "permille" ? 3 : 0;
    return { shownDecimals: shown, storedDecimals: shown + extra - 3 * thousands, scale };
}
