import { KpiDictionary } from "../dictionary/types";

/** The KPI dimension (docs/CONTRACTS.md `kpis.csv` columns) as CSV, straight from the dictionary. */
export const KPI_COLUMNS = [
    "KPI ID", "KPI", "Service Area", "Outcome", "Polarity", "Unit", "Format String", "Decimals", "Target", "Tolerance",
    "Tolerance Type", "Floor", "Stretch", "Owner", "Frequency", "Source", "Definition", "LAIT Code", "Sort Order",
] as const;

function csvCell(value: string | number | null): string {
    if (value === null) return "";
    const text = String(value);
    return /[",\r\n]/.test(text) || text !== text.trim() ? `"${text.replace(/"/g, "\"\"")}"` : text;
}

export function kpiDimensionCsv(dictionary: KpiDictionary): string {
    const rows = [KPI_COLUMNS.join(",")];
    for (const k of dictionary.kpis) {
        const values: (string | number | null)[] = [
            k.id, k.name, k.serviceArea, k.outcome, k.polarity, k.unit, k.format, k.decimals, k.target, k.tolerance,
            k.tolerance === null ? null : k.toleranceType, k.floor, k.stretch, k.owner, k.frequency, k.source, k.definition,
            k.laitCode, k.sortOrder,
        ];
        rows.push(values.map(csvCell).join(","));
    }
    return rows.join("\r\n") + "\r\n";
}
