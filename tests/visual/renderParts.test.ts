import { drawSparkline, sparkGeometry, thinSeries } from "../../src/render/sparkline";
import { drawBenchmarkStrip, stripOptions } from "../../src/render/benchmarkStrip";
import { appendStatusShape } from "../../src/render/shapes";
import { filterTiles, sortTiles } from "../../src/render/order";
import { themeFrom } from "../../src/render/theme";
import { buildViewModel, KpiTile, TilesModel } from "../../src/model";
import { Localiser } from "../../src/i18n/localiser";
import { defaultTileOptions } from "../../src/settings";
import { buildDataView } from "./helpers/buildDataView";

const t = new Localiser(undefined, "en-GB");

describe("sparkline", () => {
    test("a 30,000-point series is thinned to about 400 points keeping first, last, lowest and highest", () => {
        const values = Array.from({ length: 30000 }, (_, i) => (i === 12345 ? 999 : i === 20000 ? -999 : Math.sin(i / 100)));
        const thin = thinSeries(values);
        expect(thin.length).toBeLessThanOrEqual(402);
        expect(thin[0].i).toBe(0);
        expect(thin[thin.length - 1].i).toBe(29999);
        expect(thin.some(p => p.v === 999)).toBe(true);
        expect(thin.some(p => p.v === -999)).toBe(true);
        expect(thin.every((p, k) => k === 0 || p.i > thin[k - 1].i)).toBe(true);
    });
    test("a missing period is bridged by a dashed segment and marked, instead of breaking the line", () => {
        const g = sparkGeometry([1, 2, null, 3], i => i * 10, v => v);
        expect(g.line).toBe("M0.00,1.00L10.00,2.00");
        expect(g.bridges).toBe("M10.00,2.00L30.00,3.00");
        expect(g.missing).toEqual([{ x: 20, y: 2.5 }]);
        expect(g.regular).toBe(false);
    });
    test("an annual KPI in a quarterly period table (a value every 4th period) is one solid line without gaps", () => {
        const g = sparkGeometry([1, null, null, null, 2, null, null, null, 3], i => i * 10, v => v);
        expect(g.line).toBe("M0.00,1.00L40.00,2.00L80.00,3.00");
        expect(g.bridges).toBe("");
        expect(g.missing).toEqual([]);
        expect(g.regular).toBe(true);
    });
    test("coordinates stay finite for values at the largest doubles", () => {
        const host = document.createElement("div");
        const series = [Number.MAX_VALUE, -Number.MAX_VALUE, 1].map((actual, i) => ({ label: `P${i}`, actual, target: -1.7e308 }));
        expect(drawSparkline(host, series, "P2", "#000", "#555", "#f00", "trend")).toBe(true);
        const numbers = Array.from(host.querySelectorAll("path"), p => p.getAttribute("d") ?? "").join(" ");
        expect(numbers).not.toMatch(/NaN|Infinity/);
    });
});

describe("benchmark strip", () => {
    function strip(polarity: string): HTMLElement {
        const dv = buildDataView([{ KPI: "A", Actual: 0.2, Polarity: polarity, England: 0.22, Q1: 0.18, Median: 0.21, Q3: 0.24 }],
            { KPI: "kpi", Actual: "actual", Polarity: "polarity", England: "england", Q1: "q1", Median: "median", Q3: "q3" });
        const vm = buildViewModel(dv, { t, options: defaultTileOptions() });
        const tile = (vm as TilesModel).tiles[0];
        const host = document.createElement("div");
        drawBenchmarkStrip(host, tile.benchmark as NonNullable<KpiTile["benchmark"]>, themeFrom(undefined, defaultTileOptions()), "#000", t, "strip",
            stripOptions(220, 16, polarity));
        return host;
    }
    const bandX = (host: HTMLElement, band: string): number => parseFloat(host.querySelector(`[data-band="${band}"]`)?.getAttribute("x") ?? "");
    const ownX = (host: HTMLElement): number => parseFloat(host.querySelector(".kpi-benchmark__own")?.getAttribute("cx") ?? "");
    const tickX = (host: HTMLElement, kind: string): number => parseFloat(host.querySelector(`.kpi-benchmark__tick--${kind}`)?.getAttribute("x1") ?? "");
    test("higher-is-better: values from low (left) to high, bands D to A, the better end marked on the right", () => {
        const host = strip("High");
        expect(bandX(host, "D")).toBeLessThan(bandX(host, "C"));
        expect(bandX(host, "B")).toBeLessThan(bandX(host, "A"));
        expect(host.querySelector(".kpi-benchmark__better")?.textContent).toBe("Better \u25b8");
        expect(host.querySelector(".kpi-benchmark__better")?.getAttribute("text-anchor")).toBe("end");
        expect(ownX(host)).toBeLessThan(tickX(host, "england"));
    });
    test("lower-is-better: the same left-to-right rule as the sparkline (not reversed), the better end marked on the left", () => {
        const host = strip("Low");
        // Bands in value order: the lowest quarter (A when lower is better) on the left.
        expect(bandX(host, "A")).toBeLessThan(bandX(host, "B"));
        expect(bandX(host, "C")).toBeLessThan(bandX(host, "D"));
        expect(host.querySelector(".kpi-benchmark__better")?.textContent).toBe("\u25c2 Better");
        expect(host.querySelector(".kpi-benchmark__better")?.getAttribute("text-anchor")).toBe("start");
        expect(ownX(host)).toBeLessThan(tickX(host, "england")); // 20% is left of England's 22%, whichever is better
    });
    test("no text is stretched: the svg has no viewBox and no preserveAspectRatio", () => {
        const svg = strip("High").querySelector("svg") as SVGElement;
        expect(svg.hasAttribute("viewBox")).toBe(false);
        expect(svg.hasAttribute("preserveAspectRatio")).toBe(false);
    });
});

describe("svg built from cached prototypes", () => {
    /** Markup of the element with every attribute, for comparing a copy with a fresh build. */
    const markup = (element: Element): string => element.outerHTML;

    test("a strip drawn from prototypes is the same markup as one built with createElementNS and setAttribute", () => {
        const view = { quartiles: { q1: 0.18, median: 0.21, q3: 0.24 }, band: "C" as const, own: 0.2, reversed: false, rankText: null,
            markers: [{ kind: "england" as const, value: 0.22, text: "22%", comparison: null }] };
        const theme = themeFrom(undefined, defaultTileOptions());
        const draw = (v: typeof view, label: string): HTMLElement => {
            const host = document.createElement("div");
            drawBenchmarkStrip(host, v, theme, "#d4351c", t, label);
            return host;
        };
        const first = draw(view, "first");
        const copied = draw(view, "first");
        expect(markup(copied)).toBe(markup(first));
        // The data-dependent attributes follow the data, not the prototype.
        const moved = draw({ ...view, own: 0.23, markers: [{ ...view.markers[0], value: 0.19 }] }, "second");
        expect(moved.querySelector("svg")?.getAttribute("aria-label")).toBe("second");
        expect(moved.querySelector(".kpi-benchmark__own")?.getAttribute("cx")).not.toBe(first.querySelector(".kpi-benchmark__own")?.getAttribute("cx"));
        expect(moved.querySelector(".kpi-benchmark__tick--england")?.getAttribute("x1"))
            .not.toBe(first.querySelector(".kpi-benchmark__tick--england")?.getAttribute("x1"));
        expect(Array.from(moved.querySelectorAll("[data-band]"), r => r.getAttribute("data-band"))).toEqual(["D", "C", "B", "A"]);
    });

    test("status shapes keep their colour per status: a copied shape is not the colour of another", () => {
        const host = document.createElement("div");
        appendStatusShape(host, "red", "#d4351c", 14);
        appendStatusShape(host, "red", "#ff0000", 14);
        appendStatusShape(host, "green", "#00703c", 12);
        const paths = Array.from(host.querySelectorAll("path"), p => p.getAttribute("fill"));
        expect(paths).toEqual(["#d4351c", "#ff0000", "#00703c"]);
        expect(Array.from(host.querySelectorAll("svg"), s => [s.getAttribute("data-shape"), s.getAttribute("width")]))
            .toEqual([["diamond", "14"], ["diamond", "14"], ["circle", "12"]]);
    });
});

describe("sort and filter", () => {
    const dv = buildDataView([
        { KPI: "b", Actual: 0.7, Target: 0.8, Polarity: "High" },
        { KPI: "a", Actual: 0.79, Target: 0.8, Polarity: "High", Tolerance: 0.02 },
        { KPI: "c", Actual: 0.95, Target: 0.8, Stretch: 0.9, Polarity: "High" },
        { KPI: "d", Actual: 0.5, Polarity: "None" },
        { KPI: "e", Actual: 12, Target: 10, Polarity: "Low" },
    ], { KPI: "kpi", Actual: "actual", Target: "target", Polarity: "polarity", Tolerance: "tolerance", Stretch: "stretch" });
    const tiles = (buildViewModel(dv, { t, options: defaultTileOptions() }) as TilesModel).tiles;
    test("gap sorts by relative shortfall, worst first, tiles without a target last", () => {
        // e: 20% above a lower-is-better target; b: 12.5% below; a: 1.25% below; c: beyond target; d: no target.
        expect(sortTiles(tiles, "gap").map(x => x.key)).toEqual(["e", "b", "a", "c", "d"]);
    });
    test("status severity, then delivered order", () => {
        expect(sortTiles(tiles, "status").map(x => x.status)).toEqual(["red", "red", "amber", "blue", "not-rated"]);
    });
    test("exceptions keep red and amber; escalations red and blue; what's good green and blue", () => {
        expect(filterTiles(tiles, "exceptions").map(x => x.key)).toEqual(["b", "a", "e"]);
        expect(filterTiles(tiles, "escalations").map(x => x.key)).toEqual(["b", "c", "e"]);
        expect(filterTiles(tiles, "good").map(x => x.key)).toEqual(["c"]);
        expect(filterTiles(tiles, "red").map(x => x.key)).toEqual(["b", "e"]);
    });
});
