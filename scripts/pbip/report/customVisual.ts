/**
 * The packaged KPI tiles visual (dist/*.pbiviz), included in the report as Power BI Desktop
 * saves a private custom visual imported from a file: the package unzipped under
 * `CustomVisuals/<guid>/` (package.json and resources/<guid>.pbiviz.json) and registered in
 * report.json as a `CustomVisual` resource package whose item is `<guid>.pbiviz.json`.
 */
import * as fs from "fs";
import * as path from "path";
import JSZip from "jszip";

export interface PackagedVisual {
    readonly guid: string;
    readonly version: string;
    readonly displayName: string;
    /** The package's file name in dist/. */
    readonly source: string;
    /** Relative path -> bytes, as they go under CustomVisuals/<guid>/. */
    readonly files: ReadonlyMap<string, Buffer>;
    /** Data role names of the packaged visual's capabilities. */
    readonly roles: readonly string[];
}

/** The visual GUID the project declares in pbiviz.json. */
export function projectVisualGuid(repoRoot: string): string {
    const pbiviz = JSON.parse(fs.readFileSync(path.join(repoRoot, "pbiviz.json"), "utf8")) as { visual?: { guid?: string } };
    const guid = pbiviz.visual?.guid;
    if (!guid) throw new Error("pbiviz.json has no visual.guid");
    return guid;
}

/**
 * Pick the package to include: the newest dist/*.pbiviz whose name starts with the project's
 * GUID (pbiviz package names it `<guid>.<version>.pbiviz`), else the newest .pbiviz.
 */
export function findPackage(distDir: string, guid: string): string {
    const candidates = fs.existsSync(distDir) ? fs.readdirSync(distDir).filter(f => f.endsWith(".pbiviz")) : [];
    if (candidates.length === 0) {
        throw new Error(`No packaged visual found: ${distDir} has no .pbiviz file. Run \`npm run package\` (pbiviz package) first, then \`npm run pbip\` again.`);
    }
    const newest = (files: string[]) => files
        .map(f => ({ f, t: fs.statSync(path.join(distDir, f)).mtimeMs }))
        .sort((a, b) => b.t - a.t || a.f.localeCompare(b.f))[0].f;
    const own = candidates.filter(f => f.startsWith(`${guid}.`));
    return path.join(distDir, newest(own.length > 0 ? own : candidates));
}

export async function readPackage(file: string, expectedGuid: string): Promise<PackagedVisual> {
    const zip = await JSZip.loadAsync(fs.readFileSync(file));
    const packageEntry = zip.file("package.json");
    if (!packageEntry) throw new Error(`${file} is not a Power BI visual package: no package.json inside`);
    const pkg = JSON.parse(await packageEntry.async("string")) as { visual?: { guid?: string; version?: string; displayName?: string } };
    const guid = pkg.visual?.guid;
    if (guid !== expectedGuid) {
        throw new Error(`${path.basename(file)} holds visual ${guid ?? "(no guid)"}, but pbiviz.json declares ${expectedGuid}. Re-run \`npm run package\`.`);
    }
    const metadataName = `resources/${guid}.pbiviz.json`;
    const metadataEntry = zip.file(metadataName);
    if (!metadataEntry) throw new Error(`${path.basename(file)} has no ${metadataName}`);
    const metadata = JSON.parse(await metadataEntry.async("string")) as { capabilities?: { dataRoles?: { name: string }[] } };
    const files = new Map<string, Buffer>();
    for (const entry of Object.values(zip.files).sort((a, b) => a.name.localeCompare(b.name))) {
        if (entry.dir) continue;
        files.set(entry.name, await entry.async("nodebuffer"));
    }
    return {
        guid, version: pkg.visual?.version ?? "", displayName: pkg.visual?.displayName ?? guid, source: path.basename(file), files,
        roles: (metadata.capabilities?.dataRoles ?? []).map(r => r.name),
    };
}

/** The report.json resource package entry Desktop writes for a private visual. */
export function resourcePackage(guid: string): Record<string, unknown> {
    return { name: guid, type: "CustomVisual", items: [{ name: `${guid}.pbiviz.json`, path: `${guid}.pbiviz.json`, type: "CustomVisualMetadata" }] };
}
