import { KpiDefinition } from "../dictionary/types";
import { Expr } from "../expr/ast";
import {
    and, call, COALESCE, col, def, eq, HASONEVALUE, IF, ISBLANK, le, letIn, lt, measure, NOT, num, ref,
    SELECTEDVALUE, str, switchOn, tbl,
} from "../expr/build";
import { STATUS_PRESENTATION } from "./labels";
import { genericMeasure, INTEGER_FORMAT, MeasureDefinition, MeasureFormat, PERCENT_FORMAT } from "./measure";
import { GENERIC, STAR } from "./names";
import { hasFigure, withheld } from "./quality";
import type { BenchmarkColumn, KpiColumn, ValuesColumn } from "../../../lib/star-schema";
import {
    bandExpression, comparisonExpression, decimalsFromFormat, directionExpression, gapExpression, normalisedPolarity, PolarityInput,
    statusExpression,
} from "./rating";

// Column names are typed by the star-schema contract: a column it does not have does not compile.
const kpiCol = (column: KpiColumn): Expr => col(STAR.kpi, column);
const periodIndex = col(STAR.period, "Period Index");
const valuesCol = (column: ValuesColumn): Expr => col(STAR.values, column);
const benchCol = (column: BenchmarkColumn): Expr => col(STAR.benchmarks, column);
const oneKpi = HASONEVALUE(kpiCol("KPI ID"));
const selected = (column: KpiColumn): Expr => SELECTEDVALUE(kpiCol(column));

/** CALCULATE ( value, REMOVEFILTERS ( 'Period' ), 'Period'[Period Index] <op> index ). */
function atPeriod(value: Expr, index: Expr, op: "=" | "<" = "="): Expr {
    return call("CALCULATE", value, call("REMOVEFILTERS", tbl(STAR.period)),
        op === "=" ? eq(periodIndex, index) : lt(periodIndex, index));
}

/**
 * The latest period index with a figure, among the periods in the filter context: an actual whose
 * data quality shows it (a suppressed or not-returned row is no figure, src/rules/quality.ts).
 */
const latestReportedIndex = call("MAXX", tbl(STAR.values),
    IF(hasFigure(), call("RELATED", periodIndex)));

const FOLDER = {
    values: "KPI\\Values",
    rating: "KPI\\Rating",
    benchmarks: "KPI\\Benchmarks",
    definition: "KPI\\Definition",
    helpers: "KPI\\Helpers",
} as const;

/** A dynamic format: the KPI's own format string, `0.0` when none applies (totals). */
const kpiFormat: Expr = COALESCE(measure(GENERIC.formatString), str("0.0"));

const dynamicPolarity: PolarityInput = { kind: "dynamic", expr: normalisedPolarity(selected("Polarity")) };

/**
 * A per-KPI constant read by KPI id (no-change and similarity tolerances have no column in the
 * star schema): `SWITCH ( SELECTEDVALUE ( 'KPI'[KPI ID] ), "id", value, ..., 0 )`, or 0 when no
 * KPI sets one.
 */
function perKpiConstant(kpis: readonly KpiDefinition[], pick: (k: KpiDefinition) => number | null): Expr {
    const cases = kpis.filter(k => pick(k) !== null).map(k => [str(k.id), num(pick(k) as number)] as const);
    return cases.length === 0 ? num(0) : switchOn(selected("KPI ID"), cases, num(0));
}

/** The generic family over the star schema (docs/CONTRACTS.md), in a stable order. */
export function genericMeasures(kpis: readonly KpiDefinition[]): MeasureDefinition[] {
    // The precision the KPI's format string shows (the visual's), the Decimals column only for a format never seen.
    const decimals = decimalsFromFormat(selected("Format String"), kpis.map(k => k.format), selected("Decimals"));
    const period = ref("_period");
    const onePeriodValue = (column: ValuesColumn): Expr => letIn(
        [def("_period", measure(GENERIC.periodIndex))],
        IF(NOT(ISBLANK(period)), atPeriod(SELECTEDVALUE(valuesCol(column)), period)),
    );
    const from = ref("_from");
    const benchmarkValue = (column: BenchmarkColumn): Expr => letIn(
        [def("_from", measure(GENERIC.benchmarkFrom))],
        IF(NOT(ISBLANK(from)), call("CALCULATE", SELECTEDVALUE(benchCol(column)), eq(benchCol("Applies From Index"), from))),
    );
    const noChange = perKpiConstant(kpis, k => k.noChangeTolerance);
    const similarity = perKpiConstant(kpis, k => k.similarityTolerance);
    const compare = (benchmark: string): Expr => IF(oneKpi, comparisonExpression({
        actual: measure(GENERIC.actual), benchmark: measure(benchmark), decimals, similarity, polarity: dynamicPolarity,
    }));
    const statusSwitch = (pick: (p: typeof STATUS_PRESENTATION[number]) => Expr): Expr =>
        letIn([def("_status", measure(GENERIC.status))],
            switchOn(ref("_status"), STATUS_PRESENTATION.map(p => [str(p.label), pick(p)] as const)));
    const toleranceType = selected("Tolerance Type");
    const m = (name: string, folder: string, description: string, expression: Expr, format: MeasureFormat, isHidden = false): MeasureDefinition =>
        genericMeasure(folder, name, description, expression, format, isHidden);
    const text = { text: true } as const;
    const dynamic = { dynamic: kpiFormat } as const;

    return [
        m(GENERIC.periodIndex, FOLDER.helpers,
            "Period index the KPI measures evaluate: the selected period, or with several periods in context the latest one with an actual (the latest period when none has one, as the tiles show it). Blank unless one KPI is in context.",
            IF(oneKpi, COALESCE(SELECTEDVALUE(periodIndex), latestReportedIndex, call("MAX", periodIndex))), { fixed: INTEGER_FORMAT }, true),
        m(GENERIC.actual, FOLDER.values,
            "Actual value of one KPI for one period (with several periods in context: the latest period with an actual). Blank at totals and when several KPIs are in context.",
            letIn([def("_period", measure(GENERIC.periodIndex))],
                IF(and(NOT(ISBLANK(period)), NOT(withheld(atPeriod(SELECTEDVALUE(valuesCol("Data Quality")), period)))),
                    atPeriod(SELECTEDVALUE(valuesCol("Actual")), period))), dynamic),
        m(GENERIC.target, FOLDER.values,
            "Target for the period: the period's own target when set, else the KPI's target. Blank unless one KPI is in context.",
            letIn([
                def("_period", measure(GENERIC.periodIndex)),
                def("_periodTarget", atPeriod(SELECTEDVALUE(valuesCol("Period Target")), period)),
            ], IF(oneKpi, COALESCE(ref("_periodTarget"), selected("Target")))), dynamic),
        m(GENERIC.gap, FOLDER.values,
            "Actual minus target at the KPI's stored precision (0 when equal at that precision). Positive means above target whatever the polarity.",
            gapExpression({ actual: measure(GENERIC.actual), target: measure(GENERIC.target), decimals }, false), dynamic),
        m(GENERIC.gapPct, FOLDER.values,
            "Gap as a share of the absolute target; blank when the target is 0.",
            gapExpression({ actual: measure(GENERIC.actual), target: measure(GENERIC.target), decimals }, true), { fixed: PERCENT_FORMAT }),
        m(GENERIC.status, FOLDER.rating,
            "BRAG status exactly as the KPI tiles visual rates it (src/rules): Blue, Green, Amber, Red, Not rated, No target, No data or Not recognised. Blank unless one KPI is in context.",
            IF(oneKpi, statusExpression({
                actual: measure(GENERIC.actual), target: measure(GENERIC.target), floor: selected("Floor"),
                stretch: selected("Stretch"), tolerance: selected("Tolerance"), toleranceType, decimals,
                polarity: dynamicPolarity,
            })), text),
        m(GENERIC.statusColour, FOLDER.rating,
            "Hex colour of the status (GOV.UK palette, as the visual), for conditional formatting by field value.",
            statusSwitch(p => str(p.colour)), text),
        m(GENERIC.statusSort, FOLDER.rating,
            "Sort key from most to least in need of attention: 1 Red, 2 Amber, 3 Not recognised, 4 No data, 5 Green, 6 Blue, 7 No target, 8 Not rated.",
            statusSwitch(p => num(p.sortKey)), { fixed: INTEGER_FORMAT }),
        m(GENERIC.statusIcon, FOLDER.rating,
            "Shape of the status so colour is never the only signal: \u2605 Blue, \u25CF Green, \u25B2 Amber, \u25C6 Red, \u25CB not rated or no target, \u2013 no data, ? not recognised.",
            statusSwitch(p => str(p.icon)), text),
        m(GENERIC.previous, FOLDER.values,
            "Actual of the latest earlier period that has one (through Period Index, not calendar time intelligence). Blank unless one KPI is in context.",
            letIn([
                def("_period", measure(GENERIC.periodIndex)),
                def("_previousPeriod", atPeriod(latestReportedIndex, period, "<")),
            ], IF(NOT(ISBLANK(ref("_previousPeriod"))), atPeriod(SELECTEDVALUE(valuesCol("Actual")), ref("_previousPeriod")))), dynamic),
        m(GENERIC.direction, FOLDER.rating,
            "Direction of travel against the previous reported period: Improving, Worsening, No change (Increasing / Decreasing when the polarity is None). Blank when either value is missing.",
            IF(oneKpi, directionExpression({
                actual: measure(GENERIC.actual), previous: measure(GENERIC.previous), target: measure(GENERIC.target),
                decimals, noChangeTolerance: noChange, polarity: dynamicPolarity,
            })), text),
        m(GENERIC.polarity, FOLDER.definition,
            "Polarity in canonical words (High, Low, Range, None); the text as written when it is not recognised.",
            letIn([def("_text", selected("Polarity"))],
                IF(oneKpi, COALESCE(normalisedPolarity(ref("_text")), ref("_text")))), text),
        m(GENERIC.tolerance, FOLDER.definition,
            "Absolute tolerance (width of the amber zone in the KPI's unit); blank when the tolerance is relative.",
            IF(oneKpi, IF(NOT(eq(toleranceType, str("relative"))), selected("Tolerance"))), dynamic),
        m(GENERIC.tolerancePct, FOLDER.definition,
            "Relative tolerance as a fraction of the target (0.05 = 5%); blank when the tolerance is absolute.",
            IF(oneKpi, IF(eq(toleranceType, str("relative")), selected("Tolerance"))), { fixed: PERCENT_FORMAT }),
        m(GENERIC.floor, FOLDER.definition, "Floor standard: the worst acceptable value.", IF(oneKpi, selected("Floor")), dynamic),
        m(GENERIC.stretch, FOLDER.definition, "Stretch value: met means Blue (exceeding).", IF(oneKpi, selected("Stretch")), dynamic),
        m(GENERIC.benchmarkFrom, FOLDER.helpers,
            "Applies From Index of the benchmark row for the period: the largest one at or before the period's index.",
            letIn([def("_period", measure(GENERIC.periodIndex))],
                IF(NOT(ISBLANK(period)), call("CALCULATE", call("MAX", benchCol("Applies From Index")), le(benchCol("Applies From Index"), period)))),
            { fixed: INTEGER_FORMAT }, true),
        m(GENERIC.england, FOLDER.benchmarks, "England average published for the period's benchmark year.", benchmarkValue("England"), dynamic),
        m(GENERIC.region, FOLDER.benchmarks, "Regional average published for the period's benchmark year.", benchmarkValue("Region"), dynamic),
        m(GENERIC.neighbours, FOLDER.benchmarks, "Statistical neighbours' average published for the period's benchmark year.", benchmarkValue("Neighbours"), dynamic),
        m(GENERIC.q1, FOLDER.benchmarks, "Lower quartile of all authorities (QUARTILE.INC).", benchmarkValue("Q1"), dynamic),
        m(GENERIC.median, FOLDER.benchmarks, "Median of all authorities.", benchmarkValue("Median"), dynamic),
        m(GENERIC.q3, FOLDER.benchmarks, "Upper quartile of all authorities.", benchmarkValue("Q3"), dynamic),
        m(GENERIC.rank, FOLDER.benchmarks, "Published rank among authorities (1 is best).", benchmarkValue("Rank"), { fixed: INTEGER_FORMAT }),
        m(GENERIC.authorities, FOLDER.benchmarks, "Number of authorities ranked.", benchmarkValue("Authorities"), { fixed: INTEGER_FORMAT }),
        m(GENERIC.vsEngland, FOLDER.benchmarks,
            "Actual against England: Better, Similar or Worse (Higher / Similar / Lower without a good direction).", compare(GENERIC.england), text),
        m(GENERIC.vsRegion, FOLDER.benchmarks,
            "Actual against the region: Better, Similar or Worse (Higher / Similar / Lower without a good direction).", compare(GENERIC.region), text),
        m(GENERIC.vsNeighbours, FOLDER.benchmarks,
            "Actual against statistical neighbours: Better, Similar or Worse (Higher / Similar / Lower without a good direction).", compare(GENERIC.neighbours), text),
        m(GENERIC.quartileBand, FOLDER.benchmarks,
            "DfE LAIT quartile band of the actual among all authorities: A (best quarter) to D. Blank for Range and None.",
            IF(oneKpi, bandExpression({
                value: measure(GENERIC.actual), q1: measure(GENERIC.q1), median: measure(GENERIC.median), q3: measure(GENERIC.q3),
                polarity: dynamicPolarity,
            })), text),
        m(GENERIC.formatString, FOLDER.definition,
            "The KPI's Power BI format string; the value measures use it as their dynamic format.",
            IF(oneKpi, selected("Format String")), text),
        m(GENERIC.commentary, FOLDER.values, "Commentary for the period (director's comment, path to green).", onePeriodValue("Commentary"), text),
        m(GENERIC.owner, FOLDER.definition, "Accountable officer.", IF(oneKpi, selected("Owner")), text),
    ];
}

