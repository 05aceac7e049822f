/**
 * The preview's reading of a dataset folder (node only, no browser): the CSV parser, the
 * problem list a performance officer gets for a bad extract, the rows a Power BI model of the
 * star schema yields, and the dataView the capabilities' categorical mapping delivers.
 */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import capabilities from "../../capabilities.json";
import { parseCsvTable as parseCsv, toCsv } from "../../lib/csv";
import { BENCHMARK_TABLE, columnNames, KPI_TABLE, PERIOD_TABLE, STAR_TABLES, StarTable, TYPE_WORDS, VALUES_TABLE } from "../../lib/star-schema";
import { buildDataView, describeProblem, readDataset } from "../../scripts/preview/dataset";
import { relativeToleranceProblem } from "../../src/rules";

const SMALL = join(__dirname, "fixtures", "small");

function folderWith(files: Record<string, string>): string {
    const folder = mkdtempSync(join(tmpdir(), "kpi-dataset-"));
    for (const [name, text] of Object.entries(files)) writeFileSync(join(folder, name), text);
    return folder;
}

/** A file of the star schema with every contract column, from CSV rows that give some of them (in this order). */
function starCsv(table: StarTable, columns: readonly string[], lines: readonly string[]): string {
    const rows = lines.map(line => {
        const cells = parseCsv(`${columns.join(",")}\n${line}\n`).records[0].values;
        return Object.fromEntries(columns.map(c => [c, cells[c] ?? ""]));
    });
    return toCsv(columnNames(table), rows);
}
const KPI_COLUMNS = ["KPI ID", "KPI", "Service Area", "Polarity", "Format String", "Target", "Tolerance", "Tolerance Type", "Floor", "Stretch", "Owner"];
const kpisCsv = (...lines: string[]): string => starCsv(KPI_TABLE, KPI_COLUMNS, lines);
const PERIODS = starCsv(PERIOD_TABLE, ["Period ID", "Period", "Period Index"], ["P1,2025/26 Q1,1", "P2,2025/26 Q2,2", "P3,2025/26 Q3,3"]);
const valuesCsv = (...lines: string[]): string => starCsv(VALUES_TABLE, ["KPI ID", "Period ID", "Actual", "Period Target", "Commentary"], lines);
const NO_BENCHMARKS = toCsv(columnNames(BENCHMARK_TABLE), []);

/** The small fixture's files, each changed by `edit` (header and rows as text). */
function smallWith(edit: (file: string, text: string) => string): string {
    const files: Record<string, string> = {};
    for (const table of STAR_TABLES) files[table.file] = edit(table.file, readFileSync(join(SMALL, table.file), "utf8"));
    return folderWith(files);
}

/** Rename, drop or move a header cell of one file of the small fixture (the rows keep their cells). */
function withHeader(file: string, change: (header: string[]) => string[], dropIndex?: number): string {
    return smallWith((name, text) => {
        if (name !== file) return text;
        const [head, ...rest] = text.split("\n");
        const header = change(head.split(","));
        if (dropIndex === undefined) return [header.join(","), ...rest].join("\n");
        const table = parseCsv(text);
        const kept = table.header.filter((_, i) => i !== dropIndex);
        return toCsv(kept, table.records.map(r => ({ ...r.values })));
    });
}

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
            "kpis.csv": kpisCsv("K1,Good,Area,High,0.0%,0.9,0.05,absolute,,,", "K2,Bad polarity,Area,Sideways,0.0%,0.9,,,,,", "K3,Bad target,Area,Low,0.0%,\"1,5\",-1,fraction,,,"),
            "periods.csv": PERIODS,
            "kpi_values.csv": valuesCsv("K1,P1,0.91,,", "K1,P1,0.92,,", "K1,P9,0.9,,", "K1,P2,n/a,,"),
            "benchmarks.csv": starCsv(BENCHMARK_TABLE, ["KPI ID", "Applies From Index", "Q1", "Median", "Q3"], ["K1,1,0.9,0.8,0.95"]),
        });
        const text = readDataset(folder).problems.map(describeProblem);
        expect(text).toEqual(expect.arrayContaining([
            expect.stringMatching(/^Error: kpis\.csv, row 3, column Polarity: "Sideways" is not a polarity \(use one of: High/),
            "Error: kpis.csv, row 4, column Target: \"1,5\" is not a number (use a point as the decimal separator)",
            "Error: kpis.csv, row 4, column Tolerance: is negative",
            "Error: kpis.csv, row 4, column Tolerance Type: \"fraction\" is not one of absolute, relative (or empty)",
            "Error: kpi_values.csv, row 3: K1 has a second row for P1 (first on line 2)",
            "Error: kpi_values.csv, row 4, column Period ID: \"P9\" is not in periods.csv",
            "Error: kpi_values.csv, row 5, column Actual: \"n/a\" is not a number (leave the cell empty for a missing value)",
            "Error: benchmarks.csv, row 2, column Q1: quartiles out of order: Q1 0.9, median 0.8, Q3 0.95",
        ]));
    });

    test("missing files are errors, benchmarks.csv too (the model reads it); a header-only benchmarks file is fine", () => {
        const noFiles = readDataset(folderWith({}));
        expect(noFiles.ok).toBe(false);
        expect(noFiles.problems.map(describeProblem)).toEqual([
            expect.stringMatching(/^Error: kpis\.csv: not found/),
            expect.stringMatching(/^Error: periods\.csv: not found/),
            expect.stringMatching(/^Error: kpi_values\.csv: not found/),
            expect.stringMatching(/^Error: benchmarks\.csv: not found: .*give a file with only the header row/),
        ]);
        const headerOnly = readDataset(smallWith((file, text) => file === BENCHMARK_TABLE.file ? NO_BENCHMARKS : text));
        expect(headerOnly.ok).toBe(true);
        expect(headerOnly.rows.every(r => r.england === null)).toBe(true);
        expect(readDataset("/no/such/folder").problems[0].message).toBe("is not a folder");
    });

    test("Decimals that disagree with the format string's precision, or are empty, are a warning, not an error", () => {
        const dataset = readDataset(folderWith({
            "kpis.csv": starCsv(KPI_TABLE, ["KPI ID", "KPI", "Service Area", "Polarity", "Format String", "Decimals", "Target"],
                ["K1,A,Area,High,0.0%,1,0.9", "K2,B,Area,High,0.0%,3,0.9", "K3,C,Area,High,0.0%,,0.9"]),
            "periods.csv": PERIODS, "kpi_values.csv": valuesCsv("K1,P1,0.5,,", "K2,P1,0.6,,", "K3,P1,0.6,,"), "benchmarks.csv": NO_BENCHMARKS,
        }));
        expect(dataset.ok).toBe(true);
        expect(dataset.problems.filter(p => p.column === "Decimals").map(describeProblem)).toEqual([
            "Warning: kpis.csv, row 2, column Decimals: 1, but the format string \"0.0%\" shows values to 3 stored decimals; the tiles and the DAX measures compare at the format's precision (did you mean \"3\"?)",
            "Warning: kpis.csv, row 4, column Decimals: is empty: the tiles and the DAX measures compare at the format string's 3 stored decimals (the DAX reads the Decimals column only for a format string the generator did not see) (did you mean \"3\"?)",
        ]);
    });

    test("two KPIs with the same name are an error (they would merge into one tile)", () => {
        const dataset = readDataset(folderWith({
            "kpis.csv": kpisCsv("K1,Same,Area,High,0.0%,0.9,,,,,", "K2,same,Area,High,0.0%,0.9,,,,,"),
            "periods.csv": PERIODS, "kpi_values.csv": valuesCsv("K1,P1,0.5,,", "K2,P1,0.6,,"), "benchmarks.csv": NO_BENCHMARKS,
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
        expect(values).toContainEqual(["quality", "KPI Data Quality", true]);
        for (const v of dataView.categorical.values) expect(v.source.type.numeric === true).toBe(!v.source.roles.quality);
        // Text columns, and the path-to-green dates as dates.
        for (const c of dataView.categorical.categories) expect(c.source.type).toEqual(c.source.type.dateTime ? { dateTime: true } : { text: true });
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
        limited.dataViewMappings[0].categorical.categories.dataReductionAlgorithm.window.count = 10;
        const cut = buildDataView(dataset.rows, limited);
        expect(cut.dataView.categorical.categories[0].values).toHaveLength(10);
        expect(cut.rowsCutOff).toBe(dataset.rows.length - 10);
        expect(cut.dataView.metadata.segment).toEqual({});
    });
});

/** The small fixture with one cell of a file's first data row replaced. */
function withCell(file: string, column: string, value: string): string {
    return smallWith((name, text) => {
        if (name !== file) return text;
        const table = parseCsv(text);
        const rows = table.records.map((r, i) => (i === 0 ? { ...r.values, [column]: value } : { ...r.values }));
        return toCsv(table.header, rows);
    });
}

/** The small fixture with every value of a column of one file replaced where `pick` matches. */
function withValues(file: string, change: (row: Record<string, string>) => Record<string, string>): string {
    return smallWith((name, text) => {
        if (name !== file) return text;
        const table = parseCsv(text);
        return toCsv(table.header, table.records.map(r => change({ ...r.values })));
    });
}

const EVERY_COLUMN = STAR_TABLES.flatMap(t => t.columns.map(c => [t.file, c.name] as const));

describe("what the Power BI model cannot load is refused", () => {
    test("the small fixture has every column of the contract, so it loads", () => {
        const dataset = readDataset(SMALL);
        expect(dataset.ok).toBe(true);
        expect(dataset.problems).toEqual([]);
    });

    test.each(EVERY_COLUMN)("%s without column %s: refused, with one message naming it", (file, column) => {
        const table = STAR_TABLES.find(t => t.file === file) as StarTable;
        const position = table.columns.findIndex(c => c.name === column);
        const dataset = readDataset(withHeader(file, h => h.filter((_, i) => i !== position), position));
        expect(dataset.ok).toBe(false);
        expect(dataset.rows).toEqual([]);
        expect(dataset.problems.map(describeProblem)).toEqual([
            `Error: ${file}, column ${column}: column missing. The Power BI model's query types every column of table ${table.table}, so its refresh would fail: add it (cells may be empty unless the value is required)`,
        ]);
    });

    const typed = STAR_TABLES.flatMap(t => t.columns.filter(c => c.type !== "text").map(c => [t.file, c.name, TYPE_WORDS[c.type], c.type] as const));
    test.each(typed)("%s: a value of column %s that is not a %s is refused, with one message", (file, column, _words, type) => {
        const bad = type === "integer" ? "1.5" : type === "date" ? "30/06/2024" : "about 12";
        const dataset = readDataset(withCell(file, column, bad));
        expect(dataset.ok).toBe(false);
        const errors = dataset.problems.filter(p => p.severity === "error");
        expect(errors).toHaveLength(1);
        expect(errors[0]).toMatchObject({ file, line: 2, column });
        expect(errors[0].message).toContain(bad);
    });

    test("a column beyond the ones the query reads is refused; extra columns after them are fine", () => {
        const moved = readDataset(withHeader(KPI_TABLE.file, h => h));
        expect(moved.ok).toBe(true);
        const inFront = readDataset(smallWith((name, text) => name !== KPI_TABLE.file ? text
            : text.split("\n").map((line, i) => (line === "" ? line : `${i === 0 ? "Notes" : "n"},${line}`)).join("\n")));
        expect(inFront.problems.map(describeProblem)).toEqual([
            "Error: kpis.csv, column Sort Order: is column 20, but the model's query reads only the first 19 columns of kpis.csv: put other columns after the 19 of table KPI",
        ]);
        const atEnd = readDataset(smallWith((name, text) => name !== KPI_TABLE.file ? text
            : text.split("\n").map((line, i) => (line === "" ? line : `${line},${i === 0 ? "Notes" : "n"}`)).join("\n")));
        expect(atEnd.ok).toBe(true);
        expect(atEnd.problems).toEqual([]);
    });

    test.each([
        [KPI_TABLE.file, "Service Area", "Sevice Area"],
        [KPI_TABLE.file, "KPI ID", "KPI Id"],
        [VALUES_TABLE.file, "KPI ID", "KPI_ID"],
        [VALUES_TABLE.file, "Period ID", "PeriodID"],
        [VALUES_TABLE.file, "Actual", "Actuals"],
        [PERIOD_TABLE.file, "Period Index", "Period index"],
        [BENCHMARK_TABLE.file, "Applies From Index", "Applies from"],
    ])("%s with %s misspelt %s: one message, with the name it should have", (file, column, misspelt) => {
        const dataset = readDataset(withHeader(file, h => h.map(c => (c === column ? misspelt : c))));
        expect(dataset.ok).toBe(false);
        expect(dataset.problems).toHaveLength(1);
        expect(dataset.problems[0]).toMatchObject({ severity: "error", file, line: null, column: misspelt, suggestion: column });
        expect(describeProblem(dataset.problems[0])).toBe(
            `Error: ${file}, column ${misspelt}: is not a column of table ${STAR_TABLES.find(t => t.file === file)?.table}, and its column "${column}" is missing: Power BI matches column names exactly (did you mean "${column}"?)`);
    });

    test("a KPI ID misspelt in kpi_values.csv gives one message for all its values, with the ID it probably is, and no follow-on warning", () => {
        const dataset = readDataset(withValues(VALUES_TABLE.file, row => (row["KPI ID"] === "FD01" ? { ...row, "KPI ID": "FD1" } : row)));
        expect(dataset.problems.map(describeProblem)).toEqual([
            "Error: kpi_values.csv, row 2, column KPI ID: \"FD1\" is not in kpis.csv (also rows 3, 4, 5, 6, 7) (did you mean \"FD01\"?)",
        ]);
        const unknown = readDataset(withValues(VALUES_TABLE.file, row => (row["KPI ID"] === "FD01" ? { ...row, "KPI ID": "ZZ99" } : row)));
        expect(unknown.problems.map(describeProblem)).toEqual([
            "Error: kpi_values.csv, row 2, column KPI ID: \"ZZ99\" is not in kpis.csv (also rows 3, 4, 5, 6, 7)",
            "Warning: kpi_values.csv, column KPI ID: FD01 (Re-referrals within 12 months) has no values: its tile shows no data",
        ]);
    });

    test("IDs match ignoring case, as the model's relationships do; two IDs that differ only in case are one ID", () => {
        const lower = readDataset(withValues(VALUES_TABLE.file, row => ({ ...row, "KPI ID": row["KPI ID"].toLowerCase(), "Period ID": row["Period ID"].toLowerCase() })));
        expect(lower.ok).toBe(true);
        expect(lower.rows).toEqual(readDataset(SMALL).rows);
        const clash = readDataset(withValues(KPI_TABLE.file, row => (row["KPI ID"] === "FD02" ? { ...row, "KPI ID": "fd01" } : row)));
        expect(clash.problems.map(describeProblem)).toContainEqual(
            "Error: kpis.csv, row 3, column KPI ID: \"fd01\" is used by more than one KPI: \"FD01\" on line 2 is the same ID to Power BI, which ignores case");
    });

    test("a relative tolerance of 5 (meant as 5%) is warned about with the rule the DAX generator uses", () => {
        const dataset = readDataset(withValues(KPI_TABLE.file, row => (row["KPI ID"] === "FD02" ? { ...row, "Tolerance": "5" } : row)));
        expect(dataset.ok).toBe(true);
        const rule = relativeToleranceProblem(5);
        expect(rule).not.toBeNull();
        expect(dataset.problems.map(describeProblem)).toEqual([
            `Warning: kpis.csv, row 3, column Tolerance: ${rule?.message} (e.g. ${rule?.hint})`,
        ]);
        expect(rule?.message).toBe("a relative tolerance is a fraction of the target: 5 means 500% of it");
        expect(rule?.hint).toBe("0.05 for 5%");
        const absolute = readDataset(withValues(KPI_TABLE.file, row => (row["KPI ID"] === "FD01" ? { ...row, "Tolerance": "5" } : row)));
        expect(absolute.problems).toEqual([]);
    });

    test("data quality: the five words in any case; anything else is refused with the word it stands for", () => {
        const quality = (value: string): ReturnType<typeof readDataset> =>
            readDataset(withValues(VALUES_TABLE.file, row => (row["KPI ID"] === "FD01" && row["Period ID"] === "2025-26-Q2" ? { ...row, "Data Quality": value } : row)));
        for (const word of ["Final", "Provisional", "estimated", "NOT RETURNED", ""]) expect(quality(word).ok).toBe(true);
        expect(quality("estimated").rows.find(r => r.kpi === "Re-referrals within 12 months" && r.period === "2025/26 Q2")?.quality).toBe("Estimated");
        expect(quality("").rows.find(r => r.kpi === "Re-referrals within 12 months" && r.period === "2025/26 Q2")?.quality).toBe("Final");
        expect(quality("P").problems.map(describeProblem)).toEqual([
            "Error: kpi_values.csv, row 7, column Data Quality: \"P\" is not one of Final, Provisional, Estimated, Suppressed, Not returned (or empty) (did you mean \"Provisional\"?)",
        ]);
        expect(quality("Provisonal").problems[0].suggestion).toBe("Provisional");
        expect(quality("Suppressed").problems.map(describeProblem)).toEqual([
            "Warning: kpi_values.csv, row 7, column Actual: a suppressed figure has a value: it is not shown or rated (the tile says Suppressed)",
        ]);
    });

    test("rows carry the data quality of the period's value, and none where the period has no value row", () => {
        const rows = readDataset(SMALL).rows;
        expect(rows.find(r => r.kpi === "Assessments completed within 45 working days" && r.period === "2025/26 Q2")?.quality).toBe("Provisional");
        expect(rows.filter(r => r.quality === "Suppressed").length).toBeGreaterThanOrEqual(1);
        expect(rows.filter(r => r.quality === null).length + rows.filter(r => r.quality !== null).length).toBe(rows.length);
    });
});
