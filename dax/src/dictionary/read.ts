import { isMap, isScalar, isSeq, LineCounter, Node, parseDocument, visit, YAMLMap } from "yaml";
import { MAX_CSV_ERRORS, parseCsv } from "../../../lib/csv";
import { didYouMean } from "./didYouMean";
import { FIELD_NAMES } from "./fields";

/** Columns a CSV dictionary may have: the fields, and `decimals` (only checked against the format: validate.ts). */
const CSV_COLUMNS: readonly string[] = [...FIELD_NAMES, "decimals"];
import { FastKpi, readFastYaml } from "./fastYaml";
import { JsonEntry, JsonNode, JsonSyntaxError, jsonValue, lineIndex, MAX_DEPTH, parseJson } from "./json";
import { DictionaryIssue, RawDictionary, RawField, RawKpi, SourceLocation } from "./types";

/** The file kind from its extension: YAML (.yaml/.yml), JSON (.json) or CSV (.csv). */
export type DictionaryFormat = "yaml" | "json" | "csv";

export function formatOf(file: string): DictionaryFormat | null {
    const lower = file.toLowerCase();
    if (lower.endsWith(".yaml") || lower.endsWith(".yml")) return "yaml";
    if (lower.endsWith(".json")) return "json";
    if (lower.endsWith(".csv")) return "csv";
    return null;
}

/** Rows a CSV dictionary may have (ten times the 10,000 KPIs the generator is measured at). */
const MAX_CSV_ROWS = 100_000;

/** Most syntax messages printed for one file: after the first, the rest are usually its consequences. */
const MAX_SYNTAX_MESSAGES = 1;

/**
 * Read a dictionary's text into raw entries with their lines or rows; nothing is validated yet.
 * Each reader is strict: `.json` by a JSON parser (no comments, trailing commas or single
 * quotes), YAML without custom tags, CSV with CR, LF or CRLF line ends. A file that is not
 * text (NUL bytes, bytes that are not UTF-8) is refused at once with its line.
 */
export function readDictionary(file: string, text: string, options: { readonly fastYaml?: boolean } = {}): RawDictionary {
    const format = formatOf(file);
    if (format === null) {
        return fileError(file, { file }, "the file type is not recognised", ".yaml, .yml, .json or .csv");
    }
    const binary = notTextAt(text);
    if (binary !== null) {
        const line = lineIndex(text.slice(0, binary + 1))(binary);
        return fileError(file, format === "csv" ? { file, row: line } : { file, line },
            `the file is not UTF-8 text (${text[binary] === "\u0000" ? "a NUL byte" : "bytes that are not UTF-8"} on line ${line})`,
            "a text file saved as UTF-8 (in Excel: CSV UTF-8)");
    }
    if (format === "csv") return readCsvDictionary(file, text);
    if (format === "json") return readJsonDictionary(file, text);
    return readYamlDictionary(file, text, options.fastYaml !== false);
}

function fileError(file: string, location: SourceLocation, message: string, allowed?: string): RawDictionary {
    return { file, kpis: [], issues: [{ severity: "error", location, field: "(file)", message, ...(allowed ? { allowed } : {}) }] };
}

/** Offset of the first NUL or U+FFFD (what invalid UTF-8 decodes to), or null for text. */
function notTextAt(text: string): number | null {
    const nul = text.indexOf("\u0000");
    const bad = text.indexOf("\ufffd");
    if (nul === -1 && bad === -1) return null;
    return nul === -1 ? bad : bad === -1 ? nul : Math.min(nul, bad);
}

// ---------------------------------------------------------------------------------------------
// JSON

function readJsonDictionary(file: string, text: string): RawDictionary {
    const lineOf = lineIndex(text);
    const at = (offset: number): SourceLocation => ({ file, line: lineOf(offset) });
    let root: JsonNode;
    try {
        root = parseJson(text);
    } catch (error) {
        if (!(error instanceof JsonSyntaxError)) throw error;
        return fileError(file, at(error.offset), `JSON syntax error: ${error.message}`, "strict JSON (RFC 8259); for comments use a .yaml dictionary");
    }
    const issues: DictionaryIssue[] = [];
    if (root.kind !== "object") return shapeError(file, at(root.offset), issues);
    let kpisNode: JsonNode | undefined;
    let kpisEntry: JsonEntry | undefined;
    for (const entry of root.entries) {
        if (entry.key === "kpis") {
            if (kpisEntry) issues.push({ severity: "error", location: at(entry.keyOffset), field: "kpis", message: "kpis is given twice" });
            kpisEntry = entry;
            kpisNode = entry.value;
        } else if (entry.key !== "$schema") {
            issues.push(unknownTopLevel(at(entry.keyOffset), entry.key));
        }
    }
    if (!kpisNode || kpisNode.kind !== "array") return shapeError(file, at(kpisNode?.offset ?? root.offset), issues);
    if (kpisNode.items.length === 0) return emptyList(file, at(kpisEntry!.keyOffset), issues);
    const kpis: RawKpi[] = [];
    kpisNode.items.forEach((item, index) => {
        const location = at(item.offset);
        if (item.kind !== "object") {
            issues.push({ severity: "error", location, field: `kpis[${index + 1}]`, message: "each KPI must be an object of fields" });
            return;
        }
        const fields = new Map<string, RawField>();
        for (const entry of item.entries) {
            if (fields.has(entry.key)) {
                issues.push({ severity: "error", location: at(entry.keyOffset), field: entry.key, message: "the field is given twice in this KPI" });
                continue;
            }
            fields.set(entry.key, { value: jsonValue(entry.value), location: at(entry.value.offset) });
        }
        kpis.push({ index, location, fields, fromCsv: false });
    });
    return { file, kpis, issues };
}

function shapeError(file: string, location: SourceLocation, issues: DictionaryIssue[]): RawDictionary {
    issues.push({
        severity: "error", location, field: "kpis",
        message: "the file must hold an object with a list named kpis", allowed: "kpis: [ { id: ..., name: ... }, ... ]",
    });
    return { file, kpis: [], issues };
}

function emptyList(file: string, location: SourceLocation, issues: DictionaryIssue[]): RawDictionary {
    issues.push({ severity: "error", location, field: "kpis", message: "the list kpis is empty: the dictionary has no KPIs", allowed: "at least one KPI in the list" });
    return { file, kpis: [], issues };
}

function unknownTopLevel(location: SourceLocation, key: string): DictionaryIssue {
    return { severity: "error", location, field: key, message: "unknown top-level field", allowed: "kpis (and $schema)" };
}

// ---------------------------------------------------------------------------------------------
// YAML

/** Tags of YAML's core schema; any other tag (`!secret`, `!!binary` ...) is refused. */
const CORE_TAGS = new Set(["tag:yaml.org,2002:str", "tag:yaml.org,2002:int", "tag:yaml.org,2002:float",
    "tag:yaml.org,2002:bool", "tag:yaml.org,2002:null", "tag:yaml.org,2002:seq", "tag:yaml.org,2002:map"]);

/**
 * Offset where `[`/`{` nesting first passes MAX_DEPTH, or null: the YAML parser recurses per
 * level, so hostile nesting is stopped before it gets there. Quoted text and comments are
 * skipped; the count starts again at each line that begins a key or a list item, so an
 * unclosed `[` in a KPI's text never adds up over a long file.
 */
function deepFlowAt(text: string): number | null {
    const KEY_LINE = /[ ]*(?:- |[A-Za-z_$][\w$-]*:(?:\s|$))/y;
    let depth = 0;
    let quote = 0;
    for (let i = 0; i < text.length; i++) {
        const c = text.charCodeAt(i);
        if (c === 0x0a) {
            KEY_LINE.lastIndex = i + 1;
            if (KEY_LINE.test(text)) { depth = 0; quote = 0; }
            continue;
        }
        if (quote !== 0) {
            if (c === quote) quote = 0;
            continue;
        }
        if (c === 0x22 || c === 0x27) quote = c;
        else if (c === 0x23 && (i === 0 || text.charCodeAt(i - 1) === 0x20 || text.charCodeAt(i - 1) === 0x09 || text.charCodeAt(i - 1) === 0x0a)) {
            while (i + 1 < text.length && text.charCodeAt(i + 1) !== 0x0a) i++;
        } else if (c === 0x5b || c === 0x7b) {
            if (++depth > MAX_DEPTH) return i;
        } else if ((c === 0x5d || c === 0x7d) && depth > 0) depth--;
    }
    return null;
}

function readYamlDictionary(file: string, text: string, fastPath: boolean): RawDictionary {
    const lineCounter = new LineCounter();
    const lineOf = (offset: number): number => lineCounter.linePos(offset).line;
    const deep = deepFlowAt(text);
    if (deep !== null) {
        const line = lineIndex(text.slice(0, deep + 1))(deep);
        return fileError(file, { file, line }, `YAML syntax error: lists and maps are nested more than ${MAX_DEPTH} deep`);
    }
    const fast = fastPath ? readFastYaml(text) : null;
    if (fast !== null) return fastDictionary(file, fast);
    const doc = parseDocument(text, { lineCounter, uniqueKeys: false, prettyErrors: false, customTags: [] });
    const issues: DictionaryIssue[] = [];
    const at = (offset: number | undefined): SourceLocation => (offset === undefined ? { file } : { file, line: lineOf(offset) });
    const syntax = [...doc.errors, ...doc.warnings.filter(w => w.code === "TAG_RESOLVE_FAILED")];
    if (syntax.length > 0) {
        syntax.sort((a, b) => a.pos[0] - b.pos[0]);
        for (const error of syntax.slice(0, MAX_SYNTAX_MESSAGES)) {
            const message = error.code === "TAG_RESOLVE_FAILED"
                ? `the YAML tag ${/tag: (\S+)/.exec(error.message)?.[1] ?? ""} is not allowed (plain YAML values only)`
                : `YAML syntax error: ${error.message.split("\n")[0]}`;
            issues.push({ severity: "error", location: at(error.pos[0]), field: "(file)", message });
        }
        if (syntax.length > MAX_SYNTAX_MESSAGES) {
            const more = syntax.length - MAX_SYNTAX_MESSAGES;
            issues[issues.length - 1] = { ...issues[issues.length - 1], message: `${issues[issues.length - 1].message} (and ${more} more syntax error${more === 1 ? "" : "s"} after it, probably its consequences)` };
        }
        return { file, kpis: [], issues };
    }
    let tagged: Node | null = null;
    visit(doc, (_key, node) => {
        const tag = (node as Node | null)?.tag;
        if (tag !== undefined && !CORE_TAGS.has(tag)) { tagged = node as Node; return visit.BREAK; }
        return undefined;
    });
    if (tagged !== null) {
        const node = tagged as Node;
        return fileError(file, at(node.range?.[0]), `the YAML tag ${node.tag} is not allowed`, "plain YAML values without tags");
    }
    const root = doc.contents;
    const rootKpis = isMap(root) ? root.get("kpis", true) : undefined;
    if (!isMap(root) || !isSeq(rootKpis)) {
        if (isMap(root)) reportUnknownTopLevel(root, at, issues);
        return shapeError(file, at(root?.range?.[0] ?? 0), issues);
    }
    reportUnknownTopLevel(root, at, issues);
    if (rootKpis.items.length === 0) {
        const keyNode = root.items.find(p => isScalar(p.key) && p.key.value === "kpis")?.key as Node | undefined;
        return emptyList(file, at(keyNode?.range?.[0] ?? rootKpis.range?.[0]), issues);
    }
    const kpis: RawKpi[] = [];
    rootKpis.items.forEach((item, index) => {
        const location = at((item as Node | null)?.range?.[0]);
        if (!isMap(item)) {
            issues.push({ severity: "error", location, field: `kpis[${index + 1}]`, message: "each KPI must be an object of fields" });
            return;
        }
        const fields = new Map<string, RawField>();
        for (const pair of item.items) {
            const keyNode = pair.key as Node | null;
            const key = isScalar(keyNode) ? String(keyNode.value) : String(keyNode);
            const fieldLocation = at(keyNode?.range?.[0]);
            if (fields.has(key)) {
                issues.push({ severity: "error", location: fieldLocation, field: key, message: "the field is given twice in this KPI" });
                continue;
            }
            const valueNode = pair.value as Node | null;
            const value = valueNode === null || valueNode === undefined ? null : valueNode.toJSON();
            fields.set(key, { value, location: valueNode?.range ? at(valueNode.range[0]) : fieldLocation });
        }
        kpis.push({ index, location, fields, fromCsv: false });
    });
    return { file, kpis, issues };
}

/** The raw dictionary from the fast reader's result: the same entries, lines and messages as the full parser gives. */
function fastDictionary(file: string, fast: NonNullable<ReturnType<typeof readFastYaml>>): RawDictionary {
    const issues: DictionaryIssue[] = [];
    for (const top of fast.topLevel) {
        if (top.key !== "kpis" && top.key !== "$schema") issues.push(unknownTopLevel({ file, line: top.line }, top.key));
    }
    if (fast.kpis === null || fast.kpisLine === null) return shapeError(file, { file, line: fast.topLevel[0]?.line ?? 1 }, issues);
    if (fast.kpis.length === 0) return emptyList(file, { file, line: fast.kpisLine }, issues);
    const kpis: RawKpi[] = fast.kpis.map((item, index) => rawKpiOf(file, item, index, issues));
    return { file, kpis, issues };
}

/** One KPI of the fast reader as a raw entry; a field given twice is an issue (the first is kept). */
function rawKpiOf(file: string, item: FastKpi, index: number, issues: DictionaryIssue[]): RawKpi {
    const fields = new Map<string, RawField>();
    for (const entry of item.entries) {
        if (fields.has(entry.key)) {
            issues.push({ severity: "error", location: { file, line: entry.keyLine }, field: entry.key, message: "the field is given twice in this KPI" });
            continue;
        }
        fields.set(entry.key, { value: entry.value.value, location: { file, line: entry.value.line } });
    }
    return { index, location: { file, line: item.line }, fields, fromCsv: false };
}

/**
 * The fast YAML path of readDictionary a KPI at a time: each KPI's raw entry is handed to
 * `onKpi` as soon as it is read (the same entries, in order, with the same index and locations
 * as readDictionary's `kpis`), so nothing of it but what validation keeps outlives its turn.
 * True when the file was read this way with no problem at all (readDictionary would give no
 * issue); false when it is not a `.yaml`/`.yml` file, the fast reader does not apply, or reading
 * found a problem: then call readDictionary, which reports it (KPIs handed over before are to be
 * discarded).
 */
export function readFastYamlKpis(file: string, text: string, onKpi: (kpi: RawKpi) => void): boolean {
    if (formatOf(file) !== "yaml" || notTextAt(text) !== null || deepFlowAt(text) !== null) return false;
    const issues: DictionaryIssue[] = [];
    let index = 0;
    const fast = readFastYaml(text, item => {
        if (issues.length === 0) onKpi(rawKpiOf(file, item, index++, issues));
    });
    if (fast === null || issues.length > 0 || index === 0 || fast.kpisLine === null) return false;
    return fast.topLevel.every(top => top.key === "kpis" || top.key === "$schema");
}

function reportUnknownTopLevel(root: YAMLMap, at: (offset: number | undefined) => SourceLocation, issues: DictionaryIssue[]): void {
    for (const pair of root.items) {
        const keyNode = pair.key as Node | null;
        const key = isScalar(keyNode) ? String(keyNode.value) : String(keyNode);
        if (key !== "kpis" && key !== "$schema") issues.push(unknownTopLevel(at(keyNode?.range?.[0]), key));
    }
}

// ---------------------------------------------------------------------------------------------
// CSV

/**
 * CSV: one row per KPI, header row of field names; empty cells are absent fields. Header
 * problems are reported once, at row 1, never again for every row: an unknown or misspelt
 * column (with "did you mean"), a missing required column, a header with no known field name
 * at all (the rows are then not read).
 */
function readCsvDictionary(file: string, text: string): RawDictionary {
    const parsed = parseCsv(text, MAX_CSV_ERRORS, { maxRecords: MAX_CSV_ROWS, stopAfterErrors: 10 * MAX_CSV_ERRORS });
    if (parsed.stopped) {
        return {
            file, kpis: [], issues: [...parsed.errors.slice(0, 1).map(e => ({
                severity: "error" as const, location: { file, row: e.row }, field: "(file)", message: `CSV syntax: ${e.message}`,
            })), {
                severity: "error", location: { file, row: parsed.stopped.row }, field: "(file)",
                message: `reading stopped at row ${parsed.stopped.row} after ${parsed.stopped.reason}: this is not a KPI dictionary`,
                allowed: `a header row of field names, then one row per KPI (at most ${MAX_CSV_ROWS} rows)`,
                omitted: { errors: Math.max(0, parsed.errorCount - 1), warnings: 0, stopped: true },
            }],
        };
    }
    const issues: DictionaryIssue[] = parsed.errors.map(e => ({
        severity: "error" as const, location: { file, row: e.row }, field: "(file)", message: `CSV syntax: ${e.message}`,
    }));
    if (parsed.errorCount > parsed.errors.length) {
        const more = parsed.errorCount - parsed.errors.length;
        issues.push({
            severity: "error", location: { file, row: parsed.errors[parsed.errors.length - 1].row }, field: "(file)",
            message: `CSV syntax: and ${more} more syntax error${more === 1 ? "" : "s"}`, omitted: { errors: more, warnings: 0 },
        });
    }
    if (parsed.records.length === 0) {
        issues.push({ severity: "error", location: { file, row: 1 }, field: "(file)", message: "the file is empty", allowed: "a header row of field names, then one row per KPI" });
        return { file, kpis: [], issues };
    }
    const header = parsed.records[0].cells.map(h => h.trim());
    const used = new Set<string>();
    let known = 0;
    header.forEach((name, column) => {
        if (name === "") {
            issues.push({ severity: "error", location: { file, row: 1 }, field: `(column ${column + 1})`, message: "a column has no field name in the header row" });
        } else if (header.indexOf(name) !== column) {
            issues.push({ severity: "error", location: { file, row: 1 }, field: name, message: "the column is given twice in the header row" });
        } else if (CSV_COLUMNS.includes(name)) {
            used.add(name);
            known++;
        } else {
            const hint = didYouMean(name, FIELD_NAMES);
            issues.push({ severity: "error", location: { file, row: 1 }, field: name, message: `unknown column in the header row${hint ? ` (did you mean ${hint}?)` : ""}`, allowed: FIELD_NAMES.join(", ") });
        }
    });
    if (known === 0) {
        return {
            file, kpis: [], issues: [{
                severity: "error", location: { file, row: 1 }, field: "(header)",
                message: `the header row holds no known field name (it starts ${JSON.stringify(header.slice(0, 3).join(",").slice(0, 60))}), so no KPI can be read`,
                allowed: `a first row of field names: ${FIELD_NAMES.slice(0, 4).join(", ")} ...`,
            }, ...issues.filter(i => i.field === "(file)").slice(0, 1)],
        };
    }
    if (parsed.records.length === 1) {
        issues.push({ severity: "error", location: { file, row: 1 }, field: "kpis", message: "the file has a header row but no KPI rows: the dictionary has no KPIs", allowed: "one row per KPI below the header" });
        return { file, kpis: [], issues, csvColumns: used };
    }
    const kpis: RawKpi[] = [];
    const columns = header.map((name, column) => [name, column] as const).filter(([name, column]) => used.has(name) && header.indexOf(name) === column);
    for (let r = 1; r < parsed.records.length; r++) {
        const record = parsed.records[r];
        const location: SourceLocation = { file, row: record.row };
        if (record.cells.length > header.length && record.cells.slice(header.length).some(c => c.trim() !== "")) {
            issues.push({
                severity: "error", location, field: "(row)",
                message: `the row has ${record.cells.length} cells but the header has ${header.length} columns`,
            });
        }
        const fields = new Map<string, RawField>();
        for (const [name, column] of columns) {
            const cell = record.cells[column] ?? "";
            if (cell.trim() !== "") fields.set(name, { value: cell, location });
        }
        kpis.push({ index: r - 1, location, fields, fromCsv: true });
    }
    return { file, kpis, issues, csvColumns: used };
}
