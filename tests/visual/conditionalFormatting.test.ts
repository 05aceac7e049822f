import powerbi from "powerbi-visuals-api";
import { buildDataView, FULL_ROLES } from "./helpers/buildDataView";
import { createHarness } from "./helpers/visualHarness";
import { conditionalColours } from "../../src/model/conditionalColours";
import { VisualSettings } from "../../src/settings";
import { DEFAULT_STATUS_COLOURS } from "../../src/rules";

const PCT = { Actual: "0.0%", Target: "0.0%" };

function rows(): Record<string, unknown>[] {
    const row = (kpi: string, period: string, actual: number) => ({ KPI: kpi, Area: "Front door", Period: period, Actual: actual, Target: 0.85, Polarity: "High", Tolerance: 0.02 });
    return [row("Assessments", "Q1", 0.5), row("Assessments", "Q2", 0.5), row("Visits", "Q1", 0.5), row("Visits", "Q2", 0.5), row("Plans", "Q2", 0.5)];
}

/** The dataView with conditional formatting's per-row results, as Power BI hands them: category objects by row. */
function withFx(perRow: (kpi: string, row: number) => powerbi.DataViewObjects | undefined): powerbi.DataView {
    const dv = buildDataView(rows(), FULL_ROLES, PCT);
    const kpi = (dv.categorical?.categories ?? []).find(c => c.source.roles?.kpi) as powerbi.DataViewCategoryColumn;
    kpi.objects = kpi.values.map((v, row) => perRow(String(v), row) ?? {});
    return dv;
}

const fill = (color: unknown): unknown => ({ solid: { color } });
/** The statusColours object of one row, as the host writes it. */
const colours = (properties: Record<string, unknown>): powerbi.DataViewObjects => ({ statusColours: properties }) as unknown as powerbi.DataViewObjects;

beforeEach(() => document.body.replaceChildren());

describe("conditional formatting (fx) of the status and accent colours", () => {
    test("the colour slices allow rules: instanceKind ConstantOrRule with a dataView wildcard selector", () => {
        const card = new VisualSettings().statusColours;
        for (const slice of [card.red, card.amber, card.green, card.blue, card.notRated, card.noData, card.accent]) {
            expect((slice as unknown as { instanceKind: number }).instanceKind).toBe(3);
            expect((slice as unknown as { selector: unknown }).selector).toEqual({ data: [{ dataViewWildcard: { matchingOption: 0 } }] });
        }
        expect((card.showShapes as unknown as { instanceKind?: number }).instanceKind).toBeUndefined();
    });

    test("a KPI's rule colour replaces its status colour on its tile only; other tiles keep the format pane's", () => {
        const h = createHarness();
        h.update(withFx(kpi => (kpi === "Visits" ? colours({ red: fill("#6f2dbd") }) : undefined)));
        const border = (kpi: string) => (h.element.querySelector(`[data-kpi="${kpi}"]`) as HTMLElement).style.borderTopColor;
        expect(h.tiles().map(t => t.dataset.status)).toEqual(["red", "red", "red"]);
        expect(border("Visits")).toBe("rgb(111, 45, 189)");
        expect(border("Assessments")).not.toBe("rgb(111, 45, 189)");
        // The status word is drawn in the KPI's colour too (made readable on the tile, as every status colour).
        expect((h.element.querySelector('[data-kpi="Visits"] .kpi-tile__status') as HTMLElement).style.color).not.toBe("");
        expect(h.events.failed).toEqual([]);
    });

    test("the accent rule draws a bar on the KPI's tile; a colour that is not a colour notation is ignored", () => {
        const h = createHarness();
        h.update(withFx(kpi => (kpi === "Plans" ? colours({ accent: fill("#00703c") })
            : kpi === "Visits" ? colours({ red: fill("url(https://example.org/x)"), accent: fill("expression(alert(1))") }) : undefined)));
        const tile = (kpi: string) => h.element.querySelector(`[data-kpi="${kpi}"]`) as HTMLElement;
        expect(tile("Plans").style.borderLeft).toBe("4px solid rgb(0, 112, 60)");
        expect(tile("Visits").style.borderLeft).toBe("");
        expect(tile("Visits").style.borderTopColor).toBe(tile("Assessments").style.borderTopColor);
    });

    test("conditionalColours: the last row with a colour wins; rows without objects, blank KPIs and non-colours are skipped", () => {
        const dv = withFx((kpi, row) => (row === 0 ? colours({ green: fill("#111111") }) : row === 1 ? colours({ green: fill("#222222") })
            : row === 2 ? colours({ amber: fill(42) }) : undefined));
        const read = conditionalColours(dv);
        expect(read.get("Assessments")).toEqual({ green: "#222222" });
        expect(read.has("Visits")).toBe(false);
        expect(conditionalColours(undefined).size).toBe(0);
        expect(DEFAULT_STATUS_COLOURS.green).not.toBe("#222222");
    });
});
