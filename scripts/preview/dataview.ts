/**
 * The categorical dataView that Power BI builds for the visual from a model of the star
 * schema, when the sample report's fields are bound to the visual's roles (docs/CONTRACTS.md):
 * text columns (KPI, Service Area, Period, Polarity, Commentary, Owner, Format String) arrive
 * as categories, the generated `KPI ...` measures as values (`KPI Data Quality`, a text
 * measure, among them). Only roles that the packaged
 * visual's capabilities declare, and that its categorical mapping selects, are delivered, in
 * the mapping's order, so the preview feeds the bundle exactly what its capabilities ask for.
 *
 * The result is plain JSON (it travels to the browser page): category identities are
 * `{ key }` objects and `values.grouped()` is added back on the page (host-emulator/dataview.ts).
 */
import type { PreviewRow } from "./dataset";

export interface JsonColumn {
    displayName: string;
    queryName: string;
    roles: Record<string, boolean>;
    type: Record<string, boolean>;
    isMeasure?: boolean;
    format?: string;
    index: number;
    sort?: 1 | 2;
    sortOrder?: number;
}

export interface JsonCategory {
    source: JsonColumn;
    values: (string | number | null)[];
    identity: { key: string }[];
    identityFields: { ref: string }[];
}

export interface JsonValueColumn {
    source: JsonColumn;
    values: (string | number | null)[];
}

export interface JsonDataView {
    metadata: { columns: JsonColumn[]; objects?: Record<string, Record<string, unknown>>; segment?: Record<string, never> };
    categorical: { categories: JsonCategory[]; values: JsonValueColumn[] };
}

export interface DataViewBuild {
    readonly dataView: JsonDataView;
    /** Rows the data-reduction limit of the capabilities cut off (0 when none). */
    readonly rowsCutOff: number;
    /** Roles the dataset could fill but the visual's capabilities do not declare. */
    readonly rolesNotInCapabilities: readonly string[];
}

/** The part of capabilities.json this module reads. */
export interface CapabilitiesLike {
    dataRoles?: { name: string; kind?: string | number }[];
    dataViewMappings?: {
        categorical?: {
            categories?: MappingPart;
            values?: MappingPart;
        };
    }[];
}

interface MappingPart {
    select?: { bind?: { to: string }; for?: { in: string } }[];
    bind?: { to: string };
    for?: { in: string };
    dataReductionAlgorithm?: { top?: { count?: number }; window?: { count?: number } };
}

type FieldKind = "text" | "number" | "integer" | "date";

interface Field {
    readonly role: string;
    readonly table: string;
    readonly name: string;
    readonly kind: FieldKind;
    readonly measure: boolean;
    readonly read: (row: PreviewRow) => string | number | null;
    /** The measure's static format string, given the dataset's per-KPI formats. */
    readonly format?: (uniformFormat: string | undefined) => string | undefined;
}

const MEASURES_TABLE = "KPI Measures";
const valueFormat = (uniform: string | undefined): string | undefined => uniform;

/** Every field the preview can bind, in the order of the capabilities' roles. */
const FIELDS: readonly Field[] = [
    { role: "kpi", table: "KPI", name: "KPI", kind: "text", measure: false, read: r => r.kpi },
    { role: "group", table: "KPI", name: "Service Area", kind: "text", measure: false, read: r => r.group },
    { role: "period", table: "Period", name: "Period", kind: "text", measure: false, read: r => r.period },
    { role: "polarity", table: "KPI", name: "Polarity", kind: "text", measure: false, read: r => r.polarity },
    { role: "commentary", table: "KPI Values", name: "Commentary", kind: "text", measure: false, read: r => r.commentary },
    { role: "owner", table: "KPI", name: "Owner", kind: "text", measure: false, read: r => r.owner },
    { role: "format", table: "KPI", name: "Format String", kind: "text", measure: false, read: r => r.format },
    // Path to green (dates travel as ISO text in this JSON; Power BI hands Dates, the model reads both).
    { role: "periodEnd", table: "Period", name: "Period End", kind: "date", measure: false, read: r => r.periodEnd ?? null },
    { role: "action", table: "KPI Values", name: "Action", kind: "text", measure: false, read: r => r.action ?? null },
    { role: "actionOwner", table: "KPI Values", name: "Action Owner", kind: "text", measure: false, read: r => r.actionOwner ?? null },
    { role: "actionDue", table: "KPI Values", name: "Back Within Tolerance By", kind: "date", measure: false, read: r => r.actionDue ?? null },
    { role: "actionStatus", table: "KPI Values", name: "Action Status", kind: "text", measure: false, read: r => r.actionStatus ?? null },
    { role: "actionUpdated", table: "KPI Values", name: "Action Updated", kind: "date", measure: false, read: r => r.actionUpdated ?? null },
    { role: "actual", table: MEASURES_TABLE, name: "KPI Actual", kind: "number", measure: true, read: r => r.actual, format: valueFormat },
    { role: "target", table: MEASURES_TABLE, name: "KPI Target", kind: "number", measure: true, read: r => r.target, format: valueFormat },
    { role: "tolerance", table: MEASURES_TABLE, name: "KPI Tolerance", kind: "number", measure: true, read: r => r.tolerance, format: valueFormat },
    { role: "tolerancePct", table: MEASURES_TABLE, name: "KPI Tolerance %", kind: "number", measure: true, read: r => r.tolerancePct, format: () => "0.0%" },
    { role: "floor", table: MEASURES_TABLE, name: "KPI Floor", kind: "number", measure: true, read: r => r.floor, format: valueFormat },
    { role: "stretch", table: MEASURES_TABLE, name: "KPI Stretch", kind: "number", measure: true, read: r => r.stretch, format: valueFormat },
    { role: "england", table: MEASURES_TABLE, name: "KPI England", kind: "number", measure: true, read: r => r.england, format: valueFormat },
    { role: "region", table: MEASURES_TABLE, name: "KPI Region", kind: "number", measure: true, read: r => r.region, format: valueFormat },
    { role: "neighbours", table: MEASURES_TABLE, name: "KPI Neighbours", kind: "number", measure: true, read: r => r.neighbours, format: valueFormat },
    { role: "q1", table: MEASURES_TABLE, name: "KPI Q1", kind: "number", measure: true, read: r => r.q1, format: valueFormat },
    { role: "median", table: MEASURES_TABLE, name: "KPI Median", kind: "number", measure: true, read: r => r.median, format: valueFormat },
    { role: "q3", table: MEASURES_TABLE, name: "KPI Q3", kind: "number", measure: true, read: r => r.q3, format: valueFormat },
    { role: "rank", table: MEASURES_TABLE, name: "KPI Rank", kind: "integer", measure: true, read: r => r.rank, format: () => "0" },
    { role: "rankOf", table: MEASURES_TABLE, name: "KPI Authorities", kind: "integer", measure: true, read: r => r.rankOf, format: () => "0" },
    { role: "quality", table: MEASURES_TABLE, name: "KPI Data Quality", kind: "text", measure: true, read: r => r.quality ?? null },
];

function selectedRoles(part: MappingPart | undefined): string[] {
    if (!part) return [];
    const items = part.select ?? [part];
    return items.map(item => item.bind?.to ?? item.for?.in).filter((role): role is string => typeof role === "string");
}

function typeOf(kind: FieldKind): Record<string, boolean> {
    if (kind === "text") return { text: true };
    if (kind === "integer") return { numeric: true, integer: true };
    if (kind === "date") return { dateTime: true };
    return { numeric: true };
}

/**
 * Build the dataView for `rows` as the visual with these capabilities would receive it.
 * `objects` are the formatting-pane values (dataView.metadata.objects).
 */
export function buildDataView(rows: readonly PreviewRow[], capabilities: CapabilitiesLike,
    objects?: Record<string, Record<string, unknown>>): DataViewBuild {
    const declared = new Set((capabilities.dataRoles ?? []).map(r => r.name));
    const mapping = capabilities.dataViewMappings?.find(m => m.categorical)?.categorical;
    const categoryRoles = selectedRoles(mapping?.categories);
    const valueRoles = selectedRoles(mapping?.values);
    const limit = mapping?.categories?.dataReductionAlgorithm?.top?.count
        ?? mapping?.categories?.dataReductionAlgorithm?.window?.count;
    const delivered = limit !== undefined && rows.length > limit ? rows.slice(0, limit) : rows;

    const formats = new Set(rows.map(r => r.format ?? ""));
    const uniformFormat = formats.size === 1 ? ([...formats][0] || undefined) : undefined;

    const present = FIELDS.filter(f => rows.some(r => f.read(r) !== null) || f.role === "kpi" || f.role === "actual");
    const rolesNotInCapabilities = present.filter(f => !declared.has(f.role)).map(f => f.role);
    const asCategory = present.filter(f => !f.measure && declared.has(f.role) && categoryRoles.includes(f.role));
    const asValue = present.filter(f => declared.has(f.role) && valueRoles.includes(f.role)
        && (f.measure || !categoryRoles.includes(f.role)));
    asCategory.sort((a, b) => categoryRoles.indexOf(a.role) - categoryRoles.indexOf(b.role));
    asValue.sort((a, b) => valueRoles.indexOf(a.role) - valueRoles.indexOf(b.role));

    let index = 0;
    const column = (field: Field): JsonColumn => {
        const source: JsonColumn = {
            displayName: field.name,
            queryName: `${field.table}.${field.name}`,
            roles: { [field.role]: true },
            type: typeOf(field.kind),
            index: index++,
        };
        if (field.measure) source.isMeasure = true;
        const format = field.format?.(uniformFormat);
        if (format) source.format = format;
        if (field.role === "period") { source.sort = 1; source.sortOrder = 0; }
        return source;
    };
    const categories: JsonCategory[] = asCategory.map(field => {
        const source = column(field);
        const values = delivered.map(field.read);
        return {
            source,
            values,
            identity: values.map(value => ({ key: JSON.stringify([source.queryName, value]) })),
            identityFields: [{ ref: source.queryName }],
        };
    });
    const values: JsonValueColumn[] = asValue.map(field => ({ source: column(field), values: delivered.map(field.read) }));
    const dataView: JsonDataView = {
        metadata: { columns: [...categories.map(c => c.source), ...values.map(v => v.source)] },
        categorical: { categories, values },
    };
    if (objects && Object.keys(objects).length > 0) dataView.metadata.objects = objects;
    if (delivered.length < rows.length) dataView.metadata.segment = {};
    return { dataView, rowsCutOff: rows.length - delivered.length, rolesNotInCapabilities };
}
