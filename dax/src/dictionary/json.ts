/**
 * A strict JSON reader (RFC 8259) that keeps where every value starts, so a dictionary's
 * problems can name their line. Anything JSON does not allow is refused with one located
 * message: comments, trailing commas, single quotes, unquoted keys, control characters in
 * strings, NaN, and nesting deeper than MAX_DEPTH (an attack, never a dictionary). The first
 * syntax error stops the reader: what follows it cannot be read reliably.
 */

export type JsonNode =
    | { readonly kind: "object"; readonly offset: number; readonly entries: readonly JsonEntry[] }
    | { readonly kind: "array"; readonly offset: number; readonly items: readonly JsonNode[] }
    | { readonly kind: "scalar"; readonly offset: number; readonly value: string | number | boolean | null };

export interface JsonEntry {
    readonly key: string;
    readonly keyOffset: number;
    readonly value: JsonNode;
}

export class JsonSyntaxError extends Error {
    constructor(message: string, readonly offset: number) {
        super(message);
    }
}

/** Deepest nesting of arrays and objects accepted (a dictionary needs 4). */
export const MAX_DEPTH = 64;

export function parseJson(text: string): JsonNode {
    let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
    const n = text.length;
    const fail = (message: string, at = i): never => { throw new JsonSyntaxError(message, at); };
    const describe = (at: number): string => (at >= n ? "the end of the file" : JSON.stringify(text[at]));

    const space = (): void => {
        for (;;) {
            const c = text.charCodeAt(i);
            if (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09) { i++; continue; }
            if (c === 0x2f && (text[i + 1] === "/" || text[i + 1] === "*")) {
                fail("JSON does not allow comments (use a .yaml dictionary for comments, or remove them)");
            }
            return;
        }
    };

    const string = (): string => {
        const start = i;
        i++;
        let out = "";
        let from = i;
        for (;;) {
            if (i >= n) fail("a string is not closed (missing \")", start);
            const c = text.charCodeAt(i);
            if (c === 0x22) { out += text.slice(from, i); i++; return out; }
            if (c < 0x20) fail(`a control character ${c === 0x0a ? "(line break) " : ""}inside a string; write it as an escape such as \\n`);
            if (c === 0x5c) {
                out += text.slice(from, i);
                const e = text[i + 1];
                const simple: Record<string, string> = { "\"": "\"", "\\": "\\", "/": "/", b: "\b", f: "\f", n: "\n", r: "\r", t: "\t" };
                if (e in simple) { out += simple[e]; i += 2; } else if (e === "u" && /^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) {
                    out += String.fromCharCode(parseInt(text.slice(i + 2, i + 6), 16));
                    i += 6;
                } else fail(`${JSON.stringify(`\\${e ?? ""}`)} is not a JSON escape`);
                from = i;
                continue;
            }
            i++;
        }
    };

    const NUMBER = /-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][-+]?[0-9]+)?/y;

    const value = (depth: number): JsonNode => {
        space();
        const start = i;
        const c = text[i];
        if (c === "{" || c === "[") {
            if (depth >= MAX_DEPTH) fail(`lists and objects are nested more than ${MAX_DEPTH} deep`);
            i++;
            const close = c === "{" ? "}" : "]";
            const entries: JsonEntry[] = [];
            const items: JsonNode[] = [];
            space();
            if (text[i] === close) {
                i++;
            } else {
                for (;;) {
                    if (c === "{") {
                        space();
                        if (text[i] !== "\"") {
                            fail(text[i] === "'" ? "JSON keys and strings use double quotes, not single quotes"
                                : text[i] === "}" ? "a trailing comma before }" : `expected a key in double quotes, found ${describe(i)}`);
                        }
                        const keyOffset = i;
                        const key = string();
                        space();
                        if (text[i] !== ":") fail(`expected : after the key ${JSON.stringify(key)}, found ${describe(i)}`);
                        i++;
                        entries.push({ key, keyOffset, value: value(depth + 1) });
                    } else {
                        space();
                        if (text[i] === "]") fail("a trailing comma before ]");
                        items.push(value(depth + 1));
                    }
                    space();
                    if (text[i] === ",") { i++; continue; }
                    if (text[i] === close) { i++; break; }
                    fail(`expected , or ${close}, found ${describe(i)}`);
                }
            }
            return c === "{" ? { kind: "object", offset: start, entries } : { kind: "array", offset: start, items };
        }
        if (c === "\"") return { kind: "scalar", offset: start, value: string() };
        if (c === "'") fail("JSON strings use double quotes, not single quotes");
        NUMBER.lastIndex = i;
        const number = NUMBER.exec(text);
        if (number && number[0] !== "-") {
            i += number[0].length;
            return { kind: "scalar", offset: start, value: Number(number[0]) };
        }
        for (const [word, literal] of [["true", true], ["false", false], ["null", null]] as const) {
            if (text.startsWith(word, i)) { i += word.length; return { kind: "scalar", offset: start, value: literal }; }
        }
        return fail(i >= n ? "the file ends where a value was expected" : `expected a value, found ${describe(i)}`);
    };

    const root = value(0);
    space();
    if (i < n) fail(`unexpected ${describe(i)} after the end of the JSON value`);
    return root;
}

/** The plain value of a node (objects as plain objects, arrays as arrays). */
export function jsonValue(node: JsonNode): unknown {
    switch (node.kind) {
        case "scalar": return node.value;
        case "array": return node.items.map(jsonValue);
        case "object": {
            const out: Record<string, unknown> = {};
            for (const e of node.entries) out[e.key] = jsonValue(e.value);
            return out;
        }
    }
}

/** 1-based line of an offset (lines end at LF, CR or CRLF). Built once per text. */
export function lineIndex(text: string): (offset: number) => number {
    const starts: number[] = [0];
    for (let i = 0; i < text.length; i++) {
        const c = text.charCodeAt(i);
        if (c === 0x0a || (c === 0x0d && text.charCodeAt(i + 1) !== 0x0a)) starts.push(i + 1);
    }
    return offset => {
        let lo = 0;
        let hi = starts.length - 1;
        while (lo < hi) {
            const mid = (lo + hi + 1) >> 1;
            if (starts[mid] <= offset) lo = mid; else hi = mid - 1;
        }
        return lo + 1;
    };
}
