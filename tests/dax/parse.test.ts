/**
 * The DAX parser reads back what the printer writes (parse(print(e)) equals e over random
 * trees, in every layout width), every committed output file parses into the trees the
 * generator built, and DAX outside the generator's subset is refused with its line and column.
 */
import fc from "fast-check";
import { readdirSync, readFileSync } from "fs";
import { join } from "path";
import { BinaryOperator, DaxFunctionName, Expr } from "../../dax/src/expr/ast";
import { def, letIn, num } from "../../dax/src/expr/build";
import { DaxParseError, parseExpression, parseQuery, parseTmdlMeasures } from "../../dax/src/expr/parse";
import { printExpr } from "../../dax/src/expr/print";
import { loadDictionary } from "../../dax/src/dictionary/load";
import { allMeasures } from "../../dax/src/measures/all";

const ROOT = join(__dirname, "..", "..");
const VAR_POOL = ["_a", "_b", "_value", "_x1"];
const FUNCTIONS: DaxFunctionName[] = ["ABS", "AND", "CALCULATE", "COALESCE", "DIVIDE", "FILTER", "HASONEVALUE", "IF", "ISBLANK",
    "LOWER", "MAX", "MAXX", "MINX", "OR", "REMOVEFILTERS", "ROUND", "SELECTEDVALUE", "SUM", "SUMMARIZECOLUMNS", "SWITCH", "TRIM",
    "VALUES", "RELATED", "ROW", "UNICHAR"];
const OPERATORS: BinaryOperator[] = ["+", "-", "*", "&", "=", "==", "<>", "<", "<=", ">", ">=", "&&", "||"];

/** Names as Power BI allows them: any characters but line breaks, including quotes and brackets. */
const nameArb = fc.string({ minLength: 1, maxLength: 12 }).filter(s => !/[\r\n]/.test(s) && s.trim() === s && s !== "");
const numberArb = fc.oneof(
    fc.integer({ min: -1000, max: 1000 }),
    fc.double({ noNaN: true, noDefaultInfinity: true }),
    fc.constantFrom(0.000000001, 1e21, -2.5, 0.85),
).filter(n => !Object.is(n, -0));

const { tree } = fc.letrec<{ tree: Expr; leaf: Expr }>(tie => ({
    leaf: fc.oneof(
        numberArb.map(value => ({ kind: "number", value }) as Expr),
        fc.string({ maxLength: 10 }).map(value => ({ kind: "string", value }) as Expr),
        fc.boolean().map(value => ({ kind: "boolean", value }) as Expr),
        fc.constant({ kind: "blank" } as Expr),
        fc.tuple(nameArb, nameArb).map(([table, column]) => ({ kind: "column", table, column }) as Expr),
        nameArb.map(table => ({ kind: "table", table }) as Expr),
        nameArb.map(name => ({ kind: "measure", name }) as Expr),
        fc.constantFrom(...VAR_POOL).map(name => ({ kind: "var", name }) as Expr),
    ),
    tree: fc.oneof({ depthSize: "small", withCrossShrink: true },
        tie("leaf"),
        fc.tuple(fc.constantFrom(...FUNCTIONS), fc.array(tie("tree"), { maxLength: 4 }))
            .map(([fn, args]) => ({ kind: "call", fn, args }) as Expr),
        tie("tree").map(arg => ({ kind: "call", fn: "NOT", args: [arg] }) as Expr),
        fc.tuple(fc.constantFrom(...OPERATORS), tie("tree"), tie("tree"))
            .map(([op, left, right]) => ({ kind: "binary", op, left, right }) as Expr),
        tie("tree").filter(e => e.kind !== "number").map(operand => ({ kind: "negate", operand }) as Expr),
        fc.tuple(fc.array(fc.tuple(fc.constantFrom(...VAR_POOL), tie("tree")), { minLength: 1, maxLength: 3 }), tie("tree"))
            .map(([vars, body]) => ({ kind: "let", vars: vars.map(([name, value]) => ({ name, value })), body }) as Expr),
    ),
}));

/** Every variable of the pool defined around the tree, so each reference is in scope. */
const closed = (e: Expr): Expr => letIn(VAR_POOL.map((name, i) => def(name, num(i))), e);

describe("parse(print(e)) equals e", () => {
    test.each([100, 40, 12])("random trees printed at width %i", width => {
        fc.assert(fc.property(tree, e => {
            const expr = closed(e);
            const text = printExpr(expr, { width });
            expect(parseExpression(text)).toEqual(expr);
        }), { numRuns: 1500 });
    });

    test("cases the printer once got wrong: a double sign, NOT under a comparison, VAR under an operator", () => {
        const cases: Expr[] = [
            { kind: "negate", operand: { kind: "negate", operand: { kind: "var", name: "_a" } } },
            { kind: "binary", op: "=", left: { kind: "call", fn: "NOT", args: [{ kind: "var", name: "_a" }] }, right: { kind: "boolean", value: false } },
            { kind: "binary", op: "+", left: { kind: "let", vars: [{ name: "_z", value: num(1) }], body: { kind: "var", name: "_z" } }, right: num(2) },
        ];
        for (const e of cases) expect(parseExpression(printExpr(closed(e)))).toEqual(closed(e));
    });
});

describe("committed outputs parse into the trees the generator built", () => {
    const dictionary = loadDictionary(join(ROOT, "sample", "kpi-dictionary.yaml"));
    if (!dictionary.dictionary) throw new Error("sample dictionary does not load");
    const built = new Map(allMeasures(dictionary.dictionary).map(m => [m.name, m]));
    /** A verbatim actualExpression is compared with its own text parsed. */
    const expected = (name: string): Expr => {
        const m = built.get(name);
        if (!m) throw new Error(`${name} is not a generated measure`);
        return m.expression.kind === "verbatim" ? parseExpression(m.expression.text) : m.expression;
    };

    test.each(["kpi-measures.dax", "per-kpi-measures.dax"])("dax/generated/%s", file => {
        const query = parseQuery(readFileSync(join(ROOT, "dax", "generated", file), "utf8"), { source: file });
        expect(query.measures.length).toBeGreaterThan(0);
        for (const m of query.measures) expect([m.name, m.expression]).toEqual([m.name, expected(m.name)]);
        expect(query.evaluate.length).toBe(1);
    });

    const tmdlFiles = [
        join(ROOT, "dax", "generated", "KPI Measures.tmdl"),
        ...readdirSync(join(ROOT, "dax", "generated")).filter(f => f.endsWith(".tmdl") && f !== "KPI Measures.tmdl")
            .map(f => join(ROOT, "dax", "generated", f)),
        ...readdirSync(join(ROOT, "sample", "pbip", "Childrens Services.SemanticModel", "definition", "tables"))
            .map(f => join(ROOT, "sample", "pbip", "Childrens Services.SemanticModel", "definition", "tables", f)),
    ];
    test.each(tmdlFiles)("%s", file => {
        const measures = parseTmdlMeasures(readFileSync(file, "utf8"), file);
        for (const m of measures) {
            expect([m.name, m.expression]).toEqual([m.name, expected(m.name)]);
            const fs = built.get(m.name)!.formatStringExpression;
            expect([m.name, m.formatStringExpression]).toEqual([m.name, fs]);
        }
        if (file.includes("KPI Measures") || file.endsWith("script.tmdl")) expect(measures.length).toBe(built.size);
    });
});

describe("DAX outside the subset is refused with its place", () => {
    test.each([
        ["IF ( [A] / 2 > 1, 1 )", 1, 10, "division"],
        ["VAR _x = 1\nRETURN\n    _y", 3, 5, "_y is not a variable in scope"],
        ["CALCULATE ( [A], 'T'[c] IN { 1 } )", 1, 25, "IN"],
        ["SUMX ( 'T', 'T'[c] )", 1, 1, "function SUMX"],
        ["IF ( 1, 2", 1, 10, "expected \",\" or \")\""],
        ["1 + ", 1, 5, "expected an expression"],
        ["\"open", 1, 1, "not closed"],
        ["IF ( , 1 )", 1, 6, "missing"],
        ["1 2", 1, 3, "after the end"],
    ])("%s", (text, line, column, words) => {
        let error: unknown;
        try { parseExpression(text); } catch (e) { error = e; }
        expect(error).toBeInstanceOf(DaxParseError);
        const e = error as DaxParseError;
        expect([e.line, e.column]).toEqual([line, column]);
        expect(e.message).toContain(words);
    });

    test("a TMDL measure that does not parse names the file, measure and line", () => {
        const text = "table 'M'\n\tmeasure 'Bad' =\n\t\t\tIF (\n\t\t\t    [A] / 2,\n\t\t\t    1\n\t\t\t)\n\t\tdisplayFolder: X\n";
        expect(() => parseTmdlMeasures(text, "m.tmdl")).toThrow(/m\.tmdl: line 4, column \d+: measure 'Bad': division/);
    });
});
