import * as fs from "fs";
import * as path from "path";
import powerbi from "powerbi-visuals-api";
import { buildDataView, FULL_ROLES } from "./helpers/buildDataView";
import { createHarness, resources } from "./helpers/visualHarness";

const PCT = { Actual: "0.0%", Target: "0.0%", Floor: "0.0%", England: "0.0%", Region: "0.0%", Neighbours: "0.0%", Q1: "0.0%", Median: "0.0%", Q3: "0.0%" };

function row(kpi: string, area: string, period: string, actual: number | null, extra: Record<string, unknown> = {}): Record<string, unknown> {
    return {
        KPI: kpi, Area: area, Period: period, Actual: actual, Target: 0.85, Polarity: "High", Tolerance: 0.02,
        England: 0.82, Region: 0.8, Neighbours: 0.81, Q1: 0.78, Median: 0.83, Q3: 0.88, Rank: 40, Authorities: 152,
        Owner: "Head of service", Commentary: "Recovering after a staffing gap.", ...extra,
    };
}

/** Six KPIs across two areas: red, amber, green, blue, not rated, no data. */
function sampleDataView(objects?: powerbi.DataViewObjects): powerbi.DataView {
    const rows = [
        row("Assessments", "Front door", "Q1", 0.80), row("Assessments", "Front door", "Q2", 0.79),
        row("Re-referrals", "Front door", "Q1", 0.20, { Polarity: "Low", Target: 0.2 }), row("Re-referrals", "Front door", "Q2", 0.21, { Polarity: "Low", Target: 0.2 }),
        row("Care leavers EET", "Care leavers", "Q1", 0.5), row("Care leavers EET", "Care leavers", "Q2", 0.86),
        row("Stable placements", "Children in care", "Q2", 0.95, { Stretch: 0.9 }),
        row("CIN rate", "Children in need", "Q2", 320, { Polarity: "None", Target: null }),
        row("Adoptions", "Children in care", "Q2", null),
    ];
    return buildDataView(rows, { ...FULL_ROLES, Stretch: "stretch" }, PCT, { objects });
}

let consoleError: jest.SpyInstance;
beforeEach(() => { consoleError = jest.spyOn(console, "error"); document.body.replaceChildren(); });
afterEach(() => {
    expect(consoleError).not.toHaveBeenCalled();
    consoleError.mockRestore();
});

describe("hooks and content", () => {
    test("every tile carries data-kpi, data-status, data-direction, data-band, aria-label, role and tabindex", () => {
        const h = createHarness();
        h.update(sampleDataView());
        const byKpi = Object.fromEntries(h.tiles().map(el => [el.getAttribute("data-kpi"), el]));
        expect(Object.keys(byKpi).sort()).toEqual(["Adoptions", "Assessments", "CIN rate", "Care leavers EET", "Re-referrals", "Stable placements"]);
        expect(byKpi["Assessments"].dataset.status).toBe("red");
        expect(byKpi["Assessments"].dataset.direction).toBe("worsening");
        expect(byKpi["Assessments"].dataset.band).toBe("C");
        expect(byKpi["Re-referrals"].dataset.status).toBe("amber");
        expect(byKpi["Re-referrals"].dataset.direction).toBe("worsening");
        expect(byKpi["Care leavers EET"].dataset.status).toBe("green");
        expect(byKpi["Care leavers EET"].dataset.direction).toBe("improving");
        expect(byKpi["Stable placements"].dataset.status).toBe("blue");
        expect(byKpi["CIN rate"].dataset.status).toBe("not-rated");
        expect(byKpi["CIN rate"].hasAttribute("data-band")).toBe(false);
        expect(byKpi["Adoptions"].dataset.status).toBe("no-data");
        expect(byKpi["Adoptions"].dataset.direction).toBe("unknown");
        for (const tile of h.tiles()) {
            // Focusable; the interaction layer may make the tab order roving (one tile at 0, the rest -1).
            expect(["0", "-1"]).toContain(tile.getAttribute("tabindex"));
            expect(tile.getAttribute("role")).toBe("option");
            expect(tile.parentElement?.getAttribute("role")).toBe("listbox");
            expect(tile.parentElement?.getAttribute("aria-multiselectable")).toBe("true");
            expect(tile.getAttribute("aria-label")).toContain(tile.dataset.kpi as string);
        }
        expect(h.tiles().filter(el => el.getAttribute("tabindex") === "0").length).toBeGreaterThanOrEqual(1);
        expect(byKpi["Assessments"].getAttribute("aria-label")).toContain("Status: Red");
        expect(h.element.querySelector(".kpi-tiles-root")).not.toBeNull();
        expect(h.events).toEqual({ started: 1, finished: 1, failed: [] });
    });

    test("a tile shows name, actual, status label and shape, period, target, gap, direction, strip, sparkline, owner, commentary", () => {
        const h = createHarness();
        // The detailed density shows every part (auto would choose by the box).
        h.update(sampleDataView({ layout: { density: "detailed" } }));
        const tile = h.element.querySelector<HTMLElement>('[data-kpi="Assessments"]') as HTMLElement;
        const text = (selector: string): string | null => tile.querySelector(selector)?.textContent ?? null;
        expect(text(".kpi-tile__name")).toBe("Assessments");
        expect(text(".kpi-tile__actual")).toBe("79.0%");
        expect(text(".kpi-tile__status-label")).toBe("Red");
        expect(tile.querySelector(".kpi-tile__status svg")?.getAttribute("data-shape")).toBe("diamond");
        expect(text(".kpi-tile__period")).toBe("Q2");
        expect(text(".kpi-tile__target-value")).toBe("Target 85.0%");
        expect(text(".kpi-tile__gap")).toBe("6.0 pts below target");
        expect(text(".kpi-tile__direction-label")).toBe("Worsening by 1.0 pts");
        expect(tile.querySelector(".kpi-tile__direction")?.getAttribute("data-movement")).toBe("down");
        expect(tile.querySelectorAll(".kpi-benchmark__band")).toHaveLength(4);
        // One tick per benchmark; labels of ticks that coincide merge into one ("R/N/E").
        expect(tile.querySelectorAll(".kpi-benchmark__tick")).toHaveLength(3);
        expect(text(".kpi-tile__band")).toBe("Quartile band C · 40th of 152");
        expect(tile.querySelectorAll(".kpi-sparkline__line")).toHaveLength(1);
        expect(text(".kpi-tile__owner")).toBe("Owner: Head of service");
        expect(text(".kpi-tile__commentary")).toBe("Recovering after a staffing gap.");
        const shapes = Object.fromEntries(h.tiles().map(el => [el.dataset.status, el.querySelector(".kpi-tile__status svg")?.getAttribute("data-shape")]));
        expect(shapes).toEqual({ "red": "diamond", "amber": "triangle", "green": "circle", "blue": "star", "not-rated": "ring", "no-data": "dash" });
    });

    test("a rising lower-is-better KPI shows an up arrow in the bad colour", () => {
        const h = createHarness();
        h.update(sampleDataView());
        const tile = h.element.querySelector('[data-kpi="Re-referrals"]') as HTMLElement;
        expect(tile.querySelector(".kpi-tile__direction")?.getAttribute("data-movement")).toBe("up");
        expect(tile.querySelector(".kpi-arrow path")?.getAttribute("fill")).toBe("#ca3535");
    });

    test("HTML and script in names and commentary are rendered as text: no element is injected", () => {
        const h = createHarness();
        const name = "<img src=x onerror=\"window.hacked=1\">Re-referrals";
        const commentary = "<script>window.hacked=1</script><b>bold</b>";
        h.update(buildDataView([{ KPI: name, Area: "<i>Area</i>", Actual: 1, Commentary: commentary, Owner: "<a href=x>me</a>" }],
            { KPI: "kpi", Area: "group", Actual: "actual", Commentary: "commentary", Owner: "owner" }));
        const root = h.element;
        expect(root.querySelectorAll("img, script, b, i, a")).toHaveLength(0);
        expect(root.querySelector(".kpi-tile__name")?.textContent).toBe(name);
        expect(root.querySelector(".kpi-tile__commentary")?.textContent).toBe(commentary);
        expect(root.querySelector(".kpi-heading")?.textContent).toBe("<i>Area</i>");
        expect(h.tiles()[0].dataset.kpi).toBe(name);
        expect((window as unknown as { hacked?: number }).hacked).toBeUndefined();
    });
});

describe("elements disappear when their fields are absent", () => {
    test("only kpi + actual: name, actual and status only", () => {
        const h = createHarness();
        h.update(buildDataView([{ KPI: "A", Actual: 5 }], { KPI: "kpi", Actual: "actual" }));
        const tile = h.tiles()[0];
        for (const absent of [".kpi-tile__period", ".kpi-tile__target", ".kpi-tile__gap", ".kpi-tile__direction", ".kpi-tile__benchmark",
            ".kpi-tile__sparkline", ".kpi-tile__owner", ".kpi-tile__commentary", ".kpi-tile__group"]) {
            expect(tile.querySelector(absent)).toBeNull();
        }
        expect(tile.querySelector(".kpi-tile__actual")?.textContent).toBe("5");
        expect(h.element.querySelector(".kpi-group__heading:not([hidden])")).toBeNull();
    });
    test("format pane switches hide elements that have data", () => {
        const h = createHarness();
        h.update(sampleDataView({ elements: { showSparkline: false, showBenchmark: false, showCommentary: false, showGap: false } }));
        const tile = h.element.querySelector('[data-kpi="Assessments"]') as HTMLElement;
        expect(tile.querySelector(".kpi-tile__sparkline")).toBeNull();
        expect(tile.querySelector(".kpi-tile__benchmark")).toBeNull();
        expect(tile.querySelector(".kpi-tile__commentary")).toBeNull();
        expect(tile.querySelector(".kpi-tile__gap")).toBeNull();
        expect(tile.querySelector(".kpi-tile__target-value")).not.toBeNull();
    });
    test("shapes off: status is still given by its label", () => {
        const h = createHarness();
        h.update(sampleDataView({ statusColours: { showShapes: false } }));
        expect(h.element.querySelector(".kpi-tile__status svg")).toBeNull();
        expect(h.element.querySelector('[data-kpi="Assessments"] .kpi-tile__status-label')?.textContent).toBe("Red");
    });
});

describe("summary, sort, filter, groups", () => {
    test("the summary strip counts tiles by status", () => {
        const h = createHarness();
        h.update(sampleDataView());
        const summary = h.element.querySelector(".kpi-summary") as HTMLElement;
        const counts = Object.fromEntries(Array.from(summary.querySelectorAll<HTMLElement>(".kpi-summary__item")).map(el => [el.dataset.status, Number(el.dataset.count)]));
        expect(counts).toEqual({ "red": 1, "amber": 1, "green": 1, "blue": 1, "no-data": 1, "not-rated": 1 });
        expect(summary.getAttribute("aria-label")).toBe("6 KPIs by status: Red: 1, Amber: 1, Green: 1, Blue: 1, No data: 1, Not rated: 1");
    });
    test("group headings in first-appearance order", () => {
        const h = createHarness();
        h.update(sampleDataView());
        // A group continued from the row above is headed again there ("continued"); each group starts once.
        const headings = Array.from(h.element.querySelectorAll(".kpi-heading:not(.kpi-heading--continued)")).map(el => el.textContent);
        expect(headings).toEqual(["Front door", "Care leavers", "Children in care", "Children in need"]);
    });
    test("sort by status severity, without group headings", () => {
        const h = createHarness();
        h.update(sampleDataView({ layout: { sortBy: "status", showGroupHeadings: false } }));
        expect(h.tiles().map(el => el.dataset.status)).toEqual(["red", "amber", "no-data", "green", "blue", "not-rated"]);
        expect(h.element.querySelector(".kpi-tile__group")?.textContent).toBe("Front door");
    });
    test("sort by name", () => {
        const h = createHarness();
        h.update(sampleDataView({ layout: { sortBy: "name", showGroupHeadings: false } }));
        expect(h.tiles().map(el => el.dataset.kpi)).toEqual(["Adoptions", "Assessments", "Care leavers EET", "CIN rate", "Re-referrals", "Stable placements"]);
    });
    test("sort by gap puts the furthest below target first", () => {
        const h = createHarness();
        h.update(sampleDataView({ layout: { sortBy: "gap", showGroupHeadings: false } }));
        expect(h.tiles().slice(0, 2).map(el => el.dataset.kpi)).toEqual(["Assessments", "Re-referrals"]);
    });
    test("filter exceptions keeps red and amber; red only keeps red", () => {
        const h = createHarness();
        h.update(sampleDataView({ layout: { filter: "exceptions" } }));
        expect(h.tiles().map(el => el.dataset.status).sort()).toEqual(["amber", "red"]);
        h.update(sampleDataView({ layout: { filter: "red" } }));
        expect(h.tiles().map(el => el.dataset.status)).toEqual(["red"]);
        expect(h.element.querySelectorAll(".kpi-summary__item")).toHaveLength(6);
    });
    test("a filter that hides every tile says so", () => {
        const h = createHarness();
        h.update(buildDataView([{ KPI: "A", Actual: 5, Target: 4 }], { KPI: "kpi", Actual: "actual", Target: "target" }, {}, { objects: { layout: { filter: "red" } } }));
        expect(h.tiles()).toHaveLength(0);
        expect(h.element.querySelector(".kpi-filtered")?.textContent).toContain("1 tile is hidden");
        expect(h.element.querySelector(".kpi-summary")?.getAttribute("aria-label")).toBe("1 KPI by status: Green: 1");
    });
    test("tiles keep their elements across updates (keyed by KPI)", () => {
        const h = createHarness();
        h.update(sampleDataView());
        const before = h.element.querySelector('[data-kpi="Assessments"]');
        h.update(sampleDataView());
        expect(h.element.querySelector('[data-kpi="Assessments"]')).toBe(before);
    });
});

describe("updates with unchanged data", () => {
    /** Mutations of the visual's own DOM during one update, as "type target attribute" lines. */
    function mutationsDuring(h: ReturnType<typeof createHarness>, dataView: powerbi.DataView): string[] {
        const observer = new MutationObserver(() => undefined);
        observer.observe(h.element, { subtree: true, childList: true, attributes: true, characterData: true });
        h.update(dataView);
        const records = observer.takeRecords();
        observer.disconnect();
        return records.map(r => `${r.type} ${(r.target as Element).getAttribute?.("data-kpi") ?? (r.target as Element).className ?? r.target.nodeName} ${r.attributeName ?? ""}`.trim());
    }

    test("a fresh copy of the same dataView leaves the tiles, summary and root untouched", () => {
        const h = createHarness();
        h.update(sampleDataView());
        h.update(sampleDataView());
        // The interaction layer may re-apply its roving tab stops; nothing the tiles show changes.
        const changes = mutationsDuring(h, sampleDataView()).filter(m => !m.endsWith(" tabindex"));
        expect(changes).toEqual([]);
    });

    test("a changed value patches that tile with the new figure and status", () => {
        const h = createHarness();
        // A fixed density: with fewer tiles, auto would choose a roomier one and redraw every tile.
        const compact = { layout: { density: "compact" } };
        h.update(sampleDataView(compact));
        const patched = h.element.querySelector('[data-kpi="Assessments"] .kpi-tile__actual');
        const untouched = h.element.querySelector('[data-kpi="Re-referrals"] .kpi-tile__actual');
        const rows = [
            row("Assessments", "Front door", "Q1", 0.80), row("Assessments", "Front door", "Q2", 0.91),
            row("Re-referrals", "Front door", "Q1", 0.20, { Polarity: "Low", Target: 0.2 }), row("Re-referrals", "Front door", "Q2", 0.21, { Polarity: "Low", Target: 0.2 }),
        ];
        h.update(buildDataView(rows, FULL_ROLES, PCT, { objects: compact }));
        const tile = h.element.querySelector('[data-kpi="Assessments"]') as HTMLElement;
        expect(tile.querySelector(".kpi-tile__actual")?.textContent).toBe("91.0%");
        // Patched in place: the same node, new text.
        expect(tile.querySelector(".kpi-tile__actual")).toBe(patched);
        expect(tile.getAttribute("data-status")).toBe("green");
        expect(h.element.querySelector('[data-kpi="Re-referrals"] .kpi-tile__actual')).toBe(untouched);
        expect(h.element.querySelector(".kpi-summary")?.getAttribute("aria-label")).toContain("2 KPIs");
    });
});

describe("states", () => {
    test("landing page with no dataView lists the missing fields", () => {
        const h = createHarness();
        h.update(undefined);
        const landing = h.element.querySelector(".kpi-landing") as HTMLElement;
        expect(landing.textContent).toContain("Add these fields to start: KPI, Actual.");
        expect(h.tiles()).toHaveLength(0);
        expect(h.events).toEqual({ started: 1, finished: 1, failed: [] });
    });
    test("fields but no rows: no data for this selection", () => {
        const h = createHarness();
        h.update(buildDataView([], { KPI: "kpi", Actual: "actual" }));
        expect(h.element.querySelector(".kpi-empty")?.textContent).toContain("No data for this selection");
    });
    test("data reduction notice and the host's warning icon when Power BI has more rows and sends no more", () => {
        const h = createHarness();
        const warning = jest.fn();
        h.host.displayWarningIcon = warning;
        // fetchMoreData refused (Power BI's memory limit): the rows delivered are all there will be (tests/visual/segments.test.ts).
        h.host.fetchMoreData = () => false;
        h.update(buildDataView([{ KPI: "A", Actual: 1 }, { KPI: "B", Actual: 2 }], { KPI: "kpi", Actual: "actual" }, {}, { moreRows: true }));
        const notice = h.element.querySelector(".kpi-notice") as HTMLElement;
        expect(notice.hidden).toBe(false);
        expect(notice.textContent).toContain("first 2 rows");
        expect(warning).toHaveBeenCalledWith("Not every row is shown", expect.stringContaining("first 2 rows"));
    });
    test("a model error shows a readable error state and reports renderingFailed, without throwing", () => {
        const h = createHarness();
        const dv = buildDataView([{ KPI: "A", Actual: 1 }], { KPI: "kpi", Actual: "actual" });
        Object.defineProperty(dv, "categorical", { get() { throw new Error("categorical data could not be read"); } });
        expect(() => h.update(dv)).not.toThrow();
        expect(h.events).toEqual({ started: 1, finished: 0, failed: ["categorical data could not be read"] });
        expect(h.element.querySelector(".kpi-error")?.textContent).toContain("categorical data could not be read");
        h.update(sampleDataView());
        expect(h.element.querySelector(".kpi-error")).toBeNull();
        expect(h.tiles()).toHaveLength(6);
    });
    test("a rendering event pair on every update", () => {
        const h = createHarness();
        for (const dv of [undefined, sampleDataView(), buildDataView([], { KPI: "kpi", Actual: "actual" }), sampleDataView()]) h.update(dv);
        expect(h.events).toEqual({ started: 4, finished: 4, failed: [] });
    });
});

describe("high contrast", () => {
    test("only the host's foreground, background and selected colours are used", () => {
        const hc = { foreground: "#ffff00", background: "#000000", foregroundSelected: "#00ffff" };
        const h = createHarness({ highContrast: hc });
        h.update(sampleDataView());
        const allowed = new Set(["rgb(255, 255, 0)", "rgb(0, 0, 0)", "rgb(0, 255, 255)", "#ffff00", "#000000", "#00ffff", "none", "", "currentcolor"]);
        const used = new Set<string>();
        for (const el of Array.from(h.element.querySelectorAll<HTMLElement | SVGElement>("*"))) {
            const style = getComputedStyle(el);
            for (const value of [style.color, style.backgroundColor, style.borderTopColor, el.getAttribute("fill"), el.getAttribute("stroke")]) {
                if (value && value !== "transparent" && value !== "rgba(0, 0, 0, 0)") used.add(value.toLowerCase());
            }
        }
        expect(Array.from(used).filter(c => !allowed.has(c))).toEqual([]);
        // Status still readable through shape and label.
        const red = h.element.querySelector('[data-kpi="Assessments"]') as HTMLElement;
        expect(red.querySelector(".kpi-tile__status svg")?.getAttribute("data-shape")).toBe("diamond");
        expect(red.querySelector(".kpi-tile__status-label")?.textContent).toBe("Red");
    });
});

describe("localisation", () => {
    test("Welsh strings with locale cy-GB", () => {
        const h = createHarness({ locale: "cy-GB" });
        h.update(sampleDataView());
        const tile = h.element.querySelector('[data-kpi="Assessments"]') as HTMLElement;
        expect(tile.querySelector(".kpi-tile__status-label")?.textContent).toBe("Coch");
        expect(tile.querySelector(".kpi-tile__gap")?.textContent).toBe("6.0 pwynt yn is na'r targed");
        expect(tile.querySelector(".kpi-tile__direction-label")?.textContent).toBe("Gwaethygu o 1.0 pwynt");
        expect(tile.getAttribute("aria-label")).toContain("Statws: Coch");
        expect(h.element.querySelector(".kpi-tiles-root")?.getAttribute("lang")).toBe("cy-GB");
        h.update(undefined);
        expect(h.element.querySelector(".kpi-landing")?.textContent).toContain("Ychwanegwch y meysydd hyn i ddechrau: DPA, Gwirioneddol.");
    });
    test("every resource file has every key the visual uses, and nothing else", () => {
        const keys = Object.keys(resources("en-US")).sort();
        for (const locale of ["en-GB", "cy-GB"]) expect(Object.keys(resources(locale)).sort()).toEqual(keys);
        const capabilities = JSON.parse(fs.readFileSync(path.join(__dirname, "../../capabilities.json"), "utf8"));
        for (const role of capabilities.dataRoles) {
            expect(keys).toContain(role.displayNameKey);
            if (role.descriptionKey) expect(keys).toContain(role.descriptionKey);
        }
    });
});

describe("formatting model", () => {
    test("cards for colours, layout, elements, text, rating defaults and labels, each resettable", () => {
        const h = createHarness();
        h.update(sampleDataView());
        const model = h.visual.getFormattingModel();
        const names = model.cards.map(c => (c as powerbi.visuals.FormattingCard).displayName);
        expect(names).toEqual(["Status colors", "Layout", "Tile elements", "Text", "Rating defaults", "Status labels"]);
        for (const card of model.cards) expect((card as powerbi.visuals.FormattingCard).revertToDefaultDescriptors?.length).toBeGreaterThan(0);
        const capabilities = JSON.parse(fs.readFileSync(path.join(__dirname, "../../capabilities.json"), "utf8"));
        for (const card of model.cards as powerbi.visuals.FormattingCard[]) {
            for (const d of card.revertToDefaultDescriptors ?? []) {
                expect(capabilities.objects[d.objectName]?.properties?.[d.propertyName]).toBeDefined();
            }
        }
    });
    test("custom status colours and labels from the format pane", () => {
        const h = createHarness();
        h.update(sampleDataView({ statusColours: { red: { solid: { color: "#990000" } } }, labels: { red: "Off track" } }));
        const tile = h.element.querySelector('[data-kpi="Assessments"]') as HTMLElement;
        expect(tile.querySelector(".kpi-tile__status-label")?.textContent).toBe("Off track");
        expect(tile.querySelector(".kpi-tile__status svg path")?.getAttribute("fill")).toBe("#990000");
    });
});

describe("performance", () => {
    test("1,000 tiles: only those in view are built, each with its place in the whole list; an update patches only the changed tile", () => {
        const rows: Record<string, unknown>[] = [];
        for (let i = 0; i < 1000; i++) {
            for (const [p, a] of [["Q1", 0.7 + (i % 20) / 100], ["Q2", 0.72 + (i % 25) / 100]] as const) {
                rows.push(row(`KPI ${i}`, `Area ${i % 8}`, p, a));
            }
        }
        const dv = buildDataView(rows, FULL_ROLES, PCT);
        const h = createHarness();
        let start = performance.now();
        h.update(dv);
        const first = performance.now() - start;
        const built = h.tiles();
        // The harness's 900 x 600 box: a few rows of tiles plus the margin, not all 1,000.
        expect(built.length).toBeGreaterThan(8);
        expect(built.length).toBeLessThan(100);
        expect(built.map(el => el.getAttribute("aria-setsize"))).toEqual(built.map(() => "1000"));
        expect(built.map(el => Number(el.getAttribute("aria-posinset")))).toEqual(built.map((_, i) => i + 1));
        // Area 0 comes first: KPI 0, KPI 8, KPI 16 ...
        expect(built.slice(0, 3).map(el => el.dataset.kpi)).toEqual(["KPI 0", "KPI 8", "KPI 16"]);
        expect(h.element.querySelector(".kpi-summary")?.getAttribute("aria-label")).toContain("1000");
        const actualNode = (kpi: string): Element | null => h.element.querySelector(`[data-kpi="${kpi}"] .kpi-tile__actual`);
        const before = [actualNode("KPI 0"), actualNode("KPI 8")];
        const observer = new MutationObserver(() => undefined);
        observer.observe(h.element, { subtree: true, childList: true, characterData: true });
        const changed = rows.map(r => (r.KPI === "KPI 8" && r.Period === "Q2" ? { ...r, Actual: 0.5 } : r));
        start = performance.now();
        h.update(buildDataView(changed, FULL_ROLES, PCT));
        const second = performance.now() - start;
        const records = observer.takeRecords();
        observer.disconnect();
        expect(actualNode("KPI 0")).toBe(before[0]);
        // Patched in place: the same node with the new figure.
        expect(actualNode("KPI 8")).toBe(before[1]);
        expect(actualNode("KPI 8")?.textContent).toBe("50.0%");
        // Only KPI 8's tile (and the summary's counts) changed.
        const touched = new Set(records.map(r => (r.target instanceof Element ? r.target : r.target.parentElement)?.closest(".kpi-tile, .kpi-summary")
            ?.getAttribute("data-kpi") ?? "summary"));
        expect([...touched].filter(k => k !== "summary")).toEqual(["KPI 8"]);
        expect(h.events).toEqual({ started: 2, finished: 2, failed: [] });
        // jsdom is far slower than a browser; npm run bench gives the Chromium figures.
        process.stdout.write(`1,000 tiles in jsdom: first render ${first.toFixed(0)} ms, update of one changed tile ${second.toFixed(0)} ms\n`);
    }, 60000);
});
