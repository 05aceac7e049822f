/**
 * The generated DAX rates exactly as src/rules does: for thousands of random KPI definitions and
 * inputs (blanks, zero and negative targets, values on every boundary, rounding edges), the
 * status, direction, comparison, band and gap measures, printed as Power BI receives them, parsed
 * back and evaluated by the engine with DAX's BLANK semantics, return what the rules return.
 * Both families are checked: generic (polarity, tolerance type and decimals read from the KPI
 * table) and per-KPI (constants inlined and folded; the direction over a real Period table).
 * The checks live in ratingChecks.ts so printer-mutations.test.ts can run them with broken printers.
 */
import fc from "fast-check";
import { BLANK_VALUE } from "../../dax/src/evaluator/scalar";
import { Engine } from "../../dax/src/engine/evaluate";
import { printExpr } from "../../dax/src/expr/print";
import { GENERIC } from "../../dax/src/measures/names";
import { Polarity } from "../../src/rules";
import {
    bandProperty, comparisonProperty, Definition, evaluateGeneric, expectedStatus, gapProperty, genericDirectionProperty,
    genericStatusProperty, kpiModel, printedMeaningProperty, perKpiDirectionProperty, perKpiStatusProperty, writtenGeneric,
} from "./ratingChecks";

const RUNS = 3000;
const print = (e: Parameters<typeof printExpr>[0]): string => printExpr(e);

test("the printed text means what the tree means (operators, IF, NOT, BLANK, precedence)", () => {
    fc.assert(printedMeaningProperty(print), { numRuns: RUNS });
});

describe("KPI Status mirrors rateStatus", () => {
    test("generic measure, polarity and tolerance read from the KPI table", () => {
        fc.assert(genericStatusProperty(print), { numRuns: RUNS });
    });
    test("per-KPI measure with the dictionary's constants inlined", () => {
        fc.assert(perKpiStatusProperty(print), { numRuns: RUNS });
    });
    test("blank when several KPIs are in context", () => {
        const d: Definition = { target: 1, floor: null, stretch: null, tolerance: null, relative: null, decimals: 1 };
        const model = kpiModel([{ id: "X", d, polarity: "High" }, { id: "Y", d, polarity: "High" }]);
        const got = new Engine(model, { measureValues: { [GENERIC.actual]: 1, [GENERIC.target]: 1 } }).evaluate(writtenGeneric(print, GENERIC.status));
        expect(got).toBe(BLANK_VALUE);
    });
});

describe("KPI Direction mirrors rateDirection", () => {
    test("generic measure", () => {
        fc.assert(genericDirectionProperty(print), { numRuns: RUNS });
    });
    test("per-KPI measure, the previous reported period found through 'Period'[Period Index] by the engine", () => {
        fc.assert(perKpiDirectionProperty(print), { numRuns: RUNS / 3 });
    });
});

describe("benchmark measures mirror compareToBenchmark and quartileBand", () => {
    test.each([[GENERIC.vsEngland, GENERIC.england], [GENERIC.vsRegion, GENERIC.region], [GENERIC.vsNeighbours, GENERIC.neighbours]])(
        "%s", (name, benchmark) => {
            fc.assert(comparisonProperty(print, name, benchmark), { numRuns: RUNS / 3 });
        });
    test("KPI Quartile Band", () => {
        fc.assert(bandProperty(print), { numRuns: RUNS });
    });
});

describe("KPI Gap and KPI Gap % mirror gapToTarget", () => {
    test("gap and ratio", () => {
        fc.assert(gapProperty(print), { numRuns: RUNS });
    });
});

test("named boundary cases agree (on target, tolerance edge, floor, stretch, 85.0% vs 85.0%)", () => {
    const cases: [Definition, number, Polarity][] = [
        [{ target: 0.85, floor: null, stretch: null, tolerance: 0.05, relative: false, decimals: 3 }, 0.8499999, "High"],
        [{ target: 0.85, floor: null, stretch: null, tolerance: 0.05, relative: false, decimals: 3 }, 0.8, "High"],
        [{ target: 0.85, floor: 0.8, stretch: 0.95, tolerance: null, relative: null, decimals: 3 }, 0.8, "High"],
        [{ target: 0.85, floor: 0.8, stretch: 0.95, tolerance: null, relative: null, decimals: 3 }, 0.95, "High"],
        [{ target: 0.2, floor: null, stretch: null, tolerance: 0.1, relative: true, decimals: 3 }, 0.22, "Low"],
        [{ target: 18, floor: null, stretch: null, tolerance: 2, relative: false, decimals: 0 }, 22, "Range"],
        [{ target: 0, floor: null, stretch: null, tolerance: null, relative: null, decimals: 1 }, 0.1 + 0.2 - 0.3, "Low"],
    ];
    const expected = ["Green", "Amber", "Amber", "Blue", "Amber", "Amber", "Green"];
    const status = writtenGeneric(print, GENERIC.status);
    cases.forEach(([d, actual, polarity], i) => {
        const got = evaluateGeneric(status, d, polarity, { [GENERIC.actual]: actual, [GENERIC.target]: d.target });
        expect([i, got]).toEqual([i, expected[i]]);
        expect(expectedStatus(d, actual, polarity)).toBe(expected[i]);
    });
});
