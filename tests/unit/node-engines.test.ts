/**
 * The Node.js versions the README names are ones every installed package declares support for,
 * so `npm ci` on them prints no EBADENGINE warning (package-lock.json holds each package's
 * `engines`). The range check reads npm's range syntax as the lock uses it: `||` alternatives of
 * comparators (`>=`, `>`, `<`, `<=`, `=`), caret, tilde and x-ranges, `*`.
 */
import * as fs from "fs";
import * as path from "path";

const REPO = path.resolve(__dirname, "../..");
type Version = [number, number, number];

function parse(v: string): Version {
    const [a = "0", b = "0", c = "0"] = v.replace(/^v/, "").split(".");
    return [Number(a), Number(b), Number(c)];
}
const cmp = (a: Version, b: Version) => a[0] - b[0] || a[1] - b[1] || a[2] - b[2];

function comparator(v: Version, c: string): boolean {
    const m = /^(>=|<=|>|<|=|\^|~)?\s*v?([0-9x*]+)(?:\.([0-9x*]+))?(?:\.([0-9x*]+))?$/.exec(c.trim());
    if (!m) throw new Error(`cannot read range part ${JSON.stringify(c)}`);
    const [, op = "", ...parts] = m;
    const wild = (p: string | undefined) => p === undefined || p === "x" || p === "*";
    const nums = parts.map(p => (wild(p) ? 0 : Number(p))) as Version;
    if (op === "" || op === "=") {
        if (wild(parts[0])) return true;
        if (wild(parts[1])) return v[0] === nums[0];
        if (wild(parts[2])) return v[0] === nums[0] && v[1] === nums[1];
        return cmp(v, nums) === 0;
    }
    if (op === "^") return v[0] === nums[0] && cmp(v, nums) >= 0;
    if (op === "~") return v[0] === nums[0] && (wild(parts[1]) || v[1] === nums[1]) && cmp(v, nums) >= 0;
    const d = cmp(v, nums);
    return op === ">=" ? d >= 0 : op === ">" ? d > 0 : op === "<" ? d < 0 : d <= 0;
}

export function satisfies(version: string, range: string): boolean {
    const v = parse(version);
    return range.split("||").some(alt => {
        const parts = alt.trim().replace(/(>=|<=|>|<|=|\^|~)\s+/g, "$1").split(/\s+/).filter(p => p !== "");
        return parts.length === 0 || parts.every(p => p === "*" || comparator(v, p));
    });
}

const lock = JSON.parse(fs.readFileSync(path.join(REPO, "package-lock.json"), "utf8")) as { packages: Record<string, { engines?: { node?: string } | string[] }> };
const engines = Object.entries(lock.packages)
    .filter(([p, info]) => p !== "" && info.engines && !Array.isArray(info.engines) && info.engines.node)
    .map(([p, info]) => ({ name: p.replace(/^.*node_modules\//, ""), range: (info.engines as { node: string }).node }));
const unsupported = (version: string) => engines.filter(e => !satisfies(version, e.range)).map(e => `${e.name} (${e.range})`);

describe("Node.js versions", () => {
    const readme = fs.readFileSync(path.join(REPO, "README.md"), "utf8");
    const named = /You need Node\.js (\d+\.\d+) or later/.exec(readme);

    it("the range reader reads npm ranges", () => {
        expect(satisfies("20.20.2", ">=22")).toBe(false);
        expect(satisfies("22.13.0", "^20.19.0 || ^22.13.0 || >=24")).toBe(true);
        expect(satisfies("22.12.0", "^20.19.0 || ^22.13.0 || >=24")).toBe(false);
        expect(satisfies("20.9.0", "^18.18.0 || ^20.9.0 || >=21.1.0")).toBe(true);
        expect(satisfies("10.0.0", "6.* || 8.* || >= 10.*")).toBe(true);
        expect(satisfies("16.1.0", ">=16 || 14 >=14.17")).toBe(true);
    });

    it("every package supports the oldest Node.js the README names, and the one before it does not qualify", () => {
        expect(named).not.toBeNull();
        const [major, minor] = named![1].split(".").map(Number);
        expect(unsupported(`${major}.${minor}.0`)).toEqual([]);
        expect(unsupported(`${major}.${minor - 1}.0`).length + unsupported("20.20.2").length).toBeGreaterThan(0);
        for (const later of ["24.0.0", "25.0.0"]) expect(unsupported(later)).toEqual([]);
    });

    it("package.json's engines field says the same", () => {
        const pkg = JSON.parse(fs.readFileSync(path.join(REPO, "package.json"), "utf8")) as { engines: { node: string } };
        const [major, minor] = named![1].split(".").map(Number);
        expect(satisfies(`${major}.${minor}.0`, pkg.engines.node)).toBe(true);
        expect(satisfies(`${major}.${minor - 1}.0`, pkg.engines.node)).toBe(false);
        expect(satisfies("24.0.0", pkg.engines.node)).toBe(true);
    });
});
