import { BinaryOperator, DaxFunctionName, Expr, VarDefinition } from "./ast";

/** Builders: terse, typed construction of expression trees. */
export const num = (value: number): Expr => {
    if (!Number.isFinite(value)) throw new RangeError(`not a finite number: ${value}`);
    return { kind: "number", value };
};
export const str = (value: string): Expr => ({ kind: "string", value });
export const bool = (value: boolean): Expr => ({ kind: "boolean", value });
export const BLANK: Expr = { kind: "blank" };
export const col = (table: string, column: string): Expr => ({ kind: "column", table, column });
export const tbl = (table: string): Expr => ({ kind: "table", table });
export const measure = (name: string): Expr => ({ kind: "measure", name });
export const ref = (name: string): Expr => ({ kind: "var", name });
export const verbatim = (text: string): Expr => ({ kind: "verbatim", text });
export const call = (fn: DaxFunctionName, ...args: Expr[]): Expr => ({ kind: "call", fn, args });
export const bin = (op: BinaryOperator, left: Expr, right: Expr): Expr => ({ kind: "binary", op, left, right });
export const neg = (operand: Expr): Expr => ({ kind: "negate", operand });
export const letIn = (vars: VarDefinition[], body: Expr): Expr => (vars.length === 0 ? body : { kind: "let", vars, body });
export const def = (name: string, value: Expr): VarDefinition => ({ name, value });

/** A number, or BLANK () when missing: constants from the dictionary. */
export const numOrBlank = (value: number | null | undefined): Expr => (value === null || value === undefined ? BLANK : num(value));

export const IF = (condition: Expr, then: Expr, otherwise?: Expr): Expr =>
    otherwise === undefined ? call("IF", condition, then) : call("IF", condition, then, otherwise);
export const ISBLANK = (e: Expr): Expr => call("ISBLANK", e);
export const NOT = (e: Expr): Expr => call("NOT", e);
export const ABS = (e: Expr): Expr => call("ABS", e);
export const ROUND = (e: Expr, digits: Expr): Expr => call("ROUND", e, digits);
export const DIVIDE = (n: Expr, d: Expr): Expr => call("DIVIDE", n, d);
export const SELECTEDVALUE = (column: Expr): Expr => call("SELECTEDVALUE", column);
export const HASONEVALUE = (column: Expr): Expr => call("HASONEVALUE", column);
export const MAX2 = (a: Expr, b: Expr): Expr => call("MAX", a, b);
export const COALESCE = (...args: Expr[]): Expr => call("COALESCE", ...args);
export const and = (...parts: Expr[]): Expr => parts.reduce((a, b) => bin("&&", a, b));
export const or = (...parts: Expr[]): Expr => parts.reduce((a, b) => bin("||", a, b));
export const eq = (a: Expr, b: Expr): Expr => bin("=", a, b);
export const plus = (a: Expr, b: Expr): Expr => bin("+", a, b);
export const minus = (a: Expr, b: Expr): Expr => bin("-", a, b);
export const times = (a: Expr, b: Expr): Expr => bin("*", a, b);
export const le = (a: Expr, b: Expr): Expr => bin("<=", a, b);
export const lt = (a: Expr, b: Expr): Expr => bin("<", a, b);
export const ge = (a: Expr, b: Expr): Expr => bin(">=", a, b);
export const gt = (a: Expr, b: Expr): Expr => bin(">", a, b);

/** `SWITCH ( TRUE (), c1, r1, c2, r2, ..., else )`: the first true condition wins. */
export function firstTrue(cases: readonly (readonly [Expr, Expr])[], otherwise?: Expr): Expr {
    const args: Expr[] = [bool(true)];
    for (const [condition, result] of cases) args.push(condition, result);
    if (otherwise !== undefined) args.push(otherwise);
    return call("SWITCH", ...args);
}

/** `SWITCH ( e, v1, r1, ..., else )`. */
export function switchOn(subject: Expr, cases: readonly (readonly [Expr, Expr])[], otherwise?: Expr): Expr {
    const args: Expr[] = [subject];
    for (const [value, result] of cases) args.push(value, result);
    if (otherwise !== undefined) args.push(otherwise);
    return call("SWITCH", ...args);
}
