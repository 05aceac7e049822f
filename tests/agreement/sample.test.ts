/**
 * End-to-end agreement on the sample: the Children's Services star schema (sample/data) in the
 * engine with the measures of the sample Power BI Project (sample/pbip TMDL, parsed from the
 * text); the visual fed through SUMMARIZECOLUMNS for the sample report's bindings. For every
 * tile in three filter contexts (no slicer: one KPI with all periods; a period slicer on each
 * period: one KPI and one period; a service-area slicer on each area), the visual's status,
 * direction, quartile band, gap and rank equal the measures' in that tile's filter context.
 */
import { readFileSync } from "fs";
import { join } from "path";
import { Engine } from "../../dax/src/engine/evaluate";
import { loadStarModel } from "../../dax/src/engine/star";
import { parseQuery, parseTmdlMeasures } from "../../dax/src/expr/parse";
import { BLANK_VALUE } from "../../dax/src/evaluator/scalar";
import { columnFilter, FilterContext } from "../../dax/src/engine/evaluate";
import { evaluateQuery } from "../../dax/src/engine/summarize";
import { DIRECTION_LABEL } from "../../dax/src/measures/labels";
import { GENERIC } from "../../dax/src/measures/names";
import { Direction, Status, STATUS_LABEL_EN } from "../../src/rules";
import { readDataset } from "../../scripts/preview/dataset";
import { compareFeed, compareTiles, compareWithPreview, daxFacts, describeTally, newTally, previewTiles, slicer, visualTiles } from "./harness";

const ROOT = join(__dirname, "..", "..");
const TMDL = join(ROOT, "sample", "pbip", "Childrens Services.SemanticModel", "definition", "tables", "KPI Measures.tmdl");

test("every KPI x period of the sample: the tiles show what the measures compute", () => {
    const measures = parseTmdlMeasures(readFileSync(TMDL, "utf8"), TMDL);
    const model = loadStarModel(join(ROOT, "sample", "data")).withMeasures(new Map(measures.map(m => [m.name, m.expression])));
    const formats = Object.fromEntries(measures.filter(m => m.formatString).map(m => [m.name, m.formatString as string]));
    const engine = new Engine(model);
    const kpis = model.table("KPI").rows.length;
    const periods = model.table("Period").rows.map(r => r["Period"]);
    const areas = [...new Set(model.table("KPI").rows.map(r => r["Service Area"]))];

    const all = newTally();
    const feed = visualTiles(engine, [], undefined, formats);
    expect(feed.tiles.length).toBe(kpis);
    compareFeed(engine, [], feed, all, "all periods");

    const byPeriod = newTally();
    for (const p of periods) {
        const filters = [slicer(model, "Period", "Period", [p])];
        const one = visualTiles(engine, filters, undefined, formats);
        expect([p, one.tiles.length]).toEqual([p, kpis]);
        compareFeed(engine, filters, one, byPeriod, String(p));
    }

    const byArea = newTally();
    for (const a of areas) {
        const filters = [slicer(model, "KPI", "Service Area", [a])];
        const area = visualTiles(engine, filters, undefined, formats);
        compareFeed(engine, filters, area, byArea, String(a));
    }
    console.log([
        `sample, one KPI with all periods: ${describeTally(all)}`,
        `sample, one KPI and one period (${kpis} KPIs x ${periods.length} periods): ${describeTally(byPeriod)}`,
        `sample, service-area slicer (${areas.length} areas): ${describeTally(byArea)}`,
        ...all.disagreements, ...byPeriod.disagreements, ...byArea.disagreements,
    ].join("\n"));
    expect(byPeriod.counts.status.total).toBe(kpis * periods.length);
    expect(byArea.counts.status.total).toBe(kpis);
    expect([...all.disagreements, ...byPeriod.disagreements, ...byArea.disagreements]).toEqual([]);
});

test("the sample's measures hold what the preview reads from the same CSV files, and the preview's tiles equal the model-fed ones", () => {
    const measures = parseTmdlMeasures(readFileSync(TMDL, "utf8"), TMDL);
    const model = loadStarModel(join(ROOT, "sample", "data")).withMeasures(new Map(measures.map(m => [m.name, m.expression])));
    const engine = new Engine(model);
    const dataset = readDataset(join(ROOT, "sample", "data"));
    expect(dataset.problems.filter(p => p.severity === "error")).toEqual([]);
    const out: string[] = [];
    const cells = compareWithPreview(engine, dataset.rows, out);
    const tiles = compareTiles(previewTiles(dataset.rows), visualTiles(engine, []).tiles, out, "all periods");
    console.log(`sample, measures against the preview's reading: ${cells - out.length}/${cells} cells; preview tiles against model-fed tiles: ${tiles} facts`);
    expect(out).toEqual([]);
});

test("the DAX query view script runs: one row per KPI with the status and direction its tile shows", () => {
    const query = parseQuery(readFileSync(join(ROOT, "dax", "generated", "kpi-measures.dax"), "utf8"), { source: "kpi-measures.dax" });
    const base = loadStarModel(join(ROOT, "sample", "data"));
    const [rows] = evaluateQuery(base, query);
    const engine = new Engine(base.withMeasures(new Map(query.measures.map(m => [m.name, m.expression]))));
    const tiles = visualTiles(engine, []).tiles;
    expect(rows.map(r => r["KPI"])).toEqual(tiles.map(t => t.name));
    const labels = (r: Record<string, unknown>): unknown[] => [r["KPI"], r["Status"], r["Direction"] ?? null];
    const facts = tiles.map(t => { const f = daxFacts(engine, [], t.name); return [t.name, f.status, f.direction]; });
    expect(rows.map(r => labels(Object.fromEntries(Object.entries(r).map(([k, v]) => [k, v === BLANK_VALUE ? null : v])))))
        .toEqual(facts.map(([name, status, direction]) => [name, STATUS_LABEL_EN[status as Status], DIRECTION_LABEL[direction as Direction]]));
});

test("the per-KPI family rates as the generic family on the sample (status and direction, every period)", () => {
    const measures = parseTmdlMeasures(readFileSync(TMDL, "utf8"), TMDL);
    const model = loadStarModel(join(ROOT, "sample", "data")).withMeasures(new Map(measures.map(m => [m.name, m.expression])));
    const engine = new Engine(model);
    const perKpi = measures.filter(m => / Status$/.test(m.name) && !m.name.startsWith("KPI ")).map(m => m.name.replace(/ Status$/, ""));
    expect(perKpi.length).toBeGreaterThan(0);
    const wrong: string[] = [];
    let compared = 0;
    for (const name of perKpi) {
        for (const p of model.table("Period").rows.map(r => r["Period"])) {
            const period = columnFilter(model, "Period", "Period", [p]);
            const tile = new FilterContext([period, columnFilter(model, "KPI", "KPI", [name])]);
            for (const [own, generic] of [[`${name} Status`, GENERIC.status], [`${name} Direction`, GENERIC.direction]]) {
                compared++;
                const a = engine.measure(own, new FilterContext([period]));
                const b = engine.measure(generic, tile);
                if (a !== b) wrong.push(`${name}, ${String(p)}: [${own}] ${String(a)}, [${generic}] ${String(b)}`);
            }
        }
    }
    console.log(`sample, per-KPI family against the generic family: ${compared - wrong.length}/${compared}`);
    expect(wrong).toEqual([]);
});

test("a period slicer 'up to' each period (as the snapshot and pack choose the period in view): tiles, measures and preview agree", () => {
    const measures = parseTmdlMeasures(readFileSync(TMDL, "utf8"), TMDL);
    const model = loadStarModel(join(ROOT, "sample", "data")).withMeasures(new Map(measures.map(m => [m.name, m.expression])));
    const engine = new Engine(model);
    const rows = readDataset(join(ROOT, "sample", "data")).rows;
    const tally = newTally();
    const out: string[] = [];
    let singleDiffers = 0;
    const indexes = model.table("Period").rows.map(r => r["Period Index"] as number);
    for (const p of indexes) {
        const upTo = [slicer(model, "Period", "Period Index", indexes.filter(i => i <= p))];
        const feed = visualTiles(engine, upTo);
        compareFeed(engine, upTo, feed, tally, `up to ${p}`);
        compareTiles(feed.tiles, previewTiles(rows.filter(r => r.periodIndex <= p)), out, `up to ${p}`);
        // The same period as a single selection: KPIs without a figure in it show No data instead.
        const single = visualTiles(engine, [slicer(model, "Period", "Period Index", [p])]).tiles;
        singleDiffers += feed.tiles.filter((t, i) => t.status !== single[i]?.status).length;
    }
    console.log(`sample, period slicer up to each period: ${describeTally(tally)}; against the preview/snapshot selection: ` +
        `${out.length === 0 ? "equal" : out.length + " differ"}; a single-period slicer shows another status on ${singleDiffers} of these tiles`);
    expect([...tally.disagreements, ...out]).toEqual([]);
});
