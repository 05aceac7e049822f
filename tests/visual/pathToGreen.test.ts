/**
 * The tile draws its path to green (jsdom, the visual's own update path): "Back within
 * tolerance by March 2026 - action at risk", the action's owner, and a worded Overdue mark with
 * data-overdue on the tile; nothing when no action field is bound.
 */
import { buildDataView } from "./helpers/buildDataView";
import { createHarness } from "./helpers/visualHarness";

const ROLES = {
    KPI: "kpi", Period: "period", End: "periodEnd", Actual: "actual", Target: "target", Polarity: "polarity", Tolerance: "tolerance",
    Owner: "owner", Action: "action", ActionOwner: "actionOwner", Due: "actionDue", ActionStatus: "actionStatus",
};
const row = (kpi: string, period: string, end: string, actual: number, due: string | null): Record<string, unknown> => ({
    KPI: kpi, Period: period, End: end, Actual: actual, Target: 0.65, Polarity: "High", Tolerance: 0.05, Owner: "Head of SEND",
    Action: due ? "Locum educational psychologists" : null, ActionOwner: due ? "Principal Educational Psychologist" : null,
    Due: due, ActionStatus: due ? "At risk" : null,
});

test("a Red tile shows its path to green and owner; an overdue one says Overdue in words", () => {
    const h = createHarness({ locale: "en-GB" });
    h.update(buildDataView([
        row("EHC plans", "2025/26 Q2", "2025-09-30", 0.56, "2026-03-31"),
        row("Overdue plans", "2025/26 Q2", "2025-09-30", 0.56, "2025-06-30"),
        row("No action", "2025/26 Q2", "2025-09-30", 0.9, null),
    ], ROLES), { width: 1200, height: 900 });
    const tile = (kpi: string): HTMLElement => h.tiles().find(el => el.dataset.kpi === kpi) as HTMLElement;
    const path = tile("EHC plans").querySelector(".kpi-tile__path");
    expect(path?.querySelector(".kpi-tile__path-summary")?.textContent).toBe("Back within tolerance by March 2026 - action at risk");
    expect(path?.querySelector(".kpi-tile__path-owner")?.textContent).toBe("Action owner: Principal Educational Psychologist");
    expect(tile("EHC plans").dataset.overdue).toBeUndefined();
    expect(tile("EHC plans").dataset.actionStatus).toBe("at-risk");
    expect(tile("Overdue plans").dataset.overdue).toBe("true");
    expect(tile("Overdue plans").querySelector(".kpi-tile__overdue")?.textContent).toBe("Overdue");
    expect(tile("No action").querySelector(".kpi-tile__path")).toBeNull();
});
