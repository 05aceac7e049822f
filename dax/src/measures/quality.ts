/**
 * Data quality and staleness measures: the rules of src/rules/quality.ts and src/model/quality.ts
 * in DAX (docs/rating-decisions.md "Data quality and staleness").
 *
 * - `KPI Data Quality`: the quality of the value at the period the generic measures evaluate
 *   (`KPI Period Index`): Final (also for an empty cell), Provisional, Estimated, Suppressed or
 *   Not returned; the text as written when it is none of them; blank when the period has no row.
 * - `KPI Latest Period`: the Period label of the KPI's latest period with a figure among the
 *   periods in the filter context (a suppressed or not-returned row is no figure).
 * - `KPI Period In View`: the latest Period Index in the filter context at which any KPI has a
 *   figure (hidden helper), as the visual takes it from the rows it is given.
 * - `KPI Is Stale`: 1 when the KPI's latest figure is older than the period in view (its tile
 *   says "No 2025/26 Q2 figure; latest 2025/26 Q1"), 0 when it is current, blank without one.
 */
import { Expr } from "../expr/ast";
import { and, bin, call, col, def, eq, firstTrue, HASONEVALUE, IF, ISBLANK, letIn, lt, measure, NOT, num, ref, SELECTEDVALUE, str, tbl } from "../expr/build";
import { genericMeasure, INTEGER_FORMAT, MeasureDefinition, MeasureFormat } from "./measure";
import { GENERIC, STAR } from "./names";
import type { ValuesColumn } from "../../../lib/star-schema";
import { DATA_QUALITY_VALUES, QUALITY_RULES } from "../../../src/rules/quality";

export const QUALITY_MEASURES = {
    dataQuality: "KPI Data Quality",
    latestPeriod: "KPI Latest Period",
    periodInView: "KPI Period In View",
    isStale: "KPI Is Stale",
} as const;

const FOLDER = "KPI\\Data quality";
const valuesCol = (column: ValuesColumn): Expr => col(STAR.values, column);
const periodIndex = col(STAR.period, "Period Index");

/** Qualities whose value is withheld: no figure (QUALITY_RULES showsValue false). */
const WITHHELD = DATA_QUALITY_VALUES.filter(q => !QUALITY_RULES[q].showsValue);

/**
 * Row condition inside an iterator over 'KPI Values': the row has a figure (an actual, and a
 * quality that shows it). DAX compares text ignoring case, as the visual reads the words.
 */
export function hasFigure(): Expr {
    return and(NOT(ISBLANK(valuesCol("Actual"))), NOT(withheld(valuesCol("Data Quality"))));
}

/** A period's quality withholds its value (Suppressed, Not returned): `quality` is a KPI Data Quality text. */
export function withheld(quality: Expr): Expr {
    return WITHHELD.map(q => eq(quality, str(q))).reduce((a, b) => bin("||", a, b));
}

/** The latest Period Index with a figure among the rows in context. */
export function latestFigureIndex(): Expr {
    return call("MAXX", call("FILTER", tbl(STAR.values), hasFigure()), call("RELATED", periodIndex));
}

function define(name: string, description: string, expression: Expr, format: MeasureFormat, isHidden = false): MeasureDefinition {
    return genericMeasure(FOLDER, name, description, expression, format, isHidden);
}

/** The data-quality measures, in a stable order. */
export function qualityMeasures(): MeasureDefinition[] {
    const atPeriod = (value: Expr): Expr => call("CALCULATE", value, call("REMOVEFILTERS", tbl(STAR.period)), eq(periodIndex, ref("_period")));
    // The canonical word for each quality; an empty cell is Final; other text as written.
    const canonical = firstTrue(
        [[eq(ref("_text"), str("")), str("Final")] as const, ...DATA_QUALITY_VALUES.map(q => [eq(ref("_text"), str(q)), str(q)] as const)],
        ref("_text"));
    const dataQuality = letIn([
        def("_period", measure(GENERIC.periodIndex)),
        def("_rows", IF(NOT(ISBLANK(ref("_period"))), atPeriod(call("MAXX", tbl(STAR.values), num(1))))),
        def("_text", IF(NOT(ISBLANK(ref("_rows"))), atPeriod(SELECTEDVALUE(valuesCol("Data Quality"))))),
    ], IF(NOT(ISBLANK(ref("_rows"))), canonical));
    const latestPeriod = letIn([
        def("_index", IF(HASONEVALUE(col(STAR.kpi, "KPI ID")), latestFigureIndex())),
    ], IF(NOT(ISBLANK(ref("_index"))),
        call("CALCULATE", SELECTEDVALUE(col(STAR.period, "Period")), call("REMOVEFILTERS", tbl(STAR.period)), eq(periodIndex, ref("_index")))));
    const isStale = letIn([
        def("_latest", IF(HASONEVALUE(col(STAR.kpi, "KPI ID")), latestFigureIndex())),
        def("_inView", measure(QUALITY_MEASURES.periodInView)),
    ], IF(NOT(ISBLANK(ref("_latest"))), IF(lt(ref("_latest"), ref("_inView")), num(1), num(0))));
    return [
        define(QUALITY_MEASURES.dataQuality,
            "Data quality of the KPI's value for the period (KPI Values[Data Quality]): Final (an empty cell too), Provisional, Estimated, Suppressed or Not returned. Provisional and Estimated figures are rated and marked; Suppressed and Not returned are no data. Blank when the period has no row.",
            dataQuality, { text: true }),
        define(QUALITY_MEASURES.latestPeriod,
            "Period of the KPI's latest figure among the periods in context (a suppressed or not-returned row is no figure). Blank unless one KPI is in context.",
            latestPeriod, { text: true }),
        define(QUALITY_MEASURES.periodInView,
            "Period Index of the period in view: the latest period in the filter context in which any KPI has a figure.",
            call("CALCULATE", latestFigureIndex(), call("REMOVEFILTERS", tbl(STAR.kpi))), { fixed: INTEGER_FORMAT }, true),
        define(QUALITY_MEASURES.isStale,
            "1 when the KPI's latest figure is older than the period in view (the tile says: No <period> figure; latest <period>); 0 when it is current; blank without a figure.",
            isStale, { fixed: INTEGER_FORMAT }),
    ];
}
