/**
 * Microsoft's submission test "Provide bad data to the visual (null, infinity, negative values,
 * wrong value types ...): all displays and features work correctly". Every value of every role is
 * replaced in turn; each update must draw (renderingFinished), without exception or console error.
 */
import {
    CHILDRENS_KPIS, FULL_ROLES, PERIODS, childrensDataView, childrensRows, expectRenderingEventsBalanced,
    failOnConsoleError, mountVisual,
} from "./helpers";

failOnConsoleError();

const BAD_VALUES: [string, unknown][] = [
    ["null", null],
    ["undefined", undefined],
    ["NaN", Number.NaN],
    ["Infinity", Number.POSITIVE_INFINITY],
    ["-Infinity", Number.NEGATIVE_INFINITY],
    ["a negative number", -42.5],
    ["zero", 0],
    ["a huge number", 1e308],
    ["a tiny number", 5e-324],
    ["text", "n/a"],
    ["an empty string", ""],
    ["a numeric string", "0.85"],
    ["true", true],
    ["a date", new Date(Date.UTC(2025, 8, 30))],
    ["markup", "<img src=x onerror=alert(1)>"],
];

const FIELDS = Object.keys(FULL_ROLES);

describe.each(FIELDS)("bad values in %s", field => {
    it.each(BAD_VALUES)("%s in every row", (_, bad) => {
        const m = mountVisual();
        const rows = childrensRows(CHILDRENS_KPIS.slice(0, 3), PERIODS.slice(-2)).map(row => ({ ...row, [field]: bad }));
        m.update(childrensDataView(FULL_ROLES, rows));
        expectRenderingEventsBalanced(m, 1);
        expect(m.failed).not.toHaveBeenCalled();
        // Data is text, never markup.
        expect(m.element.querySelector("img")).toBeNull();
    });
});

describe("mixed bad values", () => {
    it("one bad value per row across all fields at once", () => {
        const m = mountVisual();
        const rows = childrensRows().map((row, i) => {
            const field = FIELDS[i % FIELDS.length];
            return { ...row, [field]: BAD_VALUES[i % BAD_VALUES.length][1] };
        });
        m.update(childrensDataView(FULL_ROLES, rows));
        expectRenderingEventsBalanced(m, 1);
        expect(m.failed).not.toHaveBeenCalled();
    });

    it("duplicate KPI names and periods", () => {
        const m = mountVisual();
        const rows = childrensRows(CHILDRENS_KPIS.slice(0, 2));
        m.update(childrensDataView(FULL_ROLES, [...rows, ...rows]));
        expect(m.failed).not.toHaveBeenCalled();
        const names = m.tiles().map(t => t.getAttribute("data-kpi"));
        expect(new Set(names).size).toBe(names.length);
    });

    it("a negative target, floor and stretch with High polarity still rate", () => {
        const m = mountVisual();
        const rows = childrensRows(CHILDRENS_KPIS.slice(0, 1)).map(row => ({ ...row, Target: -0.1, Floor: -0.3, Stretch: 0.05, Actual: -0.2 }));
        m.update(childrensDataView(FULL_ROLES, rows));
        expect(m.failed).not.toHaveBeenCalled();
        expect(m.tiles()[0].getAttribute("data-status")).not.toBeNull();
    });
});
