/**
 * The dictionary's field list (docs/CONTRACTS.md, "KPI dictionary"). The validator, the CSV
 * reader and the JSON Schema test all read this one list.
 */
export type FieldKind = "id" | "text" | "polarity" | "number" | "nonNegativeNumber" | "toleranceType" | "format"
    | "frequency" | "benchmarks" | "daxExpression" | "columnRef";

export interface FieldSpec {
    readonly name: string;
    readonly kind: FieldKind;
    readonly required: boolean;
    /** One line for the JSON Schema and the docs. */
    readonly description: string;
}

export const FIELDS: readonly FieldSpec[] = [
    { name: "id", kind: "id", required: true, description: "Unique KPI id: any text of 1 to 100 characters without line breaks or control characters, e.g. CS02, NI 062, CS/01a or %_of LAC Adopted (trimmed; compared ignoring case, as DAX does)." },
    { name: "name", kind: "text", required: true, description: "KPI name as shown in reports; also the name of its own measures when it has actualExpression or sourceColumn." },
    { name: "serviceArea", kind: "text", required: true, description: "Service area (report group), e.g. 'Children in care'." },
    { name: "outcome", kind: "text", required: false, description: "Outcome or council plan priority." },
    { name: "polarity", kind: "polarity", required: true, description: "Which way is good: High, Low, Range or None (any spelling the rating rules accept)." },
    { name: "unit", kind: "text", required: false, description: "Unit in words: %, rate, number, days ..." },
    { name: "format", kind: "format", required: false, description: "Power BI format string of the value (default 0.0); ratings compare at its precision." },
    { name: "target", kind: "number", required: false, description: "Target, in the stored unit (85% is 0.85)." },
    { name: "tolerance", kind: "nonNegativeNumber", required: false, description: "Width of the amber zone: absolute units, or a fraction of |target| when toleranceType is relative." },
    { name: "toleranceType", kind: "toleranceType", required: false, description: "absolute (default) or relative." },
    { name: "floor", kind: "number", required: false, description: "Worst acceptable value (floor standard): amber between floor and target." },
    { name: "stretch", kind: "number", required: false, description: "Exceptionally good value: Blue when met." },
    { name: "noChangeTolerance", kind: "nonNegativeNumber", required: false, description: "Changes no larger than this count as no change (default 0)." },
    { name: "similarityTolerance", kind: "nonNegativeNumber", required: false, description: "Differences from a benchmark no larger than this count as similar (default 0)." },
    { name: "owner", kind: "text", required: false, description: "Accountable officer." },
    { name: "frequency", kind: "frequency", required: false, description: "Monthly, Quarterly or Annual." },
    { name: "source", kind: "text", required: false, description: "Data source (system or return)." },
    { name: "definition", kind: "text", required: false, description: "Definition in words." },
    { name: "laitCode", kind: "text", required: false, description: "DfE LAIT indicator code, when the KPI is published nationally." },
    { name: "benchmarks", kind: "benchmarks", required: false, description: "Benchmarks published for the KPI: england, region, neighbours, quartiles, rank." },
    { name: "actualExpression", kind: "daxExpression", required: false, description: "DAX expression for the actual, e.g. DIVIDE ( [Re-referrals], [Referrals] ): the KPI gets its own measures." },
    { name: "sourceColumn", kind: "columnRef", required: false, description: "Fully qualified column summed for the actual, e.g. 'Contacts'[Decided in 1 day]: the KPI gets its own measures." },
];

export const FIELD_NAMES: readonly string[] = FIELDS.map(f => f.name);
export const REQUIRED_FIELDS: readonly string[] = FIELDS.filter(f => f.required).map(f => f.name);
export const TOLERANCE_TYPES = ["absolute", "relative"] as const;
export const FREQUENCIES = ["Monthly", "Quarterly", "Annual"] as const;
export const BENCHMARK_SOURCES = ["england", "region", "neighbours", "quartiles", "rank"] as const;
/** The hidden column of the `KPI Measures` table (written by output/tmdl.ts); no KPI measure may take its name. */
export const ANCHOR_COLUMN = "Anchor";

/** Longest KPI id, in characters (code points): the rule lives with the other text rules. */
export { KPI_ID_MAX_LENGTH as ID_MAX_LENGTH } from "../expr/text";
