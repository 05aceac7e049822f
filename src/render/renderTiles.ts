import { KpiTile, ViewModel } from "../model/types";
import { Localiser } from "../i18n/localiser";
import { TileOptions } from "../options";
import { drawLanding, drawMessage } from "./messages";
import { filterTiles, groupTiles, sortTiles } from "./order";
import { clearSummary, drawSummary } from "./summary";
import { PX_PER_PT } from "./scale";
import { labelAfterLayout } from "./accessibleName";
import { applyTileAttributes, drawTileContent, TileRenderContext, updateTileContent } from "./tile";
import { Theme } from "./theme";
import { clear, html } from "./dom";
import {
    Available, chooseLayout, columnSpan, Layout, LayoutRequest, scrollToShow, tilePosition, tilesInBand, verticalNeighbourIn, visibility,
} from "./layout";

/** A drawn tile and its element, in reading order. */
export interface DrawnTile {
    readonly tile: KpiTile;
    readonly element: HTMLElement;
}

/** The size the host gives the visual (options.viewport), used where the page cannot be measured. */
export interface ViewportSize {
    readonly width: number;
    readonly height: number;
}

/** Per-KPI colours from conditional formatting (fx); `key` names them all, so a change redraws. */
export interface TileColouring {
    readonly themeFor: (tile: KpiTile) => Theme | null;
    readonly accentFor: (tile: KpiTile) => string | null;
    readonly key: string;
}

/** Padding of the root, px (style/visual.less). */
const ROOT_PADDING = 4;
/** Tiles are built this far (in screens) above and below the visible area. */
const MARGIN_SCREENS = 0.5;

/**
 * Owns the visual's DOM: a root (`kpi-tiles-root`, the scrolling box) with a data-reduction
 * notice, the summary strip (`kpi-summary`), the tile area (one listbox of `kpi-tile` options,
 * keyed by KPI, positioned from src/render/layout.ts, with group headings over the rows), a
 * "N more" cue while tiles lie below the view, and a message area for the landing page, "no
 * data" and errors.
 *
 * Only the tiles in view (plus half a screen either side) are built; scrolling builds the next
 * and drops those far out of view (never the one with focus). Every tile carries aria-posinset
 * and aria-setsize, so screen readers hear the list's full size.
 */
export class TileRenderer {
    readonly root: HTMLElement;
    private readonly notice: HTMLElement;
    private readonly summary: HTMLElement;
    private readonly body: HTMLElement;
    private readonly headingLayer: HTMLElement;
    private readonly grid: HTMLElement;
    private readonly more: HTMLElement;
    private readonly message: HTMLElement;
    /** The theme last applied to the root, to leave its style alone when nothing changed. */
    private themeKey = "";
    /** Font size in px, read from the page after the theme changes. */
    private em = 12;

    // The tile area of the latest render.
    private order: readonly KpiTile[] = [];
    private indexByKey = new Map<string, number>();
    private layout: Layout | null = null;
    private ctx: TileRenderContext | null = null;
    private contextKey = "";
    private locale = "";
    private moreFormat: (below: number) => string = () => "";
    private readonly built = new Map<string, HTMLElement>();
    /** What each built tile element was last drawn from. */
    private readonly drawnWith = new WeakMap<Element, DrawnState>();
    private headingsKey = "";
    private framePending = false;
    private labelsPending = false;
    private marginPending = false;
    private viewport: ViewportSize = { width: 0, height: 0 };
    /** Geometry read before the latest writes (see measure()). */
    private metrics = { view: 0, bodyTop: 0, scrollTop: 0 };

    /** Called after scrolling (or a reveal) changed which tiles are built. */
    onBuiltChange: (() => void) | null = null;

    constructor(host: HTMLElement) {
        const doc = host.ownerDocument;
        this.root = doc.createElement("div");
        this.root.className = "kpi-tiles-root";
        this.notice = html(this.root, "div", "kpi-notice");
        this.summary = html(this.root, "div", "kpi-summary");
        this.body = html(this.root, "div", "kpi-body");
        this.headingLayer = html(this.body, "div", "kpi-headings");
        this.headingLayer.setAttribute("aria-hidden", "true");
        this.grid = html(this.body, "div", "kpi-grid");
        // A multi-select listbox: tiles are options, so aria-selected can tell screen readers which are selected.
        this.grid.setAttribute("role", "listbox");
        this.grid.setAttribute("aria-multiselectable", "true");
        this.more = html(this.root, "div", "kpi-more");
        this.more.hidden = true;
        this.message = html(this.root, "div", "kpi-message");
        host.appendChild(this.root);
        this.root.addEventListener("scroll", () => this.scheduleFill(), { passive: true });
    }

    private applyTheme(options: TileOptions, theme: Theme): void {
        const key = JSON.stringify([options.fontFamily, options.fontSize, options.accent, theme.highContrast,
            theme.foreground, theme.background, theme.muted, theme.subtle, theme.selected]);
        if (key === this.themeKey) return;
        this.themeKey = key;
        const style = this.root.style;
        style.fontFamily = options.fontFamily;
        style.fontSize = `${options.fontSize}pt`;
        style.color = theme.foreground;
        style.backgroundColor = theme.highContrast ? theme.background : "";
        style.setProperty("--kpi-fg", theme.foreground);
        style.setProperty("--kpi-bg", theme.background);
        style.setProperty("--kpi-muted", theme.muted);
        style.setProperty("--kpi-subtle", theme.subtle);
        style.setProperty("--kpi-selected", theme.selected);
        style.setProperty("--kpi-accent", theme.highContrast ? theme.foreground : options.accent);
        style.setProperty("--kpi-dimmed", theme.dimmed);
        this.root.classList.toggle("kpi-high-contrast", theme.highContrast);
        const view = this.root.ownerDocument.defaultView;
        const measured = view ? parseFloat(view.getComputedStyle(this.root).fontSize) : Number.NaN;
        this.em = Number.isFinite(measured) && measured > 0 ? measured : options.fontSize * PX_PER_PT;
    }

    private show(parts: { notice?: boolean; summary?: boolean; body?: boolean; message?: boolean }): void {
        this.doneLoading();
        const hide = (element: HTMLElement, hidden: boolean): void => {
            if (element.hidden !== hidden) element.hidden = hidden;
        };
        hide(this.notice, !parts.notice);
        hide(this.summary, !parts.summary);
        hide(this.body, !parts.body);
        hide(this.message, !parts.message);
        if (!parts.summary) clearSummary(this.summary);
        if (!parts.body) this.clearTiles();
        if (!parts.message) {
            clear(this.message);
            if (this.message.hasAttribute("role")) this.message.removeAttribute("role");
            if (this.message.className !== "kpi-message") this.message.className = "kpi-message";
        }
    }

    private clearTiles(): void {
        clear(this.grid);
        clear(this.headingLayer);
        this.built.clear();
        this.order = [];
        this.indexByKey = new Map();
        this.layout = null;
        this.headingsKey = "";
        this.more.hidden = true;
        this.body.style.height = "";
    }

    /** Draw the model; returns the tiles built, in reading order. */
    render(model: ViewModel, options: TileOptions, theme: Theme, t: Localiser, viewport?: ViewportSize, colouring?: TileColouring): DrawnTile[] {
        if (viewport) this.viewport = viewport;
        this.applyTheme(options, theme);
        // Setting lang, even to the same value, restyles every element under the root.
        if (this.root.getAttribute("lang") !== t.locale) this.root.setAttribute("lang", t.locale);
        if (model.kind === "landing") {
            this.show({ message: true });
            drawLanding(this.message, model.missing, t);
            return [];
        }
        if (model.kind === "empty") {
            this.show({ message: true });
            drawMessage(this.message, "NoData_Title", t.text("NoData_Body"), "empty", t);
            return [];
        }
        const visible = sortTiles(filterTiles(model.tiles, options.filter), options.sortBy);
        const hidden = model.tiles.length - visible.length;
        this.show({ notice: model.reduced !== null, summary: options.showSummary, body: visible.length > 0, message: visible.length === 0 });
        const notice = model.reduced ? t.format("Notice_Reduced", model.reduced.deliveredRows.toLocaleString(t.locale)) : "";
        if (this.notice.textContent !== notice) this.notice.textContent = notice;
        if (options.showSummary) drawSummary(this.summary, model.tiles, options, theme, t);
        if (visible.length === 0) {
            drawMessage(this.message, "NoData_Title", hidden === 1 ? t.text("Filter_OneHidden") : t.format("Filter_AllHidden", hidden), "filtered", t);
            return [];
        }
        const withHeadings = options.showGroupHeadings && model.bound.has("group");
        const order = groupTiles(visible, withHeadings).flatMap(g => g.tiles);
        const gridLabel = t.text("Grid_Label");
        if (this.grid.getAttribute("aria-label") !== gridLabel) this.grid.setAttribute("aria-label", gridLabel);
        const layout = this.measureLayout(order, options, model.bound, withHeadings);
        this.order = order;
        const indexByKey = new Map<string, number>();
        for (let index = 0; index < order.length; index++) indexByKey.set(order[index].key, index);
        this.indexByKey = indexByKey;
        const layoutChanged = !this.layout || layoutKey(this.layout) !== layoutKey(layout);
        this.layout = layout;
        this.locale = t.locale;
        this.moreFormat = below => (below === 1 ? t.text("More_One") : t.format("More_Below", below.toLocaleString(t.locale)));
        this.ctx = { options, theme, t, bound: model.bound, parts: layout.parts, tileWidth: layout.tileWidth, themeFor: colouring?.themeFor, accentFor: colouring?.accentFor };
        this.contextKey = contextSignature(options, theme, t, model, layout) + (colouring?.key ?? "");
        const densityClass = `kpi-density-${layout.density}`;
        if (!this.root.classList.contains(densityClass)) {
            for (const name of Array.from(this.root.classList)) if (name.startsWith("kpi-density-")) this.root.classList.remove(name);
            this.root.classList.add(densityClass);
        }
        const height = `${layout.contentHeight}px`;
        if (this.body.style.height !== height) this.body.style.height = height;
        if (layoutChanged) this.headingsKey = "";
        // Fewer tiles than before (a filter, new data): the browser pulls the scroll position back
        // within the shorter content, so build for where it will be, not where it was.
        const m = this.metrics;
        const furthest = Math.max(0, m.bodyTop + layout.contentHeight + ROOT_PADDING + this.cueHeight() - m.view);
        if (m.scrollTop > furthest) m.scrollTop = furthest;
        this.fill(-1, false);
        this.scheduleMargin();
        return this.builtTiles();
    }

    /** The layout for the current box: measured from the page, or from the host's viewport where it has no layout (tests). */
    private measureLayout(order: readonly KpiTile[], options: TileOptions, bound: ReadonlySet<string>, withHeadings: boolean): Layout {
        // Read once, before this update writes to the tiles: reading geometry after writing forces a layout.
        const boxWidth = this.root.clientWidth || this.viewport.width;
        const boxHeight = this.root.clientHeight || this.viewport.height;
        const top = this.body.offsetTop || ROOT_PADDING;
        this.metrics = { view: boxHeight, bodyTop: top, scrollTop: this.root.scrollTop };
        const available: Available = {
            period: options.show.period && bound.has("period"),
            target: options.show.target && bound.has("target"),
            gap: options.show.gap && bound.has("target"),
            direction: options.show.direction && (bound.has("period") || bound.has("previous")),
            sparkline: options.show.sparkline && bound.has("period"),
            benchmark: options.show.benchmark && ["england", "region", "neighbours", "q1", "median", "q3", "rank"].some(r => bound.has(r)),
            owner: options.show.owner && bound.has("owner"),
            commentary: options.show.commentary && bound.has("commentary"),
            commentaryLines: options.commentaryLines,
            pathToGreen: ["action", "actionOwner", "actionDue", "actionStatus"].some(r => bound.has(r)),
        };
        const request: LayoutRequest = {
            width: Math.max(1, boxWidth - 2 * ROOT_PADDING),
            height: Math.max(1, boxHeight - top - ROOT_PADDING),
            em: this.em,
            groups: order.map(tile => (withHeadings ? tile.group ?? "" : null)),
            density: options.density,
            columns: options.tilesPerRow,
            minTileWidth: options.tileWidth,
            available,
        };
        const layout = chooseLayout(request);
        if (layout.contentHeight <= request.height) return layout;
        // Scrolling: the "N more" cue takes a line at the bottom of the box.
        return chooseLayout({ ...request, height: Math.max(1, request.height - Math.ceil(1.8 * this.em)) });
    }

    /** Tiles built now, in reading order. */
    builtTiles(): DrawnTile[] {
        const out: { index: number; tile: KpiTile; element: HTMLElement }[] = [];
        for (const [key, element] of this.built) {
            const index = this.indexByKey.get(key);
            if (index !== undefined) out.push({ index, tile: this.order[index], element });
        }
        out.sort((a, b) => a.index - b.index);
        return out.map(({ tile, element }) => ({ tile, element }));
    }

    /** Number of tiles in the list, built or not. */
    get count(): number {
        return this.order.length;
    }

    indexOfKey(key: string): number {
        return this.indexByKey.get(key) ?? -1;
    }

    keyAt(index: number): string | undefined {
        return this.order[index]?.key;
    }

    /** The tile above (-1) or below (+1) tile `index`, by the layout. */
    neighbour(index: number, direction: -1 | 1): number {
        return this.layout ? verticalNeighbourIn(this.layout, index, direction) : index;
    }

    /** Scroll tile `index` into view and build it (and its neighbours) now; its element. */
    reveal(index: number): HTMLElement | null {
        const layout = this.layout;
        const key = this.keyAt(index);
        if (!layout || key === undefined) return null;
        const metrics = this.measure();
        if (this.root.clientHeight > 0) {
            const scrollTop = scrollToShow(layout, index, metrics.scrollTop - metrics.bodyTop, metrics.view - this.cueHeight() - ROOT_PADDING) + metrics.bodyTop;
            if (Math.abs(scrollTop - metrics.scrollTop) > 0.5) {
                this.root.scrollTop = scrollTop;
                metrics.scrollTop = this.root.scrollTop;
            }
        }
        const before = this.built.size;
        const changed = this.fill(index);
        if (changed || before !== this.built.size) this.onBuiltChange?.();
        return this.built.get(key) ?? null;
    }

    private scheduleFill(): void {
        if (this.framePending || !this.layout) return;
        const view = this.root.ownerDocument.defaultView;
        if (!view) return;
        this.framePending = true;
        view.requestAnimationFrame(() => {
            this.framePending = false;
            this.measure();
            if (this.fill()) this.onBuiltChange?.();
        });
    }

    /**
     * After an update has drawn the tiles in view: build the margin around them once the frame
     * is painted (a message task after the next animation frame), so an update's own work and its
     * first frame are for what is seen.
     */
    private scheduleMargin(): void {
        const view = this.root.ownerDocument.defaultView;
        const Channel = view?.MessageChannel;
        if (!view || typeof view.requestAnimationFrame !== "function" || typeof Channel !== "function") {
            if (this.fill()) this.onBuiltChange?.();
            return;
        }
        if (this.marginPending) return;
        this.marginPending = true;
        view.requestAnimationFrame(() => {
            const channel = new Channel();
            channel.port1.onmessage = () => {
                this.marginPending = false;
                if (this.fill()) this.onBuiltChange?.();
                // Lay the new margin out now, off the update's path: the next update reads the box's
                // geometry first, and would otherwise pay for this layout before it can start.
                this.measure();
            };
            channel.port2.postMessage(0);
        });
    }

    /** Whether a built tile element shows `tile` as the latest update would draw it. */
    private isCurrent(element: HTMLElement, tile: KpiTile): boolean {
        const last = this.drawnWith.get(element);
        return last !== undefined && last.tile === tile && last.context === this.contextKey;
    }

    /**
     * Build the tiles in and near view, drop those far from it, update the headings and the cue.
     * `keep` is a tile index to build whatever the scroll position. With `withMargin` false (an
     * update), only the tiles in view are drawn now; built tiles in the margin stay if they are
     * current and go if not (scheduleMargin builds the margin next). Returns whether the set of
     * built tiles changed.
     */
    private fill(keep = -1, withMargin = true): boolean {
        const layout = this.layout;
        const ctx = this.ctx;
        if (!layout || !ctx) return false;
        const { view, bodyTop, scrollTop } = this.metrics;
        const offset = scrollTop - bodyTop;
        const margin = Math.max(200, view * MARGIN_SCREENS);
        const around = tilesInBand(layout, offset - margin, offset + view + margin);
        const range = withMargin ? around : tilesInBand(layout, offset, offset + view);
        const active = this.root.ownerDocument.activeElement;
        let changed = false;
        // Drop tiles out of range (never the focused one: focus must not fall to the page).
        for (const [key, element] of this.built) {
            const index = this.indexByKey.get(key);
            const inRange = index !== undefined && ((index >= range.first && index <= range.last) || index === keep);
            if (inRange || (index !== undefined && active !== null && element.contains(active))) continue;
            // In the margin and up to date: it can stay while the margin waits.
            if (index !== undefined && index >= around.first && index <= around.last && this.isCurrent(element, this.order[index])) continue;
            element.remove();
            this.built.delete(key);
            changed = true;
        }
        const wanted: number[] = [];
        for (let i = range.first; i <= range.last; i++) wanted.push(i);
        if (keep >= 0 && (keep < range.first || keep > range.last)) wanted.push(keep);
        for (const [key] of this.built) {
            const index = this.indexByKey.get(key) as number;
            if (index < range.first || index > range.last) if (index !== keep) wanted.push(index);
        }
        wanted.sort((a, b) => a - b);
        const doc = this.root.ownerDocument;
        const count = String(layout.count);
        let previous: HTMLElement | null = null;
        for (const index of wanted) {
            const tile = this.order[index];
            let element = this.built.get(tile.key);
            if (!element) {
                element = doc.createElement("div");
                this.built.set(tile.key, element);
                changed = true;
            }
            this.drawTile(element, tile, ctx);
            position(element, layout, index, count);
            const expectedNext: Node | null = previous ? previous.nextSibling : this.grid.firstChild;
            if (element !== expectedNext) this.grid.insertBefore(element, expectedNext);
            previous = element;
        }
        // Names start with what is seen: a tile whose notes got no width is named without them.
        this.scheduleLabels();
        this.drawHeadings(layout, range.first, range.last);
        this.updateCue(layout, offset, view, bodyTop);
        return changed;
    }

    /**
     * Correct the names of tiles whose notes got no width (labelAfterLayout) in the next frame,
     * before it is painted: reading widths there costs no extra layout, where reading them now,
     * between this update's writes, would force one (and the frame would lay out again).
     */
    private scheduleLabels(): void {
        const view = this.root.ownerDocument.defaultView;
        if (!view || typeof view.requestAnimationFrame !== "function") {
            labelAfterLayout(this.grid);
            return;
        }
        if (this.labelsPending) return;
        this.labelsPending = true;
        view.requestAnimationFrame(() => {
            this.labelsPending = false;
            labelAfterLayout(this.grid);
        });
    }

    private drawTile(element: HTMLElement, tile: KpiTile, ctx: TileRenderContext): void {
        // The model reuses the tile object of a KPI whose data did not change: nothing to do.
        if (this.isCurrent(element, tile)) return;
        const last = this.drawnWith.get(element);
        applyTileAttributes(element, tile, ctx);
        if (!last || last.context !== this.contextKey) drawTileContent(element, tile, ctx);
        else updateTileContent(element, tile, ctx);
        this.drawnWith.set(element, { tile, context: this.contextKey });
    }

    /** Group headings over the rows from the one holding `first` to the one holding `last`. */
    private drawHeadings(layout: Layout, first: number, last: number): void {
        const firstRow = Math.floor(first / layout.columns);
        const lastRow = Math.floor(Math.max(first, last) / layout.columns);
        const segments = layout.headings.filter(h => h.row >= firstRow && h.row <= lastRow && h.text !== "");
        const key = `${this.contextKey}\u0001${firstRow}\u0001${lastRow}\u0001${segments.length}`;
        if (key === this.headingsKey) return;
        this.headingsKey = key;
        const content = this.root.ownerDocument.createDocumentFragment();
        for (const segment of segments) {
            const { left, width } = columnSpan(layout, segment.column, segment.span);
            const heading = html(content, "div", segment.continued ? "kpi-heading kpi-heading--continued" : "kpi-heading", segment.text);
            heading.style.left = `${left}px`;
            heading.style.top = `${segment.row * layout.rowPitch}px`;
            heading.style.width = `${width}px`;
            heading.style.height = `${layout.headingHeight}px`;
        }
        this.headingLayer.replaceChildren(content);
    }

    /** Height the cue takes at the bottom of the box (reserved even while hidden: it shows as soon as a tile is cut). */
    private cueHeight(): number {
        // style/visual.less: 1.8em (not measured: a measurement after the tiles were written would force a layout).
        return Math.ceil(1.8 * this.em);
    }

    /** The box's height, the tile area's top and the scroll position, read before anything is written. */
    private measure(): { view: number; bodyTop: number; scrollTop: number } {
        this.metrics = { view: this.root.clientHeight || this.viewport.height, bodyTop: this.body.offsetTop, scrollTop: this.root.scrollTop };
        return this.metrics;
    }

    /** "N more below" while tiles lie wholly or partly below the view. */
    private updateCue(layout: Layout, offset: number, view: number, bodyTop: number): void {
        const { below } = visibility(layout, offset, offset + view - this.cueHeight() - ROOT_PADDING);
        const text = below > 0 ? this.moreFormat(below) : "";
        if (this.more.textContent !== text) this.more.textContent = text;
        // While the tiles scroll, the cue keeps its room (hidden from view, not removed) when nothing is below:
        // removing it would shorten the scroll range and move the view, which would cut a tile again.
        const scrolls = layout.contentHeight > view - bodyTop - ROOT_PADDING;
        if (this.more.hidden !== !scrolls) this.more.hidden = !scrolls;
        const shown = below > 0 ? "" : "hidden";
        if (this.more.style.visibility !== shown) this.more.style.visibility = shown;
    }

    /** A readable error state in place of the tiles. */
    renderError(reason: string, t: Localiser): void {
        this.show({ message: true });
        drawMessage(this.message, "Error_Title", t.format("Error_Body", reason), "error", t);
    }

    /**
     * While Power BI sends the rest of a large query in windows (src/model/segments.ts). With
     * tiles on the page (a slicer moved), they stay, marked busy, with the rows so far in the
     * notice above them, and are patched when the last window arrives; with none yet (the first
     * load), the rows so far are the message in their place. Returns whether the tiles stayed.
     */
    renderLoading(rows: number, t: Localiser): boolean {
        const count = rows.toLocaleString(t.locale);
        if (this.order.length > 0 && !this.body.hidden) {
            const text = `${t.text("Loading_Title")}: ${t.format("Loading_Kept", count)}`;
            if (this.notice.textContent !== text) this.notice.textContent = text;
            this.notice.hidden = false;
            this.notice.classList.add("kpi-notice--loading");
            this.notice.setAttribute("role", "status");
            this.grid.setAttribute("aria-busy", "true");
            return true;
        }
        this.show({ message: true });
        drawMessage(this.message, "Loading_Title", t.format("Loading_Rows", count), "loading", t);
        return false;
    }

    /** The end of a load in windows: the notice and the tile area no longer say it is loading. */
    private doneLoading(): void {
        if (this.grid.hasAttribute("aria-busy")) this.grid.removeAttribute("aria-busy");
        if (this.notice.classList.contains("kpi-notice--loading")) {
            this.notice.classList.remove("kpi-notice--loading");
            this.notice.removeAttribute("role");
        }
    }
}

/** Place a tile and give it its place in the list. */
function position(element: HTMLElement, layout: Layout, index: number, count: string): void {
    const { left, top } = tilePosition(layout, index);
    const style = element.style;
    const transform = `translate(${left}px, ${top}px)`;
    if (style.transform !== transform) style.transform = transform;
    const width = `${layout.tileWidth}px`;
    if (style.width !== width) style.width = width;
    const height = `${layout.tileHeight}px`;
    if (style.height !== height) style.height = height;
    const posinset = String(index + 1);
    if (element.getAttribute("aria-posinset") !== posinset) element.setAttribute("aria-posinset", posinset);
    if (element.getAttribute("aria-setsize") !== count) element.setAttribute("aria-setsize", count);
}

function layoutKey(layout: Layout): string {
    return `${layout.density}|${layout.columns}|${layout.tileWidth}|${layout.tileHeight}|${layout.headingHeight}|${layout.count}`;
}

/** A tile element's last drawing: the tile object and the context key. */
interface DrawnState {
    readonly tile: KpiTile;
    readonly context: string;
}

/** Everything outside the tile that changes how its content is drawn. */
function contextSignature(options: TileOptions, theme: Theme, t: Localiser, model: { bound: ReadonlySet<string> }, layout: Layout): string {
    const colours = ["blue", "green", "amber", "red", "not-rated", "no-target", "no-data", "unrecognised"].map(s => theme.status(s as never)).join();
    const arrows = (["good", "bad", "neutral"] as const).map(j => theme.direction(j)).join();
    return JSON.stringify([options.statusColours, options.showShapes, options.show, options.commentaryLines, options.showGroupHeadings,
        options.statusLabels, options.fontSize, options.fontFamily, theme.highContrast, theme.foreground, theme.muted, theme.subtle,
        theme.background, theme.selected, colours, arrows, t.locale, Array.from(model.bound).sort(), layout.parts]);
}
