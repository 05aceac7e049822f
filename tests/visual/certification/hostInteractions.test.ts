/**
 * The interaction items of the issue, through the real Visual on the host mocks: a click calls
 * select with the tile's selection id, Ctrl-click adds, the context menu, tooltips that explain
 * the status, the keyboard, allowInteractions false, and dimming for another visual's highlight.
 */
import powerbi from "powerbi-visuals-api";

import { INTERACTION_CLASSES } from "../../../src/interaction/contract";
import {
    CHILDRENS_KPIS, FULL_ROLES, KeyedSelectionId, childrensDataView, childrensRows, failOnConsoleError, mountVisual, resources,
} from "./helpers";

failOnConsoleError();

const en = resources("en-GB");

function keyOf(id: unknown): string {
    return id instanceof KeyedSelectionId ? id.key : "";
}

function mounted(options: { allowInteractions?: boolean } = {}) {
    const m = mountVisual({ locale: "en-GB", ...options });
    m.update(childrensDataView(FULL_ROLES));
    return m;
}

const selected = (tiles: HTMLElement[]) => tiles.filter(t => t.classList.contains(INTERACTION_CLASSES.selected)).map(t => t.getAttribute("data-kpi"));

describe("selection through the visual", () => {
    it("a click calls select with the selection id of that tile's KPI", async () => {
        const m = mounted();
        const select = jest.spyOn(m.host.createSelectionManager(), "select");
        const tile = m.tiles()[2];
        tile.querySelector(".kpi-tile__name")!.dispatchEvent(new MouseEvent("click", { bubbles: true }));
        expect(select).toHaveBeenCalledTimes(1);
        const [id, multi] = select.mock.calls[0];
        expect(keyOf(id)).toContain(`=${tile.getAttribute("data-kpi")};`);
        expect(multi).toBe(false);
        await Promise.resolve();
        expect(selected(m.tiles())).toEqual([tile.getAttribute("data-kpi")]);
    });

    it("Ctrl-click adds a second KPI; a click on empty space clears", async () => {
        const m = mounted();
        const manager = m.host.createSelectionManager();
        const select = jest.spyOn(manager, "select");
        const clear = jest.spyOn(manager, "clear");
        const [a, , c] = m.tiles();
        a.dispatchEvent(new MouseEvent("click", { bubbles: true }));
        c.dispatchEvent(new MouseEvent("click", { bubbles: true, ctrlKey: true }));
        expect(select.mock.calls.map(call => call[1])).toEqual([false, true]);
        await Promise.resolve();
        expect(selected(m.tiles())).toEqual([a.getAttribute("data-kpi"), c.getAttribute("data-kpi")]);
        m.element.querySelector(".kpi-tiles-root")!.dispatchEvent(new MouseEvent("click", { bubbles: true }));
        expect(clear).toHaveBeenCalledTimes(1);
        expect(selected(m.tiles())).toEqual([]);
    });

    it("the selection survives the next update (new selection ids for the same KPIs)", async () => {
        const m = mounted();
        m.tiles()[1].dispatchEvent(new MouseEvent("click", { bubbles: true }));
        await Promise.resolve();
        const kpi = m.tiles()[1].getAttribute("data-kpi");
        m.update(childrensDataView(FULL_ROLES));
        expect(selected(m.tiles())).toEqual([kpi]);
    });

    it("allowInteractions false: no selection, but the tooltip still shows", () => {
        const m = mounted({ allowInteractions: false });
        const select = jest.spyOn(m.host.createSelectionManager(), "select");
        const show = jest.spyOn(m.host.tooltipService, "show");
        m.tiles()[0].dispatchEvent(new MouseEvent("click", { bubbles: true }));
        m.tiles()[0].dispatchEvent(new MouseEvent("pointermove", { bubbles: true, clientX: 20, clientY: 20 }));
        expect(select).not.toHaveBeenCalled();
        expect(show).toHaveBeenCalledTimes(1);
    });
});

describe("context menu through the visual", () => {
    it("on a tile with its KPI's id, on empty space with an empty id", () => {
        const m = mounted();
        const show = jest.spyOn(m.host.createSelectionManager(), "showContextMenu");
        const tile = m.tiles()[0];
        tile.dispatchEvent(new MouseEvent("contextmenu", { bubbles: true, cancelable: true, clientX: 40, clientY: 60 }));
        expect(keyOf(show.mock.calls[0][0])).toContain(`=${tile.getAttribute("data-kpi")};`);
        expect(show.mock.calls[0][1]).toEqual({ x: 40, y: 60 });
        m.element.querySelector(".kpi-tiles-root")!.dispatchEvent(new MouseEvent("contextmenu", { bubbles: true, cancelable: true, clientX: 5, clientY: 5 }));
        expect(show.mock.calls[1][0]).toEqual({});
    });
});

describe("tooltips through the visual", () => {
    it("name the status and the reason for it, with the target", () => {
        const m = mountVisual({ locale: "en-GB" });
        // Re-referrals: lower is better, 30.0% against a 20.0% target and a 24.0% floor: red.
        const rows = childrensRows(CHILDRENS_KPIS.slice(0, 1)).map(r => ({ ...r, Actual: 0.3 }));
        m.update(childrensDataView(FULL_ROLES, rows));
        const show = jest.spyOn(m.host.tooltipService, "show");
        m.tiles()[0].dispatchEvent(new MouseEvent("pointermove", { bubbles: true, clientX: 30, clientY: 30 }));
        const items = (show.mock.calls[0][0] as powerbi.extensibility.TooltipShowOptions).dataItems ?? [];
        const status = items.find(item => item.displayName === en.Tooltip_Status);
        expect(status?.value).toContain(en.Status_red);
        expect(status?.value).toMatch(/30\.0%/);
        expect(status?.value).toMatch(/floor|24\.0%/i);
        expect(items.find(item => item.displayName === en.Tooltip_Target)?.value).toContain("20.0%");
        expect((show.mock.calls[0][0] as powerbi.extensibility.TooltipShowOptions).identities).toHaveLength(1);
    });
});

describe("tooltips after the data changes (filters, slicers)", () => {
    it("show the filtered value, not the one from before", () => {
        const m = mountVisual({ locale: "en-GB" });
        const rows = childrensRows(CHILDRENS_KPIS.slice(0, 1));
        m.update(childrensDataView(FULL_ROLES, rows.map(r => ({ ...r, Actual: 0.3 }))));
        const show = jest.spyOn(m.host.tooltipService, "show");
        const hover = () => m.tiles()[0].dispatchEvent(new MouseEvent("pointermove", { bubbles: true, clientX: 30, clientY: 30 }));
        hover();
        m.update(childrensDataView(FULL_ROLES, rows.map(r => ({ ...r, Actual: 0.15 }))));
        hover();
        const actualOf = (call: number) => ((show.mock.calls[call][0] as powerbi.extensibility.TooltipShowOptions).dataItems ?? [])
            .find(item => item.displayName === en.Tooltip_Actual)?.value;
        expect(actualOf(0)).toBe("30.0%");
        expect(actualOf(1)).toBe("15.0%");
    });
});

describe("keyboard through the visual", () => {
    it("focus moves with the arrow keys, Enter selects, Escape clears and leaves", async () => {
        const m = mounted();
        const manager = m.host.createSelectionManager();
        const select = jest.spyOn(manager, "select");
        const show = jest.spyOn(m.host.tooltipService, "show");
        const tiles = m.tiles();
        expect(tiles.filter(t => t.tabIndex === 0)).toHaveLength(1);
        tiles[0].focus();
        tiles[0].dispatchEvent(new KeyboardEvent("keydown", { key: "ArrowRight", bubbles: true, cancelable: true }));
        expect(document.activeElement).toBe(tiles[1]);
        expect(tiles[1].classList.contains(INTERACTION_CLASSES.focused)).toBe(true);
        expect(show).toHaveBeenCalled();
        tiles[1].dispatchEvent(new KeyboardEvent("keydown", { key: "End", bubbles: true, cancelable: true }));
        expect(document.activeElement).toBe(tiles[tiles.length - 1]);
        tiles[tiles.length - 1].dispatchEvent(new KeyboardEvent("keydown", { key: "Enter", bubbles: true, cancelable: true }));
        expect(keyOf(select.mock.calls[0][0])).toContain(`=${tiles[tiles.length - 1].getAttribute("data-kpi")};`);
        await Promise.resolve();
        tiles[tiles.length - 1].dispatchEvent(new KeyboardEvent("keydown", { key: "Escape", bubbles: true, cancelable: true }));
        expect(selected(m.tiles())).toEqual([]);
        expect(m.element.contains(document.activeElement)).toBe(false);
    });
});

describe("highlight from another visual", () => {
    it("dims the tiles of KPIs the highlight leaves out", () => {
        const m = mountVisual();
        const rows = childrensRows();
        const highlighted = new Set([CHILDRENS_KPIS[0].name, CHILDRENS_KPIS[3].name]);
        m.update(childrensDataView(FULL_ROLES, rows, { highlights: rows.map(r => highlighted.has(String(r.KPI))) }));
        const dimmed = m.tiles().filter(t => t.classList.contains(INTERACTION_CLASSES.dimmed)).map(t => t.getAttribute("data-kpi"));
        expect(dimmed.sort()).toEqual(CHILDRENS_KPIS.map(k => k.name).filter(n => !highlighted.has(n)).sort());
    });
});
