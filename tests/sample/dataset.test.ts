/**
 * The committed Children's Services sample dataset: what a performance officer opening it would
 * check (schema, contiguity, sane values) and the status mix the dashboard shows.
 */
import { spawnSync } from "child_process";
import * as crypto from "crypto";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { parsePolarity, precisionFromFormat, rateStatus, Status } from "../../src/rules";
import { BENCHMARK_TABLE, columnNames, KPI_TABLE, PERIOD_TABLE, VALUES_TABLE } from "../../lib/star-schema";
import { parseCsvTable } from "../../lib/csv";
import { buildSample } from "../../scripts/sample/generate";
import { num, readDictionary, readSampleCsv, SAMPLE_DIR } from "./sample-files";

const kpis = readSampleCsv("kpis.csv");
const periods = readSampleCsv("periods.csv");
const values = readSampleCsv("kpi_values.csv");
const benchmarks = readSampleCsv("benchmarks.csv");
const dictionary = readDictionary();
const kpiById = new Map(kpis.map(k => [k["KPI ID"], k]));
const periodById = new Map(periods.map(p => [p["Period ID"], p]));

function isPercent(kpi: Record<string, string>): boolean {
    return precisionFromFormat(kpi["Format String"])?.scale === "percent";
}

/** The unit's multiplier: "per 10,000 children" is 10,000; shares and ratios 1. */
function multiplierOf(kpi: Record<string, string>): number {
    const m = /per ([\d,]+)/.exec(kpi.Unit);
    return m ? Number(m[1].replace(/,/g, "")) : 1;
}

function statusOf(kpi: Record<string, string>, row: Record<string, string> | undefined): Status {
    const polarity = parsePolarity(kpi.Polarity);
    return rateStatus({
        actual: row ? num(row.Actual) : null,
        target: (row ? num(row["Period Target"]) : null) ?? num(kpi.Target),
        polarity: polarity.ok ? polarity.polarity : null,
        tolerance: num(kpi.Tolerance),
        toleranceKind: kpi["Tolerance Type"] === "relative" ? "relative" : "absolute",
        floor: num(kpi.Floor),
        stretch: num(kpi.Stretch),
        decimals: precisionFromFormat(kpi["Format String"])?.storedDecimals,
    }).status;
}

describe("sample dataset files", () => {
    it("have exactly the star schema's columns, in order", () => {
        for (const table of [KPI_TABLE, PERIOD_TABLE, VALUES_TABLE, BENCHMARK_TABLE]) {
            const header = parseCsvTable(fs.readFileSync(path.join(SAMPLE_DIR, "data", table.file), "utf8")).header;
            expect(header).toEqual(columnNames(table));
        }
    });

    it("name the fictional council and carry the OGL attribution", () => {
        const notice = fs.readFileSync(path.join(SAMPLE_DIR, "data", "NOTICE.txt"), "utf8");
        expect(notice).toMatch(/FICTIONAL council/);
        expect(notice).toContain("Contains public sector information licensed under the Open Government Licence v3.0 (DfE LAIT)");
    });
});

describe("KPIs and dictionary", () => {
    it("has at least 25 KPIs, each with a dictionary entry that agrees with kpis.csv", () => {
        expect(kpis.length).toBeGreaterThanOrEqual(29);
        const entries = new Map(dictionary.kpis.map(e => [e.id as string, e]));
        expect(entries.size).toBe(kpis.length);
        for (const k of kpis) {
            const e = entries.get(k["KPI ID"]);
            expect(e).toBeDefined();
            expect(e?.name).toBe(k.KPI);
            expect(e?.serviceArea).toBe(k["Service Area"]);
            expect(e?.polarity).toBe(k.Polarity);
            expect(e?.format).toBe(k["Format String"]);
            expect(e?.target ?? null).toBe(num(k.Target));
            expect(e?.floor ?? null).toBe(num(k.Floor));
            expect(e?.stretch ?? null).toBe(num(k.Stretch));
            expect(e?.tolerance ?? null).toBe(num(k.Tolerance));
            expect(Number(k.Decimals)).toBe(precisionFromFormat(k["Format String"])?.storedDecimals);
        }
    });

    it("uses only contract field names in the dictionary and valid ids", () => {
        const allowed = new Set(["id", "name", "serviceArea", "outcome", "polarity", "unit", "format", "target", "tolerance", "toleranceType",
            "floor", "stretch", "noChangeTolerance", "similarityTolerance", "owner", "frequency", "source", "definition", "laitCode",
            "benchmarks", "actualExpression", "sourceColumn"]);
        for (const e of dictionary.kpis) {
            for (const key of Object.keys(e)) expect(allowed).toContain(key);
            expect(e.id).toMatch(/^[A-Za-z0-9_-]+$/);
            expect(parsePolarity(e.polarity).ok).toBe(true);
        }
    });

    it("covers every polarity, tolerance kind, floors and stretches", () => {
        const polarities = new Set(kpis.map(k => k.Polarity));
        expect([...polarities].sort()).toEqual(["High", "Low", "None", "Range"]);
        expect(kpis.filter(k => k["Tolerance Type"] === "relative").length).toBeGreaterThanOrEqual(2);
        expect(kpis.filter(k => k["Tolerance Type"] === "absolute").length).toBeGreaterThanOrEqual(2);
        expect(kpis.filter(k => k.Floor !== "").length).toBeGreaterThanOrEqual(2);
        expect(kpis.filter(k => k.Stretch !== "").length).toBeGreaterThanOrEqual(2);
        expect(kpis.filter(k => k["LAIT Code"] === "").length).toBeGreaterThanOrEqual(4);
    });

    it("gives every KPI an owner (a job title) and every rated KPI a target", () => {
        for (const k of kpis) {
            expect(k.Owner).toMatch(/^(Head|Principal|Virtual|Youth|Service|Director)/);
            if (k.Polarity !== "None") expect(num(k.Target)).not.toBeNull();
        }
    });
});

describe("periods", () => {
    it("are at least 10 contiguous financial-year quarters from 2023/24 Q1", () => {
        expect(periods.length).toBeGreaterThanOrEqual(10);
        expect(periods[0].Period).toBe("2023/24 Q1");
        periods.forEach((p, i) => {
            expect(Number(p["Period Index"])).toBe(i + 1);
            expect(p.Period).toBe(`${p["Financial Year"]} ${p.Quarter}`);
            if (i > 0) {
                const prev = new Date(`${periods[i - 1]["Period End"]}T00:00:00Z`);
                const end = new Date(`${p["Period End"]}T00:00:00Z`);
                const months = (end.getUTCFullYear() - prev.getUTCFullYear()) * 12 + end.getUTCMonth() - prev.getUTCMonth();
                expect(months).toBe(3);
            }
        });
    });
});

describe("KPI values", () => {
    it("every KPI has values and every row refers to a known KPI and period, once", () => {
        const seen = new Set<string>();
        for (const v of values) {
            expect(kpiById.has(v["KPI ID"])).toBe(true);
            expect(periodById.has(v["Period ID"])).toBe(true);
            const key = `${v["KPI ID"]}|${v["Period ID"]}`;
            expect(seen.has(key)).toBe(false);
            seen.add(key);
        }
        for (const k of kpis) expect(values.filter(v => v["KPI ID"] === k["KPI ID"] && v.Actual !== "").length).toBeGreaterThanOrEqual(3);
    });

    it("percentages are fractions within 0-1 and numerators never exceed denominators", () => {
        for (const v of values) {
            const kpi = kpiById.get(v["KPI ID"])!;
            const actual = num(v.Actual);
            if (!isPercent(kpi) || actual === null) continue;
            expect(actual).toBeGreaterThanOrEqual(0);
            expect(actual).toBeLessThanOrEqual(1);
            expect(num(v.Numerator)!).toBeLessThanOrEqual(num(v.Denominator)!);
        }
    });

    it("actual = numerator / denominator x the unit's multiplier where both are given", () => {
        let checked = 0;
        for (const v of values) {
            const n = num(v.Numerator);
            const d = num(v.Denominator);
            if (n === null || d === null) continue;
            const kpi = kpiById.get(v["KPI ID"])!;
            expect(num(v.Actual)).toBeCloseTo((n / d) * multiplierOf(kpi), 8);
            checked++;
        }
        expect(checked).toBeGreaterThan(200);
    });

    it("has suppressed, provisional and missing periods, and suppressed rows carry no figures", () => {
        const suppressed = values.filter(v => v["Data Quality"] === "Suppressed");
        expect(suppressed.length).toBeGreaterThanOrEqual(2);
        for (const v of suppressed) expect([v.Actual, v.Numerator, v.Denominator]).toEqual(["", "", ""]);
        expect(values.filter(v => v["Data Quality"] === "Provisional").length).toBeGreaterThanOrEqual(2);
        for (const v of values) expect(["", "Provisional", "Suppressed"]).toContain(v["Data Quality"]);
        const quarterly = kpis.filter(k => k.Frequency === "Quarterly");
        const missing = quarterly.filter(k => values.filter(v => v["KPI ID"] === k["KPI ID"]).length < periods.length);
        expect(missing.length).toBeGreaterThanOrEqual(1);
    });

    it("the latest period's statuses are a realistic mix (each rated status on 3+ tiles, none on more than 60%)", () => {
        const latest = periods[periods.length - 1]["Period ID"];
        const counts = new Map<Status, number>();
        for (const k of kpis) {
            const row = values.find(v => v["KPI ID"] === k["KPI ID"] && v["Period ID"] === latest);
            // A suppressed latest figure has no status for the period: its tile shows the one before (see below).
            if (row?.["Data Quality"] === "Suppressed") continue;
            const s = statusOf(k, row);
            counts.set(s, (counts.get(s) ?? 0) + 1);
        }
        for (const s of ["red", "amber", "green"] as Status[]) expect(counts.get(s) ?? 0).toBeGreaterThanOrEqual(3);
        for (const [, n] of counts) {
            expect(n).toBeGreaterThanOrEqual(3);
            expect(n / kpis.length).toBeLessThanOrEqual(0.6);
        }
    });

    it("has one KPI whose latest quarter is suppressed, so the dashboard shows a tile without a figure for the period in view", () => {
        const latest = periods[periods.length - 1]["Period ID"];
        const suppressed = values.filter(v => v["Period ID"] === latest && v["Data Quality"] === "Suppressed");
        expect(suppressed.map(v => v["KPI ID"])).toEqual(["CS15"]);
        expect(values.filter(v => v["Period ID"] === latest && v["Data Quality"] === "Provisional").length).toBe(4);
    });

    it("tells stories: some reds recover and some KPIs worsen into red", () => {
        const byKpi = kpis.map(k => periods.map(p => {
            const row = values.find(v => v["KPI ID"] === k["KPI ID"] && v["Period ID"] === p["Period ID"]);
            return row && row.Actual !== "" ? statusOf(k, row) : null;
        }).filter((s): s is Status => s !== null));
        const good = (s: Status | undefined) => s === "green" || s === "blue";
        const recovered = byKpi.filter(s => s.slice(0, 4).includes("red") && good(s[s.length - 1]));
        const worsened = byKpi.filter(s => good(s[0]) && s[s.length - 1] === "red");
        expect(recovered.length).toBeGreaterThanOrEqual(3);
        expect(worsened.length).toBeGreaterThanOrEqual(3);
    });

    it("every red has commentary with a path to green (explanation, action, date, accountable officer)", () => {
        let reds = 0;
        for (const v of values) {
            const kpi = kpiById.get(v["KPI ID"])!;
            if (v.Actual === "" || statusOf(kpi, v) !== "red") continue;
            reds++;
            expect(v.Commentary).toMatch(/against (a target|a range) of/);
            expect(v.Commentary).toMatch(/Action: \S/);
            expect(v.Commentary).toMatch(/Expected back within tolerance by \d{1,2} \w+ \d{4} \(\d{4}\/\d{2} Q[1-4]\)\./);
            expect(v.Commentary).toContain(`Accountable officer: ${kpi.Owner}.`);
            // The explanation sits between the figure and the action.
            const explanation = v.Commentary.split(". ").slice(1).join(". ").split("Action:")[0].trim();
            expect(explanation.length).toBeGreaterThan(30);
        }
        expect(reds).toBeGreaterThanOrEqual(10);
    });

    it("the period target, where given, is on a trajectory for every period of the KPI", () => {
        const withTargets = kpis.filter(k => values.some(v => v["KPI ID"] === k["KPI ID"] && v["Period Target"] !== ""));
        expect(withTargets.length).toBeGreaterThanOrEqual(1);
        for (const k of withTargets) {
            const rows = values.filter(v => v["KPI ID"] === k["KPI ID"]);
            for (const r of rows) expect(num(r["Period Target"])).not.toBeNull();
        }
    });
});

describe("benchmarks", () => {
    // Year labels DfE LAIT publishes for each indicator in the extract the sample was built from
    // (indicator -> published years); a benchmark row must use one of them.
    const PUBLISHED_YEARS: Record<string, string[]> = {
        "financial": ["2016", "2017", "2018", "2019", "2020", "2021", "2022", "2023", "2024", "2025"],
        "FirstYJS": ["2016", "2017", "2018", "2019", "2020", "2021", "2022", "2023", "2024"],
        "SEN_EHC_Excpt_20wks": ["2016", "2017", "2018", "2019", "2020", "2021", "2022", "2023", "2024"],
        "KS2RWM_Expected_STD": ["2016", "2017", "2018", "2019", "2022", "2023", "2024", "2025"],
        "TotPerAbNew": ["2016", "2017", "2018", "2019", "2021", "2022", "2023", "2024", "2025"],
        "LAC_Pers_Abs": ["2017", "2018", "2019", "2021", "2022", "2023", "2024", "2025"],
        "TotPermEx": ["2020/21", "2021/22", "2022/23", "2023/24"],
        "TotFixedEx": ["2020/21", "2021/22", "2022/23", "2023/24"],
        "16-17_not known_NEET": ["2019", "2020", "2021", "2022", "2023", "2024", "2025"],
        "LAC_LongStable%": ["2018", "2019", "2020", "2021", "2022", "2023", "2024", "2025"],
    };

    it("only KPIs with a LAIT code have benchmarks, each from its first period on", () => {
        for (const k of kpis) {
            const rows = benchmarks.filter(b => b["KPI ID"] === k["KPI ID"]);
            if (k["LAIT Code"] === "") { expect(rows).toHaveLength(0); continue; }
            expect(rows.length).toBeGreaterThanOrEqual(1);
            expect(rows[0]["Applies From Index"]).toBe("1");
            const indexes = rows.map(r => Number(r["Applies From Index"]));
            expect([...indexes].sort((a, b) => a - b)).toEqual(indexes);
            expect(new Set(indexes).size).toBe(indexes.length);
            for (const i of indexes) expect(i).toBeLessThanOrEqual(periods.length);
        }
    });

    it("benchmark years are years DfE published for the indicator, latest year last", () => {
        for (const b of benchmarks) {
            const code = kpiById.get(b["KPI ID"])!["LAIT Code"];
            const years = PUBLISHED_YEARS[code] ?? PUBLISHED_YEARS.financial;
            expect(years).toContain(b.Year);
        }
    });

    it("quartiles are ordered, percentages are fractions, ranks are within the authorities", () => {
        for (const b of benchmarks) {
            const kpi = kpiById.get(b["KPI ID"])!;
            const [q1, med, q3] = [num(b.Q1), num(b.Median), num(b.Q3)];
            expect(q1).not.toBeNull();
            expect(q1!).toBeLessThanOrEqual(med!);
            expect(med!).toBeLessThanOrEqual(q3!);
            if (isPercent(kpi)) for (const c of ["England", "Region", "Neighbours", "Q1", "Median", "Q3"]) {
                const v = num(b[c]);
                if (v !== null) { expect(v).toBeGreaterThanOrEqual(0); expect(v).toBeLessThanOrEqual(1); }
            }
            const rank = num(b.Rank);
            const authorities = num(b.Authorities);
            expect(authorities!).toBeGreaterThanOrEqual(50); // "not in touch" is published by about 75 authorities
            if (kpi.Polarity === "None") expect(rank).toBeNull();
            else { expect(rank!).toBeGreaterThanOrEqual(1); expect(rank!).toBeLessThanOrEqual(authorities!); }
            expect(num(b.Neighbours)).not.toBeNull();
            expect(num(b.Region)).not.toBeNull();
        }
    });
});

describe("regeneration", () => {
    const laitDir = path.resolve(__dirname, "../../../shared/data/lait");
    const available = fs.existsSync(path.join(laitDir, "la_values.csv"));
    const hash = (text: string) => crypto.createHash("sha256").update(text).digest("hex");

    (available ? it : it.skip)("regenerating gives exactly the committed files (needs ../shared/data/lait)", () => {
        const files = buildSample(laitDir);
        for (const [rel, content] of files) {
            expect(`${rel} ${hash(content)}`).toBe(`${rel} ${hash(fs.readFileSync(path.join(SAMPLE_DIR, rel), "utf8"))}`);
        }
    });

    it("without the LAIT extract, the generator says so, exits non-zero and leaves the outputs untouched", () => {
        const out = fs.mkdtempSync(path.join(os.tmpdir(), "sample-out-"));
        fs.mkdirSync(path.join(out, "data"));
        fs.writeFileSync(path.join(out, "data", "kpis.csv"), "untouched\n");
        const tsx = path.resolve(__dirname, "../../node_modules/.bin/tsx");
        const run = spawnSync(tsx, [path.resolve(__dirname, "../../scripts/sample/generate.ts"), "--lait", path.join(out, "no-such-folder"), "--out", out], { encoding: "utf8" });
        expect(run.status).toBe(1);
        expect(run.stderr).toMatch(/DfE LAIT extract is needed/);
        expect(fs.readFileSync(path.join(out, "data", "kpis.csv"), "utf8")).toBe("untouched\n");
        expect(fs.readdirSync(path.join(out, "data"))).toEqual(["kpis.csv"]);
        fs.rmSync(out, { recursive: true, force: true });
    }, 30000);

    if (!available) {
        it("skips the regeneration check: ../shared/data/lait is not present on this machine", () => {
            expect(available).toBe(false);
        });
    }
});
