"use strict";
/**
 * What `npm run dax` runs: the command line (dax/cli.ts) compiled ahead of time into one
 * JavaScript file, built on demand when missing or stale.
 *
 * Running the TypeScript through tsx costs about 0.4 s on every start (loading tsx, transforming
 * and source-mapping some sixty modules and the ESM-only Power BI formatting utilities), as much
 * as generating 5,000 KPIs. esbuild (installed with tsx) bundles dax/cli.ts and everything it
 * imports into `.tmp/dax-cli/cli.js` (`.tmp/` is gitignored) in about 0.2 s; later runs start
 * in under 0.2 s. The bundle's first line records every input file with its size, modification
 * time and SHA-1: any input edited, moved or deleted (dax/, src/rules, lib/, the packages)
 * rebuilds it before it runs, so it never runs code older than the sources. A new file that
 * would change how an unchanged import resolves is not noticed; delete `.tmp/dax-cli` then.
 * The bundle is written to a temporary name and renamed, so concurrent runs never see half a file.
 * When esbuild cannot be loaded or fails, the sources run through tsx as before.
 */
const { createHash } = require("crypto");
const fs = require("fs");
const path = require("path");

const ROOT = path.join(__dirname, "..");
const ENTRY = path.join(__dirname, "cli.ts");
/** DAX_CLI_BUNDLE_DIR puts the bundle elsewhere (the tests build their own). */
const OUT_DIR = process.env.DAX_CLI_BUNDLE_DIR ? path.resolve(process.env.DAX_CLI_BUNDLE_DIR) : path.join(ROOT, ".tmp", "dax-cli");
const BUNDLE = path.join(OUT_DIR, "cli.js");
const HEADER = "// dax-cli inputs: ";

const sha1 = file => createHash("sha1").update(fs.readFileSync(file)).digest("hex");

/** The inputs the bundle was built from, or null when it is missing or unreadable. */
function recordedInputs() {
    let head;
    try {
        const fd = fs.openSync(BUNDLE, "r");
        try {
            const buffer = Buffer.alloc(64 * 1024);
            const read = fs.readSync(fd, buffer, 0, buffer.length, 0);
            head = buffer.toString("utf8", 0, read);
        } finally {
            fs.closeSync(fd);
        }
    } catch {
        return null;
    }
    const end = head.indexOf("\n");
    if (!head.startsWith(HEADER) || end === -1) return null;
    try {
        return JSON.parse(head.slice(HEADER.length, end));
    } catch {
        return null;
    }
}

/** True when every recorded input still has the content the bundle was built from. */
function isFresh(recorded) {
    if (recorded === null || typeof recorded.files !== "object") return false;
    for (const [file, was] of Object.entries(recorded.files)) {
        let stat;
        try {
            stat = fs.statSync(path.join(ROOT, file));
        } catch {
            return false;
        }
        if (stat.size !== was.size) return false;
        // Same size and modification time: unchanged (as git decides); otherwise compare contents.
        if (stat.mtimeMs !== was.mtimeMs && sha1(path.join(ROOT, file)) !== was.sha1) return false;
    }
    return true;
}

function loadEsbuild() {
    try {
        return require("esbuild");
    } catch {
        // Not hoisted: tsx's own copy.
        return require(require.resolve("esbuild", { paths: [path.dirname(require.resolve("tsx/package.json"))] }));
    }
}

function build() {
    const esbuild = loadEsbuild();
    const result = esbuild.buildSync({
        entryPoints: [ENTRY], bundle: true, platform: "node", format: "cjs", target: "node20",
        write: false, metafile: true, outfile: BUNDLE, absWorkingDir: ROOT, logLevel: "silent",
    });
    const files = {};
    for (const input of Object.keys(result.metafile.inputs).sort()) {
        const full = path.join(ROOT, input);
        const stat = fs.statSync(full);
        files[input] = { size: stat.size, mtimeMs: stat.mtimeMs, sha1: sha1(full) };
    }
    const code = result.outputFiles.find(f => f.path === BUNDLE);
    if (!code) throw new Error("esbuild wrote no bundle");
    fs.mkdirSync(OUT_DIR, { recursive: true });
    const temp = `${BUNDLE}.${process.pid}.${Date.now().toString(36)}.tmp`;
    fs.writeFileSync(temp, `${HEADER}${JSON.stringify({ files })}\n${code.text}`);
    fs.renameSync(temp, BUNDLE);
}

/**
 * Allocation-site pretenuring off, before any of the generator's code is compiled. V8 watches
 * where objects are created: when most objects from one place survive a young-generation
 * collection, it creates later ones from there directly in the old generation, which only a full
 * collection frees. The generic measures are built first and kept to the end, from the same
 * builder functions (dax/src/expr/build.ts) as each KPI's measures, which live for one KPI; so
 * every later KPI's trees went straight to the old generation. At 10,000 KPIs that raised the
 * peak from about 185 MB to 260-270 MB and cost 0.1-0.3 s of CPU (docs/dax-generator.md). Only the
 * garbage collector's placement changes, never a value.
 */
require("v8").setFlagsFromString("--no-allocation-site-pretenuring");

/** The command line's module: the bundle (rebuilt first when stale), else the TypeScript through tsx. */
function cliModule() {
    if (process.env.DAX_NO_BUNDLE !== "1") {
        try {
            if (!isFresh(recordedInputs())) build();
            return require(BUNDLE);
        } catch (error) {
            process.stderr.write(`note: could not build the DAX generator's bundle (${error && error.message ? error.message.split("\n")[0] : error}); running the TypeScript through tsx.\n`);
        }
    }
    require("tsx/cjs");
    return require(ENTRY);
}

process.exitCode = cliModule().runCli(process.argv.slice(2));
