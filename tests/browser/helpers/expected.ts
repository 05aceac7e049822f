/**
 * What the rating rules (src/rules) say each KPI's tile must show, worked out from the
 * dataset's rows independently of the visual's model: currentAndPrevious picks the current
 * period (the latest with an actual) and the previous one (the latest earlier with an actual).
 */
import { currentAndPrevious, parsePolarity, precisionFromFormat, quartileBand, rateDirection, rateStatus } from "../../../src/rules";
import type { PreviewRow } from "../../../scripts/preview/dataset";

export interface ExpectedTile {
    readonly kpi: string;
    readonly group: string | null;
    readonly status: string;
    readonly direction: string;
    readonly band: string | null;
    readonly period: string;
}

export function expectedTiles(rows: readonly PreviewRow[]): ExpectedTile[] {
    const byKpi = new Map<string, PreviewRow[]>();
    for (const row of rows) byKpi.set(row.kpi, [...(byKpi.get(row.kpi) ?? []), row]);
    return [...byKpi.entries()].map(([kpi, list]) => {
        const series = [...list].sort((a, b) => a.periodIndex - b.periodIndex);
        const chosen = currentAndPrevious(series.map(r => r.actual));
        const current = series[chosen.current];
        const prior = chosen.previous >= 0 ? series[chosen.previous] : null;
        const parsed = parsePolarity(current.polarity);
        const polarity = parsed.ok ? parsed.polarity : null;
        const decimals = precisionFromFormat(current.format)?.storedDecimals ?? null;
        const relative = current.tolerance === null && current.tolerancePct !== null;
        const status = rateStatus({
            actual: current.actual, target: current.target, polarity, decimals,
            tolerance: relative ? current.tolerancePct : current.tolerance,
            toleranceKind: relative ? "relative" : "absolute",
            floor: current.floor, stretch: current.stretch,
        }).status;
        const direction = rateDirection({ actual: current.actual, previous: prior?.actual ?? null, polarity, target: current.target, decimals }).direction;
        const band = quartileBand({ value: current.actual, q1: current.q1, median: current.median, q3: current.q3, polarity });
        return { kpi, group: current.group, status, direction, band, period: current.period };
    });
}
