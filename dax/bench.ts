/**
 * Time to generate every output for 1,000 synthetic KPIs (target: under 1 second).
 * `generationBenchmark()` returns milliseconds; `npm run bench` reports it.
 */
import { performance } from "perf_hooks";
import { POLARITIES } from "../src/rules";
import { KpiDefinition, KpiDictionary } from "./src/dictionary/types";
import { generateOutputs } from "./src/generate";

export function syntheticDictionary(count: number): KpiDictionary {
    const kpis: KpiDefinition[] = [];
    for (let i = 0; i < count; i++) {
        const polarity = POLARITIES[i % POLARITIES.length];
        const percent = i % 2 === 0;
        const target = percent ? 0.5 + (i % 40) / 100 : 10 + (i % 50);
        const high = polarity === "High";
        kpis.push({
            id: `K${String(i + 1).padStart(4, "0")}`, name: `Synthetic KPI ${i + 1}`, serviceArea: `Area ${(i % 12) + 1}`,
            outcome: null, polarityText: polarity, polarity, unit: percent ? "%" : "number", format: percent ? "0.0%" : "#,0.0",
            decimals: percent ? 3 : 1, target, tolerance: i % 3 === 0 ? 0.05 : null, toleranceType: i % 6 === 0 ? "relative" : "absolute",
            floor: i % 3 === 1 && (high || polarity === "Low") ? (high ? target * 0.9 : target * 1.1) : null,
            stretch: i % 5 === 0 && (high || polarity === "Low") ? (high ? target * 1.1 : target * 0.9) : null,
            noChangeTolerance: i % 7 === 0 ? 0.001 : null, similarityTolerance: i % 11 === 0 ? 0.01 : null, owner: "Owner",
            frequency: "Quarterly", source: "Synthetic", definition: `Synthetic KPI number ${i + 1}.`, laitCode: null,
            benchmarks: ["england"], actualExpression: i % 4 === 0 ? `DIVIDE ( SUM ( 'Facts'[Numerator ${i}] ), SUM ( 'Facts'[Denominator ${i}] ) )` : null,
            sourceColumn: i % 4 === 1 ? { table: "Facts", column: `Value ${i}` } : null, sortOrder: i + 1,
            location: { file: "synthetic.yaml", line: i + 1 },
        });
    }
    return { file: "synthetic.yaml", kpis };
}

/**
 * Milliseconds to generate all outputs (DAX query scripts, TMDL, KPI CSV, summary) for `count`
 * KPIs: the median of `runs` runs, so one pause of a busy machine does not decide the figure.
 */
export function generationBenchmark(count = 1000, runs = 3): number {
    const dictionary = syntheticDictionary(count);
    const times: number[] = [];
    for (let i = 0; i < runs; i++) {
        const start = performance.now();
        const output = generateOutputs(dictionary, "synthetic.yaml");
        times.push(performance.now() - start);
        if (output.files.size === 0) throw new Error("nothing generated");
    }
    times.sort((a, b) => a - b);
    return times[Math.floor(times.length / 2)];
}

if (require.main === module) {
    generationBenchmark(50, 1);
    const ms = generationBenchmark(1000);
    console.log(`DAX generator: 1,000 KPIs in ${ms.toFixed(0)} ms (target < 1000 ms)`);
}
