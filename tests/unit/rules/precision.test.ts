import { FormatPrecision, precisionFromFormat, scaledSections, storedDecimals } from "../../../src/rules";

const p = (shownDecimals: number, stored: number, scale: FormatPrecision["scale"] = "none"): FormatPrecision =>
    ({ shownDecimals, storedDecimals: stored, scale });

describe("precisionFromFormat: decimals shown and decimals of the stored value", () => {
    test.each<[string, FormatPrecision]>([
        ["0.0%", p(1, 3, "percent")],          // 0.853 shown as 85.3%
        ["0%", p(0, 2, "percent")],
        ["0.00%", p(2, 4, "percent")],
        ["#,0", p(0, 0)],
        ["#,##0", p(0, 0)],
        ["#,0.00", p(2, 2)],
        ["0", p(0, 0)],
        ["0.0", p(1, 1)],
        ["#", p(0, 0)],
        ["0.###", p(3, 3)],                     // up to three decimals shown
        ["0.0 \"pts\"", p(1, 1)],               // quoted unit text
        ["0.0 pts", p(1, 1)],                   // unquoted letters are literal in a number format
        ["0 days", p(0, 0)],
        ["0.0 mm", p(1, 1)],
        ["#,0,\"k\"", p(0, -3)],                // thousands: 12,345 shown as 12k
        ["#,0,", p(0, -3)],
        ["#,0,,\"m\"", p(0, -6)],
        ["#,0.0,,", p(1, -5)],                  // commas after the decimals scale too: 2,449,999 shown as 2.4 (million)
        ["\u00a3#,0.0,,\"m\"", p(1, -5)],
        ["#,0,.0", p(1, -2)],                   // a comma straight before the point scales
        ["#,##0.0", p(1, 1)],                   // a comma between placeholders groups
        ["0.0\u2030", p(1, 4, "permille")],
        ["P1", p(1, 3, "percent")],
        ["p1", p(1, 3, "percent")],
        ["P", p(2, 4, "percent")],
        ["N0", p(0, 0)],
        ["N2", p(2, 2)],
        ["N", p(2, 2)],
        ["F1", p(1, 1)],
        ["C0", p(0, 0)],
        ["D", p(0, 0)],
        ["0.0%;-0.0%;0.0%", p(1, 3, "percent")], // the first (positive) section is used
        ["0.0;(0.0);\"-\"", p(1, 1)],
        ["0.0 \"a;b\";0", p(1, 1)],              // a ";" inside quotes is text
        ["\\%0", p(0, 0)],                       // an escaped % is a literal: no scaling
        ["0.0\"%\"", p(1, 1)],                   // a quoted % is a literal too
        ["[$\u00a3-809]#,0.00", p(2, 2)],        // locale prefix in brackets
        ["\u00a3#,0.00", p(2, 2)],
        ["\\\u00a3#,0", p(0, 0)],
        ["  0.0%  ", p(1, 3, "percent")],
    ])("%p", (format, expected) => {
        expect(precisionFromFormat(format)).toEqual(expected);
    });

    test.each<[string | null | undefined]>([
        ["General"], ["general"], [""], ["   "], [null], [undefined],
        ["0.00E+00"], ["0.0e-3"], ["##0.0E+0"],
        ["dd/mm/yyyy"], ["yyyy-mm-dd"], ["hh:mm"], ["hh:mm:ss.000"], ["mmm yy"],
        ["\"n/a\""], ["@"], ["Percent"],
    ])("%p gives no fixed precision (values compared unrounded)", format => {
        expect(precisionFromFormat(format)).toBeNull();
    });
});

describe("storedDecimals", () => {
    test("a percentage stores two more decimals than it shows", () => {
        expect(storedDecimals(1, true)).toBe(3);
        expect(storedDecimals(0, true)).toBe(2);
    });
    test("other values store what they show", () => {
        expect(storedDecimals(2, false)).toBe(2);
        expect(storedDecimals(0, false)).toBe(0);
    });
});

describe("scaledSections: number scaling taken out of a format for display", () => {
    test.each<[string, { format: string; divisor: number }[]]>([
        ["#,0,\"k\"", [{ format: "#,0\"k\"", divisor: 1000 }]],
        ["\u00a3#,0.0,,\"m\"", [{ format: "\u00a3#,0.0\"m\"", divisor: 1e6 }]],
        ["#,0.0,,,\"bn\";(#,0.0,,,\"bn\")", [{ format: "#,0.0\"bn\"", divisor: 1e9 }, { format: "(#,0.0\"bn\")", divisor: 1e9 }]],
        ["#,0,.0", [{ format: "#,0.0", divisor: 1000 }]],
        ["#,##0.00", [{ format: "#,##0.00", divisor: 1 }]],
        ["0.0 \"a,\"", [{ format: "0.0 \"a,\"", divisor: 1 }]],   // a quoted comma is text
        ["dddd, mmmm d", [{ format: "dddd, mmmm d", divisor: 1 }]], // a date's comma is text
    ])("%p", (format, expected) => {
        expect(scaledSections(format)).toEqual(expected);
    });
});
