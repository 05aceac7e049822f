/**
 * `npm run bench [-- --runs 7] [--pbiviz <file>] [--cases 100,1000]`: how fast the packaged visual answers what
 * users do, in headless Chromium through the same host emulator as the preview, plus the package
 * size and (when dax/bench.ts exists) the DAX generator. Prints a table and the machine it ran
 * on; not a timed test (figures depend on the machine and its load).
 *
 * Each action is timed inside the page to the next painted frame of the visual's frame
 * (requestAnimationFrame after the update, then a message task, which runs after that paint):
 * first render (a new instance in a fresh frame), an update with the same data, an update with
 * changed data (the period window moves by one period, so every KPI's rows change), a resize,
 * and a scroll by one screen. Median, minimum and maximum of the runs. The host panel shows its
 * Data tab, not the event list, whose redraw on every host event would be painted in every frame.
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
import { benchTenThousand } from "./large";
import { BenchRow, ms, timedRow } from "./rows";

export type { BenchRow } from "./rows";

interface Timing { updateMs: number; finishedMs: number | null; outcome: string }
/** One timed action: ms to the next painted frame, and whether the visual reported renderingFinished. */
interface Sample { paintMs: number; finishedMs: number | null; outcome: string }

interface Case {
    readonly name: string;
    readonly kpis: number;
    readonly periods: number;
    /** Targets (median, ms to the next paint), by measure. */
    readonly targets: Partial<Record<Measure, number>>;
    /** Measures to take (all when absent). */
    readonly measures?: readonly Measure[];
}

type Measure = "first" | "same" | "changed" | "resize" | "scroll";
const MEASURES: readonly Measure[] = ["first", "same", "changed", "resize", "scroll"];
const LABEL: Readonly<Record<Measure, string>> = {
    first: "First render",
    same: "Update, same data",
    changed: "Update, changed data (period window moves by one)",
    resize: "Resize (1,280 <-> 1,100 px wide)",
    scroll: "Scroll by one screen",
};

const ALL_16: Partial<Record<Measure, number>> = { first: 16, same: 16, changed: 16, resize: 16, scroll: 16 };
const CASES: readonly Case[] = [
    { name: "100 KPIs x 12 periods", kpis: 100, periods: 12, targets: ALL_16 },
    { name: "1,000 KPIs x 12 periods", kpis: 1000, periods: 12, targets: { first: 150, changed: 50 } },
    { name: "30,000 rows (250 KPIs x 120 months)", kpis: 250, periods: 120, targets: {}, measures: ["first", "same", "changed"] },
];

/**
 * In the page: the host emulator's `window.preview`, and `timed(action)`, which runs a host
 * action and waits for the next painted frame of the visual's frame (requestAnimationFrame, then
 * a message task, which runs after that frame's paint). The time is update() with the style and
 * layout it caused (the emulator's figure) plus the wait from its end to after the paint.
 */
async function installTimer(page: Page): Promise<void> {
    // A string, so that the code runs in the page as written (tsx adds helpers to compiled functions).
    await page.evaluate(`(() => {
        const w = window;
        const nextPaint = () => new Promise(resolve => {
            w.preview.runner.frameWindow.requestAnimationFrame(() => {
                const channel = new MessageChannel();
                channel.port1.onmessage = () => resolve(performance.now());
                channel.port2.postMessage(0);
            });
        });
        w.benchTimed = async action => {
            const timing = await action();
            const settled = performance.now();
            const painted = await nextPaint();
            return { paintMs: Math.max(timing.updateMs, timing.finishedMs ?? 0) + (painted - settled), finishedMs: timing.finishedMs, outcome: timing.outcome };
        };
        // Scroll the tiles one screen (down, or up near the bottom), timed to the paint after the visual built what it shows.
        w.benchScroll = async () => {
            const root = w.preview.runner.frameWindow.document.querySelector(".kpi-tiles-root");
            const down = root.scrollTop + root.clientHeight * 2 <= root.scrollHeight;
            const started = performance.now();
            root.scrollTop += down ? root.clientHeight : -root.clientHeight;
            const painted = await nextPaint();
            return { paintMs: painted - started, finishedMs: null, outcome: "finished" };
        };
        // The DOM work of one update, counted by a MutationObserver in the visual's frame (load does not change counts).
        w.benchMutations = async data => {
            const frameWindow = w.preview.runner.frameWindow;
            const seen = [];
            const observer = new frameWindow.MutationObserver(list => seen.push(...list));
            observer.observe(frameWindow.document.body, { subtree: true, childList: true, characterData: true, attributes: true });
            await w.preview.update(w.benchData[data]);
            seen.push(...observer.takeRecords());
            observer.disconnect();
            const doc = frameWindow.document;
            return { built: doc.querySelectorAll(".kpi-tile").length, elements: doc.querySelectorAll(".kpi-tiles-root *").length, mutations: seen.length,
                text: seen.filter(m => m.type === "characterData" || (m.type === "childList" && m.addedNodes.length === 1 && m.addedNodes[0].nodeType === 3)).length,
                attributes: seen.filter(m => m.type === "attributes").length };
        };
    })()`);
}

/** Show the host panel's Data tab instead of its event list (the emulator's own repaint per event stays out of the figures). */
export async function showDataTab(page: Page): Promise<void> {
    await page.click('[data-tab="data"]');
}

type PreviewApi = {
    start(dv?: unknown): Promise<Timing>;
    update(dv?: unknown): Promise<Timing>;
    resize(w: number, h: number): Promise<Timing>;
};
type BenchWindow = { preview: PreviewApi; benchData: Record<string, unknown>; benchTimed(action: () => Promise<Timing>): Promise<Sample>; benchScroll(): Promise<Sample> };

async function setData(page: Page, name: string, dataView: JsonDataView): Promise<void> {
    await page.evaluate(([n, dv]) => {
        const w = window as unknown as { benchData?: Record<string, unknown> };
        w.benchData = { ...(w.benchData ?? {}), [n as string]: dv };
    }, [name, dataView] as const);
}

function firstRender(page: Page, data: string): Promise<Sample> {
    return page.evaluate(n => { const w = window as unknown as BenchWindow; return w.benchTimed(() => w.preview.start(w.benchData[n])); }, data);
}

function update(page: Page, data?: string): Promise<Sample> {
    return page.evaluate(n => { const w = window as unknown as BenchWindow; return w.benchTimed(() => w.preview.update(n === undefined ? undefined : w.benchData[n])); }, data);
}

function resize(page: Page, width: number, height: number): Promise<Sample> {
    return page.evaluate(([wd, ht]) => { const w = window as unknown as BenchWindow; return w.benchTimed(() => w.preview.resize(wd, ht)); }, [width, height] as const);
}

function scroll(page: Page): Promise<Sample> {
    return page.evaluate(() => (window as unknown as BenchWindow).benchScroll());
}

async function heapAfterGc(page: Page): Promise<number> {
    const cdp = await page.context().newCDPSession(page);
    await cdp.send("HeapProfiler.collectGarbage");
    const usage = await cdp.send("Runtime.getHeapUsage") as { usedSize: number };
    await cdp.detach();
    return usage.usedSize;
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

/** Rows `periods` long, as the period slicer shows them: window 0 is periods 1..P, window 1 periods 2..P+1. */
function periodWindow(kpis: number, periods: number, window: 0 | 1) {
    return syntheticRows(kpis, periods + 1).filter(r => r.periodIndex > window && r.periodIndex <= periods + window);
}

/** The cases `--cases` names (by number of KPIs: 100, 1000, 250 for the 30,000-row case, 10000), or all. */
export function selectCases(list: string | undefined): { readonly cases: readonly Case[]; readonly large: boolean } {
    if (list === undefined) return { cases: CASES, large: true };
    const wanted = list.split(",").map(s => Number(s.trim().replace(/_/g, "")));
    const known = [...CASES.map(c => c.kpis), 10_000];
    const unknown = wanted.filter(n => !known.includes(n));
    if (unknown.length > 0 || wanted.length === 0) throw new Error(`--cases takes numbers of KPIs from ${known.join(", ")}, not "${list}"`);
    return { cases: CASES.filter(c => wanted.includes(c.kpis)), large: wanted.includes(10_000) };
}

export async function runBenchmarks(visual: VisualPackage, runs: number, say: (line: string) => void,
    selection = selectCases(undefined)): Promise<{ rows: BenchRow[]; machine: Record<string, string> }> {
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
        // The host panel's Data tab, as a user might leave it: the Events tab's list is redrawn on every
        // host event (three or more per update), and painting it cost the page ~8 ms a frame (scripts/bench/trace.ts).
        await showDataTab(page);
        await installTimer(page);
        for (const c of selection.cases) {
            const windows = [0, 1].map(w => buildDataView(periodWindow(c.kpis, c.periods, w as 0 | 1), visual.capabilities));
            const rowCount = windows[0].dataView.categorical.categories[0]?.values.length ?? 0;
            say(`${c.name}: ${rowCount} rows${windows[0].rowsCutOff ? `, ${windows[0].rowsCutOff} cut off by the data-reduction limit` : ""}`);
            await setData(page, "a", windows[0].dataView);
            await setData(page, "b", windows[1].dataView);
            const measures = c.measures ?? MEASURES;
            const samples = new Map<Measure, Sample[]>();
            const take = async (measure: Measure, count: number, action: (i: number) => Promise<Sample>): Promise<void> => {
                if (!measures.includes(measure)) return;
                const list: Sample[] = [];
                await action(-1); // warm-up, not counted
                for (let i = 0; i < count; i++) list.push(await action(i));
                samples.set(measure, list);
            };
            await take("first", runs, () => firstRender(page, "a"));
            await take("same", runs * 2, () => update(page));
            await take("changed", runs * 2, i => update(page, i % 2 === 0 ? "b" : "a"));
            const dom = measures.includes("changed") ? await page.evaluate(n => (window as unknown as {
                benchMutations(d: string): Promise<{ built: number; elements: number; mutations: number; text: number; attributes: number }>;
            }).benchMutations(n), "b") : null;
            const heap = await heapAfterGc(page);
            await take("resize", runs * 2, i => resize(page, i % 2 === 0 ? 1100 : 1280, 720));
            await resize(page, 1280, 720);
            await take("scroll", runs * 2, () => scroll(page));
            let failed = 0;
            for (const measure of MEASURES) {
                const list = samples.get(measure);
                if (!list) continue;
                failed += list.filter(t => t.outcome !== "finished").length;
                rows.push(timedRow(`${LABEL[measure]}, ${c.name}`, list.map(t => t.paintMs), c.targets[measure]));
            }
            if (dom) {
                rows.push({ measure: `Tiles built / elements in the visual, ${c.name}`, value: `${dom.built} / ${dom.elements}`, target: "", ok: null });
                rows.push({ measure: `DOM mutations in a changed-data update (text, attributes), ${c.name}`, value: `${dom.mutations} (${dom.text}, ${dom.attributes})`, target: "", ok: null });
            }
            rows.push({ measure: `JS heap after render, ${c.name}`, value: `${(heap / 2 ** 20).toFixed(1)} MiB`, target: "", ok: null });
            if (failed > 0) rows.push({ measure: `Updates without renderingFinished, ${c.name}`, value: String(failed), target: "0", ok: false });
        }
        // 10,000 KPIs: more rows than one window, served in windows (fetchMoreData); scripts/bench/large.ts.
        if (selection.large) rows.push(...await benchTenThousand(page, visual, runs, say, () => heapAfterGc(page)));
        if (preview.errors.length > 0) rows.push({ measure: "Console errors from the visual", value: String(preview.errors.length), target: "0", ok: false });
    } finally {
        await preview.close();
    }
    // Issue 12: no larger than the package before it (about 79 KB).
    rows.push({ measure: ".pbiviz size", value: `${(visual.sizeBytes / 1024).toFixed(1)} KB`, target: "<= 79 KB", ok: visual.sizeBytes <= 79 * 1024 });
    const dax = await benchDax();
    if (dax) rows.push(dax);
    else say("DAX generator: dax/bench.ts not found, skipped");
    return { rows, machine };
}

export function markdownTable(rows: readonly BenchRow[]): string {
    const lines = ["| measure | median | min | max | target | |", "| --- | ---: | ---: | ---: | --- | --- |"];
    for (const r of rows) lines.push(`| ${r.measure} | ${r.value} | ${r.min ?? ""} | ${r.max ?? ""} | ${r.target} | ${r.ok === null ? "" : r.ok ? "met" : "missed"} |`);
    return lines.join("\n");
}

async function main(): Promise<void> {
    const options = parseArgs(process.argv.slice(2));
    const runs = Math.max(1, options.runs ?? 7);
    const selection = selectCases(options.cases);
    const say = (line: string): void => console.log(line);
    if (!options.pbiviz) {
        const step = ensurePackage(say);
        if (step.outcome === "failed") throw new Error(step.message);
    }
    const path = options.pbiviz ? resolve(options.pbiviz) : findPackage(DIST);
    if (!path) throw new Error("No dist/*.pbiviz: run `npm run package`.");
    const visual = await readVisualPackage(path);
    say(`Benchmarking ${visual.displayName} ${visual.version} (${path}): first renders ${runs} runs, updates, resizes and scrolls ${runs * 2} each; median, min, max to the next painted frame`);
    const { rows, machine } = await runBenchmarks(visual, runs, say, selection);
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
