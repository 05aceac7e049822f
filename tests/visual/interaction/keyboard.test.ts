import { INTERACTION_CLASSES } from "../../../src/interaction/contract";
import { KPIS, classesOf, createHarness, failOnConsoleError, pointer, press, settle } from "./fixtures";

failOnConsoleError();

const focused = () => (document.activeElement as HTMLElement | null)?.getAttribute("data-kpi");

describe("keyboard (supportsKeyboardFocus)", () => {
    it("the grid is a single Tab stop: one tile has tabindex 0, the rest -1", () => {
        const h = createHarness();
        expect(h.tiles.map(t => t.element.tabIndex)).toEqual([0, -1, -1, -1, -1, -1]);
    });

    it("Left/Right move in reading order and stop at the ends", () => {
        const h = createHarness();
        h.tiles[0].element.focus();
        press(h.tiles[0].element, "ArrowRight");
        expect(focused()).toBe(KPIS[1]);
        press(document.activeElement!, "ArrowRight");
        press(document.activeElement!, "ArrowRight");
        // Reading order wraps from the end of the first row to the start of the second.
        press(document.activeElement!, "ArrowRight");
        expect(focused()).toBe(KPIS[4]);
        press(document.activeElement!, "ArrowLeft");
        expect(focused()).toBe(KPIS[3]);
        press(h.tiles[5].element, "ArrowRight");
        expect(focused()).toBe(KPIS[5]);
        press(h.tiles[0].element, "ArrowLeft");
        expect(focused()).toBe(KPIS[0]);
    });

    it("Up/Down move by the column count measured from the tiles' positions", () => {
        const h = createHarness();
        h.tiles[1].element.focus();
        press(h.tiles[1].element, "ArrowDown");
        expect(focused()).toBe(KPIS[4]);
        press(document.activeElement!, "ArrowDown");
        expect(focused()).toBe(KPIS[4]);
        press(document.activeElement!, "ArrowUp");
        expect(focused()).toBe(KPIS[1]);

        // Same six tiles, now two to a row (a narrower visual): Down from the 2nd goes to the 4th.
        const narrow = h.bind(undefined, {}, { columns: 2 });
        narrow[1].element.focus();
        press(narrow[1].element, "ArrowDown");
        expect(focused()).toBe(KPIS[3]);
    });

    it("Home and End jump to the first and last tile", () => {
        const h = createHarness();
        h.tiles[2].element.focus();
        press(h.tiles[2].element, "End");
        expect(focused()).toBe(KPIS[5]);
        press(document.activeElement!, "Home");
        expect(focused()).toBe(KPIS[0]);
    });

    it("moving focus moves the Tab stop, so Tab comes back to the last tile visited", () => {
        const h = createHarness();
        h.tiles[0].element.focus();
        press(h.tiles[0].element, "ArrowRight");
        press(document.activeElement!, "ArrowRight");
        expect(h.tiles.map(t => t.element.tabIndex)).toEqual([-1, -1, 0, -1, -1, -1]);
    });

    it("arrow keys do not scroll the page (default prevented)", () => {
        const h = createHarness();
        h.tiles[0].element.focus();
        expect(press(h.tiles[0].element, "ArrowDown").defaultPrevented).toBe(true);
    });

    it.each([["Enter"], [" "]])("%j selects the focused tile", async key => {
        const h = createHarness();
        const select = jest.spyOn(h.selectionManager, "select");
        h.tiles[3].element.focus();
        const event = press(h.tiles[3].element, key);
        expect(event.defaultPrevented).toBe(true);
        expect(select).toHaveBeenCalledWith(h.tiles[3].selectionId, false);
        await settle();
        expect(classesOf(h.tiles, INTERACTION_CLASSES.selected)).toEqual([KPIS[3]]);
    });

    it("Ctrl+Enter and Shift+Space add to the selection", async () => {
        const h = createHarness();
        const select = jest.spyOn(h.selectionManager, "select");
        press(h.tiles[0].element, "Enter");
        press(h.tiles[2].element, "Enter", { ctrlKey: true });
        press(h.tiles[4].element, " ", { shiftKey: true });
        expect(select.mock.calls.map(call => call[1])).toEqual([false, true, true]);
        await settle();
        expect(classesOf(h.tiles, INTERACTION_CLASSES.selected)).toEqual([KPIS[0], KPIS[2], KPIS[4]]);
    });

    it("Escape clears the selection and takes focus off the tiles", async () => {
        const h = createHarness();
        const clear = jest.spyOn(h.selectionManager, "clear");
        h.tiles[1].element.focus();
        press(h.tiles[1].element, "Enter");
        await settle();
        press(h.tiles[1].element, "Escape");
        expect(clear).toHaveBeenCalledTimes(1);
        expect(classesOf(h.tiles, INTERACTION_CLASSES.selected)).toEqual([]);
        expect(h.root.contains(document.activeElement)).toBe(false);
        expect(classesOf(h.tiles, INTERACTION_CLASSES.focused)).toEqual([]);
    });

    it("keyboard focus shows the focus ring (is-focused) on exactly the focused tile", () => {
        const h = createHarness();
        h.tiles[0].element.focus();
        expect(classesOf(h.tiles, INTERACTION_CLASSES.focused)).toEqual([KPIS[0]]);
        press(h.tiles[0].element, "ArrowRight");
        expect(classesOf(h.tiles, INTERACTION_CLASSES.focused)).toEqual([KPIS[1]]);
        h.tiles[1].element.blur();
        expect(classesOf(h.tiles, INTERACTION_CLASSES.focused)).toEqual([]);
    });

    it("a tile focused by a mouse press shows no focus ring", () => {
        const h = createHarness();
        pointer("pointerdown", h.tiles[2].element);
        h.tiles[2].element.focus();
        pointer("pointerup", h.tiles[2].element);
        expect(classesOf(h.tiles, INTERACTION_CLASSES.focused)).toEqual([]);
        press(h.tiles[2].element, "ArrowRight");
        expect(classesOf(h.tiles, INTERACTION_CLASSES.focused)).toEqual([KPIS[3]]);
    });

    it("focus stays on the same KPI when an update redraws the tiles under it", () => {
        const h = createHarness();
        h.tiles[0].element.focus();
        press(h.tiles[0].element, "ArrowRight");
        press(document.activeElement!, "ArrowRight");
        // The renderer replaces the elements; the focused one leaves the document.
        const redrawn = h.bind();
        expect(document.activeElement).toBe(redrawn[2].element);
        expect(redrawn.map(t => t.element.tabIndex)).toEqual([-1, -1, 0, -1, -1, -1]);
        expect(classesOf(redrawn, INTERACTION_CLASSES.focused)).toEqual([KPIS[2]]);
    });

    it("an update does not pull focus back into the visual after the reader left it", () => {
        const h = createHarness();
        const outside = document.createElement("button");
        document.body.appendChild(outside);
        h.tiles[1].element.focus();
        outside.focus();
        const redrawn = h.bind();
        expect(document.activeElement).toBe(outside);
        expect(redrawn[1].element.tabIndex).toBe(0);
    });

    it("keys with Alt are left to the host and browser", () => {
        const h = createHarness();
        h.tiles[0].element.focus();
        expect(press(h.tiles[0].element, "ArrowRight", { altKey: true }).defaultPrevented).toBe(false);
        expect(focused()).toBe(KPIS[0]);
    });

    it("with allowInteractions false, keys still move focus but Enter does not select", () => {
        const h = createHarness();
        h.bind(undefined, { allowInteractions: false });
        const select = jest.spyOn(h.selectionManager, "select");
        h.tiles[0].element.focus();
        press(h.tiles[0].element, "ArrowRight");
        press(document.activeElement!, "Enter");
        expect(focused()).toBe(KPIS[1]);
        expect(select).not.toHaveBeenCalled();
    });
});

describe("focus ring after a stray pointer press", () => {
    afterEach(() => jest.useRealTimers());

    it("a press released outside the visual does not hide the ring of a later keyboard visit", () => {
        jest.useFakeTimers({ now: 1_000_000 });
        const h = createHarness();
        pointer("pointerdown", h.root);
        jest.setSystemTime(1_005_000);
        h.tiles[0].element.focus();
        expect(classesOf(h.tiles, INTERACTION_CLASSES.focused)).toEqual([KPIS[0]]);
    });
});
