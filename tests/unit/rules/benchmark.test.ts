import {
    Comparison, ComparisonInput, compareToBenchmark, percentileInc, Polarity, quartileBand, QuartileBand, quartiles, rankValues,
} from "../../../src/rules";

describe("compareToBenchmark: Better / Similar / Worse with polarity, Higher / Similar / Lower without", () => {
    test.each<[string, ComparisonInput, Comparison | null]>([
        ["High above England is Better", { polarity: "High", actual: 85, benchmark: 80 }, "better"],
        ["High below England is Worse", { polarity: "High", actual: 75, benchmark: 80 }, "worse"],
        ["High equal is Similar", { polarity: "High", actual: 80, benchmark: 80 }, "similar"],
        ["Low above is Worse", { polarity: "Low", actual: 22, benchmark: 20 }, "worse"],
        ["Low below is Better", { polarity: "Low", actual: 18, benchmark: 20 }, "better"],
        ["Low equal is Similar", { polarity: "Low", actual: 20, benchmark: 20 }, "similar"],
        ["None above is Higher", { polarity: "None", actual: 5, benchmark: 4 }, "higher"],
        ["None below is Lower", { polarity: "None", actual: 3, benchmark: 4 }, "lower"],
        ["None equal is Similar", { polarity: "None", actual: 4, benchmark: 4 }, "similar"],
        ["Range above is Higher (a benchmark is not a target)", { polarity: "Range", actual: 55, benchmark: 50 }, "higher"],
        ["Range below is Lower", { polarity: "Range", actual: 45, benchmark: 50 }, "lower"],
        ["unrecognised polarity is neutral", { polarity: null, actual: 45, benchmark: 50 }, "lower"],
        ["within the similarity tolerance is Similar", { polarity: "High", actual: 82, benchmark: 80, similarity: 2 }, "similar"],
        ["exactly on the similarity edge below is Similar", { polarity: "High", actual: 78, benchmark: 80, similarity: 2 }, "similar"],
        ["beyond the similarity tolerance is Better", { polarity: "High", actual: 82.1, benchmark: 80, similarity: 2 }, "better"],
        ["beyond the similarity tolerance is Worse", { polarity: "Low", actual: 82.1, benchmark: 80, similarity: 2 }, "worse"],
        ["a negative similarity tolerance counts as 0", { polarity: "High", actual: 80.1, benchmark: 80, similarity: -1 }, "better"],
        ["85.04 and 84.96 both show as 85.0: Similar", { polarity: "High", actual: 85.04, benchmark: 84.96, decimals: 1 }, "similar"],
        ["22.4% against 22.6% (stored 3 decimals) is Better for Low", { polarity: "Low", actual: 0.224, benchmark: 0.226, decimals: 3 }, "better"],
        ["floating noise is Similar", { polarity: "High", actual: 0.1 + 0.2, benchmark: 0.3 }, "similar"],
        ["missing benchmark gives no comparison", { polarity: "High", actual: 85, benchmark: null }, null],
        ["missing actual gives no comparison", { polarity: "High", actual: NaN, benchmark: 80 }, null],
        ["text benchmark gives no comparison", { polarity: "High", actual: 85, benchmark: "80" }, null],
    ])("%s", (_name, input, expected) => {
        expect(compareToBenchmark(input)).toBe(expected);
    });
});

describe("quartileBand: DfE LAIT convention, A is best", () => {
    const cuts = { q1: 10, median: 14, q3: 20 };
    test.each<[number, QuartileBand, QuartileBand]>([
        // value, band for High, band for Low
        [25, "A", "D"],
        [20.01, "A", "D"],
        [20, "B", "C"],        // exactly Q3: B for High, C for Low
        [17, "B", "C"],
        [14.01, "B", "C"],
        [14, "C", "B"],        // exactly the median
        [12, "C", "B"],
        [10.01, "C", "B"],
        [10, "D", "A"],        // exactly Q1: D for High, A for Low
        [5, "D", "A"],
        [-3, "D", "A"],
    ])("value %p is %s for High and %s for Low", (value, high, low) => {
        expect(quartileBand({ value, ...cuts, polarity: "High" })).toBe(high);
        expect(quartileBand({ value, ...cuts, polarity: "Low" })).toBe(low);
    });

    test.each<[Polarity | null]>([["None"], ["Range"], [null]])("no band for polarity %p", polarity => {
        expect(quartileBand({ value: 15, ...cuts, polarity })).toBeNull();
    });
    test.each<[string, Record<string, unknown>]>([
        ["value", { value: null }], ["Q1", { q1: undefined }], ["median", { median: NaN }], ["Q3", { q3: "20" }],
    ])("no band when the %s is missing", (_name, missing) => {
        expect(quartileBand({ value: 15, ...cuts, polarity: "High", ...missing })).toBeNull();
    });
    test("no band when the cut points are out of order", () => {
        expect(quartileBand({ value: 15, q1: 14, median: 10, q3: 20, polarity: "High" })).toBeNull();
        expect(quartileBand({ value: 15, q1: 10, median: 21, q3: 20, polarity: "Low" })).toBeNull();
    });
    test("equal cut points (many tied authorities) still band", () => {
        const tied = { q1: 9, median: 9, q3: 9 };
        expect(quartileBand({ value: 9, ...tied, polarity: "High" })).toBe("D");
        expect(quartileBand({ value: 10, ...tied, polarity: "High" })).toBe("A");
        expect(quartileBand({ value: 9, ...tied, polarity: "Low" })).toBe("A");
        expect(quartileBand({ value: 10, ...tied, polarity: "Low" })).toBe("D");
    });
    test("the value and the cut points are compared as supplied, as LAIT does, not at the shown precision", () => {
        // DfE social worker turnover (lower is better): 15.4 against an upper quartile of 15.35 is
        // D in LAIT, though both show as 15.4 at one decimal.
        expect(quartileBand({ value: 15.4, q1: 13.2, median: 14.5, q3: 15.35, polarity: "Low" })).toBe("D");
        // DfE permanent exclusions (lower is better): 0.1471 against Q1 0.0691 and median 0.1287
        // is C in LAIT (above the median), not A.
        expect(quartileBand({ value: 0.1471, q1: 0.0691, median: 0.1287, q3: 0.1866, polarity: "Low" })).toBe("C");
        // 10.04 is above a Q1 of 10.0 (C for High), 17.3 above a Q3 of 17.25 (A)
        expect(quartileBand({ value: 10.04, ...cuts, polarity: "High" })).toBe("C");
        expect(quartileBand({ value: 17.3, q1: 10, median: 14, q3: 17.25, polarity: "High" })).toBe("A");
    });
    test("negative cut points", () => {
        expect(quartileBand({ value: -1, q1: -10, median: -5, q3: -2, polarity: "High" })).toBe("A");
        expect(quartileBand({ value: -1, q1: -10, median: -5, q3: -2, polarity: "Low" })).toBe("D");
    });
});

describe("rankValues: 1 is best, ties share the lowest number, missing unranked", () => {
    test("High ranks descending", () => {
        expect(rankValues([10, 20, 20, 5, null, "x"], "High")).toEqual([3, 1, 1, 4, null, null]);
    });
    test("Low ranks ascending", () => {
        expect(rankValues([10, 20, 20, 5, null, "x"], "Low")).toEqual([2, 3, 3, 1, null, null]);
    });
    test("a three-way tie for first leaves ranks 2 and 3 unused", () => {
        expect(rankValues([7, 7, 7, 6], "High")).toEqual([1, 1, 1, 4]);
    });
    test("ties in the middle", () => {
        expect(rankValues([1, 2, 2, 3, 3, 3, 4], "Low")).toEqual([1, 2, 2, 4, 4, 4, 7]);
    });
    test("NaN, Infinity and text are not ranked and do not take a place", () => {
        expect(rankValues([NaN, 3, Infinity, 2, undefined, "1"], "High")).toEqual([null, 1, null, 2, null, null]);
    });
    test("values are ranked as supplied, as LAIT ranks them: 85.04 and 84.96 do not tie", () => {
        expect(rankValues([85.04, 84.96, 85.2], "High")).toEqual([2, 3, 1]);
        expect(rankValues([0.2249, 0.2251, 0.2], "Low")).toEqual([2, 3, 1]);
    });
    test("0 and -0 tie", () => {
        expect(rankValues([0, -0, 1], "Low")).toEqual([1, 1, 3]);
    });
    test.each<[Polarity | null]>([["None"], ["Range"], [null]])("no ranks for polarity %p", polarity => {
        expect(rankValues([1, 2, 3], polarity)).toEqual([null, null, null]);
    });
    test("empty and single lists", () => {
        expect(rankValues([], "High")).toEqual([]);
        expect(rankValues([42], "Low")).toEqual([1]);
    });
    test("ranks 30,000 values quickly", () => {
        const values = Array.from({ length: 30000 }, (_, i) => (i * 7919) % 1000);
        const started = Date.now();
        const ranks = rankValues(values, "High");
        expect(Date.now() - started).toBeLessThan(1000);
        expect(ranks[values.indexOf(999)]).toBe(1);
        expect(ranks[values.indexOf(0)]).toBe(29971);
    });
});

describe("quartiles and percentileInc: as Excel QUARTILE.INC / PERCENTILE.INC and DAX PERCENTILE.INC", () => {
    test("Excel's QUARTILE.INC of {1,2,4,7,8,9,10,12} is 3.5, 7.5, 9.25", () => {
        expect(quartiles([1, 2, 4, 7, 8, 9, 10, 12])).toEqual({ min: 1, q1: 3.5, median: 7.5, q3: 9.25, max: 12, count: 8 });
    });
    test("unsorted input is sorted first", () => {
        expect(quartiles([12, 1, 9, 4, 10, 2, 8, 7])).toEqual({ min: 1, q1: 3.5, median: 7.5, q3: 9.25, max: 12, count: 8 });
    });
    test("{6,7,15,36,39,40,41,42,43,47,49} gives 25.5, 40, 42.5 (R type 7)", () => {
        const q = quartiles([6, 7, 15, 36, 39, 40, 41, 42, 43, 47, 49]);
        expect([q?.q1, q?.median, q?.q3]).toEqual([25.5, 40, 42.5]);
    });
    test("{1,2,3,4,5} gives 2, 3, 4", () => {
        const q = quartiles([1, 2, 3, 4, 5]);
        expect([q?.q1, q?.median, q?.q3]).toEqual([2, 3, 4]);
    });
    test("two values interpolate", () => {
        const q = quartiles([1, 2]);
        expect([q?.q1, q?.median, q?.q3]).toEqual([1.25, 1.5, 1.75]);
    });
    test("one value is every quartile", () => {
        expect(quartiles([7])).toEqual({ min: 7, q1: 7, median: 7, q3: 7, max: 7, count: 1 });
    });
    test("missing values are left out", () => {
        expect(quartiles([1, null, 2, "c", 3, NaN, 4, 5, Infinity, undefined])?.count).toBe(5);
        expect(quartiles([1, null, 2, "c", 3, NaN, 4, 5])?.median).toBe(3);
    });
    test("no present values gives null", () => {
        expect(quartiles([])).toBeNull();
        expect(quartiles([null, "x", NaN])).toBeNull();
    });
    test.each<[number[], number, number]>([
        [[1, 2, 3, 4], 0.3, 1.9],             // PERCENTILE.INC({1,2,3,4}, 0.3)
        [[1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.9, 9.1],
        [[1, 2, 3, 4], 0, 1],
        [[1, 2, 3, 4], 1, 4],
        [[1, 2, 3, 4], 0.5, 2.5],
        [[-5, 0, 5], 0.25, -2.5],
        [[3, 3, 3, 3], 0.4, 3],
    ])("percentileInc(%p, %p) = %p", (sorted, p, expected) => {
        expect(percentileInc(sorted, p)).toBeCloseTo(expected, 12);
    });
    test("an empty list or p outside 0..1 is an error, as Excel's #NUM!", () => {
        expect(() => percentileInc([], 0.5)).toThrow(RangeError);
        expect(() => percentileInc([1, 2], 1.5)).toThrow(RangeError);
        expect(() => percentileInc([1, 2], -0.1)).toThrow(RangeError);
        expect(() => percentileInc([1, 2], NaN)).toThrow(RangeError);
    });
});
