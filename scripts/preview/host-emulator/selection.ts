/**
 * Selection identities and the selection manager, as the host provides them.
 * A selection id is the list of data identities it was built from (category rows, series,
 * table rows) plus an optional measure; two ids are equal when those match. Identities are
 * the `{ key }` objects the preview's dataView carries (one per category value).
 */
import type { EventLog } from "./event-log";

interface Identity { key: string }

function keyOf(identity: unknown): string {
    if (identity && typeof identity === "object" && typeof (identity as Identity).key === "string") return (identity as Identity).key;
    return JSON.stringify(identity ?? null);
}

/** Keys and labels of the ids asked for them (kept apart: the id's own fields are its identities). */
const keyText = new WeakMap<PreviewSelectionId, string>();
const labelOf = new WeakMap<PreviewSelectionId, string>();

/**
 * A selection id. Its key (what equals() compares) and its readable label are made when first
 * asked for, not when the visual creates the id: a visual creates one per data point on every
 * update (10,000 KPIs in four windows: 25,000 ids) and most are never compared or shown, so
 * making them eagerly would add the emulator's string work to the visual's update.
 */
export class PreviewSelectionId {
    constructor(readonly dataKeys: readonly string[], readonly measure: string | undefined) { }

    /** The readable form: `KPI.KPI = Re-referrals`, `(no identity)` for an id without identities. */
    get label(): string {
        let label = labelOf.get(this);
        if (label === undefined) {
            label = (this.dataKeys.map(describeKey).join(" & ") + (this.measure ? ` [${this.measure}]` : "")) || "(no identity)";
            labelOf.set(this, label);
        }
        return label;
    }

    equals(other: unknown): boolean {
        return other instanceof PreviewSelectionId && other.getKey() === this.getKey();
    }

    /** True when every identity of `other` is part of this id (a broader selection includes a narrower one). */
    includes(other: unknown): boolean {
        if (!(other instanceof PreviewSelectionId)) return false;
        return this.dataKeys.every(k => other.dataKeys.includes(k)) && (this.measure === undefined || this.measure === other.measure);
    }

    getKey(): string {
        let key = keyText.get(this);
        if (key === undefined) {
            key = JSON.stringify({ data: this.dataKeys, measure: this.measure ?? null });
            keyText.set(this, key);
        }
        return key;
    }

    getSelector(): { data: Identity[]; metadata?: string } {
        const selector: { data: Identity[]; metadata?: string } = { data: this.dataKeys.map(key => ({ key })) };
        if (this.measure !== undefined) selector.metadata = this.measure;
        return selector;
    }

    getSelectorsByColumn(): { dataMap: Record<string, Identity[]>; metadata?: string } {
        const dataMap: Record<string, Identity[]> = {};
        for (const key of this.dataKeys) {
            const [column] = safeParse(key);
            const name = typeof column === "string" ? column : "data";
            (dataMap[name] ??= []).push({ key });
        }
        return { dataMap, metadata: this.measure };
    }

    hasIdentity(): boolean {
        return this.dataKeys.length > 0;
    }

    getHighlightIndicator(): boolean {
        return false;
    }

    toString(): string {
        return this.label;
    }
}

function safeParse(key: string): unknown[] {
    try {
        const parsed = JSON.parse(key) as unknown;
        return Array.isArray(parsed) ? parsed : [];
    } catch {
        return [];
    }
}

/** Readable form of an identity key: `KPI.KPI = Re-referrals`. */
function describeKey(key: string): string {
    const [column, value] = safeParse(key);
    return column === undefined ? key : `${String(column)} = ${String(value)}`;
}

export class PreviewSelectionIdBuilder {
    private readonly keys: string[] = [];
    private measure: string | undefined;

    withCategory(category: { identity?: unknown[] }, index: number): this {
        const identity = category?.identity?.[index];
        if (identity !== undefined) this.keys.push(keyOf(identity));
        return this;
    }

    withSeries(_series: unknown, valueColumn: { identity?: unknown }): this {
        if (valueColumn?.identity !== undefined) this.keys.push(keyOf(valueColumn.identity));
        return this;
    }

    withMeasure(measureId: string): this {
        this.measure = measureId;
        return this;
    }

    withTable(table: { identity?: unknown[] }, rowIndex: number): this {
        const identity = table?.identity?.[rowIndex];
        if (identity !== undefined) this.keys.push(keyOf(identity));
        return this;
    }

    withMatrixNode(node: { identity?: unknown }): this {
        if (node?.identity !== undefined) this.keys.push(keyOf(node.identity));
        return this;
    }

    createSelectionId(): PreviewSelectionId {
        return new PreviewSelectionId([...this.keys], this.measure);
    }
}

export interface ContextMenuRequest {
    readonly ids: PreviewSelectionId[];
    readonly position: { x: number; y: number };
}

/** One per createSelectionManager() call, sharing the host's selection (as in Power BI). */
export class SelectionState {
    selected: PreviewSelectionId[] = [];
    private readonly callbacks: ((ids: PreviewSelectionId[]) => void)[] = [];


    constructor(private readonly log: EventLog, private readonly showMenu: (request: ContextMenuRequest) => void,
        private readonly interactionsAllowed: () => boolean) { }

    createManager(): Record<string, unknown> {
        const state = this;
        return {
            select(ids: PreviewSelectionId | PreviewSelectionId[], multiSelect = false): Promise<PreviewSelectionId[]> {
                return Promise.resolve(state.select(Array.isArray(ids) ? ids : [ids], multiSelect));
            },
            clear(): Promise<object> {
                state.clear("visual");
                return Promise.resolve({});
            },
            hasSelection: (): boolean => state.selected.length > 0,
            getSelectionIds: (): PreviewSelectionId[] => [...state.selected],
            showContextMenu(id: PreviewSelectionId | PreviewSelectionId[] | undefined, position: { x: number; y: number }): Promise<object> {
                const ids = id === undefined ? [] : Array.isArray(id) ? id : [id];
                state.log.add("context-menu", "showContextMenu", `${ids.map(i => i.toString()).join(", ") || "(visual)"} at ${Math.round(position?.x ?? 0)}, ${Math.round(position?.y ?? 0)}`,
                    { ids: ids.map(i => i.toString()), position });
                state.showMenu({ ids, position });
                return Promise.resolve({});
            },
            registerOnSelectCallback(callback: (ids: PreviewSelectionId[]) => void): void {
                state.callbacks.push(callback);
            },
            toggleExpandCollapse(): Promise<object> {
                state.log.add("host", "toggleExpandCollapse", "not applicable to a categorical visual");
                return Promise.resolve({});
            },
        };
    }

    private select(ids: PreviewSelectionId[], multiSelect: boolean): PreviewSelectionId[] {
        if (!this.interactionsAllowed()) {
            this.log.add("selection", "selectIgnored", "interactions are off (dashboard tile): the host ignores selection");
            return [...this.selected];
        }
        const valid = ids.filter((id): id is PreviewSelectionId => id instanceof PreviewSelectionId);
        if (multiSelect) {
            for (const id of valid) {
                const at = this.selected.findIndex(s => s.equals(id));
                if (at >= 0) this.selected.splice(at, 1);
                else this.selected.push(id);
            }
        } else {
            const same = valid.length === this.selected.length && valid.every(id => this.selected.some(s => s.equals(id)));
            // Clicking the only selected item again clears the selection, as Power BI does.
            this.selected = same ? [] : [...valid];
        }
        this.log.add("selection", "select", `${multiSelect ? "multi " : ""}→ ${this.selected.length} selected: ${this.selected.map(s => s.toString()).join("; ") || "none"}`,
            { multiSelect, selected: this.selected.map(s => s.toString()), keys: this.selected.map(s => s.getKey()) });
        return [...this.selected];
    }

    /** A new visual instance starts: forget the old instance's callbacks (and so the instance). */
    reset(): void {
        this.callbacks.length = 0;
        this.selected = [];
    }

    /** Clear from the visual (clear()) or from the host (the page's "Clear selection", like clicking the canvas). */
    clear(by: "visual" | "host"): void {
        this.selected = [];
        this.log.add("selection", "clear", `selection cleared by the ${by}`);
        if (by === "host") for (const callback of this.callbacks) callback([]);
    }
}
