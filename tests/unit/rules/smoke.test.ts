import { rateStatus, parsePolarity, quartileBand, precisionFromFormat } from "../../../src/rules";

test("spec example: 85.0% against 85.0% is green at shown precision", () => {
    expect(rateStatus({ actual: 0.85001, target: 0.85, polarity: "High", decimals: 3 }).status).toBe("green");
    expect(parsePolarity(" higher IS better ")).toEqual({ ok: true, polarity: "High" });
    expect(quartileBand({ value: 20, q1: 10, median: 14, q3: 20, polarity: "High" })).toBe("B");
    expect(precisionFromFormat("0.0%")?.storedDecimals).toBe(3);
    expect(precisionFromFormat("#,0,")?.storedDecimals).toBe(-3);
});
