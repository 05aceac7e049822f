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
import { countIsLowerBound, errorCount, formatIssue } from "./src/dictionary/validate";
import { generateFromFile, OUTPUT_FILES } from "./src/generate";
import { writeOutputsAtomically } from "./src/output/write";

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
    const result = generateFromFile(input, shown.startsWith("..") ? input : shown);
    for (const issue of result.issues) io.err(formatIssue(issue));
    if (!result.ok) {
        const errors = errorCount(result.issues);
        io.err(`${countIsLowerBound(result.issues) ? "at least " : ""}${errors} error${errors === 1 ? "" : "s"} in ${input}; nothing was written.`);
        return EXIT.invalid;
    }
    const { files, measures, dictionary } = result.output;
    if (check) {
        const stale = [...files].filter(([name, content]) => {
            const path = join(outDir as string, name);
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
    try {
        writeOutputsAtomically(outDir, files, new Set(Object.values(OUTPUT_FILES)));
    } catch (error) {
        io.err(`could not write ${outDir}: ${(error as Error).message}; previous outputs are unchanged.`);
        return EXIT.writeFailed;
    }
    io.out(`${dictionary.kpis.length} KPIs, ${measures.length} measures -> ${outDir}: ${[...files.keys()].join(", ")}`);
    return EXIT.ok;
}

if (require.main === module) {
    process.exitCode = runCli(process.argv.slice(2));
}
