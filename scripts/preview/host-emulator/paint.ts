/**
 * Timings to the next painted frame, for the benchmark (`window.preview.paint`): each action
 * starts when the host calls visual.update() (or, for a scroll, when the scroll position
 * changes) and ends when a task queued from the requestAnimationFrame callback after it runs,
 * which is after that frame has been painted. A first render or a new query also waits for every
 * window the visual asks for (fetchMoreData) before the frame counts.
 *
 * The emulator's own work inside that span, and what it leaves out or keeps cheap (so the
 * figure is mostly the visual's): each Append window's dataView is a fresh copy of every row so
 * far, as Power BI hands over (dataview.ts: one copy per array, nothing more); selection ids
 * make their key and label only when asked (selection.ts); the format pane is not drawn again
 * for an Append update or when the visual's formatting model is unchanged (main.ts); the host's
 * memory count is made once per query before its first update (runner.ts, windowBytes).
 */
import type { JsonDataViewLike } from "./dataview";
import type { VisualRunner } from "./runner";

export interface PaintTiming {
    /** ms from the update (or scroll) to the painted frame. */
    readonly ms: number;
    /** renderingFinished / renderingFailed / none, of the last update. */
    readonly outcome: string;
    /** Tiles in the list (aria-setsize of the tiles), and tiles built. */
    readonly setSize: number;
    readonly built: number;
    /** For scrolls: how far the view moved, px. */
    readonly moved?: number;
    /** The last update's own time: visual.update() with the style and layout it caused (the window that completed the query). */
    readonly lastUpdateMs: number | null;
    /** visual.update() calls the action took (a query in four windows: 4). */
    readonly updates: number;
}

function nextPaint(runner: VisualRunner): Promise<number> {
    return new Promise(resolve => {
        runner.frameWindow.requestAnimationFrame(() => {
            const channel = new MessageChannel();
            channel.port1.onmessage = () => resolve(performance.now());
            channel.port2.postMessage(null);
        });
    });
}

function counts(runner: VisualRunner): { setSize: number; built: number } {
    const doc = runner.frameWindow.document;
    const tiles = doc.querySelectorAll(".kpi-tile");
    const first = tiles[0];
    return { setSize: first ? Number(first.getAttribute("aria-setsize")) : 0, built: tiles.length };
}

export function paintTimings(runner: VisualRunner) {
    const finish = async (startedAt: number, outcome: string, extra: { moved?: number } = {}): Promise<PaintTiming> => {
        await runner.settled();
        const end = await nextPaint(runner);
        const last = runner.lastTiming;
        const updates = last && last.startedAt >= startedAt ? runner.updatesSince(startedAt) : 0;
        return { ms: end - startedAt, outcome: last?.outcome ?? outcome, ...counts(runner), ...extra, lastUpdateMs: updates > 0 && last ? last.updateMs : null, updates };
    };
    return {
        /** A new instance in a fresh frame (a report page opening), optionally on new data. */
        async start(dataView?: JsonDataViewLike | null): Promise<PaintTiming> {
            if (dataView !== undefined) runner.dataView = dataView;
            const timing = await runner.start();
            return finish(timing.startedAt, timing.outcome);
        },
        /** A data update: the same query again when no dataView is given, else a new query. */
        async update(dataView?: JsonDataViewLike | null): Promise<PaintTiming> {
            if (dataView !== undefined) runner.dataView = dataView;
            const timing = await runner.update(2);
            return finish(timing.startedAt, timing.outcome);
        },
        async resize(width: number, height: number): Promise<PaintTiming> {
            const timing = await runner.resize(width, height);
            return finish(timing.startedAt, timing.outcome);
        },
        /** Scroll the tiles by `screens` heights of the box (back to the top when it would pass the end). */
        async scroll(screens = 1): Promise<PaintTiming> {
            const root = runner.frameWindow.document.querySelector<HTMLElement>(".kpi-tiles-root");
            if (!root) return { ms: Number.NaN, outcome: "none", setSize: 0, built: 0, moved: 0, lastUpdateMs: null, updates: 0 };
            const before = root.scrollTop;
            const startedAt = performance.now();
            const step = root.clientHeight * screens;
            root.scrollTop = before + step > root.scrollHeight - root.clientHeight ? 0 : before + step;
            // The renderer builds the tiles now in view from its scroll handler's animation frame;
            // dispatching the event here queues that frame before the one this timing waits for.
            root.dispatchEvent(new Event("scroll"));
            return finish(startedAt, "finished", { moved: Math.abs(root.scrollTop - before) });
        },
    };
}
