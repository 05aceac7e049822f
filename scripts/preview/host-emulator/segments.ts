/**
 * Power BI's segmented fetch, as the preview serves it (Microsoft's "Fetch more data from Power
 * BI"): a visual whose capabilities declare a `window` data-reduction algorithm gets the first
 * `count` rows of the query with `metadata.segment` set; each `fetchMoreData(true)` (segments
 * aggregation mode) the host accepts appends the next window to the same dataView and calls
 * update with operationKind Append; the last window has no `metadata.segment`. The host refuses
 * (fetchMoreData returns false) once the data it holds would pass its memory limit (100 MB).
 *
 * Browser-safe (no Node imports): the page and the server both use it.
 */
type Json = Record<string, unknown>;

/** The memory Power BI lets a visual's dataView take in segments aggregation mode. */
export const HOST_MEMORY_LIMIT_BYTES = 100 * 1024 * 1024;

interface CapabilitiesWithMapping {
    dataViewMappings?: { categorical?: { categories?: { dataReductionAlgorithm?: { window?: { count?: unknown } } } } }[];
}

/** The window size of the categorical mapping's `window` algorithm, or null when it has none. */
export function windowOf(capabilities: unknown): number | null {
    const mappings = (capabilities as CapabilitiesWithMapping | null)?.dataViewMappings;
    const count = mappings?.find(m => m.categorical)?.categorical?.categories?.dataReductionAlgorithm?.window?.count;
    return typeof count === "number" && Number.isInteger(count) && count > 0 ? count : null;
}

/**
 * The capabilities without the `window` algorithm: what the whole query returns (the preview
 * builds that once and serves it window by window). Other algorithms (`top`) stay: they cut.
 */
export function withoutWindow<T>(capabilities: T): T {
    if (windowOf(capabilities) === null) return capabilities;
    const copy = JSON.parse(JSON.stringify(capabilities)) as CapabilitiesWithMapping;
    const categories = copy.dataViewMappings?.find(m => m.categorical)?.categorical?.categories;
    if (categories) delete categories.dataReductionAlgorithm;
    return copy as T;
}

interface JsonColumnLike { values?: unknown[]; identity?: unknown[]; highlights?: unknown[] }

/** Rows of a JSON categorical dataView. */
export function rowCount(dataView: { categorical?: { categories?: Json[]; values?: Json[] } } | null): number {
    const column = (dataView?.categorical?.categories?.[0] ?? dataView?.categorical?.values?.[0]) as JsonColumnLike | undefined;
    return Array.isArray(column?.values) ? column.values.length : 0;
}

/**
 * Bytes rows [from, to) add to the host's copy, as this emulator counts them: 8 per cell and per
 * identity (numbers, and references to strings the host stores once), and 2 per character of each
 * string the first time it appears (`seen` keeps the strings already counted).
 */
export function addedBytes(dataView: { categorical?: { categories?: Json[]; values?: Json[] } }, from: number, to: number, seen: Set<string>): number {
    const columns = [...(dataView.categorical?.categories ?? []), ...(dataView.categorical?.values ?? [])] as JsonColumnLike[];
    let bytes = 0;
    for (const column of columns) {
        const values = column.values ?? [];
        const per = column.identity ? 16 : 8;
        bytes += per * (Math.min(to, values.length) - from);
        for (let row = from; row < to && row < values.length; row++) {
            const value = values[row];
            if (typeof value === "string" && !seen.has(value)) {
                seen.add(value);
                bytes += 2 * value.length;
            }
        }
    }
    return bytes;
}

/**
 * The first `rows` rows of the query result as the dataView of one update: fresh arrays (Power BI
 * hands a new dataView each update), `metadata.segment` set while rows remain.
 */
export function firstRows<T extends { metadata: Json; categorical?: { categories?: Json[]; values?: Json[] } }>(dataView: T, rows: number): T {
    const total = rowCount(dataView);
    const cut = (column: Json): Json => {
        const out: Json = { ...column };
        for (const key of ["values", "identity", "highlights"] as const) {
            const list = column[key];
            if (Array.isArray(list)) out[key] = list.slice(0, rows);
        }
        return out;
    };
    const categorical = dataView.categorical;
    const metadata: Json = { ...dataView.metadata };
    if (rows < total) metadata.segment = {};
    return {
        ...dataView,
        metadata,
        ...(categorical ? {
            categorical: {
                ...categorical,
                ...(categorical.categories ? { categories: categorical.categories.map(cut) } : {}),
                ...(categorical.values ? { values: categorical.values.map(cut) } : {}),
            },
        } : {}),
    };
}
