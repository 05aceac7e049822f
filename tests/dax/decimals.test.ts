/**
 * One source of precision: the format string (issue 9 item 2). The generic measures read the
 * KPI's decimals from its format string, as the tiles do, whatever the KPI table's Decimals
 * column says; the generator warns when a dictionary's decimals disagrees with its format.
 */
import { DaxValue } from "../../dax/src/evaluator/scalar";
import { columnFilter, Engine, FilterContext } from "../../dax/src/engine/evaluate";
import { starModelFromCsv } from "../../dax/src/engine/star";
import { parseExpression } from "../../dax/src/expr/parse";
import { printExpr } from "../../dax/src/expr/print";
import { genericMeasures } from "../../dax/src/measures/generic";
import { GENERIC } from "../../dax/src/measures/names";
import { parseDictionaryText } from "../../dax/src/dictionary/load";
import { starCsv } from "../agreement/starData";
import { kpi } from "./helpers";

/** KPI Status of one KPI: Low, target 21.9, actual 21.94, with this format string and Decimals column. */
function status(format: string, decimals: number | null, actual = 21.94): DaxValue {
    const data = starCsv({
        kpis: [{ "KPI ID": "A", "KPI": "Alpha", "Service Area": "Area", "Polarity": "Low", "Format String": format, "Decimals": decimals, "Target": 21.9 }],
        periods: [{ "Period ID": "p1", "Period": "P1", "Period Index": 1 }],
        values: [{ "KPI ID": "A", "Period ID": "p1", "Actual": actual }],
        benchmarks: [],
    });
    // The dictionary's format is 0.0; "0.0%" and "#,0.00" come from the common list.
    const measures = genericMeasures([{ ...kpi({ polarity: "Low" }), id: "A" }]);
    const model = starModelFromCsv(data).withMeasures(new Map(measures.map(m => [m.name, parseExpression(printExpr(m.expression))])));
    return new Engine(model).measure(GENERIC.status, new FilterContext([columnFilter(model, "KPI", "KPI ID", ["A"])]));
}

describe("KPI Status takes the precision from the format string", () => {
    test.each<[number | null]>([[1], [2], [null], [0]])("Low, target 21.9, actual 21.94, format 0.0, Decimals %p: Green, as the tile", decimals => {
        expect(status("0.0", decimals)).toBe("Green");
    });
    test("format 0.00 compares at two decimals whatever the Decimals column says: Red", () => {
        expect(status("#,0.00", 1)).toBe("Red");
    });
    test("a format string the generator never saw falls back to the Decimals column", () => {
        expect(status("0.0 \"units\"", 1)).toBe("Green");
        expect(status("0.0 \"units\"", 2)).toBe("Red");
        expect(status("0.0 \"units\"", null)).toBe("Red");
    });
});

describe("the generator warns when a supplied decimals disagrees with the format string", () => {
    const dictionary = (decimals: string): string => `kpis:\n  - id: A\n    name: Alpha\n    serviceArea: Area\n    polarity: Low\n    format: "0.0%"\n    target: 0.2\n${decimals}`;
    test("decimals 1 with format 0.0% (3 stored decimals): a warning, and the format's 3 is used", () => {
        const result = parseDictionaryText("d.yaml", dictionary("    decimals: 1\n"));
        const warning = result.issues.find(i => i.field === "decimals");
        expect(warning?.severity).toBe("warning");
        expect(warning?.message).toContain("\"0.0%\" shows values to 3 stored decimals");
        expect(result.dictionary?.kpis[0].decimals).toBe(3);
    });
    test("a decimals that agrees, or none, says nothing", () => {
        expect(parseDictionaryText("d.yaml", dictionary("    decimals: 3\n")).issues).toEqual([]);
        expect(parseDictionaryText("d.yaml", dictionary("")).issues).toEqual([]);
    });
});
