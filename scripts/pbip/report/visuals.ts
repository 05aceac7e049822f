/**
 * Visual containers (definition/pages/<page>/visuals/<visual>/visual.json) of the PBIR report:
 * slicers, the KPI tiles custom visual, tables, matrices, cards and text boxes.
 */
import { SCHEMA } from "../schemas";
import { aliasedExpression, fieldExpression, FieldRef, fieldValue, literal, Projection, projectionJson, queryRef, solidColour } from "./fields";

export interface Position {
    readonly x: number;
    readonly y: number;
    readonly width: number;
    readonly height: number;
}

export type VisualJson = Record<string, unknown> & { name: string };

/** Every field a visual's query or filters use (the reference test checks them against the model). */
export interface BuiltVisual {
    readonly json: VisualJson;
    readonly fields: readonly FieldRef[];
}

let zCounter = 0;

function container(name: string, position: Position, visual: Record<string, unknown>, extra: Record<string, unknown> = {}): VisualJson {
    zCounter += 1000;
    return {
        $schema: SCHEMA.visualContainer,
        name,
        position: { ...position, z: zCounter, tabOrder: zCounter },
        visual,
        ...extra,
    };
}

/** Restart z-order and tab order at the start of each page. */
export function resetPageOrder(): void {
    zCounter = 0;
}

function title(text: string): Record<string, unknown> {
    return { title: [{ properties: { show: literal(true), text: literal(text) } }] };
}

function queryState(roles: Record<string, readonly Projection[]>): Record<string, unknown> {
    return Object.fromEntries(Object.entries(roles).map(([role, projections]) => [role, { projections: projections.map(p => projectionJson(p)) }]));
}

function allFields(roles: Record<string, readonly Projection[]>): FieldRef[] {
    return Object.values(roles).flatMap(ps => ps.map(p => p.field));
}

/** A dropdown slicer kept in step across pages through a sync group. */
export function slicer(name: string, position: Position, field: FieldRef, heading: string): BuiltVisual {
    const roles = { Values: [{ field }] };
    return {
        json: container(name, position, {
            visualType: "slicer",
            query: { queryState: queryState(roles) },
            objects: {
                data: [{ properties: { mode: literal("Dropdown") } }],
                header: [{ properties: { show: literal(true), text: literal(heading) } }],
                selection: [{ properties: { selectAllCheckboxEnabled: literal(true) } }],
            },
            syncGroup: { groupName: heading, fieldChanges: true, filterChanges: true },
            drillFilterOtherVisuals: true,
        }),
        fields: [field],
    };
}

/** The KPI tiles custom visual with its data roles bound (docs/CONTRACTS.md role bindings). */
export function kpiTiles(name: string, position: Position, visualType: string, roles: Record<string, readonly Projection[]>, heading: string): BuiltVisual {
    return {
        json: container(name, position, {
            visualType,
            query: { queryState: queryState(roles) },
            visualContainerObjects: title(heading),
            drillFilterOtherVisuals: true,
        }),
        fields: allFields(roles),
    };
}

export interface ColumnFormat {
    readonly field: FieldRef;
    /** Background colour of the cells from this field (a measure returning a hex colour). */
    readonly backgroundFrom?: FieldRef;
    /** Column width in pixels. */
    readonly width?: number;
}

function cellFormatting(formats: readonly ColumnFormat[]): Record<string, unknown>[] {
    const out: Record<string, unknown>[] = [];
    for (const f of formats) {
        if (!f.backgroundFrom) continue;
        out.push({
            properties: { backColor: solidColour(fieldValue(f.backgroundFrom)), fontColor: solidColour(literal("#FFFFFF")) },
            selector: { data: [{ dataViewWildcard: { matchingOption: 1 } }], metadata: queryRef(f.field) },
        });
    }
    return out;
}

function columnWidths(formats: readonly ColumnFormat[]): Record<string, unknown>[] {
    return formats.filter(f => f.width !== undefined).map(f => ({
        properties: { value: literal(f.width as number) },
        selector: { metadata: queryRef(f.field) },
    }));
}

/** A filter on a measure's text value being one of `values` (visual level). */
export function measureTextFilter(filterName: string, field: FieldRef, values: readonly string[]): Record<string, unknown> {
    const alias = "m";
    const comparison = (value: string) => ({
        Comparison: { ComparisonKind: 0, Left: aliasedExpression(field, alias), Right: { Literal: { Value: `'${value.replace(/'/g, "''")}'` } } },
    });
    const condition = values.slice(1).reduce<Record<string, unknown>>((left, v) => ({ Or: { Left: left, Right: comparison(v) } }), comparison(values[0]));
    return {
        name: filterName,
        field: fieldExpression(field),
        type: "Advanced",
        filter: { Version: 2, From: [{ Name: alias, Entity: field.table, Type: 0 }], Where: [{ Condition: condition }] },
        howCreated: "User",
    };
}

/** A filter keeping the rows whose column equals one of `values` (visual level). */
export function columnInFilter(filterName: string, field: FieldRef, values: readonly string[]): Record<string, unknown> {
    const alias = "c";
    return {
        name: filterName,
        field: fieldExpression(field),
        type: "Categorical",
        filter: {
            Version: 2,
            From: [{ Name: alias, Entity: field.table, Type: 0 }],
            Where: [{ Condition: { In: { Expressions: [aliasedExpression(field, alias)], Values: values.map(v => [{ Literal: { Value: `'${v.replace(/'/g, "''")}'` } }]) } } }],
        },
        howCreated: "User",
        isHiddenInViewMode: true,
    };
}

export interface TableOptions {
    readonly columns: readonly (Projection & { readonly format?: Omit<ColumnFormat, "field"> })[];
    readonly heading: string;
    readonly filters?: readonly { json: Record<string, unknown>; field: FieldRef }[];
    /** Sort by this projected field. */
    readonly sortBy?: { readonly field: FieldRef; readonly direction: "Ascending" | "Descending" };
}

/** A table visual (tableEx) with word-wrapped cells and optional status-coloured columns. */
export function table(name: string, position: Position, options: TableOptions): BuiltVisual {
    const formats: ColumnFormat[] = options.columns.map(c => ({ field: c.field, ...c.format }));
    const roles = { Values: options.columns.map(c => ({ field: c.field, displayName: c.displayName })) };
    const query: Record<string, unknown> = { queryState: queryState(roles) };
    if (options.sortBy) query.sortDefinition = { sort: [{ field: fieldExpression(options.sortBy.field), direction: options.sortBy.direction }], isDefaultSort: true };
    const objects: Record<string, unknown[]> = {
        values: [{ properties: { wordWrap: literal(true) } }, ...cellFormatting(formats)],
        columnHeaders: [{ properties: { wordWrap: literal(true) } }],
        columnWidth: columnWidths(formats),
    };
    if (objects.columnWidth.length === 0) delete objects.columnWidth;
    const extra = options.filters && options.filters.length > 0 ? { filterConfig: { filters: options.filters.map(f => f.json) } } : {};
    return {
        json: container(name, position, { visualType: "tableEx", query, objects, visualContainerObjects: title(options.heading), drillFilterOtherVisuals: true }, extra),
        fields: [...allFields(roles), ...formats.flatMap(f => (f.backgroundFrom ? [f.backgroundFrom] : [])), ...(options.filters ?? []).map(f => f.field),
            ...(options.sortBy ? [options.sortBy.field] : [])],
    };
}

export interface MatrixOptions {
    readonly rows: readonly Projection[];
    readonly columns?: readonly Projection[];
    readonly values: readonly (Projection & { readonly format?: Omit<ColumnFormat, "field"> })[];
    readonly heading: string;
    /** Show the column total (e.g. the latest period) and row subtotals. */
    readonly columnTotals?: boolean;
}

/** A matrix (pivotTable): status colour by field value on the chosen values. */
export function matrix(name: string, position: Position, options: MatrixOptions): BuiltVisual {
    const formats: ColumnFormat[] = options.values.map(v => ({ field: v.field, ...v.format }));
    const roles: Record<string, readonly Projection[]> = { Rows: options.rows, Values: options.values.map(v => ({ field: v.field, displayName: v.displayName })) };
    if (options.columns) roles.Columns = options.columns;
    return {
        json: container(name, position, {
            visualType: "pivotTable",
            query: { queryState: queryState(roles) },
            objects: {
                values: [{ properties: { wordWrap: literal(true) } }, ...cellFormatting(formats)],
                subTotals: [{ properties: { rowSubtotals: literal(false), columnSubtotals: literal(options.columnTotals === true) } }],
                columnHeaders: [{ properties: { wordWrap: literal(true) } }],
            },
            visualContainerObjects: title(options.heading),
            drillFilterOtherVisuals: true,
        }),
        fields: [...allFields(roles), ...formats.flatMap(f => (f.backgroundFrom ? [f.backgroundFrom] : []))],
    };
}

/** A card showing one measure for one KPI, its value coloured by the KPI's status colour. */
export function kpiCard(name: string, position: Position, value: FieldRef, colourFrom: FieldRef, kpiFilter: { json: Record<string, unknown>; field: FieldRef }, heading: string): BuiltVisual {
    return {
        json: container(name, position, {
            visualType: "card",
            query: { queryState: queryState({ Values: [{ field: value }] }) },
            objects: {
                labels: [{ properties: { color: solidColour(fieldValue(colourFrom)), fontSize: literal(28) } }],
                categoryLabels: [{ properties: { show: literal(false) } }],
            },
            visualContainerObjects: title(heading),
            drillFilterOtherVisuals: true,
        }, { filterConfig: { filters: [kpiFilter.json] } }),
        fields: [value, colourFrom, kpiFilter.field],
    };
}

/** A text box: a bold heading line and plain lines under it. */
export function textBox(name: string, position: Position, heading: string, lines: readonly string[]): BuiltVisual {
    const paragraphs = [
        { textRuns: [{ value: heading, textStyle: { fontWeight: "bold", fontSize: "16pt" } }] },
        ...lines.map(line => ({ textRuns: [{ value: line, textStyle: { fontSize: "9pt" } }] })),
    ];
    return {
        json: container(name, position, { visualType: "textbox", objects: { general: [{ properties: { paragraphs } }] }, drillFilterOtherVisuals: true }),
        fields: [],
    };
}
