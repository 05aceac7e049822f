/**
 * The data-quality and staleness measures (dax/src/measures/quality.ts), printed and parsed back,
 * evaluated by the engine over a small star schema; and the visual fed through SUMMARIZECOLUMNS
 * with `[KPI Data Quality]` bound to its `quality` role agrees with them tile by tile.
 */
import { BLANK_VALUE, DaxValue } from "../../dax/src/evaluator/scalar";
import { columnFilter, Engine, FilterContext } from "../../dax/src/engine/evaluate";
import { starModelFromCsv } from "../../dax/src/engine/star";
import { parseExpression } from "../../dax/src/expr/parse";
import { printExpr } from "../../dax/src/expr/print";
import { allMeasures } from "../../dax/src/measures/all";
import { GENERIC } from "../../dax/src/measures/names";
import { QUALITY_MEASURES } from "../../dax/src/measures/quality";
import { TILE_ROLE_BINDINGS } from "../../scripts/pbip/report/pages";
import { starCsv } from "../agreement/starData";
import { visualTiles } from "../agreement/harness";
import { kpi } from "./helpers";

const kpiRow = (id: string, name: string) => ({
    "KPI ID": id, "KPI": name, "Service Area": "Area", "Polarity": "High", "Format String": "0.0%", "Decimals": 3, "Target": 0.85, "Sort Order": id.charCodeAt(0),
});
const data = starCsv({
    kpis: [kpiRow("A", "Assessments"), kpiRow("B", "Re-referrals"), kpiRow("C", "Care leavers EET"), kpiRow("D", "Placements"), kpiRow("E", "Adoptions")],
    periods: [{ "Period ID": "q1", "Period": "2025/26 Q1", "Period Index": 1 }, { "Period ID": "q2", "Period": "2025/26 Q2", "Period Index": 2 }],
    values: [
        { "KPI ID": "A", "Period ID": "q1", "Actual": 0.8 }, { "KPI ID": "A", "Period ID": "q2", "Actual": 0.86, "Data Quality": "Provisional" },
        // A suppressed figure that arrives with a value: withheld, by the visual and by the measures.
        { "KPI ID": "B", "Period ID": "q1", "Actual": 0.9, "Data Quality": "final" }, { "KPI ID": "B", "Period ID": "q2", "Actual": 0.95, "Data Quality": "Suppressed" },
        { "KPI ID": "C", "Period ID": "q1", "Actual": 0.5 },
        { "KPI ID": "D", "Period ID": "q1", "Actual": 0.7 }, { "KPI ID": "D", "Period ID": "q2", "Data Quality": "Not returned" },
        { "KPI ID": "E", "Period ID": "q1", "Actual": 0.7, "Data Quality": "Estimated" }, { "KPI ID": "E", "Period ID": "q2", "Actual": 0.84, "Data Quality": "Estimated" },
    ],
});
const measures = allMeasures({ file: "test.yaml", kpis: ["A", "B", "C", "D", "E"].map(id => ({ ...kpi({ polarity: "High" }), id, actualExpression: null })) });
const model = starModelFromCsv(data).withMeasures(new Map(measures.map(m => [m.name, parseExpression(printExpr(m.expression))])));
const engine = new Engine(model);
const js = (v: DaxValue): unknown => (v === BLANK_VALUE ? null : v);

function at(measureName: string, kpiName: string, period?: string): unknown {
    const filters = [columnFilter(model, "KPI", "KPI", [kpiName])];
    if (period) filters.push(columnFilter(model, "Period", "Period", [period]));
    return js(engine.measure(measureName, new FilterContext(filters)));
}

const NAMES = ["Assessments", "Re-referrals", "Care leavers EET", "Placements", "Adoptions"];

describe("the measures", () => {
    test("they are in the generated list, hidden helper included", () => {
        const names = measures.map(m => m.name);
        for (const name of Object.values(QUALITY_MEASURES)) expect(names).toContain(name);
        expect(measures.find(m => m.name === QUALITY_MEASURES.periodInView)?.isHidden).toBe(true);
    });

    test("KPI Data Quality: the quality of the value the measures evaluate; Final for an empty cell; blank without a row", () => {
        expect(NAMES.map(n => at(QUALITY_MEASURES.dataQuality, n))).toEqual(["Provisional", "Final", "Final", "Final", "Estimated"]);
        expect(NAMES.map(n => at(QUALITY_MEASURES.dataQuality, n, "2025/26 Q2"))).toEqual(["Provisional", "Suppressed", null, "Not returned", "Estimated"]);
    });

    test("a suppressed or not-returned row is no figure: KPI Actual is blank there, and the latest figure is the one before", () => {
        expect(at(GENERIC.actual, "Re-referrals", "2025/26 Q2")).toBeNull();
        expect(at(GENERIC.status, "Re-referrals", "2025/26 Q2")).toBe("No data");
        expect(at(GENERIC.actual, "Re-referrals")).toBe(0.9);
        expect(at(GENERIC.periodIndex, "Re-referrals")).toBe(1);
    });

    test("KPI Latest Period, KPI Period In View and KPI Is Stale", () => {
        expect(NAMES.map(n => at(QUALITY_MEASURES.latestPeriod, n))).toEqual(["2025/26 Q2", "2025/26 Q1", "2025/26 Q1", "2025/26 Q1", "2025/26 Q2"]);
        expect(at(QUALITY_MEASURES.periodInView, "Care leavers EET")).toBe(2);
        expect(NAMES.map(n => at(QUALITY_MEASURES.isStale, n))).toEqual([0, 1, 1, 1, 0]);
        // With one period selected, a KPI with no figure for it is no data, not stale.
        expect(at(QUALITY_MEASURES.isStale, "Care leavers EET", "2025/26 Q2")).toBeNull();
    });
});

describe("the visual agrees", () => {
    const bindings = { ...TILE_ROLE_BINDINGS, quality: { kind: "Measure" as const, table: "KPI Measures", property: QUALITY_MEASURES.dataQuality } };

    test("tile by tile: quality, the period shown, staleness", () => {
        const { tiles } = visualTiles(engine, [], bindings);
        expect(tiles.map(tile => tile.name)).toEqual(NAMES);
        for (const tile of tiles) {
            expect([tile.name, tile.quality]).toEqual([tile.name, at(QUALITY_MEASURES.dataQuality, tile.name)]);
            expect([tile.name, tile.period]).toEqual([tile.name, at(QUALITY_MEASURES.latestPeriod, tile.name)]);
            expect([tile.name, tile.stale ? 1 : 0]).toEqual([tile.name, at(QUALITY_MEASURES.isStale, tile.name)]);
        }
        expect(tiles.find(tile => tile.name === "Re-referrals")?.stale?.text).toBe("2025/26 Q2 figure suppressed; latest 2025/26 Q1");
    });

    test("with a period slicer: a withheld figure is no data on both sides", () => {
        const filters = [columnFilter(model, "Period", "Period", ["2025/26 Q2"])];
        const { tiles } = visualTiles(engine, filters, bindings);
        const tile = tiles.find(x => x.name === "Re-referrals");
        expect(tile).toMatchObject({ status: "no-data", actualText: "Suppressed", quality: "Suppressed" });
        expect(tiles.every(x => !x.stale)).toBe(true);
    });
});
