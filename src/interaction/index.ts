import powerbi from "powerbi-visuals-api";
import IVisualHost = powerbi.extensibility.visual.IVisualHost;
import ISelectionManager = powerbi.extensibility.ISelectionManager;

import { InteractionOptions, InteractiveTile, TileSurface } from "./contract";
import { TileContextMenu } from "./contextMenu";
import { TileKeyboard } from "./keyboard";
import { TileSelection } from "./selection";
import { applyTileStates } from "./tileStates";
import { TileLookup } from "./tileLookup";
import { TileTooltips } from "./tooltips";

export { INTERACTION_CLASSES } from "./contract";
export type { InteractionOptions, InteractiveTile, TileSurface } from "./contract";

/**
 * Everything a report reader can do with the tiles: select and cross-filter (click, Ctrl/Shift
 * click, Enter/Space), clear (click on empty space, Escape), the host's context menu, the host's
 * tooltips (pointer and keyboard focus), keyboard movement between tiles, and dimming for
 * selection and for other visuals' highlights.
 *
 * Create once with the visual; call bind() after every render with the tiles just drawn. All
 * listeners live on the root element and are attached once, so nothing piles up across updates.
 */
export class TileInteractions {
    private readonly lookup: TileLookup;
    private readonly selection: TileSelection;
    private readonly tooltips: TileTooltips;
    private readonly contextMenu: TileContextMenu;
    private readonly keyboard: TileKeyboard;
    private readonly listeners = new AbortController();
    private options: InteractionOptions = { allowInteractions: true, highContrast: false };

    constructor(host: IVisualHost, selectionManager: ISelectionManager, private readonly root: HTMLElement) {
        this.lookup = new TileLookup(root);
        this.selection = new TileSelection(selectionManager, () => this.redrawStates());
        this.tooltips = new TileTooltips(host.tooltipService, root);
        this.contextMenu = new TileContextMenu(selectionManager);
        this.keyboard = new TileKeyboard(this.lookup, {
            select: (tile, additive) => this.selection.select(tile, additive),
            clearSelection: () => this.selection.clear(),
            openContextMenu: (event, tile) => {
                if (this.options.allowInteractions) this.contextMenu.fromKeyboard(event, tile);
            },
            focused: (tile, byKeyboard) => {
                if (byKeyboard) this.tooltips.focusOn(tile);
            },
            blurred: () => this.tooltips.hide(),
        }, root);
        this.listen();
    }

    /**
     * Hand over the tiles of the render that just finished (in reading order). With a `surface`,
     * `tiles` are the ones built and the surface knows the whole list.
     */
    bind(tiles: readonly InteractiveTile[], options: InteractionOptions, surface?: TileSurface): void {
        this.options = options;
        this.lookup.surface = surface;
        this.lookup.replace(tiles);
        this.selection.restore(options.allowInteractions);
        if (!this.tooltips.isShowingOneOf(tiles)) this.tooltips.hide();
        this.keyboard.afterBind();
        this.redrawStates();
    }

    /** Scrolling built or dropped tiles: the same list, other tiles built. States and tab stops follow. */
    refresh(tiles: readonly InteractiveTile[]): void {
        this.lookup.replace(tiles);
        this.keyboard.afterBind();
        this.redrawStates();
    }

    /** Detach every listener (the visual is being destroyed). */
    destroy(): void {
        this.tooltips.hide();
        this.listeners.abort();
        this.lookup.replace([]);
    }

    private redrawStates(): void {
        applyTileStates(this.root, this.lookup.tiles, tile => this.selection.isSelected(tile));
    }

    private listen(): void {
        const on = <K extends keyof HTMLElementEventMap>(type: K, handler: (event: HTMLElementEventMap[K]) => void) =>
            this.root.addEventListener(type, handler, { signal: this.listeners.signal });
        const tileOf = (event: Event) => this.lookup.fromEventTarget(event.target);

        on("click", event => {
            if (!this.options.allowInteractions) return;
            const tile = tileOf(event);
            if (tile === undefined) this.selection.clear();
            else this.selection.select(tile, event.ctrlKey || event.metaKey || event.shiftKey);
        });
        on("contextmenu", event => {
            if (!this.options.allowInteractions) {
                event.preventDefault();
                return;
            }
            this.contextMenu.fromEvent(event, tileOf(event));
        });
        on("keydown", event => this.keyboard.keyDown(event, tileOf(event)));
        on("focusin", event => this.keyboard.focusIn(tileOf(event)));
        on("focusout", event => this.keyboard.focusOut(tileOf(event), event.relatedTarget));
        on("pointerdown", event => {
            this.keyboard.pointerDown();
            // A tap does not always produce pointermove; touch readers get the tooltip on touch.
            if (event.pointerType === "touch") this.tooltips.pointerAt(tileOf(event), event);
        });
        on("pointerup", () => this.keyboard.pointerUp());
        // The root is the box the tiles scroll in: the tab stop follows the view.
        on("scroll", () => this.keyboard.viewChanged());
        on("pointermove", event => this.tooltips.pointerAt(tileOf(event), event));
        on("pointerleave", event => this.tooltips.hide((event as Partial<PointerEvent>).pointerType === "touch"));
    }
}
