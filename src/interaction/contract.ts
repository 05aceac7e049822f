import powerbi from "powerbi-visuals-api";
import ISelectionId = powerbi.visuals.ISelectionId;
import VisualTooltipDataItem = powerbi.extensibility.VisualTooltipDataItem;

/**
 * The contract between rendering (src/render, src/visual.ts) and interaction (src/interaction).
 * Rendering draws the tiles and hands over, after every update, one InteractiveTile per tile
 * element in reading order; interaction attaches selection, keyboard, tooltip and context-menu
 * behaviour to them. Neither side reaches into the other's DOM beyond what is listed here.
 */
export interface InteractiveTile {
    /** The tile's root element (carries data-kpi, data-status ... and tabindex). */
    readonly element: HTMLElement;
    /** Stable key for the KPI (its name as shown in data-kpi). */
    readonly key: string;
    /** Selection id of the KPI (category scope), or undefined when no kpi field is bound. */
    readonly selectionId: ISelectionId | undefined;
    /** Tooltip lines built by the model: status explained in words, target, gap, benchmarks ... */
    readonly tooltipItems: readonly VisualTooltipDataItem[];
    /** True when another visual's highlight leaves this KPI out (draw dimmed). */
    readonly dimmedByHighlight: boolean;
}

/**
 * The whole list of tiles as the renderer lays it out, built or not. Only tiles in (or near) view
 * are built, so keyboard movement goes by index through this and asks for a tile to be revealed
 * (scrolled into view and built) before focusing it. Optional: without it, the tiles handed over
 * are the whole list and rows are measured from their boxes.
 */
export interface TileSurface {
    /** Number of tiles in the list. */
    readonly count: number;
    /** Reading-order index of a KPI, -1 when it is not in the list. */
    indexOfKey(key: string): number;
    /** The tile above (-1) or below (+1) tile `index`. */
    neighbour(index: number, direction: -1 | 1): number;
    /** Scroll tile `index` into view and build it now; returns its key, or undefined for no such tile. */
    reveal(index: number): string | undefined;
}

export interface InteractionOptions {
    /** host.hostCapabilities.allowInteractions: false on dashboard tiles: no selection, tooltips stay. */
    readonly allowInteractions: boolean;
    /** True while the host is in high-contrast mode (selection is shown by outline, not opacity). */
    readonly highContrast: boolean;
}

/** Class names that interaction toggles and style/visual.less draws. */
export const INTERACTION_CLASSES = {
    selected: "is-selected",
    dimmed: "is-dimmed",
    focused: "is-focused",
    /** On the root element while any tile is selected. */
    hasSelection: "has-selection",
} as const;
