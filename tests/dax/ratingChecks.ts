/**
 * The agreement checks between src/rules and the generated DAX, as fast-check properties over
 * a printer: each measure is printed, the text parsed back (dax/src/expr/parse.ts) and the
 * parsed tree evaluated by the engine over a one-KPI model, so what is checked is the text a
 * council pastes into Power BI. rating.property.test.ts runs them with the real printer;
 * printer-mutations.test.ts runs them with broken printers and expects each to fail.
 */
import fc from "fast-check";
import { BLANK_VALUE, DaxValue } from "../../dax/src/evaluator/scalar";
import { Engine, FilterContext, columnFilter } from "../../dax/src/engine/evaluate";
import { Model, Row } from "../../dax/src/engine/model";
import { Expr } from "../../dax/src/expr/ast";
import { parseExpression } from "../../dax/src/expr/parse";
import { genericMeasures } from "../../dax/src/measures/generic";
import { perKpiMeasures } from "../../dax/src/measures/perKpi";
import { GENERIC } from "../../dax/src/measures/names";
import { COMPARISON_LABEL, DIRECTION_LABEL } from "../../dax/src/measures/labels";
import { KpiDefinition } from "../../dax/src/dictionary/types";
import {
    compareToBenchmark, gapToTarget, parsePolarity, Polarity, POLARITY_SPELLINGS, quartileBand, rateDirection,
    rateStatus, STATUS_LABEL_EN,
} from "../../src/rules";
import { kpi } from "./helpers";

export type Printer = (e: Expr) => string;

/** Values a council KPI meets, plus the awkward ones. */
export const anyNumber: fc.Arbitrary<number> = fc.oneof(
    fc.integer({ min: -200, max: 200 }),
    fc.integer({ min: -100000, max: 100000 }).map(n => n / 1000),
    fc.integer({ min: 0, max: 10000 }).map(n => n / 10000),
    fc.constantFrom(0, -0, 0.5, 0.85, 0.853, 0.8525, 1.005, 2.675, -0.0005, 1e-10, 123456.789),
    fc.double({ min: -1e6, max: 1e6, noNaN: true, noDefaultInfinity: true }),
);
export const maybe = <T>(arb: fc.Arbitrary<T>): fc.Arbitrary<T | null> => fc.option(arb, { nil: null, freq: 4 });
const decimalsArb: fc.Arbitrary<number | null> = fc.constantFrom(null, 0, 1, 2, 3, 4, -1);
export const staticPolarity: fc.Arbitrary<Polarity> = fc.constantFrom("High", "Low", "Range", "None");
/** Polarity text as a KPI table might hold it: any accepted spelling in any case with stray spaces, or junk. */
export const polarityText: fc.Arbitrary<string | null> = fc.oneof(
    fc.tuple(fc.constantFrom(...POLARITY_SPELLINGS.filter(s => s !== "(empty)")), fc.constantFrom("", " ", "  "), fc.boolean())
        .map(([s, pad, upper]) => pad + (upper ? s.toUpperCase() : s) + pad),
    fc.constantFrom(null, "", "Highr", "sideways", "+2", "lower better"),
);

/** An actual near one of the rule's edges (target, tolerance edges, floor, stretch) or anywhere. */
export function actualNear(edges: (number | null)[]): fc.Arbitrary<number | null> {
    const present = edges.filter((e): e is number => e !== null);
    const near = present.length === 0 ? anyNumber : fc.tuple(fc.constantFrom(...present),
        fc.constantFrom(0, 0, 1e-12, -1e-12, 0.0004, -0.0004, 0.0005, -0.0005, 0.05, -0.05, 0.001, -0.001))
        .map(([e, d]) => e + d);
    return fc.oneof(maybe(anyNumber), near);
}

export interface Definition {
    target: number | null; floor: number | null; stretch: number | null; tolerance: number | null;
    relative: boolean | null; decimals: number | null;
}

export const definitionArb: fc.Arbitrary<Definition> = fc.record({
    target: maybe(anyNumber), floor: maybe(anyNumber), stretch: maybe(anyNumber),
    tolerance: maybe(fc.oneof(anyNumber, fc.constantFrom(0, 0.05, 0.1, 2))),
    relative: fc.constantFrom(null, false, true), decimals: decimalsArb,
});

/** Definition plus an actual derived from its edges. */
export const caseArb = definitionArb.chain(d => {
    const w = d.tolerance ?? 0;
    const t = d.target ?? 0;
    const width = d.relative ? w * Math.abs(t) : w;
    const edges = [d.target, d.floor, d.stretch, d.target === null ? null : t - width, d.target === null ? null : t + width,
        d.target === null ? null : t - 2 * width, d.target === null ? null : t + 2 * width];
    return fc.record({ d: fc.constant(d), actual: actualNear(edges) });
});

const NO_DEFINITION: Definition = { target: null, floor: null, stretch: null, tolerance: null, relative: null, decimals: null };
const toDaxValue = (x: string | number | null): DaxValue => (x === null ? BLANK_VALUE : x);
export const label = (x: DaxValue): string | null => (x === BLANK_VALUE ? null : String(x));

/**
 * A format string that shows `decimals` stored decimals (the generic measures take the precision
 * from the format string); for decimals no listed format shows, a format the generator never saw,
 * so the measures fall back to the Decimals column.
 */
function formatShowing(decimals: number | null): string {
    const formats: Record<number, string> = { 0: "0", 1: "0.0", 2: "0.00", 3: "0.0%", 4: "0.00%" };
    return decimals === null ? "General" : formats[decimals] ?? "0.0 \"not in the dictionary\"";
}

/** The KPI table of a model with these KPIs (the columns the generic measures read). */
export function kpiModel(kpis: readonly { id: string; d: Definition; polarity: string | null }[]): Model {
    const columns = ["KPI ID", "Polarity", "Target", "Floor", "Stretch", "Tolerance", "Tolerance Type", "Decimals", "Format String", "Owner"];
    const rows: Row[] = kpis.map(({ id, d, polarity }) => ({
        "KPI ID": id, "Polarity": toDaxValue(polarity), "Target": toDaxValue(d.target), "Floor": toDaxValue(d.floor),
        "Stretch": toDaxValue(d.stretch), "Tolerance": toDaxValue(d.tolerance),
        "Tolerance Type": d.relative === null ? BLANK_VALUE : d.relative ? "relative" : "absolute",
        "Decimals": toDaxValue(d.decimals), "Format String": formatShowing(d.decimals), "Owner": BLANK_VALUE,
    }));
    return new Model([{ name: "KPI", columns, rows }], []);
}

const written = new WeakMap<Printer, Map<string, Expr>>();

/** A generic measure as written: printed, parsed back (once per printer, measure and overrides). */
export function writtenGeneric(print: Printer, name: string, overrides: Partial<KpiDefinition> = {}): Expr {
    const byKey = written.get(print) ?? new Map<string, Expr>();
    written.set(print, byKey);
    const key = `${name}\u0001${JSON.stringify(overrides)}`;
    const cached = byKey.get(key);
    if (cached) return cached;
    const m = genericMeasures([{ ...kpi({ polarity: "High" }), id: "X", ...overrides }]).find(x => x.name === name);
    if (!m) throw new Error(`no generic measure ${name}`);
    const expr = parseExpression(print(m.expression), { source: name });
    byKey.set(key, expr);
    return expr;
}

/** Evaluate a written generic measure for one KPI (polarity text and definition in the KPI table), other measures given. */
export function evaluateGeneric(expr: Expr, d: Definition, polarity: string | null, measures: Record<string, DaxValue | null>): DaxValue {
    return new Engine(kpiModel([{ id: "X", d, polarity }]), { measureValues: measures }).evaluate(expr);
}

export function expectedStatus(d: Definition, actual: number | null, polarity: Polarity | null): string {
    return STATUS_LABEL_EN[rateStatus({
        actual, target: d.target, polarity, tolerance: d.tolerance, toleranceKind: d.relative ? "relative" : "absolute",
        floor: d.floor, stretch: d.stretch, decimals: d.decimals,
    }).status];
}

function perKpiDefinition(d: Definition, polarity: Polarity, extra: Partial<KpiDefinition> = {}): KpiDefinition {
    return kpi({
        polarity, target: d.target, floor: d.floor, stretch: d.stretch, tolerance: d.tolerance,
        toleranceType: d.relative ? "relative" : "absolute", decimals: d.decimals,
        actualExpression: "SUM ( 'KPI Values'[Actual] )", ...extra,
    });
}

/** Fails (throws) when the check disagrees; `true` otherwise (fast-check property body). */
function agree(got: unknown, expected: unknown): boolean {
    if (got !== expected) throw new Error(`DAX gives ${String(got)}, src/rules gives ${String(expected)}`);
    return true;
}

export function genericStatusProperty(print: Printer): fc.IPropertyWithHooks<[{ d: Definition; actual: number | null }, string | null]> {
    const expr = writtenGeneric(print, GENERIC.status);
    return fc.property(caseArb, polarityText, ({ d, actual }, text) => {
        const parsed = parsePolarity(text);
        const got = evaluateGeneric(expr, d, text, { [GENERIC.actual]: actual, [GENERIC.target]: d.target });
        return agree(label(got), expectedStatus(d, actual, parsed.ok ? parsed.polarity : null));
    });
}

/** Per-KPI status: the dictionary's constants inlined and folded, the KPI's own measure given. */
export function perKpiStatusProperty(print: Printer): fc.IPropertyWithHooks<[{ d: Definition; actual: number | null }, Polarity]> {
    return fc.property(caseArb, staticPolarity, ({ d, actual }, polarity) => {
        const status = perKpiMeasures(perKpiDefinition(d, polarity)).find(m => m.name === "Test KPI Status")!;
        const expr = parseExpression(print(status.expression));
        const got = new Engine(new Model([], []), { measureValues: { "Test KPI": actual } }).evaluate(expr);
        return agree(label(got), expectedStatus(d, actual, polarity));
    });
}

export const directionCase = fc.record({
    d: definitionArb,
    noChange: maybe(fc.constantFrom(0, 0.001, 0.01, 0.5, 1, -1)),
}).chain(({ d, noChange }) => {
    const edges = [d.target, 0, 1, 0.5];
    return fc.record({
        d: fc.constant(d), noChange: fc.constant(noChange),
        actual: actualNear(edges), previous: actualNear(edges),
    });
});
type DirectionCase = { d: Definition; noChange: number | null; actual: number | null; previous: number | null };

export function expectedDirection(c: DirectionCase, polarity: Polarity | null): string | null {
    return DIRECTION_LABEL[rateDirection({
        actual: c.actual, previous: c.previous, polarity, target: c.d.target, decimals: c.d.decimals,
        noChangeTolerance: c.noChange,
    }).direction];
}

export function genericDirectionProperty(print: Printer): fc.IPropertyWithHooks<[DirectionCase, string | null]> {
    return fc.property(directionCase, polarityText, (c, text) => {
        const parsed = parsePolarity(text);
        const expr = writtenGeneric(print, GENERIC.direction, { noChangeTolerance: c.noChange });
        const got = evaluateGeneric(expr, c.d, text, { [GENERIC.actual]: c.actual, [GENERIC.previous]: c.previous, [GENERIC.target]: c.d.target });
        return agree(label(got), expectedDirection(c, parsed.ok ? parsed.polarity : null));
    });
}

/**
 * Per-KPI direction evaluated for real: the KPI's values in a 'KPI Values' table related to
 * 'Period', the current period 5 selected; the previous reported value sits at period 4 or,
 * when `gap` is set, at period 2 with periods 3 and 4 blank.
 */
export function perKpiDirectionProperty(print: Printer): fc.IPropertyWithHooks<[DirectionCase, Polarity, boolean]> {
    return fc.property(directionCase, staticPolarity, fc.boolean(), (c, polarity, gap) => {
        const measures = perKpiMeasures(perKpiDefinition(c.d, polarity, { noChangeTolerance: c.noChange }));
        const model = periodModel(c.actual, c.previous, gap)
            .withMeasures(new Map(measures.map(m => [m.name, parseExpression(print(m.expression))])));
        const engine = new Engine(model);
        const filter = new FilterContext([columnFilter(model, "Period", "Period Index", [5])]);
        return agree(label(engine.measure("Test KPI Direction", filter)), expectedDirection(c, polarity));
    });
}

function periodModel(actual: number | null, previous: number | null, gap: boolean): Model {
    const periods: Row[] = [1, 2, 3, 4, 5, 6].map(i => ({ "Period ID": `p${i}`, "Period Index": i }));
    // Blank rows before the previous value, and a later value the direction must ignore.
    const value = (i: number): number | null => (i === 5 ? actual : i === (gap ? 2 : 4) ? previous : i === 6 ? 999 : null);
    const values: Row[] = periods.map(p => ({ "Period ID": p["Period ID"], "Actual": toDaxValue(value(p["Period Index"] as number)) }));
    return new Model([
        { name: "Period", columns: ["Period ID", "Period Index"], rows: periods },
        { name: "KPI Values", columns: ["Period ID", "Actual"], rows: values },
    ], [{ fromTable: "KPI Values", fromColumn: "Period ID", toTable: "Period", toColumn: "Period ID" }]);
}

export function comparisonProperty(print: Printer, name: string, benchmarkMeasure: string):
    fc.IPropertyWithHooks<[number | null, number | null, number | null, number | null, string | null]> {
    return fc.property(maybe(anyNumber), maybe(anyNumber), decimalsArb, maybe(fc.constantFrom(0, 0.01, 0.5, -1)), polarityText,
        (actual, benchmark, decimals, similarity, text) => {
            const parsed = parsePolarity(text);
            const expr = writtenGeneric(print, name, { similarityTolerance: similarity });
            const got = evaluateGeneric(expr, { ...NO_DEFINITION, decimals }, text, { [GENERIC.actual]: actual, [benchmarkMeasure]: benchmark });
            const expected = compareToBenchmark({ actual, benchmark, polarity: parsed.ok ? parsed.polarity : null, decimals, similarity });
            return agree(label(got), expected === null ? null : COMPARISON_LABEL[expected]);
        });
}

export function bandProperty(print: Printer): fc.IPropertyWithHooks<[{ q: (number | null)[]; value: number | null }, number | null, string | null]> {
    const expr = writtenGeneric(print, GENERIC.quartileBand);
    const sorted = fc.tuple(anyNumber, anyNumber, anyNumber).map(q => [...q].sort((a, b) => a - b));
    const cuts = fc.oneof(sorted, fc.tuple(maybe(anyNumber), maybe(anyNumber), maybe(anyNumber)));
    const arb = cuts.chain(q => fc.record({ q: fc.constant(q as (number | null)[]), value: actualNear(q) }));
    return fc.property(arb, decimalsArb, polarityText, ({ q, value }, decimals, text) => {
        const parsed = parsePolarity(text);
        const got = evaluateGeneric(expr, { ...NO_DEFINITION, decimals }, text,
            { [GENERIC.actual]: value, [GENERIC.q1]: q[0], [GENERIC.median]: q[1], [GENERIC.q3]: q[2] });
        return agree(label(got), quartileBand({ value, q1: q[0], median: q[1], q3: q[2], polarity: parsed.ok ? parsed.polarity : null }));
    });
}

export function gapProperty(print: Printer): fc.IPropertyWithHooks<[{ d: Definition; actual: number | null }]> {
    const gapExpr = writtenGeneric(print, GENERIC.gap);
    const ratioExpr = writtenGeneric(print, GENERIC.gapPct);
    return fc.property(caseArb, ({ d, actual }) => {
        const measures = { [GENERIC.actual]: actual, [GENERIC.target]: d.target };
        const gap = evaluateGeneric(gapExpr, d, "High", measures);
        const ratio = evaluateGeneric(ratioExpr, d, "High", measures);
        const expected = gapToTarget(actual, d.target, "High", d.decimals);
        agree(gap === BLANK_VALUE ? null : gap, expected === null ? null : expected.gap);
        return agree(ratio === BLANK_VALUE ? null : ratio, expected === null ? null : expected.gapRatio);
    });
}

/** Random arithmetic and logical trees over numbers and BLANK: the printed text means what the tree means. */
const { meaningTree } = fc.letrec<{ meaningTree: Expr }>(tie => ({
    meaningTree: fc.oneof({ depthSize: "small" },
        fc.integer({ min: -9, max: 9 }).map(value => ({ kind: "number", value }) as Expr),
        fc.constant({ kind: "blank" } as Expr),
        fc.tuple(fc.constantFrom("+", "-", "*", "=", "<", "<=", ">", ">=", "<>", "&&", "||" as const), tie("meaningTree"), tie("meaningTree"))
            .map(([op, left, right]) => ({ kind: "binary", op, left, right }) as Expr),
        fc.tuple(tie("meaningTree"), tie("meaningTree"), tie("meaningTree"))
            .map(([c, a, b]) => ({ kind: "call", fn: "IF", args: [c, a, b] }) as Expr),
        tie("meaningTree").map(a => ({ kind: "call", fn: "NOT", args: [a] }) as Expr),
        tie("meaningTree").map(a => ({ kind: "call", fn: "ISBLANK", args: [a] }) as Expr),
    ),
}));

export function printedMeaningProperty(print: Printer): fc.IPropertyWithHooks<[Expr]> {
    const engine = new Engine(new Model([], []));
    return fc.property(meaningTree, e => agree(label(engine.evaluate(parseExpression(print(e)))), label(engine.evaluate(e))));
}

/** Every agreement check, by name, for the mutation test. */
export function allChecks(print: Printer): [string, fc.IPropertyWithHooks<never[]>][] {
    return [
        ["printed text means the tree", printedMeaningProperty(print)],
        ["status (generic)", genericStatusProperty(print)],
        ["status (per KPI)", perKpiStatusProperty(print)],
        ["direction (generic)", genericDirectionProperty(print)],
        ["direction (per KPI)", perKpiDirectionProperty(print)],
        ["vs England", comparisonProperty(print, GENERIC.vsEngland, GENERIC.england)],
        ["quartile band", bandProperty(print)],
        ["gap", gapProperty(print)],
    ] as unknown as [string, fc.IPropertyWithHooks<never[]>][];
}
