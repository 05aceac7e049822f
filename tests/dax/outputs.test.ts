import { readFileSync } from "fs";
import { join } from "path";
import { loadDictionary } from "../../dax/src/dictionary/load";
import { FIELDS, FIELD_NAMES, REQUIRED_FIELDS, TOLERANCE_TYPES, FREQUENCIES, BENCHMARK_SOURCES } from "../../dax/src/dictionary/fields";
import { generateOutputs, OUTPUT_FILES } from "../../dax/src/generate";
import { buildMeasuresTmdl } from "../../dax";
import { printExpr } from "../../dax/src/expr/print";
import { checkDax, lexDax } from "../../dax/src/expr/tokenize";
import { GENERIC_MEASURE_NAMES } from "../../dax/src/measures/names";
import { Expr } from "../../dax/src/expr/ast";

const fixture = (name: string): string => join(__dirname, "fixtures", name);
const load = (name: string) => generateOutputs(loadDictionary(fixture(name)).dictionary!, `tests/dax/fixtures/${name}`);

/** The DAX inside a TMDL file: every measure and format string expression. */
function tmdlExpressions(tmdl: string): string[] {
    const out: string[] = [];
    const lines = tmdl.split("\n");
    for (let i = 0; i < lines.length; i++) {
        const m = /^\tmeasure (?:'(?:[^']|'')*'|\S+) = ?(.*)$/.exec(lines[i]) ?? /^\t\tformatStringDefinition = (.*)$/.exec(lines[i]);
        if (!m) continue;
        if (m[1] === "```") {
            const body: string[] = [];
            while (!/^\t+```$/.test(lines[++i])) body.push(lines[i]);
            out.push(body.join("\n"));
        } else if (m[1] !== "") {
            out.push(m[1]);
        } else {
            const body: string[] = [];
            while (i + 1 < lines.length && lines[i + 1].startsWith("\t\t\t")) body.push(lines[++i].slice(3));
            out.push(body.join("\n"));
        }
    }
    return out;
}

describe.each(["childrens-services.yaml", "hostile-names.yaml", "childrens-services.csv"])("outputs of %s", name => {
    const { files, measures } = load(name);

    test("every DAX script lexes cleanly: balanced brackets, closed strings, known functions only", () => {
        expect(checkDax(files.get(OUTPUT_FILES.query)!)).toEqual([]);
        if (files.has(OUTPUT_FILES.perKpiQuery)) expect(checkDax(files.get(OUTPUT_FILES.perKpiQuery)!)).toEqual([]);
        const expressions = tmdlExpressions(files.get(OUTPUT_FILES.tmdl)!);
        expect(expressions.length).toBe(measures.length + measures.filter(m => m.formatStringExpression).length);
        for (const e of expressions) expect(checkDax(e)).toEqual([]);
    });

    test("every measure has a description, a display folder, and a format string unless it returns text", () => {
        for (const m of measures) {
            expect(m.description.trim()).not.toBe("");
            expect(m.displayFolder).toMatch(/^KPIs?\\/);
            if (!m.returnsText) expect(m.formatString ?? m.formatStringExpression).toBeDefined();
        }
    });

    test("DAX quality: no IFERROR, no / operator, columns fully qualified, measures unqualified", () => {
        const script = files.get(OUTPUT_FILES.query)!;
        const { tokens } = lexDax(script);
        const significant = tokens.filter(t => t.kind !== "space" && t.kind !== "comment");
        expect(significant.some(t => t.kind === "identifier" && /^IFERROR$/i.test(t.text))).toBe(false);
        expect(significant.some(t => t.kind === "operator" && t.text === "/")).toBe(false);
        significant.forEach((t, i) => {
            // A [name] right after a table name is a column; a bare [name] must be a measure.
            if (t.kind === "bracket" && significant[i - 1]?.kind !== "table") {
                const name = t.text.slice(1, -1).replace(/\]\]/g, "]");
                expect(measures.some(m => m.name === name)).toBe(true);
            }
        });
    });

    test("no two measures share an expression (BPA AVOID_DUPLICATE_MEASURES) or only reference another", () => {
        const texts = measures.map(m => printExpr(m.expression).replace(/\s/g, ""));
        expect(new Set(texts).size).toBe(texts.length);
        for (const m of measures) expect(m.expression.kind).not.toBe("measure");
    });
});

test("hostile names are quoted in TMDL and DAX and come back intact", () => {
    const { files } = load("hostile-names.yaml");
    const tmdl = files.get(OUTPUT_FILES.tmdl)!;
    expect(tmdl).toContain("\tmeasure 'Children''s \"hard\" ]] cases [x] & more Status' =");
    expect(tmdl).toContain("(H2). Line one\n\t/// Line two with a \"quote\" and a tab here");
    expect(tmdl).toContain("displayFolder: \"KPIs\\Écoles & 'quotes'\\Café ' -- /* not a comment */ \"\" RETURN\"");
    const query = files.get(OUTPUT_FILES.perKpiQuery)!;
    expect(query).toContain("MEASURE 'KPI Measures'[Children's \"hard\" ]]]] cases [x]] & more Status] =");
    expect(query).toContain("SUM ( 'Ysgol ŵ''s data'[Nifer ]]] )");
    const names = lexDax(query).tokens.filter(t => t.kind === "bracket").map(t => t.text.slice(1, -1).replace(/\]\]/g, "]"));
    expect(names).toContain("Café ' -- /* not a comment */ \" RETURN Direction");
});

test("TMDL: tabs, stable lineage tags, dynamic format strings, hidden helpers, and a table Power BI can hold", () => {
    const dictionary = loadDictionary(fixture("childrens-services.yaml")).dictionary!;
    const tmdl = buildMeasuresTmdl(dictionary);
    expect(tmdl.split("\n").filter(l => /^ +\S/.test(l))).toEqual([]);
    expect(tmdl).toMatch(/^table 'KPI Measures'$/m);
    expect(tmdl).toMatch(/\tmeasure 'KPI Actual' =\n\t\t\tVAR _period = \[KPI Period Index\]/);
    expect(tmdl).toMatch(/\t\tformatStringDefinition = COALESCE \( \[KPI Format String\], "0\.0" \)/);
    expect(tmdl).toMatch(/\tmeasure 'KPI Period Index' =[\s\S]*?\t\tisHidden/);
    expect(tmdl).toMatch(/\tpartition 'KPI Measures' = calculated\n\t\tmode: import\n\t\tsource = ROW \( "Anchor", 0 \)/);
    expect(buildMeasuresTmdl(dictionary)).toBe(tmdl);
    expect(buildMeasuresTmdl(dictionary, { perKpi: false })).not.toMatch(/Re-referrals within 12 months Status/);
    for (const name of GENERIC_MEASURE_NAMES) expect(tmdl).toContain(`\tmeasure '${name}' =`);
});

test("the query lists every KPI with its status, ordered by Sort Order", () => {
    const { files } = load("childrens-services.yaml");
    const query = files.get(OUTPUT_FILES.query)!;
    expect(query).toMatch(/EVALUATE\n    SUMMARIZECOLUMNS \(\n        'KPI'\[Sort Order\],/);
    expect(query).toMatch(/"Status", \[KPI Status\]/);
    expect(query.trimEnd().endsWith("ORDER BY 'KPI'[Sort Order]")).toBe(true);
});

test("the KPI dimension CSV has the star schema's columns and the canonical polarity", () => {
    const { files } = load("childrens-services.yaml");
    const [header, first] = files.get(OUTPUT_FILES.kpiDimension)!.split("\r\n");
    expect(header).toBe("KPI ID,KPI,Service Area,Outcome,Polarity,Unit,Format String,Decimals,Target,Tolerance,Tolerance Type,Floor,Stretch,Owner,Frequency,Source,Definition,LAIT Code,Sort Order");
    expect(first).toMatch(/^CS01,Re-referrals within 12 months,Front door,Children are safe,Low,%,0\.0%,3,0\.2,0\.1,relative,/);
});

test("the summary explains each rule in words", () => {
    const { files } = load("childrens-services.yaml");
    const summary = files.get(OUTPUT_FILES.summary)!;
    expect(summary).toContain("Green at or below 20.0%; Amber up to 22.0% (10.0% of target); Red above 22.0%.");
    expect(summary).toContain("Blue at or above 95.0% (stretch); Green at or above 88.0%; Amber down to the floor of 80.0%; Red below 80.0%.");
    expect(summary).toContain("Green within 2.0 of 18.0 (16.0 to 20.0); Amber within 4.0 (14.0 to 22.0); Red further away.");
    expect(summary).toContain("Green at or above 90% (floor, no target); Red below it.");
});

describe("the published JSON Schema agrees with the validator", () => {
    const schema = JSON.parse(readFileSync(join(__dirname, "../../dax/schema/kpi-dictionary.schema.json"), "utf8"));
    const item = schema.properties.kpis.items;
    test("same fields, same required fields", () => {
        expect(Object.keys(item.properties).sort()).toEqual([...FIELD_NAMES].sort());
        expect([...item.required].sort()).toEqual([...REQUIRED_FIELDS].sort());
        expect(item.additionalProperties).toBe(false);
        expect(schema.$schema).toBe("https://json-schema.org/draft/2020-12/schema");
    });
    test("same choices and descriptions", () => {
        expect(item.properties.toleranceType.enum).toEqual([...TOLERANCE_TYPES]);
        expect(item.properties.frequency.enum).toEqual([...FREQUENCIES]);
        expect(item.properties.benchmarks.items.enum).toEqual([...BENCHMARK_SOURCES]);
        for (const f of FIELDS) expect(item.properties[f.name].description).toBe(f.description);
    });
});

export type { Expr };
