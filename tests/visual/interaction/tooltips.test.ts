import { KPIS, createHarness, failOnConsoleError, pointer, press, stubBox } from "./fixtures";

failOnConsoleError();

describe("tooltips through the host's tooltip service", () => {
    it("hovering a tile shows that tile's items with its selection id, at the pointer relative to the visual", () => {
        const h = createHarness();
        stubBox(h.root, 5, 8, 400, 300);
        const show = jest.spyOn(h.host.tooltipService, "show");
        pointer("pointermove", h.tiles[1].element.querySelector("span")!, 150, 40);
        expect(show).toHaveBeenCalledTimes(1);
        expect(show).toHaveBeenCalledWith({
            coordinates: [145, 32],
            isTouchEvent: false,
            dataItems: h.tiles[1].tooltipItems,
            identities: [h.tiles[1].selectionId],
        });
    });

    it("moving within the tile moves the tooltip; moving to another tile shows that tile's", () => {
        const h = createHarness();
        const show = jest.spyOn(h.host.tooltipService, "show");
        const move = jest.spyOn(h.host.tooltipService, "move");
        pointer("pointermove", h.tiles[0].element, 20, 30);
        pointer("pointermove", h.tiles[0].element, 25, 35);
        expect(move).toHaveBeenCalledTimes(1);
        expect(move.mock.calls[0][0].coordinates).toEqual([25, 35]);
        pointer("pointermove", h.tiles[1].element, 130, 30);
        expect(show).toHaveBeenCalledTimes(2);
        expect(show.mock.calls[1][0].dataItems).toEqual(h.tiles[1].tooltipItems);
    });

    it("the tooltip names the status reason the model wrote", () => {
        const h = createHarness([{ key: "Re-referrals", items: [
            { displayName: "Status", value: "Red: 24.1% is worse than the floor of 22.0% (lower is better)" },
        ] }]);
        const show = jest.spyOn(h.host.tooltipService, "show");
        pointer("pointermove", h.tiles[0].element, 20, 30);
        expect(show.mock.calls[0][0].dataItems?.[0].value).toContain("worse than the floor");
    });

    it("leaving the tiles (empty space, or out of the visual) hides it", () => {
        const h = createHarness();
        const hide = jest.spyOn(h.host.tooltipService, "hide");
        pointer("pointermove", h.tiles[0].element, 20, 30);
        pointer("pointermove", h.root, 390, 290);
        expect(hide).toHaveBeenCalledTimes(1);
        pointer("pointermove", h.tiles[0].element, 20, 30);
        pointer("pointerleave", h.root);
        expect(hide).toHaveBeenCalledTimes(2);
    });

    it("keyboard focus shows the tooltip over the focused tile and moving on shows the next one", () => {
        const h = createHarness();
        const show = jest.spyOn(h.host.tooltipService, "show");
        const hide = jest.spyOn(h.host.tooltipService, "hide");
        h.tiles[0].element.focus();
        // Tile 0 is drawn at (10, 20), 100 x 60: its centre.
        expect(show).toHaveBeenLastCalledWith(expect.objectContaining({ coordinates: [60, 50], dataItems: h.tiles[0].tooltipItems, identities: [h.tiles[0].selectionId] }));
        press(h.tiles[0].element, "ArrowRight");
        expect(show).toHaveBeenLastCalledWith(expect.objectContaining({ dataItems: h.tiles[1].tooltipItems }));
        press(h.tiles[1].element, "Escape");
        expect(hide).toHaveBeenCalled();
    });

    it("tooltips still show when allowInteractions is false", () => {
        const h = createHarness();
        h.bind(undefined, { allowInteractions: false });
        const show = jest.spyOn(h.host.tooltipService, "show");
        pointer("pointermove", h.tiles[2].element, 250, 40);
        h.tiles[4].element.focus();
        expect(show).toHaveBeenCalledTimes(2);
    });

    it("a tile with no tooltip items shows nothing", () => {
        const h = createHarness([{ key: KPIS[0], items: [] }]);
        const show = jest.spyOn(h.host.tooltipService, "show");
        pointer("pointermove", h.tiles[0].element, 20, 30);
        expect(show).not.toHaveBeenCalled();
    });

    it("a disabled tooltip service is left alone", () => {
        const h = createHarness();
        jest.spyOn(h.host.tooltipService, "enabled").mockReturnValue(false);
        const show = jest.spyOn(h.host.tooltipService, "show");
        pointer("pointermove", h.tiles[0].element, 20, 30);
        expect(show).not.toHaveBeenCalled();
    });

    it("an update that redraws the tiles hides a tooltip whose tile is gone", () => {
        const h = createHarness();
        const hide = jest.spyOn(h.host.tooltipService, "hide");
        pointer("pointermove", h.tiles[0].element, 20, 30);
        h.bind();
        expect(hide).toHaveBeenCalledTimes(1);
    });
});

describe("touch", () => {
    it("touching a tile shows its tooltip marked as a touch event", () => {
        const h = createHarness();
        const show = jest.spyOn(h.host.tooltipService, "show");
        const touch = new MouseEvent("pointerdown", { bubbles: true, clientX: 30, clientY: 40 });
        Object.defineProperty(touch, "pointerType", { value: "touch" });
        h.tiles[0].element.dispatchEvent(touch);
        expect(show).toHaveBeenCalledWith(expect.objectContaining({ isTouchEvent: true, dataItems: h.tiles[0].tooltipItems }));
    });

    it("a mouse press alone does not show a tooltip (hover does)", () => {
        const h = createHarness();
        const show = jest.spyOn(h.host.tooltipService, "show");
        pointer("pointerdown", h.tiles[0].element, 30, 40);
        expect(show).not.toHaveBeenCalled();
    });
});
