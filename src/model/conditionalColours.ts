import powerbi from "powerbi-visuals-api";
import { SettingDef, SETTINGS } from "../options";
import { colourOr } from "../colour";

/** The colour settings that take conditional formatting (fx) per KPI: the table's colours marked fx. */
export type FxColour = "blue" | "green" | "amber" | "red" | "notRated" | "noData" | "accent";

/** Colours a KPI's conditional formatting gives it, by setting; absent: the format pane's colour. */
export type KpiColours = Readonly<Partial<Record<FxColour, string>>>;

const FX_COLOURS = (Object.entries(SETTINGS.statusColours.settings) as [FxColour, SettingDef][])
    .filter(([, def]) => def.kind === "colour" && def.fx === true).map(([name]) => name);

/**
 * Per-KPI colours from conditional formatting. Power BI evaluates an fx rule (a measure's value,
 * a rule, a gradient) per data point and hands the result in the category column's objects,
 * row by row: `objects[row].statusColours.red.solid.color`. A KPI takes the colour of its last row
 * that has one. Only colour notations pass (src/colour.ts), as for the format pane's own colours.
 * Keyed by the KPI name as the model reads it (the tile's key).
 */
export function conditionalColours(dataView: powerbi.DataView | undefined): ReadonlyMap<string, KpiColours> {
    const out = new Map<string, Partial<Record<FxColour, string>>>();
    const categories = dataView?.categorical?.categories ?? [];
    const kpi = categories.find(c => c.source?.roles?.kpi === true);
    const withObjects = kpi?.objects ? kpi : categories.find(c => Array.isArray(c.objects));
    const objects = withObjects?.objects;
    if (!kpi || !Array.isArray(objects)) return out;
    const rows = Math.min(objects.length, kpi.values?.length ?? 0);
    for (let row = 0; row < rows; row++) {
        const object = objects[row]?.statusColours as Record<string, unknown> | undefined;
        if (!object || typeof object !== "object") continue;
        const raw = kpi.values[row];
        const name = raw === null || raw === undefined ? "" : raw instanceof Date ? raw.toISOString() : String(raw);
        if (name.trim() === "") continue;
        for (const setting of FX_COLOURS) {
            const fill = object[setting] as { solid?: { color?: unknown } } | undefined;
            const colour = colourOr(fill?.solid?.color, "");
            if (colour === "") continue;
            let colours = out.get(name);
            if (!colours) out.set(name, colours = {});
            colours[setting] = colour;
        }
    }
    return out;
}
