/**
 * LibreOffice in headless mode: the pack's PDF writer (the .pptx converted by Impress) and the
 * way the tests open the .pptx as a user's office suite would. Each conversion uses its own
 * temporary user profile (-env:UserInstallation), so parallel runs never share or lock one.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { findExecutable } from "../lib/executables";
import { tmpdir } from "node:os";
import { basename, extname, join } from "node:path";
import { pathToFileURL } from "node:url";

const CANDIDATES = ["soffice", "libreoffice"];

export const LIBREOFFICE_INSTRUCTIONS = [
    "LibreOffice was not found (needed for --out *.pdf). Install Impress, or point SOFFICE_PATH at soffice:",
    "  Debian/Ubuntu:  sudo apt-get install libreoffice-impress",
    "  macOS:          brew install --cask libreoffice",
].join("\n");

/** The soffice executable, or null. SOFFICE_PATH wins, then soffice and libreoffice on PATH. */
export function findSoffice(env: NodeJS.ProcessEnv = process.env): string | null {
    return findExecutable(CANDIDATES, "SOFFICE_PATH", env);
}

/**
 * Convert a file with LibreOffice (`--convert-to <format>`, e.g. "pdf"), into `outDir`.
 * Returns the path of the converted file; throws with LibreOffice's output when it fails.
 */
export function convert(input: string, format: string, outDir: string, timeoutMs = 180_000): string {
    const soffice = findSoffice();
    if (!soffice) throw new Error(LIBREOFFICE_INSTRUCTIONS);
    const profile = mkdtempSync(join(tmpdir(), "lo-profile-"));
    try {
        const result = spawnSync(soffice, [
            `-env:UserInstallation=${pathToFileURL(profile).href}`,
            "--headless", "--norestore", "--nolockcheck", "--convert-to", format, "--outdir", outDir, input,
        ], { encoding: "utf8", timeout: timeoutMs });
        const extension = format.split(":")[0];
        const expected = join(outDir, `${basename(input, extname(input))}.${extension}`);
        if (result.status !== 0 || !existsSync(expected)) {
            const output = `${result.stdout ?? ""}${result.stderr ?? ""}`.trim();
            throw new Error(`LibreOffice could not convert ${input} to ${format}${result.error ? ` (${result.error.message})` : ""}${output ? `:\n${output}` : ""}`);
        }
        return expected;
    } finally {
        rmSync(profile, { recursive: true, force: true });
    }
}

/** Files in a folder (for the tests' page images). */
export function filesIn(folder: string, extension: string): string[] {
    return readdirSync(folder).filter(name => name.toLowerCase().endsWith(extension)).sort().map(name => join(folder, name));
}
