import { readFileSync } from "node:fs";
import { join } from "node:path";
import powerbi from "powerbi-visuals-api";
import { createVisualHost } from "powerbi-visuals-utils-testutils";

import { Visual } from "../../../src/visual";
import { buildDataView, BuildOptions } from "../helpers/buildDataView";
import { KeyedSelectionId } from "../interaction/fixtures";

import DataView = powerbi.DataView;
import IVisualHost = powerbi.extensibility.visual.IVisualHost;
import VisualUpdateOptions = powerbi.extensibility.visual.VisualUpdateOptions;

export { buildDataView, FULL_ROLES } from "../helpers/buildDataView";
export { failOnConsoleError, KeyedSelectionId } from "../interaction/fixtures";

/** VisualUpdateType values (powerbi-visuals-api's const enum is not available at run time). */
export const UpdateType = { Data: 2, Resize: 4, ViewMode: 8, Style: 16, All: 62 } as const;

export interface MountOptions {
    locale?: string;
    allowInteractions?: boolean;
    palette?: Partial<powerbi.extensibility.ISandboxExtendedColorPalette>;
}

export interface Mounted {
    visual: Visual;
    host: IVisualHost;
    element: HTMLElement;
    started: jest.SpyInstance;
    finished: jest.SpyInstance;
    failed: jest.SpyInstance;
    update(dataView: DataView | undefined | null, viewport?: powerbi.IViewport, type?: number): void;
    tiles(): HTMLElement[];
}

/** The string resources Power BI would load for `locale` (stringResources/<locale>/resources.resjson). */
export function resources(locale: string): Record<string, string> {
    const file = join(__dirname, "..", "..", "..", "stringResources", locale, "resources.resjson");
    return JSON.parse(readFileSync(file, "utf8")) as Record<string, string>;
}

/**
 * The real Visual on testutils' host mocks, with the parts of the host the mocks leave out filled
 * in the way Power BI behaves: a localisation manager that answers from the visual's own
 * stringResources for the host's locale, selection ids that compare by the KPI they identify,
 * and the palette (e.g. high contrast) given.
 */
export function mountVisual(options: MountOptions = {}): Mounted {
    document.body.replaceChildren();
    const element = document.createElement("div");
    document.body.appendChild(element);
    const locale = options.locale ?? "en-GB";
    const host = createVisualHost({ locale: { [locale]: locale }, allowInteractions: options.allowInteractions ?? true });
    const strings = resourcesOrEmpty(locale);
    host.createLocalizationManager = () => ({ getDisplayName: (key: string) => strings[key] ?? key });
    host.createSelectionIdBuilder = () => keyedSelectionIdBuilder();
    if (options.palette !== undefined) {
        const palette = { ...host.colorPalette, ...options.palette };
        Object.defineProperty(host, "colorPalette", { get: () => palette });
    }
    const visual = new Visual({ element, host } as powerbi.extensibility.visual.VisualConstructorOptions);
    const events = host.eventService;
    const mounted: Mounted = {
        visual, host, element,
        started: jest.spyOn(events, "renderingStarted"),
        finished: jest.spyOn(events, "renderingFinished"),
        failed: jest.spyOn(events, "renderingFailed"),
        update(dataView, viewport = { width: 640, height: 480 }, type = UpdateType.All) {
            const update = {
                dataViews: dataView === undefined ? [] : dataView === null ? undefined : [dataView],
                viewport, type, viewMode: 1, editMode: 0, operationKind: 0,
            } as unknown as VisualUpdateOptions;
            visual.update(update);
        },
        tiles: () => Array.from(element.querySelectorAll<HTMLElement>(".kpi-tile")),
    };
    return mounted;
}

function resourcesOrEmpty(locale: string): Record<string, string> {
    try {
        return resources(locale);
    } catch {
        return {};
    }
}

/** Ids keyed by the category value, as the host's ids are keyed by their data selector. */
function keyedSelectionIdBuilder(): powerbi.visuals.ISelectionIdBuilder {
    let key = "";
    const builder = {
        withCategory(column: powerbi.DataViewCategoryColumn, index: number) {
            key += `${column.source.queryName ?? column.source.displayName}=${String(column.values[index])};`;
            return builder;
        },
        withSeries() { return builder; },
        withMeasure(measure: string) { key += `measure=${measure};`; return builder; },
        withMatrixNode() { return builder; },
        withTable() { return builder; },
        createSelectionId() { return new KeyedSelectionId(key); },
    };
    return builder as unknown as powerbi.visuals.ISelectionIdBuilder;
}

/** Every update must report exactly one start and one finish or failure. */
export function expectRenderingEventsBalanced(m: Mounted, updates: number): void {
    expect(m.started).toHaveBeenCalledTimes(updates);
    expect(m.finished.mock.calls.length + m.failed.mock.calls.length).toBe(updates);
}

// ---------------------------------------------------------------------------------------------
// Data: Children's Services KPIs as the sample report binds them.

export interface KpiSpec {
    name: string;
    area: string;
    polarity: string;
    target: number;
    format: string;
    base: number;
}

export const CHILDRENS_KPIS: readonly KpiSpec[] = [
    { name: "Re-referrals within 12 months", area: "Children's social care", polarity: "Low", target: 0.2, format: "0.0%", base: 0.22 },
    { name: "Assessments completed within 45 working days", area: "Children's social care", polarity: "High", target: 0.85, format: "0.0%", base: 0.87 },
    { name: "Child protection plans for a second or subsequent time", area: "Children's social care", polarity: "Low", target: 0.2, format: "0.0%", base: 0.24 },
    { name: "Care leavers aged 19-21 in education, employment or training", area: "Children looked after", polarity: "High", target: 0.6, format: "0.0%", base: 0.52 },
    { name: "Children looked after with 3 or more placements", area: "Children looked after", polarity: "Low", target: 0.1, format: "0.0%", base: 0.09 },
    { name: "Average social worker caseload", area: "Workforce", polarity: "Low", target: 17, format: "0.0", base: 18.4 },
];

export const PERIODS = ["2024/25 Q3", "2024/25 Q4", "2025/26 Q1", "2025/26 Q2"];

/** One row per KPI per period, every role of FULL_ROLES filled. */
export function childrensRows(kpis: readonly KpiSpec[] = CHILDRENS_KPIS, periods: readonly string[] = PERIODS): Record<string, unknown>[] {
    const rows: Record<string, unknown>[] = [];
    kpis.forEach((kpi, k) => {
        periods.forEach((period, p) => {
            const drift = (p - periods.length / 2) * 0.01 * (k % 2 === 0 ? 1 : -1);
            const actual = kpi.format.includes("%") ? kpi.base + drift : kpi.base + drift * 10;
            rows.push({
                KPI: kpi.name, Area: kpi.area, Period: period, Actual: actual, Target: kpi.target,
                Polarity: kpi.polarity, Tolerance: kpi.format.includes("%") ? 0.02 : 1,
                Floor: kpi.polarity === "Low" ? kpi.target * 1.2 : kpi.target * 0.8,
                Stretch: kpi.polarity === "Low" ? kpi.target * 0.9 : kpi.target * 1.05,
                England: kpi.target * 1.01, Region: kpi.target * 0.99, Neighbours: kpi.target * 1.03,
                Q1: kpi.target * 0.9, Median: kpi.target, Q3: kpi.target * 1.1, Rank: 20 + k * 7, Authorities: 153,
                Commentary: `${kpi.name}: audit of ${period} cases under way; see the service plan.`,
                Owner: "Head of Service",
            });
        });
    });
    return rows;
}

export const FORMATS: Readonly<Record<string, string>> = {
    Actual: "0.0%", Target: "0.0%", Tolerance: "0.0%", Floor: "0.0%", Stretch: "0.0%",
    England: "0.0%", Region: "0.0%", Neighbours: "0.0%", Q1: "0.0%", Median: "0.0%", Q3: "0.0%",
};

export function childrensDataView(roles: Readonly<Record<string, string>>, rows = childrensRows(), options: BuildOptions = {}): DataView {
    return buildDataView(rows, roles, FORMATS, options);
}

/** A deterministic shuffle (tests must be repeatable). */
export function seededShuffle<T>(items: readonly T[], seed: number): T[] {
    const result = items.slice();
    let state = seed >>> 0;
    for (let i = result.length - 1; i > 0; i--) {
        state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
        const j = state % (i + 1);
        [result[i], result[j]] = [result[j], result[i]];
    }
    return result;
}
