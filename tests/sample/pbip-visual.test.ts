/**
 * The packaged visual inside the sample Power BI Project is what the committed sources build,
 * and packaging is byte-reproducible.
 *
 * `npm test` packages the visual (dist/) before Jest runs, so in `npm test` and `.ci/run` the
 * first test compares sample/pbip's copy with a package of the sources as they are. Run alone,
 * it compares only when dist/ is at least as new as every source of the visual (else it says
 * so and skips: package first with `npm run package`).
 */
import * as fs from "fs";
import * as path from "path";
import JSZip from "jszip";
import { findPackage, projectVisualGuid, readPackage } from "../../scripts/pbip/report/customVisual";
import { FIXED_ZIP_DATE, normalisedPackage } from "../../scripts/pbip/normalise-package";
import { listFiles, REPORT_DIR } from "./pbip-files";

const REPO = path.resolve(__dirname, "../..");
const guid = projectVisualGuid(REPO);
const DIST = path.join(REPO, "dist");

/** Newest modification time of the files the visual is packaged from. */
function newestSource(): number {
    const roots = ["src", "style", "stringResources", "assets", "capabilities.json", "pbiviz.json", "package.json", "tsconfig.json"].map(p => path.join(REPO, p));
    let newest = 0;
    const walk = (p: string) => {
        if (!fs.existsSync(p)) return;
        const stat = fs.statSync(p);
        if (stat.isDirectory()) fs.readdirSync(p).forEach(f => walk(path.join(p, f)));
        else newest = Math.max(newest, stat.mtimeMs);
    };
    roots.forEach(walk);
    return newest;
}

function freshPackage(): string | null {
    let file: string;
    try {
        file = findPackage(DIST, guid);
    } catch {
        return null;
    }
    return fs.statSync(file).mtimeMs >= newestSource() ? file : null;
}

describe("the packaged visual in sample/pbip", () => {
    const fresh = freshPackage();
    if (!fresh) process.stdout.write("pbip-visual: dist/ has no package newer than the visual's sources; run `npm run package` to compare sample/pbip's visual with the sources\n");

    (fresh ? it : it.skip)("equals a fresh package of the sources, file for file, byte for byte (refresh: npm run package && npm run pbip)", async () => {
        const built = await readPackage(fresh!, guid);
        const folder = path.join(REPORT_DIR, "CustomVisuals", guid);
        const committed = listFiles(folder);
        expect(committed).toEqual([...built.files.keys()].sort());
        for (const [rel, bytes] of built.files) {
            const same = fs.readFileSync(path.join(folder, rel)).equals(bytes);
            expect(`${rel}: ${same ? "same bytes" : `differs (committed ${fs.statSync(path.join(folder, rel)).size} B, built ${bytes.length} B)`}`).toBe(`${rel}: same bytes`);
        }
    });
});

describe("packaging is byte-reproducible", () => {
    async function zipAt(date: Date, files: [string, string][]): Promise<Buffer> {
        const zip = new JSZip();
        for (const [name, text] of files) {
            if (name.endsWith("/")) zip.folder(name.slice(0, -1));
            else zip.file(name, text, { date });
        }
        for (const entry of Object.values(zip.files)) entry.date = date;
        return zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
    }
    const entries: [string, string][] = [["package.json", "{\"visual\":{}}"], ["resources/", ""], ["resources/x.pbiviz.json", "{\"content\":\"x\".repeat(10)}"]];

    it("two packages that differ only in their entries' dates normalise to the same bytes, with the contents and order kept", async () => {
        const a = await zipAt(new Date("2026-12-01T10:00:00Z"), entries);
        const b = await zipAt(new Date("2026-12-02T23:59:58Z"), entries);
        expect(a.equals(b)).toBe(false);
        const na = await normalisedPackage(a);
        const nb = await normalisedPackage(b);
        expect(na.equals(nb)).toBe(true);
        expect((await normalisedPackage(na)).equals(na)).toBe(true);
        const read = await JSZip.loadAsync(na);
        expect(Object.keys(read.files)).toEqual(["package.json", "resources/", "resources/x.pbiviz.json"]);
        expect(await read.file("resources/x.pbiviz.json")!.async("string")).toBe(entries[2][1]);
        for (const entry of Object.values(read.files)) expect(entry.date.toISOString()).toBe(FIXED_ZIP_DATE.toISOString());
    });

    it("npm run package normalises after pbiviz package", () => {
        const pkg = JSON.parse(fs.readFileSync(path.join(REPO, "package.json"), "utf8")) as { scripts: Record<string, string> };
        expect(pkg.scripts.package).toBe("pbiviz package && tsx scripts/pbip/normalise-package.ts");
    });

    it("npm test packages as npm run package does: pbiviz package, then the normalisation, as one check", () => {
        const runner = fs.readFileSync(path.join(REPO, "tests", "run-all.mjs"), "utf8");
        expect(runner).toMatch(/step\("pbiviz package", bin\("pbiviz"\), \["package"\]\) && step\("normalise package", bin\("tsx"\), \["scripts\/pbip\/normalise-package\.ts"\]\)/);
        expect(runner).not.toMatch(/check\("pbiviz package"/);
    });
});
