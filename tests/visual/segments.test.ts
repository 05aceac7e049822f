/**
 * fetchMoreData (segments aggregation mode) through the real Visual: a fake host that serves a
 * query in windows as Power BI does (Microsoft's "Fetch more data from Power BI"): the first
 * window with metadata.segment, then for each accepted fetchMoreData(true) the accumulated rows
 * in an update with operationKind Append, the last one without metadata.segment.
 */
import powerbi from "powerbi-visuals-api";
import { buildDataView } from "./helpers/buildDataView";
import { createHarness, Harness } from "./helpers/visualHarness";
import { SegmentLoader } from "../../src/model/segments";

import DataView = powerbi.DataView;
import VisualUpdateOptions = powerbi.extensibility.visual.VisualUpdateOptions;

const ROLES = { KPI: "kpi", Period: "period", Actual: "actual", Target: "target", Polarity: "polarity" };
const FORMATS = { Actual: "0", Target: "0" };
const CREATE = 0;
const APPEND = 1;

/** 6 KPIs x 5 periods, KPI by KPI: with a window of 12 rows, KPIs C and E straddle two windows. */
function allRows(): Record<string, unknown>[] {
    const rows: Record<string, unknown>[] = [];
    for (const [k, kpi] of ["A", "B", "C", "D", "E", "F"].entries()) {
        for (let p = 1; p <= 5; p++) rows.push({ KPI: `KPI ${kpi}`, Period: p, Actual: 50 + k * 10 + p * (k % 2 ? -3 : 3), Target: 60, Polarity: "High" });
    }
    return rows;
}

/** The first `n` rows as Power BI's dataView of that moment (segment set while rows remain). */
function window(rows: readonly Record<string, unknown>[], n: number): DataView {
    return buildDataView(rows.slice(0, n), ROLES, FORMATS, { moreRows: n < rows.length });
}

interface FakeHost {
    /** fetchMoreData calls, with their argument. */
    readonly calls: unknown[];
    /** Deliver the windows asked for, one update each, until nothing is pending. */
    drain(): void;
}

/**
 * Power BI's side: the first window, then one Append update per accepted fetchMoreData (delivered
 * later, as the host does, by drain()). `refuseAfter`: the host refuses once this many rows are loaded.
 */
function serveSegments(h: Harness, rows: readonly Record<string, unknown>[], size: number, refuseAfter = Infinity): FakeHost {
    const calls: unknown[] = [];
    let loaded = Math.min(size, rows.length);
    let pending = false;
    h.host.fetchMoreData = ((aggregateSegments: boolean) => {
        calls.push(aggregateSegments);
        if (loaded >= rows.length || loaded >= refuseAfter) return false;
        pending = true;
        return true;
    }) as typeof h.host.fetchMoreData;
    const update = (n: number, operationKind: number): void => h.visual.update({
        dataViews: [window(rows, n)], viewport: { width: 900, height: 600 }, type: 2, operationKind,
    } as unknown as VisualUpdateOptions);
    update(loaded, CREATE);
    return {
        calls,
        drain() {
            while (pending) {
                pending = false;
                loaded = Math.min(rows.length, loaded + size);
                update(loaded, APPEND);
            }
        },
    };
}

const loadingText = (h: Harness): string | null => h.element.querySelector(".kpi-loading")?.textContent ?? null;
const notice = (h: Harness): HTMLElement => h.element.querySelector(".kpi-notice") as HTMLElement;
const tileFacts = (h: Harness): string[] => h.tiles().map(t => `${t.dataset.kpi}|${t.dataset.status}|${t.dataset.direction}|${t.getAttribute("aria-label")}`);

let consoleError: jest.SpyInstance;
beforeEach(() => { consoleError = jest.spyOn(console, "error"); document.body.replaceChildren(); });
afterEach(() => {
    expect(consoleError).not.toHaveBeenCalled();
    consoleError.mockRestore();
});

describe("fetchMoreData: a query in three windows", () => {
    test("a progress note while windows arrive, then every tile as from the whole query at once", () => {
        const rows = allRows();
        const whole = createHarness();
        whole.update(buildDataView(rows, ROLES, FORMATS));
        expect(whole.tiles()).toHaveLength(6);

        const h = createHarness({ locale: "en-GB" });
        const host = serveSegments(h, rows, 12);
        // First window: no tiles yet (KPI C has 2 of its 5 periods), the rows so far, one request.
        expect(h.tiles()).toHaveLength(0);
        expect(loadingText(h)).toBe("Loading more data12 rows so far. The tiles appear when every row has arrived.");
        expect(host.calls).toEqual([true]);
        expect(notice(h).hidden).toBe(true);

        host.drain();
        // Windows 2 (24 rows, asks again) and 3 (30 rows, no segment: no request): 2 requests in all.
        expect(host.calls).toEqual([true, true]);
        expect(loadingText(h)).toBeNull();
        expect(notice(h).hidden).toBe(true);
        expect(tileFacts(h)).toEqual(tileFacts(whole));
        expect(h.element.querySelector(".kpi-tile")?.getAttribute("aria-setsize")).toBe("6");
        expect(h.events).toEqual({ started: 3, finished: 3, failed: [] });
    });

    test("between windows the note counts the rows so far", () => {
        const rows = allRows();
        const h = createHarness();
        const calls: unknown[] = [];
        h.host.fetchMoreData = ((a: boolean) => { calls.push(a); return true; }) as typeof h.host.fetchMoreData;
        h.visual.update({ dataViews: [window(rows, 12)], viewport: { width: 900, height: 600 }, type: 2, operationKind: CREATE } as unknown as VisualUpdateOptions);
        h.visual.update({ dataViews: [window(rows, 24)], viewport: { width: 900, height: 600 }, type: 2, operationKind: APPEND } as unknown as VisualUpdateOptions);
        expect(loadingText(h)).toContain("24 rows so far");
        expect(h.tiles()).toHaveLength(0);
        expect(calls).toEqual([true, true]);
    });

    test("no request when the dataView has no segment", () => {
        const h = createHarness();
        const fetchMoreData = jest.fn(() => true);
        h.host.fetchMoreData = fetchMoreData;
        h.update(buildDataView(allRows(), ROLES, FORMATS));
        expect(fetchMoreData).not.toHaveBeenCalled();
        expect(h.tiles()).toHaveLength(6);
        expect(loadingText(h)).toBeNull();
    });

    test("a resize while a window is on its way asks no second time", () => {
        const rows = allRows();
        const h = createHarness();
        const host = serveSegments(h, rows, 12);
        const first = window(rows, 12);
        h.visual.update({ dataViews: [first], viewport: { width: 500, height: 600 }, type: 4, operationKind: CREATE } as unknown as VisualUpdateOptions);
        expect(host.calls).toEqual([true]);
        expect(loadingText(h)).toContain("12 rows so far");
        host.drain();
        expect(h.tiles()).toHaveLength(6);
    });

    test("a new query while loading starts again from its first window", () => {
        const rows = allRows();
        const h = createHarness();
        const host = serveSegments(h, rows, 12);
        // The user moves a slicer: Power BI sends a new first window (Create, another dataView).
        h.visual.update({ dataViews: [window(rows, 12)], viewport: { width: 900, height: 600 }, type: 2, operationKind: CREATE } as unknown as VisualUpdateOptions);
        expect(host.calls).toEqual([true, true]);
        host.drain();
        expect(h.tiles()).toHaveLength(6);
    });
});

describe("a new query in windows while tiles are drawn (a slicer moved)", () => {
    test("the tiles stay, marked busy, with the rows so far above them, and are patched when the last window arrives", () => {
        const h = createHarness({ locale: "en-GB" });
        serveSegments(h, allRows(), 12).drain();
        const before = h.tiles();
        expect(before).toHaveLength(6);
        const grid = h.element.querySelector(".kpi-grid") as HTMLElement;
        // The new query: every actual 20 higher, in windows of 12 rows again.
        const moved = allRows().map(r => ({ ...r, Actual: (r.Actual as number) + 20 }));
        const host = serveSegments(h, moved, 12);
        expect(h.tiles()).toHaveLength(6);
        h.tiles().forEach((tile, i) => expect(tile).toBe(before[i]));
        expect(grid.getAttribute("aria-busy")).toBe("true");
        expect(notice(h).hidden).toBe(false);
        expect(notice(h).getAttribute("role")).toBe("status");
        expect(notice(h).textContent).toBe("Loading more data: 12 rows of the new data so far; the tiles show the previous data until every row has arrived.");
        expect(loadingText(h)).toBeNull();
        host.drain();
        const whole = createHarness({ locale: "en-GB" });
        whole.update(buildDataView(moved, ROLES, FORMATS));
        expect(tileFacts(h)).toEqual(tileFacts(whole));
        // The same elements, patched.
        expect(h.tiles()).toHaveLength(6);
        h.tiles().forEach((tile, i) => expect(tile).toBe(before[i]));
        expect(grid.hasAttribute("aria-busy")).toBe(false);
        expect(notice(h).hidden).toBe(true);
        expect(notice(h).hasAttribute("role")).toBe(false);
    });
});

describe("fetchMoreData refused: the data was cut", () => {
    test("when the host refuses (its memory limit), the rows so far are drawn with the notice and the warning icon", () => {
        const rows = allRows();
        const h = createHarness({ locale: "en-GB" });
        const warning = jest.fn();
        h.host.displayWarningIcon = warning;
        const host = serveSegments(h, rows, 12, 24);
        host.drain();
        expect(host.calls).toEqual([true, true]);
        expect(loadingText(h)).toBeNull();
        expect(notice(h).hidden).toBe(false);
        expect(notice(h).textContent).toContain("first 24 rows");
        expect(warning).toHaveBeenCalledWith("Not every row is shown", expect.stringContaining("first 24 rows"));
        // KPIs A-E arrived (E with part of its periods), F did not.
        expect(h.tiles().map(t => t.dataset.kpi)).toEqual(["KPI A", "KPI B", "KPI C", "KPI D", "KPI E"]);
        // A resize of the cut visual does not ask again.
        h.visual.update({ dataViews: [window(rows, 24)], viewport: { width: 600, height: 600 }, type: 4, operationKind: CREATE } as unknown as VisualUpdateOptions);
        expect(host.calls).toEqual([true, true]);
    });

    test("no notice while the host is still sending windows", () => {
        const h = createHarness();
        const warning = jest.fn();
        h.host.displayWarningIcon = warning;
        serveSegments(h, allRows(), 12);
        expect(notice(h).hidden).toBe(true);
        expect(warning).not.toHaveBeenCalled();
    });
});

describe("SegmentLoader", () => {
    const dv = (segment: boolean): DataView => window(allRows(), segment ? 12 : 30);
    test("a host without fetchMoreData, or one that throws, leaves the data cut", () => {
        expect(new SegmentLoader(undefined).next(dv(true), { type: 2, operationKind: CREATE })).toEqual({ kind: "cut", rows: 12 });
        const throws = new SegmentLoader(() => { throw new Error("no"); });
        expect(throws.next(dv(true), { type: 2, operationKind: CREATE })).toEqual({ kind: "cut", rows: 12 });
    });
    test("asks in segments aggregation mode, once per window", () => {
        const fetch = jest.fn(() => true);
        const loader = new SegmentLoader(fetch);
        const first = dv(true);
        expect(loader.next(first, { type: 2, operationKind: CREATE })).toEqual({ kind: "loading", rows: 12 });
        expect(loader.next(first, { type: 2, operationKind: CREATE })).toEqual({ kind: "loading", rows: 12 });
        expect(fetch.mock.calls).toEqual([[true]]);
        expect(loader.next(dv(false), { type: 2, operationKind: APPEND })).toEqual({ kind: "complete" });
        expect(fetch).toHaveBeenCalledTimes(1);
    });
});

describe("an update that only resizes", () => {
    test("draws the last model again without reading the rows (no selection ids asked for), at the new size", () => {
        const h = createHarness();
        const builder = h.host.createSelectionIdBuilder.bind(h.host);
        let asked = 0;
        h.host.createSelectionIdBuilder = () => { asked++; return builder(); };
        const dv = buildDataView(allRows(), ROLES, FORMATS);
        h.update(dv);
        expect(asked).toBeGreaterThan(0);
        const before = asked;
        for (const type of [4, 32, 36]) {
            h.visual.update({ dataViews: [dv], viewport: { width: 400, height: 600 }, type, operationKind: CREATE } as unknown as VisualUpdateOptions);
        }
        expect(asked).toBe(before);
        expect(h.tiles()).toHaveLength(6);
        // A data update reads the rows again.
        h.visual.update({ dataViews: [dv], viewport: { width: 400, height: 600 }, type: 2 | 4, operationKind: CREATE } as unknown as VisualUpdateOptions);
        expect(asked).toBeGreaterThan(before);
        expect(h.events.failed).toEqual([]);
    });
});
