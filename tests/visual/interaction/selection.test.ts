import { INTERACTION_CLASSES } from "../../../src/interaction/contract";
import { KeyedSelectionId, KPIS, classesOf, click, createHarness, failOnConsoleError, settle } from "./fixtures";

failOnConsoleError();

describe("selection and cross-filtering", () => {
    it("a click selects that KPI's selection id, replacing the selection", async () => {
        const h = createHarness();
        const select = jest.spyOn(h.selectionManager, "select");
        click(h.tiles[1].element.querySelector("span")!);
        expect(select).toHaveBeenCalledTimes(1);
        expect(select).toHaveBeenCalledWith(h.tiles[1].selectionId, false);
        await settle();
        expect(classesOf(h.tiles, INTERACTION_CLASSES.selected)).toEqual([KPIS[1]]);
        expect(classesOf(h.tiles, INTERACTION_CLASSES.dimmed)).toEqual(KPIS.filter(k => k !== KPIS[1]));
        expect(h.root.classList.contains(INTERACTION_CLASSES.hasSelection)).toBe(true);
        expect(h.tiles[1].element.getAttribute("aria-selected")).toBe("true");
        expect(h.tiles[0].element.getAttribute("aria-selected")).toBe("false");
    });

    it.each([["ctrlKey"], ["metaKey"], ["shiftKey"]])("%s-click adds to the selection (multiSelect true)", async modifier => {
        const h = createHarness();
        const select = jest.spyOn(h.selectionManager, "select");
        click(h.tiles[0].element);
        click(h.tiles[2].element, { [modifier]: true });
        expect(select).toHaveBeenLastCalledWith(h.tiles[2].selectionId, true);
        await settle();
        expect(classesOf(h.tiles, INTERACTION_CLASSES.selected)).toEqual([KPIS[0], KPIS[2]]);
    });

    it("an additive click on a selected tile removes just that KPI", async () => {
        const h = createHarness();
        click(h.tiles[0].element);
        click(h.tiles[2].element, { ctrlKey: true });
        click(h.tiles[0].element, { ctrlKey: true });
        await settle();
        expect(classesOf(h.tiles, INTERACTION_CLASSES.selected)).toEqual([KPIS[2]]);
    });

    it("Alt-click behaves as a plain click", () => {
        const h = createHarness();
        const select = jest.spyOn(h.selectionManager, "select");
        click(h.tiles[3].element, { altKey: true });
        expect(select).toHaveBeenCalledWith(h.tiles[3].selectionId, false);
    });

    it("a click on empty space clears the selection", async () => {
        const h = createHarness();
        const clear = jest.spyOn(h.selectionManager, "clear");
        click(h.tiles[0].element);
        await settle();
        click(h.root);
        expect(clear).toHaveBeenCalledTimes(1);
        await settle();
        expect(classesOf(h.tiles, INTERACTION_CLASSES.selected)).toEqual([]);
        expect(classesOf(h.tiles, INTERACTION_CLASSES.dimmed)).toEqual([]);
        expect(h.root.classList.contains(INTERACTION_CLASSES.hasSelection)).toBe(false);
    });

    it("the selection is restored from the host after an update redraws the tiles", async () => {
        const h = createHarness();
        const before = h.tiles[4].element;
        click(before);
        await settle();
        const redrawn = h.bind();
        expect(redrawn[4].element).not.toBe(before);
        expect(classesOf(redrawn, INTERACTION_CLASSES.selected)).toEqual([KPIS[4]]);
        expect(classesOf(redrawn, INTERACTION_CLASSES.dimmed)).toHaveLength(KPIS.length - 1);
    });

    it("a selected KPI filtered out of the data leaves the remaining tiles undimmed", async () => {
        const h = createHarness();
        click(h.tiles[4].element);
        await settle();
        const redrawn = h.bind(KPIS.filter(k => k !== KPIS[4]).map(key => ({ key })));
        expect(classesOf(redrawn, INTERACTION_CLASSES.selected)).toEqual([]);
        expect(classesOf(redrawn, INTERACTION_CLASSES.dimmed)).toEqual([]);
    });

    it("a bookmark applied by the host (registerOnSelectCallback) redraws the selection", () => {
        const h = createHarness();
        const simulate = (h.selectionManager as unknown as { simutateSelection(ids: unknown[]): void }).simutateSelection.bind(h.selectionManager);
        simulate([new KeyedSelectionId(KPIS[2]), new KeyedSelectionId(KPIS[5])]);
        expect(classesOf(h.tiles, INTERACTION_CLASSES.selected)).toEqual([KPIS[2], KPIS[5]]);
        simulate([]);
        expect(classesOf(h.tiles, INTERACTION_CLASSES.selected)).toEqual([]);
    });

    it("the tiles answer a click at once, before the host's promise settles", () => {
        const h = createHarness();
        click(h.tiles[1].element);
        expect(classesOf(h.tiles, INTERACTION_CLASSES.selected)).toEqual([KPIS[1]]);
    });

    it("the host's answer wins over the prediction", async () => {
        const h = createHarness();
        jest.spyOn(h.selectionManager, "select").mockReturnValue(Promise.resolve([]) as never);
        click(h.tiles[1].element);
        await settle();
        expect(classesOf(h.tiles, INTERACTION_CLASSES.selected)).toEqual([]);
    });

    it("a refused select (rejected promise) does not reach the console", async () => {
        const h = createHarness();
        jest.spyOn(h.selectionManager, "select").mockReturnValue(Promise.reject(new Error("closing")) as never);
        click(h.tiles[1].element);
        await settle();
    });

    it("a tile without a selection id (no KPI field identity) is not selectable", () => {
        const h = createHarness([{ key: "A", noSelectionId: true }]);
        const select = jest.spyOn(h.selectionManager, "select");
        click(h.tiles[0].element);
        expect(select).not.toHaveBeenCalled();
    });
});

describe("allowInteractions false (dashboard tiles)", () => {
    it("blocks selection by click and the clearing click", () => {
        const h = createHarness();
        h.bind(undefined, { allowInteractions: false });
        const select = jest.spyOn(h.selectionManager, "select");
        const clear = jest.spyOn(h.selectionManager, "clear");
        click(h.tiles[0].element);
        click(h.root);
        expect(select).not.toHaveBeenCalled();
        expect(clear).not.toHaveBeenCalled();
        expect(classesOf(h.tiles, INTERACTION_CLASSES.selected)).toEqual([]);
    });

    it("is re-read on every bind: interactions come back when the host allows them", () => {
        const h = createHarness();
        h.bind(undefined, { allowInteractions: false });
        h.bind(undefined, { allowInteractions: true });
        const select = jest.spyOn(h.selectionManager, "select");
        click(h.tiles[0].element);
        expect(select).toHaveBeenCalledTimes(1);
    });
});
