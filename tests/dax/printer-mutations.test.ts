/**
 * Mutation checks of the test suite itself: a printer that writes `<=` as `<`, one that swaps
 * IF branches and one that drops parentheses must each make an agreement check of
 * ratingChecks.ts fail (they read the printed text, so a wrong printer is caught). Fixed seed
 * and few runs keep this cheap; the real printer passes the same runs.
 */
import fc from "fast-check";
import { Expr } from "../../dax/src/expr/ast";
import { printExpr } from "../../dax/src/expr/print";
import { lexDax } from "../../dax/src/expr/tokenize";
import { join } from "path";
import { allChecks, Printer } from "./ratingChecks";
import { Engine } from "../../dax/src/engine/evaluate";
import { loadStarModel } from "../../dax/src/engine/star";
import { parseExpression } from "../../dax/src/expr/parse";
import { loadDictionary } from "../../dax/src/dictionary/load";
import { allMeasures } from "../../dax/src/measures/all";
import { readDataset } from "../../scripts/preview/dataset";
import { compareWithPreview } from "../agreement/harness";

const ROOT = join(__dirname, "..", "..");
const SAMPLE = join(ROOT, "sample", "data");
const dictionary = loadDictionary(join(ROOT, "sample", "kpi-dictionary.yaml")).dictionary;
const previewRows = readDataset(SAMPLE).rows;

/** The sample's measures printed by this printer, against the preview's reading of the CSVs (end to end). */
function sampleDisagreements(print: Printer): number {
    if (!dictionary) throw new Error("the sample dictionary does not load");
    const measures = allMeasures(dictionary);
    const model = loadStarModel(SAMPLE).withMeasures(new Map(measures.map(m => [m.name, parseExpression(print(m.expression))])));
    const out: string[] = [];
    compareWithPreview(new Engine(model), previewRows, out);
    return out.length;
}

/** Rewrite the printed text token by token. */
function rewriteTokens(text: string, rewrite: (kind: string, tokenText: string, index: number, all: readonly { kind: string; text: string }[]) => string): string {
    const { tokens } = lexDax(text);
    return tokens.map((t, i) => rewrite(t.kind, t.text, i, tokens)).join("");
}

const lessOrEqualAsLess: Printer = e => rewriteTokens(printExpr(e), (kind, text) => (kind === "operator" && text === "<=" ? "<" : text));

function swapIf(e: Expr): Expr {
    switch (e.kind) {
        case "call": {
            const args = e.args.map(swapIf);
            if (e.fn === "IF") return { ...e, args: [args[0], args[2] ?? { kind: "blank" }, args[1]] };
            return { ...e, args };
        }
        case "binary": return { ...e, left: swapIf(e.left), right: swapIf(e.right) };
        case "negate": return { ...e, operand: swapIf(e.operand) };
        case "let": return { ...e, vars: e.vars.map(v => ({ name: v.name, value: swapIf(v.value) })), body: swapIf(e.body) };
        default: return e;
    }
}
const swappedIf: Printer = e => printExpr(swapIf(e));

/** Drops grouping parentheses (not a function call's) and their partners. */
const withoutParentheses: Printer = e => {
    const text = printExpr(e);
    const { tokens } = lexDax(text);
    const significant = (i: number): number => { let j = i - 1; while (j >= 0 && (tokens[j].kind === "space" || tokens[j].kind === "comment")) j--; return j; };
    const dropped = new Set<number>();
    const stack: { index: number; grouping: boolean }[] = [];
    tokens.forEach((t, i) => {
        if (t.kind === "open") {
            const before = significant(i);
            const grouping = before < 0 || tokens[before].kind !== "identifier";
            stack.push({ index: i, grouping });
            if (grouping) dropped.add(i);
        } else if (t.kind === "close") {
            const open = stack.pop();
            if (open?.grouping) dropped.add(i);
        }
    });
    return tokens.filter((_, i) => !dropped.has(i)).map(t => t.text).join("");
};

/** Names of the checks that fail with this printer (fixed seed, 300 runs each). */
function failingChecks(print: Printer): string[] {
    return allChecks(print).filter(([, property]) => fc.check(property, { numRuns: 300, seed: 20261201 }).failed).map(([name]) => name);
}

test("the real printer passes every check on the same runs", () => {
    expect(failingChecks(e => printExpr(e))).toEqual([]);
    expect(sampleDisagreements(e => printExpr(e))).toBe(0);
});

test.each([
    ["writes <= as <", lessOrEqualAsLess],
    ["swaps IF branches", swappedIf],
    ["drops parentheses", withoutParentheses],
] as const)("a printer that %s fails the agreement checks", (_, mutant) => {
    const failing = failingChecks(mutant);
    const sample = sampleDisagreements(mutant);
    if (sample > 0) failing.push(`the sample against the preview (${sample >= 20 ? "20 or more" : sample} cells differ)`);
    console.log(`${_}: ${failing.join(", ")}`);
    expect(failing.length).toBeGreaterThan(0);
});
