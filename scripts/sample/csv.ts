import { roundHalfAwayFromZero } from "../../src/rules";

/**
 * CSV reading and writing (RFC 4180: comma separated, fields with commas, quotes or line
 * breaks in double quotes, quotes doubled). Output uses LF line ends and UTF-8 without BOM.
 */

/** Parse CSV text into rows of fields (quoted fields may contain commas and line breaks). */
export function parseCsv(text: string): string[][] {
    const rows: string[][] = [];
    let row: string[] = [];
    let field = "";
    let quoted = false;
    let i = 0;
    const input = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
    while (i < input.length) {
        const c = input[i];
        if (quoted) {
            if (c === "\"") {
                if (input[i + 1] === "\"") { field += "\""; i += 2; continue; }
                quoted = false; i++; continue;
            }
            field += c; i++; continue;
        }
        if (c === "\"") { quoted = true; i++; continue; }
        if (c === ",") { row.push(field); field = ""; i++; continue; }
        if (c === "\r" || c === "\n") {
            row.push(field); field = "";
            rows.push(row); row = [];
            i += c === "\r" && input[i + 1] === "\n" ? 2 : 1;
            continue;
        }
        field += c; i++;
    }
    if (field !== "" || row.length > 0) { row.push(field); rows.push(row); }
    return rows;
}

/** Parse CSV with a header row into records keyed by column name. */
export function parseCsvRecords(text: string): Record<string, string>[] {
    const [header, ...rows] = parseCsv(text);
    if (!header) return [];
    return rows
        .filter(r => !(r.length === 1 && r[0] === ""))
        .map(r => Object.fromEntries(header.map((name, i) => [name, r[i] ?? ""])));
}

function quoteField(value: string): string {
    return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, "\"\"")}"` : value;
}

/** Write records as CSV with the given column order; every row ends with LF. */
export function toCsv(columns: readonly string[], rows: readonly Readonly<Record<string, string>>[]): string {
    const lines = [columns.map(quoteField).join(",")];
    for (const row of rows) lines.push(columns.map(c => quoteField(row[c] ?? "")).join(","));
    return lines.join("\n") + "\n";
}

/**
 * A number as plain decimal text (never exponent notation), rounded to `decimals` with
 * trailing zeros removed; empty for a missing value.
 */
export function formatNumber(value: number | null | undefined, decimals: number): string {
    if (value === null || value === undefined || !Number.isFinite(value)) return "";
    const fixed = roundHalfAwayFromZero(value, decimals).toFixed(Math.max(0, decimals));
    const trimmed = fixed.includes(".") ? fixed.replace(/0+$/, "").replace(/\.$/, "") : fixed;
    return trimmed === "-0" ? "0" : trimmed;
}
