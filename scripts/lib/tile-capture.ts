/**
 * A picture of the tiles as the packaged visual draws them in the preview page: the snapshot
 * command and the quarterly pack both take their images this way. The visual is first given
 * the requested viewport; when its tiles are taller, the viewport grows to their full height so
 * that no tile is cut off. The PNG has the preview context's pixel density (the callers open it
 * at 2x, sharp on a projector).
 */
import type { PreviewBrowser } from "./preview-browser";
import type { JsonDataView } from "../preview/dataview";

interface PreviewApi {
    resize(w: number, h: number): Promise<unknown>;
    update(dataView?: unknown): Promise<unknown>;
    setObjects(objects: Record<string, Record<string, unknown>>): Promise<unknown>;
    setLocale(locale: string): Promise<unknown>;
    setContrast(mode: string): Promise<unknown>;
}

type Api = { preview: PreviewApi };

export interface Capture {
    readonly png: Buffer;
    /** CSS pixels of the visual's viewport that the picture shows. */
    readonly width: number;
    readonly height: number;
}

/** Resize the visual, then grow it to the tiles' full height; returns the height used. */
export async function fitToTiles(preview: PreviewBrowser, width: number, height: number): Promise<number> {
    await preview.page.setViewportSize({ width: width + 460, height: height + 140 });
    await preview.page.evaluate(([w, h]) => (window as unknown as Api).preview.resize(w, h), [width, height] as const);
    const fullHeight = await preview.frame().evaluate(() => {
        const root = document.querySelector(".kpi-tiles-root") as HTMLElement | null;
        return root ? root.scrollHeight : document.body.scrollHeight;
    });
    if (fullHeight <= height) return height;
    await preview.page.setViewportSize({ width: width + 460, height: fullHeight + 140 });
    await preview.page.evaluate(([w, h]) => (window as unknown as Api).preview.resize(w, h), [width, fullHeight] as const);
    return fullHeight;
}

/**
 * The visual's box as a PNG, cut at the bottom of the last thing drawn. The visual chooses how
 * much of each tile to show from the height it is given, so it is given room (`height`, or more
 * when its tiles need it) and the picture stops below the lowest tile.
 */
export async function captureTiles(preview: PreviewBrowser, width: number, height: number): Promise<Capture> {
    const used = await fitToTiles(preview, width, height);
    // A picture has nothing to scroll: keep the frame's (fading) overlay scrollbars out of it.
    await preview.frame().addStyleTag({ content: "::-webkit-scrollbar { display: none; } * { scrollbar-width: none; }" });
    const bottom = await preview.frame().evaluate(() => {
        const root = document.querySelector(".kpi-tiles-root");
        if (!root) return null;
        let lowest = 0;
        for (const element of Array.from(root.querySelectorAll("*"))) {
            const box = element.getBoundingClientRect();
            if (box.width > 0 && box.height > 0) lowest = Math.max(lowest, box.bottom);
        }
        return lowest > 0 ? Math.ceil(lowest) : null;
    });
    const host = await preview.page.locator("#visual-host").boundingBox();
    if (!host) throw new Error("the visual's box is not on the page");
    const shown = Math.min(used, bottom === null ? used : bottom + 12);
    const png = await preview.page.screenshot({ clip: { x: host.x, y: host.y, width: host.width, height: shown } });
    return { png, width, height: shown };
}

/** Give the running visual new data (a data update, as a slicer change would). */
export async function showData(preview: PreviewBrowser, dataView: JsonDataView): Promise<void> {
    await preview.page.evaluate(dv => (window as unknown as Api).preview.update(dv), dataView as unknown as Record<string, unknown>);
    // More rows than one window: the visual fetches the rest (fetchMoreData) before the tiles are drawn.
    await preview.page.evaluate(() => (window as unknown as { preview: { settled?: () => Promise<void> } }).preview.settled?.());
}

/** Set format-pane values (metadata.objects), as the format pane would. */
export async function setFormat(preview: PreviewBrowser, objects: Record<string, Record<string, unknown>>): Promise<void> {
    await preview.page.evaluate(o => (window as unknown as Api).preview.setObjects(o), objects);
}

/** Start a new instance of the visual in another locale (Power BI hands the locale to the constructor). */
export async function setLocale(preview: PreviewBrowser, locale: string): Promise<void> {
    await preview.page.evaluate(l => (window as unknown as Api).preview.setLocale(l), locale);
}

/** Start a new instance of the visual in a high-contrast theme, or back to none. */
export async function setContrast(preview: PreviewBrowser, mode: string): Promise<void> {
    await preview.page.evaluate(m => (window as unknown as Api).preview.setContrast(m), mode);
}
