/**
 * The path to green: the rule (src/rules/pathToGreen.ts) by its cases and as a property, and the
 * generated measures (`KPI Action ...`, `KPI Action Overdue`, parsed from the generated TMDL text)
 * evaluated by the DAX engine on the sample agree with the visual's model for every KPI in every
 * period-slicer context. The sample gives every Red and Amber value an action, some overdue, some
 * complete.
 */
import fc from "fast-check";
import { readFileSync } from "fs";
import { join } from "path";
import { columnFilter, Engine, FilterContext } from "../../dax/src/engine/evaluate";
import { loadStarModel } from "../../dax/src/engine/star";
import { parseTmdlMeasures } from "../../dax/src/expr/parse";
import { OVERDUE, PATH_TO_GREEN } from "../../dax/src/measures/pathToGreen";
import { Localiser } from "../../src/i18n/localiser";
import { isActionOverdue, parseActionStatus, toDateKey } from "../../src/rules/pathToGreen";
import type { Status } from "../../src/rules/status";
import { readDataset } from "../../scripts/preview/dataset";
import { tilesOf } from "../../scripts/pack/report";
import capabilities from "../../capabilities.json";

const ROOT = join(__dirname, "..", "..");
const STATUSES: readonly Status[] = ["blue", "green", "amber", "red", "not-rated", "no-target", "no-data", "unrecognised"];

describe("the overdue rule", () => {
    const at = (due: string | null, end: string | null, status: Status, action: string | null): boolean =>
        isActionOverdue({ due: toDateKey(due), periodEnd: toDateKey(end), status, actionStatus: parseActionStatus(action) });
    test("the date has passed and the KPI is still Red or Amber: overdue, even when the action is complete", () => {
        expect(at("2025-06-30", "2025-09-30", "red", "Complete")).toBe(true);
        expect(at("2025-06-30", "2025-09-30", "amber", "On track")).toBe(true);
    });
    test("the date has passed and the KPI is back on target: overdue only while the action is not complete", () => {
        expect(at("2025-06-30", "2025-09-30", "green", "At risk")).toBe(true);
        expect(at("2025-06-30", "2025-09-30", "green", null)).toBe(true);
        expect(at("2025-06-30", "2025-09-30", "green", "Complete")).toBe(false);
    });
    test("a date on the period's last day or later has not passed; no date or no period end is never overdue", () => {
        expect(at("2025-09-30", "2025-09-30", "red", "At risk")).toBe(false);
        expect(at("2025-12-31", "2025-09-30", "red", "At risk")).toBe(false);
        expect(at(null, "2025-09-30", "red", "At risk")).toBe(false);
        expect(at("2025-06-30", null, "red", "At risk")).toBe(false);
    });
    test("dates: ISO text or a Date at local midnight (as Power BI hands date columns); anything else is no date", () => {
        expect(toDateKey("2026-03-31")).toBe(20260331);
        expect(toDateKey("2026-03-31T00:00:00.000Z")).toBe(20260331);
        expect(toDateKey(new Date(2026, 2, 31))).toBe(20260331);
        for (const bad of ["2026-02-30", "31/03/2026", "", 45000, null, new Date(Number.NaN)]) expect(toDateKey(bad)).toBeNull();
    });
    test("action statuses in their common spellings", () => {
        expect(["On track", "on-track", "AT RISK", "Complete", "completed", "Done"].map(parseActionStatus))
            .toEqual(["on-track", "on-track", "at-risk", "complete", "complete", "complete"]);
        expect(parseActionStatus("Cancelled")).toBeNull();
    });
    test("property: overdue exactly when the date is before the period end and (off target or not complete)", () => {
        const day = fc.integer({ min: 0, max: 3000 }).map(n => new Date(Date.UTC(2023, 0, 1 + n)).toISOString().slice(0, 10));
        fc.assert(fc.property(day, day, fc.constantFrom(...STATUSES), fc.constantFrom("On track", "At risk", "Complete", null), (due, end, status, action) => {
            const expected = due < end && (status === "red" || status === "amber" || action !== "Complete");
            expect(at(due, end, status, action)).toBe(expected);
        }));
    });
});

describe("the sample's path to green, in the visual and in DAX", () => {
    const dataset = readDataset(join(ROOT, "sample", "data"));
    const tmdl = join(ROOT, "dax", "generated", "KPI Measures.tmdl");
    const measures = parseTmdlMeasures(readFileSync(tmdl, "utf8"), tmdl);
    const model = loadStarModel(join(ROOT, "sample", "data")).withMeasures(new Map(measures.map(m => [m.name, m.expression])));
    const engine = new Engine(model);
    const t = new Localiser(undefined, "en-GB");
    const periods = [...new Set(dataset.rows.map(r => r.periodIndex))].sort((a, b) => a - b);

    test("every Red and Amber value has an action with a date, an owner and a status; some are overdue, some complete", () => {
        let overdue = 0;
        let complete = 0;
        let offTrack = 0;
        for (const index of periods) {
            const tiles = tilesOf(dataset.rows.filter(r => r.periodIndex === index), capabilities as never, t);
            for (const tile of tiles.filter(x => x.status === "red" || x.status === "amber")) {
                offTrack++;
                const path = tile.pathToGreen;
                expect([tile.name, index, path?.action && path.due !== null && path.owner && path.status]).toEqual([tile.name, index, expect.anything()]);
                if (path?.overdue) overdue++;
                if (path?.status === "complete") complete++;
            }
        }
        expect(offTrack).toBeGreaterThan(50);
        expect(overdue).toBeGreaterThan(0);
        expect(complete).toBeGreaterThan(0);
        const latest = tilesOf(dataset.rows.filter(r => r.periodIndex === periods[periods.length - 1]), capabilities as never, t);
        expect(latest.filter(x => x.pathToGreen?.overdue).length).toBeGreaterThan(0);
        const red = latest.find(x => x.status === "red" && x.pathToGreen?.summary);
        expect(red?.pathToGreen?.summary).toMatch(/^Back within tolerance by (January|February|March|April|May|June|July|August|September|October|November|December) 20\d\d - action (on track|at risk|complete)$/);
    });

    test("KPI Action, KPI Action Due, KPI Action Status and KPI Action Overdue equal the tiles' for every KPI with a period slicer on each period", () => {
        let compared = 0;
        const disagreements: string[] = [];
        for (const index of periods) {
            const rows = dataset.rows.filter(r => r.periodIndex === index);
            const label = rows[0].period;
            for (const tile of tilesOf(rows, capabilities as never, t)) {
                const filter = new FilterContext([columnFilter(model, "Period", "Period", [label]), columnFilter(model, "KPI", "KPI", [tile.name])]);
                const dax = (name: string): unknown => engine.measure(name, filter);
                const path = tile.pathToGreen ?? null;
                const daxOverdue = dax(PATH_TO_GREEN.actionOverdue);
                const facts = {
                    action: [path?.action ?? null, textOrNull(dax(PATH_TO_GREEN.action))],
                    due: [path?.due ?? null, toDateKey(dax(PATH_TO_GREEN.actionDue))],
                    status: [path?.status ?? null, parseActionStatus(dax(PATH_TO_GREEN.actionStatus))],
                    overdue: [path?.overdue ?? false, daxOverdue === OVERDUE],
                };
                for (const [fact, [visual, measure]] of Object.entries(facts)) {
                    compared++;
                    if (visual !== measure) disagreements.push(`${tile.name}, ${label}, ${fact}: visual ${String(visual)}, DAX ${String(measure)}`);
                }
            }
        }
        expect(disagreements).toEqual([]);
        expect(compared).toBeGreaterThan(29 * periods.length * 4 - 1);
    });
});

function textOrNull(value: unknown): string | null {
    return typeof value === "string" && value.trim() !== "" ? value : null;
}
