/**
 * `$schema` URLs of every JSON document of the Power BI Project, as Microsoft publishes them
 * (https://developer.microsoft.com/json-schemas/fabric/...). Versions chosen so that Power BI
 * Desktop from August 2025 onwards opens the project (docs/sample-dataset.md).
 */
const BASE = "https://developer.microsoft.com/json-schemas/fabric/";

export const SCHEMA = {
    pbip: `${BASE}pbip/pbipProperties/1.0.0/schema.json`,
    pbism: `${BASE}item/semanticModel/definitionProperties/1.0.0/schema.json`,
    pbir: `${BASE}item/report/definitionProperties/2.0.0/schema.json`,
    version: `${BASE}item/report/definition/versionMetadata/1.0.0/schema.json`,
    report: `${BASE}item/report/definition/report/3.0.0/schema.json`,
    pages: `${BASE}item/report/definition/pagesMetadata/1.0.0/schema.json`,
    page: `${BASE}item/report/definition/page/2.0.0/schema.json`,
    visualContainer: `${BASE}item/report/definition/visualContainer/2.2.0/schema.json`,
} as const;

/** PBIR definition version written to definition/version.json. */
export const PBIR_VERSION = "2.0.0";
/** File format versions of definition.pbir and definition.pbism (4.0: PBIR folder and TMDL). */
export const PBIR_FILE_VERSION = "4.0";
export const PBISM_FILE_VERSION = "4.0";
