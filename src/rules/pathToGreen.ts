/**
 * The path to green of an off-track KPI (seed 001, Dorset: an action plan, a timeline for
 * returning to within tolerance, an accountable officer, tracked at each meeting): the action,
 * its owner, the date the KPI is expected back within tolerance, the action's status and its
 * last update, per KPI and period (KPI Values columns, lib/star-schema.ts).
 *
 * One rule (docs/rating-decisions.md, "Path to green"): an action is overdue when its date
 * back within tolerance is before the end of the period in view, and either the KPI is still
 * off target (Red or Amber) or the action is not complete. A date on the period's last day has
 * not passed. Without a date, or without the period's end, nothing is overdue. The DAX measure
 * `KPI Action Overdue` (dax/src/measures/pathToGreen.ts) is the same rule.
 */
import type { Status } from "./status";
import { ACTION_STATUS_VALUES } from "../../lib/star-schema";

/** Action status as the star schema spells it (KPI Values[Action Status]). */
export { ACTION_STATUS_VALUES };
export type ActionStatusText = typeof ACTION_STATUS_VALUES[number];
export type ActionStatus = "on-track" | "at-risk" | "complete";

export const ACTION_STATUS_OF: Readonly<Record<ActionStatusText, ActionStatus>> = {
    "On track": "on-track",
    "At risk": "at-risk",
    "Complete": "complete",
};

/** Statuses that are still off target: an action's date passing with one of these is overdue. */
export const OFF_TARGET_STATUSES: readonly Status[] = ["red", "amber"];

/** Other spellings seen in action trackers, read as the three statuses. */
const SPELLINGS: Readonly<Record<string, ActionStatus>> = {
    "on track": "on-track", "on-track": "on-track", "ontrack": "on-track", "green": "on-track",
    "at risk": "at-risk", "at-risk": "at-risk", "atrisk": "at-risk", "off track": "at-risk", "off-track": "at-risk", "delayed": "at-risk",
    "complete": "complete", "completed": "complete", "done": "complete", "closed": "complete",
};

/** The action status a text means, or null when it is empty or not one of them. */
export function parseActionStatus(value: unknown): ActionStatus | null {
    if (typeof value !== "string") return null;
    return SPELLINGS[value.trim().toLowerCase().replace(/\s+/g, " ")] ?? null;
}

/** A calendar date as a sortable number, yyyymmdd (no time, no time zone). */
export type DateKey = number;

const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ].*)?$/;

function keyOf(year: number, month: number, day: number): DateKey | null {
    if (!Number.isInteger(year) || month < 1 || month > 12 || day < 1 || day > 31) return null;
    const check = new Date(Date.UTC(year, month - 1, day));
    if (check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) return null;
    return year * 10000 + month * 100 + day;
}

/**
 * The calendar date of a value: a Date (Power BI hands date columns as Dates at local midnight:
 * its local year, month and day), or an ISO text "YYYY-MM-DD" (a time part is ignored).
 * Anything else is null.
 */
export function toDateKey(value: unknown): DateKey | null {
    if (value instanceof Date) {
        const time = value.getTime();
        return Number.isFinite(time) ? keyOf(value.getFullYear(), value.getMonth() + 1, value.getDate()) : null;
    }
    if (typeof value !== "string") return null;
    const match = ISO.exec(value.trim());
    return match ? keyOf(Number(match[1]), Number(match[2]), Number(match[3])) : null;
}

export function dateKeyParts(key: DateKey): { year: number; month: number; day: number } {
    return { year: Math.floor(key / 10000), month: Math.floor(key / 100) % 100, day: key % 100 };
}

export interface OverdueInput {
    /** Date back within tolerance. */
    readonly due: DateKey | null;
    /** Last day of the period in view. */
    readonly periodEnd: DateKey | null;
    /** The KPI's status in that period. */
    readonly status: Status;
    readonly actionStatus: ActionStatus | null;
}

/** Overdue: the date has passed for the period in view and the KPI is still off target, or the action is not complete. */
export function isActionOverdue(input: OverdueInput): boolean {
    if (input.due === null || input.periodEnd === null) return false;
    if (input.due >= input.periodEnd) return false;
    return OFF_TARGET_STATUSES.includes(input.status) || input.actionStatus !== "complete";
}
