import { line } from "d3-shape";
import { scaleLinear } from "d3-scale";
import { svgFrom } from "./dom";
import { PeriodPoint } from "../model/types";

const WIDTH = 200;
const HEIGHT = 40;
const PAD = 4;
/** Above this many periods the line is thinned to the first, last, lowest and highest value per bucket. */
const MAX_POINTS = 400;

interface XY { readonly i: number; readonly v: number | null }

/** Keep the shape of a long series in at most ~MAX_POINTS points (min and max of each bucket). */
export function thinSeries(values: readonly (number | null)[]): XY[] {
    const all = values.map((v, i) => ({ i, v }));
    if (all.length <= MAX_POINTS) return all;
    const bucket = Math.ceil(all.length / (MAX_POINTS / 2));
    const out: XY[] = [];
    for (let start = 0; start < all.length; start += bucket) {
        const slice = all.slice(start, start + bucket);
        const present = slice.filter(p => p.v !== null);
        if (present.length === 0) { out.push({ i: slice[0].i, v: null }); continue; }
        let lo = present[0], hi = present[0];
        for (const p of present) { if ((p.v as number) < (lo.v as number)) lo = p; if ((p.v as number) > (hi.v as number)) hi = p; }
        if (lo.i <= hi.i) out.push(lo, ...(hi === lo ? [] : [hi])); else out.push(hi, lo);
    }
    const last = all[all.length - 1];
    if (out[out.length - 1].i !== last.i) out.push(last);
    return out;
}

/**
 * SVG path data through the points, broken where a value is missing (d3-shape's line with
 * `defined`), coordinates rounded to 0.01 to keep the DOM small.
 */
export function linePath(points: readonly XY[], x: (i: number) => number, y: (v: number) => number): string {
    const generator = line<XY>()
        .defined(p => p.v !== null)
        .x(p => Math.round(x(p.i) * 100) / 100)
        .y(p => Math.round(y(p.v as number) * 100) / 100);
    return generator(points as XY[]) ?? "";
}

/**
 * The period series as one path, the target as a second (stepped where it changes), and the
 * current point in its status colour. Returns false (draws nothing) with fewer than 2 values.
 */
export function drawSparkline(container: Element, series: readonly PeriodPoint[],
    currentLabel: string | null, lineColour: string, targetColour: string, pointColour: string, label: string): boolean {
    const actuals = series.map(p => p.actual);
    if (actuals.filter(v => v !== null).length < 2) return false;
    const targets = series.map(p => p.target);
    const present = [...actuals, ...targets].filter((v): v is number => v !== null);
    let lo = Number.POSITIVE_INFINITY;
    let hi = Number.NEGATIVE_INFINITY;
    for (const v of present) { if (v < lo) lo = v; if (v > hi) hi = v; }
    if (hi === lo) { hi += 1; lo -= 1; }
    const n = series.length;
    const xScale = scaleLinear().domain([0, Math.max(n - 1, 1)]).range([PAD, WIDTH - PAD]);
    const yScale = scaleLinear().domain([lo, hi]).range([HEIGHT - PAD, PAD]);
    const x = (i: number): number => (n === 1 ? WIDTH / 2 : xScale(i));
    const y = (v: number): number => yScale(v);
    const path = (points: readonly XY[]): string => linePath(points, x, y);

    const box = svgFrom(container, "svg", "sparkline", {
        "class": "kpi-sparkline", "viewBox": `0 0 ${WIDTH} ${HEIGHT}`, "preserveAspectRatio": "none", "role": "img", "aria-label": label,
    }, ["aria-label"]);
    if (targets.some(v => v !== null)) {
        svgFrom(box, "path", `sparkline-target\u0001${targetColour}`, { "class": "kpi-sparkline__target", "d": path(thinSeries(targets)), "stroke": targetColour }, ["d"]);
    }
    svgFrom(box, "path", `sparkline-line\u0001${lineColour}`, { "class": "kpi-sparkline__line", "d": path(thinSeries(actuals)), "stroke": lineColour }, ["d"]);
    let current = -1;
    for (let i = n - 1; i >= 0; i--) if (actuals[i] !== null && (currentLabel === null || series[i].label === currentLabel)) { current = i; break; }
    if (current >= 0) {
        // A zero-length segment with a round cap and a non-scaling stroke stays a circle when the svg stretches.
        svgFrom(box, "path", `sparkline-point\u0001${pointColour}`,
            { "class": "kpi-sparkline__point", "d": `M${x(current).toFixed(2)},${y(actuals[current] as number).toFixed(2)}l0,0`, "stroke": pointColour }, ["d"]);
    }
    return true;
}
