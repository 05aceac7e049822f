import { isJudgedDirection } from "../rules";
import { KpiTile } from "../model/types";
import { RoleName } from "../model/roles";
import { Localiser } from "../i18n/localiser";
import { TileOptions } from "../options";
import { appendStatusShape } from "./shapes";
import { drawSparkline } from "./sparkline";
import { drawBenchmarkStrip, stripOptions } from "./benchmarkStrip";
import { Theme } from "./theme";
import { labelTile } from "./accessibleName";
import { PX_PER_PT } from "./scale";
import { drawQualityNote, periodLine, qualityAttributes, qualityNoteKey } from "./qualityNote";
import { appendCopy, detachedSvg, html } from "./dom";
import { TileParts } from "./layout";

export interface TileRenderContext {
    readonly options: TileOptions;
    readonly theme: Theme;
    /** A KPI's own theme where conditional formatting (fx) gives it status colours; null: `theme`. */
    readonly themeFor?: (tile: KpiTile) => Theme | null;
    /** A KPI's accent colour from conditional formatting (fx), drawn as a bar on the tile's left edge; null: none. */
    readonly accentFor?: (tile: KpiTile) => string | null;
    readonly t: Localiser;
    readonly bound: ReadonlySet<RoleName>;
    /** What the layout's density shows (src/render/layout.ts). */
    readonly parts: TileParts;
    /** Width of a tile in the layout, px (the benchmark strip is laid out for it). */
    readonly tileWidth?: number;
}

const ARROW_PATH = { up: "M8 2 14 9H10V14H6V9H2Z", down: "M8 14 14 7H10V2H6V7H2Z", flat: "M2 6H11V3L15 8 11 13V10H2Z" } as const;

const borderColours = new WeakMap<HTMLElement, string>();
const accents = new WeakMap<HTMLElement, string>();

/** The theme a tile is drawn in: its own where conditional formatting gives it colours. */
function themeOf(tile: KpiTile, ctx: TileRenderContext): Theme {
    return ctx.themeFor?.(tile) ?? ctx.theme;
}

/** Set the hooks and attributes of a tile element (docs/CONTRACTS.md "DOM hooks"). */
export function applyTileAttributes(element: HTMLElement, tile: KpiTile, ctx: TileRenderContext): void {
    // Only touch what changed: rewriting a tile's attributes restyles it.
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
    set("data-overdue", tile.pathToGreen?.overdue ? "true" : null);
    set("data-action-status", tile.pathToGreen?.status ?? null);
    const quality = qualityAttributes(tile);
    set("data-quality", quality.quality);
    set("data-stale", quality.stale);
    // The accessible name is set from the drawn inside (accessibleName.ts: it starts with the visible text).
    set("role", "option");
    // Focusable; the interaction layer turns this into a roving tab order.
    if (!element.hasAttribute("tabindex")) element.setAttribute("tabindex", "-1");
    const border = themeOf(tile, ctx).status(tile.status);
    const accent = ctx.accentFor?.(tile) ?? "";
    if (accents.get(element) !== accent) {
        element.style.borderLeft = accent ? `4px solid ${accent}` : "";
        accents.set(element, accent);
    }
    if (borderColours.get(element) !== border) {
        element.style.borderTopColor = border;
        borderColours.set(element, border);
    }
}

/** What a tile shows, part by part, each as a string: two drawings differ in a part when its string does. */
interface Drawing {
    /** Which parts exist: a change here rebuilds the inside. */
    readonly structure: string;
    readonly name: string;
    readonly group: string;
    readonly actual: string;
    readonly status: string;
    readonly period: string;
    readonly target: string;
    readonly gap: string;
    readonly direction: string;
    readonly directionLabel: string;
    readonly benchmark: string;
    readonly sparkline: string;
    readonly owner: string;
    readonly commentary: string;
    /** Path to green: summary, action owner and overdue mark (src/model/pathToGreen.ts). */
    readonly path: string;
}

/** The nodes of a drawn tile that a later update may patch. */
interface TileNodes {
    drawing: Drawing;
    readonly name: HTMLElement;
    readonly group: HTMLElement | null;
    readonly actual: HTMLElement;
    readonly status: HTMLElement;
    readonly period: HTMLElement | null;
    readonly target: HTMLElement | null;
    readonly gap: HTMLElement | null;
    readonly direction: HTMLElement | null;
    readonly directionLabel: HTMLElement | null;
    readonly benchmark: HTMLElement | null;
    readonly sparkline: HTMLElement | null;
    readonly owner: HTMLElement | null;
    readonly commentary: HTMLElement | null;
}

const drawn = new WeakMap<HTMLElement, TileNodes>();

function judgementOf(tile: KpiTile): "good" | "bad" | "neutral" {
    return isJudgedDirection(tile.direction) ? (tile.direction === "improving" ? "good" : "bad") : "neutral";
}

/** The drawing of a tile in a context: what each part will show. */
function drawingOf(tile: KpiTile, ctx: TileRenderContext): Drawing {
    const { options, t, bound, parts } = ctx;
    const theme = themeOf(tile, ctx);
    const show = options.show;
    const colour = theme.status(tile.status);
    const period = show.period && parts.period && tile.period ? periodLine(tile) ?? "" : "";
    const target = show.target && parts.target && tile.targetText !== null ? t.format("Target_Label", tile.targetText) : "";
    const gap = show.gap && parts.gap && tile.gapText !== null ? tile.gapText : "";
    const hasDirection = show.direction && parts.direction && tile.movement !== null;
    const arrowColour = theme.direction(judgementOf(tile));
    const direction = hasDirection ? `${tile.movement}\u0001${arrowColour}` : "";
    const directionLabel = hasDirection
        ? `${tile.changeText ? t.format("Direction_Change", tile.directionLabel, tile.changeText) : tile.directionLabel}\u0001${theme.highContrast ? theme.foreground : arrowColour}`
        : "";
    const b = tile.benchmark;
    const benchmark = show.benchmark && parts.benchmark && b
        ? JSON.stringify([colour, b.band, b.rankText, b.own, b.reversed, b.quartiles?.q1, b.quartiles?.median, b.quartiles?.q3,
            b.markers.map(m => [m.kind, m.value, m.text]), stripWidth(ctx)])
        : "";
    let sparkline = "";
    if (show.sparkline && parts.sparkline && bound.has("period") && tile.series.length > 1) {
        sparkline = `${colour}\u0001${tile.period}\u0001`;
        for (const p of tile.series) sparkline += `${p.label}\u0002${p.actual}\u0002${p.target}\u0003`;
    }
    const owner = show.owner && parts.owner && tile.owner ? t.format("Tile_Owner", tile.owner) : "";
    const commentary = show.commentary && parts.commentary && tile.commentary ? tile.commentary : "";
    const ptg = tile.pathToGreen;
    const path = ptg && (parts.owner || parts.commentary) && (ptg.summary || ptg.owner || ptg.overdue)
        ? [ptg.summary ?? "", ptg.owner ? t.format("PathToGreen_Owner", ptg.owner) : "", ptg.overdue ? t.text("PathToGreen_Overdue") : ""].join("\u0001")
        : "";
    const group = tile.group ?? "";
    const drawing = {
        name: tile.name, group, actual: tile.actualText,
        status: `${tile.status}\u0001${tile.statusLabel}\u0001${colour}\u0001${options.showShapes || theme.highContrast}`,
        period, target, gap, direction, directionLabel, benchmark, sparkline, owner, commentary, path,
    };
    const structure = [group !== "", period !== "", target !== "" || gap !== "", target !== "", gap !== "", direction !== "",
        benchmark !== "", sparkline !== "", owner !== "", commentary !== "", options.showGroupHeadings, options.commentaryLines, qualityNoteKey(tile), path]
        .map(v => (v === true ? "1" : v === false ? "0" : String(v))).join("");
    return { structure, ...drawing };
}

/**
 * The path to green under the owner: "Back within tolerance by March 2026 - action at risk", an
 * "Overdue" mark (words, not colour alone) and the action's owner. The whole text is in the
 * drawing's structure, so a change redraws the tile.
 */
function drawPathToGreen(parent: DocumentFragment, path: string, tile: KpiTile): void {
    const [summary, owner, overdue] = path.split("\u0001");
    const box = html(parent, "div", "kpi-tile__path");
    box.dataset.actionStatus = tile.pathToGreen?.status ?? "";
    if (overdue) {
        box.classList.add("kpi-tile__path--overdue");
        html(box, "span", "kpi-tile__overdue", overdue);
    }
    if (summary) html(box, "span", "kpi-tile__path-summary", summary);
    if (owner) html(box, "span", "kpi-tile__path-owner", owner);
}

function drawStatus(statusEl: HTMLElement, tile: KpiTile, ctx: TileRenderContext): void {
    const theme = themeOf(tile, ctx);
    const colour = theme.status(tile.status);
    statusEl.replaceChildren();
    statusEl.style.color = colour;
    if (ctx.options.showShapes || theme.highContrast) appendStatusShape(statusEl, tile.status, colour, 14);
    html(statusEl, "span", "kpi-tile__status-label", tile.statusLabel);
}

function drawArrow(dir: HTMLElement, tile: KpiTile, ctx: TileRenderContext): void {
    const movement = tile.movement;
    if (movement === null) return;
    const arrowColour = themeOf(tile, ctx).direction(judgementOf(tile));
    dir.setAttribute("data-movement", movement);
    const arrow = appendCopy(dir, `arrow\u0001${movement}\u0001${arrowColour}`, doc => {
        const svgEl = detachedSvg(doc, "svg", { "class": "kpi-arrow", "viewBox": "0 0 16 16", "width": 14, "height": 14, "aria-hidden": "true", "focusable": "false" });
        svgEl.appendChild(detachedSvg(doc, "path", { d: ARROW_PATH[movement], fill: arrowColour }));
        return svgEl;
    });
    if (arrow !== dir.firstChild) dir.insertBefore(arrow, dir.firstChild);
}

function directionText(tile: KpiTile, ctx: TileRenderContext): string {
    return tile.changeText ? ctx.t.format("Direction_Change", tile.directionLabel, tile.changeText) : tile.directionLabel;
}

function styleDirectionLabel(label: HTMLElement, tile: KpiTile, ctx: TileRenderContext): void {
    const theme = themeOf(tile, ctx);
    label.style.color = theme.highContrast ? theme.foreground : theme.direction(judgementOf(tile));
}

/** The narrowest the tile can be while this drawing stands: the layout's width, or the format pane's minimum. */
function stripWidth(ctx: TileRenderContext): number {
    return Math.floor(Math.min(ctx.options.tileWidth, ctx.tileWidth ?? Number.POSITIVE_INFINITY));
}

function drawBenchmark(bench: HTMLElement, tile: KpiTile, ctx: TileRenderContext): void {
    const benchmark = tile.benchmark;
    bench.replaceChildren();
    if (!benchmark) return;
    const { t } = ctx;
    const theme = themeOf(tile, ctx);
    const colour = theme.status(tile.status);
    const stripLabel = [benchmark.band ? t.format("Band_Label", benchmark.band) : null,
        ...benchmark.markers.map(m => `${t.text(`Bench_${m.kind}`)} ${m.text}`)].filter(Boolean).join(", ");
    drawBenchmarkStrip(bench, benchmark, theme, colour, t, stripLabel, stripOptions(stripWidth(ctx), ctx.options.fontSize * PX_PER_PT, tile.polarity));
    const facts: string[] = [];
    if (benchmark.band) facts.push(t.format("Band_Label", benchmark.band));
    if (benchmark.rankText) facts.push(benchmark.rankText);
    if (facts.length > 0) html(bench, "div", "kpi-tile__band", facts.join(" · "));
}

function drawSpark(spark: HTMLElement, tile: KpiTile, ctx: TileRenderContext): void {
    spark.replaceChildren();
    const { t } = ctx;
    const theme = themeOf(tile, ctx);
    const first = tile.series[0].label;
    const last = tile.series[tile.series.length - 1].label;
    drawSparkline(spark, tile.series, tile.period, theme.foreground, theme.muted, theme.status(tile.status),
        t.format("Sparkline_Label", tile.series.length, first, last));
}

function setText(element: HTMLElement | null, text: string): void {
    if (element && element.textContent !== text) element.textContent = text;
}

/**
 * Draw the inside of one tile with textContent only. Parts the density leaves out, whose
 * fields are not bound, or that the format pane hides, are not created.
 */
export function drawTileContent(element: HTMLElement, tile: KpiTile, ctx: TileRenderContext): void {
    const { options } = ctx;
    const drawing = drawingOf(tile, ctx);
    // Built detached and inserted at once: one insertion into the live tile instead of ~40.
    const content = element.ownerDocument.createDocumentFragment();

    const header = html(content, "div", "kpi-tile__header");
    const name = html(header, "div", "kpi-tile__name", tile.name);
    const group = drawing.group ? html(header, "div", options.showGroupHeadings ? "kpi-tile__group kpi-visually-hidden" : "kpi-tile__group", drawing.group) : null;

    const main = html(content, "div", "kpi-tile__main");
    const actual = html(main, "div", "kpi-tile__actual", tile.actualText);
    drawQualityNote(main, tile, ctx.t);
    const status = html(main, "div", "kpi-tile__status");
    drawStatus(status, tile, ctx);

    const period = drawing.period ? html(content, "div", "kpi-tile__period", drawing.period) : null;

    let target: HTMLElement | null = null;
    let gap: HTMLElement | null = null;
    if (drawing.target || drawing.gap) {
        const line = html(content, "div", "kpi-tile__target");
        if (drawing.target) target = html(line, "span", "kpi-tile__target-value", drawing.target);
        if (drawing.gap) gap = html(line, "span", "kpi-tile__gap", drawing.gap);
    }

    let direction: HTMLElement | null = null;
    let directionLabel: HTMLElement | null = null;
    if (drawing.direction) {
        direction = html(content, "div", "kpi-tile__direction");
        directionLabel = html(direction, "span", "kpi-tile__direction-label", directionText(tile, ctx));
        drawArrow(direction, tile, ctx);
        styleDirectionLabel(directionLabel, tile, ctx);
    }

    let benchmark: HTMLElement | null = null;
    if (drawing.benchmark) {
        benchmark = html(content, "div", "kpi-tile__benchmark");
        drawBenchmark(benchmark, tile, ctx);
    }

    let sparkline: HTMLElement | null = null;
    if (drawing.sparkline) {
        sparkline = html(content, "div", "kpi-tile__sparkline");
        drawSpark(sparkline, tile, ctx);
    }

    const owner = drawing.owner ? html(content, "div", "kpi-tile__owner", drawing.owner) : null;
    if (drawing.path) drawPathToGreen(content, drawing.path, tile);
    let commentary: HTMLElement | null = null;
    if (drawing.commentary) {
        commentary = html(content, "div", "kpi-tile__commentary", drawing.commentary);
        commentary.style.setProperty("-webkit-line-clamp", String(options.commentaryLines));
        commentary.style.setProperty("line-clamp", String(options.commentaryLines));
    }
    element.replaceChildren(content);
    labelTile(element, tile.ariaLabel);
    drawn.set(element, { drawing, name, group, actual, status, period, target, gap, direction, directionLabel, benchmark, sparkline, owner, commentary });
}

/**
 * Bring a drawn tile up to date: when the same parts exist, only the texts, colours and SVG
 * parts that changed are rewritten (a period change touches a few text nodes and one path per
 * chart); otherwise the inside is drawn again. Returns how: "unchanged", "patched" or "redrawn".
 */
export function updateTileContent(element: HTMLElement, tile: KpiTile, ctx: TileRenderContext): "unchanged" | "patched" | "redrawn" {
    const nodes = drawn.get(element);
    const next = drawingOf(tile, ctx);
    if (!nodes || nodes.drawing.structure !== next.structure) {
        drawTileContent(element, tile, ctx);
        return "redrawn";
    }
    const last = nodes.drawing;
    let changed = false;
    const text = (key: "name" | "group" | "actual" | "period" | "target" | "gap" | "owner" | "commentary", node: HTMLElement | null): void => {
        if (last[key] === next[key]) return;
        changed = true;
        setText(node, next[key]);
    };
    text("name", nodes.name);
    text("group", nodes.group);
    text("actual", nodes.actual);
    text("period", nodes.period);
    text("target", nodes.target);
    text("gap", nodes.gap);
    text("owner", nodes.owner);
    text("commentary", nodes.commentary);
    if (last.status !== next.status) {
        changed = true;
        drawStatus(nodes.status, tile, ctx);
    }
    if (nodes.direction && last.direction !== next.direction) {
        changed = true;
        nodes.direction.firstChild?.remove();
        drawArrow(nodes.direction, tile, ctx);
    }
    if (nodes.directionLabel && last.directionLabel !== next.directionLabel) {
        changed = true;
        setText(nodes.directionLabel, directionText(tile, ctx));
        styleDirectionLabel(nodes.directionLabel, tile, ctx);
    }
    if (nodes.benchmark && last.benchmark !== next.benchmark) {
        changed = true;
        drawBenchmark(nodes.benchmark, tile, ctx);
    }
    if (nodes.sparkline && last.sparkline !== next.sparkline) {
        changed = true;
        drawSpark(nodes.sparkline, tile, ctx);
    }
    nodes.drawing = next;
    if (changed) labelTile(element, tile.ariaLabel);
    return changed ? "patched" : "unchanged";
}
