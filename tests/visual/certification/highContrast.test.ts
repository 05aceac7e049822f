/**
 * High contrast: with colorPalette.isHighContrast the visual draws with the host's foreground,
 * background and selected colours only, and the status stays readable through shape and label.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
// The Node build of less (jsdom's "browser" export condition would pick the in-page build).
import less from "less/dist/less-node.cjs";

import { colourTokens, coloursUsed, normaliseColour, resolveVars } from "./colours";
import {
    CHILDRENS_KPIS, FULL_ROLES, PERIODS, childrensDataView, childrensRows, failOnConsoleError, mountVisual,
} from "./helpers";

failOnConsoleError();

let css = "";
beforeAll(async () => {
    const source = readFileSync(join(__dirname, "..", "..", "..", "style", "visual.less"), "utf8");
    css = (await less.render(source)).css;
});

function withStyleSheet(): void {
    const style = document.createElement("style");
    style.textContent = css;
    document.head.replaceChildren(style);
}

const THEMES = [
    { name: "High contrast #1 (black)", foreground: "#FFFFFF", background: "#000000", foregroundSelected: "#1AEBFF" },
    { name: "High contrast #2 (white)", foreground: "#000000", background: "#FFFFFF", foregroundSelected: "#37006E" },
    { name: "High contrast black (yellow)", foreground: "#FFFF00", background: "#000000", foregroundSelected: "#00FF00" },
];

/** Rows that produce every status: rated red/amber/green/blue, no target, no data, not recognised. */
function everyStatusRows(): Record<string, unknown>[] {
    const rows = childrensRows(CHILDRENS_KPIS, PERIODS.slice(-2));
    const mark = (name: string, patch: Record<string, unknown>) => rows.filter(r => r.KPI === name).forEach(r => Object.assign(r, patch));
    mark(CHILDRENS_KPIS[0].name, { Actual: 0.5 });               // Low is better, far above floor: red
    mark(CHILDRENS_KPIS[1].name, { Actual: 0.99 });              // High, above stretch: blue
    mark(CHILDRENS_KPIS[2].name, { Target: null, Floor: null, Stretch: null }); // no target
    mark(CHILDRENS_KPIS[3].name, { Actual: null });              // no data
    mark(CHILDRENS_KPIS[4].name, { Polarity: "Sideways" });      // polarity not recognised
    return rows;
}

describe.each(THEMES)("$name", theme => {
    const palette = {
        isHighContrast: true,
        foreground: { value: theme.foreground },
        background: { value: theme.background },
        foregroundSelected: { value: theme.foregroundSelected },
        hyperlink: { value: theme.foregroundSelected },
    };
    const allowed = new Set([theme.foreground, theme.background, theme.foregroundSelected].map(normaliseColour).concat("transparent"));

    it("tiles, summary, shapes, sparklines and benchmark strips use only the palette's colours", () => {
        const m = mountVisual({ palette });
        withStyleSheet();
        m.update(childrensDataView(FULL_ROLES, everyStatusRows(), { highlights: everyStatusRows().map((_, i) => i % 3 !== 0) }));
        expect(m.finished).toHaveBeenCalledTimes(1);
        // Include the selected and focused states.
        m.tiles()[1].dispatchEvent(new MouseEvent("click", { bubbles: true }));
        m.tiles()[2].focus();
        const used = coloursUsed(m.element);
        expect(used.length).toBeGreaterThan(0);
        const foreign = used.filter(u => !allowed.has(u.colour)).map(u => `${u.colour} at ${u.where}`);
        expect(foreign).toEqual([]);
    });

    it("status stays readable without colour: each tile names its status and draws a distinct shape", () => {
        const m = mountVisual({ palette });
        m.update(childrensDataView(FULL_ROLES, everyStatusRows()));
        const statuses = new Map<string, string | null>();
        for (const tile of m.tiles()) {
            const status = tile.getAttribute("data-status")!;
            expect(tile.querySelector(".kpi-tile__status-label")?.textContent?.trim() ?? "").not.toBe("");
            statuses.set(status, tile.querySelector("[data-shape]")?.getAttribute("data-shape") ?? null);
        }
        expect(statuses.size).toBeGreaterThanOrEqual(4);
        const rated = ["blue", "green", "amber", "red"].filter(s => statuses.has(s)).map(s => statuses.get(s));
        expect(new Set(rated).size).toBe(rated.length);
    });

    it("the keyboard focus ring stays visible on a selected tile", () => {
        const m = mountVisual({ palette });
        withStyleSheet();
        m.update(childrensDataView(FULL_ROLES));
        const [focusedAndSelected, selectedOnly] = m.tiles();
        focusedAndSelected.dispatchEvent(new MouseEvent("click", { bubbles: true }));
        selectedOnly.dispatchEvent(new MouseEvent("click", { bubbles: true, ctrlKey: true }));
        focusedAndSelected.focus();
        expect(focusedAndSelected.classList.contains("is-focused")).toBe(true);
        // The focus ring is drawn in the foreground colour, on a selected tile as on any other.
        const outline = resolveVars(getComputedStyle(focusedAndSelected).getPropertyValue("outline"), focusedAndSelected);
        expect(colourTokens(outline)).toContain(normaliseColour(theme.foreground));
        expect(ringOf(focusedAndSelected)).not.toEqual(ringOf(selectedOnly));
    });

    it("the landing page also uses only the palette's colours", () => {
        const m = mountVisual({ palette });
        withStyleSheet();
        m.update(undefined);
        const foreign = coloursUsed(m.element).filter(u => !allowed.has(u.colour)).map(u => `${u.colour} at ${u.where}`);
        expect(foreign).toEqual([]);
    });
});

/** What draws a ring around a tile: outline, box shadow and border, with custom properties resolved. */
function ringOf(tile: HTMLElement): string[] {
    const style = getComputedStyle(tile);
    return ["outline", "outline-color", "outline-style", "outline-width", "outline-offset", "box-shadow", "border", "border-style", "border-width"]
        .map(property => resolveVars(style.getPropertyValue(property), tile));
}

describe("the colour reader itself", () => {
    it("sees a colour outside the palette (so the checks above can fail)", () => {
        const m = mountVisual({ palette: { isHighContrast: true, foreground: { value: "#ffffff" }, background: { value: "#000000" }, foregroundSelected: { value: "#1aebff" } } });
        m.update(childrensDataView(FULL_ROLES));
        const tile = m.tiles()[0];
        tile.style.borderTopColor = "#d4351c";
        const svg = tile.querySelector("svg path") ?? tile.appendChild(document.createElementNS("http://www.w3.org/2000/svg", "path"));
        svg.setAttribute("fill", "rgb(0, 112, 60)");
        const style = document.createElement("style");
        style.textContent = ".kpi-tile { outline: 2px solid var(--test-colour, #123456); }";
        document.head.replaceChildren(style);
        const colours = coloursUsed(m.element).map(u => u.colour);
        expect(colours).toContain("#d4351c");
        expect(colours).toContain("#00703c");
        // Style-sheet rules count too, with custom properties resolved.
        expect(colours).toContain("#123456");
        m.element.querySelector<HTMLElement>(".kpi-tiles-root")!.style.setProperty("--test-colour", "#abcdef");
        expect(coloursUsed(m.element).map(u => u.colour)).toContain("#abcdef");
    });
});
