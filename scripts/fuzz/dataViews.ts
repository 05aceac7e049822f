/**
 * Random dataViews for the browser fuzz test (tests/browser/fuzz.test.ts) and `npm run fuzz`
 * (scripts/fuzz/run.ts), as fast-check arbitraries. A case is plain JSON so it can travel to the
 * page; values JSON cannot carry (Date, invalid Date, bigint, NaN, infinities, undefined,
 * objects without a prototype, objects whose toString throws) are tagged `{ "$": kind }` and
 * built in the visual's own frame (scripts/fuzz/inFrame.ts), so `instanceof Date` holds there
 * as it does for a dataView Power BI posts into the visual's sandbox.
 */
import fc from "fast-check";
import { ROLES } from "../../src/model/roles";

export type Tagged = { readonly $: string; readonly v?: string | number };
export type FuzzValue = string | number | boolean | null | Tagged;

export interface FuzzColumn {
    readonly roles: readonly string[];
    readonly category: boolean;
    readonly displayName: FuzzValue;
    readonly format: FuzzValue | undefined;
    readonly values: readonly FuzzValue[];
    readonly highlights: readonly FuzzValue[] | null;
}

export interface FuzzCase {
    readonly width: number;
    readonly height: number;
    /** Replaces host.locale for this update (null: leave it). */
    readonly locale: FuzzValue | null;
    readonly objects: Record<string, Record<string, FuzzValue>>;
    readonly columns: readonly FuzzColumn[];
    /** Number of tiles to focus (each shows its tooltip). */
    readonly focus: number;
    readonly segment: boolean;
}

/** Text a case system or Word could hand over, and text that looks like markup. */
const HOSTILE_TEXT = [
    "<img src=x onerror=\"window.__fuzzInjected=1\">", "<script>window.__fuzzInjected=2</script>", "<svg onload=window.__fuzzInjected=3>",
    "javascript:window.__fuzzInjected=4", "\" onmouseover=\"window.__fuzzInjected=5", "url(http://example.invalid/x.png)",
    "&lt;b&gt;", "\u202e\u200b\ufeff", "\r\n\t", "\u2028\u2029\u0085", "🙂👩‍👩‍👧", "", " ", "NaN", "Infinity", "-0", "1e309",
    "High", "Low", "Range", "None", "green", "Red", "AMBER", "blue", "0.0%", "#,0", "£#,0.00", "0.0;(0.0)", "\"%\"", "yyyy",
];

/** Colours in every notation, and strings that are not colours (a `url()` would make the browser fetch it). */
export const FUZZ_COLOURS = [
    "#0b0c0c", "#FFF", "#12345678", "rgb(10, 20, 30)", "rgba(10,20,30,0.5)", "hsl(120 50% 50%)", "hsla(120,50%,50%,0.3)", "rebeccapurple",
    "transparent", "currentColor", "url(http://example.invalid/c.svg#p)", "url(#p)", "url('/x.svg')", "var(--x)", "red; background: url(http://example.invalid/b)",
    "expression(alert(1))", "#ggg", "rgb(1e999, 0, 0)", "", "   ", "image-set('http://example.invalid/i.png' 1x)", "paint(x)", "attr(data-x)",
];

const LOCALES = ["en-GB", "en-US", "cy-GB", "de-DE", "fr-FR", "ar-SA", "ja-JP", "not a locale", "x-", "", "en_GB", "zz-ZZ-invalid-tag-1234567"];

const TAGGED_KINDS = ["nan", "inf", "-inf", "undef", "obj", "arr", "nullproto", "throwing", "badDate", "fn", "sym"] as const;

const extremeNumber = fc.constantFrom(Number.MAX_VALUE, -Number.MAX_VALUE, 1.7e308, -1.7e308, 8.9e307, Number.MIN_VALUE, -Number.MIN_VALUE,
    Number.MAX_SAFE_INTEGER, -Number.MAX_SAFE_INTEGER, 1e21, -1e21, 1e-300, -0, 0, 2 ** 53 + 1);
const ordinaryNumber = fc.oneof(fc.integer({ min: -1000, max: 1000 }), fc.double({ min: -2, max: 2, noNaN: true }),
    fc.double({ min: -1e6, max: 1e6, noNaN: true }));
const anyDouble = fc.double();

const tagged: fc.Arbitrary<Tagged> = fc.oneof(
    fc.constantFrom(...TAGGED_KINDS).map(kind => ({ $: kind })),
    fc.integer({ min: -8.64e15, max: 8.64e15 }).map(ms => ({ $: "date", v: ms })),
    fc.bigInt({ min: -(2n ** 80n), max: 2n ** 80n }).map(b => ({ $: "bigint", v: b.toString() })),
);

const text: fc.Arbitrary<string> = fc.oneof(fc.constantFrom(...HOSTILE_TEXT), fc.string({ maxLength: 40 }), fc.string({ unit: "grapheme", maxLength: 20 }));

/** Any value a role's column could hold, numbers most often. */
export const anyValue: fc.Arbitrary<FuzzValue> = fc.oneof(
    { weight: 6, arbitrary: ordinaryNumber },
    { weight: 2, arbitrary: extremeNumber },
    { weight: 1, arbitrary: anyDouble },
    { weight: 2, arbitrary: fc.constant(null) },
    { weight: 2, arbitrary: text },
    { weight: 1, arbitrary: fc.boolean() },
    { weight: 2, arbitrary: tagged },
);

const formatValue: fc.Arbitrary<FuzzValue | undefined> = fc.oneof(
    { weight: 4, arbitrary: fc.constant(undefined) },
    { weight: 4, arbitrary: fc.constantFrom("0", "0.0", "0.0%", "#,0", "£#,0.00", "0.00;-0.00;\"zero\"", "dd/MM/yyyy", "yyyy-MM", "General") },
    { weight: 2, arbitrary: text },
    { weight: 2, arbitrary: fc.oneof(fc.integer(), fc.boolean(), tagged) },
);

const ROLE_NAMES: readonly string[] = ROLES;
/** Roles Power BI may deliver as categories (capabilities.json: grouping or either). */
const CATEGORY_ROLES = new Set(["kpi", "group", "period", "polarity", "status", "commentary", "owner", "format"]);

function column(roles: readonly string[], rows: number, kpiNames: fc.Arbitrary<FuzzValue>): fc.Arbitrary<FuzzColumn> {
    const canBeCategory = roles.every(r => CATEGORY_ROLES.has(r));
    const mustBeCategory = roles.some(r => r === "kpi" || r === "group" || r === "period");
    const values = roles.includes("kpi") ? fc.array(kpiNames, { minLength: rows, maxLength: rows }) : fc.array(anyValue, { minLength: rows, maxLength: rows });
    return fc.record({
        category: mustBeCategory ? fc.constant(true) : canBeCategory ? fc.boolean() : fc.constant(false),
        displayName: fc.oneof({ weight: 5, arbitrary: fc.constantFrom(...roles) }, { weight: 1, arbitrary: anyValue }),
        format: formatValue,
        values,
        highlights: fc.option(fc.array(anyValue, { minLength: rows, maxLength: rows }), { freq: 6 }),
    }).map(c => ({ ...c, roles, highlights: c.category ? null : c.highlights }));
}

const objectsArbitrary: fc.Arbitrary<Record<string, Record<string, FuzzValue>>> = fc.record({
    statusColours: fc.dictionary(fc.constantFrom("blue", "green", "amber", "red", "notRated", "noData", "noTarget"),
        fc.oneof(fc.constantFrom(...FUZZ_COLOURS).map(c => ({ $: "solid", v: c })), anyValue), { maxKeys: 4 }),
    text: fc.dictionary(fc.constantFrom("fontSize", "fontFamily"), fc.oneof(extremeNumber, ordinaryNumber, text, tagged), { maxKeys: 2 }),
    layout: fc.dictionary(fc.constantFrom("tileWidth", "density", "sortBy", "filter", "showSummary", "showGroupHeadings", "tilesPerRow"),
        anyValue, { maxKeys: 3 }),
    labels: fc.dictionary(fc.constantFrom("blue", "green", "amber", "red", "notRated", "noData"), fc.oneof(text, anyValue), { maxKeys: 2 }),
    rating: fc.dictionary(fc.constantFrom("defaultPolarity", "defaultTolerance", "defaultToleranceType"), anyValue, { maxKeys: 2 }),
    elements: fc.dictionary(fc.constantFrom("showBenchmark", "showSparkline", "commentaryLines"), anyValue, { maxKeys: 2 }),
}, { requiredKeys: [] }) as fc.Arbitrary<Record<string, Record<string, FuzzValue>>>;

/** One random update: 0-12 rows, the kpi and actual roles most of the time plus a random set of the others. */
export const fuzzCase: fc.Arbitrary<FuzzCase> = fc.record({
    rows: fc.integer({ min: 0, max: 12 }),
    hasKpi: fc.integer({ min: 0, max: 99 }).map(x => x < 95),
    hasActual: fc.integer({ min: 0, max: 99 }).map(x => x < 90),
    others: fc.subarray(ROLE_NAMES.filter(r => r !== "kpi" && r !== "actual"), { minLength: 0 }),
    shareRole: fc.boolean(),
    width: fc.oneof(fc.integer({ min: 50, max: 1920 }), fc.constantFrom(360, 1280)),
    height: fc.oneof(fc.integer({ min: 50, max: 1080 }), fc.constantFrom(260, 720)),
    locale: fc.option(fc.oneof(fc.constantFrom(...LOCALES), anyValue), { freq: 4 }),
    objects: objectsArbitrary,
    focus: fc.integer({ min: 0, max: 2 }),
    segment: fc.integer({ min: 0, max: 99 }).map(x => x < 5),
    seedNames: fc.array(fc.oneof({ weight: 6, arbitrary: fc.constantFrom("A", "B", "C") }, { weight: 1, arbitrary: anyValue }), { minLength: 1, maxLength: 4 }),
}).chain(s => {
    const roles = [...(s.hasKpi ? ["kpi"] : []), ...(s.hasActual ? ["actual"] : []), ...s.others];
    // Now and then one column carries two roles (Power BI allows a field in several wells).
    const groups: string[][] = roles.map(r => [r]);
    if (s.shareRole && groups.length >= 3 && !groups[1].includes("kpi") && !groups[2].includes("kpi")) {
        groups[1] = [...groups[1], ...groups[2]];
        groups.splice(2, 1);
    }
    const names = fc.constantFrom(...s.seedNames);
    return fc.tuple(...groups.map(g => column(g, s.rows, names))).map(columns => ({
        width: s.width, height: s.height, locale: s.locale, objects: s.objects, focus: s.focus, segment: s.segment, columns,
    }));
});
