/**
 * `npm run snapshot`: a PNG at twice the pixel density holding every tile, and an SVG that
 * carries the rendered tiles (text, hooks) inside a foreignObject.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { readDataset } from "../../scripts/preview/dataset";
import { expectedTiles } from "./helpers/expected";
import { visualUnderTest } from "./helpers/visual-under-test";

const ROOT = join(__dirname, "..", "..");
const SMALL = join(__dirname, "fixtures", "small");
const out = mkdtempSync(join(tmpdir(), "snapshot-"));

async function snapshot(file: string, ...extra: string[]): Promise<{ status: number | null; output: string }> {
    const visual = await visualUnderTest();
    const result = spawnSync(process.execPath, [join(ROOT, "node_modules", "tsx", "dist", "cli.mjs"), join(ROOT, "scripts", "preview", "snapshot.ts"),
        "--data", SMALL, "--out", file, "--pbiviz", visual.path, "--width", "900", "--height", "300", ...extra], { cwd: ROOT, encoding: "utf8" });
    return { status: result.status, output: result.stdout + result.stderr };
}

test("PNG: 2x density, grown to the full height of the tiles", async () => {
    const file = join(out, "tiles.png");
    const run = await snapshot(file);
    expect(run.output).toMatch(/Wrote .*tiles\.png \(900 × \d+ px, 2× density\)/);
    expect(run.status).toBe(0);
    const png = readFileSync(file);
    expect(png.subarray(1, 4).toString("latin1")).toBe("PNG");
    const width = png.readUInt32BE(16);
    const height = png.readUInt32BE(20);
    expect(width).toBe(1800);
    // Eight tiles never fit in 300 px: the image is taller than the requested viewport.
    expect(height).toBeGreaterThan(600);
}, 90_000);

test("SVG: the tiles' text and hooks inside a foreignObject", async () => {
    const file = join(out, "tiles.svg");
    const run = await snapshot(file);
    expect(run.status).toBe(0);
    const svg = readFileSync(file, "utf8");
    expect(svg).toMatch(/^<\?xml[^>]*>\n<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" width="900"/);
    expect(svg).toContain("<foreignObject");
    for (const tile of expectedTiles(readDataset(SMALL).rows)) {
        expect(svg).toContain(`data-kpi="${tile.kpi}"`);
        expect(svg).toMatch(new RegExp(`data-kpi="${tile.kpi}"[^>]*data-status="${tile.status}"|data-status="${tile.status}"[^>]*data-kpi="${tile.kpi}"`));
    }
}, 90_000);

test("a wrong extension or a malformed dataset is refused with a message", async () => {
    const wrong = await snapshot(join(out, "tiles.jpg"));
    expect(wrong.status).toBe(1);
    expect(wrong.output).toMatch(/--out must end in \.png or \.svg/);
    const visual = await visualUnderTest();
    const bad = spawnSync(process.execPath, [join(ROOT, "node_modules", "tsx", "dist", "cli.mjs"), join(ROOT, "scripts", "preview", "snapshot.ts"),
        "--data", join(__dirname, "fixtures", "malformed"), "--out", join(out, "bad.png"), "--pbiviz", visual.path], { cwd: ROOT, encoding: "utf8" });
    expect(bad.status).toBe(1);
    expect(bad.stdout).toMatch(/Error: kpis\.csv, row 2, column Polarity/);
    expect(bad.stderr).toMatch(/has errors \(listed above\); no snapshot was taken/);
}, 90_000);
