import * as fs from "fs";
import * as path from "path";
import powerbi from "powerbi-visuals-api";
import { createVisualHost } from "powerbi-visuals-utils-testutils";
import { Visual } from "../../../src/visual";

import DataView = powerbi.DataView;
import IVisualHost = powerbi.extensibility.visual.IVisualHost;
import VisualUpdateOptions = powerbi.extensibility.visual.VisualUpdateOptions;

export interface Harness {
    readonly visual: Visual;
    readonly host: IVisualHost;
    readonly element: HTMLElement;
    readonly events: { started: number; finished: number; failed: string[] };
    update(dataView: DataView | undefined, viewport?: { width: number; height: number }): void;
    tiles(): HTMLElement[];
}

export interface HarnessOptions {
    readonly locale?: string;
    /** Strings the host returns; default: stringResources/<locale> over en-US, as Power BI does. */
    readonly displayNames?: Record<string, string>;
    readonly allowInteractions?: boolean;
    readonly highContrast?: { foreground: string; background: string; foregroundSelected: string };
}

/** A real Visual on testutils' host mocks, counting rendering events. */
export function createHarness(options: HarnessOptions = {}): Harness {
    const locale = options.locale ?? "en-US";
    const host = createVisualHost({
        locale: { [locale]: locale },
        displayNames: options.displayNames,
        allowInteractions: options.allowInteractions ?? true,
    });
    // testutils' host returns "" for every key; answer like Power BI does from stringResources.
    const strings = { ...resources("en-US"), ...resources(locale), ...(options.displayNames ?? {}) };
    host.createLocalizationManager = () => ({ getDisplayName: (key: string) => strings[key] ?? "" });
    if (options.highContrast) {
        const hc = options.highContrast;
        const palette = {
            isHighContrast: true,
            foreground: { value: hc.foreground },
            background: { value: hc.background },
            foregroundSelected: { value: hc.foregroundSelected },
            hyperlink: { value: hc.foregroundSelected },
            getColor: () => ({ value: hc.foreground }),
            reset: () => palette,
        };
        Object.defineProperty(host, "colorPalette", { get: () => palette });
    }
    const events = { started: 0, finished: 0, failed: [] as string[] };
    host.eventService.renderingStarted = () => { events.started++; };
    host.eventService.renderingFinished = () => { events.finished++; };
    host.eventService.renderingFailed = (_o: unknown, reason?: string) => { events.failed.push(reason ?? ""); };
    const element = document.createElement("div");
    document.body.appendChild(element);
    const visual = new Visual({ host, element } as powerbi.extensibility.visual.VisualConstructorOptions);
    return {
        visual, host, element, events,
        update(dataView, viewport = { width: 900, height: 600 }) {
            visual.update({ dataViews: dataView ? [dataView] : [], viewport, type: 2 } as unknown as VisualUpdateOptions);
        },
        tiles() {
            return Array.from(element.querySelectorAll<HTMLElement>(".kpi-tile"));
        },
    };
}

/** The strings of one stringResources locale ({} when the locale has none). */
export function resources(locale: string): Record<string, string> {
    const file = path.join(__dirname, "../../../stringResources", locale, "resources.resjson");
    return fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, "utf8")) : {};
}
