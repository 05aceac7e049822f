/**
 * The relative-tolerance check is one rule (src/rules/tolerance.ts) that the DAX generator's
 * dictionary validator and the preview's dataset reader both call, so a tolerance of 5 meant as
 * 5% gets the same warning from both.
 */
import { parseDictionaryText } from "../../../dax/src/dictionary/load";
import { relativeToleranceProblem } from "../../../src/rules";

const dictionary = (tolerance: number, type: string): string =>
    `kpis:\n  - id: K1\n    name: A\n    serviceArea: B\n    polarity: High\n    target: 0.9\n    tolerance: ${tolerance}\n    toleranceType: ${type}\n`;

describe("relative tolerance above 1", () => {
    test.each([
        [5, "a relative tolerance is a fraction of the target: 5 means 500% of it", "0.05 for 5%"],
        [10, "a relative tolerance is a fraction of the target: 10 means 1000% of it", "0.1 for 10%"],
        [2.5, "a relative tolerance is a fraction of the target: 2.5 means 250% of it", "0.025 for 2.5%"],
    ])("%s: %s (%s)", (tolerance, message, hint) => {
        expect(relativeToleranceProblem(tolerance)).toEqual({ message, hint });
    });

    test.each([0, 0.05, 0.5, 1, Number.NaN])("%s is a plausible fraction: no problem", tolerance => {
        expect(relativeToleranceProblem(tolerance)).toBeNull();
    });

    test("the DAX generator warns with the same rule and words", () => {
        const issues = parseDictionaryText("d.yaml", dictionary(5, "relative")).issues.filter(i => i.field === "tolerance");
        const rule = relativeToleranceProblem(5);
        expect(issues).toHaveLength(1);
        expect(issues[0]).toMatchObject({ severity: "warning", message: rule?.message, allowed: `e.g. ${rule?.hint}` });
        expect(parseDictionaryText("d.yaml", dictionary(5, "absolute")).issues.filter(i => i.field === "tolerance")).toEqual([]);
    });
});
