/**
 * dax/launch.cjs, what `npm run dax` runs: it builds the command line into one JavaScript file
 * when the bundle is missing or any input changed, and the bundle writes exactly what the
 * TypeScript does.
 */
import { spawnSync } from "child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { daxScriptArguments } from "../../dax/bench";

const root = join(__dirname, "../..");
const HEADER = "// dax-cli inputs: ";

interface Recorded { files: Record<string, { size: number; mtimeMs: number; sha1: string }> }

let work: string;
beforeAll(() => { work = mkdtempSync(join(tmpdir(), "dax-launch-")); });
afterAll(() => rmSync(work, { recursive: true, force: true }));

const bundleDir = (): string => join(work, "bundle");
const bundle = (): string => join(bundleDir(), "cli.js");
const launch = (...args: string[]) => spawnSync(process.execPath, [join(root, "dax/launch.cjs"), ...args],
    { cwd: root, encoding: "utf8", env: { ...process.env, DAX_CLI_BUNDLE_DIR: bundleDir() } });
const recorded = (): Recorded => {
    const text = readFileSync(bundle(), "utf8");
    return JSON.parse(text.slice(HEADER.length, text.indexOf("\n"))) as Recorded;
};

test("npm run dax and dax:sample run the launcher", () => {
    expect(daxScriptArguments()).toEqual(["dax/launch.cjs"]);
    const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as { scripts: Record<string, string> };
    expect(pkg.scripts["dax:sample"]).toBe("node dax/launch.cjs --in sample/kpi-dictionary.yaml --out dax/generated");
});

test("a missing bundle is built, records its inputs, and writes what dax/generated/ holds", () => {
    const out = join(work, "out");
    const run = launch("--in", "sample/kpi-dictionary.yaml", "--out", out);
    expect(run.stderr).not.toMatch(/could not build/);
    expect(run.status).toBe(0);
    const inputs = Object.keys(recorded().files);
    expect(inputs).toEqual(expect.arrayContaining(["dax/cli.ts", "dax/src/generate.ts", "dax/src/output/tmdlWriter.ts", "src/rules/status.ts"]));
    for (const name of readdirSync(out)) {
        expect([name, readFileSync(join(out, name), "utf8") === readFileSync(join(root, "dax/generated", name), "utf8")]).toEqual([name, true]);
    }
});

test("a fresh bundle is reused; one whose recorded input differs is rebuilt before it runs", () => {
    const before = statSync(bundle()).mtimeMs;
    expect(launch("--help").status).toBe(0);
    expect(statSync(bundle()).mtimeMs).toBe(before);

    // Pretend the bundle was built from another dax/src/generate.ts (same size, other time and content).
    const text = readFileSync(bundle(), "utf8");
    const inputs = recorded();
    const truth = inputs.files["dax/src/generate.ts"];
    inputs.files["dax/src/generate.ts"] = { ...truth, mtimeMs: truth.mtimeMs - 1000, sha1: "0".repeat(40) };
    writeFileSync(bundle(), `${HEADER}${JSON.stringify(inputs)}${text.slice(text.indexOf("\n"))}`);
    const run = launch("--help");
    expect(run.status).toBe(0);
    expect(recorded().files["dax/src/generate.ts"]).toEqual(truth);
});

test("exit codes come through the launcher", () => {
    expect(launch("--bogus").status).toBe(2);
    const bad = join(work, "bad.yaml");
    writeFileSync(bad, "kpis:\n  - id: A\n");
    const run = launch("--in", bad, "--out", join(work, "bad-out"));
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/nothing was written/);
});
