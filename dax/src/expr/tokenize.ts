import { didYouMean } from "../dictionary/didYouMean";
import { DAX_FUNCTIONS, isKnownFunction } from "./functions";
import { isLineTerminator, LINE_TERMINATORS } from "./text";

export type TokenKind = "string" | "table" | "bracket" | "number" | "identifier" | "operator" | "open" | "close"
    | "openBrace" | "closeBrace" | "comma" | "comment" | "space";

export interface Token {
    readonly kind: TokenKind;
    readonly text: string;
    /** 0-based offset in the source. */
    readonly offset: number;
}

export interface LexProblem {
    readonly offset: number;
    readonly message: string;
}

export interface LexResult {
    readonly tokens: readonly Token[];
    readonly problems: readonly LexProblem[];
}

const OPERATORS = ["==", "<>", "<=", ">=", "&&", "||", "+", "-", "*", "/", "^", "&", "=", "<", ">"];

/** White space: what JavaScript's \s matches, and NEL (U+0085), a line terminator for .NET readers. */
const isSpace = (c: string): boolean => /\s/.test(c) || c === "\u0085";

/**
 * Split DAX text into tokens, following Microsoft's DAX syntax reference: strings in double
 * quotes with `""` for a quote (they may span lines), table names in single quotes with `''`,
 * column and measure names in square brackets with `]]` (neither may span lines), comments
 * `--` and `//` to the end of the line and `/* ... *\/`. A line ends at CR, LF, CRLF, NEL,
 * U+2028 or U+2029: the line terminators of .NET and Tabular Editor's grammar, so a comment
 * read here ends wherever any of those readers ends it. Unclosed strings, quoted names and
 * brackets are problems, never guessed.
 */
export function lexDax(text: string): LexResult {
    const tokens: Token[] = [];
    const problems: LexProblem[] = [];
    let i = 0;
    const n = text.length;
    /** Read a delimited token whose closing delimiter is escaped by doubling. */
    const delimited = (close: string, what: string): string => {
        const start = i;
        i++;
        while (i < n) {
            if (text[i] === close) {
                if (text[i + 1] === close) { i += 2; continue; }
                i++;
                return text.slice(start, i);
            }
            if (close !== "\"" && isLineTerminator(text[i])) break;
            i++;
        }
        problems.push({ offset: start, message: `${what} is not closed` });
        i = n;
        return text.slice(start);
    };
    while (i < n) {
        const c = text[i];
        const start = i;
        if (isSpace(c)) {
            while (i < n && isSpace(text[i])) i++;
            tokens.push({ kind: "space", text: text.slice(start, i), offset: start });
        } else if ((c === "/" && text[i + 1] === "/") || (c === "-" && text[i + 1] === "-")) {
            while (i < n && !isLineTerminator(text[i])) i++;
            tokens.push({ kind: "comment", text: text.slice(start, i), offset: start });
        } else if (c === "/" && text[i + 1] === "*") {
            const end = text.indexOf("*/", i + 2);
            if (end === -1) {
                problems.push({ offset: start, message: "a /* comment is not closed" });
                i = n;
            } else {
                i = end + 2;
            }
            tokens.push({ kind: "comment", text: text.slice(start, i), offset: start });
        } else if (c === "\"") {
            tokens.push({ kind: "string", text: delimited("\"", "a string"), offset: start });
        } else if (c === "'") {
            tokens.push({ kind: "table", text: delimited("'", "a quoted table name"), offset: start });
        } else if (c === "[") {
            tokens.push({ kind: "bracket", text: delimited("]", "a [name]"), offset: start });
        } else if (/[0-9]/.test(c) || (c === "." && /[0-9]/.test(text[i + 1] ?? ""))) {
            while (i < n && /[0-9.]/.test(text[i])) i++;
            if ((text[i] === "e" || text[i] === "E") && /[-+0-9]/.test(text[i + 1] ?? "")) {
                i += 2;
                while (i < n && /[0-9]/.test(text[i])) i++;
            }
            tokens.push({ kind: "number", text: text.slice(start, i), offset: start });
        } else if (/[A-Za-z_\u00C0-\uFFFF]/.test(c)) {
            while (i < n && /[A-Za-z0-9_.\u00C0-\uFFFF]/.test(text[i])) i++;
            tokens.push({ kind: "identifier", text: text.slice(start, i), offset: start });
        } else if (c === "(") {
            i++; tokens.push({ kind: "open", text: c, offset: start });
        } else if (c === ")") {
            i++; tokens.push({ kind: "close", text: c, offset: start });
        } else if (c === "{") {
            i++; tokens.push({ kind: "openBrace", text: c, offset: start });
        } else if (c === "}") {
            i++; tokens.push({ kind: "closeBrace", text: c, offset: start });
        } else if (c === "," || c === ";") {
            i++; tokens.push({ kind: "comma", text: c, offset: start });
        } else {
            const op = OPERATORS.find(o => text.startsWith(o, i));
            if (op) {
                i += op.length;
                tokens.push({ kind: "operator", text: op, offset: start });
            } else {
                problems.push({ offset: start, message: `unexpected character ${JSON.stringify(c)}` });
                i++;
            }
        }
    }
    return { tokens, problems };
}

/** Keywords of DAX queries and expressions that are not functions. */
const KEYWORDS = new Set(["VAR", "RETURN", "DEFINE", "MEASURE", "EVALUATE", "ORDER", "BY", "ASC", "DESC", "START", "AT",
    "IN", "NOT", "TABLE", "COLUMN", "FUNCTION"]);

/**
 * Check DAX text as a whole: it lexes, brackets and braces balance, and every function called
 * is a known DAX function. Returns the problems in words (empty when the text is clean).
 */
export function checkDax(text: string): string[] {
    const { tokens, problems } = lexDax(text);
    const messages = problems.map(p => `${p.message} (at ${describeOffset(text, p.offset)})`);
    const stack: Token[] = [];
    const significant = tokens.filter(t => t.kind !== "space" && t.kind !== "comment");
    significant.forEach((token, index) => {
        if (token.kind === "open" || token.kind === "openBrace") stack.push(token);
        if (token.kind === "close" || token.kind === "closeBrace") {
            const open = stack.pop();
            const expected = token.kind === "close" ? "open" : "openBrace";
            if (!open || open.kind !== expected) {
                messages.push(`unbalanced ${JSON.stringify(token.text)} (at ${describeOffset(text, token.offset)})`);
            }
        }
        if (token.kind === "identifier" && significant[index + 1]?.kind === "open") {
            const name = token.text;
            if (!isKnownFunction(name) && !KEYWORDS.has(name.toUpperCase())) {
                const hint = didYouMean(name.toUpperCase(), DAX_FUNCTIONS);
                messages.push(`unknown function ${name}${hint ? ` (did you mean ${hint}?)` : ""} (at ${describeOffset(text, token.offset)})`);
            }
        }
    });
    for (const open of stack) {
        messages.push(`${JSON.stringify(open.text)} is never closed (at ${describeOffset(text, open.offset)})`);
    }
    return messages;
}

function describeOffset(text: string, offset: number): string {
    const lines = text.slice(0, offset).split(LINE_TERMINATORS);
    return `line ${lines.length}, column ${lines[lines.length - 1].length + 1}`;
}
