import { INTERACTION_CLASSES } from "../../../src/interaction/contract";
import { KPIS, classesOf, click, createHarness, failOnConsoleError, settle } from "./fixtures";

failOnConsoleError();

describe("highlight from other visuals", () => {
    it("tiles the highlight leaves out are dimmed; highlighted ones are not", () => {
        const h = createHarness();
        const tiles = h.bind(KPIS.map((key, i) => ({ key, dimmed: i % 2 === 1 })));
        expect(classesOf(tiles, INTERACTION_CLASSES.dimmed)).toEqual([KPIS[1], KPIS[3], KPIS[5]]);
        expect(classesOf(tiles, INTERACTION_CLASSES.selected)).toEqual([]);
        expect(h.root.classList.contains(INTERACTION_CLASSES.hasSelection)).toBe(false);
    });

    it("the dimming goes when the highlight is removed (next update)", () => {
        const h = createHarness();
        h.bind(KPIS.map(key => ({ key, dimmed: true })));
        const tiles = h.bind(KPIS.map(key => ({ key })));
        expect(classesOf(tiles, INTERACTION_CLASSES.dimmed)).toEqual([]);
    });

    it("a highlighted-out tile stays dimmed even when selected", async () => {
        const h = createHarness();
        const tiles = h.bind(KPIS.map((key, i) => ({ key, dimmed: i === 0 })));
        click(tiles[0].element);
        await settle();
        expect(classesOf(tiles, INTERACTION_CLASSES.selected)).toEqual([KPIS[0]]);
        expect(classesOf(tiles, INTERACTION_CLASSES.dimmed)).toEqual(KPIS);
    });

    it("the same classes are applied in high-contrast mode (the style sheet draws them as outlines)", () => {
        const h = createHarness();
        const tiles = h.bind(KPIS.map((key, i) => ({ key, dimmed: i === 2 })), { highContrast: true });
        expect(classesOf(tiles, INTERACTION_CLASSES.dimmed)).toEqual([KPIS[2]]);
    });
});
