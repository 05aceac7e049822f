/**
 * The preview server: loopback only, the next free port when asked, the visual's own bundle
 * served from the package, the session carrying the dataset's problems or its dataView, and
 * pages that forbid every other origin.
 */
import { join } from "node:path";
import { readDataset } from "../../scripts/preview/dataset";
import { startPreviewServer } from "../../scripts/preview/server";
import { visualUnderTest } from "./helpers/visual-under-test";

const SMALL = join(__dirname, "fixtures", "small");
const MALFORMED = join(__dirname, "fixtures", "malformed");

test("serves the package's bundle and style, the session, and pages with a same-origin-only policy", async () => {
    const visual = await visualUnderTest();
    const server = await startPreviewServer({ visual, dataset: readDataset(SMALL), port: 0 });
    try {
        expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
        expect(server.server.address()).toMatchObject({ address: "127.0.0.1" });
        expect(await (await fetch(`${server.url}visual.js`)).text()).toBe(visual.js);
        expect(await (await fetch(`${server.url}visual.css`)).text()).toBe(visual.css);
        const page = await fetch(server.url);
        expect(page.headers.get("content-security-policy")).toMatch(/default-src 'self'/);
        expect(page.headers.get("content-security-policy")).toMatch(/connect-src 'self'/);
        const sandbox = await fetch(`${server.url}sandbox.html`);
        expect(sandbox.headers.get("content-security-policy")).toMatch(/connect-src 'self'/);
        const session = await (await fetch(`${server.url}api/session`)).json() as {
            visual: { guid: string }; dataset: { ok: boolean; kpiCount: number }; dataView: { categorical: { categories: unknown[] } } | null;
        };
        expect(session.visual.guid).toBe(visual.guid);
        expect(session.dataset).toMatchObject({ ok: true, kpiCount: 8 });
        expect(session.dataView?.categorical.categories.length).toBeGreaterThan(0);
        expect((await fetch(`${server.url}../package.json`)).status).toBe(404);
        expect((await fetch(`${server.url}api/session`, { method: "POST" })).status).toBe(405);
    } finally {
        await server.close();
    }
});

test("a taken port moves to the next free one when asked, and fails otherwise", async () => {
    const visual = await visualUnderTest();
    const dataset = readDataset(MALFORMED);
    const first = await startPreviewServer({ visual, dataset, port: 0 });
    try {
        const second = await startPreviewServer({ visual, dataset, port: first.port, findFreePort: true });
        try {
            expect(second.port).toBeGreaterThan(first.port);
            const session = await (await fetch(`${second.url}api/session`)).json() as { dataset: { ok: boolean }; dataView: unknown };
            expect(session.dataset.ok).toBe(false);
            expect(session.dataView).toBeNull();
        } finally {
            await second.close();
        }
        await expect(startPreviewServer({ visual, dataset, port: first.port })).rejects.toThrow(/EADDRINUSE/);
    } finally {
        await first.close();
    }
});
