/**
 * Properties of the rating rules that must hold for every input, checked with fast-check.
 */
import fc from "fast-check";
import {
    compareToBenchmark, Direction, gapToTarget, parsePolarity, percentileInc, Polarity, precisionFromFormat, QuartileBand,
    quartileBand, quartiles, rankValues, rateDirection, rateStatus, roundHalfAwayFromZero, Status, StatusInput, STATUSES,
} from "../../../src/rules";

/** How good a rated status is: a higher number is better. */
const SEVERITY: Partial<Record<Status, number>> = { red: 0, amber: 1, green: 2, blue: 3 };
const BAND_ORDER: Record<QuartileBand, number> = { A: 1, B: 2, C: 3, D: 4 };
const MIRROR_BAND: Record<QuartileBand, QuartileBand> = { A: "D", B: "C", C: "B", D: "A" };

/** Values as KPIs carry them: often on a decimal grid (so boundaries are hit exactly), sometimes any double. */
const kpiValue = fc.oneof(
    fc.integer({ min: -100000, max: 100000 }).map(n => n / 100),
    fc.integer({ min: -200, max: 200 }),
    fc.double({ min: -1e6, max: 1e6, noNaN: true, noDefaultInfinity: true }),
);
const optionalValue = fc.option(kpiValue, { nil: null });
const decimals = fc.option(fc.integer({ min: -2, max: 6 }), { nil: null });
const tolerance = fc.option(fc.oneof(fc.integer({ min: 0, max: 2000 }).map(n => n / 100), fc.double({ min: 0, max: 1e4, noNaN: true })), { nil: null });
const toleranceKind = fc.constantFrom<"absolute" | "relative">("absolute", "relative");

const settings = fc.record({
    target: optionalValue,
    floor: optionalValue,
    stretch: optionalValue,
    tolerance,
    toleranceKind,
    decimals,
});

const negate = (v: number | null): number | null => (v === null ? null : -v);

describe("status", () => {
    test("flipping polarity High <-> Low and mirroring the values mirrors the status", () => {
        fc.assert(fc.property(kpiValue, settings, fc.constantFrom<Polarity>("High", "Low"), (actual, s, polarity) => {
            const flipped: Polarity = polarity === "High" ? "Low" : "High";
            const original = rateStatus({ ...s, actual, polarity });
            const mirrored = rateStatus({
                ...s, actual: -actual, polarity: flipped, target: negate(s.target), floor: negate(s.floor), stretch: negate(s.stretch),
            });
            expect(mirrored.status).toBe(original.status);
            expect(mirrored.reason).toBe(original.reason);
        }), { numRuns: 500 });
    });

    test("mirroring every value leaves a Range status unchanged", () => {
        fc.assert(fc.property(kpiValue, settings, (actual, s) => {
            const original = rateStatus({ ...s, actual, polarity: "Range" });
            const mirrored = rateStatus({ ...s, actual: -actual, polarity: "Range", target: negate(s.target), floor: negate(s.floor), stretch: negate(s.stretch) });
            expect(mirrored.status).toBe(original.status);
        }), { numRuns: 300 });
    });

    test("moving the actual the good way (up for High, down for Low) never worsens the status", () => {
        fc.assert(fc.property(kpiValue, kpiValue, settings, fc.constantFrom<Polarity>("High", "Low"), (a, b, s, polarity) => {
            const [worse, better] = polarity === "High" ? [Math.min(a, b), Math.max(a, b)] : [Math.max(a, b), Math.min(a, b)];
            const before = rateStatus({ ...s, actual: worse, polarity }).status;
            const after = rateStatus({ ...s, actual: better, polarity }).status;
            if (SEVERITY[before] === undefined) return; // not rated (no target): nothing to compare
            expect(SEVERITY[after]).toBeGreaterThanOrEqual(SEVERITY[before] as number);
        }), { numRuns: 500 });
    });

    test("moving the actual towards the target from the wrong side never worsens the status (High, Low, Range)", () => {
        fc.assert(fc.property(kpiValue, kpiValue, fc.double({ min: 0, max: 1, noNaN: true }), settings,
            fc.constantFrom<Polarity>("High", "Low", "Range"), (actual, target, fraction, s, polarity) => {
                const wrongSide = polarity === "Range" || (polarity === "High" ? actual <= target : actual >= target);
                fc.pre(wrongSide);
                const moved = actual + fraction * (target - actual);
                const before = rateStatus({ ...s, target, actual, polarity }).status;
                const after = rateStatus({ ...s, target, actual: moved, polarity }).status;
                expect(SEVERITY[after]).toBeGreaterThanOrEqual(SEVERITY[before] as number);
            }), { numRuns: 500 });
    });

    test("a wider tolerance never worsens the status", () => {
        fc.assert(fc.property(kpiValue, settings, tolerance, fc.constantFrom<Polarity>("High", "Low", "Range"), (actual, s, extra, polarity) => {
            fc.pre(s.tolerance !== null && extra !== null);
            const narrow = rateStatus({ ...s, actual, polarity }).status;
            const wide = rateStatus({ ...s, actual, polarity, tolerance: (s.tolerance as number) + (extra as number) }).status;
            if (SEVERITY[narrow] === undefined) return;
            expect(SEVERITY[wide]).toBeGreaterThanOrEqual(SEVERITY[narrow] as number);
        }));
    });

    test("Range is symmetric about the target", () => {
        fc.assert(fc.property(fc.integer({ min: -1000, max: 1000 }), fc.integer({ min: 0, max: 500 }), fc.option(fc.integer({ min: 0, max: 100 }), { nil: null }),
            (target, distance, tol) => {
                const above = rateStatus({ actual: target + distance, target, tolerance: tol, polarity: "Range" });
                const below = rateStatus({ actual: target - distance, target, tolerance: tol, polarity: "Range" });
                expect(above.status).toBe(below.status);
            }));
    });

    test("comparing at a precision is the same as comparing the values shown at that precision", () => {
        fc.assert(fc.property(kpiValue, settings, fc.constantFrom<Polarity>("High", "Low", "Range"), fc.integer({ min: -1, max: 5 }),
            (actual, s, polarity, d) => {
                const round = (v: number | null): number | null => (v === null ? null : roundHalfAwayFromZero(v, d));
                const raw = rateStatus({ ...s, actual, polarity, decimals: d });
                const shown = rateStatus({
                    ...s, actual: round(actual), target: round(s.target), floor: round(s.floor), stretch: round(s.stretch), polarity, decimals: d,
                });
                expect(shown.status).toBe(raw.status);
            }));
    });

    test("a recognised override always wins", () => {
        const overrides: [string, Status][] = [["B", "blue"], ["green", "green"], ["Amber", "amber"], ["r", "red"], ["Not rated", "not-rated"], ["NO DATA", "no-data"]];
        fc.assert(fc.property(fc.anything(), settings, fc.constantFrom(...overrides), (actual, s, [text, status]) => {
            expect(rateStatus({ ...s, actual, polarity: "High", override: text }).status).toBe(status);
        }));
    });

    test("a missing actual is always No data, whatever else is given (without an override)", () => {
        const missing = fc.constantFrom<unknown>(null, undefined, NaN, Infinity, -Infinity, "", "85", "c");
        fc.assert(fc.property(missing, settings, fc.constantFrom<Polarity | null>("High", "Low", "Range", "None", null), (actual, s, polarity) => {
            expect(rateStatus({ ...s, actual, polarity }).status).toBe("no-data");
        }));
    });

    test("status never throws and always returns a known status, for arbitrary inputs", () => {
        const anything = fc.anything({ withNullPrototype: true, withBoxedValues: true, withMap: true, withSet: true, withBigInt: true, withDate: true });
        fc.assert(fc.property(fc.record({
            actual: anything, target: anything, polarity: anything, tolerance: anything, toleranceKind: anything,
            floor: anything, stretch: anything, decimals: anything, override: anything,
        }), input => {
            const result = rateStatus(input as unknown as StatusInput);
            expect(STATUSES).toContain(result.status);
        }), { numRuns: 1000 });
    });

    test("the other rules never throw for arbitrary inputs either", () => {
        const anything = fc.anything({ withNullPrototype: true, withBoxedValues: true, withBigInt: true });
        fc.assert(fc.property(anything, anything, anything, anything, anything, (a, b, c, d, e) => {
            parsePolarity(a);
            rateDirection({ actual: a, previous: b, target: c, polarity: d as Polarity, decimals: e as number, noChangeTolerance: c });
            compareToBenchmark({ actual: a, benchmark: b, polarity: c as Polarity, decimals: d as number, similarity: e });
            quartileBand({ value: a, q1: b, median: c, q3: d, polarity: e as Polarity });
            gapToTarget(a, b, c as Polarity, d as number);
            rankValues([a, b, c, d, e], "High");
            quartiles([a, b, c, d, e]);
            precisionFromFormat(typeof a === "string" ? a : null);
        }), { numRuns: 500 });
    });

    test("precisionFromFormat never throws and gives whole numbers of decimals for any text", () => {
        fc.assert(fc.property(fc.string({ unit: fc.constantFrom(..."0#.,%;\"'\\[]$Ee+-PNFCD dmyhs:k\u2030".split("")), maxLength: 20 }), format => {
            const p = precisionFromFormat(format);
            if (p !== null) {
                expect(Number.isInteger(p.shownDecimals) && p.shownDecimals >= 0).toBe(true);
                expect(Number.isInteger(p.storedDecimals)).toBe(true);
            }
        }), { numRuns: 1000 });
    });
});

describe("rounding", () => {
    const anyFinite = fc.double({ min: -1e12, max: 1e12, noNaN: true, noDefaultInfinity: true });
    const places = fc.integer({ min: -3, max: 8 });

    test("rounding is idempotent", () => {
        fc.assert(fc.property(anyFinite, places, (x, d) => {
            const once = roundHalfAwayFromZero(x, d);
            expect(roundHalfAwayFromZero(once, d)).toBe(once);
        }), { numRuns: 1000 });
    });

    test("|round(x, d) - x| <= half a unit in the last shown place (plus floating-point noise)", () => {
        fc.assert(fc.property(anyFinite, places, (x, d) => {
            const error = Math.abs(roundHalfAwayFromZero(x, d) - x);
            expect(error).toBeLessThanOrEqual(0.5 * Math.pow(10, -d) + Math.abs(x) * 1e-14 + 1e-300);
        }), { numRuns: 1000 });
    });

    test("rounding is symmetric: round(-x) = -round(x), and never -0", () => {
        fc.assert(fc.property(anyFinite, places, (x, d) => {
            const positive = roundHalfAwayFromZero(x, d);
            const negative = roundHalfAwayFromZero(-x, d);
            expect(negative === -positive || (negative === 0 && positive === 0)).toBe(true);
            expect(Object.is(negative, -0)).toBe(false);
        }), { numRuns: 500 });
    });

    test("rounding is monotone", () => {
        fc.assert(fc.property(anyFinite, anyFinite, places, (a, b, d) => {
            const [lo, hi] = a <= b ? [a, b] : [b, a];
            expect(roundHalfAwayFromZero(lo, d)).toBeLessThanOrEqual(roundHalfAwayFromZero(hi, d));
        }), { numRuns: 500 });
    });

    test("any finite double at any precision gives a finite result", () => {
        fc.assert(fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), fc.integer({ min: -400, max: 400 }), (x, d) => {
            expect(Number.isFinite(roundHalfAwayFromZero(x, d))).toBe(true);
        }), { numRuns: 1000 });
    });

    test("halves on a decimal grid round away from zero", () => {
        fc.assert(fc.property(fc.integer({ min: -1000000, max: 1000000 }), fc.integer({ min: 0, max: 4 }), (n, d) => {
            // n + 0.5 units of the last place, written as decimal text and parsed as a user's value
            // would be (e.g. "1.005" for n = 100, d = 2; "-0.35" for n = -3, d = 1)
            const digits = String(Math.abs(n) * 10 + 5).padStart(d + 2, "0");
            const x = Number(`${n < 0 ? "-" : ""}${digits.slice(0, -(d + 1))}.${digits.slice(-(d + 1))}`);
            const expected = Number(((Math.abs(n) + 1) * (n < 0 ? -1 : 1) / Math.pow(10, d)).toFixed(d));
            expect(roundHalfAwayFromZero(x, d)).toBe(expected);
        }), { numRuns: 1000 });
    });
});

describe("direction of travel", () => {
    test("High and Low with the same values are opposite unless there is no change", () => {
        const opposite: Partial<Record<Direction, Direction>> = { improving: "worsening", worsening: "improving", "no-change": "no-change", unknown: "unknown" };
        fc.assert(fc.property(optionalValue, optionalValue, decimals, tolerance, (actual, previous, d, noChange) => {
            const high = rateDirection({ actual, previous, polarity: "High", decimals: d, noChangeTolerance: noChange });
            const low = rateDirection({ actual, previous, polarity: "Low", decimals: d, noChangeTolerance: noChange });
            expect(low.direction).toBe(opposite[high.direction]);
            expect(low.movement).toBe(high.movement);
        }), { numRuns: 500 });
    });

    test("the arrow follows the number for every polarity; None only says increasing or decreasing", () => {
        fc.assert(fc.property(kpiValue, kpiValue, optionalValue, decimals, (actual, previous, target, d) => {
            const none = rateDirection({ actual, previous, polarity: "None", decimals: d });
            for (const polarity of ["High", "Low", "Range"] as Polarity[]) {
                expect(rateDirection({ actual, previous, target, polarity, decimals: d }).movement).toBe(none.movement);
            }
            expect(["increasing", "decreasing", "no-change"]).toContain(none.direction);
            expect(none.direction === "increasing").toBe(none.movement === "up");
        }), { numRuns: 500 });
    });

    test("swapping actual and previous reverses a judged direction", () => {
        fc.assert(fc.property(kpiValue, kpiValue, fc.constantFrom<Polarity>("High", "Low"), decimals, (a, b, polarity, d) => {
            const forward = rateDirection({ actual: a, previous: b, polarity, decimals: d }).direction;
            const back = rateDirection({ actual: b, previous: a, polarity, decimals: d }).direction;
            if (forward === "improving") expect(back).toBe("worsening");
            if (forward === "worsening") expect(back).toBe("improving");
        }), { numRuns: 500 });
    });
});

describe("benchmarks", () => {
    test("comparison is symmetric: a better than b exactly when b is worse than a", () => {
        const swap: Record<string, string> = { better: "worse", worse: "better", similar: "similar", higher: "lower", lower: "higher" };
        fc.assert(fc.property(kpiValue, kpiValue, fc.constantFrom<Polarity>("High", "Low", "None", "Range"), decimals, tolerance,
            (a, b, polarity, d, similarity) => {
                const ab = compareToBenchmark({ actual: a, benchmark: b, polarity, decimals: d, similarity });
                const ba = compareToBenchmark({ actual: b, benchmark: a, polarity, decimals: d, similarity });
                expect(ba).toBe(swap[ab as string]);
            }), { numRuns: 1000 });
    });

    test("High and Low disagree on better and worse, and agree on similar", () => {
        const flip: Record<string, string> = { better: "worse", worse: "better", similar: "similar" };
        fc.assert(fc.property(kpiValue, kpiValue, decimals, (a, b, d) => {
            const high = compareToBenchmark({ actual: a, benchmark: b, polarity: "High", decimals: d });
            const low = compareToBenchmark({ actual: a, benchmark: b, polarity: "Low", decimals: d });
            expect(low).toBe(flip[high as string]);
        }));
    });

    const sample = fc.array(kpiValue, { minLength: 1, maxLength: 60 });

    test("band A is always the best quarter: above every authority for High, below every one for Low", () => {
        fc.assert(fc.property(sample, fc.double({ min: 1e-3, max: 1e3, noNaN: true }), (values, margin) => {
            const q = quartiles(values);
            if (!q) throw new Error("no quartiles");
            const cuts = { q1: q.q1, median: q.median, q3: q.q3 };
            expect(quartileBand({ value: q.max + margin, ...cuts, polarity: "High" })).toBe("A");
            expect(quartileBand({ value: q.min - margin, ...cuts, polarity: "Low" })).toBe("A");
            expect(quartileBand({ value: q.min - margin, ...cuts, polarity: "High" })).toBe("D");
            expect(quartileBand({ value: q.max + margin, ...cuts, polarity: "Low" })).toBe("D");
            expect(quartileBand({ value: q.min, ...cuts, polarity: "High" })).toBe("D");
            expect(quartileBand({ value: q.min, ...cuts, polarity: "Low" })).toBe("A");
        }), { numRuns: 500 });
    });

    test("the Low band is the High band mirrored (A <-> D, B <-> C)", () => {
        fc.assert(fc.property(sample, kpiValue, (values, value) => {
            const q = quartiles(values);
            if (!q) throw new Error("no quartiles");
            const cuts = { q1: q.q1, median: q.median, q3: q.q3 };
            const high = quartileBand({ value, ...cuts, polarity: "High" });
            const low = quartileBand({ value, ...cuts, polarity: "Low" });
            expect(high).not.toBeNull();
            expect(low).toBe(MIRROR_BAND[high as QuartileBand]);
        }), { numRuns: 500 });
    });

    test("the band is monotone in the value", () => {
        fc.assert(fc.property(sample, kpiValue, kpiValue, (values, a, b) => {
            const q = quartiles(values);
            if (!q) throw new Error("no quartiles");
            const cuts = { q1: q.q1, median: q.median, q3: q.q3 };
            const [lo, hi] = a <= b ? [a, b] : [b, a];
            const band = (value: number, polarity: Polarity): number => BAND_ORDER[quartileBand({ value, ...cuts, polarity }) as QuartileBand];
            expect(band(hi, "High")).toBeLessThanOrEqual(band(lo, "High"));
            expect(band(lo, "Low")).toBeLessThanOrEqual(band(hi, "Low"));
        }), { numRuns: 500 });
    });

    test("rank 1 always goes to the best value, and only to values equal to it", () => {
        fc.assert(fc.property(sample, fc.constantFrom<Polarity>("High", "Low"), (values, polarity) => {
            const ranks = rankValues(values, polarity);
            const best = polarity === "High" ? Math.max(...values) : Math.min(...values);
            values.forEach((v, i) => expect(ranks[i] === 1).toBe(v === best));
        }), { numRuns: 500 });
    });

    test("a rank is one more than the number of strictly better values; better values rank higher", () => {
        fc.assert(fc.property(fc.array(fc.option(kpiValue, { nil: null }), { maxLength: 60 }), fc.constantFrom<Polarity>("High", "Low"), (values, polarity) => {
            const ranks = rankValues(values, polarity);
            const present = values.filter((v): v is number => v !== null);
            values.forEach((v, i) => {
                if (v === null) { expect(ranks[i]).toBeNull(); return; }
                expect(ranks[i]).toBe(present.filter(o => (polarity === "High" ? o > v : o < v)).length + 1);
            });
        }), { numRuns: 300 });
    });

    test("quartiles are ordered, within the range, and do not depend on the order of the values", () => {
        fc.assert(fc.property(sample, fc.integer(), (values, seed) => {
            const q = quartiles(values);
            if (!q) throw new Error("no quartiles");
            expect(q.min).toBeLessThanOrEqual(q.q1);
            expect(q.q1).toBeLessThanOrEqual(q.median);
            expect(q.median).toBeLessThanOrEqual(q.q3);
            expect(q.q3).toBeLessThanOrEqual(q.max);
            const shuffled = [...values].sort((x, y) => ((x * 7919 + seed) % 13) - ((y * 7919 + seed) % 13));
            expect(quartiles(shuffled)).toEqual(q);
        }), { numRuns: 300 });
    });

    test("percentileInc interpolates between the two neighbouring values", () => {
        fc.assert(fc.property(sample, fc.double({ min: 0, max: 1, noNaN: true }), (values, p) => {
            const sorted = [...values].sort((x, y) => x - y);
            const result = percentileInc(sorted, p);
            const position = (sorted.length - 1) * p;
            expect(result).toBeGreaterThanOrEqual(sorted[Math.floor(position)] - 1e-9 * Math.max(1, Math.abs(result)));
            expect(result).toBeLessThanOrEqual(sorted[Math.ceil(position)] + 1e-9 * Math.max(1, Math.abs(result)));
        }), { numRuns: 300 });
    });
});
