/**
 * The report's custom theme (StaticResources/RegisteredResources): GOV.UK-like neutral colours
 * and the status palette of src/rules, so Power BI's own visuals and the tiles share colours.
 */
import { DEFAULT_STATUS_COLOURS } from "../../../src/rules";

export const THEME_FILE = "CouncilKpiTheme.json";

export function themeJson(): Record<string, unknown> {
    return {
        name: "Council KPI tiles",
        // The status palette first (blue, green, amber, red, grey), then three more GOV.UK colours.
        dataColors: [
            DEFAULT_STATUS_COLOURS.blue, DEFAULT_STATUS_COLOURS.green, DEFAULT_STATUS_COLOURS.amber,
            DEFAULT_STATUS_COLOURS.red, DEFAULT_STATUS_COLOURS["not-rated"], "#4c2c92", "#28a197", "#d53880",
        ],
        good: DEFAULT_STATUS_COLOURS.green,
        neutral: DEFAULT_STATUS_COLOURS.amber,
        bad: DEFAULT_STATUS_COLOURS.red,
        maximum: DEFAULT_STATUS_COLOURS.green,
        center: DEFAULT_STATUS_COLOURS.amber,
        minimum: DEFAULT_STATUS_COLOURS.red,
        foreground: "#0b0c0c",
        foregroundNeutralSecondary: "#505a5f",
        background: "#ffffff",
        backgroundLight: "#f3f2f1",
        tableAccent: "#1d70b8",
        textClasses: {
            title: { fontFace: "Segoe UI Semibold", fontSize: 12, color: "#0b0c0c" },
            label: { fontFace: "Segoe UI", fontSize: 10, color: "#0b0c0c" },
        },
    };
}
