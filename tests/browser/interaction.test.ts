/**
 * What a report reader does with the tiles, seen from the host's side: clicking selects (the
 * emulator records the KPI's selection id), keyboard focus moves between tiles and selects,
 * hovering shows the host tooltip with the status in words, right-click asks for the context
 * menu, dashboard tiles (allowInteractions off) do not select, and the formatting pane edits
 * reach the visual.
 */
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import type { Browser, Frame } from "playwright-core";
import { launchBrowser } from "../../scripts/lib/browser";
import type { PreviewBrowser } from "../../scripts/lib/preview-browser";
import { readDataset } from "../../scripts/preview/dataset";
import { eventually } from "./helpers/eventually";
import { expectedTiles } from "./helpers/expected";
import { ARTIFACTS, hostEvents, previewOf, readTiles } from "./helpers/preview-session";

const FIXTURE = join(__dirname, "fixtures", "small");
const expected = expectedTiles(readDataset(FIXTURE).rows);
const RED = expected.filter(e => e.status === "red").map(e => e.kpi).sort();

let browser: Browser;
let preview: PreviewBrowser;
let frame: Frame;

beforeAll(async () => {
    mkdirSync(join(ARTIFACTS, "screenshots"), { recursive: true });
    browser = await launchBrowser();
}, 300_000);
afterAll(async () => {
    await browser?.close();
});
beforeEach(async () => {
    preview = await previewOf(browser, FIXTURE, 1280, 900);
    frame = preview.frame();
});
afterEach(async () => {
    expect(preview.errors).toEqual([]);
    expect(preview.blockedRequests).toEqual([]);
    await preview.close();
});

const tile = (kpi: string): string => `.kpi-tile[data-kpi="${kpi.replace(/"/g, "\\\"")}"]`;
const selected = (): Promise<string[]> => preview.page.evaluate(() => (window as unknown as { preview: { selectedKeys(): string[] } }).preview.selectedKeys());

test("clicking a tile selects its KPI in the host; clicking it again clears the selection", async () => {
    const kpi = RED[0];
    await frame.click(tile(kpi));
    await eventually(async () => expect(await selected()).toEqual([`KPI.KPI = ${kpi}`]));
    const selections = await hostEvents(preview, "select");
    expect(selections.at(-1)?.text).toContain(kpi);
    await eventually(async () => expect(await frame.$eval(tile(kpi), el => el.classList.contains("is-selected"))).toBe(true));

    await frame.click(tile(kpi));
    await eventually(async () => expect(await selected()).toEqual([]));
});

test("Ctrl+click adds a second KPI to the selection", async () => {
    const [first, second] = [expected[0].kpi, expected[1].kpi];
    await frame.click(tile(first));
    await frame.click(tile(second), { modifiers: ["Control"] });
    await eventually(async () => expect((await selected()).sort()).toEqual([`KPI.KPI = ${first}`, `KPI.KPI = ${second}`].sort()));
});

test("Tab reaches the tiles, arrow keys move focus between them, Enter selects the focused one", async () => {
    const focusedKpi = (): Promise<string | null> => frame.evaluate(() => document.activeElement?.closest(".kpi-tile")?.getAttribute("data-kpi") ?? null);
    // Tab from the host's controls into the visual, as a keyboard user arrives at it.
    await preview.page.focus("#clear-selection");
    for (let i = 0; i < 6 && (await focusedKpi()) === null; i++) await preview.page.keyboard.press("Tab");
    const first = await focusedKpi();
    expect(first).not.toBeNull();
    await preview.page.keyboard.press("ArrowRight");
    const second = await focusedKpi();
    expect(second).not.toBeNull();
    expect(second).not.toBe(first);
    await preview.page.keyboard.press("ArrowLeft");
    expect(await focusedKpi()).toBe(first);
    await preview.page.keyboard.press("Enter");
    await eventually(async () => expect(await selected()).toEqual([`KPI.KPI = ${first}`]));
});

test("hovering a tile shows the host tooltip with its status in words, target and commentary", async () => {
    const kpi = "Re-referrals within 12 months";
    expect(RED).toContain(kpi);
    await frame.hover(tile(kpi));
    await eventually(async () => expect((await hostEvents(preview, "tooltipShow")).length).toBeGreaterThan(0));
    const shown = (await hostEvents(preview, "tooltipShow")).at(-1);
    expect(shown?.text).toContain("Red");
    expect(shown?.text).toMatch(/target/i);
    const box = preview.page.locator("#tooltip");
    await eventually(async () => expect(await box.isVisible()).toBe(true));
    const text = await box.innerText();
    expect(text).toMatch(/Red: 3\.8 points above the target of 20\.0%/);
    expect(text).toMatch(/Lower is better/);
    expect(text).toMatch(/Target\s+20\.0%/);
    expect(text).toContain("a multi-agency audit of repeat referrals");
    // The whole preview page with the host's tooltip and event log, for docs/preview.md.
    await preview.page.screenshot({ path: join(ARTIFACTS, "screenshots", "preview-page.png") });
});

test("right-click asks the host for its context menu on that KPI", async () => {
    const kpi = expected[2].kpi;
    await frame.click(tile(kpi), { button: "right" });
    await eventually(async () => expect((await hostEvents(preview, "showContextMenu")).length).toBe(1));
    expect((await hostEvents(preview, "showContextMenu"))[0].text).toContain(kpi);
    await eventually(async () => expect(await preview.page.locator("#context-menu").isVisible()).toBe(true));
});

test("with interactions off (a dashboard tile) clicking does not select, and tiles still render", async () => {
    await preview.page.evaluate(() => (window as unknown as { preview: { setAllowInteractions(on: boolean): Promise<unknown> } }).preview.setAllowInteractions(false));
    frame = preview.frame();
    expect((await readTiles(frame)).length).toBe(expected.length);
    await frame.click(tile(expected[0].kpi));
    await preview.page.waitForTimeout(200);
    expect(await selected()).toEqual([]);
});

test("the formatting pane lists the visual's cards, and choosing the filter 'red only' leaves the red tiles", async () => {
    await preview.page.click("[data-tab=format]");
    const filter = preview.page.locator("select[data-object=layout][data-property=filter]");
    await eventually(async () => expect(await filter.count()).toBe(1));
    expect(await preview.page.locator("#format-pane details").count()).toBeGreaterThanOrEqual(4);
    await filter.locator("xpath=ancestor::details").evaluate(d => { (d as HTMLDetailsElement).open = true; });
    await filter.selectOption("red");
    await eventually(async () => expect((await readTiles(frame)).map(t => t.kpi).sort()).toEqual(RED));
    for (const t of await readTiles(frame)) expect(t.status).toBe("red");
});

test("the formatting pane is drawn again only when the visual's formatting model changes", async () => {
    type Api = { preview: { update(): Promise<unknown>; setObjects(o: Record<string, Record<string, unknown>>): Promise<unknown> } };
    const pane = preview.page.locator("#format-pane");
    const filter = preview.page.locator("select[data-object=layout][data-property=filter]");
    await eventually(async () => expect(await filter.count()).toBe(1));
    // Mark a drawn input: a redraw replaces it with a new element without the mark.
    const mark = (): Promise<void> => filter.evaluate(e => { e.setAttribute("data-test-mark", "1"); });
    const marked = (): Promise<number> => pane.locator("[data-test-mark]").count();
    await mark();
    await preview.page.evaluate(() => (window as unknown as Api).preview.update());
    expect(await marked()).toBe(1);
    await preview.page.evaluate(() => (window as unknown as Api).preview.setObjects({ layout: { filter: "red" } }));
    await eventually(async () => expect(await filter.inputValue()).toBe("red"));
    expect(await marked()).toBe(0);
});

test("switching the host locale to cy-GB makes a new instance that labels statuses from the package's Welsh strings", async () => {
    const resources = (await preview.page.evaluate(() => (window as unknown as { preview: { session: { stringResources: Record<string, Record<string, string>> } } })
        .preview.session.stringResources));
    const welshRed = resources["cy-GB"]?.Status_red;
    expect(welshRed).toBeTruthy();
    await preview.page.evaluate(() => (window as unknown as { preview: { setLocale(l: string): Promise<unknown> } }).preview.setLocale("cy-GB"));
    frame = preview.frame();
    const tiles = await readTiles(frame);
    const red = tiles.find(t => t.kpi === RED[0]);
    expect(red?.status).toBe("red");
    expect(red?.text).toContain(welshRed as string);
    expect((await hostEvents(preview, "create")).at(-1)?.text).toContain("locale cy-GB");
});
