import { roundHalfAwayFromZero } from "../../../src/rules";
import { Expr } from "../expr/ast";
import { columnText } from "../expr/names";
import { printExpr } from "../expr/print";

/**
 * An evaluator for the scalar subset of the expression tree, with DAX's BLANK semantics
 * (docs/dax-generator.md, "BLANK semantics", lists each rule with its source). Table functions
 * (CALCULATE, FILTER ...) are outside the subset: tests bind the values such calls would give
 * as measure and column values. Where Microsoft documents no result for BLANK (ROUND, ABS,
 * two-argument MAX, unary minus), the evaluator refuses rather than guesses, so a test fails if
 * generated DAX ever depends on such a case.
 */
export const BLANK_VALUE: unique symbol = Symbol("BLANK");
export type DaxValue = number | string | boolean | typeof BLANK_VALUE;

export class DaxEvaluationError extends Error {}

export interface EvaluationContext {
    /** Values of measures referenced as [Name]. */
    readonly measures?: Readonly<Record<string, DaxValue | null | undefined>>;
    /** SELECTEDVALUE results by fully qualified column text, e.g. `'KPI'[Polarity]`. */
    readonly columns?: Readonly<Record<string, DaxValue | null | undefined>>;
    /** HASONEVALUE results by column text; columns not listed have one value. */
    readonly hasOneValue?: Readonly<Record<string, boolean>>;
    /**
     * Results of calls outside the scalar subset (CALCULATE, MAXX ...), keyed by the call's
     * one-line DAX text as `printExpr` writes it: the test states what the model would return.
     */
    readonly calls?: Readonly<Record<string, DaxValue | null | undefined>>;
}

export const isBlank = (v: DaxValue): v is typeof BLANK_VALUE => v === BLANK_VALUE;

/** Convert a JavaScript value to a DAX value: null/undefined are BLANK. */
export function toDax(value: DaxValue | null | undefined): DaxValue {
    return value === null || value === undefined ? BLANK_VALUE : value;
}

/** Evaluate an expression; variables are evaluated lazily (when first used), as DAX does. */
export function evaluate(expr: Expr, context: EvaluationContext = {}): DaxValue {
    return new Evaluator(context).evaluateNode(expr, new Map());
}

type Scope = Map<string, () => DaxValue>;

class Evaluator {
    constructor(private readonly context: EvaluationContext) {}

    evaluateNode(e: Expr, scope: Scope): DaxValue {
        switch (e.kind) {
            case "number": return e.value;
            case "string": return e.value;
            case "boolean": return e.value;
            case "blank": return BLANK_VALUE;
            case "var": {
                const thunk = scope.get(e.name);
                if (!thunk) throw new DaxEvaluationError(`variable ${e.name} is not defined`);
                return thunk();
            }
            case "measure": {
                const measures = this.context.measures ?? {};
                if (!(e.name in measures)) throw new DaxEvaluationError(`measure [${e.name}] has no value bound`);
                return toDax(measures[e.name]);
            }
            case "column": throw new DaxEvaluationError(`a bare column reference ${columnText(e.table, e.column)} needs a row context`);
            case "table": throw new DaxEvaluationError(`table ${e.table} is outside the scalar subset`);
            case "verbatim": throw new DaxEvaluationError("a verbatim expression cannot be evaluated");
            case "negate": {
                const v = this.evaluateNode(e.operand, scope);
                if (isBlank(v)) throw new DaxEvaluationError("unary minus of BLANK is not documented");
                return -this.number(v, "unary minus");
            }
            case "let": {
                const inner: Scope = new Map(scope);
                for (const v of e.vars) {
                    const definitionScope = new Map(inner);
                    let cached: { value: DaxValue } | null = null;
                    inner.set(v.name, () => {
                        if (!cached) cached = { value: this.evaluateNode(v.value, definitionScope) };
                        return cached.value;
                    });
                }
                return this.evaluateNode(e.body, inner);
            }
            case "binary": return this.binary(e.op, e.left, e.right, scope);
            case "call": return this.call(e.fn, e.args, scope);
        }
    }

    private number(v: DaxValue, where: string): number {
        if (typeof v === "number") return v;
        if (typeof v === "boolean") return v ? 1 : 0;
        if (isBlank(v)) return 0;
        throw new DaxEvaluationError(`${where}: text ${JSON.stringify(v)} cannot be converted to a number`);
    }

    /** DAX converts BLANK to FALSE in a logical test; numbers are TRUE when not 0. */
    truth(v: DaxValue): boolean {
        if (isBlank(v)) return false;
        if (typeof v === "boolean") return v;
        if (typeof v === "number") return v !== 0;
        throw new DaxEvaluationError(`text ${JSON.stringify(v)} used as a condition`);
    }

    private binary(op: string, leftExpr: Expr, rightExpr: Expr, scope: Scope): DaxValue {
        if (op === "&&") {
            return this.truth(this.evaluateNode(leftExpr, scope)) && this.truth(this.evaluateNode(rightExpr, scope));
        }
        if (op === "||") {
            return this.truth(this.evaluateNode(leftExpr, scope)) || this.truth(this.evaluateNode(rightExpr, scope));
        }
        const left = this.evaluateNode(leftExpr, scope);
        const right = this.evaluateNode(rightExpr, scope);
        switch (op) {
            case "+":
                if (isBlank(left) && isBlank(right)) return BLANK_VALUE;
                return this.number(left, "+") + this.number(right, "+");
            case "-":
                if (isBlank(left) && isBlank(right)) return BLANK_VALUE;
                return this.number(left, "-") - this.number(right, "-");
            case "*":
                if (isBlank(left) || isBlank(right)) return BLANK_VALUE;
                return this.number(left, "*") * this.number(right, "*");
            case "&":
                return this.text(left) + this.text(right);
            case "==":
                if (isBlank(left) || isBlank(right)) return isBlank(left) && isBlank(right);
                return compare(left, right) === 0;
            default: {
                const c = compare(left, right);
                switch (op) {
                    case "=": return c === 0;
                    case "<>": return c !== 0;
                    case "<": return c < 0;
                    case "<=": return c <= 0;
                    case ">": return c > 0;
                    case ">=": return c >= 0;
                }
                throw new DaxEvaluationError(`operator ${op} is not supported`);
            }
        }
    }

    private text(v: DaxValue): string {
        if (isBlank(v)) return "";
        if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
        return String(v);
    }

    private call(fn: string, args: readonly Expr[], scope: Scope): DaxValue {
        const arg = (i: number): DaxValue => this.evaluateNode(args[i], scope);
        switch (fn) {
            case "BLANK": return BLANK_VALUE;
            case "TRUE": return true;
            case "FALSE": return false;
            case "ISBLANK": return isBlank(arg(0));
            case "NOT": return !this.truth(arg(0));
            case "AND": return this.truth(arg(0)) && this.truth(arg(1));
            case "OR": return this.truth(arg(0)) || this.truth(arg(1));
            case "IF": {
                if (this.truth(arg(0))) return arg(1);
                return args.length > 2 ? arg(2) : BLANK_VALUE;
            }
            case "SWITCH": {
                const subject = arg(0);
                const last = args.length - 1;
                for (let i = 1; i + 1 <= last; i += 2) {
                    if (compare(subject, this.evaluateNode(args[i], scope)) === 0) return this.evaluateNode(args[i + 1], scope);
                }
                return (args.length - 1) % 2 === 1 ? arg(last) : BLANK_VALUE;
            }
            case "COALESCE": {
                for (let i = 0; i < args.length; i++) {
                    const v = arg(i);
                    if (!isBlank(v)) return v;
                }
                return BLANK_VALUE;
            }
            case "DIVIDE": {
                const numerator = arg(0);
                const denominator = arg(1);
                const alternate = args.length > 2 ? arg(2) : BLANK_VALUE;
                if (isBlank(denominator) || this.number(denominator, "DIVIDE") === 0) return alternate;
                if (isBlank(numerator)) return BLANK_VALUE;
                return this.number(numerator, "DIVIDE") / this.number(denominator, "DIVIDE");
            }
            case "ROUND": {
                const value = arg(0);
                const digits = arg(1);
                if (isBlank(value) || isBlank(digits)) throw new DaxEvaluationError("ROUND of BLANK is not documented");
                return roundHalfAwayFromZero(this.number(value, "ROUND"), Math.trunc(this.number(digits, "ROUND")));
            }
            case "ABS": {
                const value = arg(0);
                if (isBlank(value)) throw new DaxEvaluationError("ABS of BLANK is not documented");
                return Math.abs(this.number(value, "ABS"));
            }
            case "MAX": {
                if (args.length !== 2) throw new DaxEvaluationError("MAX over a column is outside the scalar subset");
                const a = arg(0);
                const b = arg(1);
                if (isBlank(a) || isBlank(b)) throw new DaxEvaluationError("MAX with a BLANK argument is not documented here");
                return Math.max(this.number(a, "MAX"), this.number(b, "MAX"));
            }
            case "TRIM": {
                const v = arg(0);
                return isBlank(v) ? "" : this.text(v).replace(/ +/g, " ").replace(/^ | $/g, "");
            }
            case "LOWER": {
                const v = arg(0);
                return isBlank(v) ? "" : this.text(v).toLowerCase();
            }
            case "SELECTEDVALUE": case "HASONEVALUE": {
                const column = args[0];
                if (column.kind !== "column") throw new DaxEvaluationError(`${fn} needs a column`);
                const key = columnText(column.table, column.column);
                const one = this.context.hasOneValue?.[key] ?? true;
                if (fn === "HASONEVALUE") return one;
                if (!one) return args.length > 1 ? arg(1) : BLANK_VALUE;
                const columns = this.context.columns ?? {};
                if (!(key in columns)) throw new DaxEvaluationError(`column ${key} has no value bound`);
                return toDax(columns[key]);
            }
            case "UNICHAR": return String.fromCodePoint(this.number(arg(0), "UNICHAR"));
            default: {
                const key = printExpr({ kind: "call", fn: fn as never, args }, { width: Number.MAX_SAFE_INTEGER });
                const calls = this.context.calls ?? {};
                if (key in calls) return toDax(calls[key]);
                throw new DaxEvaluationError(`${fn} is outside the scalar subset (bind ${key})`);
            }
        }
    }
}

/**
 * DAX comparison: BLANK converts to the other side's type (0, "" or FALSE); two BLANKs are
 * equal; text compares case-insensitively (the default collation). Returns <0, 0 or >0.
 */
export function compare(a: DaxValue, b: DaxValue): number {
    if (isBlank(a) && isBlank(b)) return 0;
    if (isBlank(a)) return compare(blankAs(b), b);
    if (isBlank(b)) return compare(a, blankAs(a));
    if (typeof a === "string" && typeof b === "string") {
        const x = a.toLowerCase();
        const y = b.toLowerCase();
        return x < y ? -1 : x > y ? 1 : 0;
    }
    if (typeof a === "string" || typeof b === "string") {
        throw new DaxEvaluationError(`cannot compare text with a number (${JSON.stringify(a)}, ${JSON.stringify(b)})`);
    }
    const x = typeof a === "boolean" ? Number(a) : a;
    const y = typeof b === "boolean" ? Number(b) : b;
    return x < y ? -1 : x > y ? 1 : 0;
}

function blankAs(other: DaxValue): DaxValue {
    if (typeof other === "string") return "";
    if (typeof other === "boolean") return false;
    return 0;
}
