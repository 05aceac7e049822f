/**
 * The sample's structured path to green (KPI Values: Action, Action Owner, Back Within Tolerance
 * By, Action Status, Action Updated): every Red and Amber value carries an action.
 *
 * - Red: the KPI's improvement action, with the date of its improvement plan (redPlans, the same
 *   date the commentary gives). At risk when the plan's date was missed this quarter or the
 *   figure got worse since the last red quarter; otherwise on track.
 * - Amber: the same action, planned in three-quarter cycles from the quarter the KPI turned
 *   amber and due by the end of the cycle's second quarter: in the cycle's first quarter on
 *   track, in its second complete (delivered, the figure not yet back), in its third at risk
 *   and past its date: overdue. A KPI still amber after that gets a new cycle.
 * - Updated: three weeks after the quarter's end, when the quarterly report is collated.
 */
import type { KpiSpec } from "./catalogue";
import { quarterAfter, redPlans } from "./commentary";
import type { Period } from "./periods";
import type { SimulatedValue } from "./simulate";
import type { ACTION_STATUS_VALUES } from "../../lib/star-schema";

export interface SampleAction {
    readonly action: string;
    readonly owner: string;
    /** ISO date. */
    readonly due: string;
    readonly status: typeof ACTION_STATUS_VALUES[number];
    /** ISO date. */
    readonly updated: string;
}

function daysAfter(isoDate: string, days: number): string {
    const date = new Date(`${isoDate}T00:00:00Z`);
    date.setUTCDate(date.getUTCDate() + days);
    return date.toISOString().slice(0, 10);
}

/** The figure moved away from the target since the previous value (by polarity). */
function worse(spec: KpiSpec, now: SimulatedValue, before: SimulatedValue | null): boolean {
    if (before === null || now.actual === null || before.actual === null) return false;
    const target = now.periodTarget ?? spec.target ?? 0;
    if (spec.polarity === "High") return now.actual < before.actual;
    if (spec.polarity === "Low") return now.actual > before.actual;
    return Math.abs(now.actual - target) > Math.abs(before.actual - target);
}

/** The action of each Red and Amber value of one KPI, by period id. */
export function actionsFor(spec: KpiSpec, values: readonly SimulatedValue[]): Map<string, SampleAction> {
    const out = new Map<string, SampleAction>();
    if (spec.red.action === "") return out;
    const plans = redPlans(spec, values);
    let previousRed: SimulatedValue | null = null;
    let amberSince: Period | null = null;
    let amberQuarters = 0;
    for (const v of values) {
        if (v.actual === null || v.status === null) continue;
        const base = { action: spec.red.action, owner: spec.owner, updated: daysAfter(v.period.end, 21) };
        const plan = plans.get(v.period.id);
        if (v.status === "amber") {
            if (amberSince === null) { amberSince = v.period; amberQuarters = 0; }
            const cycle = Math.floor(amberQuarters / 3);
            const position = amberQuarters % 3;
            amberQuarters++;
            const planned = quarterAfter(amberSince, 3 * cycle);
            const status = position === 0 ? "On track" : position === 1 ? "Complete" : "At risk";
            out.set(v.period.id, { ...base, due: quarterAfter(planned, 1).end, status });
        } else {
            amberSince = null;
        }
        if (v.status === "red" && plan) {
            const atRisk = plan.missed !== null || worse(spec, v, previousRed);
            out.set(v.period.id, { ...base, due: plan.by.end, status: atRisk ? "At risk" : "On track" });
        }
        previousRed = v.status === "red" ? v : null;
    }
    return out;
}
