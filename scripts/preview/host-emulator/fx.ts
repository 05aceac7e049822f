/**
 * Conditional formatting (fx, "Field value") in the preview, as Power BI delivers it: the format
 * pane stores a rule `{ fx: { role } }` for a colour property that allows rules (instanceKind
 * Rule or ConstantOrRule, selector a dataView wildcard); the host evaluates it per data point and
 * hands the visual each row's colour in `categorical.categories[0].objects[row][object][property]`
 * as `{ solid: { color } }`, the value of the field bound to `role` in that row. The rule itself
 * does not reach metadata.objects.
 */
type Json = Record<string, unknown>;

/** A rule as the preview stores it. */
export interface FieldValueRule { readonly fx: { readonly role: string } }

export function isRule(value: unknown): value is FieldValueRule {
    return typeof value === "object" && value !== null && typeof (value as { fx?: { role?: unknown } }).fx?.role === "string";
}

interface Column { source?: { roles?: Record<string, boolean> }; values?: unknown[]; objects?: unknown[] }

/** Evaluate the rules in `dataView.metadata.objects` into per-row objects (in place); returns the dataView. */
export function applyFieldValueRules<T extends Json>(dataView: T): T {
    const metadata = dataView.metadata as { objects?: Record<string, Record<string, unknown>> } | undefined;
    const objects = metadata?.objects;
    const categorical = dataView.categorical as { categories?: Column[]; values?: Column[] } | undefined;
    if (!objects || !categorical) return dataView;
    const rules: { object: string; property: string; role: string }[] = [];
    for (const [object, properties] of Object.entries(objects)) {
        for (const [property, value] of Object.entries(properties)) {
            if (!isRule(value)) continue;
            rules.push({ object, property, role: value.fx.role });
            delete properties[property];
        }
        if (Object.keys(properties).length === 0) delete objects[object];
    }
    const target = categorical.categories?.[0];
    if (rules.length === 0 || !target?.values) return dataView;
    const columns = [...(categorical.categories ?? []), ...(categorical.values ?? [])];
    const perRow: Record<string, Record<string, unknown>>[] = target.values.map(() => ({}));
    for (const rule of rules) {
        const column = columns.find(c => c.source?.roles?.[rule.role] === true);
        if (!column?.values) continue;
        column.values.forEach((value, row) => {
            if (row >= perRow.length || value === null || value === undefined) return;
            perRow[row][rule.object] = { ...(perRow[row][rule.object] ?? {}), [rule.property]: { solid: { color: String(value) } } };
        });
    }
    // A fresh copy of the column: the server's JSON stays as it was.
    const categories = categorical.categories as Column[];
    categories[0] = { ...target, objects: perRow };
    return dataView;
}
