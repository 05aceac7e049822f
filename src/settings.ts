import powerbi from "powerbi-visuals-api";
import { formattingSettings } from "powerbi-visuals-utils-formattingmodel";
import { DEFAULT_STATUS_COLOURS, Polarity, Status } from "./rules";
import { STRINGS, StringKey } from "./i18n/strings";
import { colourOr } from "./colour";

import SimpleCard = formattingSettings.SimpleCard;
import Model = formattingSettings.Model;
import Slice = formattingSettings.Slice;

/**
 * The formatting pane. Every card name and slice name here is an object / property in
 * capabilities.json "objects". Display names go through displayNameKey (stringResources), with
 * the en-US wording as displayName. Defaults are what "Reset to default" restores.
 */

/** powerbi.visuals.ValidatorType is a const enum with no runtime object: its values, typed. */
const MIN = 0 as powerbi.visuals.ValidatorType.Min;
const MAX = 1 as powerbi.visuals.ValidatorType.Max;

type Item = { value: string; displayNameKey: string; displayName: string };

function items(prefix: string, values: readonly string[]): Item[] {
    return values.map(value => {
        const key = `${prefix}${value}` as StringKey;
        return { value, displayNameKey: key, displayName: STRINGS[key] };
    });
}

function named(key: StringKey): { displayNameKey: string; displayName: string } {
    return { displayNameKey: key, displayName: STRINGS[key] };
}

function colour(name: string, key: StringKey, value: string): formattingSettings.ColorPicker {
    return new formattingSettings.ColorPicker({ name, ...named(key), value: { value } });
}

function toggle(name: string, key: StringKey, value = true): formattingSettings.ToggleSwitch {
    return new formattingSettings.ToggleSwitch({ name, ...named(key), value });
}

function dropdown(name: string, key: StringKey, list: Item[], initial: string): formattingSettings.ItemDropdown {
    return new formattingSettings.ItemDropdown({ name, ...named(key), items: list, value: list.find(i => i.value === initial) ?? list[0] });
}

function labelInput(name: string, key: StringKey): formattingSettings.TextInput {
    return new formattingSettings.TextInput({
        name, ...named(key), value: "", placeholder: "",
        descriptionKey: "Slice_Label_Description", description: STRINGS.Slice_Label_Description,
    });
}

export const SORT_OPTIONS = ["none", "status", "name", "group", "gap", "overdue"] as const;
/** The views of src/rules/views.ts (all, exceptions, good, escalations, overdue), and Red only. */
export const FILTER_OPTIONS = ["all", "exceptions", "good", "escalations", "overdue", "red"] as const;
export const DENSITY_OPTIONS = ["auto", "detailed", "standard", "compact", "minimal"] as const;
export type SortOption = typeof SORT_OPTIONS[number];
export type FilterOption = typeof FILTER_OPTIONS[number];
export type DensityOption = typeof DENSITY_OPTIONS[number];

export class StatusColoursCard extends SimpleCard {
    name = "statusColours";
    displayNameKey = "Card_Colours";
    displayName = STRINGS.Card_Colours;
    blue = colour("blue", "Slice_Colour_blue", DEFAULT_STATUS_COLOURS.blue);
    green = colour("green", "Slice_Colour_green", DEFAULT_STATUS_COLOURS.green);
    amber = colour("amber", "Slice_Colour_amber", DEFAULT_STATUS_COLOURS.amber);
    red = colour("red", "Slice_Colour_red", DEFAULT_STATUS_COLOURS.red);
    notRated = colour("notRated", "Slice_Colour_notRated", DEFAULT_STATUS_COLOURS["not-rated"]);
    noData = colour("noData", "Slice_Colour_noData", DEFAULT_STATUS_COLOURS["no-data"]);
    showShapes = toggle("showShapes", "Slice_ShowShapes");
    slices: Slice[] = [this.blue, this.green, this.amber, this.red, this.notRated, this.noData, this.showShapes];
}

export class LayoutCard extends SimpleCard {
    name = "layout";
    displayNameKey = "Card_Layout";
    displayName = STRINGS.Card_Layout;
    tileWidth = new formattingSettings.NumUpDown({
        name: "tileWidth", ...named("Slice_TileWidth"), value: 220,
        options: {
            minValue: { type: MIN, value: 120 },
            maxValue: { type: MAX, value: 640 },
        },
    });
    density = dropdown("density", "Slice_Density", items("Density_", DENSITY_OPTIONS), "auto");
    tilesPerRow = new formattingSettings.NumUpDown({
        name: "tilesPerRow", ...named("Slice_TilesPerRow"), value: 0,
        options: {
            minValue: { type: MIN, value: 0 },
            maxValue: { type: MAX, value: 12 },
        },
    });
    sortBy = dropdown("sortBy", "Slice_SortBy", items("Sort_", SORT_OPTIONS), "none");
    filter = dropdown("filter", "Slice_Filter", items("Filter_", FILTER_OPTIONS), "all");
    showGroupHeadings = toggle("showGroupHeadings", "Slice_GroupHeadings");
    showSummary = toggle("showSummary", "Slice_Summary");
    slices: Slice[] = [this.tileWidth, this.density, this.tilesPerRow, this.sortBy, this.filter, this.showGroupHeadings, this.showSummary];
}

export class ElementsCard extends SimpleCard {
    name = "elements";
    displayNameKey = "Card_Elements";
    displayName = STRINGS.Card_Elements;
    showPeriod = toggle("showPeriod", "Slice_ShowPeriod");
    showTarget = toggle("showTarget", "Slice_ShowTarget");
    showGap = toggle("showGap", "Slice_ShowGap");
    showDirection = toggle("showDirection", "Slice_ShowDirection");
    showBenchmark = toggle("showBenchmark", "Slice_ShowBenchmark");
    showSparkline = toggle("showSparkline", "Slice_ShowSparkline");
    showOwner = toggle("showOwner", "Slice_ShowOwner");
    showCommentary = toggle("showCommentary", "Slice_ShowCommentary");
    commentaryLines = new formattingSettings.NumUpDown({
        name: "commentaryLines", ...named("Slice_CommentaryLines"), value: 3,
        options: {
            minValue: { type: MIN, value: 1 },
            maxValue: { type: MAX, value: 12 },
        },
    });
    slices: Slice[] = [this.showPeriod, this.showTarget, this.showGap, this.showDirection, this.showBenchmark,
        this.showSparkline, this.showOwner, this.showCommentary, this.commentaryLines];
}

export class TextCard extends SimpleCard {
    name = "text";
    displayNameKey = "Card_Text";
    displayName = STRINGS.Card_Text;
    fontFamily = new formattingSettings.FontPicker({
        name: "fontFamily", ...named("Slice_FontFamily"),
        value: "\"Segoe UI\", wf_segoe-ui_normal, helvetica, arial, sans-serif",
    });
    fontSize = new formattingSettings.NumUpDown({
        name: "fontSize", ...named("Slice_FontSize"), value: 12,
        options: {
            minValue: { type: MIN, value: 8 },
            maxValue: { type: MAX, value: 24 },
        },
    });
    slices: Slice[] = [this.fontFamily, this.fontSize];
}

export class RatingCard extends SimpleCard {
    name = "rating";
    displayNameKey = "Card_Rating";
    displayName = STRINGS.Card_Rating;
    defaultPolarity = dropdown("defaultPolarity", "Slice_DefaultPolarity", items("Polarity_Option_", ["High", "Low", "Range", "None"]), "High");
    defaultTolerance = new formattingSettings.NumUpDown({
        name: "defaultTolerance", ...named("Slice_DefaultTolerance"), value: 0,
        options: { minValue: { type: MIN, value: 0 } },
    });
    defaultToleranceType = dropdown("defaultToleranceType", "Slice_DefaultToleranceType",
        items("ToleranceType_", ["absolute", "relative"]), "absolute");
    slices: Slice[] = [this.defaultPolarity, this.defaultTolerance, this.defaultToleranceType];
}

export class LabelsCard extends SimpleCard {
    name = "labels";
    displayNameKey = "Card_Labels";
    displayName = STRINGS.Card_Labels;
    blue = labelInput("blue", "Slice_Label_blue");
    green = labelInput("green", "Slice_Label_green");
    amber = labelInput("amber", "Slice_Label_amber");
    red = labelInput("red", "Slice_Label_red");
    notRated = labelInput("notRated", "Slice_Label_notRated");
    noData = labelInput("noData", "Slice_Label_noData");
    slices: Slice[] = [this.blue, this.green, this.amber, this.red, this.notRated, this.noData];
}

export class VisualSettings extends Model {
    statusColours = new StatusColoursCard();
    layout = new LayoutCard();
    elements = new ElementsCard();
    text = new TextCard();
    rating = new RatingCard();
    labels = new LabelsCard();
    cards = [this.statusColours, this.layout, this.elements, this.text, this.rating, this.labels];
}

/** Plain, validated options read from the settings: what src/model and src/render use. */
export interface TileOptions {
    readonly statusColours: Readonly<Record<Status, string>>;
    readonly showShapes: boolean;
    readonly tileWidth: number;
    readonly density: DensityOption;
    /** Tiles per row; 0 = as many as fit. */
    readonly tilesPerRow: number;
    readonly sortBy: SortOption;
    readonly filter: FilterOption;
    readonly showGroupHeadings: boolean;
    readonly showSummary: boolean;
    readonly show: {
        readonly period: boolean; readonly target: boolean; readonly gap: boolean; readonly direction: boolean;
        readonly benchmark: boolean; readonly sparkline: boolean; readonly owner: boolean; readonly commentary: boolean;
    };
    readonly commentaryLines: number;
    readonly fontFamily: string;
    readonly fontSize: number;
    readonly defaultPolarity: Polarity;
    readonly defaultTolerance: number;
    readonly defaultToleranceType: "absolute" | "relative";
    /** Custom status labels; empty means the localised default. */
    readonly statusLabels: Readonly<Partial<Record<Status, string>>>;
}

function pick<T extends string>(value: unknown, allowed: readonly T[], fallback: T): T {
    const raw = typeof value === "object" && value !== null ? (value as { value?: unknown }).value : value;
    return allowed.includes(raw as T) ? raw as T : fallback;
}

function clamp(value: unknown, min: number, max: number, fallback: number): number {
    return typeof value === "number" && Number.isFinite(value) ? Math.min(max, Math.max(min, value)) : fallback;
}

/** The slice's colour when it is a colour notation (src/colour.ts), else the default: nothing else reaches SVG or CSS. */
function colourOf(slice: formattingSettings.ColorPicker, fallback: string): string {
    const value: unknown = slice.value;
    return colourOr(typeof value === "object" && value !== null ? (value as { value?: unknown }).value : value, fallback);
}

export function tileOptionsFrom(settings: VisualSettings): TileOptions {
    const c = settings.statusColours;
    const notRated = colourOf(c.notRated, DEFAULT_STATUS_COLOURS["not-rated"]);
    const noData = colourOf(c.noData, DEFAULT_STATUS_COLOURS["no-data"]);
    const e = settings.elements;
    const l = settings.labels;
    const label = (s: formattingSettings.TextInput): string => (typeof s.value === "string" ? s.value.trim() : "");
    const notRatedLabel = label(l.notRated);
    const noDataLabel = label(l.noData);
    return {
        statusColours: {
            "blue": colourOf(c.blue, DEFAULT_STATUS_COLOURS.blue),
            "green": colourOf(c.green, DEFAULT_STATUS_COLOURS.green),
            "amber": colourOf(c.amber, DEFAULT_STATUS_COLOURS.amber),
            "red": colourOf(c.red, DEFAULT_STATUS_COLOURS.red),
            "not-rated": notRated,
            "no-target": notRated,
            "no-data": noData,
            "unrecognised": noData,
        },
        showShapes: c.showShapes.value !== false,
        tileWidth: clamp(settings.layout.tileWidth.value, 120, 640, 220),
        density: pick(settings.layout.density.value, DENSITY_OPTIONS, "auto"),
        tilesPerRow: Math.round(clamp(settings.layout.tilesPerRow.value, 0, 12, 0)),
        sortBy: pick(settings.layout.sortBy.value, SORT_OPTIONS, "none"),
        filter: pick(settings.layout.filter.value, FILTER_OPTIONS, "all"),
        showGroupHeadings: settings.layout.showGroupHeadings.value !== false,
        showSummary: settings.layout.showSummary.value !== false,
        show: {
            period: e.showPeriod.value !== false,
            target: e.showTarget.value !== false,
            gap: e.showGap.value !== false,
            direction: e.showDirection.value !== false,
            benchmark: e.showBenchmark.value !== false,
            sparkline: e.showSparkline.value !== false,
            owner: e.showOwner.value !== false,
            commentary: e.showCommentary.value !== false,
        },
        commentaryLines: Math.round(clamp(e.commentaryLines.value, 1, 12, 3)),
        fontFamily: typeof settings.text.fontFamily.value === "string" && settings.text.fontFamily.value !== ""
            ? settings.text.fontFamily.value : "\"Segoe UI\", helvetica, arial, sans-serif",
        fontSize: clamp(settings.text.fontSize.value, 8, 24, 12),
        defaultPolarity: pick(settings.rating.defaultPolarity.value, ["High", "Low", "Range", "None"], "High"),
        defaultTolerance: clamp(settings.rating.defaultTolerance.value, 0, Number.MAX_VALUE, 0),
        defaultToleranceType: pick(settings.rating.defaultToleranceType.value, ["absolute", "relative"], "absolute"),
        statusLabels: {
            "blue": label(l.blue) || undefined,
            "green": label(l.green) || undefined,
            "amber": label(l.amber) || undefined,
            "red": label(l.red) || undefined,
            "not-rated": notRatedLabel || undefined,
            "no-target": notRatedLabel || undefined,
            "no-data": noDataLabel || undefined,
            "unrecognised": undefined,
        },
    };
}

/** Options with every default, for tests and for the model before settings are read. */
export function defaultTileOptions(): TileOptions {
    return tileOptionsFrom(new VisualSettings());
}
