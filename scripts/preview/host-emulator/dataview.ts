/**
 * Turn the JSON dataView from the server into what Power BI hands a visual: a fresh object per
 * update (new arrays, new column objects), the formatting pane's objects in metadata.objects,
 * values.grouped(), and, for a query served in windows (segments.ts), only the rows loaded so far.
 *
 * Cost inside a timed update: each update copies every row array it hands over once (firstRows
 * slices the query's arrays to the rows loaded, one copy per array, even for the last window).
 * That copy is kept on purpose: Power BI hands the visual a new dataView each time (across the
 * frame boundary), so a visual must not find last update's arrays again; an Append update's
 * dataView holds every row so far. Nothing else is copied per row: the columns firstRows makes
 * are already new objects, so only their `source` is copied here, not the column again.
 */
import { firstRows, rowCount } from "./segments";
import { applyFieldValueRules } from "./fx";

type Json = Record<string, unknown>;

export interface JsonDataViewLike {
    metadata: { columns: Json[]; objects?: Record<string, Record<string, unknown>>; segment?: Json };
    categorical?: { categories?: Json[]; values?: Json[] };
}

/** A column from firstRows (already a new object with new arrays) with its own copy of `source`. */
const withOwnSource = (column: Json): Json => {
    if (column.source) column.source = { ...(column.source as Json) };
    return column;
};

/** `rows`: how many rows of the query the host has loaded (default: all). */
export function hydrateDataView(json: JsonDataViewLike, objects: Record<string, Record<string, unknown>>, rows = rowCount(json)): Json {
    const sliced = firstRows(json as unknown as { metadata: Json; categorical?: { categories?: Json[]; values?: Json[] } }, rows) as unknown as JsonDataViewLike;
    const metadata = { ...sliced.metadata, columns: sliced.metadata.columns.map(c => JSON.parse(JSON.stringify(c)) as Json) };
    const copy: JsonDataViewLike = { ...sliced, metadata };
    const own = json.metadata.objects ?? {};
    const merged: Record<string, Record<string, unknown>> = JSON.parse(JSON.stringify(own)) as Record<string, Record<string, unknown>>;
    for (const [name, properties] of Object.entries(objects)) merged[name] = { ...(merged[name] ?? {}), ...JSON.parse(JSON.stringify(properties)) as Record<string, unknown> };
    if (Object.keys(merged).length > 0) copy.metadata.objects = merged;
    else delete copy.metadata.objects;
    const categorical = sliced.categorical;
    if (categorical) {
        const values = (categorical.values ?? []).map(withOwnSource) as Json[] & { grouped?: () => Json[]; source?: Json };
        values.grouped = () => [{ values: values.slice() }];
        copy.categorical = { ...categorical, categories: categorical.categories?.map(withOwnSource), values };
        if (!categorical.categories) delete copy.categorical.categories;
    }
    // Conditional formatting (fx): rules evaluated per row, as Power BI does (fx.ts).
    return applyFieldValueRules(copy as unknown as Json);
}
