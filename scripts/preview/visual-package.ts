/**
 * The packaged visual (dist/<guid>.<version>.pbiviz): a zip whose package.json names one
 * resource, resources/<guid>.pbiviz.json, which holds the visual's metadata, capabilities,
 * string resources and content (the JS bundle, the CSS and the icon). The preview runs that
 * bundle as Power BI would, so it reads everything from the package and nothing from src/.
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import JSZip from "jszip";
import type { CapabilitiesLike } from "./dataview";

export interface VisualPackage {
    readonly path: string;
    readonly sizeBytes: number;
    readonly guid: string;
    readonly displayName: string;
    readonly version: string;
    readonly apiVersion: string;
    readonly capabilities: CapabilitiesLike & Record<string, unknown>;
    /** locale -> key -> text, as the package carries them. */
    readonly stringResources: Record<string, Record<string, string>>;
    readonly js: string;
    readonly css: string;
    readonly iconBase64: string;
}

interface PbivizJson {
    visual: { guid: string; displayName: string; version: string };
    apiVersion: string;
    capabilities: CapabilitiesLike & Record<string, unknown>;
    stringResources?: Record<string, Record<string, string>>;
    content: { js: string; css: string; iconBase64?: string };
}

/** Read a .pbiviz file. Throws with a readable message when it is not a visual package. */
export async function readVisualPackage(path: string): Promise<VisualPackage> {
    const data = readFileSync(path);
    let zip: JSZip;
    try {
        zip = await JSZip.loadAsync(data);
    } catch {
        throw new Error(`${path} is not a .pbiviz package (not a zip file)`);
    }
    const manifestFile = zip.file("package.json");
    if (!manifestFile) throw new Error(`${path} has no package.json: not a .pbiviz package`);
    const manifest = JSON.parse(await manifestFile.async("string")) as { resources?: { file: string }[] };
    const resourcePath = manifest.resources?.[0]?.file;
    const resource = resourcePath ? zip.file(resourcePath) : null;
    if (!resource) throw new Error(`${path}: the resource named in package.json is missing`);
    const pbiviz = JSON.parse(await resource.async("string")) as PbivizJson;
    if (!pbiviz.content?.js || !pbiviz.visual?.guid) throw new Error(`${path}: the resource holds no visual bundle`);
    return {
        path,
        sizeBytes: data.length,
        guid: pbiviz.visual.guid,
        displayName: pbiviz.visual.displayName,
        version: pbiviz.visual.version,
        apiVersion: pbiviz.apiVersion,
        capabilities: pbiviz.capabilities,
        stringResources: pbiviz.stringResources ?? {},
        js: pbiviz.content.js,
        css: pbiviz.content.css ?? "",
        iconBase64: pbiviz.content.iconBase64 ?? "",
    };
}

/** The newest .pbiviz in a dist folder, or null when there is none. */
export function findPackage(distFolder: string): string | null {
    if (!existsSync(distFolder)) return null;
    const files = readdirSync(distFolder)
        .filter(name => name.endsWith(".pbiviz"))
        .map(name => join(distFolder, name))
        .sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs);
    return files[0] ?? null;
}
