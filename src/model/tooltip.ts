import powerbi from "powerbi-visuals-api";
import { Localiser } from "../i18n/localiser";
import { StringKey } from "../i18n/strings";
import { NumberText } from "./numberText";
import { qualityWords } from "./quality";
import { KpiTile } from "./types";
import { directionSentence, ExplainInput, toleranceWords, WordingContext } from "./wording";

import VisualTooltipDataItem = powerbi.extensibility.VisualTooltipDataItem;
import DataViewMetadataColumn = powerbi.DataViewMetadataColumn;
import PrimitiveValue = powerbi.PrimitiveValue;

type TileCore = Omit<KpiTile, "tooltipItems" | "ariaLabel" | "statusExplanation">;

export interface TooltipContext {
    readonly t: Localiser;
    readonly numbers: NumberText;
    readonly format: string | undefined;
    readonly wording: WordingContext;
    readonly explainInput: ExplainInput;
    readonly floor: number | null;
    readonly stretch: number | null;
    readonly extra: readonly { readonly source: DataViewMetadataColumn; readonly value: PrimitiveValue | null | undefined }[];
}

/**
 * Tooltip lines, most important first: the status explained in words, then the numbers behind
 * it, direction, benchmarks, band and rank, owner, the full commentary and the `tooltips` fields.
 * Next to the figure: its data quality when not final ("Data quality: Provisional", as the tile
 * and its aria-label say) and, for a stale tile, the staleness sentence ("No 2025/26 Q2 figure;
 * latest 2025/26 Q1", from `tile.stale`).
 */
export function buildTooltipItems(tile: Omit<KpiTile, "tooltipItems">, ctx: TooltipContext): VisualTooltipDataItem[] {
    const { t, numbers, format } = ctx;
    const items: VisualTooltipDataItem[] = [];
    const add = (key: StringKey, value: string | null | undefined): void => {
        if (value !== null && value !== undefined && value !== "") items.push({ displayName: t.text(key), value });
    };
    add("Tooltip_Status", tile.statusExplanation);
    add("Tooltip_Group", tile.group);
    add("Tooltip_Period", tile.period);
    add("Tooltip_Actual", tile.actual === null ? null : tile.actualText);
    if (tile.quality !== undefined) add("Tooltip_Quality", qualityWords(tile.quality, t));
    add("Tooltip_Stale", tile.stale?.text);
    add("Tooltip_Target", tile.targetText);
    add("Tooltip_Gap", tile.gapText);
    const tolerance = ctx.explainInput.tolerance;
    if (ctx.floor !== null) add("Tooltip_Floor", numbers.value(ctx.floor, format));
    if (tolerance) add("Tooltip_Tolerance", toleranceWords(ctx.wording, tolerance.value, tolerance.kind));
    if (ctx.stretch !== null) add("Tooltip_Stretch", numbers.value(ctx.stretch, format));
    const change = tile.changeText ? t.format("Direction_Change", tile.directionLabel, tile.changeText) : tile.directionLabel;
    add("Tooltip_Direction", directionSentence(ctx.wording, ctx.explainInput) ?? (tile.direction === "unknown" ? null : change));
    for (const marker of tile.benchmark?.markers ?? []) {
        const comparison = marker.comparison ? t.text(`Compare_${marker.comparison}` as StringKey) : null;
        add(`Bench_${marker.kind}` as StringKey, comparison ? t.format("Bench_Value", marker.text, comparison) : marker.text);
    }
    if (tile.benchmark?.band) add("Tooltip_Band", `${tile.benchmark.band} (${t.text("Band_Best")})`);
    add("Tooltip_Rank", tile.benchmark?.rankText);
    add("Tooltip_Owner", tile.owner);
    add("Tooltip_Commentary", tile.commentary);
    const path = tile.pathToGreen;
    if (path) {
        const words = [path.summary, path.overdue ? t.text("PathToGreen_Overdue") : null, path.action ? t.format("PathToGreen_Action", path.action) : null,
            path.owner ? t.format("PathToGreen_Owner", path.owner) : null, path.updatedText ? t.format("PathToGreen_Updated", path.updatedText) : null];
        add("Tooltip_PathToGreen", words.filter(Boolean).join(". "));
    }
    for (const field of ctx.extra) {
        if (field.value === null || field.value === undefined || field.value === "") continue;
        const value = typeof field.value === "number" || field.value instanceof Date
            ? numbers.shown(field.value, field.source.format) : String(field.value);
        if (value !== "") items.push({ displayName: field.source.displayName, value });
    }
    return items;
}

/** Everything a sighted reader gets from the tile, in words, for screen readers. */
export function buildAriaLabel(tile: TileCore, t: Localiser): string {
    const parts: string[] = [];
    parts.push(tile.group ? `${tile.name}, ${tile.group}` : tile.name);
    if (tile.actual !== null) parts.push(tile.period ? t.format("Aria_Actual", tile.actualText, tile.period) : tile.actualText);
    parts.push(t.format("Aria_Status", tile.statusLabel));
    if (tile.targetText) parts.push(t.format("Target_Label", tile.targetText));
    if (tile.gapText) parts.push(tile.gapText);
    if (tile.direction !== "unknown") {
        parts.push(tile.changeText ? t.format("Direction_Change", tile.directionLabel, tile.changeText) : tile.directionLabel);
    }
    if (tile.benchmark?.band) parts.push(t.format("Aria_Band", tile.benchmark.band));
    if (tile.benchmark?.rankText) parts.push(t.format("Aria_Rank", tile.benchmark.rankText));
    if (tile.owner) parts.push(t.format("Tile_Owner", tile.owner));
    const path = tile.pathToGreen;
    if (path?.summary) parts.push(path.summary);
    if (path?.overdue) parts.push(t.text("PathToGreen_OverdueSince"));
    if (path?.owner) parts.push(t.format("PathToGreen_Owner", path.owner));
    return parts.join(". ");
}
