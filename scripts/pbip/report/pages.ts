/**
 * The three pages of the sample report: KPI tiles (the custom visual), exceptions (reds and
 * ambers with the director's commentary) and the same figures in Power BI's own visuals.
 * Every page has the service area and period slicers, synced across pages.
 */
import { COUNCIL } from "../../sample/council";
import { column, FieldRef, literal, measure, Projection } from "./fields";
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
    // Data quality (issue 9): provisional and estimated figures marked, suppressed ones withheld.
    quality: m("KPI Data Quality"),
    // Path to green (issue 11): the period's end decides overdue actions.
    periodEnd: column("Period", "Period End"),
    action: m("KPI Action"),
    actionOwner: m("KPI Action Owner"),
    actionDue: m("KPI Action Due"),
    actionStatus: m("KPI Action Status"),
    actionUpdated: m("KPI Action Updated"),
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

/** The tiles visual showing one view of the format pane (src/rules/views.ts): the filter set in its objects. */
function tilesInView(name: string, position: { x: number; y: number; width: number; height: number }, visualType: string, view: string, heading: string): BuiltVisual {
    const roles: Record<string, Projection[]> = Object.fromEntries(Object.entries(TILE_ROLE_BINDINGS).map(([role, field]) => [role, [{ field }]]));
    const built = kpiTiles(name, position, visualType, roles, heading);
    const visual = built.json.visual as Record<string, unknown>;
    visual.objects = { layout: [{ properties: { filter: literal(view), sortBy: literal(view === "exceptions" ? "status" : "none") } }] };
    return built;
}

/**
 * The quarterly Corporate Performance Report as report pages (issue 11; seed 000): a summary
 * (the tiles with their counts by status, per service area through the slicer), what's good,
 * areas for development (red and amber tiles with the director's commentary and the path to
 * green) and the improvement plan (the action tracker). `npm run pack` writes the same pages as
 * PowerPoint.
 */
function quarterlyPages(visualType: string): PageDefinition[] {
    const width = 1280;
    const height = 720;
    const status = m("KPI Status");
    const colour = m("KPI Status Colour");
    const body = { x: 16, y: 84, width: width - 32, height: height - 100 };
    resetPageOrder();
    const summary: PageDefinition = {
        name: "cprSummary", displayName: "CPR: Summary", width, height, displayOption: "FitToPage",
        visuals: [
            ...header("cprSummary", "Quarterly performance: summary (counts by status and the tiles)", width),
            tilesInView("cprSummaryTiles", body, visualType, "all", "KPIs by service area: the counts by status head the tiles"),
        ],
    };
    resetPageOrder();
    const good: PageDefinition = {
        name: "cprWhatsGood", displayName: "CPR: What's good", width, height, displayOption: "FitToPage",
        visuals: [
            ...header("cprGood", "What's good: KPIs on or above target (Green and Blue)", width),
            tilesInView("cprGoodTiles", { ...body, width: 600 }, visualType, "good", "Green and Blue KPIs"),
            table("cprGoodTable", { x: 628, y: 84, width: width - 644, height: height - 100 }, {
                heading: "Green and Blue KPIs with the director's commentary",
                columns: [
                    { field: FIELDS.kpi, format: { width: 170 } },
                    { field: status, displayName: "Status", format: { backgroundFrom: colour, width: 70 } },
                    { field: m("KPI Actual"), displayName: "Actual", format: { width: 70 } },
                    { field: m("KPI Target"), displayName: "Target", format: { width: 70 } },
                    { field: m("KPI Commentary"), displayName: "Commentary", format: { width: 230 } },
                ],
                filters: [{ json: measureTextFilter("cprGoodGreenBlue", status, ["Green", "Blue"]), field: status }],
                sortBy: { field: status, direction: "Ascending" },
            }),
        ],
    };
    resetPageOrder();
    const development: PageDefinition = {
        name: "cprAreasForDevelopment", displayName: "CPR: Areas for development", width, height, displayOption: "FitToPage",
        visuals: [
            ...header("cprDev", "Areas for development: Red and Amber KPIs with the director's commentary and the path to green", width),
            tilesInView("cprDevTiles", { ...body, width: 520 }, visualType, "exceptions", "Red and Amber KPIs"),
            table("cprDevTable", { x: 548, y: 84, width: width - 564, height: height - 100 }, {
                heading: "Director's commentary and path to green",
                columns: [
                    { field: FIELDS.kpi, format: { width: 140 } },
                    { field: status, displayName: "Status", format: { backgroundFrom: colour, width: 60 } },
                    { field: m("KPI Commentary"), displayName: "Director's commentary", format: { width: 250 } },
                    { field: m("KPI Action Due"), displayName: "Back within tolerance by", format: { width: 90 } },
                    { field: m("KPI Action Status"), displayName: "Action status", format: { width: 70 } },
                    { field: m("KPI Action Overdue"), displayName: "Overdue", format: { width: 60 } },
                ],
                filters: [{ json: measureTextFilter("cprDevRedAmber", status, ["Red", "Amber"]), field: status }],
                sortBy: { field: status, direction: "Descending" },
            }),
        ],
    };
    resetPageOrder();
    const plan: PageDefinition = {
        name: "cprImprovementPlan", displayName: "CPR: Improvement plan", width, height, displayOption: "FitToPage",
        visuals: [
            ...header("cprPlan", "Improvement plan: the action for every Red and Amber KPI", width),
            table("cprPlanTable", body, {
                heading: "Actions: KPI, owner, date back within tolerance, status",
                columns: [
                    { field: FIELDS.serviceArea, format: { width: 110 } },
                    { field: FIELDS.kpi, format: { width: 180 } },
                    { field: status, displayName: "Status", format: { backgroundFrom: colour, width: 60 } },
                    { field: m("KPI Action"), displayName: "Action", format: { width: 360 } },
                    { field: m("KPI Action Owner"), displayName: "Owner", format: { width: 150 } },
                    { field: m("KPI Action Due"), displayName: "Back within tolerance by", format: { width: 110 } },
                    { field: m("KPI Action Status"), displayName: "Action status", format: { width: 80 } },
                    { field: m("KPI Action Overdue"), displayName: "Overdue", format: { width: 70 } },
                    { field: m("KPI Action Updated"), displayName: "Last update", format: { width: 90 } },
                ],
                filters: [{ json: measureTextFilter("cprPlanRedAmber", status, ["Red", "Amber"]), field: status }],
                sortBy: { field: m("KPI Action Due"), direction: "Ascending" },
            }),
        ],
    };
    return [summary, good, development, plan];
}

export function reportPages(tilesVisualType: string): PageDefinition[] {
    return [tilesPage(tilesVisualType), exceptionsPage(), builtInPage(), ...quarterlyPages(tilesVisualType)];
}
