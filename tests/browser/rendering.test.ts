/**
 * The packaged visual in headless Chromium, fed by the host emulator with the dataView the
 * Power BI model would deliver: every KPI gets the status, direction and band the rating rules
 * give, rendering events are raised, nothing is logged as an error, and the README's
 * screenshots are taken at three sizes and in high contrast.
 */
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import type { Browser } from "playwright-core";
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
                expect(tile?.text ?? "").toContain(want.period);
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

describe("screenshots for the README", () => {
    const sample = join(ROOT, "sample", "data");
    const sizes: [string, number, number][] = [
        ["small-tile", 340, 300],
        ["dashboard", 1280, 720],
        ["wide", 1920, 900],
    ];

    test.each(sizes)("%s (%i x %i) renders tiles that fit the width and saves a screenshot", async (name, width, height) => {
        const preview = await previewOf(browser, sample, width, height);
        try {
            const frame = preview.frame();
            // Only a styled visual is worth a README picture.
            expect(await frame.$eval(".kpi-tiles-root", el => getComputedStyle(el).overflowY)).toBe("auto");
            const geometry = await frame.$$eval(".kpi-tile", tiles => tiles.map(t => t.getBoundingClientRect().toJSON() as DOMRect));
            expect(geometry.length).toBeGreaterThan(0);
            for (const box of geometry) {
                expect(box.width).toBeGreaterThan(100);
                expect(box.right).toBeLessThanOrEqual(width + 1);
            }
            // Columns: the most tiles that share one row.
            const perRow = new Map<number, number>();
            for (const box of geometry) perRow.set(Math.round(box.top), (perRow.get(Math.round(box.top)) ?? 0) + 1);
            const columns = Math.max(...perRow.values());
            if (name === "small-tile") expect(columns).toBe(1);
            if (name === "wide") expect(columns).toBeGreaterThanOrEqual(4);
            const file = join(SCREENSHOTS, `${name}.png`);
            await preview.page.locator("#visual-host").screenshot({ path: file });
            expect(preview.errors).toEqual([]);
        } finally {
            await preview.close();
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
