/**
 * A dataset folder in the star schema (lib/star-schema.ts, docs/CONTRACTS.md: kpis.csv,
 * periods.csv, kpi_values.csv, benchmarks.csv), read and validated, and turned into the rows a
 * Power BI model built from it would hand the visual: one row per KPI x period.
 *
 * The preview refuses what the sample Power BI model could not load: every file and every
 * column its queries type, each within the columns the query reads, each value of its type.
 * It warns about what the DAX measures would read differently from the tiles.
 *
 * Problems are collected, never thrown: each names the file, the row (the line in the file),
 * the column, what is wrong and, when there is one, the likely intended text ("did you mean").
 * One root cause gives one message: a misspelt column or KPI ID is reported once, and checks
 * that depend on what could not be read are skipped. Errors stop the preview; warnings are
 * shown beside it.
 */
import { existsSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import {
    DataQuality, parseDataQuality, parsePolarity, POLARITY_SPELLINGS, precisionFromFormat, QUALITY_RULES,
    relativeToleranceProblem,
} from "../../src/rules";
import { CsvTable, CsvTableRecord as CsvRecord, parseCsvTable as parseCsv } from "../../lib/csv";
import {
    BENCHMARK_TABLE, KPI_TABLE, PERIOD_TABLE, STAR_TABLES, StarColumn, StarTable, StarTableKey,
    TYPE_WORDS, VALUES_TABLE,
} from "../../lib/star-schema";
import { didYouMean, editDistance } from "../../dax/src/dictionary/didYouMean";
import { kpiIdProblem, nameKey } from "../../dax/src/expr/text";

export { buildDataView } from "./dataview";

/** One problem with a dataset: where it is, what is wrong, and the likely fix. */
export interface DatasetProblem {
    readonly severity: "error" | "warning";
    /** File name within the folder, or the folder itself. */
    readonly file: string;
    /** Line in the file (the header is line 1); null for problems of the whole file. */
    readonly line: number | null;
    readonly column: string | null;
    /** The reason. */
    readonly message: string;
    /** "Did you mean": the likely intended text (a column name, a KPI ID, an allowed value), or null. */
    readonly suggestion: string | null;
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
    /** Data quality of the period's value (`KPI Data Quality`): null or absent when the period has no value row. */
    readonly quality?: DataQuality | null;
    /** Last day of the period (`Period[Period End]`, ISO date). */
    readonly periodEnd?: string | null;
    /** Path to green of the period's value (KPI Values: Action ... Action Updated; dates as ISO text). */
    readonly action?: string | null;
    readonly actionOwner?: string | null;
    readonly actionDue?: string | null;
    readonly actionStatus?: string | null;
    readonly actionUpdated?: string | null;
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
    kpis: KPI_TABLE.file,
    periods: PERIOD_TABLE.file,
    values: VALUES_TABLE.file,
    benchmarks: BENCHMARK_TABLE.file,
} as const satisfies Record<StarTableKey, string>;

/** Allowed-value columns whose other values the model and the rules read without harm: a warning. */
const WARN_ONLY_ALLOWED = new Set(["Frequency"]);

/** The likely intended allowed value: the quality an abbreviation stands for (P, c, NR ...), else the nearest word. */
function suggestAllowed(column: StarColumn, raw: string): string | null {
    if (column.name === "Data Quality") {
        const parsed = parseDataQuality(raw);
        if (parsed.ok) return parsed.quality;
    }
    return didYouMean(raw, column.allowed ?? []);
}
const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** IDs match as the model's relationships and DAX match them: ignoring case, Unicode NFC (dax/src/expr/text.ts). */
const idKey = (id: string): string => nameKey(id);

/**
 * The known ID a wrong one probably is: the same but for case, spaces, hyphens or underscores,
 * or one character left out or added (FD1 for FD01). A changed character is not guessed at:
 * IDs in a series (2025-26-Q1, 2025-26-Q2; P1, P9) differ by one character on purpose.
 */
function nearestId(id: string, known: readonly string[]): string | null {
    const near = didYouMean(id, known);
    if (near === null) return null;
    const squash = (s: string): string => s.toLowerCase().replace(/[\s_-]+/g, "");
    if (squash(near) === squash(id)) return near;
    return near.length !== id.length && editDistance(id, near) <= 1 ? near : null;
}

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
    readonly end?: string | null;
}

interface Value {
    readonly actual: number | null;
    readonly periodTarget: number | null;
    readonly commentary: string | null;
    readonly quality: DataQuality;
    readonly pathToGreen?: PathToGreenCells;
}

/** The path-to-green columns of a KPI Values row, as text (checked against the contract's types). */
interface PathToGreenCells {
    readonly action: string | null;
    readonly actionOwner: string | null;
    readonly actionDue: string | null;
    readonly actionStatus: string | null;
    readonly actionUpdated: string | null;
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

/** Why a number cell does not read as a number, with a hint for the usual spreadsheet habits. */
function notANumber(raw: string): string {
    let hint = "";
    if (raw.endsWith("%")) hint = " (store percentages as fractions: 85% is 0.85)";
    else if (/^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$/.test(raw)) hint = " (remove the thousands separators)";
    else if (/^[+-]?\d*,\d+$/.test(raw)) hint = " (use a point as the decimal separator)";
    else if (/^(n\/a|na|null|-|x|c|\.\.|:)$/i.test(raw)) hint = " (leave the cell empty for a missing value)";
    return `"${raw}" is not a number${hint}`;
}

/**
 * Collects problems for one file and reads its cells. Every cell of a contract column is checked
 * once, against the column's type, required flag and allowed values (checkRecord); the typed
 * getters then read without reporting again, giving null for a cell that failed.
 */
class FileReader {
    readonly file: string;

    constructor(readonly spec: StarTable, private readonly problems: DatasetProblem[]) {
        this.file = spec.file;
    }

    report(severity: "error" | "warning", record: CsvRecord | null, column: string | null, message: string,
        suggestion: string | null = null): void {
        this.problems.push({ severity, file: this.file, line: record?.line ?? null, column, message, suggestion });
    }

    error(record: CsvRecord | null, column: string | null, message: string, suggestion: string | null = null): void {
        this.report("error", record, column, message, suggestion);
    }

    warn(record: CsvRecord | null, column: string | null, message: string, suggestion: string | null = null): void {
        this.report("warning", record, column, message, suggestion);
    }

    text(record: CsvRecord, column: string): string | null {
        const value = (record.values[column] ?? "").trim();
        return value === "" ? null : value;
    }

    number(record: CsvRecord, column: string): number | null {
        const raw = this.text(record, column);
        return raw !== null && NUMBER.test(raw) ? Number(raw) : null;
    }

    integer(record: CsvRecord, column: string): number | null {
        const value = this.number(record, column);
        return value !== null && Number.isInteger(value) ? value : null;
    }

    /** Check every cell of the record against its column of the contract. */
    checkRecord(record: CsvRecord, present: readonly StarColumn[]): void {
        for (const column of present) {
            const raw = this.text(record, column.name);
            if (raw === null) {
                if (column.required) this.error(record, column.name, "is empty but required");
                continue;
            }
            if (column.type === "number" || column.type === "integer") {
                if (!NUMBER.test(raw)) {
                    this.error(record, column.name, notANumber(raw));
                } else if (column.type === "integer" && !Number.isInteger(Number(raw))) {
                    this.error(record, column.name, `${raw} is not a whole number (the model types ${column.name} as a ${TYPE_WORDS.integer})`);
                }
            } else if (column.type === "date" && (!ISO_DATE.test(raw) || Number.isNaN(Date.parse(raw)))) {
                this.error(record, column.name, `"${raw}" is not an ISO date (YYYY-MM-DD)`);
            }
            if (column.allowed && !column.allowed.some(a => a.toLowerCase() === raw.toLowerCase())) {
                const severity = WARN_ONLY_ALLOWED.has(column.name) ? "warning" : "error";
                const empty = column.required ? "" : " (or empty)";
                this.report(severity, record, column.name, `"${raw}" is not one of ${column.allowed.join(", ")}${empty}`,
                    suggestAllowed(column, raw));
            }
        }
    }
}

interface ReadTable {
    readonly table: CsvTable;
    readonly reader: FileReader;
}

/**
 * Read one file and check its header against the contract: every column present (a near miss
 * named once, with the column it probably is), and within the columns the model's query reads.
 * Null when the file is missing or a column the rows are keyed by is missing: its rows cannot
 * be read, and checks that depend on them are skipped.
 */
function readTable(folder: string, spec: StarTable, problems: DatasetProblem[]): ReadTable | null {
    const path = join(folder, spec.file);
    const reader = new FileReader(spec, problems);
    if (!existsSync(path)) {
        const others = STAR_TABLES.map(t => t.file).join(", ");
        const hint = spec === BENCHMARK_TABLE ? "; with no benchmarks, give a file with only the header row" : "";
        reader.error(null, null, `not found: the Power BI model reads it, and a dataset folder holds ${others}${hint}`);
        return null;
    }
    const table = parseCsv(readFileSync(path, "utf8"));
    for (const problem of table.problems) {
        problems.push({ severity: "error", file: spec.file, line: problem.line, column: null, message: problem.message, suggestion: null });
    }
    const header = table.header;
    const names = spec.columns.map(c => c.name);
    const strangers = header.filter(h => h.trim() !== "" && !names.includes(h));
    const missing: StarColumn[] = [];
    const absent: string[] = [];
    for (const column of spec.columns) {
        if (header.includes(column.name)) continue;
        missing.push(column);
        const near = didYouMean(column.name, strangers);
        if (near !== null) {
            strangers.splice(strangers.indexOf(near), 1);
            reader.error(null, near, `is not a column of table ${spec.table}, and its column "${column.name}" is missing: Power BI matches column names exactly`, column.name);
        } else {
            absent.push(column.name);
        }
    }
    // One message for the columns the file lacks: one cause (an extract without the model's columns), one fix.
    if (absent.length > 0) {
        const what = absent.length === 1 ? "column missing" : `${absent.length} columns missing: ${absent.join(", ")}`;
        reader.error(null, absent.length === 1 ? absent[0] : null,
            `${what}. The Power BI model's query types every column of table ${spec.table}, so its refresh would fail: add ${absent.length === 1 ? "it" : "them"} (cells may be empty unless the value is required)`);
    }
    const limit = spec.columns.length;
    for (const column of spec.columns) {
        const position = header.indexOf(column.name);
        if (position >= limit) {
            reader.error(null, column.name, `is column ${position + 1}, but the model's query reads only the first ${limit} columns of ${spec.file}: put other columns after the ${limit} of table ${spec.table}`);
        }
    }
    if (missing.some(c => c.required)) return null;
    const present = spec.columns.filter(c => header.includes(c.name));
    for (const record of table.records) reader.checkRecord(record, present);
    return { table, reader };
}

interface KpiRead {
    readonly kpis: Map<string, Kpi>;
    /** False when the file could not be read: nothing can be checked against it. */
    readonly usable: boolean;
    /** IDs of rows already reported as unusable: rows that refer to them are the same root cause. */
    readonly rejected: ReadonlySet<string>;
}

function readKpis(folder: string, problems: DatasetProblem[]): KpiRead {
    const kpis = new Map<string, Kpi>();
    const read = readTable(folder, KPI_TABLE, problems);
    const rejected = new Set<string>();
    if (!read) return { kpis, usable: false, rejected };
    const { table, reader } = read;
    const names = new Map<string, number>();
    const lines = new Map<string, number>();
    for (const record of table.records) {
        const id = reader.text(record, "KPI ID");
        const name = reader.text(record, "KPI");
        const group = reader.text(record, "Service Area");
        const polarity = reader.text(record, "Polarity") ?? "";
        const parsed = parsePolarity(polarity);
        if (!parsed.ok) {
            reader.error(record, "Polarity", `"${polarity}" is not a polarity (use one of: ${POLARITY_SPELLINGS.join(", ")})`,
                didYouMean(polarity, POLARITY_SPELLINGS));
        }
        const toleranceType = (reader.text(record, "Tolerance Type") ?? "absolute").toLowerCase();
        const tolerance = reader.number(record, "Tolerance");
        if (tolerance !== null && tolerance < 0) reader.error(record, "Tolerance", "is negative");
        const relative = toleranceType === "relative" && tolerance !== null ? relativeToleranceProblem(tolerance) : null;
        if (relative) reader.warn(record, "Tolerance", `${relative.message} (e.g. ${relative.hint})`);
        const decimals = reader.integer(record, "Decimals");
        if (decimals !== null && (decimals < -12 || decimals > 10)) reader.warn(record, "Decimals", `${decimals} decimals looks wrong`);
        const formatText = reader.text(record, "Format String");
        const shown = precisionFromFormat(formatText);
        if (decimals !== null && shown !== null && shown.storedDecimals !== decimals) {
            reader.warn(record, "Decimals", `${decimals}, but the format string "${formatText}" shows values to ${shown.storedDecimals} stored decimals; the tiles and the DAX measures compare at the format's precision`, String(shown.storedDecimals));
        } else if (decimals === null && reader.text(record, "Decimals") === null && shown !== null && record.values["Decimals"] !== undefined) {
            reader.warn(record, "Decimals", `is empty: the tiles and the DAX measures compare at the format string's ${shown.storedDecimals} stored decimals (the DAX reads the Decimals column only for a format string the generator did not see)`, String(shown.storedDecimals));
        }
        if (id === null || name === null || group === null) {
            if (id !== null) rejected.add(idKey(id));
            continue;
        }
        const kpi: Kpi = {
            id, name, group, polarity,
            format: formatText,
            target: reader.number(record, "Target"),
            tolerance,
            toleranceRelative: toleranceType === "relative",
            floor: reader.number(record, "Floor"),
            stretch: reader.number(record, "Stretch"),
            owner: reader.text(record, "Owner"),
            sortOrder: reader.number(record, "Sort Order"),
        };
        const idProblem = kpiIdProblem(id);
        if (idProblem) reader.error(record, "KPI ID", `${JSON.stringify(id)} ${idProblem}`);
        const key = idKey(id);
        if (kpis.has(key)) {
            const first = kpis.get(key)?.id;
            reader.error(record, "KPI ID", first === id ? `"${id}" is used by more than one KPI (first on line ${lines.get(key)})`
                : `"${id}" is used by more than one KPI: "${first}" on line ${lines.get(key)} is the same ID to Power BI, which ignores case`);
            continue;
        }
        const earlier = names.get(name.toLowerCase());
        if (earlier !== undefined) {
            reader.error(record, "KPI", `"${name}" is also the name on line ${earlier}: the visual makes one tile per name, so the two would merge`);
        }
        names.set(name.toLowerCase(), record.line);
        lines.set(key, record.line);
        kpis.set(key, kpi);
    }
    if (table.records.length === 0) reader.error(null, null, "has a header but no KPIs");
    return { kpis, usable: true, rejected };
}

interface PeriodRead {
    readonly periods: Map<string, Period>;
    readonly usable: boolean;
    readonly rejected: ReadonlySet<string>;
}

function readPeriods(folder: string, problems: DatasetProblem[]): PeriodRead {
    const periods = new Map<string, Period>();
    const read = readTable(folder, PERIOD_TABLE, problems);
    const rejected = new Set<string>();
    if (!read) return { periods, usable: false, rejected };
    const { table, reader } = read;
    const indexes = new Map<number, number>();
    const labels = new Set<string>();
    for (const record of table.records) {
        const id = reader.text(record, "Period ID");
        const label = reader.text(record, "Period");
        const index = reader.integer(record, "Period Index");
        if (id === null || label === null || index === null) {
            if (id !== null) rejected.add(idKey(id));
            continue;
        }
        if (periods.has(idKey(id))) { reader.error(record, "Period ID", `"${id}" appears twice (Power BI ignores case)`); continue; }
        if (labels.has(label)) reader.error(record, "Period", `"${label}" labels two periods`);
        if (indexes.has(index)) reader.error(record, "Period Index", `${index} is also the index on line ${indexes.get(index)}`);
        labels.add(label);
        indexes.set(index, record.line);
        periods.set(idKey(id), { id, label, index, end: reader.text(record, "Period End") });
    }
    const sorted = [...indexes.keys()].sort((a, b) => a - b);
    const gap = sorted.findIndex((index, position) => index !== position + 1);
    // A row whose index could not be read is already reported: the gap it leaves is the same cause.
    if (gap !== -1 && rejected.size === 0) {
        reader.error(null, "Period Index", `indexes must run 1, 2, 3 ... without gaps: expected ${gap + 1}, found ${sorted[gap]}`);
    }
    if (table.records.length === 0) reader.error(null, null, "has a header but no periods");
    return { periods, usable: true, rejected };
}

/**
 * Rows that name an ID the other file does not have, reported once per ID (at its first row,
 * with the other rows counted and the closest known ID suggested), not once per row.
 */
class UnknownIds {
    private readonly seen = new Map<string, { record: CsvRecord; id: string; more: number[] }>();

    constructor(private readonly reader: FileReader, private readonly column: string, private readonly otherFile: string,
        private readonly known: () => readonly string[]) { }

    add(record: CsvRecord, id: string): void {
        const entry = this.seen.get(idKey(id));
        if (entry) entry.more.push(record.line);
        else this.seen.set(idKey(id), { record, id, more: [] });
    }

    /** Report them; returns the suggested IDs (whose own "no values" warning is the same cause). */
    flush(): Set<string> {
        const suggested = new Set<string>();
        for (const { record, id, more } of this.seen.values()) {
            const near = nearestId(id, this.known());
            if (near !== null) suggested.add(idKey(near));
            const also = more.length === 0 ? "" : ` (also ${more.length === 1 ? "row" : "rows"} ${more.slice(0, 5).join(", ")}${more.length > 5 ? ` and ${more.length - 5} more` : ""})`;
            this.reader.error(record, this.column, `"${id}" is not in ${this.otherFile}${also}`, near);
        }
        return suggested;
    }
}

interface ValuesRead {
    readonly values: Map<string, Value>;
    readonly usable: boolean;
    /** KPI IDs suggested for unknown IDs: their missing values are the same root cause. */
    readonly suggestedKpis: ReadonlySet<string>;
}

const valueKey = (kpiId: string, periodId: string): string => `${idKey(kpiId)}\u0000${idKey(periodId)}`;

function readValues(folder: string, kpis: KpiRead, periods: PeriodRead, problems: DatasetProblem[]): ValuesRead {
    const values = new Map<string, Value>();
    const read = readTable(folder, VALUES_TABLE, problems);
    if (!read) return { values, usable: false, suggestedKpis: new Set() };
    const { table, reader } = read;
    const seen = new Map<string, number>();
    const unknownKpis = new UnknownIds(reader, "KPI ID", KPI_TABLE.file, () => [...kpis.kpis.values()].map(k => k.id));
    const unknownPeriods = new UnknownIds(reader, "Period ID", PERIOD_TABLE.file, () => [...periods.periods.values()].map(p => p.id));
    for (const record of table.records) {
        const kpiId = reader.text(record, "KPI ID");
        const periodId = reader.text(record, "Period ID");
        const actual = reader.number(record, "Actual");
        const periodTarget = reader.number(record, "Period Target");
        // Checked against the contract's words by checkRecord; read as the visual reads it.
        const parsed = parseDataQuality(reader.text(record, "Data Quality"));
        const quality: DataQuality = parsed.ok ? parsed.quality : "Final";
        if (!QUALITY_RULES[quality].showsValue && actual !== null) {
            reader.warn(record, "Actual", `a ${quality.toLowerCase()} figure has a value: it is not shown or rated (the tile says ${quality})`);
        }
        if (kpiId === null || periodId === null) continue;
        let known = true;
        if (!kpis.kpis.has(idKey(kpiId))) {
            known = false;
            if (kpis.usable && !kpis.rejected.has(idKey(kpiId))) unknownKpis.add(record, kpiId);
        }
        if (!periods.periods.has(idKey(periodId))) {
            known = false;
            if (periods.usable && !periods.rejected.has(idKey(periodId))) unknownPeriods.add(record, periodId);
        }
        const key = valueKey(kpiId, periodId);
        if (seen.has(key)) {
            reader.error(record, null, `${kpiId} has a second row for ${periodId} (first on line ${seen.get(key)})`);
            continue;
        }
        seen.set(key, record.line);
        const pathToGreen: PathToGreenCells = {
            action: reader.text(record, "Action"), actionOwner: reader.text(record, "Action Owner"),
            actionDue: reader.text(record, "Back Within Tolerance By"), actionStatus: reader.text(record, "Action Status"),
            actionUpdated: reader.text(record, "Action Updated"),
        };
        if (known) values.set(key, { actual, periodTarget, commentary: reader.text(record, "Commentary"), quality, pathToGreen });
    }
    const suggestedKpis = unknownKpis.flush();
    unknownPeriods.flush();
    return { values, usable: true, suggestedKpis };
}

function readBenchmarks(folder: string, kpis: KpiRead, periodCount: number,
    problems: DatasetProblem[]): Map<string, Benchmark[]> {
    const benchmarks = new Map<string, Benchmark[]>();
    const read = readTable(folder, BENCHMARK_TABLE, problems);
    if (!read) return benchmarks;
    const { table, reader } = read;
    const unknownKpis = new UnknownIds(reader, "KPI ID", KPI_TABLE.file, () => [...kpis.kpis.values()].map(k => k.id));
    for (const record of table.records) {
        const kpiId = reader.text(record, "KPI ID");
        const appliesFrom = reader.integer(record, "Applies From Index");
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
        if (!kpis.kpis.has(idKey(kpiId))) {
            if (kpis.usable && !kpis.rejected.has(idKey(kpiId))) unknownKpis.add(record, kpiId);
            continue;
        }
        if (appliesFrom < 1 || (periodCount > 0 && appliesFrom > periodCount)) {
            reader.warn(record, "Applies From Index", `${appliesFrom} is outside the periods 1..${periodCount}: this row never applies`);
        }
        const list = benchmarks.get(idKey(kpiId)) ?? [];
        if (list.some(b => b.appliesFrom === appliesFrom)) {
            reader.error(record, "Applies From Index", `${kpiId} already has a benchmark applying from ${appliesFrom}`);
            continue;
        }
        list.push({ appliesFrom, ...benchmark });
        benchmarks.set(idKey(kpiId), list);
    }
    unknownKpis.flush();
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
            const value = values.get(valueKey(kpi.id, period.id));
            const benchmark = benchmarkFor(benchmarks.get(idKey(kpi.id)), period.index);
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
                quality: value?.quality ?? null,
                periodEnd: period.end ?? null,
                action: value?.pathToGreen?.action ?? null,
                actionOwner: value?.pathToGreen?.actionOwner ?? null,
                actionDue: value?.pathToGreen?.actionDue ?? null,
                actionStatus: value?.pathToGreen?.actionStatus ?? null,
                actionUpdated: value?.pathToGreen?.actionUpdated ?? null,
            };
            // Power BI drops a row of the grouping when every measure in it is blank.
            const measures = [row.actual, row.target, row.tolerance, row.tolerancePct, row.floor, row.stretch,
                row.england, row.region, row.neighbours, row.q1, row.median, row.q3, row.rank, row.rankOf, row.quality];
            if (measures.some(m => m !== null)) rows.push(row);
        }
    }
    return rows;
}

/** Read, validate and shape a dataset folder. Never throws for bad data. */
export function readDataset(folder: string): Dataset {
    const problems: DatasetProblem[] = [];
    if (!existsSync(folder) || !statSync(folder).isDirectory()) {
        problems.push({ severity: "error", file: folder, line: null, column: null, message: "is not a folder", suggestion: null });
        return { folder, rows: [], problems, ok: false, kpiCount: 0, periodCount: 0 };
    }
    const kpis = readKpis(folder, problems);
    const periods = readPeriods(folder, problems);
    const values = readValues(folder, kpis, periods, problems);
    const benchmarks = readBenchmarks(folder, kpis, periods.periods.size, problems);
    // Only when every file it depends on was read: otherwise the missing values are the same cause.
    if (values.usable && periods.usable && kpis.usable) {
        const withValues = new Set([...values.values.keys()].map(key => key.split("\u0000")[0]));
        for (const [key, kpi] of kpis.kpis) {
            if (withValues.has(key) || values.suggestedKpis.has(key)) continue;
            problems.push({ severity: "warning", file: DATASET_FILES.values, line: null, column: "KPI ID", message: `${kpi.id} (${kpi.name}) has no values: its tile shows no data`, suggestion: null });
        }
    }
    const ok = problems.every(p => p.severity !== "error");
    const rows = ok ? buildRows(kpis.kpis, periods.periods, values.values, benchmarks) : [];
    return { folder, rows, problems, ok, kpiCount: kpis.kpis.size, periodCount: periods.periods.size };
}

/** One problem as a line of text: "kpis.csv, row 4, column Polarity: ... (did you mean "High"?)" */
export function describeProblem(problem: DatasetProblem): string {
    const where = [problem.file];
    if (problem.line !== null) where.push(`row ${problem.line}`);
    if (problem.column !== null) where.push(`column ${problem.column}`);
    const suggestion = problem.suggestion !== null ? ` (did you mean "${problem.suggestion}"?)` : "";
    return `${problem.severity === "error" ? "Error" : "Warning"}: ${where.join(", ")}: ${problem.message}${suggestion}`;
}
