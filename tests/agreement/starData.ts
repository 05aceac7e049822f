/**
 * Star-schema datasets for tests, written as the CSV files of a dataset folder
 * (docs/CONTRACTS.md; columns from lib/star-schema.ts), so the engine loads them the way it
 * loads the sample and any council's dataset.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { toCsv } from "../../lib/csv";
import { STAR_TABLES, StarTableKey } from "../../lib/star-schema";

export type Cells = Readonly<Record<string, string | number | null | undefined>>;
export type StarRows = Readonly<Partial<Record<StarTableKey, readonly Cells[]>>>;

const cell = (v: string | number | null | undefined): string => (v === null || v === undefined ? "" : String(v));

/** The dataset's files by name (kpis.csv ...); a column a row does not give is empty. */
export function starCsv(rows: StarRows): Record<string, string> {
    const files: Record<string, string> = {};
    for (const table of STAR_TABLES) {
        const columns = table.columns.map(c => c.name);
        files[table.file] = toCsv(columns, (rows[table.key] ?? []).map(r => Object.fromEntries(columns.map(c => [c, cell(r[c])]))));
    }
    return files;
}

/** The files written to a new temporary dataset folder (for readers that take a folder). */
export function writeStarFolder(files: Readonly<Record<string, string>>): string {
    const folder = mkdtempSync(join(tmpdir(), "kpi-dataset-"));
    mkdirSync(folder, { recursive: true });
    for (const [name, text] of Object.entries(files)) writeFileSync(join(folder, name), text, "utf8");
    return folder;
}
