/**
 * npm run dax -- --in <dictionary.yaml|json|csv> --out <folder> [--check]
 *
 * Validates the KPI data dictionary (every error, with file, line or row, field, what is wrong
 * and what is allowed) and writes the DAX query script, the TMDL of the `KPI Measures` table,
 * the KPI dimension as CSV and a markdown summary. Nothing is written when there is an error.
 * --check compares instead of writing and fails when the folder is out of date.
 */
import { existsSync, readFileSync } from "fs";
import { join, relative } from "path";
import { loadDictionary } from "./src/dictionary/load";
import { DictionaryIssue } from "./src/dictionary/types";
import { countIsLowerBound, errorCount, formatIssue } from "./src/dictionary/validate";
import { generateFromFile, OUTPUT_FILES, StreamedOutput, streamOutputs } from "./src/generate";
import { WriteFailure } from "./src/output/sink";
import { writeOutputsAtomicallyWith } from "./src/output/write";

export const EXIT = { ok: 0, invalid: 1, usage: 2, writeFailed: 3, stale: 4 } as const;

interface CliIo {
    readonly out: (line: string) => void;
    readonly err: (line: string) => void;
}

const USAGE = "usage: npm run dax -- --in <dictionary.yaml|.json|.csv> --out <folder> [--check]";

export function runCli(argv: readonly string[], io: CliIo = { out: l => console.log(l), err: l => console.error(l) }): number {
    let input: string | undefined;
    let outDir: string | undefined;
    let check = false;
    for (let i = 0; i < argv.length; i++) {
        const arg = argv[i];
        if (arg === "--in") input = argv[++i];
        else if (arg === "--out") outDir = argv[++i];
        else if (arg === "--check") check = true;
        else if (arg === "--help" || arg === "-h") { io.out(USAGE); return EXIT.ok; }
        else { io.err(`unknown argument ${arg}`); io.err(USAGE); return EXIT.usage; }
    }
    if (!input || !outDir) {
        io.err(USAGE);
        return EXIT.usage;
    }
    const shown = relative(process.cwd(), input) || input;
    const source = shown.startsWith("..") ? input : shown;
    if (check) return checkOutputs(input, source, outDir, io);
    const { dictionary, issues } = loadDictionary(input);
    for (const issue of issues) io.err(formatIssue(issue));
    if (!dictionary) return invalid(input, issues, io);
    // The outputs are written as they are generated, straight into the writer's temporary folder
    // (nothing is held whole in memory); the previous outputs are replaced only once all are written.
    let streamed: StreamedOutput | undefined;
    let generationError: { error: unknown } | undefined;
    try {
        writeOutputsAtomicallyWith(outDir, open => {
            try {
                streamed = streamOutputs(dictionary, source.replace(/\\/g, "/"), open);
            } catch (error) {
                if (!(error instanceof WriteFailure)) generationError = { error };
                throw error;
            }
        }, new Set(Object.values(OUTPUT_FILES)));
    } catch (error) {
        if (generationError !== undefined) throw generationError.error;
        io.err(`could not write ${outDir}: ${(error as Error).message}; previous outputs are unchanged.`);
        return EXIT.writeFailed;
    }
    const { files, measureCount } = streamed as StreamedOutput;
    io.out(`${dictionary.kpis.length} KPIs, ${measureCount} measures -> ${outDir}: ${files.join(", ")}`);
    return EXIT.ok;
}

function invalid(input: string, issues: readonly DictionaryIssue[], io: CliIo): number {
    const errors = errorCount(issues);
    io.err(`${countIsLowerBound(issues) ? "at least " : ""}${errors} error${errors === 1 ? "" : "s"} in ${input}; nothing was written.`);
    return EXIT.invalid;
}

/** --check: generate in memory and compare with the folder; nothing is written. */
function checkOutputs(input: string, source: string, outDir: string, io: CliIo): number {
    const result = generateFromFile(input, source);
    for (const issue of result.issues) io.err(formatIssue(issue));
    if (!result.ok) return invalid(input, result.issues, io);
    const { files } = result.output;
    const stale = [...files].filter(([name, content]) => {
        const path = join(outDir, name);
        return !existsSync(path) || readFileSync(path, "utf8") !== content;
    }).map(([name]) => name);
    for (const name of Object.values(OUTPUT_FILES)) {
        if (!files.has(name) && existsSync(join(outDir, name))) stale.push(`${name} (no longer generated)`);
    }
    if (stale.length) {
        io.err(`out of date in ${outDir}: ${stale.join(", ")}. Run: npm run dax -- --in ${input} --out ${outDir}`);
        return EXIT.stale;
    }
    io.out(`${outDir} is up to date.`);
    return EXIT.ok;
}

if (require.main === module) {
    process.exitCode = runCli(process.argv.slice(2));
}
