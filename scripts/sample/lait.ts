/**
 * Reading the DfE Local Authority Interactive Tool extract (../shared/data/lait). Only the
 * generator reads it, and only when the dataset is regenerated; the derived figures are
 * committed in sample/data/benchmarks.csv.
 */
import * as fs from "fs";
import * as path from "path";
import { parseCsvRecords } from "./csv";

export interface LaitIndicator {
    readonly code: string;
    readonly name: string;
    /** High, Low or "-" (none) as LAIT gives it. */
    readonly polarity: string;
    /** Decimal places LAIT shows (1 when the extract says NA). */
    readonly decimals: number;
    readonly yearType: string;
}

export interface LaitPublished {
    readonly code: string;
    readonly year: string;
    readonly england: number | null;
    readonly min: number | null;
    readonly q1: number | null;
    readonly median: number | null;
    readonly q3: number | null;
    readonly max: number | null;
    readonly authorities: number | null;
}

export interface LaitExtract {
    readonly indicators: ReadonlyMap<string, LaitIndicator>;
    /** code -> published years in publication order. */
    readonly published: ReadonlyMap<string, readonly LaitPublished[]>;
    /** `${code}|${year}|${region}` -> value. */
    readonly regionValues: ReadonlyMap<string, number | null>;
    /** `${code}|${year}` -> la_number -> value (null for suppression markers). */
    readonly laValues: ReadonlyMap<string, ReadonlyMap<string, number | null>>;
    /** la_number -> statistical neighbours' la_numbers, closest first. */
    readonly neighbours: ReadonlyMap<string, readonly string[]>;
}

export const LAIT_FILES = ["indicators.csv", "benchmarks.csv", "region_values.csv", "la_values.csv", "statistical_neighbours_2025.csv"] as const;

/** A LAIT number; suppression markers (c, x, z, NA, -) and empty text are missing. */
export function laitNumber(text: string | undefined): number | null {
    if (text === undefined) return null;
    const trimmed = text.trim();
    if (!/^-?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(trimmed)) return null;
    const n = Number(trimmed);
    return Number.isFinite(n) ? n : null;
}

/** The folder's missing files (empty when it is complete). */
export function missingLaitFiles(dir: string): string[] {
    return LAIT_FILES.filter(f => !fs.existsSync(path.join(dir, f)));
}

export function readLait(dir: string): LaitExtract {
    const read = (file: string) => parseCsvRecords(fs.readFileSync(path.join(dir, file), "utf8"));

    const indicators = new Map<string, LaitIndicator>();
    for (const r of read("indicators.csv")) {
        const dp = laitNumber(r.decimal_places);
        indicators.set(r.code, { code: r.code, name: r.name, polarity: r.polarity, decimals: dp ?? 1, yearType: r.year_type });
    }

    const published = new Map<string, LaitPublished[]>();
    for (const r of read("benchmarks.csv")) {
        const list = published.get(r.code) ?? [];
        list.push({
            code: r.code, year: r.year, england: laitNumber(r.england), min: laitNumber(r.q_min), q1: laitNumber(r.q1),
            median: laitNumber(r.median), q3: laitNumber(r.q3), max: laitNumber(r.q_max), authorities: laitNumber(r.n_las),
        });
        published.set(r.code, list);
    }

    const regionValues = new Map<string, number | null>();
    for (const r of read("region_values.csv")) regionValues.set(`${r.code}|${r.year}|${r.region}`, laitNumber(r.value));

    const laValues = new Map<string, Map<string, number | null>>();
    for (const r of read("la_values.csv")) {
        const key = `${r.code}|${r.year}`;
        const byLa = laValues.get(key) ?? new Map<string, number | null>();
        byLa.set(r.la_number, laitNumber(r.value));
        laValues.set(key, byLa);
    }

    const ranked = new Map<string, { rank: number; la: string }[]>();
    for (const r of read("statistical_neighbours_2025.csv")) {
        const list = ranked.get(r.la_number) ?? [];
        list.push({ rank: Number(r.sn_rank), la: r.sn_la_number });
        ranked.set(r.la_number, list);
    }
    const neighbours = new Map<string, string[]>();
    for (const [la, list] of ranked) neighbours.set(la, list.sort((a, b) => a.rank - b.rank).map(x => x.la));

    return { indicators, published, regionValues, laValues, neighbours };
}
