/**
 * The star schema of a KPI dataset: the one definition of its files, Power BI tables, columns,
 * their types (as the Power BI model types them), which values are required and which values
 * are allowed (docs/CONTRACTS.md is generated from it).
 *
 * Read by the preview (scripts/preview/dataset.ts), written by the sample generator
 * (scripts/sample), typed by the Power BI Project's M queries and TMDL (scripts/pbip), named by
 * the DAX generator (dax/src/measures) and importable by the visual (src/): plain data, no Node.
 *
 * Every column of a table is typed by the model's query (`Table.TransformColumnTypes`), so every
 * column must be in the file's header, among its first `columns.length` columns (the query reads
 * only that many: `Csv.Document(..., [Columns = N])`). `required` says whether a row may leave
 * the value empty.
 */

/** The type of a column's values: text, decimal number, whole number, ISO date. */
export type ColumnType = "text" | "number" | "integer" | "date";

export interface StarColumn {
    readonly name: string;
    readonly type: ColumnType;
    /** True when every row must give a value (the column itself is always required). */
    readonly required: boolean;
    /** The values allowed, compared case-insensitively; an empty cell is allowed unless required. */
    readonly allowed?: readonly string[];
    /** What the column holds (docs and TMDL descriptions). */
    readonly description: string;
}

export type StarTableKey = "kpis" | "periods" | "values" | "benchmarks";

export interface StarTable {
    readonly key: StarTableKey;
    /** CSV file name inside the dataset folder. */
    readonly file: string;
    /** Power BI table name. */
    readonly table: string;
    readonly columns: readonly StarColumn[];
}

/** How the Power BI model types each kind of column: Power Query M type and TMDL dataType. */
export const M_TYPE: Readonly<Record<ColumnType, string>> = {
    text: "type text",
    number: "type number",
    integer: "Int64.Type",
    date: "type date",
};

export const TMDL_DATA_TYPE: Readonly<Record<ColumnType, string>> = {
    text: "string",
    number: "double",
    integer: "int64",
    date: "dateTime",
};

/** The type in words, as the docs' tables give it. */
export const TYPE_WORDS: Readonly<Record<ColumnType, string>> = {
    text: "text",
    number: "decimal",
    integer: "whole number",
    date: "date",
};

/**
 * Data quality of a value (`KPI Values[Data Quality]`); an empty cell is Final. What each one
 * means for rating: src/rules/quality.ts.
 */
export const DATA_QUALITY_VALUES = ["Final", "Provisional", "Estimated", "Suppressed", "Not returned"] as const;
export type DataQuality = typeof DATA_QUALITY_VALUES[number];

/** Status of a path-to-green action (`KPI Values[Action Status]`); src/rules/pathToGreen.ts reads it. */
export const ACTION_STATUS_VALUES = ["On track", "At risk", "Complete"] as const;

export const TOLERANCE_TYPES = ["absolute", "relative"] as const;
export const FREQUENCIES = ["Monthly", "Quarterly", "Annual"] as const;

export const KPI_TABLE = {
    key: "kpis",
    file: "kpis.csv",
    table: "KPI",
    columns: [
        { name: "KPI ID", type: "text", required: true, description: "Unique KPI identifier (as the council or the DfE writes it)." },
        { name: "KPI", type: "text", required: true, description: "KPI name as shown on tiles and in tables; unique." },
        { name: "Service Area", type: "text", required: true, description: "Service area the KPI belongs to (the tiles' group)." },
        { name: "Outcome", type: "text", required: false, description: "Council plan outcome or priority the KPI evidences." },
        { name: "Polarity", type: "text", required: false, description: "Which way is good: High, Low, Range (close to target) or None (contextual, not rated); empty is None." },
        { name: "Unit", type: "text", required: false, description: "Unit of the actual; for rates it names the multiplier (per 10,000 children)." },
        { name: "Format String", type: "text", required: false, description: "Power BI format string of the actual (percentages stored as fractions use 0.0%); it sets the shown precision." },
        { name: "Decimals", type: "integer", required: false, description: "Decimals of the stored value that the format string shows (0.0% is 3); derived from the format string." },
        { name: "Target", type: "number", required: false, description: "Target in stored units (a fraction for percentages); empty when there is none." },
        { name: "Tolerance", type: "number", required: false, description: "Width of the amber zone: stored units when absolute, a fraction of the target when relative (0.05 = 5%)." },
        { name: "Tolerance Type", type: "text", required: false, allowed: TOLERANCE_TYPES, description: "absolute (the default) or relative." },
        { name: "Floor", type: "number", required: false, description: "Floor standard: below target but at or better than the floor is amber, worse is red." },
        { name: "Stretch", type: "number", required: false, description: "Stretch value: at or better than it is blue." },
        { name: "Owner", type: "text", required: false, description: "Accountable officer (job title)." },
        { name: "Frequency", type: "text", required: false, allowed: FREQUENCIES, description: "How often a value is reported." },
        { name: "Source", type: "text", required: false, description: "Where the figure comes from." },
        { name: "Definition", type: "text", required: false, description: "What the KPI measures and how it is calculated." },
        { name: "LAIT Code", type: "text", required: false, description: "DfE Local Authority Interactive Tool short name of the published indicator; empty for local KPIs." },
        { name: "Sort Order", type: "integer", required: false, description: "Order of the KPI in reports (KPI sorts by it)." },
    ],
} as const satisfies StarTable;

export const PERIOD_TABLE = {
    key: "periods",
    file: "periods.csv",
    table: "Period",
    columns: [
        { name: "Period ID", type: "text", required: true, description: "Period key, e.g. 2025-26-Q2; unique." },
        { name: "Financial Year", type: "text", required: false, description: "Financial year, e.g. 2025/26 (April to March)." },
        { name: "Quarter", type: "text", required: false, description: "Financial-year quarter: Q1 April-June, Q2 July-September, Q3 October-December, Q4 January-March." },
        { name: "Period", type: "text", required: true, description: "Label shown in reports, e.g. 2025/26 Q2; unique; sorted by Period Index." },
        { name: "Period End", type: "date", required: false, description: "Last day of the period (ISO date YYYY-MM-DD)." },
        { name: "Period Index", type: "integer", required: true, description: "1 for the first period, contiguous; the previous period is Period Index - 1." },
    ],
} as const satisfies StarTable;

export const VALUES_TABLE = {
    key: "values",
    file: "kpi_values.csv",
    table: "KPI Values",
    columns: [
        { name: "KPI ID", type: "text", required: true, description: "KPI the value belongs to (in kpis.csv)." },
        { name: "Period ID", type: "text", required: true, description: "Period the value belongs to (in periods.csv); one row per KPI and period." },
        { name: "Actual", type: "number", required: false, description: "The period's value in stored units (a fraction for percentages); empty when suppressed or not returned." },
        { name: "Numerator", type: "number", required: false, description: "Count the actual is calculated from (children, cases); empty when not applicable or suppressed." },
        { name: "Denominator", type: "number", required: false, description: "Base of the calculation (cohort, population, staff FTE); Actual = Numerator / Denominator x the unit's multiplier." },
        { name: "Period Target", type: "number", required: false, description: "Target for this period when it differs from KPI[Target] (improvement trajectories)." },
        { name: "Commentary", type: "text", required: false, description: "Director's commentary; every red carries a path to green (explanation, action, date back within tolerance, accountable officer)." },
        { name: "Data Quality", type: "text", required: false, allowed: DATA_QUALITY_VALUES, description: "Final (or empty), Provisional (may be revised), Estimated, Suppressed (small numbers withheld; no actual) or Not returned (no actual)." },
        { name: "Action", type: "text", required: false, description: "Path to green: the action that brings an off-track KPI back within tolerance (every Red and Amber value carries one)." },
        { name: "Action Owner", type: "text", required: false, description: "Accountable officer for the action (job title)." },
        { name: "Back Within Tolerance By", type: "date", required: false, description: "Date the KPI is expected back within tolerance (ISO date YYYY-MM-DD); past it while still Red or Amber, or with the action not complete, the action is overdue." },
        { name: "Action Status", type: "text", required: false, allowed: ACTION_STATUS_VALUES, description: "On track, At risk or Complete, as at the last update." },
        { name: "Action Updated", type: "date", required: false, description: "Date of the action's last update (ISO date YYYY-MM-DD)." },
    ],
} as const satisfies StarTable;

export const BENCHMARK_TABLE = {
    key: "benchmarks",
    file: "benchmarks.csv",
    table: "Benchmarks",
    columns: [
        { name: "KPI ID", type: "text", required: true, description: "KPI the benchmark belongs to (in kpis.csv)." },
        { name: "Year", type: "text", required: false, description: "Year label of the published figure as DfE LAIT gives it." },
        { name: "Applies From Index", type: "integer", required: true, description: "First Period Index the figure applies to (it applies until the next row's index)." },
        { name: "England", type: "number", required: false, description: "England figure in stored units." },
        { name: "Region", type: "number", required: false, description: "The council's region." },
        { name: "Neighbours", type: "number", required: false, description: "Mean of the statistical neighbours that have a value." },
        { name: "Q1", type: "number", required: false, description: "Lower quartile of English local authorities (PERCENTILE.INC)." },
        { name: "Median", type: "number", required: false, description: "Median of English local authorities." },
        { name: "Q3", type: "number", required: false, description: "Upper quartile of English local authorities." },
        { name: "Rank", type: "integer", required: false, description: "The council's rank among authorities (1 is best, ties share the lowest rank); empty for contextual KPIs." },
        { name: "Authorities", type: "integer", required: false, description: "Number of authorities ranked, including the council." },
    ],
} as const satisfies StarTable;

/** The four tables in load order. */
export const STAR_TABLES: readonly StarTable[] = [KPI_TABLE, PERIOD_TABLE, VALUES_TABLE, BENCHMARK_TABLE];

/** Power BI table names. */
export const STAR = {
    kpi: KPI_TABLE.table,
    period: PERIOD_TABLE.table,
    values: VALUES_TABLE.table,
    benchmarks: BENCHMARK_TABLE.table,
} as const;

/** Column names of each table, as types: a misspelt column in code does not compile. */
export type KpiColumn = typeof KPI_TABLE.columns[number]["name"];
export type PeriodColumn = typeof PERIOD_TABLE.columns[number]["name"];
export type ValuesColumn = typeof VALUES_TABLE.columns[number]["name"];
export type BenchmarkColumn = typeof BENCHMARK_TABLE.columns[number]["name"];

export function columnNames(table: StarTable): string[] {
    return table.columns.map(c => c.name);
}

export function starTable(key: StarTableKey): StarTable {
    const table = STAR_TABLES.find(t => t.key === key);
    if (!table) throw new Error(`no star-schema table ${key}`);
    return table;
}

/** The allowed value a text matches (case-insensitively, trimmed), or null. */
export function allowedValue(column: StarColumn, text: string): string | null {
    const wanted = text.trim().toLowerCase();
    return column.allowed?.find(a => a.toLowerCase() === wanted) ?? null;
}
