/**
 * What the host saw the visual do: selections, tooltips, context menus, rendering events,
 * persisted properties, URLs it asked to open. Kept as data (for tests and the benchmark, via
 * window.preview.events) and drawn in the side panel. Text only: entries never become markup.
 */
export type EventKind = "selection" | "tooltip" | "context-menu" | "rendering" | "update" | "host" | "error";

export interface LoggedEvent {
    readonly seq: number;
    readonly time: number;
    readonly kind: EventKind;
    readonly name: string;
    readonly text: string;
    readonly detail?: unknown;
}

const MAX_SHOWN = 300;
/** Events kept as data; older ones are dropped (the counters keep counting). */
const MAX_KEPT = 10_000;

export class EventLog {
    readonly events: LoggedEvent[] = [];
    readonly counters: Record<string, number> = {};
    private seq = 0;
    private readonly listeners: ((event: LoggedEvent) => void)[] = [];

    constructor(private readonly list: HTMLOListElement | null, private readonly counterBox: HTMLElement | null) { }

    add(kind: EventKind, name: string, text: string, detail?: unknown): LoggedEvent {
        const event: LoggedEvent = { seq: ++this.seq, time: performance.now(), kind, name, text, detail };
        this.events.push(event);
        if (this.events.length > MAX_KEPT) this.events.splice(0, this.events.length - MAX_KEPT);
        this.counters[name] = (this.counters[name] ?? 0) + 1;
        this.draw(event);
        for (const listener of this.listeners) listener(event);
        return event;
    }

    onEvent(listener: (event: LoggedEvent) => void): void {
        this.listeners.push(listener);
    }

    /** Events of one name since a sequence number. */
    since(seq: number, name?: string): LoggedEvent[] {
        return this.events.filter(e => e.seq > seq && (name === undefined || e.name === name));
    }

    get lastSeq(): number {
        return this.seq;
    }

    private draw(event: LoggedEvent): void {
        if (this.counterBox) {
            const names = ["renderingStarted", "renderingFinished", "renderingFailed", "select", "showContextMenu", "tooltipShow"];
            this.counterBox.textContent = names.map(n => `${n}: ${this.counters[n] ?? 0}`).join("  ·  ");
        }
        if (!this.list) return;
        // Tooltip moves are counted, not listed, or they would flood the log.
        if (event.name === "tooltipMove") return;
        const item = document.createElement("li");
        item.className = `event event-${event.kind}`;
        item.dataset.kind = event.kind;
        item.dataset.name = event.name;
        const time = document.createElement("time");
        time.textContent = `${(event.time / 1000).toFixed(3)} s`;
        const name = document.createElement("strong");
        name.textContent = event.name;
        const text = document.createElement("span");
        text.textContent = event.text;
        item.append(time, " ", name, " ", text);
        this.list.prepend(item);
        while (this.list.childElementCount > MAX_SHOWN) this.list.lastElementChild?.remove();
    }
}
