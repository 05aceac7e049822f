/**
 * The DAX generator's benchmark. `generationBenchmark()` returns the milliseconds to generate
 * every output for 1,000 synthetic KPIs in this process (`npm run bench` reports it);
 * `cliBenchmark()` runs the command line exactly as `npm run dax` does (the command is read from
 * package.json) on a 10,000-KPI YAML dictionary and returns wall time, CPU time and peak memory
 * (target: 1 s and 300 MB). `npx tsx dax/bench.ts` prints both, with the machine's load.
 */
import { spawnSync } from "child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "fs";
import { cpus, loadavg, tmpdir } from "os";
import { join } from "path";
import { performance } from "perf_hooks";
import { stringify } from "yaml";
import { POLARITIES } from "../src/rules";
import { KpiDefinition, KpiDictionary } from "./src/dictionary/types";
import { generateOutputs } from "./src/generate";

export function syntheticDictionary(count: number): KpiDictionary {
    const kpis: KpiDefinition[] = [];
    for (let i = 0; i < count; i++) {
        const polarity = POLARITIES[i % POLARITIES.length];
        const percent = i % 2 === 0;
        const target = percent ? 0.5 + (i % 40) / 100 : 10 + (i % 50);
        const high = polarity === "High";
        kpis.push({
            id: `K${String(i + 1).padStart(4, "0")}`, name: `Synthetic KPI ${i + 1}`, serviceArea: `Area ${(i % 12) + 1}`,
            outcome: null, polarityText: polarity, polarity, unit: percent ? "%" : "number", format: percent ? "0.0%" : "#,0.0",
            decimals: percent ? 3 : 1, target, tolerance: i % 3 === 0 ? 0.05 : null, toleranceType: i % 6 === 0 ? "relative" : "absolute",
            floor: i % 3 === 1 && (high || polarity === "Low") ? (high ? target * 0.9 : target * 1.1) : null,
            stretch: i % 5 === 0 && (high || polarity === "Low") ? (high ? target * 1.1 : target * 0.9) : null,
            noChangeTolerance: i % 7 === 0 ? 0.001 : null, similarityTolerance: i % 11 === 0 ? 0.01 : null, owner: "Owner",
            frequency: "Quarterly", source: "Synthetic", definition: `Synthetic KPI number ${i + 1}.`, laitCode: null,
            benchmarks: ["england"], actualExpression: i % 4 === 0 ? `DIVIDE ( SUM ( 'Facts'[Numerator ${i}] ), SUM ( 'Facts'[Denominator ${i}] ) )` : null,
            sourceColumn: i % 4 === 1 ? { table: "Facts", column: `Value ${i}` } : null, sortOrder: i + 1,
            location: { file: "synthetic.yaml", line: i + 1 },
        });
    }
    return { file: "synthetic.yaml", kpis };
}

/**
 * Milliseconds to generate all outputs (DAX query scripts, TMDL, KPI CSV, summary) for `count`
 * KPIs: the median of `runs` runs, so one pause of a busy machine does not decide the figure.
 */
export function generationBenchmark(count = 1000, runs = 3): number {
    const dictionary = syntheticDictionary(count);
    const times: number[] = [];
    for (let i = 0; i < runs; i++) {
        const start = performance.now();
        const output = generateOutputs(dictionary, "synthetic.yaml");
        times.push(performance.now() - start);
        if (output.files.size === 0) throw new Error("nothing generated");
    }
    times.sort((a, b) => a - b);
    return times[Math.floor(times.length / 2)];
}

/** A dictionary as YAML text, the way a performance team writes one (one line per field). */
export function dictionaryYaml(dictionary: KpiDictionary): string {
    const kpis = dictionary.kpis.map(k => {
        const out: Record<string, unknown> = { id: k.id, name: k.name, serviceArea: k.serviceArea, polarity: k.polarityText, unit: k.unit, format: k.format, target: k.target };
        if (k.tolerance !== null) Object.assign(out, { tolerance: k.tolerance, toleranceType: k.toleranceType });
        for (const field of ["floor", "stretch", "noChangeTolerance", "similarityTolerance"] as const) if (k[field] !== null) out[field] = k[field];
        Object.assign(out, { owner: k.owner, frequency: k.frequency, source: k.source, definition: k.definition, benchmarks: k.benchmarks });
        if (k.actualExpression !== null) out.actualExpression = k.actualExpression;
        if (k.sourceColumn !== null) out.sourceColumn = `'${k.sourceColumn.table.replace(/'/g, "''")}'[${k.sourceColumn.column.replace(/]/g, "]]")}]`;
        return out;
    });
    return stringify({ kpis }, { lineWidth: 0 });
}

export interface CliFigures {
    readonly kpis: number;
    readonly wallMs: number;
    /** User + system CPU time of the process. */
    readonly cpuMs: number;
    /** Peak resident memory of the process. */
    readonly peakRssMb: number;
    readonly dictionaryMb: number;
}

/**
 * The arguments after `node` of package.json's `dax` script (`npm run dax` runs `node <these>`),
 * so the benchmark measures what users run, not a copy of it that could drift.
 */
export function daxScriptArguments(): string[] {
    const pkg = JSON.parse(readFileSync(join(__dirname, "..", "package.json"), "utf8")) as { scripts: Record<string, string> };
    const [command, ...args] = pkg.scripts.dax.trim().split(/\s+/);
    if (command !== "node" || args.some(a => /["'$`\\|&;<>]/.test(a))) throw new Error(`package.json's dax script is not a plain node command: ${pkg.scripts.dax}`);
    return args;
}

/**
 * Run the command line as `npm run dax` does (package.json's `dax` script) on a synthetic
 * dictionary; the median of `runs` runs by wall time. A preload prints the process's own
 * resource use as it exits, so the figures are the generator's, not a wrapper's. The first run
 * is not counted when it builds the command line's bundle (dax/launch.cjs): one run builds it
 * beforehand.
 */
export function cliBenchmark(count = 10000, runs = 3): CliFigures {
    const work = mkdtempSync(join(tmpdir(), "dax-bench-"));
    try {
        const dictionary = join(work, "kpis.yaml");
        const text = dictionaryYaml(syntheticDictionary(count));
        writeFileSync(dictionary, text);
        const usage = join(work, "usage.cjs");
        writeFileSync(usage, "process.on('exit', () => { const r = process.resourceUsage(); process.stderr.write('\\nUSAGE ' + JSON.stringify(r) + '\\n'); });\n");
        const figures: CliFigures[] = [];
        const root = join(__dirname, "..");
        const script = daxScriptArguments();
        const warmUp = spawnSync(process.execPath, [...script, "--help"], { cwd: root, encoding: "utf8" });
        if (warmUp.status !== 0) throw new Error(`the command line failed (${warmUp.status}): ${warmUp.stderr}`);
        for (let i = 0; i < runs; i++) {
            const start = performance.now();
            const child = spawnSync(process.execPath, ["--require", usage, ...script, "--in", dictionary, "--out", join(work, "out")],
                { cwd: root, encoding: "utf8" });
            const wallMs = performance.now() - start;
            const line = /USAGE (\{.*\})/.exec(child.stderr ?? "");
            if (child.status !== 0 || !line) throw new Error(`the command line failed (${child.status}): ${child.stderr}`);
            const r = JSON.parse(line[1]) as { userCPUTime: number; systemCPUTime: number; maxRSS: number };
            figures.push({ kpis: count, wallMs, cpuMs: (r.userCPUTime + r.systemCPUTime) / 1000, peakRssMb: r.maxRSS / 1024, dictionaryMb: text.length / 1e6 });
        }
        figures.sort((a, b) => a.wallMs - b.wallMs);
        return figures[Math.floor(figures.length / 2)];
    } finally {
        rmSync(work, { recursive: true, force: true });
    }
}

/** `npm run bench` calls the default export with 1,000 and reports milliseconds. */
export default generationBenchmark;

if (require.main === module) {
    const load = (): string => loadavg().map(l => l.toFixed(1)).join(" / ");
    console.log(`machine: ${cpus().length} CPUs (${cpus()[0]?.model ?? "?"}), Node.js ${process.version}, load average ${load()}`);
    generationBenchmark(50, 1);
    for (const count of [1000, 10000]) {
        const start = process.cpuUsage();
        const ms = generationBenchmark(count);
        const cpu = process.cpuUsage(start);
        console.log(`in process: ${count.toLocaleString("en-GB")} KPIs generate in ${ms.toFixed(0)} ms (median of 3; CPU ${((cpu.user + cpu.system) / 3000).toFixed(0)} ms per run)`);
    }
    const cli = cliBenchmark(10000);
    console.log(`command line: 10,000 KPIs (${cli.dictionaryMb.toFixed(1)} MB of YAML) in ${cli.wallMs.toFixed(0)} ms wall, ${cli.cpuMs.toFixed(0)} ms CPU, peak ${cli.peakRssMb.toFixed(0)} MB (target 1,000 ms and 300 MB); load average now ${load()}`);
}
