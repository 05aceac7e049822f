/**
 * The data-quality mark and the staleness line of a tile (src/model/quality.ts builds the words).
 * Both are words with a shape beside them, so neither relies on colour: a provisional figure
 * carries a half-filled circle and "Provisional", an estimated one a dotted circle and
 * "Estimated"; a tile showing an earlier figure than the period in view says so under the
 * value with a clock face. The aria-label carries the same words (built in the model).
 */
import { KpiTile } from "../model/types";
import { appendCopy, detachedSvg, html } from "./dom";

/** Path data in a 16 x 16 box, and whether it is filled. */
const MARKS = {
    provisional: [{ d: "M8 2a6 6 0 1 0 0.001 0Z", fill: false }, { d: "M8 2a6 6 0 0 0 0 12Z", fill: true }],
    estimated: [{ d: "M8 2a6 6 0 1 0 0.001 0Z", fill: false, dash: "1.6 1.6" }],
    stale: [{ d: "M8 2a6 6 0 1 0 0.001 0Z", fill: false }, { d: "M8 4.5V8L10.5 9.5", fill: false }],
} as const;

type MarkName = keyof typeof MARKS;

function markOf(tile: KpiTile): MarkName | null {
    if (!tile.qualityText) return null;
    return tile.quality === "Estimated" ? "estimated" : "provisional";
}

/** Everything the note shows, as one string: part of the tile's drawing (a change redraws the tile). */
export function qualityNoteKey(tile: KpiTile): string {
    return `${tile.qualityText ?? ""}\u0001${tile.quality ?? ""}\u0001${tile.stale?.text ?? ""}`;
}

/** The tile's hook attributes: `data-quality` (lower case, hyphenated) when not final, `data-stale` when stale. */
export function qualityAttributes(tile: KpiTile): { readonly quality: string | null; readonly stale: string | null } {
    const quality = tile.quality && tile.quality !== "Final" ? tile.quality.toLowerCase().replace(/ /g, "-") : null;
    return { quality, stale: tile.stale ? tile.stale.inView : null };
}

function appendMark(parent: Element, name: MarkName): void {
    appendCopy(parent, `quality-mark\u0001${name}`, doc => {
        const box = detachedSvg(doc, "svg", {
            "class": `kpi-quality-mark kpi-quality-mark--${name}`, "viewBox": "0 0 16 16", "width": 12, "height": 12,
            "aria-hidden": "true", "focusable": "false", "data-shape": name,
        });
        for (const part of MARKS[name]) {
            const attributes: Record<string, string> = { d: part.d, fill: part.fill ? "currentColor" : "none", stroke: "currentColor", "stroke-width": "1.5" };
            if ("dash" in part) attributes["stroke-dasharray"] = part.dash;
            box.appendChild(detachedSvg(doc, "path", attributes));
        }
        return box;
    });
}

/** Append the mark and the staleness line (nothing when the figure is final and current). */
export function drawQualityNote(parent: Element | DocumentFragment, tile: KpiTile): void {
    const mark = markOf(tile);
    if (mark && tile.qualityText) {
        const note = html(parent, "div", "kpi-tile__quality");
        note.setAttribute("data-quality", mark);
        appendMark(note, mark);
        html(note, "span", "kpi-tile__quality-label", tile.qualityText);
    }
    if (tile.stale) {
        const line = html(parent, "div", "kpi-tile__stale");
        appendMark(line, "stale");
        html(line, "span", "kpi-tile__stale-label", tile.stale.text);
    }
}
