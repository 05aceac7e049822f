/**
 * Benchmarks derived from the DfE LAIT extract for the KPIs that have a published indicator:
 * England, the council's region, the mean of a real statistical-neighbour group, quartiles of
 * English authorities, and the council's rank among authorities (src/rules rankValues, with
 * the fictional council's own figure added to the published authority values).
 *
 * Annual published figures sit beside quarterly local figures: each published year applies
 * from the first quarter reported after its publication until the next year is published.
 */
import { parsePolarity, quartiles, rankValues, roundHalfAwayFromZero } from "../../src/rules";
import { KpiSpec } from "./catalogue";
import { COUNCIL } from "./council";
import { LaitExtract, LaitIndicator } from "./lait";
import { monthNumber, Period } from "./periods";
import { SimulatedValue } from "./simulate";

export interface BenchmarkRow {
    readonly kpiId: string;
    readonly year: string;
    readonly appliesFromIndex: number;
    readonly england: number | null;
    readonly region: number | null;
    readonly neighbours: number | null;
    readonly q1: number | null;
    readonly median: number | null;
    readonly q3: number | null;
    readonly rank: number | null;
    readonly authorities: number | null;
    /** Decimals of the stored benchmark values. */
    readonly decimals: number;
}

/** Year and month, as months since year 0. */
export interface YearTiming {
    /** Last month the published figure describes. */
    readonly measuredTo: number;
    /** Month DfE publishes it (approximate publication calendar, docs/sample-dataset.md). */
    readonly published: number;
}

/**
 * When a LAIT year was measured and published. LAIT labels: social care years are the year
 * ending 31 March; workforce years the 30 September snapshot of the previous calendar year;
 * academic years end in July of the label year; "2023/24" labels are that academic year.
 */
export function yearTiming(yearLabel: string, yearType: string): YearTiming {
    const academic = /^(\d{4})\/(\d{2})$/.exec(yearLabel);
    if (academic) {
        const endYear = Number(academic[1]) + 1;
        return { measuredTo: monthNumber(endYear, 7), published: monthNumber(endYear + 1, 7) };
    }
    const y = Number(yearLabel);
    if (!Number.isInteger(y)) throw new Error(`Unrecognised LAIT year label ${yearLabel}`);
    switch (yearType) {
        case "Annual (end of Sept)": return { measuredTo: monthNumber(y - 1, 9), published: monthNumber(y, 2) };
        case "Calendar Year": return { measuredTo: monthNumber(y, 12), published: monthNumber(y + 1, 6) };
        case "Academic Year": return { measuredTo: monthNumber(y, 7), published: monthNumber(y, 12) };
        default: return { measuredTo: monthNumber(y, 3), published: monthNumber(y, 11) }; // Financial Year, Annual
    }
}

/** A quarter's report is written two months after the quarter ends. */
export function reportMonth(period: Period): number {
    return monthNumber(period.endYear, period.endMonth) + 2;
}

const PERCENT_KINDS = new Set(["percent"]);

function toStored(spec: KpiSpec, laitValue: number | null, laitDecimals: number): number | null {
    if (laitValue === null) return null;
    const rounded = roundHalfAwayFromZero(laitValue, laitDecimals);
    return PERCENT_KINDS.has(spec.kind) ? roundHalfAwayFromZero(rounded / 100, laitDecimals + 2) : rounded;
}

/** The council's own figure for a published year, in LAIT units (percentages as 0-100). */
function councilFigure(spec: KpiSpec, values: readonly SimulatedValue[], timing: YearTiming): number | null {
    const reported = values.filter(v => v.actual !== null);
    if (reported.length === 0) return null;
    const atOrAfter = reported.find(v => monthNumber(v.period.endYear, v.period.endMonth) >= timing.measuredTo);
    const value = (atOrAfter ?? reported[0]).actual as number;
    return PERCENT_KINDS.has(spec.kind) ? value * 100 : value;
}

export function deriveBenchmarks(spec: KpiSpec, indicator: LaitIndicator, lait: LaitExtract,
    periods: readonly Period[], values: readonly SimulatedValue[]): BenchmarkRow[] {
    if (!spec.laitCode) return [];
    const published = lait.published.get(spec.laitCode) ?? [];
    const neighbours = lait.neighbours.get(COUNCIL.neighbourTemplate.laNumber);
    if (!neighbours || neighbours.length === 0) throw new Error(`No statistical neighbours for ${COUNCIL.neighbourTemplate.laName}`);
    const polarity = parsePolarity(spec.polarity);
    const dp = indicator.decimals;
    const decimals = PERCENT_KINDS.has(spec.kind) ? dp + 2 : dp;

    // Which period each published year first applies to; years published before the first
    // report collapse onto index 1 (only the latest of them is kept).
    const applying = new Map<number, typeof published[number]>();
    for (const p of published) {
        const timing = yearTiming(p.year, indicator.yearType);
        const first = periods.find(period => reportMonth(period) >= timing.published);
        if (!first) continue; // published after the last period's report
        const index = first.index;
        const current = applying.get(index);
        if (!current || yearTiming(current.year, indicator.yearType).published <= timing.published) applying.set(index, p);
    }
    const rows: BenchmarkRow[] = [];
    for (const [index, p] of [...applying.entries()].sort((a, b) => a[0] - b[0])) {
        const timing = yearTiming(p.year, indicator.yearType);
        const byLa = lait.laValues.get(`${spec.laitCode}|${p.year}`) ?? new Map<string, number | null>();
        const neighbourValues = neighbours.map(la => byLa.get(la) ?? null).filter((v): v is number => v !== null);
        const neighbourMean = neighbourValues.length === 0 ? null : neighbourValues.reduce((a, b) => a + b, 0) / neighbourValues.length;

        // The published quartiles are PERCENTILE.INC over the authorities' values: check the
        // extract against src/rules before using it, so a damaged extract cannot slip through.
        const recomputed = quartiles([...byLa.values()]);
        const unit = Math.pow(10, -dp);
        for (const [label, published, own] of [["Q1", p.q1, recomputed?.q1], ["median", p.median, recomputed?.median], ["Q3", p.q3, recomputed?.q3]] as const) {
            if (published !== null && own !== undefined && Math.abs(published - own) > unit) {
                throw new Error(`LAIT ${spec.laitCode} ${p.year}: published ${label} ${published} differs from the authorities' values (${own})`);
            }
        }

        const own = councilFigure(spec, values, timing);
        const authorityValues = [...byLa.values()].map(v => (v === null ? null : roundHalfAwayFromZero(v, dp)));
        const ownRounded = own === null ? null : roundHalfAwayFromZero(own, dp);
        const ranks = rankValues([...authorityValues, ownRounded], polarity.ok ? polarity.polarity : null);
        const authorities = [...authorityValues, ownRounded].filter(v => v !== null).length;

        // A published England figure outside the range of every authority is not comparable
        // (LAIT's FirstYJS England figure is on another basis): it is left blank.
        const englandComparable = p.england !== null && p.min !== null && p.max !== null && p.england >= p.min && p.england <= p.max;
        rows.push({
            kpiId: spec.id,
            year: p.year,
            appliesFromIndex: index,
            england: englandComparable ? toStored(spec, p.england, dp) : null,
            region: toStored(spec, lait.regionValues.get(`${spec.laitCode}|${p.year}|${COUNCIL.region}`) ?? null, dp),
            neighbours: toStored(spec, neighbourMean, dp),
            q1: toStored(spec, p.q1, dp),
            median: toStored(spec, p.median, dp),
            q3: toStored(spec, p.q3, dp),
            rank: ranks[ranks.length - 1],
            authorities: ownRounded === null ? null : authorities,
            decimals,
        });
    }
    return rows;
}
