/**
 * Minimal DOM builders for the inside of a tile. Tile content is created in bulk (1,000 tiles x
 * ~30 nodes), so it avoids a d3 selection per node; text always goes in through textContent.
 * Constant presentation (stroke widths, font sizes) lives in style/visual.less, not attributes.
 */
export const SVG_NS = "http://www.w3.org/2000/svg";

export function html<K extends keyof HTMLElementTagNameMap>(parent: Element, tag: K, className: string, text?: string): HTMLElementTagNameMap[K] {
    const element = parent.ownerDocument.createElement(tag);
    element.className = className;
    if (text !== undefined) element.textContent = text;
    parent.appendChild(element);
    return element;
}

export function svg<K extends keyof SVGElementTagNameMap>(parent: Element, tag: K, attributes: Readonly<Record<string, string | number>>): SVGElementTagNameMap[K] {
    const element = parent.ownerDocument.createElementNS(SVG_NS, tag) as SVGElementTagNameMap[K];
    for (const name in attributes) element.setAttribute(name, String(attributes[name]));
    parent.appendChild(element);
    return element;
}

/** Remove every child (faster than removing them one by one through a selection). */
export function clear(element: Element): void {
    element.replaceChildren();
}
