import { svgFrom } from "./dom";
import { PeriodPoint } from "../model/types";
import { extent, halfSpanOf, linearScale, paddedDomain } from "./scale";

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

/** Path data through points given as [x, y] pairs: "M x,y L x,y ...", rounded to 0.01. */
function pathOf(points: readonly (readonly [number, number])[]): string {
    let d = "";
    for (let k = 0; k < points.length; k++) d += `${k === 0 ? "M" : "L"}${points[k][0].toFixed(2)},${points[k][1].toFixed(2)}`;
    return d;
}

/** The drawing of a series, in viewBox units: solid runs, dashed bridges over gaps, marks where a value is missing. */
export interface SparkGeometry {
    /** Path data of the solid line (runs of consecutive values, or a regular lower-frequency series). */
    readonly line: string;
    /** Path data of the dashed segments bridging missing periods. */
    readonly bridges: string;
    /** Positions of missing periods between the first and last value (on the bridge). */
    readonly missing: readonly { readonly x: number; readonly y: number }[];
    /** True when the values come at a regular step (an annual KPI in a quarterly period table): no gaps to show. */
    readonly regular: boolean;
}

/**
 * Geometry of a value series: each present value a point; consecutive points joined by the
 * solid line; a missing period between two values bridged by a dashed segment and marked. When
 * every value is the same number of periods from the next (say every 4th quarter, an annual
 * KPI), the series is a lower-frequency one and drawn as one solid line without marks.
 * Every coordinate is finite (scale.ts).
 */
export function sparkGeometry(values: readonly (number | null)[], x: (i: number) => number, y: (v: number) => number): SparkGeometry {
    const points = thinSeries(values);
    const present = points.filter((p): p is { i: number; v: number } => p.v !== null);
    if (present.length === 0) return { line: "", bridges: "", missing: [], regular: false };
    const steps = present.slice(1).map((p, k) => p.i - present[k].i);
    const thinned = points.length !== values.length;
    const regular = !thinned && steps.length > 0 && steps[0] > 1 && steps.every(s => s === steps[0]);
    const at = (p: { i: number; v: number }): [number, number] => [x(p.i), y(p.v)];
    if (regular) return { line: pathOf(present.map(at)), bridges: "", missing: [], regular: true };
    let line = "";
    let bridges = "";
    const missing: { x: number; y: number }[] = [];
    let run: [number, number][] = [at(present[0])];
    for (let k = 1; k < present.length; k++) {
        const prev = present[k - 1];
        const next = present[k];
        // A step over a thinned bucket is not a gap; a step over missing periods is.
        const gap = thinned ? points.some(p => p.i > prev.i && p.i < next.i && p.v === null) : next.i - prev.i > 1;
        if (!gap) {
            run.push(at(next));
            continue;
        }
        if (run.length > 1) line += pathOf(run);
        const [x0, y0] = at(prev);
        const [x1, y1] = at(next);
        bridges += pathOf([[x0, y0], [x1, y1]]);
        for (const p of points) {
            if (p.v !== null || p.i <= prev.i || p.i >= next.i) continue;
            const xi = x(p.i);
            const share = x1 === x0 ? 0.5 : (xi - x0) / (x1 - x0);
            missing.push({ x: xi, y: y0 + (y1 - y0) * share });
        }
        run = [at(next)];
    }
    if (run.length > 1) line += pathOf(run);
    return { line, bridges, missing, regular: false };
}

/**
 * The period series as one path (dashed over missing periods, which are marked), the target
 * as a second, and the current point in its status colour. Returns false (draws nothing) with
 * fewer than 2 values.
 */
export function drawSparkline(container: Element, series: readonly PeriodPoint[],
    currentLabel: string | null, lineColour: string, targetColour: string, pointColour: string, label: string): boolean {
    const actuals = series.map(p => finite(p.actual));
    if (actuals.filter(v => v !== null).length < 2) return false;
    const targets = series.map(p => finite(p.target));
    const range = extent([...actuals, ...targets]);
    if (!range) return false;
    const [lo, hi] = halfSpanOf(range.lo, range.hi) === 0 ? paddedDomain(range.lo, range.hi, Math.max(Math.abs(range.hi) * 0.1, 1)) : [range.lo, range.hi];
    const n = series.length;
    const xScale = linearScale(0, Math.max(n - 1, 1), PAD, WIDTH - PAD);
    const yScale = linearScale(lo, hi, HEIGHT - PAD, PAD);
    const x = (i: number): number => (n === 1 ? WIDTH / 2 : xScale(i) ?? WIDTH / 2);
    const y = (v: number): number => yScale(v) ?? HEIGHT / 2;

    const box = svgFrom(container, "svg", "sparkline", {
        "class": "kpi-sparkline", "viewBox": `0 0 ${WIDTH} ${HEIGHT}`, "preserveAspectRatio": "none", "role": "img", "aria-label": label,
    }, ["aria-label"]);
    if (targets.some(v => v !== null)) {
        const target = sparkGeometry(targets, x, y);
        // The target is drawn where it is set; it is not bridged over periods without one.
        svgFrom(box, "path", `sparkline-target\u0001${targetColour}`, { "class": "kpi-sparkline__target", "d": target.line || target.bridges, "stroke": targetColour }, ["d"]);
    }
    const geometry = sparkGeometry(actuals, x, y);
    if (geometry.line !== "") {
        svgFrom(box, "path", `sparkline-line\u0001${lineColour}`, { "class": "kpi-sparkline__line", "d": geometry.line, "stroke": lineColour }, ["d"]);
    }
    if (geometry.bridges !== "") {
        svgFrom(box, "path", `sparkline-gap\u0001${lineColour}`, { "class": "kpi-sparkline__gap", "d": geometry.bridges, "stroke": lineColour }, ["d"]);
    }
    if (geometry.missing.length > 0) {
        const marks = geometry.missing.map(m => `M${m.x.toFixed(2)},${Math.max(0, m.y - 4).toFixed(2)}V${Math.min(HEIGHT, m.y + 4).toFixed(2)}`).join("");
        svgFrom(box, "path", `sparkline-missing\u0001${targetColour}`, { "class": "kpi-sparkline__missing", "d": marks, "stroke": targetColour, "data-missing": geometry.missing.length }, ["d", "data-missing"]);
    }
    let current = -1;
    for (let i = n - 1; i >= 0; i--) if (actuals[i] !== null && (currentLabel === null || series[i].label === currentLabel)) { current = i; break; }
    if (current >= 0) {
        // A zero-length segment with a round cap and a non-scaling stroke stays a circle when the svg stretches.
        svgFrom(box, "path", `sparkline-point\u0001${pointColour}`,
            { "class": "kpi-sparkline__point", "d": `M${x(current).toFixed(2)},${y(actuals[current] as number).toFixed(2)}l0,0`, "stroke": pointColour }, ["d"]);
    }
    return true;
}

function finite(value: number | null): number | null {
    return typeof value === "number" && Number.isFinite(value) ? value : null;
}
