/** The measures table and the generic family's names (docs/CONTRACTS.md: reports bind to these). */
export const MEASURES_TABLE = "KPI Measures";

export const GENERIC = {
    periodIndex: "KPI Period Index",
    benchmarkFrom: "KPI Benchmark From Index",
    actual: "KPI Actual",
    target: "KPI Target",
    gap: "KPI Gap",
    gapPct: "KPI Gap %",
    status: "KPI Status",
    statusColour: "KPI Status Colour",
    statusSort: "KPI Status Sort",
    statusIcon: "KPI Status Icon",
    previous: "KPI Previous",
    direction: "KPI Direction",
    polarity: "KPI Polarity",
    tolerance: "KPI Tolerance",
    tolerancePct: "KPI Tolerance %",
    floor: "KPI Floor",
    stretch: "KPI Stretch",
    england: "KPI England",
    region: "KPI Region",
    neighbours: "KPI Neighbours",
    q1: "KPI Q1",
    median: "KPI Median",
    q3: "KPI Q3",
    rank: "KPI Rank",
    authorities: "KPI Authorities",
    vsEngland: "KPI vs England",
    vsRegion: "KPI vs Region",
    vsNeighbours: "KPI vs Neighbours",
    quartileBand: "KPI Quartile Band",
    formatString: "KPI Format String",
    commentary: "KPI Commentary",
    owner: "KPI Owner",
} as const;

export const GENERIC_MEASURE_NAMES: readonly string[] = Object.values(GENERIC);

/** Per-KPI family: `<KPI name><suffix>`. */
export const PER_KPI_SUFFIXES = {
    actual: "",
    target: " Target",
    status: " Status",
    statusColour: " Status Colour",
    direction: " Direction",
} as const;

export function perKpiMeasureNames(kpiName: string): string[] {
    return Object.values(PER_KPI_SUFFIXES).map(suffix => kpiName + suffix);
}

/** Star schema table names: the contract module (lib/star-schema.ts). */
export { STAR } from "../../../lib/star-schema";
