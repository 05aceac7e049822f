/** Library entry of the DAX generator (the Power BI Project builder and tests import from here). */
export { buildMeasuresTmdl, measuresTable, measuresTableScript, measuresTableTmdl } from "./src/output/tmdl";
export type { MeasuresTmdlOptions } from "./src/output/tmdl";
export { generateFromFile, generateFromText, generateOutputs, OUTPUT_FILES } from "./src/generate";
export { loadDictionary, parseDictionaryText } from "./src/dictionary/load";
export { formatIssue } from "./src/dictionary/validate";
export { allMeasures } from "./src/measures/all";
export { GENERIC, GENERIC_MEASURE_NAMES, MEASURES_TABLE } from "./src/measures/names";
export type { KpiDefinition, KpiDictionary, DictionaryIssue } from "./src/dictionary/types";
export type { MeasureDefinition } from "./src/measures/measure";
