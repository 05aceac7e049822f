import { select } from "d3-selection";
import { isJudgedDirection } from "../rules";
import { KpiTile } from "../model/types";
import { RoleName } from "../model/roles";
import { Localiser } from "../i18n/localiser";
import { TileOptions } from "../settings";
import { appendStatusShape } from "./shapes";
import { drawSparkline } from "./sparkline";
import { drawBenchmarkStrip } from "./benchmarkStrip";
import { Theme } from "./theme";

export interface TileRenderContext {
    readonly options: TileOptions;
    readonly theme: Theme;
    readonly t: Localiser;
    readonly bound: ReadonlySet<RoleName>;
}

const ARROW_PATH = { up: "M8 2 14 9H10V14H6V9H2Z", down: "M8 14 14 7H10V2H6V7H2Z", flat: "M2 6H11V3L15 8 11 13V10H2Z" } as const;
const SVG_NS = "http://www.w3.org/2000/svg";

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
    set("role", "listitem");
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
    const tileSel = select<HTMLElement, unknown>(element);
    tileSel.selectAll("*").remove();
    const colour = theme.status(tile.status);

    const header = tileSel.append("div").attr("class", "kpi-tile__header");
    header.append("div").attr("class", "kpi-tile__name").text(tile.name);
    if (tile.group && !options.showGroupHeadings) header.append("div").attr("class", "kpi-tile__group").text(tile.group);
    else if (tile.group) header.append("div").attr("class", "kpi-tile__group kpi-visually-hidden").text(tile.group);

    const main = tileSel.append("div").attr("class", "kpi-tile__main");
    main.append("div").attr("class", "kpi-tile__actual").text(tile.actualText);
    const statusEl = main.append("div").attr("class", "kpi-tile__status").style("color", colour);
    if (options.showShapes || theme.highContrast) appendStatusShape(statusEl.node() as HTMLElement, tile.status, colour, 14);
    statusEl.append("span").attr("class", "kpi-tile__status-label").text(tile.statusLabel);

    if (show.period && tile.period) tileSel.append("div").attr("class", "kpi-tile__period").text(tile.period);

    const showTarget = show.target && tile.targetText !== null;
    const showGap = show.gap && tile.gapText !== null;
    if (showTarget || showGap) {
        const target = tileSel.append("div").attr("class", "kpi-tile__target");
        if (showTarget) target.append("span").attr("class", "kpi-tile__target-value").text(t.format("Target_Label", tile.targetText as string));
        if (showGap) target.append("span").attr("class", "kpi-tile__gap").text(tile.gapText as string);
    }

    if (show.direction && tile.movement) {
        const judgement = isJudgedDirection(tile.direction) ? (tile.direction === "improving" ? "good" : "bad") : "neutral";
        const arrowColour = theme.direction(judgement);
        const dir = tileSel.append("div").attr("class", "kpi-tile__direction").attr("data-movement", tile.movement);
        const svg = dir.append(() => document.createElementNS(SVG_NS, "svg"))
            .attr("class", "kpi-arrow").attr("viewBox", "0 0 16 16").attr("width", 14).attr("height", 14)
            .attr("aria-hidden", "true").attr("focusable", "false");
        svg.append("path").attr("d", ARROW_PATH[tile.movement]).attr("fill", arrowColour);
        dir.append("span").attr("class", "kpi-tile__direction-label").style("color", theme.highContrast ? theme.foreground : arrowColour)
            .text(tile.changeText ? t.format("Direction_Change", tile.directionLabel, tile.changeText) : tile.directionLabel);
    }

    if (show.benchmark && tile.benchmark) {
        const bench = tileSel.append("div").attr("class", "kpi-tile__benchmark");
        const stripLabel = [tile.benchmark.band ? t.format("Band_Label", tile.benchmark.band) : null,
            ...tile.benchmark.markers.map(m => `${t.text(`Bench_${m.kind}`)} ${m.text}`)].filter(Boolean).join(", ");
        drawBenchmarkStrip(bench.node() as HTMLElement, tile.benchmark, theme, colour, t, stripLabel);
        const facts: string[] = [];
        if (tile.benchmark.band) facts.push(t.format("Band_Label", tile.benchmark.band));
        if (tile.benchmark.rankText) facts.push(tile.benchmark.rankText);
        if (facts.length > 0) bench.append("div").attr("class", "kpi-tile__band").text(facts.join(" · "));
    }

    if (show.sparkline && bound.has("period") && tile.series.length > 1) {
        const spark = tileSel.append("div").attr("class", "kpi-tile__sparkline");
        const first = tile.series[0].label;
        const last = tile.series[tile.series.length - 1].label;
        const drawn = drawSparkline(spark.node() as HTMLElement, tile.series, tile.period, theme.foreground, theme.muted, colour,
            t.format("Sparkline_Label", tile.series.length, first, last));
        if (!drawn) spark.remove();
    }

    if (show.owner && tile.owner) tileSel.append("div").attr("class", "kpi-tile__owner").text(t.format("Tile_Owner", tile.owner));
    if (show.commentary && tile.commentary) {
        tileSel.append("div").attr("class", "kpi-tile__commentary")
            .style("-webkit-line-clamp", String(options.commentaryLines))
            .style("line-clamp", String(options.commentaryLines))
            .text(tile.commentary);
    }
}
