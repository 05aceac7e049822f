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

    /** The host's locale when it is a valid BCP 47 tag, else en-US (an invalid tag would make Intl throw). */
    readonly locale: string;

    constructor(private readonly source: DisplayNameSource | undefined, locale: unknown = "en-US") {
        this.locale = validLocale(locale);
    }

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

/** A valid, canonical locale tag for `value`, or en-US. */
export function validLocale(value: unknown): string {
    if (typeof value !== "string" || value.trim() === "") return "en-US";
    try {
        const [canonical] = Intl.getCanonicalLocales(value.trim());
        // Number and date formatting must accept it too.
        new Intl.NumberFormat(canonical);
        return canonical ?? "en-US";
    } catch {
        return "en-US";
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
