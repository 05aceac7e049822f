import { INTERACTION_CLASSES, InteractiveTile } from "./contract";

/** ARIA roles on which aria-selected is allowed (WAI-ARIA 1.2). */
const SELECTABLE_ROLES = new Set(["option", "gridcell", "row", "tab", "treeitem", "columnheader", "rowheader"]);

/**
 * Draws selection and highlight state as classes: a selected KPI gets `is-selected`; while
 * anything is selected the other tiles get `is-dimmed`, and so does every tile another visual's
 * highlight leaves out. The root gets `has-selection` while any tile is selected, so the style
 * sheet can show selection by outline in high contrast instead of by opacity.
 */
export function applyTileStates(
    root: HTMLElement,
    tiles: readonly InteractiveTile[],
    isSelected: (tile: InteractiveTile) => boolean,
): void {
    const selected = tiles.map(isSelected);
    const anySelected = selected.some(Boolean);
    root.classList.toggle(INTERACTION_CLASSES.hasSelection, anySelected);
    tiles.forEach((tile, index) => {
        const element = tile.element;
        element.classList.toggle(INTERACTION_CLASSES.selected, selected[index]);
        element.classList.toggle(INTERACTION_CLASSES.dimmed, tile.dimmedByHighlight || (anySelected && !selected[index]));
        if (SELECTABLE_ROLES.has(element.getAttribute("role") ?? "")) {
            const value = String(selected[index]);
            // Written only on change: an unchanged update must leave the tiles untouched.
            if (element.getAttribute("aria-selected") !== value) element.setAttribute("aria-selected", value);
        }
    });
}
