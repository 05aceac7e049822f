/**
 * The preview page opened in headless Chromium: the one way the snapshot command, the
 * benchmark and the browser tests drive the packaged visual. Console errors and uncaught
 * exceptions of the page and the visual's frame are collected, and every request that is not
 * to the preview server is refused (and recorded), so nothing can leave the machine.
 */
import type { Browser, BrowserContext, Frame, Page } from "playwright-core";
import type { Dataset } from "../preview/dataset";
import { PreviewServer, startPreviewServer } from "../preview/server";
import type { VisualPackage } from "../preview/visual-package";
import { launchBrowser } from "./browser";

export interface PreviewBrowser {
    readonly browser: Browser;
    readonly context: BrowserContext;
    readonly page: Page;
    readonly server: PreviewServer;
    /** Console errors and uncaught exceptions, page and frame alike. */
    readonly errors: string[];
    /** Requests to anywhere but the preview server (all refused). */
    readonly blockedRequests: string[];
    /** The visual's frame (after `ready`). */
    frame(): Frame;
    close(): Promise<void>;
}

export interface OpenOptions {
    readonly visual: VisualPackage;
    readonly dataset: Dataset;
    readonly width?: number;
    readonly height?: number;
    /** Reuse a running browser (tests share one per file). */
    readonly browser?: Browser;
    readonly deviceScaleFactor?: number;
}

export async function openPreview(options: OpenOptions): Promise<PreviewBrowser> {
    const server = await startPreviewServer({ visual: options.visual, dataset: options.dataset, port: 0 });
    const ownBrowser = options.browser === undefined;
    const browser = options.browser ?? await launchBrowser();
    const context = await browser.newContext({
        viewport: { width: Math.max(1000, (options.width ?? 1280) + 460), height: Math.max(800, (options.height ?? 720) + 140) },
        deviceScaleFactor: options.deviceScaleFactor ?? 1,
        locale: "en-GB",
        timezoneId: "Europe/London",
    });
    const errors: string[] = [];
    const blockedRequests: string[] = [];
    await context.route("**/*", route => {
        const url = route.request().url();
        if (url.startsWith(server.url) || url.startsWith("data:") || url.startsWith("blob:") || url === "about:blank") return route.continue();
        blockedRequests.push(url);
        return route.abort("blockedbyclient");
    });
    const page = await context.newPage();
    page.on("console", message => {
        if (message.type() === "error") errors.push(`console.error: ${message.text()}`);
    });
    page.on("pageerror", error => errors.push(`uncaught: ${error.message}`));
    await page.goto(server.url);
    await page.waitForFunction(() => (window as unknown as { preview?: { ready: unknown } }).preview?.ready != null);
    await page.evaluate(() => (window as unknown as { preview: { ready: Promise<unknown> } }).preview.ready);
    // A query larger than one window: wait until the visual has fetched every window (fetchMoreData) and drawn the tiles.
    await page.evaluate(() => (window as unknown as { preview: { settled?: () => Promise<void> } }).preview.settled?.());
    const running = await page.evaluate(() => document.body.dataset.state === "ready");
    if (running && (options.width !== undefined || options.height !== undefined)) {
        await page.evaluate(([w, h]) => (window as unknown as { preview: { resize(w: number, h: number): Promise<unknown> } }).preview.resize(w, h),
            [options.width ?? 1280, options.height ?? 720] as const);
    }
    return {
        browser,
        context,
        page,
        server,
        errors,
        blockedRequests,
        frame(): Frame {
            const frame = page.frames().find(f => f.url().includes("/sandbox.html"));
            if (!frame) throw new Error("the visual's frame is not loaded");
            return frame;
        },
        async close(): Promise<void> {
            await context.close();
            if (ownBrowser) await browser.close();
            await server.close();
        },
    };
}
