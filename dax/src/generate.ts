import { loadDictionary, parseDictionaryText } from "./dictionary/load";
import { DictionaryIssue, KpiDictionary } from "./dictionary/types";
import { allMeasures, fixedMeasures, hasOwnMeasures } from "./measures/all";
import { MeasureDefinition } from "./measures/measure";
import { PER_KPI_SUFFIXES } from "./measures/names";
import { perKpiMeasures } from "./measures/perKpi";
import { kpiDimensionCsv } from "./output/kpiDimension";
import { defineMeasure, genericQueryScript, perKpiQueryHead, perKpiQueryScript, perKpiQueryTail } from "./output/query";
import { LineSink, TextSink } from "./output/sink";
import { dictionarySummary, summaryHead, summaryMeasure } from "./output/summary";
import { measuresTableTmdlAndScript, MeasuresTableStream } from "./output/tmdl";

/** Output file names (stable: reports and the Power BI Project builder refer to them). */
export const OUTPUT_FILES = {
    query: "kpi-measures.dax",
    perKpiQuery: "per-kpi-measures.dax",
    /** The table file of a Power BI Project (`definition/tables/`). */
    tmdl: "KPI Measures.tmdl",
    /** The same table as a TMDL script (`createOrReplace`) to paste into TMDL view and Apply. */
    tmdlScript: "tmdl-view-script.tmdl",
    kpiDimension: "kpi-dimension.csv",
    summary: "kpi-dictionary-summary.md",
} as const;

export interface GeneratedOutput {
    readonly dictionary: KpiDictionary;
    readonly measures: readonly MeasureDefinition[];
    /** File name -> content. */
    readonly files: ReadonlyMap<string, string>;
}

/** Every output for a validated dictionary, in memory. `source` is the dictionary path shown in comments. */
export function generateOutputs(dictionary: KpiDictionary, source: string): GeneratedOutput {
    const measures = allMeasures(dictionary);
    const generic = measures.filter(m => m.family === "generic");
    const perKpi = measures.filter(m => m.family === "perKpi");
    const files = new Map<string, string>();
    files.set(OUTPUT_FILES.query, genericQueryScript(generic, source));
    if (perKpi.length > 0) files.set(OUTPUT_FILES.perKpiQuery, perKpiQueryScript(perKpi, dictionary, source));
    const tmdl = measuresTableTmdlAndScript(measures, source);
    files.set(OUTPUT_FILES.tmdl, tmdl.table);
    files.set(OUTPUT_FILES.tmdlScript, tmdl.script);
    files.set(OUTPUT_FILES.kpiDimension, kpiDimensionCsv(dictionary));
    files.set(OUTPUT_FILES.summary, dictionarySummary(dictionary, measures, source));
    return { dictionary, measures, files };
}

export interface StreamedOutput {
    /** The files written, in the order generateOutputs lists them. */
    readonly files: readonly string[];
    readonly measureCount: number;
}

/** Measures in each KPI's own family (perKpiMeasures). */
const PER_KPI_MEASURE_COUNT = Object.keys(PER_KPI_SUFFIXES).length;

/**
 * The files of `generateOutputs`, byte for byte, written to the sinks `open` gives (one per file,
 * opened in the order generateOutputs lists them) as they are produced: each KPI's measures are
 * built, printed once and written to the per-KPI script, the TMDL table, its TMDL view script
 * and the summary, then dropped. Nothing of a KPI outlives its turn, so memory stays at the
 * dictionary and the generic family, whatever the dictionary's size (tests/dax/streaming.test.ts
 * compares the two).
 */
export function streamOutputs(dictionary: KpiDictionary, source: string, open: (file: string) => TextSink): StreamedOutput {
    const fixed = fixedMeasures(dictionary);
    const own = dictionary.kpis.filter(hasOwnMeasures);
    const measureCount = fixed.length + own.length * PER_KPI_MEASURE_COUNT;
    const files: string[] = [];
    const sink = (file: string): TextSink => {
        files.push(file);
        return open(file);
    };
    const query = sink(OUTPUT_FILES.query);
    const perKpiQuery = own.length > 0 ? new LineSink(sink(OUTPUT_FILES.perKpiQuery)) : null;
    const tmdlTable = new LineSink(sink(OUTPUT_FILES.tmdl));
    const tmdlScript = new LineSink(sink(OUTPUT_FILES.tmdlScript));
    const tmdl = new MeasuresTableStream(source, tmdlTable, tmdlScript);
    const csv = sink(OUTPUT_FILES.kpiDimension);
    const summary = new LineSink(sink(OUTPUT_FILES.summary));

    if (fixed.some(m => m.family !== "generic")) throw new Error("a measure of the generic family is marked per-KPI");
    query.write(genericQueryScript(fixed, source));
    csv.write(kpiDimensionCsv(dictionary));
    summaryHead(dictionary, measureCount, source, summary);
    for (const m of fixed) {
        tmdl.measure(m);
        summaryMeasure(m, summary);
    }
    if (perKpiQuery !== null) {
        perKpiQueryHead(source, perKpiQuery);
        perKpiQuery.push("DEFINE");
        for (const kpi of own) {
            const measures = perKpiMeasures(kpi);
            if (measures.length !== PER_KPI_MEASURE_COUNT || measures.some(m => m.family !== "perKpi")) {
                throw new Error(`KPI ${kpi.id}: perKpiMeasures gave ${measures.length} measures, not the ${PER_KPI_MEASURE_COUNT} of PER_KPI_SUFFIXES`);
            }
            for (const m of measures) {
                defineMeasure(m, perKpiQuery);
                tmdl.measure(m);
                summaryMeasure(m, summary);
            }
        }
        perKpiQueryTail(dictionary, perKpiQuery);
        perKpiQuery.end();
    }
    tmdl.end();
    tmdlTable.end();
    tmdlScript.end();
    summary.push("");
    summary.end();
    return { files, measureCount };
}

export type GenerateResult =
    | { readonly ok: true; readonly output: GeneratedOutput; readonly issues: readonly DictionaryIssue[] }
    | { readonly ok: false; readonly issues: readonly DictionaryIssue[] };

/** Load, validate and generate; nothing is written. */
export function generateFromFile(file: string, source = file): GenerateResult {
    const { dictionary, issues } = loadDictionary(file);
    if (!dictionary) return { ok: false, issues };
    return { ok: true, output: generateOutputs(dictionary, source.replace(/\\/g, "/")), issues };
}

export function generateFromText(file: string, text: string): GenerateResult {
    const { dictionary, issues } = parseDictionaryText(file, text);
    if (!dictionary) return { ok: false, issues };
    return { ok: true, output: generateOutputs(dictionary, file), issues };
}
