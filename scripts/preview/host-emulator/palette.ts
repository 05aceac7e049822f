/**
 * The host's colour palette (ISandboxExtendedColorPalette): Power BI's default theme colours for
 * getColor, and Windows' high-contrast themes as Power BI passes them on (only foreground,
 * background, selected foreground and hyperlink are then meant to be used).
 */
/** The contrast themes the emulator offers (the snapshot's --contrast lists them). */
export const CONTRAST_MODES = ["none", "black", "white", "aquatic"] as const;
export type ContrastMode = typeof CONTRAST_MODES[number];

interface ColorInfo { value: string }

const THEME = ["#118DFF", "#12239E", "#E66C37", "#6B007B", "#E044A7", "#744EC2", "#D9B300", "#D64550",
    "#197278", "#1AAB40", "#15C6F4", "#4092FF", "#FFA058", "#BE5DC9", "#F472D0", "#B5A1FF"];

interface ContrastColours { foreground: string; background: string; selected: string; hyperlink: string }

const HIGH_CONTRAST: Readonly<Record<Exclude<ContrastMode, "none">, ContrastColours>> = {
    black: { foreground: "#FFFFFF", background: "#000000", selected: "#1AEBFF", hyperlink: "#FFFF00" },
    white: { foreground: "#000000", background: "#FFFFFF", selected: "#37006E", hyperlink: "#00009F" },
    aquatic: { foreground: "#FFFFFF", background: "#202020", selected: "#8EE3F0", hyperlink: "#75E9FC" },
};

export function contrastColours(mode: ContrastMode): ContrastColours {
    return mode === "none"
        ? { foreground: "#252423", background: "#FFFFFF", selected: "#118DFF", hyperlink: "#0078D4" }
        : HIGH_CONTRAST[mode];
}

/** A palette object for the host. getColor gives each key a stable theme colour. */
export function createColorPalette(mode: ContrastMode): Record<string, unknown> {
    const assigned = new Map<string, string>();
    const c = contrastColours(mode);
    const info = (value: string): ColorInfo => ({ value });
    const hc = mode !== "none";
    const pick = (normal: string): ColorInfo => info(hc ? c.foreground : normal);
    const palette = {
        isHighContrast: hc,
        getColor(key: string): ColorInfo {
            if (hc) return info(c.foreground);
            if (!assigned.has(key)) assigned.set(key, THEME[assigned.size % THEME.length]);
            return info(assigned.get(key) as string);
        },
        reset() {
            assigned.clear();
            return palette;
        },
        foreground: info(c.foreground),
        foregroundLight: pick("#F3F2F1"),
        foregroundDark: pick("#000000"),
        foregroundNeutralLight: pick("#F3F2F1"),
        foregroundNeutralDark: pick("#201F1E"),
        foregroundNeutralSecondary: pick("#605E5C"),
        foregroundNeutralSecondaryAlt: pick("#8A8886"),
        foregroundNeutralSecondaryAlt2: pick("#A19F9D"),
        foregroundNeutralTertiary: pick("#B3B0AD"),
        foregroundNeutralTertiaryAlt: pick("#C8C6C4"),
        foregroundSelected: info(c.selected),
        foregroundButton: pick("#252423"),
        background: info(c.background),
        backgroundLight: info(hc ? c.background : "#F3F2F1"),
        backgroundNeutral: info(hc ? c.background : "#C8C6C4"),
        backgroundDark: info(hc ? c.background : "#000000"),
        hyperlink: info(c.hyperlink),
        visitedHyperlink: info(hc ? c.hyperlink : "#00509E"),
        mapPushpin: pick("#FF5F00"),
        shapeStroke: pick("#01B8AA"),
        selection: info(c.selected),
        separator: pick("#C8C6C4"),
        negative: pick("#DD0000"),
        neutral: pick("#FFFF00"),
        positive: pick("#00AA00"),
    };
    return palette;
}
