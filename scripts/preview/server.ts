/**
 * The preview's web server, on 127.0.0.1 only. It serves:
 *   /                 the host page (host-emulator/page.html)
 *   /sandbox.html     the frame the visual runs in, as Power BI runs each visual in its own frame
 *   /emulator.js|css  the host emulator, bundled by esbuild from host-emulator/
 *   /visual.js|css    the packaged visual's own bundle and style, straight from the .pbiviz
 *   /api/session      the visual's metadata, capabilities and string resources, the dataset's
 *                     problems and the dataView built from it
 * Nothing is fetched from anywhere else; the pages forbid other origins by Content-Security-Policy.
 */
import { createServer, IncomingMessage, Server, ServerResponse } from "node:http";
import { AddressInfo } from "node:net";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { build } from "esbuild";
import { buildDataView, JsonDataView } from "./dataview";
import { withoutWindow } from "./host-emulator/segments";
import type { Dataset, DatasetProblem } from "./dataset";
import type { VisualPackage } from "./visual-package";

const EMULATOR_DIR = join(__dirname, "host-emulator");

export interface SessionPayload {
    visual: { guid: string; displayName: string; version: string; apiVersion: string; sizeBytes: number; path: string };
    capabilities: Record<string, unknown>;
    stringResources: Record<string, Record<string, string>>;
    dataset: {
        folder: string;
        ok: boolean;
        problems: DatasetProblem[];
        kpiCount: number;
        periodCount: number;
        rowCount: number;
        rowsCutOff: number;
        rolesNotInCapabilities: string[];
    };
    /**
     * The query's result (every row; a `top` algorithm cuts it). null when the dataset has errors:
     * the page shows the problems instead of the visual.
     */
    dataView: JsonDataView | null;
}

export interface PreviewServer {
    readonly url: string;
    readonly port: number;
    readonly server: Server;
    close(): Promise<void>;
}

export interface PreviewServerOptions {
    readonly visual: VisualPackage;
    readonly dataset: Dataset;
    /** 0 picks a free port. */
    readonly port?: number;
    /** Try the next ports when `port` is taken (npm start); otherwise fail. */
    readonly findFreePort?: boolean;
}

let emulatorBundle: Promise<string> | null = null;

/** The host emulator as one browser script (built once per process). */
export function bundleEmulator(): Promise<string> {
    emulatorBundle ??= build({
        entryPoints: [join(EMULATOR_DIR, "main.ts")],
        bundle: true,
        write: false,
        format: "iife",
        target: "es2020",
        platform: "browser",
        sourcemap: "inline",
        logLevel: "silent",
    }).then(result => result.outputFiles[0].text);
    return emulatorBundle;
}

const CSP_PAGE = "default-src 'self'; img-src 'self' data: blob:; style-src 'self' 'unsafe-inline'; "
    + "font-src 'self' data:; connect-src 'self'; frame-src 'self'; object-src 'none'; base-uri 'none'";
/**
 * The visual's frame allows inline script (Power BI's own frame does), so that a visual that
 * wrongly turns data into markup is caught running it by the hostile-text test, not hidden by CSP.
 */
const CSP_SANDBOX = "default-src 'self'; script-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; "
    + "style-src 'self' 'unsafe-inline'; font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'";

export function sessionPayload(visual: VisualPackage, dataset: Dataset): SessionPayload {
    // The whole query: with a `window` algorithm the page serves it in windows, as Power BI does (host-emulator/segments.ts).
    const built = dataset.ok ? buildDataView(dataset.rows, withoutWindow(visual.capabilities)) : null;
    return {
        visual: {
            guid: visual.guid, displayName: visual.displayName, version: visual.version,
            apiVersion: visual.apiVersion, sizeBytes: visual.sizeBytes, path: visual.path,
        },
        capabilities: visual.capabilities,
        stringResources: visual.stringResources,
        dataset: {
            folder: dataset.folder,
            ok: dataset.ok,
            problems: [...dataset.problems],
            kpiCount: dataset.kpiCount,
            periodCount: dataset.periodCount,
            rowCount: dataset.rows.length,
            rowsCutOff: built?.rowsCutOff ?? 0,
            rolesNotInCapabilities: [...(built?.rolesNotInCapabilities ?? [])],
        },
        dataView: built?.dataView ?? null,
    };
}

function send(response: ServerResponse, status: number, type: string, body: string | Buffer, csp?: string): void {
    const headers: Record<string, string> = {
        "Content-Type": type,
        "Cache-Control": "no-store",
        "X-Content-Type-Options": "nosniff",
    };
    if (csp) headers["Content-Security-Policy"] = csp;
    response.writeHead(status, headers);
    response.end(body);
}

function listen(server: Server, port: number): Promise<number> {
    return new Promise((resolve, reject) => {
        const onError = (error: Error): void => { server.off("listening", onListening); reject(error); };
        const onListening = (): void => { server.off("error", onError); resolve((server.address() as AddressInfo).port); };
        server.once("error", onError);
        server.once("listening", onListening);
        server.listen(port, "127.0.0.1");
    });
}

/** Start the preview server. */
export async function startPreviewServer(options: PreviewServerOptions): Promise<PreviewServer> {
    const emulator = await bundleEmulator();
    const page = readFileSync(join(EMULATOR_DIR, "page.html"), "utf8");
    const sandbox = readFileSync(join(EMULATOR_DIR, "sandbox.html"), "utf8");
    const css = readFileSync(join(EMULATOR_DIR, "emulator.css"), "utf8");
    const session = JSON.stringify(sessionPayload(options.visual, options.dataset));
    const icon = options.visual.iconBase64.replace(/^data:[^,]*,/, "");

    const server = createServer((request: IncomingMessage, response: ServerResponse) => {
        const path = new URL(request.url ?? "/", "http://127.0.0.1").pathname;
        if (request.method !== "GET" && request.method !== "HEAD") {
            send(response, 405, "text/plain; charset=utf-8", "Method not allowed");
            return;
        }
        switch (path) {
            case "/": return send(response, 200, "text/html; charset=utf-8", page, CSP_PAGE);
            case "/sandbox.html": return send(response, 200, "text/html; charset=utf-8", sandbox, CSP_SANDBOX);
            case "/emulator.js": return send(response, 200, "text/javascript; charset=utf-8", emulator);
            case "/emulator.css": return send(response, 200, "text/css; charset=utf-8", css);
            case "/visual.js": return send(response, 200, "text/javascript; charset=utf-8", options.visual.js);
            case "/visual.css": return send(response, 200, "text/css; charset=utf-8", options.visual.css);
            case "/icon.png": return send(response, 200, "image/png", Buffer.from(icon, "base64"));
            case "/api/session": return send(response, 200, "application/json; charset=utf-8", session);
            default: return send(response, 404, "text/plain; charset=utf-8", "Not found");
        }
    });

    let port = options.port ?? 0;
    for (let attempt = 0; ; attempt++) {
        try {
            port = await listen(server, port);
            break;
        } catch (error) {
            const code = (error as NodeJS.ErrnoException).code;
            if (code === "EADDRINUSE" && options.findFreePort && attempt < 50 && port !== 0) {
                port++;
                continue;
            }
            throw error;
        }
    }
    return {
        url: `http://127.0.0.1:${port}/`,
        port,
        server,
        close: () => new Promise<void>(resolve => {
            server.closeAllConnections();
            server.close(() => resolve());
        }),
    };
}
