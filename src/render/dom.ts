/**
 * Minimal DOM builders, the one way the renderer makes DOM (tiles, summary strip, landing page and
 * messages). Tile content is created in bulk (1,000 tiles x ~30 nodes), so it avoids a selection
 * library's wrapper per node; text always goes in through textContent.
 * Constant presentation (stroke widths, font sizes) lives in style/visual.less, not attributes.
 */
export const SVG_NS = "http://www.w3.org/2000/svg";

/** An html element appended to `parent`; `className` null leaves the element without a class attribute. */
export function html<K extends keyof HTMLElementTagNameMap>(parent: Element | DocumentFragment, tag: K, className: string | null, text?: string): HTMLElementTagNameMap[K] {
    const element = (parent.ownerDocument as Document).createElement(tag);
    if (className !== null) element.className = className;
    if (text !== undefined) element.textContent = text;
    parent.appendChild(element);
    return element;
}

export function svg<K extends keyof SVGElementTagNameMap>(parent: Element, tag: K, attributes: Readonly<Record<string, string | number>>): SVGElementTagNameMap[K] {
    const element = detachedSvg(parent.ownerDocument, tag, attributes);
    parent.appendChild(element);
    return element;
}

/** An svg element not yet in the document. */
export function detachedSvg<K extends keyof SVGElementTagNameMap>(doc: Document, tag: K, attributes: Readonly<Record<string, string | number>>): SVGElementTagNameMap[K] {
    const element = doc.createElementNS(SVG_NS, tag) as SVGElementTagNameMap[K];
    for (const name in attributes) element.setAttribute(name, String(attributes[name]));
    return element;
}

/**
 * Prototype elements per document, by a key naming everything fixed about them. Copying a
 * prototype is much cheaper than creating an element and setting its attributes one by one
 * (a tile has some 90 svg attributes; 1,000 tiles would make 90,000 setAttribute calls).
 */
const prototypes = new WeakMap<Document, Map<string, Element>>();
/** More distinct prototypes than any report needs; past it the store starts again. */
const MAX_PROTOTYPES = 2000;

function prototypeStore(doc: Document): Map<string, Element> {
    let store = prototypes.get(doc);
    if (!store) {
        store = new Map();
        prototypes.set(doc, store);
    }
    if (store.size >= MAX_PROTOTYPES) store.clear();
    return store;
}

/**
 * Append a copy (with its children) of the element `make` builds, made once per document and
 * `key`; the key must name everything that decides the element.
 */
export function appendCopy<E extends Element>(parent: Element, key: string, make: (doc: Document) => E): E {
    const store = prototypeStore(parent.ownerDocument);
    let proto = store.get(key);
    if (!proto) {
        proto = make(parent.ownerDocument);
        store.set(key, proto);
    }
    return parent.appendChild(proto.cloneNode(true)) as E;
}

/**
 * `svg()` through a prototype: the attributes not named in `varying` are fixed for `key` and
 * come from the copy; the `varying` ones are set on it. Attributes keep their order.
 */
export function svgFrom<K extends keyof SVGElementTagNameMap>(parent: Element, tag: K, key: string,
    attributes: Readonly<Record<string, string | number>>, varying: readonly string[]): SVGElementTagNameMap[K] {
    const store = prototypeStore(parent.ownerDocument);
    const storeKey = `${tag}\u0001${key}`;
    const proto = store.get(storeKey);
    if (!proto) {
        const element = svg(parent, tag, attributes);
        store.set(storeKey, element.cloneNode(false) as Element);
        return element;
    }
    const element = proto.cloneNode(false) as SVGElementTagNameMap[K];
    for (const name of varying) element.setAttribute(name, String(attributes[name]));
    parent.appendChild(element);
    return element;
}

/** Remove every child (faster than removing them one by one through a selection). */
export function clear(element: Element): void {
    element.replaceChildren();
}
