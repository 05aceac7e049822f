/**
 * Issue 13 item 3: a bad value in one field of one row affects that field of that tile at most.
 * Any JavaScript value in any role is shown as text or ignored; a format string that is not text
 * and a locale tag the browser refuses fall back to the default.
 */
import { buildViewModel, KpiTile, ViewModel } from "../../../src/model";
import { plainCell } from "../../../src/model/buildViewModel";
import { Localiser, validLocale } from "../../../src/i18n/localiser";
import { defaultTileOptions } from "../../../src/settings";
import { buildDataView } from "../../visual/helpers/buildDataView";

const t = new Localiser(undefined, "en-GB");
const options = defaultTileOptions();
const ROLES = { KPI: "kpi", Group: "group", Period: "period", Actual: "actual", Target: "target", Owner: "owner", Commentary: "commentary", Tip: "tooltips",
    Action: "action", ActionOwner: "actionOwner", Due: "actionDue", ActionStatus: "actionStatus", Updated: "actionUpdated",
    End: "periodEnd", Quality: "quality" };
/** The path-to-green, period-end and quality roles of row A hold the odd value too. */
const EXTRA = { Action: "\u0000odd", ActionOwner: "\u0000odd", Due: "\u0000odd", ActionStatus: "\u0000odd", Updated: "\u0000odd", End: "\u0000odd", Quality: "\u0000odd" };

function tiles(vm: ViewModel): readonly KpiTile[] {
    if (vm.kind !== "tiles") throw new Error(`expected tiles, got ${vm.kind}`);
    return vm.tiles;
}

const ODD: [string, unknown][] = [
    ["an invalid Date", new Date(Number.NaN)],
    ["a bigint", 12345678901234567890n],
    ["an object", { a: 1 }],
    ["an array", [1, 2]],
    ["an object without a prototype", Object.create(null)],
    ["an object whose toString throws", { toString(): string { throw new Error("no"); } }],
    ["a symbol", Symbol("s")],
    ["a function", () => 1],
    ["a boolean", true],
];

describe.each(ODD)("%s in every text role and the tooltips", (_name, odd) => {
    // Built with a marker, then the odd value put in its place (the helper turns values into identities).
    const M = "\u0000odd";
    const rows = [
        { KPI: "A", Group: M, Period: "Q1", Actual: 0.8, Target: 0.9, Owner: M, Commentary: M, Tip: M },
        { KPI: "A", Group: M, Period: "Q2", Actual: 0.85, Target: 0.9, Owner: M, Commentary: M, Tip: M, ...EXTRA },
        { KPI: "B", Group: "Care", Period: "Q2", Actual: 0.95, Target: 0.9, Owner: "Head", Commentary: "Fine", Tip: 3,
            Action: null, ActionOwner: null, Due: null, ActionStatus: null, Updated: null, End: null, Quality: null },
    ];
    test("the tiles are built; the odd value is text or missing; the other tile is untouched", () => {
        const dv = buildDataView(rows, ROLES, { Actual: "0.0%", Target: "0.0%" });
        const columns = [...(dv.categorical?.categories ?? []), ...(dv.categorical?.values ?? [])] as { values: unknown[] }[];
        for (const c of columns) c.values = c.values.map(v => (v === M ? odd : v));
        const built = tiles(buildViewModel(dv, { t, options }));
        expect(built.map(x => x.key)).toEqual(["A", "B"]);
        const [a, b] = built;
        expect(a.actualText).toBe("85.0%");
        expect(a.status).toBe("red");
        for (const text of [a.group, a.owner, a.commentary]) {
            expect(text === null || typeof text === "string").toBe(true);
            expect(String(text)).not.toMatch(/NaN|Invalid|\[object/);
        }
        expect(JSON.stringify(a.pathToGreen ?? null)).not.toMatch(/NaN|Invalid|\[object/);
        expect(String(a.ariaLabel)).not.toMatch(/NaN|Invalid Date|\[object/);
        const tips = a.tooltipItems.map(i => `${i.displayName}: ${i.value}`).join(" | ");
        expect(tips).not.toMatch(/NaN|Invalid Date|\[object/);
        expect(b).toMatchObject({ group: "Care", owner: "Head", commentary: "Fine", actualText: "95.0%", status: "green" });
    });
});

test("a bigint is shown as its digits; a valid Date in a text role as text", () => {
    expect(plainCell(12n)).toBe("12");
    expect(plainCell(new Date(Number.NaN))).toBeNull();
    expect(plainCell(new Date(0))).toEqual(new Date(0));
    expect(plainCell({})).toBeNull();
});

test("a format string that is not text falls back to the column's default formatting", () => {
    const dv = buildDataView([{ KPI: "A", Actual: 0.5 }], { KPI: "kpi", Actual: "actual" });
    const actual = dv.metadata.columns.find(c => c.roles?.actual) as { format?: unknown };
    actual.format = 42;
    const [tile] = tiles(buildViewModel(dv, { t, options }));
    expect(tile.actualText).toBe("0.5");
});

test("an invalid locale tag falls back to en-US; a valid one is kept in its canonical form", () => {
    for (const bad of ["not a locale", "", "x-", 42, null, undefined, "zz-ZZ-invalid-tag-1234567"]) expect(validLocale(bad)).toBe("en-US");
    expect(validLocale("cy-gb")).toBe("cy-GB");
    const dv = buildDataView([{ KPI: "A", Actual: 1234.5 }], { KPI: "kpi", Actual: "actual" }, { Actual: "#,0.0" });
    const [tile] = tiles(buildViewModel(dv, { t: new Localiser(undefined, "not a locale"), options }));
    expect(tile.actualText).toBe("1,234.5");
});
