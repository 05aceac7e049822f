/**
 * Reading the colours an element is drawn with, for the high-contrast check: computed styles
 * (with the visual's CSS custom properties resolved, which jsdom does not do) and SVG paint.
 */

const COLOUR_PROPERTIES = [
    "color", "background", "background-color", "border", "border-color", "border-top", "border-right",
    "border-bottom", "border-left", "border-top-color", "border-right-color", "border-bottom-color",
    "border-left-color", "outline", "outline-color", "box-shadow", "text-decoration-color", "fill", "stroke",
    "stop-color", "caret-color", "column-rule-color",
];

const SVG_PAINT_ATTRIBUTES = ["fill", "stroke", "stop-color", "color", "flood-color", "lighting-color"];

const NAMED: Readonly<Record<string, string>> = {
    black: "#000000", white: "#ffffff", red: "#ff0000", green: "#008000", blue: "#0000ff", yellow: "#ffff00",
    orange: "#ffa500", purple: "#800080", grey: "#808080", gray: "#808080", silver: "#c0c0c0", maroon: "#800000",
    navy: "#000080", teal: "#008080", lime: "#00ff00", aqua: "#00ffff", cyan: "#00ffff", fuchsia: "#ff00ff",
    magenta: "#ff00ff", olive: "#808000", gold: "#ffd700", amber: "#ffbf00",
};

/** Lower-case #rrggbb, or "transparent" for fully transparent colours. */
export function normaliseColour(token: string): string {
    const t = token.trim().toLowerCase();
    if (t === "transparent") return "transparent";
    if (NAMED[t]) return NAMED[t];
    const hex = /^#([0-9a-f]{3,8})$/.exec(t);
    if (hex) {
        let digits = hex[1];
        if (digits.length === 3 || digits.length === 4) digits = digits.split("").map(d => d + d).join("");
        if (digits.length === 8 && digits.slice(6) === "00") return "transparent";
        return `#${digits.slice(0, 6)}`;
    }
    const rgb = /^rgba?\(([^)]*)\)$/.exec(t);
    if (rgb) {
        const parts = rgb[1].split(/[\s,/]+/).filter(Boolean).map(Number);
        if (parts.length === 4 && parts[3] === 0) return "transparent";
        return `#${parts.slice(0, 3).map(n => Math.round(n).toString(16).padStart(2, "0")).join("")}`;
    }
    return t;
}

/** Replaces var(--name, fallback) with the custom property's value on `scope` (or the fallback). */
export function resolveVars(value: string, scope: HTMLElement): string {
    let result = value;
    for (let guard = 0; guard < 10 && result.includes("var("); guard++) {
        result = result.replace(/var\(\s*(--[\w-]+)\s*(?:,\s*([^()]*(?:\([^()]*\))?[^()]*))?\)/g, (_, name: string, fallback?: string) => {
            const own = findCustomProperty(name, scope);
            return own !== "" ? own : (fallback ?? "").trim();
        });
    }
    return result;
}

function findCustomProperty(name: string, scope: HTMLElement): string {
    for (let el: HTMLElement | null = scope; el !== null; el = el.parentElement) {
        const value = el.style.getPropertyValue(name).trim();
        if (value !== "") return value;
    }
    return "";
}

const TOKEN = /#[0-9a-fA-F]{3,8}\b|rgba?\([^)]*\)|hsla?\([^)]*\)|\b[a-zA-Z]+\b/g;

export function colourTokens(value: string): string[] {
    const tokens: string[] = [];
    for (const match of value.match(TOKEN) ?? []) {
        const lower = match.toLowerCase();
        if (match.startsWith("#") || lower.startsWith("rgb") || lower.startsWith("hsl") || lower === "transparent" || NAMED[lower]) {
            tokens.push(normaliseColour(match));
        }
    }
    return tokens;
}

export interface UsedColour {
    colour: string;
    where: string;
}

/** Every colour drawn under `root`: computed style properties of each element and SVG paint attributes. */
export function coloursUsed(root: HTMLElement): UsedColour[] {
    const used: UsedColour[] = [];
    const elements = [root, ...Array.from(root.querySelectorAll<Element>("*"))];
    for (const element of elements) {
        const label = describe(element);
        const style = element.ownerDocument.defaultView!.getComputedStyle(element);
        for (const property of COLOUR_PROPERTIES) {
            const raw = style.getPropertyValue(property) || (element as HTMLElement).style?.getPropertyValue(property) || "";
            if (raw === "") continue;
            const resolved = resolveVars(raw, element instanceof HTMLElement ? element : root);
            for (const colour of colourTokens(resolved)) used.push({ colour, where: `${label} ${property}: ${raw}` });
        }
        if (element.namespaceURI === "http://www.w3.org/2000/svg") {
            for (const attribute of SVG_PAINT_ATTRIBUTES) {
                const raw = element.getAttribute(attribute);
                if (raw === null || raw === "none" || raw === "currentColor" || raw === "inherit") continue;
                for (const colour of colourTokens(resolveVars(raw, root))) used.push({ colour, where: `${label} @${attribute}="${raw}"` });
            }
        }
    }
    return used;
}

function describe(element: Element): string {
    const cls = element.getAttribute("class");
    return `<${element.tagName.toLowerCase()}${cls ? ` class="${cls}"` : ""}>`;
}
