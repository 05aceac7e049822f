/**
 * The generator's fast paths for large dictionaries (TMDL expression layout, the table and its
 * script in one pass, singleLine, indentAfterLineFeeds, lineage tags by crypto.hash, the summary's remembered values) give exactly the text of the general code they stand in for (the
 * committed outputs compare whole files; these compare every shape of input).
 */
import { createHash } from "crypto";
import fc from "fast-check";
import { printExpr } from "../../dax/src/expr/print";
import { allMeasures } from "../../dax/src/measures/all";
import {
    expressionProperty, expressionText, lineageTag, stableGuid, TmdlTable, TmdlWriteError, writeCreateOrReplaceScript, writeTable, writeTableAndScript,
} from "../../dax/src/output/tmdlWriter";
import { syntheticDictionary } from "../../dax/bench";
import { indentAfterLineFeeds, singleLine } from "../../dax/src/expr/text";
import { showValue } from "../../dax/src/output/describe";
import { precisionFromFormat, toShownPrecision } from "../../src/rules";
import { NumberText } from "../../src/model/numberText";

const RUNS = { numRuns: 3000 };
const general = (head: string, expression: string, depth: number): string | Error => {
    try {
        return expressionProperty(head, expression, depth).join("\n");
    } catch (error) {
        return error as Error;
    }
};
const fast = (head: string, expression: string, depth: number): string | Error => {
    try {
        return expressionText(head, expression, depth);
    } catch (error) {
        return error as Error;
    }
};

describe("expressionText is expressionProperty joined", () => {
    // Spaces, line ends and backticks in every position decide the layout; other whitespace takes the general path.
    const unit = fc.constantFrom("a", "1", "(", " ", " ", "\n", "\n", "`", "\t", "\r", "\u00a0", "\u2028", "é");
    test("for any text, including blank lines, trailing spaces, indented and backtick lines", () => {
        fc.assert(fc.property(fc.string({ unit, maxLength: 24 }), fc.integer({ min: 0, max: 3 }), (expression, depth) => {
            const a = general("\tmeasure X", expression, depth);
            const b = fast("\tmeasure X", expression, depth);
            if (a instanceof Error) {
                expect(b).toBeInstanceOf(TmdlWriteError);
                expect((b as Error).message).toBe(a.message);
            } else {
                expect(b).toBe(a);
            }
        }), RUNS);
    });

    test("for every measure of the benchmark dictionary", () => {
        for (const m of allMeasures(syntheticDictionary(60))) {
            const text = printExpr(m.expression);
            expect(fast("\tmeasure X", text, 1)).toBe(general("\tmeasure X", text, 1));
        }
    });
});

describe("singleLine's shortcut for text without control characters or double spaces", () => {
    const reference = (text: string): string =>
        text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, " ").replace(/ {2,}/g, " ").trim();
    test("gives the same line for any text", () => {
        const unit = fc.constantFrom("a", " ", " ", "\n", "\r", "\t", "\u0085", "\u2028", "\u00a0", "|", "é");
        fc.assert(fc.property(fc.string({ unit, maxLength: 16 }), text => {
            expect(singleLine(text)).toBe(reference(text));
        }), RUNS);
    });
});

describe("indentAfterLineFeeds' shortcut for text without empty lines or a final line feed", () => {
    test("gives the lookahead replace's text for any text and indent", () => {
        const unit = fc.constantFrom("a", " ", "\n", "\n", "\n", "\r", "\t", "$", "é");
        fc.assert(fc.property(fc.string({ unit, maxLength: 20 }), fc.constantFrom("", "\t", "        ", "\t\t\t"), (text, indent) => {
            expect(indentAfterLineFeeds(text, indent)).toBe(text.replace(/\n(?=[^\n])/g, `\n${indent}`));
        }), RUNS);
    });
});

describe("lineage tags from crypto.hash", () => {
    // The GUID layout createHash gave before: SHA-1 of the UTF-8 seed, version 5, RFC 4122 variant.
    const reference = (seed: string): string => {
        const h = createHash("sha1").update(seed).digest("hex");
        const variant = ((parseInt(h[16], 16) & 0x3) | 0x8).toString(16);
        return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
    };
    test("are the createHash GUIDs for any key, Welsh, emoji and lone surrogates included", () => {
        const unit = fc.constantFrom("a", "K", "/", " ", "\u0175", "\u2605", "\ud83d\ude00", "\ud800", "\u0000");
        fc.assert(fc.property(fc.string({ unit, maxLength: 12 }), key => {
            expect(lineageTag(key)).toBe(reference(`council-kpi-tiles:${key}`));
            expect(stableGuid(key)).toBe(reference(`council-kpi-tiles/pbip:${key}`));
        }), RUNS);
    });
});

describe("showValue remembers answers without changing them", () => {
    const numbers = new NumberText("en-GB");
    const direct = (value: number, format: string): string => numbers.value(toShownPrecision(value, precisionFromFormat(format)), format);
    test("the same text as the number pipeline, asked twice, for 0 and -0 and every format", () => {
        const formats = ["0.0%", "0", "#,0.0", "\u00a3#,0.0,,\"m\"", "General", "0.00 \"days\""];
        const values = fc.oneof(fc.double({ noNaN: true, min: -1e7, max: 1e7 }), fc.constantFrom(0, -0, 0.05, -0.0004, 12.25));
        fc.assert(fc.property(values, fc.constantFrom(...formats), (value, format) => {
            expect(showValue(value, format)).toBe(direct(value, format));
            expect(showValue(value, format)).toBe(direct(value, format));
        }), RUNS);
    });
});

describe("writeTableAndScript is writeTable and writeCreateOrReplaceScript in one pass", () => {
    const text = fc.string({ unit: fc.constantFrom("a", " ", "\n", "\n", "'", "é"), maxLength: 14 });
    const measure = fc.record({
        name: fc.string({ unit: fc.constantFrom("M", " ", "1"), minLength: 1, maxLength: 6 }),
        expression: text.filter(e => !e.split("\n").some(l => l.trim() === "```")),
        description: fc.option(text, { nil: undefined }),
        formatStringDefinition: fc.option(fc.constantFrom("\"0.0\"", "VAR a = 1\nRETURN\n    a"), { nil: undefined }),
        isHidden: fc.boolean(),
    }).map(m => ({ ...m, lineageTag: "00000000-0000-5000-8000-000000000000" }));
    test("for tables of any measures, with and without description and annotations", () => {
        fc.assert(fc.property(fc.array(measure, { maxLength: 4 }), fc.option(text, { nil: undefined }), fc.boolean(), (measures, description, annotated) => {
            const table: TmdlTable = {
                name: "T", description, lineageTag: "11111111-1111-5111-8111-111111111111", measures,
                columns: [{ name: "C", dataType: "int64", summarizeBy: "none", sourceColumn: "C", lineageTag: "22222222-2222-5222-8222-222222222222" }],
                partitions: [{ name: "P", sourceType: "calculated", mode: "import", source: "ROW ( \"C\", 0 )" }],
                ...(annotated ? { annotations: [{ name: "A", value: "1" }, { name: "B", value: "x" }] } : {}),
            };
            const both = writeTableAndScript(table);
            expect(both.table).toBe(writeTable(table));
            expect(both.script).toBe(writeCreateOrReplaceScript([table]));
        }), { numRuns: 500 });
    });
});
