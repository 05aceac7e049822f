/**
 * parseDictionaryText validates a plain YAML dictionary a KPI at a time as the fast reader reads
 * it (validateKpiByKpi); that must give exactly what reading the whole file and then validating
 * it gives (validateDictionary(readDictionary(...))): the same KPIs, issues, lines and messages,
 * or step aside (null) so the general path reports the problem.
 */
import { readFileSync } from "fs";
import { join } from "path";
import fc from "fast-check";
import { dictionaryYaml, syntheticDictionary } from "../../dax/bench";
import { parseDictionaryText, validateKpiByKpi } from "../../dax/src/dictionary/load";
import { readDictionary } from "../../dax/src/dictionary/read";
import { validateDictionary, ValidationResult } from "../../dax/src/dictionary/validate";

const general = (file: string, text: string): ValidationResult => validateDictionary(readDictionary(file, text));

describe("validateKpiByKpi gives what reading whole then validating gives", () => {
    const fixture = (name: string): string => readFileSync(join(__dirname, "fixtures", name), "utf8");
    test.each([
        ["the sample", "kpi-dictionary.yaml", readFileSync(join(__dirname, "../../sample/kpi-dictionary.yaml"), "utf8")],
        ["the children's services fixture", "childrens-services.yaml", fixture("childrens-services.yaml")],
        ["the hostile names fixture", "hostile-names.yaml", fixture("hostile-names.yaml")],
        ["1,000 synthetic KPIs", "synthetic.yaml", dictionaryYaml(syntheticDictionary(1000))],
    ])("%s: taken, and the same dictionary and issues", (_what, file, text) => {
        const byKpi = validateKpiByKpi(file, text);
        expect(byKpi).not.toBeNull();
        expect(byKpi).toStrictEqual(general(file, text));
        expect(byKpi?.dictionary?.kpis.length).toBeGreaterThan(0);
    });
    test("every validation error (no reading problem): taken, with the same errors", () => {
        const text = fixture("every-error.yaml");
        const byKpi = validateKpiByKpi("every-error.yaml", text);
        expect(byKpi?.dictionary).toBeNull();
        expect(byKpi?.issues.length).toBeGreaterThan(10);
        expect(byKpi).toStrictEqual(general("every-error.yaml", text));
    });

    const one = "kpis:\n  - id: A\n    name: Alpha\n    serviceArea: S\n    polarity: High\n";
    test.each([
        ["a field given twice", "d.yaml", `${one}    name: Again\n`],
        ["an unknown top-level key after the list", "d.yaml", `${one}extra: 1\n`],
        ["an unknown top-level key before the list", "d.yaml", `extra: 1\n${one}`],
        ["an empty list", "d.yaml", "kpis: []\n"],
        ["kpis with nothing under it", "d.yaml", "kpis:\n"],
        ["no kpis", "d.yaml", "other: 1\n"],
        ["a late construct the fast reader leaves to the full parser", "d.yaml", `${one}  - id: B\n    name: &a Beta\n    serviceArea: S\n    polarity: High\n`],
        ["a NUL byte", "d.yaml", `${one}    definition: a\u0000b\n`],
        ["not YAML", "d.json", JSON.stringify({ kpis: [{ id: "A", name: "Alpha", serviceArea: "S", polarity: "High" }] })],
    ])("%s: steps aside, and parseDictionaryText reports as before", (_what, file, text) => {
        expect(validateKpiByKpi(file, text)).toBeNull();
        expect(parseDictionaryText(file, text)).toStrictEqual(general(file, text));
    });

    test("more problems than are checked: taken, stopping at the same KPI", () => {
        const text = `kpis:\n${"  - id: A\n    bad: 1\n    worse: 2\n".repeat(400)}`;
        const byKpi = validateKpiByKpi("d.yaml", text);
        expect(byKpi?.issues[byKpi.issues.length - 1].message).toMatch(/checking stopped at line \d+/);
        expect(byKpi).toStrictEqual(general("d.yaml", text));
    });

    test("warnings only: taken, with the same warnings", () => {
        const text = "kpis:\n  - id: A\n    name: Alpha\n    serviceArea: S\n    polarity: Range\n    floor: 3\n    toleranceType: relative\n";
        const byKpi = validateKpiByKpi("d.yaml", text);
        expect(byKpi?.issues.length).toBeGreaterThan(0);
        expect(byKpi).toStrictEqual(general("d.yaml", text));
    });

    const value = fc.constantFrom("A", "B", "a", "Alpha", "alpha", "Beta", "S", "High", "Low", "Range", "None", "sideways", "0.85", "-1", "5", "0.05",
        "relative", "absolute", "both", "Quarterly", "[england, region]", "[nowhere]", "0.0%", "#,0", "dd/mm", "'Facts'[Value]", "Facts[", "SUM ( 1 )",
        "SUM ( 1", "''", "null", "true", "x # note", "'it''s'", "\"Ål ŵ\"", "Alpha Status", "KPI Status");
    const field = fc.constantFrom("id", "name", "target", "tolerance", "toleranceType", "floor", "stretch",
        "frequency", "benchmarks", "format", "sourceColumn", "actualExpression", "definition", "decimals", "nmae");
    const kpi = fc.tuple(fc.constantFrom("A", "B", "C", "D", "a"), fc.constantFrom("Alpha", "Beta", "Gamma", "alpha", "Delta"), fc.constantFrom("High", "Low", "Range", "None"),
        fc.array(fc.tuple(field, value), { maxLength: 4 }));
    test("random dictionaries: the same result whichever path is taken, and both paths taken often", () => {
        let taken = 0;
        let runs = 0;
        fc.assert(fc.property(fc.array(kpi, { minLength: 1, maxLength: 5 }), fc.constantFrom("", "", "", "extra: 1\n"), (kpis, top) => {
            const lines = [`${top}kpis:`];
            for (const [id, name, polarity, more] of kpis) {
                lines.push(`  - id: ${id}`, `    name: ${name}`, "    serviceArea: S", `    polarity: ${polarity}`);
                for (const [key, v] of more) lines.push(`    ${key}: ${v}`);
            }
            const text = lines.join("\n") + "\n";
            const byKpi = validateKpiByKpi("r.yaml", text);
            const whole = general("r.yaml", text);
            if (byKpi !== null) {
                taken++;
                expect(byKpi).toStrictEqual(whole);
            }
            expect(parseDictionaryText("r.yaml", text)).toStrictEqual(whole);
            runs++;
        }), { numRuns: 1500, seed: 7 });
        // Both paths must be exercised for the comparison to mean something.
        expect(taken / runs).toBeGreaterThan(0.2);
        expect(taken / runs).toBeLessThan(0.9);
    });
});
