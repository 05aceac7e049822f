import powerbi from "powerbi-visuals-api";
// colorUtils itself, not the package index, which keeps every colorUtils export (see colour.ts).
import { hexString, parseColorString, rgbBlend } from "powerbi-visuals-utils-colorutils/lib/colorUtils";
import { Status } from "../rules";
import { TileOptions } from "../settings";
import { colourOr, contrastRatio, hexOf } from "../colour";

import ISandboxExtendedColorPalette = powerbi.extensibility.ISandboxExtendedColorPalette;

/**
 * Every colour the tiles use. In high-contrast mode all of them come from the host palette
 * (foreground, background, foregroundSelected), so shape and label carry the status alone.
 * Otherwise text, background, secondary text and borders come from the host's palette (the
 * report theme), and the status colours from the format pane, each made dark enough to read:
 * status text (label, direction) at least 4.5:1 on the tile and on a dimmed tile, WCAG 1.4.3.
 */
export interface Theme {
    readonly highContrast: boolean;
    readonly foreground: string;
    readonly background: string;
    /** Background of a tile dimmed by another tile's selection or a highlight (text keeps 4.5:1 on it). */
    readonly dimmed: string;
    /** Secondary text, axis lines, quartile band outlines. */
    readonly muted: string;
    /** Tile borders and the benchmark strip's lighter bands. */
    readonly subtle: string;
    readonly selected: string;
    /** A status's colour, readable as text on the background and on a dimmed tile. */
    status(status: Status): string;
    /** Colour of a direction arrow and its words: good, bad or neutral. */
    direction(judgement: "good" | "bad" | "neutral"): string;
}

/** WCAG 1.4.3 minimum for normal text. */
export const TEXT_CONTRAST = 4.5;

/** #rrggbb of a colour colorutils can read (hex, rgb, rgba), else null. */
function rgbOf(colour: string): { R: number; G: number; B: number } | null {
    const hex = hexOf(colour);
    const rgb = hex ? parseColorString(hex) : undefined;
    return rgb ?? null;
}

/** `fore` over `back` at `opacity` (colorutils rgbBlend), as #rrggbb; `back` when either is unreadable. */
export function blend(fore: string, opacity: number, back: string): string {
    const f = rgbOf(fore);
    const b = rgbOf(back);
    if (!f || !b) return back;
    return hexString(rgbBlend(f, opacity, b));
}

/**
 * `colour`, mixed step by step towards `ink` until it has `min` contrast with every background
 * (a darker amber for amber text on white). Colours colorutils cannot read (hsl, names) are
 * kept as given.
 */
export function readable(colour: string, backgrounds: readonly string[], ink: string, min = TEXT_CONTRAST): string {
    const hex = hexOf(colour);
    const inkHex = hexOf(ink);
    const backs = backgrounds.map(hexOf).filter((h): h is string => h !== null);
    if (!hex || !inkHex || backs.length === 0) return colour;
    const enough = (c: string): boolean => backs.every(b => contrastRatio(c, b) >= min);
    if (enough(hex)) return colour;
    for (let share = 0.05; share < 1; share += 0.05) {
        const mixed = blend(inkHex, share, hex);
        if (enough(mixed)) return mixed;
    }
    return inkHex;
}

export function themeFrom(palette: ISandboxExtendedColorPalette | undefined, options: TileOptions): Theme {
    if (palette?.isHighContrast) {
        // Host colours are colours too only once checked: a theme file can carry any string.
        const foreground = colourOr(palette.foreground?.value, "#000000");
        const background = colourOr(palette.background?.value, "#ffffff");
        const selected = colourOr(palette.foregroundSelected?.value, foreground);
        return {
            highContrast: true, foreground, background, dimmed: background, muted: foreground, subtle: foreground, selected,
            status: () => foreground,
            direction: () => foreground,
        };
    }
    const foreground = readable(colourOr(palette?.foreground?.value, "#0b0c0c"), [colourOr(palette?.background?.value, "#ffffff")], "#000000");
    const background = colourOr(palette?.background?.value, "#ffffff");
    const dimmed = blend(foreground, 0.06, background);
    const backs = [background, dimmed];
    const ink = foreground;
    const muted = readable(colourOr(palette?.foregroundNeutralSecondary?.value, "#505a5f"), backs, ink);
    const subtle = colourOr(palette?.foregroundNeutralTertiary?.value, "#b1b4b6");
    const selected = readable(colourOr(palette?.foregroundSelected?.value, "#1d70b8"), backs, ink, 3);
    const colours = options.statusColours;
    const text = new Map<string, string>();
    const status = (s: Status): string => {
        let c = text.get(s);
        if (c === undefined) {
            c = readable(colours[s], backs, ink);
            text.set(s, c);
        }
        return c;
    };
    return {
        highContrast: false, foreground, background, dimmed, muted, subtle, selected,
        status,
        direction: judgement => (judgement === "good" ? status("green") : judgement === "bad" ? status("red") : muted),
    };
}
