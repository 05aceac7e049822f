import { Polarity } from "../../../src/rules";

/** Where a value came from, for error messages: a YAML/JSON line or a CSV row (spreadsheet numbering). */
export interface SourceLocation {
    readonly file: string;
    /** 1-based line in a YAML or JSON file. */
    readonly line?: number;
    /** 1-based row in a CSV file, as a spreadsheet numbers it (the header is row 1). */
    readonly row?: number;
}

export type ToleranceType = "absolute" | "relative";
export type Frequency = "Monthly" | "Quarterly" | "Annual";
export type BenchmarkSource = "england" | "region" | "neighbours" | "quartiles" | "rank";

/** A fully qualified column, e.g. `'Referrals'[Re-referral]`. */
export interface ColumnRef {
    readonly table: string;
    readonly column: string;
}

/** One KPI of the data dictionary after validation. */
export interface KpiDefinition {
    readonly id: string;
    readonly name: string;
    readonly serviceArea: string;
    readonly outcome: string | null;
    /** The polarity as written in the dictionary (kept for the KPI dimension and the summary). */
    readonly polarityText: string;
    readonly polarity: Polarity;
    readonly unit: string | null;
    /** Power BI format string (default `0.0`). */
    readonly format: string;
    /** Decimals of the stored value that the format shows (`storedDecimals`); null when the format gives no fixed precision. */
    readonly decimals: number | null;
    readonly target: number | null;
    readonly tolerance: number | null;
    readonly toleranceType: ToleranceType;
    readonly floor: number | null;
    readonly stretch: number | null;
    readonly noChangeTolerance: number | null;
    readonly similarityTolerance: number | null;
    readonly owner: string | null;
    readonly frequency: Frequency | null;
    readonly source: string | null;
    readonly definition: string | null;
    readonly laitCode: string | null;
    readonly benchmarks: readonly BenchmarkSource[];
    readonly actualExpression: string | null;
    readonly sourceColumn: ColumnRef | null;
    /** 1-based position in the dictionary: the `Sort Order` of the KPI dimension. */
    readonly sortOrder: number;
    readonly location: SourceLocation;
}

export interface KpiDictionary {
    readonly file: string;
    readonly kpis: readonly KpiDefinition[];
}

export type Severity = "error" | "warning";

/** One problem found in a dictionary: everything a person needs to fix it. */
export interface DictionaryIssue {
    readonly severity: Severity;
    readonly location: SourceLocation;
    /** The KPI's id when known. */
    readonly kpi?: string;
    /** The field concerned (`kpis` or `(file)` for structural problems). */
    readonly field: string;
    /** What is wrong. */
    readonly message: string;
    /** What is allowed instead. */
    readonly allowed?: string;
    /**
     * On an issue standing for several: how many problems it stands for (the last line of a
     * capped list; "and N more syntax errors"); `stopped` when checking stopped early, so the
     * counts are lower bounds.
     */
    readonly omitted?: { readonly errors: number; readonly warnings: number; readonly stopped?: boolean };
}

/** A raw value read from YAML/JSON (any JSON type) or CSV (text), with where it sits. */
export interface RawField {
    readonly value: unknown;
    readonly location: SourceLocation;
}

/** One raw KPI entry before validation. */
export interface RawKpi {
    readonly index: number;
    readonly location: SourceLocation;
    readonly fields: ReadonlyMap<string, RawField>;
    /** True when the values came from CSV text (numbers and lists still need parsing). */
    readonly fromCsv: boolean;
}

export interface RawDictionary {
    readonly file: string;
    readonly kpis: readonly RawKpi[];
    /** Problems found while reading the file (syntax, shape). */
    readonly issues: readonly DictionaryIssue[];
    /** CSV only: the known field names of the header row (a required one missing is one header problem, not one per row). */
    readonly csvColumns?: ReadonlySet<string>;
}
