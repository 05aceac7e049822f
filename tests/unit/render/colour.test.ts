/**
 * Issue 13 item 2 and issue 10 item 3: colours from the format pane, themes and the host are
 * accepted only as colour notations (anything that could make the browser fetch falls back), and
 * status colours are made readable as text (4.5:1) on the tile and on a dimmed tile.
 */
import { colourOr, contrastRatio, validColour } from "../../../src/colour";
import { readable, themeFrom } from "../../../src/render/theme";
import { DEFAULT_STATUS_COLOURS } from "../../../src/rules";
import { defaultTileOptions, tileOptionsFrom, VisualSettings } from "../../../src/settings";

test("colour notations are accepted", () => {
    for (const c of ["#fff", "#FFFF", "#0b0c0c", "#0b0c0c80", "rgb(1, 2, 3)", "rgba(1,2,3,0.5)", "rgb(1 2 3 / 50%)", "hsl(120, 50%, 50%)",
        "hsla(120deg 50% 50% / 0.3)", "rebeccapurple", "Transparent"]) expect(validColour(c)).toBe(c);
});

test("anything else falls back: no url(), var(), image-set(), second declarations or garbage", () => {
    for (const c of ["url(http://example.invalid/c.svg#p)", "url(#p)", "var(--x)", "red; background: url(http://example.invalid/b)",
        "image-set('http://example.invalid/i.png' 1x)", "expression(alert(1))", "#ggg", "rgb(1e999, 0, 0)", "", "  ", "paint(x)", "currentColor",
        42, null, undefined, { solid: { color: "red" } }]) {
        expect(validColour(c)).toBeNull();
        expect(colourOr(c, "#123456")).toBe("#123456");
    }
});

test("a format-pane colour that is not a colour gives the default status colour", () => {
    const s = new VisualSettings();
    s.statusColours.red.value = { value: "url(http://example.invalid/c.svg#p)" };
    expect(tileOptionsFrom(s).statusColours.red).toBe(DEFAULT_STATUS_COLOURS.red);
});

test("a host palette carrying a non-colour falls back, in high contrast and out of it", () => {
    const bad = { value: "url(http://example.invalid/x)" };
    const hc = themeFrom({ isHighContrast: true, foreground: bad, background: bad, foregroundSelected: bad } as never, defaultTileOptions());
    expect([hc.foreground, hc.background, hc.selected]).toEqual(["#000000", "#ffffff", "#000000"]);
    const normal = themeFrom({ isHighContrast: false, foreground: bad, background: bad } as never, defaultTileOptions());
    expect(normal.foreground).toBe("#0b0c0c");
    expect(normal.background).toBe("#ffffff");
});

test("every status colour of the theme is readable text on the tile and on a dimmed tile", () => {
    const theme = themeFrom(undefined, defaultTileOptions());
    for (const s of Object.keys(DEFAULT_STATUS_COLOURS) as (keyof typeof DEFAULT_STATUS_COLOURS)[]) {
        for (const back of [theme.background, theme.dimmed]) expect(contrastRatio(theme.status(s), back)).toBeGreaterThanOrEqual(4.5);
    }
    // GOV.UK's orange, as a report author might pick it, is darkened until it reads (2.8:1 -> 4.5:1).
    const darker = readable("#f47738", ["#ffffff", theme.dimmed], "#0b0c0c");
    expect(contrastRatio(darker, "#ffffff")).toBeGreaterThanOrEqual(4.5);
    expect(contrastRatio(darker, theme.dimmed)).toBeGreaterThanOrEqual(4.5);
    expect(darker).not.toBe("#f47738");
});
