/**
 * Data quality and staleness as drawn on the tiles (jsdom, the real Visual): a provisional or
 * estimated figure is marked in words and shape, a tile whose figure is older than the period in
 * view says so, and the summary strip counts it apart; in English and Welsh.
 */
import { buildDataView, FULL_ROLES } from "./helpers/buildDataView";
import { createHarness } from "./helpers/visualHarness";

const PCT = { Actual: "0.0%", Target: "0.0%" };
const ROLES = { ...FULL_ROLES, Quality: "quality" };

function row(kpi: string, period: string, actual: number | null, quality = ""): Record<string, unknown> {
    return { KPI: kpi, Area: "Front door", Period: period, Actual: actual, Target: 0.85, Polarity: "High", Tolerance: 0.02, Quality: quality };
}

const rows = [
    row("Assessments", "2025/26 Q1", 0.8), row("Assessments", "2025/26 Q2", 0.86, "Provisional"),
    row("Re-referrals", "2025/26 Q1", 0.9), row("Re-referrals", "2025/26 Q2", null, "Suppressed"),
    row("Care leavers EET", "2025/26 Q1", 0.5),
    row("Placements", "2025/26 Q1", 0.7), row("Placements", "2025/26 Q2", 0.84, "Estimated"),
];

let consoleError: jest.SpyInstance;
beforeEach(() => { consoleError = jest.spyOn(console, "error"); document.body.replaceChildren(); });
afterEach(() => {
    expect(consoleError).not.toHaveBeenCalled();
    consoleError.mockRestore();
});

function tilesByKpi(h: ReturnType<typeof createHarness>): Record<string, HTMLElement> {
    return Object.fromEntries(h.tiles().map(tile => [tile.dataset.kpi as string, tile]));
}

describe("data quality on the tiles", () => {
    test("a provisional or estimated figure: data-quality, a shape and the word beside the value, and the aria-label says it", () => {
        const h = createHarness();
        h.update(buildDataView(rows, ROLES, PCT), { width: 1400, height: 900 });
        const tiles = tilesByKpi(h);
        const provisional = tiles["Assessments"];
        expect(provisional.dataset.status).toBe("green");
        expect(provisional.dataset.quality).toBe("provisional");
        const mark = provisional.querySelector(".kpi-tile__main .kpi-tile__quality");
        expect(mark?.querySelector(".kpi-tile__quality-label")?.textContent).toBe("Provisional");
        expect(mark?.querySelector("svg[data-shape='provisional']")?.getAttribute("aria-hidden")).toBe("true");
        expect(provisional.getAttribute("aria-label")).toMatch(/Provisional/);
        const estimated = tiles["Placements"];
        expect(estimated.dataset.quality).toBe("estimated");
        expect(estimated.querySelector(".kpi-tile__quality svg")?.getAttribute("data-shape")).toBe("estimated");
        expect(estimated.querySelector(".kpi-tile__quality-label")?.textContent).toBe("Estimated");
        expect(h.events.failed).toEqual([]);
    });

    test("a tile without a figure for the period in view keeps its latest figure, says so, and the summary counts it apart", () => {
        const h = createHarness();
        h.update(buildDataView(rows, ROLES, PCT), { width: 1400, height: 900 });
        const tiles = tilesByKpi(h);
        const suppressed = tiles["Re-referrals"];
        expect(suppressed.dataset.stale).toBe("2025/26 Q2");
        expect(suppressed.querySelector(".kpi-tile__actual")?.textContent).toBe("90.0%");
        expect(suppressed.querySelector(".kpi-tile__stale-label")?.textContent).toBe("Latest 2025/26 Q1");
        expect(suppressed.querySelector(".kpi-tile__stale svg")?.getAttribute("data-shape")).toBe("stale");
        expect(suppressed.getAttribute("aria-label")).toContain("2025/26 Q2 figure suppressed; latest 2025/26 Q1");
        const missing = tiles["Care leavers EET"];
        expect(missing.getAttribute("aria-label")).toContain("No 2025/26 Q2 figure; latest 2025/26 Q1");
        expect(tiles["Assessments"].dataset.stale).toBeUndefined();
        const summary = h.element.querySelector(".kpi-summary");
        expect(summary?.getAttribute("aria-label")).toBe("4 KPIs by status: Amber: 1, Green: 1; 2 without a 2025/26 Q2 figure");
        const staleItem = summary?.querySelector(".kpi-summary__item[data-status='stale']");
        expect(staleItem?.querySelector(".kpi-summary__label")?.textContent).toBe("without a 2025/26 Q2 figure");
        expect(staleItem?.querySelector(".kpi-summary__count")?.textContent).toBe("2");
        expect(staleItem?.getAttribute("data-count")).toBe("2");
    });

    test("the period line, where shown, is the staleness sentence", () => {
        const h = createHarness();
        h.update(buildDataView(rows, ROLES, PCT), { width: 1400, height: 1400 });
        const period = tilesByKpi(h)["Care leavers EET"].querySelector(".kpi-tile__period");
        if (period) expect(period.textContent).toBe("No 2025/26 Q2 figure; latest 2025/26 Q1");
        const current = tilesByKpi(h)["Assessments"].querySelector(".kpi-tile__period");
        if (current) expect(current.textContent).toBe("2025/26 Q2");
    });

    test("in Welsh", () => {
        const h = createHarness({ locale: "cy-GB" });
        h.update(buildDataView(rows, ROLES, PCT), { width: 1400, height: 900 });
        const tiles = tilesByKpi(h);
        expect(tiles["Assessments"].querySelector(".kpi-tile__quality-label")?.textContent).toBe("Dros dro");
        expect(tiles["Care leavers EET"].querySelector(".kpi-tile__stale-label")?.textContent).toBe("Y diweddaraf 2025/26 Q1");
        expect(tiles["Care leavers EET"].getAttribute("aria-label")).toContain("Dim ffigur ar gyfer 2025/26 Q2; y diweddaraf 2025/26 Q1");
    });
});
