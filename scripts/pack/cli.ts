/**
 * `npm run pack -- --data <folder> [--period "2025/26 Q2"] [--service <area>] [--locale cy-GB]
 *  --out pack.pptx|pack.pdf`: the quarterly Corporate Performance Report, four pages per
 * service area (scripts/pack/slides.ts), with the tiles drawn by the packaged visual in headless
 * Chromium at twice the pixel density. A .pdf is the same .pptx converted by LibreOffice Impress.
 *
 * Everything is checked before anything is drawn, and the file is written to a temporary name
 * and moved into place at the end: bad input (a dataset with errors, an unknown service area or
 * period) gets a message and leaves no file.
 */
import { mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync, copyFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, dirname, extname, join, resolve } from "node:path";
import { openPreview, PreviewBrowser } from "../lib/preview-browser";
import { captureTiles, setFormat, setLocale, showData } from "../lib/tile-capture";
import { parseArgs } from "../preview/cli-args";
import { DIST, ensurePackage, SAMPLE_DATA } from "../preview/build-steps";
import { buildDataView, describeProblem, readDataset } from "../preview/dataset";
import { findPackage, readVisualPackage } from "../preview/visual-package";
import { buildReport, PackInputError, resolveSelection, rowsOfTiles } from "./report";
import { ImageKind, TileImage, writePptx } from "./slides";
import { convert, findSoffice, LIBREOFFICE_INSTRUCTIONS } from "./libreoffice";
import type { KpiTile } from "../../src/model";

const USAGE = `Usage: npm run pack -- --data <folder> --out <pack.pptx|pack.pdf> [--period "2025/26 Q2"] [--service <area>] [--locale en-GB|cy-GB] [--pbiviz <file>] [--no-build]`;

/** Four tile columns at most: tile width 220 px, 8 px gaps, 4 px padding each side. */
function widthFor(count: number): number {
    return Math.max(1, Math.min(4, count)) * 228 + 8;
}

async function draw(preview: PreviewBrowser, rows: Parameters<typeof buildDataView>[0], capabilities: Parameters<typeof buildDataView>[1],
    tiles: readonly KpiTile[], sortBy: string): Promise<TileImage | undefined> {
    if (tiles.length === 0) return undefined;
    // Full detail (the visual otherwise picks a density from the height it is given).
    await setFormat(preview, { layout: { showSummary: false, showGroupHeadings: false, sortBy, density: "detailed" } });
    await showData(preview, buildDataView(rowsOfTiles(rows, tiles), capabilities).dataView);
    // Room for every tile at full detail (up to about 600 px a row); the picture is cut below the last.
    return captureTiles(preview, widthFor(tiles.length), Math.ceil(tiles.length / 4) * 640);
}

async function main(): Promise<void> {
    const options = parseArgs(process.argv.slice(2));
    if (options.help || !options.out) {
        console.log(USAGE);
        if (!options.help) process.exitCode = 2;
        return;
    }
    const out = resolve(options.out);
    const format = extname(out).toLowerCase();
    if (format !== ".pptx" && format !== ".pdf") throw new PackInputError(`--out must end in .pptx or .pdf, not "${format || options.out}"`);
    if (format === ".pdf" && !findSoffice()) throw new PackInputError(LIBREOFFICE_INSTRUCTIONS);
    if (options.view !== undefined) throw new PackInputError("--view is a snapshot option; the pack always has its four pages per service");

    const dataset = readDataset(resolve(options.data ?? SAMPLE_DATA));
    for (const problem of dataset.problems) console.log(describeProblem(problem));
    const selection = { period: options.period, service: options.service, locale: options.locale };
    resolveSelection(dataset, selection);

    if (options.build && !options.pbiviz) {
        const step = ensurePackage(line => console.log(line));
        if (step.outcome === "failed") throw new Error(step.message);
    }
    const packagePath = options.pbiviz ? resolve(options.pbiviz) : findPackage(DIST);
    if (!packagePath) throw new Error("No dist/*.pbiviz: run `npm run package`.");
    const visual = await readVisualPackage(packagePath);
    const report = buildReport(dataset, visual.capabilities, visual.stringResources, selection);

    const images = new Map<string, TileImage>();
    const preview = await openPreview({ visual, dataset, width: 940, height: 400, deviceScaleFactor: 2 });
    try {
        if (report.locale !== "en-GB") await setLocale(preview, report.locale);
        for (const service of report.services) {
            const put = (kind: ImageKind, image: TileImage | undefined): void => { if (image) images.set(`${service.service}\u0000${kind}`, image); };
            put("all", await draw(preview, service.rows, visual.capabilities, service.tiles, "none"));
            put("good", await draw(preview, service.rows, visual.capabilities, service.good, "status"));
            put("development", await draw(preview, service.rows, visual.capabilities, service.development, "status"));
        }
        if (preview.errors.length > 0) throw new Error(`The visual reported errors while drawing the tiles; no pack was written:\n${preview.errors.join("\n")}`);
    } finally {
        await preview.close();
    }

    const pptx = await writePptx(report, { get: (service, kind) => images.get(`${service}\u0000${kind}`) }, basename(dataset.folder));
    mkdirSync(dirname(out), { recursive: true });
    const work = mkdtempSync(join(tmpdir(), "kpi-pack-"));
    try {
        const stem = basename(out, extname(out));
        const pptxPath = join(work, `${stem}.pptx`);
        writeFileSync(pptxPath, pptx);
        const made = format === ".pdf" ? convert(pptxPath, "pdf", work) : pptxPath;
        const partial = `${out}.partial`;
        copyFileSync(made, partial);
        renameSync(partial, out);
    } finally {
        rmSync(work, { recursive: true, force: true });
    }
    const pages = report.services.length * 4;
    console.log(`Wrote ${out} (${pages} pages: ${report.services.length} service area${report.services.length === 1 ? "" : "s"} x 4, ${report.period}, ${report.locale})`);
}

main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(error instanceof PackInputError ? 2 : 1);
});
