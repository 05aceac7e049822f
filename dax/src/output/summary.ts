import { KpiDefinition, KpiDictionary } from "../dictionary/types";
import { MeasureDefinition } from "../measures/measure";
import { singleLine } from "../expr/text";
import { describeRating, POLARITY_WORDS, showValue } from "./describe";
import { LineChunks, Lines } from "./lines";

const cell = (text: string | null | undefined): string => {
    if (text === null || text === undefined || text === "") return "";
    const line = singleLine(text);
    return line.includes("|") ? line.replace(/\|/g, "\\|") : line;
};

/** A readable summary of every KPI and its rules, for the data dictionary owner. */
export function dictionarySummary(dictionary: KpiDictionary, measures: readonly MeasureDefinition[], source: string): string {
    const out = new LineChunks();
    summaryHead(dictionary, measures.length, source, out);
    for (const m of measures) summaryMeasure(m, out);
    out.push("");
    return out.join();
}

/** The measures table's row for a measure (none for a hidden one). */
export function summaryMeasure(m: MeasureDefinition, out: Lines): void {
    if (!m.isHidden) out.push(`| ${cell(m.name)} | ${cell(m.displayFolder)} | ${cell(m.description)} |`);
}

/**
 * The summary up to its table of measures (`measureCount` of them): the summary is this, a
 * `summaryMeasure` for each measure, then an empty line.
 */
export function summaryHead(dictionary: KpiDictionary, measureCount: number, source: string, out: Lines): void {
    out.push("# KPI data dictionary: summary", "");
    out.push(`Generated from \`${source}\` by \`npm run dax\`. ${dictionary.kpis.length} KPIs; ${measureCount} measures in the \`KPI Measures\` table.`);
    out.push("Statuses are rated exactly as the KPI tiles visual rates them, at each KPI's shown precision.", "");
    // KPIs by service area, areas in order of first appearance (one pass, however many areas).
    const areas = new Map<string, KpiDefinition[]>();
    for (const k of dictionary.kpis) {
        const kpis = areas.get(k.serviceArea);
        if (kpis) kpis.push(k);
        else areas.set(k.serviceArea, [k]);
    }
    for (const [area, kpis] of areas) {
        out.push(`## ${area}`, "");
        out.push("| ID | KPI | Polarity | Target | Rating rule | Format | Owner | Frequency | Benchmarks |");
        out.push("| --- | --- | --- | --- | --- | --- | --- | --- | --- |");
        for (const k of kpis) {
            out.push(`| ${cell(k.id)} | ${cell(k.name)} | ${POLARITY_WORDS[k.polarity]} | ${k.target === null ? "" : cell(showValue(k.target, k.format))} | ${cell(describeRating(k))} | \`${cell(k.format)}\` | ${cell(k.owner)} | ${cell(k.frequency)} | ${cell(k.benchmarks.join(", "))} |`);
        }
        out.push("");
        const defined = kpis.filter(x => x.definition || x.source || x.actualExpression || x.sourceColumn);
        for (const k of defined) {
            out.push(`- **${cell(k.name)}** (${cell(k.id)})${k.definition ? `: ${cell(k.definition)}` : ""}${k.source ? ` Source: ${cell(k.source)}.` : ""}${k.laitCode ? ` LAIT: \`${cell(k.laitCode)}\`.` : ""}`);
            if (k.actualExpression || k.sourceColumn) {
                out.push(`  Own measures: \`[${cell(k.name)}]\`, \`Target\`, \`Status\`, \`Status Colour\`, \`Direction\`; actual = \`${cell(k.actualExpression ?? `SUM ( '${k.sourceColumn!.table}'[${k.sourceColumn!.column}] )`)}\`.`);
            }
        }
        if (defined.length) out.push("");
    }
    out.push("## Measures", "");
    out.push("| Measure | Folder | Description |", "| --- | --- | --- |");
}
