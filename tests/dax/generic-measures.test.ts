/**
 * The generic family's context logic: one KPI or blank, the period in scope, the period target
 * over the KPI's target, the benchmark row for the period. Calls the evaluator cannot run
 * (CALCULATE, MAXX) are bound to what the model would return.
 */
import { BLANK_VALUE, evaluate, EvaluationContext } from "../../dax/src/evaluator/evaluate";
import { Expr } from "../../dax/src/expr/ast";
import { printExpr } from "../../dax/src/expr/print";
import { genericMeasures } from "../../dax/src/measures/generic";
import { GENERIC } from "../../dax/src/measures/names";
import { kpi } from "./helpers";

const measures = new Map(genericMeasures([kpi({ polarity: "High" })]).map(m => [m.name, m]));
const expr = (name: string): Expr => measures.get(name)!.expression;
/** The one-line text of every call of a kind inside an expression, to bind it. */
function callsOf(e: Expr, fn: string, out: string[] = []): string[] {
    if (e.kind === "call") {
        if (e.fn === fn) out.push(printExpr(e, { width: Number.MAX_SAFE_INTEGER }));
        e.args.forEach(a => callsOf(a, fn, out));
    } else if (e.kind === "binary") { callsOf(e.left, fn, out); callsOf(e.right, fn, out); }
    else if (e.kind === "let") { e.vars.forEach(v => callsOf(v.value, fn, out)); callsOf(e.body, fn, out); }
    else if (e.kind === "negate") callsOf(e.operand, fn, out);
    return out;
}
const several = { hasOneValue: { "'KPI'[KPI ID]": false } };

describe("KPI Period Index", () => {
    const [latest] = callsOf(expr(GENERIC.periodIndex), "MAXX");
    test("the selected period, else the latest period with an actual", () => {
        expect(evaluate(expr(GENERIC.periodIndex), { columns: { "'Period'[Period Index]": 6 }, calls: { [latest]: 9 } })).toBe(6);
        expect(evaluate(expr(GENERIC.periodIndex), { columns: { "'Period'[Period Index]": 6 }, hasOneValue: { "'Period'[Period Index]": false }, calls: { [latest]: 9 } })).toBe(9);
    });
    test("blank with several KPIs", () => {
        expect(evaluate(expr(GENERIC.periodIndex), { ...several, columns: {}, calls: { [latest]: 9 } })).toBe(BLANK_VALUE);
    });
});

describe("KPI Target", () => {
    const [periodTarget] = callsOf(expr(GENERIC.target), "CALCULATE");
    const context = (periodValue: number | null, one = true): EvaluationContext => ({
        measures: { [GENERIC.periodIndex]: 4 }, columns: { "'KPI'[Target]": 0.85 },
        calls: { [periodTarget]: periodValue }, hasOneValue: { "'KPI'[KPI ID]": one },
    });
    test("the period's own target wins, else the KPI's", () => {
        expect(evaluate(expr(GENERIC.target), context(0.9))).toBe(0.9);
        expect(evaluate(expr(GENERIC.target), context(null))).toBe(0.85);
    });
    test("blank at totals", () => expect(evaluate(expr(GENERIC.target), context(0.9, false))).toBe(BLANK_VALUE));
});

describe("values and benchmarks are blank without a period or a benchmark row", () => {
    test.each([GENERIC.actual, GENERIC.commentary])("%s", name => {
        const [value] = callsOf(expr(name), "CALCULATE");
        expect(evaluate(expr(name), { measures: { [GENERIC.periodIndex]: null }, calls: { [value]: 1 } })).toBe(BLANK_VALUE);
        expect(evaluate(expr(name), { measures: { [GENERIC.periodIndex]: 3 }, calls: { [value]: 0.5 } })).toBe(0.5);
    });
    test.each([GENERIC.england, GENERIC.q3, GENERIC.rank])("%s", name => {
        const [value] = callsOf(expr(name), "CALCULATE");
        expect(evaluate(expr(name), { measures: { [GENERIC.benchmarkFrom]: null }, calls: { [value]: 1 } })).toBe(BLANK_VALUE);
        expect(evaluate(expr(name), { measures: { [GENERIC.benchmarkFrom]: 1 }, calls: { [value]: 0.62 } })).toBe(0.62);
    });
});

describe("definition measures", () => {
    test("KPI Polarity: canonical word, or the text as written when not recognised", () => {
        expect(evaluate(expr(GENERIC.polarity), { columns: { "'KPI'[Polarity]": "  lower IS better " } })).toBe("Low");
        expect(evaluate(expr(GENERIC.polarity), { columns: { "'KPI'[Polarity]": "Sideways" } })).toBe("Sideways");
        expect(evaluate(expr(GENERIC.polarity), { columns: { "'KPI'[Polarity]": null } })).toBe("None");
    });
    test("KPI Tolerance and KPI Tolerance % split by tolerance type", () => {
        const columns = (type: string | null) => ({ "'KPI'[Tolerance]": 0.05, "'KPI'[Tolerance Type]": type });
        expect(evaluate(expr(GENERIC.tolerance), { columns: columns("absolute") })).toBe(0.05);
        expect(evaluate(expr(GENERIC.tolerance), { columns: columns(null) })).toBe(0.05);
        expect(evaluate(expr(GENERIC.tolerancePct), { columns: columns("absolute") })).toBe(BLANK_VALUE);
        expect(evaluate(expr(GENERIC.tolerancePct), { columns: columns("relative") })).toBe(0.05);
        expect(evaluate(expr(GENERIC.tolerance), { columns: columns("relative") })).toBe(BLANK_VALUE);
    });
    test("status colour, sort key and icon follow the status", () => {
        const at = (name: string, status: string | null) => evaluate(expr(name), { measures: { [GENERIC.status]: status } });
        expect(at(GENERIC.statusColour, "Red")).toBe("#ca3535");
        expect(at(GENERIC.statusSort, "Amber")).toBe(2);
        expect(at(GENERIC.statusIcon, "Blue")).toBe("\u2605");
        expect(at(GENERIC.statusColour, null)).toBe(BLANK_VALUE);
    });
    test("KPI Owner and KPI Format String are blank with several KPIs, even when they share the value", () => {
        expect(evaluate(expr(GENERIC.owner), { ...several, columns: { "'KPI'[Owner]": "Head of Service" } })).toBe(BLANK_VALUE);
        expect(evaluate(expr(GENERIC.formatString), { columns: { "'KPI'[Format String]": "0.0%" } })).toBe("0.0%");
    });
});
