import powerbi from "powerbi-visuals-api";
import {
    compareToBenchmark, currentAndPrevious, gapToTarget, parsePolarity, Polarity, precisionFromFormat, quartileBand, rateDirection,
    rateStatus, resolveTolerance, Status, toNumber,
} from "../rules";
import { Localiser } from "../i18n/localiser";
import { StringKey } from "../i18n/strings";
import { TileOptions } from "../settings";
import { NumberText } from "./numberText";
import { findRoleColumns, REQUIRED_ROLES, RoleColumn, RoleColumns, RoleName, ROLES } from "./roles";
import { BenchmarkKind, BenchmarkMarker, BenchmarkView, KpiTile, PeriodPoint, ViewModel } from "./types";
import { changeWords, ExplainInput, gapWords, statusExplanation, WordingContext } from "./wording";
import { buildAriaLabel, buildTooltipItems } from "./tooltip";

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
}

/** Row-level fields merged per KPI and period (first non-missing value wins). */
type Cell = PrimitiveValue | null | undefined;

interface PeriodBucket {
    readonly label: string;
    readonly order: number | null;
    readonly firstRow: number;
    readonly cells: Map<RoleName, Cell>;
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

function isMissing(value: Cell): boolean {
    return value === null || value === undefined || value === "" || (typeof value === "number" && !Number.isFinite(value));
}

function text(value: Cell): string | null {
    if (value === null || value === undefined) return null;
    const s = value instanceof Date ? value.toISOString() : String(value);
    return s.trim() === "" ? null : s;
}

/**
 * dataView (categorical, capabilities.json) -> view model. Pure: no DOM, no host calls except
 * the injected selection id factory.
 */
export function buildViewModel(dataView: DataView | undefined, ctx: ModelContext): ViewModel {
    const categorical = dataView?.categorical;
    if (!categorical) return { kind: "landing", missing: REQUIRED_ROLES };
    const columns = findRoleColumns(categorical);
    const missing = REQUIRED_ROLES.filter(r => !columns.byRole.has(r));
    if (missing.length > 0) return { kind: "landing", missing };
    if (columns.rowCount === 0) return { kind: "empty" };

    const numbers = new NumberText(ctx.t.locale);
    const kpis = collect(columns, numbers, ctx.t);
    if (kpis.length === 0) return { kind: "empty" };

    const bound = new Set<RoleName>(columns.byRole.keys());
    if (columns.tooltips.length > 0) bound.add("tooltips");
    const kpiColumn = columns.byRole.get("kpi")?.category;
    const tiles = kpis.map(kpi => buildTile(kpi, columns, bound, numbers, ctx, kpiColumn));
    const reduced = dataView?.metadata?.segment ? { deliveredRows: columns.rowCount } : null;
    return { kind: "tiles", tiles, bound, hasHighlights: columns.hasHighlights, reduced };
}

/** Group rows by KPI name and period label; decide each row's values (highlights when present). */
function collect(columns: RoleColumns, numbers: NumberText, t: Localiser): KpiBucket[] {
    const kpiCol = columns.byRole.get("kpi") as RoleColumn;
    const groupCol = columns.byRole.get("group");
    const periodCol = columns.byRole.get("period");
    const cellCols = CELL_ROLES.map(role => [role, columns.byRole.get(role)] as const)
        .filter((pair): pair is readonly [RoleName, RoleColumn] => pair[1] !== undefined);
    const highlightCols = [...cellCols.map(c => c[1]), ...columns.tooltips].filter(c => Array.isArray(c.highlights));

    const buckets = new Map<string, KpiBucket>();
    const rowCount = columns.rowCount;
    const periodFormat = periodCol?.source.format;
    // Rows of highlighted KPIs read highlight values; a KPI is highlighted when any row is.
    const rowHighlighted = (row: number): boolean => highlightCols.some(c => !isMissing(c.highlights?.[row] as Cell));
    const highlightedKpis = new Set<string>();
    const blank = t.text("Blank");
    const nameOf = (row: number): string => text(kpiCol.values[row] as Cell) ?? blank;
    if (columns.hasHighlights) {
        for (let row = 0; row < rowCount; row++) if (rowHighlighted(row)) highlightedKpis.add(nameOf(row));
    }

    for (let row = 0; row < rowCount; row++) {
        const name = nameOf(row);
        let kpi = buckets.get(name);
        if (!kpi) {
            kpi = { name, deliveredIndex: buckets.size, firstRow: row, group: null, periods: new Map(), periodList: [], highlighted: highlightedKpis.has(name) };
            buckets.set(name, kpi);
        }
        if (kpi.group === null && groupCol) kpi.group = text(groupCol.values[row] as Cell);
        const rawPeriod = periodCol ? periodCol.values[row] as Cell : null;
        const label = periodCol ? (isMissing(rawPeriod) ? blank : rawPeriod instanceof Date || typeof rawPeriod === "number"
            ? numbers.value(rawPeriod, periodFormat) || String(rawPeriod) : String(rawPeriod)) : "";
        let bucket = kpi.periods.get(label);
        if (!bucket) {
            const order = rawPeriod instanceof Date ? rawPeriod.getTime() : typeof rawPeriod === "number" && Number.isFinite(rawPeriod) ? rawPeriod : null;
            bucket = { label, order, firstRow: row, cells: new Map(), tooltipCells: [] };
            kpi.periods.set(label, bucket);
            kpi.periodList.push(bucket);
        }
        const useHighlights = columns.hasHighlights && kpi.highlighted;
        for (const [role, col] of cellCols) {
            if (!isMissing(bucket.cells.get(role))) continue;
            const source = useHighlights && col.highlights ? col.highlights : col.values;
            bucket.cells.set(role, source[row] as Cell);
        }
        columns.tooltips.forEach((col, i) => {
            if (!isMissing(bucket?.tooltipCells[i])) return;
            const source = useHighlights && col.highlights ? col.highlights : col.values;
            (bucket as PeriodBucket).tooltipCells[i] = source[row] as Cell;
        });
    }
    const list = Array.from(buckets.values());
    for (const kpi of list) {
        // Dates and numbers sort by value; text periods keep the order Power BI delivered them in.
        if (kpi.periodList.length > 1 && kpi.periodList.every(p => p.order !== null)) {
            kpi.periodList.sort((a, b) => (a.order as number) - (b.order as number) || a.firstRow - b.firstRow);
        }
    }
    return list;
}

function buildTile(kpi: KpiBucket, columns: RoleColumns, bound: ReadonlySet<RoleName>, numbers: NumberText,
    ctx: ModelContext, kpiColumn: DataViewCategoryColumn | undefined): KpiTile {
    const { t, options } = ctx;
    const hasPeriod = bound.has("period");
    const periods = kpi.periodList;
    const chosen = currentAndPrevious(periods.map(p => p.cells.get("actual")));
    const current = periods[chosen.current];
    const cell = (role: RoleName): Cell => current.cells.get(role);

    const format = text(cell("format")) ?? columns.byRole.get("actual")?.source.format ?? undefined;
    const decimals = precisionFromFormat(format)?.storedDecimals ?? null;

    const polarityParse = bound.has("polarity") ? parsePolarity(cell("polarity")) : { ok: true as const, polarity: options.defaultPolarity };
    const polarity: Polarity | null = polarityParse.ok ? polarityParse.polarity : null;
    const polarityRaw = polarityParse.ok ? null : polarityParse.raw;

    const resolved = resolveTolerance(cell("tolerance"), cell("tolerancePct"));
    const toleranceBound = bound.has("tolerance") || bound.has("tolerancePct");
    const tolerance = resolved.tolerance !== null ? { value: resolved.tolerance, kind: resolved.toleranceKind }
        : !toleranceBound && options.defaultTolerance > 0 ? { value: options.defaultTolerance, kind: options.defaultToleranceType }
            : null;

    const actual = toNumber(cell("actual"));
    const target = toNumber(cell("target"));
    const status = rateStatus({
        actual, target, polarity, decimals,
        tolerance: tolerance?.value, toleranceKind: tolerance?.kind,
        floor: cell("floor"), stretch: cell("stretch"), override: cell("status"),
    });
    const gap = gapToTarget(actual, target, polarity, decimals);

    // Previous: the `previous` field when bound and present, else the latest earlier period with an actual.
    const previousField = toNumber(cell("previous"));
    const priorPeriod = hasPeriod && chosen.previous >= 0 ? periods[chosen.previous] : null;
    const previousValue = previousField ?? (priorPeriod ? toNumber(priorPeriod.cells.get("actual")) : null);
    const previousPeriod = previousField === null && priorPeriod ? priorPeriod.label : null;
    const direction = rateDirection({ actual, previous: previousValue, polarity, target, decimals });

    const statusLabel = options.statusLabels[status.status] ?? t.text(`Status_${status.status}` as StringKey);
    const directionLabel = t.text(`Direction_${direction.direction}` as StringKey);
    const period = hasPeriod ? current.label : null;
    const wording: WordingContext = { t, numbers, format, statusLabel, period };
    const explainInput: ExplainInput = { status, gap, polarity, polarityRaw, tolerance, direction, directionLabel, previousPeriod };

    const benchmark = buildBenchmark(cell, actual, polarity, decimals, numbers, format, t);
    const series: PeriodPoint[] = periods.map(p => ({ label: p.label, actual: toNumber(p.cells.get("actual")), target: toNumber(p.cells.get("target")) }));
    const owner = text(cell("owner"));
    const commentary = text(cell("commentary"));

    const tile = {
        key: kpi.name,
        name: kpi.name,
        group: bound.has("group") ? kpi.group ?? t.text("Blank") : null,
        deliveredIndex: kpi.deliveredIndex,
        period,
        actual,
        actualText: actual === null ? t.text("Status_no-data") : numbers.value(actual, format),
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
        selectionId: kpiColumn && ctx.createSelectionId ? safeSelectionId(ctx.createSelectionId, kpiColumn, kpi.firstRow) : undefined,
        dimmedByHighlight: columns.hasHighlights && !kpi.highlighted,
    };
    const floor = toNumber(cell("floor"));
    const stretch = toNumber(cell("stretch"));
    const ariaLabel = buildAriaLabel(tile, t);
    const extra = columns.tooltips.map((col, i) => ({ source: col.source, value: current.tooltipCells[i] }));
    // The explanation and the tooltip lines are built when first read (on hover or focus), not
    // for every tile on every update: they format several values each.
    let explanation: string | null = null;
    let tooltipItems: KpiTile["tooltipItems"] | null = null;
    const result = { ...tile, ariaLabel } as unknown as KpiTile;
    Object.defineProperty(result, "statusExplanation", {
        enumerable: true,
        get: () => (explanation ??= statusExplanation(wording, explainInput)),
    });
    Object.defineProperty(result, "tooltipItems", {
        enumerable: true,
        get: () => (tooltipItems ??= buildTooltipItems(result, { t, numbers, format, wording, explainInput, floor, stretch, extra })),
    });
    return result;
}

function safeSelectionId(factory: SelectionIdFactory, column: DataViewCategoryColumn, row: number): ISelectionId | undefined {
    try {
        return factory(column, row);
    } catch {
        return undefined;
    }
}

const BENCHMARK_KINDS: readonly BenchmarkKind[] = ["england", "region", "neighbours"];

function buildBenchmark(cell: (role: RoleName) => Cell, actual: number | null, polarity: Polarity | null, decimals: number | null,
    numbers: NumberText, format: string | undefined, t: Localiser): BenchmarkView | null {
    const markers: BenchmarkMarker[] = [];
    for (const kind of BENCHMARK_KINDS) {
        const value = toNumber(cell(kind));
        if (value === null) continue;
        const comparison = compareToBenchmark({ actual, benchmark: value, polarity, decimals });
        markers.push({ kind, value, text: numbers.value(value, format), comparison });
    }
    const q1 = toNumber(cell("q1"));
    const median = toNumber(cell("median"));
    const q3 = toNumber(cell("q3"));
    const quartiles = q1 !== null && median !== null && q3 !== null && q1 <= median && median <= q3 ? { q1, median, q3 } : null;
    const band = quartileBand({ value: actual, q1, median, q3, polarity, decimals });
    const rank = toNumber(cell("rank"));
    const rankOf = toNumber(cell("rankOf"));
    const rankText = rank !== null && rank >= 1 ? t.rank(Math.round(rank), rankOf !== null && rankOf >= 1 ? Math.round(rankOf) : null) : null;
    if (markers.length === 0 && !quartiles && rankText === null) return null;
    return { quartiles, band, markers, own: actual, reversed: polarity === "Low", rankText };
}

/** Statuses in the order the summary strip lists them. */
export const SUMMARY_ORDER: readonly Status[] = ["red", "amber", "green", "blue", "unrecognised", "no-data", "no-target", "not-rated"];
