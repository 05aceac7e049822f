/**
 * The quarterly pack as a PowerPoint file (pptxgenjs): four pages per service area, as the
 * district council's Corporate Performance Report lays them out (seed 000): a one-page summary
 * (counts by status and the tiles), what's good (Green and Blue), areas for development (Red
 * and Amber with the Director's commentary and the path to green) and the improvement plan (a
 * table of actions). Titles, counts, tables and commentary are native, editable PowerPoint text;
 * the tiles are pictures drawn by the packaged visual.
 */
import PptxGenJS from "pptxgenjs";
import { DEFAULT_STATUS_COLOURS, Status } from "../../src/rules";
import type { KpiTile } from "../../src/model";
import type { PackReport, ServiceReport } from "./report";
import { packStrings, PackStrings } from "./strings";

/** A tile picture: PNG bytes and the CSS size of the viewport it shows (for its aspect ratio). */
export interface TileImage {
    readonly png: Buffer;
    readonly width: number;
    readonly height: number;
}

export type ImageKind = "all" | "good" | "development";

export interface PackImages {
    get(service: string, kind: ImageKind): TileImage | undefined;
}

const SLIDE_W = 13.333;
const MARGIN = 0.45;
const FONT = "Arial";
const INK = "0B0C0C";
const MUTED = "505A5F";
const RULE = "B1B4B6";
const HEADER_FILL = "F3F2F1";

const hex = (colour: string): string => colour.replace(/^#/, "").toUpperCase();
const statusColour = (status: Status): string => hex(DEFAULT_STATUS_COLOURS[status]);

type Slide = PptxGenJS.Slide;
type Cell = PptxGenJS.TableCell;

function header(slide: Slide, title: string, service: string, report: PackReport, s: PackStrings): void {
    slide.addText(`${service}: ${title}`, {
        x: MARGIN, y: 0.3, w: SLIDE_W - 2 * MARGIN, h: 0.6, fontFace: FONT, fontSize: 26, bold: true, color: INK, margin: 0,
    });
    slide.addText(report.period, { x: MARGIN, y: 0.9, w: 6, h: 0.35, fontFace: FONT, fontSize: 14, color: MUTED, margin: 0 });
    slide.addShape("line", { x: MARGIN, y: 1.32, w: SLIDE_W - 2 * MARGIN, h: 0, line: { color: RULE, width: 1 } });
    slide.addText(s.footer(service, report.period), {
        x: MARGIN, y: 7.05, w: SLIDE_W - 2 * MARGIN, h: 0.3, fontFace: FONT, fontSize: 9, color: MUTED, margin: 0,
    });
}

/** A picture fitted into a box, keeping its aspect ratio, centred horizontally and top-aligned. */
function picture(slide: Slide, image: TileImage | undefined, box: { x: number; y: number; w: number; h: number }, alt: string): void {
    if (!image) return;
    const scale = Math.min(box.w / image.width, box.h / image.height);
    const w = image.width * scale;
    const h = image.height * scale;
    slide.addImage({
        data: `data:image/png;base64,${image.png.toString("base64")}`,
        x: box.x + (box.w - w) / 2, y: box.y, w, h, altText: alt,
    });
}

function note(slide: Slide, text: string, x: number, y: number, w: number): void {
    slide.addText(text, { x, y, w, h: 0.5, fontFace: FONT, fontSize: 16, color: MUTED, margin: 0 });
}

function headRow(labels: readonly string[]): Cell[] {
    return labels.map(text => ({ text, options: { bold: true, fill: { color: HEADER_FILL }, color: INK } }));
}

/** WCAG relative luminance of a hex colour. */
function luminance(colour: string): number {
    const channel = (i: number): number => {
        const c = parseInt(colour.slice(i, i + 2), 16) / 255;
        return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    };
    return 0.2126 * channel(0) + 0.7152 * channel(2) + 0.0722 * channel(4);
}

/** White or near-black, whichever contrasts more with the colour behind it. */
function textOn(fill: string): string {
    const l = luminance(fill);
    return (1.05 / (l + 0.05)) >= ((l + 0.05) / (luminance(INK) + 0.05)) ? "FFFFFF" : INK;
}

/** The status on its colour, in white or near-black text, whichever contrasts more. */
function statusCell(tile: KpiTile): Cell {
    const text = textOn(statusColour(tile.status));
    return { text: tile.statusLabel, options: { bold: true, color: text, fill: { color: statusColour(tile.status) } } };
}

function latest(tile: KpiTile): string {
    return [tile.actualText, tile.gapText].filter(Boolean).join("\n");
}

function table(slide: Slide, rows: Cell[][], x: number, w: number, colW: number[]): void {
    const bodyRows = rows.length - 1;
    slide.addTable(rows, {
        x, y: 1.55, w, colW, fontFace: FONT, fontSize: bodyRows > 6 ? 9 : bodyRows > 3 ? 10 : 12, color: INK,
        border: { type: "solid", pt: 0.75, color: RULE }, valign: "top", margin: 0.06, autoPage: false,
    });
}

function summarySlide(slide: Slide, service: ServiceReport, report: PackReport, images: PackImages, s: PackStrings): void {
    header(slide, s.summary, service.service, report, s);
    slide.addText(s.kpiCount(service.tiles.length), { x: MARGIN, y: 1.55, w: 3.4, h: 0.5, fontFace: FONT, fontSize: 22, bold: true, color: INK, margin: 0 });
    slide.addText(s.byStatus, { x: MARGIN, y: 2.05, w: 3.4, h: 0.35, fontFace: FONT, fontSize: 12, color: MUTED, margin: 0 });
    service.counts.forEach((count, i) => {
        const y = 2.5 + i * 0.62;
        slide.addShape("rect", { x: MARGIN, y: y + 0.06, w: 0.38, h: 0.38, fill: { color: statusColour(count.status) }, line: { color: statusColour(count.status) } });
        slide.addText(String(count.count), { x: MARGIN + 0.5, y, w: 0.8, h: 0.5, fontFace: FONT, fontSize: 24, bold: true, color: INK, margin: 0 });
        slide.addText(count.label, { x: MARGIN + 1.3, y, w: 2.3, h: 0.5, fontFace: FONT, fontSize: 16, color: INK, margin: 0 });
    });
    if (service.stale) {
        const y = 2.5 + service.counts.length * 0.62;
        slide.addShape("rect", { x: MARGIN, y: y + 0.06, w: 0.38, h: 0.38, fill: { color: "FFFFFF" }, line: { color: MUTED, width: 1.5, dashType: "dash" } });
        slide.addText(String(service.stale.count), { x: MARGIN + 0.5, y, w: 0.8, h: 0.5, fontFace: FONT, fontSize: 24, bold: true, color: INK, margin: 0 });
        slide.addText(service.stale.label, { x: MARGIN + 1.3, y, w: 2.3, h: 0.5, fontFace: FONT, fontSize: 14, color: INK, margin: 0 });
    }
    picture(slide, images.get(service.service, "all"), { x: 4.2, y: 1.55, w: SLIDE_W - 4.2 - MARGIN, h: 5.35 }, `${service.service}: KPI tiles, ${report.period}`);
}

function goodSlide(slide: Slide, service: ServiceReport, report: PackReport, images: PackImages, s: PackStrings): void {
    header(slide, s.good, service.service, report, s);
    if (service.good.length === 0) { note(slide, s.noGood, MARGIN, 1.6, 8); return; }
    const rows: Cell[][] = [headRow([s.kpi, s.status, s.latest, s.target, s.commentary])];
    for (const tile of service.good) {
        rows.push([{ text: tile.name, options: { bold: true } }, statusCell(tile), { text: latest(tile) },
            { text: tile.targetText ?? "" }, { text: tile.commentary ?? "" }]);
    }
    table(slide, rows, MARGIN, 7.7, [2.0, 0.9, 1.4, 1.0, 2.4]);
    picture(slide, images.get(service.service, "good"), { x: 8.4, y: 1.55, w: SLIDE_W - 8.4 - MARGIN, h: 5.35 }, `${service.service}: Green and Blue tiles`);
}

/** "Overdue" first when it is, then "Back within tolerance by March 2026 - action at risk" and the owner. */
function pathCell(tile: KpiTile, s: PackStrings): Cell {
    const path = tile.pathToGreen;
    if (!path) return { text: s.notRecorded, options: { color: MUTED } };
    const lines = [path.summary, path.owner].filter((x): x is string => !!x);
    if (!path.overdue) return { text: lines.join("\n") };
    return { text: [
        { text: s.overdue, options: { bold: true, breakLine: lines.length > 0 } },
        ...lines.map((text, i) => ({ text, options: { breakLine: i < lines.length - 1 } })),
    ] as unknown as string };
}

function developmentSlide(slide: Slide, service: ServiceReport, report: PackReport, images: PackImages, s: PackStrings): void {
    header(slide, s.development, service.service, report, s);
    if (service.development.length === 0) { note(slide, s.noDevelopment, MARGIN, 1.6, 8); return; }
    const rows: Cell[][] = [headRow([s.kpi, s.status, s.latest, s.commentary, s.pathToGreen])];
    for (const tile of service.development) {
        rows.push([{ text: tile.name, options: { bold: true } }, statusCell(tile), { text: latest(tile) }, { text: tile.commentary ?? "" }, pathCell(tile, s)]);
    }
    table(slide, rows, MARGIN, 8.6, [1.5, 0.75, 1.15, 3.5, 1.7]);
    picture(slide, images.get(service.service, "development"), { x: 9.3, y: 1.55, w: SLIDE_W - 9.3 - MARGIN, h: 5.35 }, `${service.service}: Red and Amber tiles`);
}

function planSlide(slide: Slide, service: ServiceReport, report: PackReport, s: PackStrings): void {
    header(slide, s.plan, service.service, report, s);
    if (service.development.length === 0) { note(slide, s.noPlan, MARGIN, 1.6, 10); return; }
    const rows: Cell[][] = [headRow([s.kpi, s.status, s.action, s.owner, s.due, s.actionStatus, s.updated])];
    for (const tile of service.development) {
        const path = tile.pathToGreen;
        const missing = { text: s.notRecorded, options: { color: MUTED } };
        const due: Cell = !path?.dueText ? missing
            : path.overdue ? { text: `${path.dueText}\n${s.overdue}`, options: { bold: true } } : { text: path.dueText };
        rows.push([
            { text: tile.name, options: { bold: true } }, statusCell(tile),
            path?.action ? { text: path.action } : missing,
            { text: path?.owner ?? tile.owner ?? s.notRecorded },
            due,
            path?.status ? { text: s.actionStatuses[path.status] } : missing,
            path?.updatedText ? { text: path.updatedText } : missing,
        ]);
    }
    table(slide, rows, MARGIN, SLIDE_W - 2 * MARGIN, [2.3, 0.85, 4.0, 1.9, 1.4, 1.0, 0.98]);
}

/** The pack as .pptx bytes. */
export async function writePptx(report: PackReport, images: PackImages, source: string): Promise<Buffer> {
    const s = packStrings(report.locale);
    const pptx = new PptxGenJS();
    pptx.layout = "LAYOUT_WIDE";
    pptx.title = `Corporate Performance Report ${report.period}`;
    pptx.subject = `KPI tiles, ${report.period}, from ${source}`;
    pptx.author = "RAG KPI Tiles quarterly pack";
    pptx.company = "";
    pptx.theme = { headFontFace: FONT, bodyFontFace: FONT };
    for (const service of report.services) {
        summarySlide(pptx.addSlide(), service, report, images, s);
        goodSlide(pptx.addSlide(), service, report, images, s);
        developmentSlide(pptx.addSlide(), service, report, images, s);
        planSlide(pptx.addSlide(), service, report, s);
    }
    const data = await pptx.write({ outputType: "nodebuffer" });
    return Buffer.from(data as Uint8Array);
}
