/**
 * The report definition in the PBIR folder format: definition.pbir, definition/version.json,
 * report.json, pages/pages.json, pages/<page>/page.json and visuals/<visual>/visual.json.
 */
import { PBIR_FILE_VERSION, PBIR_VERSION, SCHEMA } from "../schemas";
import { resourcePackage } from "./customVisual";
import { PageDefinition } from "./pages";
import { THEME_FILE, themeJson } from "./theme";

/** Files of the report folder (relative path -> JSON value or bytes). */
export type ReportFiles = Map<string, unknown>;

const SCHEMA_VERSION = (url: string): string => /\/(\d+\.\d+\.\d+)\/schema\.json$/.exec(url)?.[1] ?? "1.0.0";

export function reportFiles(pages: readonly PageDefinition[], semanticModelFolder: string, customVisualGuid: string): ReportFiles {
    const files: ReportFiles = new Map();
    files.set("definition.pbir", {
        $schema: SCHEMA.pbir,
        version: PBIR_FILE_VERSION,
        datasetReference: { byPath: { path: `../${semanticModelFolder}` } },
    });
    files.set("definition/version.json", { $schema: SCHEMA.version, version: PBIR_VERSION });
    files.set("definition/report.json", {
        $schema: SCHEMA.report,
        themeCollection: {
            customTheme: {
                name: THEME_FILE,
                reportVersionAtImport: { visual: SCHEMA_VERSION(SCHEMA.visualContainer), page: SCHEMA_VERSION(SCHEMA.page), report: SCHEMA_VERSION(SCHEMA.report) },
                type: "RegisteredResources",
            },
        },
        resourcePackages: [
            { name: "RegisteredResources", type: "RegisteredResources", items: [{ name: THEME_FILE, path: THEME_FILE, type: "CustomTheme" }] },
            resourcePackage(customVisualGuid),
        ],
        settings: {
            useStylableVisualContainerHeader: true,
            defaultDrillFilterOtherVisuals: true,
            useEnhancedTooltips: true,
        },
    });
    files.set(`StaticResources/RegisteredResources/${THEME_FILE}`, themeJson());
    files.set("definition/pages/pages.json", {
        $schema: SCHEMA.pages,
        pageOrder: pages.map(p => p.name),
        activePageName: pages[0].name,
    });
    for (const page of pages) {
        files.set(`definition/pages/${page.name}/page.json`, {
            $schema: SCHEMA.page,
            name: page.name,
            displayName: page.displayName,
            displayOption: page.displayOption,
            height: page.height,
            width: page.width,
        });
        for (const visual of page.visuals) {
            files.set(`definition/pages/${page.name}/visuals/${visual.json.name}/visual.json`, visual.json);
        }
    }
    return files;
}
