/**
 * The generic family's context logic, evaluated by the engine over a small star schema (no
 * bound results): one KPI or blank, the period in scope, the period target over the KPI's
 * target, the benchmark row in force for the period. Each measure is printed and the text
 * parsed back first, so what is checked is what Power BI receives.
 */
import { BLANK_VALUE, DaxValue } from "../../dax/src/evaluator/scalar";
import { columnFilter, Engine, FilterContext } from "../../dax/src/engine/evaluate";
import { Model } from "../../dax/src/engine/model";
import { starModelFromCsv } from "../../dax/src/engine/star";
import { parseExpression } from "../../dax/src/expr/parse";
import { printExpr } from "../../dax/src/expr/print";
import { allMeasures } from "../../dax/src/measures/all";
import { GENERIC } from "../../dax/src/measures/names";
import { starCsv } from "../agreement/starData";
import { kpi } from "./helpers";

const kpiRow = (id: string, name: string, extra: Record<string, string | number | null> = {}) => ({
    "KPI ID": id, "KPI": name, "Service Area": "Area", "Polarity": "High", "Format String": "0.0", "Decimals": 1, "Target": 10,
    "Owner": "Head of Service", ...extra,
});
const data = starCsv({
    kpis: [kpiRow("A", "Alpha"), kpiRow("B", "Beta", { Polarity: "  lower IS better ", Target: null, Tolerance: 0.05, "Tolerance Type": "relative" }),
        kpiRow("C", "Gamma", { Polarity: "Sideways", Tolerance: 2 }), kpiRow("D", "Delta", { Polarity: null, Owner: "Head of Service" })],
    periods: [1, 2, 3, 4, 5, 6].map(i => ({ "Period ID": `p${i}`, "Period": `P${i}`, "Period Index": i })),
    values: [
        { "KPI ID": "A", "Period ID": "p1", "Actual": 8 }, { "KPI ID": "A", "Period ID": "p2", "Actual": 9, "Period Target": 12 },
        { "KPI ID": "A", "Period ID": "p3", "Actual": null, "Data Quality": "Suppressed" },
        { "KPI ID": "A", "Period ID": "p4", "Actual": 11, "Commentary": "Better" }, { "KPI ID": "A", "Period ID": "p5", "Actual": null },
        { "KPI ID": "B", "Period ID": "p6", "Actual": 0.5 },
    ],
    benchmarks: [
        { "KPI ID": "A", "Year": "2023", "Applies From Index": 1, "England": 7, "Rank": 40, "Q1": 5, "Median": 8, "Q3": 10 },
        { "KPI ID": "A", "Year": "2024", "Applies From Index": 4, "England": 9.5, "Rank": 30, "Q1": 6, "Median": 9, "Q3": 11 },
        { "KPI ID": "B", "Year": "2024", "Applies From Index": 3, "England": 0.4 },
    ],
});
// Every measure the generator writes for these KPIs (the generic family refers to others, e.g. data quality).
const measures = allMeasures({ file: "test.yaml", kpis: ["A", "B", "C", "D"].map(id => ({ ...kpi({ polarity: "High" }), id, actualExpression: null })) });
const model: Model = starModelFromCsv(data).withMeasures(new Map(measures.map(m => [m.name, parseExpression(printExpr(m.expression))])));
const engine = new Engine(model);
const at = (name: string, kpis: string[] | null, periods: number[] | null): DaxValue => engine.measure(name, new FilterContext([
    ...(kpis ? [columnFilter(model, "KPI", "KPI ID", kpis)] : []),
    ...(periods ? [columnFilter(model, "Period", "Period Index", periods)] : []),
]));

describe("KPI Period Index", () => {
    test("the selected period, else the latest period in the selection with an actual", () => {
        expect(at(GENERIC.periodIndex, ["A"], [5])).toBe(5);
        expect(at(GENERIC.periodIndex, ["A"], null)).toBe(4);
        expect(at(GENERIC.periodIndex, ["A"], [1, 2, 3])).toBe(2);
    });
    test("blank with several KPIs", () => {
        expect(at(GENERIC.periodIndex, ["A", "B"], [2])).toBe(BLANK_VALUE);
        expect(at(GENERIC.periodIndex, null, null)).toBe(BLANK_VALUE);
    });
});

describe("KPI Actual, KPI Previous, KPI Target", () => {
    test("the value of the period in scope; the previous reported value skips blank periods", () => {
        expect(at(GENERIC.actual, ["A"], [2])).toBe(9);
        expect(at(GENERIC.actual, ["A"], [3])).toBe(BLANK_VALUE);
        expect(at(GENERIC.actual, ["A"], null)).toBe(11);
        expect(at(GENERIC.previous, ["A"], [4])).toBe(9);
        expect(at(GENERIC.previous, ["A"], [1])).toBe(BLANK_VALUE);
        expect(at(GENERIC.commentary, ["A"], null)).toBe("Better");
    });
    test("the period's own target wins, else the KPI's; blank at totals", () => {
        expect(at(GENERIC.target, ["A"], [2])).toBe(12);
        expect(at(GENERIC.target, ["A"], [4])).toBe(10);
        expect(at(GENERIC.target, ["B"], [6])).toBe(BLANK_VALUE);
        expect(at(GENERIC.target, ["A", "B"], [2])).toBe(BLANK_VALUE);
    });
});

describe("benchmarks: the row with the largest Applies From Index at or before the period", () => {
    test.each([[1, 7, 40], [3, 7, 40], [4, 9.5, 30], [6, 9.5, 30]])("period %i", (period, england, rank) => {
        expect(at(GENERIC.england, ["A"], [period])).toBe(england);
        expect(at(GENERIC.rank, ["A"], [period])).toBe(rank);
    });
    test("blank before the first row and without one", () => {
        expect(at(GENERIC.england, ["B"], [2])).toBe(BLANK_VALUE);
        expect(at(GENERIC.england, ["B"], [6])).toBe(0.4);
        expect(at(GENERIC.england, ["C"], [6])).toBe(BLANK_VALUE);
    });
    test("the rating measures read them", () => {
        expect(at(GENERIC.vsEngland, ["A"], [4])).toBe("Better");
        expect(at(GENERIC.quartileBand, ["A"], [4])).toBe("B");
        expect(at(GENERIC.status, ["A"], [4])).toBe("Green");
        expect(at(GENERIC.direction, ["A"], [4])).toBe("Improving");
    });
});

describe("definition measures", () => {
    test("KPI Polarity: canonical word, or the text as written when not recognised", () => {
        expect(at(GENERIC.polarity, ["B"], null)).toBe("Low");
        expect(at(GENERIC.polarity, ["C"], null)).toBe("Sideways");
        expect(at(GENERIC.polarity, ["D"], null)).toBe("None");
    });
    test("KPI Tolerance and KPI Tolerance % split by tolerance type", () => {
        expect(at(GENERIC.tolerance, ["C"], null)).toBe(2);
        expect(at(GENERIC.tolerancePct, ["C"], null)).toBe(BLANK_VALUE);
        expect(at(GENERIC.tolerancePct, ["B"], null)).toBe(0.05);
        expect(at(GENERIC.tolerance, ["B"], null)).toBe(BLANK_VALUE);
    });
    test("status colour, sort key and icon follow the status", () => {
        expect(at(GENERIC.status, ["A"], [5])).toBe("No data");
        expect(at(GENERIC.statusColour, ["A"], [5])).toBe("#505a5f");
        expect(at(GENERIC.statusSort, ["A"], [4])).toBe(5);
        expect(at(GENERIC.statusIcon, ["A"], [4])).toBe("\u25CF");
        expect(at(GENERIC.statusColour, ["A", "B"], null)).toBe(BLANK_VALUE);
    });
    test("KPI Owner and KPI Format String are blank with several KPIs, even when they share the value", () => {
        expect(at(GENERIC.owner, ["A", "D"], null)).toBe(BLANK_VALUE);
        expect(at(GENERIC.owner, ["A"], null)).toBe("Head of Service");
        expect(at(GENERIC.formatString, ["A"], null)).toBe("0.0");
    });
});
