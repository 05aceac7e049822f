/**
 * An evaluator for the expression language of Best Practice Analyzer rules (BPARules.json):
 * Dynamic LINQ (System.Linq.Dynamic) over Tabular Editor's object model, as Tabular Editor
 * evaluates a rule for each object in its scope.
 *
 * What it reads: string literals in double quotes (`""` is a quote; a backslash is just a
 * backslash, as in the original System.Linq.Dynamic, so regular expressions such as `"\]\s*"`
 * arrive intact and AVOID_DUPLICATE_MEASURES's `Replace("\n","")` removes the two characters
 * `\n`, not line breaks),
 * numbers, `true` / `false` / `null`; `and` `or` `not` `&&` `||` `!`; `=` `==` `!=` `<>` `<` `>`
 * `<=` `>=`; `+` (numbers, or text when either side is text) `-` `*` `/`; member access, method
 * calls and `[index]`; lambdas as Dynamic LINQ writes them: inside `Any(...)`, `Where(...)` and
 * `Count(...)` an unqualified name is a member of the element (`it`), `outerIt` is the element
 * one level out and `current` is the object the rule is evaluated for; `Enum.Value` names
 * (`DataType.Int64`, `CrossFilteringBehavior.BothDirections`) read as the value's name; the
 * static helpers the published rules call (`RegEx.IsMatch`, `string.IsNullOrWhiteSpace`,
 * `Convert.ToInt64`/`ToInt32`/`ToDecimal`, `Math.Max`, `char.IsControl`, `char.IsWhiteSpace`,
 * `char(n)`) and the string methods (`Contains`, `StartsWith`, `EndsWith`, `IndexOf`,
 * `Replace`, `Substring`, `ToUpper`, `ToLower`, `ToString`, `ToCharArray`, `Length`).
 *
 * Anything else (an unknown member, a member of null, an unknown method) throws a
 * BpaExpressionError naming it: a rule is never guessed.
 *
 * .NET regular expressions are run as JavaScript ones; the one construct the rules use that
 * JavaScript lacks, the inline `(?i)` option, is removed and the whole pattern made
 * case-insensitive (the rules put it at the start or before a part that is matched
 * case-insensitively anyway).
 */

export class BpaExpressionError extends Error {}

type Value = unknown;

/** An object of the model: its members by name, plus methods such as GetAnnotation. */
export interface BpaObject {
    readonly [member: string]: unknown;
}

type Node =
    | { k: "lit"; v: Value }
    | { k: "id"; name: string }
    | { k: "member"; target: Node; name: string }
    | { k: "call"; target: Node | null; name: string; args: Node[] }
    | { k: "index"; target: Node; index: Node }
    | { k: "unary"; op: "not" | "-"; operand: Node }
    | { k: "binary"; op: string; left: Node; right: Node };

interface Token { t: "str" | "num" | "id" | "op" | "end"; v: string }

function tokenize(text: string): Token[] {
    const out: Token[] = [];
    let i = 0;
    while (i < text.length) {
        const c = text[i];
        if (/\s/.test(c)) { i++; continue; }
        if (c === "\"") {
            let s = "";
            i++;
            for (;;) {
                if (i >= text.length) throw new BpaExpressionError("unclosed string literal");
                if (text[i] === "\"") {
                    if (text[i + 1] === "\"") { s += "\""; i += 2; continue; }
                    i++;
                    break;
                }
                s += text[i++];
            }
            out.push({ t: "str", v: s });
            continue;
        }
        const num = /^\d+(\.\d+)?/.exec(text.slice(i));
        if (num) { out.push({ t: "num", v: num[0] }); i += num[0].length; continue; }
        const id = /^[A-Za-z_][A-Za-z0-9_]*/.exec(text.slice(i));
        if (id) { out.push({ t: "id", v: id[0] }); i += id[0].length; continue; }
        const op = ["==", "!=", "<>", "<=", ">=", "&&", "||", "=", "<", ">", "!", "+", "-", "*", "/", "(", ")", "[", "]", ",", "."].find(o => text.startsWith(o, i));
        if (!op) throw new BpaExpressionError(`unexpected character ${JSON.stringify(c)}`);
        out.push({ t: "op", v: op });
        i += op.length;
    }
    out.push({ t: "end", v: "" });
    return out;
}

const WORD_OPS: Readonly<Record<string, string>> = { and: "&&", or: "||" };

/** Parse a rule expression (for reuse: evaluate the tree for every object in scope). */
export function parseBpaExpression(text: string): Node {
    const tokens = tokenize(text);
    let p = 0;
    const peek = () => tokens[p];
    const isOp = (v: string) => peek().t === "op" && peek().v === v;
    const isWord = (v: string) => peek().t === "id" && peek().v.toLowerCase() === v;
    const expect = (v: string) => {
        if (!isOp(v)) throw new BpaExpressionError(`expected ${v} at token ${p} (${peek().v || "end"})`);
        p++;
    };
    const binaryOp = (ops: readonly string[]): string | null => {
        const t = peek();
        if (t.t === "op" && ops.includes(t.v)) { p++; return t.v; }
        if (t.t === "id" && WORD_OPS[t.v.toLowerCase()] && ops.includes(WORD_OPS[t.v.toLowerCase()])) { p++; return WORD_OPS[t.v.toLowerCase()]; }
        return null;
    };
    const level = (ops: readonly string[], next: () => Node) => (): Node => {
        let left = next();
        for (let op = binaryOp(ops); op !== null; op = binaryOp(ops)) left = { k: "binary", op, left, right: next() };
        return left;
    };
    const unary = (): Node => {
        if (isOp("!") || isWord("not")) { p++; return { k: "unary", op: "not", operand: unary() }; }
        if (isOp("-")) { p++; return { k: "unary", op: "-", operand: unary() }; }
        return postfix(primary());
    };
    const args = (): Node[] => {
        expect("(");
        const list: Node[] = [];
        if (!isOp(")")) {
            list.push(orExpr());
            while (isOp(",")) { p++; list.push(orExpr()); }
        }
        expect(")");
        return list;
    };
    const primary = (): Node => {
        const t = peek();
        if (t.t === "str") { p++; return { k: "lit", v: t.v }; }
        if (t.t === "num") { p++; return { k: "lit", v: Number(t.v) }; }
        if (isOp("(")) { p++; const e = orExpr(); expect(")"); return e; }
        if (t.t === "id") {
            p++;
            const lower = t.v.toLowerCase();
            if (lower === "true") return { k: "lit", v: true };
            if (lower === "false") return { k: "lit", v: false };
            if (lower === "null") return { k: "lit", v: null };
            if (isOp("(")) return { k: "call", target: null, name: t.v, args: args() };
            return { k: "id", name: t.v };
        }
        throw new BpaExpressionError(`unexpected ${t.v || "end of expression"}`);
    };
    const postfix = (node: Node): Node => {
        for (;;) {
            if (isOp(".")) {
                p++;
                const name = peek();
                if (name.t !== "id") throw new BpaExpressionError("expected a member name after .");
                p++;
                node = isOp("(") ? { k: "call", target: node, name: name.v, args: args() } : { k: "member", target: node, name: name.v };
            } else if (isOp("[")) {
                p++;
                const index = orExpr();
                expect("]");
                node = { k: "index", target: node, index };
            } else {
                return node;
            }
        }
    };
    const mul = level(["*", "/"], unary);
    const add = level(["+", "-"], mul);
    const rel = level(["<", ">", "<=", ">="], add);
    const eq = level(["=", "==", "!=", "<>"], rel);
    const andExpr = level(["&&"], eq);
    const orExpr: () => Node = level(["||"], andExpr);
    const tree = orExpr();
    if (peek().t !== "end") throw new BpaExpressionError(`unexpected ${peek().v} after the expression`);
    return tree;
}

interface Scope {
    /** Innermost element first. */
    readonly its: readonly Value[];
    readonly current: Value;
}

const ENUMS = new Set(["DataType", "CrossFilteringBehavior", "RelationshipEndCardinality", "ModeType", "AggregateFunction", "ObjectState", "PartitionSourceType", "ColumnType"]);
const STATICS = new Set(["RegEx", "Regex", "string", "String", "Convert", "Math", "char", "Char"]);

function dotnetRegex(pattern: string): RegExp {
    const insensitive = pattern.includes("(?i)");
    try {
        return new RegExp(pattern.replace(/\(\?i\)/g, ""), insensitive ? "i" : "");
    } catch (error) {
        throw new BpaExpressionError(`regular expression ${JSON.stringify(pattern)}: ${(error as Error).message}`);
    }
}

function member(target: Value, name: string): Value {
    if (target === null || target === undefined) throw new BpaExpressionError(`member ${name} of null`);
    if (typeof target === "string") {
        if (name === "Length") return target.length;
        throw new BpaExpressionError(`unknown text member ${name}`);
    }
    if (Array.isArray(target) && (name === "Count" || name === "Length")) return target.length;
    if (typeof target === "object" && name in (target as object)) return (target as Record<string, Value>)[name];
    throw new BpaExpressionError(`unknown member ${name}`);
}

const isTruthy = (v: Value): boolean => {
    if (typeof v !== "boolean") throw new BpaExpressionError(`expected true or false, got ${JSON.stringify(v)}`);
    return v;
};

function equal(a: Value, b: Value): boolean {
    if (a === undefined || b === undefined) throw new BpaExpressionError("comparison with an undefined value");
    return a === b;
}

function num(v: Value): number {
    if (typeof v !== "number") throw new BpaExpressionError(`expected a number, got ${JSON.stringify(v)}`);
    return v;
}

function str(v: Value): string {
    if (typeof v !== "string") throw new BpaExpressionError(`expected text, got ${JSON.stringify(v)}`);
    return v;
}

function evaluate(node: Node, scope: Scope): Value {
    switch (node.k) {
        case "lit": return node.v;
        case "id": {
            const lower = node.name.toLowerCase();
            if (lower === "it") return scope.its[0];
            if (lower === "outerit") {
                if (scope.its.length < 2) throw new BpaExpressionError("outerIt outside a lambda");
                return scope.its[1];
            }
            if (lower === "current") return scope.current;
            const it = scope.its[0];
            // A member of the element wins over a type of the same name (`DataType = "Double"`).
            if (typeof it === "object" && it !== null && node.name in it) return member(it, node.name);
            if (ENUMS.has(node.name) || STATICS.has(node.name)) throw new BpaExpressionError(`type ${node.name} used as a value`);
            return member(it, node.name);
        }
        case "member": {
            if (node.target.k === "id" && ENUMS.has(node.target.name)) return node.name;
            return member(evaluate(node.target, scope), node.name);
        }
        case "index": {
            const target = evaluate(node.target, scope);
            const index = num(evaluate(node.index, scope));
            if (!Array.isArray(target) || index < 0 || index >= target.length) throw new BpaExpressionError(`index ${index} out of range`);
            return target[index];
        }
        case "unary": {
            const v = evaluate(node.operand, scope);
            return node.op === "not" ? !isTruthy(v) : -num(v);
        }
        case "binary": {
            if (node.op === "&&") return isTruthy(evaluate(node.left, scope)) && isTruthy(evaluate(node.right, scope));
            if (node.op === "||") return isTruthy(evaluate(node.left, scope)) || isTruthy(evaluate(node.right, scope));
            const a = evaluate(node.left, scope);
            const b = evaluate(node.right, scope);
            switch (node.op) {
                case "=": case "==": return equal(a, b);
                case "!=": case "<>": return !equal(a, b);
                case "<": return num(a) < num(b);
                case ">": return num(a) > num(b);
                case "<=": return num(a) <= num(b);
                case ">=": return num(a) >= num(b);
                case "+": return typeof a === "string" || typeof b === "string" ? String(a ?? "") + String(b ?? "") : num(a) + num(b);
                case "-": return num(a) - num(b);
                case "*": return num(a) * num(b);
                case "/": return num(a) / num(b);
            }
            throw new BpaExpressionError(`operator ${node.op}`);
        }
        case "call": return call(node, scope);
    }
}

function lambda(list: Value[], predicate: Node | undefined, scope: Scope): Value[] {
    if (!predicate) return list;
    return list.filter(item => isTruthy(evaluate(predicate, { its: [item, ...scope.its], current: scope.current })));
}

function call(node: Extract<Node, { k: "call" }>, scope: Scope): Value {
    const argValues = () => node.args.map(a => evaluate(a, scope));
    if (node.target === null) {
        if (node.name === "char") return String.fromCharCode(num(argValues()[0]));
        // A method of the element in scope (GetAnnotation("...")).
        return callMethod(scope.its[0], node.name, argValues());
    }
    if (node.target.k === "id" && STATICS.has(node.target.name)) {
        const type = node.target.name.toLowerCase();
        const args = argValues();
        const key = `${type}.${node.name.toLowerCase()}`;
        switch (key) {
            case "regex.ismatch": return dotnetRegex(str(args[1])).test(str(args[0]));
            case "string.isnullorwhitespace": return args[0] === null || str(args[0]).trim() === "";
            case "string.isnullorempty": return args[0] === null || str(args[0]) === "";
            case "convert.toint64": case "convert.toint32": {
                if (args[0] === null || args[0] === undefined) return 0;
                const n = typeof args[0] === "number" ? args[0] : Number(str(args[0]));
                if (!Number.isFinite(n)) throw new BpaExpressionError(`Convert of ${JSON.stringify(args[0])}`);
                return Math.trunc(n);
            }
            case "convert.todecimal": return args[0] === null ? 0 : num(args[0]);
            case "math.max": return Math.max(num(args[0]), num(args[1]));
            case "char.iscontrol": { const code = str(args[0]).charCodeAt(0); return code <= 0x1f || (code >= 0x7f && code <= 0x9f); }
            case "char.iswhitespace": return /^[\s\u0085]$/.test(str(args[0]));
        }
        throw new BpaExpressionError(`unknown static method ${node.target.name}.${node.name}`);
    }
    const target = evaluate(node.target, scope);
    const name = node.name;
    if (Array.isArray(target)) {
        switch (name) {
            case "Any": return lambda(target, node.args[0], scope).length > 0;
            case "Where": return lambda(target, node.args[0], scope);
            case "Count": return lambda(target, node.args[0], scope).length;
            case "All": return target.every(item => isTruthy(evaluate(node.args[0], { its: [item, ...scope.its], current: scope.current })));
        }
        throw new BpaExpressionError(`unknown collection method ${name}`);
    }
    return callMethod(target, name, argValues());
}

function callMethod(target: Value, name: string, args: Value[]): Value {
    if (target === null || target === undefined) throw new BpaExpressionError(`method ${name} of null`);
    if (typeof target === "string") {
        const ignoreCase = args[1] === "OrdinalIgnoreCase" || args[1] === "CurrentCultureIgnoreCase" || args[1] === "InvariantCultureIgnoreCase";
        switch (name) {
            case "Contains": return target.includes(str(args[0]));
            case "StartsWith": return target.startsWith(str(args[0]));
            case "EndsWith": return target.endsWith(str(args[0]));
            case "IndexOf": return ignoreCase ? target.toLowerCase().indexOf(str(args[0]).toLowerCase()) : target.indexOf(str(args[0]));
            case "Replace": return target.split(str(args[0])).join(str(args[1]));
            case "Substring": return args.length > 1 ? target.substr(num(args[0]), num(args[1])) : target.slice(num(args[0]));
            case "ToUpper": return target.toUpperCase();
            case "ToLower": return target.toLowerCase();
            case "ToString": return target;
            case "Trim": return target.trim();
            case "ToCharArray": return [...target];
        }
        throw new BpaExpressionError(`unknown text method ${name}`);
    }
    if (typeof target === "number" || typeof target === "boolean") {
        if (name === "ToString") return String(target);
        throw new BpaExpressionError(`unknown method ${name} of a ${typeof target}`);
    }
    const fn = (target as Record<string, Value>)[name];
    if (name === "ToString" && typeof fn !== "function") return String((target as { Name?: string }).Name ?? "");
    if (typeof fn !== "function") throw new BpaExpressionError(`unknown method ${name}`);
    return (fn as (...a: Value[]) => Value).apply(target, args);
}

/** Evaluate a parsed rule expression for one object (`it` and `current` are the object). */
export function evaluateBpaExpression(tree: Node, object: BpaObject): boolean {
    return isTruthy(evaluate(tree, { its: [object], current: object }));
}
