/**
 * DAX BLANK semantics of the evaluator, one row per documented behaviour (sources in
 * docs/dax-generator.md, "BLANK semantics"). Each row is printed, and the printed text (the
 * test's name) is parsed and evaluated, so the text means what the row says.
 */
import { BLANK_VALUE, DaxEvaluationError, evaluate } from "../../dax/src/evaluator/evaluate";
import { parseExpression } from "../../dax/src/expr/parse";
import { BLANK, bin, bool, call, DIVIDE, IF, ISBLANK, letIn, def, num, ref, ROUND, str } from "../../dax/src/expr/build";
import { Expr } from "../../dax/src/expr/ast";
import { printExpr } from "../../dax/src/expr/print";

const B = BLANK;
const rows: [Expr, unknown][] = [
    [bin("+", B, num(4)), 4],
    [bin("-", B, num(4)), -4],
    [bin("-", num(4), B), 4],
    [bin("+", B, B), BLANK_VALUE],
    [bin("*", B, num(4)), BLANK_VALUE],
    [bin("*", num(4), B), BLANK_VALUE],
    [bin("=", B, num(0)), true],
    [bin("=", B, str("")), true],
    [bin("==", B, num(0)), false],
    [bin("==", B, B), true],
    [bin("<>", B, num(1)), true],
    [bin("<", B, num(1)), true],
    [bin(">=", B, num(0)), true],
    [bin(">", B, num(-1)), true],
    [bin("&&", B, bool(true)), false],
    [bin("||", B, bool(true)), true],
    [bin("&", B, str("x")), "x"],
    [bin("=", str("Relative"), str("relative")), true],
    [DIVIDE(num(5), num(0)), BLANK_VALUE],
    [DIVIDE(num(5), B), BLANK_VALUE],
    [call("DIVIDE", num(5), num(0), num(1)), 1],
    [DIVIDE(B, num(4)), BLANK_VALUE],
    [DIVIDE(num(5), num(2)), 2.5],
    [IF(bool(false), num(1)), BLANK_VALUE],
    [IF(B, num(1), num(2)), 2],
    [ISBLANK(B), true],
    [ISBLANK(num(0)), false],
    [ISBLANK(str("")), false],
    [call("COALESCE", B, num(3)), 3],
    [call("SWITCH", bool(true), bin("=", B, num(1)), str("a"), str("b")), "b"],
    [call("SWITCH", B, str(""), str("empty"), str("other")), "empty"],
    [ROUND(num(2.15), num(1)), 2.2],
    [ROUND(num(-2.5), num(0)), -3],
    [ROUND(num(21.5), num(-1)), 20],
    [call("TRIM", str("  a   b  ")), "a b"],
    [call("MAX", B, num(1)), 1],
    [call("MAX", B, num(0)), 0],
    [call("MAX", B, B), BLANK_VALUE],
];

describe("BLANK arithmetic and comparisons", () => {
    test.each(rows.map(([e, expected]) => [printExpr(e), expected] as const))("%s", (text, expected) => {
        expect(evaluate(parseExpression(text))).toBe(expected);
    });
});

describe("undocumented BLANK cases are refused, so generated DAX cannot depend on them", () => {
    test.each([
        ["ROUND ( BLANK (), 2 )", ROUND(B, num(2))],
        ["ABS ( BLANK () )", call("ABS", B)],
        ["MAX ( -1, BLANK () )", call("MAX", num(-1), B)],
    ])("%s", (text, expr) => {
        expect(printExpr(expr)).toBe(text);
        expect(() => evaluate(parseExpression(text))).toThrow(DaxEvaluationError);
    });
});

test("variables are evaluated lazily, as in DAX: an unused VAR that would fail is never evaluated", () => {
    const expr = letIn([def("_bad", ROUND(B, num(1))), def("_ok", num(1))], IF(bool(true), ref("_ok"), ref("_bad")));
    expect(evaluate(parseExpression(printExpr(expr)))).toBe(1);
});
