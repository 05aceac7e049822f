import { createHarness, failOnConsoleError, press } from "./fixtures";

failOnConsoleError();

function contextMenu(target: Element, clientX: number, clientY: number): MouseEvent {
    const event = new MouseEvent("contextmenu", { bubbles: true, cancelable: true, clientX, clientY, button: 2 });
    target.dispatchEvent(event);
    return event;
}

describe("context menu", () => {
    it("right-click on a tile opens the host's menu for that KPI at the pointer", () => {
        const h = createHarness();
        const show = jest.spyOn(h.selectionManager, "showContextMenu");
        const event = contextMenu(h.tiles[2].element.querySelector("span")!, 260, 45);
        expect(show).toHaveBeenCalledWith(h.tiles[2].selectionId, { x: 260, y: 45 });
        expect(event.defaultPrevented).toBe(true);
    });

    it("right-click on empty space opens the menu for the whole visual (empty selection id)", () => {
        const h = createHarness();
        const show = jest.spyOn(h.selectionManager, "showContextMenu");
        contextMenu(h.root, 380, 280);
        expect(show).toHaveBeenCalledWith({}, { x: 380, y: 280 });
    });

    it.each([
        ["the Menu key", "ContextMenu", {}],
        ["Shift+F10", "F10", { shiftKey: true }],
    ])("%s on a focused tile opens the menu at the tile", (_, key, init) => {
        const h = createHarness();
        const show = jest.spyOn(h.selectionManager, "showContextMenu");
        h.tiles[4].element.focus();
        press(h.tiles[4].element, key, init);
        // Tile 4 is drawn at (120, 90), 100 x 60.
        expect(show).toHaveBeenCalledWith(h.tiles[4].selectionId, { x: 170, y: 120 });
    });

    it("F10 without Shift does nothing", () => {
        const h = createHarness();
        const show = jest.spyOn(h.selectionManager, "showContextMenu");
        press(h.tiles[0].element, "F10");
        expect(show).not.toHaveBeenCalled();
    });

    it("the browser's contextmenu event that follows the Menu key does not open a second menu", () => {
        const h = createHarness();
        const show = jest.spyOn(h.selectionManager, "showContextMenu");
        press(h.tiles[1].element, "ContextMenu");
        contextMenu(h.tiles[1].element, 0, 0);
        expect(show).toHaveBeenCalledTimes(1);
    });

    it("a keyboard-generated contextmenu event (no pointer position) opens at the tile", () => {
        const h = createHarness();
        const show = jest.spyOn(h.selectionManager, "showContextMenu");
        contextMenu(h.tiles[0].element, 0, 0);
        expect(show).toHaveBeenCalledWith(h.tiles[0].selectionId, { x: 60, y: 50 });
    });

    it("allowInteractions false: no context menu, and the browser's own is suppressed too", () => {
        const h = createHarness();
        h.bind(undefined, { allowInteractions: false });
        const show = jest.spyOn(h.selectionManager, "showContextMenu");
        const event = contextMenu(h.tiles[0].element, 30, 30);
        press(h.tiles[0].element, "F10", { shiftKey: true });
        expect(show).not.toHaveBeenCalled();
        expect(event.defaultPrevented).toBe(true);
    });
});
