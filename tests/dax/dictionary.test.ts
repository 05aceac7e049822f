import { join } from "path";
import { readFileSync } from "fs";
import { loadDictionary, parseDictionaryText } from "../../dax/src/dictionary/load";
import { formatIssue } from "../../dax/src/dictionary/validate";
import { parseCsv } from "../../lib/csv";
import { didYouMean } from "../../dax/src/dictionary/didYouMean";

const fixture = (name: string): string => join(__dirname, "fixtures", name);

describe("reading a dictionary", () => {
    test("the realistic YAML fixture validates, with stored decimals from the format", () => {
        const { dictionary, issues } = loadDictionary(fixture("childrens-services.yaml"));
        expect(issues.filter(i => i.severity === "error")).toEqual([]);
        expect(dictionary!.kpis.map(k => k.id)).toEqual(["CS01", "CS02", "CS03", "CS04", "CS05"]);
        const cs01 = dictionary!.kpis[0];
        expect(cs01.polarity).toBe("Low");
        expect(cs01.decimals).toBe(3);
        expect(cs01.toleranceType).toBe("relative");
        expect(cs01.benchmarks).toEqual(["england", "region", "neighbours", "quartiles", "rank"]);
        expect(dictionary!.kpis[3].sourceColumn).toEqual({ table: "Workforce", column: "Caseload" });
        expect(dictionary!.kpis[4].decimals).toBe(2);
    });

    test("JSON reports lines too", () => {
        const text = JSON.stringify({ kpis: [{ id: "A", name: "A", serviceArea: "S", polarity: "High" }, { id: "B", name: "B", serviceArea: "S", polarity: "Sideways" }] }, null, 2);
        const { dictionary, issues } = parseDictionaryText("d.json", text);
        expect(dictionary).toBeNull();
        expect(issues).toHaveLength(1);
        expect(issues[0]).toMatchObject({ field: "polarity", kpi: "B", location: { file: "d.json", line: 13 } });
    });

    test("CSV: RFC 4180 quoting, multi-line cells, ;-separated lists, spreadsheet row numbers", () => {
        const { dictionary, issues } = loadDictionary(fixture("childrens-services.csv"));
        expect(issues.filter(i => i.severity === "error")).toEqual([]);
        expect(dictionary!.kpis[1].definition).toBe("Multi-line\ndefinition with \"quotes\"");
        expect(dictionary!.kpis[0].benchmarks).toEqual(["england", "region"]);
        expect(dictionary!.kpis[1].location.row).toBe(3);
    });

    test("CSV errors name the row", () => {
        const text = "id,name,serviceArea,polarity,target\nA,One,S,High,85%\nB,Two,S,Upwards,\n";
        const { issues } = parseDictionaryText("d.csv", text);
        expect(issues.map(formatIssue)).toEqual([
            expect.stringMatching(/^d\.csv: row 2: error: KPI A, field target: "85%" is written as a percentage \(allowed: the stored value: 85% is 0\.85/),
            expect.stringMatching(/^d\.csv: row 3: error: KPI B, field polarity: "Upwards" is not a polarity.*\(allowed: High, Higher is better/),
        ]);
    });

    test("parseCsv: CRLF, BOM, empty lines, unclosed quote", () => {
        expect(parseCsv("\uFEFFa,b\r\n\r\n1,\"x,y\"\r\n").records.map(r => r.cells)).toEqual([["a", "b"], ["1", "x,y"]]);
        expect(parseCsv("a\n\"open").errors[0].message).toMatch(/not closed/);
    });

    test("a YAML syntax error is reported with its line and nothing else is guessed", () => {
        const { dictionary, issues } = parseDictionaryText("d.yaml", "kpis:\n  - id: A\n    name: [unclosed\n");
        expect(dictionary).toBeNull();
        expect(issues[0].message).toMatch(/syntax error/);
        expect(issues[0].location.line).toBeGreaterThanOrEqual(3);
    });
});

describe("validation collects every error with file, line, field, problem and what is allowed", () => {
    const { dictionary, issues } = loadDictionary(fixture("every-error.yaml"));
    const lines = issues.filter(i => i.severity === "error").map(formatIssue);
    const find = (pattern: RegExp): string | undefined => lines.find(l => pattern.test(l));

    test("nothing is accepted", () => expect(dictionary).toBeNull());
    test.each([
        ["unknown polarity", /every-error\.yaml:5: error: KPI E1, field polarity: "Highr" is not a polarity \(did you mean High\?\) \(allowed: High, /],
        ["tolerance without a target", /:10: error: KPI E2, field tolerance: a tolerance is given but there is no target/],
        ["floor on the wrong side", /:16: error: KPI E3, field floor: the floor \(0\.9\) is above the target \(0\.8\).*\(allowed: a floor at or below the target\)/],
        ["stretch on the wrong side", /:22: error: KPI E4, field stretch: the stretch value \(12\) is not below the target \(10\)/],
        ["duplicate id", /:23: error: KPI E4, field id: duplicate id: "E4" is already used by KPI E4 \(line 17\)/],
        ["names colliding ignoring case", /KPI E6, field name: the name "UNKNOWN POLARITY" collides with KPI E1 \(line 2\) \(DAX names ignore case; Unicode forms are compared normalised\)/],
        ["missing required field", /KPI E7, field name: required field is missing or empty/],
        ["unknown field with did you mean", /KPI E8, field tolerence: unknown field \(did you mean tolerance\?\)/],
        ["bad tolerance type", /KPI E9, field toleranceType: "percent" is not allowed \(allowed: absolute, relative\)/],
        ["negative tolerance", /KPI E10, field tolerance: -0\.1 is negative \(allowed: a number of 0 or more\)/],
        ["bad format string", /KPI E11, field format: "0\.0 \\"pts" has an unclosed "/],
        ["bad benchmarks entry", /KPI E12, field benchmarks: "englnd" is not a benchmark \(did you mean england\?\) \(allowed: england, region, neighbours, quartiles, rank\)/],
    ])("%s", (_, pattern) => {
        expect(find(pattern)).toBeDefined();
    });
    test("one error per problem, in file order", () => {
        expect(lines).toHaveLength(12);
        const numbers = lines.map(l => Number(/yaml:(\d+):/.exec(l)?.[1] ?? 0));
        expect([...numbers].sort((a, b) => a - b)).toEqual(numbers);
    });
});

describe("more rules", () => {
    const one = (fields: string): ReturnType<typeof parseDictionaryText> =>
        parseDictionaryText("d.yaml", `kpis:\n  - id: A\n    name: Alpha\n    serviceArea: S\n${fields}`);

    test("a per-KPI measure name may not collide with a generic measure, the Anchor column or a table", () => {
        const issuesFor = (name: string): string => parseDictionaryText("d.yaml",
            `kpis:\n  - id: A\n    name: ${name}\n    serviceArea: S\n    polarity: High\n    sourceColumn: T[C]\n`).issues.map(formatIssue).join("\n");
        expect(issuesFor("Kpi status")).toMatch(/its measure \[Kpi status\] would collide with the generic measure \[KPI Status\]/);
        expect(issuesFor("Kpi")).toMatch(/its measure \[Kpi Target\] would collide with the generic measure \[KPI Target\]|its measure \[Kpi\] would collide with the table 'KPI'/);
        expect(issuesFor("ANCHOR")).toMatch(/its measure \[ANCHOR\] would collide with the hidden column 'KPI Measures'\[Anchor\]/);
        expect(issuesFor("Kpi measures")).toMatch(/collide with the table 'KPI Measures'/);
        // Without own measures the name creates no object, so it may be anything.
        expect(parseDictionaryText("d.yaml", "kpis:\n  - id: A\n    name: Anchor\n    serviceArea: S\n    polarity: High\n").dictionary).not.toBeNull();
    });
    test("names with tabs or line breaks are refused", () => {
        const { issues } = parseDictionaryText("d.yaml", "kpis:\n  - id: A\n    name: \"Tab\\there\"\n    serviceArea: S\n    polarity: High\n");
        expect(issues[0].message).toMatch(/control character/);
    });
    test("actualExpression is checked by the DAX tokenizer", () => {
        const { issues } = one("    polarity: High\n    actualExpression: DIVDE ( [A], [B] \n");
        const text = issues.map(formatIssue).join("\n");
        expect(text).toMatch(/unknown function DIVDE \(did you mean DIVIDE\?\)/);
        expect(text).toMatch(/"\(" is never closed/);
    });
    test("actualExpression and sourceColumn together are refused; a bad column is refused", () => {
        expect(one("    polarity: High\n    actualExpression: SUM ( T[C] )\n    sourceColumn: T[C]\n").issues[0].message).toMatch(/both/);
        expect(one("    polarity: High\n    sourceColumn: Table Without Quotes[C]\n").issues[0].allowed).toBe("'Table name'[Column name]");
    });
    test("a stretch worse than the floor (no target) is refused; a floor-only KPI is fine", () => {
        expect(one("    polarity: High\n    floor: 0.9\n    stretch: 0.8\n").issues[0].message).toMatch(/not above the floor/);
        expect(one("    polarity: High\n    floor: 0.9\n").dictionary).not.toBeNull();
    });
    test("warnings do not stop generation", () => {
        const { dictionary, issues } = one("    polarity: Range\n    floor: 1\n");
        expect(dictionary).not.toBeNull();
        expect(issues.map(i => i.severity)).toEqual(["warning", "warning"]);
    });
    test("did you mean", () => {
        expect(didYouMean("service_area", ["serviceArea", "source"])).toBe("serviceArea");
        expect(didYouMean("zzzzzz", ["serviceArea"])).toBeNull();
    });
    test("the realistic fixture's dictionary text is the documented example's shape", () => {
        expect(readFileSync(fixture("childrens-services.yaml"), "utf8")).toMatch(/^kpis:/m);
    });
});
