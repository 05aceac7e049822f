import { createHash } from "crypto";
import { KpiDictionary } from "../dictionary/types";
import { printExpr } from "../expr/print";
import { allMeasures } from "../measures/all";
import { MeasureDefinition } from "../measures/measure";
import { MEASURES_TABLE } from "../measures/names";

/**
 * TMDL of the `KPI Measures` table: tabs for structure, `///` descriptions, names quoted when
 * they need it, measure expressions one level deeper than the measure's properties, dynamic
 * format strings as `formatStringDefinition`. The table is a one-row calculated table with a
 * hidden column, the usual home for measures in Power BI.
 */
export function tmdlName(name: string): string {
    return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

/** A text property value: bare when safe, else in double quotes with " doubled. */
export function tmdlText(value: string): string {
    const safe = /^[^"'\s`][^"\r\n]*$/.test(value) && value === value.trimEnd();
    return safe ? value : `"${value.replace(/"/g, "\"\"")}"`;
}

/** A stable GUID-shaped lineage tag from a name, so Power BI keeps object identity between runs. */
export function lineageTag(key: string): string {
    const h = createHash("sha1").update(`council-kpi-tiles:${key}`).digest("hex");
    const variant = ((parseInt(h[16], 16) & 0x3) | 0x8).toString(16);
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

// eslint-disable-next-line no-control-regex
const CONTROL_EXCEPT_NEWLINE = /[\u0000-\u0009\u000b-\u001f\u007f]/g;

function descriptionLines(description: string, indent: string): string[] {
    return description.replace(/\r\n?/g, "\n").replace(CONTROL_EXCEPT_NEWLINE, " ").split("\n")
        .map(line => `${indent}/// ${line.trim()}`.trimEnd());
}

function expressionBlock(text: string, indent: string): string[] {
    const lines = text.split("\n");
    if (lines.some(l => l.trim() === "")) {
        return ["```", ...lines.map(l => (l === "" ? "" : indent + l)), `${indent}\`\`\``];
    }
    return lines.map(l => indent + l);
}

function measureTmdl(m: MeasureDefinition): string[] {
    const out: string[] = [];
    const text = printExpr(m.expression);
    out.push(...descriptionLines(m.description, "\t"));
    if (!text.includes("\n")) {
        out.push(`\tmeasure ${tmdlName(m.name)} = ${text}`);
    } else {
        const block = expressionBlock(text, "\t\t\t");
        if (block[0] === "```") out.push(`\tmeasure ${tmdlName(m.name)} = \`\`\``, ...block.slice(1));
        else out.push(`\tmeasure ${tmdlName(m.name)} =`, ...block);
    }
    if (m.formatString !== undefined) out.push(`\t\tformatString: ${tmdlText(m.formatString)}`);
    if (m.isHidden) out.push("\t\tisHidden");
    out.push(`\t\tdisplayFolder: ${tmdlText(m.displayFolder)}`);
    out.push(`\t\tlineageTag: ${lineageTag(`measure/${m.name}`)}`);
    if (m.formatStringExpression !== undefined) {
        out.push("");
        const format = printExpr(m.formatStringExpression);
        out.push(`\t\tformatStringDefinition = ${format}`);
    }
    out.push("");
    return out;
}

export interface MeasuresTmdlOptions {
    /** Include the per-KPI families (their expressions refer to the model's own tables). Default true. */
    readonly perKpi?: boolean;
    /** First line comment naming the dictionary; default none. */
    readonly source?: string;
}

/** The `KPI Measures.tmdl` text for a dictionary (for TMDL view and Power BI Project folders). */
export function buildMeasuresTmdl(dictionary: KpiDictionary, options: MeasuresTmdlOptions = {}): string {
    const measures = allMeasures(dictionary).filter(m => options.perKpi !== false || m.family === "generic");
    return measuresTableTmdl(measures, options.source);
}

export function measuresTableTmdl(measures: readonly MeasureDefinition[], source?: string): string {
    const out: string[] = [];
    out.push(...descriptionLines(
        `Measures that rate KPIs exactly as the KPI tiles visual does.${source ? ` Generated from ${source}` : ""} by npm run dax; regenerate rather than edit.`, ""));
    out.push(`table ${tmdlName(MEASURES_TABLE)}`);
    out.push(`\tlineageTag: ${lineageTag(`table/${MEASURES_TABLE}`)}`);
    out.push("");
    for (const m of measures) out.push(...measureTmdl(m));
    out.push("\tcolumn Anchor");
    out.push("\t\tdataType: int64");
    out.push("\t\tisHidden");
    out.push("\t\tformatString: 0");
    out.push(`\t\tlineageTag: ${lineageTag(`column/${MEASURES_TABLE}/Anchor`)}`);
    out.push("\t\tsummarizeBy: none");
    out.push("\t\tisNameInferred");
    out.push("\t\tsourceColumn: [Anchor]");
    out.push("");
    out.push(`\tpartition ${tmdlName(MEASURES_TABLE)} = calculated`);
    out.push("\t\tmode: import");
    out.push("\t\tsource = ROW ( \"Anchor\", 0 )");
    out.push("");
    return out.join("\n");
}
