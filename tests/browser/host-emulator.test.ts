/**
 * The host emulator's own logic, without a browser: selection ids and the selection manager
 * behave as Power BI's, localisation falls back as Power BI's, and each update gets a fresh
 * dataView carrying the formatting pane's objects.
 */
import { hydrateDataView } from "../../scripts/preview/host-emulator/dataview";
import { EventLog } from "../../scripts/preview/host-emulator/event-log";
import { localise } from "../../scripts/preview/host-emulator/host";
import { createColorPalette } from "../../scripts/preview/host-emulator/palette";
import { PreviewSelectionId, PreviewSelectionIdBuilder, SelectionState } from "../../scripts/preview/host-emulator/selection";

const kpiColumn = { identity: [{ key: "[\"KPI.KPI\",\"A\"]" }, { key: "[\"KPI.KPI\",\"A\"]" }, { key: "[\"KPI.KPI\",\"B\"]" }] };
const idFor = (row: number): PreviewSelectionId => new PreviewSelectionIdBuilder().withCategory(kpiColumn, row).createSelectionId();

type Manager = {
    select(ids: PreviewSelectionId | PreviewSelectionId[], multi?: boolean): Promise<PreviewSelectionId[]>;
    getSelectionIds(): PreviewSelectionId[];
    hasSelection(): boolean;
    clear(): Promise<object>;
    registerOnSelectCallback(cb: (ids: PreviewSelectionId[]) => void): void;
    showContextMenu(id: PreviewSelectionId, position: { x: number; y: number }): Promise<object>;
};

function manager(allow = true): { state: SelectionState; m: Manager; log: EventLog; menus: unknown[] } {
    const log = new EventLog(null, null);
    const menus: unknown[] = [];
    const state = new SelectionState(log, request => menus.push(request), () => allow);
    return { state, m: state.createManager() as unknown as Manager, log, menus };
}

test("selection ids from the same KPI on different rows are equal; other KPIs and measures differ", () => {
    expect(idFor(0).equals(idFor(1))).toBe(true);
    expect(idFor(0).getKey()).toBe(idFor(1).getKey());
    expect(idFor(0).equals(idFor(2))).toBe(false);
    const withMeasure = new PreviewSelectionIdBuilder().withCategory(kpiColumn, 0).withMeasure("KPI Measures.KPI Actual").createSelectionId();
    expect(withMeasure.equals(idFor(0))).toBe(false);
    expect(idFor(0).includes(withMeasure)).toBe(true);
    expect(idFor(0).getSelector()).toEqual({ data: [{ key: "[\"KPI.KPI\",\"A\"]" }] });
    expect(idFor(0).toString()).toBe("KPI.KPI = A");
    expect(new PreviewSelectionIdBuilder().createSelectionId().hasIdentity()).toBe(false);
});

test("select replaces, selecting the only selected id again clears, multi-select toggles", async () => {
    const { m } = manager();
    expect(await m.select(idFor(0))).toHaveLength(1);
    expect(await m.select(idFor(2))).toEqual([idFor(2)]);
    expect(await m.select(idFor(2))).toEqual([]);
    await m.select(idFor(0));
    expect((await m.select(idFor(2), true)).map(i => i.toString())).toEqual(["KPI.KPI = A", "KPI.KPI = B"]);
    expect((await m.select(idFor(1), true)).map(i => i.toString())).toEqual(["KPI.KPI = B"]);
    expect(m.hasSelection()).toBe(true);
    await m.clear();
    expect(m.getSelectionIds()).toEqual([]);
});

test("a host-side clear reaches the visual's callback; a new instance forgets the old callbacks", async () => {
    const { state, m } = manager();
    const heard: PreviewSelectionId[][] = [];
    m.registerOnSelectCallback(ids => heard.push(ids));
    await m.select(idFor(0));
    state.clear("host");
    expect(heard).toEqual([[]]);
    state.reset();
    state.clear("host");
    expect(heard).toHaveLength(1);
});

test("with interactions off the host ignores select; the context menu request is logged and drawn", async () => {
    const { m, log, menus } = manager(false);
    expect(await m.select(idFor(0))).toEqual([]);
    expect(log.events.map(e => e.name)).toContain("selectIgnored");
    await m.showContextMenu(idFor(2), { x: 10, y: 20 });
    expect(menus).toHaveLength(1);
    expect(log.events.find(e => e.name === "showContextMenu")?.text).toBe("KPI.KPI = B at 10, 20");
});

test("localisation: the locale, then its language, then en-US, then the key itself", () => {
    const resources = { "en-US": { A: "A us", B: "B us" }, "en-GB": { A: "A gb" }, "cy-GB": { A: "A cy" } };
    expect(localise(resources, "en-GB", "A")).toBe("A gb");
    expect(localise(resources, "en-GB", "B")).toBe("B us");
    expect(localise(resources, "cy", "A")).toBe("A cy");
    expect(localise(resources, "fr-FR", "A")).toBe("A us");
    expect(localise(resources, "fr-FR", "Missing_Key")).toBe("Missing_Key");
});

test("high-contrast palettes give only foreground and background; the normal palette gives stable theme colours", () => {
    const hc = createColorPalette("black") as { isHighContrast: boolean; foreground: { value: string }; background: { value: string }; getColor(k: string): { value: string } };
    expect(hc.isHighContrast).toBe(true);
    expect([hc.foreground.value, hc.background.value]).toEqual(["#FFFFFF", "#000000"]);
    expect(hc.getColor("anything").value).toBe("#FFFFFF");
    const normal = createColorPalette("none") as typeof hc;
    expect(normal.isHighContrast).toBe(false);
    expect(normal.getColor("x").value).toBe(normal.getColor("x").value);
    expect(normal.getColor("x").value).not.toBe(normal.getColor("y").value);
});

test("each update gets a fresh dataView with the formatting objects and values.grouped()", () => {
    const json = {
        metadata: { columns: [{ displayName: "KPI Actual" }] },
        categorical: { categories: [], values: [{ source: { displayName: "KPI Actual" }, values: [1, 2] }] },
    };
    const a = hydrateDataView(json, { layout: { filter: "red" } }) as { metadata: { objects: unknown }; categorical: { values: { grouped(): { values: unknown[] }[] } } };
    const b = hydrateDataView(json, {});
    expect(a).not.toBe(b);
    expect(a.metadata.objects).toEqual({ layout: { filter: "red" } });
    expect((b as { metadata: { objects?: unknown } }).metadata.objects).toBeUndefined();
    expect(a.categorical.values.grouped()).toEqual([{ values: [json.categorical.values[0]] }]);
    expect(json.metadata).not.toHaveProperty("objects");
});
