/**
 * Data quality and staleness on a tile (src/rules/quality.ts has the rules; docs/rating-decisions.md
 * "Data quality and staleness" the decisions):
 *
 * - The period in view is the latest period in which any KPI has a figure. A KPI whose own latest
 *   figure is earlier keeps showing that figure and its status, and says so in words ("No 2025/26
 *   Q2 figure; latest 2025/26 Q1"); the summary strip counts it apart.
 * - A provisional or estimated figure is marked in words and shape (tile and aria-label).
 * - A suppressed or not-returned period has no figure: the tile says "Suppressed" / "Not returned"
 *   where the value would be.
 */
import { DataQuality, QUALITY_RULES } from "../rules";
import { Localiser } from "../i18n/localiser";
import { StringKey } from "../i18n/strings";
import type { KpiTile } from "./types";

/** The period in view and the order of every period label across the KPIs. */
export interface PeriodInView {
    readonly label: string;
    /** Position of each label in the merged period order (0 first). */
    readonly rank: ReadonlyMap<string, number>;
}

/** One KPI's periods in its own (delivered or sorted) order, and which have a figure. */
export interface KpiPeriods {
    readonly labels: readonly string[];
    readonly hasFigure: readonly boolean[];
    /** Sort keys when every period is a date or number (then all KPIs sort by them), else null. */
    readonly orders?: readonly (number | null)[];
}

/**
 * Merge the KPIs' period sequences into one order: a label first seen in a later KPI goes right
 * after the label it follows there (so a quarter one KPI lacks still takes its place), and
 * numeric or date periods sort by value. Null when no KPI has a figure.
 */
export function periodInView(kpis: readonly KpiPeriods[]): PeriodInView | null {
    const numeric = kpis.length > 0 && kpis.every(k => k.orders !== undefined && k.orders.length === k.labels.length && k.orders.every(o => o !== null));
    const order: string[] = [];
    const placed = new Set<string>();
    const keys = new Map<string, number>();
    let lastLabels: readonly string[] | null = null;
    for (const kpi of kpis) {
        // KPIs mostly share their periods (often the very same list): one whose labels are all placed changes nothing.
        if (kpi.labels === lastLabels || kpi.labels.every(label => placed.has(label))) continue;
        lastLabels = kpi.labels;
        let after = -1;
        kpi.labels.forEach((label, i) => {
            if (placed.has(label)) { after = order.indexOf(label); return; }
            order.splice(after + 1, 0, label);
            placed.add(label);
            after += 1;
            if (numeric) keys.set(label, kpi.orders?.[i] as number);
        });
    }
    if (numeric) order.sort((a, b) => (keys.get(a) as number) - (keys.get(b) as number));
    const rank = new Map(order.map((label, i) => [label, i]));
    let latest = -1;
    let last: KpiPeriods | null = null;
    for (const kpi of kpis) {
        // The same lists as the KPI before: the same latest period.
        if (last !== null && kpi.labels === last.labels && kpi.hasFigure === last.hasFigure) continue;
        last = kpi;
        for (let i = kpi.labels.length - 1; i >= 0; i--) {
            if (!kpi.hasFigure[i]) continue;
            const at = rank.get(kpi.labels[i]) as number;
            if (at > latest) latest = at;
        }
    }
    return latest === -1 ? null : { label: order[latest], rank };
}

/** A tile whose latest figure is older than the period in view. */
export interface StaleFigure {
    /** The period in view, which has no figure for this KPI. */
    readonly inView: string;
    /** The period of the figure shown. */
    readonly latest: string;
    /** "No 2025/26 Q2 figure; latest 2025/26 Q1" (or "... suppressed" / "... not returned"). */
    readonly text: string;
}

const QUALITY_KEY: Readonly<Record<DataQuality, StringKey | null>> = {
    "Final": null,
    "Provisional": "Quality_Provisional",
    "Estimated": "Quality_Estimated",
    "Suppressed": "Quality_Suppressed",
    "Not returned": "Quality_NotReturned",
};

/** The quality in words ("Provisional"), or null for a final figure. */
export function qualityWords(quality: DataQuality, t: Localiser): string | null {
    const key = QUALITY_KEY[quality];
    return key ? t.text(key) : null;
}

/** The mark of a shown figure that is not final (Provisional, Estimated), or null. */
export function qualityMark(quality: DataQuality, t: Localiser): string | null {
    const rule = QUALITY_RULES[quality];
    return rule.showsValue && rule.marked ? qualityWords(quality, t) : null;
}

/** What the tile says in place of a value the quality withholds ("Suppressed", "Not returned"), or null. */
export function noFigureWords(quality: DataQuality, t: Localiser): string | null {
    return QUALITY_RULES[quality].showsValue ? null : qualityWords(quality, t);
}

/**
 * The staleness of a tile whose figure is for `latest`: null when that is the period in view (or
 * later, or either is unknown). `inViewQuality` gives the quality of the KPI's row for the period
 * in view, when it has one, so a suppressed quarter is named as such (asked only for a stale tile).
 */
export function staleFigure(latest: string | null, hasFigure: boolean, inView: PeriodInView | null,
    inViewQuality: () => DataQuality | null, t: Localiser): StaleFigure | null {
    if (inView === null || latest === null || !hasFigure || latest === inView.label) return null;
    const at = inView.rank.get(latest);
    const viewAt = inView.rank.get(inView.label);
    if (at === undefined || viewAt === undefined || at >= viewAt) return null;
    const quality = inViewQuality();
    const key: StringKey = quality === "Suppressed" ? "Stale_Suppressed"
        : quality === "Not returned" ? "Stale_NotReturned" : "Stale_NoFigure";
    return { inView: inView.label, latest, text: t.format(key, inView.label, latest) };
}

/** What the aria-label adds: the figure's quality when it is not final, and the staleness. */
export function qualityAria(quality: DataQuality, stale: StaleFigure | null, t: Localiser): string[] {
    const parts: string[] = [];
    const words = QUALITY_RULES[quality].marked ? qualityWords(quality, t) : null;
    if (words) parts.push(t.format("Quality_Aria", words));
    if (stale) parts.push(stale.text);
    return parts;
}

/** A tile's periods for the staleness check: labels in order, which have a figure, and the quality of a period's row. */
export interface TilePeriods extends KpiPeriods {
    quality(label: string): DataQuality | null;
}

/**
 * The tiles with their staleness: the period in view is found from every tile's periods (the
 * latest period with a figure anywhere), and a tile whose figure is earlier gets `stale` and a
 * longer aria-label. Other tiles are returned as they are. A stale tile is a copy that keeps the
 * original's lazy fields (explanation, tooltip) unevaluated. `periods[i]` are tiles[i]'s periods.
 */
export function withStaleness(tiles: readonly KpiTile[], periods: readonly TilePeriods[], hasPeriod: boolean, t: Localiser): KpiTile[] {
    if (!hasPeriod || tiles.length < 2) return tiles as KpiTile[];
    const inView = periodInView(periods);
    if (inView === null) return tiles as KpiTile[];
    return tiles.map((tile, i) => {
        const own = periods[i];
        // The quality of the period in view is read only for a tile that is stale.
        const stale = staleFigure(tile.period, tile.actual !== null && tile.period !== null && own.labels.includes(tile.period), inView,
            () => (own.labels.includes(inView.label) ? own.quality(inView.label) : null), t);
        if (stale === null) return tile;
        const copy = Object.create(Object.getPrototypeOf(tile) as object, Object.getOwnPropertyDescriptors(tile)) as KpiTile;
        Object.defineProperty(copy, "stale", { value: stale, enumerable: true });
        // Made when first read, as the original's is (only the tiles drawn need it).
        let ariaLabel: string | undefined;
        Object.defineProperty(copy, "ariaLabel", { get: () => (ariaLabel ??= `${tile.ariaLabel}. ${stale.text}`), enumerable: true });
        return copy;
    });
}
