import { englishOrdinal, fill, Localiser } from "../../../src/i18n/localiser";
import { defaultTileOptions, tileOptionsFrom, VisualSettings } from "../../../src/settings";
import { DEFAULT_STATUS_COLOURS } from "../../../src/rules";

describe("Localiser", () => {
    test("English ordinals, including the teens", () => {
        expect([1, 2, 3, 4, 11, 12, 13, 21, 22, 23, 101, 111, 112, 152].map(englishOrdinal))
            .toEqual(["1st", "2nd", "3rd", "4th", "11th", "12th", "13th", "21st", "22nd", "23rd", "101st", "111th", "112th", "152nd"]);
    });
    test("ranks: ordinals in English, plain numbers in Welsh", () => {
        expect(new Localiser(undefined, "en-GB").rank(12, 152)).toBe("12th of 152");
        const welsh = new Localiser({ getDisplayName: key => (key === "Rank_Text" ? "{0} o {1}" : "") }, "cy-GB");
        expect(welsh.rank(12, 152)).toBe("12 o 152");
        expect(new Localiser(undefined, "en-GB").rank(3, null)).toBe("3rd");
    });
    test("host strings win; a missing string (empty or the key itself) falls back to en-US", () => {
        const t = new Localiser({ getDisplayName: key => ({ Status_red: "Coch", Status_green: "Status_green" } as Record<string, string>)[key] ?? "" });
        expect(t.text("Status_red")).toBe("Coch");
        expect(t.text("Status_green")).toBe("Green");
        expect(t.text("Status_amber")).toBe("Amber");
    });
    test("a host that throws still gives text", () => {
        const t = new Localiser({ getDisplayName: () => { throw new Error("no resources"); } });
        expect(t.format("Gap_Below", "4.5 pts")).toBe("4.5 pts below target");
    });
    test("placeholders may be reordered and repeated; unknown ones stay", () => {
        expect(fill("{1} then {0}, {1} again, {2}", ["a", "b"])).toBe("b then a, b again, {2}");
    });
});

describe("settings -> tile options", () => {
    test("defaults: GOV.UK colours, shapes on, every element on, High polarity, no tolerance", () => {
        const o = defaultTileOptions();
        expect(o.statusColours.red).toBe(DEFAULT_STATUS_COLOURS.red);
        expect(o.statusColours["no-target"]).toBe(DEFAULT_STATUS_COLOURS["not-rated"]);
        expect(o.showShapes).toBe(true);
        expect(Object.values(o.show).every(Boolean)).toBe(true);
        expect([o.defaultPolarity, o.defaultTolerance, o.defaultToleranceType, o.sortBy, o.filter]).toEqual(["High", 0, "absolute", "none", "all"]);
    });
    test("out-of-range numbers are clamped and unknown choices fall back", () => {
        const s = new VisualSettings();
        s.layout.tileWidth.value = 5;
        s.text.fontSize.value = Number.NaN;
        s.elements.commentaryLines.value = 99;
        s.layout.sortBy.value = { value: "sideways", displayName: "x" };
        s.statusColours.red.value = { value: "" };
        const o = tileOptionsFrom(s);
        expect([o.tileWidth, o.fontSize, o.commentaryLines, o.sortBy, o.statusColours.red]).toEqual([120, 9, 12, "none", DEFAULT_STATUS_COLOURS.red]);
    });
    test("custom labels: blank means the default, text replaces it; not rated also labels no target", () => {
        const s = new VisualSettings();
        s.labels.red.value = "  Off track ";
        s.labels.notRated.value = "Context only";
        const o = tileOptionsFrom(s);
        expect([o.statusLabels.red, o.statusLabels.green, o.statusLabels["no-target"]]).toEqual(["Off track", undefined, "Context only"]);
    });
});
