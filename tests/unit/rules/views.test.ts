import fc from "fast-check";
import { inView, parseView, VIEW_STATUSES, VIEWS } from "../../../src/rules/views";
import type { Status } from "../../../src/rules/status";

const STATUSES: readonly Status[] = ["blue", "green", "amber", "red", "not-rated", "no-target", "no-data", "unrecognised"];

describe("views for reporting by exception", () => {
    test("exceptions are Red and Amber, what's good Green and Blue, escalations Red and Blue", () => {
        const kept = (view: "exceptions" | "good" | "escalations"): Status[] => STATUSES.filter(s => inView(view, s, false));
        expect(kept("exceptions")).toEqual(["amber", "red"]);
        expect(kept("good")).toEqual(["blue", "green"]);
        expect(kept("escalations")).toEqual(["blue", "red"]);
    });
    test("all keeps everything; overdue keeps exactly the overdue tiles whatever their status", () => {
        fc.assert(fc.property(fc.constantFrom(...STATUSES), fc.boolean(), (status, overdue) => {
            expect(inView("all", status, overdue)).toBe(true);
            expect(inView("overdue", status, overdue)).toBe(overdue);
            for (const view of ["exceptions", "good", "escalations"] as const) {
                expect(inView(view, status, overdue)).toBe(VIEW_STATUSES[view].includes(status));
            }
        }));
    });
    test("exceptions and what's good never overlap, and neither holds unrated tiles", () => {
        for (const s of STATUSES) expect(inView("exceptions", s, false) && inView("good", s, false)).toBe(false);
        for (const s of ["not-rated", "no-target", "no-data", "unrecognised"] as const) {
            expect(VIEWS.filter(v => v !== "all" && inView(v, s, false))).toEqual([]);
        }
    });
    test("parseView reads any case and refuses other words", () => {
        expect(parseView(" Good ")).toBe("good");
        expect(parseView("ESCALATIONS")).toBe("escalations");
        expect(parseView("red")).toBeNull();
    });
});
