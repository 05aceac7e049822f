/**
 * User text in generated DAX, TMDL, M and CSV: which characters may appear where, and how
 * text is kept inside its token. One module, so the dictionary validator, the DAX printer,
 * the TMDL and M writers and the tests agree on what a line break is.
 *
 * Line terminators: .NET's TextReader (TMDL) ends a line at CR, LF and CRLF; Tabular Editor's
 * DAX grammar and Unicode also end one at NEL (U+0085), LINE SEPARATOR (U+2028) and
 * PARAGRAPH SEPARATOR (U+2029). Every one of them is treated as a line end here.
 */

/** Every line terminator a reader of the outputs may act on (CRLF first, so it counts once). */
export const LINE_TERMINATORS = /\r\n|[\n\r\u0085\u2028\u2029]/g;

/** True for one character that ends a line for some reader of the outputs. */
export function isLineTerminator(c: string): boolean {
    return c === "\n" || c === "\r" || c === "\u0085" || c === "\u2028" || c === "\u2029";
}

/**
 * Control characters (Unicode Cc: C0, DEL, C1 including NEL) and the two Unicode separators.
 * None of them may appear in a name; in free text they are escaped or refused.
 */
// eslint-disable-next-line no-control-regex
const CONTROL_OR_BREAK = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;
// eslint-disable-next-line no-control-regex
const CONTROL_OR_BREAK_ALL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g;
// eslint-disable-next-line no-control-regex
const CONTROL_OR_DOUBLE_SPACE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]| {2}/;
// eslint-disable-next-line no-control-regex
const CONTROL_NOT_BREAK = /[\u0000-\u0009\u000b\u000c\u000e-\u001f\u007f-\u0084\u0086-\u009f]/;

/** True when the text holds a control character or a line terminator of any kind. */
export function hasControlOrBreak(text: string): boolean {
    return CONTROL_OR_BREAK.test(text);
}

/** A character for a message: `U+000D (carriage return)`. */
export function describeCharacter(c: string): string {
    const code = c.codePointAt(0) ?? 0;
    const hex = `U+${code.toString(16).toUpperCase().padStart(4, "0")}`;
    const names: Record<number, string> = {
        0x09: "tab", 0x0a: "line feed", 0x0d: "carriage return", 0x00: "NUL", 0x1b: "escape", 0x7f: "delete",
        0x85: "next line", 0x2028: "line separator", 0x2029: "paragraph separator", 0x0b: "vertical tab", 0x0c: "form feed",
    };
    return names[code] ? `${hex} (${names[code]})` : hex;
}

/**
 * Why text cannot be a name (id, KPI name, service area, one-line field), or null when it can:
 * the first control character or line terminator and where it is.
 */
export function controlProblem(text: string): string | null {
    const match = CONTROL_OR_BREAK.exec(text);
    if (!match) return null;
    return `contains ${isLineTerminator(match[0]) ? "a line break" : "a control character"} ${describeCharacter(match[0])} at character ${match.index + 1}`;
}

/**
 * Why free text that may span lines (a definition) cannot be used, or null: line breaks of
 * every kind are allowed (they become separate description lines), other control characters not.
 */
export function multiLineTextProblem(text: string): string | null {
    const match = CONTROL_NOT_BREAK.exec(text);
    if (!match) return null;
    return `contains a control character ${describeCharacter(match[0])} at character ${match.index + 1}`;
}

/** Free text as lines: split at every line terminator, other control characters as spaces, ends trimmed. */
export function textLines(text: string): string[] {
    return text.split(LINE_TERMINATORS).map(line => line.replace(CONTROL_OR_BREAK_ALL, " ").trimEnd());
}

/**
 * Free text on one line, for `--` comments and table cells: every line terminator and control
 * character becomes a space, runs of spaces become one. The result can never end a comment early.
 */
export function singleLine(text: string): string {
    // Most text has neither (one test instead of two replaces).
    if (!CONTROL_OR_DOUBLE_SPACE.test(text)) return text.trim();
    return text.replace(CONTROL_OR_BREAK_ALL, " ").replace(/ {2,}/g, " ").trim();
}

/**
 * `text.replace(/\n(?=[^\n])/g, "\n" + indent)`: `indent` after every line feed that does not
 * end the text or come before another line feed (so empty lines stay empty). Text with neither
 * (every printed measure) takes a plain replaceAll, several times faster than the lookahead.
 */
export function indentAfterLineFeeds(text: string, indent: string): string {
    if (text.charCodeAt(text.length - 1) !== 10 && !text.includes("\n\n")) return text.replaceAll("\n", `\n${indent}`);
    return text.replace(/\n(?=[^\n])/g, `\n${indent}`);
}

/**
 * The key two names are compared by for duplicates: Unicode NFC (so a precomposed é and e +
 * combining accent are one name) and case folded (DAX compares object names ignoring case;
 * upper- then lower-casing folds ß/SS, the Kelvin sign and long s as full case folding does).
 */
export function nameKey(name: string): string {
    // Printable ASCII needs neither normalisation nor full case folding.
    if (/^[ -~]*$/.test(name)) return name.toLowerCase();
    return name.normalize("NFC").toUpperCase().toLowerCase().normalize("NFC");
}

/** Longest KPI id, in characters (code points). */
export const KPI_ID_MAX_LENGTH = 100;

/**
 * Why text cannot be a KPI id, or null when it can. Ids as councils and the DfE write them
 * (`NI 062`, `CS/01a`, `%_of LAC Adopted`, `16-17_not known_NEET`): any text of 1 to 100
 * characters without line breaks or control characters, compared trimmed and by `nameKey`.
 * Every output quotes ids (DAX string literal, CSV cell, M text), so no printable character is special.
 */
export function kpiIdProblem(id: string): string | null {
    if (id.trim() === "") return "is empty";
    if (id !== id.trim()) return "has spaces at the start or end";
    const control = controlProblem(id);
    if (control) return control;
    const length = [...id].length;
    return length > KPI_ID_MAX_LENGTH ? `is ${length} characters long (at most ${KPI_ID_MAX_LENGTH})` : null;
}

/**
 * Thrown when a name or literal reaching a writer still holds a line break or control character:
 * the validator refuses those, so this is a programming error, never a user's message.
 */
export function assertTokenText(text: string, what: string): void {
    if (CONTROL_OR_BREAK.test(text)) throw new Error(`${what} ${JSON.stringify(text)} ${controlProblem(text)}`);
}

/**
 * An M text literal: `"` doubled; `#(` (which starts an M escape sequence) written as `#(#)(`;
 * line terminators and control characters as M escapes (`#(cr)`, `#(lf)`, `#(tab)`, `#(000B)`),
 * so the literal is one line and reads back as exactly the text.
 */
export function mTextLiteral(value: string): string {
    let out = "\"";
    for (let i = 0; i < value.length; i++) {
        const c = value[i];
        const code = c.charCodeAt(0);
        if (c === "\"") out += "\"\"";
        else if (c === "#" && value[i + 1] === "(") out += "#(#)";
        else if (c === "\r") out += "#(cr)";
        else if (c === "\n") out += "#(lf)";
        else if (c === "\t") out += "#(tab)";
        else if (code < 0x20 || (code >= 0x7f && code <= 0x9f) || code === 0x2028 || code === 0x2029) {
            out += `#(${code.toString(16).toUpperCase().padStart(4, "0")})`;
        } else out += c;
    }
    return out + "\"";
}
