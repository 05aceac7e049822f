/**
 * The packaged visual, in headless Chromium with the sample dataset, shows on each tile (its
 * data-status, data-direction and data-band hooks) what the sample Power BI Project's
 * measures, parsed from its TMDL text and evaluated by the engine in that tile's filter
 * context (its KPI, all periods), compute.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { Engine } from "../../dax/src/engine/evaluate";
import { loadStarModel } from "../../dax/src/engine/star";
import { parseTmdlMeasures } from "../../dax/src/expr/parse";
import { daxFacts } from "../agreement/harness";
import { previewOf, readTiles, useBrowser } from "./helpers/preview-session";

const ROOT = join(__dirname, "..", "..");
const SAMPLE = join(ROOT, "sample", "data");
const TMDL = join(ROOT, "sample", "pbip", "Childrens Services.SemanticModel", "definition", "tables", "KPI Measures.tmdl");

const browser = useBrowser();

test("every tile of the packaged visual carries the status, direction and band the measures compute for its KPI", async () => {
    const measures = parseTmdlMeasures(readFileSync(TMDL, "utf8"), TMDL);
    const model = loadStarModel(SAMPLE).withMeasures(new Map(measures.map(m => [m.name, m.expression])));
    const engine = new Engine(model);
    const kpis = model.table("KPI").rows.map(r => String(r["KPI"]));
    const preview = await previewOf(browser(), SAMPLE, 1920, 1080);
    try {
        const tiles = await readTiles(preview.frame());
        expect(tiles.map(t => t.kpi).sort()).toEqual([...kpis].sort());
        const counts = { status: 0, direction: 0, band: 0 };
        const wrong: string[] = [];
        for (const tile of tiles) {
            const dax = daxFacts(engine, [], String(tile.kpi));
            const hooks = { status: tile.status, direction: tile.direction, band: tile.band };
            const want = { status: dax.status, direction: dax.direction, band: dax.band };
            for (const k of ["status", "direction", "band"] as const) {
                if (hooks[k] === want[k]) counts[k]++;
                else wrong.push(`${tile.kpi}: data-${k} ${String(hooks[k])}, DAX ${String(want[k])}`);
            }
        }
        console.log(`packaged visual, sample, one KPI with all periods: ${counts.status}/${tiles.length} status, ${counts.direction}/${tiles.length} direction, ${counts.band}/${tiles.length} band`);
        expect(wrong).toEqual([]);
        expect(preview.errors).toEqual([]);
    } finally {
        await preview.close();
    }
}, 180_000);
