/**
 * 10,000 KPIs x 12 periods (120,000 rows) through the preview's host emulator, which serves a
 * query larger than the capabilities' window (30,000 rows) as Power BI does: the first window,
 * then one Append update per accepted fetchMoreData(true), the last window without
 * metadata.segment (scripts/preview/host-emulator/segments.ts, runner.ts). The tiles are
 * virtualised, so the list's size is read from aria-setsize.
 */
import type { Browser } from "playwright-core";
import { launchBrowser } from "../../scripts/lib/browser";
import { openPreview, PreviewBrowser } from "../../scripts/lib/preview-browser";
import { syntheticRows } from "../../scripts/bench/synthetic";
import { visualUnderTest } from "./helpers/visual-under-test";

let browser: Browser;
let preview: PreviewBrowser;
beforeAll(async () => {
    browser = await launchBrowser();
    const visual = await visualUnderTest();
    const rows = syntheticRows(10_000, 12);
    preview = await openPreview({ visual, dataset: { folder: "(10,000 synthetic KPIs)", rows, problems: [], ok: true, kpiCount: 10_000, periodCount: 12 }, width: 1280, height: 720, browser });
}, 600_000);
afterAll(async () => {
    await preview?.close();
    await browser?.close();
});

interface PageApi {
    preview: {
        settled(): Promise<void>;
        segments: { loaded: number; total: number; bytes: number };
        events: { kind: string; name: string; text: string }[];
        setMemoryLimit(bytes: number): void;
        start(): Promise<unknown>;
    };
}

interface State {
    loaded: number;
    total: number;
    fetches: string[];
    appends: number;
    setSize: number | null;
    built: number;
    loading: string | null;
    notice: string | null;
}

async function state(): Promise<State> {
    const page = await preview.page.evaluate(async () => {
        const api = (window as unknown as PageApi).preview;
        await api.settled();
        return {
            loaded: api.segments.loaded,
            total: api.segments.total,
            fetches: api.events.filter(e => e.name === "fetchMoreData").map(e => e.text),
            appends: api.events.filter(e => e.name === "update" && e.text.includes("Append")).length,
        };
    });
    const dom = await preview.frame().evaluate(() => {
        const tiles = document.querySelectorAll(".kpi-tile");
        const notice = document.querySelector<HTMLElement>(".kpi-notice");
        return {
            setSize: tiles[0] ? Number(tiles[0].getAttribute("aria-setsize")) : null,
            built: tiles.length,
            loading: document.querySelector(".kpi-loading")?.textContent ?? null,
            notice: notice && !notice.hidden ? notice.textContent : null,
        };
    });
    return { ...page, ...dom };
}

test("10,000 KPIs x 12 periods arrive in four windows and every KPI has its tile", async () => {
    const s = await state();
    expect(s.total).toBe(120_000);
    expect(s.loaded).toBe(120_000);
    // Three requests accepted (rows 30,001-60,000, 60,001-90,000, 90,001-120,000); none after the last window.
    expect(s.fetches).toHaveLength(3);
    expect(s.fetches.every(f => f.startsWith("accepted"))).toBe(true);
    expect(s.appends).toBe(3);
    expect(s.setSize).toBe(10_000);
    expect(s.built).toBeGreaterThan(0);
    expect(s.built).toBeLessThan(200);
    expect(s.loading).toBeNull();
    expect(s.notice).toBeNull();
    expect(preview.errors).toEqual([]);
}, 300_000);

test("when the host's memory limit stops the windows, the rows so far are drawn with the data-reduction notice", async () => {
    // 60% of what the host counted for the whole query: two windows of four fit, a third does not.
    await preview.page.evaluate(async () => {
        const api = (window as unknown as PageApi).preview;
        api.setMemoryLimit(api.segments.bytes * 0.6);
        await api.start();
    });
    const s = await state();
    expect(s.loaded).toBe(60_000);
    expect(s.fetches.slice(-2).map(f => f.split(":")[0])).toEqual(["accepted", "refused"]);
    expect(s.notice).toContain("first 60,000 rows");
    expect(s.setSize).toBe(5_000);
    expect(s.loading).toBeNull();
    expect(preview.errors).toEqual([]);
}, 300_000);
