/**
 * A tile's path to green, as the model hands it to the renderer: the action of the period shown,
 * its owner, "Back within tolerance by March 2026 - action at risk", and whether it is overdue
 * for the period in view (src/rules/pathToGreen.ts decides; nothing here rates).
 *
 * The period in view is the latest period in the data in which any KPI has an actual (what a
 * report page's period slicer leaves); its end is the latest `periodEnd` among those rows.
 */
import powerbi from "powerbi-visuals-api";
import { ActionStatus, dateKeyParts, DateKey, isActionOverdue, parseActionStatus, toDateKey } from "../rules/pathToGreen";
import type { Status } from "../rules";
import type { Localiser } from "../i18n/localiser";
import type { StringKey } from "../i18n/strings";
import type { RoleColumns, RoleName } from "./roles";

import PrimitiveValue = powerbi.PrimitiveValue;

export interface PathToGreenView {
    readonly action: string | null;
    readonly owner: string | null;
    /** Date back within tolerance (yyyymmdd), or null. */
    readonly due: DateKey | null;
    /** "March 2026" in the report's language, or null without a date. */
    readonly dueText: string | null;
    readonly status: ActionStatus | null;
    /** "action at risk", or null without a (recognised) status. */
    readonly statusText: string | null;
    /** "12 Oct 2025", or null. */
    readonly updatedText: string | null;
    readonly overdue: boolean;
    /** "Back within tolerance by March 2026 - action at risk" (Amber: "Back on target by ..."); null without a date or a status. */
    readonly summary: string | null;
}

/** The path-to-green roles (capabilities.json). */
export const PATH_TO_GREEN_ROLES: readonly RoleName[] = ["action", "actionOwner", "actionDue", "actionStatus", "actionUpdated"];

function textOf(value: unknown): string | null {
    if (value === null || value === undefined) return null;
    const s = value instanceof Date ? value.toISOString() : String(value);
    return s.trim() === "" ? null : s.trim();
}

/** The end of the period in view: the latest period end among rows that have an actual. */
export function periodInViewEnd(columns: RoleColumns): DateKey | null {
    const ends = columns.byRole.get("periodEnd")?.values;
    const actuals = columns.byRole.get("actual")?.values;
    if (!ends || !actuals) return null;
    let latest: DateKey | null = null;
    for (let row = 0; row < columns.rowCount; row++) {
        const actual = actuals[row];
        if (actual === null || actual === undefined || actual === "" || (typeof actual === "number" && !Number.isFinite(actual))) continue;
        const end = toDateKey(ends[row]);
        if (end !== null && (latest === null || end > latest)) latest = end;
    }
    return latest;
}

function dateText(key: DateKey, locale: string, parts: Intl.DateTimeFormatOptions): string {
    const { year, month, day } = dateKeyParts(key);
    const date = new Date(Date.UTC(year, month - 1, day));
    try {
        return new Intl.DateTimeFormat(locale, { ...parts, timeZone: "UTC" }).format(date);
    } catch {
        return new Intl.DateTimeFormat("en-GB", { ...parts, timeZone: "UTC" }).format(date);
    }
}

/**
 * The path to green of the period shown (`cell` reads its cells), or null when none of the
 * path-to-green fields has a value there.
 */
export function pathToGreenOf(cell: (role: RoleName) => PrimitiveValue | null | undefined, status: Status,
    periodEnd: DateKey | null, t: Localiser): PathToGreenView | null {
    const action = textOf(cell("action"));
    const owner = textOf(cell("actionOwner"));
    const due = toDateKey(cell("actionDue"));
    const actionStatus = parseActionStatus(cell("actionStatus"));
    const updated = toDateKey(cell("actionUpdated"));
    if (action === null && owner === null && due === null && actionStatus === null && textOf(cell("actionStatus")) === null) return null;
    const dueText = due === null ? null : dateText(due, t.locale, { month: "long", year: "numeric" });
    const statusText = actionStatus === null ? null : t.text(`ActionStatus_${actionStatus}` as StringKey);
    const byText = dueText === null ? null : t.format(status === "amber" ? "PathToGreen_OnTargetBy" : "PathToGreen_BackBy", dueText);
    const summary = byText !== null && statusText !== null ? t.format("PathToGreen_Joined", byText, statusText) : byText ?? statusText;
    return {
        action, owner, due, dueText, status: actionStatus, statusText,
        updatedText: updated === null ? null : dateText(updated, t.locale, { day: "numeric", month: "short", year: "numeric" }),
        overdue: isActionOverdue({ due, periodEnd, status, actionStatus }),
        summary,
    };
}
