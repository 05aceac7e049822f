/**
 * WCAG 2.2 AA in every state of the packaged visual, checked the way an auditor checks it:
 * axe-core (the npm package) injected into the visual's frame in headless Chromium, running the
 * WCAG A and AA rules (2.0, 2.1, 2.2), must report 0 violations in each state: default, one
 * tile selected (the others dimmed), highlighted by another visual, the three high-contrast
 * themes, Welsh (cy-GB), every density of the format pane, the landing page, "No data" and the
 * error state. Screenshots of each state go to test-artifacts/accessibility.
 */
import { mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { Browser, Frame } from "playwright-core";
import { launchBrowser } from "../../scripts/lib/browser";
import type { PreviewBrowser } from "../../scripts/lib/preview-browser";
import { DENSITY_OPTIONS } from "../../src/settings";
import { eventually } from "./helpers/eventually";
import { ARTIFACTS, previewOf } from "./helpers/preview-session";

const ROOT = join(__dirname, "..", "..");
const SAMPLE = join(ROOT, "sample", "data");
const AXE = readFileSync(join(ROOT, "node_modules", "axe-core", "axe.min.js"), "utf8");
const SHOTS = join(ARTIFACTS, "accessibility");
jest.setTimeout(120_000);

const WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"];

interface Violation { id: string; impact: string | null; help: string; nodes: { target: string[]; failureSummary: string }[] }

let browser: Browser;
let preview: PreviewBrowser;
beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    browser = await launchBrowser();
    preview = await previewOf(browser, SAMPLE, 1280, 720);
}, 300_000);
afterAll(async () => {
    await preview?.close();
    await browser?.close();
});

/** Call a method of the preview page's API (window.preview) with JSON arguments. */
function call(method: string, ...args: unknown[]): Promise<unknown> {
    return preview.page.evaluate(([m, a]) => {
        const p = (window as unknown as { preview: Record<string, (...x: unknown[]) => unknown> }).preview;
        return p[m as string](...(a as unknown[]));
    }, [method, args] as const);
}

/** The dataView the preview started with (JSON). */
function sessionDataView(): Promise<DataViewJson> {
    return preview.page.evaluate(() => JSON.parse(JSON.stringify((window as unknown as { preview: { session: { dataView: unknown } } }).preview.session.dataView)) as DataViewJson);
}

interface DataViewJson {
    metadata: unknown;
    categorical: { categories: { source: { roles: Record<string, boolean> }; values: unknown[]; identity?: unknown[] }[]; values: { values: unknown[]; highlights?: unknown[] }[] };
}

/** axe-core's WCAG A/AA violations in the visual's frame. */
async function axe(frame: Frame): Promise<Violation[]> {
    if (!(await frame.evaluate(() => "axe" in window))) await frame.addScriptTag({ content: AXE });
    return frame.evaluate(async tags => {
        const result = await (window as unknown as { axe: { run(ctx: unknown, o: unknown): Promise<{ violations: Violation[] }> } })
            .axe.run(document, { runOnly: { type: "tag", values: tags }, resultTypes: ["violations"] });
        return result.violations.map(v => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 5).map(n => ({ target: n.target, failureSummary: n.failureSummary })) }));
    }, WCAG_TAGS);
}

async function expectAccessible(state: string): Promise<void> {
    const frame = preview.frame();
    await frame.waitForSelector(".kpi-tiles-root");
    await preview.page.locator("#visual-frame").screenshot({ path: join(SHOTS, `${state}.png`) });
    const violations = await axe(frame);
    expect({ state, violations }).toEqual({ state, violations: [] });
    expect(preview.errors).toEqual([]);
}

async function reset(): Promise<void> {
    await call("setContrast", "none");
    await call("setObjects", {});
}

test("default: the sample at 1280 x 720", async () => {
    await reset();
    expect(await preview.frame().$$eval(".kpi-tile", t => t.length)).toBeGreaterThan(10);
    await expectAccessible("default");
});

test("one tile selected: the others dimmed keep their text contrast", async () => {
    await reset();
    const frame = preview.frame();
    await frame.click(".kpi-tile >> nth=0");
    await eventually(async () => expect(await frame.$$eval(".kpi-tile.is-dimmed", t => t.length)).toBeGreaterThan(0));
    // Dimmed by background and border, not by opacity of the text.
    expect(await frame.$eval(".kpi-tile.is-dimmed", el => getComputedStyle(el).opacity)).toBe("1");
    await expectAccessible("selected");
    await call("clearSelection");
});

test("highlighted by another visual: the tiles not highlighted are dimmed", async () => {
    await reset();
    const dataView = await sessionDataView();
    const kpis = dataView.categorical.categories.find(c => c.source.roles.kpi)?.values ?? [];
    const first = kpis[0];
    for (const column of dataView.categorical.values) column.highlights = column.values.map((v, i) => (kpis[i] === first ? v : null));
    await call("update", dataView);
    const frame = preview.frame();
    await eventually(async () => expect(await frame.$$eval(".kpi-tile.is-dimmed", t => t.length)).toBeGreaterThan(0));
    await expectAccessible("highlighted");
    await call("update", await sessionDataView());
});

test.each(["black", "white", "aquatic"])("high contrast: %s", async mode => {
    await call("setContrast", mode);
    await expectAccessible(`high-contrast-${mode}`);
    await call("setContrast", "none");
});

test("Welsh (cy-GB)", async () => {
    await reset();
    await call("setLocale", "cy-GB");
    expect(await preview.frame().$eval(".kpi-tiles-root", el => el.getAttribute("lang"))).toBe("cy-GB");
    await expectAccessible("cy-GB");
    await call("setLocale", "en-GB");
});

test.each(DENSITY_OPTIONS.map(d => [d]))("density: %s", async density => {
    await reset();
    await call("setObjects", { layout: { density } });
    await expectAccessible(`density-${density}`);
});

test("landing page, no data and the error state show nothing stale (summary, notices) and pass", async () => {
    await reset();
    const frame = preview.frame();
    const shown = (selector: string): Promise<boolean> => frame.$eval(selector, el => (el as HTMLElement).offsetParent !== null && getComputedStyle(el).display !== "none");
    expect(await shown(".kpi-summary")).toBe(true);

    // Landing page: no kpi or actual field bound.
    await call("update", { metadata: { columns: [] }, categorical: { categories: [], values: [] } });
    await eventually(async () => expect(await frame.$$eval(".kpi-landing", e => e.length)).toBe(1));
    expect(await shown(".kpi-summary")).toBe(false);
    expect(await frame.$$eval(".kpi-tile", t => t.length)).toBe(0);
    await expectAccessible("landing");

    // No data: the fields are there, no rows.
    const empty = await sessionDataView();
    for (const c of empty.categorical.categories) { c.values = []; c.identity = []; }
    for (const v of empty.categorical.values) v.values = [];
    await call("update", empty);
    await eventually(async () => expect(await frame.$$eval(".kpi-empty", e => e.length)).toBe(1));
    expect(await shown(".kpi-summary")).toBe(false);
    await expectAccessible("no-data");

    // Error: a dataView that cannot be read at all (a getter that throws) gets the error state.
    await frame.evaluate(() => {
        const runner = (window.parent as unknown as { preview: { runner: { visual: { update(o: unknown): void } } } }).preview.runner;
        const broken = { metadata: { columns: [] }, get categorical(): never { throw new Error("the dataView cannot be read"); } };
        runner.visual.update({ viewport: { width: 1280, height: 720 }, dataViews: [broken], type: 2 });
    });
    await eventually(async () => expect(await frame.$$eval(".kpi-error", e => e.length)).toBe(1));
    expect(await shown(".kpi-summary")).toBe(false);
    await expectAccessible("error");
    await call("start", await sessionDataView());
});
