/**
 * The preview's reading of a dataset folder (node only, no browser): the CSV parser, the
 * problem list a performance officer gets for a bad extract, the rows a Power BI model of the
 * star schema yields, and the dataView the capabilities' categorical mapping delivers.
 */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import capabilities from "../../capabilities.json";
import { parseCsvTable as parseCsv } from "../../lib/csv";
import { buildDataView, describeProblem, readDataset } from "../../scripts/preview/dataset";

const SMALL = join(__dirname, "fixtures", "small");

function folderWith(files: Record<string, string>): string {
    const folder = mkdtempSync(join(tmpdir(), "kpi-dataset-"));
    for (const [name, text] of Object.entries(files)) writeFileSync(join(folder, name), text);
    return folder;
}

const KPIS = "KPI ID,KPI,Service Area,Polarity,Format String,Target,Tolerance,Tolerance Type,Floor,Stretch,Owner\n";
const PERIODS = "Period ID,Period,Period Index\nP1,2025/26 Q1,1\nP2,2025/26 Q2,2\nP3,2025/26 Q3,3\n";
const VALUES = "KPI ID,Period ID,Actual,Period Target,Commentary\n";

describe("CSV (RFC 4180)", () => {
    test("quoted fields keep commas, doubled quotes and line breaks, and records keep their starting line", () => {
        const table = parseCsv("\uFEFFa,b,c\r\n1,\"x, y\",\"say \"\"hi\"\"\"\r\n2,\"two\nlines\",z\n\n3,,\n");
        expect(table.problems).toEqual([]);
        expect(table.header).toEqual(["a", "b", "c"]);
        expect(table.records.map(r => [r.line, r.values.a, r.values.b, r.values.c])).toEqual([
            [2, "1", "x, y", "say \"hi\""],
            [3, "2", "two\nlines", "z"],
            [6, "3", "", ""],
        ]);
    });

    test("an unclosed quote, a stray quote and ragged rows are problems with their line", () => {
        expect(parseCsv("a,b\n1,\"open\n2,3\n").problems).toContainEqual({ line: 2, message: "a quoted field is not closed (missing \")" });
        expect(parseCsv("a,b\n1,x\"y\n").problems[0].line).toBe(2);
        expect(parseCsv("a,b\n1,2,3\n").problems[0].message).toMatch(/3 fields but the header has 2/);
        expect(parseCsv("a,b\n1\n").problems[0].message).toMatch(/1 fields but the header has 2/);
        expect(parseCsv("").problems[0].message).toMatch(/empty/);
    });
});

describe("dataset rows", () => {
    test("one row per KPI and period, ordered by KPI Sort Order then Period Index, with targets, tolerances and the benchmark in force", () => {
        const dataset = readDataset(SMALL);
        expect(dataset.ok).toBe(true);
        expect(dataset.kpiCount).toBe(8);
        const rereferrals = dataset.rows.filter(r => r.kpi === "Re-referrals within 12 months");
        expect(rereferrals.map(r => r.period)).toEqual(["2024/25 Q1", "2024/25 Q2", "2024/25 Q3", "2024/25 Q4", "2025/26 Q1", "2025/26 Q2"]);
        // The 2023/24 benchmark applies from period 1, the 2024/25 one from period 5.
        expect(rereferrals.map(r => r.england)).toEqual([0.221, 0.221, 0.221, 0.221, 0.224, 0.224]);
        expect(rereferrals[5]).toMatchObject({ actual: 0.238, target: 0.2, tolerance: 0.02, tolerancePct: null, polarity: "Low", format: "0.0%", rank: 112, rankOf: 153, group: "Front door" });
        // Relative tolerance goes to tolerancePct; a period target wins over the KPI target.
        const assessments = dataset.rows.find(r => r.kpi === "Assessments completed within 45 working days");
        expect(assessments).toMatchObject({ tolerance: null, tolerancePct: 0.05, stretch: 0.95 });
        const eet = dataset.rows.filter(r => r.kpi === "Care leavers in education employment or training");
        expect(eet.map(r => r.target)).toEqual([0.6, 0.6, 0.6, 0.6, 0.62, 0.62]);
        // No benchmark row applies before its first period.
        expect(dataset.rows.find(r => r.kpi === "Assessments completed within 45 working days" && r.periodIndex === 4)?.england).toBeNull();
        // KPIs come in the model's order (KPI[KPI] is sorted by Sort Order), not alphabetically.
        const kpiTable = parseCsv(readFileSync(join(SMALL, "kpis.csv"), "utf8"));
        const expected = [...kpiTable.records]
            .sort((a, b) => Number(a.values["Sort Order"]) - Number(b.values["Sort Order"]))
            .map(r => r.values["KPI"]);
        const names = [...new Set(dataset.rows.map(r => r.kpi))];
        expect(expected).not.toEqual([...expected].sort());
        expect(names).toEqual(expected);
    });

    test("problems name the file, row and column and say what is wrong", () => {
        const folder = folderWith({
            "kpis.csv": KPIS + "K1,Good,Area,High,0.0%,0.9,0.05,absolute,,,\nK2,Bad polarity,Area,Sideways,0.0%,0.9,,,,,\nK3,Bad target,Area,Low,0.0%,\"1,5\",-1,fraction,,,\n",
            "periods.csv": PERIODS,
            "kpi_values.csv": VALUES + "K1,P1,0.91,,\nK1,P1,0.92,,\nK1,P9,0.9,,\nK1,P2,n/a,,\n",
            "benchmarks.csv": "KPI ID,Applies From Index,Q1,Median,Q3\nK1,1,0.9,0.8,0.95\n",
        });
        const text = readDataset(folder).problems.map(describeProblem);
        expect(text).toEqual(expect.arrayContaining([
            expect.stringMatching(/^Error: kpis\.csv, row 3, column Polarity: "Sideways" is not a polarity \(use one of: High/),
            "Error: kpis.csv, row 4, column Target: \"1,5\" is not a number (use a point as the decimal separator)",
            "Error: kpis.csv, row 4, column Tolerance: is negative",
            "Error: kpis.csv, row 4, column Tolerance Type: \"fraction\" should be absolute or relative",
            "Error: kpi_values.csv, row 3: K1 has a second row for P1 (first on line 2)",
            "Error: kpi_values.csv, row 4, column Period ID: \"P9\" is not in periods.csv",
            "Error: kpi_values.csv, row 5, column Actual: \"n/a\" is not a number (leave the cell empty for a missing value)",
            "Error: benchmarks.csv, row 2, column Q1: quartiles out of order: Q1 0.9, median 0.8, Q3 0.95",
        ]));
    });

    test("missing files and columns are reported; a missing benchmarks file is only a warning", () => {
        const noFiles = readDataset(folderWith({}));
        expect(noFiles.ok).toBe(false);
        expect(noFiles.problems.map(describeProblem)).toEqual(expect.arrayContaining([
            expect.stringMatching(/^Error: kpis\.csv: not found/),
            expect.stringMatching(/^Error: periods\.csv: not found/),
            expect.stringMatching(/^Error: kpi_values\.csv: not found/),
            expect.stringMatching(/^Warning: benchmarks\.csv: not found/),
        ]));
        const noPolarity = readDataset(folderWith({
            "kpis.csv": "KPI ID,KPI,Service Area\nK1,A,B\n", "periods.csv": PERIODS, "kpi_values.csv": VALUES,
        }));
        expect(noPolarity.problems.map(describeProblem)).toContainEqual(expect.stringMatching(/^Error: kpis\.csv, column Polarity: required column missing/));
        expect(readDataset("/no/such/folder").problems[0].message).toBe("is not a folder");
    });

    test("Decimals that disagree with the format string's precision are a warning, not an error", () => {
        const dataset = readDataset(folderWith({
            "kpis.csv": "KPI ID,KPI,Service Area,Polarity,Format String,Decimals,Target\nK1,A,Area,High,0.0%,1,0.9\nK2,B,Area,High,0.0%,3,0.9\n",
            "periods.csv": PERIODS, "kpi_values.csv": VALUES + "K1,P1,0.5,,\nK2,P1,0.6,,\n",
        }));
        expect(dataset.ok).toBe(true);
        expect(dataset.problems.filter(p => p.column === "Decimals").map(describeProblem)).toEqual([
            "Warning: kpis.csv, row 2, column Decimals: 1, but the format string \"0.0%\" shows values to 3 stored decimals; tiles compare at the format's precision",
        ]);
    });

    test("two KPIs with the same name are an error (they would merge into one tile)", () => {
        const dataset = readDataset(folderWith({
            "kpis.csv": KPIS + "K1,Same,Area,High,0.0%,0.9,,,,,\nK2,same,Area,High,0.0%,0.9,,,,,\n",
            "periods.csv": PERIODS, "kpi_values.csv": VALUES + "K1,P1,0.5,,\nK2,P1,0.6,,\n",
        }));
        expect(dataset.problems.map(describeProblem)).toContainEqual(expect.stringMatching(/kpis\.csv, row 3, column KPI: "same" is also the name on line 2/));
    });
});

describe("dataView", () => {
    const dataset = readDataset(SMALL);
    const { dataView, rowsCutOff, rolesNotInCapabilities } = buildDataView(dataset.rows, capabilities);

    test("text fields arrive as categories and the generated measures as values, with the capabilities' roles", () => {
        const categories = dataView.categorical.categories.map(c => [Object.keys(c.source.roles)[0], c.source.displayName, c.source.queryName]);
        expect(categories).toEqual(expect.arrayContaining([
            ["kpi", "KPI", "KPI.KPI"],
            ["group", "Service Area", "KPI.Service Area"],
            ["period", "Period", "Period.Period"],
            ["polarity", "Polarity", "KPI.Polarity"],
            ["commentary", "Commentary", "KPI Values.Commentary"],
            ["owner", "Owner", "KPI.Owner"],
        ]));
        expect(dataView.categorical.categories[0].source.roles).toEqual({ kpi: true });
        const values = dataView.categorical.values.map(v => [Object.keys(v.source.roles)[0], v.source.displayName, v.source.isMeasure]);
        expect(values).toEqual(expect.arrayContaining([
            ["actual", "KPI Actual", true], ["target", "KPI Target", true], ["tolerance", "KPI Tolerance", true],
            ["tolerancePct", "KPI Tolerance %", true], ["england", "KPI England", true], ["rankOf", "KPI Authorities", true],
        ]));
        for (const v of dataView.categorical.values) expect(v.source.type.numeric).toBe(true);
        for (const c of dataView.categorical.categories) expect(c.source.type).toEqual({ text: true });
        expect(dataView.metadata.columns.map(c => c.index)).toEqual(dataView.metadata.columns.map((_, i) => i));
        expect(rowsCutOff).toBe(0);
        expect(rolesNotInCapabilities).toEqual([]);
    });

    test("every column has one value per row, and category identities are equal for equal values", () => {
        const n = dataset.rows.length;
        for (const c of [...dataView.categorical.categories, ...dataView.categorical.values]) expect(c.values).toHaveLength(n);
        const kpi = dataView.categorical.categories[0];
        const first = kpi.values.indexOf("Re-referrals within 12 months");
        const last = kpi.values.lastIndexOf("Re-referrals within 12 months");
        expect(kpi.identity[first]).toEqual(kpi.identity[last]);
        const other = kpi.values.findIndex(v => v !== "Re-referrals within 12 months");
        expect(kpi.identity[other]).not.toEqual(kpi.identity[first]);
    });

    test("per-KPI formats go through the format role; a single shared format is also the measures' format", () => {
        const format = dataView.categorical.categories.find(c => c.source.roles.format);
        expect(format?.values).toContain("0.0%");
        expect(format?.values).toContain("0%");
        expect(dataView.categorical.values.find(v => v.source.roles.actual)?.source.format).toBeUndefined();
        const onePercentFormat = dataset.rows.map(r => ({ ...r, format: "0.0%" }));
        const uniform = buildDataView(onePercentFormat, capabilities).dataView;
        expect(uniform.categorical.values.find(v => v.source.roles.actual)?.source.format).toBe("0.0%");
    });

    test("roles the visual does not declare are left out and reported, and the data-reduction limit cuts rows", () => {
        const narrow = { ...capabilities, dataRoles: capabilities.dataRoles.filter(r => r.name !== "england") };
        const built = buildDataView(dataset.rows, narrow);
        expect(built.dataView.categorical.values.some(v => v.source.roles.england)).toBe(false);
        expect(built.rolesNotInCapabilities).toEqual(["england"]);
        const limited = JSON.parse(JSON.stringify(capabilities)) as typeof capabilities;
        limited.dataViewMappings[0].categorical.categories.dataReductionAlgorithm.top.count = 10;
        const cut = buildDataView(dataset.rows, limited);
        expect(cut.dataView.categorical.categories[0].values).toHaveLength(10);
        expect(cut.rowsCutOff).toBe(dataset.rows.length - 10);
        expect(cut.dataView.metadata.segment).toEqual({});
    });
});
