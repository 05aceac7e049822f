/**
 * The preview page: reads the session (visual + dataset) from the server, shows the dataset's
 * problems, runs the visual through VisualRunner, and wires the toolbar, the resize handle and
 * the side panel. `window.preview` is the page's API for the browser tests and the benchmark.
 */
import { EventLog } from "./event-log";
import { formattingModelText, renderFormatPane } from "./format-pane";
import { ContextMenuBox, TooltipBox } from "./overlays";
import { ContrastMode } from "./palette";
import { OPERATION_KIND, UPDATE_TYPE, UpdateTiming, VisualRunner } from "./runner";
import { windowOf } from "./segments";
import { paintTimings } from "./paint";
import { SelectionState } from "./selection";
import type { JsonDataViewLike } from "./dataview";

interface Problem { severity: "error" | "warning"; file: string; line: number | null; column: string | null; message: string }

interface Session {
    visual: { guid: string; displayName: string; version: string; apiVersion: string; sizeBytes: number; path: string };
    capabilities: Record<string, unknown>;
    stringResources: Record<string, Record<string, string>>;
    dataset: { folder: string; ok: boolean; problems: Problem[]; kpiCount: number; periodCount: number; rowCount: number; rowsCutOff: number; rolesNotInCapabilities: string[] };
    dataView: JsonDataViewLike | null;
}

const $ = <T extends HTMLElement>(id: string): T => document.getElementById(id) as T;

function problemText(p: Problem): string {
    const where = [p.file];
    if (p.line !== null) where.push(`row ${p.line}`);
    if (p.column !== null) where.push(`column ${p.column}`);
    return `${where.join(", ")}: ${p.message}`;
}

function showProblems(session: Session): void {
    const box = $("problems");
    const problems = session.dataset.problems;
    if (problems.length === 0) return;
    box.hidden = false;
    box.classList.toggle("has-errors", !session.dataset.ok);
    const heading = document.createElement("h2");
    const errors = problems.filter(p => p.severity === "error").length;
    heading.textContent = session.dataset.ok
        ? `${problems.length} warning${problems.length === 1 ? "" : "s"} about the dataset`
        : `The dataset in ${session.dataset.folder} has ${errors} problem${errors === 1 ? "" : "s"} to fix before it can be previewed`;
    const list = document.createElement("ul");
    for (const p of problems) {
        const item = document.createElement("li");
        item.className = `problem problem-${p.severity}`;
        item.dataset.file = p.file;
        if (p.line !== null) item.dataset.line = String(p.line);
        if (p.column !== null) item.dataset.column = p.column;
        const tag = document.createElement("strong");
        tag.textContent = p.severity === "error" ? "Error" : "Warning";
        item.append(tag, " ", problemText(p));
        list.append(item);
    }
    box.append(heading, list);
}

function showSummary(session: Session): void {
    const box = $("data-summary");
    const d = session.dataset;
    const lines = [
        `Visual: ${session.visual.displayName} ${session.visual.version} (API ${session.visual.apiVersion})`,
        `Package: ${session.visual.path} (${(session.visual.sizeBytes / 1024).toFixed(1)} KB)`,
        `Dataset: ${d.folder}`,
        `${d.kpiCount} KPIs, ${d.periodCount} periods, ${d.rowCount} rows in the dataView`,
    ];
    if (d.rowsCutOff > 0) lines.push(`${d.rowsCutOff} rows cut off by the capabilities' data-reduction limit`);
    const window = windowOf(session.capabilities);
    if (window !== null && d.rowCount > window) lines.push(`Served in windows of ${window} rows: the visual asks for each next window (fetchMoreData)`);
    if (d.rolesNotInCapabilities.length > 0) lines.push(`Fields the visual has no role for: ${d.rolesNotInCapabilities.join(", ")}`);
    const columns = (session.dataView?.metadata.columns ?? []) as { displayName: string; roles: Record<string, boolean>; format?: string }[];
    for (const c of columns) lines.push(`  ${Object.keys(c.roles).join(", ")} ← ${c.displayName}${c.format ? ` (${c.format})` : ""}`);
    const pre = document.createElement("pre");
    pre.textContent = lines.join("\n");
    box.replaceChildren(pre);
}

function setupTabs(): void {
    const buttons = Array.from(document.querySelectorAll<HTMLButtonElement>(".tabs [data-tab]"));
    for (const button of buttons) {
        button.addEventListener("click", () => {
            for (const b of buttons) {
                const selected = b === button;
                b.setAttribute("aria-selected", String(selected));
                $(`tab-${b.dataset.tab}`).hidden = !selected;
            }
        });
    }
}

async function boot(): Promise<void> {
    const session = await (await fetch("/api/session")).json() as Session;
    document.title = `${session.visual.displayName} preview`;
    $("title").textContent = `${session.visual.displayName} ${session.visual.version}`;
    setupTabs();
    showProblems(session);
    showSummary(session);

    const log = new EventLog($("event-log") as HTMLOListElement, $("counters"));
    const hostBox = $("visual-host");
    const tooltip = new TooltipBox($("tooltip"), hostBox);
    const menu = new ContextMenuBox($("context-menu"), hostBox);
    hostBox.addEventListener("visual-pointerdown", () => menu.hide());
    const selection = new SelectionState(log, request => {
        menu.show(request.ids.map(id => id.toString()).join(", ") || session.visual.displayName, request.position.x, request.position.y);
    }, () => runner.settings.allowInteractions);

    const widthInput = $<HTMLInputElement>("viewport-width");
    const heightInput = $<HTMLInputElement>("viewport-height");
    const runner: VisualRunner = new VisualRunner(
        $<HTMLIFrameElement>("visual-frame"), hostBox, session.visual.guid, session.stringResources,
        log, selection, tooltip,
        { contrast: "none", locale: "en-GB", allowInteractions: true, width: Number(widthInput.value), height: Number(heightInput.value) },
        session.dataView,
        operationKind => {
            // A window appended to the query (Append) changes no formatting object: the pane stays.
            if (operationKind !== OPERATION_KIND.Append) refreshFormatPane();
        },
    );
    runner.segmentWindow = windowOf(session.capabilities);

    const formatPane = $("format-pane");
    /** The formatting model the pane shows (formattingModelText), null: draw on the next refresh. */
    let paneDrawnFrom: string | null = null;
    /**
     * After an update, ask the visual for its formatting model (as Power BI does while the pane is
     * open) and redraw the pane only when the model differs from the one drawn: redrawing some
     * 100 inputs after every data update would add the emulator's own DOM work to the update.
     */
    const refreshFormatPane = (): void => {
        if (formatPane.contains(document.activeElement)) return;
        const model = runner.formattingModel() as Record<string, unknown> | undefined;
        const text = formattingModelText(model);
        if (text !== null && text === paneDrawnFrom && formatPane.firstChild) return;
        paneDrawnFrom = text;
        renderFormatPane(formatPane, model, session.capabilities,
            (descriptor, value) => {
                log.add("host", "format", `${descriptor.objectName}.${descriptor.propertyName} = ${JSON.stringify(value)}`);
                void runner.setObject(descriptor.objectName, descriptor.propertyName, value);
            });
    };
    // An edited input no longer shows the model drawn (the visual may refuse or clamp the value): draw again on the next refresh.
    for (const type of ["input", "change"]) formatPane.addEventListener(type, () => { paneDrawnFrom = null; });
    $("reset-format").addEventListener("click", () => void runner.setObjects({}));

    const sizeInputs = (): void => {
        widthInput.value = String(runner.settings.width);
        heightInput.value = String(runner.settings.height);
    };
    $<HTMLSelectElement>("viewport-preset").addEventListener("change", event => {
        const value = (event.target as HTMLSelectElement).value;
        if (value === "custom") return;
        const [w, h] = value.split("x").map(Number);
        void runner.resize(w, h).then(sizeInputs);
    });
    for (const input of [widthInput, heightInput]) {
        input.addEventListener("change", () => {
            $<HTMLSelectElement>("viewport-preset").value = "custom";
            void runner.resize(Number(widthInput.value), Number(heightInput.value));
        });
    }
    const restart = (): Promise<UpdateTiming> => runner.start();
    $<HTMLSelectElement>("contrast").addEventListener("change", event => {
        runner.settings.contrast = (event.target as HTMLSelectElement).value as ContrastMode;
        void restart();
    });
    $<HTMLSelectElement>("locale").addEventListener("change", event => {
        runner.settings.locale = (event.target as HTMLSelectElement).value;
        void restart();
    });
    $<HTMLInputElement>("allow-interactions").addEventListener("change", event => {
        runner.settings.allowInteractions = (event.target as HTMLInputElement).checked;
        void restart();
    });
    $("reload").addEventListener("click", () => void restart());
    $("clear-selection").addEventListener("click", () => selection.clear("host"));
    setupResizeHandle($("resize-handle"), runner, sizeInputs);

    const api = {
        session,
        runner,
        log,
        get events() { return log.events; },
        selectedKeys: (): string[] => selection.selected.map(s => s.toString()),
        update: (dataView?: JsonDataViewLike | null): Promise<UpdateTiming> => {
            if (dataView !== undefined) runner.dataView = dataView;
            return runner.update(UPDATE_TYPE.Data);
        },
        /** A new visual instance in a fresh frame (as when a report page opens), optionally on new data. */
        start: (dataView?: JsonDataViewLike | null): Promise<UpdateTiming> => {
            if (dataView !== undefined) runner.dataView = dataView;
            return restart();
        },
        resize: (width: number, height: number): Promise<UpdateTiming> => runner.resize(width, height).then(t => { sizeInputs(); return t; }),
        setContrast: (mode: ContrastMode): Promise<UpdateTiming> => { runner.settings.contrast = mode; $<HTMLSelectElement>("contrast").value = mode; return restart(); },
        setLocale: (locale: string): Promise<UpdateTiming> => { runner.settings.locale = locale; return restart(); },
        setAllowInteractions: (on: boolean): Promise<UpdateTiming> => { runner.settings.allowInteractions = on; return restart(); },
        setObjects: (objects: Record<string, Record<string, unknown>>): Promise<UpdateTiming> => runner.setObjects(objects),
        clearSelection: (): void => selection.clear("host"),
        /** Resolves when every window the visual asked for has arrived and rendered. */
        settled: (): Promise<void> => runner.settled(),
        /** Rows of the query handed to the visual so far, in all, and the host's count of their memory. */
        get segments() { return runner.segments; },
        /** Lower the host's memory limit (bytes), to see the visual when the host refuses more rows. */
        setMemoryLimit: (bytes: number): void => { runner.memoryLimitBytes = bytes; },
        /** Timings to the next painted frame (paint.ts). */
        paint: paintTimings(runner),
        ready: null as Promise<UpdateTiming | null> | null,
    };
    (window as unknown as { preview: typeof api }).preview = api;

    if (!session.dataset.ok) {
        hostBox.hidden = true;
        $("resize-handle").hidden = true;
        document.body.dataset.state = "problems";
        api.ready = Promise.resolve(null);
        return;
    }
    api.ready = runner.start().then(timing => {
        document.body.dataset.state = "ready";
        return timing;
    }, error => {
        log.add("error", "startFailed", String(error instanceof Error ? error.message : error));
        document.body.dataset.state = "failed";
        const box = $("problems");
        box.hidden = false;
        box.classList.add("has-errors");
        box.textContent = `The visual could not start: ${String(error instanceof Error ? error.message : error)}`;
        return null;
    });
}

function setupResizeHandle(handle: HTMLElement, runner: VisualRunner, done: () => void): void {
    handle.addEventListener("pointerdown", start => {
        start.preventDefault();
        handle.setPointerCapture(start.pointerId);
        const origin = { x: start.clientX, y: start.clientY, w: runner.settings.width, h: runner.settings.height };
        let pending = false;
        const move = (event: PointerEvent): void => {
            if (pending) return;
            pending = true;
            requestAnimationFrame(() => {
                pending = false;
                void runner.resize(origin.w + event.clientX - origin.x, origin.h + event.clientY - origin.y, UPDATE_TYPE.Resize);
            });
        };
        const end = (): void => {
            handle.removeEventListener("pointermove", move);
            void runner.resize(runner.settings.width, runner.settings.height, UPDATE_TYPE.ResizeEnd).then(done);
        };
        handle.addEventListener("pointermove", move);
        handle.addEventListener("pointerup", end, { once: true });
    });
}

void boot();
