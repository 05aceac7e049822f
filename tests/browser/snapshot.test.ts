/**
 * `npm run snapshot`: a PNG at twice the pixel density holding every tile, and an SVG that
 * carries the rendered tiles (text, hooks) inside a foreignObject; the options the quarterly
 * pack uses (view, service area, period, locale) and the contrast themes it lists.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { existsSync } from "node:fs";
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
    // The visual fits its tiles to the box where it can (a denser layout); in a 60 px box eight
    // tiles cannot fit, so they scroll and the snapshot grows to their full height.
    const run = await snapshot(file, "--height", "60");
    expect(run.output).toMatch(/Wrote .*tiles\.png \(900 × \d+ px, 2× density, 8 tiles, view all\)/);
    expect(run.status).toBe(0);
    const png = readFileSync(file);
    expect(png.subarray(1, 4).toString("latin1")).toBe("PNG");
    const width = png.readUInt32BE(16);
    const height = png.readUInt32BE(20);
    expect(width).toBe(1800);
    expect(height).toBeGreaterThan(2 * 60);
    const shown = Number(/900 × (\d+) px/.exec(run.output)?.[1]);
    expect(height).toBe(2 * shown);
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
    expect(wrong.status).toBe(2);
    expect(wrong.output).toMatch(/--out must end in \.png or \.svg/);
    const visual = await visualUnderTest();
    const bad = spawnSync(process.execPath, [join(ROOT, "node_modules", "tsx", "dist", "cli.mjs"), join(ROOT, "scripts", "preview", "snapshot.ts"),
        "--data", join(__dirname, "fixtures", "malformed"), "--out", join(out, "bad.png"), "--pbiviz", visual.path], { cwd: ROOT, encoding: "utf8" });
    expect(bad.status).toBe(2);
    expect(bad.stdout).toMatch(/Error: kpis\.csv, row 2, column Polarity/);
    expect(bad.stderr).toMatch(/has errors \(listed above\); no snapshot was taken/);
}, 90_000);

/** data-kpi -> data-status of each tile in an SVG snapshot. */
function tilesIn(svg: string): Map<string, string> {
    const found = new Map<string, string>();
    for (const match of svg.matchAll(/<[^>]*class="[^"]*kpi-tile\b[^"]*"[^>]*>/g)) {
        const kpi = /data-kpi="([^"]*)"/.exec(match[0])?.[1];
        const status = /data-status="([^"]*)"/.exec(match[0])?.[1];
        if (kpi && status) found.set(kpi.replace(/&amp;/g, "&"), status);
    }
    return found;
}

describe("views, service area, period and locale", () => {
    const all = expectedTiles(readDataset(SMALL).rows);
    test.each([
        ["exceptions", ["red", "amber"]],
        ["good", ["green", "blue"]],
        ["escalations", ["red", "blue"]],
    ])("--view %s keeps the %j tiles and no others", async (view, statuses) => {
        const file = join(out, `view-${view}.svg`);
        const run = await snapshot(file, "--view", view);
        expect(run.status).toBe(0);
        const wanted = all.filter(t => statuses.includes(t.status));
        expect(wanted.length).toBeGreaterThan(0);
        expect(run.output).toContain(`${wanted.length} tile${wanted.length === 1 ? "" : "s"}, view ${view})`);
        const shown = tilesIn(readFileSync(file, "utf8"));
        expect([...shown.keys()].sort()).toEqual(wanted.map(t => t.kpi).sort());
        for (const tile of wanted) expect(shown.get(tile.kpi)).toBe(tile.status);
    }, 90_000);

    test("--view overdue keeps the tiles whose path-to-green action is overdue (the sample, 2025/26 Q2)", async () => {
        const file = join(out, "overdue.svg");
        const visual = await visualUnderTest();
        const result = spawnSync(process.execPath, [join(ROOT, "node_modules", "tsx", "dist", "cli.mjs"), join(ROOT, "scripts", "preview", "snapshot.ts"),
            "--data", join(ROOT, "sample", "data"), "--out", file, "--pbiviz", visual.path, "--view", "overdue", "--period", "2025/26 Q2"], { cwd: ROOT, encoding: "utf8" });
        expect(result.status).toBe(0);
        const rows = readDataset(join(ROOT, "sample", "data")).rows.filter(r => r.period === "2025/26 Q2");
        const overdue = rows.filter(r => r.actionDue && r.periodEnd && r.actionDue < r.periodEnd).map(r => r.kpi);
        expect(overdue.length).toBeGreaterThan(0);
        const svg = readFileSync(file, "utf8");
        expect([...tilesIn(svg).keys()].sort()).toEqual(overdue.sort());
        expect(svg).toContain('data-overdue="true"');
    }, 90_000);

    test("--service keeps one service area's tiles; --period rates the period in view; --locale draws Welsh", async () => {
        const file = join(out, "front-door-q1.svg");
        const run = await snapshot(file, "--service", "front door", "--period", "2025/26 Q1", "--locale", "cy-GB");
        expect(run.status).toBe(0);
        const rows = readDataset(SMALL).rows.filter(r => r.group === "Front door" && r.periodIndex <= 5);
        const wanted = expectedTiles(rows);
        const svg = readFileSync(file, "utf8");
        const shown = tilesIn(svg);
        expect([...shown.keys()].sort()).toEqual(wanted.map(t => t.kpi).sort());
        for (const tile of wanted) expect(shown.get(tile.kpi)).toBe(tile.status);
        expect(svg).toContain("2025/26 Q1");
        expect(svg).not.toContain("2025/26 Q2");
        expect(svg).toMatch(/Coch|Ambr|Gwyrdd|Glas/);
    }, 90_000);

    test("--contrast aquatic is accepted and listed; an unknown theme is refused with the list, not a TypeError", async () => {
        const good = await snapshot(join(out, "aquatic.png"), "--contrast", "aquatic");
        expect(good.status).toBe(0);
        const file = join(out, "purple.png");
        const bad = await snapshot(file, "--contrast", "purple");
        expect(bad.output).toContain('--contrast "purple" is not a contrast theme; use one of: none, black, white, aquatic');
        expect(bad.output).not.toMatch(/TypeError/);
        expect(bad.status).toBe(2);
        expect(existsSync(file)).toBe(false);
        const help = spawnSync(process.execPath, [join(ROOT, "node_modules", "tsx", "dist", "cli.mjs"), join(ROOT, "scripts", "preview", "snapshot.ts"), "--help"],
            { cwd: ROOT, encoding: "utf8" });
        expect(help.stdout).toContain("--contrast none|black|white|aquatic");
        expect(help.stdout).toContain("--view all|exceptions|good|escalations|overdue");
    }, 90_000);

    test.each([
        ["an unknown view", ["--view", "purple"], /--view "purple" is not a view; use one of: all, exceptions, good, escalations, overdue/],
        ["an unknown service area", ["--service", "Libraries"], /--service "Libraries" is not a service area in .*; use one of: Front door/],
        ["an unknown period", ["--period", "1999 Q1"], /--period "1999 Q1" is not a period with values in .*; use one of: 2024\/25 Q1/],
        ["an unsupported locale", ["--locale", "de-DE"], /--locale "de-DE" is not supported; use one of: en-GB, cy-GB/],
    ])("%s: a message and no file", async (_name, extra, message) => {
        const file = join(out, `refused-${extra[0].slice(2)}.png`);
        const run = await snapshot(file, ...extra);
        expect(run.output).toMatch(message);
        expect(run.status).toBe(2);
        expect(existsSync(file)).toBe(false);
    }, 90_000);
});
