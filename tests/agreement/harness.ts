/**
 * End-to-end agreement harness. One side: the visual fed as Power BI feeds it: the query for
 * the sample report's bound fields (scripts/pbip/report/pages.ts TILE_ROLE_BINDINGS) evaluated
 * by the engine with SUMMARIZECOLUMNS semantics, the rows turned into the categorical dataView,
 * the visual's own model (src/model buildViewModel) building the tiles. Other side: the
 * generated measures evaluated in each tile's filter context (its KPI plus the slicers).
 */
import { readFileSync } from "fs";
import { join } from "path";
import { BLANK_VALUE, DaxValue } from "../../dax/src/evaluator/scalar";
import { ColumnFilter, columnFilter, Engine, FilterContext } from "../../dax/src/engine/evaluate";
import { Model } from "../../dax/src/engine/model";
import { GroupColumn, summarizeColumns } from "../../dax/src/engine/summarize";
import { DIRECTION_LABEL } from "../../dax/src/measures/labels";
import { GENERIC } from "../../dax/src/measures/names";
import { Localiser } from "../../src/i18n/localiser";
import { buildViewModel, KpiTile } from "../../src/model";
import { Direction, QuartileBand, Status, STATUS_LABEL_EN } from "../../src/rules";
import { defaultTileOptions } from "../../src/settings";
import { TILE_ROLE_BINDINGS } from "../../scripts/pbip/report/pages";
import { buildDataView } from "../visual/helpers/buildDataView";
import type { PreviewRow } from "../../scripts/preview/dataset";
import { buildDataView as buildPreviewDataView, CapabilitiesLike } from "../../scripts/preview/dataview";
import powerbi from "powerbi-visuals-api";

const ROOT = join(__dirname, "..", "..");
const capabilities = JSON.parse(readFileSync(join(ROOT, "capabilities.json"), "utf8")) as {
    dataViewMappings: { categorical?: { categories?: { dataReductionAlgorithm?: { top?: { count?: number } } } } }[];
};
/** The visual's row limit (capabilities.json). */
export const ROW_LIMIT = capabilities.dataViewMappings.find(m => m.categorical)?.categorical?.categories?.dataReductionAlgorithm?.top?.count;

/** Sort-by columns of the sample model (TMDL sortByColumn). */
const SORT_BY: Readonly<Record<string, string>> = { "KPI.KPI": "Sort Order", "Period.Period": "Period Index" };
/** Text roles the visual also takes as measures. */
const TEXT_ROLES = new Set(["polarity", "status", "commentary", "owner", "format"]);

export type Binding = { readonly kind: "Column" | "Measure"; readonly table: string; readonly property: string };

/** What a tile shows that the measures also compute. */
export interface TileFacts {
    readonly status: Status;
    readonly direction: Direction;
    readonly band: QuartileBand | null;
    readonly gap: number | null;
    readonly rank: string | null;
}

export const FACTS: readonly (keyof TileFacts)[] = ["status", "direction", "band", "gap", "rank"];

export interface VisualFeed {
    readonly tiles: readonly KpiTile[];
    readonly rows: number;
    readonly cutOff: number;
    readonly combinations: number;
}

const t = new Localiser(undefined, "en-GB");
const js = (v: DaxValue): string | number | boolean | null => (v === BLANK_VALUE ? null : v as string | number | boolean);

/** The visual's tiles for these slicer filters, fed through SUMMARIZECOLUMNS from the model. */
export function visualTiles(engine: Engine, filters: readonly ColumnFilter[], bindings: Readonly<Record<string, Binding>> = TILE_ROLE_BINDINGS,
    formats: Readonly<Record<string, string>> = {}): VisualFeed {
    const entries = Object.entries(bindings);
    const groupBy: GroupColumn[] = entries.filter(([, f]) => f.kind === "Column")
        .map(([, f]) => ({ table: f.table, column: f.property, sortBy: SORT_BY[`${f.table}.${f.property}`] }));
    const measures = entries.filter(([, f]) => f.kind === "Measure").map(([, f]) => ({ name: f.property, measure: f.property }));
    const result = summarizeColumns(engine, { groupBy, measures, filters, limit: ROW_LIMIT });
    const roles = Object.fromEntries(entries.map(([role, f]) => [f.property, role]));
    const asMeasures = entries.filter(([role, f]) => f.kind === "Measure" && TEXT_ROLES.has(role)).map(([, f]) => f.property);
    const rows = result.rows.map(r => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, js(v)])));
    const dataView = buildDataView(rows, roles, formats, { asMeasures, moreRows: result.cutOff > 0 });
    const vm = buildViewModel(dataView, { t, options: defaultTileOptions() });
    const tiles = vm.kind === "tiles" ? vm.tiles : [];
    return { tiles, rows: rows.length, cutOff: result.cutOff, combinations: result.combinations };
}

export function tileFacts(tile: KpiTile): TileFacts {
    return {
        status: tile.status,
        direction: tile.direction,
        band: tile.benchmark?.band ?? null,
        gap: tile.gap?.gap ?? null,
        rank: tile.benchmark?.rankText ?? null,
    };
}

const STATUS_BY_LABEL = new Map(Object.entries(STATUS_LABEL_EN).map(([status, label]) => [label, status as Status]));
const DIRECTION_BY_LABEL = new Map(Object.entries(DIRECTION_LABEL).filter(([, l]) => l !== null).map(([d, l]) => [l as string, d as Direction]));

/** The generated measures in the filter context of one tile: its KPI (by KPI[KPI]) and the slicers. */
export function daxFacts(engine: Engine, filters: readonly ColumnFilter[], kpiName: string): TileFacts {
    const filter = new FilterContext([...filters, columnFilter(engine.model, "KPI", "KPI", [kpiName])]);
    const at = (name: string): DaxValue => engine.measure(name, filter);
    const status = at(GENERIC.status);
    const direction = at(GENERIC.direction);
    const band = at(GENERIC.quartileBand);
    const gap = at(GENERIC.gap);
    const rank = at(GENERIC.rank);
    const of = at(GENERIC.authorities);
    const statusKey = STATUS_BY_LABEL.get(String(status));
    if (!statusKey) throw new Error(`[KPI Status] of ${kpiName} is ${String(status)}, not a status label`);
    const directionKey = direction === BLANK_VALUE ? "unknown" : DIRECTION_BY_LABEL.get(String(direction));
    if (!directionKey) throw new Error(`[KPI Direction] of ${kpiName} is ${String(direction)}, not a direction label`);
    return {
        status: statusKey,
        direction: directionKey,
        band: band === BLANK_VALUE ? null : String(band) as QuartileBand,
        gap: gap === BLANK_VALUE ? null : Number(gap),
        rank: typeof rank === "number" && rank >= 1 ? t.rank(Math.round(rank), typeof of === "number" && of >= 1 ? Math.round(of) : null) : null,
    };
}

export interface Tally {
    readonly counts: Record<keyof TileFacts, { agree: number; total: number }>;
    readonly disagreements: string[];
}

export function newTally(): Tally {
    return { counts: Object.fromEntries(FACTS.map(f => [f, { agree: 0, total: 0 }])) as Tally["counts"], disagreements: [] };
}

/** Compare every tile of a feed with the measures in its context; returns the tiles compared. */
export function compareFeed(engine: Engine, filters: readonly ColumnFilter[], feed: VisualFeed, tally: Tally, where: string): number {
    for (const tile of feed.tiles) {
        const visual = tileFacts(tile);
        const dax = daxFacts(engine, filters, tile.name);
        for (const fact of FACTS) {
            tally.counts[fact].total++;
            if (visual[fact] === dax[fact]) tally.counts[fact].agree++;
            else if (tally.disagreements.length < 20) {
                tally.disagreements.push(`${where}, ${tile.name}: ${fact} visual ${String(visual[fact])}, DAX ${String(dax[fact])}`);
            }
        }
    }
    return feed.tiles.length;
}

export function describeTally(tally: Tally): string {
    return FACTS.map(f => `${tally.counts[f].agree}/${tally.counts[f].total} ${f}`).join(", ");
}

/** Slicer filters: one column's selected values. */
export function slicer(model: Model, table: string, column: string, values: readonly DaxValue[]): ColumnFilter {
    return columnFilter(model, table, column, values);
}

/** Fields of a preview row (scripts/preview/dataset.ts, the TypeScript reading of a dataset) and the measure each matches. */
export const PREVIEW_FIELDS: readonly (readonly [keyof PreviewRow, string])[] = [
    ["actual", GENERIC.actual], ["target", GENERIC.target], ["tolerance", GENERIC.tolerance], ["tolerancePct", GENERIC.tolerancePct],
    ["floor", GENERIC.floor], ["stretch", GENERIC.stretch], ["england", GENERIC.england], ["region", GENERIC.region],
    ["neighbours", GENERIC.neighbours], ["q1", GENERIC.q1], ["median", GENERIC.median], ["q3", GENERIC.q3], ["rank", GENERIC.rank],
    ["rankOf", GENERIC.authorities], ["commentary", GENERIC.commentary], ["owner", GENERIC.owner], ["format", GENERIC.formatString],
];

/**
 * The measures against an independent reading of the same dataset: for every KPI x period the
 * preview's row (scripts/preview/dataset.ts) holds what [KPI Actual], [KPI Target], the
 * benchmark measures ... give with that KPI and period selected, and the latest earlier row
 * with an actual holds [KPI Previous]. Returns the cells compared; mismatches go to `out`.
 */
export function compareWithPreview(engine: Engine, rows: readonly PreviewRow[], out: string[]): number {
    let compared = 0;
    const byKpi = new Map<string, PreviewRow[]>();
    for (const r of rows) byKpi.set(r.kpi, [...(byKpi.get(r.kpi) ?? []), r]);
    for (const [kpi, kpiRows] of byKpi) {
        const sorted = [...kpiRows].sort((a, b) => a.periodIndex - b.periodIndex);
        sorted.forEach((row, i) => {
            const filter = new FilterContext([columnFilter(engine.model, "KPI", "KPI", [kpi]), columnFilter(engine.model, "Period", "Period", [row.period])]);
            const earlier = sorted.slice(0, i).filter(r => r.actual !== null);
            const expected: [string, unknown][] = [...PREVIEW_FIELDS.map(([field, m]) => [m, row[field] ?? null] as [string, unknown]),
                [GENERIC.previous, earlier.length ? earlier[earlier.length - 1].actual : null]];
            for (const [m, want] of expected) {
                compared++;
                const got = js(engine.measure(m, filter));
                if (got !== want && out.length < 20) out.push(`${kpi}, ${row.period}: [${m}] is ${String(got)}, the preview reads ${String(want)}`);
            }
        });
    }
    return compared;
}

/** The preview's tiles: its rows through its own dataView builder (scripts/preview/dataview.ts) into the visual's model. */
export function previewTiles(rows: readonly PreviewRow[]): readonly KpiTile[] {
    const { dataView } = buildPreviewDataView(rows, capabilities as unknown as CapabilitiesLike);
    const values = dataView.categorical.values as unknown as { grouped?: () => unknown[] };
    values.grouped = () => [{ values: dataView.categorical.values }];
    const vm = buildViewModel(dataView as unknown as powerbi.DataView, { t, options: defaultTileOptions() });
    return vm.kind === "tiles" ? vm.tiles : [];
}

/** Tile by tile, the same facts (and the same tiles). */
export function compareTiles(a: readonly KpiTile[], b: readonly KpiTile[], out: string[], where: string): number {
    const names = (tiles: readonly KpiTile[]): string[] => tiles.map(x => x.name);
    if (names(a).join("\u0001") !== names(b).join("\u0001")) out.push(`${where}: tiles ${names(a).join(", ")} and ${names(b).join(", ")}`);
    const byName = new Map(b.map(x => [x.name, x]));
    let compared = 0;
    for (const tile of a) {
        const other = byName.get(tile.name);
        if (!other) continue;
        const x = tileFacts(tile);
        const y = tileFacts(other);
        for (const f of FACTS) {
            compared++;
            if (x[f] !== y[f] && out.length < 20) out.push(`${where}, ${tile.name}: ${f} ${String(x[f])} and ${String(y[f])}`);
        }
    }
    return compared;
}
