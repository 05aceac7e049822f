/**
 * A tile's accessible name starts with what the tile shows (WCAG 2.5.3 Label in Name): its
 * visible text in reading order, then the parts of the model's spoken summary (buildAriaLabel)
 * that the visible text does not already say (the group under a heading, "Status: Red", the
 * period of the value, the rank). Voice-control users can say what they see; screen-reader
 * users hear each fact once.
 */

/** Text of `root` a sighted reader sees, in document order: visually hidden and hidden parts left out. */
export function visibleText(root: Element): string {
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

/** Set the tile's aria-label from what it shows (call after drawing or patching its inside). */
export function labelTile(element: HTMLElement, summary: string): void {
    const name = tileName(visibleText(element), summary);
    if (element.getAttribute("aria-label") !== name) element.setAttribute("aria-label", name);
}
