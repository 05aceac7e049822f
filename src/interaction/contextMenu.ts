import powerbi from "powerbi-visuals-api";
import ISelectionId = powerbi.visuals.ISelectionId;
import ISelectionManager = powerbi.extensibility.ISelectionManager;

import { InteractiveTile } from "./contract";
import { whenSettled } from "./hostPromise";

/** A keyboard-opened menu and the browser's own contextmenu event for the same key press arrive together. */
const DUPLICATE_WINDOW_MS = 500;

/**
 * The host's context menu (Show as table, Include, Exclude, Spotlight, Copy ...): on a tile with
 * that KPI's selection id, on empty space with an empty id (menu for the whole visual). Opened by
 * right-click, long press, the Menu key or Shift+F10.
 */
export class TileContextMenu {
    private keyboardOpenedAt = Number.NEGATIVE_INFINITY;

    constructor(private readonly selectionManager: ISelectionManager) { }

    /** The browser's contextmenu event (right-click, long press, or the Menu key in some browsers). */
    fromEvent(event: MouseEvent, tile: InteractiveTile | undefined): void {
        event.preventDefault();
        if (event.timeStamp - this.keyboardOpenedAt < DUPLICATE_WINDOW_MS && event.timeStamp >= this.keyboardOpenedAt) return;
        const keyboardGenerated = event.clientX === 0 && event.clientY === 0 && tile !== undefined;
        const position = keyboardGenerated ? centreOf(tile.element) : { x: event.clientX, y: event.clientY };
        this.show(tile, position);
    }

    /** Menu key or Shift+F10 on a focused tile: the menu opens at the tile. */
    fromKeyboard(event: KeyboardEvent, tile: InteractiveTile): void {
        event.preventDefault();
        this.keyboardOpenedAt = event.timeStamp;
        this.show(tile, centreOf(tile.element));
    }

    private show(tile: InteractiveTile | undefined, position: { x: number; y: number }): void {
        const id = tile?.selectionId ?? ({} as ISelectionId);
        const result = this.selectionManager.showContextMenu(id, position);
        whenSettled(result);
    }
}

function centreOf(element: HTMLElement): { x: number; y: number } {
    const rect = element.getBoundingClientRect();
    return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
}
