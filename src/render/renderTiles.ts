import { select, Selection } from "d3-selection";
import { KpiTile, ViewModel } from "../model/types";
import { ROW_LIMIT } from "../model/roles";
import { Localiser } from "../i18n/localiser";
import { TileOptions } from "../settings";
import { drawLanding, drawMessage } from "./messages";
import { filterTiles, groupTiles, sortTiles, TileGroup } from "./order";
import { clearSummary, drawSummary } from "./summary";
import { applyTileAttributes, drawTileContent, TileRenderContext } from "./tile";
import { Theme } from "./theme";
import { clear } from "./dom";

/** A drawn tile and its element, in reading order. */
export interface DrawnTile {
    readonly tile: KpiTile;
    readonly element: HTMLElement;
}

/**
 * Owns the visual's DOM: a root (`kpi-tiles-root`) with a data-reduction notice, the summary
 * strip (`kpi-summary`), the grouped grid of tiles (`kpi-tile`, keyed by KPI so elements and
 * focus survive updates) and a message area for the landing page, "no data" and errors.
 */
export class TileRenderer {
    readonly root: HTMLElement;
    private readonly notice: HTMLElement;
    private readonly summary: HTMLElement;
    private readonly body: HTMLElement;
    private readonly message: HTMLElement;
    /** What each tile element was last drawn from, to skip redrawing unchanged tiles. */
    private readonly drawnWith = new WeakMap<Element, DrawnState>();
    /** The theme last applied to the root, to leave its style alone when nothing changed. */
    private themeKey = "";

    constructor(host: HTMLElement) {
        const doc = host.ownerDocument;
        this.root = doc.createElement("div");
        this.root.className = "kpi-tiles-root";
        this.notice = doc.createElement("div");
        this.notice.className = "kpi-notice";
        this.summary = doc.createElement("div");
        this.summary.className = "kpi-summary";
        this.body = doc.createElement("div");
        this.body.className = "kpi-body";
        this.message = doc.createElement("div");
        this.message.className = "kpi-message";
        this.root.append(this.notice, this.summary, this.body, this.message);
        host.appendChild(this.root);
    }

    private applyTheme(options: TileOptions, theme: Theme): void {
        const key = JSON.stringify([options.fontFamily, options.fontSize, options.tileWidth, options.density, theme.highContrast,
            theme.foreground, theme.background, theme.muted, theme.subtle, theme.selected]);
        if (key === this.themeKey) return;
        this.themeKey = key;
        const style = this.root.style;
        style.fontFamily = options.fontFamily;
        style.fontSize = `${options.fontSize}px`;
        style.color = theme.foreground;
        style.backgroundColor = theme.highContrast ? theme.background : "";
        style.setProperty("--kpi-fg", theme.foreground);
        style.setProperty("--kpi-bg", theme.background);
        style.setProperty("--kpi-muted", theme.muted);
        style.setProperty("--kpi-subtle", theme.subtle);
        style.setProperty("--kpi-selected", theme.selected);
        style.setProperty("--kpi-tile-width", `${options.tileWidth}px`);
        this.root.classList.toggle("kpi-high-contrast", theme.highContrast);
        this.root.classList.toggle("kpi-compact", options.density === "compact");
    }

    private show(parts: { notice?: boolean; summary?: boolean; body?: boolean; message?: boolean }): void {
        const hide = (element: HTMLElement, hidden: boolean): void => {
            if (element.hidden !== hidden) element.hidden = hidden;
        };
        hide(this.notice, !parts.notice);
        hide(this.summary, !parts.summary);
        hide(this.body, !parts.body);
        hide(this.message, !parts.message);
        if (!parts.body) clear(this.body);
        if (!parts.message) {
            clear(this.message);
            if (this.message.hasAttribute("role")) this.message.removeAttribute("role");
            if (this.message.className !== "kpi-message") this.message.className = "kpi-message";
        }
    }

    /** Draw the model; returns the tiles drawn, in reading order. */
    render(model: ViewModel, options: TileOptions, theme: Theme, t: Localiser): DrawnTile[] {
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
        const notice = model.reduced ? t.format("Notice_Reduced", ROW_LIMIT.toLocaleString(t.locale)) : "";
        if (this.notice.textContent !== notice) this.notice.textContent = notice;
        if (options.showSummary) drawSummary(this.summary, model.tiles, options, theme, t);
        else clearSummary(this.summary);
        if (visible.length === 0) {
            drawMessage(this.message, "NoData_Title", hidden === 1 ? t.text("Filter_OneHidden") : t.format("Filter_AllHidden", hidden), "filtered", t);
            return [];
        }
        const groups = groupTiles(visible, options.showGroupHeadings && model.bound.has("group"));
        const ctx: TileRenderContext = { options, theme, t, bound: model.bound };
        return this.drawGroups(groups, ctx, contextSignature(options, theme, t, model));
    }

    private drawGroups(groups: TileGroup[], ctx: TileRenderContext, contextKey: string): DrawnTile[] {
        const drawnWith = this.drawnWith;
        const gridFallbackLabel = ctx.t.text("Grid_Label");
        const sections = select(this.body)
            .selectAll<HTMLElement, TileGroup>("section.kpi-group")
            .data(groups, g => g.heading ?? "\u0000")
            .join(enter => {
                const section = enter.append("section").attr("class", "kpi-group");
                section.append("h3").attr("class", "kpi-group__heading");
                // A multi-select listbox: tiles are options, so aria-selected can tell screen readers which are selected.
                section.append("div").attr("class", "kpi-grid").attr("role", "listbox").attr("aria-multiselectable", "true");
                return section;
            })
            .order();
        sections.each(function (group) {
            const heading = this.querySelector("h3") as HTMLElement;
            const text = group.heading ?? "";
            if (heading.textContent !== text) heading.textContent = text;
            if (heading.hidden !== (group.heading === null)) heading.hidden = group.heading === null;
            if (group.heading) {
                if (this.getAttribute("aria-label") !== group.heading) this.setAttribute("aria-label", group.heading);
            } else if (this.hasAttribute("aria-label")) {
                this.removeAttribute("aria-label");
            }
            const grid = this.querySelector(".kpi-grid") as HTMLElement;
            const gridLabel = group.heading ?? gridFallbackLabel;
            if (grid.getAttribute("aria-label") !== gridLabel) grid.setAttribute("aria-label", gridLabel);
        });
        const drawn: DrawnTile[] = [];
        sections.each(function (group) {
            const grid = select(this.querySelector(".kpi-grid") as HTMLElement);
            const tiles: Selection<HTMLDivElement, KpiTile, HTMLElement, unknown> = grid
                .selectAll<HTMLDivElement, KpiTile>("div.kpi-tile")
                .data(group.tiles, tile => tile.key)
                .join("div")
                .order();
            tiles.each(function (tile) {
                const last = drawnWith.get(this);
                // The model reuses the tile object of a KPI whose data did not change: nothing to do.
                if (last && last.tile === tile && last.context === contextKey) {
                    drawn.push({ tile, element: this });
                    return;
                }
                applyTileAttributes(this, tile, ctx);
                // Redraw the inside only when something shown on it changed.
                if (!last || last.context !== contextKey || signatureOf(last.tile) !== signatureOf(tile)) drawTileContent(this, tile, ctx);
                drawnWith.set(this, { tile, context: contextKey });
                drawn.push({ tile, element: this });
            });
        });
        return drawn;
    }

    /** A readable error state in place of the tiles. */
    renderError(reason: string, t: Localiser): void {
        this.show({ message: true });
        drawMessage(this.message, "Error_Title", t.format("Error_Body", reason), "error", t);
    }
}

/** A tile element's last drawing: the tile object and the context key. */
interface DrawnState {
    readonly tile: KpiTile;
    readonly context: string;
}

/** tileSignature per tile object, worked out only when two drawings of a tile need comparing. */
const signatures = new WeakMap<KpiTile, string>();
function signatureOf(tile: KpiTile): string {
    let signature = signatures.get(tile);
    if (signature === undefined) {
        signature = tileSignature(tile);
        signatures.set(tile, signature);
    }
    return signature;
}

/** Everything outside the tile that changes how a tile is drawn. */
function contextSignature(options: TileOptions, theme: Theme, t: Localiser, model: { bound: ReadonlySet<string> }): string {
    const colours = ["blue", "green", "amber", "red", "not-rated", "no-data"].map(s => theme.status(s as never)).join();
    return JSON.stringify([options, theme.highContrast, theme.foreground, theme.background, colours, t.locale, Array.from(model.bound).sort()]);
}

/** Everything drawn inside a tile, as one string (the series as its values). */
export function tileSignature(tile: KpiTile): string {
    const b = tile.benchmark;
    const parts: unknown[] = [tile.name, tile.group, tile.period, tile.actualText, tile.status, tile.statusLabel, tile.targetText,
        tile.gapText, tile.direction, tile.movement, tile.directionLabel, tile.changeText, tile.owner, tile.commentary,
        b ? [b.band, b.rankText, b.own, b.reversed, b.quartiles?.q1, b.quartiles?.median, b.quartiles?.q3, ...b.markers.map(m => `${m.kind}:${m.value}`)] : null];
    let series = "";
    for (const p of tile.series) series += `${p.label}\u0002${p.actual}\u0002${p.target}\u0003`;
    return JSON.stringify(parts) + series;
}
