/**
 * Random dataViews against the packaged visual in headless Chromium (scripts/fuzz): a fixed
 * seed, so a failure here repeats, and a random one, printed when it fails so it can be
 * repeated with `npm run fuzz -- --seed S`. Every case must give no exception, no console
 * error or warning, no network request, one renderingStarted and one renderingFinished, no
 * element or attribute built from data as markup, no NaN in SVG and no whole-visual failure.
 * `npm run fuzz` runs 10,000.
 */
import { randomInt } from "node:crypto";
import { useBrowser } from "./helpers/preview-session";
import { FuzzCounts, problemCount, runFuzz } from "../../scripts/fuzz/session";
import { visualUnderTest } from "./helpers/visual-under-test";

const FIXED_SEED = 20261201;

const browser = useBrowser();

function report(seed: number, counts: FuzzCounts): string {
    const { examples, ...figures } = counts;
    return `seed ${seed} (repeat with: npm run fuzz -- --seed ${seed} --runs ${counts.cases})\n${JSON.stringify(figures)}\n`
        + examples.map(e => `case ${e.index}: ${e.problem}${e.fuzzCase ? `\n  ${JSON.stringify(e.fuzzCase).slice(0, 4000)}` : ""}`).join("\n");
}

test.each([
    ["a fixed seed", FIXED_SEED, 300],
    ["a random seed", randomInt(2 ** 31), 100],
])("random dataViews from %s: no exception, console message, request, missing rendering event, markup or NaN", async (_name, seed, runs) => {
    const { counts } = await runFuzz({ browser: browser(), visual: await visualUnderTest(), seed, numRuns: runs });
    expect(counts.cases).toBe(runs);
    // The cases reach every part of a tile, not only the landing page.
    expect(counts.drawn.tiles).toBeGreaterThan(runs / 2);
    if (seed === FIXED_SEED) {
        expect(counts.drawn.strips).toBeGreaterThan(10);
        expect(counts.drawn.sparklines).toBeGreaterThan(10);
    }
    if (problemCount(counts) !== 0) throw new Error(report(seed, counts));
}, 600_000);
