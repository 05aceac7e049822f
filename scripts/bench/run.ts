/**
 * `npm run bench [-- --runs 7] [--pbiviz <file>]`: how fast the packaged visual renders in
 * headless Chromium, through the same host emulator as the preview, plus the package size and
 * (when dax/bench.ts exists) the DAX generator. Prints a table and the machine it ran on; not a
 * timed test (figures depend on the machine and its load).
 *
 * Timings are taken inside the page, from the call of visual.update() until both the visual's
 * renderingFinished event has come and the style and layout the update caused are done (what
 * the targets are judged on); in brackets, when renderingFinished came.
 * "First render" is the first update of a new instance in a fresh frame; "update" repeats a
 * data update on a running instance. Each figure is the median of the runs.
 */
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { cpus, totalmem } from "node:os";
import { join, resolve } from "node:path";
import type { Page } from "playwright-core";
import { openPreview } from "../lib/preview-browser";
import { parseArgs } from "../preview/cli-args";
import { DIST, ensurePackage, ROOT } from "../preview/build-steps";
import { buildDataView, JsonDataView } from "../preview/dataview";
import type { Dataset } from "../preview/dataset";
import { findPackage, readVisualPackage, VisualPackage } from "../preview/visual-package";
import { syntheticRows } from "./synthetic";

interface Timing { updateMs: number; finishedMs: number | null; outcome: string }

interface Case {
    readonly name: string;
    readonly kpis: number;
    readonly periods: number;
    /** Target for the repeated update, ms. */
    readonly updateTarget?: number;
}

const CASES: readonly Case[] = [
    { name: "10 KPIs x 12 periods", kpis: 10, periods: 12 },
    { name: "100 KPIs x 12 periods", kpis: 100, periods: 12, updateTarget: 16 },
    { name: "1,000 KPIs x 12 periods", kpis: 1000, periods: 12, updateTarget: 100 },
    { name: "30,000 rows (250 KPIs x 120 months)", kpis: 250, periods: 120, updateTarget: 250 },
];

export interface BenchRow {
    readonly measure: string;
    readonly value: string;
    /** When renderingFinished came (timed measures only). */
    readonly finished?: string;
    readonly target: string;
    readonly ok: boolean | null;
}

/**
 * When the update is done for the reader: the later of the visual's renderingFinished event and
 * the end of update() plus the style and layout it caused.
 */
function done(timing: Timing): number {
    return Math.max(timing.updateMs, timing.finishedMs ?? 0);
}

function median(values: readonly number[]): number {
    const sorted = [...values].sort((a, b) => a - b);
    const mid = Math.floor(sorted.length / 2);
    return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

const ms = (n: number): string => `${n.toFixed(1)} ms`;

type PreviewApi = {
    start(dv?: unknown): Promise<Timing>;
    update(dv?: unknown): Promise<Timing>;
    resize(w: number, h: number): Promise<Timing>;
};

async function setData(page: Page, dataView: JsonDataView): Promise<void> {
    await page.evaluate(dv => { (window as unknown as { benchDataView: unknown }).benchDataView = dv; }, dataView);
}

async function firstRender(page: Page): Promise<Timing> {
    return page.evaluate(() => {
        const w = window as unknown as { preview: PreviewApi; benchDataView: unknown };
        return w.preview.start(w.benchDataView);
    });
}

async function update(page: Page): Promise<Timing> {
    return page.evaluate(() => (window as unknown as { preview: PreviewApi }).preview.update());
}

async function resize(page: Page, width: number, height: number): Promise<Timing> {
    return page.evaluate(([w, h]) => (window as unknown as { preview: PreviewApi }).preview.resize(w, h), [width, height] as const);
}

async function heapAfterGc(page: Page): Promise<number> {
    const cdp = await page.context().newCDPSession(page);
    await cdp.send("HeapProfiler.collectGarbage");
    const usage = await cdp.send("Runtime.getHeapUsage") as { usedSize: number };
    await cdp.detach();
    return usage.usedSize;
}

function check(value: number, target: number | undefined): boolean | null {
    return target === undefined ? null : value < target;
}

async function benchDax(): Promise<BenchRow | null> {
    const file = join(ROOT, "dax", "bench.ts");
    if (!existsSync(file)) return null;
    const module = await import(file) as Record<string, unknown>;
    // The benchmark function: the default export, else an export whose name says "bench".
    const named = Object.entries(module).filter(([name]) => /bench/i.test(name)).map(([, value]) => value);
    const fn = [module.default, ...named]
        .find((candidate): candidate is (n?: number) => number | Promise<number> => typeof candidate === "function");
    if (!fn) return { measure: "DAX generator, 1,000 KPIs", value: "dax/bench.ts exports no benchmark function", target: "< 1,000 ms", ok: null };
    const value = await fn(1000);
    if (typeof value !== "number" || !Number.isFinite(value)) {
        return { measure: "DAX generator, 1,000 KPIs", value: `dax/bench.ts returned ${String(value)}, not a time in ms`, target: "< 1,000 ms", ok: null };
    }
    return { measure: "DAX generator, 1,000 KPIs", value: ms(value), target: "< 1,000 ms", ok: value < 1000 };
}

export async function runBenchmarks(visual: VisualPackage, runs: number, say: (line: string) => void): Promise<{ rows: BenchRow[]; machine: Record<string, string> }> {
    const rows: BenchRow[] = [];
    const empty: Dataset = { folder: "(synthetic)", rows: syntheticRows(10, 12), problems: [], ok: true, kpiCount: 10, periodCount: 12 };
    const preview = await openPreview({ visual, dataset: empty, width: 1280, height: 720 });
    const machine: Record<string, string> = {
        cpu: `${cpus().length} × ${cpus()[0]?.model ?? "unknown"}`,
        memory: `${(totalmem() / 2 ** 30).toFixed(1)} GiB`,
        node: process.version,
        browser: `Chromium ${preview.browser.version()}`,
        platform: `${process.platform} ${process.arch}`,
    };
    try {
        const page = preview.page;
        for (const c of CASES) {
            const built = buildDataView(syntheticRows(c.kpis, c.periods), visual.capabilities);
            const rowCount = built.dataView.categorical.categories[0]?.values.length ?? 0;
            say(`${c.name}: ${rowCount} rows${built.rowsCutOff ? `, ${built.rowsCutOff} cut off by the data-reduction limit` : ""}`);
            await setData(page, built.dataView);
            const first: Timing[] = [];
            for (let i = 0; i < runs; i++) first.push(await firstRender(page));
            const again: Timing[] = [];
            await update(page);
            for (let i = 0; i < runs * 2; i++) again.push(await update(page));
            const failed = [...first, ...again].filter(t => t.outcome !== "finished").length;
            const heap = await heapAfterGc(page);
            const firstMs = median(first.map(done));
            const updateMs = median(again.map(done));
            const finished = (timings: Timing[]): string => ms(median(timings.map(t => t.finishedMs ?? Number.NaN)));
            rows.push({ measure: `First render, ${c.name}`, value: ms(firstMs), finished: finished(first), target: "", ok: null });
            rows.push({ measure: `Update, ${c.name}`, value: ms(updateMs), finished: finished(again), target: c.updateTarget ? `< ${c.updateTarget} ms` : "", ok: check(updateMs, c.updateTarget) });
            rows.push({ measure: `JS heap after render, ${c.name}`, value: `${(heap / 2 ** 20).toFixed(1)} MiB`, target: "", ok: null });
            if (failed > 0) rows.push({ measure: `Updates without renderingFinished, ${c.name}`, value: String(failed), target: "0", ok: false });
            if (c.kpis === 100 || c.kpis === 1000) {
                const sizes: [number, number][] = [[900, 720], [1280, 720]];
                const relayout: Timing[] = [];
                for (let i = 0; i < runs * 2; i++) relayout.push(await resize(page, ...sizes[i % 2]));
                rows.push({ measure: `Resize re-layout, ${c.name}`, value: ms(median(relayout.map(done))), finished: finished(relayout), target: "", ok: null });
            }
        }
        if (preview.errors.length > 0) rows.push({ measure: "Console errors from the visual", value: String(preview.errors.length), target: "0", ok: false });
    } finally {
        await preview.close();
    }
    rows.push({ measure: ".pbiviz size", value: `${(visual.sizeBytes / 1024).toFixed(1)} KB`, target: "< 150 KB", ok: visual.sizeBytes < 150 * 1024 });
    const dax = await benchDax();
    if (dax) rows.push(dax);
    else say("DAX generator: dax/bench.ts not found, skipped");
    return { rows, machine };
}

export function markdownTable(rows: readonly BenchRow[]): string {
    const lines = ["| measure | result | renderingFinished after | target | |", "| --- | ---: | ---: | --- | --- |"];
    for (const r of rows) lines.push(`| ${r.measure} | ${r.value} | ${r.finished ?? ""} | ${r.target} | ${r.ok === null ? "" : r.ok ? "met" : "missed"} |`);
    return lines.join("\n");
}

async function main(): Promise<void> {
    const options = parseArgs(process.argv.slice(2));
    const runs = Math.max(1, options.runs ?? 7);
    const say = (line: string): void => console.log(line);
    if (!options.pbiviz) {
        const step = ensurePackage(say);
        if (step.outcome === "failed") throw new Error(step.message);
    }
    const path = options.pbiviz ? resolve(options.pbiviz) : findPackage(DIST);
    if (!path) throw new Error("No dist/*.pbiviz: run `npm run package`.");
    const visual = await readVisualPackage(path);
    say(`Benchmarking ${visual.displayName} ${visual.version} (${path}), median of ${runs} runs (updates: ${runs * 2})`);
    const { rows, machine } = await runBenchmarks(visual, runs, say);
    const table = markdownTable(rows);
    const machineText = Object.entries(machine).map(([k, v]) => `${k}: ${v}`).join("; ");
    console.log(`\n${table}\n\nMachine: ${machineText}\nDate: ${new Date().toISOString()}`);
    const out = join(ROOT, "test-artifacts");
    mkdirSync(out, { recursive: true });
    writeFileSync(join(out, "bench.md"), `${table}\n\nMachine: ${machineText}\nDate: ${new Date().toISOString()}\n`);
    writeFileSync(join(out, "bench.json"), JSON.stringify({ rows, machine, date: new Date().toISOString(), package: path }, null, 2));
}

if (require.main === module) {
    main().catch((error: unknown) => {
        console.error(error instanceof Error ? error.stack ?? error.message : String(error));
        process.exit(1);
    });
}
