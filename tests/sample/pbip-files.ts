/**
 * Test helpers for the committed Power BI Project (sample/pbip): reading its files, a small
 * TMDL reader (tables, columns, measures, partitions, expressions, relationships) and a walk
 * over the field references of PBIR visual queries and filters.
 */
import * as fs from "fs";
import * as path from "path";

export const PBIP_DIR = path.resolve(__dirname, "../../sample/pbip");
export const REPORT_DIR = path.join(PBIP_DIR, "Childrens Services.Report");
export const MODEL_DIR = path.join(PBIP_DIR, "Childrens Services.SemanticModel");

export function listFiles(dir: string, base = dir): string[] {
    const out: string[] = [];
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
        const p = path.join(dir, e.name);
        if (e.isDirectory()) out.push(...listFiles(p, base));
        else out.push(path.relative(base, p).split(path.sep).join("/"));
    }
    return out.sort();
}

export function readJson<T = Record<string, unknown>>(file: string): T {
    return JSON.parse(fs.readFileSync(file, "utf8")) as T;
}

/** A TMDL object name: 'quoted' (with '' for a quote) or a bare identifier. */
export function unquote(name: string): string {
    return name.startsWith("'") ? name.slice(1, -1).replace(/''/g, "'") : name;
}

export interface TmdlTable {
    readonly name: string;
    readonly columns: Map<string, Map<string, string>>;
    readonly measures: Set<string>;
    /** Partition name -> M (or DAX) source text. */
    readonly partitions: Map<string, { kind: string; source: string }>;
}

const NAME = String.raw`('(?:[^']|'')*'|[A-Za-z_][A-Za-z0-9_]*)`;

/** Depth of a line: its leading tabs. */
export function depthOf(line: string): number {
    return /^\t*/.exec(line)![0].length;
}

/** Read the multi-line expression following a `source =` or `name =` line at `depth`. */
function blockAfter(lines: readonly string[], start: number, depth: number): { text: string; end: number } {
    const body: string[] = [];
    let i = start + 1;
    for (; i < lines.length; i++) {
        const line = lines[i];
        if (line.trim() === "") { body.push(""); continue; }
        if (depthOf(line) <= depth) break;
        body.push(line);
    }
    while (body.length > 0 && body[body.length - 1] === "") body.pop();
    const minIndent = Math.min(...body.filter(l => l !== "").map(depthOf));
    return { text: body.map(l => l.slice(minIndent)).join("\n"), end: i };
}

export function readTmdlTable(text: string): TmdlTable {
    const lines = text.split("\n");
    const tableLine = lines.find(l => l.startsWith("table "));
    if (!tableLine) throw new Error("no table declaration");
    const table: TmdlTable = { name: unquote(tableLine.slice(6).trim()), columns: new Map(), measures: new Set(), partitions: new Map() };
    let currentColumn: Map<string, string> | null = null;
    for (let i = 0; i < lines.length; i++) {
        const line = lines[i];
        const column = new RegExp(`^\\tcolumn ${NAME}\\s*$`).exec(line);
        if (column) { currentColumn = new Map(); table.columns.set(unquote(column[1]), currentColumn); continue; }
        const measure = new RegExp(`^\\tmeasure ${NAME}\\s*=`).exec(line);
        if (measure) { table.measures.add(unquote(measure[1])); currentColumn = null; continue; }
        const partition = new RegExp(`^\\tpartition ${NAME} = (\\w+)\\s*$`).exec(line);
        if (partition) {
            currentColumn = null;
            for (let j = i + 1; j < lines.length && (lines[j].trim() === "" || depthOf(lines[j]) >= 2); j++) {
                if (/^\t\tsource =\s*$/.test(lines[j])) {
                    const block = blockAfter(lines, j, 2);
                    table.partitions.set(unquote(partition[1]), { kind: partition[2], source: block.text });
                    break;
                }
                const inline = /^\t\tsource = (.+)$/.exec(lines[j]);
                if (inline) { table.partitions.set(unquote(partition[1]), { kind: partition[2], source: inline[1] }); break; }
            }
            continue;
        }
        if (currentColumn && /^\t\t[a-zA-Z]+:/.test(line)) {
            const [, key, value] = /^\t\t([a-zA-Z]+):\s*(.*)$/.exec(line)!;
            currentColumn.set(key, value);
        } else if (depthOf(line) <= 1 && line.trim() !== "" && !line.startsWith("\t\t")) {
            if (!/^\t(column|\/\/\/)/.test(line)) currentColumn = null;
        }
    }
    return table;
}

export function readModelTables(): Map<string, TmdlTable> {
    const dir = path.join(MODEL_DIR, "definition", "tables");
    const tables = new Map<string, TmdlTable>();
    for (const f of fs.readdirSync(dir).filter(f => f.endsWith(".tmdl"))) {
        const t = readTmdlTable(fs.readFileSync(path.join(dir, f), "utf8"));
        tables.set(t.name, t);
    }
    return tables;
}

export interface FieldUse {
    readonly kind: "Column" | "Measure";
    readonly table: string;
    readonly property: string;
    readonly file: string;
}

/** Every Column/Measure reference in a PBIR document, resolving filter `From` aliases. */
export function fieldUses(doc: unknown, file: string): FieldUse[] {
    const out: FieldUse[] = [];
    const walk = (node: unknown, aliases: Map<string, string>): void => {
        if (Array.isArray(node)) { node.forEach(n => walk(n, aliases)); return; }
        if (!node || typeof node !== "object") return;
        const obj = node as Record<string, unknown>;
        let scope = aliases;
        if (Array.isArray(obj.From)) {
            scope = new Map(aliases);
            for (const f of obj.From as { Name: string; Entity: string }[]) scope.set(f.Name, f.Entity);
        }
        for (const kind of ["Column", "Measure"] as const) {
            const ref = obj[kind] as { Expression?: { SourceRef?: { Entity?: string; Source?: string } }; Property?: string } | undefined;
            if (ref && typeof ref === "object" && ref.Property !== undefined && ref.Expression?.SourceRef) {
                const source = ref.Expression.SourceRef;
                const table = source.Entity ?? (source.Source !== undefined ? scope.get(source.Source) : undefined);
                out.push({ kind, table: table ?? `(unknown alias ${source.Source})`, property: ref.Property, file });
            }
        }
        for (const value of Object.values(obj)) walk(value, scope);
    };
    walk(doc, new Map());
    return out;
}
