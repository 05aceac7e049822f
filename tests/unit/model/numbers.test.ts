/**
 * The examples of issue 9, with their exact values: the tile shows the number it rates, as Power
 * BI shows the format string; bands on the values as published, as LAIT.
 */
import * as fs from "fs";
import * as path from "path";
import { buildViewModel, KpiTile } from "../../../src/model";
import * as values from "../../../src/rules/values";
import { Localiser } from "../../../src/i18n/localiser";
import { defaultTileOptions } from "../../../src/settings";
import { buildDataView } from "../../visual/helpers/buildDataView";

const ROLES = { KPI: "kpi", Actual: "actual", Target: "target", Polarity: "polarity", Fmt: "format", Q1: "q1", Median: "median", Q3: "q3" };

function tile(row: Record<string, unknown>, locale = "en-GB"): KpiTile {
    const vm = buildViewModel(buildDataView([{ KPI: "K", ...row }], ROLES), { t: new Localiser(undefined, locale), options: defaultTileOptions() });
    if (vm.kind !== "tiles") throw new Error(vm.kind);
    return vm.tiles[0];
}

const tooltip = (t: KpiTile, name: string): string | undefined => t.tooltipItems.find(i => i.displayName === name)?.value;

describe("the tile prints the number it rates (rounded once, half away from zero on the decimal value)", () => {
    test("Low, 0.0, target 21.9, actual 21.95: 22.0, 0.1 above target, Red", () => {
        const t = tile({ Actual: 21.95, Target: 21.9, Polarity: "Low", Fmt: "0.0" });
        expect([t.actualText, t.targetText, t.gapText, t.status]).toEqual(["22.0", "21.9", "0.1 above target", "red"]);
        expect(t.actual).toBe(22);
    });
    test("High, 0.0%, target 12.4%, actual 0.1235: 12.4%, On target, Green", () => {
        const t = tile({ Actual: 0.1235, Target: 0.124, Polarity: "High", Fmt: "0.0%" });
        expect([t.actualText, t.targetText, t.gapText, t.status]).toEqual(["12.4%", "12.4%", "On target", "green"]);
    });
    test("0.00, target 2.68, actual 2.675: 2.68, On target", () => {
        const t = tile({ Actual: 2.675, Target: 2.68, Polarity: "High", Fmt: "0.00" });
        expect([t.actualText, t.gapText, t.status]).toEqual(["2.68", "On target", "green"]);
    });
    test("Low, 0.0, target 21.9, actual 21.94: 21.9 and Green", () => {
        const t = tile({ Actual: 21.94, Target: 21.9, Polarity: "Low", Fmt: "0.0" });
        expect([t.actualText, t.gapText, t.status]).toEqual(["21.9", "On target", "green"]);
    });
    test("the tooltip and the aria-label say the same numbers", () => {
        const t = tile({ Actual: 21.95, Target: 21.9, Polarity: "Low", Fmt: "0.0" });
        expect(tooltip(t, "Actual")).toBe("22.0");
        expect(t.ariaLabel).toContain("22.0");
        expect(t.ariaLabel).toContain("0.1 above target");
        expect(t.statusExplanation).toContain("0.1 above");
    });
});

describe("scaled and currency formats shown as Power BI shows them", () => {
    test("\u00a3#,0.0,,\"m\" on 2,449,999 shows \u00a32.4m; the gap is \u00a30.1m below target", () => {
        const t = tile({ Actual: 2449999, Target: 2500000, Polarity: "High", Fmt: "\u00a3#,0.0,,\"m\"" });
        expect(t.actualText).toBe("\u00a32.4m");
        expect(t.targetText).toBe("\u00a32.5m");
        expect(t.gapText).toBe("\u00a30.1m below target");
        expect(t.actual).toBe(2400000);
        expect(t.ariaLabel).toContain("\u00a32.4m");
        expect(t.ariaLabel).toContain("Target \u00a32.5m");
        expect(tooltip(t, "Actual")).toBe("\u00a32.4m");
        expect(tooltip(t, "Gap")).toBe("\u00a30.1m below target");
        expect(t.statusExplanation).toContain("\u00a30.1m below");
    });
    test("#,0,\"k\" on 15,499 shows 15k", () => {
        const t = tile({ Actual: 15499, Target: 15000, Polarity: "High", Fmt: "#,0,\"k\"" });
        expect([t.actualText, t.targetText, t.gapText, t.status]).toEqual(["15k", "15k", "On target", "green"]);
    });
    test("#,0,\"k\" on 15,500 shows 16k (half away from zero)", () => {
        expect(tile({ Actual: 15500, Fmt: "#,0,\"k\"" }).actualText).toBe("16k");
    });
    test("negatives in brackets and currency", () => {
        expect(tile({ Actual: -1234.56, Fmt: "\u00a3#,0.0;(\u00a3#,0.0)" }).actualText).toBe("(\u00a31,234.6)");
        // -0.04 shows as 0.0, not (0.0): the rounded number is zero
        expect(tile({ Actual: -0.04, Fmt: "#,0.0;(#,0.0)" }).actualText).toBe("0.0");
        expect(tile({ Actual: 1234.5, Fmt: "[$\u00a3-809]#,0.00" }).actualText).toBe("\u00a31,234.50");
    });
});

describe("tooltip fields are shown as Power BI shows them", () => {
    test("2.675 in 0.00 is 2.68; 2,449,999 in \u00a3#,0.0,,\"m\" is \u00a32.4m", () => {
        const roles = { KPI: "kpi", Actual: "actual", Spend: "tooltips", Rate: "tooltips" };
        const vm = buildViewModel(buildDataView([{ KPI: "K", Actual: 1, Spend: 2449999, Rate: 2.675 }], roles, { Spend: "\u00a3#,0.0,,\"m\"", Rate: "0.00" }),
            { t: new Localiser(undefined, "en-GB"), options: defaultTileOptions() });
        if (vm.kind !== "tiles") throw new Error(vm.kind);
        expect(tooltip(vm.tiles[0], "Spend")).toBe("\u00a32.4m");
        expect(tooltip(vm.tiles[0], "Rate")).toBe("2.68");
    });
});

describe("quartile bands on the values as published, as LAIT (R/fn_analysis.R)", () => {
    test("social worker turnover 15.4 against Q3 15.35, lower is better: D, though both show as 15.4", () => {
        const t = tile({ Actual: 15.4, Polarity: "Low", Fmt: "0.0", Q1: 13.2, Median: 14.5, Q3: 15.35 });
        expect(t.benchmark?.band).toBe("D");
    });
    test("permanent exclusions 0.1471 against Q1 0.0691 and median 0.1287, lower is better: C", () => {
        const t = tile({ Actual: 0.1471, Polarity: "Low", Fmt: "0.00", Q1: 0.0691, Median: 0.1287, Q3: 0.1866 });
        expect(t.benchmark?.band).toBe("C");
        expect(t.ariaLabel).toContain("Quartile band C");
    });
});

describe("tiles band every authority of the LAIT fixture as LAIT does, at any shown precision", () => {
    interface Set { code: string; polarity: string; published: { q1: number; median: number; q3: number }; values: [number, string, string][] }
    const fixture = JSON.parse(fs.readFileSync(path.join(__dirname, "..", "rules", "fixtures", "lait-benchmarks.json"), "utf8")) as { sets: Set[] };
    test.each(fixture.sets.map(s => [s.code, s] as const))("%s", (_code, set) => {
        const { q1, median, q3 } = set.published;
        const high = set.polarity === "High";
        const values = set.values.map(v => Number(v[2])).filter(v => Number.isFinite(v));
        // A coarse shown precision, so many values sit within rounding of a cut point.
        const format = set.code === "TotPermEx" ? "0.00" : "0";
        let withinRounding = 0;
        for (const value of values) {
            const lait = high ? (value > q3 ? "A" : value > median ? "B" : value > q1 ? "C" : "D")
                : (value <= q1 ? "A" : value <= median ? "B" : value <= q3 ? "C" : "D");
            const t = tile({ Actual: value, Polarity: set.polarity, Fmt: format, Q1: q1, Median: median, Q3: q3 });
            expect([value, t.benchmark?.band]).toEqual([value, lait]);
            const step = format === "0" ? 1 : 0.01;
            if ([q1, median, q3].some(cut => value !== cut && Math.abs(value - cut) < step / 2)) withinRounding++;
        }
        expect(withinRounding).toBeGreaterThan(0);
    });
});

describe("floor worded by polarity in every language (stringResources)", () => {
    const resources = (locale: string): Record<string, string> =>
        JSON.parse(fs.readFileSync(path.join(__dirname, "..", "..", "..", "stringResources", locale, "resources.resjson"), "utf8")) as Record<string, string>;
    function explain(locale: string, polarity: string, actual: number, floor: number, target: number): string {
        const strings = resources(locale);
        const t = new Localiser({ getDisplayName: key => strings[key] ?? "" }, locale);
        const roles = { KPI: "kpi", Actual: "actual", Target: "target", Polarity: "polarity", Floor: "floor" };
        const formats = { Actual: "0.0%", Target: "0.0%", Floor: "0.0%" };
        const vm = buildViewModel(buildDataView([{ KPI: "K", Actual: actual, Target: target, Polarity: polarity, Floor: floor }], roles, formats),
            { t, options: defaultTileOptions() });
        if (vm.kind !== "tiles") throw new Error(vm.kind);
        return vm.tiles[0].statusExplanation;
    }
    test.each<[string, string, string]>([
        ["en-GB", "amber up to the floor of 25.0%", "amber down to the floor of 80.0%"],
        ["en-US", "amber up to the floor of 25.0%", "amber down to the floor of 80.0%"],
        ["cy-GB", "ambr i fyny at y llawr o 25.0%", "ambr i lawr at y llawr o 80.0%"],
    ])("%s", (locale, low, high) => {
        expect(explain(locale, "Low", 0.23, 0.25, 0.2)).toContain(low);
        expect(explain(locale, "High", 0.82, 0.8, 0.85)).toContain(high);
        expect(explain(locale, "Low", 0.3, 0.25, 0.2)).not.toMatch(/ceiling|nenfwd/);
    });
});

describe("each value is rounded once per tile", () => {
    test("the actual, target and each benchmark are rounded (roundOrNull) once, whatever reads them", () => {
        const spy = jest.spyOn(values, "roundOrNull");
        try {
            const roles = { KPI: "kpi", Period: "period", Actual: "actual", Target: "target", Polarity: "polarity", England: "england", Region: "region",
                Neighbours: "neighbours", Q1: "q1", Median: "median", Q3: "q3" };
            const rows = [
                { KPI: "K", Period: 1, Actual: 20.05, Target: 21.9, Polarity: "Low", England: 20.55, Region: 20.65, Neighbours: 20.75, Q1: 19, Median: 20, Q3: 21 },
                { KPI: "K", Period: 2, Actual: 21.95, Target: 21.9, Polarity: "Low", England: 20.55, Region: 20.65, Neighbours: 20.75, Q1: 19, Median: 20, Q3: 21 },
            ];
            const vm = buildViewModel(buildDataView(rows, roles, { Actual: "0.0" }), { t: new Localiser(undefined, "en-GB"), options: defaultTileOptions() });
            if (vm.kind !== "tiles") throw new Error(vm.kind);
            void vm.tiles[0].statusExplanation;
            void vm.tiles[0].tooltipItems;
            const calls = (value: number): number => spy.mock.calls.filter(([v]) => v === value).length;
            expect([21.95, 21.9, 20.05, 20.55, 20.65, 20.75].map(calls)).toEqual([1, 1, 1, 1, 1, 1]);
            // Nothing is rounded twice: the eight values (actual, target, floor, stretch, previous and
            // three benchmarks), plus the two differences (gap, change) that are rounded as shown.
            expect(spy.mock.calls.map(([v]) => v)).toHaveLength(10);
        } finally {
            spy.mockRestore();
        }
    });
});
