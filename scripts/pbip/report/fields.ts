/**
 * Field references of the PBIR visual queries: a column or measure of the model, as a
 * projection (role binding), a literal, or a filter condition.
 */
export interface FieldRef {
    readonly kind: "Column" | "Measure";
    readonly table: string;
    readonly property: string;
}

export const column = (table: string, property: string): FieldRef => ({ kind: "Column", table, property });
export const measure = (table: string, property: string): FieldRef => ({ kind: "Measure", table, property });

/** The field expression with the table as SourceRef.Entity (visual queries). */
export function fieldExpression(field: FieldRef): Record<string, unknown> {
    return { [field.kind]: { Expression: { SourceRef: { Entity: field.table } }, Property: field.property } };
}

/** The field expression against a filter's `From` alias (filters use Source instead of Entity). */
export function aliasedExpression(field: FieldRef, alias: string): Record<string, unknown> {
    return { [field.kind]: { Expression: { SourceRef: { Source: alias } }, Property: field.property } };
}

export function queryRef(field: FieldRef): string {
    return `${field.table}.${field.property}`;
}

export interface Projection {
    readonly field: FieldRef;
    /** Header or label shown instead of the field name. */
    readonly displayName?: string;
}

export function projectionJson(p: Projection, active?: boolean): Record<string, unknown> {
    const out: Record<string, unknown> = {
        field: fieldExpression(p.field),
        queryRef: queryRef(p.field),
        nativeQueryRef: p.displayName ?? p.field.property,
    };
    if (p.displayName) out.displayName = p.displayName;
    if (active !== undefined) out.active = active;
    return out;
}

/** A literal for formatting properties: strings in single quotes (quote doubled), numbers as doubles (D suffix). */
export function literal(value: string | number | boolean): Record<string, unknown> {
    let text: string;
    if (typeof value === "string") text = `'${value.replace(/'/g, "''")}'`;
    else if (typeof value === "boolean") text = value ? "true" : "false";
    else text = `${value}D`;
    return { expr: { Literal: { Value: text } } };
}

/** A property bound to a field's value (conditional formatting "by field value"). */
export function fieldValue(field: FieldRef): Record<string, unknown> {
    return { expr: fieldExpression(field) };
}

/** A solid colour property. */
export function solidColour(value: Record<string, unknown>): Record<string, unknown> {
    return { solid: { color: value } };
}
