/**
 * The semantic model of the sample Power BI Project as typed TMDL objects: the four star-schema
 * tables loaded from CSV through Power Query, their relationships, the folder parameter, and the
 * generated `KPI Measures` table from the DAX generator. Written by the project's one TMDL writer
 * (dax/src/output/tmdlWriter.ts); checked by ./check.ts before anything is written.
 */
import { BENCHMARK_TABLE, KPI_TABLE, PERIOD_TABLE, STAR_TABLES, StarColumn, StarTable, TMDL_DATA_TYPE, VALUES_TABLE } from "../../lib/star-schema";
import {
    lineageTag, stableGuid, TmdlColumn, TmdlDataType, TmdlExpression, TmdlModelProperties, TmdlRelationship, TmdlSemanticModel, TmdlTable,
} from "../../dax/src/output/tmdlWriter";
import { csvTableQuery, FOLDER_PARAMETER, folderParameterExpression } from "./m";

/**
 * The model's compatibility level: the highest any feature it uses needs. `measure.formatStringDefinition`
 * (the KPI measures' dynamic format strings) needs 1601 (MS-SSAS-T 2.2.5.31); every feature and its
 * level: COMPATIBILITY_FEATURES in dax/src/output/tmdlCompatibility.ts (tests/sample/pbip-model.test.ts checks it).
 */
export const COMPATIBILITY_LEVEL = 1601;
export const MODEL_CULTURE = "en-GB";

/** Table descriptions shown in Power BI's data pane. */
const TABLE_DESCRIPTIONS: Readonly<Record<string, string>> = {
    [KPI_TABLE.table]: "KPI dimension: one row per KPI with its polarity, target, tolerance, floor, stretch and owner.",
    [PERIOD_TABLE.table]: "Period dimension: financial-year quarters, sorted by Period Index.",
    [VALUES_TABLE.table]: "Quarterly KPI values with numerators, denominators, period targets, commentary and data quality.",
    [BENCHMARK_TABLE.table]: "Published benchmarks by year; the row that applies to a period has the largest Applies From Index not after the period's index.",
};

/**
 * Hidden columns: the fact tables' keys, which only join tables (report authors use the
 * dimensions), and the numbers the measures aggregate or compare, which report authors should
 * use through the measures (BPA HIDE_FOREIGN_KEYS, HIDE_FACT_TABLE_COLUMNS). Hidden columns
 * nothing sorts by also leave out their MDX attribute hierarchy (BPA
 * ISAVAILABLEINMDX_FALSE_NONATTRIBUTE_COLUMNS); `Period Index` keeps it, `Period` sorts by it.
 */
const HIDDEN: ReadonlyMap<string, readonly string[]> = new Map([
    [VALUES_TABLE.table, ["KPI ID", "Period ID", "Numerator", "Denominator"]],
    [BENCHMARK_TABLE.table, ["KPI ID", "Applies From Index"]],
    [PERIOD_TABLE.table, ["Period Index"]],
]);

/** The dimensions' keys: the one side of the relationships (BPA MARK_PRIMARY_KEYS). */
const KEYS: ReadonlyMap<string, string> = new Map([[KPI_TABLE.table, "KPI ID"], [PERIOD_TABLE.table, "Period ID"]]);

/** Sort-by-column pairs: the label sorts by its index. */
const SORT_BY: ReadonlyMap<string, ReadonlyMap<string, string>> = new Map([
    [PERIOD_TABLE.table, new Map([["Period", "Period Index"]])],
    [KPI_TABLE.table, new Map([["KPI", "Sort Order"]])],
]);

function formatStringFor(column: StarColumn): string | undefined {
    switch (column.type) {
        case "integer": return "0";
        case "date": return "yyyy-mm-dd";
        default: return undefined;
    }
}

function columnObject(table: StarTable, column: StarColumn): TmdlColumn {
    const hidden = HIDDEN.get(table.table)?.includes(column.name) === true;
    const sortBy = SORT_BY.get(table.table)?.get(column.name);
    const sortsOthers = [...(SORT_BY.get(table.table)?.values() ?? [])].includes(column.name);
    return {
        name: column.name,
        description: column.description,
        dataType: TMDL_DATA_TYPE[column.type] as TmdlDataType,
        formatString: formatStringFor(column),
        isHidden: hidden,
        isKey: KEYS.get(table.table) === column.name,
        isAvailableInMdx: hidden && sortBy === undefined && !sortsOthers ? false : undefined,
        lineageTag: lineageTag(`column/${table.table}/${column.name}`),
        summarizeBy: "none",
        sourceColumn: column.name,
        sortByColumn: sortBy,
        annotations: [
            { name: "SummarizationSetBy", value: "User" },
            ...(column.type === "date" ? [{ name: "UnderlyingDateTimeDataType", value: "Date" }] : []),
        ],
    };
}

/** One CSV table of the star schema, loaded by its Power Query query. */
export function csvTable(table: StarTable): TmdlTable {
    return {
        name: table.table,
        description: TABLE_DESCRIPTIONS[table.table],
        lineageTag: lineageTag(`table/${table.table}`),
        measures: [],
        columns: table.columns.map(c => columnObject(table, c)),
        partitions: [{ name: table.table, sourceType: "m", mode: "import", source: csvTableQuery(table) }],
        annotations: [{ name: "PBI_ResultType", value: "Table" }],
    };
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

export function relationshipObjects(): TmdlRelationship[] {
    return RELATIONSHIPS.map(r => ({ ...r, name: stableGuid(`${r.fromTable}.${r.fromColumn}->${r.toTable}.${r.toColumn}`) }));
}

export function folderParameter(defaultFolder: string): TmdlExpression {
    return {
        name: FOLDER_PARAMETER,
        description: "Folder holding kpis.csv, periods.csv, kpi_values.csv and benchmarks.csv. Set it in Transform data > Edit parameters.",
        expression: folderParameterExpression(defaultFolder),
        lineageTag: lineageTag(`expression/${FOLDER_PARAMETER}`),
        annotations: [{ name: "PBI_ResultType", value: "Text" }],
    };
}

export function modelProperties(): TmdlModelProperties {
    return {
        culture: MODEL_CULTURE,
        sourceQueryCulture: MODEL_CULTURE,
        defaultPowerBIDataSourceVersion: "powerBI_V3",
        discourageImplicitMeasures: true,
        dataAccessOptions: ["legacyRedirects", "returnErrorValuesAsNull"],
        annotations: [{ name: "PBI_QueryOrder", value: JSON.stringify([FOLDER_PARAMETER, ...STAR_TABLES.map(t => t.table)]) }],
    };
}

/** The whole model: the CSV tables, then the measures table. */
export function semanticModel(measuresTable: TmdlTable, defaultFolder: string): TmdlSemanticModel {
    return {
        compatibilityLevel: COMPATIBILITY_LEVEL,
        model: modelProperties(),
        tables: [...STAR_TABLES.map(csvTable), measuresTable],
        relationships: relationshipObjects(),
        expressions: [folderParameter(defaultFolder)],
    };
}
