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
import type { DirectionResult, GapResult, StatusResult } from "../rules";
import type { DataQuality } from "../rules/quality";
import type { PathToGreenView } from "./pathToGreen";
import { changeWords, ExplainInput, gapWords, statusExplanation, WordingContext } from "./wording";
import { buildAriaLabel, buildTooltipItems } from "./tooltip";
import { ModelCache, sameCell } from "./modelCache";
import { PATH_TO_GREEN_ROLES, pathToGreenOf, periodInViewEnd } from "./pathToGreen";
import type { DateKey } from "../rules/pathToGreen";
import { qualityOf, ratedActual } from "../rules/quality";
import { noFigureWords, qualityAria, qualityMark, TilePeriods, withStaleness } from "./quality";

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

/** A cell as the model reads it. */
type Cell = PrimitiveValue | null | undefined;

/** Columns by place in CELL_ROLES (undefined: role not bound). */
type CellColumns = readonly (readonly Cell[] | undefined)[];

/**
 * One period of a KPI: its label, sort key and rows. A period normally has one row; when several
 * rows share a KPI and period label (`more`), each field takes the first non-missing value in
 * delivered order. Values are read from the dataView's columns in place, never copied.
 */
interface PeriodBucket {
    readonly label: string;
    readonly order: number | null;
    readonly firstRow: number;
    more: number[] | null;
}

interface KpiBucket {
    readonly name: string;
    readonly deliveredIndex: number;
    readonly firstRow: number;
    group: string | null;
    readonly periodList: PeriodBucket[];
    readonly highlighted: boolean;
    /** The columns this KPI reads: highlight values for a highlighted KPI. */
    readonly cells: CellColumns;
    readonly tooltips: readonly (readonly Cell[])[];
}

/** Roles read as cells for every period (all but the grouping roles). */
const CELL_ROLES: readonly RoleName[] = ROLES.filter(r => r !== "kpi" && r !== "group" && r !== "period" && r !== "tooltips");
const CELL_INDEX = new Map<RoleName, number>(CELL_ROLES.map((role, i) => [role, i]));
/** A role's place in CELL_ROLES (-1: not a cell role). */
const cellIndex = (role: RoleName): number => CELL_INDEX.get(role) ?? -1;
// The roles the model reads directly.
const ACTUAL = cellIndex("actual");
const TARGET = cellIndex("target");
const QUALITY = cellIndex("quality");
const FORMAT = cellIndex("format");
const POLARITY = cellIndex("polarity");
const TOLERANCE = cellIndex("tolerance");
const TOLERANCE_PCT = cellIndex("tolerancePct");
const FLOOR = cellIndex("floor");
const STRETCH = cellIndex("stretch");
const STATUS = cellIndex("status");
const PREVIOUS = cellIndex("previous");
const OWNER = cellIndex("owner");
const COMMENTARY = cellIndex("commentary");

/** The value of `column` for a period: its first row's, or the first non-missing of its rows. */
function cellAt(column: readonly Cell[] | undefined, bucket: PeriodBucket): Cell {
    if (column === undefined) return undefined;
    let value = plainCell(column[bucket.firstRow]);
    if (bucket.more === null || !isMissing(value)) return value;
    for (const row of bucket.more) {
        value = plainCell(column[row]);
        if (!isMissing(value)) return value;
    }
    return value;
}

/** A period's actual as shown and rated: none when its data quality says there is no figure (src/rules/quality.ts). */
function figureOf(cells: CellColumns, bucket: PeriodBucket): number | null {
    return ratedActual(toNumber(cellAt(cells[ACTUAL], bucket)), qualityOf(cellAt(cells[QUALITY], bucket)));
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
 *
 * Work per update: one pass over the rows to find each KPI's rows; per KPI, its periods and the
 * numbers every tile needs for the summary, filters and sorting (status, gap, direction). What
 * only a drawn tile, a tooltip or a screen reader needs (texts, series, benchmarks, path to
 * green, tooltip lines) is made when first read, so an update costs little more than reading
 * the rows for the KPIs that are not in view.
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
    if (kpis.count === 0) return { kind: "empty" };

    const bound = new Set<RoleName>(columns.byRole.keys());
    if (columns.tooltips.length > 0) bound.add("tooltips");
    const kpiColumn = columns.byRole.get("kpi")?.category;
    const cache = ctx.cache ?? new ModelCache();
    // The period in view's end decides overdue actions: a tile is reused only for the same end.
    const viewEnd = periodInViewEnd(columns);
    cache.begin(`${contextKey(columns, ctx)}|${viewEnd}`);
    // Selection ids are made when first read (a drawn tile, a click): from this update's KPI column and the KPI's first row.
    const update: UpdateRows = { readers, kpis, selection: kpiColumn && ctx.createSelectionId ? { factory: ctx.createSelectionId, column: kpiColumn } : null };
    const shared: SharedContext = { columns, bound, numbers, ctx, viewEnd };
    const interned: Interned = { labels: [], allFigures: [] };
    const tiles: KpiTile[] = new Array<KpiTile>(kpis.count);
    const periods: TilePeriods[] = new Array<TilePeriods>(kpis.count);
    for (let k = 0; k < kpis.count; k++) {
        const name = kpis.names[k];
        const previous = cache.get(name);
        const before = previous?.tile instanceof ModelTile ? previous.tile.source : null;
        let tile: ModelTile;
        if (previous && before && sameInputs(before.rows, before.k, update, k)) {
            // Value for value the same rows: the tile stays, and now reads this update's rows and selection (the last update's can go).
            before.rebase(update, k, shared);
            tile = previous.tile as ModelTile;
            cache.keep(previous, tile);
        } else {
            tile = buildTile(update, k, shared, interned);
            if (previous) cache.keep(previous, tile);
            else cache.set(name, tile);
        }
        tiles[k] = tile;
        periods[k] = tile.source;
    }
    cache.end();
    const reduced = dataView?.metadata?.segment ? { deliveredRows: columns.rowCount } : null;
    return { kind: "tiles", tiles: withStaleness(tiles, periods, bound.has("period"), ctx.t), bound, hasHighlights: columns.hasHighlights, reduced };
}


/** Where the tiles' selection ids come from: the host's factory and the KPI column (with a KPI's first row). */
interface SelectionSource {
    readonly factory: SelectionIdFactory;
    readonly column: DataViewCategoryColumn;
}

/** Everything besides a KPI's own rows that decides how its tile is built. */
function contextKey(columns: RoleColumns, ctx: ModelContext): string {
    const layout = (role: string, col: RoleColumn): unknown[] =>
        [role, col.category ? "c" : "v", text(col.source.displayName as Cell), text(col.source.queryName as Cell), formatOf(col.source), Array.isArray(col.highlights)];
    const strings = (Object.keys(STRINGS) as StringKey[]).map(key => ctx.t.text(key));
    return JSON.stringify([ctx.options, ctx.t.locale, strings, columns.hasHighlights,
        Array.from(columns.byRole, ([role, col]) => layout(role, col)), columns.tooltips.map(col => layout("tooltips", col))]);
}

/** The columns of an update, read once per update rather than once per KPI. */
interface Readers {
    readonly kpiCol: RoleColumn;
    readonly groupCol: RoleColumn | undefined;
    readonly periodCol: RoleColumn | undefined;
    readonly periodFormat: string | undefined;
    /** Cell columns by place in CELL_ROLES: values, and highlights for highlighted KPIs. */
    readonly cells: CellColumns;
    readonly highlightCells: CellColumns;
    readonly tooltipSources: readonly (readonly Cell[])[];
    readonly tooltipHighlightSources: readonly (readonly Cell[])[];
    /** Every column a tile is read from besides the KPI name, for the cache: plain and highlighted. */
    readonly inputSources: readonly (readonly Cell[])[];
    readonly inputHighlightSources: readonly (readonly Cell[])[];
    /** Period labels by raw number or time: a date or number period is formatted once per update, not once per row. */
    readonly periodLabels: Map<number, string>;
    /**
     * The period labels of the update, each with a slot number shared by every KPI (KPIs mostly
     * have the same periods), and per slot the pass that last used it and the place of its
     * bucket: a KPI finds its bucket for a label without a map of its own.
     */
    readonly periodSlots: Map<string, number>;
    slotPass: Int32Array;
    slotBucket: Int32Array;
    /** Counts the calls of collectPeriods (a slot used in another pass is free). */
    pass: number;
}

function readersOf(columns: RoleColumns): Readers {
    const cellCols = CELL_ROLES.map(role => columns.byRole.get(role));
    // The source a highlighted KPI reads: highlight values where the column has them.
    const highlight = (col: RoleColumn): readonly Cell[] => (columns.hasHighlights && col.highlights ? col.highlights : col.values);
    const groupCol = columns.byRole.get("group");
    const periodCol = columns.byRole.get("period");
    const cells = cellCols.map(col => col?.values as readonly Cell[] | undefined);
    const highlightCells = cellCols.map(col => (col ? highlight(col) : undefined));
    const tooltipSources = columns.tooltips.map(col => col.values as readonly Cell[]);
    const tooltipHighlightSources = columns.tooltips.map(highlight);
    const keys: (readonly Cell[])[] = [];
    if (groupCol) keys.push(groupCol.values);
    if (periodCol) keys.push(periodCol.values);
    const bound = (list: CellColumns): (readonly Cell[])[] => list.filter((c): c is readonly Cell[] => c !== undefined);
    return {
        kpiCol: columns.byRole.get("kpi") as RoleColumn, groupCol, periodCol, periodFormat: formatOf(periodCol?.source),
        cells, highlightCells, tooltipSources, tooltipHighlightSources,
        inputSources: [...keys, ...bound(cells), ...tooltipSources],
        inputHighlightSources: [...keys, ...bound(highlightCells), ...tooltipHighlightSources],
        periodLabels: new Map(),
        periodSlots: new Map(),
        slotPass: new Int32Array(16).fill(-1),
        slotBucket: new Int32Array(16),
        pass: 0,
    };
}

/**
 * The KPIs of an update and their rows, from one pass over the rows: KPI k's rows are
 * firstRow[k], nextRow[firstRow[k]], ... (-1 ends the chain), in delivered order, in typed arrays
 * rather than an array per KPI. A KPI is highlighted when any of its rows is.
 */
interface KpiIndex {
    readonly count: number;
    readonly names: readonly string[];
    readonly firstRow: Int32Array;
    readonly rowCount: Int32Array;
    readonly highlighted: Uint8Array;
    readonly nextRow: Int32Array;
}

/** An update's columns and KPI index: what a tile reads its rows from; and where its selection ids come from. */
interface UpdateRows {
    readonly readers: Readers;
    readonly kpis: KpiIndex;
    readonly selection: SelectionSource | null;
}

/** Group rows by KPI name, in the order each KPI first appears: one pass over the rows. */
function groupRows(columns: RoleColumns, readers: Readers, t: Localiser): KpiIndex {
    const rows = columns.rowCount;
    const highlightCols = columns.hasHighlights
        ? [...CELL_ROLES.map(role => columns.byRole.get(role)), ...columns.tooltips].filter((c): c is RoleColumn => c !== undefined && Array.isArray(c.highlights))
        : [];
    const blank = t.text("Blank");
    const values = readers.kpiCol.values;
    const byName = new Map<string, number>();
    const names: string[] = [];
    const firstRow = new Int32Array(rows);
    const lastRow = new Int32Array(rows);
    const rowCount = new Int32Array(rows);
    const highlighted = new Uint8Array(rows);
    const nextRow = new Int32Array(rows).fill(-1);
    let previousName: string | null = null;
    let previousK = -1;
    for (let row = 0; row < rows; row++) {
        const raw = values[row];
        // Rows of a KPI mostly come together: the same name as the row before needs no lookup.
        const name: string = typeof raw === "string" && raw === previousName ? raw : text(raw as Cell) ?? blank;
        let k = name === previousName ? previousK : byName.get(name);
        if (k === undefined) {
            k = names.length;
            byName.set(name, k);
            names.push(name);
            firstRow[k] = row;
        } else {
            nextRow[lastRow[k]] = row;
        }
        previousName = name;
        previousK = k;
        lastRow[k] = row;
        rowCount[k]++;
        if (highlightCols.length > 0 && highlighted[k] === 0) {
            for (let c = 0; c < highlightCols.length; c++) {
                if (!isMissing((highlightCols[c].highlights as readonly Cell[])[row])) { highlighted[k] = 1; break; }
            }
        }
    }
    return { count: names.length, names, firstRow, rowCount, highlighted, nextRow };
}

/**
 * Whether KPI `k` of `now` has exactly the raw values KPI `kBefore` of `before` had: the same
 * place in the delivered order, highlight state, number of rows and every value of every column
 * it is read from, compared in place (same primitive, same instant for dates, NaN equal to NaN).
 */
function sameInputs(before: UpdateRows, kBefore: number, now: UpdateRows, k: number): boolean {
    const highlighted = now.kpis.highlighted[k] === 1;
    if (kBefore !== k || (before.kpis.highlighted[kBefore] === 1) !== highlighted || before.kpis.rowCount[kBefore] !== now.kpis.rowCount[k]) return false;
    const was = highlighted ? before.readers.inputHighlightSources : before.readers.inputSources;
    const is = highlighted ? now.readers.inputHighlightSources : now.readers.inputSources;
    const width = is.length;
    if (was.length !== width) return false;
    let rowBefore = before.kpis.firstRow[kBefore];
    for (let row = now.kpis.firstRow[k]; row !== -1; row = now.kpis.nextRow[row]) {
        for (let c = 0; c < width; c++) {
            const a = was[c][rowBefore];
            const b = is[c][row];
            if (a !== b && !sameCell(a, b)) return false;
        }
        rowBefore = before.kpis.nextRow[rowBefore];
    }
    return true;
}

/** The label of a period value: numbers and dates formatted with the period's format, once per update. */
function periodLabel(raw: Cell, readers: Readers, numbers: NumberText, blank: string): string {
    if (isMissing(raw)) return blank;
    if (!(raw instanceof Date) && typeof raw !== "number") return String(raw);
    const key = raw instanceof Date ? raw.getTime() : raw;
    let label = readers.periodLabels.get(key);
    if (label === undefined) {
        label = numbers.value(raw, readers.periodFormat) || String(raw);
        readers.periodLabels.set(key, label);
    }
    return label;
}

/** KPI k's rows per period label, the periods in order (dates and numbers by value, text as delivered). */
function collectPeriods(update: UpdateRows, k: number, numbers: NumberText, t: Localiser): KpiBucket {
    const { readers, kpis } = update;
    const { groupCol, periodCol } = readers;
    const highlighted = kpis.highlighted[k] === 1;
    const blank = t.text("Blank");
    const bucketOf: KpiBucket = {
        name: kpis.names[k], deliveredIndex: k, firstRow: kpis.firstRow[k], group: null, periodList: [], highlighted,
        cells: highlighted ? readers.highlightCells : readers.cells,
        tooltips: highlighted ? readers.tooltipHighlightSources : readers.tooltipSources,
    };
    const slots = readers.periodSlots;
    const pass = ++readers.pass;
    for (let row = kpis.firstRow[k]; row !== -1; row = kpis.nextRow[row]) {
        if (bucketOf.group === null && groupCol) bucketOf.group = text(groupCol.values[row] as Cell);
        const rawPeriod = periodCol ? plainCell(periodCol.values[row]) : null;
        const label = periodCol ? periodLabel(rawPeriod, readers, numbers, blank) : "";
        let slot = slots.get(label);
        if (slot === undefined) {
            slot = slots.size;
            slots.set(label, slot);
            if (slot >= readers.slotPass.length) {
                const passOf = new Int32Array(slot * 2).fill(-1);
                passOf.set(readers.slotPass);
                const bucketAt = new Int32Array(slot * 2);
                bucketAt.set(readers.slotBucket);
                readers.slotPass = passOf;
                readers.slotBucket = bucketAt;
            }
        }
        if (readers.slotPass[slot] === pass) {
            const bucket = bucketOf.periodList[readers.slotBucket[slot]];
            (bucket.more ??= []).push(row);
        } else {
            const order = rawPeriod instanceof Date ? rawPeriod.getTime() : typeof rawPeriod === "number" && Number.isFinite(rawPeriod) ? rawPeriod : null;
            readers.slotPass[slot] = pass;
            readers.slotBucket[slot] = bucketOf.periodList.length;
            bucketOf.periodList.push({ label, order, firstRow: row, more: null });
        }
    }
    // Dates and numbers sort by value; text periods keep the order Power BI delivered them in.
    const list = bucketOf.periodList;
    if (list.length > 1 && list.every(p => p.order !== null)) {
        list.sort((a, b) => (a.order as number) - (b.order as number) || a.firstRow - b.firstRow);
    }
    return bucketOf;
}

/** What every tile of an update shares. */
interface SharedContext {
    readonly columns: RoleColumns;
    readonly bound: ReadonlySet<RoleName>;
    readonly numbers: NumberText;
    readonly ctx: ModelContext;
    readonly viewEnd: DateKey | null;
}

/** The fields of a tile worked out when it is built. */
type TileFields = Pick<KpiTile, "key" | "name" | "group" | "deliveredIndex" | "period" | "actual" | "target" | "gap" | "status"
    | "statusReason" | "statusLabel" | "polarity" | "direction" | "movement" | "directionLabel" | "owner" | "commentary" | "quality"
    | "qualityText" | "dimmedByHighlight">;

/** The last KPI's period labels and an all-figures list per length: KPIs mostly share them, so their tiles share one array. */
interface Interned {
    labels: readonly string[];
    readonly allFigures: (readonly boolean[])[];
}

function internLabels(interned: Interned, periods: readonly PeriodBucket[]): readonly string[] {
    const last = interned.labels;
    if (last.length === periods.length && periods.every((p, i) => p.label === last[i])) return last;
    return (interned.labels = periods.map(p => p.label));
}

function internFigures(interned: Interned, figures: readonly (number | null)[]): readonly boolean[] {
    if (figures.every(f => f !== null)) return (interned.allFigures[figures.length] ??= figures.map(() => true));
    return figures.map(f => f !== null);
}

/**
 * KPI k's tile: its periods, and the numbers every tile needs for the summary, filters and
 * sorting (status, gap, direction), worked out now; its texts, series, benchmarks, path to
 * green and tooltip lines are made when first read (TileSource). What survives the update is
 * the tile and its source; the periods and the intermediate values are dropped.
 */
function buildTile(update: UpdateRows, k: number, shared: SharedContext, interned: Interned): ModelTile {
    const { bound, numbers, ctx } = shared;
    const { t, options } = ctx;
    const kpi = collectPeriods(update, k, numbers, t);
    const cols = kpi.cells;
    const periods = kpi.periodList;
    const figures = periods.map(p => figureOf(cols, p));
    const chosen = currentAndPrevious(figures);
    const current = periods[chosen.current];
    const cell = (index: number): Cell => cellAt(cols[index], current);
    const quality = qualityOf(cell(QUALITY));
    const hasPeriod = bound.has("period");
    const hasQuality = bound.has("quality");

    const format = text(cell(FORMAT)) ?? formatOf(shared.columns.byRole.get("actual")?.source);
    const precision = precisionOf(format);
    const decimals = precision?.storedDecimals ?? null;

    const polarityParse = bound.has("polarity") ? parsePolarity(cell(POLARITY)) : { ok: true as const, polarity: options.defaultPolarity };
    const polarity: Polarity | null = polarityParse.ok ? polarityParse.polarity : null;
    const polarityRaw = polarityParse.ok ? null : polarityParse.raw;

    const resolved = resolveTolerance(cell(TOLERANCE), cell(TOLERANCE_PCT));
    const toleranceBound = bound.has("tolerance") || bound.has("tolerancePct");
    const tolerance = resolved.tolerance !== null ? { value: resolved.tolerance, kind: resolved.toleranceKind }
        : !toleranceBound && options.defaultTolerance > 0 ? { value: options.defaultTolerance, kind: options.defaultToleranceType }
            : null;

    // The one number pipeline (docs/rating-decisions.md #4a): each value is read once and rounded
    // once to its shown precision (toShownPrecision, src/rules); that number is what the tile
    // prints and what every rule compares. Only the quartile band reads the actual as supplied.
    const suppliedActual = figures[chosen.current];
    const actual = toShownPrecision(suppliedActual, precision);
    const target = toShownPrecision(cell(TARGET), precision);
    const floor = toShownPrecision(cell(FLOOR), precision);
    const stretch = toShownPrecision(cell(STRETCH), precision);
    const status = rateShownStatus({
        actual, target, floor, stretch, polarity,
        tolerance: tolerance?.value, toleranceKind: tolerance?.kind, override: cell(STATUS),
    });
    const gap = gapAtShown(actual, target, polarity, decimals);

    // Previous: the `previous` field when bound and present, else the latest earlier period with an actual.
    const previousField = toNumber(cell(PREVIOUS));
    const priorIndex = hasPeriod && chosen.previous >= 0 ? chosen.previous : -1;
    const previousValue = toShownPrecision(previousField ?? (priorIndex >= 0 ? figures[priorIndex] : null), precision);
    const previousPeriod = previousField === null && priorIndex >= 0 ? periods[priorIndex].label : null;
    const direction = rateShownDirection({ actual, previous: previousValue, polarity, target, decimals });

    const statusLabel = options.statusLabels[status.status] ?? t.text(`Status_${status.status}` as StringKey);
    const directionLabel = t.text(`Direction_${direction.direction}` as StringKey);
    const period = hasPeriod ? current.label : null;
    const source = new TileSource(update, k, shared, {
        currentIndex: chosen.current, quality, format, precision, floor, stretch, suppliedActual, status, polarityRaw, tolerance,
        directionResult: direction, previousPeriod, labels: internLabels(interned, periods), hasFigure: internFigures(interned, figures),
    });
    return new ModelTile(source, {
        key: kpi.name, name: kpi.name,
        group: bound.has("group") ? kpi.group ?? t.text("Blank") : null,
        deliveredIndex: kpi.deliveredIndex,
        period, actual, target, gap,
        status: status.status, statusReason: status.reason, statusLabel, polarity,
        direction: direction.direction, movement: direction.movement, directionLabel,
        owner: text(cell(OWNER)), commentary: text(cell(COMMENTARY)),
        quality: hasQuality ? quality : undefined,
        qualityText: hasQuality ? qualityMark(quality, t) : undefined,
        dimmedByHighlight: shared.columns.hasHighlights && !kpi.highlighted,
    });
}

/** What buildTile hands a TileSource. */
interface SourceValues {
    readonly currentIndex: number;
    readonly quality: DataQuality;
    readonly format: string | undefined;
    readonly precision: FormatPrecision | null;
    readonly floor: number | null;
    readonly stretch: number | null;
    readonly suppliedActual: number | null;
    readonly status: StatusResult;
    readonly polarityRaw: string | null;
    readonly tolerance: ExplainInput["tolerance"];
    readonly directionResult: DirectionResult;
    readonly previousPeriod: string | null;
    readonly labels: readonly string[];
    readonly hasFigure: readonly boolean[];
}

/**
 * What a tile's lazy parts are made from, and what they made (shared by the copies of one tile).
 * It reads the KPI's rows in place from an update's columns; when a later update has the same
 * values, the model rebases it onto that update's rows, so only the latest dataView is held.
 * It is also the KPI's periods for the staleness check (TilePeriods).
 */
class TileSource implements TilePeriods {
    /** The update whose rows this KPI reads, and its place there (see rebase). */
    rows: UpdateRows;
    k: number;
    private buckets: KpiBucket | null = null;
    /** The update's shared context (rebased with the rows: the same settings and fields, this update's columns). */
    shared: SharedContext;
    readonly values: SourceValues;

    // Made when first read.
    actualText?: string;
    targetText?: string | null;
    gapText?: string | null;
    changeText?: string | null;
    ariaLabel?: string;
    explanation?: string;
    tooltipItems?: KpiTile["tooltipItems"];
    benchmark?: BenchmarkView | null;
    series?: readonly PeriodPoint[];
    pathToGreen?: PathToGreenView | null;
    pathToGreenMade = false;
    private wordingMade?: WordingContext;
    private explainMade?: ExplainInput;
    private selectionIdMade = false;
    private selectionIdValue: ISelectionId | undefined;

    constructor(rows: UpdateRows, k: number, shared: SharedContext, values: SourceValues) {
        this.rows = rows;
        this.k = k;
        this.shared = shared;
        this.values = values;
    }

    /** The KPI's period labels in order (TilePeriods). */
    get labels(): readonly string[] {
        return this.values.labels;
    }

    /** Which of those periods have a figure (TilePeriods). */
    get hasFigure(): readonly boolean[] {
        return this.values.hasFigure;
    }

    /** Read this KPI's rows (and make its selection id) from `rows` from now on: the same values, at KPI `k` there. */
    rebase(rows: UpdateRows, k: number, shared: SharedContext): void {
        this.rows = rows;
        this.k = k;
        this.shared = shared;
        this.buckets = null;
        this.selectionIdMade = false;
        this.selectionIdValue = undefined;
    }

    /** The host's selection id for the KPI, made once per update that reads it (undefined when the host gives none). */
    selectionId(): ISelectionId | undefined {
        if (!this.selectionIdMade) {
            const s = this.rows.selection;
            this.selectionIdValue = s ? safeSelectionId(s.factory, s.column, this.rows.kpis.firstRow[this.k]) : undefined;
            this.selectionIdMade = true;
        }
        return this.selectionIdValue;
    }

    /** The KPI's periods, collected again from its rows when first needed. */
    private kpi(): KpiBucket {
        return (this.buckets ??= collectPeriods(this.rows, this.k, this.shared.numbers, this.shared.ctx.t));
    }

    /** A cell of the period shown. */
    cell(index: number): Cell {
        const kpi = this.kpi();
        return cellAt(kpi.cells[index], kpi.periodList[this.values.currentIndex]);
    }

    /** Data quality of the KPI's row for period `label`, or null without one. */
    quality(label: string): DataQuality | null {
        if (!this.shared.bound.has("quality")) return null;
        const kpi = this.kpi();
        const bucket = kpi.periodList.find(p => p.label === label);
        return bucket ? qualityOf(cellAt(kpi.cells[QUALITY], bucket)) : null;
    }

    wording(tile: TileFields): WordingContext {
        return (this.wordingMade ??= { t: this.shared.ctx.t, numbers: this.shared.numbers, format: this.values.format, statusLabel: tile.statusLabel, period: tile.period });
    }

    explainInput(tile: TileFields): ExplainInput {
        const v = this.values;
        return (this.explainMade ??= {
            status: v.status, gap: tile.gap, polarity: tile.polarity, polarityRaw: v.polarityRaw, tolerance: v.tolerance,
            direction: v.directionResult, directionLabel: tile.directionLabel, previousPeriod: v.previousPeriod,
        });
    }

    makeSeries(): readonly PeriodPoint[] {
        const kpi = this.kpi();
        const hasQuality = this.shared.bound.has("quality");
        return kpi.periodList.map(p => ({
            label: p.label, actual: figureOf(kpi.cells, p), target: toNumber(cellAt(kpi.cells[TARGET], p)),
            ...(hasQuality ? { quality: qualityOf(cellAt(kpi.cells[QUALITY], p)) } : {}),
        }));
    }

    makeBenchmark(tile: TileFields): BenchmarkView | null {
        const { numbers, ctx } = this.shared;
        return buildBenchmark(role => this.cell(cellIndex(role)), tile.actual, this.values.suppliedActual, tile.polarity,
            this.values.precision, numbers, this.values.format, ctx.t);
    }

    makePathToGreen(tile: TileFields): PathToGreenView | null | undefined {
        const { bound, viewEnd, ctx } = this.shared;
        if (!PATH_TO_GREEN_ROLES.some(role => bound.has(role))) return undefined;
        return pathToGreenOf(role => this.cell(cellIndex(role)), tile.status, viewEnd, ctx.t);
    }

    /** The `tooltips` fields of the period shown. */
    extra(): { source: powerbi.DataViewMetadataColumn; value: Cell }[] {
        const kpi = this.kpi();
        const current = kpi.periodList[this.values.currentIndex];
        return this.shared.columns.tooltips.map((col, i) => ({
            source: { ...col.source, displayName: text(col.source.displayName as Cell) ?? "", format: formatOf(col.source) },
            value: cellAt(kpi.tooltips[i], current),
        }));
    }
}

/**
 * A tile of the view model: the rated fields as properties, the texts and the parts only a
 * drawn tile needs, and its selection id, as getters that make them on first read (kept in its
 * TileSource, which a copy of the tile shares).
 */
class ModelTile implements KpiTile {
    readonly key: string;
    readonly name: string;
    readonly group: string | null;
    readonly deliveredIndex: number;
    readonly period: string | null;
    readonly actual: number | null;
    readonly target: number | null;
    readonly gap: GapResult | null;
    readonly status: Status;
    readonly statusReason: KpiTile["statusReason"];
    readonly statusLabel: string;
    readonly polarity: Polarity | null;
    readonly direction: KpiTile["direction"];
    readonly movement: KpiTile["movement"];
    readonly directionLabel: string;
    readonly owner: string | null;
    readonly commentary: string | null;
    readonly quality?: DataQuality;
    readonly qualityText?: string | null;
    readonly dimmedByHighlight: boolean;
    /** Set on the copies withStaleness makes (src/model/quality.ts). */
    declare readonly stale?: KpiTile["stale"];
    declare readonly source: TileSource;

    constructor(source: TileSource, f: TileFields) {
        this.key = f.key;
        this.name = f.name;
        this.group = f.group;
        this.deliveredIndex = f.deliveredIndex;
        this.period = f.period;
        this.actual = f.actual;
        this.target = f.target;
        this.gap = f.gap;
        this.status = f.status;
        this.statusReason = f.statusReason;
        this.statusLabel = f.statusLabel;
        this.polarity = f.polarity;
        this.direction = f.direction;
        this.movement = f.movement;
        this.directionLabel = f.directionLabel;
        this.owner = f.owner;
        this.commentary = f.commentary;
        if (f.quality !== undefined) {
            this.quality = f.quality;
            this.qualityText = f.qualityText;
        }
        this.dimmedByHighlight = f.dimmedByHighlight;
        // Not enumerable: a copy of the tile (withStaleness) keeps it; a spread of the tile shows only its fields.
        Object.defineProperty(this, "source", { value: source });
    }

    get selectionId(): ISelectionId | undefined {
        return this.source.selectionId();
    }

    get actualText(): string {
        const s = this.source;
        const t = s.shared.ctx.t;
        return (s.actualText ??= this.actual === null
            ? noFigureWords(s.values.quality, t) ?? t.text("Status_no-data")
            : s.shared.numbers.value(this.actual, s.values.format));
    }

    get targetText(): string | null {
        const s = this.source;
        if (s.targetText === undefined) s.targetText = this.target === null ? null : s.shared.numbers.value(this.target, s.values.format);
        return s.targetText;
    }

    get gapText(): string | null {
        const s = this.source;
        if (s.gapText === undefined) s.gapText = gapWords(s.wording(this), this.gap);
        return s.gapText;
    }

    get changeText(): string | null {
        const s = this.source;
        if (s.changeText === undefined) s.changeText = changeWords(s.wording(this), s.values.directionResult);
        return s.changeText;
    }

    get ariaLabel(): string {
        const s = this.source;
        const t = s.shared.ctx.t;
        return (s.ariaLabel ??= [buildAriaLabel(this, t), ...qualityAria(s.values.quality, null, t)].join(". "));
    }

    get statusExplanation(): string {
        const s = this.source;
        return (s.explanation ??= statusExplanation(s.wording(this), s.explainInput(this)));
    }

    get tooltipItems(): KpiTile["tooltipItems"] {
        const s = this.source;
        const make = (): KpiTile["tooltipItems"] => buildTooltipItems(this, {
            t: s.shared.ctx.t, numbers: s.shared.numbers, format: s.values.format, wording: s.wording(this), explainInput: s.explainInput(this),
            floor: s.values.floor, stretch: s.values.stretch, extra: s.extra(),
        });
        if (!this.stale) return (s.tooltipItems ??= make());
        // A stale copy (withStaleness, one per update) says so in its own lines: they are kept on the copy, not in the shared source.
        const own = make();
        Object.defineProperty(this, "tooltipItems", { value: own, enumerable: true });
        return own;
    }

    get benchmark(): BenchmarkView | null {
        const s = this.source;
        if (s.benchmark === undefined) s.benchmark = s.makeBenchmark(this);
        return s.benchmark;
    }

    get series(): readonly PeriodPoint[] {
        const s = this.source;
        return (s.series ??= s.makeSeries());
    }

    get pathToGreen(): PathToGreenView | null | undefined {
        const s = this.source;
        if (!s.pathToGreenMade) {
            s.pathToGreen = s.makePathToGreen(this);
            s.pathToGreenMade = true;
        }
        return s.pathToGreen;
    }
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
        const marker = { kind, value, comparison } as BenchmarkMarker;
        // The text is made when first read (a tile in view, its tooltip, its aria-label).
        let markerText: string | undefined;
        Object.defineProperty(marker, "text", { enumerable: true, configurable: true, get: () => (markerText ??= numbers.value(shown, format)) });
        markers.push(marker);
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
