import { describeValue } from "./values";

/**
 * Polarity: which way is good.
 *
 * High: higher is better. Low: lower is better. Range: stay close to the target.
 * None: contextual / data only, never rated good or bad.
 */
export type Polarity = "High" | "Low" | "Range" | "None";

export const POLARITIES: readonly Polarity[] = ["High", "Low", "Range", "None"];

const SPELLINGS: ReadonlyMap<string, Polarity> = new Map<string, Polarity>([
    ["high", "High"], ["higher is better", "High"], ["h", "High"], ["up", "High"], ["+1", "High"],
    ["low", "Low"], ["lower is better", "Low"], ["l", "Low"], ["down", "Low"], ["-1", "Low"],
    ["range", "Range"], ["target", "Range"], ["t", "Range"], ["close to target", "Range"],
    ["none", "None"], ["-", "None"], ["n/a", "None"], ["contextual", "None"], ["data only", "None"], ["", "None"],
]);

/** Every spelling `parsePolarity` accepts, for documentation and error messages. */
export const POLARITY_SPELLINGS: readonly string[] = [
    "High", "Higher is better", "H", "Up", "+1",
    "Low", "Lower is better", "L", "Down", "-1",
    "Range", "Target", "T", "Close to target",
    "None", "-", "N/A", "Contextual", "Data only", "(empty)",
];

export type PolarityParse =
    | { readonly ok: true; readonly polarity: Polarity }
    | { readonly ok: false; readonly raw: string };

/**
 * Parse a polarity as a person or a data dictionary writes it: case-insensitive, trimmed,
 * inner runs of white space folded. `null`/`undefined`/empty text is None (data only).
 * Numbers +1 and -1 are accepted as High and Low. Anything else is not recognised:
 * the caller shows that, it never guesses.
 */
export function parsePolarity(value: unknown): PolarityParse {
    if (value === null || value === undefined) {
        return { ok: true, polarity: "None" };
    }
    if (typeof value === "number") {
        if (value === 1) return { ok: true, polarity: "High" };
        if (value === -1) return { ok: true, polarity: "Low" };
        return { ok: false, raw: String(value) };
    }
    if (typeof value !== "string") {
        return { ok: false, raw: describeValue(value) };
    }
    const key = value.trim().replace(/\s+/g, " ").toLowerCase();
    const polarity = SPELLINGS.get(key);
    return polarity ? { ok: true, polarity } : { ok: false, raw: value };
}
