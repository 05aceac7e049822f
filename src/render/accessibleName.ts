/**
 * A tile's accessible name starts with what the tile shows (WCAG 2.5.3 Label in Name): its
 * visible text in reading order, then the parts of the model's spoken summary (buildAriaLabel)
 * that the visible text does not already say (the group under a heading, "Status: Red", the
 * period of the value, the rank). Voice-control users can say what they see; screen-reader
 * users hear each fact once.
 */

/** Text of `root` a sighted reader sees, in document order: visually hidden and hidden parts left out. */
export function visibleText(root: Element, skip: readonly string[] = []): string {
    const parts: string[] = [];
    const walk = (node: Node): void => {
        if (node.nodeType === 3) {
            const text = (node.nodeValue ?? "").trim();
            if (text !== "") parts.push(text);
            return;
        }
        if (node.nodeType !== 1) return;
        const element = node as Element;
        if (element.classList.contains("kpi-visually-hidden") || element.hasAttribute("hidden") || element.getAttribute("aria-hidden") === "true") return;
        if (skip.some(selector => element.matches(selector))) return;
        for (let child = element.firstChild; child; child = child.nextSibling) walk(child);
    };
    for (let child = root.firstChild; child; child = child.nextSibling) walk(child);
    return parts.join(" ");
}

const normal = (text: string): string => text.toLowerCase().replace(/\s+/g, " ").trim();

/** The visible text, then the summary's sentences it does not contain. */
export function tileName(visible: string, summary: string): string {
    const seen = normal(visible);
    const extra = summary.split(". ").map(s => s.trim()).filter(s => s !== "" && !seen.includes(normal(s)));
    return [visible, ...extra].filter(s => s !== "").join(". ");
}

/**
 * A space between sibling elements that have none: they are blocks or flex items, so the space
 * is not drawn, but text read from the DOM (axe-core's visible text, a screen reader's browse
 * mode) no longer runs "12 months" and "23.4%" together into "months23".
 */
export function separateParts(root: Element): void {
    let textual = false;
    for (let child = root.firstChild; child; child = child.nextSibling) {
        if (child.nodeType === 3) {
            if (/\s$/.test(child.nodeValue ?? "")) textual = false;
            else if ((child.nodeValue ?? "").trim() !== "") textual = true;
            continue;
        }
        if (child.nodeType !== 1 || (child.textContent ?? "").trim() === "") continue;
        // Two parts with text and nothing between them: a space, so they do not read as one word.
        if (textual) root.insertBefore(root.ownerDocument.createTextNode(" "), child);
        if ((child as Element).firstElementChild) separateParts(child as Element);
        textual = true;
    }
}

/**
 * Set the tile's aria-label from what it shows (call after drawing or patching its inside);
 * `hidden`: selectors of parts not drawn. labelAfterLayout corrects it for parts that get no room.
 */
export function labelTile(element: HTMLElement, summary: string, hidden: readonly string[] = []): void {
    separateParts(element);
    labelled.set(element, { summary, hidden });
    setName(element, tileName(visibleText(element, hidden), summary));
}

/** What each tile was last labelled from. */
const labelled = new WeakMap<Element, { readonly summary: string; readonly hidden: readonly string[] }>();

/** Parts that the layout may squeeze to no width (notes beside the value): visible only when they have some. */
const SQUEEZABLE = ".kpi-tile__notes";

/**
 * After layout: tiles under `root` whose squeezable parts got no width are labelled without
 * them, so the name still starts with exactly what is seen. All widths are read first, then
 * the labels written: one layout, however many tiles.
 */
export function labelAfterLayout(root: Element): void {
    const parts = Array.from(root.querySelectorAll<HTMLElement>(`.kpi-tile ${SQUEEZABLE}`));
    const seen = parts.map(part => ({ tile: part.closest(".kpi-tile") as HTMLElement, shown: part.offsetWidth > 0 }));
    for (const { tile, shown } of seen) {
        const last = labelled.get(tile);
        if (last) setName(tile, tileName(visibleText(tile, shown ? last.hidden : [...last.hidden, SQUEEZABLE]), last.summary));
    }
}

function setName(element: Element, name: string): void {
    if (element.getAttribute("aria-label") !== name) element.setAttribute("aria-label", name);
}
