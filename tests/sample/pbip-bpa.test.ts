/**
 * Microsoft's published Best Practice Analyzer rules run against the generated semantic model
 * (the sample Power BI Project's model, built from the sample dictionary). The rules are the
 * committed extract tests/sample/fixtures/bpa-rules.json (source and licence inside), evaluated
 * by the project's Dynamic LINQ evaluator (scripts/pbip/bpa/linq.ts) as Tabular Editor does:
 * each rule for each object its scope names. Every finding that stays is listed, with its
 * reason, in docs/dax-generator.md ("Best Practice Analyzer").
 */
import * as fs from "fs";
import * as path from "path";
import type { TmdlMeasure, TmdlSemanticModel } from "../../dax/src/output/tmdlWriter";
import { BpaExpressionError, evaluateBpaExpression, parseBpaExpression } from "../../scripts/pbip/bpa/linq";
import { BpaRule, runBpa } from "../../scripts/pbip/bpa/run";
import { DEFAULT_DATA_FOLDER, REPO_ROOT } from "../../scripts/pbip/build";
import { generatedMeasures } from "../../scripts/pbip/measures";
import { semanticModel } from "../../scripts/pbip/model";

const fixture = JSON.parse(fs.readFileSync(path.join(__dirname, "fixtures", "bpa-rules.json"), "utf8")) as { source: string; licence: string; rules: BpaRule[] };
const rules = fixture.rules;
const measures = generatedMeasures(path.join(REPO_ROOT, "sample", "kpi-dictionary.yaml"), REPO_ROOT);
const model = (): TmdlSemanticModel => semanticModel(measures.table, DEFAULT_DATA_FOLDER);
const textMeasures = new Set(measures.definitions.filter(m => m.returnsText).map(m => m.name));
const dynamicFormat = new Set(measures.definitions.filter(m => m.formatStringExpression !== undefined).map(m => m.name));
/** Measures returning a date, formatted as one (the format has a year in it). */
const dateFormat = new Set(measures.definitions.filter(m => m.formatString !== undefined && /y{2,4}/i.test(m.formatString)).map(m => m.name));
const measureName = (label: string) => /^measure 'KPI Measures'\[(.*)\]$/.exec(label)?.[1] ?? "";
const rule = (id: string) => rules.filter(r => r.ID === id);
const findings = (sm: TmdlSemanticModel, ids?: readonly string[]) => runBpa(ids ? rules.filter(r => ids.includes(r.ID)) : rules, sm);

const columnsWhere = (test: (c: TmdlSemanticModel["tables"][number]["columns"][number]) => boolean) =>
    new Set(model().tables.flatMap(t => t.columns.filter(test).map(c => `column '${t.name}'[${c.name}]`)));
const doubleColumns = columnsWhere(c => c.dataType === "double");
const dateColumns = columnsWhere(c => c.dataType === "dateTime");
const keyColumns = new Set(model().relationships.flatMap(r => [`column '${r.fromTable}'[${r.fromColumn}]`, `column '${r.toTable}'[${r.toColumn}]`]));

/** The findings that stay, each with the test that it is only the objects the reason covers (reasons: docs/dax-generator.md). */
const ACCEPTED: Readonly<Record<string, (object: string) => boolean>> = {
    AVOID_FLOATING_POINT_DATA_TYPES: o => doubleColumns.has(o),
    RELATIONSHIP_COLUMNS_SHOULD_BE_OF_INTEGER_DATA_TYPE: o => keyColumns.has(o) && /\[(KPI ID|Period ID)\]$/.test(o),
    DATECOLUMN_FORMATSTRING: o => dateColumns.has(o),
    HIDE_FOREIGN_KEYS: o => o === "column 'KPI'[KPI ID]" || o === "column 'Period'[Period ID]",
    MODEL_SHOULD_HAVE_A_DATE_TABLE: o => o === "model",
    REDUCE_USAGE_OF_CALCULATED_TABLES: o => o === "table 'KPI Measures'",
    ENSURE_TABLES_HAVE_RELATIONSHIPS: o => o === "table 'KPI Measures'",
    UNNECESSARY_COLUMNS: o => o === "column 'KPI Measures'[Anchor]",
    PROVIDE_FORMAT_STRING_FOR_MEASURES: o => textMeasures.has(measureName(o)),
    INTEGER_FORMATTING: o => textMeasures.has(measureName(o)) || dynamicFormat.has(measureName(o)) || dateFormat.has(measureName(o)),
};

describe("Best Practice Analyzer on the generated model", () => {
    const result = findings(model());

    it("the fixture is the published rules for measures, columns, tables, relationships, partitions and the model, with source and licence", () => {
        expect(fixture.source).toContain("microsoft/Analysis-Services");
        expect(fixture.licence).toContain("MIT");
        expect(rules.length).toBe(66);
        for (const id of ["PROVIDE_FORMAT_STRING_FOR_MEASURES", "PERCENTAGE_FORMATTING", "DAX_COLUMNS_FULLY_QUALIFIED", "RELATIONSHIP_COLUMNS_SAME_DATA_TYPE", "MARK_PRIMARY_KEYS"]) {
            expect(rule(id)).toHaveLength(1);
        }
    });

    it("every rule evaluates on every object in its scope, none refused", () => {
        expect(result.errors).toEqual([]);
        expect(result.evaluations).toBeGreaterThan(2000);
    });

    it("finds nothing but the accepted findings, each on the objects its reason covers", () => {
        const unexpected = result.findings.filter(f => !(ACCEPTED[f.rule]?.(f.object) ?? false)).map(f => `${f.rule}: ${f.object}`);
        expect(unexpected).toEqual([]);
        const counts = Object.fromEntries(Object.keys(ACCEPTED).map(id => [id, result.findings.filter(f => f.rule === id).length]));
        process.stdout.write(`BPA: ${rules.length} rules, ${result.evaluations} evaluations, ${result.findings.length} findings: ${JSON.stringify(counts)}\n`);
    });

    it("the fixed rules no longer fire: percentage and whole-number formats, primary keys, fact columns, MDX attributes", () => {
        const fixed = ["PERCENTAGE_FORMATTING", "MARK_PRIMARY_KEYS", "HIDE_FACT_TABLE_COLUMNS", "ISAVAILABLEINMDX_FALSE_NONATTRIBUTE_COLUMNS", "SET_ISAVAILABLEINMDX_TO_TRUE_ON_NECESSARY_COLUMNS"];
        expect(result.findings.filter(f => fixed.includes(f.rule))).toEqual([]);
        expect(result.findings.filter(f => f.rule === "INTEGER_FORMATTING" && !ACCEPTED.INTEGER_FORMATTING(f.object))).toEqual([]);
    });

    it("docs/dax-generator.md lists every rule that still finds something, with a reason", () => {
        const docs = fs.readFileSync(path.join(REPO_ROOT, "docs", "dax-generator.md"), "utf8");
        const section = docs.slice(docs.indexOf("### Findings that stay"));
        for (const id of new Set(result.findings.map(f => f.rule))) expect(section).toMatch(new RegExp(`\\| \`${id}\` \\| \\d+ \\|`));
    });
});

describe("the rules catch what they are about (each on a model broken on purpose)", () => {
    const withMeasures = (sm: TmdlSemanticModel, change: (m: TmdlMeasure) => TmdlMeasure | TmdlMeasure[]): TmdlSemanticModel =>
        ({ ...sm, tables: sm.tables.map(t => ({ ...t, measures: t.measures.flatMap(change) })) });
    const extra = (m: Partial<TmdlMeasure> & { name: string; expression: string }): TmdlSemanticModel =>
        withMeasures(model(), x => (x.name === "KPI Gap %" ? [x, { lineageTag: "x", formatString: "#,0", description: "test", ...m }] : x));
    const hit = (sm: TmdlSemanticModel, id: string) => findings(sm, [id]).findings.map(f => f.object);

    it("PROVIDE_FORMAT_STRING_FOR_MEASURES: a numeric measure without a format string", () => {
        expect(hit(withMeasures(model(), m => (m.name === "KPI Gap %" ? { ...m, formatString: undefined } : m)), "PROVIDE_FORMAT_STRING_FOR_MEASURES"))
            .toContain("measure 'KPI Measures'[KPI Gap %]");
    });

    it("PERCENTAGE_FORMATTING and INTEGER_FORMATTING: a KPI's own 0.0% or 0.0 format as written in the dictionary", () => {
        expect(hit(extra({ name: "P", expression: "0.5", formatString: "0.0%" }), "PERCENTAGE_FORMATTING")).toEqual(["measure 'KPI Measures'[P]"]);
        expect(hit(extra({ name: "I", expression: "5", formatString: "0.0" }), "INTEGER_FORMATTING")).toContain("measure 'KPI Measures'[I]");
    });

    it("USE_THE_DIVIDE_FUNCTION_FOR_DIVISION, AVOID_USING_THE_IFERROR_FUNCTION, DAX_COLUMNS_FULLY_QUALIFIED, DAX_MEASURES_UNQUALIFIED", () => {
        expect(hit(extra({ name: "D", expression: "[KPI Actual] / [KPI Target]" }), "USE_THE_DIVIDE_FUNCTION_FOR_DIVISION")).toEqual(["measure 'KPI Measures'[D]"]);
        expect(hit(extra({ name: "E", expression: "IFERROR ( 1, 0 )" }), "AVOID_USING_THE_IFERROR_FUNCTION")).toEqual(["measure 'KPI Measures'[E]"]);
        expect(hit(extra({ name: "C", expression: "SUM ( [Anchor] )" }), "DAX_COLUMNS_FULLY_QUALIFIED")).toEqual(["measure 'KPI Measures'[C]"]);
        expect(hit(extra({ name: "Q", expression: "'KPI Measures'[KPI Actual] + 1" }), "DAX_MEASURES_UNQUALIFIED")).toEqual(["measure 'KPI Measures'[Q]"]);
    });

    it("AVOID_DUPLICATE_MEASURES and MEASURES_SHOULD_NOT_BE_DIRECT_REFERENCES_OF_OTHER_MEASURES", () => {
        const gapPct = model().tables.flatMap(t => t.measures).find(m => m.name === "KPI Gap %")!;
        // The rule ignores spaces; its "\n" is a backslash and an n (no escapes in Dynamic LINQ strings), so line breaks count.
        expect(hit(extra({ name: "Copy", expression: gapPct.expression.replace(/ /g, "   ") }), "AVOID_DUPLICATE_MEASURES").sort())
            .toEqual(["measure 'KPI Measures'[Copy]", "measure 'KPI Measures'[KPI Gap %]"]);
        expect(hit(extra({ name: "Alias", expression: "[KPI Actual]" }), "MEASURES_SHOULD_NOT_BE_DIRECT_REFERENCES_OF_OTHER_MEASURES")).toEqual(["measure 'KPI Measures'[Alias]"]);
    });

    it("RELATIONSHIP_COLUMNS_SAME_DATA_TYPE, MARK_PRIMARY_KEYS, HIDE_FACT_TABLE_COLUMNS", () => {
        const sm = model();
        const columns = (table: string, change: (c: TmdlSemanticModel["tables"][number]["columns"][number]) => typeof c) =>
            ({ ...sm, tables: sm.tables.map(t => (t.name === table ? { ...t, columns: t.columns.map(change) } : t)) });
        expect(hit(columns("Period", c => (c.name === "Period ID" ? { ...c, dataType: "int64" } : c)), "RELATIONSHIP_COLUMNS_SAME_DATA_TYPE"))
            .toEqual(["relationship 'KPI Values'[Period ID] -> 'Period'[Period ID]"]);
        expect(hit(columns("KPI", c => ({ ...c, isKey: false })), "MARK_PRIMARY_KEYS")).toEqual(["column 'KPI'[KPI ID]"]);
        expect(hit(columns("KPI Values", c => (c.name === "Numerator" ? { ...c, isHidden: false } : c)), "HIDE_FACT_TABLE_COLUMNS")).toEqual(["column 'KPI Values'[Numerator]"]);
    });
});

describe("the Dynamic LINQ evaluator", () => {
    const object = { Name: "Sales Amount", FormatString: "", IsHidden: false, Items: [{ N: 1 }, { N: 5 }], Table: { Name: "Sales" } };
    const ev = (text: string) => evaluateBpaExpression(parseBpaExpression(text), object);

    it("reads the operators, lambdas, statics and string methods the rules use", () => {
        expect(ev("not IsHidden and string.IsNullOrWhitespace(FormatString)")).toBe(true);
        expect(ev("Items.Any(N > 3) && Items.Where(N > 0).Count() == 2 and Items.Count = 2")).toBe(true);
        expect(ev("Items.Any(N == outerIt.Items.Count)")).toBe(false);
        expect(ev("Name.ToUpper().Contains(\"AMOUNT\") and Name.IndexOf(\"amount\", \"OrdinalIgnoreCase\") >= 0")).toBe(true);
        expect(ev("RegEx.IsMatch(Name, \"(?i)sales\\s+AMOUNT\") and not RegEx.IsMatch(Name, \"^Amount\")")).toBe(true);
        expect(ev("Convert.ToInt64(\"12\") + 1 = 13 and Math.Max(2, 3) / 3 = 1 and Name.Substring(0,1) = \"S\"")).toBe(true);
        expect(ev("Name.ToCharArray().Any(char.IsControl(it) and !char.IsWhiteSpace(it)) or Name.IndexOf(char(9)) > -1")).toBe(false);
        expect(ev("\"a\"\"b\".Length = 3 and Table.Name + \"[\" = \"Sales[\"")).toBe(true);
    });

    it("refuses what it does not know instead of guessing", () => {
        expect(() => ev("Colour == \"Red\"")).toThrow(BpaExpressionError);
        expect(() => ev("Name.Frobnicate()")).toThrow(BpaExpressionError);
        expect(() => ev("FormatString")).toThrow(/expected true or false/);
        expect(() => parseBpaExpression("Name == ")).toThrow(BpaExpressionError);
    });
});
