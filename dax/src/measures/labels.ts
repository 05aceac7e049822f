import { Comparison, DEFAULT_STATUS_COLOURS, Direction, QuartileBand, Status, STATUS_LABEL_EN, STATUS_SORT_KEY, STATUSES } from "../../../src/rules";

/**
 * What the measures return. Status labels, colours and sort keys come from src/rules; the
 * words for direction and comparison follow rating-rules.md (LG Inform's wording for None).
 * `null` means the measure returns BLANK (nothing to show).
 */
export const DIRECTION_LABEL: Readonly<Record<Direction, string | null>> = {
    "improving": "Improving",
    "worsening": "Worsening",
    "no-change": "No change",
    "increasing": "Increasing",
    "decreasing": "Decreasing",
    "unknown": null,
};

export const COMPARISON_LABEL: Readonly<Record<Comparison, string>> = {
    better: "Better",
    similar: "Similar",
    worse: "Worse",
    higher: "Higher",
    lower: "Lower",
};

export const BAND_LABEL: Readonly<Record<QuartileBand, string>> = { A: "A", B: "B", C: "C", D: "D" };

/**
 * A shape per status, so colour is never the only signal (rating-rules.md, "Showing a
 * status"): green circle, amber triangle, red diamond, blue star, hollow ring for not rated
 * and no target, dash for no data, question mark for a polarity that was not recognised.
 */
export const STATUS_ICON: Readonly<Record<Status, string>> = {
    "blue": "\u2605",
    "green": "\u25CF",
    "amber": "\u25B2",
    "red": "\u25C6",
    "not-rated": "\u25CB",
    "no-target": "\u25CB",
    "no-data": "\u2013",
    "unrecognised": "?",
};

export interface StatusPresentation {
    readonly status: Status;
    readonly label: string;
    readonly colour: string;
    readonly sortKey: number;
    readonly icon: string;
}

export const STATUS_PRESENTATION: readonly StatusPresentation[] = STATUSES.map(status => ({
    status,
    label: STATUS_LABEL_EN[status],
    colour: DEFAULT_STATUS_COLOURS[status],
    sortKey: STATUS_SORT_KEY[status],
    icon: STATUS_ICON[status],
}));
