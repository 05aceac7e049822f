import { roundHalfAwayFromZero } from "../../../src/rules";

/**
 * DAX scalar values and the operations on them with DAX's BLANK semantics (docs/dax-generator.md,
 * "BLANK semantics", lists each rule with its source). The one tree walker is the engine
 * (dax/src/engine/evaluate.ts); it calls these for operators and scalar functions. Where
 * Microsoft documents no result for BLANK (ROUND, ABS, unary minus), these
 * refuse rather than guess, so a test fails if generated DAX ever depends on such a case.
 */
export const BLANK_VALUE: unique symbol = Symbol("BLANK");
export type DaxValue = number | string | boolean | typeof BLANK_VALUE;

export class DaxEvaluationError extends Error {}

export const isBlank = (v: DaxValue): v is typeof BLANK_VALUE => v === BLANK_VALUE;

/** Convert a JavaScript value to a DAX value: null/undefined are BLANK. */
export function toDax(value: DaxValue | null | undefined): DaxValue {
    return value === null || value === undefined ? BLANK_VALUE : value;
}

export function toNumber(v: DaxValue, where: string): number {
    if (typeof v === "number") return v;
    if (typeof v === "boolean") return v ? 1 : 0;
    if (isBlank(v)) return 0;
    throw new DaxEvaluationError(`${where}: text ${JSON.stringify(v)} cannot be converted to a number`);
}

/** DAX converts BLANK to FALSE in a logical test; numbers are TRUE when not 0. */
export function truth(v: DaxValue): boolean {
    if (isBlank(v)) return false;
    if (typeof v === "boolean") return v;
    if (typeof v === "number") return v !== 0;
    throw new DaxEvaluationError(`text ${JSON.stringify(v)} used as a condition`);
}

export function toText(v: DaxValue): string {
    if (isBlank(v)) return "";
    if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
    return String(v);
}

/** A binary operator other than && and || (those short-circuit in the engine). */
export function binaryOperation(op: string, left: DaxValue, right: DaxValue): DaxValue {
    switch (op) {
        case "+":
            if (isBlank(left) && isBlank(right)) return BLANK_VALUE;
            return toNumber(left, "+") + toNumber(right, "+");
        case "-":
            if (isBlank(left) && isBlank(right)) return BLANK_VALUE;
            return toNumber(left, "-") - toNumber(right, "-");
        case "*":
            if (isBlank(left) || isBlank(right)) return BLANK_VALUE;
            return toNumber(left, "*") * toNumber(right, "*");
        case "&":
            return toText(left) + toText(right);
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

export function negate(v: DaxValue): DaxValue {
    if (isBlank(v)) throw new DaxEvaluationError("unary minus of BLANK is not documented");
    return -toNumber(v, "unary minus");
}

/**
 * Scalar functions whose arguments are all evaluated first (IF, SWITCH, COALESCE, AND, OR are
 * lazy and live in the engine). Returns undefined for a name that is not one of them.
 */
export function scalarFunction(fn: string, args: readonly DaxValue[]): DaxValue | undefined {
    switch (fn) {
        case "ISBLANK": return isBlank(args[0]);
        case "NOT": return !truth(args[0]);
        case "DIVIDE": {
            // https://learn.microsoft.com/en-us/dax/divide-function: the alternate result (BLANK by default) when the denominator is 0 or BLANK.
            const [numerator, denominator] = args;
            const alternate = args.length > 2 ? args[2] : BLANK_VALUE;
            if (isBlank(denominator) || toNumber(denominator, "DIVIDE") === 0) return alternate;
            if (isBlank(numerator)) return BLANK_VALUE;
            return toNumber(numerator, "DIVIDE") / toNumber(denominator, "DIVIDE");
        }
        case "ROUND": {
            // https://learn.microsoft.com/en-us/dax/round-function: half away from zero; negative digits round left of the point.
            const [value, digits] = args;
            if (isBlank(value) || isBlank(digits)) throw new DaxEvaluationError("ROUND of BLANK is not documented");
            return roundHalfAwayFromZero(toNumber(value, "ROUND"), Math.trunc(toNumber(digits, "ROUND")));
        }
        case "ABS": {
            if (isBlank(args[0])) throw new DaxEvaluationError("ABS of BLANK is not documented");
            return Math.abs(toNumber(args[0], "ABS"));
        }
        case "MAX": {
            // https://learn.microsoft.com/en-us/dax/max-function-dax: of two expressions, BLANK compares as 0;
            // BLANK when both are BLANK; TRUE/FALSE are not supported. For a negative value and BLANK
            // Microsoft gives 0 and https://dax.guide/max/ gives BLANK: the sources differ, so it is refused.
            if (args.length !== 2) throw new DaxEvaluationError("MAX takes a column or two scalars");
            const [a, b] = args;
            if (isBlank(a) && isBlank(b)) return BLANK_VALUE;
            if (typeof a === "boolean" || typeof b === "boolean") throw new DaxEvaluationError("MAX of TRUE/FALSE is not supported");
            if ((isBlank(a) && toNumber(b, "MAX") < 0) || (isBlank(b) && toNumber(a, "MAX") < 0)) {
                throw new DaxEvaluationError("MAX of a negative value and BLANK: Microsoft's reference and dax.guide disagree (0 or BLANK)");
            }
            return Math.max(toNumber(a, "MAX"), toNumber(b, "MAX"));
        }
        case "TRIM": {
            // https://learn.microsoft.com/en-us/dax/trim-function-dax: removes all spaces except single spaces between words.
            const v = args[0];
            return isBlank(v) ? "" : toText(v).replace(/ +/g, " ").replace(/^ | $/g, "");
        }
        case "LOWER": return isBlank(args[0]) ? "" : toText(args[0]).toLowerCase();
        case "UNICHAR": return String.fromCodePoint(toNumber(args[0], "UNICHAR"));
        default: return undefined;
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
