/**
 * npm run pbip: writes the sample Power BI Project (sample/pbip/) from the sample dataset's
 * star schema, the DAX generator's measures for sample/kpi-dictionary.yaml and the packaged KPI
 * tiles visual in dist/. Options: --out <folder>, --data-folder <path> (the default value of the
 * model's Folder parameter), --dist <folder>.
 */
import * as fs from "fs";
import * as path from "path";
import { STAR_TABLES } from "../../lib/star-schema";
import { generatedMeasures, GeneratedMeasures } from "./measures";
import { TmdlSemanticModel, writeSemanticModel } from "../../dax/src/output/tmdlWriter";
import { checkSemanticModel } from "./check";
import { semanticModel } from "./model";
import { findPackage, PackagedVisual, projectVisualGuid, readPackage } from "./report/customVisual";
import { FieldRef } from "./report/fields";
import { PageDefinition, reportPages, TILE_ROLE_BINDINGS } from "./report/pages";
import { reportFiles } from "./report/report";
import { PBISM_FILE_VERSION, SCHEMA } from "./schemas";

export const REPO_ROOT = path.resolve(__dirname, "../..");
export const PROJECT_NAME = "Childrens Services";
export const SEMANTIC_MODEL_FOLDER = `${PROJECT_NAME}.SemanticModel`;
export const REPORT_FOLDER = `${PROJECT_NAME}.Report`;
export const DEFAULT_OUT_DIR = path.join(REPO_ROOT, "sample", "pbip");
/** Default of the Folder parameter; the README explains how to change it. */
export const DEFAULT_DATA_FOLDER = "C:\\council-kpi-tiles\\sample\\data\\";

export interface ProjectFiles {
    /** Relative path -> file content. */
    readonly files: Map<string, string | Buffer>;
    readonly pages: readonly PageDefinition[];
    readonly measures: GeneratedMeasures;
    /** The semantic model the TMDL files are written from. */
    readonly model: TmdlSemanticModel;
    readonly visual: PackagedVisual;
}

function json(value: unknown): string {
    return `${JSON.stringify(value, null, 2)}\n`;
}

/** Fields the report uses that the model does not have (empty when every reference resolves). */
export function unresolvedFields(pages: readonly PageDefinition[], measureTable: string, measureNames: readonly string[]): string[] {
    const columns = new Set(STAR_TABLES.flatMap(t => t.columns.map(c => `${t.table}.${c.name}`)));
    const measures = new Set(measureNames.map(n => `${measureTable}.${n}`));
    const missing = new Set<string>();
    const check = (f: FieldRef) => {
        const key = `${f.table}.${f.property}`;
        if (!(f.kind === "Column" ? columns : measures).has(key)) missing.add(`${f.kind} ${key}`);
    };
    for (const page of pages) for (const visual of page.visuals) visual.fields.forEach(check);
    return [...missing];
}

export async function buildProject(options: { dataFolder?: string; distDir?: string } = {}): Promise<ProjectFiles> {
    const guid = projectVisualGuid(REPO_ROOT);
    const visual = await readPackage(findPackage(options.distDir ?? path.join(REPO_ROOT, "dist"), guid), guid);
    const unknownRoles = Object.keys(TILE_ROLE_BINDINGS).filter(role => !visual.roles.includes(role));
    if (unknownRoles.length > 0) throw new Error(`The packaged visual ${visual.source} has no data role(s) ${unknownRoles.join(", ")}; re-run npm run package.`);

    const measures = generatedMeasures(path.join(REPO_ROOT, "sample", "kpi-dictionary.yaml"), REPO_ROOT);
    const pages = reportPages(guid);
    const missing = unresolvedFields(pages, measures.tableName, measures.measureNames);
    if (missing.length > 0) throw new Error(`The report uses fields the model does not have: ${missing.join(", ")}`);

    const files = new Map<string, string | Buffer>();
    files.set(`${PROJECT_NAME}.pbip`, json({
        $schema: SCHEMA.pbip,
        version: "1.0",
        artifacts: [{ report: { path: REPORT_FOLDER } }],
        settings: { enableAutoRecovery: true },
    }));
    files.set(".gitignore", "**/.pbi/localSettings.json\n**/.pbi/cache.abf\n");

    const sm = SEMANTIC_MODEL_FOLDER;
    files.set(`${sm}/definition.pbism`, json({ $schema: SCHEMA.pbism, version: PBISM_FILE_VERSION, settings: {} }));
    const model = semanticModel(measures.table, options.dataFolder ?? DEFAULT_DATA_FOLDER);
    const modelProblems = checkSemanticModel(model);
    if (modelProblems.length > 0) throw new Error(`The semantic model would not load in Power BI:\n${modelProblems.slice(0, 20).join("\n")}`);
    for (const [rel, text] of writeSemanticModel(model)) files.set(`${sm}/definition/${rel}`, text);

    for (const [rel, value] of reportFiles(pages, sm, guid)) files.set(`${REPORT_FOLDER}/${rel}`, json(value));
    for (const [rel, bytes] of visual.files) files.set(`${REPORT_FOLDER}/CustomVisuals/${guid}/${rel}`, bytes);
    return { files, pages, measures, visual, model };
}

/** Write the project into a fresh sibling folder, then swap it in, so a failure leaves the old one. */
export function writeProject(files: ReadonlyMap<string, string | Buffer>, outDir: string): void {
    const staging = `${outDir}.${process.pid}.tmp`;
    fs.rmSync(staging, { recursive: true, force: true });
    for (const [rel, content] of files) {
        const target = path.join(staging, rel);
        fs.mkdirSync(path.dirname(target), { recursive: true });
        fs.writeFileSync(target, content);
    }
    const old = `${outDir}.${process.pid}.old`;
    if (fs.existsSync(outDir)) fs.renameSync(outDir, old);
    fs.renameSync(staging, outDir);
    fs.rmSync(old, { recursive: true, force: true });
}

function argument(name: string): string | undefined {
    const i = process.argv.indexOf(name);
    return i >= 0 ? process.argv[i + 1] : undefined;
}

async function main(): Promise<number> {
    try {
        const outDir = path.resolve(argument("--out") ?? DEFAULT_OUT_DIR);
        const project = await buildProject({ dataFolder: argument("--data-folder"), distDir: argument("--dist") });
        writeProject(project.files, outDir);
        console.log(`wrote ${path.relative(process.cwd(), outDir) || "."}: ${project.files.size} files, ${project.pages.length} pages, ` +
            `${project.measures.measureNames.length} measures, visual ${project.visual.displayName} ${project.visual.version} (${project.visual.source})`);
        return 0;
    } catch (error) {
        console.error(`npm run pbip: ${error instanceof Error ? error.message : String(error)}`);
        return 1;
    }
}

if (require.main === module) void main().then(code => { process.exitCode = code; });
