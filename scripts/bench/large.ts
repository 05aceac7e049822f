/**
 * The 10,000-KPI case of `npm run bench` (called from run.ts): 10,000 KPIs x 12 periods, 120,000
 * rows, more than the capabilities' window of 30,000, so the host emulator serves the query in
 * four windows as Power BI does (fetchMoreData, scripts/preview/host-emulator/segments.ts).
 *
 * Every action is timed by the emulator's `window.preview.paint` (host-emulator/paint.ts): from
 * the host's visual.update() call (for a scroll: the scroll) to after the next painted frame of
 * the visual's frame; a first render and a new query wait for every window the visual asks for.
 *   first render   a new instance in a fresh frame, the query's four windows, tiles painted
 *   same data      a data update with the loaded rows again (a refresh that changed nothing)
 *   changed data   the period window moves by one period: a new query (periods 2-13, then 1-12
 *                  again), four windows again, every KPI's rows changed
 *   resize         1,280 <-> 1,100 px wide
 *   scroll         one screen down (back to the top at the end)
 */
import type { Page } from "playwright-core";
import { buildDataView, JsonDataView } from "../preview/dataview";
import { withoutWindow } from "../preview/host-emulator/segments";
import type { PaintTiming } from "../preview/host-emulator/paint";
import type { VisualPackage } from "../preview/visual-package";
import { BenchRow, timedRow } from "./rows";
import { syntheticRows } from "./synthetic";

type Action = "first" | "same" | "changed" | "resize" | "scroll";

interface PaintApi {
    start(dv?: unknown): Promise<PaintTiming>;
    update(dv?: unknown): Promise<PaintTiming>;
    resize(w: number, h: number): Promise<PaintTiming>;
    scroll(screens?: number): Promise<PaintTiming>;
}
type BenchWindow = { preview: { paint: PaintApi; segments: { loaded: number; total: number } }; largeData: Record<string, unknown> };


/** The query for periods 1..P (window 0) or 2..P+1 (window 1): the period slicer moved by one. */
function query(kpis: number, periods: number, shift: 0 | 1, capabilities: unknown): JsonDataView {
    const rows = syntheticRows(kpis, periods + 1).filter(r => r.periodIndex > shift && r.periodIndex <= periods + shift);
    return buildDataView(rows, withoutWindow(capabilities as Parameters<typeof buildDataView>[1])).dataView;
}

async function act(page: Page, action: Action, i: number): Promise<PaintTiming> {
    return page.evaluate(([a, n]) => {
        const w = window as unknown as BenchWindow;
        const paint = w.preview.paint;
        switch (a) {
            case "first": return paint.start(w.largeData.a);
            case "same": return paint.update();
            case "changed": return paint.update(n % 2 === 0 ? w.largeData.b : w.largeData.a);
            case "resize": return paint.resize(n % 2 === 0 ? 1100 : 1280, 720);
            default: return paint.scroll(1);
        }
    }, [action, i] as const);
}

const LABELS: Readonly<Record<Action, string>> = {
    first: "First render (4 windows)",
    same: "Update, same data",
    changed: "Update, changed data (period window moves by one; 4 windows)",
    resize: "Resize (1,280 <-> 1,100 px wide)",
    scroll: "Scroll by one screen",
};

const TARGETS: Partial<Record<Action, number>> = { changed: 100 };

/** The 10,000-KPI rows of the benchmark table, on the preview page `page` (1280 x 720). */
export async function benchTenThousand(page: Page, visual: VisualPackage, runs: number, say: (line: string) => void,
    heap: () => Promise<number>): Promise<BenchRow[]> {
    const kpis = 10_000;
    const periods = 12;
    const name = "10,000 KPIs x 12 periods";
    const a = query(kpis, periods, 0, visual.capabilities);
    const b = query(kpis, periods, 1, visual.capabilities);
    say(`${name}: ${a.categorical.categories[0]?.values.length ?? 0} rows, served in windows of the capabilities' window`);
    // As JSON text without the category identities (most of its size; rebuilt in the page the way
    // the preview's builder makes them): a 60 MB object is too much for one DevTools message.
    const slim = (dv: JsonDataView): string => JSON.stringify({
        ...dv, categorical: { ...dv.categorical, categories: dv.categorical.categories.map(c => ({ ...c, identity: [] })) },
    });
    for (const [key, dv] of [["a", a], ["b", b]] as const) {
        await page.evaluate(([k, text]) => {
            const w = window as unknown as BenchWindow;
            const parsed = JSON.parse(text) as JsonDataView;
            for (const c of parsed.categorical.categories) c.identity = c.values.map(v => ({ key: JSON.stringify([c.source.queryName, v]) }));
            w.largeData = { ...(w.largeData ?? {}), [k]: parsed };
        }, [key, slim(dv)] as const);
    }
    const rows: BenchRow[] = [];
    let failed = 0;
    const counts = { first: runs, same: runs * 2, changed: runs * 2, resize: runs * 2, scroll: runs * 2 };
    for (const action of ["first", "same", "changed", "resize", "scroll"] as const) {
        if (action === "resize" || action === "scroll") await act(page, "resize", 1); // back to 1280 x 720
        await act(page, action, -1); // warm-up, not counted
        const samples: PaintTiming[] = [];
        for (let i = 0; i < counts[action]; i++) samples.push(await act(page, action, i));
        failed += samples.filter(s => s.outcome !== "finished").length;
        const wrong = samples.filter(s => s.setSize !== kpis).length;
        if (wrong > 0) rows.push({ measure: `${LABELS[action]}, ${name}: runs without ${kpis} tiles in the list`, value: String(wrong), target: "0", ok: false });
        if (action === "scroll") {
            const still = samples.filter(s => (s.moved ?? 0) <= 0).length;
            if (still > 0) rows.push({ measure: `${LABELS[action]}, ${name}: scrolls that did not move`, value: String(still), target: "0", ok: false });
        }
        rows.push(timedRow(`${LABELS[action]}, ${name}`, samples.map(s => s.ms), TARGETS[action]));
        if (action === "first" || action === "changed") {
            rows.push(timedRow(`${LABELS[action]}, ${name}: of which the update with the last window (model and tiles, to layout)`,
                samples.map(s => s.lastUpdateMs ?? Number.NaN)));
        }
        if (action === "first") {
            rows.push({ measure: `JS heap after render, ${name}`, value: `${((await heap()) / 2 ** 20).toFixed(1)} MiB`, target: "", ok: null });
        }
    }
    if (failed > 0) rows.push({ measure: `Updates without renderingFinished, ${name}`, value: String(failed), target: "0", ok: false });
    return rows;
}
