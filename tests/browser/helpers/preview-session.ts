/**
 * Open the preview of a dataset folder in headless Chromium with the visual under test, and
 * read the tiles back through the visual's DOM hooks (docs/CONTRACTS.md).
 */
import type { Browser, Frame } from "playwright-core";
import { readDataset } from "../../../scripts/preview/dataset";
import { openPreview, PreviewBrowser } from "../../../scripts/lib/preview-browser";
import { visualUnderTest } from "./visual-under-test";
import { launchBrowser } from "../../../scripts/lib/browser";

export const ARTIFACTS = `${__dirname}/../../../test-artifacts`;

export async function previewOf(browser: Browser, folder: string, width = 1280, height = 720): Promise<PreviewBrowser> {
    const visual = await visualUnderTest();
    const dataset = readDataset(folder);
    return openPreview({ visual, dataset, width, height, browser });
}

export interface TileHooks {
    readonly kpi: string | null;
    readonly status: string | null;
    readonly direction: string | null;
    readonly band: string | null;
    readonly ariaLabel: string | null;
    readonly text: string;
}

export function readTiles(frame: Frame): Promise<TileHooks[]> {
    return frame.$$eval(".kpi-tile", tiles => tiles.map(tile => ({
        kpi: tile.getAttribute("data-kpi"),
        status: tile.getAttribute("data-status"),
        direction: tile.getAttribute("data-direction"),
        band: tile.getAttribute("data-band"),
        ariaLabel: tile.getAttribute("aria-label"),
        // textContent: off-screen tiles may skip rendering (content-visibility), which empties innerText.
        text: tile.textContent ?? "",
    })));
}

/** Events the host logged, by name. */
export function hostEvents(preview: PreviewBrowser, name: string): Promise<{ name: string; text: string; detail?: unknown }[]> {
    return preview.page.evaluate(n => (window as unknown as { preview: { events: { name: string; text: string; detail?: unknown }[] } })
        .preview.events.filter(e => e.name === n).map(e => ({ name: e.name, text: e.text, detail: e.detail })), name);
}

/**
 * One headless browser for a test file: launched before its tests, closed after them. Returns
 * the accessor the tests call (`const browser = useBrowser(); ... previewOf(browser(), ...)`).
 */
export function useBrowser(): () => Browser {
    let browser: Browser | undefined;
    beforeAll(async () => {
        browser = await launchBrowser();
    }, 300_000);
    afterAll(async () => {
        await browser?.close();
    });
    return () => {
        if (!browser) throw new Error("the browser is not launched yet (useBrowser: call it at the top of the test file)");
        return browser;
    };
}
