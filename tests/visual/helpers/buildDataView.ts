import powerbi from "powerbi-visuals-api";

import DataView = powerbi.DataView;
import DataViewCategoryColumn = powerbi.DataViewCategoryColumn;
import DataViewValueColumn = powerbi.DataViewValueColumn;
import DataViewValueColumns = powerbi.DataViewValueColumns;
import DataViewMetadataColumn = powerbi.DataViewMetadataColumn;

/** Roles Power BI delivers as categories (grouping columns). */
const GROUPING_ROLES = new Set(["kpi", "group", "period"]);
/** Text roles that may be a column (category) or a measure (value); the default is category. */
const TEXT_ROLES = new Set(["polarity", "status", "commentary", "owner", "format"]);

export interface BuildOptions {
    /** Columns (by name) of a text role to deliver as measures (values) rather than categories. */
    readonly asMeasures?: readonly string[];
    /** Highlight flags per row: highlighted rows carry their value in `highlights`, others null. */
    readonly highlights?: readonly boolean[];
    /** Pretend Power BI cut the data at its row limit (metadata.segment is set). */
    readonly moreRows?: boolean;
    /** Data view objects (formatting pane values). */
    readonly objects?: powerbi.DataViewObjects;
}

/**
 * A categorical dataView shaped like the one Power BI sends the visual (capabilities.json).
 *
 * rows: one object per row (one KPI x period), keyed by column name.
 * roles: column name -> role name (a column may appear once; `tooltips` may have several).
 * formats: column name -> format string.
 *
 * buildDataView([{ KPI: "Re-referrals", Actual: 0.22, Target: 0.2 }],
 *               { KPI: "kpi", Actual: "actual", Target: "target" }, { Actual: "0.0%", Target: "0.0%" })
 */
export function buildDataView(rows: readonly Record<string, unknown>[], roles: Readonly<Record<string, string>>,
    formats: Readonly<Record<string, string>> = {}, options: BuildOptions = {}): DataView {
    const categories: DataViewCategoryColumn[] = [];
    const values: DataViewValueColumn[] = [];
    const metadataColumns: DataViewMetadataColumn[] = [];
    let index = 0;
    for (const [name, role] of Object.entries(roles)) {
        const columnValues = rows.map(r => (r[name] === undefined ? null : r[name])) as powerbi.PrimitiveValue[];
        const isCategory = GROUPING_ROLES.has(role) || (TEXT_ROLES.has(role) && !(options.asMeasures ?? []).includes(name));
        const numeric = columnValues.some(v => typeof v === "number");
        const source: DataViewMetadataColumn = {
            displayName: name,
            queryName: `Table.${name}`,
            roles: { [role]: true },
            index: index++,
            format: formats[name],
            isMeasure: !isCategory,
            type: numeric ? { numeric: true } : columnValues.some(v => v instanceof Date) ? { dateTime: true } : { text: true },
        };
        metadataColumns.push(source);
        if (isCategory) {
            categories.push({
                source,
                values: columnValues,
                identity: columnValues.map(v => ({ key: `${name}:${String(v)}`, kind: 0, expr: {} }) as unknown as powerbi.visuals.CustomVisualOpaqueIdentity),
            });
        } else {
            const column: DataViewValueColumn = { source, values: columnValues };
            if (options.highlights) {
                (column as { highlights?: powerbi.PrimitiveValue[] }).highlights =
                    columnValues.map((v, i) => (options.highlights?.[i] ? v : null)) as powerbi.PrimitiveValue[];
            }
            values.push(column);
        }
    }
    const valueColumns = values as DataViewValueColumns;
    valueColumns.grouped = () => [{ values }];
    return {
        metadata: {
            columns: metadataColumns,
            objects: options.objects,
            segment: options.moreRows ? {} : undefined,
        },
        categorical: {
            categories: categories.length > 0 ? categories : undefined,
            values: valueColumns,
        },
    };
}

/** A realistic set of roles and formats for the Children's Services KPIs, for tests and the preview. */
export const FULL_ROLES: Readonly<Record<string, string>> = {
    KPI: "kpi", Area: "group", Period: "period", Actual: "actual", Target: "target", Polarity: "polarity",
    Tolerance: "tolerance", Floor: "floor", Stretch: "stretch", England: "england", Region: "region",
    Neighbours: "neighbours", Q1: "q1", Median: "median", Q3: "q3", Rank: "rank", Authorities: "rankOf",
    Commentary: "commentary", Owner: "owner",
};
