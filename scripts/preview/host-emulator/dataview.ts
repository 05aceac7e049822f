/**
 * Turn the JSON dataView from the server into what Power BI hands a visual: a fresh object per
 * update, the formatting pane's objects in metadata.objects, and values.grouped().
 */
type Json = Record<string, unknown>;

export interface JsonDataViewLike {
    metadata: { columns: Json[]; objects?: Record<string, Record<string, unknown>>; segment?: Json };
    categorical?: { categories?: Json[]; values?: Json[] };
}

export function hydrateDataView(json: JsonDataViewLike, objects: Record<string, Record<string, unknown>>): Json {
    const copy = JSON.parse(JSON.stringify(json)) as JsonDataViewLike;
    const own = copy.metadata.objects ?? {};
    const merged: Record<string, Record<string, unknown>> = { ...own };
    for (const [name, properties] of Object.entries(objects)) merged[name] = { ...(merged[name] ?? {}), ...properties };
    if (Object.keys(merged).length > 0) copy.metadata.objects = merged;
    else delete copy.metadata.objects;
    const categorical = copy.categorical;
    if (categorical) {
        const values = (categorical.values ?? []) as Json[] & { grouped?: () => Json[]; source?: Json };
        values.grouped = () => [{ values: values.slice() }];
        categorical.values = values;
    }
    return copy as unknown as Json;
}
