/**
 * Output writing: leftovers of killed runs are removed by the next run, a kill between the two
 * renames is recovered, a symbolic-link --out stays a link.
 */
import { spawnSync } from "child_process";
import { existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { EXIT, runCli } from "../../dax/cli";
import { OUTPUT_FILES } from "../../dax/src/generate";

const fixture = (name: string): string => join(__dirname, "fixtures", name);
const run = (args: string[]): number => runCli(args, { out: () => undefined, err: () => undefined });

/** The id of a process that has ended (a node that exits at once). */
function deadPid(): number {
    const child = spawnSync(process.execPath, ["-e", "process.stdout.write(String(process.pid))"], { encoding: "utf8" });
    return Number(child.stdout);
}

let work: string;
beforeEach(() => { work = mkdtempSync(join(tmpdir(), "dax-write-")); });

test("temporary and backup folders left by a killed run are removed by the next run", () => {
    const out = join(work, "generated");
    expect(run(["--in", fixture("childrens-services.yaml"), "--out", out])).toBe(EXIT.ok);
    const pid = deadPid();
    const tmp = join(work, `.generated.tmp-${pid}-abc123-0badf00d`);
    const old = join(work, `.generated.old-${pid}-abc124-0badf00e`);
    mkdirSync(tmp);
    writeFileSync(join(tmp, OUTPUT_FILES.tmdl), "half written");
    mkdirSync(old);
    writeFileSync(join(old, OUTPUT_FILES.tmdl), "previous");
    expect(run(["--in", fixture("childrens-services.yaml"), "--out", out])).toBe(EXIT.ok);
    expect(readdirSync(work)).toEqual(["generated"]);
    expect(readFileSync(join(out, OUTPUT_FILES.tmdl), "utf8")).toMatch(/^\/\/\/ /);
});

test("a run still going keeps its temporary folder; other outputs' leftovers are not touched", () => {
    const out = join(work, "generated");
    const live = join(work, `.generated.tmp-${process.ppid}-abc123-0badf00d`);
    const other = join(work, `.other.tmp-${deadPid()}-abc123-0badf00d`);
    mkdirSync(live);
    mkdirSync(other);
    expect(run(["--in", fixture("childrens-services.yaml"), "--out", out])).toBe(EXIT.ok);
    expect(readdirSync(work).sort()).toEqual([".generated.tmp-" + `${process.ppid}-abc123-0badf00d`, ".other.tmp-" + other.split(".other.tmp-")[1], "generated"].sort());
});

test("killed between the two renames (--out missing, its backup beside it): the next run restores the folder and keeps the user's files", () => {
    const out = join(work, "generated");
    expect(run(["--in", fixture("childrens-services.yaml"), "--out", out])).toBe(EXIT.ok);
    writeFileSync(join(out, "notes.md"), "mine");
    const pid = deadPid();
    // The state a kill leaves after `rename(out, backup)` and before `rename(temp, out)`.
    const { renameSync } = require("fs") as typeof import("fs");
    renameSync(out, join(work, `.generated.old-${pid}-abc123-0badf00d`));
    mkdirSync(join(work, `.generated.tmp-${pid}-abc123-0badf00d`));
    expect(run(["--in", fixture("childrens-services.csv"), "--out", out])).toBe(EXIT.ok);
    expect(readdirSync(work)).toEqual(["generated"]);
    expect(readFileSync(join(out, "notes.md"), "utf8")).toBe("mine");
    expect(readFileSync(join(out, OUTPUT_FILES.summary), "utf8")).toMatch(/2 KPIs/);
});

test("a symbolic-link --out stays a link; the folder it points to gets the new outputs", () => {
    const real = join(work, "real", "dax");
    mkdirSync(real, { recursive: true });
    writeFileSync(join(real, "notes.md"), "mine");
    const link = join(work, "out");
    symlinkSync(real, link, "dir");
    expect(run(["--in", fixture("childrens-services.yaml"), "--out", link])).toBe(EXIT.ok);
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readdirSync(real).sort()).toEqual([...Object.values(OUTPUT_FILES), "notes.md"].sort());
    expect(readFileSync(join(link, "notes.md"), "utf8")).toBe("mine");
    // A second run through the link replaces the target's contents again and leaves nothing beside it.
    expect(run(["--in", fixture("childrens-services.csv"), "--out", link])).toBe(EXIT.ok);
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readFileSync(join(real, OUTPUT_FILES.summary), "utf8")).toMatch(/2 KPIs/);
    expect(readdirSync(join(work, "real"))).toEqual(["dax"]);
    expect(readdirSync(work).sort()).toEqual(["out", "real"]);
});

test("a dangling link --out creates the folder it names", () => {
    const link = join(work, "out");
    symlinkSync(join(work, "made"), link, "dir");
    expect(run(["--in", fixture("childrens-services.yaml"), "--out", link])).toBe(EXIT.ok);
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(existsSync(join(work, "made", OUTPUT_FILES.tmdl))).toBe(true);
});
