import { Direction, DirectionInput, isJudgedDirection, Movement, Polarity, rateDirection } from "../../../src/rules";

type Row = [string, DirectionInput, Direction, Movement | null];

describe("rateDirection", () => {
    const rows: Row[] = [
        ["High, up is Improving", { polarity: "High", previous: 80, actual: 85 }, "improving", "up"],
        ["High, down is Worsening", { polarity: "High", previous: 85, actual: 80 }, "worsening", "down"],
        ["High, same is No change", { polarity: "High", previous: 80, actual: 80 }, "no-change", "flat"],
        ["Low, down is Improving", { polarity: "Low", previous: 12, actual: 10 }, "improving", "down"],
        ["Low, up is Worsening (up arrow in the bad colour)", { polarity: "Low", previous: 10, actual: 12 }, "worsening", "up"],
        ["Low, same is No change", { polarity: "Low", previous: 10, actual: 10 }, "no-change", "flat"],
        ["None, up is Increasing", { polarity: "None", previous: 10, actual: 12 }, "increasing", "up"],
        ["None, down is Decreasing", { polarity: "None", previous: 12, actual: 10 }, "decreasing", "down"],
        ["None, same is No change", { polarity: "None", previous: 12, actual: 12 }, "no-change", "flat"],
        ["unrecognised polarity is described neutrally (up)", { polarity: null, previous: 1, actual: 2 }, "increasing", "up"],
        ["unrecognised polarity is described neutrally (down)", { polarity: null, previous: 2, actual: 1 }, "decreasing", "down"],
        ["Range, closer to target from below is Improving", { polarity: "Range", target: 50, previous: 45, actual: 48 }, "improving", "up"],
        ["Range, closer to target from above is Improving", { polarity: "Range", target: 50, previous: 58, actual: 52 }, "improving", "down"],
        ["Range, further from target below is Worsening", { polarity: "Range", target: 50, previous: 48, actual: 45 }, "worsening", "down"],
        ["Range, further from target above is Worsening", { polarity: "Range", target: 50, previous: 52, actual: 58 }, "worsening", "up"],
        ["Range, crossing the target and ending closer is Improving", { polarity: "Range", target: 50, previous: 44, actual: 52 }, "improving", "up"],
        ["Range, crossing the target and ending further is Worsening", { polarity: "Range", target: 50, previous: 52, actual: 44 }, "worsening", "down"],
        ["Range, crossing to the same distance is described neutrally", { polarity: "Range", target: 50, previous: 45, actual: 55 }, "increasing", "up"],
        ["Range, crossing down to the same distance is described neutrally", { polarity: "Range", target: 50, previous: 55, actual: 45 }, "decreasing", "down"],
        ["Range without a target is described neutrally", { polarity: "Range", previous: 45, actual: 48 }, "increasing", "up"],
        ["Range with a text target is described neutrally", { polarity: "Range", target: "50", previous: 48, actual: 45 }, "decreasing", "down"],
        ["Range, same value is No change", { polarity: "Range", target: 50, previous: 45, actual: 45 }, "no-change", "flat"],
        ["previous missing is Unknown", { polarity: "High", previous: null, actual: 80 }, "unknown", null],
        ["actual missing is Unknown", { polarity: "High", previous: 80, actual: undefined }, "unknown", null],
        ["NaN is missing", { polarity: "High", previous: NaN, actual: 80 }, "unknown", null],
        ["Infinity is missing", { polarity: "Low", previous: 80, actual: Infinity }, "unknown", null],
        ["text is missing", { polarity: "High", previous: "80", actual: 85 }, "unknown", null],
        ["both missing is Unknown", { polarity: "None", previous: null, actual: null }, "unknown", null],
        ["85.04 and 84.96 both show as 85.0: No change", { polarity: "High", previous: 84.96, actual: 85.04, decimals: 1 }, "no-change", "flat"],
        ["85.0% and 84.9% (stored 3 decimals) differ: Improving", { polarity: "High", previous: 0.8494, actual: 0.8504, decimals: 3 }, "improving", "up"],
        ["a change within the no-change tolerance is No change", { polarity: "High", previous: 80, actual: 80.5, noChangeTolerance: 0.5 }, "no-change", "flat"],
        ["a change just beyond the no-change tolerance counts", { polarity: "High", previous: 80, actual: 80.6, noChangeTolerance: 0.5 }, "improving", "up"],
        ["a fall within the no-change tolerance is No change", { polarity: "Low", previous: 80, actual: 79.5, noChangeTolerance: 0.5 }, "no-change", "flat"],
        ["a negative no-change tolerance counts as 0", { polarity: "High", previous: 80, actual: 80.1, noChangeTolerance: -1 }, "improving", "up"],
        ["a text no-change tolerance counts as 0", { polarity: "High", previous: 80, actual: 80.1, noChangeTolerance: "1" }, "improving", "up"],
        ["floating noise is no change: 0.1 + 0.2 against 0.3", { polarity: "High", previous: 0.3, actual: 0.1 + 0.2 }, "no-change", "flat"],
        ["negative values: -5 to -3 is up", { polarity: "High", previous: -5, actual: -3 }, "improving", "up"],
    ];
    test.each(rows)("%s", (_name, input, direction, movement) => {
        const result = rateDirection(input);
        expect(result.direction).toBe(direction);
        expect(result.movement).toBe(movement);
    });

    test("the change is actual - previous at the shown precision", () => {
        expect(rateDirection({ polarity: "High", previous: 0.1, actual: 0.3, decimals: 1 }).change).toBe(0.2);
        expect(rateDirection({ polarity: "High", previous: 0.8213, actual: 0.8658, decimals: 3 }).change).toBe(0.045);
        expect(rateDirection({ polarity: "Low", previous: 12, actual: 10 }).change).toBe(-2);
    });
    test("the rounded previous value is reported for \"was 82.1%\", even when the actual is missing", () => {
        expect(rateDirection({ polarity: "High", previous: 0.82149, actual: 0.85, decimals: 3 }).previous).toBe(0.821);
        const missing = rateDirection({ polarity: "High", previous: 0.82149, actual: null, decimals: 3 });
        expect(missing.previous).toBe(0.821);
        expect(missing.change).toBeNull();
    });
    test("the Range target is compared at the shown precision", () => {
        // target 0.5004 shows as 50.0%: 49.9% and 50.1% are the same distance from it
        expect(rateDirection({ polarity: "Range", target: 0.5004, previous: 0.499, actual: 0.501, decimals: 3 }).direction).toBe("increasing");
    });
    test("only Improving and Worsening are judged (coloured by polarity)", () => {
        const judged = (["improving", "worsening", "no-change", "increasing", "decreasing", "unknown"] as Direction[]).filter(isJudgedDirection);
        expect(judged).toEqual(["improving", "worsening"]);
    });
    test.each<[Polarity]>([["High"], ["Low"], ["Range"], ["None"]])("%s: the arrow follows the number, whatever the polarity", polarity => {
        expect(rateDirection({ polarity, target: 0, previous: 1, actual: 2 }).movement).toBe("up");
        expect(rateDirection({ polarity, target: 0, previous: 2, actual: 1 }).movement).toBe("down");
    });
});
