import { gapToTarget, GapResult, Polarity, relativeShortfall } from "../../../src/rules";

describe("gapToTarget: the words \"4.5 pts below target\"", () => {
    test.each<[string, unknown, unknown, Polarity | null, number | null | undefined, GapResult | null]>([
        ["below a High target", 0.805, 0.85, "High", 3, { gap: -0.045, gapRatio: -0.045 / 0.85, side: "below", favourable: false }],
        ["above a High target", 90, 80, "High", 0, { gap: 10, gapRatio: 0.125, side: "above", favourable: true }],
        ["on a High target", 80, 80, "High", 0, { gap: 0, gapRatio: 0, side: "on", favourable: true }],
        ["above a Low target is unfavourable", 12, 10, "Low", 0, { gap: 2, gapRatio: 0.2, side: "above", favourable: false }],
        ["below a Low target is favourable", 8, 10, "Low", 0, { gap: -2, gapRatio: -0.2, side: "below", favourable: true }],
        ["on a Low target is favourable", 10, 10, "Low", 0, { gap: 0, gapRatio: 0, side: "on", favourable: true }],
        ["Range is neither favourable nor not", 52, 50, "Range", 0, { gap: 2, gapRatio: 0.04, side: "above", favourable: null }],
        ["None is neither", 52, 50, "None", 0, { gap: 2, gapRatio: 0.04, side: "above", favourable: null }],
        ["unrecognised polarity is neither", 48, 50, null, 0, { gap: -2, gapRatio: -0.04, side: "below", favourable: null }],
        ["a zero target has no ratio", 3, 0, "Low", 0, { gap: 3, gapRatio: null, side: "above", favourable: false }],
        ["a negative target's ratio uses |target|", -12, -10, "High", 0, { gap: -2, gapRatio: -0.2, side: "below", favourable: false }],
        ["85.0% shown against 85.0% is on target", 0.8496, 0.85, "High", 3, { gap: 0, gapRatio: 0, side: "on", favourable: true }],
        ["floating noise is on target", 0.1 + 0.2, 0.3, "Low", undefined, { gap: 0, gapRatio: 0, side: "on", favourable: true }],
        ["missing actual", null, 80, "High", 0, null],
        ["missing target", 80, undefined, "High", 0, null],
        ["text target", 80, "80", "High", 0, null],
    ])("%s", (_name, actual, target, polarity, decimals, expected) => {
        const result = gapToTarget(actual, target, polarity, decimals);
        if (expected === null) {
            expect(result).toBeNull();
            return;
        }
        expect(result).not.toBeNull();
        expect(result?.gap).toBeCloseTo(expected.gap, 12);
        if (expected.gapRatio === null) expect(result?.gapRatio).toBeNull();
        else expect(result?.gapRatio).toBeCloseTo(expected.gapRatio, 12);
        expect(result?.side).toBe(expected.side);
        expect(result?.favourable).toBe(expected.favourable);
    });

    test("the gap is rounded to the shown precision (no 0.04500000000000004)", () => {
        expect(gapToTarget(0.805, 0.85, "High", 3)?.gap).toBe(-0.045);
        expect(gapToTarget(0.3, 0.1, "High", 1)?.gap).toBe(0.2);
    });
});

describe("relativeShortfall: the visual's sort-by-gap key", () => {
    test("positive means worse than target, as a fraction of the target", () => {
        expect(relativeShortfall(gapToTarget(0.8, 1, "High")!, "High")).toBeCloseTo(0.2);
        expect(relativeShortfall(gapToTarget(0.8, 1, "Low")!, "Low")).toBeCloseTo(-0.2);
        expect(relativeShortfall(gapToTarget(12, 10, "Range")!, "Range")).toBeCloseTo(0.2);
        expect(relativeShortfall(gapToTarget(8, 10, "None")!, "None")).toBeCloseTo(0.2);
    });
    test("a zero target measures the shortfall in units", () => {
        expect(relativeShortfall(gapToTarget(-3, 0, "High")!, "High")).toBe(3);
    });
});
