/**
 * Colours the visual accepts from formatting objects, conditional formatting and the host's
 * palette. Only colour notations pass: hex (#rgb, #rgba, #rrggbb, #rrggbbaa), rgb()/rgba(),
 * hsl()/hsla() with plain numbers and percentages, and the CSS named colours. Anything else
 * (`url(...)`, `var(...)`, `image-set(...)`, a second declaration after `;`) is refused, so a
 * colour written into an SVG fill or a style can never make the browser fetch or run anything.
 */
// The colorUtils module itself, not the package index: the index copies every export of
// colorUtils (and ColorHelper) into its own, so the whole module would be bundled.
import { hexString, parseColorString } from "powerbi-visuals-utils-colorutils/lib/colorUtils";

/** The CSS Color Module Level 4 named colours (plus `transparent`). */
const NAMED = new Set(("aliceblue antiquewhite aqua aquamarine azure beige bisque black blanchedalmond blue blueviolet brown burlywood "
    + "cadetblue chartreuse chocolate coral cornflowerblue cornsilk crimson cyan darkblue darkcyan darkgoldenrod darkgray darkgreen "
    + "darkgrey darkkhaki darkmagenta darkolivegreen darkorange darkorchid darkred darksalmon darkseagreen darkslateblue darkslategray "
    + "darkslategrey darkturquoise darkviolet deeppink deepskyblue dimgray dimgrey dodgerblue firebrick floralwhite forestgreen fuchsia "
    + "gainsboro ghostwhite gold goldenrod gray green greenyellow grey honeydew hotpink indianred indigo ivory khaki lavender "
    + "lavenderblush lawngreen lemonchiffon lightblue lightcoral lightcyan lightgoldenrodyellow lightgray lightgreen lightgrey lightpink "
    + "lightsalmon lightseagreen lightskyblue lightslategray lightslategrey lightsteelblue lightyellow lime limegreen linen magenta maroon "
    + "mediumaquamarine mediumblue mediumorchid mediumpurple mediumseagreen mediumslateblue mediumspringgreen mediumturquoise "
    + "mediumvioletred midnightblue mintcream mistyrose moccasin navajowhite navy oldlace olive olivedrab orange orangered orchid "
    + "palegoldenrod palegreen paleturquoise palevioletred papayawhip peachpuff peru pink plum powderblue purple rebeccapurple red "
    + "rosybrown royalblue saddlebrown salmon sandybrown seagreen seashell sienna silver skyblue slateblue slategray slategrey snow "
    + "springgreen steelblue tan teal thistle tomato turquoise violet wheat white whitesmoke yellow yellowgreen transparent").split(" "));

const HEX = /^#(?:[0-9a-f]{3}|[0-9a-f]{4}|[0-9a-f]{6}|[0-9a-f]{8})$/i;
const NUMBER = String.raw`[+-]?(?:\d{1,3}(?:\.\d{1,6})?|\.\d{1,6})`;
const PERCENT_OR_NUMBER = `${NUMBER}%?`;
const HUE = `${NUMBER}(?:deg|grad|rad|turn)?`;
/** rgb(1, 2, 3), rgba(1,2,3,0.5), rgb(1 2 3 / 50%), with the same for hsl(a). */
const FUNCTIONAL = new RegExp(String.raw`^(?:rgba?\(\s*${PERCENT_OR_NUMBER}(?:\s*,\s*${PERCENT_OR_NUMBER}){2}(?:\s*,\s*${PERCENT_OR_NUMBER})?\s*\)`
    + String.raw`|rgba?\(\s*${PERCENT_OR_NUMBER}(?:\s+${PERCENT_OR_NUMBER}){2}(?:\s*/\s*${PERCENT_OR_NUMBER})?\s*\)`
    + String.raw`|hsla?\(\s*${HUE}\s*,\s*${PERCENT_OR_NUMBER}\s*,\s*${PERCENT_OR_NUMBER}(?:\s*,\s*${PERCENT_OR_NUMBER})?\s*\)`
    + String.raw`|hsla?\(\s*${HUE}\s+${PERCENT_OR_NUMBER}\s+${PERCENT_OR_NUMBER}(?:\s*/\s*${PERCENT_OR_NUMBER})?\s*\))$`, "i");

/** The colour as given (trimmed) when it is a colour notation, else null. Never throws. */
export function validColour(value: unknown): string | null {
    if (typeof value !== "string" || value.length > 64) return null;
    const colour = value.trim();
    if (colour === "") return null;
    if (HEX.test(colour) || FUNCTIONAL.test(colour) || NAMED.has(colour.toLowerCase())) return colour;
    return null;
}

/** `value` when it is a colour, else `fallback`. */
export function colourOr(value: unknown, fallback: string): string {
    return validColour(value) ?? fallback;
}

/**
 * A hex or rgb colour as #rrggbb (powerbi-visuals-utils-colorutils), for contrast sums; null
 * for the notations colorutils does not read (hsl, names), which are then used as given.
 */
export function hexOf(colour: string): string | null {
    try {
        const rgb = parseColorString(colour);
        return rgb ? hexString(rgb) : null;
    } catch {
        return null;
    }
}

/** WCAG 2.x relative luminance of a #rrggbb colour. */
export function luminance(hex: string): number {
    const channel = (i: number): number => {
        const c = parseInt(hex.slice(1 + i * 2, 3 + i * 2), 16) / 255;
        return c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
    };
    return 0.2126 * channel(0) + 0.7152 * channel(1) + 0.0722 * channel(2);
}

/** WCAG contrast ratio of two #rrggbb colours (1 to 21). */
export function contrastRatio(a: string, b: string): number {
    const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
    return (hi + 0.05) / (lo + 0.05);
}
