/**
 * What the quarterly pack says, per service area: the tiles of the period in view as the
 * visual's own model (src/model, rating by src/rules) builds them from the dataset, split into
 * what's good (Green, Blue) and areas for development (Red, Amber), with counts by status.
 * Nothing here rates a KPI: statuses, values and wording are the model's.
 *
 * "The period in view" is what a report page with a period slicer set to that period (and
 * the periods before it, for the trend) shows: rows of later periods are left out, so each
 * tile's current period is the latest one up to it that has an actual.
 */
import powerbi from "powerbi-visuals-api";
import { buildViewModel, KpiTile } from "../../src/model";
import { Localiser } from "../../src/i18n/localiser";
import { defaultTileOptions, TileOptions } from "../../src/settings";
import { countByStatus, staleCount, StatusCount } from "../../src/render/summary";
import type { Dataset, PreviewRow } from "../preview/dataset";
import { buildDataView, CapabilitiesLike } from "../preview/dataview";
import { hydrateDataView } from "../preview/host-emulator/dataview";
import { inView, View } from "../../src/rules/views";

export interface ServiceReport {
    readonly service: string;
    /** Every tile of the service, in the model's order. */
    readonly tiles: readonly KpiTile[];
    readonly counts: readonly StatusCount[];
    /** Tiles whose latest figure is older than the period in view, counted apart (as the visual's summary does). */
    readonly stale: { readonly count: number; readonly label: string } | null;
    /** Green and Blue. */
    readonly good: readonly KpiTile[];
    /** Red and Amber, Red first, each in the model's order. */
    readonly development: readonly KpiTile[];
    /** The dataset rows of this service up to the period in view (what the tile images are drawn from). */
    readonly rows: readonly PreviewRow[];
}

export interface PackReport {
    readonly period: string;
    readonly periodIndex: number;
    readonly locale: string;
    readonly services: readonly ServiceReport[];
}

export interface PackSelection {
    readonly period?: string;
    readonly service?: string;
    readonly locale?: string;
}

/** Bad input the user can fix: the message says what was asked for and what exists. */
export class PackInputError extends Error { }

export const PACK_LOCALES = ["en-GB", "cy-GB"] as const;

/** The visual's strings for a locale, as the packaged visual carries them (stringResources). */
export function localiserFor(locale: string, stringResources: Record<string, Record<string, string>>): Localiser {
    const strings = stringResources[locale] ?? {};
    return new Localiser({ getDisplayName: key => strings[key] ?? key }, locale);
}

/** Service areas in the order they first appear (KPIs by sort order). */
export function serviceAreas(rows: readonly PreviewRow[]): string[] {
    return [...new Set(rows.map(r => r.group ?? ""))].filter(s => s !== "");
}

/** Periods with at least one actual, in period order. */
export function reportingPeriods(rows: readonly PreviewRow[]): { label: string; index: number }[] {
    const byIndex = new Map<number, string>();
    for (const r of rows) if (r.actual !== null) byIndex.set(r.periodIndex, r.period);
    return [...byIndex].sort((a, b) => a[0] - b[0]).map(([index, label]) => ({ label, index }));
}

/** The model's tiles for some rows, with the visual's default options. */
export function tilesOf(rows: readonly PreviewRow[], capabilities: CapabilitiesLike, t: Localiser, options: TileOptions = defaultTileOptions()): KpiTile[] {
    if (rows.length === 0) return [];
    const json = buildDataView(rows, capabilities).dataView;
    const dataView = hydrateDataView(json as never, {}) as unknown as powerbi.DataView;
    const model = buildViewModel(dataView, { t, options });
    return model.kind === "tiles" ? model.tiles.slice() : [];
}

function sameText(a: string, b: string): boolean {
    return a.trim().toLocaleLowerCase("en-GB") === b.trim().toLocaleLowerCase("en-GB");
}

export interface ResolvedSelection {
    readonly period: { readonly label: string; readonly index: number };
    readonly services: readonly string[];
    readonly locale: string;
}

/** Check the selection against the dataset; throws PackInputError saying what exists. */
export function resolveSelection(dataset: Dataset, selection: PackSelection = {}): ResolvedSelection {
    if (!dataset.ok) throw new PackInputError(`The dataset in ${dataset.folder} has errors (listed above); no pack was written.`);
    const locale = selection.locale ?? "en-GB";
    if (!(PACK_LOCALES as readonly string[]).includes(locale)) {
        throw new PackInputError(`--locale "${locale}" is not supported; use one of: ${PACK_LOCALES.join(", ")}`);
    }
    const periods = reportingPeriods(dataset.rows);
    if (periods.length === 0) throw new PackInputError(`The dataset in ${dataset.folder} has no actual values: there is nothing to report.`);
    let period = periods[periods.length - 1];
    if (selection.period !== undefined) {
        const found = periods.find(p => sameText(p.label, selection.period as string));
        if (!found) {
            throw new PackInputError(`--period "${selection.period}" is not a period with values in ${dataset.folder}; use one of: ${periods.map(p => p.label).join(", ")}`);
        }
        period = found;
    }
    const areas = serviceAreas(dataset.rows);
    let services = areas;
    if (selection.service !== undefined) {
        const found = areas.find(a => sameText(a, selection.service as string));
        if (!found) throw new PackInputError(`--service "${selection.service}" is not a service area in ${dataset.folder}; use one of: ${areas.join(", ")}`);
        services = [found];
    }
    return { period, services, locale };
}

/** Check the selection against the dataset and build the report; throws PackInputError for bad input. */
export function buildReport(dataset: Dataset, capabilities: CapabilitiesLike,
    stringResources: Record<string, Record<string, string>>, selection: PackSelection = {}): PackReport {
    const { period, services: chosen, locale } = resolveSelection(dataset, selection);
    const t = localiserFor(locale, stringResources);
    const options = defaultTileOptions();
    const services = chosen.map(service => {
        const rows = dataset.rows.filter(r => r.group === service && r.periodIndex <= period.index);
        const tiles = tilesOf(rows, capabilities, t, options);
        return {
            service,
            tiles,
            counts: countByStatus(tiles, options, t),
            stale: staleCount(tiles, t),
            good: tiles.filter(x => x.status === "blue" || x.status === "green"),
            development: [...tiles.filter(x => x.status === "red"), ...tiles.filter(x => x.status === "amber")],
            rows,
        };
    });
    return { period: period.label, periodIndex: period.index, locale, services };
}

/** Whether a tile's path-to-green action is overdue (false while the model has no such field). */
export function isOverdue(tile: KpiTile): boolean {
    return (tile as { pathToGreen?: { overdue?: boolean } | null }).pathToGreen?.overdue === true;
}

/** The tiles of a view (src/rules/views.ts), in the model's order. */
export function tilesInView(tiles: readonly KpiTile[], view: View): KpiTile[] {
    return tiles.filter(tile => inView(view, tile.status, isOverdue(tile)));
}

/** The rows of some tiles only (to draw just those tiles). */
export function rowsOfTiles(rows: readonly PreviewRow[], tiles: readonly KpiTile[]): PreviewRow[] {
    const names = new Set(tiles.map(x => x.name));
    return rows.filter(r => names.has(r.kpi));
}
