import powerbi from "powerbi-visuals-api";
import { KpiTile } from "./types";

import PrimitiveValue = powerbi.PrimitiveValue;

/** A raw value of the dataView as the model reads it. */
export type InputCell = PrimitiveValue | null | undefined;

/** A KPI's tile of the last update; the tile knows what it was built from (src/model/buildViewModel.ts compares it). */
export interface CachedTile {
    readonly tile: KpiTile;
}

interface Entry extends CachedTile {
    tile: KpiTile;
    seen: number;
}

/** Equal as input values: same primitive, same instant for dates, NaN equal to NaN. */
export function sameCell(a: InputCell, b: InputCell): boolean {
    if (a === b) return true;
    if (a instanceof Date && b instanceof Date) return a.getTime() === b.getTime() || (Number.isNaN(a.getTime()) && Number.isNaN(b.getTime()));
    return typeof a === "number" && typeof b === "number" && Number.isNaN(a) && Number.isNaN(b);
}

/**
 * The tiles of the previous update, per KPI, with a record of the raw values each was built
 * from. Power BI sends a fresh copy of the dataView on every filter, refresh or highlight, mostly
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

    /** What was built last time for `key`, or null; the caller compares its inputs, then calls keep() (with the entry) or set(). */
    get(key: string): CachedTile | null {
        return this.entries.get(key) ?? null;
    }

    /** Keep an entry get() returned for this update, with `tile` in it (the same tile, or one built again). */
    keep(cached: CachedTile, tile: KpiTile): void {
        const entry = cached as Entry;
        entry.tile = tile;
        entry.seen = this.generation;
    }

    /** A new entry for `key` (get() had none). */
    set(key: string, tile: KpiTile): void {
        this.entries.set(key, { tile, seen: this.generation });
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
