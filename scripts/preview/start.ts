/**
 * `npm start [-- --data <folder>] [--port <n>] [--no-build]`: build what is missing or stale,
 * then serve the preview of the packaged visual on 127.0.0.1 and print its address.
 * Without --data the generated sample dataset (sample/data) is previewed.
 */
import { resolve } from "node:path";
import { parseArgs } from "./cli-args";
import { DIST, ensureGenerated, ensurePackage, SAMPLE_DATA } from "./build-steps";
import { describeProblem, readDataset } from "./dataset";
import { startPreviewServer } from "./server";
import { findPackage, readVisualPackage } from "./visual-package";

const USAGE = `Usage: npm start [-- --data <folder>] [--port <n>] [--no-build]

  --data <folder>  a dataset folder in the documented format (docs/preview.md);
                   default: the sample dataset in sample/data
  --port <n>       port on 127.0.0.1 (default: PORT or 8080, or the next free one)
  --pbiviz <file>  preview this package instead of the newest dist/*.pbiviz
  --no-build       use dist/*.pbiviz and the dataset as they are`;

async function main(): Promise<void> {
    const options = parseArgs(process.argv.slice(2));
    if (options.help) { console.log(USAGE); return; }
    const say = (line: string): void => console.log(line);

    if (options.build && options.pbiviz === undefined) {
        const pkg = ensurePackage(say);
        say(`visual package: ${pkg.outcome}${pkg.message ? ` (${pkg.message})` : ""}`);
        if (options.data === undefined) {
            for (const step of ensureGenerated(say)) say(`${step.name}: ${step.outcome}${step.message ? ` (${step.message})` : ""}`);
        }
    }
    const packagePath = options.pbiviz ? resolve(options.pbiviz) : findPackage(DIST);
    if (!packagePath) throw new Error("No dist/*.pbiviz: run `npm run package` (or npm start without --no-build).");
    const visual = await readVisualPackage(packagePath);

    const folder = resolve(options.data ?? SAMPLE_DATA);
    const dataset = readDataset(folder);
    say(`dataset: ${folder}: ${dataset.kpiCount} KPIs, ${dataset.periodCount} periods, ${dataset.rows.length} rows`);
    for (const problem of dataset.problems) say(`  ${describeProblem(problem)}`);
    if (!dataset.ok) say("The dataset has errors: the page lists them; fix them and restart.");

    const requested = options.port ?? (process.env.PORT ? Number(process.env.PORT) : undefined);
    const server = await startPreviewServer({ visual, dataset, port: requested ?? 8080, findFreePort: requested === undefined });
    say("");
    say(`Preview of ${visual.displayName} ${visual.version} (${(visual.sizeBytes / 1024).toFixed(1)} KB) on ${folder}`);
    say(`Open ${server.url}`);
    say("Press Ctrl+C to stop.");
    const stop = (): void => { void server.close().then(() => process.exit(0)); };
    process.on("SIGINT", stop);
    process.on("SIGTERM", stop);
}

main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
});
