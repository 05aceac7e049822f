/**
 * The writers' fast paths for large dictionaries give exactly the text of the general code they
 * stand in for (the committed outputs compare whole files; these compare every shape of input).
 */
import fc from "fast-check";
import { printExpr } from "../../dax/src/expr/print";
import { allMeasures } from "../../dax/src/measures/all";
import { expressionProperty, expressionText, TmdlWriteError } from "../../dax/src/output/tmdlWriter";
import { syntheticDictionary } from "../../dax/bench";

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
