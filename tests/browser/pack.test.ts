/**
 * `npm run pack`: the quarterly pack opened the way a user opens it. The .pptx is rendered by
 * LibreOffice Impress in headless mode (each conversion with its own temporary profile) to PDF
 * and to the flat ODF presentation LibreOffice reads it as; the PDF's pages become PNG images
 * (Ghostscript when installed, else LibreOffice's own PNG export of the first page). The checks
 * read what LibreOffice made of the file: the number of pages, each page's text, the sample's
 * commentary on the Areas for development pages. The Care leavers pages are kept as
 * test-artifacts/screenshots/pack-*.png for the README (scripts/preview/readme-images.ts).
 */
import { spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import JSZip from "jszip";
import { readDataset } from "../../scripts/preview/dataset";
import { convert, filesIn, findSoffice } from "../../scripts/pack/libreoffice";
import { serviceAreas } from "../../scripts/pack/report";
import { expectedTiles } from "./helpers/expected";
import { visualUnderTest } from "./helpers/visual-under-test";

const ROOT = join(__dirname, "..", "..");
const SAMPLE = join(ROOT, "sample", "data");
const SHOTS = join(ROOT, "test-artifacts", "screenshots");
const work = mkdtempSync(join(tmpdir(), "pack-test-"));

function pack(out: string, ...extra: string[]): { status: number | null; output: string } {
    return packWith(SAMPLE, out, ...extra);
}

function packWith(data: string, out: string, ...extra: string[]): { status: number | null; output: string } {
    const result = spawnSync(process.execPath, [join(ROOT, "node_modules", "tsx", "dist", "cli.mjs"), join(ROOT, "scripts", "pack", "cli.ts"),
        "--data", data, "--out", out, "--no-build", ...extra], { cwd: ROOT, encoding: "utf8"});
    return { status: result.status, output: result.stdout + result.stderr };
}

function decode(xml: string): string {
    return xml.replace(/<text:line-break\/>|<text:tab\/>|<text:s\/>/g, " ").replace(/<\/text:p>/g, " ").replace(/<[^>]+>/g, "")
        .replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, "\"").replace(/&apos;/g, "'").replace(/&amp;/g, "&")
        .replace(/\s+/g, " ").trim();
}

/** The text of each page as LibreOffice read the presentation (its flat ODF export). */
function pagesText(fodp: string): string[] {
    return fodp.split(/<draw:page\s/).slice(1).map(page => decode(page.slice(0, page.indexOf("</draw:page>"))));
}

function pdfPageCount(pdf: Buffer): number {
    return (pdf.toString("latin1").match(/\/Type\s*\/Page[^s]/g) ?? []).length;
}

function gsPath(): string | null {
    const found = spawnSync("sh", ["-c", "command -v gs"], { encoding: "utf8" });
    return found.status === 0 ? found.stdout.trim() : null;
}

const haveLibreOffice = findSoffice() !== null;
const needsLibreOffice = haveLibreOffice ? test : test.skip;
if (!haveLibreOffice) {
    test("LibreOffice is installed (.ci/run installs libreoffice-impress)", () => {
        throw new Error("soffice not found: install libreoffice-impress to test the quarterly pack");
    });
}

describe("the sample's pack", () => {
    const out = join(work, "pack.pptx");
    let run: { status: number | null; output: string };
    let pages: string[] = [];
    let pdf: string;
    const rows = readDataset(SAMPLE).rows;
    const services = serviceAreas(rows);

    beforeAll(async () => {
        const visual = await visualUnderTest();
        run = pack(out, "--pbiviz", visual.path);
        if (run.status !== 0 || !haveLibreOffice) return;
        pdf = convert(out, "pdf", work);
        pages = pagesText(readFileSync(convert(out, "fodp", work), "utf8"));
    }, 240_000);

    test("writes a .pptx with four pages per service area", () => {
        expect(run.output).toContain(`Wrote ${out} (${services.length * 4} pages`);
        expect(run.status).toBe(0);
        expect(services.length).toBeGreaterThan(5);
    });

    needsLibreOffice("LibreOffice reads it as four pages per service, in order, titled by service", () => {
        expect(pages).toHaveLength(services.length * 4);
        expect(pdfPageCount(readFileSync(pdf))).toBe(services.length * 4);
        services.forEach((service, i) => {
            expect(pages[4 * i]).toContain(`${service}: Summary`);
            expect(pages[4 * i + 1]).toContain(`${service}: What's good`);
            expect(pages[4 * i + 2]).toContain(`${service}: Areas for development`);
            expect(pages[4 * i + 3]).toContain(`${service}: Improvement plan`);
            for (const page of pages.slice(4 * i, 4 * i + 4)) expect(page).toContain("2025/26 Q2");
        });
    });

    needsLibreOffice("every Red and Amber KPI is on its service's Areas for development page with the Director's commentary, and its action on the Improvement plan", () => {
        const latest = new Map<string, (typeof rows)[number]>();
        for (const row of rows) if (row.actual !== null) latest.set(row.kpi, row);
        const offTrack = expectedTiles(rows).filter(t => t.status === "red" || t.status === "amber");
        expect(offTrack.length).toBeGreaterThan(5);
        for (const tile of offTrack) {
            const page = pages[4 * services.indexOf(tile.group as string) + 2];
            expect(page).toContain(tile.kpi);
            const commentary = latest.get(tile.kpi)?.commentary;
            expect(commentary).toBeTruthy();
            expect(page).toContain((commentary as string).replace(/\s+/g, " "));
        }
        // The path to green of each (the sample's action columns): its action and owner on the
        // Improvement plan page, "Overdue" where the date has passed for the period in view.
        const end = latest.get(offTrack[0].kpi)?.periodEnd as string;
        let overdue = 0;
        for (const tile of offTrack) {
            const row = latest.get(tile.kpi);
            expect(row?.action).toBeTruthy();
            const plan = pages[4 * services.indexOf(tile.group as string) + 3];
            expect(plan).toContain((row?.action as string).replace(/\s+/g, " "));
            expect(plan).toContain(row?.actionOwner as string);
            if ((row?.actionDue as string) < end) overdue++;
        }
        expect(overdue).toBeGreaterThan(0);
        expect(pages.filter(p => p.includes("Overdue")).length).toBeGreaterThan(0);
        expect(pages.join(" ")).toMatch(/Back within tolerance by (January|February|March|April|May|June|July|August|September|October|November|December) 20\d\d - action (on track|at risk|complete)/);
        // Green and Blue KPIs are on What's good, not on Areas for development.
        for (const tile of expectedTiles(rows).filter(t => t.status === "green" || t.status === "blue")) {
            const at = 4 * services.indexOf(tile.group as string);
            expect(pages[at + 1]).toContain(tile.kpi);
            expect(pages[at + 2]).not.toContain(tile.kpi);
        }
    });

    needsLibreOffice("the summary's counts are native text and the tiles are pictures drawn at 2x", async () => {
        const zip = await JSZip.loadAsync(readFileSync(out));
        const slide = await zip.file("ppt/slides/slide1.xml")?.async("string") ?? "";
        const frontDoor = expectedTiles(rows).filter(t => t.group === services[0]);
        expect(slide).toContain(`<a:t>${frontDoor.length} KPIs</a:t>`);
        expect(slide).toContain("<p:pic>");
        const table = await zip.file("ppt/slides/slide3.xml")?.async("string") ?? "";
        expect(table).toContain("<a:tbl>");
        const media = Object.keys(zip.files).filter(name => name.startsWith("ppt/media/") && name.endsWith(".png"));
        expect(media.length).toBeGreaterThanOrEqual(services.length);
        const first = await zip.file(media[0])?.async("nodebuffer") as Buffer;
        // The widest picture of four tiles is 920 CSS px; at 2x it is at least 472 px for one tile.
        expect(first.readUInt32BE(16) % 2).toBe(0);
        expect(first.readUInt32BE(16)).toBeGreaterThanOrEqual(472);
    });

    needsLibreOffice("the pages render to PNG images, one per page (kept for the README)", () => {
        const gs = gsPath();
        const pngDir = join(work, "png");
        mkdirSync(pngDir, { recursive: true });
        let images: string[];
        if (gs) {
            const r = spawnSync(gs, ["-q", "-dNOPAUSE", "-dBATCH", "-dSAFER", "-sDEVICE=png16m", "-r80", "-dTextAlphaBits=4", "-dGraphicsAlphaBits=4",
                `-sOutputFile=${join(pngDir, "page-%03d.png")}`, pdf], { encoding: "utf8" });
            expect(r.status).toBe(0);
            images = filesIn(pngDir, ".png");
            expect(images).toHaveLength(services.length * 4);
        } else {
            // LibreOffice's PNG export draws the first page only.
            images = [convert(out, "png", pngDir)];
        }
        const png = readFileSync(images[0]);
        expect(png.subarray(1, 4).toString("latin1")).toBe("PNG");
        const ratio = png.readUInt32BE(16) / png.readUInt32BE(20);
        expect(ratio).toBeCloseTo(16 / 9, 1);
        const careLeavers = services.indexOf("Care leavers");
        if (gs && careLeavers >= 0) {
            mkdirSync(SHOTS, { recursive: true });
            ["summary", "good", "development", "plan"].forEach((name, i) =>
                copyFileSync(images[4 * careLeavers + i], join(SHOTS, `pack-${name}.png`)));
        }
    });
});

needsLibreOffice("--out pack.pdf: one service in Welsh for an earlier period, four PDF pages", async () => {
    const visual = await visualUnderTest();
    const out = join(work, "care-leavers.pdf");
    const run = pack(out, "--pbiviz", visual.path, "--service", "care leavers", "--period", "2025/26 Q1", "--locale", "cy-GB");
    expect(run.output).toContain("(4 pages: 1 service area x 4, 2025/26 Q1, cy-GB)");
    expect(run.status).toBe(0);
    const pdf = readFileSync(out);
    expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    expect(pdfPageCount(pdf)).toBe(4);
}, 180_000);

describe("bad input: a message and no file", () => {
    test.each([
        ["an unknown service area", ["--service", "Adult social care"], /--service "Adult social care" is not a service area in .*; use one of: Front door, /],
        ["an unknown period", ["--period", "2031/32 Q9"], /--period "2031\/32 Q9" is not a period with values in .*; use one of: 2023\/24 Q1, /],
        ["an unsupported locale", ["--locale", "fr-FR"], /--locale "fr-FR" is not supported; use one of: en-GB, cy-GB/],
        ["a view (a snapshot option)", ["--view", "good"], /--view is a snapshot option/],
    ])("%s", async (_name, extra, message) => {
        const visual = await visualUnderTest();
        const out = join(work, `bad-${extra[1].replace(/\W/g, "")}.pptx`);
        const run = pack(out, "--pbiviz", visual.path, ...extra);
        expect(run.output).toMatch(message);
        expect(run.status).toBe(2);
        expect(existsSync(out)).toBe(false);
    }, 60_000);

    test("a dataset with errors", async () => {
        const visual = await visualUnderTest();
        const out = join(work, "malformed.pptx");
        const run = packWith(join(__dirname, "fixtures", "malformed"), out, "--pbiviz", visual.path);
        expect(run.output).toMatch(/Error: kpis\.csv, row 2, column Polarity/);
        expect(run.output).toMatch(/has errors \(listed above\); no pack was written/);
        expect(run.status).toBe(2);
        expect(existsSync(out)).toBe(false);
    }, 60_000);

    test("a wrong extension", () => {
        const out = join(work, "pack.docx");
        const run = pack(out);
        expect(run.output).toMatch(/--out must end in \.pptx or \.pdf/);
        expect(run.status).toBe(2);
        expect(existsSync(out)).toBe(false);
    }, 60_000);
});
