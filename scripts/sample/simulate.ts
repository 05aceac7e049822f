/**
 * The fictional council's quarterly figures: each KPI follows its story (catalogue.ts) with
 * seasonality and seeded noise, is turned into whole-number numerators over plausible
 * denominators, and is rated with src/rules so the commentary matches the status a reader sees.
 */
import { parsePolarity, precisionFromFormat, rateStatus, roundHalfAwayFromZero, Status } from "../../src/rules";
import { KpiSpec } from "./catalogue";
import { COUNCIL } from "./council";
import { Period } from "./periods";
import { mulberry32, Random, seedFromText } from "./prng";

export interface SimulatedValue {
    readonly kpiId: string;
    readonly period: Period;
    readonly actual: number | null;
    readonly numerator: number | null;
    readonly denominator: number | null;
    readonly periodTarget: number | null;
    readonly dataQuality: "" | "Provisional" | "Suppressed";
    /** Status by src/rules (null when suppressed). */
    readonly status: Status | null;
}

/** Stored-value decimals of a KPI (the format's precision). */
export function kpiDecimals(spec: KpiSpec): number {
    return precisionFromFormat(spec.format)?.storedDecimals ?? 2;
}

/** Linear interpolation through the story's keyframes. */
function keyframeValue(keyframes: readonly (readonly [number, number])[], index: number): number {
    if (index <= keyframes[0][0]) return keyframes[0][1];
    for (let k = 1; k < keyframes.length; k++) {
        const [i1, v1] = keyframes[k];
        const [i0, v0] = keyframes[k - 1];
        if (index <= i1) return v0 + ((v1 - v0) * (index - i0)) / (i1 - i0);
    }
    return keyframes[keyframes.length - 1][1];
}

/** The target that applies in a period (trajectory or the KPI's target). */
export function periodTargetOf(spec: KpiSpec, period: Period, periodCount: number): number | null {
    if (spec.periodTargets) {
        const [first, last] = spec.periodTargets;
        const t = periodCount <= 1 ? 1 : (period.index - 1) / (periodCount - 1);
        return roundHalfAwayFromZero(first + (last - first) * t, kpiDecimals(spec));
    }
    return null;
}

/** Width of the amber zone in stored units (tolerance or distance to floor). */
function amberWidth(spec: KpiSpec, target: number): number {
    if (spec.floor !== undefined) return Math.abs(target - spec.floor);
    if (spec.tolerance === undefined) return Math.abs(target) * 0.05;
    return spec.toleranceType === "relative" ? spec.tolerance * Math.abs(target) : spec.tolerance;
}

/** The actual implied by a position against the target. */
function actualFromPosition(spec: KpiSpec, target: number, position: number): number {
    const width = amberWidth(spec, target);
    return spec.polarity === "High" ? target - position * width : target + position * width;
}

function multiplier(spec: KpiSpec): number {
    return spec.kind === "rate10k" ? 10_000 : spec.kind === "rate100k" ? 100_000 : 1;
}

function populationFor(spec: KpiSpec, period: Period): number {
    const startYear = Number(period.financialYear.slice(0, 4));
    const table = spec.kind === "rate100k" ? COUNCIL.youthPopulation : COUNCIL.childPopulation;
    const value = table.get(startYear);
    if (value === undefined) throw new Error(`No population for ${period.financialYear}`);
    return value;
}

/** Turn an intended actual into whole counts over a denominator and the exact actual they give. */
function countsFor(spec: KpiSpec, period: Period, intended: number, random: Random):
    { actual: number; numerator: number; denominator: number } {
    if (spec.kind === "rate10k" || spec.kind === "rate100k") {
        const denominator = populationFor(spec, period);
        const numerator = Math.max(0, Math.round((intended * denominator) / multiplier(spec)));
        return { numerator, denominator, actual: (numerator / denominator) * multiplier(spec) };
    }
    const base = spec.denominator ?? 100;
    if (spec.kind === "ratio") {
        // Staff FTE to one decimal place; cases whole.
        const denominator = roundHalfAwayFromZero(base * (1 + random.normal(0.02)), 1);
        const numerator = Math.max(0, Math.round(intended * denominator));
        return { numerator, denominator, actual: numerator / denominator };
    }
    const denominator = Math.max(1, Math.round(base * (1 + random.normal(0.04))));
    const share = Math.min(1, Math.max(0, intended));
    const numerator = Math.min(denominator, Math.max(0, Math.round(share * denominator)));
    return { numerator, denominator, actual: numerator / denominator };
}

/** Decimals kept for the stored actual (full enough for numerator / denominator to hold). */
export const ACTUAL_DECIMALS = 10;

export function simulateKpi(spec: KpiSpec, periods: readonly Period[], seed: number): SimulatedValue[] {
    const random = mulberry32(seedFromText(spec.id, seed));
    const polarity = parsePolarity(spec.polarity);
    const decimals = kpiDecimals(spec);
    const out: SimulatedValue[] = [];
    for (const period of periods) {
        // Draw every random number whether or not the period is reported, so one KPI's
        // missing periods never shift its other figures.
        const noise = random.normal(spec.story.noise);
        const seasonal = spec.story.seasonal ? spec.story.seasonal[Number(period.quarter.slice(1)) - 1] : 0;
        const position = keyframeValue(spec.story.keyframes, period.index) + seasonal + noise;
        const periodTarget = periodTargetOf(spec, period, periods.length);
        const target = periodTarget ?? spec.target ?? null;
        const intended = spec.polarity === "None" || target === null ? position : actualFromPosition(spec, target, position);
        const counts = countsFor(spec, period, intended, random);

        if (spec.missing?.includes(period.index)) continue;
        if (spec.reportedInQuarter && spec.reportedInQuarter !== period.quarter) continue;
        if (spec.suppressed?.includes(period.index)) {
            out.push({ kpiId: spec.id, period, actual: null, numerator: null, denominator: null, periodTarget, dataQuality: "Suppressed", status: null });
            continue;
        }
        const actual = roundHalfAwayFromZero(counts.actual, ACTUAL_DECIMALS);
        const status = rateStatus({
            actual, target, polarity: polarity.ok ? polarity.polarity : null,
            tolerance: spec.tolerance, toleranceKind: spec.toleranceType, floor: spec.floor, stretch: spec.stretch, decimals,
        }).status;
        out.push({
            kpiId: spec.id, period, actual, numerator: counts.numerator, denominator: counts.denominator, periodTarget,
            dataQuality: spec.provisional?.includes(period.index) ? "Provisional" : "", status,
        });
    }
    return out;
}
