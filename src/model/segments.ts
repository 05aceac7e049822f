import powerbi from "powerbi-visuals-api";

import DataView = powerbi.DataView;

/** options.operationKind (powerbi.VisualDataChangeOperationKind, a const enum the bundle cannot import). */
const OPERATION_CREATE = 0;
/** options.type's Data flag (powerbi.VisualUpdateType.Data). */
const UPDATE_DATA = 2;

/**
 * Where the rows of an update stand:
 * - `complete`: Power BI sent every row (no `metadata.segment`);
 * - `loading`: more rows exist and the visual has asked for them (`fetchMoreData`); `rows` arrived so far;
 * - `cut`: more rows exist but the host will not send them (its memory limit, or no fetchMoreData): the
 *   tiles show what arrived, with the data-reduction notice.
 */
export type SegmentState =
    | { readonly kind: "complete" }
    | { readonly kind: "loading"; readonly rows: number }
    | { readonly kind: "cut"; readonly rows: number };

/** host.fetchMoreData: true when the host accepted the request and will call update with more rows. */
export type FetchMoreData = (aggregateSegments: boolean) => boolean;

/** The parts of VisualUpdateOptions the loader reads. */
export interface SegmentUpdate {
    readonly type?: number;
    readonly operationKind?: number;
}

/** Rows of a categorical dataView: the length of its first category or value column. */
export function rowsOf(dataView: DataView | undefined): number {
    const categorical = dataView?.categorical;
    const column = categorical?.categories?.[0] ?? categorical?.values?.[0];
    const values = column?.values;
    return Array.isArray(values) ? values.length : 0;
}

/**
 * Loads a large query in windows, as Microsoft's "Fetch more data from Power BI" describes: the
 * capabilities declare a `window` data-reduction algorithm (30,000 rows); while an update's
 * dataView carries `metadata.segment`, more rows exist, and `fetchMoreData(true)` (segments
 * aggregation mode) asks the host to append the next window to the same dataView and call
 * update again (operationKind Append). The host refuses (returns false) when the data it has
 * fetched reaches its memory limit (100 MB); then the rows so far are all there will be.
 *
 * One request per window: an update that brings no new rows while a request is outstanding (a
 * resize, a format change) does not ask again; a new query (operationKind Create with another
 * dataView) starts over. A refusal is remembered for that window, so resizing a cut visual does
 * not ask again either.
 */
export class SegmentLoader {
    /** Rows delivered when more were last asked for and accepted; -1 when no request is outstanding. */
    private requestedAt = -1;
    private requestedFor: DataView | null = null;
    /** Rows delivered when the host last refused; -1 when it has not. */
    private refusedAt = -1;

    constructor(private readonly fetchMore: FetchMoreData | undefined) { }

    /** Decide for this update: ask for the next window when there is one and it was not asked for yet. */
    next(dataView: DataView | undefined, update: SegmentUpdate): SegmentState {
        const rows = rowsOf(dataView);
        if (!dataView?.metadata?.segment) {
            this.requestedAt = -1;
            this.requestedFor = null;
            this.refusedAt = -1;
            return { kind: "complete" };
        }
        // A data update that is not an Append, with another dataView than the one more rows were asked for.
        const newQuery = (update.operationKind === undefined || update.operationKind === OPERATION_CREATE)
            && dataView !== this.requestedFor && (update.type === undefined || (update.type & UPDATE_DATA) !== 0);
        if (!newQuery) {
            if (this.requestedAt >= 0 && rows <= this.requestedAt) return { kind: "loading", rows };
            if (this.refusedAt >= 0 && rows === this.refusedAt) return { kind: "cut", rows };
        }
        let accepted = false;
        try {
            accepted = typeof this.fetchMore === "function" && this.fetchMore(true) === true;
        } catch {
            accepted = false;
        }
        if (accepted) {
            this.requestedAt = rows;
            this.requestedFor = dataView;
            this.refusedAt = -1;
            return { kind: "loading", rows };
        }
        this.requestedAt = -1;
        this.requestedFor = null;
        this.refusedAt = rows;
        return { kind: "cut", rows };
    }
}
