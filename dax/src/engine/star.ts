import { readFileSync } from "fs";
import { join } from "path";
import { parseCsvTable } from "../../../lib/csv";
import { STAR, STAR_TABLES, StarTable } from "../../../lib/star-schema";
import { BLANK_VALUE, DaxValue } from "../evaluator/scalar";
import { Model, Relationship, Row, Table } from "./model";

/**
 * Load a star-schema dataset (docs/CONTRACTS.md: kpis.csv, periods.csv, kpi_values.csv,
 * benchmarks.csv) into the in-memory model, typed as the Power BI model types it
 * (lib/star-schema.ts): numbers and whole numbers as numbers, text and dates as text, an empty
 * cell as BLANK. A cell that does not read as its type is refused with file, line and column.
 */
export const STAR_RELATIONSHIPS: readonly Relationship[] = [
    { fromTable: STAR.values, fromColumn: "KPI ID", toTable: STAR.kpi, toColumn: "KPI ID" },
    { fromTable: STAR.values, fromColumn: "Period ID", toTable: STAR.period, toColumn: "Period ID" },
    { fromTable: STAR.benchmarks, fromColumn: "KPI ID", toTable: STAR.kpi, toColumn: "KPI ID" },
];

export class DatasetError extends Error {}

/** Tables from CSV texts keyed by file name (kpis.csv ...). */
export function starModelFromCsv(files: Readonly<Record<string, string>>): Model {
    return new Model(STAR_TABLES.map(t => tableFromCsv(t, files[t.file], t.file)), STAR_RELATIONSHIPS);
}

export function loadStarModel(folder: string): Model {
    const files: Record<string, string> = {};
    for (const t of STAR_TABLES) {
        try {
            files[t.file] = readFileSync(join(folder, t.file), "utf8");
        } catch (e) {
            throw new DatasetError(`${join(folder, t.file)}: cannot read the file (${(e as Error).message})`);
        }
    }
    return starModelFromCsv(files);
}

function tableFromCsv(schema: StarTable, text: string | undefined, file: string): Table {
    if (text === undefined) throw new DatasetError(`${file}: the file is missing`);
    const csv = parseCsvTable(text);
    if (csv.problems.length > 0) throw new DatasetError(`${file}: line ${csv.problems[0].line}: ${csv.problems[0].message}`);
    for (const c of schema.columns) {
        if (!csv.header.includes(c.name)) throw new DatasetError(`${file}: line 1: the column "${c.name}" is missing`);
    }
    const types = new Map<string, string>(schema.columns.map(c => [c.name, c.type]));
    const rows: Row[] = csv.records.map(record => {
        const row: Record<string, DaxValue> = {};
        for (const name of csv.header) {
            const cell = record.values[name];
            const type = types.get(name) ?? "text";
            if (cell.trim() === "") { row[name] = BLANK_VALUE; continue; }
            if (type === "number" || type === "integer") {
                const n = Number(cell.trim());
                if (!Number.isFinite(n) || (type === "integer" && !Number.isInteger(n))) {
                    throw new DatasetError(`${file}: line ${record.line}, column "${name}": ${JSON.stringify(cell)} is not a ${type === "integer" ? "whole number" : "number"}`);
                }
                row[name] = n;
            } else {
                row[name] = cell;
            }
        }
        return row;
    });
    return { name: schema.table, columns: [...csv.header], rows };
}
