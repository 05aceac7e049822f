/**
 * Writing TMDL (Tabular Model Definition Language) as Microsoft's TMDL rules ask: one tab per
 * level of nesting, object names in single quotes when they contain anything but letters,
 * digits and underscores (a quote inside doubled), descriptions as `///` lines straight above
 * the object, and multi-line expressions indented one level deeper than the object's
 * properties.
 */
import { createHash } from "crypto";

/** An object name as TMDL needs it: bare when it is a simple identifier, else single-quoted. */
export function tmdlName(name: string): string {
    return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

/** `Table.Column` reference for relationships and sortByColumn targets. */
export function tmdlColumnRef(table: string, column: string): string {
    return `${tmdlName(table)}.${tmdlName(column)}`;
}

/** A text property value: bare when unambiguous, else double-quoted with quotes doubled. */
export function tmdlText(value: string): string {
    const bare = /^[A-Za-z0-9_\\][^"\r\n]*$/.test(value) && value === value.trim();
    return bare ? value : `"${value.replace(/"/g, "\"\"")}"`;
}

/** `///` description lines at an indentation depth (tabs). */
export function descriptionLines(description: string | undefined, depth: number): string[] {
    if (!description) return [];
    const indent = "\t".repeat(depth);
    return description.replace(/\r\n?/g, "\n").split("\n").map(line => `${indent}/// ${line.trim()}`.trimEnd());
}

/**
 * A multi-line expression property (`source =` of a partition, an M expression): the lines of
 * the expression indented `depth` tabs. Blank lines are kept empty.
 */
export function expressionLines(expression: string, depth: number): string[] {
    const indent = "\t".repeat(depth);
    return expression.replace(/\r\n?/g, "\n").split("\n").map(line => (line.trim() === "" ? "" : indent + line));
}

/** A stable GUID-shaped identifier from a key (relationship names; same key, same id on every run). */
export function stableGuid(key: string): string {
    const h = createHash("sha1").update(`council-kpi-tiles/pbip:${key}`).digest("hex");
    const variant = ((parseInt(h[16], 16) & 0x3) | 0x8).toString(16);
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}
