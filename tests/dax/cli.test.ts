import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { EXIT, runCli } from "../../dax/cli";
import { OUTPUT_FILES } from "../../dax/src/generate";

const fixture = (name: string): string => join(__dirname, "fixtures", name);

function run(args: string[]): { code: number; out: string[]; err: string[] } {
    const out: string[] = [];
    const err: string[] = [];
    const code = runCli(args, { out: l => out.push(l), err: l => err.push(l) });
    return { code, out, err };
}

let work: string;
beforeEach(() => { work = mkdtempSync(join(tmpdir(), "dax-cli-")); });

test("writes every output for a valid dictionary", () => {
    const out = join(work, "generated");
    const r = run(["--in", fixture("childrens-services.yaml"), "--out", out]);
    expect(r.code).toBe(EXIT.ok);
    expect(readdirSync(out).sort()).toEqual(Object.values(OUTPUT_FILES).sort());
    expect(r.out[0]).toMatch(/^5 KPIs, \d+ measures/);
    // No temporary or backup folders are left beside the output.
    expect(readdirSync(work)).toEqual(["generated"]);
});

test("every validation error is printed, the exit code is non-zero and nothing is written", () => {
    const out = join(work, "generated");
    const r = run(["--in", fixture("every-error.yaml"), "--out", out]);
    expect(r.code).toBe(EXIT.invalid);
    expect(r.err.filter(l => / error: /.test(l))).toHaveLength(12);
    expect(r.err[r.err.length - 1]).toBe(`12 errors in ${fixture("every-error.yaml")}; nothing was written.`);
    expect(existsSync(out)).toBe(false);
});

test("a failing run leaves the previous outputs untouched", () => {
    const out = join(work, "generated");
    expect(run(["--in", fixture("childrens-services.yaml"), "--out", out]).code).toBe(EXIT.ok);
    writeFileSync(join(out, "README.txt"), "kept");
    const before = new Map(readdirSync(out).map(f => [f, readFileSync(join(out, f), "utf8")]));
    expect(run(["--in", fixture("every-error.yaml"), "--out", out]).code).toBe(EXIT.invalid);
    expect(new Map(readdirSync(out).map(f => [f, readFileSync(join(out, f), "utf8")]))).toEqual(before);
});

test("a rerun replaces generated files, keeps files the generator does not own, and leaves no temporary folder", () => {
    const out = join(work, "generated");
    expect(run(["--in", fixture("childrens-services.yaml"), "--out", out]).code).toBe(EXIT.ok);
    writeFileSync(join(out, "notes.md"), "mine");
    writeFileSync(join(out, OUTPUT_FILES.summary), "stale");
    expect(run(["--in", fixture("childrens-services.csv"), "--out", out]).code).toBe(EXIT.ok);
    expect(readFileSync(join(out, "notes.md"), "utf8")).toBe("mine");
    expect(readFileSync(join(out, OUTPUT_FILES.summary), "utf8")).toMatch(/2 KPIs/);
    expect(existsSync(join(out, OUTPUT_FILES.perKpiQuery))).toBe(false);
    expect(readdirSync(work)).toEqual(["generated"]);
});

test("a write failure reports, exits non-zero and keeps the previous outputs", () => {
    if (process.getuid && process.getuid() === 0) {
        // root ignores directory permissions; use an output path that is a file instead.
        const file = join(work, "generated");
        writeFileSync(file, "not a folder");
        const r = run(["--in", fixture("childrens-services.yaml"), "--out", file]);
        expect(r.code).toBe(EXIT.writeFailed);
        expect(readFileSync(file, "utf8")).toBe("not a folder");
        expect(readdirSync(work)).toEqual(["generated"]);
        return;
    }
    const parent = join(work, "locked");
    mkdirSync(parent);
    const out = join(parent, "generated");
    expect(run(["--in", fixture("childrens-services.yaml"), "--out", out]).code).toBe(EXIT.ok);
    const before = readFileSync(join(out, OUTPUT_FILES.tmdl), "utf8");
    chmodSync(parent, 0o555);
    try {
        expect(run(["--in", fixture("childrens-services.csv"), "--out", out]).code).toBe(EXIT.writeFailed);
        expect(readFileSync(join(out, OUTPUT_FILES.tmdl), "utf8")).toBe(before);
    } finally {
        chmodSync(parent, 0o755);
    }
});

test("--check reports stale outputs without writing", () => {
    const out = join(work, "generated");
    expect(run(["--in", fixture("childrens-services.yaml"), "--out", out, "--check"]).code).toBe(EXIT.stale);
    expect(existsSync(out)).toBe(false);
    run(["--in", fixture("childrens-services.yaml"), "--out", out]);
    expect(run(["--in", fixture("childrens-services.yaml"), "--out", out, "--check"]).code).toBe(EXIT.ok);
});

test("usage errors", () => {
    expect(run([]).code).toBe(EXIT.usage);
    expect(run(["--in", "x.yaml", "--bogus"]).code).toBe(EXIT.usage);
    const r = run(["--in", join(work, "missing.yaml"), "--out", join(work, "o")]);
    expect(r.code).toBe(EXIT.invalid);
    expect(r.err[0]).toMatch(/cannot read the file/);
    const bad = join(work, "d.txt");
    writeFileSync(bad, "x");
    expect(run(["--in", bad, "--out", join(work, "o")]).err[0]).toMatch(/file type is not recognised \(allowed: \.yaml, \.yml, \.json or \.csv\)/);
});

test("generation is deterministic: two runs give identical bytes", () => {
    run(["--in", fixture("hostile-names.yaml"), "--out", join(work, "a")]);
    run(["--in", fixture("hostile-names.yaml"), "--out", join(work, "b")]);
    for (const f of readdirSync(join(work, "a"))) {
        expect(readFileSync(join(work, "b", f), "utf8")).toBe(readFileSync(join(work, "a", f), "utf8"));
    }
});
