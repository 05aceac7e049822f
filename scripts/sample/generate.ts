/**
 * npm run sample: writes the Children's Services sample dataset (sample/data/*.csv, the KPI
 * dictionary sample/kpi-dictionary.yaml and sample/data/NOTICE.txt). Seeded, so every run gives
 * the same bytes. Reads the DfE LAIT extract in ../shared/data/lait (or --lait <dir>) for
 * the benchmarks; without it, it says so and exits non-zero, leaving the outputs untouched.
 *
 * Options: --out <folder> (default: sample/), --lait <folder>.
 */
import * as fs from "fs";
import * as path from "path";
import { KPI_SPECS } from "./catalogue";
import { commentaryFor } from "./commentary";
import { actionsFor, SampleAction } from "./pathToGreen";
import { COUNCIL, SAMPLE_PERIODS, SAMPLE_SEED } from "./council";
import { formatNumber, toCsv } from "./csv";
import { BenchmarkRow, deriveBenchmarks } from "./benchmarks";
import { DictionaryEntry, dictionaryEntry, dictionaryYaml } from "./dictionary";
import { missingLaitFiles, readLait } from "./lait";
import { BENCHMARK_TABLE, columnNames, KPI_TABLE, PERIOD_TABLE, VALUES_TABLE } from "../../lib/star-schema";
import { ACTUAL_DECIMALS, kpiDecimals, SimulatedValue, simulateKpi } from "./simulate";

export const REPO_ROOT = path.resolve(__dirname, "../..");
export const DEFAULT_LAIT_DIR = path.resolve(REPO_ROOT, "../shared/data/lait");
export const DEFAULT_OUT_DIR = path.join(REPO_ROOT, "sample");

/** Output files, relative to the sample folder. */
export const SAMPLE_FILES = ["data/kpis.csv", "data/periods.csv", "data/kpi_values.csv", "data/benchmarks.csv", "data/NOTICE.txt", "kpi-dictionary.yaml"] as const;

const NOTICE = [
    `Children's Services sample dataset: ${COUNCIL.name} is a FICTIONAL council.`,
    "Its KPI values, targets, officers and commentary are invented for demonstration.",
    "",
    "benchmarks.csv is derived from the Department for Education's Local Authority Interactive Tool (LAIT):",
    "Contains public sector information licensed under the Open Government Licence v3.0 (DfE LAIT).",
    "https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/",
    `Statistical neighbours: the DfE May 2025 neighbour group of ${COUNCIL.neighbourTemplate.laName} (LA ${COUNCIL.neighbourTemplate.laNumber}), a real authority;`,
    `the region is ${COUNCIL.region}. Ranks place ${COUNCIL.shortName}'s invented figure among the published authority values.`,
    "",
].join("\n");

/** The KPI Values columns of a value's path to green (empty without an action). */
function pathToGreenColumns(action: SampleAction | undefined): Record<string, string> {
    return {
        "Action": action?.action ?? "", "Action Owner": action?.owner ?? "", "Back Within Tolerance By": action?.due ?? "",
        "Action Status": action?.status ?? "", "Action Updated": action?.updated ?? "",
    };
}

/** Everything the generator writes, as file contents keyed by path relative to the sample folder. */
export function buildSample(laitDir: string): Map<string, string> {
    const lait = readLait(laitDir);
    const periods = SAMPLE_PERIODS;
    const kpiRows: Record<string, string>[] = [];
    const valueRows: Record<string, string>[] = [];
    const benchmarkRows: Record<string, string>[] = [];
    const entries: DictionaryEntry[] = [];

    KPI_SPECS.forEach((spec, i) => {
        const values: SimulatedValue[] = simulateKpi(spec, periods, SAMPLE_SEED);
        const commentary = commentaryFor(spec, values);
        const actions = actionsFor(spec, values);
        let benchmarks: BenchmarkRow[] = [];
        if (spec.laitCode) {
            const indicator = lait.indicators.get(spec.laitCode);
            if (!indicator) throw new Error(`LAIT has no indicator ${spec.laitCode} (KPI ${spec.id})`);
            benchmarks = deriveBenchmarks(spec, indicator, lait, periods, values);
        }
        const decimals = kpiDecimals(spec);
        kpiRows.push({
            "KPI ID": spec.id, "KPI": spec.name, "Service Area": spec.serviceArea, "Outcome": spec.outcome,
            "Polarity": spec.polarity, "Unit": spec.unit, "Format String": spec.format, "Decimals": String(decimals),
            "Target": formatNumber(spec.target, decimals + 2), "Tolerance": formatNumber(spec.tolerance, 6),
            "Tolerance Type": spec.tolerance === undefined ? "" : spec.toleranceType ?? "absolute",
            "Floor": formatNumber(spec.floor, decimals + 2), "Stretch": formatNumber(spec.stretch, decimals + 2),
            "Owner": spec.owner, "Frequency": spec.frequency, "Source": spec.source, "Definition": spec.definition,
            "LAIT Code": spec.laitCode ?? "", "Sort Order": String(i + 1),
        });
        for (const v of values) {
            valueRows.push({
                "KPI ID": v.kpiId, "Period ID": v.period.id,
                "Actual": formatNumber(v.actual, ACTUAL_DECIMALS),
                "Numerator": formatNumber(v.numerator, 1), "Denominator": formatNumber(v.denominator, 1),
                "Period Target": formatNumber(v.periodTarget, decimals + 2),
                "Commentary": commentary.get(v.period.id) ?? "", "Data Quality": v.dataQuality,
                ...pathToGreenColumns(actions.get(v.period.id)),
            });
        }
        for (const b of benchmarks) {
            benchmarkRows.push({
                "KPI ID": b.kpiId, "Year": b.year, "Applies From Index": String(b.appliesFromIndex),
                "England": formatNumber(b.england, b.decimals), "Region": formatNumber(b.region, b.decimals),
                "Neighbours": formatNumber(b.neighbours, b.decimals), "Q1": formatNumber(b.q1, b.decimals),
                "Median": formatNumber(b.median, b.decimals), "Q3": formatNumber(b.q3, b.decimals),
                "Rank": formatNumber(b.rank, 0), "Authorities": formatNumber(b.authorities, 0),
            });
        }
        entries.push(dictionaryEntry(spec, benchmarks));
    });

    const periodRows = periods.map(p => ({
        "Period ID": p.id, "Financial Year": p.financialYear, "Quarter": p.quarter, "Period": p.label,
        "Period End": p.end, "Period Index": String(p.index),
    }));

    return new Map<string, string>([
        ["data/kpis.csv", toCsv(columnNames(KPI_TABLE), kpiRows)],
        ["data/periods.csv", toCsv(columnNames(PERIOD_TABLE), periodRows)],
        ["data/kpi_values.csv", toCsv(columnNames(VALUES_TABLE), valueRows)],
        ["data/benchmarks.csv", toCsv(columnNames(BENCHMARK_TABLE), benchmarkRows)],
        ["data/NOTICE.txt", NOTICE],
        ["kpi-dictionary.yaml", dictionaryYaml(entries, COUNCIL.name)],
    ]);
}

/** Write every file to a temporary name first, then rename, so a failure leaves the old set. */
export function writeSample(files: ReadonlyMap<string, string>, outDir: string): void {
    const staged: [string, string][] = [];
    for (const [rel, content] of files) {
        const target = path.join(outDir, rel);
        fs.mkdirSync(path.dirname(target), { recursive: true });
        const temp = `${target}.${process.pid}.tmp`;
        fs.writeFileSync(temp, content, "utf8");
        staged.push([temp, target]);
    }
    for (const [temp, target] of staged) fs.renameSync(temp, target);
}

function argument(name: string): string | undefined {
    const i = process.argv.indexOf(name);
    return i >= 0 ? process.argv[i + 1] : undefined;
}

function main(): number {
    const laitDir = path.resolve(argument("--lait") ?? DEFAULT_LAIT_DIR);
    const outDir = path.resolve(argument("--out") ?? DEFAULT_OUT_DIR);
    const missing = fs.existsSync(laitDir) ? missingLaitFiles(laitDir) : ["(the folder itself)"];
    if (missing.length > 0) {
        console.error(`npm run sample: the DfE LAIT extract is needed to derive the benchmarks, but ${laitDir} is missing ${missing.join(", ")}.`);
        console.error("The committed sample in sample/ is unchanged. Pass --lait <folder> to use another copy.");
        return 1;
    }
    const files = buildSample(laitDir);
    writeSample(files, outDir);
    for (const rel of files.keys()) console.log(`wrote ${path.relative(process.cwd(), path.join(outDir, rel))}`);
    return 0;
}

if (require.main === module) process.exitCode = main();
