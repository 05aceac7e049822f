import { DEFAULT_STATUS_COLOURS, Polarity, Status } from "./rules";
import { StringKey } from "./i18n/strings";
import { colourOr } from "./colour";

/**
 * Every setting of the visual, declared once. The format pane's cards and slices (src/settings.ts),
 * their defaults (what "Reset to default" restores), the bounds, capabilities.json "objects"
 * (checked by a test) and the plain options the model and the renderer read (TileOptions,
 * readOptions below) all come from this table.
 */

export const SORT_OPTIONS = ["none", "status", "name", "group", "gap", "overdue"] as const;
/** The views of src/rules/views.ts (all, exceptions, good, escalations, overdue), and Red only. */
export const FILTER_OPTIONS = ["all", "exceptions", "good", "escalations", "overdue", "red"] as const;
/** Auto: the renderer chooses from the box and the number of tiles (src/render/layout.ts). */
export const DENSITY_OPTIONS = ["auto", "detailed", "standard", "compact", "minimal"] as const;
export const POLARITY_OPTIONS = ["High", "Low", "Range", "None"] as const;
export const TOLERANCE_TYPE_OPTIONS = ["absolute", "relative"] as const;
export type SortOption = typeof SORT_OPTIONS[number];
export type FilterOption = typeof FILTER_OPTIONS[number];
export type DensityOption = typeof DENSITY_OPTIONS[number];

export const DEFAULT_FONT_FAMILY = "\"Segoe UI\", wf_segoe-ui_normal, helvetica, arial, sans-serif";

interface Base { readonly label: StringKey; readonly description?: StringKey }
export type SettingDef =
    | Base & { readonly kind: "colour"; readonly default: string; /** Conditional formatting (fx) from a measure, per KPI. */ readonly fx?: boolean }
    | Base & { readonly kind: "toggle"; readonly default: boolean }
    | Base & { readonly kind: "number"; readonly default: number; readonly min: number; readonly max?: number; readonly integer?: boolean }
    | Base & { readonly kind: "choice"; readonly default: string; readonly choices: readonly string[]; /** String key prefix of each choice's name. */ readonly itemPrefix: string }
    | Base & { readonly kind: "text"; readonly default: string }
    | Base & { readonly kind: "fontFamily"; readonly default: string }
    | Base & { readonly kind: "fontSize"; readonly default: number; readonly min: number; readonly max: number };

export interface CardDef { readonly label: StringKey; readonly settings: Readonly<Record<string, SettingDef>> }

const statusLabel = (label: StringKey): SettingDef => ({ kind: "text", label, default: "", description: "Slice_Label_Description" });

/** Cards in format-pane order; settings in slice order. */
export const SETTINGS = {
    statusColours: {
        label: "Card_Colours",
        settings: {
            blue: { kind: "colour", label: "Slice_Colour_blue", default: DEFAULT_STATUS_COLOURS.blue, fx: true },
            green: { kind: "colour", label: "Slice_Colour_green", default: DEFAULT_STATUS_COLOURS.green, fx: true },
            amber: { kind: "colour", label: "Slice_Colour_amber", default: DEFAULT_STATUS_COLOURS.amber, fx: true },
            red: { kind: "colour", label: "Slice_Colour_red", default: DEFAULT_STATUS_COLOURS.red, fx: true },
            notRated: { kind: "colour", label: "Slice_Colour_notRated", default: DEFAULT_STATUS_COLOURS["not-rated"], fx: true },
            noData: { kind: "colour", label: "Slice_Colour_noData", default: DEFAULT_STATUS_COLOURS["no-data"], fx: true },
            // Group headings' rule; per KPI (fx), a bar on the tile's left edge.
            accent: { kind: "colour", label: "Slice_Colour_accent", default: "#505a5f", fx: true },
            showShapes: { kind: "toggle", label: "Slice_ShowShapes", default: true },
        },
    },
    layout: {
        label: "Card_Layout",
        settings: {
            tileWidth: { kind: "number", label: "Slice_TileWidth", default: 220, min: 120, max: 640 },
            density: { kind: "choice", label: "Slice_Density", default: "auto", choices: DENSITY_OPTIONS, itemPrefix: "Density_" },
            tilesPerRow: { kind: "number", label: "Slice_TilesPerRow", default: 0, min: 0, max: 12, integer: true },
            sortBy: { kind: "choice", label: "Slice_SortBy", default: "none", choices: SORT_OPTIONS, itemPrefix: "Sort_" },
            filter: { kind: "choice", label: "Slice_Filter", default: "all", choices: FILTER_OPTIONS, itemPrefix: "Filter_" },
            showGroupHeadings: { kind: "toggle", label: "Slice_GroupHeadings", default: true },
            showSummary: { kind: "toggle", label: "Slice_Summary", default: true },
        },
    },
    elements: {
        label: "Card_Elements",
        settings: {
            showPeriod: { kind: "toggle", label: "Slice_ShowPeriod", default: true },
            showTarget: { kind: "toggle", label: "Slice_ShowTarget", default: true },
            showGap: { kind: "toggle", label: "Slice_ShowGap", default: true },
            showDirection: { kind: "toggle", label: "Slice_ShowDirection", default: true },
            showBenchmark: { kind: "toggle", label: "Slice_ShowBenchmark", default: true },
            showSparkline: { kind: "toggle", label: "Slice_ShowSparkline", default: true },
            showOwner: { kind: "toggle", label: "Slice_ShowOwner", default: true },
            showCommentary: { kind: "toggle", label: "Slice_ShowCommentary", default: true },
            commentaryLines: { kind: "number", label: "Slice_CommentaryLines", default: 3, min: 1, max: 12, integer: true },
        },
    },
    text: {
        label: "Card_Text",
        settings: {
            fontFamily: { kind: "fontFamily", label: "Slice_FontFamily", default: DEFAULT_FONT_FAMILY },
            // In points, as Power BI's own format pane (1 pt = 4/3 px): 9 pt is the 12 px this visual used to default to.
            fontSize: { kind: "fontSize", label: "Slice_FontSize", default: 9, min: 6, max: 18 },
        },
    },
    rating: {
        label: "Card_Rating",
        settings: {
            defaultPolarity: { kind: "choice", label: "Slice_DefaultPolarity", default: "High", choices: POLARITY_OPTIONS, itemPrefix: "Polarity_Option_" },
            defaultTolerance: { kind: "number", label: "Slice_DefaultTolerance", default: 0, min: 0 },
            defaultToleranceType: { kind: "choice", label: "Slice_DefaultToleranceType", default: "absolute", choices: TOLERANCE_TYPE_OPTIONS, itemPrefix: "ToleranceType_" },
        },
    },
    labels: {
        label: "Card_Labels",
        settings: {
            blue: statusLabel("Slice_Label_blue"),
            green: statusLabel("Slice_Label_green"),
            amber: statusLabel("Slice_Label_amber"),
            red: statusLabel("Slice_Label_red"),
            notRated: statusLabel("Slice_Label_notRated"),
            noData: statusLabel("Slice_Label_noData"),
        },
    },
} as const satisfies Readonly<Record<string, CardDef>>;

export type CardName = keyof typeof SETTINGS;
export type SettingName<C extends CardName> = keyof typeof SETTINGS[C]["settings"] & string;

/** Plain, validated options read from the settings: what src/model and src/render use. */
export interface TileOptions {
    readonly statusColours: Readonly<Record<Status, string>>;
    readonly showShapes: boolean;
    /** Accent colour: the group headings' rule (per KPI through fx: src/model/conditionalColours.ts). */
    readonly accent: string;
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

/** A raw value (as the format pane holds it: a plain value, or `{ value }` for colours and choices). */
function raw(value: unknown): unknown {
    return typeof value === "object" && value !== null && "value" in value ? (value as { value?: unknown }).value : value;
}

/** The value of one setting, checked against its declaration: out-of-range numbers are clamped, anything unusable is the default. */
export function settingValue(def: SettingDef, value: unknown): string | number | boolean {
    const v = raw(value);
    switch (def.kind) {
        case "colour":
            // src/colour.ts: only colour notations reach SVG and CSS.
            return colourOr(v, def.default);
        case "toggle":
            return typeof v === "boolean" ? v : def.default;
        case "number":
        case "fontSize": {
            if (typeof v !== "number" || !Number.isFinite(v)) return def.default;
            const clamped = Math.min(def.max ?? Number.MAX_VALUE, Math.max(def.min, v));
            return def.kind === "number" && def.integer ? Math.round(clamped) : clamped;
        }
        case "choice":
            return typeof v === "string" && def.choices.includes(v) ? v : def.default;
        case "text":
            return typeof v === "string" ? v.trim() : def.default;
        case "fontFamily":
            return typeof v === "string" && v.trim() !== "" ? v : def.default;
    }
}

/** Reads a setting's raw value (undefined: not set). */
export type ValueSource = <C extends CardName>(card: C, name: SettingName<C>) => unknown;

/** The options, from raw values. */
export function readOptions(source: ValueSource): TileOptions {
    const get = <C extends CardName>(card: C, name: SettingName<C>): string | number | boolean =>
        settingValue((SETTINGS[card].settings as Readonly<Record<string, SettingDef>>)[name], source(card, name));
    const colour = (name: SettingName<"statusColours">): string => get("statusColours", name) as string;
    const on = (name: SettingName<"elements">): boolean => get("elements", name) as boolean;
    const label = (name: SettingName<"labels">): string | undefined => (get("labels", name) as string) || undefined;
    const notRated = colour("notRated");
    const noData = colour("noData");
    return {
        statusColours: {
            "blue": colour("blue"), "green": colour("green"), "amber": colour("amber"), "red": colour("red"),
            "not-rated": notRated, "no-target": notRated, "no-data": noData, "unrecognised": noData,
        },
        showShapes: get("statusColours", "showShapes") as boolean,
        accent: colour("accent"),
        tileWidth: get("layout", "tileWidth") as number,
        density: get("layout", "density") as DensityOption,
        tilesPerRow: get("layout", "tilesPerRow") as number,
        sortBy: get("layout", "sortBy") as SortOption,
        filter: get("layout", "filter") as FilterOption,
        showGroupHeadings: get("layout", "showGroupHeadings") as boolean,
        showSummary: get("layout", "showSummary") as boolean,
        show: {
            period: on("showPeriod"), target: on("showTarget"), gap: on("showGap"), direction: on("showDirection"),
            benchmark: on("showBenchmark"), sparkline: on("showSparkline"), owner: on("showOwner"), commentary: on("showCommentary"),
        },
        commentaryLines: get("elements", "commentaryLines") as number,
        fontFamily: get("text", "fontFamily") as string,
        fontSize: get("text", "fontSize") as number,
        defaultPolarity: get("rating", "defaultPolarity") as Polarity,
        defaultTolerance: get("rating", "defaultTolerance") as number,
        defaultToleranceType: get("rating", "defaultToleranceType") as "absolute" | "relative",
        statusLabels: {
            "blue": label("blue"), "green": label("green"), "amber": label("amber"), "red": label("red"),
            "not-rated": label("notRated"), "no-target": label("notRated"), "no-data": label("noData"), "unrecognised": undefined,
        },
    };
}

/** capabilities.json "objects" as the table declares them (a test compares the file with this). */
export function capabilityObjects(): Record<string, { displayName: string; displayNameKey: string; properties: Record<string, { type: unknown }> }> {
    const out: Record<string, { displayName: string; displayNameKey: string; properties: Record<string, { type: unknown }> }> = {};
    for (const [card, def] of Object.entries(SETTINGS) as [string, CardDef][]) {
        const properties: Record<string, { type: unknown }> = {};
        for (const [name, setting] of Object.entries(def.settings)) {
            properties[name] = { type: capabilityType(setting) };
        }
        out[card] = { displayName: "", displayNameKey: def.label, properties };
    }
    return out;
}

function capabilityType(setting: SettingDef): unknown {
    switch (setting.kind) {
        case "colour": return { fill: { solid: { color: true } } };
        case "toggle": return { bool: true };
        case "number": return { numeric: true };
        case "choice": return { enumeration: [] };
        case "text": return { text: true };
        case "fontFamily": return { formatting: { fontFamily: true } };
        case "fontSize": return { formatting: { fontSize: true } };
    }
}
