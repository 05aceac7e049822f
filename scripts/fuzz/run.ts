/**
 * `npm run fuzz [-- --runs N --seed S]`: the browser fuzz test at scale (10,000 random dataViews
 * by default) against the newest dist/*.pbiviz. Prints the counts and exits 1 when any is not 0.
 */
import { randomInt } from "node:crypto";
import { launchBrowser } from "../lib/browser";
import { DIST } from "../preview/build-steps";
import { findPackage, readVisualPackage } from "../preview/visual-package";
import { problemCount, runFuzz } from "./session";

function argument(name: string): string | undefined {
    const at = process.argv.indexOf(`--${name}`);
    return at >= 0 ? process.argv[at + 1] : undefined;
}

async function main(): Promise<void> {
    const runs = Number(argument("runs") ?? 10_000);
    const seed = Number(argument("seed") ?? randomInt(2 ** 31));
    const path = argument("pbiviz") ?? findPackage(DIST);
    if (!path) throw new Error("No dist/*.pbiviz: run `npm run package` first.");
    const browser = await launchBrowser();
    try {
        process.stdout.write(`Fuzzing ${path} with ${runs} random dataViews, seed ${seed}\n`);
        const started = Date.now();
        const { counts } = await runFuzz({
            browser, visual: await readVisualPackage(path), seed, numRuns: runs,
            onProgress: (done, c) => process.stdout.write(`  ${done} cases, ${problemCount(c)} problems\n`),
        });
        const { examples, ...figures } = counts;
        process.stdout.write(`${JSON.stringify(figures, null, 2)}\n`);
        for (const e of examples) process.stdout.write(`case ${e.index}: ${e.problem}\n${e.fuzzCase ? `  ${JSON.stringify(e.fuzzCase)}\n` : ""}`);
        process.stdout.write(`${((Date.now() - started) / 1000).toFixed(0)} s; seed ${seed}\n`);
        process.exitCode = problemCount(counts) === 0 ? 0 : 1;
    } finally {
        await browser.close();
    }
}

main().catch(error => {
    process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
    process.exit(1);
});
