/**
 * Finding a program the machine already has (Chromium, LibreOffice): an environment variable
 * naming its path wins, then each candidate name on PATH (with .exe on Windows). Nothing is
 * ever downloaded.
 */
import { accessSync, constants, existsSync, statSync } from "node:fs";
import { delimiter, join } from "node:path";

function isExecutable(path: string): boolean {
    try {
        accessSync(path, constants.X_OK);
        return statSync(path).isFile();
    } catch {
        return false;
    }
}

/**
 * The executable to use, or null: `env[override]` when set (null when that path does not
 * exist), else the first of `names` found on PATH.
 */
export function findExecutable(names: readonly string[], override: string, env: NodeJS.ProcessEnv = process.env): string | null {
    const fromEnv = env[override]?.trim();
    if (fromEnv) return existsSync(fromEnv) ? fromEnv : null;
    const folders = (env.PATH ?? "").split(delimiter).filter(Boolean);
    const suffixes = process.platform === "win32" ? [".exe", ""] : [""];
    for (const name of names) {
        for (const folder of folders) {
            for (const suffix of suffixes) {
                const candidate = join(folder, name + suffix);
                if (isExecutable(candidate)) return candidate;
            }
        }
    }
    return null;
}
