/**
 * KPI ids as councils and the DfE write them (LAIT codes): accepted, quoted correctly in every
 * output, and duplicates found ignoring case.
 */
import { parseCsv } from "../../lib/csv";
import { buildMeasuresTmdl } from "../../dax";
import { formatIssue } from "../../dax/src/dictionary/validate";
import { parseDictionaryText } from "../../dax/src/dictionary/load";
import { generateFromText, OUTPUT_FILES } from "../../dax/src/generate";
import { lexDax } from "../../dax/src/expr/tokenize";
import { kpiIdProblem, mTextLiteral } from "../../dax/src/expr/text";

const LAIT_IDS = ["%_of LAC Adopted", "16-17_not known_NEET", "NI 062", "CS/01a", "Children's \"hard\" [cases]"];

const dictionary = JSON.stringify({
    kpis: LAIT_IDS.map((id, i) => ({
        id, name: `Indicator ${i + 1}`, serviceArea: "Children in care", polarity: i % 2 ? "Low" : "High", format: "0.0", target: 10 + i, noChangeTolerance: 0.01, similarityTolerance: 0.1,
        ...(i === 0 ? { sourceColumn: "'Facts'[Adopted]" } : {}),
    })),
}, null, 2);

/** The string literals of DAX text, unquoted. */
const daxStrings = (text: string): string[] =>
    lexDax(text).tokens.filter(t => t.kind === "string").map(t => t.text.slice(1, -1).replace(/""/g, "\""));

describe("LAIT codes as KPI ids", () => {
    const result = generateFromText("lait.json", dictionary);
    test("are accepted", () => {
        expect(result.issues.map(formatIssue)).toEqual([]);
        expect(result.ok).toBe(true);
    });
    if (!result.ok) return;
    const files = result.output.files;
    test.each([OUTPUT_FILES.query, OUTPUT_FILES.perKpiQuery, OUTPUT_FILES.tmdl])("each id is one DAX string literal in %s", name => {
        const whole = files.get(name)!;
        const text = name === OUTPUT_FILES.tmdl ? whole.split("\n").filter(l => l.startsWith("\t\t\t")).join("\n") : whole;
        expect(lexDax(text).problems).toEqual([]);
        const strings = daxStrings(text);
        const expected = name === OUTPUT_FILES.perKpiQuery ? LAIT_IDS.slice(0, 1) : LAIT_IDS;
        for (const id of expected) expect(strings).toContain(id);
    });
    test("the KPI dimension CSV reads back every id unchanged", () => {
        const records = parseCsv(files.get(OUTPUT_FILES.kpiDimension)!).records;
        expect(records.slice(1).map(r => r.cells[0])).toEqual(LAIT_IDS);
    });
    test("the Power BI Project's measures TMDL quotes them the same way", () => {
        const tmdl = buildMeasuresTmdl(result.output.dictionary);
        const expressions = tmdl.split("\n").filter(l => l.startsWith("\t\t\t")).join("\n");
        expect(lexDax(expressions).problems).toEqual([]);
        for (const id of LAIT_IDS) expect(daxStrings(expressions)).toContain(id);
    });
    test("an M text literal of each id reads back (no #( escape starts by accident)", () => {
        expect(mTextLiteral("%_of LAC #(Adopted)")).toBe("\"%_of LAC #(#)(Adopted)\"");
    });
});

describe("KPI id rules", () => {
    test.each([
        ["", /is empty/], [" NI 062", /spaces at the start or end/], ["NI\u2028062", /line break U\+2028/],
        ["NI\t062", /control character U\+0009/], ["x".repeat(101), /101 characters long \(at most 100\)/],
    ])("%j is refused", (id, message) => {
        expect(kpiIdProblem(id)).toMatch(message);
    });
    test("100 characters, accents and symbols are fine", () => {
        for (const id of ["x".repeat(100), "Ysgol ŵ 1", "£ spent / child", "%", "a'b\"c]d"]) expect(kpiIdProblem(id)).toBeNull();
    });
    test("duplicates are found ignoring case", () => {
        const { dictionary: d, issues } = parseDictionaryText("d.yaml",
            "kpis:\n  - id: NI 062\n    name: A\n    serviceArea: S\n    polarity: High\n  - id: ni 062\n    name: B\n    serviceArea: S\n    polarity: High\n");
        expect(d).toBeNull();
        expect(issues.map(formatIssue)).toEqual([
            "d.yaml:6: error: KPI ni 062, field id: duplicate id: \"ni 062\" is already used by KPI NI 062 (line 2) (ids are compared ignoring case and Unicode normalisation) (allowed: a unique id per KPI)",
        ]);
    });
    test("an id is trimmed in YAML and CSV", () => {
        const { dictionary: d } = parseDictionaryText("d.csv", "id,name,serviceArea,polarity\n  CS/01a  ,A,S,High\n");
        expect(d?.kpis[0].id).toBe("CS/01a");
    });
});

describe("the preview reads LAIT codes as KPI ids", () => {
    test("a dataset whose KPI ids are LAIT codes gives no KPI ID problem, and the values find their KPI", () => {
        const { cpSync, mkdtempSync, readFileSync, writeFileSync } = require("fs") as typeof import("fs");
        const { join } = require("path") as typeof import("path");
        const { tmpdir } = require("os") as typeof import("os");
        const { readDataset } = require("../../scripts/preview/dataset") as typeof import("../../scripts/preview/dataset");
        const folder = mkdtempSync(join(tmpdir(), "lait-ids-"));
        cpSync(join(__dirname, "../browser/fixtures/small"), folder, { recursive: true });
        const codes: Record<string, string> = { FD01: "NI 062", FD02: "CS/01a", FD03: "%_of LAC Adopted" };
        for (const file of ["kpis.csv", "kpi_values.csv", "benchmarks.csv"]) {
            const path = join(folder, file);
            writeFileSync(path, readFileSync(path, "utf8").replace(/^(FD0[123]),/gm, (_, id: string) => `"${codes[id]}",`));
        }
        const dataset = readDataset(folder);
        expect(dataset.problems.filter(p => /KPI ID/.test(`${p.column ?? ""} ${p.message}`))).toEqual([]);
        // The values and benchmarks found their KPI through the LAIT code.
        const fd01 = dataset.rows.filter(r => r.kpi === "Re-referrals within 12 months");
        expect(fd01.length).toBeGreaterThan(0);
        expect(fd01.some(r => r.actual !== null)).toBe(true);
    });
});
