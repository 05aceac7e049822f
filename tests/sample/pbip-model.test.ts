/**
 * The semantic model of the sample Power BI Project checked against Microsoft's documentation,
 * not only its JSON schemas: compatibility level per feature (MS-SSAS-T, TOM reference), names
 * and values quoted by the TMDL rules, relationships of one data type, sortByColumn targets,
 * columns the measures use, lineage tags. Also the one TMDL writer's rules and the TMDL script.
 */
import fc from "fast-check";
import * as fs from "fs";
import * as path from "path";
import { generateFromFile, OUTPUT_FILES } from "../../dax";
import {
    COMPATIBILITY_FEATURES, compatibilityProblems, declaredCompatibilityLevel, readTmdlOutline, requiredCompatibility,
} from "../../dax/src/output/tmdlCompatibility";
import {
    expressionProperty, tmdlName, tmdlText, TmdlSemanticModel, TmdlWriteError, writeCreateOrReplaceScript, writeSemanticModel, writeTable,
} from "../../dax/src/output/tmdlWriter";
import { checkSemanticModel, daxReferences } from "../../scripts/pbip/check";
import { DEFAULT_DATA_FOLDER, REPO_ROOT } from "../../scripts/pbip/build";
import { generatedMeasures } from "../../scripts/pbip/measures";
import { COMPATIBILITY_LEVEL, semanticModel } from "../../scripts/pbip/model";
import { listFiles, MODEL_DIR } from "./pbip-files";

const DEFINITION = path.join(MODEL_DIR, "definition");
const committedDocuments = (): Map<string, string> =>
    new Map(listFiles(DEFINITION).filter(f => f.endsWith(".tmdl")).map(f => [f, fs.readFileSync(path.join(DEFINITION, f), "utf8")]));
const freshModel = (): TmdlSemanticModel =>
    semanticModel(generatedMeasures(path.join(REPO_ROOT, "sample", "kpi-dictionary.yaml"), REPO_ROOT).table, DEFAULT_DATA_FOLDER);

describe("compatibility level", () => {
    const documents = committedDocuments();
    const declared = declaredCompatibilityLevel(documents.get("database.tmdl")!);

    it("database.tmdl declares at least what every feature of the committed TMDL needs (formatStringDefinition on measures: 1601)", () => {
        expect(declared).toBe(COMPATIBILITY_LEVEL);
        const report = requiredCompatibility(documents);
        expect(report.unknown).toEqual([]);
        expect(report.highest?.feature).toBe("measure.formatStringDefinition");
        expect(report.required).toBe(1601);
        expect(compatibilityProblems(documents, declared!)).toEqual([]);
    });

    it("a level lowered below a feature's is reported with the feature, its level and its source", () => {
        const lowered = new Map(documents);
        lowered.set("database.tmdl", documents.get("database.tmdl")!.replace(/compatibilityLevel: \d+/, "compatibilityLevel: 1600"));
        const problems = compatibilityProblems(lowered, declaredCompatibilityLevel(lowered.get("database.tmdl")!)!);
        expect(problems.length).toBeGreaterThan(0);
        expect(problems[0]).toMatch(/measure\.formatStringDefinition needs compatibility level 1601 \(MS-SSAS-T 2\.2\.5\.31/);
        // Lower still: the shared expression's lineage tag (1600) and the lineage tags (1540) are reported too.
        const low = compatibilityProblems(documents, 1500).join("\n");
        expect(low).toContain("expression.lineageTag needs compatibility level 1600");
        expect(low).toContain("column.lineageTag needs compatibility level 1540");
        expect(low).toContain("model.sourceQueryCulture needs compatibility level 1520");
    });

    it("a feature with no recorded level is reported rather than passed", () => {
        const withNew = new Map(documents);
        withNew.set("tables/KPI.tmdl", documents.get("tables/KPI.tmdl")!.replace("\tlineageTag:", "\tdataCategory: Uncategorized\n\tlineageTag:"));
        expect(compatibilityProblems(withNew, 1601)).toEqual([expect.stringMatching(/tables\/KPI\.tmdl:\d+ table\.dataCategory: no compatibility level recorded/)]);
    });

    it("every feature in the table cites its source", () => {
        for (const f of COMPATIBILITY_FEATURES) expect(f.source.length).toBeGreaterThan(10);
    });
});

describe("model checks before writing", () => {
    it("the sample model has no problems", () => {
        expect(checkSemanticModel(freshModel())).toEqual([]);
    });

    it("finds a relationship between columns of different data types", () => {
        const sm = freshModel();
        const broken = { ...sm, tables: sm.tables.map(t => (t.name !== "KPI" ? t : { ...t, columns: t.columns.map(c => (c.name === "KPI ID" ? { ...c, dataType: "int64" as const } : c)) })) };
        expect(checkSemanticModel(broken).join("\n")).toMatch(/relationship KPI Values\[KPI ID\] -> KPI\[KPI ID\]: data types differ \(string and int64\)/);
    });

    it("finds a sortByColumn target that does not exist", () => {
        const sm = freshModel();
        const broken = { ...sm, tables: sm.tables.map(t => (t.name !== "Period" ? t : { ...t, columns: t.columns.map(c => (c.name === "Period" ? { ...c, sortByColumn: "Period Order" } : c)) })) };
        expect(checkSemanticModel(broken)).toEqual(["Period[Period]: sortByColumn Period Order is not a column of Period"]);
    });

    it("finds a column a measure uses that the model does not have", () => {
        const sm = freshModel();
        const broken = { ...sm, tables: sm.tables.map(t => (t.name !== "KPI" ? t : { ...t, columns: t.columns.filter(c => c.name !== "Decimals") })) };
        const problems = checkSemanticModel(broken);
        expect(problems.length).toBeGreaterThan(3);
        expect(problems).toContain("KPI Measures[KPI Gap]: refers to column 'KPI'[Decimals], which the model does not have");
    });

    it("finds a missing or shared lineage tag and a lowered level", () => {
        const sm = freshModel();
        const [first, second] = sm.tables;
        const tagless = { ...sm, tables: [{ ...first, lineageTag: "" }, { ...second, lineageTag: sm.tables[2].lineageTag }, ...sm.tables.slice(2)] };
        const problems = checkSemanticModel(tagless).join("\n");
        expect(problems).toContain(`table ${first.name}: no lineageTag`);
        expect(problems).toContain(`lineageTag ${sm.tables[2].lineageTag} is also table ${second.name}'s`);
        expect(checkSemanticModel({ ...sm, compatibilityLevel: 1600 })[0]).toMatch(/formatStringDefinition needs compatibility level 1601/);
    });

    it("reads column and measure references from DAX text, quoted or not", () => {
        expect(daxReferences("VAR x = [KPI Actual] RETURN CALCULATE ( SUM ( Sales[Amount] ), 'Period'[Index] = 1, REMOVEFILTERS ( 'KPI' ) ) + [M]]x]")).toEqual({
            columns: [{ table: "Sales", column: "Amount" }, { table: "Period", column: "Index" }],
            measures: ["KPI Actual", "M]x"],
            tables: ["KPI"],
        });
    });
});

describe("lineage tags", () => {
    it("every table, column, measure and shared expression in the committed TMDL has one, and no two are equal", () => {
        const seen = new Set<string>();
        let objects = 0;
        for (const [file, text] of committedDocuments()) {
            const nodes = readTmdlOutline(text);
            for (const node of nodes.filter(n => n.isObject && ["table", "column", "measure", "expression"].includes(n.keyword))) {
                const tag = nodes.find(n => n.parent === node && n.keyword === "lineageTag");
                expect(`${file}:${node.line} ${node.keyword} ${tag ? "tagged" : "untagged"}`).toBe(`${file}:${node.line} ${node.keyword} tagged`);
                expect(seen.has(tag!.rest)).toBe(false);
                seen.add(tag!.rest);
                objects++;
            }
        }
        expect(objects).toBeGreaterThan(80);
    });

    it("are derived from the object path, so two builds write the same bytes", () => {
        expect([...writeSemanticModel(freshModel())]).toEqual([...writeSemanticModel(freshModel())]);
    });
});

describe("the TMDL writer follows Microsoft's TMDL rules", () => {
    it("quotes names containing a dot, =, :, ' or whitespace, doubling '", () => {
        for (const name of ["a.b", "a=b", "a:b", "it's", "two words", "KPI Gap %", "Ysgol ŵ"]) expect(tmdlName(name)).toMatch(/^'.*'$/);
        expect(tmdlName("it's")).toBe("'it''s'");
        expect(tmdlName("Period")).toBe("Period");
        expect(tmdlName("5300f64e-2b98-5743-8335-cb610ed9e95e")).toBe("5300f64e-2b98-5743-8335-cb610ed9e95e");
        for (const bad of ["line\nbreak", "tab\there", "nel\u0085", "ls\u2028", ""]) expect(() => tmdlName(bad)).toThrow(TmdlWriteError);
    });

    it("quotes text values with leading or trailing whitespace or a double quote, doubling it", () => {
        expect(tmdlText("#,0.0%;-#,0.0%;#,0.0%")).toBe("#,0.0%;-#,0.0%;#,0.0%");
        expect(tmdlText("KPI\\Values")).toBe("KPI\\Values");
        expect(tmdlText(" padded")).toBe("\" padded\"");
        expect(tmdlText("0.0 \"days\"")).toBe("\"0.0 \"\"days\"\"\"");
        expect(tmdlText("")).toBe("\"\"");
        expect(() => tmdlText("two\nlines")).toThrow(TmdlWriteError);
    });

    it("puts one-line expressions on the declaration, indents multi-line ones, and uses ``` only when whitespace would be lost", () => {
        expect(expressionProperty("\tmeasure X", "1 + 2", 1)).toEqual(["\tmeasure X = 1 + 2"]);
        expect(expressionProperty("\tmeasure X", "VAR a = 1\n\nRETURN\n    a", 1)).toEqual(["\tmeasure X =", "\t\t\tVAR a = 1", "", "\t\t\tRETURN", "\t\t\t    a"]);
        expect(expressionProperty("\tmeasure X", "a   \nb", 1)).toEqual(["\tmeasure X = ```", "\t\t\ta   ", "\t\t\tb", "\t\t\t```"]);
        expect(expressionProperty("\tmeasure X", "a\n", 1)[0]).toBe("\tmeasure X = ```");
    });

    // Readers written from Microsoft's rules (tmdl-overview: object names, text property values, expressions).
    const readName = (text: string) => (text.startsWith("'") ? text.slice(1, -1).replace(/''/g, "'") : text);
    const readText = (text: string) => (text.length >= 2 && text.startsWith("\"") && text.endsWith("\"") ? text.slice(1, -1).replace(/""/g, "\"") : text.trim());
    /** The expression of a declaration at `depth` written by expressionProperty, read back. */
    function readExpression(lines: readonly string[], head: string, depth: number): string {
        const rest = lines[0].slice(head.length);
        if (rest !== " =" && rest !== " = ```") return rest.slice(3);
        if (rest === " = ```") {
            const end = lines[lines.length - 1];
            const margin = end.length - end.trimStart().length;
            return lines.slice(1, -1).map(l => l.slice(margin)).join("\n");
        }
        const body = lines.slice(1).map(l => l.replace(/^\s+$/, ""));
        while (body.length > 0 && body[body.length - 1] === "") body.pop();
        const margin = Math.min(...body.filter(l => l !== "").map(l => l.length - l.trimStart().length));
        expect(margin).toBeGreaterThanOrEqual(depth + 2);
        return body.map(l => l.slice(margin)).join("\n");
    }
    const visible = fc.constantFrom("a", "Z", "0", "_", "-", ".", "=", ":", "'", "\"", "`", "[", "]", "%", "#", "/", "\\", "é", "ŵ", " ", "\t");

    it("any name and any one-line value read back exactly (property, 2,000 cases each)", () => {
        fc.assert(fc.property(fc.string({ unit: visible.filter(c => c !== "\t"), minLength: 1, maxLength: 20 }), name => {
            const written = tmdlName(name);
            expect(readName(written)).toBe(name);
            if (/[.=:'\s]/.test(name)) expect(written.startsWith("'")).toBe(true);
        }), { numRuns: 2000 });
        fc.assert(fc.property(fc.string({ unit: visible.filter(c => c !== "\t"), maxLength: 20 }), value => {
            expect(readText(tmdlText(value))).toBe(value);
        }), { numRuns: 2000 });
    });

    it("any multi-line expression reads back exactly, indented or in ``` (property, 2,000 cases)", () => {
        const line = fc.string({ unit: visible, maxLength: 12 }).filter(l => l.trim() !== "```");
        fc.assert(fc.property(fc.array(line, { minLength: 1, maxLength: 6 }), fc.integer({ min: 0, max: 2 }), (lines, depth) => {
            const expression = lines.join("\n");
            const head = `${"\t".repeat(depth)}measure X`;
            expect(readExpression(expressionProperty(head, expression, depth), head, depth)).toBe(expression);
        }), { numRuns: 2000 });
    });

    it("the outline reader skips expression bodies, so DAX text never reads as TMDL", () => {
        const nodes = readTmdlOutline(writeTable({
            name: "T", lineageTag: "t", columns: [], partitions: [],
            measures: [{ name: "M", expression: "VAR lineageTag = 1\nRETURN\n    lineageTag", lineageTag: "m", formatStringDefinition: "\"0\"\n& \"\"" }],
        }));
        expect(nodes.map(n => `${n.depth}:${n.keyword}`)).toEqual(["0:table", "1:lineageTag", "1:measure", "2:lineageTag", "2:formatStringDefinition"]);
    });
});

describe("the TMDL script for TMDL view", () => {
    const result = generateFromFile(path.join(REPO_ROOT, "sample", "kpi-dictionary.yaml"), "sample/kpi-dictionary.yaml");
    if (!result.ok) throw new Error("sample dictionary rejected");
    const script = result.output.files.get(OUTPUT_FILES.tmdlScript)!;
    const tableFile = result.output.files.get(OUTPUT_FILES.tmdl)!;

    it("starts with createOrReplace and holds the same table as the project's file, indented one level", () => {
        const lines = script.split("\n");
        expect(lines[0]).toBe("createOrReplace");
        expect(lines.slice(1).every(l => l === "" || l.startsWith("\t"))).toBe(true);
        expect(lines.slice(2).map(l => l.replace(/^\t/, "")).join("\n")).toBe(tableFile);
        const outline = readTmdlOutline(script);
        expect(outline.filter(n => n.depth === 0).map(n => n.keyword)).toEqual(["createOrReplace"]);
        expect(outline.filter(n => n.depth === 1 && n.isObject).map(n => `${n.keyword} ${n.rest}`)).toEqual(["table 'KPI Measures'"]);
    });

    it("dax/generated holds both, and the script is what the generator writes now", () => {
        const generated = path.join(REPO_ROOT, "dax", "generated");
        expect(fs.readFileSync(path.join(generated, OUTPUT_FILES.tmdlScript), "utf8")).toBe(script);
        expect(fs.readFileSync(path.join(generated, OUTPUT_FILES.tmdl), "utf8")).toBe(tableFile);
        expect(writeCreateOrReplaceScript([])).toBe("createOrReplace\n");
    });

    it("needs the same compatibility level as the project (1601: formatStringDefinition on measures)", () => {
        expect(requiredCompatibility(new Map([["script", script]])).required).toBe(1601);
    });
});
