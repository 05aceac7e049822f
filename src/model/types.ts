import powerbi from "powerbi-visuals-api";
import { Comparison, Direction, GapResult, Movement, Polarity, QuartileBand, Status, StatusReason } from "../rules";
import { RoleName } from "./roles";
import type { PathToGreenView } from "./pathToGreen";
import type { DataQuality } from "../rules/quality";
import type { StaleFigure } from "./quality";

import ISelectionId = powerbi.visuals.ISelectionId;
import VisualTooltipDataItem = powerbi.extensibility.VisualTooltipDataItem;

/** One period of a KPI's series (sparkline), in time order. */
export interface PeriodPoint {
    readonly label: string;
    readonly actual: number | null;
    readonly target: number | null;
    /** Data quality of the period's value (the `quality` role); absent when none is bound. */
    readonly quality?: DataQuality;
}

export type BenchmarkKind = "england" | "region" | "neighbours";

export interface BenchmarkMarker {
    readonly kind: BenchmarkKind;
    /** The benchmark as supplied: its place on the strip, beside the quartiles and `own`. */
    readonly value: number;
    /** The benchmark at the shown precision, as text: the number `comparison` compared. */
    readonly text: string;
    readonly comparison: Comparison | null;
}

export interface BenchmarkView {
    /** Quartile cut points, all three present and in order, or null. */
    readonly quartiles: { readonly q1: number; readonly median: number; readonly q3: number } | null;
    readonly band: QuartileBand | null;
    readonly markers: readonly BenchmarkMarker[];
    /** The council's own (current) value as supplied, as the band compares it (LAIT). */
    readonly own: number | null;
    /** Lower values are better: the strip runs from high (worst) on the left to low (best). */
    readonly reversed: boolean;
    /** "12th of 152", or null without a rank. */
    readonly rankText: string | null;
}

export interface KpiTile {
    /** Stable key: the KPI name as shown (duplicate names merge into one tile). */
    readonly key: string;
    readonly name: string;
    readonly group: string | null;
    /** Order the KPI first appeared in the data. */
    readonly deliveredIndex: number;
    readonly period: string | null;
    /** The actual at its shown precision (toShownPrecision): the number `actualText` shows and the rules rated. */
    readonly actual: number | null;
    readonly actualText: string;
    /** The target at its shown precision. */
    readonly target: number | null;
    readonly targetText: string | null;
    readonly gap: GapResult | null;
    /** "4.5 pts below target", "On target", or null without a target. */
    readonly gapText: string | null;
    readonly status: Status;
    readonly statusReason: StatusReason;
    readonly statusLabel: string;
    /** Rating-rules "Tooltips" sentence: reason, polarity, direction. */
    readonly statusExplanation: string;
    readonly polarity: Polarity | null;
    readonly direction: Direction;
    readonly movement: Movement | null;
    readonly directionLabel: string;
    /** "2.1 pts", the size of the change, or null. */
    readonly changeText: string | null;
    readonly benchmark: BenchmarkView | null;
    readonly series: readonly PeriodPoint[];
    readonly owner: string | null;
    readonly commentary: string | null;
    readonly tooltipItems: readonly VisualTooltipDataItem[];
    readonly ariaLabel: string;
    /** Data quality of the shown figure (the `quality` role); absent or Final when it is final. */
    readonly quality?: DataQuality;
    /** "Provisional" or "Estimated" when the shown figure is marked as not final, else null. */
    readonly qualityText?: string | null;
    /** Set when the period in view has no figure for this KPI and an earlier one is shown. */
    readonly stale?: StaleFigure | null;
    /** The path to green of the period shown (action roles, src/model/pathToGreen.ts); absent or null without one. */
    readonly pathToGreen?: PathToGreenView | null;
    readonly selectionId: ISelectionId | undefined;
    readonly dimmedByHighlight: boolean;
}

export interface TilesModel {
    readonly kind: "tiles";
    readonly tiles: readonly KpiTile[];
    /** Roles with a field bound (decides which elements can appear at all). */
    readonly bound: ReadonlySet<RoleName>;
    readonly hasHighlights: boolean;
    /** Set when Power BI says more rows exist than it delivered (data reduction). */
    readonly reduced: { readonly deliveredRows: number } | null;
}

export interface LandingModel {
    readonly kind: "landing";
    /** Required roles that have no field yet. */
    readonly missing: readonly RoleName[];
}

export interface EmptyModel {
    readonly kind: "empty";
}

export type ViewModel = TilesModel | LandingModel | EmptyModel;
