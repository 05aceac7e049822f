import { Status } from "../rules";
import { KpiTile } from "../model/types";
import { SUMMARY_ORDER } from "../model/buildViewModel";
import { Localiser } from "../i18n/localiser";
import { TileOptions } from "../options";
import { html } from "./dom";
import { appendStatusShape } from "./shapes";
import { Theme } from "./theme";

export interface StatusCount { readonly status: Status; readonly count: number; readonly label: string }

/**
 * Tiles per status, in summary order, statuses with no tile left out. A tile without a figure for
 * the period in view (`stale`) is counted apart (staleCount), not with the current statuses.
 */
export function countByStatus(tiles: readonly KpiTile[], options: TileOptions, t: Localiser): StatusCount[] {
    const counts = new Map<Status, number>();
    for (const tile of tiles) if (!tile.stale) counts.set(tile.status, (counts.get(tile.status) ?? 0) + 1);
    return SUMMARY_ORDER.filter(s => (counts.get(s) ?? 0) > 0).map(status => ({
        status, count: counts.get(status) as number,
        label: options.statusLabels[status] ?? t.text(`Status_${status}`),
    }));
}

/** Tiles that show an earlier figure because the period in view has none, and that period. */
export function staleCount(tiles: readonly KpiTile[], t: Localiser): { readonly count: number; readonly label: string } | null {
    const stale = tiles.filter(tile => tile.stale);
    const first = stale[0]?.stale;
    return first ? { count: stale.length, label: t.format("Summary_Stale", first.inView) } : null;
}

/** What each summary strip was last drawn from. */
const drawnSummaries = new WeakMap<HTMLElement, string>();

/** Empty the summary strip (hidden by the format pane). */
export function clearSummary(container: HTMLElement): void {
    container.replaceChildren();
    drawnSummaries.delete(container);
}

/** The summary strip: one shape, label and count per status; read as one sentence by screen readers. */
export function drawSummary(container: HTMLElement, tiles: readonly KpiTile[], options: TileOptions, theme: Theme, t: Localiser): void {
    const counts = countByStatus(tiles, options, t);
    const stale = staleCount(tiles, t);
    const sentence = `${t.format(tiles.length === 1 ? "Summary_LabelOne" : "Summary_Label", tiles.length)}: ${t.list(counts.map(c => t.format("Summary_Item", c.label, c.count)))}`
        + (stale ? `; ${stale.count} ${stale.label}` : "");
    // Same counts, labels and colours as drawn: leave the strip (and the layout) alone.
    const key = JSON.stringify([sentence, counts, options.showShapes, theme.highContrast, counts.map(c => theme.status(c.status))]);
    if (drawnSummaries.get(container) === key && container.firstChild) return;
    drawnSummaries.set(container, key);
    container.replaceChildren();
    container.setAttribute("role", "status");
    container.setAttribute("aria-label", sentence);
    const item = (className: string, status: string, count: number): HTMLSpanElement => {
        const span = html(container, "span", className);
        span.setAttribute("data-status", status);
        span.setAttribute("data-count", String(count));
        span.setAttribute("aria-hidden", "true");
        return span;
    };
    for (const c of counts) {
        const span = item("kpi-summary__item", c.status, c.count);
        if (options.showShapes || theme.highContrast) appendStatusShape(span, c.status, theme.status(c.status), 12);
        html(span, "span", "kpi-summary__count", String(c.count));
        html(span, "span", "kpi-summary__label", c.label);
    }
    if (stale) {
        const span = item("kpi-summary__item kpi-summary__item--stale", "stale", stale.count);
        html(span, "span", "kpi-summary__count", String(stale.count));
        html(span, "span", "kpi-summary__label", stale.label);
    }
}
