/**
 * The sample report's quarterly pages (issue 11): CPR Summary, What's good, Areas for development
 * and Improvement plan, as the committed PBIR files give them: each has the synced service-area
 * and period slicers; the tiles visual shows the view its page is about (format-pane objects);
 * the tables filter on [KPI Status] and bind the path-to-green measures; the tiles bind the
 * path-to-green roles on every page.
 */
import * as fs from "fs";
import * as path from "path";
import { fieldUses, readJson, REPORT_DIR } from "./pbip-files";

const REPO = path.resolve(__dirname, "../..");
const guid = readJson<{ visual: { guid: string } }>(path.join(REPO, "pbiviz.json")).visual.guid;
const defDir = path.join(REPORT_DIR, "definition");
const pageOrder = readJson<{ pageOrder: string[] }>(path.join(defDir, "pages", "pages.json")).pageOrder;

interface VisualDoc {
    name: string;
    visual: { visualType: string; query?: { queryState: Record<string, { projections: unknown[] }> }; objects?: Record<string, { properties: Record<string, { expr: { Literal: { Value: string } } }> }[]> };
    filterConfig?: unknown;
}

function visualsOf(page: string): VisualDoc[] {
    const dir = path.join(defDir, "pages", page, "visuals");
    return fs.readdirSync(dir).sort().map(v => readJson<VisualDoc>(path.join(dir, v, "visual.json")));
}

const QUARTERLY = ["cprSummary", "cprWhatsGood", "cprAreasForDevelopment", "cprImprovementPlan"];

test("the four quarterly pages follow the existing pages, in the report's order, with their names", () => {
    expect(pageOrder.slice(-4)).toEqual(QUARTERLY);
    const names = QUARTERLY.map(p => readJson<{ displayName: string }>(path.join(defDir, "pages", p, "page.json")).displayName);
    expect(names).toEqual(["CPR: Summary", "CPR: What's good", "CPR: Areas for development", "CPR: Improvement plan"]);
});

test.each(QUARTERLY)("%s has the service-area and period slicers in their sync groups", page => {
    const slicers = visualsOf(page).filter(v => v.visual.visualType === "slicer");
    const used = slicers.flatMap(s => fieldUses(s.visual.query, "").map(u => u.property));
    expect(used.sort()).toEqual(["Period", "Service Area"]);
});

test("the tiles show the page's view and bind the path-to-green roles", () => {
    const view = (page: string): string | undefined => visualsOf(page).find(v => v.visual.visualType === guid)?.visual.objects?.layout?.[0].properties.filter.expr.Literal.Value;
    expect([view("cprSummary"), view("cprWhatsGood"), view("cprAreasForDevelopment")]).toEqual(["'all'", "'good'", "'exceptions'"]);
    for (const page of [pageOrder[0], ...QUARTERLY.slice(0, 3)]) {
        const tiles = visualsOf(page).find(v => v.visual.visualType === guid);
        const roles = Object.keys(tiles?.visual.query?.queryState ?? {});
        expect(roles).toEqual(expect.arrayContaining(["periodEnd", "action", "actionOwner", "actionDue", "actionStatus", "actionUpdated"]));
    }
});

test("the tables: Green and Blue with commentary; Red and Amber with commentary and path to green; the action tracker", () => {
    const tableOf = (page: string): VisualDoc => visualsOf(page).find(v => v.visual.visualType === "tableEx") as VisualDoc;
    const fields = (page: string): string[] => fieldUses(tableOf(page).visual.query, "").map(u => u.property);
    const filter = (page: string): string => JSON.stringify(tableOf(page).filterConfig);
    expect(fields("cprWhatsGood")).toEqual(expect.arrayContaining(["KPI", "KPI Status", "KPI Commentary"]));
    expect(filter("cprWhatsGood")).toContain("'Green'");
    expect(filter("cprWhatsGood")).not.toContain("'Red'");
    expect(fields("cprAreasForDevelopment")).toEqual(expect.arrayContaining(["KPI Commentary", "KPI Action Due", "KPI Action Status", "KPI Action Overdue"]));
    expect(fields("cprImprovementPlan")).toEqual(expect.arrayContaining(["KPI", "KPI Action", "KPI Action Owner", "KPI Action Due", "KPI Action Status", "KPI Action Overdue", "KPI Action Updated"]));
    for (const page of ["cprAreasForDevelopment", "cprImprovementPlan"]) {
        expect(filter(page)).toContain("'Red'");
        expect(filter(page)).toContain("'Amber'");
        expect(filter(page)).not.toContain("'Green'");
    }
});
