import { isMap, isScalar, isSeq, LineCounter, Node, parseDocument, YAMLMap } from "yaml";
import { parseCsv } from "../../../lib/csv";
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

/** Read a dictionary's text into raw entries with their lines or rows; nothing is validated yet. */
export function readDictionary(file: string, text: string): RawDictionary {
    const format = formatOf(file);
    if (format === null) {
        return {
            file, kpis: [], issues: [{
                severity: "error", location: { file }, field: "(file)",
                message: "the file type is not recognised", allowed: ".yaml, .yml, .json or .csv",
            }],
        };
    }
    return format === "csv" ? readCsvDictionary(file, text) : readYamlDictionary(file, text);
}

/** YAML and JSON (JSON is read by the YAML 1.2 parser so lines can be reported for both). */
function readYamlDictionary(file: string, text: string): RawDictionary {
    const lineCounter = new LineCounter();
    const doc = parseDocument(text, { lineCounter, uniqueKeys: false, prettyErrors: false });
    const issues: DictionaryIssue[] = [];
    const at = (offset: number | undefined): SourceLocation =>
        offset === undefined ? { file } : { file, line: lineCounter.linePos(offset).line };
    for (const error of doc.errors) {
        issues.push({ severity: "error", location: at(error.pos[0]), field: "(file)", message: `syntax error: ${error.message.split("\n")[0]}` });
    }
    if (doc.errors.length > 0) return { file, kpis: [], issues };
    const root = doc.contents;
    const rootKpis = isMap(root) ? root.get("kpis", true) : undefined;
    if (!isMap(root) || !isSeq(rootKpis)) {
        issues.push({
            severity: "error", location: at(root?.range?.[0] ?? 0), field: "kpis",
            message: "the file must hold an object with a list named kpis", allowed: "kpis: [ { id: ..., name: ... }, ... ]",
        });
        if (isMap(root)) reportUnknownTopLevel(root, at, issues);
        return { file, kpis: [], issues };
    }
    reportUnknownTopLevel(root, at, issues);
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

function reportUnknownTopLevel(root: YAMLMap, at: (offset: number | undefined) => SourceLocation, issues: DictionaryIssue[]): void {
    for (const pair of root.items) {
        const keyNode = pair.key as Node | null;
        const key = isScalar(keyNode) ? String(keyNode.value) : String(keyNode);
        if (key !== "kpis" && key !== "$schema") {
            issues.push({
                severity: "error", location: at(keyNode?.range?.[0]), field: key,
                message: "unknown top-level field", allowed: "kpis (and $schema)",
            });
        }
    }
}

/** CSV: one row per KPI, header row of field names; empty cells are absent fields. */
function readCsvDictionary(file: string, text: string): RawDictionary {
    const parsed = parseCsv(text);
    const issues: DictionaryIssue[] = parsed.errors.map(e => ({
        severity: "error" as const, location: { file, row: e.row }, field: "(file)", message: `CSV syntax: ${e.message}`,
    }));
    if (parsed.records.length === 0) {
        issues.push({ severity: "error", location: { file, row: 1 }, field: "(file)", message: "the file is empty", allowed: "a header row of field names, then one row per KPI" });
        return { file, kpis: [], issues };
    }
    const header = parsed.records[0].cells.map(h => h.trim());
    header.forEach((name, column) => {
        if (name === "") {
            issues.push({ severity: "error", location: { file, row: 1 }, field: `(column ${column + 1})`, message: "a column has no field name in the header row" });
        } else if (header.indexOf(name) !== column) {
            issues.push({ severity: "error", location: { file, row: 1 }, field: name, message: "the column is given twice in the header row" });
        }
    });
    const kpis: RawKpi[] = [];
    parsed.records.slice(1).forEach((record, index) => {
        const location: SourceLocation = { file, row: record.row };
        if (record.cells.length > header.length && record.cells.slice(header.length).some(c => c.trim() !== "")) {
            issues.push({
                severity: "error", location, field: "(row)",
                message: `the row has ${record.cells.length} cells but the header has ${header.length} columns`,
            });
        }
        const fields = new Map<string, RawField>();
        header.forEach((name, column) => {
            if (name === "" || header.indexOf(name) !== column) return;
            const cell = record.cells[column] ?? "";
            if (cell.trim() === "") return;
            fields.set(name, { value: cell, location });
        });
        kpis.push({ index, location, fields, fromCsv: true });
    });
    return { file, kpis, issues };
}
