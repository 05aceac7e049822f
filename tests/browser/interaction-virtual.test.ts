/**
 * Tiles out of view are not built (src/render/renderTiles.ts): keyboard movement, screen-reader
 * positions, selection and the summary still cover every KPI. The sample's 29 KPIs in a
 * 360 x 260 visual (a few tiles in view) and 1,000 synthetic KPIs at 1280 x 720.
 */
import { join } from "node:path";
import type { Browser, Frame } from "playwright-core";
import { openPreview, PreviewBrowser } from "../../scripts/lib/preview-browser";
import { syntheticRows } from "../../scripts/bench/synthetic";
import { eventually } from "./helpers/eventually";
import { previewOf, useBrowser } from "./helpers/preview-session";
import { visualUnderTest } from "./helpers/visual-under-test";

const SAMPLE = join(__dirname, "..", "..", "sample", "data");

// Browser work on a shared, loaded machine: well over Jest's default 5 s.
jest.setTimeout(120_000);

const browser = useBrowser();

interface Built { kpi: string | null; pos: number; size: number; selected: string | null; classSelected: boolean }

function built(frame: Frame): Promise<Built[]> {
    return frame.$$eval(".kpi-tile", tiles => tiles.map(t => ({
        kpi: t.getAttribute("data-kpi"),
        pos: Number(t.getAttribute("aria-posinset")),
        size: Number(t.getAttribute("aria-setsize")),
        selected: t.getAttribute("aria-selected"),
        classSelected: t.classList.contains("is-selected"),
    })));
}

const focused = (frame: Frame): Promise<{ kpi: string | null; pos: number; inView: boolean }> => frame.evaluate(() => {
    const tile = document.activeElement?.closest(".kpi-tile") ?? null;
    const root = document.querySelector(".kpi-tiles-root") as HTMLElement;
    const box = root.getBoundingClientRect();
    const r = tile?.getBoundingClientRect();
    return {
        kpi: tile?.getAttribute("data-kpi") ?? null,
        pos: Number(tile?.getAttribute("aria-posinset") ?? 0),
        inView: r !== undefined && r.top >= box.top - 1 && r.bottom <= box.bottom + 1,
    };
});

/** The packaged visual at 1280 x 720 with 1,000 synthetic KPIs x 12 periods. */
async function openThousand(): Promise<PreviewBrowser> {
    const visual = await visualUnderTest();
    const dataset = { folder: "(synthetic)", rows: syntheticRows(1000, 12), problems: [], ok: true, kpiCount: 1000, periodCount: 12 };
    return openPreview({ visual, dataset, width: 1280, height: 720, browser: browser() });
}

async function focusFirstTile(preview: PreviewBrowser): Promise<void> {
    const frame = preview.frame();
    await preview.page.focus("#clear-selection");
    for (let i = 0; i < 8 && (await focused(frame)).kpi === null; i++) await preview.page.keyboard.press("Tab");
    expect((await focused(frame)).pos).toBe(1);
}

describe("the sample at 360 x 260", () => {
    let preview: PreviewBrowser;
    let frame: Frame;
    beforeEach(async () => {
        preview = await previewOf(browser(), SAMPLE, 360, 260);
        frame = preview.frame();
    });
    afterEach(async () => {
        expect(preview.errors).toEqual([]);
        await preview.close();
    });

    test("only the tiles near the view are built, and each tells its place among all 29", async () => {
        const tiles = await built(frame);
        expect(tiles.length).toBeLessThan(29);
        expect(tiles.every(t => t.size === 29)).toBe(true);
        expect(tiles.map(t => t.pos)).toEqual(tiles.map((_, i) => i + 1));
        // One listbox holds every tile; the summary counts all 29 KPIs.
        expect(await frame.$$eval("[role=listbox]", lists => lists.length)).toBe(1);
        expect(await frame.$eval(".kpi-summary", el => el.getAttribute("aria-label"))).toContain("29");
    });

    test("End reaches the 29th tile (built on the way, scrolled into view), Home the first, arrows step through unbuilt ones", async () => {
        await focusFirstTile(preview);
        await preview.page.keyboard.press("End");
        await eventually(async () => expect(await focused(frame)).toEqual(expect.objectContaining({ pos: 29, inView: true })));
        // Nothing below any more: the cue is not shown.
        const cue = await frame.$eval(".kpi-more", el => (el as HTMLElement).hidden || getComputedStyle(el).visibility === "hidden");
        expect(cue).toBe(true);
        await preview.page.keyboard.press("Home");
        await eventually(async () => expect(await focused(frame)).toEqual(expect.objectContaining({ pos: 1, inView: true })));
        for (let i = 0; i < 12; i++) await preview.page.keyboard.press("ArrowRight");
        await eventually(async () => expect(await focused(frame)).toEqual(expect.objectContaining({ pos: 13, inView: true })));
        await preview.page.keyboard.press("ArrowDown");
        const columns = await frame.evaluate(() => {
            const tops = Array.from(document.querySelectorAll(".kpi-tile")).map(t => Math.round(t.getBoundingClientRect().top));
            return tops.filter(top => top === tops[0]).length;
        });
        await eventually(async () => expect((await focused(frame)).pos).toBe(13 + columns));
    });

    test("a selected tile stays selected when scrolled out of view and back", async () => {
        await focusFirstTile(preview);
        await preview.page.keyboard.press("Enter");
        const first = (await built(frame))[0];
        await eventually(async () => expect((await built(frame))[0]).toEqual(expect.objectContaining({ selected: "true", classSelected: true })));
        // Focus leaves the tiles, then the view scrolls to the end: the selected tile is dropped.
        await preview.page.focus("#clear-selection");
        await frame.$eval(".kpi-tiles-root", el => { el.scrollTop = el.scrollHeight; });
        await eventually(async () => expect((await built(frame)).some(t => t.kpi === first.kpi)).toBe(false));
        // The tiles built at the end are drawn as not selected (dimmed), the selection is still the host's.
        await eventually(async () => expect((await built(frame)).every(t => t.selected === "false")).toBe(true));
        await frame.$eval(".kpi-tiles-root", el => { el.scrollTop = 0; });
        await eventually(async () => expect((await built(frame)).find(t => t.kpi === first.kpi))
            .toEqual(expect.objectContaining({ selected: "true", classSelected: true })));
    });
});

test("1,000 KPIs at 1280 x 720: a few dozen tiles built; scrolling builds the next screen", async () => {
    const preview = await openThousand();
    try {
        const frame = preview.frame();
        const before = await built(frame);
        expect(before.length).toBeGreaterThan(10);
        expect(before.length).toBeLessThan(150);
        expect(before.every(t => t.size === 1000)).toBe(true);
        const cue = await frame.$eval(".kpi-more", el => el.textContent ?? "");
        expect(cue).toMatch(/\d+ more below/);
        await frame.$eval(".kpi-tiles-root", el => { el.scrollTop = el.clientHeight * 3; });
        await eventually(async () => expect(Math.min(...(await built(frame)).map(t => t.pos))).toBeGreaterThan(before.length / 2));
        const after = await built(frame);
        expect(after.length).toBeLessThan(150);
        // Scrolled to the end, then a filter leaves far fewer tiles: those at the new end are built and in view.
        await frame.$eval(".kpi-tiles-root", el => { el.scrollTop = el.scrollHeight; });
        await eventually(async () => expect(Math.max(...(await built(frame)).map(t => t.pos))).toBe(1000));
        // Counted as soon as the update has finished, before any later frame could build what was missing.
        const inViewAtOnce = await preview.page.evaluate(async () => {
            const api = (window as unknown as { preview: { setObjects(o: unknown): Promise<unknown>; runner: { frameWindow: Window } } }).preview;
            await api.setObjects({ layout: { filter: "red" } });
            const doc = api.runner.frameWindow.document;
            const root = (doc.querySelector(".kpi-tiles-root") as HTMLElement).getBoundingClientRect();
            return Array.from(doc.querySelectorAll(".kpi-tile")).filter(t => {
                const r = t.getBoundingClientRect();
                return r.bottom > root.top && r.top < root.bottom;
            }).length;
        });
        expect(inViewAtOnce).toBeGreaterThan(0);
        const red = await built(frame);
        expect(red.length).toBeGreaterThan(0);
        // The list is now the red KPIs only; the view is at its end, so its last tiles are built.
        expect(red[0].size).toBeLessThan(1000);
        expect(Math.max(...red.map(t => t.pos))).toBe(red[0].size);
        const inView = await frame.evaluate(() => {
            const root = (document.querySelector(".kpi-tiles-root") as HTMLElement).getBoundingClientRect();
            return Array.from(document.querySelectorAll(".kpi-tile")).filter(t => {
                const r = t.getBoundingClientRect();
                return r.bottom > root.top && r.top < root.bottom;
            }).length;
        });
        expect(inView).toBeGreaterThan(0);
        expect(preview.errors).toEqual([]);
    } finally {
        await preview.close();
    }
});

/** The scroll box's visible rectangle (less the sticky "N more" cue while it shows) and the focused tile's. */
const focusedAgainstView = (frame: Frame): Promise<{ pos: number; tile: { top: number; bottom: number } | null; view: { top: number; bottom: number } }> => frame.evaluate(() => {
    const root = document.querySelector(".kpi-tiles-root") as HTMLElement;
    const box = root.getBoundingClientRect();
    const top = box.top + root.clientTop;
    let bottom = top + root.clientHeight;
    const cue = document.querySelector(".kpi-more") as HTMLElement | null;
    if (cue && !cue.hidden && getComputedStyle(cue).visibility !== "hidden") bottom = Math.min(bottom, cue.getBoundingClientRect().top);
    const tile = document.activeElement?.closest(".kpi-tile") ?? null;
    const r = tile?.getBoundingClientRect();
    return {
        pos: Number(tile?.getAttribute("aria-posinset") ?? 0),
        tile: r ? { top: r.top, bottom: r.bottom } : null,
        view: { top, bottom },
    };
});

test("1,000 KPIs: after scrolling, Tab or Shift+Tab into the visual focuses a tile the reader can see (WCAG 2.4.11)", async () => {
    const preview = await openThousand();
    try {
        const frame = preview.frame();
        const tabIn = async (key: "Tab" | "Shift+Tab") => {
            for (let i = 0; i < 12 && (await focusedAgainstView(frame)).pos === 0; i++) await preview.page.keyboard.press(key);
            const seen = await focusedAgainstView(frame);
            expect(seen.pos).toBeGreaterThan(0);
            return seen;
        };
        const expectInView = (seen: Awaited<ReturnType<typeof focusedAgainstView>>) => {
            expect(seen.tile).not.toBeNull();
            expect(seen.tile!.top).toBeGreaterThanOrEqual(seen.view.top - 1);
            expect(seen.tile!.bottom).toBeLessThanOrEqual(seen.view.bottom + 1);
        };
        const scrollBy = async (screens: number) => {
            const first = Math.min(...(await built(frame)).map(t => t.pos));
            const target = await frame.$eval(".kpi-tiles-root", (el, s) => { el.scrollTop += Math.round(el.clientHeight * s); return el.scrollTop; }, screens);
            await eventually(async () => expect(Math.min(...(await built(frame)).map(t => t.pos))).not.toBe(first));
            return target;
        };
        // Visit a tile first, so the tab stop is a tile of the first screen; leave, scroll a screen and a half.
        await focusFirstTile(preview);
        await preview.page.keyboard.press("ArrowRight");
        await preview.page.focus("#clear-selection");
        const scrolled = await scrollBy(1.5);
        const viaTab = await tabIn("Tab");
        expectInView(viaTab);
        // Landing there did not pull the view back to where the tab stop used to be.
        expect(await frame.$eval(".kpi-tiles-root", el => el.scrollTop)).toBeGreaterThanOrEqual(scrolled - 1);
        // Arrow keys go on from the tile landed on.
        await preview.page.keyboard.press("ArrowRight");
        await eventually(async () => expect((await focusedAgainstView(frame)).pos).toBe(viaTab.pos + 1));

        // Out again (past the visual, so coming back is Shift+Tab), two more screens down.
        await preview.page.focus("#clear-selection");
        await scrollBy(2);
        await preview.page.evaluate(() => {
            const after = document.createElement("button");
            after.id = "after-visual";
            after.textContent = "after";
            document.body.appendChild(after);
            after.focus();
        });
        const viaShiftTab = await tabIn("Shift+Tab");
        expectInView(viaShiftTab);
        expect(viaShiftTab.pos).toBeGreaterThan(viaTab.pos);

        // Down to the bottom row of the view (revealed just clear of the sticky "N more below" cue), out,
        // then a small scroll up slides that tile under the cue: Tab does not land on it there either.
        for (let i = 0; i < 10; i++) await preview.page.keyboard.press("ArrowDown");
        await eventually(async () => {
            const seen = await focusedAgainstView(frame);
            expectInView(seen);
            expect(seen.view.bottom - seen.tile!.bottom).toBeLessThan(8);
        });
        await preview.page.focus("#clear-selection");
        const cue = await frame.$eval(".kpi-more", el => el.getBoundingClientRect().height);
        expect(cue).toBeGreaterThan(10);
        await frame.$eval(".kpi-tiles-root", (el, by) => { el.scrollTop -= by; }, Math.round(cue));
        await frame.evaluate(() => new Promise(resolve => requestAnimationFrame(() => requestAnimationFrame(resolve))));
        expectInView(await tabIn("Tab"));
        expect(preview.errors).toEqual([]);
    } finally {
        await preview.close();
    }
});

test("1,000 KPIs: an update draws the tiles in view at once and builds the margin around them after the frame", async () => {
    const preview = await openThousand();
    try {
        const frame = preview.frame();
        await eventually(async () => expect((await built(frame)).length).toBeGreaterThan(30));
        const settled = (await built(frame)).length;
        // Counted as soon as the update (a new sort: every tile in view changes) has finished.
        const atOnce = await preview.page.evaluate(async () => {
            const api = (window as unknown as { preview: { setObjects(o: unknown): Promise<unknown>; runner: { frameWindow: Window } } }).preview;
            await api.setObjects({ layout: { sortBy: "name" } });
            const doc = api.runner.frameWindow.document;
            const root = (doc.querySelector(".kpi-tiles-root") as HTMLElement).getBoundingClientRect();
            const tiles = Array.from(doc.querySelectorAll(".kpi-tile"));
            return {
                count: tiles.length,
                outOfView: tiles.filter(t => { const r = t.getBoundingClientRect(); return r.bottom <= root.top || r.top >= root.bottom; }).length,
                names: tiles.map(t => t.getAttribute("data-kpi") ?? ""),
            };
        });
        expect(atOnce.count).toBeGreaterThan(10);
        expect(atOnce.outOfView).toBe(0);
        // Then the margin below the view is built, as before the update; the tiles drawn at once were already the new order's.
        await eventually(async () => expect((await built(frame)).length).toBe(settled));
        expect((await built(frame)).slice(0, atOnce.count).map(t => t.kpi)).toEqual(atOnce.names);
        expect(preview.errors).toEqual([]);
    } finally {
        await preview.close();
    }
});
