/**
 * `npm run snapshot -- --data <folder> --out <file.png|file.svg> [--width 1280] [--height 720]
 *  [--view all|exceptions|good|escalations|overdue] [--service <area>] [--period <label>]
 *  [--locale en-GB|cy-GB] [--contrast none|black|white|aquatic]`: a static image of the tiles,
 * for the quarterly report slides.
 *
 * --service and --period choose the rows as a report page's slicers would (the period in view and
 * the ones before it, scripts/pack/report.ts); --view keeps the tiles of a view (src/rules/views.ts)
 * as the visual's model rates them. Every option is checked before the browser starts.
 *
 * PNG: a screenshot of the visual at twice the pixel density (sharp on a projector), grown to
 * the full height of the tiles so that none is cut off. SVG: the rendered tiles, with their
 * computed styles inlined, wrapped in an SVG <foreignObject>. Browsers and PowerPoint for the
 * web draw it; desktop PowerPoint and most vector editors do not render foreignObject, so the
 * PNG is the format to paste into slides.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, extname, resolve } from "node:path";
import type { Frame } from "playwright-core";
import { openPreview } from "../lib/preview-browser";
import { parseArgs } from "./cli-args";
import { DIST, ensurePackage, SAMPLE_DATA } from "./build-steps";
import { describeProblem, readDataset } from "./dataset";
import { findPackage, readVisualPackage } from "./visual-package";
import { CONTRAST_MODES } from "./host-emulator/palette";
import { parseView, VIEWS } from "../../src/rules/views";
import { localiserFor, PackInputError, resolveSelection, rowsOfTiles, tilesInView, tilesOf } from "../pack/report";
import { setContrast, setLocale } from "../lib/tile-capture";

const USAGE = `Usage: npm run snapshot -- --data <folder> --out <file.png|file.svg> [--width 1280] [--height 720] [--view ${VIEWS.join("|")}] [--service <area>] [--period <label>] [--locale en-GB|cy-GB] [--contrast ${CONTRAST_MODES.join("|")}] [--pbiviz <file>]`;

/** The tiles' DOM with computed styles inlined, as standalone SVG. */
async function svgOf(frame: Frame, width: number): Promise<string> {
    return frame.evaluate((w: number) => {
        const root = document.querySelector(".kpi-tiles-root") ?? document.getElementById("sandbox");
        if (!root) throw new Error("nothing rendered");
        const clone = root.cloneNode(true) as Element;
        const source = [root, ...Array.from(root.querySelectorAll("*"))];
        const target = [clone, ...Array.from(clone.querySelectorAll("*"))];
        const keep = ["color", "background-color", "font-family", "font-size", "font-weight", "font-style", "line-height",
            "display", "grid-template-columns", "gap", "padding", "margin", "border-top", "border-right", "border-bottom", "border-left",
            "width", "height", "box-sizing", "flex-direction", "flex-wrap", "align-items", "justify-content", "white-space",
            "overflow", "text-overflow", "fill", "stroke", "stroke-width", "stroke-dasharray", "opacity", "text-align",
            "position", "top", "left", "right", "bottom", "-webkit-line-clamp", "-webkit-box-orient", "overflow-wrap"];
        source.forEach((el, i) => {
            const style = getComputedStyle(el);
            const inline = keep.map(p => `${p}:${style.getPropertyValue(p)}`).join(";");
            (target[i] as HTMLElement).setAttribute("style", inline);
        });
        (clone as HTMLElement).style.overflow = "visible";
        (clone as HTMLElement).style.height = "auto";
        const height = Math.ceil((root as HTMLElement).scrollHeight);
        const xml = new XMLSerializer().serializeToString(clone);
        return `<?xml version="1.0" encoding="UTF-8"?>\n<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${height}" viewBox="0 0 ${w} ${height}">`
            + `<foreignObject x="0" y="0" width="${w}" height="${height}">`
            + `<div xmlns="http://www.w3.org/1999/xhtml" style="width:${w}px;background:#fff">${xml}</div></foreignObject></svg>\n`;
    }, width);
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
    if (format !== ".png" && format !== ".svg") throw new PackInputError(`--out must end in .png or .svg, not "${format || options.out}"`);
    const contrast = options.contrast ?? "none";
    if (!(CONTRAST_MODES as readonly string[]).includes(contrast)) {
        throw new PackInputError(`--contrast "${contrast}" is not a contrast theme; use one of: ${CONTRAST_MODES.join(", ")}`);
    }
    const view = options.view === undefined ? "all" : parseView(options.view);
    if (view === null) throw new PackInputError(`--view "${options.view}" is not a view; use one of: ${VIEWS.join(", ")}`);
    const dataset = readDataset(resolve(options.data ?? SAMPLE_DATA));
    for (const problem of dataset.problems) console.log(describeProblem(problem));
    if (!dataset.ok) throw new PackInputError(`The dataset in ${dataset.folder} has errors (listed above); no snapshot was taken.`);
    const chosen = resolveSelection(dataset, { service: options.service, period: options.period, locale: options.locale });
    if (options.build && !options.pbiviz) {
        const step = ensurePackage(line => console.log(line));
        if (step.outcome === "failed") throw new Error(step.message);
    }
    const packagePath = options.pbiviz ? resolve(options.pbiviz) : findPackage(DIST);
    if (!packagePath) throw new Error("No dist/*.pbiviz: run `npm run package`.");
    const visual = await readVisualPackage(packagePath);
    // Without --period every row is kept (as before): each tile's latest period with an actual.
    const selected = dataset.rows.filter(r => chosen.services.includes(r.group ?? "")
        && (options.period === undefined || r.periodIndex <= chosen.period.index));
    const inView = tilesInView(tilesOf(selected, visual.capabilities, localiserFor(chosen.locale, visual.stringResources)), view);
    if (inView.length === 0) throw new PackInputError(`No tile is in the view "${view}" for this selection; no snapshot was taken.`);
    const rows = rowsOfTiles(selected, inView);

    const width = options.width ?? 1280;
    const height = options.height ?? 720;
    const preview = await openPreview({ visual, dataset: { ...dataset, rows }, width, height, deviceScaleFactor: format === ".png" ? 2 : 1 });
    try {
        if (chosen.locale !== "en-GB") await setLocale(preview, chosen.locale);
        if (contrast !== "none") await setContrast(preview, contrast);
        // Grow the viewport to the tiles' full height so the image holds every tile.
        const fullHeight = await preview.frame().evaluate(() => {
            const root = document.querySelector(".kpi-tiles-root") as HTMLElement | null;
            return root ? root.scrollHeight : document.body.scrollHeight;
        });
        if (fullHeight > height) {
            await preview.page.setViewportSize({ width: width + 460, height: fullHeight + 140 });
            await preview.page.evaluate(([w, h]) => (window as unknown as { preview: { resize(w: number, h: number): Promise<unknown> } }).preview.resize(w, h), [width, fullHeight] as const);
        }
        mkdirSync(dirname(out), { recursive: true });
        if (format === ".png") {
            await preview.page.locator("#visual-host").screenshot({ path: out });
        } else {
            writeFileSync(out, await svgOf(preview.frame(), width));
        }
        if (preview.errors.length > 0) console.warn(`The visual reported errors:\n${preview.errors.join("\n")}`);
        console.log(`Wrote ${out} (${width} × ${Math.max(height, fullHeight)} px${format === ".png" ? ", 2× density" : ""}, ${inView.length} tile${inView.length === 1 ? "" : "s"}, view ${view})`);
    } finally {
        await preview.close();
    }
}

main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(error instanceof PackInputError ? 2 : 1);
});
