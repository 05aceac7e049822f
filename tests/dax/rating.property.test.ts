/**
 * The generated DAX rates exactly as src/rules does: for thousands of random KPI definitions and
 * inputs (blanks, zero and negative targets, values on every boundary, rounding edges), the
 * status, direction, comparison, band and gap measures, evaluated with DAX's BLANK semantics,
 * return what the rules return. Both families are checked: generic (polarity, tolerance type and
 * decimals read from the model) and per-KPI (constants inlined and folded).
 */
import fc from "fast-check";
import { evaluate, DaxValue, BLANK_VALUE } from "../../dax/src/evaluator/evaluate";
import { Expr } from "../../dax/src/expr/ast";
import { printExpr } from "../../dax/src/expr/print";
import { genericMeasures } from "../../dax/src/measures/generic";
import { perKpiMeasures, previousOf } from "../../dax/src/measures/perKpi";
import { GENERIC } from "../../dax/src/measures/names";
import { COMPARISON_LABEL, DIRECTION_LABEL } from "../../dax/src/measures/labels";
import {
    compareToBenchmark, gapToTarget, parsePolarity, Polarity, POLARITY_SPELLINGS, quartileBand, rateDirection,
    rateStatus, STATUS_LABEL_EN,
} from "../../src/rules";
import { kpi } from "./helpers";
import { measure } from "../../dax/src/expr/build";
import { KpiDefinition } from "../../dax/src/dictionary/types";

const RUNS = 3000;

/** Values a council KPI meets, plus the awkward ones. */
const anyNumber: fc.Arbitrary<number> = fc.oneof(
    fc.integer({ min: -200, max: 200 }),
    fc.integer({ min: -100000, max: 100000 }).map(n => n / 1000),
    fc.integer({ min: 0, max: 10000 }).map(n => n / 10000),
    fc.constantFrom(0, -0, 0.5, 0.85, 0.853, 0.8525, 1.005, 2.675, -0.0005, 1e-10, 123456.789),
    fc.double({ min: -1e6, max: 1e6, noNaN: true, noDefaultInfinity: true }),
);
const maybe = <T>(arb: fc.Arbitrary<T>): fc.Arbitrary<T | null> => fc.option(arb, { nil: null, freq: 4 });
const decimalsArb: fc.Arbitrary<number | null> = fc.constantFrom(null, 0, 1, 2, 3, 4, -1);
const staticPolarity: fc.Arbitrary<Polarity> = fc.constantFrom("High", "Low", "Range", "None");
/** Polarity text as a KPI table might hold it: any accepted spelling in any case with stray spaces, or junk. */
const polarityText: fc.Arbitrary<string | null> = fc.oneof(
    fc.tuple(fc.constantFrom(...POLARITY_SPELLINGS.filter(s => s !== "(empty)")), fc.constantFrom("", " ", "  "), fc.boolean())
        .map(([s, pad, upper]) => pad + (upper ? s.toUpperCase() : s) + pad),
    fc.constantFrom(null, "", "Highr", "sideways", "+2", "lower better"),
);

/** An actual near one of the rule's edges (target, tolerance edges, floor, stretch) or anywhere. */
function actualNear(edges: (number | null)[]): fc.Arbitrary<number | null> {
    const present = edges.filter((e): e is number => e !== null);
    const near = present.length === 0 ? anyNumber : fc.tuple(fc.constantFrom(...present),
        fc.constantFrom(0, 0, 1e-12, -1e-12, 0.0004, -0.0004, 0.0005, -0.0005, 0.05, -0.05, 0.001, -0.001))
        .map(([e, d]) => e + d);
    return fc.oneof(maybe(anyNumber), near);
}

interface Definition {
    target: number | null; floor: number | null; stretch: number | null; tolerance: number | null;
    relative: boolean | null; decimals: number | null;
}

const definitionArb: fc.Arbitrary<Definition> = fc.record({
    target: maybe(anyNumber), floor: maybe(anyNumber), stretch: maybe(anyNumber),
    tolerance: maybe(fc.oneof(anyNumber, fc.constantFrom(0, 0.05, 0.1, 2))),
    relative: fc.constantFrom(null, false, true), decimals: decimalsArb,
});

/** Definition plus an actual derived from its edges. */
const caseArb = definitionArb.chain(d => {
    const w = d.tolerance ?? 0;
    const t = d.target ?? 0;
    const width = d.relative ? w * Math.abs(t) : w;
    const edges = [d.target, d.floor, d.stretch, d.target === null ? null : t - width, d.target === null ? null : t + width,
        d.target === null ? null : t - 2 * width, d.target === null ? null : t + 2 * width];
    return fc.record({ d: fc.constant(d), actual: actualNear(edges) });
});

const measuresByName = new Map(genericMeasures([{ ...kpi({ polarity: "High" }), id: "X", noChangeTolerance: null }]).map(m => [m.name, m]));
const genericExpr = (name: string): Expr => measuresByName.get(name)!.expression;
const label = (x: DaxValue): string | null => (x === BLANK_VALUE ? null : String(x));

function kpiColumns(d: Definition, polarity: string | null): Record<string, DaxValue | null> {
    return {
        "'KPI'[KPI ID]": "X",
        "'KPI'[Polarity]": polarity,
        "'KPI'[Floor]": d.floor,
        "'KPI'[Stretch]": d.stretch,
        "'KPI'[Tolerance]": d.tolerance,
        "'KPI'[Tolerance Type]": d.relative === null ? null : d.relative ? "relative" : "absolute",
        "'KPI'[Decimals]": d.decimals,
    };
}

function expectedStatus(d: Definition, actual: number | null, polarity: Polarity | null): string {
    return STATUS_LABEL_EN[rateStatus({
        actual, target: d.target, polarity, tolerance: d.tolerance, toleranceKind: d.relative ? "relative" : "absolute",
        floor: d.floor, stretch: d.stretch, decimals: d.decimals,
    }).status];
}

function perKpiDefinition(d: Definition, polarity: Polarity, extra: Partial<KpiDefinition> = {}): KpiDefinition {
    return kpi({
        polarity, target: d.target, floor: d.floor, stretch: d.stretch, tolerance: d.tolerance,
        toleranceType: d.relative ? "relative" : "absolute", decimals: d.decimals, ...extra,
    });
}

describe("KPI Status mirrors rateStatus", () => {
    test("generic measure, polarity and tolerance read from the KPI table", () => {
        fc.assert(fc.property(caseArb, polarityText, ({ d, actual }, text) => {
            const parsed = parsePolarity(text);
            const got = evaluate(genericExpr(GENERIC.status), {
                measures: { [GENERIC.actual]: actual, [GENERIC.target]: d.target },
                columns: kpiColumns(d, text),
            });
            expect(label(got)).toBe(expectedStatus(d, actual, parsed.ok ? parsed.polarity : null));
        }), { numRuns: RUNS });
    });

    test("per-KPI measure with the dictionary's constants inlined", () => {
        fc.assert(fc.property(caseArb, staticPolarity, ({ d, actual }, polarity) => {
            const def = perKpiDefinition(d, polarity);
            const status = perKpiMeasures(def).find(m => m.name === "Test KPI Status")!;
            const got = evaluate(status.expression, { measures: { "Test KPI": actual } });
            expect(label(got)).toBe(expectedStatus(d, actual, polarity));
        }), { numRuns: RUNS });
    });

    test("blank when several KPIs are in context", () => {
        const got = evaluate(genericExpr(GENERIC.status), {
            measures: { [GENERIC.actual]: 1, [GENERIC.target]: 1 }, columns: kpiColumns({ target: 1, floor: null, stretch: null, tolerance: null, relative: null, decimals: 1 }, "High"),
            hasOneValue: { "'KPI'[KPI ID]": false },
        });
        expect(got).toBe(BLANK_VALUE);
    });
});

const directionCase = fc.record({
    d: definitionArb,
    noChange: maybe(fc.constantFrom(0, 0.001, 0.01, 0.5, 1, -1)),
}).chain(({ d, noChange }) => {
    const edges = [d.target, 0, 1, 0.5];
    return fc.record({
        d: fc.constant(d), noChange: fc.constant(noChange),
        actual: actualNear(edges), previous: actualNear(edges),
    });
});

function expectedDirection(c: { d: Definition; noChange: number | null; actual: number | null; previous: number | null }, polarity: Polarity | null): string | null {
    return DIRECTION_LABEL[rateDirection({
        actual: c.actual, previous: c.previous, polarity, target: c.d.target, decimals: c.d.decimals,
        noChangeTolerance: c.noChange,
    }).direction];
}

describe("KPI Direction mirrors rateDirection", () => {
    test("generic measure", () => {
        fc.assert(fc.property(directionCase, polarityText, (c, text) => {
            const parsed = parsePolarity(text);
            const expr = genericMeasures([{ ...kpi({ polarity: "High" }), id: "X", noChangeTolerance: c.noChange }])
                .find(m => m.name === GENERIC.direction)!.expression;
            const got = evaluate(expr, {
                measures: { [GENERIC.actual]: c.actual, [GENERIC.previous]: c.previous, [GENERIC.target]: c.d.target },
                columns: kpiColumns(c.d, text),
            });
            expect(label(got)).toBe(expectedDirection(c, parsed.ok ? parsed.polarity : null));
        }), { numRuns: RUNS });
    });

    test("per-KPI measure, the previous period found through 'Period'[Period Index]", () => {
        const { vars } = previousOf(measure("Test KPI"));
        const key = (e: Expr): string => printExpr(e, { width: Number.MAX_SAFE_INTEGER });
        const previousIndexCall = key(vars[1].value);
        const valueCall = vars[2].value.kind === "call" ? key(vars[2].value.args[1]) : "";
        fc.assert(fc.property(directionCase, staticPolarity, (c, polarity) => {
            const def = perKpiDefinition(c.d, polarity, { noChangeTolerance: c.noChange });
            const direction = perKpiMeasures(def).find(m => m.name === "Test KPI Direction")!;
            const got = evaluate(direction.expression, {
                measures: { "Test KPI": c.actual },
                columns: { "'Period'[Period Index]": 5 },
                calls: { [previousIndexCall]: c.previous === null ? null : 4, [valueCall]: c.previous },
            });
            expect(label(got)).toBe(expectedDirection(c, polarity));
        }), { numRuns: RUNS });
    });
});

describe("benchmark measures mirror compareToBenchmark and quartileBand", () => {
    const comparisons: [string, string][] = [[GENERIC.vsEngland, GENERIC.england], [GENERIC.vsRegion, GENERIC.region], [GENERIC.vsNeighbours, GENERIC.neighbours]];
    test.each(comparisons)("%s", (name, benchmarkMeasure) => {
        fc.assert(fc.property(maybe(anyNumber), maybe(anyNumber), decimalsArb, maybe(fc.constantFrom(0, 0.01, 0.5, -1)), polarityText,
            (actual, benchmark, decimals, similarity, text) => {
                const parsed = parsePolarity(text);
                const expr = genericMeasures([{ ...kpi({ polarity: "High" }), id: "X", similarityTolerance: similarity }])
                    .find(m => m.name === name)!.expression;
                const got = evaluate(expr, {
                    measures: { [GENERIC.actual]: actual, [benchmarkMeasure]: benchmark },
                    columns: kpiColumns({ target: null, floor: null, stretch: null, tolerance: null, relative: null, decimals }, text),
                });
                const expected = compareToBenchmark({ actual, benchmark, polarity: parsed.ok ? parsed.polarity : null, decimals, similarity });
                expect(label(got)).toBe(expected === null ? null : COMPARISON_LABEL[expected]);
            }), { numRuns: RUNS / 3 });
    });

    test("KPI Quartile Band", () => {
        const sorted = fc.tuple(anyNumber, anyNumber, anyNumber).map(q => [...q].sort((a, b) => a - b));
        const cuts = fc.oneof(sorted, fc.tuple(maybe(anyNumber), maybe(anyNumber), maybe(anyNumber)));
        const arb = cuts.chain(q => fc.record({ q: fc.constant(q), value: actualNear(q) }));
        fc.assert(fc.property(arb, decimalsArb, polarityText, ({ q, value }, decimals, text) => {
            const parsed = parsePolarity(text);
            const got = evaluate(genericExpr(GENERIC.quartileBand), {
                measures: { [GENERIC.actual]: value, [GENERIC.q1]: q[0], [GENERIC.median]: q[1], [GENERIC.q3]: q[2] },
                columns: kpiColumns({ target: null, floor: null, stretch: null, tolerance: null, relative: null, decimals }, text),
            });
            expect(label(got)).toBe(quartileBand({ value, q1: q[0], median: q[1], q3: q[2], polarity: parsed.ok ? parsed.polarity : null }));
        }), { numRuns: RUNS });
    });
});

describe("KPI Gap and KPI Gap % mirror gapToTarget", () => {
    test("gap and ratio", () => {
        fc.assert(fc.property(caseArb, ({ d, actual }) => {
            const context = { measures: { [GENERIC.actual]: actual, [GENERIC.target]: d.target }, columns: kpiColumns(d, "High") };
            const gap = evaluate(genericExpr(GENERIC.gap), context);
            const ratio = evaluate(genericExpr(GENERIC.gapPct), context);
            const expected = gapToTarget(actual, d.target, "High", d.decimals);
            expect(gap === BLANK_VALUE ? null : gap).toBe(expected === null ? null : expected.gap);
            expect(ratio === BLANK_VALUE ? null : ratio).toBe(expected === null ? null : expected.gapRatio);
        }), { numRuns: RUNS });
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
    cases.forEach(([d, actual, polarity], i) => {
        const got = evaluate(genericExpr(GENERIC.status), { measures: { [GENERIC.actual]: actual, [GENERIC.target]: d.target }, columns: kpiColumns(d, polarity) });
        expect([i, got]).toEqual([i, expected[i]]);
        expect(expectedStatus(d, actual, polarity)).toBe(expected[i]);
    });
});
