/**
 * Bindings a report creator may choose (README, docs/visual.md: the text roles may be columns
 * or measures), fed through SUMMARIZECOLUMNS as Power BI feeds the visual. Columns of the KPI
 * table (polarity, owner, format) group within that table (auto-exist): one row per KPI x
 * period and the same tiles as the sample report's measure bindings. A column of the fact
 * table bound as a category (commentary = 'KPI Values'[Commentary]) is cross-joined with the
 * KPI and Period columns: rows multiply, tiles pick up another row's commentary and the
 * measures see the commentary as a filter (direction of travel can change). This test
 * measures both, so docs/visual.md can say which binding to avoid.
 */
import { readFileSync } from "fs";
import { join } from "path";
import { BLANK_VALUE } from "../../dax/src/evaluator/scalar";
import { columnFilter, Engine, FilterContext } from "../../dax/src/engine/evaluate";
import { loadStarModel } from "../../dax/src/engine/star";
import { parseTmdlMeasures } from "../../dax/src/expr/parse";
import { GENERIC } from "../../dax/src/measures/names";
import { TILE_ROLE_BINDINGS } from "../../scripts/pbip/report/pages";
import { Binding, compareTiles, ROW_LIMIT, visualTiles } from "./harness";

const ROOT = join(__dirname, "..", "..");
const TMDL = join(ROOT, "sample", "pbip", "Childrens Services.SemanticModel", "definition", "tables", "KPI Measures.tmdl");
const measures = parseTmdlMeasures(readFileSync(TMDL, "utf8"), TMDL);
const model = loadStarModel(join(ROOT, "sample", "data")).withMeasures(new Map(measures.map(m => [m.name, m.expression])));
const engine = new Engine(model);
const kpis = model.table("KPI").rows.length;
const periods = model.table("Period").rows.length;
const column = (table: string, property: string): Binding => ({ kind: "Column", table, property });

test("the sample report's bindings: one row per KPI x period", () => {
    const feed = visualTiles(engine, []);
    expect(feed.rows).toBe(kpis * periods);
    expect(feed.cutOff).toBe(0);
});

test("polarity, owner and format bound as KPI columns: the same rows and tiles", () => {
    const bindings = { ...TILE_ROLE_BINDINGS, polarity: column("KPI", "Polarity"), owner: column("KPI", "Owner"), format: column("KPI", "Format String") };
    const feed = visualTiles(engine, [], bindings);
    expect(feed.rows).toBe(kpis * periods);
    const out: string[] = [];
    compareTiles(feed.tiles, visualTiles(engine, []).tiles, out, "KPI columns");
    expect(out).toEqual([]);
});

test("commentary bound as the 'KPI Values'[Commentary] column multiplies the rows and mixes up commentary", () => {
    // One period selected keeps the test quick; without a period slicer the sample gives
    // KPIs x periods x distinct commentaries rows (29 x 10 x 75 = 21,750, measured once).
    const latest = model.table("Period").rows.reduce((a, b) => ((a["Period Index"] as number) > (b["Period Index"] as number) ? a : b));
    const filters = [columnFilter(model, "Period", "Period", [latest["Period"]])];
    const atLatest = engine.visible("KPI Values", new FilterContext(filters));
    const commentaries = new Set(atLatest.map(r => r["Commentary"])).size;
    const feed = visualTiles(engine, filters, { ...TILE_ROLE_BINDINGS, commentary: column("KPI Values", "Commentary") });
    const wrongCommentary = feed.tiles.filter(tile => {
        const own = engine.measure(GENERIC.commentary, new FilterContext([...filters, columnFilter(model, "KPI", "KPI", [tile.name])]));
        return (own === BLANK_VALUE ? null : own) !== tile.commentary;
    });
    const facts: string[] = [];
    compareTiles(feed.tiles, visualTiles(engine, filters).tiles, facts, "commentary column");
    console.log(`commentary as a category column, period ${String(latest["Period"])}: ${feed.combinations} combinations (${kpis} KPIs x ${commentaries} distinct commentaries), ` +
        `${feed.rows + feed.cutOff} rows with a value instead of ${kpis}, ${feed.cutOff} cut off at ${ROW_LIMIT}; ` +
        `${wrongCommentary.length}/${feed.tiles.length} tiles show another row's commentary; facts that change: ${facts.length ? facts.join("; ") : "none"}`);
    expect(feed.combinations).toBe(kpis * commentaries);
    expect(feed.rows + feed.cutOff).toBe(kpis * commentaries);
    expect(wrongCommentary.length).toBeGreaterThan(0);
    // [KPI Previous] keeps the commentary filter too (the previous period's row must have the
    // same commentary), so direction of travel can change as well: reported, not asserted.
});
