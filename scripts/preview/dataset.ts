/**
 * A dataset folder in the documented star schema (docs/CONTRACTS.md: kpis.csv, periods.csv,
 * kpi_values.csv, benchmarks.csv), read and validated, and turned into the rows a Power BI
 * model built from it would hand the visual: one row per KPI x period.
 *
 * Problems are collected, never thrown: each names the file, the row (the line in the file),
 * the column and what is wrong, so a performance officer can fix the extract. Errors stop the
 * preview; warnings are shown beside it.
 */
import { existsSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { parsePolarity, POLARITY_SPELLINGS, precisionFromFormat } from "../../src/rules";
import { CsvTable, CsvTableRecord as CsvRecord, parseCsvTable as parseCsv } from "../../lib/csv";

export { buildDataView } from "./dataview";

export interface DatasetProblem {
    readonly severity: "error" | "warning";
    /** File name within the folder, or the folder itself. */
    readonly file: string;
    /** Line in the file (the header is line 1); null for problems of the whole file. */
    readonly line: number | null;
    readonly column: string | null;
    readonly message: string;
}

/** One KPI x period, with every field the visual's data roles can take. */
export interface PreviewRow {
    readonly kpi: string;
    readonly group: string | null;
    readonly period: string;
    readonly periodIndex: number;
    readonly actual: number | null;
    readonly target: number | null;
    readonly polarity: string | null;
    readonly tolerance: number | null;
    readonly tolerancePct: number | null;
    readonly floor: number | null;
    readonly stretch: number | null;
    readonly england: number | null;
    readonly region: number | null;
    readonly neighbours: number | null;
    readonly q1: number | null;
    readonly median: number | null;
    readonly q3: number | null;
    readonly rank: number | null;
    readonly rankOf: number | null;
    readonly commentary: string | null;
    readonly owner: string | null;
    readonly format: string | null;
}

export interface Dataset {
    readonly folder: string;
    readonly rows: readonly PreviewRow[];
    readonly problems: readonly DatasetProblem[];
    /** True when no problem is an error: the rows are what the model would deliver. */
    readonly ok: boolean;
    readonly kpiCount: number;
    readonly periodCount: number;
}

export const DATASET_FILES = {
    kpis: "kpis.csv",
    periods: "periods.csv",
    values: "kpi_values.csv",
    benchmarks: "benchmarks.csv",
} as const;

/** Columns without which a file cannot be used; the others of CONTRACTS.md are optional. */
const REQUIRED_COLUMNS: Readonly<Record<keyof typeof DATASET_FILES, readonly string[]>> = {
    kpis: ["KPI ID", "KPI", "Service Area", "Polarity"],
    periods: ["Period ID", "Period", "Period Index"],
    values: ["KPI ID", "Period ID", "Actual"],
    benchmarks: ["KPI ID", "Applies From Index"],
};

const DATA_QUALITY = new Set(["", "provisional", "suppressed"]);
const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

interface Kpi {
    readonly id: string;
    readonly name: string;
    readonly group: string;
    readonly polarity: string;
    readonly format: string | null;
    readonly target: number | null;
    readonly tolerance: number | null;
    readonly toleranceRelative: boolean;
    readonly floor: number | null;
    readonly stretch: number | null;
    readonly owner: string | null;
    readonly sortOrder: number | null;
}

interface Period {
    readonly id: string;
    readonly label: string;
    readonly index: number;
}

interface Value {
    readonly actual: number | null;
    readonly periodTarget: number | null;
    readonly commentary: string | null;
}

interface Benchmark {
    readonly appliesFrom: number;
    readonly england: number | null;
    readonly region: number | null;
    readonly neighbours: number | null;
    readonly q1: number | null;
    readonly median: number | null;
    readonly q3: number | null;
    readonly rank: number | null;
    readonly authorities: number | null;
}

/** Collects problems for one file and reads typed fields from its records. */
class FileReader {
    constructor(readonly file: string, private readonly problems: DatasetProblem[]) { }

    error(record: CsvRecord | null, column: string | null, message: string): void {
        this.problems.push({ severity: "error", file: this.file, line: record?.line ?? null, column, message });
    }

    warn(record: CsvRecord | null, column: string | null, message: string): void {
        this.problems.push({ severity: "warning", file: this.file, line: record?.line ?? null, column, message });
    }

    text(record: CsvRecord, column: string): string | null {
        const value = (record.values[column] ?? "").trim();
        return value === "" ? null : value;
    }

    requiredText(record: CsvRecord, column: string): string | null {
        const value = this.text(record, column);
        if (value === null) this.error(record, column, "is empty but required");
        return value;
    }

    number(record: CsvRecord, column: string): number | null {
        const raw = this.text(record, column);
        if (raw === null) return null;
        if (NUMBER.test(raw)) return Number(raw);
        let hint = "";
        if (raw.endsWith("%")) hint = " (store percentages as fractions: 85% is 0.85)";
        else if (/^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$/.test(raw)) hint = " (remove the thousands separators)";
        else if (/^[+-]?\d*,\d+$/.test(raw)) hint = " (use a point as the decimal separator)";
        else if (/^(n\/a|na|null|-|x|c|\.\.|:)$/i.test(raw)) hint = " (leave the cell empty for a missing value)";
        this.error(record, column, `"${raw}" is not a number${hint}`);
        return null;
    }

    integer(record: CsvRecord, column: string): number | null {
        const value = this.number(record, column);
        if (value !== null && !Number.isInteger(value)) {
            this.error(record, column, `${value} is not a whole number`);
            return null;
        }
        return value;
    }
}

function readTable(folder: string, key: keyof typeof DATASET_FILES, problems: DatasetProblem[]): { table: CsvTable; reader: FileReader } | null {
    const file = DATASET_FILES[key];
    const path = join(folder, file);
    const reader = new FileReader(file, problems);
    if (!existsSync(path)) {
        if (key === "benchmarks") {
            reader.warn(null, null, "not found: tiles will have no benchmarks");
        } else {
            reader.error(null, null, "not found (a dataset folder holds kpis.csv, periods.csv, kpi_values.csv and optionally benchmarks.csv)");
        }
        return null;
    }
    const table = parseCsv(readFileSync(path, "utf8"));
    for (const problem of table.problems) {
        problems.push({ severity: "error", file, line: problem.line, column: null, message: problem.message });
    }
    const missing = REQUIRED_COLUMNS[key].filter(column => !table.header.includes(column));
    for (const column of missing) {
        reader.error(null, column, `required column missing (the header has: ${table.header.join(", ") || "nothing"})`);
    }
    return missing.length > 0 ? null : { table, reader };
}

function readKpis(folder: string, problems: DatasetProblem[]): Map<string, Kpi> {
    const kpis = new Map<string, Kpi>();
    const read = readTable(folder, "kpis", problems);
    if (!read) return kpis;
    const { table, reader } = read;
    const names = new Map<string, number>();
    for (const record of table.records) {
        const id = reader.requiredText(record, "KPI ID");
        const name = reader.requiredText(record, "KPI");
        const group = reader.requiredText(record, "Service Area");
        const polarity = reader.text(record, "Polarity") ?? "";
        const parsed = parsePolarity(polarity);
        if (!parsed.ok) {
            reader.error(record, "Polarity", `"${polarity}" is not a polarity (use one of: ${POLARITY_SPELLINGS.join(", ")})`);
        }
        const toleranceType = (reader.text(record, "Tolerance Type") ?? "absolute").toLowerCase();
        if (toleranceType !== "absolute" && toleranceType !== "relative") {
            reader.error(record, "Tolerance Type", `"${toleranceType}" should be absolute or relative`);
        }
        const tolerance = reader.number(record, "Tolerance");
        if (tolerance !== null && tolerance < 0) reader.error(record, "Tolerance", "is negative");
        const decimals = reader.integer(record, "Decimals");
        if (decimals !== null && (decimals < 0 || decimals > 10)) reader.warn(record, "Decimals", `${decimals} decimals looks wrong`);
        const formatText = reader.text(record, "Format String");
        const shown = precisionFromFormat(formatText);
        if (decimals !== null && shown !== null && shown.storedDecimals !== decimals) {
            reader.warn(record, "Decimals", `${decimals}, but the format string "${formatText}" shows values to ${shown.storedDecimals} stored decimals; tiles compare at the format's precision`);
        }
        const kpi: Kpi = {
            id: id ?? "",
            name: name ?? "",
            group: group ?? "",
            polarity,
            format: reader.text(record, "Format String"),
            target: reader.number(record, "Target"),
            tolerance,
            toleranceRelative: toleranceType === "relative",
            floor: reader.number(record, "Floor"),
            stretch: reader.number(record, "Stretch"),
            owner: reader.text(record, "Owner"),
            sortOrder: reader.number(record, "Sort Order"),
        };
        if (id === null || name === null) continue;
        if (!/^[A-Za-z0-9_-]+$/.test(id)) reader.error(record, "KPI ID", `"${id}" may hold only letters, digits, - and _`);
        if (kpis.has(id)) {
            reader.error(record, "KPI ID", `"${id}" is used by more than one KPI`);
            continue;
        }
        const earlier = names.get(name.toLowerCase());
        if (earlier !== undefined) {
            reader.error(record, "KPI", `"${name}" is also the name on line ${earlier}: the visual makes one tile per name, so the two would merge`);
        }
        names.set(name.toLowerCase(), record.line);
        kpis.set(id, kpi);
    }
    if (table.records.length === 0) reader.error(null, null, "has a header but no KPIs");
    return kpis;
}

function readPeriods(folder: string, problems: DatasetProblem[]): Map<string, Period> {
    const periods = new Map<string, Period>();
    const read = readTable(folder, "periods", problems);
    if (!read) return periods;
    const { table, reader } = read;
    const indexes = new Map<number, number>();
    const labels = new Set<string>();
    for (const record of table.records) {
        const id = reader.requiredText(record, "Period ID");
        const label = reader.requiredText(record, "Period");
        const index = reader.integer(record, "Period Index");
        if (index === null && reader.text(record, "Period Index") === null) reader.error(record, "Period Index", "is empty but required");
        const end = reader.text(record, "Period End");
        if (end !== null && (!ISO_DATE.test(end) || Number.isNaN(Date.parse(end)))) {
            reader.error(record, "Period End", `"${end}" is not an ISO date (YYYY-MM-DD)`);
        }
        if (id === null || label === null || index === null) continue;
        if (periods.has(id)) { reader.error(record, "Period ID", `"${id}" appears twice`); continue; }
        if (labels.has(label)) reader.error(record, "Period", `"${label}" labels two periods`);
        if (indexes.has(index)) reader.error(record, "Period Index", `${index} is also the index on line ${indexes.get(index)}`);
        labels.add(label);
        indexes.set(index, record.line);
        periods.set(id, { id, label, index });
    }
    const sorted = [...indexes.keys()].sort((a, b) => a - b);
    const gap = sorted.findIndex((index, position) => index !== position + 1);
    if (gap !== -1) {
        reader.error(null, "Period Index", `indexes must run 1, 2, 3 ... without gaps: expected ${gap + 1}, found ${sorted[gap]}`);
    }
    if (table.records.length === 0) reader.error(null, null, "has a header but no periods");
    return periods;
}

function readValues(folder: string, kpis: Map<string, Kpi>, periods: Map<string, Period>,
    problems: DatasetProblem[]): Map<string, Value> {
    const values = new Map<string, Value>();
    const read = readTable(folder, "values", problems);
    if (!read) return values;
    const { table, reader } = read;
    const seen = new Map<string, number>();
    for (const record of table.records) {
        const kpiId = reader.requiredText(record, "KPI ID");
        const periodId = reader.requiredText(record, "Period ID");
        const actual = reader.number(record, "Actual");
        const periodTarget = reader.number(record, "Period Target");
        reader.number(record, "Numerator");
        reader.number(record, "Denominator");
        const quality = reader.text(record, "Data Quality") ?? "";
        if (!DATA_QUALITY.has(quality.toLowerCase())) {
            reader.error(record, "Data Quality", `"${quality}" should be empty, Provisional or Suppressed`);
        } else if (quality.toLowerCase() === "suppressed" && actual !== null) {
            reader.warn(record, "Actual", "a suppressed figure has a value; it is shown as given");
        }
        if (kpiId === null || periodId === null) continue;
        let known = true;
        if (!kpis.has(kpiId)) { reader.error(record, "KPI ID", `"${kpiId}" is not in kpis.csv`); known = false; }
        if (!periods.has(periodId)) { reader.error(record, "Period ID", `"${periodId}" is not in periods.csv`); known = false; }
        const key = `${kpiId}\u0000${periodId}`;
        if (seen.has(key)) {
            reader.error(record, null, `${kpiId} has a second row for ${periodId} (first on line ${seen.get(key)})`);
            continue;
        }
        seen.set(key, record.line);
        if (known) values.set(key, { actual, periodTarget, commentary: reader.text(record, "Commentary") });
    }
    return values;
}

function readBenchmarks(folder: string, kpis: Map<string, Kpi>, periodCount: number,
    problems: DatasetProblem[]): Map<string, Benchmark[]> {
    const benchmarks = new Map<string, Benchmark[]>();
    const read = readTable(folder, "benchmarks", problems);
    if (!read) return benchmarks;
    const { table, reader } = read;
    for (const record of table.records) {
        const kpiId = reader.requiredText(record, "KPI ID");
        const appliesFrom = reader.integer(record, "Applies From Index");
        if (appliesFrom === null && reader.text(record, "Applies From Index") === null) {
            reader.error(record, "Applies From Index", "is empty but required");
        }
        const benchmark = {
            england: reader.number(record, "England"),
            region: reader.number(record, "Region"),
            neighbours: reader.number(record, "Neighbours"),
            q1: reader.number(record, "Q1"),
            median: reader.number(record, "Median"),
            q3: reader.number(record, "Q3"),
            rank: reader.integer(record, "Rank"),
            authorities: reader.integer(record, "Authorities"),
        };
        const { q1, median, q3, rank, authorities } = benchmark;
        if (q1 !== null && median !== null && q3 !== null && (q1 > median || median > q3)) {
            reader.error(record, "Q1", `quartiles out of order: Q1 ${q1}, median ${median}, Q3 ${q3}`);
        }
        if (rank !== null && authorities !== null && (rank < 1 || rank > authorities)) {
            reader.error(record, "Rank", `rank ${rank} is outside 1..${authorities}`);
        }
        if (kpiId === null || appliesFrom === null) continue;
        if (!kpis.has(kpiId)) { reader.error(record, "KPI ID", `"${kpiId}" is not in kpis.csv`); continue; }
        if (appliesFrom < 1 || (periodCount > 0 && appliesFrom > periodCount)) {
            reader.warn(record, "Applies From Index", `${appliesFrom} is outside the periods 1..${periodCount}: this row never applies`);
        }
        const list = benchmarks.get(kpiId) ?? [];
        if (list.some(b => b.appliesFrom === appliesFrom)) {
            reader.error(record, "Applies From Index", `${kpiId} already has a benchmark applying from ${appliesFrom}`);
            continue;
        }
        list.push({ appliesFrom, ...benchmark });
        benchmarks.set(kpiId, list);
    }
    return benchmarks;
}

/** The benchmark row that applies to a period: the largest Applies From Index <= its index. */
function benchmarkFor(list: readonly Benchmark[] | undefined, periodIndex: number): Benchmark | null {
    let best: Benchmark | null = null;
    for (const b of list ?? []) {
        if (b.appliesFrom <= periodIndex && (best === null || b.appliesFrom > best.appliesFrom)) best = b;
    }
    return best;
}

/**
 * Rows in the order Power BI would deliver them from the sample model, where `KPI[KPI]` is sorted
 * by `Sort Order` and `Period[Period]` by `Period Index`: KPIs by Sort Order (those without one
 * last), then by name; periods by Period Index.
 */
function buildRows(kpis: Map<string, Kpi>, periods: Map<string, Period>, values: Map<string, Value>,
    benchmarks: Map<string, Benchmark[]>): PreviewRow[] {
    const orderedPeriods = [...periods.values()].sort((a, b) => a.index - b.index);
    const byName = (a: Kpi, b: Kpi): number => a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
    const order = (k: Kpi): number => k.sortOrder ?? Number.POSITIVE_INFINITY;
    const orderedKpis = [...kpis.values()].sort((a, b) => (order(a) - order(b)) || byName(a, b));
    const rows: PreviewRow[] = [];
    for (const kpi of orderedKpis) {
        for (const period of orderedPeriods) {
            const value = values.get(`${kpi.id}\u0000${period.id}`);
            const benchmark = benchmarkFor(benchmarks.get(kpi.id), period.index);
            const row: PreviewRow = {
                kpi: kpi.name,
                group: kpi.group,
                period: period.label,
                periodIndex: period.index,
                actual: value?.actual ?? null,
                target: value?.periodTarget ?? kpi.target,
                polarity: kpi.polarity,
                tolerance: kpi.toleranceRelative ? null : kpi.tolerance,
                tolerancePct: kpi.toleranceRelative ? kpi.tolerance : null,
                floor: kpi.floor,
                stretch: kpi.stretch,
                england: benchmark?.england ?? null,
                region: benchmark?.region ?? null,
                neighbours: benchmark?.neighbours ?? null,
                q1: benchmark?.q1 ?? null,
                median: benchmark?.median ?? null,
                q3: benchmark?.q3 ?? null,
                rank: benchmark?.rank ?? null,
                rankOf: benchmark?.authorities ?? null,
                commentary: value?.commentary ?? null,
                owner: kpi.owner,
                format: kpi.format,
            };
            // Power BI drops a row of the grouping when every measure in it is blank.
            const measures = [row.actual, row.target, row.tolerance, row.tolerancePct, row.floor, row.stretch,
                row.england, row.region, row.neighbours, row.q1, row.median, row.q3, row.rank, row.rankOf];
            if (measures.some(m => m !== null)) rows.push(row);
        }
    }
    return rows;
}

/** Read, validate and shape a dataset folder. Never throws for bad data. */
export function readDataset(folder: string): Dataset {
    const problems: DatasetProblem[] = [];
    if (!existsSync(folder) || !statSync(folder).isDirectory()) {
        problems.push({ severity: "error", file: folder, line: null, column: null, message: "is not a folder" });
        return { folder, rows: [], problems, ok: false, kpiCount: 0, periodCount: 0 };
    }
    const kpis = readKpis(folder, problems);
    const periods = readPeriods(folder, problems);
    const values = readValues(folder, kpis, periods, problems);
    const benchmarks = readBenchmarks(folder, kpis, periods.size, problems);
    const withoutValues = [...kpis.values()].filter(k => ![...values.keys()].some(key => key.startsWith(`${k.id}\u0000`)));
    for (const kpi of withoutValues) {
        problems.push({ severity: "warning", file: DATASET_FILES.values, line: null, column: "KPI ID", message: `${kpi.id} (${kpi.name}) has no values: its tile shows no data` });
    }
    const ok = problems.every(p => p.severity !== "error");
    const rows = ok ? buildRows(kpis, periods, values, benchmarks) : [];
    return { folder, rows, problems, ok, kpiCount: kpis.size, periodCount: periods.size };
}

/** One problem as a line of text: "kpis.csv, row 4, column Polarity: ..." */
export function describeProblem(problem: DatasetProblem): string {
    const where = [problem.file];
    if (problem.line !== null) where.push(`row ${problem.line}`);
    if (problem.column !== null) where.push(`column ${problem.column}`);
    return `${problem.severity === "error" ? "Error" : "Warning"}: ${where.join(", ")}: ${problem.message}`;
}
