/**
 * A fast reader for the plain shape of YAML that dictionaries are written in (the README's and
 * the sample's): a top-level map holding `kpis:`, a block list of KPI maps, `key: value` lines
 * with one-line plain, 'single' or "double"-quoted scalars, `[a, b]` flow lists of scalars or
 * block lists of scalars, comments and blank lines. Scalars resolve as YAML 1.2's core schema
 * does (null, booleans, integers, floats, else text).
 *
 * Anything else (anchors, aliases, tags, block scalars `|` `>`, multi-line scalars, flow maps,
 * complex keys, several documents, tabs in indentation, escapes beyond the simple ones) makes it
 * return null, and the caller reads the file with the full YAML parser instead: this reader
 * never guesses. The `yaml` package takes about 1 s per 3 MB; this one about 30 ms, which is
 * what makes 10,000 KPIs generate within a second. A differential test
 * (tests/dax/dictionary-readers.test.ts) checks it against the `yaml` package.
 */

/** A located scalar or list of scalars, as the dictionary reader needs them. */
export interface FastValue {
    readonly value: unknown;
    /** 1-based line of the value (of the key when the value is empty). */
    readonly line: number;
}

export interface FastEntry {
    readonly key: string;
    readonly keyLine: number;
    readonly value: FastValue;
}

export interface FastKpi {
    readonly line: number;
    readonly entries: readonly FastEntry[];
}

export interface FastTopLevel {
    readonly key: string;
    readonly line: number;
}

export interface FastDictionary {
    /** Top-level keys in order (kpis, $schema, anything else to report). */
    readonly topLevel: readonly FastTopLevel[];
    /** The line of `kpis:`; null when absent. */
    readonly kpisLine: number | null;
    /** Null when `kpis` is not a list. */
    readonly kpis: readonly FastKpi[] | null;
}

class Unsupported extends Error {}
const unsupported = (): never => { throw new Unsupported(); };

const NULL = /^(?:~|null|Null|NULL)$/;
const TRUE = /^(?:true|True|TRUE)$/;
const FALSE = /^(?:false|False|FALSE)$/;
const INT = /^[-+]?[0-9]+$/;
const OCT = /^0o[0-7]+$/;
const HEX = /^0x[0-9a-fA-F]+$/;
const FLOAT = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$/;
const INF = /^[-+]?\.(?:inf|Inf|INF)$/;
const NAN = /^\.(?:nan|NaN|NAN)$/;

const NON_TEXT_START = new Set("~nNtTfF-+.0123456789");

/** A plain scalar's value by the core schema. */
function resolvePlain(text: string): unknown {
    if (text === "") return null;
    // Every non-text value starts with one of these characters; most KPI text does not.
    if (!NON_TEXT_START.has(text[0])) return text;
    if (NULL.test(text)) return null;
    if (TRUE.test(text)) return true;
    if (FALSE.test(text)) return false;
    if (INT.test(text)) {
        const n = Number(text);
        return Number.isSafeInteger(n) ? n : unsupported();
    }
    if (OCT.test(text)) return parseInt(text.slice(2), 8);
    if (HEX.test(text)) return parseInt(text.slice(2), 16);
    if (FLOAT.test(text)) return Number(text);
    if (INF.test(text)) return text.startsWith("-") ? -Infinity : Infinity;
    if (NAN.test(text)) return NaN;
    return text;
}

/** Characters that may not start a plain scalar (YAML indicators); `-`, `?`, `:` only before a space. */
const INDICATOR = /^(?:[,[\]{}#&*!|>'"%@`]|[-?:](?:\s|$))/;

/**
 * One scalar starting at `text[from]` up to `end` (exclusive, already stripped of a comment for
 * plain scalars): plain, 'single' or "double" quoted; the rest of the line must be empty.
 */
function scalar(text: string, flow: boolean): unknown {
    if (text.startsWith("'")) {
        const m = /^'((?:[^']|'')*)'$/.exec(text);
        if (!m) return unsupported();
        return m[1].replace(/''/g, "'");
    }
    if (text.startsWith("\"")) {
        const m = /^"((?:[^"\\]|\\["\\/nt])*)"$/.exec(text);
        if (!m) return unsupported();
        return m[1].replace(/\\(["\\/nt])/g, (_, e: string) => (e === "n" ? "\n" : e === "t" ? "\t" : e));
    }
    if (INDICATOR.test(text)) return unsupported();
    if (text.includes(": ") || text.endsWith(":") || text.includes(" #") || text.includes("\t")) return unsupported();
    if (flow && /[,[\]{}]/.test(text)) return unsupported();
    return resolvePlain(text);
}

/** The value text of a line after its `key:`, without a trailing comment; quoted scalars kept whole. */
function valueText(rest: string): string {
    const trimmed = rest.trim();
    if (trimmed.startsWith("'") || trimmed.startsWith("\"")) {
        // A quoted scalar, then optional spaces and a comment.
        const m = /^('(?:[^']|'')*'|"(?:[^"\\]|\\.)*")(?:\s+#.*)?\s*$/.exec(trimmed);
        return m ? m[1] : unsupported();
    }
    if (trimmed.startsWith("[")) {
        const m = /^(\[[^\]]*\])(?:\s+#.*)?\s*$/.exec(trimmed);
        return m ? m[1] : unsupported();
    }
    const hash = trimmed.search(/(?:^|\s)#/);
    return (hash === -1 ? trimmed : trimmed.slice(0, hash)).trimEnd();
}

function value(text: string): unknown {
    if (text.startsWith("[")) {
        const inner = text.slice(1, -1).trim();
        if (inner === "") return [];
        return inner.split(",").map(item => {
            const t = item.trim();
            return t === "" ? unsupported() : scalar(t, true);
        });
    }
    return scalar(text, false);
}

const KEY = /^([A-Za-z_$][A-Za-z0-9_$-]*):(?:\s+|$)(.*)$/;

/**
 * Read the text, or null when it uses anything beyond the plain shape (use the full parser).
 * With `onKpi`, each KPI is handed over as soon as it is read instead of being kept (so it can
 * be validated while it is young): `kpis` is then an empty list when there were KPIs. A null
 * result can come after some KPIs were handed over.
 */
export function readFastYaml(text: string, onKpi?: (kpi: FastKpi) => void): FastDictionary | null {
    try {
        return read(text, onKpi);
    } catch (error) {
        if (error instanceof Unsupported) return null;
        throw error;
    }
}

function read(source: string, onKpi: ((kpi: FastKpi) => void) | undefined): FastDictionary {
    const text = source.charCodeAt(0) === 0xfeff ? source.slice(1) : source;
    if (text.includes("\r")) return unsupported();
    const lines = text.split("\n");
    const topLevel: FastTopLevel[] = [];
    let kpisLine: number | null = null;
    let kpis: FastKpi[] | null = null;
    let i = 0;
    const indentOf = (line: string): number => {
        let m = 0;
        while (line.charCodeAt(m) === 0x20) m++;
        if (line[m] === "\t") unsupported();
        return m;
    };
    const blank = (line: string): boolean => {
        // Past the leading spaces, a printable character other than # ends the question.
        let i = 0;
        while (line.charCodeAt(i) === 0x20) i++;
        const c = line.charCodeAt(i);
        if (c > 0x20 && c < 0x7f && c !== 0x23) return false;
        return /^\s*(?:#.*)?$/.test(line);
    };
    while (i < lines.length) {
        const line = lines[i];
        if (blank(line)) { i++; continue; }
        if (indentOf(line) !== 0) return unsupported();
        const m = KEY.exec(line);
        if (!m) return unsupported();
        const [, key, rest] = m;
        topLevel.push({ key, line: i + 1 });
        const restValue = valueText(rest);
        i++;
        if (key !== "kpis") {
            if (restValue === "") {
                // A nested block under an unknown top-level key: skip its lines (reported by name).
                while (i < lines.length && (blank(lines[i]) || indentOf(lines[i]) > 0 || lines[i].startsWith("- "))) i++;
            } else {
                value(restValue);
            }
            continue;
        }
        if (kpisLine !== null) return unsupported();
        kpisLine = i;
        if (restValue !== "") {
            const v = value(restValue);
            kpis = Array.isArray(v) && v.length === 0 ? [] : unsupported();
            continue;
        }
        // The block list of KPIs: items start with "- " at one indentation.
        let itemIndent = -1;
        const items: FastKpi[] = [];
        let handedOver = 0;
        while (i < lines.length) {
            const itemLine = lines[i];
            if (blank(itemLine)) { i++; continue; }
            const indent = indentOf(itemLine);
            if (indent === 0 && !itemLine.startsWith("-")) break;
            if (itemIndent === -1) itemIndent = indent;
            if (indent !== itemIndent || !/^-(?: |$)/.test(itemLine.slice(indent))) return unsupported();
            const firstText = itemLine.slice(indent + 1);
            const keyIndent = indent + 1 + (/^ */.exec(firstText)![0].length);
            const entries: FastEntry[] = [];
            const itemNumber = i + 1;
            let current = itemLine.slice(keyIndent);
            let currentNumber = i + 1;
            if (current.trim() === "" || current.trim().startsWith("#")) return unsupported();
            i++;
            for (;;) {
                const km = KEY.exec(current);
                if (!km) return unsupported();
                const [, k, r] = km;
                let vText = valueText(r);
                if (vText !== "") {
                    // A plain scalar may go on over more-indented lines: folded with single spaces.
                    if (!/^['"[]/.test(vText)) {
                        while (i < lines.length && !blank(lines[i]) && indentOf(lines[i]) > keyIndent) {
                            const more = lines[i].trim();
                            if (more.includes(": ") || more.endsWith(":") || /(?:^|\s)#/.test(more) || /^[-?](?:\s|$)/.test(more)) return unsupported();
                            vText += ` ${more}`;
                            i++;
                        }
                    }
                    entries.push({ key: k, keyLine: currentNumber, value: { value: value(vText), line: currentNumber } });
                } else {
                    // Empty, or a block list of scalars on the following deeper lines.
                    const list: unknown[] = [];
                    let listLine = 0;
                    while (i < lines.length) {
                        const next = lines[i];
                        if (blank(next)) { i++; continue; }
                        const ni = indentOf(next);
                        const isItem = /^-(?: |$)/.test(next.slice(ni));
                        if (!isItem || ni < indent + 1 || (ni === keyIndent && !isItem)) break;
                        if (ni < keyIndent && ni <= indent) break;
                        if (listLine === 0) listLine = i + 1;
                        const itemValue = valueText(next.slice(ni + 1));
                        if (itemValue === "") return unsupported();
                        list.push(scalar(itemValue, false));
                        i++;
                    }
                    entries.push({ key: k, keyLine: currentNumber, value: listLine === 0 ? { value: null, line: currentNumber } : { value: list, line: listLine } });
                }
                // The next key of this item: same indentation as the first key.
                while (i < lines.length && blank(lines[i])) i++;
                if (i >= lines.length) break;
                const ni = indentOf(lines[i]);
                if (ni !== keyIndent) {
                    if (ni > keyIndent) return unsupported();
                    break;
                }
                current = lines[i].slice(keyIndent);
                currentNumber = i + 1;
                i++;
            }
            if (onKpi === undefined) {
                items.push({ line: itemNumber, entries });
            } else {
                onKpi({ line: itemNumber, entries });
                handedOver++;
            }
        }
        // `kpis:` with nothing under it is null in YAML, not an empty list.
        kpis = items.length === 0 && handedOver === 0 ? null : items;
    }
    return { topLevel, kpisLine, kpis };
}
