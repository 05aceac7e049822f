import { BenchmarkKind, BenchmarkView } from "../model/types";
import { Localiser } from "../i18n/localiser";
import { StringKey } from "../i18n/strings";
import { html, svgFrom } from "./dom";
import { extent, halfSpanOf, linearScale, paddedDomain } from "./scale";
import { Theme } from "./theme";

/**
 * The benchmark strip. Values run from low on the left to high on the right for every KPI (the
 * same rule as the sparkline, whose values rise upwards): a lower-is-better strip is not turned
 * round, its better end is marked instead ("◂ Better" on the left). The quartile range is four
 * bands with a divider at each quartile (told apart by the dividers and their letters' order,
 * not by colour alone), a tick per England / region / statistical neighbours with a label under
 * the bar, and the council's own value as a dot in its status colour.
 *
 * Positions are fractions of the strip's width, drawn as SVG percentages in an svg without a
 * viewBox: the bars stretch with the tile, text keeps its size (no `preserveAspectRatio="none"`).
 * The geometry is worked out at the narrowest width the strip can have (`minWidth`); wider
 * strips only move labels further apart, so no label is clipped or overlaps at any width.
 */

/** Smallest label size, px (the issue's minimum; WCAG has none, councillors read these on a wall screen). */
export const MIN_LABEL_PX = 10;
const BAR_H = 8;
const TICK_OVER = 2;
/** Space kept between two labels, and between a label and the edge, px. */
const LABEL_GAP = 3;
/** Width of a character of the strip's labels, as a share of the font size (generous for bold capitals). */
const CHAR_EM = 0.72;

export interface StripMarkerInput {
    readonly kind: BenchmarkKind;
    readonly value: number;
    /** The short label drawn under the tick ("E"). */
    readonly label: string;
}

export interface StripInput {
    readonly quartiles: { readonly q1: number; readonly median: number; readonly q3: number } | null;
    readonly markers: readonly StripMarkerInput[];
    readonly own: number | null;
    /** Which end is better, or null (range or no polarity). */
    readonly better: "high" | "low" | null;
    /** "Better", with its arrow added here. */
    readonly betterLabel: string;
}

/** A label: centre (or start/end) as a fraction of the width, and its box at the minimum width, px. */
export interface StripLabel {
    readonly text: string;
    /** Markers the label names (more than one where their ticks coincide). */
    readonly kinds: readonly BenchmarkKind[];
    readonly at: number;
    readonly anchor: "start" | "middle" | "end";
    /** Baseline, px from the top. */
    readonly y: number;
    /** Box at the minimum width, px. */
    readonly box: { readonly x0: number; readonly x1: number; readonly y0: number; readonly y1: number };
}

export interface StripGeometry {
    readonly width: number;
    readonly height: number;
    readonly fontPx: number;
    readonly barY: number;
    readonly barH: number;
    /** Bands from the left (low values) to the right, with their letters, as fractions. */
    readonly bands: readonly { readonly letter: "A" | "B" | "C" | "D"; readonly x0: number; readonly x1: number }[];
    /** Dividers at q1, median and q3, as fractions. */
    readonly dividers: readonly number[];
    readonly ticks: readonly { readonly kind: BenchmarkKind; readonly at: number }[];
    readonly own: number | null;
    readonly labels: readonly StripLabel[];
}

/** Height of a row of labels and the baseline in it, px. */
function rowMetrics(fontPx: number): { rowH: number; ascent: number } {
    return { rowH: Math.ceil(fontPx * 1.1), ascent: Math.ceil(fontPx * 0.8) };
}

/** Height of the strip, px, with labels of `fontPx` px (and the better-end row when there is one). */
export function stripHeight(fontPx: number, betterRow: boolean): number {
    const { rowH } = rowMetrics(Math.max(MIN_LABEL_PX, fontPx));
    return (betterRow ? rowH : 0) + TICK_OVER + 1 + BAR_H + TICK_OVER + 1 + rowH;
}

/** Estimated width of a label in px. */
export function labelWidth(text: string, fontPx: number): number {
    return Array.from(text).length * CHAR_EM * fontPx + 2;
}

/**
 * Where everything goes, for a strip at least `minWidth` px wide with labels of `fontPx` px.
 * Null when there is too little to place on a scale, or when the labels cannot fit (then the
 * tile says the comparison in words).
 */
export function stripGeometry(input: StripInput, minWidth: number, fontPx: number): StripGeometry | null {
    const width = Number.isFinite(minWidth) ? Math.max(0, minWidth) : 0;
    const font = Math.max(MIN_LABEL_PX, Number.isFinite(fontPx) ? fontPx : MIN_LABEL_PX);
    const values: number[] = input.markers.map(m => m.value);
    if (input.quartiles) values.push(input.quartiles.q1, input.quartiles.median, input.quartiles.q3);
    if (input.own !== null) values.push(input.own);
    const range = extent(values);
    if (!range || (values.length < 2 && !input.quartiles)) return null;
    // Padding of 35% of the spread (the quartile range, or the values' range) on each side,
    // worked out in halves so values near the largest doubles cannot overflow.
    const halfRange = halfSpanOf(range.lo, range.hi);
    const halfSpread = input.quartiles ? Math.max(halfSpanOf(input.quartiles.q1, input.quartiles.q3), halfRange * 0.15) : halfRange;
    const pad = halfSpread === 0 ? Math.max(Math.abs(range.hi) * 0.1, 1) : halfSpread * 0.7;
    const [lo, hi] = paddedDomain(range.lo, range.hi, pad);
    // Bars keep 4 px from each edge so a tick or the own dot at the end is drawn whole.
    const inset = width > 0 ? 6 / width : 0;
    const scale = linearScale(lo, hi, inset, 1 - inset);
    const frac = (v: number): number => scale(v) ?? 0.5;

    const { rowH, ascent } = rowMetrics(font);
    const betterRow = input.better !== null;
    const barY = (betterRow ? rowH : 0) + TICK_OVER + 1;
    const labelTop = barY + BAR_H + TICK_OVER + 1;
    const labelBaseline = labelTop + ascent;
    const height = stripHeight(font, betterRow);

    const bands: { letter: "A" | "B" | "C" | "D"; x0: number; x1: number }[] = [];
    const dividers: number[] = [];
    if (input.quartiles) {
        const { q1, median, q3 } = input.quartiles;
        const cuts = [inset, frac(q1), frac(median), frac(q3), 1 - inset];
        const letters = input.better === "low" ? (["A", "B", "C", "D"] as const) : (["D", "C", "B", "A"] as const);
        for (let i = 0; i < 4; i++) bands.push({ letter: letters[i], x0: cuts[i], x1: Math.max(cuts[i], cuts[i + 1]) });
        dividers.push(cuts[1], cuts[2], cuts[3]);
    }
    const ticks = input.markers.map(m => ({ kind: m.kind, at: frac(m.value) }));

    const labels: StripLabel[] = [];
    if (input.better !== null) {
        const text = input.better === "high" ? `${input.betterLabel} \u25b8` : `\u25c2 ${input.betterLabel}`;
        const w = labelWidth(text, font);
        if (w > width) return null;
        const start = input.better === "low";
        labels.push({
            text, kinds: [], at: start ? 0 : 1, anchor: start ? "start" : "end", y: ascent,
            box: { x0: start ? 0 : width - w, x1: start ? w : width, y0: 0, y1: rowH },
        });
    }
    // Marker labels on one row under the bar: neighbours whose labels would touch merge into one
    // label ("E/R") at their middle, so they never overlap; each is kept inside the strip.
    type Cluster = { kinds: BenchmarkKind[]; texts: string[]; sum: number };
    let clusters: Cluster[] = ticks
        .map((tick, i) => ({ kinds: [tick.kind], texts: [input.markers[i].label], sum: tick.at }))
        .sort((a, b) => a.sum - b.sum);
    const place = (c: Cluster): { x0: number; x1: number; centre: number } => {
        const w = labelWidth(c.texts.join("/"), font);
        const wanted = (c.sum / c.kinds.length) * width;
        const centre = Math.min(Math.max(wanted, w / 2), width - w / 2);
        return { x0: centre - w / 2, x1: centre + w / 2, centre };
    };
    for (let merged = true; merged && clusters.length > 1;) {
        merged = false;
        for (let i = 0; i + 1 < clusters.length; i++) {
            if (place(clusters[i]).x1 + LABEL_GAP > place(clusters[i + 1]).x0) {
                const [a, b] = [clusters[i], clusters[i + 1]];
                clusters = [...clusters.slice(0, i), { kinds: [...a.kinds, ...b.kinds], texts: [...a.texts, ...b.texts], sum: a.sum + b.sum }, ...clusters.slice(i + 2)];
                merged = true;
                break;
            }
        }
    }
    for (const c of clusters) {
        const text = c.texts.join("/");
        const box = place(c);
        if (box.x1 - box.x0 > width) return null;
        labels.push({
            text, kinds: c.kinds, at: width > 0 ? box.centre / width : 0.5, anchor: "middle", y: labelBaseline,
            box: { x0: box.x0, x1: box.x1, y0: labelTop, y1: labelTop + rowH },
        });
    }
    return { width, height, fontPx: font, barY, barH: BAR_H, bands, dividers, ticks, own: input.own === null ? null : frac(input.own), labels };
}

const pct = (fraction: number): string => `${(Math.round(fraction * 10000) / 100).toFixed(2)}%`;

/** Band fill opacity by letter: the better the band, the darker (with dividers and letters' order, not the only cue). */
const SHADE: Readonly<Record<"A" | "B" | "C" | "D", number>> = { A: 0.5, B: 0.34, C: 0.2, D: 0.08 };

export interface StripOptions {
    /** The narrowest the strip can be drawn, px. */
    readonly minWidth: number;
    /** Label size, px (at least MIN_LABEL_PX). */
    readonly fontPx: number;
    readonly better: "high" | "low" | null;
}

/** Tile padding (0.7em each side, style/visual.less) and borders, with 2 px to spare: the strip is this much narrower than its tile. */
function tileInset(fontPx: number): number {
    return Math.ceil(1.4 * fontPx) + 4;
}

/**
 * The strip's options for a tile at least `tileWidth` px wide (the format pane's minimum tile
 * width: the grid never makes a tile narrower unless the whole visual is), text of `fontPx` px
 * and the KPI's polarity.
 */
export function stripOptions(tileWidth: number, fontPx: number, polarity: string | null): StripOptions {
    return {
        minWidth: Math.max(0, tileWidth - tileInset(fontPx)),
        fontPx: Math.max(MIN_LABEL_PX, Math.round(fontPx * 0.85)),
        better: polarity === "High" ? "high" : polarity === "Low" ? "low" : null,
    };
}

/**
 * Draw the strip into `container`; when its labels cannot fit, the comparison in words
 * instead. Returns what was drawn ("strip", "words") or null when there is nothing to compare.
 */
export function drawBenchmarkStrip(container: Element, view: BenchmarkView, theme: Theme, ownColour: string, t: Localiser,
    label: string, options: StripOptions = stripOptions(220, 12, view.reversed ? "Low" : null)): "strip" | "words" | null {
    const input: StripInput = {
        quartiles: view.quartiles,
        markers: view.markers.map(m => ({ kind: m.kind, value: m.value, label: t.text(`BenchShort_${m.kind}` as StringKey) })),
        own: view.own,
        better: options.better,
        betterLabel: t.text("Bench_Better"),
    };
    const g = stripGeometry(input, options.minWidth, options.fontPx);
    if (!g) {
        if (view.markers.length === 0) return null;
        // Too narrow for the strip: the same comparison in words.
        const words = view.markers.map(m => {
            const comparison = m.comparison ? t.text(`Compare_${m.comparison}` as StringKey) : null;
            return `${t.text(`Bench_${m.kind}` as StringKey)} ${comparison ? t.format("Bench_Value", m.text, comparison) : m.text}`;
        });
        html(container, "div", "kpi-benchmark__words", words.join(t.text("List_Separator")));
        return "words";
    }
    const box = svgFrom(container, "svg", `benchmark\u0001${g.height}`, {
        "class": "kpi-benchmark__strip", "width": "100%", "height": g.height, "role": "img", "aria-label": label,
        "style": `min-width:${Math.floor(g.width)}px;font-size:${g.fontPx}px`,
    }, ["aria-label", "style"]);
    const hc = theme.highContrast;
    for (const band of g.bands) {
        svgFrom(box, "rect", `band\u0001${band.letter}\u0001${g.barY}\u0001${hc}\u0001${theme.background}\u0001${theme.muted}\u0001${theme.foreground}`, {
            "class": "kpi-benchmark__band", "data-band": band.letter, "x": pct(band.x0), "y": g.barY, "width": pct(band.x1 - band.x0), "height": g.barH,
            "fill": hc ? theme.background : theme.muted, "fill-opacity": hc ? 1 : SHADE[band.letter], "stroke": hc ? theme.foreground : "none",
        }, ["x", "width"]);
    }
    if (g.bands.length === 0) {
        svgFrom(box, "line", `axis\u0001${g.barY}\u0001${theme.muted}`, {
            "class": "kpi-benchmark__axis", "x1": "4", "x2": "100%", "y1": g.barY + g.barH / 2, "y2": g.barY + g.barH / 2, "stroke": theme.muted,
        }, []);
    }
    if (g.bands.length > 0) {
        // The bar's outline shows where it ends even where a band is pale; gaps in the
        // background colour at each quartile part the bands (a cue besides their shade).
        svgFrom(box, "rect", `bar\u0001${g.barY}\u0001${theme.muted}`, {
            "class": "kpi-benchmark__bar", "x": pct(g.bands[0].x0), "y": g.barY, "width": pct(g.bands[3].x1 - g.bands[0].x0), "height": g.barH,
            "fill": "none", "stroke": hc ? theme.foreground : theme.muted,
        }, ["x", "width"]);
    }
    for (const at of g.dividers) {
        svgFrom(box, "line", `divider\u0001${g.barY}\u0001${theme.background}`, {
            "class": "kpi-benchmark__divider", "x1": pct(at), "x2": pct(at), "y1": g.barY, "y2": g.barY + g.barH, "stroke": theme.background,
        }, ["x1", "x2"]);
    }
    for (const tick of g.ticks) {
        svgFrom(box, "line", `tick\u0001${g.barY}\u0001${theme.foreground}`, {
            "class": `kpi-benchmark__tick kpi-benchmark__tick--${tick.kind}`, "x1": pct(tick.at), "x2": pct(tick.at),
            "y1": g.barY - TICK_OVER, "y2": g.barY + g.barH + TICK_OVER, "stroke": theme.foreground,
        }, ["class", "x1", "x2"]);
    }
    for (const l of g.labels) {
        const text = svgFrom(box, "text", `label\u0001${l.anchor}\u0001${l.y}\u0001${theme.foreground}`, {
            "class": l.kinds.length === 0 ? "kpi-benchmark__better" : "kpi-benchmark__marker", "x": pct(l.at), "y": l.y,
            "text-anchor": l.anchor, "fill": theme.foreground,
        }, ["class", "x"]);
        if (l.kinds.length > 0) text.setAttribute("data-kinds", l.kinds.join(" "));
        text.textContent = l.text;
    }
    if (g.own !== null) {
        svgFrom(box, "circle", `own\u0001${g.barY}\u0001${ownColour}\u0001${theme.foreground}`, {
            "class": "kpi-benchmark__own", "cx": pct(g.own), "cy": g.barY + g.barH / 2, "r": 4.5, "fill": ownColour, "stroke": theme.background,
        }, ["cx"]);
    }
    return "strip";
}
