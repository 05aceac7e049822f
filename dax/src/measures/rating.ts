import { parsePolarity, Polarity, POLARITY_SPELLINGS, precisionFromFormat, RELATIVE_EPSILON, STATUS_LABEL_EN } from "../../../src/rules";
import { Expr, VarDefinition } from "../expr/ast";
import {
    ABS, and, BLANK, COALESCE, def, eq, firstTrue, ge, gt, IF, ISBLANK, le, letIn, lt, MAX2, minus, NOT, num, or, plus,
    ref, ROUND, str, switchOn, times, call,
} from "../expr/build";
import { fold } from "../expr/fold";
import { BAND_LABEL, COMPARISON_LABEL, DIRECTION_LABEL } from "./labels";

/**
 * DAX for the rating rules of src/rules, one builder per rule. Each mirrors its TypeScript
 * counterpart operation for operation (same rounding, same order of subtraction, same
 * epsilon), so the model and the visual agree to the last bit; tests/dax/rating.property.test.ts
 * evaluates them against src/rules for thousands of random inputs.
 *
 * Polarity is either known when the DAX is generated (per-KPI measures: only that polarity's
 * branch is printed) or read from the model (generic measures: the expression must give
 * "High", "Low", "Range", "None", or BLANK when the text was not recognised).
 */
export type PolarityInput =
    | { readonly kind: "static"; readonly polarity: Polarity }
    | { readonly kind: "dynamic"; readonly expr: Expr };

const POLARITY_VAR = "_polarity";

/** Literal text of the epsilon factor (1e-9, printed without an exponent). */
const epsilonOf = (reference: Expr): Expr => times(num(RELATIVE_EPSILON), MAX2(ABS(reference), num(1)));

/** Round to the stored decimals when both are present; a missing value or precision leaves it as it is. */
export function roundTo(value: Expr, decimals: Expr): Expr {
    return IF(or(ISBLANK(value), ISBLANK(decimals)), value, ROUND(value, decimals));
}

/** Format strings KPI tables commonly hold, besides the dictionary's own: their decimals are known to the DAX too. */
export const COMMON_FORMATS: readonly string[] = [
    "0", "0.0", "0.00", "0.000", "#,0", "#,0.0", "#,0.00", "#,##0", "#,##0.0", "#,##0.00",
    "0%", "0.0%", "0.00%", "#,0%", "#,0.0%", "P0", "P1", "P2", "N0", "N1", "N2", "F0", "F1", "F2", "C0", "C2",
    "#,0,\"k\"", "#,0.0,,\"m\"", "\u00a3#,0", "\u00a3#,0.00", "\u00a3#,0.0,,\"m\"", "General",
];

/**
 * One source of precision: the format string (issue 9; rating-decisions #6). The stored decimals
 * the KPI's format string shows, worked out by src/rules (precisionFromFormat) when the DAX is
 * generated, for every format string of the dictionary and COMMON_FORMATS:
 * `SWITCH ( format, "0.0%", 3, "0.0", 1, "General", BLANK (), ..., fallback )`. DAX compares
 * text ignoring case, as the list is deduplicated. A format string the generator never saw (added
 * to the model later) falls back to `fallback` (the KPI table's Decimals column); regenerate to
 * bring it in.
 */
export function decimalsFromFormat(format: Expr, formats: readonly string[], fallback: Expr): Expr {
    const seen = new Set<string>();
    const cases: (readonly [Expr, Expr])[] = [];
    for (const f of [...formats, ...COMMON_FORMATS]) {
        const key = f.toLowerCase();
        if (seen.has(key)) continue;
        seen.add(key);
        const decimals = precisionFromFormat(f)?.storedDecimals ?? null;
        cases.push([str(f), decimals === null ? BLANK : num(decimals)]);
    }
    return switchOn(format, cases, fallback);
}

/**
 * Inputs that are measures or column lookups are read once into a VAR (`_actualValue`), so the
 * rounding below does not evaluate the measure three times; literals are left for folding.
 */
function inputVar(name: string, value: Expr, into: VarDefinition[]): Expr {
    if (value.kind === "number" || value.kind === "blank" || value.kind === "string" || value.kind === "var") return value;
    into.push(def(name, value));
    return ref(name);
}

/** Round a value known to be present (used only after the blank checks, thanks to lazy VARs). */
function roundPresent(value: Expr, decimals: Expr): Expr {
    return IF(ISBLANK(decimals), value, ROUND(value, decimals));
}

class PolarityTests {
    constructor(private readonly input: PolarityInput) {}

    vars(): VarDefinition[] {
        return this.input.kind === "dynamic" ? [def(POLARITY_VAR, this.input.expr)] : [];
    }

    is(p: Polarity): Expr {
        return this.input.kind === "static"
            ? { kind: "boolean", value: this.input.polarity === p }
            : eq(ref(POLARITY_VAR), str(p));
    }

    /** TRUE when the polarity text was not recognised. */
    unrecognised(): Expr {
        return this.input.kind === "static" ? { kind: "boolean", value: false } : ISBLANK(ref(POLARITY_VAR));
    }
}

/**
 * Every spelling parsePolarity accepts, lower-cased (DAX compares text ignoring case) and mapped
 * to its polarity. Built by asking parsePolarity, never by copying its table.
 */
export function polaritySpellings(): [string, Polarity][] {
    const out: [string, Polarity][] = [];
    for (const spelling of POLARITY_SPELLINGS) {
        const text = spelling === "(empty)" ? "" : spelling.toLowerCase();
        const parsed = parsePolarity(text);
        if (parsed.ok && !out.some(([t]) => t === text)) out.push([text, parsed.polarity]);
    }
    return out;
}

/**
 * Normalise a polarity column's text as parsePolarity does (trimmed, inner spaces folded, any
 * case): "High", "Low", "Range", "None", or BLANK when not recognised. An empty cell is None.
 */
export function normalisedPolarity(text: Expr): Expr {
    const cases = polaritySpellings().map(([spelling, polarity]) => [str(spelling), str(polarity)] as const);
    return switchOn(call("TRIM", text), cases);
}

export interface StatusInputs {
    readonly actual: Expr;
    readonly target: Expr;
    readonly floor: Expr;
    readonly stretch: Expr;
    /** Tolerance as stored (a negative value counts as missing, as in the rules). */
    readonly tolerance: Expr;
    /** "relative" for a fraction of |target|; anything else is absolute. */
    readonly toleranceType: Expr;
    /** Stored decimals; BLANK compares unrounded. */
    readonly decimals: Expr;
    readonly polarity: PolarityInput;
}

const label = (s: keyof typeof STATUS_LABEL_EN): Expr => str(STATUS_LABEL_EN[s]);

/** Mirrors rateStatus (without the override, which the star schema has no column for). */
export function statusExpression(i: StatusInputs): Expr {
    const p = new PolarityTests(i.polarity);
    const actual = ref("_actual");
    const target = ref("_target");
    const floor = ref("_floor");
    const stretch = ref("_stretch");
    const eps = ref("_eps");
    const width = ref("_width");
    const shortfall = ref("_shortfall");
    const tolerance = ref("_tolerance");
    const decimals = ref("_decimals");
    const meets = (value: Expr, standard: Expr): Expr =>
        fold(IF(p.is("High"), ge(minus(value, standard), { kind: "negate", operand: eps }),
            ge(minus(standard, value), { kind: "negate", operand: eps })));
    const rangeWidth = ref("_rangeWidth");
    const rangeShortfall = ABS(minus(actual, target));
    const range = IF(ISBLANK(target), label("no-target"), firstTrue([
        [le(rangeShortfall, plus(rangeWidth, eps)), label("green")],
        [le(rangeShortfall, plus(times(num(2), rangeWidth), eps)), label("amber")],
    ], label("red")));
    const body = firstTrue([
        [ISBLANK(actual), label("no-data")],
        [p.unrecognised(), label("unrecognised")],
        [p.is("None"), label("not-rated")],
        [p.is("Range"), range],
        [and(ISBLANK(target), ISBLANK(floor)), label("no-target")],
        [and(NOT(ISBLANK(stretch)), meets(actual, stretch)), label("blue")],
        [ISBLANK(target), IF(meets(actual, floor), label("green"), label("red"))],
        [le(shortfall, eps), label("green")],
        [NOT(ISBLANK(floor)), IF(meets(actual, floor), label("amber"), label("red"))],
        [NOT(ISBLANK(width)), IF(le(shortfall, plus(width, eps)), label("amber"), label("red"))],
    ], label("red"));
    const inputs: VarDefinition[] = [];
    const actualValue = inputVar("_actualValue", i.actual, inputs);
    const targetValue = inputVar("_targetValue", i.target, inputs);
    const floorValue = inputVar("_floorValue", i.floor, inputs);
    const stretchValue = inputVar("_stretchValue", i.stretch, inputs);
    return fold(letIn([
        ...inputs,
        def("_decimals", i.decimals),
        def("_actual", roundTo(actualValue, decimals)),
        def("_target", roundTo(targetValue, decimals)),
        def("_floor", roundTo(floorValue, decimals)),
        def("_stretch", roundTo(stretchValue, decimals)),
        def("_tolerance", i.tolerance),
        ...p.vars(),
        def("_eps", epsilonOf(COALESCE(target, floor))),
        def("_width", IF(and(NOT(ISBLANK(tolerance)), ge(tolerance, num(0))),
            IF(eq(i.toleranceType, str("relative")), times(tolerance, ABS(target)), tolerance))),
        def("_rangeWidth", COALESCE(width, num(0))),
        def("_shortfall", fold(firstTrue([
            [p.is("High"), minus(target, actual)],
            [p.is("Low"), minus(actual, target)],
        ], ABS(minus(actual, target))))),
    ], body));
}

/** Max(0, value), where a missing value is 0: the rules' reading of a no-change or similarity tolerance. */
function nonNegativeOrZero(value: Expr): Expr {
    return IF(ISBLANK(value), num(0), MAX2(value, num(0)));
}

const orBlank = (text: string | null): Expr => (text === null ? BLANK : str(text));

export interface DirectionInputs {
    readonly actual: Expr;
    readonly previous: Expr;
    readonly target: Expr;
    readonly decimals: Expr;
    readonly noChangeTolerance: Expr;
    readonly polarity: PolarityInput;
}

/** Mirrors rateDirection; BLANK for unknown. */
export function directionExpression(i: DirectionInputs): Expr {
    const p = new PolarityTests(i.polarity);
    const actual = ref("_actual");
    const previous = ref("_previous");
    const change = ref("_change");
    const target = ref("_target");
    const neutral = IF(gt(change, num(0)), orBlank(DIRECTION_LABEL.increasing), orBlank(DIRECTION_LABEL.decreasing));
    const before = ref("_before");
    const now = ref("_now");
    const rangeEps = ref("_rangeEps");
    const range = IF(ISBLANK(target), neutral, firstTrue([
        [lt(now, minus(before, rangeEps)), orBlank(DIRECTION_LABEL.improving)],
        [gt(now, plus(before, rangeEps)), orBlank(DIRECTION_LABEL.worsening)],
    ], neutral));
    const body = firstTrue([
        [or(ISBLANK(actual), ISBLANK(previous)), orBlank(DIRECTION_LABEL.unknown)],
        [le(ABS(change), plus(ref("_tolerance"), ref("_eps"))), orBlank(DIRECTION_LABEL["no-change"])],
        [p.is("High"), IF(gt(change, num(0)), orBlank(DIRECTION_LABEL.improving), orBlank(DIRECTION_LABEL.worsening))],
        [p.is("Low"), IF(gt(change, num(0)), orBlank(DIRECTION_LABEL.worsening), orBlank(DIRECTION_LABEL.improving))],
        [p.is("Range"), range],
    ], neutral);
    const decimals = ref("_decimals");
    const inputs: VarDefinition[] = [];
    const actualValue = inputVar("_actualValue", i.actual, inputs);
    const previousValue = inputVar("_previousValue", i.previous, inputs);
    const targetValue = inputVar("_targetValue", i.target, inputs);
    return fold(letIn([
        ...inputs,
        def("_decimals", i.decimals),
        def("_actual", roundTo(actualValue, decimals)),
        def("_previous", roundTo(previousValue, decimals)),
        def("_change", roundPresent(minus(actual, previous), decimals)),
        def("_tolerance", nonNegativeOrZero(i.noChangeTolerance)),
        def("_eps", epsilonOf(previous)),
        ...p.vars(),
        def("_target", roundTo(targetValue, decimals)),
        def("_before", ABS(minus(previous, target))),
        def("_now", ABS(minus(actual, target))),
        def("_rangeEps", epsilonOf(target)),
    ], body));
}

export interface ComparisonInputs {
    readonly actual: Expr;
    readonly benchmark: Expr;
    readonly decimals: Expr;
    readonly similarity: Expr;
    readonly polarity: PolarityInput;
}

/** Mirrors compareToBenchmark; BLANK when either value is missing. */
export function comparisonExpression(i: ComparisonInputs): Expr {
    const p = new PolarityTests(i.polarity);
    const actual = ref("_actual");
    const benchmark = ref("_benchmark");
    const difference = ref("_difference");
    const higher = gt(difference, num(0));
    const body = firstTrue([
        [or(ISBLANK(actual), ISBLANK(benchmark)), BLANK],
        [le(ABS(difference), plus(ref("_similarity"), ref("_eps"))), str(COMPARISON_LABEL.similar)],
        [p.is("High"), IF(higher, str(COMPARISON_LABEL.better), str(COMPARISON_LABEL.worse))],
        [p.is("Low"), IF(higher, str(COMPARISON_LABEL.worse), str(COMPARISON_LABEL.better))],
    ], IF(higher, str(COMPARISON_LABEL.higher), str(COMPARISON_LABEL.lower)));
    const decimals = ref("_decimals");
    const inputs: VarDefinition[] = [];
    const actualValue = inputVar("_actualValue", i.actual, inputs);
    const benchmarkValue = inputVar("_benchmarkValue", i.benchmark, inputs);
    return fold(letIn([
        ...inputs,
        def("_decimals", i.decimals),
        def("_actual", roundTo(actualValue, decimals)),
        def("_benchmark", roundTo(benchmarkValue, decimals)),
        def("_difference", minus(actual, benchmark)),
        def("_similarity", nonNegativeOrZero(i.similarity)),
        // The larger magnitude of the two, so swapping them mirrors the answer (as the rules).
        def("_eps", epsilonOf(MAX2(ABS(actual), ABS(benchmark)))),
        ...p.vars(),
    ], body));
}

export interface BandInputs {
    readonly value: Expr;
    readonly q1: Expr;
    readonly median: Expr;
    readonly q3: Expr;
    readonly polarity: PolarityInput;
}

/**
 * Mirrors quartileBand: A (best) to D; BLANK for None, Range, unrecognised, missing or disordered
 * cut points. The value and the cut points are compared as supplied (not rounded), as LAIT does.
 */
export function bandExpression(i: BandInputs): Expr {
    const p = new PolarityTests(i.polarity);
    const value = ref("_value");
    const q1 = ref("_q1");
    const q2 = ref("_q2");
    const q3 = ref("_q3");
    const eps = ref("_eps");
    const above = (cut: Expr): Expr => gt(minus(value, cut), eps);
    const band = (b: keyof typeof BAND_LABEL): Expr => str(BAND_LABEL[b]);
    const body = firstTrue([
        [NOT(or(p.is("High"), p.is("Low"))), BLANK],
        [or(or(ISBLANK(value), ISBLANK(q1)), or(ISBLANK(q2), ISBLANK(q3))), BLANK],
        [or(gt(q1, q2), gt(q2, q3)), BLANK],
        [p.is("High"), firstTrue([[above(q3), band("A")], [above(q2), band("B")], [above(q1), band("C")]], band("D"))],
    ], firstTrue([[NOT(above(q1)), band("A")], [NOT(above(q2)), band("B")], [NOT(above(q3)), band("C")]], band("D")));
    return fold(letIn([
        def("_value", i.value),
        def("_q1", i.q1),
        def("_q2", i.median),
        def("_q3", i.q3),
        def("_eps", epsilonOf(q2)),
        ...p.vars(),
    ], body));
}

export interface GapInputs {
    readonly actual: Expr;
    readonly target: Expr;
    readonly decimals: Expr;
}

/** Mirrors gapToTarget: actual - target at the shown precision; 0 within epsilon; BLANK when either is missing. */
export function gapExpression(i: GapInputs, asRatio: boolean): Expr {
    const actual = ref("_actual");
    const target = ref("_target");
    const decimals = ref("_decimals");
    const gap = ref("_gap");
    const inputs: VarDefinition[] = [];
    const actualValue = inputVar("_actualValue", i.actual, inputs);
    const targetValue = inputVar("_targetValue", i.target, inputs);
    return fold(letIn([
        ...inputs,
        def("_decimals", i.decimals),
        def("_actual", roundTo(actualValue, decimals)),
        def("_target", roundTo(targetValue, decimals)),
        def("_raw", minus(actual, target)),
        def("_gap", IF(le(ABS(ref("_raw")), epsilonOf(target)), num(0), roundPresent(ref("_raw"), decimals))),
    ], IF(or(ISBLANK(actual), ISBLANK(target)), BLANK, asRatio ? call("DIVIDE", gap, ABS(target)) : gap)));
}
