import { KpiDefinition } from "../dictionary/types";
import { Expr } from "../expr/ast";
import {
    and, call, col, def, IF, ISBLANK, letIn, lt, measure, NOT, num, numOrBlank, ref, SELECTEDVALUE, str, switchOn, tbl,
    eq, verbatim, BLANK,
} from "../expr/build";
import { fold } from "../expr/fold";
import { STATUS_PRESENTATION } from "./labels";
import { MeasureDefinition, measureFormat } from "./measure";
import { PER_KPI_SUFFIXES, STAR } from "./names";
import { directionExpression, PolarityInput, statusExpression } from "./rating";

const periodIndex = col(STAR.period, "Period Index");

/** The KPI's own actual: its DAX expression, or the sum of its source column. */
export function perKpiActual(kpi: KpiDefinition): Expr {
    if (kpi.actualExpression !== null) return verbatim(kpi.actualExpression);
    if (kpi.sourceColumn !== null) return call("SUM", col(kpi.sourceColumn.table, kpi.sourceColumn.column));
    throw new Error(`KPI ${kpi.id} has neither actualExpression nor sourceColumn`);
}

/**
 * The previous reported value of a per-KPI measure: its value at the latest earlier
 * 'Period'[Period Index] for which it is not blank (the KPI's own fact must be related to the
 * Period table). Returns the VARs and the expression for the previous value.
 */
export function previousOf(actualMeasure: Expr): { vars: ReturnType<typeof def>[]; previous: Expr } {
    return {
        vars: [
            def("_index", SELECTEDVALUE(periodIndex)),
            def("_previousIndex", call("CALCULATE",
                call("MAXX",
                    call("FILTER", call("VALUES", periodIndex), and(lt(periodIndex, ref("_index")), NOT(ISBLANK(actualMeasure)))),
                    periodIndex),
                call("REMOVEFILTERS", tbl(STAR.period)))),
            def("_previousReported", IF(NOT(ISBLANK(ref("_previousIndex"))),
                call("CALCULATE", actualMeasure, call("REMOVEFILTERS", tbl(STAR.period)), eq(periodIndex, ref("_previousIndex"))))),
        ],
        previous: ref("_previousReported"),
    };
}

/** `<KPI>`, `<KPI> Target`, `<KPI> Status`, `<KPI> Status Colour`, `<KPI> Direction`, constants inlined. */
export function perKpiMeasures(kpi: KpiDefinition): MeasureDefinition[] {
    const names = {
        actual: kpi.name + PER_KPI_SUFFIXES.actual,
        target: kpi.name + PER_KPI_SUFFIXES.target,
        status: kpi.name + PER_KPI_SUFFIXES.status,
        statusColour: kpi.name + PER_KPI_SUFFIXES.statusColour,
        direction: kpi.name + PER_KPI_SUFFIXES.direction,
    };
    const folder = `KPIs\\${kpi.serviceArea.replace(/\\/g, "/")}\\${kpi.name.replace(/\\/g, "/")}`;
    const polarity: PolarityInput = { kind: "static", polarity: kpi.polarity };
    const decimals = numOrBlank(kpi.decimals);
    const actual = measure(names.actual);
    const about = kpi.definition ? ` ${kpi.definition}` : "";
    const previous = previousOf(actual);
    const status = statusExpression({
        actual, target: numOrBlank(kpi.target), floor: numOrBlank(kpi.floor), stretch: numOrBlank(kpi.stretch),
        tolerance: numOrBlank(kpi.tolerance), toleranceType: str(kpi.toleranceType), decimals, polarity,
    });
    const direction = directionExpression({
        actual, previous: previous.previous, target: numOrBlank(kpi.target), decimals,
        noChangeTolerance: numOrBlank(kpi.noChangeTolerance), polarity,
    });
    return [
        {
            family: "perKpi", name: names.actual, displayFolder: folder, formatString: measureFormat(kpi.format), returnsText: false,
            description: `${kpi.name} (${kpi.id}).${about}`.trim(),
            expression: perKpiActual(kpi),
        },
        {
            family: "perKpi", name: names.target, displayFolder: folder, formatString: measureFormat(kpi.format), returnsText: false,
            description: kpi.target === null ? `${kpi.name} has no target in the KPI dictionary (blank).` : `Target for ${kpi.name} from the KPI dictionary.`,
            expression: kpi.target === null ? BLANK : num(kpi.target),
        },
        {
            family: "perKpi", name: names.status, displayFolder: folder, returnsText: true,
            description: `Status of ${kpi.name} rated as the KPI tiles visual does (polarity ${kpi.polarity}${describeRules(kpi)}).`,
            expression: status,
        },
        {
            family: "perKpi", name: names.statusColour, displayFolder: folder, returnsText: true,
            description: `Hex colour of the status of ${kpi.name}, for conditional formatting by field value.`,
            expression: fold(letIn([def("_status", measure(names.status))],
                switchOn(ref("_status"), STATUS_PRESENTATION.map(p => [str(p.label), str(p.colour)] as const)))),
        },
        {
            family: "perKpi", name: names.direction, displayFolder: folder, returnsText: true,
            description: `Direction of travel of ${kpi.name} against its previous reported period ('Period'[Period Index]).`,
            expression: fold(letIn(previous.vars, direction)),
        },
    ];
}

function describeRules(kpi: KpiDefinition): string {
    const parts: string[] = [];
    if (kpi.target !== null) parts.push(`target ${kpi.target}`);
    if (kpi.tolerance !== null) parts.push(`${kpi.toleranceType} tolerance ${kpi.tolerance}`);
    if (kpi.floor !== null) parts.push(`floor ${kpi.floor}`);
    if (kpi.stretch !== null) parts.push(`stretch ${kpi.stretch}`);
    return parts.length ? `, ${parts.join(", ")}` : "";
}
