import { KpiDictionary } from "../dictionary/types";
import { col, measure, str } from "../expr/build";
import { Expr } from "../expr/ast";
import { bracketName, quoteTable } from "../expr/names";
import { printExpr } from "../expr/print";
import { indentAfterLineFeeds, singleLine } from "../expr/text";
import { MeasureDefinition } from "../measures/measure";
import { LineChunks, Lines } from "./lines";
import { GENERIC, MEASURES_TABLE, STAR } from "../measures/names";

/**
 * A script for Power BI Desktop's DAX query view: `DEFINE MEASURE` for every measure (the
 * view offers to add or update them in the model), then a query listing every KPI with its
 * latest actual, target and status so the result can be checked before applying.
 */
function defineBlock(measures: readonly MeasureDefinition[], out: Lines): void {
    out.push("DEFINE");
    for (const m of measures) defineMeasure(m, out);
}

/** One measure of a DEFINE block: its description, `MEASURE ... =` and expression, a blank line. */
export function defineMeasure(m: MeasureDefinition, out: Lines): void {
    out.push(`    -- ${singleLine(m.description)}`);
    const text = printExpr(m.expression);
    const head = `    MEASURE ${quoteTable(MEASURES_TABLE)}${bracketName(m.name)} =`;
    if (!text.includes("\n")) {
        out.push(`${head} ${text}`);
    } else {
        // Every non-empty line eight spaces deeper, in one pass over the text.
        out.push(head, `        ${indentAfterLineFeeds(text, "        ")}`);
    }
    out.push("");
}

const LISTED: readonly [string, string][] = [
    ["Actual", GENERIC.actual], ["Target", GENERIC.target], ["Status", GENERIC.status], ["Direction", GENERIC.direction],
    ["Previous", GENERIC.previous], ["vs England", GENERIC.vsEngland], ["Quartile band", GENERIC.quartileBand],
];

function evaluateBlock(): string[] {
    const columns: Expr[] = ["Sort Order", "KPI ID", "KPI", "Service Area"].map(c => col(STAR.kpi, c));
    const args: Expr[] = [...columns];
    for (const [label, name] of LISTED) args.push(str(label), measure(name));
    const call: Expr = { kind: "call", fn: "SUMMARIZECOLUMNS", args };
    const body = printExpr(call).split("\n").map(l => `    ${l}`);
    return ["EVALUATE", ...body, `ORDER BY ${quoteTable(STAR.kpi)}${bracketName("Sort Order")}`];
}

export function genericQueryScript(measures: readonly MeasureDefinition[], source: string): string {
    const out = new LineChunks();
    out.push(
        `-- KPI measures generated from ${singleLine(source)} by npm run dax. Regenerate rather than edit.`,
        "-- Power BI Desktop: DAX query view, paste, Run, then \"Update model with changes\".",
        "-- The measures table 'KPI Measures' must exist first (see docs/dax-generator.md).",
    );
    defineBlock(measures, out);
    out.pushAll(evaluateBlock());
    out.push("");
    return out.join();
}

export function perKpiQueryScript(measures: readonly MeasureDefinition[], dictionary: KpiDictionary, source: string): string {
    const out = new LineChunks();
    perKpiQueryHead(source, out);
    out.push("DEFINE");
    for (const m of measures) defineMeasure(m, out);
    perKpiQueryTail(dictionary, out);
    return out.join();
}

/** The per-KPI script's lines before `DEFINE`. */
export function perKpiQueryHead(source: string, out: Lines): void {
    out.push(
        `-- Per-KPI measures generated from ${singleLine(source)} by npm run dax. Regenerate rather than edit.`,
        "-- Each KPI's own actual, target, status, status colour and direction, for cards and tables.",
    );
}

/** The per-KPI script's lines after its measures: a query listing every KPI's status. */
export function perKpiQueryTail(dictionary: KpiDictionary, out: Lines): void {
    const listed: Expr[] = [];
    for (const k of dictionary.kpis) {
        if (k.actualExpression !== null || k.sourceColumn !== null) listed.push(str(k.id), measure(k.name + " Status"));
    }
    const row: Expr = { kind: "call", fn: "ROW", args: listed };
    out.push("EVALUATE");
    out.pushAll(printExpr(row).split("\n").map(l => `    ${l}`));
    out.push("");
}
