/**
 * What `npm start` (and the snapshot and benchmark commands) build before previewing: the
 * .pbiviz when it is missing or older than the visual's sources, and the generated sample
 * dataset, DAX and Power BI Project through their own npm scripts when those scripts exist.
 * A step whose script is not in the project yet is skipped with a message.
 */
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { findPackage } from "./visual-package";

export const ROOT = join(__dirname, "..", "..");
export const DIST = join(ROOT, "dist");
export const SAMPLE_DATA = join(ROOT, "sample", "data");

/** Newest modification time under the given paths (files or folders), 0 when none exist. */
export function newestMtime(paths: readonly string[]): number {
    let newest = 0;
    const visit = (path: string): void => {
        if (!existsSync(path)) return;
        const stat = statSync(path);
        if (stat.isDirectory()) {
            for (const name of readdirSync(path)) if (name !== "node_modules" && !name.startsWith(".")) visit(join(path, name));
        } else {
            newest = Math.max(newest, stat.mtimeMs);
        }
    };
    paths.forEach(visit);
    return newest;
}

const VISUAL_SOURCES = ["src", "style", "assets", "stringResources", "capabilities.json", "pbiviz.json", "tsconfig.json"].map(p => join(ROOT, p));

/** The .pbiviz is missing or older than a source file of the visual. */
export function packageIsStale(): boolean {
    const found = findPackage(DIST);
    return found === null || statSync(found).mtimeMs < newestMtime(VISUAL_SOURCES);
}

function npmScripts(): Record<string, string> {
    const pkg = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { scripts?: Record<string, string> };
    return pkg.scripts ?? {};
}

/** The file an npm script runs with tsx/node, when it names one. */
function scriptFile(command: string): string | null {
    const match = /(?:tsx|node)\s+(\S+\.(?:ts|mjs|js))/.exec(command);
    return match ? join(ROOT, match[1]) : null;
}

export interface StepResult {
    readonly name: string;
    readonly outcome: "built" | "up to date" | "skipped" | "failed";
    readonly message: string;
}

function runNpm(script: string, say: (line: string) => void): boolean {
    say(`> npm run ${script}`);
    const npm = process.platform === "win32" ? "npm.cmd" : "npm";
    const result = spawnSync(npm, ["run", "--silent", script], { cwd: ROOT, stdio: "inherit", env: process.env, shell: process.platform === "win32" });
    return result.status === 0;
}

/** Package the visual when needed. */
export function ensurePackage(say: (line: string) => void): StepResult {
    if (!packageIsStale()) return { name: "package", outcome: "up to date", message: `${findPackage(DIST)} is newer than the visual's sources` };
    const ok = runNpm("package", say);
    const found = findPackage(DIST);
    if (!ok || !found) return { name: "package", outcome: "failed", message: "`npm run package` failed: see its output above" };
    return { name: "package", outcome: "built", message: found };
}

interface Generator {
    readonly script: string;
    /** What it writes; the step runs when any is missing or older than the inputs (always when empty). */
    readonly outputs: readonly string[];
    readonly inputs: readonly string[];
}

const GENERATORS: readonly Generator[] = [
    // The committed sample is the reference: it is generated only when missing, because
    // regenerating needs the DfE LAIT extract, which a clone of the project alone does not have.
    { script: "sample", outputs: [join(ROOT, "sample", "data", "kpis.csv")], inputs: [] },
    { script: "dax:sample", outputs: [join(ROOT, "dax", "generated")], inputs: [join(ROOT, "dax", "src"), join(ROOT, "dax", "cli.ts"), join(ROOT, "sample", "kpi-dictionary.yaml")] },
    // The project folder's place is the PBIP script's business: it runs every time (it is quick).
    { script: "pbip", outputs: [], inputs: [] },
];

/** Run the sample, DAX and Power BI Project generators that exist and are out of date. */
export function ensureGenerated(say: (line: string) => void): StepResult[] {
    const scripts = npmScripts();
    return GENERATORS.map(generator => {
        const command = scripts[generator.script];
        const file = command ? scriptFile(command) : null;
        if (!command || (file !== null && !existsSync(file))) {
            return { name: generator.script, outcome: "skipped", message: `\`npm run ${generator.script}\` is not available in this checkout yet` } as StepResult;
        }
        const outputsTime = generator.outputs.length === 0 ? 0
            : Math.min(...generator.outputs.map(o => existsSync(o) ? newestMtime([o]) : 0));
        if (outputsTime > 0 && outputsTime >= newestMtime(generator.inputs)) {
            return { name: generator.script, outcome: "up to date", message: "outputs are newer than their sources" } as StepResult;
        }
        const ok = runNpm(generator.script, say);
        return { name: generator.script, outcome: ok ? "built" : "failed", message: ok ? "" : `\`npm run ${generator.script}\` failed: see its output above` } as StepResult;
    });
}
