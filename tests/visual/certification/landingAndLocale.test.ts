/**
 * Landing page (supportsLandingPage, supportsEmptyDataView), the "no data for this selection"
 * state, and localisation: Welsh strings when the host's locale is cy-GB.
 */
import {
    CHILDRENS_KPIS, FULL_ROLES, childrensDataView, childrensRows, failOnConsoleError, mountVisual, resources,
} from "./helpers";

failOnConsoleError();

const message = (root: HTMLElement) => root.querySelector<HTMLElement>(".kpi-message");

describe("landing page", () => {
    it.each([
        ["no dataViews at all", null],
        ["an empty dataViews list", undefined],
    ])("with %s: a guide to the fields, no tiles, a finished render", (_, dataView) => {
        const m = mountVisual({ locale: "en-GB" });
        m.update(dataView);
        const en = resources("en-GB");
        const shown = message(m.element);
        expect(shown?.hidden).toBe(false);
        expect(shown?.textContent).toContain(en.Landing_Title);
        // The guide names the two required fields by their display names.
        expect(shown?.textContent).toContain(en.Role_Kpi);
        expect(shown?.textContent).toContain(en.Role_Actual);
        expect(m.tiles()).toHaveLength(0);
        expect(m.finished).toHaveBeenCalledTimes(1);
    });

    it("with fields but no rows: 'no data for this selection', not the landing page", () => {
        const m = mountVisual({ locale: "en-GB" });
        m.update(childrensDataView(FULL_ROLES, []));
        const en = resources("en-GB");
        expect(message(m.element)?.textContent).toContain(en.NoData_Title);
        expect(message(m.element)?.textContent).not.toContain(en.Landing_Title);
        expect(m.tiles()).toHaveLength(0);
        expect(m.finished).toHaveBeenCalledTimes(1);
    });

    it("gives way to the tiles once the fields are added", () => {
        const m = mountVisual();
        m.update(undefined);
        m.update(childrensDataView(FULL_ROLES));
        expect(m.tiles().length).toBe(CHILDRENS_KPIS.length);
        expect(message(m.element)?.hidden).toBe(true);
    });
});

describe("Welsh (cy-GB)", () => {
    const cy = resources("cy-GB");
    const en = resources("en-GB");

    it("status labels on the tiles are the Welsh strings", () => {
        const m = mountVisual({ locale: "cy-GB" });
        m.update(childrensDataView(FULL_ROLES, childrensRows()));
        expect(m.tiles().length).toBeGreaterThan(0);
        for (const tile of m.tiles()) {
            const status = tile.getAttribute("data-status")!;
            const label = tile.querySelector(".kpi-tile__status-label")?.textContent?.trim();
            expect(label).toBe(cy[`Status_${status}`]);
            expect(label).not.toBe(en[`Status_${status}`]);
            expect(tile.getAttribute("aria-label")).toContain(cy[`Status_${status}`]);
        }
        expect(m.element.querySelector(".kpi-tiles-root")?.getAttribute("lang")).toBe("cy-GB");
    });

    it("the landing page is in Welsh", () => {
        const m = mountVisual({ locale: "cy-GB" });
        m.update(undefined);
        expect(message(m.element)?.textContent).toContain(cy.Landing_Title);
        expect(message(m.element)?.textContent).not.toContain(en.Landing_Intro);
    });

    it("every string key has a Welsh and an en-US translation", () => {
        const keys = Object.keys(en).sort();
        expect(Object.keys(cy).sort()).toEqual(keys);
        expect(Object.keys(resources("en-US")).sort()).toEqual(keys);
        expect(Object.entries(cy).filter(([, value]) => value.trim() === "")).toEqual([]);
    });
});
