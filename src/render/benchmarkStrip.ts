import { scaleLinear } from "d3-scale";
import { BenchmarkView } from "../model/types";
import { Localiser } from "../i18n/localiser";
import { StringKey } from "../i18n/strings";
import { svg } from "./dom";
import { Theme } from "./theme";

const WIDTH = 200;
const HEIGHT = 30;
const BAND_Y = 8;
const BAND_H = 10;
/** Labels closer than this (viewBox units) are moved above the strip so they do not overlap. */
const LABEL_GAP = 12;

/**
 * The benchmark strip: the quartile range as four bands from worst (left) to best (right) for
 * the KPI's polarity (lower is better: high values on the left), a tick for England, region and
 * statistical neighbours, and the council's own value as a dot in its status colour.
 * Returns false (draws nothing) when there is too little to place on a scale.
 */
export function drawBenchmarkStrip(container: Element, view: BenchmarkView, theme: Theme, ownColour: string, t: Localiser, label: string): boolean {
    const values = view.markers.map(m => m.value);
    if (view.quartiles) values.push(view.quartiles.q1, view.quartiles.median, view.quartiles.q3);
    if (view.own !== null) values.push(view.own);
    if (values.length < 2 && !view.quartiles) return false;
    let lo = Math.min(...values);
    let hi = Math.max(...values);
    const spread = view.quartiles ? Math.max(view.quartiles.q3 - view.quartiles.q1, (hi - lo) * 0.15) : (hi - lo);
    const pad = spread === 0 ? Math.max(Math.abs(hi) * 0.1, 1) : spread * 0.35;
    lo -= pad;
    hi += pad;
    // Linear position, left = worst: lower-is-better strips run from high values to low ones.
    const [from, to] = view.reversed ? [hi, lo] : [lo, hi];
    const x = scaleLinear().domain([from, to]).range([4, WIDTH - 4]);

    const box = svg(container, "svg", {
        "class": "kpi-benchmark__strip", "viewBox": `0 0 ${WIDTH} ${HEIGHT}`, "preserveAspectRatio": "none", "role": "img", "aria-label": label,
    });
    if (view.quartiles) {
        const { q1, median, q3 } = view.quartiles;
        // Bands from worst to best: D C B A for the polarity; the further right, the better.
        const cuts = [lo, q1, median, q3, hi];
        const letters = view.reversed ? ["A", "B", "C", "D"] : ["D", "C", "B", "A"];
        const shades = view.reversed ? [0.55, 0.4, 0.25, 0.12] : [0.12, 0.25, 0.4, 0.55];
        for (let i = 0; i < 4; i++) {
            const x0 = x(cuts[i]);
            const x1 = x(cuts[i + 1]);
            const attributes: Record<string, string | number> = {
                "class": "kpi-benchmark__band", "data-band": letters[i],
                "x": Math.min(x0, x1).toFixed(2), "y": BAND_Y, "width": Math.abs(x1 - x0).toFixed(2), "height": BAND_H,
            };
            if (theme.highContrast) {
                attributes.fill = theme.background;
                attributes.stroke = theme.foreground;
            } else {
                attributes.fill = theme.muted;
                attributes["fill-opacity"] = shades[i];
            }
            svg(box, "rect", attributes);
        }
    } else {
        svg(box, "path", { "class": "kpi-benchmark__axis", "d": `M4,${BAND_Y + BAND_H / 2}H${WIDTH - 4}`, "stroke": theme.muted });
    }
    const ticks = view.markers.map(m => `M${x(m.value).toFixed(2)},${BAND_Y - 3}V${BAND_Y + BAND_H + 3}`).join("");
    if (ticks !== "") svg(box, "path", { "class": "kpi-benchmark__ticks", "d": ticks, "stroke": theme.foreground });
    const placed = view.markers.map(m => ({ marker: m, at: x(m.value) })).sort((a, b) => a.at - b.at);
    let lastBelow = Number.NEGATIVE_INFINITY;
    for (const { marker, at } of placed) {
        const below = at - lastBelow >= LABEL_GAP;
        if (below) lastBelow = at;
        const text = svg(box, "text", {
            "class": `kpi-benchmark__marker kpi-benchmark__marker--${marker.kind}`,
            "x": at.toFixed(2), "y": below ? HEIGHT - 1 : BAND_Y - 4, "fill": theme.foreground,
        });
        text.textContent = t.text(`BenchShort_${marker.kind}` as StringKey);
    }
    if (view.own !== null) {
        svg(box, "path", { "class": "kpi-benchmark__own", "d": `M${x(view.own).toFixed(2)},${BAND_Y + BAND_H / 2}l0,0`, "stroke": ownColour });
    }
    return true;
}
