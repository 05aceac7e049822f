import { INTERACTION_CLASSES } from "../../../src/interaction/contract";
import { classesOf, click, createHarness, failOnConsoleError, pointer, press, settle } from "./fixtures";

failOnConsoleError();

describe("handlers across updates", () => {
    it("after many binds one click still makes exactly one select call", () => {
        const h = createHarness();
        for (let i = 0; i < 25; i++) h.bind();
        const select = jest.spyOn(h.selectionManager, "select");
        const show = jest.spyOn(h.host.tooltipService, "show");
        const menu = jest.spyOn(h.selectionManager, "showContextMenu");
        click(h.tiles[0].element);
        pointer("pointermove", h.tiles[1].element, 130, 30);
        h.tiles[2].element.dispatchEvent(new MouseEvent("contextmenu", { bubbles: true, cancelable: true, clientX: 240, clientY: 30 }));
        expect(select).toHaveBeenCalledTimes(1);
        expect(show).toHaveBeenCalledTimes(1);
        expect(menu).toHaveBeenCalledTimes(1);
    });

    it("a key press after many binds moves focus by exactly one tile", () => {
        const h = createHarness();
        for (let i = 0; i < 10; i++) h.bind();
        h.tiles[0].element.focus();
        press(h.tiles[0].element, "ArrowRight");
        expect(document.activeElement).toBe(h.tiles[1].element);
    });

    it("elements of an earlier render are no longer interactive", async () => {
        const h = createHarness();
        const stale = h.tiles[0].element;
        h.bind();
        // Something kept the old element in the document (e.g. an exit transition).
        h.root.appendChild(stale);
        const select = jest.spyOn(h.selectionManager, "select");
        click(stale);
        expect(select).not.toHaveBeenCalled();
        await settle();
    });

    it("destroy() detaches every listener and hides the tooltip", async () => {
        const h = createHarness();
        const hide = jest.spyOn(h.host.tooltipService, "hide");
        pointer("pointermove", h.tiles[0].element, 20, 30);
        h.interactions.destroy();
        expect(hide).toHaveBeenCalledTimes(1);
        const select = jest.spyOn(h.selectionManager, "select");
        const clear = jest.spyOn(h.selectionManager, "clear");
        click(h.tiles[0].element);
        click(h.root);
        expect(select).not.toHaveBeenCalled();
        expect(clear).not.toHaveBeenCalled();
        await settle();
        expect(classesOf(h.tiles, INTERACTION_CLASSES.selected)).toEqual([]);
    });

    it("after destroy() a bookmark callback from the host changes nothing", () => {
        const h = createHarness();
        const root = h.root;
        h.interactions.destroy();
        const simulate = (h.selectionManager as unknown as { simutateSelection(ids: unknown[]): void }).simutateSelection.bind(h.selectionManager);
        simulate([h.tiles[0].selectionId]);
        expect(classesOf(h.tiles, INTERACTION_CLASSES.selected)).toEqual([]);
        expect(root.classList.contains(INTERACTION_CLASSES.hasSelection)).toBe(false);
    });

    it("an empty render (no tiles) accepts clicks and keys without errors", () => {
        const h = createHarness([]);
        click(h.root);
        press(h.root, "ArrowRight");
        pointer("pointermove", h.root, 5, 5);
    });
});
