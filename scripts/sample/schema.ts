/**
 * The star schema of a KPI dataset folder (docs/CONTRACTS.md): file names, table names and
 * column order. The Power BI Project builder and the tests read the same definitions.
 */
export interface StarTable {
    /** CSV file name inside the dataset folder. */
    readonly file: string;
    /** Power BI table name. */
    readonly table: string;
    readonly columns: readonly StarColumn[];
}

export type ColumnType = "text" | "number" | "integer" | "date";

export interface StarColumn {
    readonly name: string;
    readonly type: ColumnType;
    /** What the column holds (docs and TMDL descriptions). */
    readonly description: string;
}

export const KPI_TABLE: StarTable = {
    file: "kpis.csv",
    table: "KPI",
    columns: [
        { name: "KPI ID", type: "text", description: "Unique KPI identifier (letters, digits, - and _)." },
        { name: "KPI", type: "text", description: "KPI name as shown on tiles and in tables." },
        { name: "Service Area", type: "text", description: "Service area the KPI belongs to (the tiles' group)." },
        { name: "Outcome", type: "text", description: "Council plan outcome or priority the KPI evidences." },
        { name: "Polarity", type: "text", description: "Which way is good: High, Low, Range (close to target) or None (contextual, not rated)." },
        { name: "Unit", type: "text", description: "Unit of the actual; for rates it names the multiplier (per 10,000 children)." },
        { name: "Format String", type: "text", description: "Power BI format string of the actual (percentages stored as fractions use 0.0%)." },
        { name: "Decimals", type: "integer", description: "Decimals of the stored value that the format string shows; statuses compare at this precision." },
        { name: "Target", type: "number", description: "Target in stored units (a fraction for percentages); empty when there is none." },
        { name: "Tolerance", type: "number", description: "Width of the amber zone: stored units when absolute, a fraction of the target when relative." },
        { name: "Tolerance Type", type: "text", description: "absolute or relative; empty when there is no tolerance." },
        { name: "Floor", type: "number", description: "Floor standard: below target but at or better than the floor is amber, worse is red." },
        { name: "Stretch", type: "number", description: "Stretch value: at or better than it is blue." },
        { name: "Owner", type: "text", description: "Accountable officer (job title)." },
        { name: "Frequency", type: "text", description: "How often a value is reported: Quarterly or Annual." },
        { name: "Source", type: "text", description: "Where the figure comes from." },
        { name: "Definition", type: "text", description: "What the KPI measures and how it is calculated." },
        { name: "LAIT Code", type: "text", description: "DfE Local Authority Interactive Tool short name of the published indicator; empty for local KPIs." },
        { name: "Sort Order", type: "integer", description: "Order of the KPI in reports." },
    ],
};

export const PERIOD_TABLE: StarTable = {
    file: "periods.csv",
    table: "Period",
    columns: [
        { name: "Period ID", type: "text", description: "Period key, e.g. 2025-26-Q2." },
        { name: "Financial Year", type: "text", description: "Financial year, e.g. 2025/26 (April to March)." },
        { name: "Quarter", type: "text", description: "Financial-year quarter: Q1 April-June, Q2 July-September, Q3 October-December, Q4 January-March." },
        { name: "Period", type: "text", description: "Label shown in reports, e.g. 2025/26 Q2; sorted by Period Index." },
        { name: "Period End", type: "date", description: "Last day of the quarter (ISO date)." },
        { name: "Period Index", type: "integer", description: "1 for the first period, contiguous; the previous period is Period Index - 1." },
    ],
};

export const VALUES_TABLE: StarTable = {
    file: "kpi_values.csv",
    table: "KPI Values",
    columns: [
        { name: "KPI ID", type: "text", description: "KPI the value belongs to." },
        { name: "Period ID", type: "text", description: "Period the value belongs to." },
        { name: "Actual", type: "number", description: "The period's value in stored units (a fraction for percentages); empty when suppressed." },
        { name: "Numerator", type: "number", description: "Count the actual is calculated from (children, cases); empty when not applicable or suppressed." },
        { name: "Denominator", type: "number", description: "Base of the calculation (cohort, population, staff FTE); Actual = Numerator / Denominator x the unit's multiplier." },
        { name: "Period Target", type: "number", description: "Target for this period when it differs from KPI[Target] (improvement trajectories)." },
        { name: "Commentary", type: "text", description: "Director's commentary; every red carries a path to green (explanation, action, date back within tolerance, accountable officer)." },
        { name: "Data Quality", type: "text", description: "Empty, Provisional (may be revised) or Suppressed (small numbers withheld; no actual)." },
    ],
};

export const BENCHMARK_TABLE: StarTable = {
    file: "benchmarks.csv",
    table: "Benchmarks",
    columns: [
        { name: "KPI ID", type: "text", description: "KPI the benchmark belongs to." },
        { name: "Year", type: "text", description: "Year label of the published figure as DfE LAIT gives it." },
        { name: "Applies From Index", type: "integer", description: "First Period Index the figure applies to (it applies until the next published year)." },
        { name: "England", type: "number", description: "England figure in stored units." },
        { name: "Region", type: "number", description: "The council's region (West Midlands)." },
        { name: "Neighbours", type: "number", description: "Mean of the statistical neighbours that have a value." },
        { name: "Q1", type: "number", description: "Lower quartile of English local authorities (PERCENTILE.INC)." },
        { name: "Median", type: "number", description: "Median of English local authorities." },
        { name: "Q3", type: "number", description: "Upper quartile of English local authorities." },
        { name: "Rank", type: "integer", description: "The council's rank among authorities (1 is best, ties share the lowest rank); empty for contextual KPIs." },
        { name: "Authorities", type: "integer", description: "Number of authorities ranked, including the council." },
    ],
};

export const STAR_TABLES: readonly StarTable[] = [KPI_TABLE, PERIOD_TABLE, VALUES_TABLE, BENCHMARK_TABLE];

export function columnNames(table: StarTable): string[] {
    return table.columns.map(c => c.name);
}
