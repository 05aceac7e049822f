import powerbi from "powerbi-visuals-api";
import { formattingSettings } from "powerbi-visuals-utils-formattingmodel";
import { dataViewWildcard } from "powerbi-visuals-utils-dataviewutils";
import { STRINGS, StringKey } from "./i18n/strings";
import { CardName, readOptions, SettingDef, SETTINGS, TileOptions } from "./options";

import SimpleCard = formattingSettings.SimpleCard;
import Model = formattingSettings.Model;
import Slice = formattingSettings.Slice;

export {
    DENSITY_OPTIONS, FILTER_OPTIONS, SORT_OPTIONS,
} from "./options";
export type { DensityOption, FilterOption, SortOption, TileOptions } from "./options";

/**
 * The formatting pane, built from the settings table (src/options.ts): one card per table card,
 * one slice per setting, with its default (what "Reset to default") restores and its bounds.
 * Display names go through displayNameKey (stringResources), with the en-US wording as displayName.
 */

/** powerbi.VisualEnumerationInstanceKinds and DataViewWildcardMatchingOption are const enums too. */
const CONSTANT_OR_RULE = 3 as powerbi.VisualEnumerationInstanceKinds.ConstantOrRule;
const INSTANCES_AND_TOTALS = 0 as dataViewWildcard.DataViewWildcardMatchingOption.InstancesAndTotals;

/** powerbi.visuals.ValidatorType is a const enum with no runtime object: its values, typed. */
const MIN = 0 as powerbi.visuals.ValidatorType.Min;
const MAX = 1 as powerbi.visuals.ValidatorType.Max;

function named(key: StringKey): { displayNameKey: string; displayName: string } {
    return { displayNameKey: key, displayName: STRINGS[key] };
}

/** Slice class of each kind of setting. */
interface SliceOf {
    colour: formattingSettings.ColorPicker;
    toggle: formattingSettings.ToggleSwitch;
    number: formattingSettings.NumUpDown;
    choice: formattingSettings.ItemDropdown;
    text: formattingSettings.TextInput;
    fontFamily: formattingSettings.FontPicker;
    fontSize: formattingSettings.NumUpDown;
}

function sliceFor(name: string, def: SettingDef): Slice {
    const base = { name, ...named(def.label), ...(def.description ? { descriptionKey: def.description, description: STRINGS[def.description] } : {}) };
    switch (def.kind) {
        case "colour":
            return new formattingSettings.ColorPicker({
                ...base, value: { value: def.default },
                // fx: a rule or a measure's value per data point (per KPI), as well as one colour.
                ...(def.fx ? {
                    instanceKind: CONSTANT_OR_RULE,
                    selector: dataViewWildcard.createDataViewWildcardSelector(INSTANCES_AND_TOTALS),
                } : {}),
            });
        case "toggle":
            return new formattingSettings.ToggleSwitch({ ...base, value: def.default });
        case "number":
        case "fontSize":
            return new formattingSettings.NumUpDown({
                ...base, value: def.default,
                options: {
                    minValue: { type: MIN, value: def.min },
                    ...(def.max === undefined ? {} : { maxValue: { type: MAX, value: def.max } }),
                },
            });
        case "choice": {
            const items = def.choices.map(value => ({ value, ...named(`${def.itemPrefix}${value}` as StringKey) }));
            return new formattingSettings.ItemDropdown({ ...base, items, value: items.find(i => i.value === def.default) ?? items[0] });
        }
        case "text":
            return new formattingSettings.TextInput({ ...base, value: def.default, placeholder: "" });
        case "fontFamily":
            return new formattingSettings.FontPicker({ ...base, value: def.default });
    }
}

type Settings<C extends CardName> = typeof SETTINGS[C]["settings"];
/** A card with one property per setting, named as in the table. */
export type TableCard<C extends CardName> = SimpleCard & { [S in keyof Settings<C>]: SliceOf[Settings<C>[S] extends { kind: infer K extends keyof SliceOf } ? K : never] };

function card<C extends CardName>(name: C): TableCard<C> {
    const def = SETTINGS[name];
    const built = new (class extends SimpleCard {
        name = name;
        displayNameKey = def.label;
        displayName = STRINGS[def.label];
        slices: Slice[] = [];
    })();
    for (const [settingName, setting] of Object.entries(def.settings) as [string, SettingDef][]) {
        const slice = sliceFor(settingName, setting);
        built.slices.push(slice);
        (built as unknown as Record<string, Slice>)[settingName] = slice;
    }
    return built as unknown as TableCard<C>;
}

export class VisualSettings extends Model {
    statusColours = card("statusColours");
    layout = card("layout");
    elements = card("elements");
    text = card("text");
    rating = card("rating");
    labels = card("labels");
    cards = [this.statusColours, this.layout, this.elements, this.text, this.rating, this.labels];
}

/** Plain, validated options read from the format pane's settings. */
export function tileOptionsFrom(settings: VisualSettings): TileOptions {
    return readOptions((cardName, settingName) => {
        const slice = (settings[cardName] as unknown as Record<string, { value?: unknown } | undefined>)[settingName];
        return slice?.value;
    });
}

/** Options with every default, for tests and for the model before settings are read. */
export function defaultTileOptions(): TileOptions {
    return tileOptionsFrom(new VisualSettings());
}
