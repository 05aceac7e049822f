/**
 * The filter-context engine on a small star schema, one behaviour per test, each written as the
 * DAX text a user would write and parsed first: relationships filter one way, CALCULATE's filter
 * arguments replace filters on their column, REMOVEFILTERS clears a table, measures referenced
 * while iterating see the row (context transition), and DAX outside the subset is refused.
 */
import { BLANK_VALUE, DaxEvaluationError, DaxValue } from "../../dax/src/evaluator/scalar";
import { columnFilter, Engine, FilterContext } from "../../dax/src/engine/evaluate";
import { Model, Row } from "../../dax/src/engine/model";
import { loadStarModel, STAR_RELATIONSHIPS, starModelFromCsv, DatasetError } from "../../dax/src/engine/star";
import { parseExpression } from "../../dax/src/expr/parse";
import { summarizeColumns } from "../../dax/src/engine/summarize";
import { join } from "path";

const B: DaxValue = BLANK_VALUE;
const rows = (columns: string[], data: DaxValue[][]): Row[] => data.map(d => Object.fromEntries(columns.map((c, i) => [c, d[i]])));
const base = new Model([
    { name: "KPI", columns: ["KPI ID", "Area"], rows: rows(["KPI ID", "Area"], [["A", "North"], ["B", "North"], ["C", "South"]]) },
    { name: "Period", columns: ["Period ID", "Period Index"], rows: rows(["Period ID", "Period Index"], [["p1", 1], ["p2", 2], ["p3", 3]]) },
    {
        name: "KPI Values", columns: ["KPI ID", "Period ID", "Actual"], rows: rows(["KPI ID", "Period ID", "Actual"], [
            ["A", "p1", 10], ["A", "p2", B], ["A", "p3", 30], ["B", "p1", 1], ["B", "p3", 3], ["C", "p2", 200],
        ]),
    },
], [
    { fromTable: "KPI Values", fromColumn: "KPI ID", toTable: "KPI", toColumn: "KPI ID" },
    { fromTable: "KPI Values", fromColumn: "Period ID", toTable: "Period", toColumn: "Period ID" },
]);
const model = base.withMeasures(new Map([
    ["Total", parseExpression("SUM ( 'KPI Values'[Actual] )")],
    ["Latest", parseExpression("MAXX ( FILTER ( VALUES ( 'Period'[Period Index] ), NOT ISBLANK ( [Total] ) ), 'Period'[Period Index] )")],
]));
const on = (...filters: [string, string, DaxValue[]][]): FilterContext =>
    new FilterContext(filters.map(([t, c, v]) => columnFilter(model, t, c, v)));
const run = (text: string, filter: FilterContext = FilterContext.empty): DaxValue => new Engine(model).evaluate(parseExpression(text), filter);

describe("filter propagation", () => {
    test("a filter on the one side filters the many side", () => {
        expect(run("SUM ( 'KPI Values'[Actual] )", on(["KPI", "Area", ["North"]]))).toBe(44);
        expect(run("SUM ( 'KPI Values'[Actual] )", on(["KPI", "KPI ID", ["A"]], ["Period", "Period Index", [3]]))).toBe(30);
    });
    test("single direction: a filter on the many side does not filter the one side", () => {
        expect(run("SELECTEDVALUE ( 'KPI'[Area], \"several\" )", on(["KPI Values", "Actual", [200]]))).toBe("several");
    });
    test("SELECTEDVALUE and HASONEVALUE count distinct values, not rows", () => {
        expect(run("SELECTEDVALUE ( 'KPI'[Area] )", on(["KPI", "KPI ID", ["A", "B"]]))).toBe("North");
        expect(run("HASONEVALUE ( 'KPI'[KPI ID] )", on(["KPI", "KPI ID", ["A", "B"]]))).toBe(false);
        expect(run("SELECTEDVALUE ( 'KPI'[KPI ID] )", on(["KPI", "KPI ID", ["A", "B"]]))).toBe(B);
    });
});

describe("CALCULATE", () => {
    test("a predicate replaces the filter on its column and keeps the others", () => {
        const f = on(["KPI", "KPI ID", ["A"]], ["Period", "Period Index", [1]]);
        expect(run("CALCULATE ( SUM ( 'KPI Values'[Actual] ), 'Period'[Period Index] = 3 )", f)).toBe(30);
        expect(run("CALCULATE ( SUM ( 'KPI Values'[Actual] ), 'Period'[Period Index] <= 3 )", f)).toBe(40);
        expect(run("CALCULATE ( SUM ( 'KPI Values'[Actual] ), 'Period'[Period Index] < 3 )", f)).toBe(10);
    });
    test("REMOVEFILTERS clears a table's filters; filter arguments see the original context's variables", () => {
        const f = on(["KPI", "KPI ID", ["A"]], ["Period", "Period ID", ["p1"]]);
        expect(run("CALCULATE ( SUM ( 'KPI Values'[Actual] ), REMOVEFILTERS ( 'Period' ) )", f)).toBe(40);
        expect(run("VAR _i = SELECTEDVALUE ( 'Period'[Period Index] ) + 2 RETURN CALCULATE ( SUM ( 'KPI Values'[Actual] ), REMOVEFILTERS ( 'Period' ), 'Period'[Period Index] = _i )", f)).toBe(30);
        // Without REMOVEFILTERS the Period ID filter stays and the intersection is empty.
        expect(run("CALCULATE ( SUM ( 'KPI Values'[Actual] ), 'Period'[Period Index] = 3 )", f)).toBe(B);
    });
    test("context transition: a measure inside an iteration sees the row being iterated", () => {
        expect(run("[Latest]", on(["KPI", "KPI ID", ["A"]]))).toBe(3);
        expect(run("[Latest]", on(["KPI", "KPI ID", ["C"]]))).toBe(2);
        expect(run("[Latest]", on(["KPI", "KPI ID", ["A"]], ["Period", "Period Index", [2]]))).toBe(B);
    });
    test("RELATED follows the many-to-one relationship from the row", () => {
        expect(run("MAXX ( 'KPI Values', IF ( NOT ISBLANK ( 'KPI Values'[Actual] ), RELATED ( 'Period'[Period Index] ) ) )", on(["KPI", "KPI ID", ["A"]]))).toBe(3);
        expect(run("MINX ( 'KPI Values', RELATED ( 'Period'[Period Index] ) )", on(["KPI", "Area", ["South"]]))).toBe(2);
    });
});

describe("DAX outside the subset is refused, never guessed", () => {
    test.each([
        ["CALCULATE ( [Total], 'KPI'[KPI ID] = 'KPI'[Area] )", "exactly one column"],
        ["CALCULATE ( [Total], [Total] > 1 )", "measure"],
        ["CALCULATE ( [Total], FILTER ( 'KPI Values', 'KPI Values'[Actual] > 1 ) )", "whole table"],
        ["MAXX ( 'KPI Values', [Total] )", "whole table"],
        ["'KPI'[Area]", "outside a row context"],
        ["SUM ( 'KPI'[Nope] )", "no column"],
        ["REMOVEFILTERS ( 'KPI' )", "filter argument of CALCULATE"],
        ["ROUND ( BLANK (), 1 )", "not documented"],
    ])("%s", (text, words) => {
        expect(() => run(text)).toThrow(DaxEvaluationError);
        expect(() => run(text)).toThrow(words);
    });
});

describe("star-schema datasets load typed, or are refused with file, line and column", () => {
    test("the sample dataset", () => {
        const sample = loadStarModel(join(__dirname, "..", "..", "sample", "data"));
        expect(sample.relationships).toEqual(STAR_RELATIONSHIPS);
        expect(sample.table("KPI").rows.length).toBeGreaterThan(20);
        expect(typeof sample.table("Period").rows[0]["Period Index"]).toBe("number");
    });
    test("a number that does not read", () => {
        const files = {
            "kpis.csv": "KPI ID,KPI,Service Area,Outcome,Polarity,Unit,Format String,Decimals,Target,Tolerance,Tolerance Type,Floor,Stretch,Owner,Frequency,Source,Definition,LAIT Code,Sort Order\nK1,One,A,,High,,0,0,12x,,,,,,,,,,1\n",
            "periods.csv": "Period ID,Financial Year,Quarter,Period,Period End,Period Index\np,,,P,,1\n",
            "kpi_values.csv": "KPI ID,Period ID,Actual,Numerator,Denominator,Period Target,Commentary,Data Quality\n",
            "benchmarks.csv": "KPI ID,Year,Applies From Index,England,Region,Neighbours,Q1,Median,Q3,Rank,Authorities\n",
        };
        expect(() => starModelFromCsv(files)).toThrow(DatasetError);
        expect(() => starModelFromCsv(files)).toThrow("kpis.csv: line 2, column \"Target\": \"12x\" is not a number");
    });
});

describe("SUMMARIZECOLUMNS", () => {
    const engine = new Engine(model);
    const request = (limit?: number) => summarizeColumns(engine, {
        groupBy: [{ table: "KPI", column: "Area" }, { table: "KPI", column: "KPI ID" }, { table: "Period", column: "Period ID", sortBy: "Period Index" }],
        measures: [{ name: "Total", measure: "Total" }],
        ...(limit === undefined ? {} : { limit }),
    });
    test("columns of one table as they exist, tables cross-joined, rows whose measures are all blank dropped", () => {
        const result = request();
        // (North, A), (North, B), (South, C) exist; Area x KPI ID would give 6. Cross-joined with 3 periods: 9.
        expect(result.combinations).toBe(9);
        // A at p2 is BLANK, B has no p2, C only p2: 5 rows keep a value.
        expect(result.rows.map(r => [r["KPI ID"], r["Period ID"], r["Total"]])).toEqual([
            ["A", "p1", 10], ["A", "p3", 30], ["B", "p1", 1], ["B", "p3", 3], ["C", "p2", 200],
        ]);
        expect(result.cutOff).toBe(0);
    });
    test("the data-reduction limit keeps the first rows and counts the rest", () => {
        const result = request(3);
        expect(result.rows.length).toBe(3);
        expect(result.cutOff).toBe(2);
    });
    test("a slicer filters the groups (auto-exist through the filter)", () => {
        const south = summarizeColumns(engine, {
            groupBy: [{ table: "KPI", column: "KPI ID" }], measures: [{ name: "Total", measure: "Total" }],
            filters: [columnFilter(model, "KPI", "Area", ["South"])],
        });
        expect(south.rows).toEqual([{ "KPI ID": "C", "Total": 200 }]);
    });
});
