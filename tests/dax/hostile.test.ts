/**
 * Hostile dictionaries: text pasted from case systems and Word must never leave its token in
 * any output. Each hostile text is put into one field of a benign dictionary; the dictionary is
 * either refused with an error on that field, or every output has exactly the structure of the
 * benign dictionary's output (same DAX token kinds, same TMDL lines, same CSV records and cells,
 * same markdown rows) and the text reads back unchanged where it is quoted.
 */
import { parseCsv } from "../../lib/csv";
import { generateFromText, OUTPUT_FILES } from "../../dax/src/generate";
import { lexDax } from "../../dax/src/expr/tokenize";
import { mTextLiteral, nameKey, textLines } from "../../dax/src/expr/text";
import { formatIssue } from "../../dax/src/dictionary/validate";
import { mIdentifier, mText } from "../../scripts/pbip/m";

const BREAKS: readonly string[] = ["\r", "\n", "\r\n", "\u0085", "\u2028", "\u2029"];
const CONTROLS: readonly string[] = ["\u0000", "\u0007", "\u000b", "\u000c", "\u001b", "\u007f", "\u009b"];
/** Printable text that means something to DAX, TMDL, M, CSV or markdown. */
const PRINTABLE: readonly string[] = [
    "'", "''", "\"", "\"\"", "]", "]]", "[", "--", "//", "/*", "*/", "```", "#(lf)", "#(", ",", "|", "`", "=", ":",
    "\" & EVALUATE ROW ( \"x\", 1 ) & \"", "'[x]", "] = 1 -- ", "///", "measure X = 1", "é", "e\u0301", "\u00a0", "\ufeff",
];

/** Field -> where the hostile text is put; the benign dictionary uses "Benign" in its place. */
type Slot = "id" | "name" | "serviceArea" | "outcome" | "unit" | "owner" | "source" | "definition" | "laitCode"
    | "stringLiteral" | "sourceTable" | "sourceName";

/** The dictionary with `hostile` in the given fields (one, several or none). */
function dictionaryText(slot: Slot | readonly Slot[] | null, hostile: string): string {
    const slots: readonly Slot[] = slot === null ? [] : typeof slot === "string" ? [slot] : slot;
    const t = (s: Slot): string => (slots.includes(s) ? `Benign${hostile}Text` : "BenignText");
    const literal = t("stringLiteral").replace(/"/g, "\"\"");
    const kpis = [
        {
            id: t("id"), name: `KPI ${t("name")}`, serviceArea: t("serviceArea"), outcome: t("outcome"), polarity: "High",
            unit: t("unit"), format: "0.0%", target: 0.8, tolerance: 0.05, owner: t("owner"), frequency: "Quarterly",
            source: t("source"), definition: t("definition"), laitCode: t("laitCode"),
            sourceColumn: `'${t("sourceTable").replace(/'/g, "''")}'[${t("sourceName").replace(/]/g, "]]")}]`,
        },
        {
            id: "K2", name: "Second KPI", serviceArea: "Area two", polarity: "Low", format: "#,0", target: 12,
            actualExpression: `COALESCE ( SUM ( 'Facts'[Value] ), LEN ( "${literal}" ) )`,
        },
    ];
    return JSON.stringify({ kpis }, null, 2);
}

/** DAX token kinds without space; comments count as one token each. */
function daxShape(text: string): string[] {
    const { tokens, problems } = lexDax(text);
    expect(problems).toEqual([]);
    return tokens.filter(t => t.kind !== "space").map(t => t.kind);
}

/**
 * TMDL lines as .NET reads them (CR, LF, CRLF end a line): indentation and first word of each
 * line (descriptions apart), and the DAX of every expression (after `=` on the declaring line,
 * or on the deeper lines below it) as one token stream.
 */
function tmdlShape(text: string): { lines: string[]; dax: string[] } {
    const lines = text.split(/\r\n|\r|\n/);
    const structure: string[] = [];
    const dax: string[] = [];
    let expressionIndent = Infinity;
    for (const line of lines) {
        const indent = /^\t*/.exec(line)![0].length;
        const body = line.slice(indent);
        if (body.startsWith("///")) continue;
        if (body !== "" && indent >= expressionIndent) { dax.push(body); continue; }
        expressionIndent = Infinity;
        structure.push(`${indent}${/^[^\s=:]*[=:]?/.exec(body)![0]}`);
        const expression = /^(?:measure (?:'(?:[^']|'')*'|\S+)|formatStringDefinition|source) =(?: (.*))?$/.exec(body);
        if (!expression) continue;
        if (expression[1] !== undefined && expression[1] !== "```") dax.push(expression[1]);
        else expressionIndent = indent + 2;
    }
    return { lines: structure, dax: daxShape(dax.filter(l => l !== "```").join("\n")) };
}

/** Markdown: line count, and the cells (unescaped `|`) of each table row. */
function markdownShape(text: string): string[] {
    return text.split(/\r\n|[\n\r\u0085\u2028\u2029]/)
        .map(l => (l.startsWith("|") ? String(l.replace(/\\\|/g, "").split("|").length) : "text"));
}

function outputsOf(slot: Slot | readonly Slot[] | null, hostile: string) {
    return generateFromText("hostile.json", dictionaryText(slot, hostile));
}

const benign = outputsOf(null, "");
if (!benign.ok) throw new Error(benign.issues.map(formatIssue).join("\n"));
const benignFiles = benign.output.files;

const SLOTS: readonly Slot[] = ["id", "name", "serviceArea", "outcome", "unit", "owner", "source", "definition", "laitCode",
    "stringLiteral", "sourceTable", "sourceName"];
/** Where a line break is allowed (it becomes separate description lines). */
const MULTILINE: ReadonlySet<Slot> = new Set(["definition"]);
const FIELD_OF: Readonly<Partial<Record<Slot, string>>> = { stringLiteral: "actualExpression", sourceTable: "sourceColumn", sourceName: "sourceColumn" };

describe.each(SLOTS)("hostile text in %s", slot => {
    const field = FIELD_OF[slot] ?? slot;
    test.each([...BREAKS, ...CONTROLS].map(c => [JSON.stringify(c), c]))("%s is refused with a located error, or (definition) kept inside its tokens", (_, hostile) => {
        const result = outputsOf(slot, hostile);
        if (MULTILINE.has(slot) && BREAKS.includes(hostile)) {
            expect(result.ok).toBe(true);
            if (result.ok) expectSameShape(result.output.files);
            return;
        }
        expect(result.ok).toBe(false);
        const errors = result.issues.filter(i => i.severity === "error");
        expect(errors).toHaveLength(1);
        expect(errors[0].field).toBe(field);
        expect(errors[0].location.line).toBeGreaterThan(0);
        expect(errors[0].message).toMatch(/line break|control character/);
    });
});

/**
 * Printable hostile text in every field at once (one generation per text keeps the test fast;
 * a failure names the text, and the per-field refusals above name the field).
 */
describe.each(PRINTABLE.map(p => [JSON.stringify(p), p]))("printable hostile text %s", (_, hostile) => {
    test("stays inside its token in every field of every output", () => {
        // ``` would end the TMDL expression block: refused in an expression, tested below.
        const slots = hostile.includes("```") ? SLOTS.filter(s => s !== "stringLiteral") : SLOTS;
        const result = outputsOf(slots, hostile);
        if (!result.ok) throw new Error(result.issues.map(formatIssue).join("\n"));
        expectSameShape(result.output.files);
        const rows = parseCsv(result.output.files.get(OUTPUT_FILES.kpiDimension)!).records;
        expect(rows[1].cells[0]).toBe(`Benign${hostile}Text`.trim());
        expect(rows[1].cells[3]).toBe(`Benign${hostile}Text`.trim());
    });
});

test("``` in an expression is refused with its reason", () => {
    const result = outputsOf("stringLiteral", "```");
    expect(result.ok).toBe(false);
    expect(result.issues.map(formatIssue).join("\n")).toMatch(/field actualExpression: contains ``` \(it would end the TMDL expression block\)/);
});

function expectSameShape(files: ReadonlyMap<string, string>): void {
    expect([...files.keys()]).toEqual([...benignFiles.keys()]);
    for (const [name, text] of files) {
        const before = benignFiles.get(name)!;
        if (name.endsWith(".dax")) expect(daxShape(text)).toEqual(daxShape(before));
        else if (name.endsWith(".tmdl")) expect(tmdlShape(text)).toEqual(tmdlShape(before));
        else if (name.endsWith(".csv")) {
            const shape = (t: string): number[] => parseCsv(t).records.map(r => r.cells.length);
            expect(parseCsv(text).errors).toEqual([]);
            expect(shape(text)).toEqual(shape(before));
        } else if (name.endsWith(".md")) expect(markdownShape(text)).toEqual(markdownShape(before));
        else throw new Error(`no shape check for ${name}`);
    }
}

describe("the DAX lexer ends comments and names at every line terminator", () => {
    test.each(BREAKS.map(b => [JSON.stringify(b), b]))("%s ends a -- and a // comment", (_, b) => {
        for (const start of ["--", "//"]) {
            const tokens = lexDax(`1 ${start} note${b}EVALUATE`).tokens.filter(t => t.kind !== "space");
            expect(tokens.map(t => t.kind)).toEqual(["number", "comment", "identifier"]);
            expect(tokens[1].text).toBe(`${start} note`);
        }
    });
    test.each(BREAKS.map(b => [JSON.stringify(b), b]))("%s inside [name] or 'table' is a problem, inside a string it is text", (_, b) => {
        expect(lexDax(`[a${b}b]`).problems).toHaveLength(1);
        expect(lexDax(`'a${b}b'[c]`).problems).toHaveLength(1);
        const string = lexDax(`"a${b}b"`);
        expect(string.problems).toEqual([]);
        expect(string.tokens.map(t => t.kind)).toEqual(["string"]);
    });
    test("doubled delimiters stay inside their token", () => {
        expect(lexDax(`"a""b" 'c''d'[e]]f]`).tokens.filter(t => t.kind !== "space").map(t => [t.kind, t.text])).toEqual([
            ["string", "\"a\"\"b\""], ["table", "'c''d'"], ["bracket", "[e]]f]"],
        ]);
    });
});

describe("names are compared after NFC normalisation and case folding", () => {
    test("nameKey", () => {
        expect(nameKey("Caf\u00e9")).toBe(nameKey("CAFE\u0301"));
        expect(nameKey("Stra\u00dfe")).toBe(nameKey("STRASSE"));
        expect(nameKey("\u212aPI")).toBe(nameKey("kpi"));
        expect(nameKey("A")).not.toBe(nameKey("B"));
    });
    test("two KPIs whose names differ only in Unicode form or case are refused", () => {
        const text = JSON.stringify({ kpis: [
            { id: "A", name: "Caf\u00e9 visits", serviceArea: "S", polarity: "High" },
            { id: "B", name: "CAFE\u0301 VISITS", serviceArea: "S", polarity: "High" },
            { id: "stra\u00dfe", name: "Other", serviceArea: "S", polarity: "High" },
            { id: "STRASSE", name: "Other two", serviceArea: "S", polarity: "High" },
        ] }, null, 2);
        const result = generateFromText("d.json", text);
        expect(result.ok).toBe(false);
        const lines = result.issues.map(formatIssue);
        expect(lines.some(l => /field name: the name .* collides with KPI A/.test(l))).toBe(true);
        expect(lines.some(l => /field id: duplicate id: "STRASSE" is already used by KPI straße/.test(l))).toBe(true);
    });
});

describe("text helpers", () => {
    test("textLines splits at every line terminator and blanks other controls", () => {
        expect(textLines("a\rb\nc\r\nd\u0085e\u2028f\u2029g\u0000h")).toEqual(["a", "b", "c", "d", "e", "f", "g h"]);
    });
    /** Undo M text-literal escapes (Power Query M language specification: text literals). */
    function readM(literal: string): string {
        expect(literal.startsWith("\"") && literal.endsWith("\"")).toBe(true);
        const body = literal.slice(1, -1);
        const named: Record<string, string> = { cr: "\r", lf: "\n", tab: "\t", "#": "#" };
        return body.replace(/""/g, "\"").replace(/#\(([^)]*)\)/g, (_, inner: string) =>
            inner.split(",").map(e => named[e] ?? String.fromCodePoint(parseInt(e, 16))).join(""));
    }
    test("the Power BI Project's M writer quotes with it", () => {
        expect(mText("Folder #(lf) \"x\"")).toBe("\"Folder #(#)(lf) \"\"x\"\"\"");
        expect(readM(mIdentifier("KPI #(cr)ID").slice(1))).toBe("KPI #(cr)ID");
    });
    test.each([...BREAKS, ...CONTROLS, ...PRINTABLE].map(t => [JSON.stringify(t), t]))("M text literal of %s is one line and reads back", (_, t) => {
        const literal = mTextLiteral(`x${t}y`);
        expect(/[\r\n\u0085\u2028\u2029]/.test(literal)).toBe(false);
        expect(readM(literal)).toBe(`x${t}y`);
    });
});
