/**
 * The one TMDL (Tabular Model Definition Language) writer of the project: typed objects in,
 * TMDL text out. The DAX generator's `KPI Measures` table and the sample Power BI Project's
 * model (scripts/pbip) are both written here, so names, text values, descriptions, expressions
 * and lineage tags follow one set of rules.
 *
 * The rules, from Microsoft's TMDL language reference (learn.microsoft.com/analysis-services/tmdl/tmdl-overview):
 * - indentation is one tab per level; an object's properties one level below its declaration;
 * - an object name needs single quotes when it contains a dot, `=`, `:`, `'` or whitespace, and a
 *   `'` inside is doubled. This writer leaves bare only names of letters, digits, `_` and `-`
 *   (`Period`, a relationship's GUID, as Desktop writes them) and quotes every other name, which
 *   covers those cases and more;
 * - a text property value stays on one line; it needs double quotes when it has leading or
 *   trailing whitespace, and `"` inside a quoted value is doubled. Because a leading and a
 *   trailing `"` are stripped on reading, a value containing `"` is always quoted here;
 * - a default-property expression (`measure X = ...`, `source = ...`) goes on the declaration line
 *   when it is one line, else on the following lines indented deeper than the object's properties
 *   (this writer: two levels below the line holding `=`, as Power BI Desktop writes them); blank
 *   lines are kept; an expression whose whitespace would not survive a round trip (trailing
 *   spaces, whitespace-only lines, trailing blank lines) is enclosed in three backticks;
 * - descriptions are `///` lines directly above the declaration, no blank line between;
 * - TMDL scripts (learn.microsoft.com/analysis-services/tmdl/tmdl-scripts) start with a command
 *   such as `createOrReplace`, with the objects indented under it.
 */
import { hash } from "crypto";
import { controlProblem, indentAfterLineFeeds, textLines } from "../expr/text";
import { LineChunks } from "./lines";

export type TmdlDataType = "string" | "int64" | "double" | "decimal" | "dateTime" | "boolean";

export interface TmdlAnnotation {
    readonly name: string;
    readonly value: string;
}

export interface TmdlMeasure {
    readonly name: string;
    /** DAX. */
    readonly expression: string;
    readonly description?: string;
    readonly formatString?: string;
    /** DAX returning the format string (a FormatStringDefinition child object). */
    readonly formatStringDefinition?: string;
    readonly isHidden?: boolean;
    readonly displayFolder?: string;
    readonly lineageTag: string;
}

export interface TmdlColumn {
    readonly name: string;
    readonly dataType: TmdlDataType;
    readonly description?: string;
    readonly formatString?: string;
    readonly isHidden?: boolean;
    /** The table's key (the one side of its relationships; values unique). */
    readonly isKey?: boolean;
    /** False leaves out the attribute hierarchy MDX clients use (hidden columns nothing sorts by). Default true. */
    readonly isAvailableInMdx?: boolean;
    readonly summarizeBy: "none" | "sum" | "count" | "min" | "max" | "average" | "distinctCount";
    /** `Name` for a data column; `[Name]` for a calculated table's column. */
    readonly sourceColumn: string;
    readonly isNameInferred?: boolean;
    /** Name of a column of the same table. */
    readonly sortByColumn?: string;
    readonly lineageTag: string;
    readonly annotations?: readonly TmdlAnnotation[];
}

export interface TmdlPartition {
    readonly name: string;
    /** `m`: Power Query; `calculated`: a DAX table expression. */
    readonly sourceType: "m" | "calculated";
    readonly mode: "import";
    readonly source: string;
}

export interface TmdlTable {
    readonly name: string;
    readonly description?: string;
    readonly lineageTag: string;
    readonly measures: readonly TmdlMeasure[];
    readonly columns: readonly TmdlColumn[];
    readonly partitions: readonly TmdlPartition[];
    readonly annotations?: readonly TmdlAnnotation[];
}

/** A shared (named) Power Query expression, such as a parameter. */
export interface TmdlExpression {
    readonly name: string;
    readonly description?: string;
    /** M. */
    readonly expression: string;
    readonly lineageTag: string;
    readonly annotations?: readonly TmdlAnnotation[];
}

export interface TmdlRelationship {
    readonly name: string;
    readonly fromTable: string;
    readonly fromColumn: string;
    readonly toTable: string;
    readonly toColumn: string;
}

export interface TmdlModelProperties {
    readonly culture: string;
    readonly sourceQueryCulture: string;
    readonly defaultPowerBIDataSourceVersion: "powerBI_V3";
    readonly discourageImplicitMeasures: boolean;
    readonly dataAccessOptions: readonly ("legacyRedirects" | "returnErrorValuesAsNull")[];
    readonly annotations: readonly TmdlAnnotation[];
}

/** A whole semantic model, as the files of a Power BI Project's `definition` folder hold it. */
export interface TmdlSemanticModel {
    readonly compatibilityLevel: number;
    readonly model: TmdlModelProperties;
    readonly tables: readonly TmdlTable[];
    readonly relationships: readonly TmdlRelationship[];
    readonly expressions: readonly TmdlExpression[];
}

/** A value the writer cannot represent (a line break in a name or a one-line property). */
export class TmdlWriteError extends Error {}

const PLAIN_NAME = /^[A-Za-z0-9_-]+$/;

/** An object name or reference as TMDL needs it: bare when only letters, digits, `_` and `-`, else single-quoted with `'` doubled. */
export function tmdlName(name: string): string {
    const problem = controlProblem(name);
    if (problem !== null) throw new TmdlWriteError(`TMDL object name ${JSON.stringify(name)} ${problem}`);
    if (name === "") throw new TmdlWriteError("TMDL object names cannot be empty");
    return PLAIN_NAME.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

/** `Table.Column` reference (relationships). */
export function tmdlColumnRef(table: string, column: string): string {
    return `${tmdlName(table)}.${tmdlName(column)}`;
}

/** A text property value: bare when it reads back unchanged, else double-quoted with `"` doubled. */
export function tmdlText(value: string): string {
    const problem = controlProblem(value);
    if (problem !== null) throw new TmdlWriteError(`TMDL property value ${JSON.stringify(value)} ${problem} (a property value is one line)`);
    const bare = value !== "" && value === value.trim() && !/["`]/.test(value) && !value.startsWith("'");
    return bare ? value : `"${value.replace(/"/g, "\"\"")}"`;
}

/** A stable GUID-shaped lineage tag from an object path, so every build writes the same bytes and Power BI keeps object identity between regenerations. */
export function lineageTag(key: string): string {
    return guidFrom(`council-kpi-tiles:${key}`);
}

/** A stable GUID-shaped name (relationships are named by GUID). */
export function stableGuid(key: string): string {
    return guidFrom(`council-kpi-tiles/pbip:${key}`);
}

/** The seed's SHA-1 (of its UTF-8 bytes) shaped as a version-5 GUID. `crypto.hash` (Node.js 20.12 and later) is the one-shot form of createHash(...).update(...).digest(...), about twice as fast for a short seed. */
function guidFrom(seed: string): string {
    const h = hash("sha1", seed, "hex");
    const variant = ((parseInt(h[16], 16) & 0x3) | 0x8).toString(16);
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** `///` description lines at a depth; every kind of line break separates lines, other control characters become spaces (dax/src/expr/text.ts). */
export function descriptionLines(description: string | undefined, depth: number): string[] {
    if (description === undefined || description.trim() === "") return [];
    const indent = "\t".repeat(depth);
    return textLines(description).map(line => `${indent}/// ${line.trim()}`.trimEnd());
}

/**
 * True when indentation alone would not carry the expression back unchanged: trailing
 * whitespace, whitespace-only lines, blank first or last lines (all stripped on reading), every
 * line indented (a reader strips the common indentation), or a line starting with ```.
 */
function needsBackticks(lines: readonly string[]): boolean {
    const nonBlank = lines.filter(l => l !== "");
    return lines.some(l => l !== l.trimEnd() || (l !== "" && l.trim() === "")) ||
        lines[0].trim() === "" || lines[lines.length - 1].trim() === "" || lines.some(l => l.trimStart().startsWith("```")) ||
        (nonBlank.length > 0 && nonBlank.every(l => /^\s/.test(l)));
}

/**
 * A declaration with a default-property expression (`head = expression`), `head` already indented
 * at `depth`: one line when the expression is, else the expression's lines two levels deeper.
 */
export function expressionProperty(head: string, expression: string, depth: number): string[] {
    const lines = expression.split(/\r\n|\r|\n/);
    if (lines.some(l => l.trim() === "```")) throw new TmdlWriteError("an expression line of just ``` would end a TMDL ``` block");
    if (lines.length === 1 && lines[0] === lines[0].trim() && lines[0] !== "" && !lines[0].startsWith("```") && !lines[0].endsWith("```")) return [`${head} = ${lines[0]}`];
    const indent = "\t".repeat(depth + 2);
    if (needsBackticks(lines)) {
        return [`${head} = \`\`\``, ...lines.map(l => (l === "" ? "" : indent + l)), `${indent}\`\`\``];
    }
    return [`${head} =`, ...lines.map(l => (l === "" ? "" : indent + l))];
}

/**
 * Whitespace other than a space or a line feed: what `\s` and `trim` also match (tab, VT, FF,
 * CR, NBSP, the other Unicode space separators, U+2028, U+2029, BOM), listed because the
 * equivalent `[^\S \n]` scans several times slower.
 */
const OTHER_WHITESPACE = /[\t\v\f\r\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff]/;

/**
 * `expressionProperty(head, expression, depth).join("\n")`, without splitting the expression
 * into lines when it holds no whitespace but spaces and line feeds and no backtick (every
 * generated measure): then the tests on each line are tests on the whole text, and indenting
 * is one replace. Anything else takes expressionProperty itself.
 */
export function expressionText(head: string, expression: string, depth: number): string {
    if (OTHER_WHITESPACE.test(expression) || expression.includes("`")) return expressionProperty(head, expression, depth).join("\n");
    const multiLine = expression.includes("\n");
    if (!multiLine && expression !== "" && expression[0] !== " " && expression[expression.length - 1] !== " ") return `${head} = ${expression}`;
    const indent = "\t".repeat(depth + 2);
    const body = (expression === "" || expression[0] === "\n" ? "" : indent) + indentAfterLineFeeds(expression, indent);
    // needsBackticks: a line ending in a space (so also a line of spaces), a blank first or last
    // line, or every non-blank line indented.
    const backticks = / \n| $/.test(expression) || expression === "" || expression[0] === "\n" || expression[expression.length - 1] === "\n"
        || !/(?:^|\n)[^ \n]/.test(expression);
    return backticks ? `${head} = \`\`\`\n${body}\n${indent}\`\`\`` : `${head} =\n${body}`;
}

function annotationLines(annotations: readonly TmdlAnnotation[] | undefined, depth: number): string[] {
    const out: string[] = [];
    for (const a of annotations ?? []) out.push("", `${"\t".repeat(depth)}annotation ${tmdlName(a.name)} = ${a.value}`);
    return out;
}

/** A measure's lines, joined (each line once; a table of 10,000 KPIs has 25,000 measures). */
export function measureText(m: TmdlMeasure): string {
    const out = descriptionLines(m.description, 1);
    out.push(expressionText(`\tmeasure ${tmdlName(m.name)}`, m.expression, 1));
    if (m.formatString !== undefined) out.push(`\t\tformatString: ${tmdlText(m.formatString)}`);
    if (m.isHidden) out.push("\t\tisHidden");
    if (m.displayFolder !== undefined) out.push(`\t\tdisplayFolder: ${tmdlText(m.displayFolder)}`);
    out.push(`\t\tlineageTag: ${m.lineageTag}`);
    if (m.formatStringDefinition !== undefined) {
        out.push("", expressionText("\t\tformatStringDefinition", m.formatStringDefinition, 2));
    }
    out.push("");
    return out.join("\n");
}

function columnLines(c: TmdlColumn): string[] {
    const out = [...descriptionLines(c.description, 1), `\tcolumn ${tmdlName(c.name)}`];
    out.push(`\t\tdataType: ${c.dataType}`);
    if (c.isHidden) out.push("\t\tisHidden");
    if (c.isKey) out.push("\t\tisKey");
    if (c.formatString !== undefined) out.push(`\t\tformatString: ${tmdlText(c.formatString)}`);
    if (c.isAvailableInMdx === false) out.push("\t\tisAvailableInMdx: false");
    out.push(`\t\tlineageTag: ${c.lineageTag}`);
    out.push(`\t\tsummarizeBy: ${c.summarizeBy}`);
    if (c.isNameInferred) out.push("\t\tisNameInferred");
    out.push(`\t\tsourceColumn: ${tmdlText(c.sourceColumn)}`);
    if (c.sortByColumn !== undefined) out.push(`\t\tsortByColumn: ${tmdlName(c.sortByColumn)}`);
    out.push(...annotationLines(c.annotations, 2));
    out.push("");
    return out;
}

function partitionLines(p: TmdlPartition): string[] {
    return [
        `\tpartition ${tmdlName(p.name)} = ${p.sourceType}`,
        `\t\tmode: ${p.mode}`,
        ...expressionProperty("\t\tsource", p.source, 2),
        "",
    ];
}

/**
 * `tables/<name>.tmdl` of a Power BI Project: the table's lines at depth 0, written object by
 * object (each measure, column and partition joined on its own, then the objects), so no list
 * of every line of a large table is built.
 */
export function writeTable(t: TmdlTable): string {
    const out = new LineChunks();
    writeTablePieces(t, piece => out.push(piece));
    return out.join();
}

/** The pieces of a table's text (lines, or a whole measure), in order: the table is `pieces.join("\n")`. */
function writeTablePieces(t: TmdlTable, emit: (piece: string) => void): void {
    tablePiecesBefore(t, emit);
    for (const m of t.measures) emit(measureText(m));
    tablePiecesAfter(t, emit);
}

/** The pieces of a table before its measures (description, declaration, lineage tag). */
export function tablePiecesBefore(t: TmdlTable, emit: (piece: string) => void): void {
    for (const line of descriptionLines(t.description, 0)) emit(line);
    emit(`table ${tmdlName(t.name)}`);
    emit(`\tlineageTag: ${t.lineageTag}`);
    emit("");
}

/** The pieces of a table after its measures (columns, partitions, annotations). */
export function tablePiecesAfter(t: TmdlTable, emit: (piece: string) => void): void {
    for (const c of t.columns) for (const line of columnLines(c)) emit(line);
    for (const p of t.partitions) for (const line of partitionLines(p)) emit(line);
    const annotations = annotationLines(t.annotations, 1);
    if (annotations.length > 0) {
        for (const line of annotations.slice(1)) emit(line);
        emit("");
    }
}

/**
 * `writeTable(t)` and `writeCreateOrReplaceScript([t])` together, in one pass: each piece of the
 * table is indented for the script while it is small (indenting the joined text is the same
 * text: a tab goes at the start of every non-empty line, and a piece's first line starts a
 * line of the whole), instead of indenting the 17 MB of a 10,000-KPI table again at the end.
 */
export function writeTableAndScript(t: TmdlTable): { readonly table: string; readonly script: string } {
    const table = new LineChunks();
    const script = new LineChunks();
    script.push("createOrReplace", "");
    writeTablePieces(t, piece => {
        table.push(piece);
        script.push(indentForScript(piece));
    });
    return { table: table.join(), script: script.join() };
}

/** Every non-empty line of `text` one tab deeper (a table's piece as the createOrReplace script holds it). */
export function indentForScript(text: string): string {
    return (text === "" || text[0] === "\n" ? "" : "\t") + indentAfterLineFeeds(text, "\t");
}

/**
 * A TMDL script that creates or replaces the tables (TMDL view in Power BI Desktop runs it with
 * Apply): the `createOrReplace` command, then each table indented one level under it.
 */
export function writeCreateOrReplaceScript(tables: readonly TmdlTable[]): string {
    return createOrReplaceScriptOf(tables.map(writeTable));
}

/**
 * The createOrReplace script from tables already written by `writeTable`: every non-empty line
 * one tab deeper. One pass over the text (a table of 10,000 KPIs is 17 MB; writing it again
 * line by line took longer than the rest of the TMDL).
 */
export function createOrReplaceScriptOf(tableTexts: readonly string[]): string {
    return ["createOrReplace", "", ...tableTexts.map(indentForScript)].join("\n");
}

export function writeRelationships(relationships: readonly TmdlRelationship[]): string {
    const out: string[] = [];
    for (const r of relationships) {
        out.push(`relationship ${tmdlName(r.name)}`, `\tfromColumn: ${tmdlColumnRef(r.fromTable, r.fromColumn)}`, `\ttoColumn: ${tmdlColumnRef(r.toTable, r.toColumn)}`, "");
    }
    return out.join("\n");
}

export function writeExpressions(expressions: readonly TmdlExpression[]): string {
    const out: string[] = [];
    for (const e of expressions) {
        out.push(...descriptionLines(e.description, 0), ...expressionProperty(`expression ${tmdlName(e.name)}`, e.expression, 0));
        out.push(`\tlineageTag: ${e.lineageTag}`);
        out.push(...annotationLines(e.annotations, 1), "");
    }
    return out.join("\n");
}

export function writeDatabase(compatibilityLevel: number): string {
    return ["database", `\tcompatibilityLevel: ${compatibilityLevel}`, ""].join("\n");
}

export function writeModel(model: TmdlModelProperties, tableNames: readonly string[]): string {
    const out = ["model Model", `\tculture: ${tmdlText(model.culture)}`, `\tdefaultPowerBIDataSourceVersion: ${model.defaultPowerBIDataSourceVersion}`];
    if (model.discourageImplicitMeasures) out.push("\tdiscourageImplicitMeasures");
    out.push(`\tsourceQueryCulture: ${tmdlText(model.sourceQueryCulture)}`);
    if (model.dataAccessOptions.length > 0) out.push("\tdataAccessOptions", ...model.dataAccessOptions.map(o => `\t\t${o}`));
    out.push(...annotationLines(model.annotations, 0), "");
    out.push(...tableNames.map(name => `ref table ${tmdlName(name)}`), "");
    return out.join("\n");
}

/** Every file of a Power BI Project's `definition` folder: path below `definition/` -> text. */
export function writeSemanticModel(sm: TmdlSemanticModel): Map<string, string> {
    const files = new Map<string, string>();
    files.set("database.tmdl", writeDatabase(sm.compatibilityLevel));
    files.set("model.tmdl", writeModel(sm.model, sm.tables.map(t => t.name)));
    files.set("expressions.tmdl", writeExpressions(sm.expressions));
    files.set("relationships.tmdl", writeRelationships(sm.relationships));
    for (const t of sm.tables) files.set(`tables/${t.name}.tmdl`, writeTable(t));
    return files;
}
