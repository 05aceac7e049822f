/**
 * End-to-end agreement over random star-schema datasets (fast-check): gaps (no value row),
 * suppressed values, period targets, benchmark rows that change over time, every polarity
 * spelling and format. Each dataset is written as CSV files, loaded by the engine with the
 * generic measures generated for its KPIs (printed, parsed back), and the visual is fed the
 * sample report's bindings through SUMMARIZECOLUMNS. In every tile's filter context (one KPI
 * with all periods; one KPI and one period; a service-area slicer) the visual's status,
 * direction, band, gap and rank equal the measures'; and the measures hold what the preview
 * reads from the same files. Sizes are modest so the test runs in seconds.
 */
import fc from "fast-check";
import { Engine } from "../../dax/src/engine/evaluate";
import { starModelFromCsv } from "../../dax/src/engine/star";
import { parseExpression } from "../../dax/src/expr/parse";
import { printExpr } from "../../dax/src/expr/print";
import { allMeasures } from "../../dax/src/measures/all";
import { precisionFromFormat } from "../../src/rules";
import { readDataset } from "../../scripts/preview/dataset";
import { kpi } from "../dax/helpers";
import {
    compareFeed, compareTiles, compareWithPreview, describeTally, newTally, previewTiles, slicer, Tally, visualTiles,
} from "./harness";
import { Cells, starCsv, writeStarFolder } from "./starData";

const FORMATS = ["0", "0.0", "0.0%", "0.00", "#,0"];
const POLARITIES = ["High", "Low", "Range", "None", "higher is better", " LOW ", "close to target", "", "sideways"];
const AREAS = ["Front door", "Children in care"];

interface RandomKpi {
    readonly format: string;
    readonly polarity: string;
    readonly area: string;
    readonly target: number | null;
    readonly tolerance: number | null;
    readonly relative: boolean;
    readonly floor: number | null;
    readonly stretch: number | null;
}

/** A value in the KPI's unit: near the target (on it, just either side) or anywhere. */
const valueFor = (k: RandomKpi): fc.Arbitrary<number> => {
    const scale = k.format.includes("%") ? 1000 : k.format === "0.00" ? 100 : 10;
    const anywhere = fc.integer({ min: 0, max: 2000 }).map(n => (k.format.includes("%") ? n / 2000 : n / scale));
    if (k.target === null) return anywhere;
    const t = k.target;
    return fc.oneof(anywhere, fc.constantFrom(t, t + 1 / scale, t - 1 / scale, t + 0.4 / scale, t - 0.6 / scale, t + (k.tolerance ?? 0)));
};

const kpiArb: fc.Arbitrary<RandomKpi> = fc.record({
    format: fc.constantFrom(...FORMATS), polarity: fc.constantFrom(...POLARITIES), area: fc.constantFrom(...AREAS),
    target: fc.option(fc.integer({ min: 0, max: 100 }), { nil: null }), tolerance: fc.option(fc.constantFrom(0, 1, 2, 5), { nil: null }),
    relative: fc.boolean(), floor: fc.option(fc.integer({ min: 0, max: 100 }), { nil: null }),
    stretch: fc.option(fc.integer({ min: 0, max: 100 }), { nil: null }),
}).map(k => {
    // Targets and edges in the KPI's unit (fractions for percentages).
    const unit = (n: number | null): number | null => (n === null ? null : k.format.includes("%") ? n / 100 : n);
    return { ...k, target: unit(k.target), floor: unit(k.floor), stretch: unit(k.stretch),
        tolerance: k.relative ? (k.tolerance === null ? null : k.tolerance / 100) : unit(k.tolerance) };
});

const datasetOf = (size: { kpis: [number, number]; periods: [number, number] }) => fc.record({
    kpis: fc.array(kpiArb, { minLength: size.kpis[0], maxLength: size.kpis[1] }),
    periods: fc.integer({ min: size.periods[0], max: size.periods[1] }),
}).chain(({ kpis, periods }) => fc.record({
    kpis: fc.constant(kpis),
    periods: fc.constant(periods),
    values: fc.tuple(...kpis.map(k => fc.array(fc.record({
        kind: fc.constantFrom("value", "value", "value", "gap", "suppressed", "blank"),
        actual: valueFor(k),
        periodTarget: fc.option(valueFor(k), { nil: null, freq: 4 }),
    }), { minLength: periods, maxLength: periods }))),
    benchmarks: fc.tuple(...kpis.map(k => fc.uniqueArray(fc.integer({ min: 1, max: periods }), { maxLength: 3 }).chain(froms => fc.tuple(
        ...froms.map(from => fc.record({ from: fc.constant(from), england: valueFor(k), q: fc.tuple(valueFor(k), valueFor(k), valueFor(k)),
            rank: fc.option(fc.integer({ min: 1, max: 150 }), { nil: null }) })))))),
}));

const datasetArb = datasetOf({ kpis: [1, 5], periods: [1, 6] });

type Dataset = typeof datasetArb extends fc.Arbitrary<infer T> ? T : never;

function files(d: Dataset): Record<string, string> {
    const id = (i: number): string => `K${i + 1}`;
    const kpis: Cells[] = d.kpis.map((k, i) => ({
        "KPI ID": id(i), "KPI": `KPI ${i + 1}`, "Service Area": k.area, "Polarity": k.polarity, "Format String": k.format,
        "Decimals": precisionFromFormat(k.format)?.storedDecimals ?? null, "Target": k.target, "Tolerance": k.tolerance,
        "Tolerance Type": k.tolerance === null ? null : k.relative ? "relative" : "absolute", "Floor": k.floor, "Stretch": k.stretch,
        "Sort Order": i + 1,
    }));
    const periods: Cells[] = Array.from({ length: d.periods }, (_, i) => ({ "Period ID": `P${i + 1}`, "Period": `Period ${i + 1}`, "Period Index": i + 1 }));
    const values: Cells[] = d.values.flatMap((series, i) => series.flatMap((v, p): Cells[] => {
        if (v.kind === "gap") return [];
        const actual = v.kind === "value" ? v.actual : null;
        return [{ "KPI ID": id(i), "Period ID": `P${p + 1}`, "Actual": actual, "Period Target": v.periodTarget,
            "Data Quality": v.kind === "suppressed" ? "Suppressed" : null }];
    }));
    const benchmarks: Cells[] = d.benchmarks.flatMap((rows, i) => rows.map(b => {
        const [q1, median, q3] = [...b.q].sort((x, y) => x - y);
        return { "KPI ID": id(i), "Year": `Y${b.from}`, "Applies From Index": b.from, "England": b.england, "Q1": q1, "Median": median,
            "Q3": q3, "Rank": b.rank, "Authorities": b.rank === null ? null : 150 };
    }));
    return starCsv({ kpis, periods, values, benchmarks });
}

interface Totals {
    readonly all: Tally;
    readonly byPeriod: Tally;
    readonly byArea: Tally;
    cells: number;
    previewFacts: number;
    refused: number;
    readonly previewProblems: string[];
}

const newTotals = (): Totals => ({ all: newTally(), byPeriod: newTally(), byArea: newTally(), cells: 0, previewFacts: 0, refused: 0, previewProblems: [] });

/** Every comparison for one dataset; throws on the first disagreement. */
function checkDataset(d: Dataset, totals: Totals): void {
    const csv = files(d);
    const definitions = d.kpis.map((k, i) => ({ ...kpi({ polarity: "High" }), id: `K${i + 1}`, format: k.format, actualExpression: null }));
    const measures = allMeasures({ file: "random.yaml", kpis: definitions });
    const model = starModelFromCsv(csv).withMeasures(new Map(measures.map(m => [m.name, parseExpression(printExpr(m.expression), { source: m.name })])));
    const engine = new Engine(model);
    const check = (tally: Tally, filters: Parameters<typeof visualTiles>[1], where: string): void => {
        const before = tally.disagreements.length;
        compareFeed(engine, filters, visualTiles(engine, filters), tally, where);
        if (tally.disagreements.length > before) throw new Error(tally.disagreements.slice(before).join("\n"));
    };
    check(totals.all, [], "all periods");
    for (let p = 1; p <= d.periods; p++) check(totals.byPeriod, [slicer(model, "Period", "Period", [`Period ${p}`])], `Period ${p}`);
    for (const a of new Set(d.kpis.map(k => k.area))) check(totals.byArea, [slicer(model, "KPI", "Service Area", [a])], a);

    const dataset = readDataset(writeStarFolder(csv));
    const errors = dataset.problems.filter(p => p.severity === "error");
    // The preview refuses a polarity it does not recognise (the tiles show "Not recognised"); compare the rest.
    if (errors.some(e => !/is not a polarity/.test(e.message))) {
        throw new Error(`the preview refuses the dataset: ${errors.map(e => e.message).join("; ")}`);
    }
    if (errors.length > 0) { totals.refused++; return; }
    const before = totals.previewProblems.length;
    totals.cells += compareWithPreview(engine, dataset.rows, totals.previewProblems);
    totals.previewFacts += compareTiles(previewTiles(dataset.rows), visualTiles(engine, []).tiles, totals.previewProblems, "all periods");
    if (totals.previewProblems.length > before) throw new Error(totals.previewProblems.slice(before).join("\n"));
}

function summary(label: string, totals: Totals): string {
    return [
        `${label}, one KPI with all periods: ${describeTally(totals.all)}`,
        `${label}, one KPI and one period: ${describeTally(totals.byPeriod)}`,
        `${label}, service-area slicer: ${describeTally(totals.byArea)}`,
        `${label}, measures against the preview's reading: ${totals.cells}/${totals.cells} cells; preview tiles against model-fed tiles: ${totals.previewFacts} facts` +
            (totals.refused ? ` (${totals.refused} datasets with an unrecognised polarity, which the preview refuses, not compared)` : ""),
    ].join("\n");
}

test("random star-schema datasets: the tiles show what the measures compute in each tile's filter context", () => {
    const totals = newTotals();
    let datasets = 0;
    fc.assert(fc.property(datasetArb, d => {
        datasets++;
        checkDataset(d, totals);
    }), { numRuns: 40, seed: 14 });
    console.log(summary(`random datasets (${datasets} runs)`, totals));
});

test("a larger random dataset: 100 KPIs x 12 periods", () => {
    const [sampled] = fc.sample(datasetOf({ kpis: [100, 100], periods: [12, 12] }), { numRuns: 1, seed: 2026 });
    // Recognised polarities only, so the preview reads it too.
    const d: Dataset = { ...sampled, kpis: sampled.kpis.map(k => (k.polarity === "sideways" ? { ...k, polarity: "High" } : k)) };
    const totals = newTotals();
    checkDataset(d, totals);
    console.log(summary("100 KPIs x 12 periods", totals));
    expect(totals.byPeriod.counts.status.total).toBe(1200);
    expect(totals.refused).toBe(0);
}, 120_000);
