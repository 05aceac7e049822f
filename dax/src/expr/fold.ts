import { roundHalfAwayFromZero } from "../../../src/rules";
import { DaxFunctionName, Expr, VarDefinition } from "./ast";
import { bool, num } from "./build";

/**
 * Constant folding: per-KPI measures inline the dictionary's constants, so conditions such as
 * `ISBLANK ( 85 )` or `"High" = "High"` are decided here and only the branch that can run is
 * printed. Every rewrite keeps DAX's meaning (the property tests evaluate folded and unfolded
 * trees against the rating rules). Variables bound to literals are inlined; unused ones dropped.
 */
export function fold(e: Expr): Expr {
    switch (e.kind) {
        case "call": {
            const args = mapShared(e.args, fold);
            return foldCall(e.fn, args, args === e.args ? e : undefined);
        }
        case "binary": {
            const left = fold(e.left);
            const right = fold(e.right);
            return foldBinary(e.op, left, right, left === e.left && right === e.right ? e : undefined);
        }
        case "negate": {
            const operand = fold(e.operand);
            if (operand.kind === "number") return num(-operand.value === 0 ? 0 : -operand.value);
            return operand === e.operand ? e : { kind: "negate", operand };
        }
        case "let": return foldLet(e.vars, e.body);
        default: return e;
    }
}

/**
 * `items.map(f)`, or `items` itself when `f` returns every item unchanged: trees are immutable,
 * so folding and substituting share the subtrees they leave alone instead of copying them (a
 * 10,000-KPI dictionary folds about 50,000 trees, most of whose nodes do not change).
 */
function mapShared(items: readonly Expr[], f: (item: Expr) => Expr): readonly Expr[] {
    let out: Expr[] | null = null;
    for (let i = 0; i < items.length; i++) {
        const value = f(items[i]);
        if (out !== null) out.push(value);
        else if (value !== items[i]) {
            out = items.slice(0, i);
            out.push(value);
        }
    }
    return out ?? items;
}

function isLiteral(e: Expr): boolean {
    return e.kind === "number" || e.kind === "string" || e.kind === "boolean" || e.kind === "blank";
}

function foldLet(vars: readonly VarDefinition[], body: Expr): Expr {
    const substitutions = new Map<string, Expr>();
    const kept: VarDefinition[] = [];
    for (const v of vars) {
        const value = fold(substitute(v.value, substitutions));
        if (isLiteral(value) || value.kind === "var") substitutions.set(v.name, value);
        else kept.push({ name: v.name, value });
    }
    const newBody = fold(substitute(body, substitutions));
    // Drop variables nothing refers to (repeat: dropping one can orphan another).
    let live = kept;
    for (;;) {
        const used = new Set<string>();
        collectVars(newBody, used);
        for (const v of live) collectVars(v.value, used);
        const next = live.filter(v => used.has(v.name));
        if (next.length === live.length) break;
        live = next;
    }
    if (live.length === 0) return newBody;
    // VAR ... RETURN VAR ... RETURN reads better as one block when the names do not clash.
    if (newBody.kind === "let" && !newBody.vars.some(v => live.some(l => l.name === v.name))) {
        return { kind: "let", vars: [...live, ...newBody.vars], body: newBody.body };
    }
    return { kind: "let", vars: live, body: newBody };
}

function substitute(e: Expr, map: ReadonlyMap<string, Expr>): Expr {
    if (map.size === 0) return e;
    switch (e.kind) {
        case "var": return map.get(e.name) ?? e;
        case "call": {
            const args = mapShared(e.args, a => substitute(a, map));
            return args === e.args ? e : { ...e, args };
        }
        case "binary": {
            const left = substitute(e.left, map);
            const right = substitute(e.right, map);
            return left === e.left && right === e.right ? e : { ...e, left, right };
        }
        case "negate": {
            const operand = substitute(e.operand, map);
            return operand === e.operand ? e : { ...e, operand };
        }
        case "let": {
            const inner = new Map(map);
            const vars = e.vars.map(v => {
                const value = substitute(v.value, inner);
                inner.delete(v.name);
                return { name: v.name, value };
            });
            return { kind: "let", vars, body: substitute(e.body, inner) };
        }
        default: return e;
    }
}

export function collectVars(e: Expr, into: Set<string>): void {
    switch (e.kind) {
        case "var": into.add(e.name); break;
        case "call": e.args.forEach(a => collectVars(a, into)); break;
        case "binary": collectVars(e.left, into); collectVars(e.right, into); break;
        case "negate": collectVars(e.operand, into); break;
        case "let": e.vars.forEach(v => collectVars(v.value, into)); collectVars(e.body, into); break;
        default: break;
    }
}

/** A literal's truth for IF/SWITCH (DAX converts BLANK to FALSE, numbers by <> 0); null when unknown. */
function truth(e: Expr): boolean | null {
    if (e.kind === "boolean") return e.value;
    if (e.kind === "blank") return false;
    if (e.kind === "number") return e.value !== 0;
    return null;
}

/** `unchanged`: the call itself when no argument changed (returned as is when nothing folds). */
function foldCall(fn: DaxFunctionName, args: readonly Expr[], unchanged?: Expr): Expr {
    const rebuilt: Expr = unchanged ?? { kind: "call", fn, args };
    switch (fn) {
        case "ISBLANK": {
            const a = args[0];
            if (a.kind === "blank") return bool(true);
            if (a.kind === "number" || a.kind === "string" || a.kind === "boolean") return bool(false);
            return rebuilt;
        }
        case "NOT": {
            const t = args[0].kind === "boolean" ? args[0].value : null;
            return t === null ? rebuilt : bool(!t);
        }
        case "ABS":
            return args[0].kind === "number" ? num(Math.abs(args[0].value)) : rebuilt;
        case "ROUND":
            return args[0].kind === "number" && args[1].kind === "number"
                ? num(roundHalfAwayFromZero(args[0].value, args[1].value)) : rebuilt;
        case "MAX":
            return args.length === 2 && args[0].kind === "number" && args[1].kind === "number"
                ? num(Math.max(args[0].value, args[1].value)) : rebuilt;
        case "COALESCE": {
            const rest = args.filter(a => a.kind !== "blank");
            if (rest.length === 0) return { kind: "blank" };
            if (isLiteral(rest[0])) return rest[0];
            return rest.length === 1 ? rest[0] : { ...rebuilt, args: rest } as Expr;
        }
        case "IF": {
            const t = truth(args[0]);
            if (t === null) return rebuilt;
            return t ? args[1] : (args[2] ?? { kind: "blank" });
        }
        case "SWITCH":
            return foldSwitch(args, rebuilt);
        default:
            return rebuilt;
    }
}

function foldSwitch(args: readonly Expr[], rebuilt: Expr): Expr {
    const [subject, ...rest] = args;
    const pairs: [Expr, Expr][] = [];
    for (let i = 0; i + 1 < rest.length; i += 2) pairs.push([rest[i], rest[i + 1]]);
    const otherwise: Expr | undefined = rest.length % 2 === 1 ? rest[rest.length - 1] : undefined;
    if (subject.kind === "boolean" && subject.value) {
        const kept: [Expr, Expr][] = [];
        for (const [condition, result] of pairs) {
            const t = truth(condition);
            if (t === false) continue;
            if (t === true) {
                if (kept.length === 0) return result;
                return rebuildSwitch(subject, kept, result);
            }
            kept.push([condition, result]);
        }
        if (kept.length === 0) return otherwise ?? { kind: "blank" };
        if (kept.length === pairs.length) return rebuilt;
        return rebuildSwitch(subject, kept, otherwise);
    }
    if (subject.kind === "string" && pairs.every(([v]) => v.kind === "string")) {
        const hit = pairs.find(([v]) => (v as { value: string }).value.toLowerCase() === subject.value.toLowerCase());
        return hit ? hit[1] : (otherwise ?? { kind: "blank" });
    }
    return rebuilt;
}

function rebuildSwitch(subject: Expr, pairs: [Expr, Expr][], otherwise: Expr | undefined): Expr {
    const args: Expr[] = [subject];
    for (const [c, r] of pairs) args.push(c, r);
    if (otherwise !== undefined) args.push(otherwise);
    return { kind: "call", fn: "SWITCH", args };
}

/** `unchanged`: the operation itself when neither operand changed (returned as is when nothing folds). */
function foldBinary(op: string, left: Expr, right: Expr, unchanged?: Expr): Expr {
    const rebuilt = unchanged ?? { kind: "binary", op, left, right } as Expr;
    if (op === "&&" || op === "||") {
        const l = truth(left);
        const r = truth(right);
        if (op === "&&") {
            if (l === false || r === false) return bool(false);
            if (l === true && r === true) return bool(true);
            if (l === true && isBooleanValued(right)) return right;
            if (r === true && isBooleanValued(left)) return left;
        } else {
            if (l === true || r === true) return bool(true);
            if (l === false && r === false) return bool(false);
            if (l === false && isBooleanValued(right)) return right;
            if (r === false && isBooleanValued(left)) return left;
        }
        return rebuilt;
    }
    // Arithmetic on constants is left for the reader to see (0.1 * 0.85 is a relative
    // tolerance); only exact identities are removed: x * 1, 1 * x, x + 0, 0 + x.
    if (op === "*" && right.kind === "number" && right.value === 1) return left;
    if (op === "*" && left.kind === "number" && left.value === 1) return right;
    if (op === "+" && right.kind === "number" && right.value === 0) return left;
    if (op === "+" && left.kind === "number" && left.value === 0) return right;
    if (left.kind === "number" && right.kind === "number") {
        const a = left.value;
        const b = right.value;
        switch (op) {
            case "=": case "==": return bool(a === b);
            case "<>": return bool(a !== b);
            case "<": return bool(a < b);
            case "<=": return bool(a <= b);
            case ">": return bool(a > b);
            case ">=": return bool(a >= b);
            default: return rebuilt;
        }
    }
    if (left.kind === "string" && right.kind === "string" && (op === "=" || op === "<>")) {
        const same = left.value.toLowerCase() === right.value.toLowerCase();
        return bool(op === "=" ? same : !same);
    }
    return rebuilt;
}

/** True when the expression always yields TRUE or FALSE (never BLANK), so `x && TRUE` can be `x`. */
function isBooleanValued(e: Expr): boolean {
    if (e.kind === "boolean") return true;
    if (e.kind === "binary") return ["=", "==", "<>", "<", "<=", ">", ">=", "&&", "||"].includes(e.op);
    if (e.kind === "call") return ["ISBLANK", "NOT", "HASONEVALUE"].includes(e.fn);
    return false;
}
