import powerbi from "powerbi-visuals-api";
import { buildViewModel, KpiTile, ModelCache, ViewModel } from "../../../src/model";
import { Localiser } from "../../../src/i18n/localiser";
import { defaultTileOptions, TileOptions } from "../../../src/settings";
import { buildDataView } from "../../visual/helpers/buildDataView";

const ROLES = { KPI: "kpi", Period: "period", Actual: "actual", Target: "target", Polarity: "polarity" };
const FORMATS = { Actual: "0.0%", Target: "0.0%" };

function rows(overrides: Record<string, Partial<Record<string, unknown>>> = {}): Record<string, unknown>[] {
    const base = (kpi: string, period: string, actual: number): Record<string, unknown> =>
        ({ KPI: kpi, Period: period, Actual: actual, Target: 0.85, Polarity: "High", ...overrides[`${kpi}/${period}`] });
    return [base("A", "Q1", 0.8), base("A", "Q2", 0.9), base("B", "Q1", 0.7), base("B", "Q2", 0.6), base("C", "Q2", 0.86)];
}

function build(cache: ModelCache, dataView: powerbi.DataView, options: Partial<TileOptions> = {},
    createSelectionId?: (column: powerbi.DataViewCategoryColumn, row: number) => powerbi.visuals.ISelectionId): readonly KpiTile[] {
    const vm: ViewModel = buildViewModel(dataView, { t: new Localiser(undefined, "en-GB"), options: { ...defaultTileOptions(), ...options }, cache, createSelectionId });
    if (vm.kind !== "tiles") throw new Error(vm.kind);
    return vm.tiles;
}

/** What a reader sees of a tile, as plain data. */
function shown(tile: KpiTile): unknown {
    // The texts and drawn-only parts are getters made on first read: read each one.
    return {
        ...tile, selectionId: undefined, tooltipItems: tile.tooltipItems, statusExplanation: tile.statusExplanation, actualText: tile.actualText,
        targetText: tile.targetText, gapText: tile.gapText, changeText: tile.changeText, ariaLabel: tile.ariaLabel, benchmark: tile.benchmark,
        series: tile.series, pathToGreen: tile.pathToGreen,
    };
}

describe("tiles kept between updates", () => {
    test("a fresh copy of the same data gives the same tile objects", () => {
        const cache = new ModelCache();
        const first = build(cache, buildDataView(rows(), ROLES, FORMATS));
        const again = build(cache, buildDataView(rows(), ROLES, FORMATS));
        expect(again).toHaveLength(3);
        again.forEach((tile, i) => expect(tile).toBe(first[i]));
    });

    test("a changed value rebuilds that KPI's tile only, and the tile shows the new value", () => {
        const cache = new ModelCache();
        const first = build(cache, buildDataView(rows(), ROLES, FORMATS));
        const changed = build(cache, buildDataView(rows({ "B/Q2": { Actual: 0.95 } }), ROLES, FORMATS));
        expect(changed[0]).toBe(first[0]);
        expect(changed[2]).toBe(first[2]);
        expect(changed[1]).not.toBe(first[1]);
        expect(changed[1].actualText).toBe("95.0%");
        expect(changed[1].status).toBe("green");
        expect(first[1].status).toBe("red");
    });

    test("a cached tile is exactly what a build without the cache gives, after any sequence of updates", () => {
        const cache = new ModelCache();
        const sequence = [rows(), rows({ "A/Q2": { Actual: null } }), rows({ "C/Q2": { Target: 0.9 } }), rows(), rows({ "A/Q1": { Polarity: "Low" } })];
        for (const data of sequence) {
            const cached = build(cache, buildDataView(data, ROLES, FORMATS));
            const fresh = build(new ModelCache(), buildDataView(data, ROLES, FORMATS));
            expect(cached.map(shown)).toEqual(fresh.map(shown));
        }
    });

    test("a change of format settings rebuilds every tile", () => {
        const cache = new ModelCache();
        const first = build(cache, buildDataView(rows(), ROLES, FORMATS));
        const relabelled = build(cache, buildDataView(rows(), ROLES, FORMATS), { statusLabels: { red: "Off track" } });
        expect(relabelled[1]).not.toBe(first[1]);
        expect(relabelled[1].statusLabel).toBe("Off track");
        expect(relabelled[0]).not.toBe(first[0]);
    });

    test("a changed format string on the field rebuilds the tiles with the new format", () => {
        const cache = new ModelCache();
        build(cache, buildDataView(rows(), ROLES, FORMATS));
        const again = build(cache, buildDataView(rows(), ROLES, { Actual: "0%", Target: "0%" }));
        expect(again[0].actualText).toBe("90%");
    });

    test("dates equal in time count as unchanged; a different date does not", () => {
        const cache = new ModelCache();
        const dated = (month: number): Record<string, unknown>[] => [
            { KPI: "A", Period: new Date(Date.UTC(2025, 0, 1)), Actual: 1, Target: 2, Polarity: "High" },
            { KPI: "A", Period: new Date(Date.UTC(2025, month, 1)), Actual: 3, Target: 2, Polarity: "High" },
        ];
        const first = build(cache, buildDataView(dated(3), ROLES, {}));
        expect(build(cache, buildDataView(dated(3), ROLES, {}))[0]).toBe(first[0]);
        const moved = build(cache, buildDataView(dated(6), ROLES, {}));
        expect(moved[0]).not.toBe(first[0]);
        expect(moved[0].series.map(p => p.label)).not.toEqual(first[0].series.map(p => p.label));
    });

    test("a KPI that moves in the delivered order is rebuilt with its new place", () => {
        const cache = new ModelCache();
        const data = rows();
        build(cache, buildDataView(data, ROLES, FORMATS));
        const reordered = build(cache, buildDataView([...data.slice(2), ...data.slice(0, 2)], ROLES, FORMATS));
        expect(reordered.map(x => [x.name, x.deliveredIndex])).toEqual([["B", 0], ["C", 1], ["A", 2]]);
    });

    test("an unchanged KPI gets the new selection id when the host's ids differ", () => {
        const cache = new ModelCache();
        let generation = 0;
        const ids = (): ((column: powerbi.DataViewCategoryColumn, row: number) => powerbi.visuals.ISelectionId) => {
            const g = ++generation;
            return (_column, row) => ({ key: `${g}:${row}`, equals: (other: { key?: string }) => other.key === `${g}:${row}` }) as unknown as powerbi.visuals.ISelectionId;
        };
        const first = build(cache, buildDataView(rows(), ROLES, FORMATS), {}, ids());
        const second = build(cache, buildDataView(rows(), ROLES, FORMATS), {}, ids());
        expect((second[0].selectionId as unknown as { key: string }).key).toBe("2:0");
        expect(shown(second[0])).toEqual(shown(first[0]));
    });

    test("equal selection ids keep the tile object", () => {
        const cache = new ModelCache();
        const ids = (_column: powerbi.DataViewCategoryColumn, row: number): powerbi.visuals.ISelectionId =>
            ({ key: String(row), equals: (other: { key?: string }) => other.key === String(row) }) as unknown as powerbi.visuals.ISelectionId;
        const first = build(cache, buildDataView(rows(), ROLES, FORMATS), {}, ids);
        expect(build(cache, buildDataView(rows(), ROLES, FORMATS), {}, ids)[2]).toBe(first[2]);
    });

    test("highlighting rebuilds the highlighted tiles from the highlight values", () => {
        const cache = new ModelCache();
        const plain = build(cache, buildDataView([{ KPI: "A", Actual: 1 }, { KPI: "B", Actual: 2 }], { KPI: "kpi", Actual: "actual" }));
        const highlighted = build(cache, buildDataView([{ KPI: "A", Actual: 1 }, { KPI: "B", Actual: 2 }], { KPI: "kpi", Actual: "actual" }, {}, { highlights: [true, false] }));
        expect(plain.map(x => x.dimmedByHighlight)).toEqual([false, false]);
        expect(highlighted.map(x => x.dimmedByHighlight)).toEqual([false, true]);
    });

    test("a kept tile reads its lazy parts from the latest dataView, not the one it was built from", () => {
        const cache = new ModelCache();
        const roles = { ...ROLES, England: "england", Commentary: "commentary", Note: "tooltips" };
        const data = rows().map(r => ({ ...r, England: 0.84, Commentary: `About ${String(r.KPI)}`, Note: 7 }));
        const old = buildDataView(data, roles, FORMATS);
        const first = build(cache, old);
        const latest = buildDataView(data, roles, FORMATS);
        const kept = build(cache, latest);
        expect(kept[0]).toBe(first[0]);
        // The first dataView is gone (Power BI does not keep it): nothing may be read from it any more.
        for (const column of [...(old.categorical?.categories ?? []), ...(old.categorical?.values ?? [])]) {
            (column.values as unknown[]).fill("not a value any more");
            column.source.displayName = "not a field any more";
        }
        const fresh = build(new ModelCache(), latest);
        expect(shown(kept[0])).toEqual(shown(fresh[0]));
        expect(kept[0].series.map(p => p.actual)).toEqual([0.8, 0.9]);
        expect(kept[0].benchmark?.markers.map(m => m.text)).toEqual(["84.0%"]);
    });

    test("the texts, series and benchmarks are made only for the tiles that are read", () => {
        const data = Array.from({ length: 200 }, (_, i) => ({ KPI: `K${i}`, Period: "Q1", Actual: 0.5, Target: 0.6, Polarity: "High", England: 0.55 }));
        const roles = { ...ROLES, England: "england" };
        const tiles = build(new ModelCache(), buildDataView(data, roles, FORMATS));
        const own = (tile: KpiTile): string[] => Object.keys(tile);
        // Made on first read: none of these is an own field of a tile before it is read.
        for (const lazy of ["actualText", "gapText", "ariaLabel", "tooltipItems", "series", "benchmark", "statusExplanation"]) {
            expect(tiles.every(tile => !own(tile).includes(lazy))).toBe(true);
        }
        expect(tiles[3].gapText).toBe("10.0 pts below target");
        expect(tiles[3].benchmark?.markers).toHaveLength(1);
    });

    test("a kept tile that was stale in the last update and is not now has no staleness in its tooltip", () => {
        const cache = new ModelCache();
        const lines = (tile: KpiTile): string[] => tile.tooltipItems.map(i => `${i.displayName}: ${i.value}`);
        const data = (aHasQ2: boolean): Record<string, unknown>[] => [
            { KPI: "A", Period: "Q1", Actual: 0.8, Target: 0.85, Polarity: "High" },
            ...(aHasQ2 ? [{ KPI: "A", Period: "Q2", Actual: 0.9, Target: 0.85, Polarity: "High" }] : []),
            { KPI: "B", Period: "Q1", Actual: 0.7, Target: 0.85, Polarity: "High" },
        ];
        const first = build(cache, buildDataView(data(true), ROLES, FORMATS));
        expect(first[1].stale?.inView).toBe("Q2");
        expect(lines(first[1]).some(l => l.startsWith("Latest figure:"))).toBe(true);
        const second = build(cache, buildDataView(data(false), ROLES, FORMATS));
        expect(second[1].stale ?? null).toBeNull();
        expect(lines(second[1]).some(l => l.startsWith("Latest figure:"))).toBe(false);
        expect(lines(second[1])).toEqual(lines(build(new ModelCache(), buildDataView(data(false), ROLES, FORMATS))[1]));
    });
});
