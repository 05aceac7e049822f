/**
 * The tile's path to green from the model: the period shown's action, "Back within tolerance by
 * March 2026 - action at risk" (Amber: "Back on target by ..."), the owner, and overdue against
 * the end of the period in view (the latest period in which any KPI has an actual), with dates
 * as Power BI hands them (Date objects) or as ISO text.
 */
import { readFileSync } from "fs";
import { join } from "path";
import powerbi from "powerbi-visuals-api";
import { buildViewModel, KpiTile, ViewModel } from "../../../src/model";
import { Localiser } from "../../../src/i18n/localiser";
import { defaultTileOptions } from "../../../src/settings";
import { buildDataView } from "../../visual/helpers/buildDataView";

const ROLES = {
    KPI: "kpi", Period: "period", End: "periodEnd", Actual: "actual", Target: "target", Polarity: "polarity", Tolerance: "tolerance",
    Action: "action", Owner: "actionOwner", Due: "actionDue", ActionStatus: "actionStatus", Updated: "actionUpdated",
};

function tiles(dataView: powerbi.DataView, locale = "en-GB"): readonly KpiTile[] {
    const vm: ViewModel = buildViewModel(dataView, { t: new Localiser(undefined, locale), options: defaultTileOptions() });
    if (vm.kind !== "tiles") throw new Error(vm.kind);
    return vm.tiles;
}

const base = { Polarity: "High", Target: 0.65, Tolerance: 0.05 };
const send = (period: string, end: unknown, actual: number, action: Record<string, unknown>): Record<string, unknown> =>
    ({ KPI: "EHC plans in 20 weeks", Period: period, End: end, Actual: actual, ...base, ...action });
const action = { Action: "Locum educational psychologists", Owner: "Head of SEND", ActionStatus: "At risk", Updated: new Date(2025, 9, 21) };

test("a Red tile: 'Back within tolerance by March 2026 - action at risk', the owner, not overdue before the date", () => {
    const [tile] = tiles(buildDataView([
        send("2025/26 Q1", new Date(2025, 5, 30), 0.58, {}),
        send("2025/26 Q2", new Date(2025, 8, 30), 0.565, { ...action, Due: new Date(2026, 2, 31) }),
    ], ROLES));
    expect(tile.status).toBe("red");
    expect(tile.pathToGreen).toMatchObject({
        summary: "Back within tolerance by March 2026 - action at risk", owner: "Head of SEND", status: "at-risk",
        action: "Locum educational psychologists", due: 20260331, overdue: false, updatedText: "21 Oct 2025",
    });
    expect(tile.ariaLabel).toContain("Back within tolerance by March 2026 - action at risk. Action owner: Head of SEND");
    expect(tile.tooltipItems.find(i => i.displayName === "Path to green")?.value).toContain("Action: Locum educational psychologists");
});

test("overdue once the period in view ends after the date: another KPI's later period counts, ISO dates too", () => {
    const rows = [
        send("2025/26 Q1", "2025-06-30", 0.565, { ...action, Due: "2025-06-30", ActionStatus: "On track" }),
        { KPI: "Other", Period: "2025/26 Q2", End: "2025-09-30", Actual: 1, Polarity: "High", Target: 1 },
    ];
    const [send1] = tiles(buildDataView(rows, ROLES));
    expect(send1.period).toBe("2025/26 Q1");
    expect(send1.pathToGreen?.overdue).toBe(true);
    expect(send1.ariaLabel).toContain("Overdue");
    // Without the later period the date has not passed (a date on the period's last day is in time).
    const [alone] = tiles(buildDataView(rows.slice(0, 1), ROLES));
    expect(alone.pathToGreen?.overdue).toBe(false);
});

test("Amber says 'Back on target by'; Welsh months; no action fields bound or empty: no path to green", () => {
    const amber = send("2025/26 Q2", "2025-09-30", 0.62, { ...action, Due: "2025-12-31", ActionStatus: "Complete" });
    const [en] = tiles(buildDataView([amber], ROLES));
    expect(en.status).toBe("amber");
    expect(en.pathToGreen?.summary).toBe("Back on target by December 2025 - action complete");
    const strings = JSON.parse(readFileSync(join(__dirname, "../../../stringResources/cy-GB/resources.resjson"), "utf8")) as Record<string, string>;
    const cy = buildViewModel(buildDataView([amber], ROLES), { t: new Localiser({ getDisplayName: k => strings[k] ?? k }, "cy-GB"), options: defaultTileOptions() });
    expect(cy.kind === "tiles" && cy.tiles[0].pathToGreen?.summary).toBe("Yn ôl ar y targed erbyn Rhagfyr 2025 - cam wedi'i gwblhau");
    const [none] = tiles(buildDataView([send("2025/26 Q2", "2025-09-30", 0.5, {})], ROLES));
    expect(none.pathToGreen ?? null).toBeNull();
    const [unbound] = tiles(buildDataView([{ KPI: "A", Actual: 1, Target: 2, Polarity: "High" }], { KPI: "kpi", Actual: "actual", Target: "target", Polarity: "polarity" }));
    expect(unbound.pathToGreen ?? null).toBeNull();
});
