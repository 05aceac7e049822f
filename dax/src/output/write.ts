import {
    closeSync, copyFileSync, existsSync, lstatSync, mkdirSync, openSync, readdirSync, readlinkSync, realpathSync, renameSync, rmSync, statSync,
} from "fs";
import { randomBytes } from "crypto";
import { basename, dirname, join, resolve } from "path";
import { FileSink, TextSink, WriteFailure } from "./sink";

/**
 * Write a set of files into `outDir` atomically (docs/dax-generator.md, "What a kill leaves"):
 *
 * 1. Leftovers of earlier runs that were killed (`.<out>.tmp-<pid>-*`, `.<out>.old-<pid>-*`
 *    beside the folder, from a process that no longer runs) are removed; when the folder itself
 *    is missing because a run was killed between its two renames, its `.old` copy is put back first.
 * 2. Everything is written into a new temporary folder beside `outDir` (same parent, so the
 *    renames stay on one file system); files in `outDir` that this run does not produce (and the
 *    generator does not own: `owned`) are copied over.
 * 3. Swap: `outDir` is renamed to the backup name and the temporary folder to `outDir`, two
 *    renames one after the other (Node has no atomic exchange, so between them `outDir` is
 *    missing for the time of one system call); then the backup is removed.
 *
 * If anything fails before the swap, the previous outputs are untouched and the temporary
 * folder is removed. A symbolic-link `outDir` stays a link: the folder it points to is the one
 * replaced.
 */
export function writeOutputsAtomically(outDir: string, files: ReadonlyMap<string, string>, owned: ReadonlySet<string> = new Set()): void {
    writeOutputsAtomicallyWith(outDir, open => {
        for (const [file, content] of files) open(file).write(content);
    }, owned);
}

/**
 * writeOutputsAtomically for files written a piece at a time: `produce` asks `open` for a sink
 * per file (each name once) and writes to it; the text goes straight into the file of that name
 * in the temporary folder, so no file is ever held whole in memory. The same steps and the same
 * guarantees: the swap happens only after `produce` returned and every file was written and
 * closed; if `produce` throws (what it throws is thrown on; opening or writing a file throws
 * WriteFailure), or anything else fails, the previous outputs are untouched and the temporary
 * folder is removed.
 */
export function writeOutputsAtomicallyWith(outDir: string, produce: (open: (file: string) => TextSink) => void,
    owned: ReadonlySet<string> = new Set()): void {
    const target = followLink(resolve(outDir));
    const parent = dirname(target);
    const name = basename(target);
    mkdirSync(parent, { recursive: true });
    removeLeftovers(parent, name);
    const stamp = `${process.pid}-${Date.now().toString(36)}-${randomBytes(4).toString("hex")}`;
    const temp = join(parent, `.${name}.tmp-${stamp}`);
    const backup = join(parent, `.${name}.old-${stamp}`);
    try {
        mkdirSync(temp);
        const written = new Map<string, { fd: number; sink: FileSink }>();
        try {
            const open = (file: string): TextSink => {
                if (file.includes("/") || file.includes("\\") || file.startsWith(".")) throw new Error(`bad output file name ${file}`);
                if (written.has(file)) throw new Error(`output file ${file} opened twice`);
                let fd: number;
                try {
                    fd = openSync(join(temp, file), "wx");
                } catch (error) {
                    throw new WriteFailure(error);
                }
                const sink = new FileSink(fd);
                written.set(file, { fd, sink });
                return sink;
            };
            produce(open);
            for (const { sink } of written.values()) sink.end();
        } finally {
            for (const { fd } of written.values()) closeSync(fd);
        }
        const files = written;
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

/**
 * The folder a symbolic link points to (links followed to the end), so the link itself is
 * kept; the path itself when it is not a link. A dangling link gives the path it names.
 */
function followLink(path: string): string {
    let current = path;
    for (let hops = 0; hops < 40; hops++) {
        let isLink: boolean;
        try {
            isLink = lstatSync(current).isSymbolicLink();
        } catch {
            return current;
        }
        if (!isLink) return realpathOrSelf(current);
        current = resolve(dirname(current), readlinkSync(current));
    }
    throw new Error(`${path}: too many levels of symbolic links`);
}

function realpathOrSelf(path: string): string {
    try {
        return realpathSync(path);
    } catch {
        return path;
    }
}

const LEFTOVER = /^\.(.+)\.(tmp|old)-(\d+)-[0-9a-z]+-[0-9a-f]+$/;

/** True when a process with this id runs (on this machine); unknown counts as running. */
function isRunning(pid: number): boolean {
    if (pid === process.pid) return false;
    try {
        process.kill(pid, 0);
        return true;
    } catch (error) {
        return (error as NodeJS.ErrnoException).code === "EPERM";
    }
}

/**
 * Remove the temporary and backup folders of runs on `name` that were killed (their process is
 * gone); a run still going keeps its own. A missing output folder whose backup survived (a
 * kill between the two renames) is restored from the newest backup first.
 */
export function removeLeftovers(parent: string, name: string): void {
    let entries: string[];
    try {
        entries = readdirSync(parent);
    } catch {
        return;
    }
    const dead = entries
        .map(entry => ({ entry, match: LEFTOVER.exec(entry) }))
        .filter(({ match }) => match !== null && match[1] === name && !isRunning(Number(match[3])));
    const target = join(parent, name);
    if (!existsSync(target)) {
        const backups = dead.filter(({ match }) => match![2] === "old").map(({ entry }) => entry)
            .sort((a, b) => statSync(join(parent, a)).mtimeMs - statSync(join(parent, b)).mtimeMs);
        const newest = backups[backups.length - 1];
        if (newest) renameSync(join(parent, newest), target);
    }
    for (const { entry } of dead) rmSync(join(parent, entry), { recursive: true, force: true });
}
