/**
 * The sample's KPI dictionary in the DAX generator's format (docs/CONTRACTS.md, "KPI
 * dictionary"): one entry per KPI, targets in stored units.
 */
import { stringify } from "yaml";
import { KpiSpec } from "./catalogue";
import { BenchmarkRow } from "./benchmarks";

export interface DictionaryEntry {
    id: string;
    name: string;
    serviceArea: string;
    outcome: string;
    polarity: string;
    unit: string;
    format: string;
    target?: number;
    tolerance?: number;
    toleranceType?: "absolute" | "relative";
    floor?: number;
    stretch?: number;
    owner: string;
    frequency: string;
    source: string;
    definition: string;
    laitCode?: string;
    benchmarks?: string[];
    actualExpression?: string;
}

/** Which benchmark kinds a KPI has, from the derived rows. */
export function benchmarkKinds(rows: readonly BenchmarkRow[]): string[] {
    const has = (pick: (r: BenchmarkRow) => number | null) => rows.some(r => pick(r) !== null);
    const kinds: string[] = [];
    if (has(r => r.england)) kinds.push("england");
    if (has(r => r.region)) kinds.push("region");
    if (has(r => r.neighbours)) kinds.push("neighbours");
    if (has(r => r.q1) && has(r => r.median) && has(r => r.q3)) kinds.push("quartiles");
    if (has(r => r.rank)) kinds.push("rank");
    return kinds;
}

export function dictionaryEntry(spec: KpiSpec, benchmarks: readonly BenchmarkRow[]): DictionaryEntry {
    const entry: DictionaryEntry = {
        id: spec.id, name: spec.name, serviceArea: spec.serviceArea, outcome: spec.outcome,
        polarity: spec.polarity, unit: spec.unit, format: spec.format,
        owner: spec.owner, frequency: spec.frequency, source: spec.source, definition: spec.definition,
    };
    if (spec.target !== undefined) entry.target = spec.target;
    if (spec.tolerance !== undefined) { entry.tolerance = spec.tolerance; entry.toleranceType = spec.toleranceType ?? "absolute"; }
    if (spec.floor !== undefined) entry.floor = spec.floor;
    if (spec.stretch !== undefined) entry.stretch = spec.stretch;
    if (spec.laitCode) entry.laitCode = spec.laitCode;
    const kinds = benchmarkKinds(benchmarks);
    if (kinds.length > 0) entry.benchmarks = kinds;
    if (spec.actualExpression) entry.actualExpression = spec.actualExpression;
    // Re-order keys to the contract's order for a readable file.
    const order: (keyof DictionaryEntry)[] = ["id", "name", "serviceArea", "outcome", "polarity", "unit", "format", "target", "tolerance",
        "toleranceType", "floor", "stretch", "owner", "frequency", "source", "definition", "laitCode", "benchmarks", "actualExpression"];
    return Object.fromEntries(order.filter(k => entry[k] !== undefined).map(k => [k, entry[k]])) as unknown as DictionaryEntry;
}

export function dictionaryYaml(entries: readonly DictionaryEntry[], councilName: string): string {
    const header = [
        `# KPI dictionary of the Children's Services sample: ${councilName} is a FICTIONAL council.`,
        "# Written by scripts/sample/generate.ts (npm run sample); edit the catalogue there, not this file.",
        "# Format: docs/CONTRACTS.md \"KPI dictionary\". Percentages are fractions (0.85 = 85%).",
        "# Benchmark figures: Contains public sector information licensed under the Open Government Licence v3.0 (DfE LAIT).",
        "",
    ].join("\n");
    return header + stringify({ kpis: entries }, { lineWidth: 0 });
}
