import { INTERACTION_CLASSES, InteractiveTile } from "./contract";
import { boxOf, verticalNeighbour } from "./gridGeometry";
import { TileLookup } from "./tileLookup";

/** How long after a pointer press a focus change is still taken to come from the pointer. */
const POINTER_FOCUS_WINDOW_MS = 1000;

/** What a key press on a tile can ask the rest of the interaction layer to do. */
export interface KeyboardActions {
    select(tile: InteractiveTile, additive: boolean): void;
    clearSelection(): void;
    openContextMenu(event: KeyboardEvent, tile: InteractiveTile): void;
    focused(tile: InteractiveTile, byKeyboard: boolean): void;
    blurred(): void;
}

/**
 * Keyboard access to the tiles with a roving tab stop: the grid is one stop in the Tab order
 * (landing on the tile last visited, the first tile at the start), arrow keys move between tiles
 * in reading order, Home/End jump to the first/last tile, Enter or Space select (with Ctrl, Cmd or
 * Shift: add to the selection), Menu or Shift+F10 opens the context menu, and Escape clears the
 * selection and takes focus off the tiles.
 *
 * The tab stop is kept on a tile the reader can see (WCAG 2.2 2.4.11, Focus Not Obscured): after
 * a scroll, a redraw or focus leaving the tiles, while no tile has focus, a tab stop that is no
 * longer wholly in view (scrolled out, or still built in the margin above or below the view)
 * moves to the first tile wholly in view. Tab or Shift+Tab then lands where the reader is
 * looking, and the view does not jump back to where the tab stop used to be.
 */
export class TileKeyboard {
    private activeKey: string | undefined;
    /** The tile that had focus when the last focus event came in, until focus leaves the tiles. */
    private focusedKey: string | undefined;
    private pointerPressed = false;
    private pointerPressedAt = 0;
    /** Whether the focused tile was reached by keyboard (and so shows the focus ring). */
    private ringVisible = false;
    /** True while focus is being put back on a redrawn tile (not a new visit: no tooltip). */
    private restoring = false;
    /** A check of the tab stop against the view is waiting for the next frame. */
    private viewCheckPending = false;

    /** `scrollBox`: the element the tiles scroll in (without it, the tab stop is not checked against the view). */
    constructor(private readonly lookup: TileLookup, private readonly actions: KeyboardActions, private readonly scrollBox?: HTMLElement) { }

    /** After a re-render: reset the tab stops and, if the focused tile was redrawn, focus it again. */
    afterBind(): void {
        const tiles = this.lookup.tiles;
        if (this.lookup.byKey(this.activeKey) === undefined) this.activeKey = tiles[0]?.key;
        this.applyTabStops();
        const refocus = this.lookup.byKey(this.focusedKey);
        const doc = refocus?.element.ownerDocument;
        const focusLost = doc !== undefined && (doc.activeElement === null || doc.activeElement === doc.body);
        if (refocus !== undefined && focusLost) {
            this.restoring = true;
            try {
                refocus.element.focus();
            } finally {
                this.restoring = false;
            }
        } else if (refocus === undefined) {
            this.focusedKey = undefined;
        }
        for (const tile of tiles) {
            const focused = this.ringVisible && tile.key === this.focusedKey && tile.element === tile.element.ownerDocument.activeElement;
            tile.element.classList.toggle(INTERACTION_CLASSES.focused, focused);
        }
        if (this.focusedKey === undefined) this.viewChanged();
    }

    /**
     * The view may have moved (a scroll) or the built tiles changed: on the next frame (after the
     * renderer has built and dropped tiles for it), with no tile focused, put the tab stop on a
     * tile in view. Measured then, not now, so an update's writes are not followed by a forced layout.
     */
    viewChanged(): void {
        const view = this.scrollBox?.ownerDocument.defaultView;
        if (this.viewCheckPending || !view || typeof view.requestAnimationFrame !== "function") return;
        this.viewCheckPending = true;
        view.requestAnimationFrame(() => {
            this.viewCheckPending = false;
            this.keepTabStopInView();
        });
    }

    /** Between pointer down and up, a focus change comes from the pointer, not the keyboard. */
    pointerDown(): void {
        this.pointerPressed = true;
        this.pointerPressedAt = Date.now();
    }

    pointerUp(): void {
        this.pointerPressed = false;
    }

    focusIn(tile: InteractiveTile | undefined): void {
        // A press released outside the visual never sends pointerup here: trust it only briefly.
        const byKeyboard = !(this.pointerPressed && Date.now() - this.pointerPressedAt < POINTER_FOCUS_WINDOW_MS);
        this.pointerPressed = false;
        if (tile === undefined) return;
        this.activeKey = tile.key;
        this.focusedKey = tile.key;
        if (this.restoring) return;
        this.ringVisible = byKeyboard;
        this.applyTabStops();
        // The focus ring is for keyboard users; a click shows selection instead.
        tile.element.classList.toggle(INTERACTION_CLASSES.focused, byKeyboard);
        this.actions.focused(tile, byKeyboard);
    }

    focusOut(tile: InteractiveTile | undefined, next: EventTarget | null): void {
        tile?.element.classList.remove(INTERACTION_CLASSES.focused);
        if (this.lookup.fromEventTarget(next) === undefined) {
            this.focusedKey = undefined;
            this.actions.blurred();
            this.viewChanged();
        }
    }

    keyDown(event: KeyboardEvent, tile: InteractiveTile | undefined): void {
        if (tile === undefined || event.altKey) return;
        const additive = event.ctrlKey || event.metaKey || event.shiftKey;
        const tiles = this.lookup.tiles;
        const surface = this.lookup.surface;
        const index = surface ? surface.indexOfKey(tile.key) : this.lookup.indexOf(tile);
        const count = surface ? surface.count : tiles.length;
        const vertical = (direction: -1 | 1): number => (surface
            ? surface.neighbour(index, direction)
            : verticalNeighbour(tiles.map(t => boxOf(t.element)), index, direction));
        switch (event.key) {
            case "ArrowRight":
                return this.moveTo(event, index + 1);
            case "ArrowLeft":
                return this.moveTo(event, index - 1);
            case "ArrowDown":
                return this.moveTo(event, vertical(1));
            case "ArrowUp":
                return this.moveTo(event, vertical(-1));
            case "Home":
                return this.moveTo(event, 0);
            case "End":
                return this.moveTo(event, count - 1);
            case "Enter":
            case " ":
            case "Spacebar":
                event.preventDefault();
                return this.actions.select(tile, additive);
            case "Escape":
            case "Esc":
                event.preventDefault();
                this.actions.clearSelection();
                this.leave(tile);
                return;
            case "ContextMenu":
                return this.actions.openContextMenu(event, tile);
            case "F10":
                if (event.shiftKey) this.actions.openContextMenu(event, tile);
                return;
            default:
                return;
        }
    }

    private moveTo(event: KeyboardEvent, index: number): void {
        event.preventDefault();
        const tiles = this.lookup.tiles;
        const surface = this.lookup.surface;
        // A tile not built yet (out of view) is scrolled to and built first.
        const target = surface
            ? this.lookup.byKey(surface.reveal(Math.min(surface.count - 1, Math.max(0, index))))
            : tiles[Math.min(tiles.length - 1, Math.max(0, index))];
        if (target === undefined) return;
        this.activeKey = target.key;
        this.applyTabStops();
        target.element.focus();
    }

    private leave(tile: InteractiveTile): void {
        tile.element.classList.remove(INTERACTION_CLASSES.focused);
        this.focusedKey = undefined;
        tile.element.blur();
    }

    /** With no tile focused: a tab stop not wholly in view moves to the first tile that is. */
    private keepTabStopInView(): void {
        const box = this.scrollBox;
        const tiles = this.lookup.tiles;
        if (box === undefined || this.focusedKey !== undefined || tiles.length === 0 || box.clientHeight <= 0) return;
        if (this.lookup.fromEventTarget(box.ownerDocument.activeElement) !== undefined) return;
        // The scroll box's visible band; while it scrolls, less its scroll padding (the room of the
        // sticky "N more below" cue, style/visual.less), where a tile would be covered.
        const scrolls = box.scrollHeight > box.clientHeight + 1;
        const style = scrolls ? box.ownerDocument.defaultView?.getComputedStyle(box) : undefined;
        const padding = (value: string | undefined): number => Math.max(0, parseFloat(value ?? "") || 0);
        const boxTop = box.getBoundingClientRect().top + box.clientTop;
        const top = boxTop + padding(style?.scrollPaddingTop);
        const bottom = boxTop + box.clientHeight - padding(style?.scrollPaddingBottom);
        const wholly = (tile: InteractiveTile): boolean => {
            const r = tile.element.getBoundingClientRect();
            return r.height > 0 && r.top >= top - 0.5 && r.bottom <= bottom + 0.5;
        };
        const active = this.lookup.byKey(this.activeKey);
        if (active !== undefined && wholly(active)) return;
        // A tile taller than the view is never wholly in it: then the first tile showing at all.
        const next = tiles.find(wholly) ?? tiles.find(tile => {
            const r = tile.element.getBoundingClientRect();
            return r.height > 0 && r.bottom > top && r.top < bottom;
        });
        if (next === undefined || next.key === this.activeKey) return;
        this.activeKey = next.key;
        this.applyTabStops();
    }

    private applyTabStops(): void {
        for (const tile of this.lookup.tiles) {
            tile.element.tabIndex = tile.key === this.activeKey ? 0 : -1;
        }
    }
}
