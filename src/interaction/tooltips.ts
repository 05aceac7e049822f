import powerbi from "powerbi-visuals-api";
import ITooltipService = powerbi.extensibility.ITooltipService;
import VisualTooltipDataItem = powerbi.extensibility.VisualTooltipDataItem;

import { InteractiveTile } from "./contract";

/**
 * The host's tooltip for a tile, under the pointer or, for keyboard users, over the focused tile.
 * The tile's selection id goes with the items, so a report-page tooltip (a page the report
 * creator set as this visual's tooltip) is filtered to that KPI.
 * Coordinates are relative to the visual's root element, as the host expects.
 */
export class TileTooltips {
    private shownFor: InteractiveTile | undefined;

    constructor(
        private readonly service: ITooltipService | undefined,
        private readonly root: HTMLElement,
    ) { }

    /** Pointer moved over `tile` (or over empty space when undefined). */
    pointerAt(tile: InteractiveTile | undefined, event: MouseEvent): void {
        if (tile === undefined) {
            this.hide(isTouch(event));
            return;
        }
        const coordinates = this.relative(event.clientX, event.clientY);
        if (tile === this.shownFor) {
            this.serviceIfEnabled()?.move(this.options(tile, coordinates, isTouch(event)));
        } else {
            this.show(tile, coordinates, isTouch(event));
        }
    }

    /** Keyboard focus arrived on `tile`: show its tooltip at the tile's centre. */
    focusOn(tile: InteractiveTile): void {
        const rect = tile.element.getBoundingClientRect();
        this.show(tile, this.relative(rect.left + rect.width / 2, rect.top + rect.height / 2), false);
    }

    hide(isTouchEvent = false): void {
        if (this.shownFor === undefined) return;
        this.shownFor = undefined;
        this.serviceIfEnabled()?.hide({ isTouchEvent, immediately: true });
    }

    /** After a re-render the shown tile may be gone or its items stale. */
    isShowingOneOf(tiles: readonly InteractiveTile[]): boolean {
        return this.shownFor !== undefined && tiles.includes(this.shownFor);
    }

    private show(tile: InteractiveTile, coordinates: number[], isTouchEvent: boolean): void {
        const service = this.serviceIfEnabled();
        if (service === undefined) return;
        if (tile.tooltipItems.length === 0) {
            this.hide(isTouchEvent);
            return;
        }
        this.shownFor = tile;
        service.show(this.options(tile, coordinates, isTouchEvent));
    }

    private options(tile: InteractiveTile, coordinates: number[], isTouchEvent: boolean) {
        const dataItems: VisualTooltipDataItem[] = tile.tooltipItems.slice();
        return {
            coordinates,
            isTouchEvent,
            dataItems,
            identities: tile.selectionId === undefined ? [] : [tile.selectionId],
        };
    }

    private relative(clientX: number, clientY: number): number[] {
        const rect = this.root.getBoundingClientRect();
        return [clientX - rect.left - this.root.clientLeft, clientY - rect.top - this.root.clientTop];
    }

    private serviceIfEnabled(): ITooltipService | undefined {
        const service = this.service;
        if (service === undefined || service === null) return undefined;
        if (typeof service.enabled === "function" && !service.enabled()) return undefined;
        return service;
    }
}

function isTouch(event: MouseEvent): boolean {
    return (event as Partial<PointerEvent>).pointerType === "touch";
}
