/**
 * The committed sample Power BI Project (sample/pbip): what Power BI Desktop needs to open it
 * and what a report author would check. Runs without ../shared (the schema validation by
 * ../shared/tools/validate-pbip.mjs is a separate step, docs/sample-dataset.md).
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { DefaultSettings, TaskUtils } from "@microsoft/powerquery-parser";
import { generateFromFile, OUTPUT_FILES } from "../../dax";
import { STAR_TABLES } from "../../lib/star-schema";
import { buildProject, unresolvedFields } from "../../scripts/pbip/build";
import { depthOf, fieldUses, listFiles, MODEL_DIR, PBIP_DIR, readJson, readModelTables, REPORT_DIR, unquote } from "./pbip-files";

const REPO = path.resolve(__dirname, "../..");
const SCHEMA_BASE = "https://developer.microsoft.com/json-schemas/fabric/";
const guid = readJson<{ visual: { guid: string } }>(path.join(REPO, "pbiviz.json")).visual.guid;
const tables = readModelTables();
const defDir = path.join(REPORT_DIR, "definition");
const pagesMeta = readJson<{ pageOrder: string[]; activePageName: string }>(path.join(defDir, "pages", "pages.json"));

interface VisualDoc { name: string; visual: { visualType: string; query?: { queryState: Record<string, { projections: unknown[] }> }; objects?: Record<string, unknown> }; filterConfig?: { filters: unknown[] } }

function pageVisuals(page: string): VisualDoc[] {
    const dir = path.join(defDir, "pages", page, "visuals");
    return fs.readdirSync(dir).sort().map(v => readJson<VisualDoc>(path.join(dir, v, "visual.json")));
}

function tmdlFiles(): string[] {
    return listFiles(path.join(MODEL_DIR, "definition")).filter(f => f.endsWith(".tmdl")).map(f => path.join(MODEL_DIR, "definition", f));
}

async function parsesAsM(text: string): Promise<string | null> {
    const task = await TaskUtils.tryLexParse(DefaultSettings, text);
    if (TaskUtils.isOk(task)) return null;
    return TaskUtils.isError(task) ? task.error.message : "not parsed";
}

describe("Power BI Project structure", () => {
    it("has the .pbip, the semantic model in TMDL and the report in PBIR folder format", () => {
        const files = listFiles(PBIP_DIR);
        for (const f of [
            "Childrens Services.pbip",
            "Childrens Services.SemanticModel/definition.pbism",
            "Childrens Services.SemanticModel/definition/database.tmdl",
            "Childrens Services.SemanticModel/definition/model.tmdl",
            "Childrens Services.SemanticModel/definition/expressions.tmdl",
            "Childrens Services.SemanticModel/definition/relationships.tmdl",
            "Childrens Services.SemanticModel/definition/tables/KPI Measures.tmdl",
            "Childrens Services.Report/definition.pbir",
            "Childrens Services.Report/definition/version.json",
            "Childrens Services.Report/definition/report.json",
            "Childrens Services.Report/definition/pages/pages.json",
        ]) expect(files).toContain(f);
        for (const t of STAR_TABLES) expect(files).toContain(`Childrens Services.SemanticModel/definition/tables/${t.table}.tmdl`);
        expect(files.some(f => f.startsWith("Childrens Services.SemanticModel/model.bim"))).toBe(false);
        expect(files.some(f => f === "Childrens Services.Report/report.json")).toBe(false);
    });

    it("the .pbip opens the report and the report points at the semantic model by relative path", () => {
        const pbip = readJson<{ artifacts: { report: { path: string } }[] }>(path.join(PBIP_DIR, "Childrens Services.pbip"));
        expect(pbip.artifacts[0].report.path).toBe("Childrens Services.Report");
        const pbir = readJson<{ datasetReference: { byPath: { path: string } } }>(path.join(REPORT_DIR, "definition.pbir"));
        expect(path.resolve(REPORT_DIR, pbir.datasetReference.byPath.path)).toBe(MODEL_DIR);
    });

    it("every JSON document names a Microsoft fabric $schema that fits the document", () => {
        const expectKind: [RegExp, string][] = [
            [/\.pbip$/, "pbip/pbipProperties/"], [/definition\.pbism$/, "item/semanticModel/definitionProperties/"],
            [/definition\.pbir$/, "item/report/definitionProperties/"], [/definition\/version\.json$/, "item/report/definition/versionMetadata/"],
            [/definition\/report\.json$/, "item/report/definition/report/"], [/pages\/pages\.json$/, "item/report/definition/pagesMetadata/"],
            [/\/page\.json$/, "item/report/definition/page/"], [/\/visual\.json$/, "item/report/definition/visualContainer/"],
        ];
        const docs = listFiles(PBIP_DIR).filter(f => /\.(pbip|pbism|pbir|json)$/.test(f) && !f.includes("/CustomVisuals/") && !f.includes("/StaticResources/"));
        expect(docs.length).toBeGreaterThan(20);
        for (const f of docs) {
            const doc = readJson(path.join(PBIP_DIR, f));
            expect(typeof doc.$schema).toBe("string");
            expect(doc.$schema as string).toMatch(new RegExp(`^${SCHEMA_BASE.replace(/\./g, "\\.")}.+/\\d+\\.\\d+\\.\\d+/schema\\.json$`));
            const kind = expectKind.find(([re]) => re.test(f));
            expect(kind).toBeDefined();
            expect(doc.$schema as string).toContain(kind![1]);
        }
    });

    it("pages.json lists every page folder, in report order, starting with the tiles", () => {
        const folders = fs.readdirSync(path.join(defDir, "pages"), { withFileTypes: true }).filter(e => e.isDirectory()).map(e => e.name);
        expect([...pagesMeta.pageOrder].sort()).toEqual(folders.sort());
        expect(pagesMeta.activePageName).toBe(pagesMeta.pageOrder[0]);
        for (const page of pagesMeta.pageOrder) {
            const p = readJson<{ name: string }>(path.join(defDir, "pages", page, "page.json"));
            expect(p.name).toBe(page);
            for (const v of pageVisuals(page)) expect(v.name.length).toBeLessThanOrEqual(50);
        }
    });
});

describe("semantic model", () => {
    it("loads every star-schema table with exactly the CSV's columns, typed", () => {
        for (const t of STAR_TABLES) {
            const model = tables.get(t.table)!;
            expect([...model.columns.keys()]).toEqual(t.columns.map(c => c.name));
            for (const c of t.columns) {
                const expected = { text: "string", number: "double", integer: "int64", date: "dateTime" }[c.type];
                expect(`${c.name}: ${model.columns.get(c.name)!.get("dataType")}`).toBe(`${c.name}: ${expected}`);
            }
            const [partition] = [...model.partitions.values()];
            expect(partition.kind).toBe("m");
            expect(partition.source).toContain(`File.Contents(FolderPath & "${t.file}")`);
            expect(partition.source).toContain("Csv.Document(");
            for (const c of t.columns) expect(partition.source).toContain(`{"${c.name}", `);
        }
    });

    it("every M expression parses with @microsoft/powerquery-parser, and a broken one would not", async () => {
        const expressions: string[] = [];
        for (const t of tables.values()) for (const p of t.partitions.values()) if (p.kind === "m") expressions.push(p.source);
        const expressionsTmdl = fs.readFileSync(path.join(MODEL_DIR, "definition", "expressions.tmdl"), "utf8");
        const parameter = /^expression DataFolder = (.+)$/m.exec(expressionsTmdl);
        expect(parameter).not.toBeNull();
        expressions.push(parameter![1]);
        expect(expressions.length).toBe(STAR_TABLES.length + 1);
        for (const e of expressions) expect(await parsesAsM(e)).toBeNull();
        expect(await parsesAsM(expressions[0].replace("in\n", "in in\n"))).not.toBeNull();
    });

    it("the folder parameter is a required text parameter used by every CSV query", () => {
        const text = fs.readFileSync(path.join(MODEL_DIR, "definition", "expressions.tmdl"), "utf8");
        expect(text).toMatch(/meta \[IsParameterQuery = true, Type = "Text", IsParameterQueryRequired = true\]/);
        for (const t of STAR_TABLES) expect([...tables.get(t.table)!.partitions.values()][0].source).toMatch(/\bDataFolder\b/);
    });

    it("relationships are the star schema's, between existing columns", () => {
        const text = fs.readFileSync(path.join(MODEL_DIR, "definition", "relationships.tmdl"), "utf8");
        const pairs = [...text.matchAll(/fromColumn: (.+)\n\ttoColumn: (.+)/g)].map(m => `${m[1]} -> ${m[2]}`);
        expect(pairs.sort()).toEqual([
            "'KPI Values'.'KPI ID' -> KPI.'KPI ID'",
            "'KPI Values'.'Period ID' -> Period.'Period ID'",
            "Benchmarks.'KPI ID' -> KPI.'KPI ID'",
        ]);
        for (const ref of pairs.flatMap(p => p.split(" -> "))) {
            const [, table, column] = /^('(?:[^']|'')*'|\w+)\.('(?:[^']|'')*'|\w+)$/.exec(ref)!;
            expect(tables.get(unquote(table))?.columns.has(unquote(column))).toBe(true);
        }
    });

    it("Period[Period] sorts by Period Index and KPI[KPI] by Sort Order", () => {
        expect(tables.get("Period")!.columns.get("Period")!.get("sortByColumn")).toBe("'Period Index'");
        expect(tables.get("KPI")!.columns.get("KPI")!.get("sortByColumn")).toBe("'Sort Order'");
    });

    it("the measures table is the DAX generator's current output for the sample dictionary, not a copy", () => {
        const result = generateFromFile(path.join(REPO, "sample", "kpi-dictionary.yaml"), "sample/kpi-dictionary.yaml");
        expect(result.ok).toBe(true);
        if (!result.ok) return;
        const expected = result.output.files.get(OUTPUT_FILES.tmdl)!;
        const committed = fs.readFileSync(path.join(MODEL_DIR, "definition", "tables", "KPI Measures.tmdl"), "utf8");
        expect(committed.trimEnd()).toBe(expected.trimEnd());
        expect(tables.get("KPI Measures")!.measures.size).toBeGreaterThanOrEqual(30);
    });

    it("model.tmdl refers to every table file", () => {
        const model = fs.readFileSync(path.join(MODEL_DIR, "definition", "model.tmdl"), "utf8");
        const refs = [...model.matchAll(/^ref table (.+)$/gm)].map(m => unquote(m[1]));
        expect(refs.sort()).toEqual([...tables.keys()].sort());
    });
});

describe("TMDL follows Microsoft's rules", () => {
    const files = tmdlFiles();

    it("indents with tabs only, one level per nesting", () => {
        for (const f of files) {
            const lines = fs.readFileSync(f, "utf8").split("\n");
            let inExpression = -1; // depth of the object whose multi-line expression we are in
            let previousDepth = 0;
            lines.forEach((line, i) => {
                const where = `${path.basename(f)}:${i + 1}`;
                if (line.trim() === "") return;
                expect(`${where} ${/^ +/.test(line) ? "starts with spaces" : "ok"}`).toBe(`${where} ok`);
                const depth = depthOf(line);
                if (inExpression >= 0 && depth > inExpression) return; // inside an expression block
                inExpression = -1;
                expect(`${where} depth ${depth}`).toBe(`${where} depth ${Math.min(depth, previousDepth + 1)}`);
                previousDepth = depth;
                if (/(=|=\s*```)\s*$/.test(line) && !line.trimStart().startsWith("///")) inExpression = depth;
            });
        }
    });

    it("quotes object names that are not plain identifiers, with inner quotes doubled", () => {
        const declaration = /^\t*(table|column|measure|partition|ref table|expression|relationship) (.*?)(\s*=.*)?$/;
        let checked = 0;
        for (const f of files) {
            for (const line of fs.readFileSync(f, "utf8").split("\n")) {
                const m = declaration.exec(line);
                if (!m || line.trimStart().startsWith("///")) continue;
                const name = m[2].trim();
                // Bare only letters, digits, _ and - (no ., =, :, ' or whitespace, which TMDL requires quoted).
                const valid = /^[A-Za-z0-9_-]+$/.test(name) || /^'(?:[^']|'')+'$/.test(name);
                expect(`${m[1]} ${name}: ${valid}`).toBe(`${m[1]} ${name}: true`);
                checked++;
            }
        }
        expect(checked).toBeGreaterThan(80);
    });

    it("descriptions are /// lines directly above an object at the same depth", () => {
        let descriptions = 0;
        for (const f of files) {
            const lines = fs.readFileSync(f, "utf8").split("\n");
            lines.forEach((line, i) => {
                if (!line.trimStart().startsWith("///")) return;
                descriptions++;
                let j = i + 1;
                while (lines[j].trimStart().startsWith("///")) j++;
                expect(depthOf(lines[j])).toBe(depthOf(line));
                expect(lines[j].trimStart()).toMatch(/^(table|column|measure|expression|partition|relationship) /);
            });
        }
        expect(descriptions).toBeGreaterThan(40);
    });
});

describe("report", () => {
    it("every column and measure a visual or filter uses exists in the model", () => {
        let uses = 0;
        for (const page of pagesMeta.pageOrder) {
            for (const v of pageVisuals(page)) {
                for (const u of fieldUses(v, `${page}/${v.name}`)) {
                    const table = tables.get(u.table);
                    const exists = u.kind === "Column" ? table?.columns.has(u.property) : table?.measures.has(u.property);
                    expect(`${u.file}: ${u.kind} ${u.table}[${u.property}] ${exists ? "exists" : "missing"}`).toBe(`${u.file}: ${u.kind} ${u.table}[${u.property}] exists`);
                    uses++;
                }
            }
        }
        expect(uses).toBeGreaterThan(60);
    });

    it("includes the packaged tiles visual as Desktop saves a private visual, with pbiviz.json's GUID", () => {
        const report = readJson<{ resourcePackages: { name: string; type: string; items: { name: string; path: string; type: string }[] }[] }>(path.join(defDir, "report.json"));
        const pkg = report.resourcePackages.find(p => p.type === "CustomVisual");
        expect(pkg?.name).toBe(guid);
        expect(pkg?.items).toEqual([{ name: `${guid}.pbiviz.json`, path: `${guid}.pbiviz.json`, type: "CustomVisualMetadata" }]);
        const folder = path.join(REPORT_DIR, "CustomVisuals", guid);
        expect(fs.readdirSync(path.join(REPORT_DIR, "CustomVisuals"))).toEqual([guid]);
        const packageJson = readJson<{ visual: { guid: string } }>(path.join(folder, "package.json"));
        expect(packageJson.visual.guid).toBe(guid);
        expect(fs.existsSync(path.join(folder, "resources", `${guid}.pbiviz.json`))).toBe(true);
    });

    it("the tiles page binds the visual's roles as the contract says, and only roles the visual has", () => {
        const tiles = pageVisuals(pagesMeta.pageOrder[0]).find(v => v.visual.visualType === guid);
        expect(tiles).toBeDefined();
        const packaged = readJson<{ capabilities: { dataRoles: { name: string }[] } }>(path.join(REPORT_DIR, "CustomVisuals", guid, "resources", `${guid}.pbiviz.json`));
        const roles = new Set(packaged.capabilities.dataRoles.map(r => r.name));
        const state = tiles!.visual.query!.queryState;
        for (const role of Object.keys(state)) expect(roles).toContain(role);
        const bound = (role: string) => JSON.stringify(fieldUses(state[role], "").map(u => `${u.table}[${u.property}]`));
        expect(bound("kpi")).toBe(JSON.stringify(["KPI[KPI]"]));
        expect(bound("group")).toBe(JSON.stringify(["KPI[Service Area]"]));
        expect(bound("period")).toBe(JSON.stringify(["Period[Period]"]));
        expect(bound("actual")).toBe(JSON.stringify(["KPI Measures[KPI Actual]"]));
        expect(bound("target")).toBe(JSON.stringify(["KPI Measures[KPI Target]"]));
        expect(bound("polarity")).toBe(JSON.stringify(["KPI Measures[KPI Polarity]"]));
        expect(bound("format")).toBe(JSON.stringify(["KPI Measures[KPI Format String]"]));
        expect(bound("commentary")).toBe(JSON.stringify(["KPI Measures[KPI Commentary]"]));
    });

    it("every page has the service area and period slicers, synced across pages", () => {
        for (const page of pagesMeta.pageOrder) {
            const slicers = pageVisuals(page).filter(v => v.visual.visualType === "slicer");
            const fields = slicers.flatMap(s => fieldUses(s.visual.query, "").map(u => `${u.table}[${u.property}]`)).sort();
            expect(fields).toEqual(["KPI[Service Area]", "Period[Period]"]);
            for (const s of slicers) expect((s.visual as { syncGroup?: { groupName: string } }).syncGroup?.groupName).toBeTruthy();
        }
    });

    it("the exceptions page is a table of reds and ambers with commentary, filtered on KPI Status", () => {
        const visuals = pageVisuals("exceptions");
        const tableVisual = visuals.find(v => v.visual.visualType === "tableEx")!;
        const used = fieldUses(tableVisual.visual.query, "").map(u => u.property);
        expect(used).toEqual(expect.arrayContaining(["KPI", "KPI Status", "KPI Commentary", "KPI Owner"]));
        const filter = JSON.stringify(tableVisual.filterConfig);
        expect(filter).toContain("\"Property\":\"KPI Status\"");
        expect(filter).toContain("'Red'");
        expect(filter).toContain("'Amber'");
        expect(filter).not.toContain("'Green'");
    });

    it("the built-in page uses only Power BI's own visuals, with status colour by field value", () => {
        const builtIn = new Set(["slicer", "textbox", "card", "pivotTable", "tableEx"]);
        const visuals = pageVisuals("builtInVisuals");
        for (const v of visuals) expect(builtIn).toContain(v.visual.visualType);
        const matrices = visuals.filter(v => v.visual.visualType === "pivotTable");
        expect(matrices.length).toBeGreaterThanOrEqual(1);
        for (const m of matrices) {
            const colour = fieldUses(m.visual.objects, "").map(u => `${u.table}[${u.property}]`);
            expect(colour).toContain("KPI Measures[KPI Status Colour]");
        }
        expect(visuals.filter(v => v.visual.visualType === "card").length).toBeGreaterThanOrEqual(2);
    });

    it("states that the council is fictional and attributes the DfE data on every page", () => {
        for (const page of pagesMeta.pageOrder) {
            const text = JSON.stringify(pageVisuals(page).filter(v => v.visual.visualType === "textbox"));
            expect(text).toContain("fictional council");
            expect(text).toContain("Open Government Licence v3.0 (DfE LAIT)");
        }
    });
});

describe("regenerating the project", () => {
    const distHasPackage = fs.existsSync(path.join(REPO, "dist")) && fs.readdirSync(path.join(REPO, "dist")).some(f => f.endsWith(".pbiviz"));

    (distHasPackage ? it : it.skip)("gives the committed model and report definition (the visual's own files may be newer)", async () => {
        const project = await buildProject();
        const committed = listFiles(PBIP_DIR).filter(f => !f.includes("/CustomVisuals/"));
        const built = [...project.files.keys()].filter(f => !f.includes("/CustomVisuals/")).sort();
        expect(built).toEqual(committed);
        for (const f of built) {
            expect(`${f}\n${String(project.files.get(f))}`).toBe(`${f}\n${fs.readFileSync(path.join(PBIP_DIR, f), "utf8")}`);
        }
    }, 60000);

    (distHasPackage ? it : it.skip)("bakes --data-folder into the DataFolder parameter, and the M still parses", async () => {
        const project = await buildProject({ dataFolder: "D:\\Performance\\Children's \"KPI\" data" });
        const text = String(project.files.get("Childrens Services.SemanticModel/definition/expressions.tmdl"));
        const expression = /^expression DataFolder = (.+)$/m.exec(text)![1];
        expect(expression.startsWith("\"D:\\Performance\\Children's \"\"KPI\"\" data\" meta")).toBe(true);
        expect(await parsesAsM(expression)).toBeNull();
    }, 60000);

    it("reports a field the model does not have instead of writing a broken report", () => {
        const pages = [{ name: "p", displayName: "p", width: 1, height: 1, displayOption: "FitToPage" as const,
            visuals: [{ json: { name: "v" }, fields: [{ kind: "Measure" as const, table: "KPI Measures", property: "KPI Nonsense" }, { kind: "Column" as const, table: "KPI", property: "KPI" }] }] }];
        expect(unresolvedFields(pages, "KPI Measures", ["KPI Actual"])).toEqual(["Measure KPI Measures.KPI Nonsense"]);
    });

    it("fails with a clear message when no packaged visual exists", async () => {
        const empty = fs.mkdtempSync(path.join(os.tmpdir(), "no-pbiviz-"));
        await expect(buildProject({ distDir: empty })).rejects.toThrow(/no \.pbiviz file.*npm run package/);
        fs.rmSync(empty, { recursive: true, force: true });
    });
});
