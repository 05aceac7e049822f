/**
 * The dictionary summary's words come from the rules (issue 9 item 7): each edge it states is a
 * value the format can show where src/rules gives the stated status, and one step of the shown
 * precision beyond it gives the next one; numbers are shown as Power BI shows the format.
 */
import * as path from "path";
import { loadDictionary } from "../../dax/src/dictionary/load";
import { describeRating, ratingEdges, showValue, statusAt, stepOf } from "../../dax/src/output/describe";
import { precisionFromFormat } from "../../src/rules";
import { kpi } from "./helpers";

const sample = loadDictionary(path.join(__dirname, "..", "..", "sample", "kpi-dictionary.yaml")).dictionary;

describe("edges at the shown precision", () => {
    test("Low, target 13, 5% relative, format 0.0: Amber up to 13.6 (13.65 shows as 13.7, which is Red)", () => {
        const k = kpi({ polarity: "Low", target: 13, tolerance: 0.05, toleranceType: "relative", format: "0.0", decimals: 1 });
        expect(describeRating(k)).toBe("Green at or below 13.0; Amber up to 13.6 (5.0% of target); Red above 13.6.");
        expect(statusAt(k, 13.6)).toBe("amber");
        expect(statusAt(k, 13.7)).toBe("red");
    });
    test("High, target 95%, 5% relative, format 0.0%: Amber down to 90.3% (90.25% is 4.75 points short)", () => {
        const k = kpi({ polarity: "High", target: 0.95, tolerance: 0.05, toleranceType: "relative", format: "0.0%", decimals: 3 });
        expect(describeRating(k)).toBe("Green at or above 95.0%; Amber down to 90.3% (5.0% of target); Red below 90.3%.");
    });
    test("scaled and currency formats as Power BI shows them", () => {
        const k = kpi({ polarity: "High", target: 2500000, tolerance: 100000, format: "\u00a3#,0.0,,\"m\"", decimals: -5 });
        expect(describeRating(k)).toBe("Green at or above \u00a32.5m; Amber down to \u00a32.4m; Red below \u00a32.4m.");
        expect(showValue(15499, "#,0,\"k\"")).toBe("15k");
        expect(showValue(2449999, "\u00a3#,0.0,,\"m\"")).toBe("\u00a32.4m");
    });
    test("Range: both sides", () => {
        const k = kpi({ polarity: "Range", target: 18, tolerance: 2, format: "0.0", decimals: 1 });
        expect(describeRating(k)).toBe("Green within 2.0 of 18.0 (16.0 to 20.0); Amber within 4.0 (14.0 to 22.0); Red further away.");
    });
    test("floor worded by polarity", () => {
        expect(describeRating(kpi({ polarity: "Low", target: 0.04, floor: 0.06, format: "0.0%", decimals: 3 })))
            .toBe("Green at or below 4.0%; Amber up to the floor of 6.0%; Red above 6.0%.");
        expect(describeRating(kpi({ polarity: "High", target: 0.55, floor: 0.5, format: "0.0%", decimals: 3 })))
            .toBe("Green at or above 55.0%; Amber down to the floor of 50.0%; Red below 50.0%.");
    });
});

describe("every sample KPI rates as its summary says, at each stated edge and one step beyond", () => {
    const kpis = sample?.kpis ?? [];
    test("the sample dictionary loads", () => {
        expect(kpis.length).toBeGreaterThan(20);
    });
    test.each(kpis.map(k => [`${k.id} ${k.name}`, k] as const))("%s", (_name, k) => {
        const step = stepOf(precisionFromFormat(k.format));
        expect(step).not.toBeNull();
        const edges = ratingEdges(k);
        const words = describeRating(k);
        for (const edge of edges) {
            expect([k.id, edge.value, statusAt(k, edge.value)]).toEqual([k.id, edge.value, edge.inside]);
            const beyond = edge.value + edge.worse * (step as number);
            expect([k.id, beyond, statusAt(k, beyond)]).toEqual([k.id, beyond, edge.beyond]);
            expect(edge.beyond).not.toBe(edge.inside);
            // the stated number is the edge, as the tile would show it
            expect(words).toContain(showValue(edge.value, k.format));
        }
    });
});
