/**
 * Microsoft's submission tests: "Remove all fields in different orders: the visual cleans up, no
 * errors in the console" and "Open the Format Pane with each possible bucket configuration: no
 * null reference exceptions".
 */
import {
    CHILDRENS_KPIS, FULL_ROLES, PERIODS, childrensDataView, childrensRows, expectRenderingEventsBalanced, failOnConsoleError, mountVisual, seededShuffle,
} from "./helpers";

failOnConsoleError();

const FIELDS = Object.keys(FULL_ROLES);

function rolesOf(fields: readonly string[]): Record<string, string> {
    return Object.fromEntries(fields.map(field => [field, FULL_ROLES[field]]));
}

const ORDERS: [string, string[]][] = [
    ["in the order added", FIELDS],
    ["in reverse", FIELDS.slice().reverse()],
    ["KPI first", ["KPI", ...FIELDS.filter(f => f !== "KPI")]],
    ["Actual first", ["Actual", ...FIELDS.filter(f => f !== "Actual")]],
    ...[1, 2, 3, 4, 5].map((seed): [string, string[]] => [`shuffled (seed ${seed})`, seededShuffle(FIELDS, seed)]),
];

describe("removing the fields in any order", () => {
    it.each(ORDERS)("%s: every step renders without an exception, console error or lost rendering event", (_, order) => {
        const m = mountVisual();
        let remaining = FIELDS.slice();
        m.update(childrensDataView(rolesOf(remaining)));
        expect(m.tiles().length).toBeGreaterThan(0);
        let updates = 1;
        for (const field of order) {
            remaining = remaining.filter(f => f !== field);
            // Power BI sends no dataView once the last field is gone.
            m.update(remaining.length === 0 ? undefined : childrensDataView(rolesOf(remaining)));
            updates++;
            expectRenderingEventsBalanced(m, updates);
            expect(m.failed).not.toHaveBeenCalled();
            expect(() => m.visual.getFormattingModel()).not.toThrow();
            if (!remaining.includes("KPI") || !remaining.includes("Actual")) {
                // Without the required fields the tiles give way to the landing page.
                expect(m.tiles()).toHaveLength(0);
            }
        }
        expect(m.element.querySelector(".kpi-message")?.textContent?.trim()).not.toBe("");
    });
});

/**
 * Fields in families a report creator adds together (all of a family or none): 2^10 = 1024
 * bucket configurations, each rendered and then the formatting model opened. Every field on its
 * own and every field missing on its own are covered by the removal orders above.
 */
const FAMILIES: readonly (readonly string[])[] = [
    ["KPI"], ["Actual"], ["Area"], ["Period"], ["Target"], ["Polarity"],
    ["Tolerance", "Floor", "Stretch"], ["England", "Region", "Neighbours"],
    ["Q1", "Median", "Q3", "Rank", "Authorities"], ["Commentary", "Owner"],
];

describe("the formatting model with every combination of fields", () => {
    it(`opens for all ${2 ** FAMILIES.length} field combinations`, () => {
        const m = mountVisual();
        // Two KPIs over two periods: the bucket configuration is what varies here, not the volume.
        const rows = childrensRows(CHILDRENS_KPIS.slice(0, 2), PERIODS.slice(-2));
        let updates = 0;
        const failures: string[] = [];
        for (let mask = 0; mask < 2 ** FAMILIES.length; mask++) {
            const fields = FAMILIES.filter((_, i) => (mask & (1 << i)) !== 0).flat();
            m.update(fields.length === 0 ? undefined : childrensDataView(rolesOf(fields), rows));
            updates++;
            try {
                const model = m.visual.getFormattingModel();
                if (!Array.isArray(model?.cards) || model.cards.length === 0) failures.push(`${fields.join("+")}: no cards`);
            } catch (error) {
                failures.push(`${fields.join("+")}: ${String(error)}`);
            }
        }
        expect(failures).toEqual([]);
        expectRenderingEventsBalanced(m, updates);
        expect(m.failed).not.toHaveBeenCalled();
    }, 120_000);

    it("opens before the first update (the format pane of a freshly added visual)", () => {
        const m = mountVisual();
        expect(() => m.visual.getFormattingModel()).not.toThrow();
    });
});
