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

    // A Map, not a WeakMap: a printer lives for one printExpr call, and Map lookups are cheaper.
    private readonly flatCache = new Map<Expr, string | null>();

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
                for (let i = 0; i < e.args.length; i++) {
                    const text = this.flat(e.args[i]);
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

    /** Indentation strings by depth, built once per printer. */
    private readonly pads: string[] = [""];

    private pad(depth: number): string {
        while (this.pads.length <= depth) this.pads.push(this.pads[this.pads.length - 1] + this.unit);
        return this.pads[depth];
    }

    /** Lines at the given depth (each line carries its own indentation). */
    lines(e: Expr, depth: number): string[] {
        const out: string[] = [];
        this.emit(e, depth, out);
        return out;
    }

    /**
     * Append the lines of `e` at `depth` to `out`. Every level writes into the one list (a
     * nested call no longer returns a list its parent copies), so printing is linear in the
     * number of lines whatever the depth.
     */
    private emit(e: Expr, depth: number, out: string[]): void {
        const pad = this.pad(depth);
        const flat = this.flat(e);
        if (flat !== null && pad.length + flat.length <= this.width) {
            out.push(pad + flat);
            return;
        }
        switch (e.kind) {
            case "let": {
                for (const v of e.vars) {
                    const value = this.flat(v.value);
                    if (value !== null && pad.length + v.name.length + 7 + value.length <= this.width) {
                        out.push(`${pad}VAR ${v.name} = ${value}`);
                    } else {
                        out.push(`${pad}VAR ${v.name} =`);
                        this.emit(v.value, depth + 1, out);
                    }
                }
                out.push(`${pad}RETURN`);
                this.emit(e.body, depth + 1, out);
                return;
            }
            case "call": {
                out.push(`${pad}${e.fn} (`);
                if (e.fn === "SWITCH" && e.args.length > 0) {
                    const groups: Expr[][] = [[e.args[0]]];
                    for (let i = 1; i < e.args.length; i += 2) groups.push(e.args.slice(i, i + 2));
                    this.emitGroups(groups, depth, out);
                    return;
                }
                if (e.fn === "SUMMARIZECOLUMNS" || e.fn === "ROW") {
                    // Group-by columns one per line, then each "name", expression pair on one line.
                    const firstName = e.args.findIndex(a => a.kind === "string");
                    const split = firstName === -1 ? e.args.length : firstName;
                    const groups: Expr[][] = e.args.slice(0, split).map(a => [a]);
                    for (let i = split; i < e.args.length; i += 2) groups.push(e.args.slice(i, i + 2));
                    this.emitGroups(groups, depth, out);
                    return;
                }
                for (let index = 0; index < e.args.length; index++) {
                    const before = out.length;
                    this.emit(e.args[index], depth + 1, out);
                    if (index < e.args.length - 1) appendToLast(out, before, ",");
                }
                out.push(`${pad})`);
                return;
            }
            case "binary": {
                this.emitOperand(e.left, e.op, "left", depth, out);
                const first = out.length;
                this.emitOperand(e.right, e.op, "right", depth + 1, out);
                const innerPad = this.pad(depth + 1);
                out[first] = `${innerPad}${e.op} ${out[first].slice(innerPad.length)}`;
                return;
            }
            case "negate": {
                out.push(`${pad}-(`);
                this.emit(e.operand, depth + 1, out);
                out.push(`${pad})`);
                return;
            }
            case "verbatim": {
                const textLines = e.text.replace(/\r\n/g, "\n").split("\n");
                const indents = textLines.filter(l => l.trim() !== "").map(l => /^\s*/.exec(l)![0].length);
                const common = indents.length ? Math.min(...indents) : 0;
                textLines.forEach((l, i) => {
                    if (l.trim() !== "") out.push(pad + l.slice(common).replace(/\s+$/, ""));
                    else if (i > 0 && i < textLines.length - 1) out.push("");
                });
                return;
            }
            default:
                out.push(pad + (flat ?? ""));
        }
    }

    /** Arguments in groups (SWITCH value/result pairs, SUMMARIZECOLUMNS name/expression pairs), a group per line when it fits. */
    private emitGroups(groups: readonly Expr[][], depth: number, out: string[]): void {
        const pad = this.pad(depth);
        const innerPad = this.pad(depth + 1);
        for (let index = 0; index < groups.length; index++) {
            const group = groups[index];
            const last = index === groups.length - 1;
            const groupStart = out.length;
            // The group on one line: its members' one-line forms joined by ", ", when all have one.
            let joined: string | null = "";
            for (let j = 0; j < group.length && joined !== null; j++) {
                const flat = this.flat(group[j]);
                joined = flat === null ? null : j === 0 ? flat : `${joined}, ${flat}`;
            }
            if (joined !== null && innerPad.length + joined.length + 1 <= this.width) {
                out.push(innerPad + joined);
            } else {
                for (let j = 0; j < group.length; j++) {
                    const before = out.length;
                    this.emit(group[j], depth + 1, out);
                    if (j < group.length - 1) appendToLast(out, before, ",");
                }
            }
            if (!last) appendToLast(out, groupStart, ",");
        }
        out.push(`${pad})`);
    }

    private emitOperand(child: Expr, op: BinaryOperator, side: "left" | "right", depth: number, out: string[]): void {
        if (!this.needsParens(child, op, side)) {
            this.emit(child, depth, out);
            return;
        }
        const pad = this.pad(depth);
        out.push(`${pad}(`);
        this.emit(child, depth + 1, out);
        out.push(`${pad})`);
    }
}

/** Append `text` to the last line written since `from` (nothing when no line was: an empty verbatim writes none). */
function appendToLast(out: string[], from: number, text: string): void {
    if (out.length > from) out[out.length - 1] += text;
}
