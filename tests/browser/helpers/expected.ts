/**
 * What the rating rules (src/rules) say each KPI's tile must show, worked out from the
 * dataset's rows independently of the visual's model: the current period is the latest with
 * an actual, the one before it gives the direction of travel.
 */
import { parsePolarity, precisionFromFormat, quartileBand, rateDirection, rateStatus } from "../../../src/rules";
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
        let at = series.length - 1;
        while (at > 0 && series[at].actual === null) at--;
        const current = series[at];
        const prior = at > 0 ? series[at - 1] : null;
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
        const band = quartileBand({ value: current.actual, q1: current.q1, median: current.median, q3: current.q3, polarity, decimals });
        return { kpi, group: current.group, status, direction, band, period: current.period };
    });
}
