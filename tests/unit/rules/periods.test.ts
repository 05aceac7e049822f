import { currentAndPrevious } from "../../../src/rules";

describe("currentAndPrevious: which periods a tile and the DAX measures report on", () => {
    test.each([
        ["every period has an actual", [1, 2, 3], { current: 2, previous: 1 }],
        ["latest period missing: current is the latest with an actual", [1, 2, null], { current: 1, previous: 0 }],
        ["gap before the current period is skipped", [1, null, NaN, 4], { current: 3, previous: 0 }],
        ["only one actual: no previous", [null, 5, null], { current: 1, previous: -1 }],
        ["no actual at all: current is the last period", [null, undefined, "text"], { current: 2, previous: -1 }],
        ["no periods", [], { current: -1, previous: -1 }],
        ["text and infinity count as missing", [3, "4", Infinity], { current: 0, previous: -1 }],
    ])("%s", (_name, actuals, expected) => {
        expect(currentAndPrevious(actuals as unknown[])).toEqual(expected);
    });
});
