/**
 * Synthetic KPI rows for the benchmark: N KPIs x P periods with the mix a council's return has
 * (percentages and rates, High / Low / Range / None polarities, absolute and relative
 * tolerances, floors, a few stretch targets, benchmarks and quartiles for half of them,
 * commentary on every period of a quarter of the KPIs). Deterministic: the same sizes give the same rows.
 */
import type { PreviewRow } from "../preview/dataset";

const AREAS = ["Front door", "Child protection", "Children in need", "Children in care", "Care leavers", "SEND", "Education", "Workforce"];
const POLARITIES = ["High", "Low", "Range", "None"];

/** Park-Miller minimal standard generator: small, seedable, good enough for test data. */
function generator(seed: number): () => number {
    let state = seed % 2147483647 || 1;
    return () => {
        state = (state * 16807) % 2147483647;
        return (state - 1) / 2147483646;
    };
}

function periodLabel(index: number, perYear: number): string {
    const year = 2015 + Math.floor(index / perYear);
    const within = (index % perYear) + 1;
    const fy = `${year}/${String((year + 1) % 100).padStart(2, "0")}`;
    return perYear === 4 ? `${fy} Q${within}` : `${fy} M${String(within).padStart(2, "0")}`;
}

export function syntheticRows(kpiCount: number, periodCount: number, seed = 42): PreviewRow[] {
    const random = generator(seed);
    const perYear = periodCount > 24 ? 12 : 4;
    const rows: PreviewRow[] = [];
    for (let k = 0; k < kpiCount; k++) {
        const percent = k % 3 !== 2;
        const polarity = POLARITIES[k % POLARITIES.length];
        const scale = percent ? 1 : 100;
        const target = Math.round((0.5 + random() * 0.4) * scale * 1000) / 1000;
        const format = percent ? "0.0%" : "#,0.0";
        const relative = k % 5 === 0;
        const tolerance = relative ? 0.05 : Math.round(target * 0.06 * 1000) / 1000;
        const hasFloor = k % 7 === 3;
        const hasStretch = k % 11 === 4;
        const benchmarked = k % 2 === 0;
        let value = target * (0.85 + random() * 0.3);
        for (let p = 0; p < periodCount; p++) {
            value = Math.max(0, value + (random() - 0.5) * 0.04 * scale);
            const latest = p === periodCount - 1;
            const missing = !latest && random() < 0.03;
            const q1 = target * 0.9, median = target, q3 = target * 1.1;
            rows.push({
                kpi: `KPI ${String(k + 1).padStart(4, "0")} ${AREAS[k % AREAS.length].toLowerCase()} measure`,
                group: AREAS[k % AREAS.length],
                period: periodLabel(p, perYear),
                periodIndex: p + 1,
                actual: missing ? null : Math.round(value * 1000) / 1000,
                target,
                polarity,
                tolerance: relative ? null : tolerance,
                tolerancePct: relative ? tolerance : null,
                floor: hasFloor ? Math.round(target * (polarity === "Low" ? 1.15 : 0.85) * 1000) / 1000 : null,
                stretch: hasStretch ? Math.round(target * (polarity === "Low" ? 0.9 : 1.1) * 1000) / 1000 : null,
                england: benchmarked ? Math.round(target * 0.97 * 1000) / 1000 : null,
                region: benchmarked ? Math.round(target * 1.02 * 1000) / 1000 : null,
                neighbours: benchmarked ? Math.round(target * 0.99 * 1000) / 1000 : null,
                q1: benchmarked ? Math.round(q1 * 1000) / 1000 : null,
                median: benchmarked ? Math.round(median * 1000) / 1000 : null,
                q3: benchmarked ? Math.round(q3 * 1000) / 1000 : null,
                rank: benchmarked ? 1 + Math.floor(random() * 152) : null,
                rankOf: benchmarked ? 153 : null,
                // Every period of a quarter of the KPIs has commentary, so every window of periods binds the same fields (as a report does).
                commentary: k % 4 === 1 ? (latest ? "Performance moved after a change in the recording process; the service is reviewing cases and expects recovery next quarter."
                    : `Figure for ${periodLabel(p, perYear)} checked with the service; no change to the recording process.`) : null,
                owner: `Head of ${AREAS[k % AREAS.length]}`,
                format,
            });
        }
    }
    return rows;
}
