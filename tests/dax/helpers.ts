import { KpiDefinition } from "../../dax/src/dictionary/types";
import { DaxValue } from "../../dax/src/evaluator/evaluate";
import { Polarity } from "../../src/rules";

/** A KPI definition with defaults, for building measures in tests. */
export function kpi(overrides: Partial<KpiDefinition> & { polarity: Polarity }): KpiDefinition {
    return {
        id: "T1", name: "Test KPI", serviceArea: "Tests", outcome: null, polarityText: overrides.polarity, unit: null,
        format: "0.0", decimals: 1, target: null, tolerance: null, toleranceType: "absolute", floor: null, stretch: null,
        noChangeTolerance: null, similarityTolerance: null, owner: null, frequency: null, source: null, definition: null,
        laitCode: null, benchmarks: [], actualExpression: "SUM ( 'Facts'[Value] )", sourceColumn: null, sortOrder: 1,
        location: { file: "test.yaml", line: 1 },
        ...overrides,
    };
}

/** null -> BLANK for evaluator bindings. */
export const v = (x: number | string | null | undefined): DaxValue | null => (x === undefined ? null : x);
