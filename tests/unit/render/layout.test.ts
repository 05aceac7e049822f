import fc from "fast-check";
import {
    Available, chooseLayout, columnSpan, DENSITIES, layoutAt, LayoutRequest, scrollToShow, tileHeight, tilePosition, tilesInBand,
    verticalNeighbourIn, visibility,
} from "../../../src/render/layout";

const ALL: Available = { period: true, target: true, gap: true, direction: true, sparkline: true, benchmark: true, owner: true, commentary: true, commentaryLines: 3 };

/** The sample's 29 KPIs in their 13 groups, in reading order. */
const SAMPLE_GROUPS = [
    ...Array(4).fill("Front door"), ...Array(3).fill("Child protection"), "Children in need", ...Array(5).fill("Children in care"),
    ...Array(4).fill("Care leavers"), "SEND", ...Array(4).fill("Education"), "Participation", "Youth justice", ...Array(4).fill("Workforce"), "Early help",
];

function request(over: Partial<LayoutRequest> = {}): LayoutRequest {
    return { width: 1256, height: 680, em: 12, groups: SAMPLE_GROUPS, density: "auto", columns: 0, minTileWidth: 220, available: ALL, ...over };
}

describe("density", () => {
    test("each density is shorter than the one before it", () => {
        const heights = DENSITIES.map(d => tileHeight(d, ALL, 12));
        for (let i = 1; i < heights.length; i++) expect(heights[i]).toBeLessThan(heights[i - 1]);
    });

    test("parts the format pane hides or no field feeds take no room", () => {
        const none: Available = { ...ALL, sparkline: false, benchmark: false, owner: false, commentary: false };
        expect(tileHeight("detailed", none, 12)).toBeLessThan(tileHeight("detailed", ALL, 12));
        // Without its strip, owner, commentary and period, a detailed tile is a standard one without a sparkline.
        expect(tileHeight("detailed", { ...none, period: false }, 12)).toBe(tileHeight("standard", none, 12));
    });

    test("compact keeps name, value, status, gap and direction; minimal keeps name, value and status", () => {
        const compact = layoutAt(request(), "compact").parts;
        // The gap to target says where the KPI stands against its target; the target itself is in the tooltip.
        expect([compact.gap, compact.direction, compact.target, compact.sparkline]).toEqual([true, true, false, false]);
        const minimal = layoutAt(request(), "minimal").parts;
        expect([minimal.gap, minimal.direction]).toEqual([false, false]);
    });

    test("auto at 1280 x 720 fits all 29 sample tiles at compact density", () => {
        const layout = chooseLayout(request());
        expect(layout.density).toBe("compact");
        expect(layout.contentHeight).toBeLessThanOrEqual(680);
        expect(visibility(layout, 0, 680)).toEqual({ above: 0, visible: 29, below: 0 });
    });

    test("auto at 1920 x 1080 fits all 29 at standard density, with the sparkline", () => {
        const layout = chooseLayout(request({ width: 1896, height: 1040 }));
        expect(layout.density).toBe("standard");
        expect(layout.parts.sparkline).toBe(true);
        expect(visibility(layout, 0, 1040).visible).toBe(29);
    });

    test("auto at 360 x 260 scrolls, showing more tiles than one compact tile", () => {
        const layout = chooseLayout(request({ width: 336, height: 190 }));
        const shown = visibility(layout, 0, 190);
        expect(shown.visible).toBeGreaterThanOrEqual(2);
        expect(shown.below).toBe(29 - shown.visible);
    });

    test("a fixed density is kept even when it does not fit", () => {
        expect(chooseLayout(request({ density: "detailed" })).density).toBe("detailed");
    });

    test("tiles per row, when set, is the number of columns", () => {
        expect(chooseLayout(request({ columns: 3 })).columns).toBe(3);
        expect(chooseLayout(request({ columns: 12 })).columns).toBe(12);
        // No more than leave each tile 80 px.
        expect(chooseLayout(request({ columns: 40 })).columns).toBe(14);
    });
});

const arbitraryRequest = fc.record({
    width: fc.integer({ min: 40, max: 4000 }),
    height: fc.integer({ min: 40, max: 3000 }),
    em: fc.integer({ min: 8, max: 32 }),
    groups: fc.array(fc.constantFrom("A", "B", "C", "D"), { minLength: 1, maxLength: 300 }).map(g => [...g].sort()),
    headings: fc.boolean(),
    density: fc.constantFrom("auto", ...DENSITIES),
    columns: fc.integer({ min: 0, max: 14 }),
    minTileWidth: fc.integer({ min: 120, max: 640 }),
}).map(r => ({ ...r, groups: r.headings ? r.groups : r.groups.map(() => null), available: ALL }) as LayoutRequest);

describe("geometry over random boxes and tile counts", () => {
    test("tiles do not overlap, stay inside the width, and only the last row is short", () => {
        fc.assert(fc.property(arbitraryRequest, req => {
            const layout = chooseLayout(req);
            const boxes = req.groups.map((_, i) => ({ ...tilePosition(layout, i), w: layout.tileWidth, h: layout.tileHeight }));
            for (const box of boxes) {
                expect(box.left).toBeGreaterThanOrEqual(0);
                expect(box.left + box.w).toBeLessThanOrEqual(req.width + 0.01);
                expect(box.top + box.h).toBeLessThanOrEqual(layout.contentHeight + 0.01);
            }
            for (let i = 1; i < boxes.length; i++) {
                const a = boxes[i - 1], b = boxes[i];
                const sameRow = a.top === b.top;
                expect(sameRow ? b.left >= a.left + a.w : b.top >= a.top + a.h).toBe(true);
            }
            const rows = new Map<number, number>();
            for (const box of boxes) rows.set(box.top, (rows.get(box.top) ?? 0) + 1);
            const counts = [...rows.values()];
            counts.slice(0, -1).forEach(count => expect(count).toBe(layout.columns));
        }), { numRuns: 200 });
    });

    test("every tile of a group sits under a heading of that group; groups continue the row", () => {
        fc.assert(fc.property(arbitraryRequest.filter(r => r.groups[0] !== null), req => {
            const layout = chooseLayout(req);
            req.groups.forEach((group, i) => {
                const row = Math.floor(i / layout.columns);
                const column = i % layout.columns;
                const over = layout.headings.filter(h => h.row === row && h.column <= column && column < h.column + h.span);
                expect(over.map(h => h.text)).toEqual([group]);
            });
            // Headings of one row never overlap.
            for (const h of layout.headings) {
                const others = layout.headings.filter(o => o !== h && o.row === h.row);
                const a = columnSpan(layout, h.column, h.span);
                for (const o of others) {
                    const b = columnSpan(layout, o.column, o.span);
                    expect(a.left + a.width <= b.left || b.left + b.width <= a.left).toBe(true);
                }
            }
        }), { numRuns: 200 });
    });

    test("auto chooses a density at which everything fits whenever one exists", () => {
        fc.assert(fc.property(arbitraryRequest.map(r => ({ ...r, density: "auto" as const })), req => {
            const layout = chooseLayout(req);
            const fits = (["detailed", "standard", "compact"] as const).find(d => layoutAt(req, d).contentHeight <= req.height);
            if (fits) expect(layout.density).toBe(fits);
        }), { numRuns: 200 });
    });

    test("visibility counts every tile once; the band's tiles include every wholly visible one", () => {
        fc.assert(fc.property(arbitraryRequest, fc.nat(5000), fc.integer({ min: 1, max: 2000 }), (req, top, view) => {
            const layout = chooseLayout(req);
            const v = visibility(layout, top, top + view);
            expect(v.above + v.visible + v.below).toBe(layout.count);
            const band = tilesInBand(layout, top, top + view);
            for (let i = 0; i < layout.count; i++) {
                const { top: t } = tilePosition(layout, i);
                const touches = t < top + view && t + layout.tileHeight > top;
                const inBand = i >= band.first && i <= band.last;
                if (touches) expect(inBand).toBe(true);
            }
        }), { numRuns: 200 });
    });

    test("up and down stay in the same column, and reach the last tile from a row above a short last row", () => {
        const layout = layoutAt(request({ columns: 6 }), "compact");
        expect(verticalNeighbourIn(layout, 2, 1)).toBe(8);
        expect(verticalNeighbourIn(layout, 8, -1)).toBe(2);
        expect(verticalNeighbourIn(layout, 1, -1)).toBe(1);
        expect(verticalNeighbourIn(layout, 23, 1)).toBe(28);
        expect(verticalNeighbourIn(layout, 28, 1)).toBe(28);
    });

    test("scrollToShow brings a tile and its heading wholly into view", () => {
        fc.assert(fc.property(arbitraryRequest, fc.nat(300), fc.nat(5000), fc.integer({ min: 400, max: 1200 }), (req, pick, scrollTop, view) => {
            const layout = chooseLayout(req);
            const index = pick % layout.count;
            const next = scrollToShow(layout, index, scrollTop, view);
            const { top } = tilePosition(layout, index);
            if (layout.tileHeight + layout.headingHeight <= view) {
                expect(top - layout.headingHeight).toBeGreaterThanOrEqual(next - 0.01);
                expect(top + layout.tileHeight).toBeLessThanOrEqual(next + view + 0.01);
            }
        }), { numRuns: 200 });
    });
});
