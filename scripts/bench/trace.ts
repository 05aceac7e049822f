/**
 * `npx tsx scripts/bench/trace.ts [--kpis 100] [--runs 10] [--pbiviz <file>]`: where the time of a
 * changed-data update goes, by the browser's own accounting. The packaged visual runs in the
 * preview at 1280 x 720 with synthetic KPIs x 12 periods (scripts/bench/synthetic.ts); the period
 * window moves by one period per update (as `npm run bench` does), each update followed by the
 * next painted frame. A DevTools trace (categories devtools.timeline) of `--runs` updates gives
 * the time per update of style, layout and garbage collection, and of paint, raster and
 * compositing, which Chromium does for the whole page (the emulator's page and the visual's
 * frame together); the emulator times update() itself (script, and the style and layout it forces). Figures depend on the machine and its load.
 */
import type { CDPSession } from "playwright-core";
import { openPreview } from "../lib/preview-browser";
import { buildDataView } from "../preview/dataview";
import type { Dataset } from "../preview/dataset";
import { DIST, ensurePackage } from "../preview/build-steps";
import { findPackage, readVisualPackage } from "../preview/visual-package";
import { showDataTab } from "./run";
import { syntheticRows } from "./synthetic";

interface TraceEvent { readonly name: string; readonly ph: string; readonly dur?: number; readonly args?: { data?: { frame?: string }; frame?: string } }

function option(name: string, fallback: string | undefined): string | undefined {
    const at = process.argv.indexOf(`--${name}`);
    return at >= 0 ? process.argv[at + 1] : fallback;
}

/** The browser's work by kind: the events a DevTools performance recording shows under these names. */
const KINDS: readonly (readonly [string, readonly string[]])[] = [
    ["style (of which in update())", ["UpdateLayoutTree"]],
    ["layout (of which in update())", ["Layout"]],
    ["garbage collection", ["MinorGC", "MajorGC"]],
    ["paint (whole page)", ["Paint", "PrePaint"]],
    ["raster (whole page)", ["RasterTask"]],
    ["layerize and commit (whole page)", ["Layerize", "Commit", "UpdateLayer"]],
];

async function main(): Promise<void> {
    const kpis = Number(option("kpis", "100"));
    const runs = Number(option("runs", "10"));
    if (!Number.isInteger(kpis) || kpis < 1 || !Number.isInteger(runs) || runs < 1) throw new Error("--kpis and --runs take whole numbers");
    let path = option("pbiviz", undefined);
    if (!path) {
        const step = ensurePackage(line => console.log(line));
        if (step.outcome === "failed") throw new Error(step.message);
        path = findPackage(DIST) ?? undefined;
    }
    if (!path) throw new Error("No dist/*.pbiviz: run `npm run package`.");
    const visual = await readVisualPackage(path);
    const empty: Dataset = { folder: "(synthetic)", rows: syntheticRows(10, 12), problems: [], ok: true, kpiCount: 10, periodCount: 12 };
    const preview = await openPreview({ visual, dataset: empty, width: 1280, height: 720 });
    try {
        const page = preview.page;
        const window = (shift: number) => buildDataView(syntheticRows(kpis, 13).filter(r => r.periodIndex > shift && r.periodIndex <= 12 + shift), visual.capabilities).dataView;
        await page.evaluate(([a, b]) => { (globalThis as unknown as { traceData: unknown }).traceData = { a, b }; }, [window(0), window(1)] as const);
        // As npm run bench does: the host panel's Data tab, not the event list it redraws on every event.
        await showDataTab(page);
        await page.evaluate(`window.preview.start(window.traceData.a)`);
        // One update, then the next painted frame of the visual's frame (requestAnimationFrame, then a message task).
        const step = (data: "a" | "b"): Promise<number> => page.evaluate(`(async () => {
            const timing = await window.preview.update(window.traceData.${data});
            await new Promise(resolve => window.preview.runner.frameWindow.requestAnimationFrame(() => {
                const channel = new MessageChannel(); channel.port1.onmessage = resolve; channel.port2.postMessage(0);
            }));
            return timing.updateMs;
        })()`);
        for (let i = 0; i < 4; i++) await step(i % 2 ? "a" : "b");
        const cdp: CDPSession = await page.context().newCDPSession(page);
        const events: TraceEvent[] = [];
        // Tracing's events are not in playwright-core's typed list of CDP events.
        const untyped = cdp as unknown as { on(name: string, f: (d: { value: TraceEvent[] }) => void): void; once(name: string, f: () => void): void };
        untyped.on("Tracing.dataCollected", d => { events.push(...d.value); });
        const complete = new Promise<void>(resolve => untyped.once("Tracing.tracingComplete", resolve));
        await cdp.send("Tracing.start", { categories: "devtools.timeline,disabled-by-default-devtools.timeline", transferMode: "ReportEvents" });
        const started = Date.now();
        const updates: number[] = [];
        for (let i = 0; i < runs; i++) updates.push(await step(i % 2 ? "a" : "b"));
        const wall = Date.now() - started;
        updates.sort((a, b) => a - b);
        await cdp.send("Tracing.end");
        await complete;
        const perUpdate = (names: readonly string[]): number =>
            events.filter(e => e.ph === "X" && typeof e.dur === "number" && names.includes(e.name)).reduce((sum, e) => sum + (e.dur as number), 0) / 1000 / runs;
        console.log(`${kpis.toLocaleString("en-GB")} KPIs x 12 periods, ${runs} changed-data updates, each to the next paint: ${(wall / runs).toFixed(1)} ms per update (wall, tracing on)`);
        console.log(`  ${updates[Math.floor(runs / 2)].toFixed(1).padStart(6)} ms  update(): the visual's script with the style and layout it causes (median; the emulator's figure)`);
        for (const [label, names] of KINDS) console.log(`  ${perUpdate(names).toFixed(1).padStart(6)} ms  ${label}`);
    } finally {
        await preview.close();
    }
}

main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.stack ?? error.message : String(error));
    process.exit(1);
});
