import { DirectionResult, GapResult, Polarity, StatusResult } from "../rules";
import { Localiser } from "../i18n/localiser";
import { NumberText } from "./numberText";

/** What the wording functions need to know about one KPI's current period. */
export interface WordingContext {
    readonly t: Localiser;
    readonly numbers: NumberText;
    readonly format: string | undefined;
    readonly statusLabel: string;
    readonly period: string | null;
}

function differenceText(ctx: WordingContext, magnitude: number, long: boolean): string {
    const diff = ctx.numbers.difference(magnitude, ctx.format);
    if (!diff.points) return diff.text;
    return ctx.t.format(long ? "Unit_Points" : "Unit_PointsShort", diff.text);
}

/** "4.5 pts below target" (percentages), "12 below target", "On target". */
export function gapWords(ctx: WordingContext, gap: GapResult | null): string | null {
    if (!gap) return null;
    if (gap.side === "on") return ctx.t.text("Gap_On");
    const size = differenceText(ctx, gap.gap, false);
    return ctx.t.format(gap.side === "below" ? "Gap_Below" : "Gap_Above", size);
}

/** The size of a change between periods: "2.1 pts", "35". */
export function changeWords(ctx: WordingContext, direction: DirectionResult): string | null {
    if (direction.change === null || direction.change === 0) return null;
    return differenceText(ctx, direction.change, false);
}

/** Tolerance as a reader sees it: "5%" of target (relative) or "2.0 points" / "3" (absolute). */
export function toleranceWords(ctx: WordingContext, tolerance: number, kind: "absolute" | "relative"): string {
    return kind === "relative" ? ctx.numbers.percent(tolerance) : differenceText(ctx, tolerance, true);
}

function phrase(ctx: WordingContext, status: StatusResult, gap: GapResult | null): string {
    const side = gap?.side ?? "on";
    const size = differenceText(ctx, gap?.gap ?? status.shortfall ?? 0, true);
    return ctx.t.format(side === "below" ? "Gap_BelowPhrase" : "Gap_AbovePhrase", size);
}

export interface ExplainInput {
    readonly status: StatusResult;
    readonly gap: GapResult | null;
    readonly polarity: Polarity | null;
    readonly polarityRaw: string | null;
    readonly tolerance: { readonly value: number; readonly kind: "absolute" | "relative" } | null;
    readonly direction: DirectionResult;
    readonly directionLabel: string;
    readonly previousPeriod: string | null;
}

/** The reason for the status, in one sentence. */
export function reasonSentence(ctx: WordingContext, input: ExplainInput): string {
    const { status, gap } = input;
    const t = ctx.t;
    const label = ctx.statusLabel;
    const value = (n: number | null): string => (n === null ? "" : ctx.numbers.value(n, ctx.format));
    const toleranceClause = (): string | null =>
        input.tolerance ? t.format("Clause_Tolerance", toleranceWords(ctx, input.tolerance.value, input.tolerance.kind)) : null;
    switch (status.reason) {
        case "override": return t.format("Explain_Override", label);
        case "override-unrecognised": return t.format("Explain_OverrideUnrecognised", label, status.unrecognisedText ?? "");
        case "no-data": return ctx.period ? t.format("Explain_NoData", label, ctx.period) : t.format("Explain_NoDataNoPeriod", label);
        case "polarity-unrecognised": return t.format("Explain_PolarityUnrecognised", label, input.polarityRaw ?? "");
        case "polarity-none": return t.format("Explain_PolarityNone", label);
        case "no-target": return t.format("Explain_NoTarget", label);
        case "stretch-met":
            return status.target === null
                ? t.format("Explain_StretchNoTarget", label, value(status.stretch))
                : t.format("Explain_Stretch", label, value(status.stretch), value(status.target));
        case "on-target":
            return gap && gap.side !== "on"
                ? t.format("Explain_OnTarget", label, phrase(ctx, status, gap), value(status.target))
                : t.format("Explain_OnTargetExact", label, value(status.target));
        case "floor-met":
            return t.format("Explain_Missed", label, phrase(ctx, status, gap), value(status.target),
                t.format(input.polarity === "Low" ? "Clause_FloorMetLow" : "Clause_FloorMet", value(status.floor)));
        case "floor-missed":
            return t.format("Explain_Missed", label, phrase(ctx, status, gap), value(status.target),
                t.format(input.polarity === "Low" ? "Clause_FloorMissedLow" : "Clause_FloorMissed", value(status.floor)));
        case "within-tolerance":
        case "outside-tolerance":
            return t.format("Explain_Missed", label, phrase(ctx, status, gap), value(status.target), toleranceClause() ?? "");
        case "no-tolerance":
            return t.format("Explain_MissedNoTolerance", label, phrase(ctx, status, gap), value(status.target));
        case "floor-only-met": return t.format("Explain_FloorOnlyMet", label, value(status.floor));
        case "floor-only-missed": return t.format("Explain_FloorOnlyMissed", label, value(status.floor));
        case "range-within":
        case "range-near":
        case "range-outside": {
            const width = status.toleranceWidth ?? 0;
            const clause = t.format("Clause_RangeTolerance", differenceText(ctx, width, true), differenceText(ctx, 2 * width, true));
            return t.format("Explain_Range", label, differenceText(ctx, status.shortfall ?? 0, true), value(status.target), clause);
        }
    }
}

export function polaritySentence(ctx: WordingContext, polarity: Polarity | null): string | null {
    switch (polarity) {
        case "High": return ctx.t.text("Polarity_High");
        case "Low": return ctx.t.text("Polarity_Low");
        case "Range": return ctx.t.text("Polarity_Range");
        case "None": return ctx.t.text("Polarity_None");
        default: return null;
    }
}

/** "Worsening since 2024/25 Q4 (was 82.1%)." or null when there is no previous value. */
export function directionSentence(ctx: WordingContext, input: Pick<ExplainInput, "direction" | "directionLabel" | "previousPeriod">): string | null {
    if (input.direction.direction === "unknown" || input.direction.previous === null) return null;
    const was = ctx.numbers.value(input.direction.previous, ctx.format);
    return input.previousPeriod
        ? ctx.t.format("Direction_Since", input.directionLabel, input.previousPeriod, was)
        : ctx.t.format("Direction_SincePrevious", input.directionLabel, was);
}

/** The full tooltip explanation (rating-rules.md, "Tooltips"). */
export function statusExplanation(ctx: WordingContext, input: ExplainInput): string {
    return [reasonSentence(ctx, input), polaritySentence(ctx, input.polarity), directionSentence(ctx, input)]
        .filter((s): s is string => !!s)
        .join(" ");
}
