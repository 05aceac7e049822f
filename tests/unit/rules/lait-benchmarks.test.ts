/**
 * An independent check of quartiles, quartile bands and ranks against figures the Department for
 * Education published in its Local Authority Interactive Tool (fixtures/lait-benchmarks.json,
 * written by fixtures/extract-lait.ts).
 * Contains public sector information licensed under the Open Government Licence v3.0 (DfE LAIT).
 */
import { parsePolarity, Polarity, quartileBand, QuartileBand, quartiles, rankValues, roundHalfAwayFromZero } from "../../../src/rules";
import * as fs from "fs";
import * as path from "path";

interface Published { england: number; min: number; q1: number; median: number; q3: number; max: number; authorities: number }
interface IndicatorYear { code: string; name: string; polarity: string; year: string; published: Published; values: [number, string, string][] }
interface Fixture { attribution: string; source: string; sets: IndicatorYear[] }

const fixture = JSON.parse(fs.readFileSync(path.join(__dirname, "fixtures", "lait-benchmarks.json"), "utf8")) as Fixture;
const sets = fixture.sets;

/** Published text to a value: numbers (including "5.96E-2") become numbers; markers such as "-" or "c" stay text (missing). */
function readValue(text: string): unknown {
    return /^-?\d+(\.\d+)?(E[+-]?\d+)?$/i.test(text.trim()) ? Number(text) : text;
}

function polarityOf(set: IndicatorYear): Polarity {
    const parsed = parsePolarity(set.polarity);
    if (!parsed.ok) throw new Error(`polarity ${set.polarity}`);
    return parsed.polarity;
}

const BAND_ORDER: Record<QuartileBand, number> = { A: 1, B: 2, C: 3, D: 4 };

test("the fixture carries its attribution and three indicator-years of both polarities", () => {
    expect(fixture.attribution).toBe("Contains public sector information licensed under the Open Government Licence v3.0 (DfE LAIT)");
    expect(sets).toHaveLength(3);
    expect(new Set(sets.map(polarityOf))).toEqual(new Set(["High", "Low"]));
});

describe.each(sets.map(s => [`${s.code} ${s.year}`, s] as [string, IndicatorYear]))("%s", (_label, set) => {
    const values = set.values.map(([, , text]) => readValue(text));
    const present = values.filter((v): v is number => typeof v === "number");
    const polarity = polarityOf(set);
    const published = set.published;
    const cuts = { q1: published.q1, median: published.median, q3: published.q3 };

    test("suppression markers count as missing: the published number of authorities have a value", () => {
        expect(present).toHaveLength(published.authorities);
        expect(quartiles(values)?.count).toBe(published.authorities);
    });

    test("quartiles() reproduces the published Q1, median and Q3 (published to 4 decimals) and the range", () => {
        const q = quartiles(values);
        expect(q).not.toBeNull();
        if (!q) return;
        expect(roundHalfAwayFromZero(q.q1, 4)).toBe(published.q1);
        expect(roundHalfAwayFromZero(q.median, 4)).toBe(published.median);
        expect(roundHalfAwayFromZero(q.q3, 4)).toBe(published.q3);
        expect(q.min).toBe(published.min);
        expect(q.max).toBe(published.max);
    });

    test("bands from the computed quartiles equal bands from the published ones, for every authority", () => {
        const q = quartiles(values);
        if (!q) throw new Error("no quartiles");
        for (const value of present) {
            const fromComputed = quartileBand({ value, q1: q.q1, median: q.median, q3: q.q3, polarity });
            const fromPublished = quartileBand({ value, ...cuts, polarity });
            expect(fromComputed).toBe(fromPublished);
        }
    });

    test("every band follows the DfE rule (High: > Q3 A ... <= Q1 D; Low: <= Q1 A ... > Q3 D)", () => {
        for (const value of present) {
            const band = quartileBand({ value, ...cuts, polarity });
            let expected: QuartileBand;
            if (polarity === "High") expected = value > cuts.q3 ? "A" : value > cuts.median ? "B" : value > cuts.q1 ? "C" : "D";
            else expected = value <= cuts.q1 ? "A" : value <= cuts.median ? "B" : value <= cuts.q3 ? "C" : "D";
            expect(band).toBe(expected);
        }
    });

    test("each band holds no more than its quarter plus the authorities tied on a cut point", () => {
        const counts = { A: 0, B: 0, C: 0, D: 0 };
        for (const value of present) counts[quartileBand({ value, ...cuts, polarity }) as QuartileBand]++;
        expect(counts.A + counts.B + counts.C + counts.D).toBe(published.authorities);
        const onCut = present.filter(v => v === cuts.q1 || v === cuts.median || v === cuts.q3).length;
        for (const band of ["A", "B", "C", "D"] as QuartileBand[]) {
            expect(counts[band]).toBeLessThanOrEqual(Math.ceil(published.authorities / 4) + 1 + onCut);
        }
        // the best band is never empty: the best authority is beyond the cut on the good side
        expect(counts.A).toBeGreaterThan(0);
    });

    test("rank 1 goes to the published best value; every authority with a value is ranked", () => {
        const ranks = rankValues(values, polarity);
        const best = polarity === "High" ? published.max : published.min;
        const firsts = values.filter((_, i) => ranks[i] === 1);
        expect(firsts.length).toBeGreaterThan(0);
        expect(firsts.every(v => v === best)).toBe(true);
        expect(ranks.filter(r => r !== null)).toHaveLength(published.authorities);
        values.forEach((v, i) => expect(ranks[i] === null).toBe(typeof v !== "number"));
    });

    test("each rank is one more than the number of authorities strictly better (counted directly)", () => {
        const ranks = rankValues(values, polarity);
        values.forEach((v, i) => {
            if (typeof v !== "number") return;
            const better = present.filter(o => (polarity === "High" ? o > v : o < v)).length;
            expect(ranks[i]).toBe(better + 1);
        });
    });

    test("a better rank never has a worse band", () => {
        const ranks = rankValues(values, polarity);
        const ranked = values
            .map((v, i) => ({ rank: ranks[i], band: quartileBand({ value: v, ...cuts, polarity }) }))
            .filter((r): r is { rank: number; band: QuartileBand } => r.rank !== null && r.band !== null)
            .sort((a, b) => a.rank - b.rank);
        for (let i = 1; i < ranked.length; i++) {
            expect(BAND_ORDER[ranked[i].band]).toBeGreaterThanOrEqual(BAND_ORDER[ranked[i - 1].band]);
        }
    });
});

describe("named authorities (values as published)", () => {
    const find = (code: string, name: string): { set: IndicatorYear; index: number } => {
        const set = sets.find(s => s.code === code) as IndicatorYear;
        return { set, index: set.values.findIndex(v => v[1] === name) };
    };

    test("Blackburn with Darwen has the highest adoption percentage in 2024 (25): rank 1, band A", () => {
        const { set, index } = find("%_of LAC Adopted", "Blackburn with Darwen");
        const values = set.values.map(([, , text]) => readValue(text));
        expect(values[index]).toBe(25);
        expect(rankValues(values, "High")[index]).toBe(1);
        expect(quartileBand({ value: 25, q1: set.published.q1, median: set.published.median, q3: set.published.q3, polarity: "High" })).toBe("A");
    });

    test("an adoption percentage equal to the median (9) is C for High, on the cut point", () => {
        const { set } = find("%_of LAC Adopted", "Blackburn with Darwen");
        expect(quartileBand({ value: 9, q1: set.published.q1, median: set.published.median, q3: set.published.q3, polarity: "High" })).toBe("C");
    });

    test("a re-referral rate published as 19.100000000000001 reads as 19.1 at one decimal", () => {
        const set = sets.find(s => s.code === "ReReferral") as IndicatorYear;
        const noisy = set.values.find(v => v[2] === "19.100000000000001");
        expect(noisy).toBeDefined();
        expect(roundHalfAwayFromZero(readValue(noisy?.[2] ?? "") as number, 1)).toBe(19.1);
    });
});
