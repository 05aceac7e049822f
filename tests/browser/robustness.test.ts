/**
 * What must not go wrong on real data: text that looks like markup stays text and runs
 * nothing, a malformed dataset gets a readable list of problems (page and terminal) instead of
 * a blank page, and resizing re-lays the tiles out.
 */
import { spawn } from "node:child_process";
import { join } from "node:path";
import { readDataset } from "../../scripts/preview/dataset";
import { eventually } from "./helpers/eventually";
import { hostEvents, previewOf, readTiles, useBrowser } from "./helpers/preview-session";
import { visualUnderTest } from "./helpers/visual-under-test";

const ROOT = join(__dirname, "..", "..");
const HOSTILE = join(__dirname, "fixtures", "hostile");
const MALFORMED = join(__dirname, "fixtures", "malformed");
const SMALL = join(__dirname, "fixtures", "small");

const browser = useBrowser();

test("names, groups, owners and commentary holding HTML and script are shown as text and run nothing", async () => {
    const rows = readDataset(HOSTILE).rows;
    const names = [...new Set(rows.map(r => r.kpi))];
    const preview = await previewOf(browser(), HOSTILE, 1280, 900);
    try {
        const frame = preview.frame();
        const tiles = await readTiles(frame);
        expect(tiles.map(t => t.kpi).sort()).toEqual([...names].sort());
        const text = await frame.$eval(".kpi-tiles-root", el => el.textContent ?? "");
        expect(text).toContain("<script>window.__injected = 'script'</script>Re-referrals");
        expect(text).toContain("<img src=x onerror=\"window.__injected='img'\">Assessments");
        expect(text).toContain("<b>Front door</b>");
        const injected = await frame.$$eval(".kpi-tiles-root script, .kpi-tiles-root img, .kpi-tiles-root iframe, "
            + ".kpi-tiles-root [onerror], .kpi-tiles-root [onload], .kpi-tiles-root a[href^='javascript']", els => els.map(e => e.outerHTML));
        expect(injected).toEqual([]);
        // The markup is escaped text in the DOM, not elements.
        const html = await frame.$eval(".kpi-tiles-root", el => el.innerHTML);
        expect(html).not.toContain("<b>Front door</b>");
        expect(html).toContain("&lt;b&gt;Front door&lt;/b&gt;");
        expect(html).not.toContain("<i>more</i>");

        // The tooltip of every tile (the host draws it from the visual's items) stays text too.
        for (const name of names) {
            await frame.hover(`.kpi-tile[data-kpi="${name.replace(/"/g, "\\\"")}"]`);
            await eventually(async () => expect((await hostEvents(preview, "tooltipShow")).some(e => e.text.length > 0)).toBe(true));
        }
        const hostInjected = await preview.page.$$eval("#tooltip script, #tooltip img, #tooltip iframe, #event-log img, #event-log script", els => els.length);
        expect(hostInjected).toBe(0);
        await preview.page.waitForTimeout(300);
        expect(await frame.evaluate(() => (window as unknown as { __injected?: unknown }).__injected)).toBeUndefined();
        expect(await preview.page.evaluate(() => (window as unknown as { __injected?: unknown }).__injected)).toBeUndefined();
        const started = await hostEvents(preview, "renderingStarted");
        expect(started.length).toBeGreaterThan(0);
        expect(await hostEvents(preview, "renderingFinished")).toHaveLength(started.length);
        expect(preview.errors).toEqual([]);
        expect(preview.blockedRequests).toEqual([]);
    } finally {
        await preview.close();
    }
});

test("a malformed dataset shows every problem with its file, row and column on the page", async () => {
    const dataset = readDataset(MALFORMED);
    expect(dataset.ok).toBe(false);
    const preview = await previewOf(browser(), MALFORMED);
    try {
        expect(await preview.page.getAttribute("body", "data-state")).toBe("problems");
        const box = preview.page.locator("#problems");
        expect(await box.isVisible()).toBe(true);
        const heading = await box.locator("h2").innerText();
        expect(heading).toMatch(/has \d+ problems to fix/);
        const items = await box.locator("li").allInnerTexts();
        expect(items.length).toBe(dataset.problems.length);
        expect(items).toContainEqual(expect.stringMatching(/kpis\.csv, row 2, column Polarity: "Lower" is not a polarity/));
        expect(items).toContainEqual(expect.stringMatching(/kpis\.csv, row 2, column Target: "20%" is not a number \(store percentages as fractions/));
        expect(items).toContainEqual(expect.stringMatching(/kpis\.csv, row 4, column KPI ID: "M02" is used by more than one KPI/));
        expect(items).toContainEqual(expect.stringMatching(/periods\.csv, column Period Index: .*expected 2, found 3/));
        expect(items).toContainEqual(expect.stringMatching(/kpi_values\.csv, row 3, column Actual: "1,234" is not a number \(remove the thousands separators\)/));
        expect(items).toContainEqual(expect.stringMatching(/kpi_values\.csv, row 4, column KPI ID: "M09" is not in kpis\.csv/));
        expect(items).toContainEqual(expect.stringMatching(/kpi_values\.csv, row 5: a quoted field is not closed/));
        expect(await preview.page.locator("#visual-host").isVisible()).toBe(false);
        expect(preview.errors).toEqual([]);
    } finally {
        await preview.close();
    }
});

test("npm start on a malformed dataset prints the problems in the terminal and still serves the page", async () => {
    const visual = await visualUnderTest();
    const child = spawn(process.execPath, [join(ROOT, "node_modules", "tsx", "dist", "cli.mjs"), join(ROOT, "scripts", "preview", "start.ts"),
        "--data", MALFORMED, "--pbiviz", visual.path, "--port", "0"], { cwd: ROOT });
    let output = "";
    child.stdout.on("data", chunk => { output += String(chunk); });
    child.stderr.on("data", chunk => { output += String(chunk); });
    try {
        await eventually(() => expect(output).toMatch(/Open http:\/\/127\.0\.0\.1:\d+\//), 60_000);
        expect(output).toMatch(/Error: kpis\.csv, row 2, column Polarity: "Lower" is not a polarity/);
        expect(output).toMatch(/Error: kpi_values\.csv, row 4, column KPI ID: "M09" is not in kpis\.csv/);
        expect(output).toMatch(/The dataset has errors/);
        const url = /Open (http:\/\/127\.0\.0\.1:\d+\/)/.exec(output)?.[1] as string;
        const session = await (await fetch(`${url}api/session`)).json() as { dataset: { ok: boolean; problems: unknown[] }; dataView: unknown };
        expect(session.dataset.ok).toBe(false);
        expect(session.dataset.problems.length).toBeGreaterThan(5);
        expect(session.dataView).toBeNull();
    } finally {
        const exited = new Promise(resolve => child.once("exit", resolve));
        child.kill("SIGTERM");
        await exited;
    }
}, 90_000);

test("resizing re-lays the tiles out into fewer columns, each update raising rendering events", async () => {
    const preview = await previewOf(browser(), SMALL, 1280, 900);
    try {
        const frame = preview.frame();
        const layout = (): Promise<{ columns: number; maxRight: number }> => frame.$$eval(".kpi-tile", tiles => {
            const rows = new Map<number, number>();
            let maxRight = 0;
            for (const t of tiles) {
                const box = t.getBoundingClientRect();
                rows.set(Math.round(box.top), (rows.get(Math.round(box.top)) ?? 0) + 1);
                maxRight = Math.max(maxRight, box.right);
            }
            return { columns: Math.max(...rows.values()), maxRight };
        });
        const wide = await layout();
        expect(wide.columns).toBeGreaterThanOrEqual(3);
        const finishedBefore = (await hostEvents(preview, "renderingFinished")).length;
        const timing = await preview.page.evaluate(() => (window as unknown as { preview: { resize(w: number, h: number): Promise<{ outcome: string; type: number }> } }).preview.resize(400, 700));
        expect(timing.outcome).toBe("finished");
        expect(timing.type & 4).toBe(4);
        const narrow = await layout();
        // src/render/layout.ts: at 400 px the compact density fits two columns (the wide layout had more).
        expect(narrow.columns).toBeLessThan(wide.columns);
        expect(narrow.maxRight).toBeLessThanOrEqual(400);
        expect((await hostEvents(preview, "renderingFinished")).length).toBe(finishedBefore + 1);

        // Dragging the handle under the visual resizes it too, ending with a ResizeEnd update.
        const handle = await preview.page.locator("#resize-handle").boundingBox();
        if (!handle) throw new Error("no resize handle");
        await preview.page.mouse.move(handle.x + 8, handle.y + 8);
        await preview.page.mouse.down();
        await preview.page.mouse.move(handle.x + 308, handle.y + 8, { steps: 5 });
        await preview.page.mouse.up();
        await eventually(async () => expect((await hostEvents(preview, "update")).some(e => e.text.startsWith("type 32, 700 × 700"))).toBe(true));
        expect((await layout()).columns).toBeGreaterThanOrEqual(2);
        expect(preview.errors).toEqual([]);
    } finally {
        await preview.close();
    }
});
