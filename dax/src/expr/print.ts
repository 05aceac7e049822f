import { BinaryOperator, Expr } from "./ast";
import { bracketName, columnText, numberLiteral, quoteString, quoteTable } from "./names";

/**
 * Print an expression tree in SQLBI's formatting style (the conventions of DAX Formatter):
 * a function name, a space, then the parenthesis; short calls on one line with spaces inside
 * the parentheses (`DIVIDE ( a, b )`, `BLANK ()`); longer calls with each argument on its own
 * line indented by four spaces and the closing parenthesis under the function name;
 * `VAR` lines then `RETURN` with the result indented; long conditions broken before `&&`/`||`.
 */
export interface PrintOptions {
    /** Longest line (with indentation) that a call is kept on one line for. */
    readonly width?: number;
    readonly indentUnit?: string;
}

const DEFAULT_WIDTH = 100;

const PRECEDENCE: Readonly<Record<BinaryOperator, number>> = {
    "||": 1, "&&": 2,
    "=": 4, "==": 4, "<>": 4, "<": 4, "<=": 4, ">": 4, ">=": 4,
    "&": 5, "+": 6, "-": 6, "*": 7,
};

/** Trees are immutable, so the default layout of a tree is printed once (the query and TMDL share it). */
const defaultLayout = new WeakMap<Expr, string>();

export function printExpr(expr: Expr, options: PrintOptions = {}): string {
    const isDefault = options.width === undefined && options.indentUnit === undefined;
    if (isDefault) {
        const cached = defaultLayout.get(expr);
        if (cached !== undefined) return cached;
    }
    const printer = new Printer(options.width ?? DEFAULT_WIDTH, options.indentUnit ?? "    ");
    const text = printer.lines(expr, 0).join("\n");
    if (isDefault) defaultLayout.set(expr, text);
    return text;
}

function isNotOperator(e: Expr): boolean {
    return e.kind === "call" && e.fn === "NOT" && e.args.length === 1;
}

/** Operands printed after NOT without parentheses (DAX Formatter writes NOT ISBLANK ( x )). */
function isAtom(e: Expr): boolean {
    return e.kind === "call" || e.kind === "var" || e.kind === "measure" || e.kind === "boolean";
}

class Printer {
    constructor(private readonly width: number, private readonly unit: string) {}

    private readonly flatCache = new WeakMap<Expr, string | null>();

    /**
     * One-line form, or null when the expression must span lines (VAR blocks, multi-line text)
     * or is a call, operator or sign longer than the width: no line can hold it then, so the
     * one-line text of every level of a large tree is no longer built only to be thrown away
     * (the layout is unchanged). Names and literals are always returned.
     */
    flat(e: Expr): string | null {
        // Names and literals are cheaper to print again than to look up.
        if (e.kind !== "call" && e.kind !== "binary" && e.kind !== "negate" && e.kind !== "verbatim") return this.flatUncached(e);
        const cached = this.flatCache.get(e);
        if (cached !== undefined) return cached;
        const built = this.flatUncached(e);
        const text = built !== null && built.length > this.width && (e.kind === "call" || e.kind === "binary" || e.kind === "negate") ? null : built;
        this.flatCache.set(e, text);
        return text;
    }

    private flatUncached(e: Expr): string | null {
        switch (e.kind) {
            case "number": return numberLiteral(e.value);
            case "string": return quoteString(e.value);
            case "boolean": return e.value ? "TRUE ()" : "FALSE ()";
            case "blank": return "BLANK ()";
            case "column": return columnText(e.table, e.column);
            case "table": return quoteTable(e.table);
            case "measure": return bracketName(e.name);
            case "var": return e.name;
            // A comment would swallow whatever is printed after the text on its line: never flat.
            case "verbatim": return e.text.includes("\n") || /--|\/\/|\/\*/.test(e.text) ? null : e.text.trim();
            case "let": return null;
            case "negate": {
                const inner = this.flat(e.operand);
                if (inner === null) return null;
                // Parenthesised after a binary operator, a sign or a negative literal: `--x` would start a comment.
                return e.operand.kind === "binary" || e.operand.kind === "negate" || isNotOperator(e.operand)
                    || (e.operand.kind === "number" && e.operand.value < 0) ? `-( ${inner} )` : `-${inner}`;
            }
            case "call": {
                if (e.args.length === 0) return `${e.fn} ()`;
                if (e.fn === "NOT" && e.args.length === 1 && isAtom(e.args[0])) {
                    const inner = this.flat(e.args[0]);
                    return inner === null ? null : `NOT ${inner}`;
                }
                const args: string[] = [];
                let length = e.fn.length;
                for (const arg of e.args) {
                    const text = this.flat(arg);
                    if (text === null) return null;
                    length += text.length + 2;
                    if (length > this.width) return null;
                    args.push(text);
                }
                return `${e.fn} ( ${args.join(", ")} )`;
            }
            case "binary": {
                const left = this.flatOperand(e.left, e.op, "left");
                const right = this.flatOperand(e.right, e.op, "right");
                return left === null || right === null ? null : `${left} ${e.op} ${right}`;
            }
        }
    }

    private needsParens(child: Expr, op: BinaryOperator, side: "left" | "right"): boolean {
        if (child.kind === "number" && child.value < 0) return side === "right" || PRECEDENCE[op] > 6;
        if (child.kind === "negate") return false;
        // NOT binds more loosely than comparisons and arithmetic (DAX operator precedence), so
        // `NOT x` as their operand needs parentheses: `( NOT x ) = y`, not `NOT x = y`.
        if (child.kind === "call" && child.fn === "NOT" && child.args.length === 1) return PRECEDENCE[op] > 2;
        if (child.kind === "verbatim" || child.kind === "let") return true;
        if (child.kind !== "binary") return false;
        const mine = PRECEDENCE[op];
        const theirs = PRECEDENCE[child.op];
        return side === "left" ? theirs < mine : theirs <= mine;
    }

    private flatOperand(child: Expr, op: BinaryOperator, side: "left" | "right"): string | null {
        const text = this.flat(child);
        if (text === null) return null;
        return this.needsParens(child, op, side) ? `( ${text} )` : text;
    }

    /** Lines at the given depth (each line carries its own indentation). */
    lines(e: Expr, depth: number): string[] {
        const pad = this.unit.repeat(depth);
        const flat = this.flat(e);
        if (flat !== null && pad.length + flat.length <= this.width) return [pad + flat];
        switch (e.kind) {
            case "let": {
                const out: string[] = [];
                for (const v of e.vars) {
                    const value = this.flat(v.value);
                    if (value !== null && pad.length + v.name.length + 7 + value.length <= this.width) {
                        out.push(`${pad}VAR ${v.name} = ${value}`);
                    } else {
                        out.push(`${pad}VAR ${v.name} =`);
                        out.push(...this.lines(v.value, depth + 1));
                    }
                }
                out.push(`${pad}RETURN`);
                out.push(...this.lines(e.body, depth + 1));
                return out;
            }
            case "call": {
                const out = [`${pad}${e.fn} (`];
                if (e.fn === "SWITCH" && e.args.length > 0) {
                    const groups: Expr[][] = [[e.args[0]]];
                    for (let i = 1; i < e.args.length; i += 2) groups.push(e.args.slice(i, i + 2));
                    return this.groupedLines(groups, depth, out);
                }
                if (e.fn === "SUMMARIZECOLUMNS" || e.fn === "ROW") {
                    // Group-by columns one per line, then each "name", expression pair on one line.
                    const firstName = e.args.findIndex(a => a.kind === "string");
                    const split = firstName === -1 ? e.args.length : firstName;
                    const groups: Expr[][] = e.args.slice(0, split).map(a => [a]);
                    for (let i = split; i < e.args.length; i += 2) groups.push(e.args.slice(i, i + 2));
                    return this.groupedLines(groups, depth, out);
                }
                e.args.forEach((arg, index) => {
                    const argLines = this.lines(arg, depth + 1);
                    if (index < e.args.length - 1) argLines[argLines.length - 1] += ",";
                    out.push(...argLines);
                });
                out.push(`${pad})`);
                return out;
            }
            case "binary": {
                const left = this.operandLines(e.left, e.op, "left", depth);
                const right = this.operandLines(e.right, e.op, "right", depth + 1);
                const innerPad = this.unit.repeat(depth + 1);
                right[0] = `${innerPad}${e.op} ${right[0].slice(innerPad.length)}`;
                return [...left, ...right];
            }
            case "negate": {
                const inner = this.lines(e.operand, depth + 1);
                return [`${pad}-(`, ...inner, `${pad})`];
            }
            case "verbatim": {
                const textLines = e.text.replace(/\r\n/g, "\n").split("\n");
                const indents = textLines.filter(l => l.trim() !== "").map(l => /^\s*/.exec(l)![0].length);
                const common = indents.length ? Math.min(...indents) : 0;
                return textLines.filter((l, i) => l.trim() !== "" || (i > 0 && i < textLines.length - 1))
                    .map(l => (l.trim() === "" ? "" : pad + l.slice(common).replace(/\s+$/, "")));
            }
            default:
                return [pad + (flat ?? "")];
        }
    }

    /** Arguments in groups (SWITCH value/result pairs, SUMMARIZECOLUMNS name/expression pairs), a group per line when it fits. */
    private groupedLines(groups: readonly Expr[][], depth: number, out: string[]): string[] {
        const pad = this.unit.repeat(depth);
        const innerPad = this.unit.repeat(depth + 1);
        groups.forEach((group, index) => {
            const last = index === groups.length - 1;
            const flats = group.map(g => this.flat(g));
            const joined = flats.every(f => f !== null) ? flats.join(", ") : null;
            const groupLines = joined !== null && innerPad.length + joined.length + 1 <= this.width
                ? [innerPad + joined]
                : group.flatMap((g, j) => {
                    const lines = this.lines(g, depth + 1);
                    if (j < group.length - 1) lines[lines.length - 1] += ",";
                    return lines;
                });
            if (!last) groupLines[groupLines.length - 1] += ",";
            out.push(...groupLines);
        });
        out.push(`${pad})`);
        return out;
    }

    private operandLines(child: Expr, op: BinaryOperator, side: "left" | "right", depth: number): string[] {
        if (!this.needsParens(child, op, side)) return this.lines(child, depth);
        const pad = this.unit.repeat(depth);
        return [`${pad}(`, ...this.lines(child, depth + 1), `${pad})`];
    }
}
