/**
 * The packaged visual in the preview on the sample: its provisional figures are marked and its
 * suppressed latest quarter shows as a tile without a figure for the period in view (data
 * quality, issue 9 item 8), as the preview feeds `KPI Data Quality` to the `quality` role.
 */
import { join } from "node:path";
import { previewOf, useBrowser } from "./helpers/preview-session";

const SAMPLE = join(__dirname, "..", "..", "sample", "data");

const browser = useBrowser();

test("the sample's provisional figures are marked and its suppressed latest figure is shown as stale, in words, shape and aria-label", async () => {
    const preview = await previewOf(browser(), SAMPLE, 1600, 900);
    try {
        const frame = preview.frame();
        const marked = await frame.$$eval(".kpi-tile[data-quality]", tiles => tiles.map(t => ({
            kpi: t.getAttribute("data-kpi"), quality: t.getAttribute("data-quality"),
            word: t.querySelector(".kpi-tile__quality-label")?.textContent ?? null,
            shape: t.querySelector(".kpi-tile__quality svg")?.getAttribute("data-shape") ?? null,
            aria: t.getAttribute("aria-label") ?? "",
        })));
        expect(marked.map(m => m.kpi).sort()).toEqual([
            "Key Stage 2 reading, writing and maths at expected standard", "New EHC plans issued within 20 weeks (excluding exceptions)",
            "Persistent absence of looked after children", "Persistent absence, all pupils",
        ]);
        for (const m of marked) {
            expect(m).toMatchObject({ quality: "provisional", word: "Provisional", shape: "provisional" });
            expect(m.aria).toContain("Provisional");
        }
        const stale = await frame.$$eval(".kpi-tile[data-stale]", tiles => tiles.map(t => ({
            kpi: t.getAttribute("data-kpi"), stale: t.getAttribute("data-stale"),
            note: t.querySelector(".kpi-tile__stale-label")?.textContent ?? null, aria: t.getAttribute("aria-label") ?? "",
        })));
        expect(stale).toEqual([{
            kpi: "Care leavers the council is not in touch with", stale: "2025/26 Q2", note: "Latest 2025/26 Q1",
            aria: expect.stringContaining("2025/26 Q2 figure suppressed; latest 2025/26 Q1"),
        }]);
        const summary = await frame.$eval(".kpi-summary", el => el.getAttribute("aria-label"));
        expect(summary).toMatch(/; 1 without a 2025\/26 Q2 figure$/);
        await preview.page.screenshot({ path: join(__dirname, "..", "..", "test-artifacts", "screenshots", "quality-sample.png") });
        expect(preview.errors).toEqual([]);
    } finally {
        await preview.close();
    }
});

test("where the notes beside the value get no room (minimal density), the tile's name starts with what is seen, without them", async () => {
    const preview = await previewOf(browser(), SAMPLE, 360, 260);
    try {
        const frame = preview.frame();
        // Scroll until the stale tile is built (only the tiles near the view are).
        for (let i = 0; i < 40 && (await frame.$(".kpi-tile[data-stale]")) === null; i++) {
            await frame.$eval(".kpi-tiles-root", root => { root.scrollTop += root.clientHeight; });
            await frame.evaluate(() => new Promise(resolve => requestAnimationFrame(() => requestAnimationFrame(resolve))));
        }
        const read = await frame.$eval(".kpi-tile[data-stale]", tile => {
            const parts: string[] = [];
            const walk = (node: Node): void => {
                if (node.nodeType === 3) {
                    const text = (node.nodeValue ?? "").trim();
                    if (text !== "") parts.push(text);
                    return;
                }
                const element = node as Element;
                if (node.nodeType !== 1 || element.classList.contains("kpi-visually-hidden") || !element.checkVisibility()) return;
                for (let child = element.firstChild; child; child = child.nextSibling) walk(child);
            };
            for (let child = tile.firstChild; child; child = child.nextSibling) walk(child);
            return { seen: parts.join(" "), name: tile.getAttribute("aria-label") ?? "", note: tile.querySelector(".kpi-tile__stale-label")?.textContent ?? "" };
        });
        expect(read.note).toBe("Latest 2025/26 Q1");
        expect(read.seen).not.toContain("Latest 2025/26 Q1");
        expect(read.name.startsWith(read.seen)).toBe(true);
        expect(read.name).toContain("2025/26 Q2 figure suppressed; latest 2025/26 Q1");
        expect(preview.errors).toEqual([]);
    } finally {
        await preview.close();
    }
});
