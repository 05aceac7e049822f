/**
 * Microsoft's submission tests: "different data volumes (thousands of rows, 1 row, 2 rows)",
 * "resize the visual", "set the report size to minimal", and several updates in a row. Each
 * update must draw without an exception or console error and report its rendering events.
 */
import {
    CHILDRENS_KPIS, FULL_ROLES, PERIODS, UpdateType, childrensDataView, childrensRows, expectRenderingEventsBalanced,
    failOnConsoleError, mountVisual,
} from "./helpers";

failOnConsoleError();

describe("data volumes", () => {
    it("one row: one tile", () => {
        const m = mountVisual();
        m.update(childrensDataView(FULL_ROLES, childrensRows(CHILDRENS_KPIS.slice(0, 1), PERIODS.slice(0, 1))));
        expect(m.tiles()).toHaveLength(1);
        expect(m.finished).toHaveBeenCalledTimes(1);
    });

    it("two rows of one KPI (two periods): one tile with a direction of travel", () => {
        const m = mountVisual();
        m.update(childrensDataView(FULL_ROLES, childrensRows(CHILDRENS_KPIS.slice(0, 1), PERIODS.slice(0, 2))));
        expect(m.tiles()).toHaveLength(1);
        expect(m.tiles()[0].getAttribute("data-direction")).not.toBe("unknown");
        expect(m.finished).toHaveBeenCalledTimes(1);
    });

    it("two rows of two KPIs (one period): two tiles", () => {
        const m = mountVisual();
        m.update(childrensDataView(FULL_ROLES, childrensRows(CHILDRENS_KPIS.slice(0, 2), PERIODS.slice(0, 1))));
        expect(m.tiles()).toHaveLength(2);
    });

    it("thousands of rows (150 KPIs x 20 periods = 3,000 rows): every KPI is in the list, the tiles in view are built", () => {
        const kpis = Array.from({ length: 150 }, (_, i) => ({ ...CHILDRENS_KPIS[i % CHILDRENS_KPIS.length], name: `KPI ${String(i + 1).padStart(3, "0")}` }));
        const periods = Array.from({ length: 20 }, (_, i) => `${2021 + Math.floor(i / 4)}/${String(22 + Math.floor(i / 4)).slice(-2)} Q${(i % 4) + 1}`);
        const rows = childrensRows(kpis, periods);
        expect(rows).toHaveLength(3000);
        const m = mountVisual();
        const started = performance.now();
        m.update(childrensDataView(FULL_ROLES, rows));
        const elapsed = performance.now() - started;
        // Tiles out of view are not built until scrolled to; the listbox still has all 150 (aria-setsize).
        const built = m.tiles();
        expect(built.length).toBeGreaterThan(0);
        expect(built.length).toBeLessThan(150);
        for (const tile of built) expect(tile.getAttribute("aria-setsize")).toBe("150");
        expect(m.element.querySelector(".kpi-summary")?.getAttribute("aria-label")).toContain("150");
        expect(m.finished).toHaveBeenCalledTimes(1);
        // jsdom is far slower than a browser; this only catches a quadratic blow-up.
        expect(elapsed).toBeLessThan(15_000);
    }, 60_000);
});

describe("resizing", () => {
    it("to 1 x 1 px and back: no errors, and the tiles come back", () => {
        const m = mountVisual();
        const dataView = childrensDataView(FULL_ROLES);
        m.update(dataView, { width: 640, height: 480 }, UpdateType.All);
        const count = m.tiles().length;
        m.update(dataView, { width: 1, height: 1 }, UpdateType.Resize);
        m.update(dataView, { width: 0, height: 0 }, UpdateType.Resize);
        m.update(dataView, { width: 640, height: 480 }, UpdateType.Resize);
        expect(m.tiles()).toHaveLength(count);
        expectRenderingEventsBalanced(m, 4);
        expect(m.failed).not.toHaveBeenCalled();
    });

    it("through many sizes, narrow and wide", () => {
        const m = mountVisual();
        const dataView = childrensDataView(FULL_ROLES);
        const sizes = [[2000, 150], [120, 900], [300, 300], [1, 600], [600, 1], [1280, 720]];
        for (const [width, height] of sizes) m.update(dataView, { width, height }, UpdateType.Resize);
        expectRenderingEventsBalanced(m, sizes.length);
        expect(m.failed).not.toHaveBeenCalled();
    });
});

describe("several updates in a row", () => {
    it("alternating data, no data and landing page, 30 times", () => {
        const m = mountVisual();
        const full = childrensDataView(FULL_ROLES);
        const few = childrensDataView({ KPI: "kpi", Actual: "actual" }, childrensRows(CHILDRENS_KPIS.slice(0, 2)));
        const noRows = childrensDataView(FULL_ROLES, []);
        const sequence = [full, few, noRows, undefined, full, null];
        for (let i = 0; i < 30; i++) m.update(sequence[i % sequence.length]);
        expectRenderingEventsBalanced(m, 30);
        expect(m.failed).not.toHaveBeenCalled();
    });

    it("the same dataView twice draws the same tiles (no duplicates)", () => {
        const m = mountVisual();
        const dataView = childrensDataView(FULL_ROLES);
        m.update(dataView);
        const first = m.tiles().map(t => t.getAttribute("data-kpi"));
        m.update(dataView);
        expect(m.tiles().map(t => t.getAttribute("data-kpi"))).toEqual(first);
        expect(new Set(first).size).toBe(first.length);
    });
});
