/**
 * The pack's own wording (page titles, table headings). Status labels, values and the tiles'
 * words come from the visual's string resources through the model, so they match the tiles.
 * The Welsh is a first version for a Welsh-speaking officer to check (docs/quarterly-pack.md).
 */
import type { ActionStatus } from "../../src/rules/pathToGreen";

export interface PackStrings {
    readonly summary: string;
    readonly good: string;
    readonly development: string;
    readonly plan: string;
    readonly kpiCount: (n: number) => string;
    readonly byStatus: string;
    readonly noGood: string;
    readonly noDevelopment: string;
    readonly noPlan: string;
    readonly kpi: string;
    readonly status: string;
    readonly latest: string;
    readonly target: string;
    readonly commentary: string;
    readonly pathToGreen: string;
    readonly action: string;
    readonly owner: string;
    readonly due: string;
    readonly actionStatus: string;
    readonly updated: string;
    readonly notRecorded: string;
    readonly overdue: string;
    readonly actionStatuses: Readonly<Record<ActionStatus, string>>;
    readonly footer: (service: string, period: string) => string;
}

const EN: PackStrings = {
    summary: "Summary",
    good: "What's good",
    development: "Areas for development",
    plan: "Improvement plan",
    kpiCount: n => `${n} KPI${n === 1 ? "" : "s"}`,
    byStatus: "KPIs by status",
    noGood: "No KPI met its target in this period.",
    noDevelopment: "No KPI is Red or Amber in this period.",
    noPlan: "No Red or Amber KPI needs an improvement action in this period.",
    kpi: "KPI",
    status: "Status",
    latest: "Latest",
    target: "Target",
    commentary: "Director's commentary",
    pathToGreen: "Path to green",
    action: "Action",
    owner: "Owner",
    due: "Back within tolerance by",
    actionStatus: "Action status",
    updated: "Last update",
    notRecorded: "Not recorded",
    overdue: "Overdue",
    actionStatuses: { "on-track": "On track", "at-risk": "At risk", "complete": "Complete" },
    footer: (service, period) => `${service} · ${period} · ratings by the RAG KPI Tiles rules`,
};

const CY: PackStrings = {
    summary: "Crynodeb",
    good: "Beth sy'n dda",
    development: "Meysydd i'w datblygu",
    plan: "Cynllun gwella",
    kpiCount: n => `${n} DPA`,
    byStatus: "DPA yn ôl statws",
    noGood: "Ni chyrhaeddodd unrhyw DPA ei darged yn y cyfnod hwn.",
    noDevelopment: "Nid oes DPA Coch nac Ambr yn y cyfnod hwn.",
    noPlan: "Nid oes angen cam gwella ar unrhyw DPA Coch nac Ambr yn y cyfnod hwn.",
    kpi: "DPA",
    status: "Statws",
    latest: "Diweddaraf",
    target: "Targed",
    commentary: "Sylwadau'r Cyfarwyddwr",
    pathToGreen: "Llwybr at wyrdd",
    action: "Cam gweithredu",
    owner: "Perchennog",
    due: "Yn ôl o fewn goddefiant erbyn",
    actionStatus: "Statws y cam",
    updated: "Diweddariad diwethaf",
    notRecorded: "Heb ei gofnodi",
    overdue: "Yn hwyr",
    actionStatuses: { "on-track": "Ar y trywydd", "at-risk": "Mewn perygl", "complete": "Wedi'i gwblhau" },
    footer: (service, period) => `${service} · ${period} · graddau yn ôl rheolau RAG KPI Tiles`,
};

export function packStrings(locale: string): PackStrings {
    return locale.toLowerCase().startsWith("cy") ? CY : EN;
}
