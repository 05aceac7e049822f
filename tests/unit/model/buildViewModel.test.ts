import powerbi from "powerbi-visuals-api";
import { buildViewModel, KpiTile, TilesModel, ViewModel } from "../../../src/model";
import { Localiser } from "../../../src/i18n/localiser";
import { defaultTileOptions, TileOptions } from "../../../src/settings";
import { buildDataView, FULL_ROLES } from "../../visual/helpers/buildDataView";

const t = new Localiser(undefined, "en-GB");

function model(dataView: powerbi.DataView | undefined, options: Partial<TileOptions> = {}, locale = "en-GB"): ViewModel {
    return buildViewModel(dataView, { t: new Localiser(undefined, locale), options: { ...defaultTileOptions(), ...options } });
}

function tiles(vm: ViewModel): readonly KpiTile[] {
    if (vm.kind !== "tiles") throw new Error(`expected tiles, got ${vm.kind}`);
    return vm.tiles;
}

function tooltip(tile: KpiTile, name: string): string | undefined {
    return tile.tooltipItems.find(i => i.displayName === name)?.value;
}

const PCT = { Actual: "0.0%", Target: "0.0%", Floor: "0.0%", Stretch: "0.0%", England: "0.0%", Region: "0.0%", Neighbours: "0.0%", Q1: "0.0%", Median: "0.0%", Q3: "0.0%" };

/** Assessments within 45 days: the rating-rules.md tooltip example, two quarters. */
function assessmentRows(): Record<string, unknown>[] {
    const base = {
        KPI: "Assessments within 45 days", Area: "Front door", Polarity: "High", Target: 0.85, Tolerance: null,
        England: 0.82, Region: 0.805, Neighbours: 0.79, Q1: 0.78, Median: 0.83, Q3: 0.88, Rank: 112, Authorities: 152,
        Owner: "Head of Front Door", Commentary: "Staffing gaps in two teams; agency cover from June.",
    };
    return [
        { ...base, Period: "2024/25 Q4", Actual: 0.821 },
        { ...base, Period: "2025/26 Q1", Actual: 0.805 },
    ];
}

describe("landing and empty states", () => {
    test("no dataView: landing page asking for KPI and Actual", () => {
        expect(model(undefined)).toEqual({ kind: "landing", missing: ["kpi", "actual"] });
    });
    test("only the KPI field bound: landing page asks for Actual", () => {
        const vm = model(buildDataView([{ KPI: "A" }], { KPI: "kpi" }));
        expect(vm).toEqual({ kind: "landing", missing: ["actual"] });
    });
    test("fields bound but no rows: 'no data for this selection'", () => {
        expect(model(buildDataView([], { KPI: "kpi", Actual: "actual" })).kind).toBe("empty");
    });
});

describe("only kpi + actual", () => {
    const vm = model(buildDataView([{ KPI: "Re-referrals", Actual: 0.224 }, { KPI: "Children in need", Actual: 321.4 }],
        { KPI: "kpi", Actual: "actual" }, { Actual: "0.0%" }));
    test("one tile per KPI, in delivered order, with formatted actuals and no target", () => {
        const list = tiles(vm);
        expect(list.map(x => x.name)).toEqual(["Re-referrals", "Children in need"]);
        expect(list[0].actualText).toBe("22.4%");
        expect(list[0].status).toBe("no-target");
        expect(list[0].targetText).toBeNull();
        expect(list[0].gapText).toBeNull();
        expect(list[0].period).toBeNull();
        expect(list[0].direction).toBe("unknown");
        expect(list[0].benchmark).toBeNull();
        expect(list[0].group).toBeNull();
        expect(tooltip(list[0], "Status")).toBe("No target: there is no target or floor to rate against. Higher is better.");
    });
    test("the bound set lists exactly the two roles", () => {
        expect(Array.from((vm as TilesModel).bound).sort()).toEqual(["actual", "kpi"]);
    });
});

describe("every role", () => {
    const rows = assessmentRows().map(r => ({ ...r, Tolerance: null, TolPct: 0.05, Referrals: 1204 }));
    const roles = { ...FULL_ROLES, TolPct: "tolerancePct", Referrals: "tooltips" };
    const vm = model(buildDataView(rows, roles, { ...PCT, Referrals: "#,0" }));
    const tile = tiles(vm)[0];

    test("the tooltip explains the status exactly as rating-rules.md's example", () => {
        expect(tile.statusExplanation).toBe(
            "Red: 4.5 points below the target of 85.0% (amber within 5% of target). Higher is better. Worsening since 2024/25 Q4 (was 82.1%).");
    });
    test("current period, actual, target, gap in words, direction with the change", () => {
        expect(tile.period).toBe("2025/26 Q1");
        expect(tile.actualText).toBe("80.5%");
        expect(tile.targetText).toBe("85.0%");
        expect(tile.gapText).toBe("4.5 pts below target");
        expect(tile.status).toBe("red");
        expect(tile.direction).toBe("worsening");
        expect(tile.movement).toBe("down");
        expect(tile.changeText).toBe("1.6 pts");
        expect(tile.group).toBe("Front door");
    });
    test("benchmarks compared, band and rank in words", () => {
        const b = tile.benchmark;
        expect(b?.markers.map(m => [m.kind, m.text, m.comparison])).toEqual([
            ["england", "82.0%", "worse"], ["region", "80.5%", "similar"], ["neighbours", "79.0%", "better"]]);
        expect(b?.band).toBe("C");
        expect(b?.rankText).toBe("112th of 152");
        expect(b?.reversed).toBe(false);
        expect(tile.series.map(p => p.actual)).toEqual([0.821, 0.805]);
    });
    test("tooltip items: target, gap, tolerance, direction, each benchmark, band, rank, owner, commentary, tooltip fields", () => {
        expect(tooltip(tile, "Target")).toBe("85.0%");
        expect(tooltip(tile, "Gap")).toBe("4.5 pts below target");
        expect(tooltip(tile, "Tolerance")).toBe("5%");
        expect(tooltip(tile, "Direction of travel")).toBe("Worsening since 2024/25 Q4 (was 82.1%).");
        expect(tooltip(tile, "England")).toBe("82.0% (worse)");
        expect(tooltip(tile, "Region")).toBe("80.5% (similar)");
        expect(tooltip(tile, "Statistical neighbours")).toBe("79.0% (better)");
        expect(tooltip(tile, "Quartile band")).toMatch(/^C /);
        expect(tooltip(tile, "Rank")).toBe("112th of 152");
        expect(tooltip(tile, "Owner")).toBe("Head of Front Door");
        expect(tooltip(tile, "Commentary")).toBe("Staffing gaps in two teams; agency cover from June.");
        expect(tooltip(tile, "Referrals")).toBe("1,204");
    });
    test("aria-label says status, target, gap, direction, band and rank in words", () => {
        expect(tile.ariaLabel).toBe("Assessments within 45 days, Front door. 80.5% for 2025/26 Q1. Status: Red. Target 85.0%. "
            + "4.5 pts below target. Worsening by 1.6 pts. Quartile band C. Ranked 112th of 152. Owner: Head of Front Door");
    });
});

describe("missing and wrong-type values", () => {
    const roles = { KPI: "kpi", Period: "period", Actual: "actual", Target: "target" };
    test.each([
        ["null", null], ["NaN", Number.NaN], ["text", "85"], ["Infinity", Number.POSITIVE_INFINITY], ["-Infinity", Number.NEGATIVE_INFINITY],
    ])("a %s actual in the latest period: current is the latest period with a number", (_name, bad) => {
        const vm = model(buildDataView([
            { KPI: "A", Period: "Q1", Actual: 10, Target: 12 },
            { KPI: "A", Period: "Q2", Actual: bad, Target: 12 },
        ], roles));
        const tile = tiles(vm)[0];
        expect(tile.period).toBe("Q1");
        expect(tile.actual).toBe(10);
        expect(tile.series.map(p => p.actual)).toEqual([10, null]);
    });
    test("no actual in any period: No data, naming the period", () => {
        const tile = tiles(model(buildDataView([{ KPI: "A", Period: "Q1", Actual: "n/a", Target: 12 }], roles)))[0];
        expect(tile.status).toBe("no-data");
        expect(tile.actualText).toBe("No data");
        expect(tile.statusExplanation).toMatch(/^No data: no value for Q1\./);
    });
    test("a text target counts as missing: No target", () => {
        const tile = tiles(model(buildDataView([{ KPI: "A", Actual: 3, Target: "12" }], { KPI: "kpi", Actual: "actual", Target: "target" })))[0];
        expect(tile.status).toBe("no-target");
    });
    test("a blank KPI name becomes (Blank)", () => {
        expect(tiles(model(buildDataView([{ KPI: null, Actual: 1 }], { KPI: "kpi", Actual: "actual" })))[0].name).toBe("(Blank)");
    });
});

describe("negative and zero targets", () => {
    const roles = { KPI: "kpi", Actual: "actual", Target: "target", Polarity: "polarity" };
    test("zero target, lower is better, actual 2: red and '2 above target'", () => {
        const tile = tiles(model(buildDataView([{ KPI: "Exclusions", Actual: 2, Target: 0, Polarity: "Low" }], roles, { Actual: "0", Target: "0" })))[0];
        expect(tile.status).toBe("red");
        expect(tile.gapText).toBe("2 above target");
        expect(tile.statusExplanation).toContain("no tolerance or floor");
    });
    test("negative target, higher is better, actual -4 against -5: green, '1 above target'", () => {
        const tile = tiles(model(buildDataView([{ KPI: "Budget variance", Actual: -4, Target: -5, Polarity: "High" }], roles, { Actual: "0", Target: "0" })))[0];
        expect(tile.status).toBe("green");
        expect(tile.gapText).toBe("1 above target");
        expect(tile.targetText).toBe("-5");
    });
    test("exactly on a zero target is green and 'On target'", () => {
        const tile = tiles(model(buildDataView([{ KPI: "Z", Actual: 0, Target: 0, Polarity: "Low" }], roles)))[0];
        expect([tile.status, tile.gapText]).toEqual(["green", "On target"]);
    });
});

describe("duplicate KPI names merge into one tile", () => {
    test("the first non-missing value of each field wins", () => {
        const vm = model(buildDataView([
            { KPI: "A", Area: "One", Actual: null, Target: 5 },
            { KPI: "B", Area: "One", Actual: 1, Target: 1 },
            { KPI: "A", Area: "Two", Actual: 7, Target: 9 },
        ], { KPI: "kpi", Area: "group", Actual: "actual", Target: "target" }));
        const list = tiles(vm);
        expect(list.map(x => x.name)).toEqual(["A", "B"]);
        expect([list[0].actual, list[0].target, list[0].group]).toEqual([7, 5, "One"]);
    });
});

describe("numbers of KPIs", () => {
    const make = (n: number): Record<string, unknown>[] => Array.from({ length: n }, (_, i) => ({ KPI: `KPI ${i + 1}`, Actual: i, Target: n / 2 }));
    test.each([1, 2, 1000])("%i KPIs give that many tiles, in order", n => {
        const list = tiles(model(buildDataView(make(n), { KPI: "kpi", Actual: "actual", Target: "target" })));
        expect(list).toHaveLength(n);
        expect(list[n - 1].name).toBe(`KPI ${n}`);
        expect(new Set(list.map(x => x.key)).size).toBe(n);
    });
    test("1,000 KPIs build quickly", () => {
        const dv = buildDataView(make(1000), { KPI: "kpi", Actual: "actual", Target: "target" });
        const start = performance.now();
        model(dv);
        expect(performance.now() - start).toBeLessThan(1000);
    });
});

describe("a 30,000-row period series", () => {
    const rows = Array.from({ length: 30000 }, (_, i) => ({ KPI: "Daily contacts", Period: i + 1, Actual: 100 + (i % 50), Target: 120 }));
    test("one tile; the last period is current; the series keeps every period", () => {
        const start = performance.now();
        const vm = model(buildDataView(rows, { KPI: "kpi", Period: "period", Actual: "actual", Target: "target" }, { Period: "0", Actual: "0" }, { moreRows: true }));
        const elapsed = performance.now() - start;
        const list = tiles(vm);
        expect(list).toHaveLength(1);
        expect(list[0].series).toHaveLength(30000);
        expect(list[0].period).toBe("30000");
        expect((vm as TilesModel).reduced).toEqual({ deliveredRows: 30000 });
        expect(elapsed).toBeLessThan(3000);
    });
});

describe("periods", () => {
    test("date periods sort by date whatever the delivered order; previous is the period before", () => {
        const vm = model(buildDataView([
            { KPI: "A", Period: new Date(Date.UTC(2025, 5, 30)), Actual: 12 },
            { KPI: "A", Period: new Date(Date.UTC(2025, 2, 31)), Actual: 10 },
        ], { KPI: "kpi", Period: "period", Actual: "actual" }, { Period: "dd/MM/yyyy" }));
        const tile = tiles(vm)[0];
        expect(tile.series.map(p => p.actual)).toEqual([10, 12]);
        expect(tile.direction).toBe("improving");
        expect(tile.period).toBe("30/06/2025");
    });
    test("text periods keep the delivered order", () => {
        const tile = tiles(model(buildDataView([
            { KPI: "A", Period: "2025/26 Q1", Actual: 5 }, { KPI: "A", Period: "2024/25 Q4", Actual: 9 },
        ], { KPI: "kpi", Period: "period", Actual: "actual" })))[0];
        expect(tile.period).toBe("2024/25 Q4");
    });
    test("a missing or suppressed quarter does not hide direction: previous is the latest earlier period with an actual, named in words", () => {
        const tile = tiles(model(buildDataView([
            { KPI: "A", Period: "2024/25 Q3", Actual: 0.8, Polarity: "High" },
            { KPI: "A", Period: "2024/25 Q4", Actual: null, Polarity: "High" },
            { KPI: "A", Period: "2025/26 Q1", Actual: 0.75, Polarity: "High" },
            { KPI: "A", Period: "2025/26 Q2", Actual: null, Polarity: "High" },
        ], { KPI: "kpi", Period: "period", Actual: "actual", Polarity: "polarity" }, { Actual: "0.0%" })))[0];
        expect(tile.period).toBe("2025/26 Q1");
        expect(tile.direction).toBe("worsening");
        expect(tooltip(tile, "Direction of travel")).toBe("Worsening since 2024/25 Q3 (was 80.0%).");
    });
    test("the previous field gives direction without a period field", () => {
        const tile = tiles(model(buildDataView([{ KPI: "A", Actual: 0.2, Previous: 0.25, Polarity: "Low" }],
            { KPI: "kpi", Actual: "actual", Previous: "previous", Polarity: "polarity" }, { Actual: "0%" })))[0];
        expect(tile.direction).toBe("improving");
        expect(tooltip(tile, "Direction of travel")).toBe("Improving since the previous value (was 25%).");
    });
});

describe("polarity, tolerance, override and format", () => {
    test("an unrecognised polarity is shown as not recognised, never guessed", () => {
        const tile = tiles(model(buildDataView([{ KPI: "A", Actual: 1, Target: 2, Polarity: "Sideways" }],
            { KPI: "kpi", Actual: "actual", Target: "target", Polarity: "polarity" })))[0];
        expect(tile.status).toBe("unrecognised");
        expect(tile.statusExplanation).toContain("\"Sideways\"");
    });
    test("a status override wins; custom labels replace the wording", () => {
        const tile = tiles(model(buildDataView([{ KPI: "A", Actual: 1, Target: 2, Status: "G" }],
            { KPI: "kpi", Actual: "actual", Target: "target", Status: "status" }), { statusLabels: { green: "On track" } }))[0];
        expect(tile.status).toBe("green");
        expect(tile.statusLabel).toBe("On track");
        expect(tile.statusExplanation).toMatch(/^On track: status set in the data model\./);
    });
    test("default polarity and tolerance from the format pane apply when no field is bound", () => {
        const dv = buildDataView([{ KPI: "A", Actual: 21, Target: 20 }], { KPI: "kpi", Actual: "actual", Target: "target" });
        expect(tiles(model(dv))[0].status).toBe("green");
        expect(tiles(model(dv, { defaultPolarity: "Low" }))[0].status).toBe("red");
        expect(tiles(model(dv, { defaultPolarity: "Low", defaultTolerance: 0.1, defaultToleranceType: "relative" }))[0].status).toBe("amber");
    });
    test("a per-KPI format string sets the decimals used for rating and display", () => {
        const tile = tiles(model(buildDataView([{ KPI: "A", Actual: 0.8496, Target: 0.85, Fmt: "0%" }],
            { KPI: "kpi", Actual: "actual", Target: "target", Fmt: "format" }, { Actual: "0.00%" })))[0];
        expect(tile.actualText).toBe("85%");
        expect(tile.status).toBe("green");
    });
    test("text roles delivered as measures are read the same way", () => {
        const tile = tiles(model(buildDataView([{ KPI: "A", Actual: 3, Target: 2, Polarity: "Low", Owner: "Ann" }],
            { KPI: "kpi", Actual: "actual", Target: "target", Polarity: "polarity", Owner: "owner" }, {}, { asMeasures: ["Polarity", "Owner"] })))[0];
        expect([tile.status, tile.owner]).toEqual(["red", "Ann"]);
    });
    test("numbers follow the host locale", () => {
        const tile = tiles(model(buildDataView(assessmentRows(), FULL_ROLES, PCT), {}, "de-DE"))[0];
        expect(tile.actualText).toBe("80,5%");
        expect(tile.gapText).toBe("4,5 pts below target");
    });
    test("HTML in names and commentary stays text in the model", () => {
        const tile = tiles(model(buildDataView([{ KPI: "<img src=x onerror=alert(1)>", Actual: 1, Commentary: "<script>alert(1)</script>" }],
            { KPI: "kpi", Actual: "actual", Commentary: "commentary" })))[0];
        expect(tile.name).toBe("<img src=x onerror=alert(1)>");
        expect(tile.commentary).toBe("<script>alert(1)</script>");
    });
});

describe("highlights and selection", () => {
    test("tiles with no highlighted row are dimmed; highlighted tiles use the highlight values", () => {
        const vm = model(buildDataView([{ KPI: "A", Actual: 1 }, { KPI: "B", Actual: 2 }], { KPI: "kpi", Actual: "actual" }, {}, { highlights: [true, false] }));
        expect(tiles(vm).map(x => x.dimmedByHighlight)).toEqual([false, true]);
        expect((vm as TilesModel).hasHighlights).toBe(true);
    });
    test("selection ids come from the injected factory with the KPI column and the KPI's first row", () => {
        const calls: [string, number][] = [];
        const vm = buildViewModel(buildDataView([{ KPI: "A", Actual: 1 }, { KPI: "B", Actual: 2 }, { KPI: "A", Actual: 3 }], { KPI: "kpi", Actual: "actual" }), {
            t, options: defaultTileOptions(),
            createSelectionId: (column, row) => {
                calls.push([column.source.displayName, row]);
                return { key: `${row}` } as unknown as powerbi.visuals.ISelectionId;
            },
        });
        // Made when first read (a drawn tile, a click), once per tile.
        expect(calls).toEqual([]);
        expect(tiles(vm).map(x => (x.selectionId as unknown as { key: string }).key)).toEqual(["0", "1"]);
        expect(tiles(vm).map(x => (x.selectionId as unknown as { key: string }).key)).toEqual(["0", "1"]);
        expect(calls).toEqual([["KPI", 0], ["KPI", 1]]);
    });
});

describe("status explained in words, for each reason", () => {
    const roles = { KPI: "kpi", Actual: "actual", Target: "target", Polarity: "polarity", Tolerance: "tolerance", Floor: "floor", Stretch: "stretch" };
    const explain = (row: Record<string, unknown>, format = "0.0%"): string =>
        tiles(model(buildDataView([{ KPI: "K", ...row }], roles, { Actual: format, Target: format, Floor: format, Stretch: format, Tolerance: format })))[0].statusExplanation;
    test.each([
        ["above target", { Actual: 0.87, Target: 0.85, Polarity: "High" },
            "Green: 2.0 points above the target of 85.0%. Higher is better."],
        ["exactly on target", { Actual: 0.85, Target: 0.85, Polarity: "High" },
            "Green: exactly on the target of 85.0%. Higher is better."],
        ["floor met", { Actual: 0.82, Target: 0.85, Floor: 0.8, Polarity: "High" },
            "Amber: 3.0 points below the target of 85.0% (amber down to the floor of 80.0%). Higher is better."],
        ["floor missed, lower is better", { Actual: 0.3, Target: 0.2, Floor: 0.25, Polarity: "Low" },
            "Red: 10.0 points above the target of 20.0% (above the floor of 25.0%). Lower is better."],
        ["floor met, lower is better: amber up to the floor", { Actual: 0.23, Target: 0.2, Floor: 0.25, Polarity: "Low" },
            "Amber: 3.0 points above the target of 20.0% (amber up to the floor of 25.0%). Lower is better."],
        ["absolute tolerance on a percentage", { Actual: 0.82, Target: 0.85, Tolerance: 0.05, Polarity: "High" },
            "Amber: 3.0 points below the target of 85.0% (amber within 5.0 points of target). Higher is better."],
        ["stretch met", { Actual: 0.93, Target: 0.85, Stretch: 0.9, Polarity: "High" },
            "Blue: meets the stretch value of 90.0% (target 85.0%). Higher is better."],
        ["only a floor", { Actual: 0.81, Floor: 0.8, Polarity: "High" },
            "Green: meets the floor of 80.0% (no target is set). Higher is better."],
        ["contextual", { Actual: 0.81, Target: 0.8, Polarity: "None" },
            "Not rated: a contextual measure (data only), never rated good or bad. Contextual: neither direction is better."],
    ])("%s", (_name, row, expected) => {
        expect(explain(row)).toBe(expected);
    });
    test("range: distance from target with both bands", () => {
        expect(explain({ Actual: 53, Target: 50, Tolerance: 2, Polarity: "Range" }, "0"))
            .toBe("Amber: 3 from the target of 50 (green within 2, amber within 4). Closer to target is better.");
    });
});
