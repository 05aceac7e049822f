import * as fs from "fs";
import * as path from "path";
import { capabilityObjects, readOptions, SETTINGS, settingValue, SettingDef } from "../../../src/options";
import { defaultTileOptions, tileOptionsFrom, VisualSettings } from "../../../src/settings";
import { STRINGS } from "../../../src/i18n/strings";

const capabilities = JSON.parse(fs.readFileSync(path.join(__dirname, "..", "..", "..", "capabilities.json"), "utf8")) as {
    objects: Record<string, { displayNameKey?: string; properties: Record<string, { type: unknown }> }>;
};

describe("one settings table", () => {
    test("capabilities.json objects are the table's cards and settings, with the types their kinds need", () => {
        const declared = capabilityObjects();
        expect(Object.keys(capabilities.objects)).toEqual(Object.keys(declared));
        for (const [card, def] of Object.entries(declared)) {
            const object = capabilities.objects[card];
            expect({ card, key: object.displayNameKey }).toEqual({ card, key: def.displayNameKey });
            expect(Object.keys(object.properties)).toEqual(Object.keys(def.properties));
            for (const [name, property] of Object.entries(def.properties)) {
                expect({ card, name, type: object.properties[name].type }).toEqual({ card, name, type: property.type });
            }
        }
    });

    test("the format pane has one card per table card and one slice per setting, in order, with the table's default and bounds", () => {
        const settings = new VisualSettings();
        expect(settings.cards.map(c => c.name)).toEqual(Object.keys(SETTINGS));
        for (const card of settings.cards) {
            const defs = (SETTINGS as unknown as Record<string, { settings: Record<string, SettingDef> }>)[card.name].settings;
            expect(card.slices?.map(s => s.name)).toEqual(Object.keys(defs));
            for (const slice of card.slices ?? []) {
                const def = defs[slice.name];
                const value = (slice as unknown as { value: unknown }).value;
                expect({ slice: slice.name, value: settingValue(def, value) }).toEqual({ slice: slice.name, value: def.default });
                expect(slice.displayName).toBe(STRINGS[def.label]);
                if (def.kind === "number" || def.kind === "fontSize") {
                    const options = (slice as unknown as { options: { minValue: { value: number }; maxValue?: { value: number } } }).options;
                    expect([options.minValue.value, options.maxValue?.value]).toEqual([def.min, def.max]);
                }
                if (def.kind === "choice") {
                    const items = (slice as unknown as { items: { value: string; displayName: string }[] }).items;
                    expect(items.map(i => i.value)).toEqual(def.choices);
                    for (const item of items) expect(item.displayName).toEqual(expect.any(String));
                }
            }
        }
    });

    test("the model's options read every setting through the table: defaults, clamping and fallbacks", () => {
        expect(defaultTileOptions()).toEqual(readOptions(() => undefined));
        const seen: string[] = [];
        readOptions((card, name) => { seen.push(`${card}.${name}`); return undefined; });
        const all = Object.entries(SETTINGS).flatMap(([card, def]) => Object.keys(def.settings).map(name => `${card}.${name}`));
        expect([...new Set(seen)].sort()).toEqual(all.sort());
        const s = new VisualSettings();
        s.layout.tilesPerRow.value = 3.6;
        s.layout.density.value = { value: "compact", displayName: "Compact" };
        s.statusColours.amber.value = { value: "url(https://example.org/x)" };
        const o = tileOptionsFrom(s);
        expect([o.tilesPerRow, o.density, o.statusColours.amber]).toEqual([4, "compact", SETTINGS.statusColours.settings.amber.default]);
    });
});
