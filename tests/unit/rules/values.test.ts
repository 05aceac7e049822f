import { describeValue, epsilonFor, roundHalfAwayFromZero, roundOrNull, toNumber } from "../../../src/rules";

describe("toNumber: only finite numbers are values (blank, null, NaN, text, infinity are missing)", () => {
    test.each<[string, unknown, number | null]>([
        ["a whole number", 85, 85],
        ["a fraction", 0.853, 0.853],
        ["zero", 0, 0],
        ["a negative number", -12.5, -12.5],
        ["the largest double", Number.MAX_VALUE, Number.MAX_VALUE],
        ["null (a blank measure)", null, null],
        ["undefined (an unbound role)", undefined, null],
        ["NaN (0/0 in DAX)", NaN, null],
        ["Infinity (x/0 in DAX)", Infinity, null],
        ["-Infinity", -Infinity, null],
        ["numeric text (a data-type problem to show, not hide)", "85", null],
        ["empty text", "", null],
        ["a suppression marker", "c", null],
        ["a boolean", true, null],
        ["a Date", new Date(2025, 2, 31), null],
        ["an object", { value: 1 }, null],
        ["an array", [1], null],
        ["a bigint", BigInt(5), null],
    ])("%s", (_name, input, expected) => {
        expect(toNumber(input)).toBe(expected);
    });
});

describe("roundHalfAwayFromZero: as DAX ROUND and Excel", () => {
    test.each<[number, number | null | undefined, number]>([
        [2.5, 0, 3],
        [-2.5, 0, -3],
        [0.5, 0, 1],
        [-0.5, 0, -1],
        [1.5, 0, 2],
        [2.4999, 0, 2],
        [-2.4999, 0, -2],
        [1.005, 2, 1.01],            // stored as 1.00499999999999989...; Excel and DAX give 1.01
        [-1.005, 2, -1.01],
        [1.045, 2, 1.05],
        [0.285, 2, 0.29],
        [2.675, 2, 2.68],
        [0.8525, 3, 0.853],
        [0.85249999, 3, 0.852],
        [0.8535, 3, 0.854],
        [85.25, 1, 85.3],
        [-85.25, 1, -85.3],
        [1234.5678, 2, 1234.57],
        [1250, -2, 1300],            // negative decimals round to hundreds
        [-1250, -2, -1300],
        [12345, -3, 12000],
        [12500, -3, 13000],
        [499, -3, 0],
        [0.1 + 0.2, 1, 0.3],
        [19.100000000000001, 1, 19.1],
        [7, 0, 7],
        [0, 3, 0],
        [85.25, null, 85.25],        // no precision: value as it is
        [85.25, undefined, 85.25],
        [85.25, NaN, 85.25],
        [85.25, 1.9, 85.3],          // fractional decimals are truncated
    ])("round(%p, %p) = %p", (value, decimals, expected) => {
        expect(roundHalfAwayFromZero(value, decimals)).toBe(expected);
    });

    test("never returns negative zero", () => {
        expect(Object.is(roundHalfAwayFromZero(-0.4, 0), 0)).toBe(true);
        expect(Object.is(roundHalfAwayFromZero(-0, 2), 0)).toBe(true);
        expect(Object.is(roundHalfAwayFromZero(-0.0004, 3), 0)).toBe(true);
    });

    test("large whole numbers are not cut to 15 significant digits", () => {
        expect(roundHalfAwayFromZero(123456789012345678, 0)).toBe(123456789012345678);
        expect(roundHalfAwayFromZero(9007199254740993, 2)).toBe(9007199254740993);
        expect(roundHalfAwayFromZero(1234567890123.456, 2)).toBe(1234567890123.46);
    });

    test("extreme precisions and magnitudes stay finite and sensible", () => {
        expect(roundHalfAwayFromZero(1e300, 10)).toBe(1e300);
        expect(roundHalfAwayFromZero(0, 400)).toBe(0);
        expect(roundHalfAwayFromZero(0.123, 400)).toBe(0.123);
        expect(roundHalfAwayFromZero(85, -400)).toBe(0);
        expect(roundHalfAwayFromZero(1e308, -308)).toBe(1e308);
        expect(roundHalfAwayFromZero(5e-324, 2)).toBe(0);
    });

    test("infinite or NaN values pass through unchanged", () => {
        expect(roundHalfAwayFromZero(Infinity, 2)).toBe(Infinity);
        expect(roundHalfAwayFromZero(NaN, 2)).toBeNaN();
    });

    test("roundOrNull keeps missing values missing", () => {
        expect(roundOrNull(null, 2)).toBeNull();
        expect(roundOrNull(2.345, 2)).toBe(2.35);
    });
});

describe("epsilonFor: 1e-9 of the reference's magnitude, never below 1e-9", () => {
    test.each<[number | null, number]>([
        [85, 85e-9],
        [-85, 85e-9],
        [1e12, 1000],
        [1, 1e-9],
        [0.85, 1e-9],
        [0, 1e-9],
        [null, 1e-9],
    ])("epsilonFor(%p) = %p", (reference, expected) => {
        expect(Math.abs(epsilonFor(reference) - expected)).toBeLessThanOrEqual(expected * 1e-12);
    });
});

describe("describeValue never throws", () => {
    test("text stays as it is, other values are stringified", () => {
        expect(describeValue(" Purple ")).toBe(" Purple ");
        expect(describeValue(3)).toBe("3");
        expect(describeValue(null)).toBe("null");
        expect(describeValue(Symbol("x"))).toBe("Symbol(x)");
    });
    test("an object that cannot be turned into text is described by its type", () => {
        expect(describeValue(Object.create(null))).toBe("[object]");
        expect(describeValue({ toString(): string { throw new Error("no"); } })).toBe("[object]");
    });
});
