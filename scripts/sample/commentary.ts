/**
 * Director's commentary. Every red carries a path to green: the explanation, the action being
 * taken, the date the KPI is expected back within tolerance, and the accountable officer (the
 * same plan as the structured path to green, scripts/sample/pathToGreen.ts).
 */
import { precisionFromFormat, roundHalfAwayFromZero } from "../../src/rules";
import { KpiSpec } from "./catalogue";
import { Period, quarterOf } from "./periods";
import { SimulatedValue } from "./simulate";

/** A stored value as the format string shows it (85.3%, 17.4, 0.13%). */
export function displayValue(value: number, format: string): string {
    const precision = precisionFromFormat(format);
    const shown = Math.max(0, precision?.shownDecimals ?? 1);
    const percent = precision?.scale === "percent";
    const text = roundHalfAwayFromZero(percent ? value * 100 : value, shown).toFixed(shown);
    return percent ? `${text}%` : text;
}

const LONG_DATE = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });

export function longDate(isoDate: string): string {
    return LONG_DATE.format(new Date(`${isoDate}T00:00:00Z`));
}

/** The quarter `ahead` quarters after `period`. */
export function quarterAfter(period: Period, ahead: number): Period {
    let year = Number(period.financialYear.slice(0, 4));
    let q = Number(period.quarter.slice(1));
    for (let i = 0; i < ahead; i++) {
        if (q === 4) { q = 1; year++; } else q++;
    }
    return quarterOf(year, q as 1 | 2 | 3 | 4, period.index + ahead);
}

/** A red value's improvement plan: the quarter it is expected back within tolerance, and a date it missed. */
export interface RedPlan {
    readonly by: Period;
    readonly missed: Period | null;
}

/**
 * The improvement plan of each red value (by period id). The expected date is the end of the
 * quarter the KPI actually came back (when the data show it); otherwise the improvement plan's
 * date, set when the KPI first turned red (three quarters ahead, a year for annual KPIs) and,
 * once missed, revised two quarters ahead with the missed date stated.
 */
export function redPlans(spec: KpiSpec, values: readonly SimulatedValue[]): Map<string, RedPlan> {
    const out = new Map<string, RedPlan>();
    const annual = spec.reportedInQuarter !== undefined;
    let plan: Period | null = null;
    values.forEach((v, i) => {
        if (v.dataQuality === "Suppressed" || v.actual === null) return;
        const target = v.periodTarget ?? spec.target;
        if (v.status !== "red") plan = null;
        if (v.status !== "red" || target === undefined) return;
        const back = values.slice(i + 1).find(later => later.status !== null && later.status !== "red" && later.status !== "no-data");
        let missed: Period | null = null;
        if (back) {
            plan = back.period;
        } else if (plan === null) {
            plan = quarterAfter(v.period, annual ? 4 : 3);
        } else if (plan.index <= v.period.index) {
            missed = plan;
            plan = quarterAfter(v.period, annual ? 4 : 2);
        }
        out.set(v.period.id, { by: plan, missed });
    });
    return out;
}

/** Commentary for each value of one KPI. Reds: path to green (redPlans gives the dates). */
export function commentaryFor(spec: KpiSpec, values: readonly SimulatedValue[]): Map<string, string> {
    const out = new Map<string, string>();
    const latestIndex = Math.max(...values.map(v => v.period.index));
    const plans = redPlans(spec, values);
    values.forEach(v => {
        if (v.dataQuality === "Suppressed") {
            out.set(v.period.id, "Suppressed: fewer than 5 young people, withheld to protect their identity.");
            return;
        }
        if (v.actual === null) return;
        const target = v.periodTarget ?? spec.target;
        const plan = plans.get(v.period.id);
        if (plan && target !== undefined) {
            const { by, missed } = plan;
            const versus = spec.polarity === "Range"
                ? `${displayValue(v.actual, spec.format)} against a range of ${displayValue(target - (spec.tolerance ?? 0), spec.format)} to ${displayValue(target + (spec.tolerance ?? 0), spec.format)}.`
                : `${displayValue(v.actual, spec.format)} against a target of ${displayValue(target, spec.format)}.`;
            out.set(v.period.id, [
                versus,
                spec.red.explanation,
                `Action: ${spec.red.action}`,
                ...(missed ? [`The previous date of ${longDate(missed.end)} was missed.`] : []),
                `Expected back within tolerance by ${longDate(by.end)} (${by.label}).`,
                `Accountable officer: ${spec.owner}.`,
            ].join(" "));
            return;
        }
        if (v.status === "amber") {
            out.set(v.period.id, spec.amber);
            return;
        }
        if (v.period.index === latestIndex && spec.latestNote) out.set(v.period.id, spec.latestNote);
    });
    return out;
}
