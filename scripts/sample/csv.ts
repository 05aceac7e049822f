import { roundHalfAwayFromZero } from "../../src/rules";
import { parseCsvTable } from "../../lib/csv";

export { toCsv } from "../../lib/csv";

/** Parse CSV with a header row into records keyed by column name (the shared reader in lib/csv.ts). */
export function parseCsvRecords(text: string): Record<string, string>[] {
    return parseCsvTable(text).records.map(r => ({ ...r.values }));
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
