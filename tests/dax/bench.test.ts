import { generationBenchmark, syntheticDictionary } from "../../dax/bench";
import { generateOutputs, OUTPUT_FILES } from "../../dax/src/generate";

test("the benchmark dictionary covers every polarity and both families, and generates every KPI", () => {
    const dictionary = syntheticDictionary(1000);
    const output = generateOutputs(dictionary, "synthetic.yaml");
    expect(output.files.get(OUTPUT_FILES.kpiDimension)!.trimEnd().split("\r\n")).toHaveLength(1001);
    expect(new Set(dictionary.kpis.map(k => k.polarity))).toEqual(new Set(["High", "Low", "Range", "None"]));
    expect(output.measures.filter(m => m.family === "perKpi")).toHaveLength(500 * 5);
});

test("1,000 KPIs generate well within a regression bound (target under 1 s on an idle machine)", () => {
    // The bound is generous because the test machine is shared; npm run bench reports the figure.
    expect(generationBenchmark(1000, 1)).toBeLessThan(5000);
});
