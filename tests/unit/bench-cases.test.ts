/** `npm run bench -- --cases`: which cases run (scripts/bench/run.ts). */
import { selectCases } from "../../scripts/bench/run";

test("--cases names cases by their number of KPIs; none given runs them all", () => {
    const all = selectCases(undefined);
    expect(all.cases.map(c => c.kpis)).toEqual([100, 1000, 250]);
    expect(all.large).toBe(true);
    const some = selectCases("100, 1000");
    expect(some.cases.map(c => c.kpis)).toEqual([100, 1000]);
    expect(some.large).toBe(false);
    const large = selectCases("10_000");
    expect(large.cases).toEqual([]);
    expect(large.large).toBe(true);
});

test("--cases refuses a number of KPIs no case has, and says which it takes", () => {
    expect(() => selectCases("100,500")).toThrow('--cases takes numbers of KPIs from 100, 1000, 250, 10000, not "100,500"');
    expect(() => selectCases("all")).toThrow(/--cases takes numbers of KPIs/);
});
