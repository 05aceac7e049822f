/**
 * The packaged visual in headless Chromium, fed by the host emulator with the dataView the
 * Power BI model would deliver: every KPI gets the status, direction and band the rating rules
 * give, rendering events are raised, nothing is logged as an error, and the README's
 * screenshots are taken at three sizes and in high contrast.
 */
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import type { Browser, Frame } from "playwright-core";
import { launchBrowser } from "../../scripts/lib/browser";
import { readDataset } from "../../scripts/preview/dataset";
import { expectedTiles } from "./helpers/expected";
import { ARTIFACTS, hostEvents, previewOf, readTiles } from "./helpers/preview-session";
import { visualUnderTest } from "./helpers/visual-under-test";

const ROOT = join(__dirname, "..", "..");
const DATASETS: [string, string][] = [
    ["the sample dataset", join(ROOT, "sample", "data")],
    ["the small fixture", join(__dirname, "fixtures", "small")],
];
const SCREENSHOTS = join(ARTIFACTS, "screenshots");

// Browser work on a shared, loaded machine: well over Jest's default 5 s.
jest.setTimeout(120_000);

let browser: Browser;
beforeAll(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    browser = await launchBrowser();
}, 300_000);
afterAll(async () => {
    await browser?.close();
});

test("the package carries the visual's stylesheet, and the page applies it to the tiles", async () => {
    const visual = await visualUnderTest();
    // pbiviz packages only the CSS that the entry module imports (style/visual.less).
    expect(visual.css).toMatch(/\.kpi-tiles-root\s*\{/);
    const preview = await previewOf(browser, join(__dirname, "fixtures", "small"));
    try {
        const overflow = await preview.frame().$eval(".kpi-tiles-root", el => getComputedStyle(el).overflowY);
        expect(overflow).toBe("auto");
    } finally {
        await preview.close();
    }
});

describe.each(DATASETS)("%s", (_name, folder) => {
    const dataset = readDataset(folder);
    const expected = expectedTiles(dataset.rows);

    test("is a valid dataset", () => {
        expect(dataset.problems.filter(p => p.severity === "error")).toEqual([]);
        expect(expected.length).toBe(dataset.kpiCount);
    });

    test("renders one tile per KPI with the status, direction and band the rules give", async () => {
        const preview = await previewOf(browser, folder, 1920, 1080);
        try {
            const tiles = await readTiles(preview.frame());
            expect(tiles.map(t => t.kpi).sort()).toEqual(expected.map(e => e.kpi).sort());
            for (const want of expected) {
                const tile = tiles.find(t => t.kpi === want.kpi);
                expect({ kpi: want.kpi, status: tile?.status, direction: tile?.direction, band: tile?.band ?? null })
                    .toEqual({ kpi: want.kpi, status: want.status, direction: want.direction, band: want.band });
                expect(tile?.ariaLabel ?? "").toContain(want.kpi);
                // The period is on detailed tiles and in every tile's accessible name and tooltip.
                expect(tile?.ariaLabel ?? "").toContain(want.period);
            }
            // The summary strip counts what the tiles show.
            const summary = await preview.frame().$eval(".kpi-summary", el => (el as HTMLElement).innerText);
            const reds = expected.filter(e => e.status === "red").length;
            if (reds > 0) expect(summary).toMatch(new RegExp(`${reds}\\s*Red`));
            const started = await hostEvents(preview, "renderingStarted");
            const finished = await hostEvents(preview, "renderingFinished");
            expect(started.length).toBeGreaterThanOrEqual(2);
            expect(finished.length).toBe(started.length);
            expect(await hostEvents(preview, "renderingFailed")).toEqual([]);
            expect(preview.errors).toEqual([]);
            expect(preview.blockedRequests).toEqual([]);
        } finally {
            await preview.close();
        }
    });
});

describe("layout that fits the box, and screenshots for the README", () => {
    const sample = join(ROOT, "sample", "data");
    /** name, width, height, fewest tiles wholly visible with name, value, status, gap and direction. */
    const sizes: [string, number, number, number][] = [
        ["small-tile", 360, 260, 2],
        ["dashboard", 1280, 720, 29],
        ["wide", 1920, 1080, 29],
    ];

    /** Tiles wholly inside the visual's box (above the "N more" cue when it shows), and what each shows. */
    async function visibleTiles(frame: Frame) {
        return frame.evaluate(() => {
            const root = document.querySelector(".kpi-tiles-root") as HTMLElement;
            const box = root.getBoundingClientRect();
            const cue = document.querySelector<HTMLElement>(".kpi-more");
            const bottom = cue && !cue.hidden && getComputedStyle(cue).visibility !== "hidden" ? cue.getBoundingClientRect().top : box.bottom;
            const inside = (r: DOMRect): boolean => r.width > 0 && r.height > 0 && r.top >= box.top - 0.5 && r.bottom <= bottom + 0.5
                && r.left >= box.left - 0.5 && r.right <= box.right + 0.5;
            /** The element's text is shown whole: not cut by its own box or by the tile's. */
            const readable = (tile: Element, selector: string): boolean => {
                const el = tile.querySelector<HTMLElement>(selector);
                if (!el || (el.textContent ?? "").trim() === "") return false;
                const r = el.getBoundingClientRect();
                const t = tile.getBoundingClientRect();
                return el.scrollWidth <= el.clientWidth + 1 && el.scrollHeight <= el.clientHeight + 1 && r.bottom <= t.bottom + 0.5 && r.height > 0;
            };
            const tiles = Array.from(document.querySelectorAll(".kpi-tile"));
            return {
                density: Array.from(root.classList).find(c => c.startsWith("kpi-density-")) ?? null,
                built: tiles.length,
                setSize: Number(tiles[0]?.getAttribute("aria-setsize")),
                cue: cue && !cue.hidden && getComputedStyle(cue).visibility !== "hidden" ? cue.textContent : null,
                visible: tiles.filter(t => inside(t.getBoundingClientRect())).map(t => ({
                    kpi: t.getAttribute("data-kpi"),
                    name: readable(t, ".kpi-tile__name"),
                    value: readable(t, ".kpi-tile__actual"),
                    status: readable(t, ".kpi-tile__status-label"),
                    gap: readable(t, ".kpi-tile__gap"),
                    direction: readable(t, ".kpi-tile__direction-label"),
                })),
            };
        });
    }

    test.each(sizes)("%s (%i x %i): tiles fit the box, the rest scroll with an \"N more\" cue; saves a screenshot", async (name, width, height, least) => {
        const preview = await previewOf(browser, sample, width, height);
        try {
            const frame = preview.frame();
            // Only a styled visual is worth a README picture.
            expect(await frame.$eval(".kpi-tiles-root", el => getComputedStyle(el).overflowY)).toBe("auto");
            const seen = await visibleTiles(frame);
            expect(seen.setSize).toBe(29);
            expect(seen.visible.length).toBeGreaterThanOrEqual(least);
            // Names are whole from standard density up; compact and minimal may cut a long one (the full name is in the tooltip and the accessible name).
            const wholeNames = seen.density === "kpi-density-standard" || seen.density === "kpi-density-detailed";
            for (const tile of seen.visible) {
                expect({ kpi: tile.kpi, name: tile.name || !wholeNames, value: tile.value, status: tile.status }).toEqual({ kpi: tile.kpi, name: true, value: true, status: true });
            }
            if (seen.density !== "kpi-density-minimal") {
                // Gap and direction are readable on every tile that has them (the sample's KPIs without a target have no gap).
                expect(seen.visible.filter(t => t.gap).length).toBeGreaterThanOrEqual(Math.min(least, 16) - 4);
                expect(seen.visible.filter(t => t.direction).length).toBeGreaterThanOrEqual(Math.min(least, 16) - 1);
            }
            if (seen.visible.length < 29) expect(seen.cue).toContain(`${29 - seen.visible.length} more`);
            else expect(seen.cue).toBeNull();
            // Groups flow: every row but the last is full.
            const geometry = await frame.$$eval(".kpi-tile", tiles => tiles.map(t => t.getBoundingClientRect().toJSON() as DOMRect));
            const perRow = new Map<number, number>();
            for (const box of geometry) perRow.set(Math.round(box.top), (perRow.get(Math.round(box.top)) ?? 0) + 1);
            const rows = [...perRow.entries()].sort((a, b) => a[0] - b[0]).map(([, n]) => n);
            const columns = Math.max(...rows);
            if (seen.built === 29) rows.slice(0, -1).forEach(n => expect(n).toBe(columns));
            for (const box of geometry) expect(box.right).toBeLessThanOrEqual(width + 1);
            const file = join(SCREENSHOTS, `${name}.png`);
            await preview.page.locator("#visual-host").screenshot({ path: file });
            expect(preview.errors).toEqual([]);
        } finally {
            await preview.close();
        }
    });

    test("1280 x 720 at compact density shows all 29; at standard at least 16 with name, value, status, gap and direction", async () => {
        for (const [density, least] of [["compact", 29], ["standard", 16]] as const) {
            const preview = await previewOf(browser, sample, 1280, 720);
            try {
                await preview.page.evaluate(d => (window as unknown as { preview: { setObjects(o: unknown): Promise<unknown> } })
                    .preview.setObjects({ layout: { density: d } }), density);
                const seen = await visibleTiles(preview.frame());
                expect(seen.density).toBe(`kpi-density-${density}`);
                expect(seen.visible.length).toBeGreaterThanOrEqual(least);
                expect(seen.visible.every(t => (t.name || density === "compact") && t.value && t.status)).toBe(true);
                expect(seen.visible.filter(t => t.gap && t.direction).length).toBeGreaterThanOrEqual(Math.min(least, 16) - 4);
                await preview.page.locator("#visual-host").screenshot({ path: join(SCREENSHOTS, `dashboard-${density}.png`) });
            } finally {
                await preview.close();
            }
        }
    });

    test("high contrast draws with the host's foreground and background only, and keeps every status label", async () => {
        const preview = await previewOf(browser, sample, 1280, 720);
        try {
            const before = await readTiles(preview.frame());
            await preview.page.evaluate(() => (window as unknown as { preview: { setContrast(m: string): Promise<unknown> } }).preview.setContrast("black"));
            const frame = preview.frame();
            const after = await readTiles(frame);
            expect(after.map(t => [t.kpi, t.status])).toEqual(before.map(t => [t.kpi, t.status]));
            // Every colour used by the tiles' text and strokes is the palette's white, black or selection colour.
            const colours = await frame.$$eval(".kpi-tile, .kpi-tile *", elements => {
                const used = new Set<string>();
                for (const el of elements) {
                    const style = getComputedStyle(el);
                    used.add(style.color);
                    if (style.borderTopStyle !== "none" && parseFloat(style.borderTopWidth) > 0) used.add(style.borderTopColor);
                    if (el instanceof SVGElement) {
                        if (style.fill !== "none" && !style.fill.startsWith("url")) used.add(style.fill);
                        if (style.stroke !== "none") used.add(style.stroke);
                    }
                }
                return [...used];
            });
            const allowed = new Set(["rgb(255, 255, 255)", "rgb(0, 0, 0)", "rgb(26, 235, 255)", "rgb(255, 255, 0)", "rgba(0, 0, 0, 0)"]);
            expect(colours.filter(c => !allowed.has(c))).toEqual([]);
            for (const tile of after) expect(tile.text.length).toBeGreaterThan(0);
            await preview.page.locator("#visual-host").screenshot({ path: join(SCREENSHOTS, "high-contrast.png") });
            expect(preview.errors).toEqual([]);
        } finally {
            await preview.close();
        }
    });
});
