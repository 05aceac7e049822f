/**
 * Make a packaged visual byte-reproducible: `pbiviz package` (powerbi-visuals-webpack-plugin)
 * zips the package with the time of packaging on every entry, so two packages of the same
 * sources differ in their zip headers only. This rewrites `dist/<guid>.<version>.pbiviz` with
 * the same entries, in the same order, with the same bytes, stamped with one fixed date and
 * deflated the same way, so the same sources give the same file on any machine, at any time.
 * `npm run package` runs it after `pbiviz package`. Usage: tsx scripts/pbip/normalise-package.ts [file ...]
 */
import * as fs from "fs";
import * as path from "path";
import JSZip from "jszip";

/** The date every entry carries (zip stores it without a time zone; JSZip writes UTC). */
export const FIXED_ZIP_DATE = new Date("2000-01-01T00:00:00Z");

/** The normalised bytes of a .pbiviz (or any zip). */
export async function normalisedPackage(bytes: Buffer): Promise<Buffer> {
    const source = await JSZip.loadAsync(bytes);
    const out = new JSZip();
    // JSZip keeps the order the entries were read in, which is the order pbiviz wrote them.
    for (const entry of Object.values(source.files)) {
        if (entry.dir) out.folder(entry.name.replace(/\/$/, ""));
        else out.file(entry.name, await entry.async("nodebuffer"), { date: FIXED_ZIP_DATE, createFolders: false });
    }
    for (const entry of Object.values(out.files)) entry.date = FIXED_ZIP_DATE;
    return out.generateAsync({ type: "nodebuffer", compression: "DEFLATE", compressionOptions: { level: 9 }, platform: "DOS" });
}

async function normaliseFile(file: string): Promise<boolean> {
    const before = fs.readFileSync(file);
    const after = await normalisedPackage(before);
    if (before.equals(after)) return false;
    const temp = `${file}.${process.pid}.tmp`;
    fs.writeFileSync(temp, after);
    fs.renameSync(temp, file);
    return true;
}

async function main(): Promise<number> {
    const repo = path.resolve(__dirname, "../..");
    const files = process.argv.slice(2).length > 0
        ? process.argv.slice(2)
        : fs.readdirSync(path.join(repo, "dist")).filter(f => f.endsWith(".pbiviz")).map(f => path.join(repo, "dist", f));
    if (files.length === 0) {
        console.error("normalise-package: no .pbiviz in dist/ (run pbiviz package first)");
        return 1;
    }
    for (const file of files) console.log(`${path.relative(process.cwd(), file)}: ${(await normaliseFile(file)) ? "normalised (fixed entry dates)" : "already normalised"}`);
    return 0;
}

if (require.main === module) void main().then(code => { process.exitCode = code; }, error => { console.error(`normalise-package: ${error instanceof Error ? error.message : String(error)}`); process.exitCode = 1; });
