/**
 * The packaged visual the browser tests run: PREVIEW_PBIVIZ when set, else the newest
 * dist/*.pbiviz. When there is none, it is built once (`npm run package`), guarded by a lock
 * folder so that parallel test files do not package at the same time.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, rmSync, statSync } from "node:fs";
import { join } from "node:path";
import { DIST, ROOT } from "../../../scripts/preview/build-steps";
import { findPackage, readVisualPackage, VisualPackage } from "../../../scripts/preview/visual-package";

const LOCK = join(ROOT, ".tmp", "browser-tests-package.lock");

function sleep(ms: number): Promise<void> {
    return new Promise(resolve => setTimeout(resolve, ms));
}

async function buildOnce(): Promise<void> {
    mkdirSync(join(ROOT, ".tmp"), { recursive: true });
    for (;;) {
        try {
            mkdirSync(LOCK);
            break;
        } catch {
            // Another test file is packaging; a lock older than 10 minutes is a leftover.
            if (existsSync(LOCK) && Date.now() - statSync(LOCK).mtimeMs > 600_000) rmSync(LOCK, { recursive: true, force: true });
            await sleep(1000);
            if (findPackage(DIST)) return;
        }
    }
    try {
        if (findPackage(DIST)) return;
        const npm = process.platform === "win32" ? "npm.cmd" : "npm";
        const result = spawnSync(npm, ["run", "--silent", "package"], { cwd: ROOT, encoding: "utf8", shell: process.platform === "win32" });
        if (result.status !== 0 || !findPackage(DIST)) {
            throw new Error(`The browser tests need dist/*.pbiviz and \`npm run package\` failed:\n${result.stdout}\n${result.stderr}`);
        }
    } finally {
        rmSync(LOCK, { recursive: true, force: true });
    }
}

let cached: Promise<VisualPackage> | null = null;

export function visualUnderTest(): Promise<VisualPackage> {
    cached ??= (async () => {
        const override = process.env.PREVIEW_PBIVIZ;
        if (override) return readVisualPackage(override);
        if (!findPackage(DIST)) await buildOnce();
        const path = findPackage(DIST);
        if (!path) throw new Error("No dist/*.pbiviz: run `npm run package` before the browser tests.");
        return readVisualPackage(path);
    })();
    return cached;
}
