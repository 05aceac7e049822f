/**
 * Runs the packaged visual in its frame, as Power BI does: the bundle registers itself in
 * powerbi.visuals.plugins[guid]; the host calls create({ element, host }) and then update()
 * with each dataView, viewport and update type. Changing the locale, the contrast theme or
 * allowInteractions makes a new instance in a fresh frame, because Power BI hands those to the
 * constructor (a visual reads them once); resizing and formatting only update.
 *
 * A query larger than the capabilities' `window` is served as Power BI serves segments
 * (segments.ts): the first window, then each fetchMoreData(true) appends the next window and
 * calls update with operationKind Append, until the last window (no metadata.segment) or the
 * host's memory limit (fetchMoreData returns false).
 */
import { hydrateDataView, JsonDataViewLike } from "./dataview";
import { addedBytes, HOST_MEMORY_LIMIT_BYTES, rowCount } from "./segments";
import type { EventLog } from "./event-log";
import { createHost, PersistChanges } from "./host";
import type { TooltipBox } from "./overlays";
import { ContrastMode, contrastColours } from "./palette";
import type { SelectionState } from "./selection";

export const UPDATE_TYPE = { Data: 2, Resize: 4, ViewMode: 8, Style: 16, ResizeEnd: 32, All: 62 } as const;
/** options.operationKind (powerbi.VisualDataChangeOperationKind). */
export const OPERATION_KIND = { Create: 0, Append: 1, Segment: 2 } as const;

interface VisualInstance {
    update(options: unknown): void;
    destroy?(): void;
    getFormattingModel?(): unknown;
}

interface Plugin { create(options: unknown): VisualInstance }

export interface UpdateTiming {
    /** update() call plus the style and layout it caused, in ms. */
    readonly updateMs: number;
    /** From update() to renderingFinished (or Failed); null when neither came within 10 s. */
    readonly finishedMs: number | null;
    readonly outcome: "finished" | "failed" | "none";
    readonly type: number;
    /** performance.now() (the page's clock) when visual.update() was called. */
    readonly startedAt: number;
}

export interface RunnerSettings {
    contrast: ContrastMode;
    locale: string;
    allowInteractions: boolean;
    width: number;
    height: number;
}

/** The host's memory count at the end of each window, per query object and window size (see windowBytes). */
const bytesByQuery = new WeakMap<JsonDataViewLike, Map<string, readonly number[]>>();

/**
 * The host's count of a query's memory at the end of each window of `window` rows. Counted once
 * per query object, window size and row count: a query handed to the runner again (the
 * benchmark's two period windows take turns) is not counted again.
 */
function windowBytes(query: JsonDataViewLike, window: number): readonly number[] {
    let byWindow = bytesByQuery.get(query);
    if (!byWindow) bytesByQuery.set(query, byWindow = new Map());
    const total = rowCount(query);
    const key = `${window}/${total}`;
    const known = byWindow.get(key);
    if (known) return known;
    const ends: number[] = [];
    const seen = new Set<string>();
    let bytes = 0;
    for (let start = 0; start < total; start += window) {
        bytes += addedBytes(query, start, Math.min(total, start + window), seen);
        ends.push(bytes);
    }
    byWindow.set(key, ends);
    return ends;
}

export class VisualRunner {
    visual: VisualInstance | null = null;
    objects: Record<string, Record<string, unknown>> = {};
    lastTiming: UpdateTiming | null = null;
    private renderWaiters: ((outcome: "finished" | "failed", at: number) => void)[] = [];
    private instances = 0;
    /** Window size of the capabilities' `window` algorithm; null: every row at once. */
    segmentWindow: number | null = null;
    /** The host's memory limit for the accumulated dataView (Power BI: 100 MB). */
    memoryLimitBytes = HOST_MEMORY_LIMIT_BYTES;
    /** Rows of `dataView` (the whole query) the host has loaded and hands the visual. */
    private loadedRows = 0;
    private loadedBytes = 0;
    /** The host's count of the query's memory at the end of each window (computed once per query, outside any update). */
    private bytesAtWindowEnd: readonly number[] = [];
    private loadedFor: JsonDataViewLike | null = null;
    /** An accepted window not delivered yet. */
    private windowPending = false;
    /** The latest delivery of a window (its Append update), until settled() has seen it end. */
    private delivery: Promise<unknown> | null = null;
    /** performance.now() when visual.update() was last called. */
    lastUpdateStartedAt = 0;
    /** When each of the latest visual.update() calls started (the last 64). */
    private updateStarts: number[] = [];

    /** visual.update() calls started at or after `time`. */
    updatesSince(time: number): number {
        return this.updateStarts.filter(t => t >= time).length;
    }

    constructor(
        private readonly frame: HTMLIFrameElement,
        private readonly hostBox: HTMLElement,
        private readonly guid: string,
        private readonly stringResources: Record<string, Record<string, string>>,
        private readonly log: EventLog,
        private readonly selection: SelectionState,
        private readonly tooltip: TooltipBox,
        readonly settings: RunnerSettings,
        public dataView: JsonDataViewLike | null,
        /** Called when an update has rendered, with its operationKind (OPERATION_KIND). */
        private readonly afterUpdate: (operationKind: number) => void,
    ) { }

    get frameWindow(): Window & { powerbi?: { visuals: { plugins: Record<string, Plugin> } } } {
        return this.frame.contentWindow as Window & { powerbi?: { visuals: { plugins: Record<string, Plugin> } } };
    }

    /** Load a fresh frame, run the bundle in it, create the visual and give it its first update. */
    async start(): Promise<UpdateTiming> {
        this.visual?.destroy?.();
        this.visual = null;
        this.selection.reset();
        this.renderWaiters = [];
        this.tooltip.hide();
        await new Promise<void>(resolve => {
            this.frame.addEventListener("load", () => resolve(), { once: true });
            this.frame.src = `/sandbox.html?instance=${++this.instances}`;
        });
        const win = this.frameWindow;
        win.powerbi = { visuals: { plugins: {} } };
        const doc = this.frame.contentDocument as Document;
        await new Promise<void>((resolve, reject) => {
            const script = doc.createElement("script");
            script.src = "/visual.js";
            script.onload = () => resolve();
            script.onerror = () => reject(new Error("the visual's bundle did not load"));
            doc.head.append(script);
        });
        const plugin = win.powerbi.visuals.plugins[this.guid];
        if (!plugin) throw new Error(`the bundle did not register the plugin ${this.guid} in powerbi.visuals.plugins`);
        doc.addEventListener("pointerdown", () => this.hostBox.dispatchEvent(new CustomEvent("visual-pointerdown")));
        this.applyContrast();
        const element = doc.getElementById("sandbox") as HTMLElement;
        const host = createHost({
            log: this.log,
            selection: this.selection,
            tooltip: this.tooltip,
            contrast: this.settings.contrast,
            locale: this.settings.locale,
            stringResources: this.stringResources,
            allowInteractions: this.settings.allowInteractions,
            instanceId: `preview-${this.instances}`,
            onPersist: changes => this.persist(changes),
            onRendering: name => this.rendering(name),
            fetchMoreData: aggregate => this.fetchMoreData(aggregate),
        });
        this.log.add("host", "create", `${this.guid} (locale ${this.settings.locale}, contrast ${this.settings.contrast}, interactions ${this.settings.allowInteractions ? "on" : "off"})`);
        this.visual = plugin.create({ element, host, module: undefined });
        this.resetSegments();
        return this.update(UPDATE_TYPE.All);
    }

    private applyContrast(): void {
        const colours = contrastColours(this.settings.contrast);
        this.hostBox.style.background = colours.background;
        const doc = this.frame.contentDocument;
        if (doc) doc.body.style.background = colours.background;
    }

    private rendering(name: "renderingStarted" | "renderingFinished" | "renderingFailed"): void {
        if (name === "renderingStarted") return;
        const at = performance.now();
        const waiters = this.renderWaiters;
        this.renderWaiters = [];
        for (const waiter of waiters) waiter(name === "renderingFinished" ? "finished" : "failed", at);
    }

    /** The first window of the query again (a new query: a new instance or new data). */
    resetSegments(): void {
        this.loadedFor = this.dataView;
        this.windowPending = false;
        this.delivery = null;
        const total = rowCount(this.dataView);
        this.loadedRows = this.segmentWindow === null ? total : Math.min(total, this.segmentWindow);
        this.bytesAtWindowEnd = this.dataView ? windowBytes(this.dataView, this.segmentWindow ?? Math.max(1, total)) : [];
        this.loadedBytes = this.bytesAtWindowEnd[0] ?? 0;
    }

    /** Rows of the query handed to the visual so far, and in all. */
    get segments(): { loaded: number; total: number; bytes: number } {
        return { loaded: this.loadedRows, total: rowCount(this.dataView), bytes: this.loadedBytes };
    }

    /**
     * host.fetchMoreData: in segments aggregation mode, accept while rows remain and the host's copy
     * stays within its memory limit, and append the next window in a later task (Power BI calls
     * update asynchronously). Incremental mode (aggregateSegments false) is not emulated.
     */
    private fetchMoreData(aggregateSegments: boolean): boolean {
        const query = this.dataView;
        if (this.loadedFor !== query) this.resetSegments();
        const total = rowCount(query);
        if (!query || this.segmentWindow === null || this.loadedRows >= total) {
            this.log.add("host", "fetchMoreData", "refused: no more rows in this query");
            return false;
        }
        if (aggregateSegments === false) {
            this.log.add("host", "fetchMoreData", "refused: incremental mode (aggregateSegments false) is not emulated");
            return false;
        }
        if (this.windowPending) {
            this.log.add("host", "fetchMoreData", "accepted: the next window is already on its way");
            return true;
        }
        const next = Math.min(total, this.loadedRows + this.segmentWindow);
        const bytes = this.bytesAtWindowEnd[Math.ceil(next / this.segmentWindow) - 1] ?? this.loadedBytes;
        if (bytes > this.memoryLimitBytes) {
            this.log.add("host", "fetchMoreData", `refused: ${next} rows would take ${(bytes / 2 ** 20).toFixed(1)} MB, over the host's ${(this.memoryLimitBytes / 2 ** 20).toFixed(1)} MB`);
            return false;
        }
        this.log.add("host", "fetchMoreData", `accepted: rows ${this.loadedRows + 1}-${next} of ${total} follow`);
        this.windowPending = true;
        this.delivery = new Promise<void>(resolve => setTimeout(resolve, 0)).then(() => {
            if (this.dataView !== query || this.loadedFor !== query || !this.windowPending) return null;
            this.windowPending = false;
            this.loadedRows = next;
            this.loadedBytes = bytes;
            return this.update(UPDATE_TYPE.Data, OPERATION_KIND.Append);
        }).catch(() => null);
        return true;
    }

    /** Resolves when no window is on its way (every accepted fetchMoreData has been answered and rendered). */
    async settled(): Promise<void> {
        while (this.delivery) {
            const delivery = this.delivery;
            await delivery;
            if (this.delivery === delivery) this.delivery = null;
        }
    }

    /** Update the visual. Resolves when it reports renderingFinished/Failed (or after 10 s). */
    update(type: number, operationKind: number = OPERATION_KIND.Create): Promise<UpdateTiming> {
        const visual = this.visual;
        if (!visual) return Promise.reject(new Error("the visual is not running"));
        this.frame.style.width = `${this.settings.width}px`;
        this.frame.style.height = `${this.settings.height}px`;
        this.hostBox.style.width = `${this.settings.width}px`;
        this.hostBox.style.height = `${this.settings.height}px`;
        if (this.loadedFor !== this.dataView) this.resetSegments();
        const dataViews = this.dataView ? [hydrateDataView(this.dataView, this.objects, this.loadedRows)] : [];
        const options = {
            viewport: { width: this.settings.width, height: this.settings.height },
            dataViews,
            type,
            viewMode: 0,
            editMode: 0,
            operationKind,
            isInFocus: false,
            jsonFilters: [],
        };
        const doc = this.frame.contentDocument as Document;
        let finishedAt: number | null = null;
        const rendered = new Promise<"finished" | "failed" | "none">(resolve => {
            const timer = setTimeout(() => resolve("none"), 10000);
            this.renderWaiters.push((outcome, at) => { clearTimeout(timer); finishedAt = at; resolve(outcome); });
        });
        const started = performance.now();
        this.lastUpdateStartedAt = started;
        this.updateStarts.push(started);
        if (this.updateStarts.length > 64) this.updateStarts.shift();
        try {
            visual.update(options);
        } catch (error) {
            // Power BI shows an error in place of such a visual; the preview logs it and reports it
            // on the console, where the browser tests and the benchmark look for errors.
            this.log.add("error", "updateThrew", String(error instanceof Error ? error.stack ?? error.message : error));
            console.error("visual.update threw:", error);
        }
        // Reading a layout property makes the browser do the style and layout the update caused.
        void doc.body.getBoundingClientRect().height;
        const updateMs = performance.now() - started;
        const rowsNote = this.segmentWindow !== null && this.dataView ? `, rows 1-${this.loadedRows} of ${rowCount(this.dataView)}` : "";
        const kindNote = operationKind === OPERATION_KIND.Append ? ", Append" : "";
        this.log.add("update", "update", `type ${type}${kindNote}, ${this.settings.width} × ${this.settings.height}, ${dataViews.length ? "1 dataView" : "no dataView"}${rowsNote}: ${updateMs.toFixed(1)} ms`);
        return rendered.then(outcome => {
            const timing: UpdateTiming = {
                updateMs,
                finishedMs: outcome === "none" || finishedAt === null ? null : Math.max(0, finishedAt - started),
                outcome,
                type,
                startedAt: started,
            };
            this.lastTiming = timing;
            this.afterUpdate(operationKind);
            return timing;
        });
    }

    resize(width: number, height: number, type: number = UPDATE_TYPE.Resize | UPDATE_TYPE.ResizeEnd): Promise<UpdateTiming> {
        this.settings.width = Math.max(50, Math.round(width));
        this.settings.height = Math.max(50, Math.round(height));
        return this.update(type);
    }

    setObject(objectName: string, propertyName: string, value: unknown): Promise<UpdateTiming> {
        const object = { ...(this.objects[objectName] ?? {}) };
        if (value === undefined) delete object[propertyName];
        else object[propertyName] = value;
        this.objects = { ...this.objects, [objectName]: object };
        return this.update(UPDATE_TYPE.Data);
    }

    setObjects(objects: Record<string, Record<string, unknown>>): Promise<UpdateTiming> {
        this.objects = JSON.parse(JSON.stringify(objects)) as Record<string, Record<string, unknown>>;
        return this.update(UPDATE_TYPE.Data);
    }

    formattingModel(): unknown {
        try {
            return this.visual?.getFormattingModel?.();
        } catch (error) {
            this.log.add("error", "getFormattingModelThrew", String(error));
            console.error("visual.getFormattingModel threw:", error);
            return undefined;
        }
    }

    /** persistProperties: Power BI stores the change and sends the visual a data update. */
    private persist(changes: PersistChanges): void {
        const next = JSON.parse(JSON.stringify(this.objects)) as Record<string, Record<string, unknown>>;
        for (const change of [...(changes.merge ?? []), ...(changes.replace ?? [])]) {
            next[change.objectName] = { ...(next[change.objectName] ?? {}), ...change.properties };
        }
        for (const change of changes.remove ?? []) {
            for (const property of Object.keys(change.properties ?? {})) delete next[change.objectName]?.[property];
        }
        this.objects = next;
        setTimeout(() => void this.update(UPDATE_TYPE.Data), 0);
    }
}
