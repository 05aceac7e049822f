import { parsePolarity, POLARITIES, POLARITY_SPELLINGS, Polarity } from "../../../src/rules";

describe("parsePolarity accepts every spelling the spec lists, case-insensitive and trimmed", () => {
    test.each<[unknown, Polarity]>([
        ["High", "High"], ["Higher is better", "High"], ["H", "High"], ["Up", "High"], ["+1", "High"],
        ["Low", "Low"], ["Lower is better", "Low"], ["L", "Low"], ["Down", "Low"], ["-1", "Low"],
        ["Range", "Range"], ["Target", "Range"], ["T", "Range"], ["Close to target", "Range"],
        ["None", "None"], ["-", "None"], ["N/A", "None"], ["Contextual", "None"], ["Data only", "None"], ["", "None"],
        // case, padding and inner white space
        ["HIGH", "High"], ["high", "High"], ["  High  ", "High"], ["higher IS better", "High"],
        ["Higher   is\tbetter", "High"], ["h", "High"], ["UP", "High"], [" +1 ", "High"],
        ["LOWER IS BETTER", "Low"], ["l", "Low"], ["down", "Low"], ["\t-1\n", "Low"],
        ["range", "Range"], ["TARGET", "Range"], ["t", "Range"], ["close  to  TARGET", "Range"],
        ["none", "None"], [" - ", "None"], ["n/a", "None"], ["CONTEXTUAL", "None"], ["data ONLY", "None"], ["   ", "None"],
        // blank values from the model
        [null, "None"], [undefined, "None"],
        // numbers +1 and -1 (YAML reads "+1" as the number 1)
        [1, "High"], [-1, "Low"],
    ])("%p is %s", (input, polarity) => {
        expect(parsePolarity(input)).toEqual({ ok: true, polarity });
    });

    test("every documented spelling parses to one of the four polarities", () => {
        for (const spelling of POLARITY_SPELLINGS) {
            const parsed = parsePolarity(spelling === "(empty)" ? "" : spelling);
            expect(parsed.ok).toBe(true);
            if (parsed.ok) expect(POLARITIES).toContain(parsed.polarity);
        }
        expect(POLARITY_SPELLINGS).toHaveLength(20);
    });
});

describe("anything else is not recognised, never guessed", () => {
    test.each<[unknown, string]>([
        ["Hi", "Hi"],
        ["Higher", "Higher"],
        ["Bigger is better", "Bigger is better"],
        ["Lower better", "Lower better"],
        ["Hgh", "Hgh"],
        ["1", "1"],
        ["+ 1", "+ 1"],
        ["--", "--"],
        ["Up/Down", "Up/Down"],
        ["Neutral", "Neutral"],
        ["High;Low", "High;Low"],
        [0, "0"],
        [2, "2"],
        [0.5, "0.5"],
        [NaN, "NaN"],
        [true, "true"],
        [{}, "[object Object]"],
    ])("%p is not recognised", (input, raw) => {
        expect(parsePolarity(input)).toEqual({ ok: false, raw });
    });

    test("the raw text is kept as supplied so the tile can show it", () => {
        expect(parsePolarity("  Sideways ")).toEqual({ ok: false, raw: "  Sideways " });
    });

    test("an object that cannot become text does not throw", () => {
        expect(parsePolarity(Object.create(null))).toEqual({ ok: false, raw: "[object]" });
    });
});
