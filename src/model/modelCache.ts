import powerbi from "powerbi-visuals-api";
import { KpiTile } from "./types";

import ISelectionId = powerbi.visuals.ISelectionId;
import PrimitiveValue = powerbi.PrimitiveValue;

/** A raw value of the dataView as the model reads it. */
export type InputCell = PrimitiveValue | null | undefined;

/** A built tile and a way to give the same tile another selection id. */
export interface CachedTile {
    readonly tile: KpiTile;
    readonly withSelectionId: (selectionId: ISelectionId | undefined) => KpiTile;
}

interface Entry {
    readonly inputs: readonly InputCell[];
    cached: CachedTile;
    seen: number;
}

/** Equal as input values: same primitive, same instant for dates, NaN equal to NaN. */
export function sameCell(a: InputCell, b: InputCell): boolean {
    if (a === b) return true;
    if (a instanceof Date && b instanceof Date) return a.getTime() === b.getTime() || (Number.isNaN(a.getTime()) && Number.isNaN(b.getTime()));
    return typeof a === "number" && typeof b === "number" && Number.isNaN(a) && Number.isNaN(b);
}

/**
 * The tiles of the previous update, per KPI, with the exact raw values each was built from.
 * Power BI sends a fresh copy of the dataView on every filter, refresh or highlight, mostly
 * with the same rows; a KPI whose rows are value-for-value the same (under the same settings,
 * locale, strings and field layout: the context key) keeps its tile, so its wording, numbers
 * and DOM are not built again. Entries of KPIs absent from an update are dropped.
 */
export class ModelCache {
    private contextKey: string | null = null;
    private entries = new Map<string, Entry>();
    private generation = 0;

    /** Start an update; a different context key empties the cache. */
    begin(contextKey: string): void {
        if (contextKey !== this.contextKey) {
            this.entries.clear();
            this.contextKey = contextKey;
        }
        this.generation++;
    }

    /** The tile built last time for `key` if `sameInputs` says its inputs are unchanged, or null. */
    get(key: string, sameInputs: (previous: readonly InputCell[]) => boolean): CachedTile | null {
        const previous = this.previousInputs(key);
        return previous && sameInputs(previous) ? this.reuse(key) : null;
    }

    /**
     * The raw values the tile of `key` was built from last time, or null: the model compares them
     * with the rows in place (no closure per tile), then calls `reuse` when they are the same.
     */
    previousInputs(key: string): readonly InputCell[] | null {
        return this.entries.get(key)?.inputs ?? null;
    }

    /** The tile built last time for `key`, kept for this update (call after previousInputs matched). */
    reuse(key: string): CachedTile {
        const entry = this.entries.get(key) as Entry;
        entry.seen = this.generation;
        return entry.cached;
    }

    /** Replace the cached tile without changing its inputs (a new selection id). */
    update(key: string, cached: CachedTile): void {
        const entry = this.entries.get(key);
        if (entry) entry.cached = cached;
    }

    set(key: string, inputs: readonly InputCell[], cached: CachedTile): void {
        this.entries.set(key, { inputs, cached, seen: this.generation });
    }

    /** End an update: forget KPIs that were not in it. */
    end(): void {
        for (const [key, entry] of this.entries) if (entry.seen !== this.generation) this.entries.delete(key);
    }

    clear(): void {
        this.entries.clear();
        this.contextKey = null;
    }
}
