import powerbi from "powerbi-visuals-api";
import { Status } from "../rules";
import { TileOptions } from "../settings";
import { colourOr } from "../colour";

import ISandboxExtendedColorPalette = powerbi.extensibility.ISandboxExtendedColorPalette;

/**
 * Every colour the tiles use. In high-contrast mode all of them come from the host palette
 * (foreground, background, foregroundSelected), so shape and label carry the status alone.
 */
export interface Theme {
    readonly highContrast: boolean;
    readonly foreground: string;
    readonly background: string;
    /** Secondary text, axis lines, quartile band outlines. */
    readonly muted: string;
    /** Tile borders and the benchmark strip's lighter bands. */
    readonly subtle: string;
    readonly selected: string;
    status(status: Status): string;
    /** Colour of a direction arrow: good, bad or neutral. */
    direction(judgement: "good" | "bad" | "neutral"): string;
}

export function themeFrom(palette: ISandboxExtendedColorPalette | undefined, options: TileOptions): Theme {
    if (palette?.isHighContrast) {
        // Host colours are colours too only once checked: a theme file can carry any string.
        const foreground = colourOr(palette.foreground?.value, "#000000");
        const background = colourOr(palette.background?.value, "#ffffff");
        const selected = colourOr(palette.foregroundSelected?.value, foreground);
        return {
            highContrast: true, foreground, background, muted: foreground, subtle: foreground, selected,
            status: () => foreground,
            direction: () => foreground,
        };
    }
    const colours = options.statusColours;
    return {
        highContrast: false,
        foreground: "#0b0c0c",
        background: "#ffffff",
        muted: "#505a5f",
        subtle: "#b1b4b6",
        selected: "#1d70b8",
        status: status => colours[status],
        direction: judgement => (judgement === "good" ? colours.green : judgement === "bad" ? colours.red : "#505a5f"),
    };
}
