import { loadDictionary, parseDictionaryText } from "./dictionary/load";
import { DictionaryIssue, KpiDictionary } from "./dictionary/types";
import { allMeasures } from "./measures/all";
import { MeasureDefinition } from "./measures/measure";
import { kpiDimensionCsv } from "./output/kpiDimension";
import { genericQueryScript, perKpiQueryScript } from "./output/query";
import { dictionarySummary } from "./output/summary";
import { measuresTableTmdlAndScript } from "./output/tmdl";

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
