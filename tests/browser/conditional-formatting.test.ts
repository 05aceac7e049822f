/**
 * Conditional formatting (fx) through the preview's Format tab, as a report creator sets it in
 * Power BI: "Field value" on the Red colour takes each KPI's colour from a field (here the Owner
 * field of tests/browser/fixtures/fx, which holds a colour); the host evaluates it per row and the
 * visual draws that KPI's tile in it. Clearing the rule brings back the format pane's colour.
 */
import { join } from "node:path";
import { eventually } from "./helpers/eventually";
import { previewOf, useBrowser } from "./helpers/preview-session";

jest.setTimeout(120_000);
const FIXTURE = join(__dirname, "fixtures", "fx");

const browser = useBrowser();

test("fx on the Red colour: each red tile takes its colour from the field; clearing the rule restores the constant", async () => {
    const preview = await previewOf(browser(), FIXTURE, 1280, 720);
    try {
        const frame = preview.frame();
        const redBorders = () => frame.$$eval('.kpi-tile[data-status="red"]', tiles => tiles.map(t => getComputedStyle(t).borderTopColor));
        const before = await redBorders();
        expect(before.length).toBeGreaterThan(0);
        expect(before.every(c => c !== "rgb(111, 45, 189)")).toBe(true);
        const choose = (role: string) => preview.page.evaluate(r => {
            const select = document.querySelector<HTMLSelectElement>('select.format-fx[data-object="statusColours"][data-property="red"]');
            if (!select) throw new Error("no fx select for statusColours.red in the Format tab");
            select.value = r;
            select.dispatchEvent(new Event("change", { bubbles: true }));
        }, role);
        // Only colours that allow rules have the fx select.
        expect(await preview.page.$$eval("select.format-fx", s => s.map(e => `${e.getAttribute("data-object")}.${e.getAttribute("data-property")}`)))
            .toEqual(expect.arrayContaining(["statusColours.red", "statusColours.accent"]));
        expect(await preview.page.$$eval('select.format-fx[data-property="showShapes"]', s => s.length)).toBe(0);
        await choose("owner");
        await eventually(async () => expect(await redBorders()).toEqual(before.map(() => "rgb(111, 45, 189)")));
        // Amber and green tiles are not touched by a rule on Red.
        const others = await frame.$$eval('.kpi-tile:not([data-status="red"])', tiles => tiles.map(t => getComputedStyle(t).borderTopColor));
        expect(others.includes("rgb(111, 45, 189)")).toBe(false);
        await choose("");
        await eventually(async () => expect(await redBorders()).toEqual(before));
        expect(preview.errors).toEqual([]);
    } finally {
        await preview.close();
    }
});
