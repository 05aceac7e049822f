/**
 * The data-quality mark and the staleness line of a tile (src/model/quality.ts builds the words).
 * Both are words with a shape beside them, so neither relies on colour: a provisional figure
 * carries a half-filled circle and "Provisional", an estimated one a dotted circle and
 * "Estimated"; a tile showing an earlier figure than the period in view says so beside the value
 * with a clock face, and in its period line. The aria-label carries the same words (built in
 * the model).
 */
import { KpiTile } from "../model/types";
import { Localiser } from "../i18n/localiser";
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

/** Everything the notes show, as one string: part of the tile's drawing structure (a change redraws the tile). */
export function qualityNoteKey(tile: KpiTile): string {
    return `${tile.qualityText ?? ""}\u0001${tile.quality ?? ""}\u0001${tile.stale?.text ?? ""}`;
}

/** The tile's hook attributes: `data-quality` (lower case, hyphenated) when not final, `data-stale` when stale. */
export function qualityAttributes(tile: KpiTile): { readonly quality: string | null; readonly stale: string | null } {
    const quality = tile.quality && tile.quality !== "Final" ? tile.quality.toLowerCase().replace(/ /g, "-") : null;
    return { quality, stale: tile.stale ? tile.stale.inView : null };
}

/** The period line: the staleness sentence in place of the period when the period in view has no figure. */
export function periodLine(tile: KpiTile): string | null {
    return tile.stale?.text ?? tile.period;
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

/**
 * The notes beside the value, on the value's line (so every density shows them without changing
 * the tile's height): the quality mark ("Provisional" with a half-filled circle) and, for a tile
 * whose figure is older than the period in view, a clock with "Latest 2025/26 Q1". Nothing when
 * the figure is final and current. The full staleness sentence is the period line and part of the
 * aria-label.
 */
export function drawQualityNote(main: Element, tile: KpiTile, t: Localiser): void {
    const mark = markOf(tile);
    if (!mark && !tile.stale) return;
    const notes = html(main, "span", "kpi-tile__notes");
    if (mark && tile.qualityText) {
        const note = html(notes, "span", "kpi-tile__quality");
        note.title = tile.qualityText;
        note.setAttribute("data-quality", mark);
        appendMark(note, mark);
        html(note, "span", "kpi-tile__quality-label", tile.qualityText);
    }
    if (tile.stale) {
        const note = html(notes, "span", "kpi-tile__stale");
        // The whole sentence on hover where the tile is too narrow for the short words.
        note.title = tile.stale.text;
        appendMark(note, "stale");
        html(note, "span", "kpi-tile__stale-label", t.format("Stale_Short", tile.stale.latest));
    }
}
