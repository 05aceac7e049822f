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
function mapShared(items: readonly Expr[], f: (item: Expr, map: ReadonlyMap<string, Expr>) => Expr, map: ReadonlyMap<string, Expr> = NO_SUBSTITUTIONS): readonly Expr[] {
    let out: Expr[] | null = null;
    for (let i = 0; i < items.length; i++) {
        const value = f(items[i], map);
        if (out !== null) out.push(value);
        else if (value !== items[i]) {
            out = items.slice(0, i);
            out.push(value);
        }
    }
    return out ?? items;
}

const NO_SUBSTITUTIONS: ReadonlyMap<string, Expr> = new Map();

function isLiteral(e: Expr): boolean {
    return e.kind === "number" || e.kind === "string" || e.kind === "boolean" || e.kind === "blank";
}

function foldLet(vars: readonly VarDefinition[], body: Expr): Expr {
    const substitutions = new Map<string, Expr>();
    const kept: VarDefinition[] = [];
    for (const v of vars) {
        const value = foldIn(v.value, substitutions);
        if (isLiteral(value) || value.kind === "var") substitutions.set(v.name, value);
        else kept.push({ name: v.name, value });
    }
    const newBody = foldIn(body, substitutions);
    // Drop variables nothing refers to (repeat: dropping one can orphan another). Each tree is
    // walked once; the rounds only combine the names found.
    const bodyNames = new Set<string>();
    collectVars(newBody, bodyNames);
    const valueNames: Set<string>[] = [];
    for (let i = 0; i < kept.length; i++) {
        const names = new Set<string>();
        collectVars(kept[i].value, names);
        valueNames.push(names);
    }
    let live: number[] = [];
    for (let i = 0; i < kept.length; i++) live.push(i);
    for (;;) {
        const used = new Set(bodyNames);
        for (let j = 0; j < live.length; j++) valueNames[live[j]].forEach(name => used.add(name));
        const next = live.filter(i => used.has(kept[i].name));
        if (next.length === live.length) break;
        live = next;
    }
    const liveVars = live.map(i => kept[i]);
    if (liveVars.length === 0) return newBody;
    // VAR ... RETURN VAR ... RETURN reads better as one block when the names do not clash.
    if (newBody.kind === "let" && !newBody.vars.some(v => liveVars.some(l => l.name === v.name))) {
        return { kind: "let", vars: [...liveVars, ...newBody.vars], body: newBody.body };
    }
    return { kind: "let", vars: liveVars, body: newBody };
}

/**
 * `fold(substitute(e, map))` in one walk (the map holds only literals and variables, which fold
 * leaves as they are), so a tree is not copied once to substitute and again to fold.
 */
function foldIn(e: Expr, map: ReadonlyMap<string, Expr>): Expr {
    if (map.size === 0) return fold(e);
    switch (e.kind) {
        case "var": return map.get(e.name) ?? e;
        case "call": {
            const args = mapShared(e.args, foldIn, map);
            return foldCall(e.fn, args, args === e.args ? e : undefined);
        }
        case "binary": {
            const left = foldIn(e.left, map);
            const right = foldIn(e.right, map);
            return foldBinary(e.op, left, right, left === e.left && right === e.right ? e : undefined);
        }
        case "negate": {
            const operand = foldIn(e.operand, map);
            if (operand.kind === "number") return num(-operand.value === 0 ? 0 : -operand.value);
            return operand === e.operand ? e : { kind: "negate", operand };
        }
        case "let": return fold(substitute(e, map));
        default: return e;
    }
}

function substitute(e: Expr, map: ReadonlyMap<string, Expr>): Expr {
    if (map.size === 0) return e;
    switch (e.kind) {
        case "var": return map.get(e.name) ?? e;
        case "call": {
            const args = mapShared(e.args, substitute, map);
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
        case "call": for (let i = 0; i < e.args.length; i++) collectVars(e.args[i], into); break;
        case "binary": collectVars(e.left, into); collectVars(e.right, into); break;
        case "negate": collectVars(e.operand, into); break;
        case "let": for (const v of e.vars) collectVars(v.value, into); collectVars(e.body, into); break;
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
    // args: subject, then value/condition and result pairs, then an optional otherwise.
    const subject = args[0];
    const pairs = (args.length - 1) >> 1;
    const otherwise: Expr | undefined = (args.length - 1) % 2 === 1 ? args[args.length - 1] : undefined;
    if (subject.kind === "boolean" && subject.value) {
        // The folded SWITCH's arguments: the subject, then the pairs kept.
        const kept: Expr[] = [subject];
        for (let p = 0; p < pairs; p++) {
            const condition = args[1 + 2 * p];
            const result = args[2 + 2 * p];
            const t = truth(condition);
            if (t === false) continue;
            if (t === true) {
                if (kept.length === 1) return result;
                kept.push(result);
                return { kind: "call", fn: "SWITCH", args: kept };
            }
            kept.push(condition, result);
        }
        if (kept.length === 1) return otherwise ?? { kind: "blank" };
        if (kept.length === 1 + 2 * pairs) return rebuilt;
        if (otherwise !== undefined) kept.push(otherwise);
        return { kind: "call", fn: "SWITCH", args: kept };
    }
    if (subject.kind === "string") {
        for (let p = 0; p < pairs; p++) if (args[1 + 2 * p].kind !== "string") return rebuilt;
        const key = subject.value.toLowerCase();
        for (let p = 0; p < pairs; p++) {
            if ((args[1 + 2 * p] as { value: string }).value.toLowerCase() === key) return args[2 + 2 * p];
        }
        return otherwise ?? { kind: "blank" };
    }
    return rebuilt;
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
