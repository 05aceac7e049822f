/**
 * The benchmark strip's geometry over random benchmark values (fast-check): every label lies
 * inside its svg and no two overlap, at the narrowest width the strip is drawn at and at any
 * wider one (positions are fractions of the width, label sizes fixed px); labels are at least
 * 10 px; every coordinate is finite, also for values at the largest doubles.
 */
import fc from "fast-check";
import { labelWidth, MIN_LABEL_PX, stripGeometry, StripGeometry, StripInput, StripLabel } from "../../../src/render/benchmarkStrip";
import { linearScale } from "../../../src/render/scale";

const value = fc.oneof(
    { weight: 6, arbitrary: fc.double({ min: -1000, max: 1000, noNaN: true }) },
    { weight: 3, arbitrary: fc.double({ min: 0, max: 1, noNaN: true }) },
    { weight: 1, arbitrary: fc.double({ noNaN: true, noDefaultInfinity: true }) },
    { weight: 1, arbitrary: fc.constantFrom(Number.MAX_VALUE, -Number.MAX_VALUE, 0, 5e-324) },
);
const label = fc.constantFrom("E", "R", "N", "Ll", "Rh", "C");
const input: fc.Arbitrary<StripInput> = fc.record({
    quartiles: fc.option(fc.tuple(value, value, value).map(v => v.sort((a, b) => a - b)).map(([q1, median, q3]) => ({ q1, median, q3 }))),
    markers: fc.uniqueArray(fc.record({ kind: fc.constantFrom("england" as const, "region" as const, "neighbours" as const), value, label }),
        { selector: m => m.kind, maxLength: 3 }),
    own: fc.option(value),
    better: fc.constantFrom("high" as const, "low" as const, null),
    betterLabel: fc.constantFrom("Better", "Gwell"),
});

/** A label's box when the strip is `width` px wide (>= the geometry's minimum width). */
function boxAt(l: StripLabel, g: StripGeometry, width: number): { x0: number; x1: number; y0: number; y1: number } {
    const w = l.box.x1 - l.box.x0;
    const at = l.at * width;
    const x0 = l.anchor === "start" ? at : l.anchor === "end" ? at - w : at - w / 2;
    return { x0, x1: x0 + w, y0: l.box.y0, y1: l.box.y1 };
}

function overlap(a: { x0: number; x1: number; y0: number; y1: number }, b: typeof a): boolean {
    return a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;
}

test("every label lies inside its svg and no two overlap, at the minimum width and wider", () => {
    fc.assert(fc.property(input, fc.integer({ min: 40, max: 700 }), fc.integer({ min: 10, max: 24 }), fc.double({ min: 1, max: 4, noNaN: true }),
        (strip, minWidth, font, widen) => {
            const g = stripGeometry(strip, minWidth, font);
            if (!g) return;
            expect(g.fontPx).toBeGreaterThanOrEqual(MIN_LABEL_PX);
            for (const width of [minWidth, minWidth * widen]) {
                const boxes = g.labels.map(l => boxAt(l, g, width));
                for (const b of boxes) {
                    expect(b.x0).toBeGreaterThanOrEqual(-1e-6);
                    expect(b.x1).toBeLessThanOrEqual(width + 1e-6);
                    expect(b.y0).toBeGreaterThanOrEqual(0);
                    expect(b.y1).toBeLessThanOrEqual(g.height);
                }
                for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) expect(overlap(boxes[i], boxes[j])).toBe(false);
            }
            // Every marker is named by exactly one label.
            const named = g.labels.flatMap(l => l.kinds).sort();
            expect(named).toEqual(strip.markers.map(m => m.kind).sort());
            // Labels are as wide as their text needs at the font size.
            for (const l of g.labels) expect(l.box.x1 - l.box.x0).toBeCloseTo(labelWidth(l.text, g.fontPx), 6);
        }), { seed: 20261201, numRuns: 2000 });
});

test("every coordinate is a finite number within the strip, for any finite values", () => {
    fc.assert(fc.property(input, (strip) => {
        const g = stripGeometry(strip, 198, 10);
        if (!g) return;
        const fractions = [...g.bands.flatMap(b => [b.x0, b.x1]), ...g.dividers, ...g.ticks.map(t => t.at), ...(g.own === null ? [] : [g.own]), ...g.labels.map(l => l.at)];
        for (const f of fractions) {
            expect(Number.isFinite(f)).toBe(true);
            expect(f).toBeGreaterThanOrEqual(0);
            expect(f).toBeLessThanOrEqual(1);
        }
    }), { seed: 7, numRuns: 500 });
});

test("values low to high from left to right for either polarity; the better end is marked where it is", () => {
    const base = { quartiles: { q1: 10, median: 20, q3: 30 }, markers: [{ kind: "england" as const, value: 12, label: "E" }], own: 25, betterLabel: "Better" };
    const high = stripGeometry({ ...base, better: "high" }, 198, 10) as StripGeometry;
    const low = stripGeometry({ ...base, better: "low" }, 198, 10) as StripGeometry;
    expect(high.ticks[0].at).toBe(low.ticks[0].at);
    expect(high.own).toBe(low.own);
    expect((high.own as number) > high.ticks[0].at).toBe(true);
    expect(high.labels.find(l => l.kinds.length === 0)).toMatchObject({ anchor: "end", at: 1 });
    expect(low.labels.find(l => l.kinds.length === 0)).toMatchObject({ anchor: "start", at: 0 });
    expect(high.bands.map(b => b.letter)).toEqual(["D", "C", "B", "A"]);
    expect(low.bands.map(b => b.letter)).toEqual(["A", "B", "C", "D"]);
});

test("markers that coincide share one label; too narrow a strip gives no geometry (the tile says it in words)", () => {
    const strip: StripInput = { quartiles: null, own: 1, better: null, betterLabel: "Better",
        markers: [{ kind: "england", value: 5, label: "E" }, { kind: "region", value: 5, label: "R" }, { kind: "neighbours", value: 9, label: "N" }] };
    const g = stripGeometry(strip, 198, 10) as StripGeometry;
    expect(g.labels.map(l => l.text)).toEqual(["E/R", "N"]);
    expect(stripGeometry(strip, 8, 10)).toBeNull();
});

test("the scale is finite across the whole double range", () => {
    const s = linearScale(-Number.MAX_VALUE, Number.MAX_VALUE, 0, 100);
    expect(s(Number.MAX_VALUE)).toBe(100);
    expect(s(-Number.MAX_VALUE)).toBe(0);
    expect(s(0)).toBe(50);
    expect(s(Number.NaN)).toBeNull();
});
