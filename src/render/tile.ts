import { isJudgedDirection } from "../rules";
import { KpiTile } from "../model/types";
import { RoleName } from "../model/roles";
import { Localiser } from "../i18n/localiser";
import { TileOptions } from "../settings";
import { appendStatusShape } from "./shapes";
import { drawSparkline } from "./sparkline";
import { drawBenchmarkStrip, stripOptions } from "./benchmarkStrip";
import { Theme } from "./theme";
import { appendCopy, detachedSvg, html } from "./dom";

export interface TileRenderContext {
    readonly options: TileOptions;
    readonly theme: Theme;
    readonly t: Localiser;
    readonly bound: ReadonlySet<RoleName>;
}

const ARROW_PATH = { up: "M8 2 14 9H10V14H6V9H2Z", down: "M8 14 14 7H10V2H6V7H2Z", flat: "M2 6H11V3L15 8 11 13V10H2Z" } as const;

const borderColours = new WeakMap<HTMLElement, string>();

/** Set the hooks and attributes of a tile element (docs/CONTRACTS.md "DOM hooks"). */
export function applyTileAttributes(element: HTMLElement, tile: KpiTile, ctx: TileRenderContext): void {
    // Only touch what changed: rewriting 1,000 tiles' attributes would restyle the whole grid.
    const set = (name: string, value: string | null): void => {
        if (value === null) {
            if (element.hasAttribute(name)) element.removeAttribute(name);
        } else if (element.getAttribute(name) !== value) {
            element.setAttribute(name, value);
        }
    };
    if (!element.classList.contains("kpi-tile")) element.classList.add("kpi-tile");
    set("data-kpi", tile.key);
    set("data-status", tile.status);
    set("data-direction", tile.direction);
    set("data-band", tile.benchmark?.band ?? null);
    set("aria-label", tile.ariaLabel);
    set("role", "option");
    // Focusable; the interaction layer may turn this into a roving tab order.
    if (!element.hasAttribute("tabindex")) element.setAttribute("tabindex", "0");
    const border = ctx.theme.status(tile.status);
    if (borderColours.get(element) !== border) {
        element.style.borderTopColor = border;
        borderColours.set(element, border);
    }
}

/**
 * Draw the inside of one tile with textContent only. Elements whose fields are not bound, or
 * that the format pane hides, are not created, so the tile reflows.
 */
export function drawTileContent(element: HTMLElement, tile: KpiTile, ctx: TileRenderContext): void {
    const { options, theme, t, bound } = ctx;
    const show = options.show;
    // Built detached and inserted at once: one insertion into the live grid instead of ~40.
    const content = element.ownerDocument.createDocumentFragment();
    const colour = theme.status(tile.status);

    const header = html(content, "div", "kpi-tile__header");
    html(header, "div", "kpi-tile__name", tile.name);
    if (tile.group) html(header, "div", options.showGroupHeadings ? "kpi-tile__group kpi-visually-hidden" : "kpi-tile__group", tile.group);

    const main = html(content, "div", "kpi-tile__main");
    html(main, "div", "kpi-tile__actual", tile.actualText);
    const statusEl = html(main, "div", "kpi-tile__status");
    statusEl.style.color = colour;
    if (options.showShapes || theme.highContrast) appendStatusShape(statusEl, tile.status, colour, 14);
    html(statusEl, "span", "kpi-tile__status-label", tile.statusLabel);

    if (show.period && tile.period) html(content, "div", "kpi-tile__period", tile.period);

    const showTarget = show.target && tile.targetText !== null;
    const showGap = show.gap && tile.gapText !== null;
    if (showTarget || showGap) {
        const target = html(content, "div", "kpi-tile__target");
        if (showTarget) html(target, "span", "kpi-tile__target-value", t.format("Target_Label", tile.targetText as string));
        if (showGap) html(target, "span", "kpi-tile__gap", tile.gapText as string);
    }

    if (show.direction && tile.movement) {
        const judgement = isJudgedDirection(tile.direction) ? (tile.direction === "improving" ? "good" : "bad") : "neutral";
        const arrowColour = theme.direction(judgement);
        const dir = html(content, "div", "kpi-tile__direction");
        dir.setAttribute("data-movement", tile.movement);
        const movement = tile.movement;
        appendCopy(dir, `arrow\u0001${movement}\u0001${arrowColour}`, doc => {
            const arrow = detachedSvg(doc, "svg", { "class": "kpi-arrow", "viewBox": "0 0 16 16", "width": 14, "height": 14, "aria-hidden": "true", "focusable": "false" });
            arrow.appendChild(detachedSvg(doc, "path", { d: ARROW_PATH[movement], fill: arrowColour }));
            return arrow;
        });
        const label = html(dir, "span", "kpi-tile__direction-label",
            tile.changeText ? t.format("Direction_Change", tile.directionLabel, tile.changeText) : tile.directionLabel);
        label.style.color = theme.highContrast ? theme.foreground : arrowColour;
    }

    if (show.benchmark && tile.benchmark) {
        const benchmark = tile.benchmark;
        const bench = html(content, "div", "kpi-tile__benchmark");
        const stripLabel = [benchmark.band ? t.format("Band_Label", benchmark.band) : null,
            ...benchmark.markers.map(m => `${t.text(`Bench_${m.kind}`)} ${m.text}`)].filter(Boolean).join(", ");
        drawBenchmarkStrip(bench, benchmark, theme, colour, t, stripLabel, stripOptions(ctx.options.tileWidth, ctx.options.fontSize, tile.polarity));
        const facts: string[] = [];
        if (benchmark.band) facts.push(t.format("Band_Label", benchmark.band));
        if (benchmark.rankText) facts.push(benchmark.rankText);
        if (facts.length > 0) html(bench, "div", "kpi-tile__band", facts.join(" · "));
        if (!bench.firstChild) bench.remove();
    }

    if (show.sparkline && bound.has("period") && tile.series.length > 1) {
        const spark = html(content, "div", "kpi-tile__sparkline");
        const first = tile.series[0].label;
        const last = tile.series[tile.series.length - 1].label;
        const drawn = drawSparkline(spark, tile.series, tile.period, theme.foreground, theme.muted, colour,
            t.format("Sparkline_Label", tile.series.length, first, last));
        if (!drawn) spark.remove();
    }

    if (show.owner && tile.owner) html(content, "div", "kpi-tile__owner", t.format("Tile_Owner", tile.owner));
    if (show.commentary && tile.commentary) {
        const commentary = html(content, "div", "kpi-tile__commentary", tile.commentary);
        commentary.style.setProperty("-webkit-line-clamp", String(options.commentaryLines));
        commentary.style.setProperty("line-clamp", String(options.commentaryLines));
    }
    element.replaceChildren(content);
}
