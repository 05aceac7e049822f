import { STRINGS, StringKey } from "./strings";

/** The part of powerbi's ILocalizationManager the visual uses. */
export interface DisplayNameSource {
    getDisplayName(key: string): string;
}

/**
 * Looks strings up through the host's localisation manager and falls back to the en-US wording
 * in src/i18n/strings.ts when the host has none (the host returns the key itself, or nothing).
 */
export class Localiser {
    private readonly cache = new Map<string, string>();

    constructor(private readonly source: DisplayNameSource | undefined, readonly locale: string = "en-US") { }

    text(key: StringKey): string {
        const cached = this.cache.get(key);
        if (cached !== undefined) return cached;
        let value: string | undefined;
        try {
            value = this.source?.getDisplayName(key);
        } catch {
            value = undefined;
        }
        const resolved = value && value !== key ? value : STRINGS[key];
        this.cache.set(key, resolved);
        return resolved;
    }

    /** The string with {0}, {1} ... replaced by the arguments, in the translation's order. */
    format(key: StringKey, ...args: readonly (string | number)[]): string {
        return fill(this.text(key), args);
    }

    /** A rank in words: "12th of 152" in English, "12 o 152" style elsewhere (no ordinal rules). */
    rank(rank: number, of: number | null): string {
        const position = this.locale.toLowerCase().startsWith("en") ? englishOrdinal(rank) : String(rank);
        return of === null ? position : this.format("Rank_Text", position, of);
    }

    list(items: readonly string[]): string {
        return items.join(this.text("List_Separator"));
    }
}

export function fill(template: string, args: readonly (string | number)[]): string {
    return template.replace(/\{(\d+)\}/g, (whole, index: string) => {
        const value = args[Number(index)];
        return value === undefined ? whole : String(value);
    });
}

export function englishOrdinal(n: number): string {
    const abs = Math.abs(Math.trunc(n));
    const lastTwo = abs % 100;
    const suffix = lastTwo >= 11 && lastTwo <= 13 ? "th" : ["th", "st", "nd", "rd"][abs % 10] ?? "th";
    return `${Math.trunc(n)}${suffix}`;
}
