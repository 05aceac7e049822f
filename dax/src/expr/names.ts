import { assertTokenText } from "./text";

/**
 * Quoting of DAX names and literals (DAX syntax: table names in single quotes with ' doubled,
 * column and measure names in square brackets with ] doubled, strings in double quotes with "
 * doubled). Table names are always quoted: safe for names with spaces, accents or keywords.
 * None of them may hold a line terminator or control character (the dictionary validator
 * refuses those, see text.ts): a string printed on one line then reads the same in the DAX
 * query script and in TMDL, whatever the indentation around it.
 */
export function quoteTable(name: string): string {
    assertTokenText(name, "the table name");
    return `'${name.includes("'") ? name.replace(/'/g, "''") : name}'`;
}

export function bracketName(name: string): string {
    assertTokenText(name, "the name");
    return `[${name.includes("]") ? name.replace(/\]/g, "]]") : name}]`;
}

export function quoteString(text: string): string {
    assertTokenText(text, "the string literal");
    return `"${text.includes("\"") ? text.replace(/"/g, "\"\"") : text}"`;
}

/** 'Table'[Column] */
export function columnText(table: string, column: string): string {
    return quoteTable(table) + bracketName(column);
}

/**
 * A number as a DAX literal: plain decimal notation (never an exponent), the shortest digits
 * that read back as the same double, so the model compares exactly what the rules compare.
 */
export function numberLiteral(value: number): string {
    if (!Number.isFinite(value)) throw new RangeError(`DAX has no literal for ${value}`);
    if (Object.is(value, -0)) return "0";
    const text = String(value);
    if (!text.includes("e")) return text;
    const match = /^(-?)(\d)(?:\.(\d+))?e([+-]\d+)$/.exec(text);
    if (!match) return text;
    const [, sign, lead, rest = "", exponentText] = match;
    const digits = lead + rest;
    const exponent = Number(exponentText);
    // Position of the decimal point after the first digit.
    const point = 1 + exponent;
    if (point <= 0) return `${sign}0.${"0".repeat(-point)}${digits}`;
    if (point >= digits.length) return sign + digits + "0".repeat(point - digits.length);
    return `${sign}${digits.slice(0, point)}.${digits.slice(point)}`;
}

/** Parse `'Table'[Column]` or `Table[Column]` (escapes undone); null when it is not one. */
export function parseColumnRef(text: string): { table: string; column: string } | null {
    const trimmed = text.trim();
    const quoted = /^'((?:[^']|'')+)'\[((?:[^\]]|\]\])+)\]$/.exec(trimmed);
    if (quoted) return { table: quoted[1].replace(/''/g, "'"), column: quoted[2].replace(/\]\]/g, "]") };
    const bare = /^([A-Za-z_][A-Za-z0-9_]*)\[((?:[^\]]|\]\])+)\]$/.exec(trimmed);
    if (bare) return { table: bare[1], column: bare[2].replace(/\]\]/g, "]") };
    return null;
}
