/**
 * Views of the tiles for reporting by exception (seeds 000 and 001): which statuses each view
 * keeps. One definition for the visual's format pane (src/render/order.ts), the snapshot
 * command and the quarterly pack. docs/rating-decisions.md, "Views".
 *
 * - all:         every tile
 * - exceptions:  Red and Amber, the off-track measures that need an explanation and a path to green
 * - good:        Green and Blue, "what's good" (health of the service)
 * - escalations: Red and Blue, escalated both ways (exceptionally good results too)
 * - overdue:     tiles whose path-to-green action is overdue (src/rules/pathToGreen.ts)
 */
import type { Status } from "./status";

export const VIEWS = ["all", "exceptions", "good", "escalations", "overdue"] as const;
export type View = typeof VIEWS[number];

/** Statuses each status-based view keeps. */
export const VIEW_STATUSES: Readonly<Record<"exceptions" | "good" | "escalations", readonly Status[]>> = {
    exceptions: ["red", "amber"],
    good: ["green", "blue"],
    escalations: ["red", "blue"],
};

/** Whether a tile with this status (and this overdue flag) is in the view. */
export function inView(view: View, status: Status, overdue: boolean): boolean {
    switch (view) {
        case "all": return true;
        case "overdue": return overdue;
        default: return VIEW_STATUSES[view].includes(status);
    }
}

/** A view named on a command line or in a setting, any case; null when it is not one. */
export function parseView(text: string): View | null {
    const wanted = text.trim().toLowerCase();
    return (VIEWS as readonly string[]).includes(wanted) ? wanted as View : null;
}
