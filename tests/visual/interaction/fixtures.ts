import powerbi from "powerbi-visuals-api";
import ISelectionId = powerbi.visuals.ISelectionId;
import VisualTooltipDataItem = powerbi.extensibility.VisualTooltipDataItem;
import { createSelectionManager, createVisualHost } from "powerbi-visuals-utils-testutils";

import { TileInteractions } from "../../../src/interaction";
import { InteractionOptions, InteractiveTile } from "../../../src/interaction/contract";

/**
 * A selection id that compares by its key, as the host's ids compare by their data selector:
 * an id built for the same KPI in a later update equals the earlier one. (testutils' mock ids
 * compare by object identity only.)
 */
export class KeyedSelectionId implements ISelectionId {
    constructor(readonly key: string) { }
    equals(other: ISelectionId): boolean {
        return other instanceof KeyedSelectionId && other.key === this.key;
    }
    includes(other: ISelectionId): boolean {
        return this.equals(other);
    }
    getKey(): string {
        return this.key;
    }
    getSelector(): powerbi.data.Selector {
        return {};
    }
    getSelectorsByColumn(): powerbi.data.Selector {
        return {};
    }
    hasIdentity(): boolean {
        return true;
    }
}

export interface TileSpec {
    key: string;
    dimmed?: boolean;
    items?: VisualTooltipDataItem[];
    noSelectionId?: boolean;
}

/** Lays tiles out in a grid of `columns` columns, 100 x 60 px each, so geometry can be measured. */
export interface Layout {
    columns: number;
}

export const KPIS = ["Re-referrals", "Assessments in 45 days", "CP plans 2nd time", "Care leavers in EET", "Placement stability", "Caseloads"];

/** The visual's root with tile elements, laid out in jsdom by stubbing their boxes. */
export function renderTiles(root: HTMLElement, specs: readonly TileSpec[], layout: Layout = { columns: 3 }): InteractiveTile[] {
    root.replaceChildren();
    return specs.map((spec, index) => {
        const element = document.createElement("div");
        element.className = "kpi-tile";
        element.setAttribute("data-kpi", spec.key);
        element.setAttribute("role", "option");
        element.setAttribute("aria-label", `${spec.key}: on target`);
        element.tabIndex = 0;
        const label = document.createElement("span");
        label.textContent = spec.key;
        element.appendChild(label);
        root.appendChild(element);
        const column = index % layout.columns;
        const row = Math.floor(index / layout.columns);
        stubBox(element, 10 + column * 110, 20 + row * 70, 100, 60);
        return {
            element,
            key: spec.key,
            selectionId: spec.noSelectionId ? undefined : new KeyedSelectionId(spec.key),
            tooltipItems: spec.items ?? [
                { displayName: "Status", value: `${spec.key} is on target` },
                { displayName: "Target", value: "15.0%" },
            ],
            dimmedByHighlight: spec.dimmed ?? false,
        };
    });
}

export function stubBox(element: Element, left: number, top: number, width: number, height: number): void {
    element.getBoundingClientRect = () => ({
        left, top, width, height, right: left + width, bottom: top + height, x: left, y: top,
        toJSON: () => ({}),
    }) as DOMRect;
}

export interface Harness {
    root: HTMLElement;
    host: powerbi.extensibility.visual.IVisualHost;
    selectionManager: powerbi.extensibility.ISelectionManager;
    interactions: TileInteractions;
    tiles: InteractiveTile[];
    bind(specs?: readonly TileSpec[], options?: Partial<InteractionOptions>, layout?: Layout): InteractiveTile[];
}

export function createHarness(specs: readonly TileSpec[] = KPIS.map(key => ({ key }))): Harness {
    document.body.replaceChildren();
    const root = document.createElement("div");
    root.className = "kpi-tiles-root";
    document.body.appendChild(root);
    stubBox(root, 0, 0, 400, 300);
    const host = createVisualHost({});
    const selectionManager = createSelectionManager();
    const interactions = new TileInteractions(host, selectionManager, root);
    const harness: Harness = {
        root, host, selectionManager, interactions, tiles: [],
        bind(nextSpecs = specs, options = {}, layout) {
            harness.tiles = renderTiles(root, nextSpecs, layout);
            interactions.bind(harness.tiles, { allowInteractions: true, highContrast: false, ...options });
            return harness.tiles;
        },
    };
    harness.bind();
    return harness;
}

export function click(target: Element, init: MouseEventInit = {}): void {
    target.dispatchEvent(new MouseEvent("click", { bubbles: true, cancelable: true, ...init }));
}

export function press(target: Element, key: string, init: KeyboardEventInit = {}): KeyboardEvent {
    const event = new KeyboardEvent("keydown", { key, bubbles: true, cancelable: true, ...init });
    target.dispatchEvent(event);
    return event;
}

/** jsdom has no PointerEvent; a MouseEvent of the pointer type reaches the same listeners. */
export function pointer(type: "pointermove" | "pointerleave" | "pointerdown" | "pointerup", target: Element, clientX = 0, clientY = 0): void {
    target.dispatchEvent(new MouseEvent(type, { bubbles: type !== "pointerleave", cancelable: true, clientX, clientY }));
}

/** Lets the host's (mock) promises resolve. */
export async function settle(): Promise<void> {
    await Promise.resolve();
    await Promise.resolve();
}

export function classesOf(tiles: readonly InteractiveTile[], className: string): string[] {
    return tiles.filter(tile => tile.element.classList.contains(className)).map(tile => tile.key);
}

/** Any console.error during a test fails it: certification rejects visuals that log errors. */
export function failOnConsoleError(): void {
    let spy: jest.SpyInstance;
    beforeEach(() => {
        spy = jest.spyOn(console, "error").mockImplementation(() => undefined);
    });
    afterEach(() => {
        const calls = spy.mock.calls;
        spy.mockRestore();
        expect(calls).toEqual([]);
    });
}
