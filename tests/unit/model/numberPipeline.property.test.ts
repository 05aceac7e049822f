/**
 * One number pipeline (issue 9 item 1): the number read back from the text a tile shows is the
 * number every rule compared, for random values and format strings (fixed, %, P, scaled k/m/bn,
 * currency, negatives in brackets, quoted text). 500 runs of 20 KPIs: 10,000 values, each
 * through the real model (buildViewModel) with its own format string (the `format` role).
 */
import fc from "fast-check";
import { buildViewModel, KpiTile } from "../../../src/model";
import { Localiser } from "../../../src/i18n/localiser";
import { defaultTileOptions } from "../../../src/settings";
import { compareToBenchmark, gapToTarget, precisionFromFormat, rateDirection, rateStatus, toShownPrecision } from "../../../src/rules";
import { buildDataView } from "../../visual/helpers/buildDataView";

/** A format string with what a reader needs to read a number back from its text. */
interface FormatCase {
    readonly format: string;
    /** x100 for percentages. */
    readonly percent: boolean;
    /** Scaling commas (each divides by 1,000). */
    readonly scaling: number;
    /** Literal text around the number, removed before reading. */
    readonly literals: readonly string[];
}

const digits = fc.integer({ min: 0, max: 4 });
const fraction = (d: number): string => (d === 0 ? "" : `.${"0".repeat(d)}`);
const integerPart = fc.constantFrom("0", "#,0", "#,##0");
const unit = fc.constantFrom(" pts", " days", "k", " per 10,000"); // quoted text, digits and commas included
const currency = fc.constantFrom("\u00a3", "\\\u00a3", "\"\u00a3\"", "[$\u00a3-809]");

const formatCase: fc.Arbitrary<FormatCase> = fc.oneof(
    // fixed: 0.0, #,0.00, 0
    fc.tuple(integerPart, digits).map(([i, d]) => ({ format: i + fraction(d), percent: false, scaling: 0, literals: [] })),
    // percentages: 0.0%, #,0%
    fc.tuple(integerPart, digits).map(([i, d]) => ({ format: `${i}${fraction(d)}%`, percent: true, scaling: 0, literals: [] })),
    // standard strings: P1, N2, F0, C0
    fc.tuple(fc.constantFrom("P", "N", "F", "C"), fc.integer({ min: 0, max: 3 })).map(([letter, d]) => ({
        format: `${letter}${d}`, percent: letter === "P", scaling: 0, literals: [],
    })),
    // scaled: #,0,"k"  £#,0.0,,"m"  #,0.00,,,"bn"  #,0,.0 (scaling comma before the point)
    fc.tuple(fc.integer({ min: 1, max: 3 }), digits, fc.boolean(), fc.boolean()).map(([n, d, pound, beforePoint]) => {
        const suffix = ["k", "m", "bn"][n - 1];
        const number = beforePoint && d > 0 ? `#,0${",".repeat(n)}${fraction(d)}` : `#,0${fraction(d)}${",".repeat(n)}`;
        return { format: `${pound ? "\u00a3" : ""}${number}"${suffix}"`, percent: false, scaling: n, literals: [suffix] };
    }),
    // currency in front: £#,0.00, \£#,0, "£"0.0, [$£-809]#,0.0
    fc.tuple(currency, integerPart, digits).map(([c, i, d]) => ({ format: c + i + fraction(d), percent: false, scaling: 0, literals: [] })),
    // negatives in brackets, with or without a zero section
    fc.tuple(integerPart, digits, fc.boolean(), fc.boolean()).map(([i, d, zero, percent]) => {
        const section = `${i}${fraction(d)}${percent ? "%" : ""}`;
        return { format: `${section};(${section})${zero ? ";\"nil\"" : ""}`, percent, scaling: 0, literals: zero ? ["nil"] : [] };
    }),
    // quoted unit text after the number
    fc.tuple(integerPart, digits, unit).map(([i, d, u]) => ({ format: `${i}${fraction(d)}"${u}"`, percent: false, scaling: 0, literals: [u] })),
);

/**
 * The number a reader takes from a shown text (en-GB): literal text, currency and percent signs
 * removed, brackets or a minus sign for negatives, "," grouping; then percent and scaling undone.
 */
function readBack(text: string, f: FormatCase): number {
    if (text === "nil") return 0;
    let s = text;
    for (const literal of f.literals) s = s.split(literal).join("");
    const negative = /^\s*[-(\u2212]/.test(s) || /\)\s*$/.test(s) || /^\D*-/.test(s);
    const digitsOnly = s.replace(/[^0-9.]/g, "");
    if (!/^\d+(\.\d+)?$/.test(digitsOnly)) throw new Error(`cannot read a number from ${JSON.stringify(text)} (${f.format})`);
    let n = Number(digitsOnly) * (negative ? -1 : 1);
    if (f.percent) n /= 100;
    return n * Math.pow(1000, f.scaling);
}

/** Equal up to the floating-point noise of x100 and x1000^n (never a rounding step apart). */
function same(a: number, b: number): boolean {
    return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
}

/**
 * Values that matter for rounding: any double in range, and values exactly half a step from the
 * shown precision (2.675 at 0.00, 21.95 at 0.0, 0.1235 at 0.0%), both signs.
 */
function valueFor(f: FormatCase): fc.Arbitrary<number> {
    const stored = precisionFromFormat(f.format)?.storedDecimals ?? 0;
    const halfway = fc.integer({ min: -200000, max: 200000 }).map(k => Number(((k + 0.5) / Math.pow(10, stored)).toPrecision(15)));
    const magnitude = Math.pow(10, Math.max(2, 3 - stored));
    return fc.oneof(halfway, fc.double({ min: -magnitude, max: magnitude, noNaN: true, noDefaultInfinity: true }), fc.constant(0));
}

const kpiCase = formatCase.chain(f => fc.record({ f: fc.constant(f), actual: valueFor(f), target: valueFor(f), england: valueFor(f), previous: valueFor(f) }));

const ROLES = { KPI: "kpi", Period: "period", Actual: "actual", Target: "target", England: "england", Fmt: "format", Polarity: "polarity" };
const t = new Localiser(undefined, "en-GB");

function build(cases: readonly { f: FormatCase; actual: number; target: number; england: number; previous: number }[], polarity: string): KpiTile[] {
    const rows = cases.flatMap((c, i) => [
        { KPI: `K${i}`, Period: 1, Actual: c.previous, Target: c.target, England: c.england, Fmt: c.f.format, Polarity: polarity },
        { KPI: `K${i}`, Period: 2, Actual: c.actual, Target: c.target, England: c.england, Fmt: c.f.format, Polarity: polarity },
    ]);
    const vm = buildViewModel(buildDataView(rows, ROLES), { t, options: defaultTileOptions() });
    if (vm.kind !== "tiles") throw new Error(vm.kind);
    return [...vm.tiles];
}

describe("the number read back from the shown text is the number the rules compared", () => {
    test("10,000 random values and format strings through the model", () => {
        let checked = 0;
        fc.assert(fc.property(fc.array(kpiCase, { minLength: 20, maxLength: 20 }), fc.constantFrom("High", "Low"), (cases, polarity) => {
            const tiles = build(cases, polarity);
            cases.forEach((c, i) => {
                const tile = tiles[i];
                const where = `${c.f.format} actual ${c.actual} target ${c.target}: "${tile.actualText}"`;
                const decimals = precisionFromFormat(c.f.format)?.storedDecimals ?? null;
                const ruled = rateStatus({ actual: c.actual, target: c.target, polarity: polarity as "High", decimals });
                // The tile's number is the rules' number; its text reads back as that number.
                expect([where, tile.actual]).toEqual([where, ruled.actual]);
                expect([where, same(readBack(tile.actualText, c.f), ruled.actual as number)]).toEqual([where, true]);
                expect([where, same(readBack(tile.targetText as string, c.f), ruled.target as number)]).toEqual([where, true]);
                expect([where, tile.status]).toEqual([where, ruled.status]);
                // The gap the text states is the gap the rules computed.
                const gap = gapToTarget(c.actual, c.target, polarity as "High", decimals);
                expect(tile.gap).toEqual(gap);
                // Direction and the benchmark comparison follow from the same numbers.
                expect(tile.direction).toBe(rateDirection({ actual: c.actual, previous: c.previous, target: c.target, polarity: polarity as "High", decimals }).direction);
                const marker = tile.benchmark?.markers[0];
                expect(marker?.comparison).toBe(compareToBenchmark({ actual: c.actual, benchmark: c.england, polarity: polarity as "High", decimals }));
                const shownEngland = toShownPrecision(c.england, precisionFromFormat(c.f.format));
                expect([where, same(readBack(marker?.text as string, c.f), shownEngland as number)]).toEqual([where, true]);
                checked++;
            });
        }), { numRuns: 500 });
        expect(checked).toBeGreaterThanOrEqual(10000);
    });
});
