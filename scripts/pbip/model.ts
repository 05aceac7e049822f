/**
 * The semantic model of the sample Power BI Project in TMDL: the four star-schema tables loaded
 * from CSV through Power Query, their relationships, the folder parameter, and the generated
 * `KPI Measures` table from the DAX generator.
 */
import { BENCHMARK_TABLE, KPI_TABLE, PERIOD_TABLE, STAR_TABLES, StarColumn, StarTable, TMDL_DATA_TYPE as DATA_TYPE, VALUES_TABLE } from "../../lib/star-schema";
import { csvTableQuery, FOLDER_PARAMETER, folderParameterExpression } from "./m";
import { descriptionLines, expressionLines, stableGuid, tmdlColumnRef, tmdlName, tmdlText } from "./tmdl";

export const COMPATIBILITY_LEVEL = 1567;
export const MODEL_CULTURE = "en-GB";

/** Table descriptions shown in Power BI's data pane. */
const TABLE_DESCRIPTIONS: Readonly<Record<string, string>> = {
    [KPI_TABLE.table]: "KPI dimension: one row per KPI with its polarity, target, tolerance, floor, stretch and owner.",
    [PERIOD_TABLE.table]: "Period dimension: financial-year quarters, sorted by Period Index.",
    [VALUES_TABLE.table]: "Quarterly KPI values with numerators, denominators, period targets, commentary and data quality.",
    [BENCHMARK_TABLE.table]: "Published benchmarks by year; the row that applies to a period has the largest Applies From Index not after the period's index.",
};

/** Columns that only join tables: hidden in fact tables so report authors use the dimensions. */
const HIDDEN_KEYS: ReadonlyMap<string, readonly string[]> = new Map([
    [VALUES_TABLE.table, ["KPI ID", "Period ID"]],
    [BENCHMARK_TABLE.table, ["KPI ID"]],
]);

/** Sort-by-column pairs: the label sorts by its index. */
const SORT_BY: ReadonlyMap<string, ReadonlyMap<string, string>> = new Map([
    [PERIOD_TABLE.table, new Map([["Period", "Period Index"]])],
    [KPI_TABLE.table, new Map([["KPI", "Sort Order"]])],
]);

function formatStringFor(column: StarColumn): string | null {
    switch (column.type) {
        case "integer": return "0";
        case "date": return "yyyy-mm-dd";
        default: return null;
    }
}

function columnTmdl(table: StarTable, column: StarColumn): string[] {
    const out = [...descriptionLines(column.description, 1), `\tcolumn ${tmdlName(column.name)}`];
    out.push(`\t\tdataType: ${DATA_TYPE[column.type]}`);
    const format = formatStringFor(column);
    if (format) out.push(`\t\tformatString: ${tmdlText(format)}`);
    if (HIDDEN_KEYS.get(table.table)?.includes(column.name)) out.push("\t\tisHidden");
    out.push("\t\tsummarizeBy: none");
    out.push(`\t\tsourceColumn: ${tmdlText(column.name)}`);
    const sortBy = SORT_BY.get(table.table)?.get(column.name);
    if (sortBy) out.push(`\t\tsortByColumn: ${tmdlName(sortBy)}`);
    out.push("");
    out.push("\t\tannotation SummarizationSetBy = User");
    if (column.type === "date") {
        out.push("");
        out.push("\t\tannotation UnderlyingDateTimeDataType = Date");
    }
    out.push("");
    return out;
}

/** `tables/<table>.tmdl` for one CSV table. */
export function csvTableTmdl(table: StarTable): string {
    const out = [...descriptionLines(TABLE_DESCRIPTIONS[table.table], 0), `table ${tmdlName(table.table)}`, ""];
    for (const column of table.columns) out.push(...columnTmdl(table, column));
    out.push(`\tpartition ${tmdlName(table.table)} = m`);
    out.push("\t\tmode: import");
    out.push("\t\tsource =");
    out.push(...expressionLines(csvTableQuery(table), 4));
    out.push("");
    out.push("\tannotation PBI_ResultType = Table");
    out.push("");
    return out.join("\n");
}

export interface RelationshipSpec {
    readonly fromTable: string;
    readonly fromColumn: string;
    readonly toTable: string;
    readonly toColumn: string;
}

/** The star schema's relationships (docs/CONTRACTS.md): many (fact) to one (dimension), single direction. */
export const RELATIONSHIPS: readonly RelationshipSpec[] = [
    { fromTable: VALUES_TABLE.table, fromColumn: "KPI ID", toTable: KPI_TABLE.table, toColumn: "KPI ID" },
    { fromTable: VALUES_TABLE.table, fromColumn: "Period ID", toTable: PERIOD_TABLE.table, toColumn: "Period ID" },
    { fromTable: BENCHMARK_TABLE.table, fromColumn: "KPI ID", toTable: KPI_TABLE.table, toColumn: "KPI ID" },
];

export function relationshipsTmdl(): string {
    const out: string[] = [];
    for (const r of RELATIONSHIPS) {
        out.push(`relationship ${stableGuid(`${r.fromTable}.${r.fromColumn}->${r.toTable}.${r.toColumn}`)}`);
        out.push(`\tfromColumn: ${tmdlColumnRef(r.fromTable, r.fromColumn)}`);
        out.push(`\ttoColumn: ${tmdlColumnRef(r.toTable, r.toColumn)}`);
        out.push("");
    }
    return out.join("\n");
}

export function expressionsTmdl(defaultFolder: string): string {
    return [
        ...descriptionLines("Folder holding kpis.csv, periods.csv, kpi_values.csv and benchmarks.csv. Set it in Transform data > Edit parameters.", 0),
        `expression ${tmdlName(FOLDER_PARAMETER)} = ${folderParameterExpression(defaultFolder)}`,
        "",
        "\tannotation PBI_ResultType = Text",
        "",
    ].join("\n");
}

export function databaseTmdl(): string {
    return ["database", `\tcompatibilityLevel: ${COMPATIBILITY_LEVEL}`, ""].join("\n");
}

export function modelTmdl(tableNames: readonly string[]): string {
    const queryOrder = JSON.stringify([FOLDER_PARAMETER, ...STAR_TABLES.map(t => t.table)]);
    return [
        "model Model",
        `\tculture: ${MODEL_CULTURE}`,
        "\tdefaultPowerBIDataSourceVersion: powerBI_V3",
        "\tdiscourageImplicitMeasures",
        `\tsourceQueryCulture: ${MODEL_CULTURE}`,
        "\tdataAccessOptions",
        "\t\tlegacyRedirects",
        "\t\treturnErrorValuesAsNull",
        "",
        `annotation PBI_QueryOrder = ${queryOrder}`,
        "",
        ...tableNames.map(name => `ref table ${tmdlName(name)}`),
        "",
    ].join("\n");
}
