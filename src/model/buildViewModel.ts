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
import { PATH_TO_GREEN_ROLES, pathToGreenOf, periodInViewEnd } from "./pathToGreen";
import type { DateKey } from "../rules/pathToGreen";
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
    if (kpis.count === 0) return { kind: "empty" };

    const bound = new Set<RoleName>(columns.byRole.keys());
    if (columns.tooltips.length > 0) bound.add("tooltips");
    const kpiColumn = columns.byRole.get("kpi")?.category;
    const cache = ctx.cache ?? new ModelCache();
    // The period in view's end decides overdue actions: a tile is reused only for the same end.
    const viewEnd = periodInViewEnd(columns);
    cache.begin(`${contextKey(columns, ctx)}|${viewEnd}`);
    const tiles: KpiTile[] = new Array<KpiTile>(kpis.count);
    for (let k = 0; k < kpis.count; k++) {
        const name = kpis.names[k];
        const sources = kpis.highlighted[k] === 1 ? readers.inputHighlightSources : readers.inputSources;
        const selectionId = kpiColumn && ctx.createSelectionId ? safeSelectionId(ctx.createSelectionId, kpiColumn, kpis.firstRow[k]) : undefined;
        const previous = cache.previousInputs(name);
        if (previous && sameInputs(previous, kpis, k, sources)) {
            const hit = cache.reuse(name);
            if (sameSelectionId(hit.tile.selectionId, selectionId)) {
                tiles[k] = hit.tile;
            } else {
                tiles[k] = hit.withSelectionId(selectionId);
                cache.update(name, { tile: tiles[k], withSelectionId: hit.withSelectionId });
            }
            continue;
        }
        const built = buildTile(collectPeriods(kpis, k, readers, numbers, ctx.t), columns, bound, numbers, ctx, selectionId, viewEnd);
        cache.set(name, inputsOf(kpis, k, sources), built);
        tiles[k] = built.tile;
    }
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

/** The columns of an update, read once per update rather than once per KPI. */
interface Readers {
    readonly kpiCol: RoleColumn;
    readonly groupCol: RoleColumn | undefined;
    readonly periodCol: RoleColumn | undefined;
    readonly periodFormat: string | undefined;
    /** Place in CELL_ROLES of each bound cell column, in the order of the source lists below. */
    readonly cellIndex: Int32Array;
    /** Cell and tooltip columns as a KPI reads them: values, or highlights for highlighted KPIs. */
    readonly cellSources: readonly (readonly Cell[])[];
    readonly cellHighlightSources: readonly (readonly Cell[])[];
    readonly tooltipSources: readonly (readonly Cell[])[];
    readonly tooltipHighlightSources: readonly (readonly Cell[])[];
    /** Every column a tile is read from besides the KPI name, for the cache: plain and highlighted. */
    readonly inputSources: readonly (readonly Cell[])[];
    readonly inputHighlightSources: readonly (readonly Cell[])[];
    /** Period labels by raw number or time: a date or number period is formatted once per update, not once per row. */
    readonly periodLabels: Map<number, string>;
    /**
     * The period labels of the update, each with a slot number shared by every KPI (KPIs mostly
     * have the same periods), and per slot the KPI that last used it and the place of its bucket:
     * a KPI finds its bucket for a label without a map of its own.
     */
    readonly periodSlots: Map<string, number>;
    slotKpi: Int32Array;
    slotBucket: Int32Array;
}

function readersOf(columns: RoleColumns): Readers {
    const cellCols = CELL_ROLES.map(role => [role, columns.byRole.get(role)] as const)
        .filter((pair): pair is readonly [RoleName, RoleColumn] => pair[1] !== undefined);
    // The source a highlighted KPI reads: highlight values where the column has them.
    const highlight = (col: RoleColumn): readonly Cell[] => (columns.hasHighlights && col.highlights ? col.highlights : col.values);
    const groupCol = columns.byRole.get("group");
    const periodCol = columns.byRole.get("period");
    const cellSources = cellCols.map(([, col]) => col.values as readonly Cell[]);
    const cellHighlightSources = cellCols.map(([, col]) => highlight(col));
    const tooltipSources = columns.tooltips.map(col => col.values as readonly Cell[]);
    const tooltipHighlightSources = columns.tooltips.map(highlight);
    const keys: (readonly Cell[])[] = [];
    if (groupCol) keys.push(groupCol.values);
    if (periodCol) keys.push(periodCol.values);
    return {
        kpiCol: columns.byRole.get("kpi") as RoleColumn, groupCol, periodCol, periodFormat: formatOf(periodCol?.source),
        cellIndex: Int32Array.from(cellCols, ([role]) => CELL_INDEX.get(role) as number),
        cellSources, cellHighlightSources, tooltipSources, tooltipHighlightSources,
        inputSources: [...keys, ...cellSources, ...tooltipSources],
        inputHighlightSources: [...keys, ...cellHighlightSources, ...tooltipHighlightSources],
        periodLabels: new Map(),
        periodSlots: new Map(),
        slotKpi: new Int32Array(16).fill(-1),
        slotBucket: new Int32Array(16),
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
    for (let row = 0; row < rows; row++) {
        const name = text(values[row] as Cell) ?? blank;
        let k = byName.get(name);
        if (k === undefined) {
            k = names.length;
            byName.set(name, k);
            names.push(name);
            firstRow[k] = row;
        } else {
            nextRow[lastRow[k]] = row;
        }
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

/** Every raw value KPI k's tile is built from, flat, with its place in the delivered order. */
function inputsOf(kpis: KpiIndex, k: number, sources: readonly (readonly Cell[])[]): InputCell[] {
    const width = sources.length;
    const inputs = new Array<InputCell>(3 + kpis.rowCount[k] * width);
    inputs[0] = k;
    inputs[1] = kpis.highlighted[k] === 1;
    inputs[2] = kpis.rowCount[k];
    let at = 3;
    for (let row = kpis.firstRow[k]; row !== -1; row = kpis.nextRow[row]) {
        for (let c = 0; c < width; c++) inputs[at++] = sources[c][row];
    }
    return inputs;
}

/** Whether `previous` (from inputsOf) holds exactly the values KPI k's rows hold now; reads in place. */
function sameInputs(previous: readonly InputCell[], kpis: KpiIndex, k: number, sources: readonly (readonly Cell[])[]): boolean {
    const width = sources.length;
    if (previous.length !== 3 + kpis.rowCount[k] * width || previous[0] !== k || previous[1] !== (kpis.highlighted[k] === 1)
        || previous[2] !== kpis.rowCount[k]) return false;
    let at = 3;
    for (let row = kpis.firstRow[k]; row !== -1; row = kpis.nextRow[row]) {
        for (let c = 0; c < width; c++) {
            const before = previous[at++];
            const now = sources[c][row];
            if (before !== now && !sameCell(before, now)) return false;
        }
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

/** Merge KPI k's rows per period label (first non-missing value wins) and order the periods. */
function collectPeriods(kpis: KpiIndex, k: number, readers: Readers, numbers: NumberText, t: Localiser): KpiBucket {
    const { groupCol, periodCol, cellIndex } = readers;
    const highlighted = kpis.highlighted[k] === 1;
    const cellSources = highlighted ? readers.cellHighlightSources : readers.cellSources;
    const tooltipSources = highlighted ? readers.tooltipHighlightSources : readers.tooltipSources;
    const blank = t.text("Blank");
    const bucketOf: KpiBucket = { name: kpis.names[k], deliveredIndex: k, firstRow: kpis.firstRow[k], group: null, periodList: [], highlighted };
    const slots = readers.periodSlots;
    for (let row = kpis.firstRow[k]; row !== -1; row = kpis.nextRow[row]) {
        if (bucketOf.group === null && groupCol) bucketOf.group = text(groupCol.values[row] as Cell);
        const rawPeriod = periodCol ? plainCell(periodCol.values[row]) : null;
        const label = periodCol ? periodLabel(rawPeriod, readers, numbers, blank) : "";
        let slot = slots.get(label);
        if (slot === undefined) {
            slot = slots.size;
            slots.set(label, slot);
            if (slot >= readers.slotKpi.length) {
                const kpiOf = new Int32Array(slot * 2).fill(-1);
                kpiOf.set(readers.slotKpi);
                const bucketAt = new Int32Array(slot * 2);
                bucketAt.set(readers.slotBucket);
                readers.slotKpi = kpiOf;
                readers.slotBucket = bucketAt;
            }
        }
        let bucket: PeriodBucket;
        if (readers.slotKpi[slot] === k) {
            bucket = bucketOf.periodList[readers.slotBucket[slot]];
        } else {
            const order = rawPeriod instanceof Date ? rawPeriod.getTime() : typeof rawPeriod === "number" && Number.isFinite(rawPeriod) ? rawPeriod : null;
            bucket = { label, order, firstRow: row, cells: new Array<Cell>(CELL_ROLES.length), tooltipCells: new Array<Cell>(tooltipSources.length) };
            readers.slotKpi[slot] = k;
            readers.slotBucket[slot] = bucketOf.periodList.length;
            bucketOf.periodList.push(bucket);
        }
        const cells = bucket.cells;
        for (let i = 0; i < cellSources.length; i++) {
            const index = cellIndex[i];
            if (!isMissing(cells[index])) continue;
            cells[index] = plainCell(cellSources[i][row]);
        }
        const tooltipCells = bucket.tooltipCells;
        for (let i = 0; i < tooltipSources.length; i++) {
            if (!isMissing(tooltipCells[i])) continue;
            tooltipCells[i] = plainCell(tooltipSources[i][row]);
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
    ctx: ModelContext, selectionId: ISelectionId | undefined, viewEnd: DateKey | null = null): CachedTile {
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
    const pathToGreen = PATH_TO_GREEN_ROLES.some(role => bound.has(role)) ? pathToGreenOf(cell, status.status, viewEnd, t) : null;

    const tile = {
        key: kpi.name,
        name: kpi.name,
        group: bound.has("group") ? kpi.group ?? t.text("Blank") : null,
        deliveredIndex: kpi.deliveredIndex,
        period,
        actual,
        target,
        gap,
        status: status.status,
        statusReason: status.reason,
        statusLabel,
        polarity,
        direction: direction.direction,
        movement: direction.movement,
        directionLabel,
        benchmark,
        series,
        owner,
        commentary,
        ...(pathToGreen ? { pathToGreen } : {}),
        ...(hasQuality ? { quality, qualityText } : {}),
        selectionId,
        dimmedByHighlight: columns.hasHighlights && !kpi.highlighted,
    };
    // The `tooltips` fields, read when the tooltip lines are first built.
    const extra = (): { source: powerbi.DataViewMetadataColumn; value: Cell }[] => columns.tooltips.map((col, i) => ({
        source: { ...col.source, displayName: text(col.source.displayName as Cell) ?? "", format: formatOf(col.source) },
        value: current.tooltipCells[i],
    }));
    // The texts are made when first read, once per tile: the renderer draws the tiles in view
    // (plus a margin), so the texts of the others are not made on an update; the explanation and
    // the tooltip lines wait for hover or focus. The numbers above are all made now.
    let actualText: string | undefined;
    let targetText: string | null | undefined;
    let gapText: string | null | undefined;
    let changeText: string | null | undefined;
    let ariaLabel: string | undefined;
    let explanation: string | undefined;
    let tooltipItems: KpiTile["tooltipItems"] | undefined;
    const withSelectionId = (id: ISelectionId | undefined): KpiTile => {
        const result = { ...tile, selectionId: id } as unknown as KpiTile;
        lazy(result, "actualText", () => (actualText ??= actual === null ? noFigureWords(quality, t) ?? t.text("Status_no-data") : numbers.value(actual, format)));
        lazy(result, "targetText", () => (targetText ??= target === null ? null : numbers.value(target, format)));
        lazy(result, "gapText", () => (gapText ??= gapWords(wording, gap)));
        lazy(result, "changeText", () => (changeText ??= changeWords(wording, direction)));
        lazy(result, "ariaLabel", () => (ariaLabel ??= [buildAriaLabel(result, t), ...qualityAria(quality, null, t)].join(". ")));
        lazy(result, "statusExplanation", () => (explanation ??= statusExplanation(wording, explainInput)));
        lazy(result, "tooltipItems", () => (tooltipItems ??= buildTooltipItems(result, { t, numbers, format, wording, explainInput, floor, stretch, extra: extra() })));
        return result;
    };
    return { tile: withSelectionId(selectionId), withSelectionId };
}

/** A property made when first read (configurable, so a copy of the tile may replace it, as withStaleness does). */
function lazy(target: object, name: keyof KpiTile, get: () => unknown): void {
    Object.defineProperty(target, name, { enumerable: true, configurable: true, get });
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
