/**
 * The three pages of the sample report: KPI tiles (the custom visual), exceptions (reds and
 * ambers with the director's commentary) and the same figures in Power BI's own visuals.
 * Every page has the service area and period slicers, synced across pages.
 */
import { COUNCIL } from "../../sample/council";
import { column, FieldRef, measure, Projection } from "./fields";
import { BuiltVisual, columnInFilter, kpiCard, kpiTiles, matrix, measureTextFilter, resetPageOrder, slicer, table, textBox } from "./visuals";

export const MEASURES = "KPI Measures";

export const FIELDS = {
    kpi: column("KPI", "KPI"),
    kpiId: column("KPI", "KPI ID"),
    serviceArea: column("KPI", "Service Area"),
    period: column("Period", "Period"),
} as const;

const m = (name: string): FieldRef => measure(MEASURES, name);

export interface PageDefinition {
    readonly name: string;
    readonly displayName: string;
    readonly width: number;
    readonly height: number;
    readonly displayOption: "FitToPage" | "FitToWidth";
    readonly visuals: readonly BuiltVisual[];
}

/** Visual data role -> field (docs/CONTRACTS.md, "The sample report binds the visual's roles"). */
export const TILE_ROLE_BINDINGS: Readonly<Record<string, FieldRef>> = {
    kpi: FIELDS.kpi,
    group: FIELDS.serviceArea,
    period: FIELDS.period,
    actual: m("KPI Actual"),
    target: m("KPI Target"),
    polarity: m("KPI Polarity"),
    tolerance: m("KPI Tolerance"),
    tolerancePct: m("KPI Tolerance %"),
    floor: m("KPI Floor"),
    stretch: m("KPI Stretch"),
    previous: m("KPI Previous"),
    england: m("KPI England"),
    region: m("KPI Region"),
    neighbours: m("KPI Neighbours"),
    q1: m("KPI Q1"),
    median: m("KPI Median"),
    q3: m("KPI Q3"),
    rank: m("KPI Rank"),
    rankOf: m("KPI Authorities"),
    commentary: m("KPI Commentary"),
    owner: m("KPI Owner"),
    format: m("KPI Format String"),
};

/** Headline KPIs shown as cards on the built-in visuals page (ids of the sample dictionary). */
export const HEADLINE_KPIS: readonly { id: string; label: string }[] = [
    { id: "CS01", label: "Re-referrals within 12 months" },
    { id: "CS02", label: "Assessments within 45 working days" },
    { id: "CS13", label: "Care leavers in education, employment or training" },
    { id: "CS24", label: "Agency social workers" },
];

const NOTICE = `${COUNCIL.name} is a fictional council: sample data for demonstration. Benchmarks: contains public sector information licensed under the Open Government Licence v3.0 (DfE LAIT).`;

function header(prefix: string, heading: string, width: number): BuiltVisual[] {
    return [
        textBox(`${prefix}Heading`, { x: 16, y: 8, width: width - 560, height: 64 }, heading, [NOTICE]),
        slicer(`${prefix}ServiceArea`, { x: width - 536, y: 8, width: 250, height: 64 }, FIELDS.serviceArea, "Service area"),
        slicer(`${prefix}Period`, { x: width - 276, y: 8, width: 260, height: 64 }, FIELDS.period, "Period"),
    ];
}

function tilesPage(visualType: string): PageDefinition {
    resetPageOrder();
    const width = 1280;
    const height = 720;
    const roles: Record<string, Projection[]> = Object.fromEntries(Object.entries(TILE_ROLE_BINDINGS).map(([role, field]) => [role, [{ field }]]));
    return {
        name: "kpiTiles", displayName: "KPI tiles", width, height, displayOption: "FitToPage",
        visuals: [
            ...header("tiles", "Children's Services performance", width),
            kpiTiles("tilesVisual", { x: 16, y: 84, width: width - 32, height: height - 100 }, visualType, roles, `${COUNCIL.shortName} Children's Services KPIs (latest period in the selection)`),
        ],
    };
}

function exceptionsPage(): PageDefinition {
    resetPageOrder();
    const width = 1280;
    const height = 720;
    const status = m("KPI Status");
    const colour = m("KPI Status Colour");
    return {
        name: "exceptions", displayName: "Exceptions", width, height, displayOption: "FitToPage",
        visuals: [
            ...header("exceptions", "Red and amber measures", width),
            table("exceptionsTable", { x: 16, y: 84, width: width - 32, height: height - 100 }, {
                heading: "KPIs rated red or amber, with the director's commentary and path to green",
                columns: [
                    { field: FIELDS.serviceArea, format: { width: 110 } },
                    { field: FIELDS.kpi, format: { width: 190 } },
                    { field: status, displayName: "Status", format: { backgroundFrom: colour, width: 70 } },
                    { field: m("KPI Actual"), displayName: "Actual", format: { width: 70 } },
                    { field: m("KPI Target"), displayName: "Target", format: { width: 70 } },
                    { field: m("KPI Direction"), displayName: "Direction", format: { width: 90 } },
                    { field: m("KPI Commentary"), displayName: "Commentary and path to green", format: { width: 440 } },
                    { field: m("KPI Owner"), displayName: "Accountable officer", format: { width: 130 } },
                ],
                filters: [{ json: measureTextFilter("exceptionsRedAmber", status, ["Red", "Amber"]), field: status }],
                sortBy: { field: status, direction: "Descending" },
            }),
        ],
    };
}

function builtInPage(): PageDefinition {
    resetPageOrder();
    const width = 1280;
    const height = 1180;
    const colour = m("KPI Status Colour");
    const cardWidth = (width - 32 - 3 * 12) / 4;
    const cards = HEADLINE_KPIS.map((k, i) => kpiCard(`builtinCard${i + 1}`, { x: 16 + i * (cardWidth + 12), y: 84, width: cardWidth, height: 110 },
        m("KPI Actual"), colour, { json: columnInFilter(`builtinCard${i + 1}Kpi`, FIELDS.kpiId, [k.id]), field: FIELDS.kpiId }, k.label));
    return {
        name: "builtInVisuals", displayName: "Built-in visuals", width, height, displayOption: "FitToWidth",
        visuals: [
            ...header("builtin", "The same ratings in Power BI's own visuals", width),
            ...cards,
            matrix("builtinStatusMatrix", { x: 16, y: 206, width: width - 32, height: 500 }, {
                heading: "Latest status by KPI (cell colour from [KPI Status Colour])",
                rows: [{ field: FIELDS.kpi }],
                values: [
                    { field: m("KPI Actual"), displayName: "Actual" },
                    { field: m("KPI Target"), displayName: "Target" },
                    { field: m("KPI Status"), displayName: "Status", format: { backgroundFrom: colour } },
                    { field: m("KPI Direction"), displayName: "Direction" },
                    { field: m("KPI England"), displayName: "England" },
                    { field: m("KPI vs England"), displayName: "vs England" },
                    { field: m("KPI Quartile Band"), displayName: "Quartile band" },
                    { field: m("KPI Rank"), displayName: "Rank" },
                ],
            }),
            matrix("builtinHistoryMatrix", { x: 16, y: 718, width: width - 32, height: 446 }, {
                heading: "Actual by quarter, coloured by that quarter's status",
                rows: [{ field: FIELDS.kpi }],
                columns: [{ field: FIELDS.period }],
                values: [{ field: m("KPI Actual"), displayName: "Actual", format: { backgroundFrom: colour } }],
            }),
        ],
    };
}

export function reportPages(tilesVisualType: string): PageDefinition[] {
    return [tilesPage(tilesVisualType), exceptionsPage(), builtInPage()];
}
