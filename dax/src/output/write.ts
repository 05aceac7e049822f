import { copyFileSync, existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from "fs";
import { randomBytes } from "crypto";
import { basename, dirname, join, resolve } from "path";

/**
 * Write a set of files into `outDir` atomically: everything is written into a temporary folder
 * beside `outDir` (same parent, so the rename stays on one file system), files in `outDir` that
 * this run does not produce (and the generator does not own: `owned`) are carried over, then the old folder is swapped out by rename.
 * If anything fails before the swap, the previous outputs are untouched and the temporary
 * folder is removed.
 */
export function writeOutputsAtomically(outDir: string, files: ReadonlyMap<string, string>, owned: ReadonlySet<string> = new Set()): void {
    const target = resolve(outDir);
    const parent = dirname(target);
    mkdirSync(parent, { recursive: true });
    const stamp = `${process.pid}-${Date.now().toString(36)}-${randomBytes(4).toString("hex")}`;
    const temp = join(parent, `.${basename(target)}.tmp-${stamp}`);
    const backup = join(parent, `.${basename(target)}.old-${stamp}`);
    try {
        mkdirSync(temp);
        for (const [name, content] of files) {
            if (name.includes("/") || name.includes("\\") || name.startsWith(".")) throw new Error(`bad output file name ${name}`);
            writeFileSync(join(temp, name), content, "utf8");
        }
        if (existsSync(target)) {
            if (!statSync(target).isDirectory()) throw new Error(`${outDir} exists and is not a folder`);
            for (const entry of readdirSync(target, { withFileTypes: true })) {
                if (files.has(entry.name) || owned.has(entry.name)) continue;
                if (entry.isFile()) copyFileSync(join(target, entry.name), join(temp, entry.name));
                else throw new Error(`${outDir} holds a folder (${entry.name}); the generator only replaces folders of files`);
            }
            renameSync(target, backup);
            try {
                renameSync(temp, target);
            } catch (error) {
                renameSync(backup, target);
                throw error;
            }
            rmSync(backup, { recursive: true, force: true });
        } else {
            renameSync(temp, target);
        }
    } finally {
        rmSync(temp, { recursive: true, force: true });
    }
}
