import { select } from "d3-selection";
import { BenchmarkView } from "../model/types";
import { Localiser } from "../i18n/localiser";
import { StringKey } from "../i18n/strings";
import { Theme } from "./theme";

const SVG_NS = "http://www.w3.org/2000/svg";
const WIDTH = 200;
const HEIGHT = 30;
const BAND_Y = 8;
const BAND_H = 10;

/**
 * The benchmark strip: the quartile range as four bands from worst (left) to best (right) for
 * the KPI's polarity (lower is better: high values on the left), a tick for England, region and
 * statistical neighbours, the council's own value, and its band letter beside the strip.
 */
export function drawBenchmarkStrip(container: HTMLElement, view: BenchmarkView,
    theme: Theme, ownColour: string, t: Localiser, label: string): boolean {
    const parent = select<HTMLElement, unknown>(container);
    const values = [...view.markers.map(m => m.value)];
    if (view.quartiles) values.push(view.quartiles.q1, view.quartiles.median, view.quartiles.q3);
    if (view.own !== null) values.push(view.own);
    if (values.length < 2 && !view.quartiles) return false;
    let lo = Math.min(...values);
    let hi = Math.max(...values);
    const spread = view.quartiles ? Math.max(view.quartiles.q3 - view.quartiles.q1, (hi - lo) * 0.15) : (hi - lo);
    const pad = spread === 0 ? Math.max(Math.abs(hi) * 0.1, 1) : spread * 0.35;
    lo -= pad; hi += pad;
    // Linear position, left = worst: lower-is-better strips run from high values to low ones.
    const [from, to] = view.reversed ? [hi, lo] : [lo, hi];
    const x = (v: number): number => 4 + ((v - from) / (to - from)) * (WIDTH - 8);

    const svg = parent.append(() => document.createElementNS(SVG_NS, "svg"))
        .attr("class", "kpi-benchmark__strip")
        .attr("viewBox", `0 0 ${WIDTH} ${HEIGHT}`)
        .attr("preserveAspectRatio", "none")
        .attr("role", "img")
        .attr("aria-label", label);
    if (view.quartiles) {
        const { q1, median, q3 } = view.quartiles;
        // Bands from worst to best: D C B A for the polarity; the further right, the better.
        const cuts = [lo, q1, median, q3, hi];
        const letters = view.reversed ? ["A", "B", "C", "D"] : ["D", "C", "B", "A"];
        const shades = theme.highContrast ? [0, 0, 0, 0] : view.reversed ? [0.55, 0.4, 0.25, 0.12] : [0.12, 0.25, 0.4, 0.55];
        for (let i = 0; i < 4; i++) {
            const x0 = x(cuts[i]);
            const x1 = x(cuts[i + 1]);
            svg.append("rect").attr("class", "kpi-benchmark__band").attr("data-band", letters[i])
                .attr("x", Math.min(x0, x1)).attr("y", BAND_Y).attr("width", Math.abs(x1 - x0)).attr("height", BAND_H)
                .attr("fill", theme.highContrast ? theme.background : theme.muted)
                .attr("fill-opacity", theme.highContrast ? 1 : shades[i])
                .attr("stroke", theme.highContrast ? theme.foreground : "none")
                .attr("vector-effect", "non-scaling-stroke");
        }
    } else {
        svg.append("path").attr("class", "kpi-benchmark__axis")
            .attr("d", `M4,${BAND_Y + BAND_H / 2}H${WIDTH - 4}`)
            .attr("stroke", theme.muted).attr("stroke-width", 1).attr("vector-effect", "non-scaling-stroke");
    }
    // All benchmark ticks as one path; one label each.
    const ticks = view.markers.map(m => `M${x(m.value).toFixed(2)},${BAND_Y - 3}V${BAND_Y + BAND_H + 3}`).join("");
    if (ticks !== "") {
        svg.append("path").attr("class", "kpi-benchmark__ticks").attr("d", ticks)
            .attr("stroke", theme.foreground).attr("stroke-width", 1.5).attr("vector-effect", "non-scaling-stroke");
    }
    for (const marker of view.markers) {
        svg.append("text").attr("class", `kpi-benchmark__marker kpi-benchmark__marker--${marker.kind}`)
            .attr("x", x(marker.value).toFixed(2)).attr("y", HEIGHT - 1).attr("text-anchor", "middle")
            .attr("fill", theme.foreground).attr("font-size", 8)
            .text(t.text(`BenchShort_${marker.kind}` as StringKey));
    }
    if (view.own !== null) {
        const ox = x(view.own);
        svg.append("path").attr("class", "kpi-benchmark__own")
            .attr("d", `M${ox},${BAND_Y + BAND_H / 2}l0,0`)
            .attr("stroke", ownColour).attr("stroke-width", 9).attr("stroke-linecap", "round")
            .attr("vector-effect", "non-scaling-stroke");
    }
    return true;
}
