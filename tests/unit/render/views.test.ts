/**
 * The format pane's views and the overdue sort (src/render/order.ts over src/rules/views.ts):
 * Overdue keeps the tiles whose action is overdue; sorting by overdue date puts overdue actions
 * first, then the others by their date back within tolerance, tiles without one last.
 */
import { buildViewModel, KpiTile, TilesModel } from "../../../src/model";
import { Localiser } from "../../../src/i18n/localiser";
import { defaultTileOptions, FILTER_OPTIONS, SORT_OPTIONS } from "../../../src/settings";
import { filterTiles, sortTiles } from "../../../src/render/order";
import { buildDataView } from "../../visual/helpers/buildDataView";

const ROLES = { KPI: "kpi", Period: "period", End: "periodEnd", Actual: "actual", Target: "target", Polarity: "polarity", Tolerance: "tolerance", Stretch: "stretch", Due: "actionDue", ActionStatus: "actionStatus" };
const row = (kpi: string, actual: number, due: string | null, status: string | null): Record<string, unknown> =>
    ({ KPI: kpi, Period: "2025/26 Q2", End: "2025-09-30", Actual: actual, Target: 10, Stretch: 15, Polarity: "High", Tolerance: 1, Due: due, ActionStatus: status });

const tiles: readonly KpiTile[] = (buildViewModel(buildDataView([
    row("red later", 5, "2026-03-31", "On track"),
    row("green", 11, null, null),
    row("amber overdue", 9.5, "2025-06-30", "At risk"),
    row("red overdue", 5, "2025-03-31", "Complete"),
    row("blue", 20, null, null),
    row("red no action", 4, null, null),
], ROLES), { t: new Localiser(undefined, "en-GB"), options: { ...defaultTileOptions() } }) as TilesModel).tiles;

test("the format pane offers every view and the overdue sort", () => {
    expect(FILTER_OPTIONS).toEqual(["all", "exceptions", "good", "escalations", "overdue", "red"]);
    expect(SORT_OPTIONS).toContain("overdue");
});

test("views keep the statuses they name; Overdue keeps overdue actions only", () => {
    const keys = (filter: typeof FILTER_OPTIONS[number]): string[] => filterTiles(tiles, filter).map(t => t.key);
    expect(keys("exceptions")).toEqual(["red later", "amber overdue", "red overdue", "red no action"]);
    expect(keys("good")).toEqual(["green", "blue"]);
    expect(keys("escalations")).toEqual(["red later", "red overdue", "blue", "red no action"]);
    expect(keys("overdue")).toEqual(["amber overdue", "red overdue"]);
    expect(keys("all")).toHaveLength(6);
});

test("overdue date: overdue first (earliest date first), then by date, then the rest as delivered", () => {
    expect(sortTiles(tiles, "overdue").map(t => t.key)).toEqual(["red overdue", "amber overdue", "red later", "green", "blue", "red no action"]);
    expect(sortTiles(tiles, "none").map(t => t.key)).toEqual(tiles.map(t => t.key));
});
