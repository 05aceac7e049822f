/**
 * What the host draws over the visual: the tooltip box (tooltipService.show/move/hide), the
 * context menu (selectionManager.showContextMenu) and the warning icon (displayWarningIcon).
 * Coordinates are relative to the visual's element, which sits at the top left of the host box.
 * Everything is built with textContent: data never becomes markup.
 */
export interface TooltipItem {
    displayName?: unknown;
    value?: unknown;
    color?: unknown;
    header?: unknown;
}

const OFFSET = 12;

function place(box: HTMLElement, container: HTMLElement, x: number, y: number): void {
    const maxX = Math.max(0, container.clientWidth - box.offsetWidth - 4);
    const maxY = Math.max(0, container.clientHeight - box.offsetHeight - 4);
    let left = x + OFFSET;
    let top = y + OFFSET;
    if (left > maxX) left = Math.max(0, x - box.offsetWidth - OFFSET);
    if (top > maxY) top = Math.max(0, y - box.offsetHeight - OFFSET);
    box.style.left = `${Math.round(left)}px`;
    box.style.top = `${Math.round(top)}px`;
}

export class TooltipBox {
    constructor(private readonly box: HTMLElement, private readonly container: HTMLElement) { }

    show(items: readonly TooltipItem[], x: number, y: number): void {
        this.fill(items);
        this.box.hidden = false;
        place(this.box, this.container, x, y);
    }

    move(items: readonly TooltipItem[] | undefined, x: number, y: number): void {
        if (items && items.length > 0) this.fill(items);
        if (!this.box.hidden) place(this.box, this.container, x, y);
    }

    hide(): void {
        this.box.hidden = true;
    }

    get visible(): boolean {
        return !this.box.hidden;
    }

    private fill(items: readonly TooltipItem[]): void {
        this.box.replaceChildren();
        const header = items.find(i => typeof i.header === "string" && i.header !== "")?.header;
        if (typeof header === "string") {
            const h = document.createElement("div");
            h.className = "pbi-tooltip-header";
            h.textContent = header;
            this.box.append(h);
        }
        const table = document.createElement("table");
        for (const item of items) {
            const row = table.insertRow();
            const swatch = row.insertCell();
            if (typeof item.color === "string" && item.color !== "") {
                const chip = document.createElement("span");
                chip.className = "pbi-tooltip-swatch";
                chip.style.background = item.color;
                swatch.append(chip);
            }
            const name = row.insertCell();
            name.className = "pbi-tooltip-name";
            name.textContent = item.displayName === undefined ? "" : String(item.displayName);
            const value = row.insertCell();
            value.className = "pbi-tooltip-value";
            value.textContent = item.value === undefined ? "" : String(item.value);
        }
        this.box.append(table);
    }
}

export class ContextMenuBox {
    constructor(private readonly box: HTMLElement, private readonly container: HTMLElement) {
        document.addEventListener("pointerdown", event => {
            if (!this.box.contains(event.target as Node)) this.hide();
        });
        document.addEventListener("keydown", event => {
            if (event.key === "Escape") this.hide();
        });
    }

    show(title: string, x: number, y: number): void {
        this.box.replaceChildren();
        const heading = document.createElement("div");
        heading.className = "pbi-context-title";
        heading.textContent = title;
        this.box.append(heading);
        // Power BI's own entries; the preview has no report to act on, so they are shown disabled.
        for (const label of ["Show as a table", "Include", "Exclude", "Copy", "Spotlight"]) {
            const item = document.createElement("button");
            item.type = "button";
            item.setAttribute("role", "menuitem");
            item.disabled = true;
            item.title = "Power BI's own menu entry; it has nothing to act on in the preview";
            item.textContent = label;
            this.box.append(item);
        }
        this.box.hidden = false;
        place(this.box, this.container, x - OFFSET, y - OFFSET);
    }

    hide(): void {
        this.box.hidden = true;
    }
}
