/**
 * Microsoft's submission test "Add multiple versions of the visual to a single report page: all
 * display and operate properly". Power BI gives each visual its own frame; here two instances
 * share one document, which is the harder case for event handling.
 */
import powerbi from "powerbi-visuals-api";
import { createVisualHost } from "powerbi-visuals-utils-testutils";

import { INTERACTION_CLASSES } from "../../../src/interaction/contract";
import { Visual } from "../../../src/visual";
import { CHILDRENS_KPIS, FULL_ROLES, UpdateType, childrensDataView, childrensRows, failOnConsoleError } from "./helpers";

failOnConsoleError();

function instance(rows: Record<string, unknown>[]) {
    const element = document.createElement("div");
    document.body.appendChild(element);
    const host = createVisualHost({ allowInteractions: true });
    const visual = new Visual({ element, host } as powerbi.extensibility.visual.VisualConstructorOptions);
    visual.update({ dataViews: [childrensDataView(FULL_ROLES, rows)], viewport: { width: 400, height: 300 }, type: UpdateType.All } as unknown as powerbi.extensibility.visual.VisualUpdateOptions);
    return { element, host, visual, tiles: () => Array.from(element.querySelectorAll<HTMLElement>(".kpi-tile")) };
}

describe("two copies of the visual on one page", () => {
    it("each draws its own KPIs and answers only its own clicks and keys", async () => {
        document.body.replaceChildren();
        const left = instance(childrensRows(CHILDRENS_KPIS.slice(0, 3)));
        const right = instance(childrensRows(CHILDRENS_KPIS.slice(3)));
        expect(left.tiles()).toHaveLength(3);
        expect(right.tiles()).toHaveLength(CHILDRENS_KPIS.length - 3);
        const leftSelect = jest.spyOn(left.host.createSelectionManager(), "select");
        const rightSelect = jest.spyOn(right.host.createSelectionManager(), "select");
        const rightClear = jest.spyOn(right.host.createSelectionManager(), "clear");

        left.tiles()[1].dispatchEvent(new MouseEvent("click", { bubbles: true }));
        expect(leftSelect).toHaveBeenCalledTimes(1);
        expect(rightSelect).not.toHaveBeenCalled();
        expect(rightClear).not.toHaveBeenCalled();
        await Promise.resolve();
        expect(right.tiles().some(t => t.classList.contains(INTERACTION_CLASSES.dimmed))).toBe(false);

        right.tiles()[0].focus();
        right.tiles()[0].dispatchEvent(new KeyboardEvent("keydown", { key: "ArrowRight", bubbles: true, cancelable: true }));
        expect(document.activeElement).toBe(right.tiles()[1]);
        expect(left.tiles().some(t => t.classList.contains(INTERACTION_CLASSES.focused))).toBe(false);
    });

    it("destroying one leaves the other working", () => {
        document.body.replaceChildren();
        const left = instance(childrensRows(CHILDRENS_KPIS.slice(0, 2)));
        const right = instance(childrensRows(CHILDRENS_KPIS.slice(2, 4)));
        left.visual.destroy();
        const rightSelect = jest.spyOn(right.host.createSelectionManager(), "select");
        right.tiles()[0].dispatchEvent(new MouseEvent("click", { bubbles: true }));
        expect(rightSelect).toHaveBeenCalledTimes(1);
    });
});
