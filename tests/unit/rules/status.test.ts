import {
    DEFAULT_STATUS_COLOURS, EXCEPTION_STATUSES, parseStatusOverride, Polarity, RATED_STATUSES, rateStatus,
    resolveTolerance, Status, STATUS_LABEL_EN, STATUS_SORT_KEY, StatusInput, StatusReason, STATUSES, toleranceWidth,
} from "../../../src/rules";
import { contrastRatio } from "../../../src/colour";

type Row = [string, Partial<StatusInput>, Status, StatusReason];

const rate = (input: Partial<StatusInput>) => rateStatus({ actual: null, polarity: "High", ...input });

function checkRows(rows: Row[]): void {
    test.each(rows)("%s", (_name, input, status, reason) => {
        const result = rate(input);
        expect(result.status).toBe(status);
        expect(result.reason).toBe(reason);
    });
}

describe("High polarity, target 80", () => {
    const t = { polarity: "High" as Polarity, target: 80 };
    checkRows([
        ["above target is Green", { ...t, actual: 85 }, "green", "on-target"],
        ["exactly on target is Green", { ...t, actual: 80 }, "green", "on-target"],
        ["below with no tolerance or floor is Red", { ...t, actual: 79.9 }, "red", "no-tolerance"],
        ["within an absolute tolerance of 5 is Amber", { ...t, actual: 77, tolerance: 5 }, "amber", "within-tolerance"],
        ["exactly on the tolerance edge is Amber", { ...t, actual: 75, tolerance: 5 }, "amber", "within-tolerance"],
        ["just beyond the tolerance is Red", { ...t, actual: 74.9, tolerance: 5 }, "red", "outside-tolerance"],
        ["74.9 shown as 75 (0 decimals) is on the edge: Amber", { ...t, actual: 74.9, tolerance: 5, decimals: 0 }, "amber", "within-tolerance"],
        ["relative 5% of 80 is 4: 76 is Amber", { ...t, actual: 76, tolerance: 0.05, toleranceKind: "relative" }, "amber", "within-tolerance"],
        ["exactly on a relative tolerance edge is Amber (5% of 80 = 4)", { ...t, actual: 76, tolerance: 0.05, toleranceKind: "relative", decimals: 1 }, "amber", "within-tolerance"],
        ["relative 5% of 80: 75.9 is Red", { ...t, actual: 75.9, tolerance: 0.05, toleranceKind: "relative" }, "red", "outside-tolerance"],
        ["a tolerance of 0 makes any shortfall Red", { ...t, actual: 79.99, tolerance: 0 }, "red", "outside-tolerance"],
        ["a tolerance of 0 still lets on-target be Green", { ...t, actual: 80, tolerance: 0 }, "green", "on-target"],
        ["above the floor is Amber", { ...t, actual: 72, floor: 70 }, "amber", "floor-met"],
        ["exactly on the floor is Amber", { ...t, actual: 70, floor: 70 }, "amber", "floor-met"],
        ["below the floor is Red", { ...t, actual: 69.9, floor: 70 }, "red", "floor-missed"],
        ["the floor wins over a tolerance (tolerance would say Red)", { ...t, actual: 72, floor: 70, tolerance: 1 }, "amber", "floor-met"],
        ["the floor wins over a tolerance (tolerance would say Amber)", { ...t, actual: 69, floor: 70, tolerance: 20 }, "red", "floor-missed"],
        ["above the stretch is Blue", { ...t, actual: 95, stretch: 90 }, "blue", "stretch-met"],
        ["exactly on stretch is Blue", { ...t, actual: 90, stretch: 90 }, "blue", "stretch-met"],
        ["between target and stretch is Green", { ...t, actual: 89.9, stretch: 90 }, "green", "on-target"],
        ["stretch is checked before the target: a stretch below target still gives Blue", { ...t, actual: 78, stretch: 75 }, "blue", "stretch-met"],
        ["a target, floor, tolerance and stretch together: floor band", { ...t, actual: 71, floor: 70, tolerance: 2, stretch: 90 }, "amber", "floor-met"],
        ["a floor above the target cannot be met below target: Red", { ...t, actual: 79, floor: 85 }, "red", "floor-missed"],
        ["a negative tolerance counts as missing: Red", { ...t, actual: 79, tolerance: -5 }, "red", "no-tolerance"],
        ["a tolerance given as text counts as missing: Red", { ...t, actual: 79, tolerance: "5" }, "red", "no-tolerance"],
        ["a NaN floor counts as missing: tolerance applies", { ...t, actual: 79, floor: NaN, tolerance: 2 }, "amber", "within-tolerance"],
    ]);
});

describe("Low polarity, target 10", () => {
    const t = { polarity: "Low" as Polarity, target: 10 };
    checkRows([
        ["below target is Green", { ...t, actual: 9 }, "green", "on-target"],
        ["exactly on target is Green", { ...t, actual: 10 }, "green", "on-target"],
        ["above with nothing else is Red", { ...t, actual: 10.1 }, "red", "no-tolerance"],
        ["within an absolute tolerance of 2 is Amber", { ...t, actual: 11, tolerance: 2 }, "amber", "within-tolerance"],
        ["exactly on the tolerance edge is Amber", { ...t, actual: 12, tolerance: 2 }, "amber", "within-tolerance"],
        ["beyond the tolerance is Red", { ...t, actual: 12.01, tolerance: 2 }, "red", "outside-tolerance"],
        ["relative 10% of 10 is 1: 11 is Amber", { ...t, actual: 11, tolerance: 0.1, toleranceKind: "relative" }, "amber", "within-tolerance"],
        ["relative 10% of 10: 11.1 is Red", { ...t, actual: 11.1, tolerance: 0.1, toleranceKind: "relative" }, "red", "outside-tolerance"],
        ["under the floor (a maximum for Low) is Amber", { ...t, actual: 14, floor: 15 }, "amber", "floor-met"],
        ["exactly on the floor is Amber", { ...t, actual: 15, floor: 15 }, "amber", "floor-met"],
        ["over the floor is Red", { ...t, actual: 15.5, floor: 15 }, "red", "floor-missed"],
        ["at or below stretch is Blue", { ...t, actual: 4, stretch: 5 }, "blue", "stretch-met"],
        ["exactly on stretch is Blue", { ...t, actual: 5, stretch: 5 }, "blue", "stretch-met"],
        ["between stretch and target is Green", { ...t, actual: 6, stretch: 5 }, "green", "on-target"],
    ]);
});

describe("Range polarity, target 50", () => {
    const t = { polarity: "Range" as Polarity, target: 50 };
    checkRows([
        ["on target is Green", { ...t, actual: 50, tolerance: 5 }, "green", "range-within"],
        ["within tolerance above is Green", { ...t, actual: 55, tolerance: 5 }, "green", "range-within"],
        ["within tolerance below is Green", { ...t, actual: 45, tolerance: 5 }, "green", "range-within"],
        ["just beyond tolerance is Amber", { ...t, actual: 55.1, tolerance: 5 }, "amber", "range-near"],
        ["Range exactly at 2x tolerance is Amber", { ...t, actual: 60, tolerance: 5 }, "amber", "range-near"],
        ["Range exactly at 2x tolerance below is Amber", { ...t, actual: 40, tolerance: 5 }, "amber", "range-near"],
        ["beyond twice the tolerance is Red", { ...t, actual: 60.1, tolerance: 5 }, "red", "range-outside"],
        ["beyond twice the tolerance below is Red", { ...t, actual: 39.9, tolerance: 5 }, "red", "range-outside"],
        ["no tolerance: only exactly on target is Green", { ...t, actual: 50 }, "green", "range-within"],
        ["no tolerance: any distance is Red", { ...t, actual: 50.1 }, "red", "range-outside"],
        ["relative 10% of 50 is 5: 54 is Green", { ...t, actual: 54, tolerance: 0.1, toleranceKind: "relative" }, "green", "range-within"],
        ["relative 10% of 50: 59 is Amber", { ...t, actual: 59, tolerance: 0.1, toleranceKind: "relative" }, "amber", "range-near"],
        ["stretch and floor do not apply to Range", { ...t, actual: 70, tolerance: 5, stretch: 70, floor: 45 }, "red", "range-outside"],
        ["no target: No target", { polarity: "Range", actual: 50, tolerance: 5 }, "no-target", "no-target"],
        ["a floor alone is not a target for Range", { polarity: "Range", actual: 50, floor: 40 }, "no-target", "no-target"],
    ]);
});

describe("None, unrecognised polarity, no target, floor only", () => {
    checkRows([
        ["None is Not rated, even with a target", { polarity: "None", actual: 5, target: 10 }, "not-rated", "polarity-none"],
        ["unrecognised polarity (null) is Not recognised", { polarity: null, actual: 5, target: 10 }, "unrecognised", "polarity-unrecognised"],
        ["a stray polarity string is Not recognised, never treated as Low",
            { polarity: "Sideways" as unknown as Polarity, actual: 5, target: 10 }, "unrecognised", "polarity-unrecognised"],
        ["no target and no floor is No target", { polarity: "High", actual: 5 }, "no-target", "no-target"],
        ["a stretch alone is not a target", { polarity: "High", actual: 95, stretch: 90 }, "no-target", "no-target"],
        ["a tolerance alone is not a target", { polarity: "Low", actual: 5, tolerance: 1 }, "no-target", "no-target"],
        ["floor only, High, above the floor: Green", { polarity: "High", actual: 75, floor: 70 }, "green", "floor-only-met"],
        ["floor only, High, exactly on the floor: Green", { polarity: "High", actual: 70, floor: 70 }, "green", "floor-only-met"],
        ["floor only, High, below the floor: Red", { polarity: "High", actual: 69, floor: 70 }, "red", "floor-only-missed"],
        ["floor only, Low, under the floor: Green", { polarity: "Low", actual: 14, floor: 15 }, "green", "floor-only-met"],
        ["floor only, Low, over the floor: Red", { polarity: "Low", actual: 16, floor: 15 }, "red", "floor-only-missed"],
        ["floor only with the stretch met: Blue", { polarity: "High", actual: 95, floor: 70, stretch: 90 }, "blue", "stretch-met"],
        ["no data comes before polarity None", { polarity: "None", actual: null, target: 10 }, "no-data", "no-data"],
        ["no data comes before an unrecognised polarity", { polarity: null, actual: undefined }, "no-data", "no-data"],
        ["no data comes before no target", { polarity: "High", actual: NaN }, "no-data", "no-data"],
        ["None comes before no target", { polarity: "None", actual: 3 }, "not-rated", "polarity-none"],
    ]);
});

describe("No data: an actual that is not a finite number", () => {
    test.each<[string, unknown]>([
        ["null", null], ["undefined", undefined], ["NaN", NaN], ["Infinity", Infinity], ["-Infinity", -Infinity],
        ["numeric text", "85"], ["empty text", ""], ["a suppression marker", "c"], ["a boolean", false], ["an object", {}],
    ])("%s", (_name, actual) => {
        const result = rateStatus({ actual, target: 80, polarity: "High", tolerance: 5 });
        expect(result.status).toBe("no-data");
        expect(result.actual).toBeNull();
        expect(result.shortfall).toBeNull();
    });
});

describe("negative and zero targets", () => {
    checkRows([
        ["relative tolerance 5% of a negative target uses |target| (High, -10 widens to -10.5)",
            { polarity: "High", target: -10, tolerance: 0.05, toleranceKind: "relative", actual: -10.5 }, "amber", "within-tolerance"],
        ["relative tolerance of a negative target: just beyond is Red",
            { polarity: "High", target: -10, tolerance: 0.05, toleranceKind: "relative", actual: -10.51 }, "red", "outside-tolerance"],
        ["relative tolerance of a negative target, Low",
            { polarity: "Low", target: -10, tolerance: 0.05, toleranceKind: "relative", actual: -9.5 }, "amber", "within-tolerance"],
        ["High above a negative target is Green", { polarity: "High", target: -10, actual: -9 }, "green", "on-target"],
        ["Low below a negative target is Green", { polarity: "Low", target: -10, actual: -11 }, "green", "on-target"],
        ["a zero target with a relative tolerance has no amber zone",
            { polarity: "Low", target: 0, tolerance: 0.05, toleranceKind: "relative", actual: 0.01 }, "red", "outside-tolerance"],
        ["a zero target met exactly is Green", { polarity: "Low", target: 0, actual: 0 }, "green", "on-target"],
        ["a zero target with an absolute tolerance", { polarity: "Low", target: 0, tolerance: 1, actual: 1 }, "amber", "within-tolerance"],
        ["Range around a negative target", { polarity: "Range", target: -5, tolerance: 1, actual: -6.5 }, "amber", "range-near"],
    ]);

    test("relative tolerance 5% of a negative target uses |target|: the width is 0.5", () => {
        expect(rate({ polarity: "High", target: -10, tolerance: 0.05, toleranceKind: "relative", actual: -10.2 }).toleranceWidth).toBeCloseTo(0.5, 12);
    });
});

describe("comparison at the shown precision", () => {
    test("85.0% shown against 85.0% target is not off target", () => {
        // 0.8496 is shown as 85.0% (format 0.0%, stored decimals 3)
        const result = rateStatus({ actual: 0.8496, target: 0.85, polarity: "High", decimals: 3 });
        expect(result.status).toBe("green");
        expect(result.actual).toBe(0.85);
        expect(result.shortfall).toBe(0);
    });
    test("84.9% against 85.0% is off target", () => {
        expect(rateStatus({ actual: 0.8494, target: 0.85, polarity: "High", decimals: 3 }).status).toBe("red");
    });
    test("without a precision the raw values are compared", () => {
        expect(rateStatus({ actual: 0.8496, target: 0.85, polarity: "High" }).status).toBe("red");
    });
    test("the target is rounded too: a target of 84.96% is shown and compared as 85.0%", () => {
        const result = rateStatus({ actual: 0.85, target: 0.8496, polarity: "Low", decimals: 3 });
        expect(result.target).toBe(0.85);
        expect(result.status).toBe("green");
    });
    test("floor and stretch are rounded too", () => {
        expect(rateStatus({ actual: 0.7, target: 0.8, floor: 0.70049, polarity: "High", decimals: 3 }).status).toBe("amber");
        expect(rateStatus({ actual: 0.9, target: 0.8, stretch: 0.90049, polarity: "High", decimals: 3 }).status).toBe("blue");
    });
    test("rounding is half away from zero: 0.8525 is 85.3% and meets 85.3%", () => {
        expect(rateStatus({ actual: 0.8525, target: 0.853, polarity: "High", decimals: 3 }).status).toBe("green");
    });
    test("-2.5 shown as -3 (half away from zero) meets a Low target of -3; -2.4 shown as -2 does not", () => {
        expect(rateStatus({ actual: -2.5, target: -3, polarity: "Low", decimals: 0 }).status).toBe("green");
        expect(rateStatus({ actual: -2.4, target: -3, polarity: "Low", decimals: 0 }).status).toBe("red");
    });
    test("1.005 at 2 decimals is 1.01 and meets a High target of 1.01", () => {
        expect(rateStatus({ actual: 1.005, target: 1.01, polarity: "High", decimals: 2 }).status).toBe("green");
    });
    test("thousands precision (#,0,\"k\"): 12,400 and 12,000 are both 12k", () => {
        expect(rateStatus({ actual: 12400, target: 12000, polarity: "Low", decimals: -3 }).status).toBe("green");
        expect(rateStatus({ actual: 12500, target: 12000, polarity: "Low", decimals: -3 }).status).toBe("red");
    });
});

describe("floating-point noise: differences below 1e-9 of the target's magnitude are zero", () => {
    test("0.1 + 0.2 meets a target of 0.3", () => {
        expect(rateStatus({ actual: 0.1 + 0.2, target: 0.3, polarity: "Low" }).status).toBe("green");
    });
    test("0.7 - 0.1 meets a High target of 0.6 (0.59999999999999998)", () => {
        expect(rateStatus({ actual: 0.7 - 0.1, target: 0.6, polarity: "High" }).status).toBe("green");
    });
    test("a relative tolerance edge computed in floating point is still inclusive", () => {
        // 0.8 x 0.05 = 0.04000000000000001 and 0.8 - 0.76 = 0.040000000000000036
        expect(rateStatus({ actual: 0.76, target: 0.8, tolerance: 0.05, toleranceKind: "relative", polarity: "High" }).status).toBe("amber");
    });
    test("half of 1e-9 of a large target is zero; twice of it is not", () => {
        const target = 1e6;
        expect(rateStatus({ actual: target - 0.5e-9 * target, target, polarity: "High" }).status).toBe("green");
        expect(rateStatus({ actual: target - 2e-9 * target, target, polarity: "High" }).status).toBe("red");
    });
    test("as specified, the allowance scales with the target: 1,999,999,999 meets 2,000,000,000", () => {
        expect(rateStatus({ actual: 1999999999, target: 2e9, polarity: "High", decimals: 0 }).status).toBe("green");
        expect(rateStatus({ actual: 1999999997, target: 2e9, polarity: "High", decimals: 0 }).status).toBe("red");
    });
    test("a zero target still absorbs noise below 1e-9 (the floor) but not more", () => {
        expect(rateStatus({ actual: 1e-10, target: 0, polarity: "Low" }).status).toBe("green");
        expect(rateStatus({ actual: 1e-8, target: 0, polarity: "Low" }).status).toBe("red");
    });
});

describe("result details", () => {
    test("shortfall is positive when worse than target, for each polarity", () => {
        expect(rate({ polarity: "High", target: 80, actual: 75 }).shortfall).toBe(5);
        expect(rate({ polarity: "Low", target: 10, actual: 12 }).shortfall).toBe(2);
        expect(rate({ polarity: "Range", target: 50, actual: 47 }).shortfall).toBe(3);
        expect(rate({ polarity: "High", target: 80, actual: 90 }).shortfall).toBe(-10);
    });
    test("the tolerance width applied is reported", () => {
        expect(rate({ polarity: "High", target: 80, actual: 77, tolerance: 0.05, toleranceKind: "relative" }).toleranceWidth).toBeCloseTo(4, 12);
        expect(rate({ polarity: "Range", target: 50, actual: 50 }).toleranceWidth).toBe(0);
        expect(rate({ polarity: "High", target: 80, actual: 77, floor: 70, tolerance: 3 }).toleranceWidth).toBeNull();
    });
    test("rounded inputs are reported", () => {
        const r = rate({ polarity: "High", target: 0.8049, floor: 0.7051, stretch: 0.9, actual: 0.81249, decimals: 3 });
        expect([r.actual, r.target, r.floor, r.stretch]).toEqual([0.812, 0.805, 0.705, 0.9]);
    });
    test("Blue with a target reports its (negative) shortfall; Blue with a floor only has none", () => {
        expect(rate({ polarity: "High", target: 80, stretch: 90, actual: 92 }).shortfall).toBe(-12);
        expect(rate({ polarity: "High", floor: 70, stretch: 90, actual: 92 }).shortfall).toBeNull();
    });
});

describe("status override supplied by the model", () => {
    test.each<[unknown, Status]>([
        ["Blue", "blue"], ["Green", "green"], ["Amber", "amber"], ["Red", "red"],
        ["Not rated", "not-rated"], ["No data", "no-data"],
        ["B", "blue"], ["G", "green"], ["A", "amber"], ["R", "red"],
        ["b", "blue"], ["g", "green"], ["a", "amber"], ["r", "red"],
        ["RED", "red"], [" amber ", "amber"], ["not  RATED", "not-rated"], ["NO DATA", "no-data"],
        ["not-rated", "not-rated"], ["no-data", "no-data"],
    ])("%p overrides the computed status as %s", (override, status) => {
        const result = rateStatus({ actual: 85, target: 80, polarity: "High", override });
        expect(result.status).toBe(status);
        expect(result.reason).toBe("override");
    });

    test("the override wins even with no actual", () => {
        expect(rateStatus({ actual: null, polarity: "High", override: "R" }).status).toBe("red");
    });
    test("the override wins over an unrecognised polarity", () => {
        expect(rateStatus({ actual: 5, polarity: null, override: "Green" }).status).toBe("green");
    });
    test("rounded values are still reported with an override", () => {
        expect(rateStatus({ actual: 0.8496, target: 0.85, polarity: "High", decimals: 3, override: "A" }).actual).toBe(0.85);
    });

    test.each<[unknown, string]>([
        ["Purple", "Purple"], ["G+", "G+"], ["Green/Amber", "Green/Amber"], ["Grn", "Grn"], ["No target", "No target"],
        ["RAG", "RAG"], ["1", "1"], [1, "1"], [true, "true"], [0, "0"],
    ])("%p is shown as not recognised, never guessed", (override, raw) => {
        const result = rateStatus({ actual: 85, target: 80, polarity: "High", override });
        expect(result.status).toBe("unrecognised");
        expect(result.reason).toBe("override-unrecognised");
        expect(result.unrecognisedText).toBe(raw);
    });

    test.each<[unknown]>([[null], [undefined], [""], ["   "]])("%p means no override: the computed status stands", override => {
        const result = rateStatus({ actual: 85, target: 80, polarity: "High", override });
        expect(result.status).toBe("green");
        expect(result.reason).toBe("on-target");
    });

    test("parseStatusOverride reports what it read", () => {
        expect(parseStatusOverride("  b ")).toEqual({ kind: "status", status: "blue" });
        expect(parseStatusOverride(" Pink ")).toEqual({ kind: "unrecognised", raw: " Pink " });
        expect(parseStatusOverride(null)).toEqual({ kind: "none" });
        expect(parseStatusOverride(Object.create(null))).toEqual({ kind: "unrecognised", raw: "[object]" });
    });
});

describe("tolerances", () => {
    test("toleranceWidth: absolute as given, relative as a fraction of |target|, negative or text missing", () => {
        expect(toleranceWidth({ tolerance: 5 }, 80)).toBe(5);
        expect(toleranceWidth({ tolerance: 5, toleranceKind: "absolute" }, -80)).toBe(5);
        expect(toleranceWidth({ tolerance: 0.05, toleranceKind: "relative" }, 80)).toBeCloseTo(4, 12);
        expect(toleranceWidth({ tolerance: 0.05, toleranceKind: "relative" }, -80)).toBeCloseTo(4, 12);
        expect(toleranceWidth({ tolerance: -1 }, 80)).toBeNull();
        expect(toleranceWidth({ tolerance: "5" }, 80)).toBeNull();
        expect(toleranceWidth({ tolerance: null }, 80)).toBeNull();
        expect(toleranceWidth({ tolerance: 0 }, 80)).toBe(0);
    });

    test.each<[unknown, unknown, number | null, "absolute" | "relative"]>([
        [5, 0.05, 5, "absolute"],          // absolute tolerance wins when both are bound
        [null, 0.05, 0.05, "relative"],
        [undefined, 0.05, 0.05, "relative"],
        [NaN, 0.05, 0.05, "relative"],
        [-1, 0.05, 0.05, "relative"],      // a negative absolute tolerance counts as missing
        [0, 0.05, 0, "absolute"],          // zero is a real tolerance
        [5, null, 5, "absolute"],
        [null, -0.05, null, "absolute"],
        [null, null, null, "absolute"],
    ])("resolveTolerance(%p, %p) is %p %s", (absolute, relative, tolerance, toleranceKind) => {
        expect(resolveTolerance(absolute, relative)).toEqual({ tolerance, toleranceKind });
    });

    test("resolveTolerance feeds rateStatus directly", () => {
        const result = rateStatus({ actual: 77, target: 80, polarity: "High", ...resolveTolerance(null, 0.05) });
        expect(result.status).toBe("amber");
        expect(result.toleranceWidth).toBeCloseTo(4, 12);
    });
});

describe("status presentation constants", () => {
    test("every status has a distinct sort key, most urgent first", () => {
        const keys = STATUSES.map(s => STATUS_SORT_KEY[s]);
        expect(new Set(keys).size).toBe(STATUSES.length);
        expect(STATUS_SORT_KEY.red).toBeLessThan(STATUS_SORT_KEY.amber);
        expect(STATUS_SORT_KEY.amber).toBeLessThan(STATUS_SORT_KEY.green);
        expect(STATUS_SORT_KEY.green).toBeLessThan(STATUS_SORT_KEY.blue);
        expect([...STATUSES].sort((a, b) => STATUS_SORT_KEY[a] - STATUS_SORT_KEY[b])[0]).toBe("red");
    });
    test("every status has an English label and a GOV.UK colour", () => {
        expect(STATUS_LABEL_EN).toEqual({
            "blue": "Blue", "green": "Green", "amber": "Amber", "red": "Red", "not-rated": "Not rated",
            "no-target": "No target", "no-data": "No data", "unrecognised": "Not recognised",
        });
        expect(DEFAULT_STATUS_COLOURS.red).toBe("#ca3535");
        // A darker amber than GOV.UK's #f47738, which is 2.8:1 on white: "Amber" in it must be readable text.
        expect(DEFAULT_STATUS_COLOURS.amber).toBe("#b34e00");
        for (const s of STATUSES) expect(contrastRatio(DEFAULT_STATUS_COLOURS[s], "#ffffff")).toBeGreaterThanOrEqual(4.5);
        expect(DEFAULT_STATUS_COLOURS.green).toBe("#0f7a52");
        expect(DEFAULT_STATUS_COLOURS.blue).toBe("#1d70b8");
        for (const s of ["not-rated", "no-target", "no-data", "unrecognised"] as Status[]) expect(DEFAULT_STATUS_COLOURS[s]).toBe("#505a5f");
    });
    test("exceptions are red, amber and blue; rated statuses are the four BRAG colours", () => {
        expect([...EXCEPTION_STATUSES].sort()).toEqual(["amber", "blue", "red"]);
        expect([...RATED_STATUSES].sort()).toEqual(["amber", "blue", "green", "red"]);
    });
});

describe("the worked examples in docs/rating-rules.md (Higher is better, target 85.0%, format 0.0%)", () => {
    const t = { polarity: "High" as Polarity, target: 0.85, decimals: 3 };
    checkRows([
        ["86.2% is Green", { ...t, actual: 0.862 }, "green", "on-target"],
        ["84.96% shows as 85.0%: Green", { ...t, actual: 0.8496 }, "green", "on-target"],
        ["84.9% with nothing else is Red", { ...t, actual: 0.849 }, "red", "no-tolerance"],
        ["82.5% with a 2.5 point tolerance is Amber (on the edge)", { ...t, actual: 0.825, tolerance: 0.025 }, "amber", "within-tolerance"],
        ["82.4% with a 2.5 point tolerance is Red", { ...t, actual: 0.824, tolerance: 0.025 }, "red", "outside-tolerance"],
        ["81.0% with a 5% relative tolerance (4.25 points) is Amber", { ...t, actual: 0.81, tolerance: 0.05, toleranceKind: "relative" }, "amber", "within-tolerance"],
        ["80.0% on a floor of 80.0% is Amber", { ...t, actual: 0.8, floor: 0.8 }, "amber", "floor-met"],
        ["79.9% under a floor of 80.0% is Red whatever the tolerance", { ...t, actual: 0.799, floor: 0.8, tolerance: 0.1 }, "red", "floor-missed"],
        ["92.0% on a stretch of 92.0% is Blue", { ...t, actual: 0.92, stretch: 0.92 }, "blue", "stretch-met"],
        ["blank is No data", { ...t, actual: null }, "no-data", "no-data"],
        ["86.2% with a supplied A is Amber", { ...t, actual: 0.862, override: "A" }, "amber", "override"],
    ]);
});
