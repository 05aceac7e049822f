/**
 * Data quality and staleness on the tiles (src/rules/quality.ts, src/model/quality.ts;
 * docs/rating-decisions.md "Data quality and staleness").
 */
import * as fs from "fs";
import * as path from "path";
import powerbi from "powerbi-visuals-api";
import { buildViewModel, KpiTile, ViewModel } from "../../../src/model";
import { periodInView } from "../../../src/model/quality";
import { Localiser } from "../../../src/i18n/localiser";
import { STRINGS } from "../../../src/i18n/strings";
import { defaultTileOptions } from "../../../src/settings";
import { countByStatus, staleCount } from "../../../src/render/summary";
import { DATA_QUALITY_VALUES, parseDataQuality, QUALITY_RULES, ratedActual } from "../../../src/rules";
import { buildDataView } from "../../visual/helpers/buildDataView";

const t = new Localiser(undefined, "en-GB");
const options = defaultTileOptions();

function tilesOf(vm: ViewModel): readonly KpiTile[] {
    if (vm.kind !== "tiles") throw new Error(`expected tiles, got ${vm.kind}`);
    return vm.tiles;
}

const ROLES = { KPI: "kpi", Period: "period", Actual: "actual", Target: "target", Polarity: "polarity", Quality: "quality" };
const FORMATS = { Actual: "0.0%", Target: "0.0%" };

function build(rows: Record<string, unknown>[], roles: Record<string, string> = ROLES): readonly KpiTile[] {
    return tilesOf(buildViewModel(buildDataView(rows, roles, FORMATS), { t, options }));
}

const row = (kpi: string, period: string, actual: number | null, quality: string | null = null): Record<string, unknown> =>
    ({ KPI: kpi, Period: period, Actual: actual, Target: 0.8, Polarity: "High", Quality: quality });

describe("reading a data quality", () => {
    test.each([
        [null, "Final"], ["", "Final"], ["Final", "Final"], ["provisional", "Provisional"], ["P", "Provisional"],
        ["Estimated", "Estimated"], ["est", "Estimated"], ["Suppressed", "Suppressed"], ["c", "Suppressed"], ["[x]", "Suppressed"],
        ["Not returned", "Not returned"], ["NR", "Not returned"], ["  not   returned ", "Not returned"],
    ])("%j is %s", (text, quality) => {
        expect(parseDataQuality(text)).toEqual({ ok: true, quality });
    });

    test.each(["Revised", "ok", "42"])("%j is not recognised (never guessed)", text => {
        expect(parseDataQuality(text)).toEqual({ ok: false, text });
    });

    test("the rule of each quality: shown and rated unless suppressed or not returned; marked unless final", () => {
        expect(DATA_QUALITY_VALUES.map(q => [q, QUALITY_RULES[q].showsValue, QUALITY_RULES[q].marked])).toEqual([
            ["Final", true, false], ["Provisional", true, true], ["Estimated", true, true],
            ["Suppressed", false, true], ["Not returned", false, true],
        ]);
        expect(ratedActual(0.5, "Provisional")).toBe(0.5);
        expect(ratedActual(0.5, "Suppressed")).toBeNull();
    });
});

describe("a figure that is not final", () => {
    test("a provisional figure is rated as usual and marked in words, on the tile and in the aria-label", () => {
        const [tile] = build([row("A", "2025/26 Q1", 0.79), row("A", "2025/26 Q2", 0.85, "Provisional")]);
        expect(tile).toMatchObject({ period: "2025/26 Q2", actualText: "85.0%", status: "green", quality: "Provisional", qualityText: "Provisional" });
        expect(tile.ariaLabel).toContain("Status: Green");
        expect(tile.ariaLabel.endsWith(". Figure: Provisional")).toBe(true);
        expect(tile.series.map(p => p.quality)).toEqual(["Final", "Provisional"]);
    });

    test("an estimated figure likewise; a final one carries no mark", () => {
        const [estimated, final] = build([row("A", "2025/26 Q2", 0.7, "est"), row("B", "2025/26 Q2", 0.7, "")]);
        expect(estimated).toMatchObject({ status: "red", quality: "Estimated", qualityText: "Estimated" });
        expect(estimated.ariaLabel).toContain("Figure: Estimated");
        expect(final).toMatchObject({ status: "red", quality: "Final", qualityText: null });
        expect(final.ariaLabel).not.toContain("Figure:");
    });

    test("a suppressed figure is withheld even when a value arrives: no data, and the tile says Suppressed", () => {
        const [tile] = build([row("A", "2025/26 Q2", 0.91, "Suppressed")]);
        expect(tile).toMatchObject({ actual: null, actualText: "Suppressed", status: "no-data", quality: "Suppressed", qualityText: null });
        expect(tile.ariaLabel).not.toContain("91");
        expect(tile.ariaLabel).toContain("Figure: Suppressed");
        const [notReturned] = build([row("A", "2025/26 Q2", null, "Not returned")]);
        expect(notReturned).toMatchObject({ actualText: "Not returned", status: "no-data" });
    });

    test("the tooltip names a figure's quality right after the figure; a final figure adds no line", () => {
        const lines = (tile: KpiTile): [string, string][] => tile.tooltipItems.map(i => [i.displayName, i.value]);
        const [provisional, estimated, final] = build([row("A", "2025/26 Q2", 0.85, "Provisional"), row("B", "2025/26 Q2", 0.7, "est"), row("C", "2025/26 Q2", 0.7, "")]);
        const names = lines(provisional).map(([name]) => name);
        expect(names.indexOf("Data quality")).toBe(names.indexOf("Actual") + 1);
        expect(lines(provisional)).toContainEqual(["Data quality", "Provisional"]);
        expect(lines(estimated)).toContainEqual(["Data quality", "Estimated"]);
        expect(lines(final).map(([name]) => name)).not.toContain("Data quality");
        // No figure to show: the tooltip still says why.
        const [suppressed] = build([row("A", "2025/26 Q2", 0.91, "Suppressed")]);
        expect(lines(suppressed)).toContainEqual(["Data quality", "Suppressed"]);
        expect(lines(suppressed).map(([, value]) => value).join(" ")).not.toContain("91");
    });

    test("without the quality role bound nothing changes", () => {
        const { Quality: _q, ...roles } = ROLES;
        const [tile] = build([row("A", "2025/26 Q2", 0.85, "Provisional")], roles);
        expect(tile.quality).toBeUndefined();
        expect(tile.qualityText).toBeUndefined();
        expect(tile.series[0].quality).toBeUndefined();
        expect(tile.ariaLabel).not.toContain("Figure:");
        expect(tile.tooltipItems.map(i => i.displayName)).not.toContain("Data quality");
    });
});

describe("the period in view", () => {
    const rows = [
        row("A", "2025/26 Q1", 0.81), row("A", "2025/26 Q2", 0.82),
        row("B", "2025/26 Q1", 0.7),
        row("C", "2025/26 Q1", 0.9), row("C", "2025/26 Q2", 0.95, "Suppressed"),
        row("D", "2025/26 Q1", 0.75), row("D", "2025/26 Q2", null, "Not returned"),
    ];
    const [a, b, c, d] = build(rows);

    test("a KPI without a figure for it keeps its latest figure and status, and says so", () => {
        expect(a.stale ?? null).toBeNull();
        expect(b).toMatchObject({ period: "2025/26 Q1", actualText: "70.0%", status: "red" });
        expect(b.stale).toEqual({ inView: "2025/26 Q2", latest: "2025/26 Q1", text: "No 2025/26 Q2 figure; latest 2025/26 Q1" });
        expect(b.ariaLabel.endsWith(". No 2025/26 Q2 figure; latest 2025/26 Q1")).toBe(true);
    });

    test("a suppressed or not-returned quarter is named as such", () => {
        expect(c.stale?.text).toBe("2025/26 Q2 figure suppressed; latest 2025/26 Q1");
        expect(c).toMatchObject({ period: "2025/26 Q1", actualText: "90.0%", status: "green" });
        expect(d.stale?.text).toBe("2025/26 Q2 figure not returned; latest 2025/26 Q1");
    });

    test("the stale copy keeps the tile's lazy explanation and tooltip", () => {
        expect(b.statusExplanation).toMatch(/target/i);
        expect(b.tooltipItems.length).toBeGreaterThan(0);
    });

    test("a stale tile's tooltip says which period its figure is for; a current tile's does not", () => {
        const staleLine = (tile: KpiTile): string | undefined => tile.tooltipItems.find(i => i.displayName === "Latest figure")?.value;
        expect(staleLine(b)).toBe("No 2025/26 Q2 figure; latest 2025/26 Q1");
        expect(staleLine(c)).toBe("2025/26 Q2 figure suppressed; latest 2025/26 Q1");
        expect(staleLine(d)).toBe("2025/26 Q2 figure not returned; latest 2025/26 Q1");
        expect(staleLine(a)).toBeUndefined();
        expect(b.tooltipItems.find(i => i.displayName === "Period")?.value).toBe("2025/26 Q1");
    });

    test("the summary counts stale tiles apart from the statuses of the period in view", () => {
        expect(countByStatus([a, b, c, d], options, t).map(x => [x.status, x.count])).toEqual([["green", 1]]);
        expect(staleCount([a, b, c, d], t)).toEqual({ count: 3, label: "without a 2025/26 Q2 figure" });
        expect(staleCount([a], t)).toBeNull();
    });

    test("periods one KPI lacks still take their place in the order; numeric periods sort by value", () => {
        const inView = periodInView([
            { labels: ["Q1", "Q2", "Q4"], hasFigure: [true, true, false] },
            { labels: ["Q2", "Q3", "Q4"], hasFigure: [true, true, false] },
        ]);
        expect(inView?.label).toBe("Q3");
        expect([...(inView?.rank.keys() ?? [])]).toEqual(["Q1", "Q2", "Q3", "Q4"]);
        expect(periodInView([{ labels: ["2024", "2025"], hasFigure: [false, false] }])).toBeNull();
        const numeric = periodInView([
            { labels: ["3", "10"], hasFigure: [true, true], orders: [3, 10] },
            { labels: ["2", "11"], hasFigure: [true, false], orders: [2, 11] },
        ]);
        expect(numeric?.label).toBe("10");
        expect([...(numeric?.rank.keys() ?? [])]).toEqual(["2", "3", "10", "11"]);
    });
});

describe("strings", () => {
    const keys = Object.keys(STRINGS).filter(k => /^(Quality_|Stale_|Summary_Stale|Role_Quality)/.test(k));
    test.each(["en-US", "en-GB", "cy-GB"])("%s has every data-quality string, with the same placeholders", locale => {
        expect(keys.length).toBe(12);
        const file = path.join(__dirname, "../../../stringResources", locale, "resources.resjson");
        const resources = JSON.parse(fs.readFileSync(file, "utf8")) as Record<string, string>;
        for (const key of keys) {
            expect(resources[key]).toEqual(expect.any(String));
            const placeholders = (s: string): string[] => (s.match(/\{\d\}/g) ?? []).sort();
            expect(placeholders(resources[key])).toEqual(placeholders((STRINGS as Record<string, string>)[key]));
        }
    });

    test("the Welsh host strings reach the tile", () => {
        const manager = { getDisplayName: (key: string): string => (key === "Stale_NoFigure" ? "Dim ffigur ar gyfer {0}; y diweddaraf {1}" : key === "Quality_Provisional" ? "Dros dro" : "") };
        const cy = new Localiser(manager as unknown as powerbi.extensibility.ILocalizationManager, "cy-GB");
        const list = tilesOf(buildViewModel(buildDataView([row("A", "Q1", 0.8), row("A", "Q2", 0.8, "P"), row("B", "Q1", 0.8)], ROLES, FORMATS), { t: cy, options }));
        expect(list[0].qualityText).toBe("Dros dro");
        expect(list[1].stale?.text).toBe("Dim ffigur ar gyfer Q2; y diweddaraf Q1");
    });

    test("the tooltip's data-quality and staleness lines are named in every locale (Welsh from cy-GB's resources)", () => {
        const resources = (locale: string): Record<string, string> => JSON.parse(fs.readFileSync(
            path.join(__dirname, "../../../stringResources", locale, "resources.resjson"), "utf8")) as Record<string, string>;
        for (const locale of ["en-US", "en-GB", "cy-GB"]) {
            for (const key of ["Tooltip_Quality", "Tooltip_Stale"]) expect(resources(locale)[key]).toEqual(expect.any(String));
        }
        const welsh = resources("cy-GB");
        const manager = { getDisplayName: (key: string): string => welsh[key] ?? "" };
        const cy = new Localiser(manager as unknown as powerbi.extensibility.ILocalizationManager, "cy-GB");
        const list = tilesOf(buildViewModel(buildDataView([row("A", "Q1", 0.8), row("A", "Q2", 0.8, "P"), row("B", "Q1", 0.8)], ROLES, FORMATS), { t: cy, options }));
        expect(list[0].tooltipItems).toContainEqual({ displayName: welsh.Tooltip_Quality, value: welsh.Quality_Provisional });
        expect(list[1].tooltipItems).toContainEqual({ displayName: welsh.Tooltip_Stale, value: "Dim ffigur ar gyfer Q2; y diweddaraf Q1" });
        expect(welsh.Tooltip_Quality).not.toBe(STRINGS.Tooltip_Quality);
    });
});
