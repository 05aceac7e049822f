import powerbi from "powerbi-visuals-api";
import {
    compareShown, currentAndPrevious, FormatPrecision, gapAtShown, parsePolarity, Polarity, quartileBand, rateShownDirection,
    rateShownStatus, resolveTolerance, Status, toNumber, toShownPrecision,
} from "../rules";
import { Localiser } from "../i18n/localiser";
import { STRINGS, StringKey } from "../i18n/strings";
import { TileOptions } from "../settings";
import { NumberText, precisionOf } from "./numberText";
import { findRoleColumns, REQUIRED_ROLES, RoleColumn, RoleColumns, RoleName, ROLES } from "./roles";
import { BenchmarkKind, BenchmarkMarker, BenchmarkView, KpiTile, PeriodPoint, ViewModel } from "./types";
import { changeWords, ExplainInput, gapWords, statusExplanation, WordingContext } from "./wording";
import { buildAriaLabel, buildTooltipItems } from "./tooltip";
import { CachedTile, InputCell, ModelCache, sameCell } from "./modelCache";
import { qualityOf, ratedActual } from "../rules/quality";
import { noFigureWords, qualityAria, qualityMark, withStaleness } from "./quality";

import DataView = powerbi.DataView;
import DataViewCategoryColumn = powerbi.DataViewCategoryColumn;
import ISelectionId = powerbi.visuals.ISelectionId;
import PrimitiveValue = powerbi.PrimitiveValue;

/** Builds a KPI's selection id from the kpi category column and one of its rows. */
export type SelectionIdFactory = (kpiColumn: DataViewCategoryColumn, rowIndex: number) => ISelectionId;

export interface ModelContext {
    readonly t: Localiser;
    readonly options: TileOptions;
    readonly createSelectionId?: SelectionIdFactory;
    /** Tiles of the previous update to reuse where a KPI's rows are unchanged (one per visual instance). */
    readonly cache?: ModelCache;
}

/** Row-level fields merged per KPI and period (first non-missing value wins). */
type Cell = PrimitiveValue | null | undefined;

interface PeriodBucket {
    readonly label: string;
    readonly order: number | null;
    readonly firstRow: number;
    /** Values by role, at the role's place in CELL_ROLES. */
    readonly cells: Cell[];
    readonly tooltipCells: Cell[];
}

interface KpiBucket {
    readonly name: string;
    readonly deliveredIndex: number;
    readonly firstRow: number;
    group: string | null;
    readonly periods: Map<string, PeriodBucket>;
    readonly periodList: PeriodBucket[];
    highlighted: boolean;
}

/** Roles read as cells for every period (all but the grouping roles). */
const CELL_ROLES: readonly RoleName[] = ROLES.filter(r => r !== "kpi" && r !== "group" && r !== "period" && r !== "tooltips");
const CELL_INDEX = new Map<RoleName, number>(CELL_ROLES.map((role, i) => [role, i]));
const ACTUAL = CELL_INDEX.get("actual") as number;
const TARGET = CELL_INDEX.get("target") as number;
const QUALITY = CELL_INDEX.get("quality") as number;

/** A period's actual as shown and rated: none when its data quality says there is no figure (src/rules/quality.ts). */
function figureOf(cells: readonly Cell[]): number | null {
    return ratedActual(toNumber(cells[ACTUAL]), qualityOf(cells[QUALITY]));
}

function isMissing(value: Cell): boolean {
    return value === null || value === undefined || value === "" || (typeof value === "number" && !Number.isFinite(value));
}

/**
 * A cell as a value the rules and the text can use: strings, finite or non-finite numbers,
 * booleans and valid Dates as they are; a bigint as its digits; anything else (an invalid Date,
 * an object, an array, a function, a symbol) as missing. Only the field holding it is affected.
 */
export function plainCell(value: unknown): Cell {
    switch (typeof value) {
        case "string": case "number": case "boolean": return value;
        case "bigint": return value.toString();
        case "undefined": return undefined;
        default:
            return value instanceof Date && Number.isFinite(value.getTime()) ? value : null;
    }
}

function text(value: Cell): string | null {
    const plain = plainCell(value);
    if (plain === null || plain === undefined) return null;
    const s = plain instanceof Date ? plain.toISOString() : String(plain);
    return s.trim() === "" ? null : s;
}

/** A column's format string, or undefined when the model sends something else. */
function formatOf(source: { format?: unknown } | undefined): string | undefined {
    const format = source?.format;
    return typeof format === "string" ? format : undefined;
}

/**
 * dataView (categorical, capabilities.json) -> view model. Pure but for the cache: no DOM, no
 * host calls except the injected selection id factory. A KPI whose rows are value-for-value
 * the same as in the previous update (ctx.cache: each visual instance keeps its own) keeps the tile
 * built then.
 */
export function buildViewModel(dataView: DataView | undefined, ctx: ModelContext): ViewModel {
    const categorical = dataView?.categorical;
    if (!categorical) return { kind: "landing", missing: REQUIRED_ROLES };
    const columns = findRoleColumns(categorical);
    const missing = REQUIRED_ROLES.filter(r => !columns.byRole.has(r));
    if (missing.length > 0) return { kind: "landing", missing };
    if (columns.rowCount === 0) return { kind: "empty" };

    const numbers = new NumberText(ctx.t.locale);
    const readers = readersOf(columns);
    const kpis = groupRows(columns, readers, ctx.t);
    if (kpis.length === 0) return { kind: "empty" };

    const bound = new Set<RoleName>(columns.byRole.keys());
    if (columns.tooltips.length > 0) bound.add("tooltips");
    const kpiColumn = columns.byRole.get("kpi")?.category;
    const cache = ctx.cache ?? new ModelCache();
    cache.begin(contextKey(columns, ctx));
    const tiles = kpis.map(kpi => {
        const sources = sourcesOf(kpi, columns, readers);
        const selectionId = kpiColumn && ctx.createSelectionId ? safeSelectionId(ctx.createSelectionId, kpiColumn, kpi.firstRow) : undefined;
        const hit = cache.get(kpi.name, previous => sameInputs(previous, kpi, sources));
        if (hit) {
            if (sameSelectionId(hit.tile.selectionId, selectionId)) return hit.tile;
            const tile = hit.withSelectionId(selectionId);
            cache.update(kpi.name, { tile, withSelectionId: hit.withSelectionId });
            return tile;
        }
        const built = buildTile(collectPeriods(kpi, columns, readers, numbers, ctx.t), columns, bound, numbers, ctx, selectionId);
        cache.set(kpi.name, inputsOf(kpi, sources), built);
        return built.tile;
    });
    cache.end();
    const reduced = dataView?.metadata?.segment ? { deliveredRows: columns.rowCount } : null;
    return { kind: "tiles", tiles: withStaleness(tiles, bound.has("period"), ctx.t), bound, hasHighlights: columns.hasHighlights, reduced };
}


/** Same selection: both absent, or equal by the host's own comparison. */
function sameSelectionId(a: ISelectionId | undefined, b: ISelectionId | undefined): boolean {
    if (a === b) return true;
    if (!a || !b || typeof a.equals !== "function") return false;
    try {
        return a.equals(b);
    } catch {
        return false;
    }
}

/** Everything besides a KPI's own rows that decides how its tile is built. */
function contextKey(columns: RoleColumns, ctx: ModelContext): string {
    const layout = (role: string, col: RoleColumn): unknown[] =>
        [role, col.category ? "c" : "v", text(col.source.displayName as Cell), text(col.source.queryName as Cell), formatOf(col.source), Array.isArray(col.highlights)];
    const strings = (Object.keys(STRINGS) as StringKey[]).map(key => ctx.t.text(key));
    return JSON.stringify([ctx.options, ctx.t.locale, strings, columns.hasHighlights,
        Array.from(columns.byRole, ([role, col]) => layout(role, col)), columns.tooltips.map(col => layout("tooltips", col))]);
}

interface Readers {
    readonly kpiCol: RoleColumn;
    readonly groupCol: RoleColumn | undefined;
    readonly periodCol: RoleColumn | undefined;
    readonly cellCols: readonly (readonly [RoleName, RoleColumn])[];
}

function readersOf(columns: RoleColumns): Readers {
    const cellCols = CELL_ROLES.map(role => [role, columns.byRole.get(role)] as const)
        .filter((pair): pair is readonly [RoleName, RoleColumn] => pair[1] !== undefined);
    return { kpiCol: columns.byRole.get("kpi") as RoleColumn, groupCol: columns.byRole.get("group"), periodCol: columns.byRole.get("period"), cellCols };
}

/** A KPI's rows, in delivered order; a KPI is highlighted when any of its rows is. */
interface KpiRows {
    readonly name: string;
    readonly deliveredIndex: number;
    readonly firstRow: number;
    readonly rows: number[];
    highlighted: boolean;
}

/** Group rows by KPI name, in the order each KPI first appears. */
function groupRows(columns: RoleColumns, readers: Readers, t: Localiser): KpiRows[] {
    const highlightCols = [...readers.cellCols.map(c => c[1]), ...columns.tooltips].filter(c => Array.isArray(c.highlights));
    const rowHighlighted = (row: number): boolean => highlightCols.some(c => !isMissing(c.highlights?.[row] as Cell));
    const blank = t.text("Blank");
    const names = readers.kpiCol.values;
    const kpis = new Map<string, KpiRows>();
    for (let row = 0; row < columns.rowCount; row++) {
        const name = text(names[row] as Cell) ?? blank;
        let kpi = kpis.get(name);
        if (!kpi) {
            kpi = { name, deliveredIndex: kpis.size, firstRow: row, rows: [], highlighted: false };
            kpis.set(name, kpi);
        }
        kpi.rows.push(row);
        if (columns.hasHighlights && !kpi.highlighted && rowHighlighted(row)) kpi.highlighted = true;
    }
    return Array.from(kpis.values());
}

/** The source a KPI reads a column from: highlight values for highlighted KPIs. */
function sourceOf(col: RoleColumn, kpi: KpiRows, columns: RoleColumns): readonly Cell[] {
    return columns.hasHighlights && kpi.highlighted && col.highlights ? col.highlights : col.values;
}

/** Every column a KPI's tile is read from, besides the KPI name. */
function sourcesOf(kpi: KpiRows, columns: RoleColumns, readers: Readers): (readonly Cell[])[] {
    const sources: (readonly Cell[])[] = [];
    if (readers.groupCol) sources.push(readers.groupCol.values);
    if (readers.periodCol) sources.push(readers.periodCol.values);
    for (const [, col] of readers.cellCols) sources.push(sourceOf(col, kpi, columns));
    for (const col of columns.tooltips) sources.push(sourceOf(col, kpi, columns));
    return sources;
}

/** Every raw value the KPI's tile is built from, flat, with its place in the delivered order. */
function inputsOf(kpi: KpiRows, sources: readonly (readonly Cell[])[]): InputCell[] {
    const rows = kpi.rows;
    const width = sources.length;
    const inputs = new Array<InputCell>(3 + rows.length * width);
    inputs[0] = kpi.deliveredIndex;
    inputs[1] = kpi.highlighted;
    inputs[2] = rows.length;
    let at = 3;
    for (let r = 0; r < rows.length; r++) {
        const row = rows[r];
        for (let c = 0; c < width; c++) inputs[at++] = sources[c][row];
    }
    return inputs;
}

/** Whether `previous` (from inputsOf) holds exactly the values the KPI's rows hold now; reads in place. */
function sameInputs(previous: readonly InputCell[], kpi: KpiRows, sources: readonly (readonly Cell[])[]): boolean {
    const rows = kpi.rows;
    const width = sources.length;
    if (previous.length !== 3 + rows.length * width || previous[0] !== kpi.deliveredIndex || previous[1] !== kpi.highlighted
        || previous[2] !== rows.length) return false;
    let at = 3;
    for (let r = 0; r < rows.length; r++) {
        const row = rows[r];
        for (let c = 0; c < width; c++) {
            const before = previous[at++];
            const now = sources[c][row];
            if (before !== now && !sameCell(before, now)) return false;
        }
    }
    return true;
}

/** Merge a KPI's rows per period label (first non-missing value wins) and order the periods. */
function collectPeriods(kpi: KpiRows, columns: RoleColumns, readers: Readers, numbers: NumberText, t: Localiser): KpiBucket {
    const { groupCol, periodCol, cellCols } = readers;
    const periodFormat = formatOf(periodCol?.source);
    const blank = t.text("Blank");
    const bucketOf: KpiBucket = { name: kpi.name, deliveredIndex: kpi.deliveredIndex, firstRow: kpi.firstRow, group: null, periods: new Map(), periodList: [], highlighted: kpi.highlighted };
    const cellSources = cellCols.map(([role, col]) => [CELL_INDEX.get(role) as number, sourceOf(col, kpi, columns)] as const);
    const tooltipSources = columns.tooltips.map(col => sourceOf(col, kpi, columns));
    for (const row of kpi.rows) {
        if (bucketOf.group === null && groupCol) bucketOf.group = text(groupCol.values[row] as Cell);
        const rawPeriod = periodCol ? plainCell(periodCol.values[row]) : null;
        const label = periodCol ? (isMissing(rawPeriod) ? blank : rawPeriod instanceof Date || typeof rawPeriod === "number"
            ? numbers.value(rawPeriod, periodFormat) || String(rawPeriod) : String(rawPeriod)) : "";
        let bucket = bucketOf.periods.get(label);
        if (!bucket) {
            const order = rawPeriod instanceof Date ? rawPeriod.getTime() : typeof rawPeriod === "number" && Number.isFinite(rawPeriod) ? rawPeriod : null;
            bucket = { label, order, firstRow: row, cells: new Array<Cell>(CELL_ROLES.length), tooltipCells: [] };
            bucketOf.periods.set(label, bucket);
            bucketOf.periodList.push(bucket);
        }
        const cells = bucket.cells;
        for (let i = 0; i < cellSources.length; i++) {
            const [index, source] = cellSources[i];
            if (!isMissing(cells[index])) continue;
            cells[index] = plainCell(source[row]);
        }
        for (let i = 0; i < tooltipSources.length; i++) {
            if (!isMissing(bucket.tooltipCells[i])) continue;
            bucket.tooltipCells[i] = plainCell(tooltipSources[i][row]);
        }
    }
    // Dates and numbers sort by value; text periods keep the order Power BI delivered them in.
    const list = bucketOf.periodList;
    if (list.length > 1 && list.every(p => p.order !== null)) {
        list.sort((a, b) => (a.order as number) - (b.order as number) || a.firstRow - b.firstRow);
    }
    return bucketOf;
}

function buildTile(kpi: KpiBucket, columns: RoleColumns, bound: ReadonlySet<RoleName>, numbers: NumberText,
    ctx: ModelContext, selectionId: ISelectionId | undefined): CachedTile {
    const { t, options } = ctx;
    const hasPeriod = bound.has("period");
    const periods = kpi.periodList;
    const chosen = currentAndPrevious(periods.map(p => figureOf(p.cells)));
    const current = periods[chosen.current];
    const cell = (role: RoleName): Cell => current.cells[CELL_INDEX.get(role) ?? -1];
    const quality = qualityOf(cell("quality"));
    const qualityText = qualityMark(quality, t);

    const format = text(cell("format")) ?? formatOf(columns.byRole.get("actual")?.source);
    const precision = precisionOf(format);
    const decimals = precision?.storedDecimals ?? null;

    const polarityParse = bound.has("polarity") ? parsePolarity(cell("polarity")) : { ok: true as const, polarity: options.defaultPolarity };
    const polarity: Polarity | null = polarityParse.ok ? polarityParse.polarity : null;
    const polarityRaw = polarityParse.ok ? null : polarityParse.raw;

    const resolved = resolveTolerance(cell("tolerance"), cell("tolerancePct"));
    const toleranceBound = bound.has("tolerance") || bound.has("tolerancePct");
    const tolerance = resolved.tolerance !== null ? { value: resolved.tolerance, kind: resolved.toleranceKind }
        : !toleranceBound && options.defaultTolerance > 0 ? { value: options.defaultTolerance, kind: options.defaultToleranceType }
            : null;

    // The one number pipeline (docs/rating-decisions.md #4a): each value is read once and rounded
    // once to its shown precision (toShownPrecision, src/rules); that number is what the tile
    // prints and what every rule compares. Only the quartile band reads the actual as supplied.
    const suppliedActual = figureOf(current.cells);
    const actual = toShownPrecision(suppliedActual, precision);
    const target = toShownPrecision(cell("target"), precision);
    const floor = toShownPrecision(cell("floor"), precision);
    const stretch = toShownPrecision(cell("stretch"), precision);
    const status = rateShownStatus({
        actual, target, floor, stretch, polarity,
        tolerance: tolerance?.value, toleranceKind: tolerance?.kind, override: cell("status"),
    });
    const gap = gapAtShown(actual, target, polarity, decimals);

    // Previous: the `previous` field when bound and present, else the latest earlier period with an actual.
    const previousField = toNumber(cell("previous"));
    const priorPeriod = hasPeriod && chosen.previous >= 0 ? periods[chosen.previous] : null;
    const previousValue = toShownPrecision(previousField ?? (priorPeriod ? figureOf(priorPeriod.cells) : null), precision);
    const previousPeriod = previousField === null && priorPeriod ? priorPeriod.label : null;
    const direction = rateShownDirection({ actual, previous: previousValue, polarity, target, decimals });

    const statusLabel = options.statusLabels[status.status] ?? t.text(`Status_${status.status}` as StringKey);
    const directionLabel = t.text(`Direction_${direction.direction}` as StringKey);
    const period = hasPeriod ? current.label : null;
    const wording: WordingContext = { t, numbers, format, statusLabel, period };
    const explainInput: ExplainInput = { status, gap, polarity, polarityRaw, tolerance, direction, directionLabel, previousPeriod };

    const benchmark = buildBenchmark(cell, actual, suppliedActual, polarity, precision, numbers, format, t);
    const hasQuality = bound.has("quality");
    const series: PeriodPoint[] = periods.map(p => ({
        label: p.label, actual: figureOf(p.cells), target: toNumber(p.cells[TARGET]),
        ...(hasQuality ? { quality: qualityOf(p.cells[QUALITY]) } : {}),
    }));
    const owner = text(cell("owner"));
    const commentary = text(cell("commentary"));

    const tile = {
        key: kpi.name,
        name: kpi.name,
        group: bound.has("group") ? kpi.group ?? t.text("Blank") : null,
        deliveredIndex: kpi.deliveredIndex,
        period,
        actual,
        actualText: actual === null ? noFigureWords(quality, t) ?? t.text("Status_no-data") : numbers.value(actual, format),
        target,
        targetText: target === null ? null : numbers.value(target, format),
        gap,
        gapText: gapWords(wording, gap),
        status: status.status,
        statusReason: status.reason,
        statusLabel,
        polarity,
        direction: direction.direction,
        movement: direction.movement,
        directionLabel,
        changeText: changeWords(wording, direction),
        benchmark,
        series,
        owner,
        commentary,
        ...(hasQuality ? { quality, qualityText } : {}),
        selectionId,
        dimmedByHighlight: columns.hasHighlights && !kpi.highlighted,
    };
    const ariaLabel = [buildAriaLabel(tile, t), ...qualityAria(quality, null, t)].join(". ");
    const extra = columns.tooltips.map((col, i) => ({
        source: { ...col.source, displayName: text(col.source.displayName as Cell) ?? "", format: formatOf(col.source) },
        value: current.tooltipCells[i],
    }));
    // The explanation and the tooltip lines are built when first read (on hover or focus), not
    // for every tile on every update: they format several values each.
    let explanation: string | null = null;
    let tooltipItems: KpiTile["tooltipItems"] | null = null;
    const withSelectionId = (id: ISelectionId | undefined): KpiTile => {
        const result = { ...tile, selectionId: id, ariaLabel } as unknown as KpiTile;
        Object.defineProperty(result, "statusExplanation", {
            enumerable: true,
            get: () => (explanation ??= statusExplanation(wording, explainInput)),
        });
        Object.defineProperty(result, "tooltipItems", {
            enumerable: true,
            get: () => (tooltipItems ??= buildTooltipItems(result, { t, numbers, format, wording, explainInput, floor, stretch, extra })),
        });
        return result;
    };
    return { tile: withSelectionId(selectionId), withSelectionId };
}

function safeSelectionId(factory: SelectionIdFactory, column: DataViewCategoryColumn, row: number): ISelectionId | undefined {
    try {
        return factory(column, row);
    } catch {
        return undefined;
    }
}

const BENCHMARK_KINDS: readonly BenchmarkKind[] = ["england", "region", "neighbours"];

/**
 * Benchmarks: each marker's text and its comparison with the actual at the shown precision
 * (`actual` is at the shown precision too); the quartile band and the places on the strip on the
 * values as supplied (`suppliedActual`, marker `value`), as the DfE's LAIT compares them.
 */
function buildBenchmark(cell: (role: RoleName) => Cell, actual: number | null, suppliedActual: number | null, polarity: Polarity | null,
    precision: FormatPrecision | null, numbers: NumberText, format: string | undefined, t: Localiser): BenchmarkView | null {
    const markers: BenchmarkMarker[] = [];
    for (const kind of BENCHMARK_KINDS) {
        const value = toNumber(cell(kind));
        if (value === null) continue;
        const shown = toShownPrecision(value, precision);
        const comparison = compareShown({ actual, benchmark: shown, polarity });
        markers.push({ kind, value, text: numbers.value(shown, format), comparison });
    }
    const q1 = toNumber(cell("q1"));
    const median = toNumber(cell("median"));
    const q3 = toNumber(cell("q3"));
    const quartiles = q1 !== null && median !== null && q3 !== null && q1 <= median && median <= q3 ? { q1, median, q3 } : null;
    const band = quartileBand({ value: suppliedActual, q1, median, q3, polarity });
    const rank = toNumber(cell("rank"));
    const rankOf = toNumber(cell("rankOf"));
    const rankText = rank !== null && rank >= 1 ? t.rank(Math.round(rank), rankOf !== null && rankOf >= 1 ? Math.round(rankOf) : null) : null;
    if (markers.length === 0 && !quartiles && rankText === null) return null;
    return { quartiles, band, markers, own: suppliedActual, reversed: polarity === "Low", rankText };
}

/** Statuses in the order the summary strip lists them. */
export const SUMMARY_ORDER: readonly Status[] = ["red", "amber", "green", "blue", "unrecognised", "no-data", "no-target", "not-rated"];
