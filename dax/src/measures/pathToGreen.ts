/**
 * The path-to-green measures: the action of the KPI's period (KPI Values: Action ... Action
 * Updated, lib/star-schema.ts) and `KPI Action Overdue`, the rule of src/rules/pathToGreen.ts in
 * DAX: the date back within tolerance is before the end of the period in view, and the KPI is
 * still Red or Amber or the action is not Complete.
 *
 * The period a value is read for is the generic family's (`KPI Period Index`: the selected
 * period, or the latest with an actual); the period in view is the latest period in the filter
 * context in which any KPI has an actual (`KPI Period In View End`), as the visual takes it from
 * the rows it is given.
 */
import { Expr } from "../expr/ast";
import { and, call, col, def, eq, IF, ISBLANK, letIn, lt, measure, NOT, or, ref, SELECTEDVALUE, str, tbl, bin } from "../expr/build";
import { genericMeasure, MeasureDefinition, MeasureFormat } from "./measure";
import { GENERIC, STAR } from "./names";
import type { ValuesColumn } from "../../../lib/star-schema";
import { STATUS_PRESENTATION } from "./labels";

export const PATH_TO_GREEN = {
    action: "KPI Action",
    actionOwner: "KPI Action Owner",
    actionDue: "KPI Action Due",
    actionStatus: "KPI Action Status",
    actionUpdated: "KPI Action Updated",
    periodInViewEnd: "KPI Period In View End",
    actionOverdue: "KPI Action Overdue",
} as const;

const FOLDER = "KPI\\Path to green";
/** What `KPI Action Overdue` says when the action is overdue (blank otherwise), for tables and conditional formatting. */
export const OVERDUE = "Overdue";
const DATE_FORMAT = "d mmmm yyyy";

const valuesCol = (column: ValuesColumn): Expr => col(STAR.values, column);
const periodIndex = col(STAR.period, "Period Index");

/** A KPI Values column at the period the generic measures evaluate (as generic.ts reads Commentary). */
function atMeasuredPeriod(column: ValuesColumn): Expr {
    return letIn(
        [def("_period", measure(GENERIC.periodIndex))],
        IF(NOT(ISBLANK(ref("_period"))),
            call("CALCULATE", SELECTEDVALUE(valuesCol(column)), call("REMOVEFILTERS", tbl(STAR.period)), eq(periodIndex, ref("_period")))),
    );
}

/** The status label a status has in the generated measures (Red, Amber ...). */
function statusLabel(status: string): Expr {
    const found = STATUS_PRESENTATION.find(p => p.status === status);
    if (!found) throw new Error(`no status presentation for ${status}`);
    return str(found.label);
}

function define(name: string, description: string, expression: Expr, format: MeasureFormat, isHidden = false): MeasureDefinition {
    return genericMeasure(FOLDER, name, description, expression, format, isHidden);
}

/** The path-to-green measures, in a stable order. */
export function pathToGreenMeasures(): MeasureDefinition[] {
    const text = { text: true } as const;
    const overdue = letIn([
        def("_due", measure(PATH_TO_GREEN.actionDue)),
        def("_end", measure(PATH_TO_GREEN.periodInViewEnd)),
        def("_status", measure(GENERIC.status)),
    ], IF(and(NOT(ISBLANK(ref("_due"))), NOT(ISBLANK(ref("_end"))), lt(ref("_due"), ref("_end")),
        or(eq(ref("_status"), statusLabel("red")), eq(ref("_status"), statusLabel("amber")),
            bin("<>", measure(PATH_TO_GREEN.actionStatus), str("Complete")))),
    str(OVERDUE)));
    return [
        define(PATH_TO_GREEN.action, "Path to green: the action for the KPI's period (KPI Values[Action]).", atMeasuredPeriod("Action"), text),
        define(PATH_TO_GREEN.actionOwner, "Accountable officer for the action.", atMeasuredPeriod("Action Owner"), text),
        define(PATH_TO_GREEN.actionDue, "Date the KPI is expected back within tolerance.", atMeasuredPeriod("Back Within Tolerance By"), { fixed: DATE_FORMAT }),
        define(PATH_TO_GREEN.actionStatus, "Action status: On track, At risk or Complete.", atMeasuredPeriod("Action Status"), text),
        define(PATH_TO_GREEN.actionUpdated, "Date of the action's last update.", atMeasuredPeriod("Action Updated"), { fixed: DATE_FORMAT }),
        define(PATH_TO_GREEN.periodInViewEnd,
            "End of the period in view: the Period End of the latest period in the filter context in which any KPI has an actual.",
            letIn([def("_index", call("CALCULATE",
                call("MAXX", call("FILTER", tbl(STAR.values), NOT(ISBLANK(valuesCol("Actual")))), call("RELATED", periodIndex)),
                call("REMOVEFILTERS", tbl(STAR.kpi))))],
            IF(NOT(ISBLANK(ref("_index"))),
                call("CALCULATE", SELECTEDVALUE(col(STAR.period, "Period End")), call("REMOVEFILTERS", tbl(STAR.period)), eq(periodIndex, ref("_index"))))),
            { fixed: DATE_FORMAT }, true),
        define(PATH_TO_GREEN.actionOverdue,
            "\"Overdue\" when the action is overdue (src/rules/pathToGreen.ts): its date is before the end of the period in view and the KPI is still Red or Amber, or the action is not Complete; blank otherwise.",
            overdue, text),
    ];
}
