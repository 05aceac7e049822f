import powerbi from "powerbi-visuals-api";
import ISelectionId = powerbi.visuals.ISelectionId;
import ISelectionManager = powerbi.extensibility.ISelectionManager;

import { InteractiveTile } from "./contract";
import { whenSettled } from "./hostPromise";
import { asSelectionList, containsSelection, predictSelection } from "./selectionIds";

/**
 * Which KPIs are selected, kept in step with the host's selection manager.
 *
 * The host owns the selection (it cross-filters the page and stores it in bookmarks); this class
 * asks it to change and mirrors what it reports: after a click (the promise's result), after a
 * bookmark is applied (registerOnSelectCallback) and after every update (getSelectionIds).
 */
export class TileSelection {
    private selected: ISelectionId[] = [];
    private allowInteractions = true;

    constructor(
        private readonly selectionManager: ISelectionManager,
        private readonly onChange: () => void,
    ) {
        if (typeof selectionManager.registerOnSelectCallback === "function") {
            selectionManager.registerOnSelectCallback(ids => {
                this.selected = asSelectionList(ids) ?? [];
                this.onChange();
            });
        }
    }

    /** Called on every bind: the host's selection survives re-renders, filters and page changes. */
    restore(allowInteractions: boolean): void {
        this.allowInteractions = allowInteractions;
        const fromHost = typeof this.selectionManager.getSelectionIds === "function"
            ? asSelectionList(this.selectionManager.getSelectionIds())
            : undefined;
        this.selected = fromHost ?? [];
    }

    isSelected(tile: InteractiveTile): boolean {
        return containsSelection(this.selected, tile.selectionId);
    }

    /** Select the tile's KPI; `additive` (Ctrl, Cmd or Shift held) adds it to or removes it from the selection. */
    select(tile: InteractiveTile, additive: boolean): void {
        const id = tile.selectionId;
        if (!this.allowInteractions || id === undefined) return;
        this.selected = predictSelection(this.selected, id, additive);
        this.onChange();
        whenSettled(this.selectionManager.select(id, additive), value => this.adopt(value));
    }

    /** Clear this visual's selection (click on empty space, Escape). */
    clear(): void {
        if (!this.allowInteractions) return;
        this.selected = [];
        this.onChange();
        whenSettled(this.selectionManager.clear(), value => this.adopt(value));
    }

    /** The host's answer to select/clear: the selection as it now stands. */
    private adopt(value: unknown): void {
        const ids = asSelectionList(value);
        if (ids === undefined) return;
        this.selected = ids;
        this.onChange();
    }
}
