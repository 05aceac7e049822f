import fc from "fast-check";
import { Expr } from "../../dax/src/expr/ast";
import { BLANK, bin, call, col, COALESCE, def, DIVIDE, firstTrue, IF, ISBLANK, letIn, measure, NOT, num, ref, str, tbl } from "../../dax/src/expr/build";
import { fold } from "../../dax/src/expr/fold";
import { bracketName, columnText, numberLiteral, parseColumnRef, quoteString, quoteTable } from "../../dax/src/expr/names";
import { printExpr } from "../../dax/src/expr/print";
import { checkDax, lexDax } from "../../dax/src/expr/tokenize";

describe("names and literals are escaped", () => {
    test("tables, columns, measures, strings", () => {
        expect(quoteTable("Children's Services")).toBe("'Children''s Services'");
        expect(bracketName("A ]] B]")).toBe("[A ]]]] B]]]");
        expect(quoteString("say \"hi\"")).toBe("\"say \"\"hi\"\"\"");
        expect(columnText("KPI", "KPI ID")).toBe("'KPI'[KPI ID]");
    });
    test("numbers print in plain decimal notation and read back exactly", () => {
        expect(numberLiteral(1e-9)).toBe("0.000000001");
        expect(numberLiteral(1.5e-7)).toBe("0.00000015");
        expect(numberLiteral(2e21)).toBe("2000000000000000000000");
        expect(numberLiteral(-0)).toBe("0");
        fc.assert(fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), x => {
            const text = numberLiteral(x);
            expect(text).toMatch(/^-?\d+(\.\d+)?$/);
            expect(Number(text)).toBe(x === 0 ? 0 : x);
        }), { numRuns: 2000 });
    });
    test("column references parse back", () => {
        expect(parseColumnRef("'Ysgol ŵ''s data'[Nifer ]]]")).toEqual({ table: "Ysgol ŵ's data", column: "Nifer ]" });
        expect(parseColumnRef("Facts[Value]")).toEqual({ table: "Facts", column: "Value" });
        expect(parseColumnRef("Facts Value")).toBeNull();
    });
});

describe("SQLBI formatting", () => {
    test("short calls stay on one line with spaces inside the parentheses", () => {
        expect(printExpr(DIVIDE(measure("A"), measure("B")))).toBe("DIVIDE ( [A], [B] )");
        expect(printExpr(BLANK)).toBe("BLANK ()");
        expect(printExpr(NOT(ISBLANK(ref("_x"))))).toBe("NOT ISBLANK ( _x )");
    });
    test("long calls put each argument on its own indented line; VAR/RETURN blocks", () => {
        const long = IF(bin("&&", ISBLANK(measure("A fairly long measure name")), ISBLANK(measure("Another fairly long measure name"))),
            str("Both are blank, which is a long string"), str("Not both"));
        expect(printExpr(letIn([def("_x", num(1))], long))).toBe([
            "VAR _x = 1",
            "RETURN",
            "    IF (",
            "        ISBLANK ( [A fairly long measure name] ) && ISBLANK ( [Another fairly long measure name] ),",
            "        \"Both are blank, which is a long string\",",
            "        \"Not both\"",
            "    )",
        ].join("\n"));
    });
    test("SWITCH pairs share a line", () => {
        const e = firstTrue([[ISBLANK(measure("Actual value measure")), str("No data")], [ISBLANK(measure("Target value measure")), str("No target")]], str("Rated"));
        expect(printExpr(e)).toBe([
            "SWITCH (",
            "    TRUE (),",
            "    ISBLANK ( [Actual value measure] ), \"No data\",",
            "    ISBLANK ( [Target value measure] ), \"No target\",",
            "    \"Rated\"",
            ")",
        ].join("\n"));
    });
    test("operator precedence is kept with parentheses only where needed", () => {
        expect(printExpr(bin("-", num(1), bin("-", num(2), num(3))))).toBe("1 - ( 2 - 3 )");
        expect(printExpr(bin("-", bin("-", num(1), num(2)), num(3)))).toBe("1 - 2 - 3");
        expect(printExpr(bin("*", bin("+", num(1), num(2)), num(3)))).toBe("( 1 + 2 ) * 3");
        expect(printExpr(bin("-", ref("_a"), num(-1)))).toBe("_a - ( -1 )");
    });
});

describe("constant folding", () => {
    test("decided conditions disappear, constants inline, unused VARs go", () => {
        const e = letIn([def("_t", num(5)), def("_unused", measure("X"))],
            firstTrue([[ISBLANK(ref("_t")), str("No target")], [bin(">", measure("A"), ref("_t")), str("Above")]], str("Below")));
        expect(printExpr(fold(e))).toBe("SWITCH ( TRUE (), [A] > 5, \"Above\", \"Below\" )");
        expect(printExpr(fold(COALESCE(BLANK, measure("A"))))).toBe("[A]");
        expect(printExpr(fold(IF(ISBLANK(BLANK), num(1), num(2))))).toBe("1");
    });
});

describe("the DAX tokenizer", () => {
    test("lexes strings, quoted names and brackets with doubled escapes", () => {
        const { tokens, problems } = lexDax("'It''s'[A ]] b] & \"x \"\"y\"\"\"");
        expect(problems).toEqual([]);
        expect(tokens.filter(t => t.kind !== "space").map(t => t.kind)).toEqual(["table", "bracket", "operator", "string"]);
    });
    test("reports unclosed strings, names and parentheses and unknown functions", () => {
        expect(checkDax("\"open")).toEqual([expect.stringMatching(/string is not closed/)]);
        expect(checkDax("'open[")).toEqual([expect.stringMatching(/quoted table name is not closed/)]);
        expect(checkDax("SUM ( T[x] ")).toEqual([expect.stringMatching(/never closed/)]);
        expect(checkDax("SUMM ( T[x] )")).toEqual([expect.stringMatching(/unknown function SUMM \(did you mean SUM\?\)/)]);
        expect(checkDax("VAR _a = 1 RETURN _a")).toEqual([]);
    });
});

/** A random expression tree with hostile names, for the printer/tokenizer round trip. */
const hostile = fc.oneof(
    fc.constantFrom("Children's \"hard\" ]] [x]", "ŵ ŷ Gwasanaethau", "Café & co", "' ) ] \" --", "/* x */", "RETURN"),
    fc.string({ maxLength: 12 }).filter(s => !/[\u0000-\u001f]/.test(s)),
);
const exprArb: fc.Arbitrary<Expr> = fc.letrec<{ e: Expr }>(tie => ({
    e: fc.oneof(
        { depthSize: "small" },
        hostile.map(str),
        hostile.map(measure),
        fc.tuple(hostile, hostile).map(([t, c]) => col(t, c)),
        fc.double({ noNaN: true, noDefaultInfinity: true }).map(num),
        fc.tuple(tie("e"), tie("e")).map(([a, b]) => DIVIDE(a, b)),
        fc.tuple(tie("e"), tie("e"), tie("e")).map(([a, b, c]) => IF(a, b, c)),
        fc.tuple(fc.constantFrom("+", "-", "*", "&", "=", "<", "&&", "||" as const), tie("e"), tie("e")).map(([op, a, b]) => bin(op, a, b)),
        fc.tuple(hostile, tie("e")).map(([t, e]) => call("CALCULATE", e, call("REMOVEFILTERS", tbl(t)))),
        fc.tuple(tie("e"), tie("e")).map(([a, b]) => letIn([def("_v", a)], bin("+", ref("_v"), b))),
    ),
})).e;

test("any printed tree with hostile names lexes cleanly: names never break out of their quotes", () => {
    fc.assert(fc.property(exprArb, e => {
        const text = printExpr(e);
        expect(checkDax(text)).toEqual([]);
        // Every string/name token is exactly one of the names we put in: nothing leaked out.
        const { tokens } = lexDax(text);
        for (const t of tokens) {
            if (t.kind === "identifier") expect(/^(_v|VAR|RETURN|[A-Z.]+)$/.test(t.text)).toBe(true);
        }
    }), { numRuns: 1500 });
});
