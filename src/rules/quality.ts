/**
 * Data quality of a value (`KPI Values[Data Quality]`, the visual's `quality` role) and what it
 * means for rating (docs/rating-decisions.md, "Data quality and staleness"):
 *
 * - Final: shown and rated as usual.
 * - Provisional, Estimated: shown and rated, and marked in words and shape (the figure may be
 *   revised), so a provisional Green never reads as final.
 * - Suppressed, Not returned: there is no figure to show: rated No data, and the tile says
 *   "Suppressed" / "Not returned" where the value would be. A suppressed value that arrives
 *   anyway is withheld, never shown (suppression protects small numbers).
 *
 * The DAX generator's `KPI Data Quality` measures follow the same words (dax/src/measures/quality.ts).
 */
import { DATA_QUALITY_VALUES, DataQuality } from "../../lib/star-schema";

export { DATA_QUALITY_VALUES };
export type { DataQuality };

export interface QualityRule {
    /** The figure is shown (and rated when there is one). */
    readonly showsValue: boolean;
    /** The tile marks it: the figure is not final, or there is none for this reason. */
    readonly marked: boolean;
}

export const QUALITY_RULES: Readonly<Record<DataQuality, QualityRule>> = {
    "Final": { showsValue: true, marked: false },
    "Provisional": { showsValue: true, marked: true },
    "Estimated": { showsValue: true, marked: true },
    "Suppressed": { showsValue: false, marked: true },
    "Not returned": { showsValue: false, marked: true },
};

/** Other spellings found in returns and extracts, lower case, for each quality. */
const SPELLINGS: Readonly<Record<string, DataQuality>> = {
    "final": "Final", "f": "Final", "validated": "Final", "confirmed": "Final", "actual": "Final",
    "provisional": "Provisional", "p": "Provisional", "prov": "Provisional", "prov.": "Provisional", "draft": "Provisional", "unvalidated": "Provisional",
    "estimated": "Estimated", "estimate": "Estimated", "e": "Estimated", "est": "Estimated", "est.": "Estimated",
    "suppressed": "Suppressed", "c": "Suppressed", "[c]": "Suppressed", "x": "Suppressed", "[x]": "Suppressed", "supp": "Suppressed", "withheld": "Suppressed",
    "not returned": "Not returned", "not-returned": "Not returned", "notreturned": "Not returned", "nr": "Not returned", "not received": "Not returned", "missing": "Not returned",
};

export type QualityParse =
    | { readonly ok: true; readonly quality: DataQuality }
    | { readonly ok: false; readonly text: string };

/**
 * Read a data-quality value: empty or missing is Final; the five words in any case, and the
 * usual abbreviations (P, E, c, [x], NR ...). Anything else is not recognised (never guessed).
 */
export function parseDataQuality(value: unknown): QualityParse {
    if (value === null || value === undefined) return { ok: true, quality: "Final" };
    if (typeof value !== "string") return { ok: false, text: String(value) };
    const text = value.trim().replace(/\s+/g, " ");
    if (text === "") return { ok: true, quality: "Final" };
    const quality = SPELLINGS[text.toLowerCase()];
    return quality ? { ok: true, quality } : { ok: false, text };
}

/** The quality a figure is shown with: unrecognised text counts as Final (the caller reports it). */
export function qualityOf(value: unknown): DataQuality {
    const parsed = parseDataQuality(value);
    return parsed.ok ? parsed.quality : "Final";
}

/** The actual that is shown and rated: none when the quality says there is no figure. */
export function ratedActual(actual: number | null, quality: DataQuality): number | null {
    return QUALITY_RULES[quality].showsValue ? actual : null;
}
