#!/usr/bin/env node
/**
 * `npm test`: every check a user or a certification reviewer would run, in one command.
 *  1. TypeScript type check of src, dax, scripts and tests
 *  2. ESLint with eslint-plugin-powerbi-visuals (0 errors, 0 warnings)
 *  3. `pbiviz package`: the visual packages with zero errors, and its zip is normalised as
 *     `npm run package` does (scripts/pbip/normalise-package.ts); the browser tests use the result
 *  4. Jest: unit (rules, model, DAX generator, dataset), dom (jsdom visual) and browser
 *     (packaged visual in headless Chromium) projects
 * Prints a last line "N passed, N failed" (each check in 1-3 counts as one test).
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

const root = join(import.meta.dirname, "..");
const bin = (name) => join(root, "node_modules", ".bin", name);
let passed = 0;
let failed = 0;
const failures = [];

function step(name, command, args) {
    process.stdout.write(`\n== ${name}: ${command.replace(root + "/", "")} ${args.join(" ")}\n`);
    const started = Date.now();
    const result = spawnSync(command, args, { cwd: root, stdio: "inherit", env: process.env });
    const ok = result.status === 0;
    process.stdout.write(`== ${name}: ${ok ? "ok" : "FAILED"} (${((Date.now() - started) / 1000).toFixed(1)} s)\n`);
    return ok;
}

function check(name, command, args) {
    if (step(name, command, args)) passed++;
    else { failed++; failures.push(name); }
}

check("typecheck", bin("tsc"), ["-p", "tsconfig.test.json"]);
check("eslint", bin("eslint"), [".", "--max-warnings", "0"]);
// As `npm run package` does: pbiviz package, then the zip normalised (fixed entry dates), so the
// package the browser tests use is byte for byte the one `npm run package` makes and sample/pbip holds.
if (step("pbiviz package", bin("pbiviz"), ["package"]) && step("normalise package", bin("tsx"), ["scripts/pbip/normalise-package.ts"])) passed++;
else { failed++; failures.push("pbiviz package"); }

mkdirSync(join(root, ".tmp"), { recursive: true });
const report = join(root, ".tmp", "jest-results.json");
const jestArgs = ["--json", "--outputFile", report, ...process.argv.slice(2)];
step("jest", bin("jest"), jestArgs);
if (existsSync(report)) {
    const results = JSON.parse(readFileSync(report, "utf8"));
    passed += results.numPassedTests;
    failed += results.numFailedTests;
    // A suite that fails to load has no failed tests of its own: count it.
    for (const suite of results.testResults) {
        if (suite.status === "failed" && suite.assertionResults.every(a => a.status !== "failed")) {
            failed++;
            failures.push(`suite ${suite.name.replace(root + "/", "")}`);
        }
        for (const a of suite.assertionResults) {
            if (a.status === "failed") failures.push(`${suite.name.replace(root + "/", "")}: ${a.fullName}`);
        }
    }
} else {
    failed++;
    failures.push("jest produced no results");
}

if (failures.length > 0) {
    process.stdout.write(`\nFailed:\n${failures.map(f => `  - ${f}`).join("\n")}\n`);
}
process.stdout.write(`\n${passed} passed, ${failed} failed\n`);
process.exit(failed === 0 ? 0 : 1);
