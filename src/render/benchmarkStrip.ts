import { scaleLinear } from "d3-scale";
import { BenchmarkView } from "../model/types";
import { Localiser } from "../i18n/localiser";
import { StringKey } from "../i18n/strings";
import { svgFrom } from "./dom";
import { Theme } from "./theme";

const WIDTH = 200;
const HEIGHT = 30;
const BAND_Y = 8;
const BAND_H = 10;
/** Labels closer than this (viewBox units) are moved above the strip so they do not overlap. */
const LABEL_GAP = 12;
/** Attributes of a quartile band that change with the data; the rest are fixed per band and theme. */
const BAND_VARYING = ["x", "width"] as const;

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
    let lo = Number.POSITIVE_INFINITY;
    let hi = Number.NEGATIVE_INFINITY;
    for (const v of values) { if (v < lo) lo = v; if (v > hi) hi = v; }
    const spread = view.quartiles ? Math.max(view.quartiles.q3 - view.quartiles.q1, (hi - lo) * 0.15) : (hi - lo);
    const pad = spread === 0 ? Math.max(Math.abs(hi) * 0.1, 1) : spread * 0.35;
    lo -= pad;
    hi += pad;
    // Linear position, left = worst: lower-is-better strips run from high values to low ones.
    const [from, to] = view.reversed ? [hi, lo] : [lo, hi];
    const x = scaleLinear().domain([from, to]).range([4, WIDTH - 4]);

    const box = svgFrom(container, "svg", "benchmark", {
        "class": "kpi-benchmark__strip", "viewBox": `0 0 ${WIDTH} ${HEIGHT}`, "preserveAspectRatio": "none", "role": "img", "aria-label": label,
    }, ["aria-label"]);
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
            svgFrom(box, "rect", `band\u0001${i}\u0001${view.reversed}\u0001${theme.highContrast}\u0001${theme.background}\u0001${theme.foreground}\u0001${theme.muted}`,
                attributes, BAND_VARYING);
        }
    } else {
        svgFrom(box, "path", `axis\u0001${theme.muted}`, { "class": "kpi-benchmark__axis", "d": `M4,${BAND_Y + BAND_H / 2}H${WIDTH - 4}`, "stroke": theme.muted }, []);
    }
    const ticks = view.markers.map(m => `M${x(m.value).toFixed(2)},${BAND_Y - 3}V${BAND_Y + BAND_H + 3}`).join("");
    if (ticks !== "") svgFrom(box, "path", `ticks\u0001${theme.foreground}`, { "class": "kpi-benchmark__ticks", "d": ticks, "stroke": theme.foreground }, ["d"]);
    const placed = view.markers.map(m => ({ marker: m, at: x(m.value) })).sort((a, b) => a.at - b.at);
    let lastBelow = Number.NEGATIVE_INFINITY;
    for (const { marker, at } of placed) {
        const below = at - lastBelow >= LABEL_GAP;
        if (below) lastBelow = at;
        const text = svgFrom(box, "text", `marker\u0001${marker.kind}\u0001${below}\u0001${theme.foreground}`, {
            "class": `kpi-benchmark__marker kpi-benchmark__marker--${marker.kind}`,
            "x": at.toFixed(2), "y": below ? HEIGHT - 1 : BAND_Y - 4, "fill": theme.foreground,
        }, ["x"]);
        text.textContent = t.text(`BenchShort_${marker.kind}` as StringKey);
    }
    if (view.own !== null) {
        svgFrom(box, "path", `own\u0001${ownColour}`, { "class": "kpi-benchmark__own", "d": `M${x(view.own).toFixed(2)},${BAND_Y + BAND_H / 2}l0,0`, "stroke": ownColour }, ["d"]);
    }
    return true;
}
