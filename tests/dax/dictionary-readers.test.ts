/**
 * Strict readers: JSON by a JSON parser, YAML without custom tags, CSV with any line end;
 * every "no KPIs" case located; bounded messages for garbage and hostile nesting.
 */
import { loadDictionary, MAX_DICTIONARY_BYTES, parseDictionaryText } from "../../dax/src/dictionary/load";
import { countIsLowerBound, errorCount, formatIssue, MAX_ISSUES } from "../../dax/src/dictionary/validate";
import { runCli } from "../../dax/cli";
import { mulberry32 } from "../../scripts/sample/prng";
import { readFileSync, rmSync, writeFileSync } from "fs";
import fc from "fast-check";
import { readDictionary } from "../../dax/src/dictionary/read";
import { readFastYaml } from "../../dax/src/dictionary/fastYaml";
import { tmpdir } from "os";
import { join } from "path";

const KPI = { id: "A", name: "Alpha", serviceArea: "S", polarity: "High" };
const lines = (file: string, text: string): string[] => parseDictionaryText(file, text).issues.map(formatIssue);

describe(".json is read as JSON", () => {
    test("valid JSON is accepted", () => {
        expect(parseDictionaryText("d.json", JSON.stringify({ kpis: [KPI] }, null, 2)).dictionary?.kpis).toHaveLength(1);
    });
    test.each([
        ["a // comment", "{\n  \"kpis\": [\n    // the first KPI\n    {}\n  ]\n}", /^d\.json:3: error: field \(file\): JSON syntax error: JSON does not allow comments/],
        ["a /* comment */", "{ \"kpis\": [] /* none */ }", /^d\.json:1: error: .*does not allow comments/],
        ["a trailing comma", "{\n  \"kpis\": [\n    {\"id\": \"A\"},\n  ]\n}", /^d\.json:4: error: .*a trailing comma before \]/],
        ["single quotes", "{\n  'kpis': []\n}", /^d\.json:2: error: .*double quotes, not single quotes/],
        ["an unquoted key", "{ kpis: [] }", /^d\.json:1: error: .*expected a key in double quotes/],
        ["NaN", "{ \"kpis\": [ { \"target\": NaN } ] }", /^d\.json:1: error: .*expected a value, found "N"/],
        ["a raw line break in a string", "{ \"kpis\": [ { \"name\": \"a\nb\" } ] }", /^d\.json:1: error: .*control character \(line break\) inside a string/],
    ])("%s is one located error", (_, text, pattern) => {
        const found = lines("d.json", text);
        expect(found).toHaveLength(1);
        expect(found[0]).toMatch(pattern);
    });
    test("a key given twice in a KPI is an error with its line", () => {
        expect(lines("d.json", "{\"kpis\": [\n{\"id\": \"A\", \"name\": \"B\", \"serviceArea\": \"S\", \"polarity\": \"High\",\n\"id\": \"C\"}]}"))
            .toEqual(["d.json:3: error: field id: the field is given twice in this KPI"]);
    });
});

describe("YAML without custom tags", () => {
    test.each(["!secret A", "!!binary QQ==", "!<tag:example.com,2000:x> A"])("a tag such as %s is refused with its line", tagged => {
        const found = lines("d.yaml", `kpis:\n  - id: A\n    name: ${tagged}\n    serviceArea: S\n    polarity: High\n`);
        expect(found).toHaveLength(1);
        expect(found[0]).toMatch(/^d\.yaml:3: error: field \(file\): the YAML tag \S+ is not allowed/);
    });
    test("core tags are fine", () => {
        expect(parseDictionaryText("d.yaml", "kpis:\n  - id: !!str 12\n    name: Alpha\n    serviceArea: S\n    polarity: High\n").dictionary?.kpis[0].id).toBe("12");
    });
});

describe("CSV line ends", () => {
    const rows = ["id,name,serviceArea,polarity,definition", "A,Alpha,S,High,\"two\nlines\"", "B,Beta,S,Low,one"];
    test.each([["LF", "\n"], ["CRLF", "\r\n"], ["CR", "\r"]])("%s gives the same KPIs and rows", (_, end) => {
        const { dictionary, issues } = parseDictionaryText("d.csv", rows.join(end) + end);
        expect(issues).toEqual([]);
        expect(dictionary?.kpis.map(k => [k.id, k.location.row])).toEqual([["A", 2], ["B", 3]]);
    });
});

describe("every \"no KPIs\" case says where and why", () => {
    test.each([
        ["d.yaml", "kpis: []\n", "d.yaml:1: error: field kpis: the list kpis is empty: the dictionary has no KPIs"],
        ["d.yaml", "# nothing yet\nkpis:\n", "d.yaml:2: error: field kpis: the file must hold an object with a list named kpis"],
        ["d.json", "{\n  \"kpis\": []\n}", "d.json:2: error: field kpis: the list kpis is empty: the dictionary has no KPIs"],
        ["d.csv", "id,name,serviceArea,polarity\r\n", "d.csv: row 1: error: field kpis: the file has a header row but no KPI rows"],
        ["d.csv", "\u00ef\u00bb\u00bfid;name;serviceArea\nA;B;C\n", "d.csv: row 1: error: field (header): the header row holds no known field name"],
        ["d.csv", "", "d.csv: row 1: error: field (file): the file is empty"],
    ])("%s %j", (file, text, expected) => {
        const found = lines(file, text);
        expect(found).toHaveLength(1);
        expect(found[0].startsWith(expected)).toBe(true);
    });
    test("a required column missing from a CSV header is one message, not one per row", () => {
        const text = ["id,name,polarity", ...Array.from({ length: 50 }, (_, i) => `K${i},KPI ${i},High`)].join("\n");
        expect(lines("d.csv", text)).toEqual([
            "d.csv: row 1: error: field serviceArea: the header row has no column for this required field (allowed: text)",
        ]);
    });
    test("a misspelt CSV column is one message with a suggestion", () => {
        const text = ["id,name,serviceArea,polarity,tolerence", ...Array.from({ length: 20 }, (_, i) => `K${i},KPI ${i},S,High,0.1`)].join("\n");
        const found = lines("d.csv", text);
        expect(found).toHaveLength(1);
        expect(found[0]).toMatch(/row 1: error: field tolerence: unknown column in the header row \(did you mean tolerance\?\)/);
    });
});

describe("bounded messages", () => {
    test.each(["d.yaml", "d.json"])("100,000 nested [ in %s give one located message", file => {
        const found = lines(file, "[".repeat(100000));
        expect(found).toHaveLength(1);
        expect(found[0]).toMatch(new RegExp(`^${file.replace(".", "\\.")}:1: error: .*nested more than 64 deep`));
    });
    test("a file over the size limit is refused before it is read", () => {
        const file = join(tmpdir(), `big-${process.pid}.yaml`);
        writeFileSync(file, Buffer.alloc(MAX_DICTIONARY_BYTES + 1, 0x20));
        try {
            const { dictionary, issues } = loadDictionary(file);
            expect(dictionary).toBeNull();
            expect(issues.map(formatIssue)).toEqual([`${file}: error: field (file): the file is 8.0 MB: too large for a KPI dictionary (at most 8 MB; 10,000 KPIs take about 4 MB)`]);
        } finally {
            rmSync(file);
        }
    });
    test("an unclosed [ in many KPIs' text is not nesting", () => {
        const kpis = Array.from({ length: 100 }, (_, i) => `  - id: K${i}\n    name: KPI ${i}\n    serviceArea: S\n    polarity: High\n    definition: Rate (see [note ${i}\n`);
        const { dictionary, issues } = parseDictionaryText("d.yaml", `kpis:\n${kpis.join("")}`);
        expect(issues).toEqual([]);
        expect(dictionary?.kpis[99].definition).toBe("Rate (see [note 99");
    });
    test("random bytes are refused as not text, with a line", () => {
        const random = mulberry32(7).next;
        const bytes = Buffer.from(Array.from({ length: 200000 }, () => Math.floor(random() * 256)));
        const found = lines("d.csv", bytes.toString("utf8"));
        expect(found).toHaveLength(1);
        expect(found[0]).toMatch(/^d\.csv: row \d+: error: field \(file\): the file is not UTF-8 text/);
    });
    /** About `size` characters of garbage from `alphabet` under a valid header row. */
    function garbage(seed: number, alphabet: string, size: number): string {
        const random = mulberry32(seed).next;
        const chunk: string[] = ["id,name,serviceArea,polarity,target\n"];
        for (let i = 0; i < size; i++) chunk.push(alphabet[Math.floor(random() * alphabet.length)]);
        return chunk.join("");
    }
    test("CSV garbage full of quotes stops reading after 1,000 syntax problems, with one located message", () => {
        const { dictionary, issues } = parseDictionaryText("g.csv", garbage(11, "abc,\"\n\r 1.;xyz'[]", 1_000_000));
        expect(dictionary).toBeNull();
        expect(issues).toHaveLength(2);
        expect(formatIssue(issues[1])).toMatch(/^g\.csv: row \d+: error: field \(file\): reading stopped at row \d+ after 1000 syntax problems: this is not a KPI dictionary/);
        expect(countIsLowerBound(issues)).toBe(true);
    });
    test("megabytes of CSV rows that are all wrong list the first 100 problems and count the rest", () => {
        const text = garbage(12, "abc,,,\n 1.;xyz", 1_000_000);
        const { dictionary, issues } = parseDictionaryText("g.csv", text);
        expect(dictionary).toBeNull();
        expect(issues).toHaveLength(MAX_ISSUES + 1);
        expect(issues[MAX_ISSUES].message).toMatch(/^and at least \d+ more errors? (and at least \d+ more warnings? )?not listed; checking stopped at row \d+/);
        expect(errorCount(issues)).toBeGreaterThan(MAX_ISSUES * 5);
        expect(countIsLowerBound(issues)).toBe(true);
        // The command line prints the capped list and the count.
        const out: string[] = [];
        const err: string[] = [];
        const file = join(tmpdir(), `garbage-${process.pid}.csv`);
        writeFileSync(file, text);
        try {
            expect(runCli(["--in", file, "--out", `${file}.out`], { out: l => out.push(l), err: l => err.push(l) })).toBe(1);
        } finally {
            rmSync(file);
        }
        expect(err).toHaveLength(MAX_ISSUES + 2);
        expect(err[err.length - 1]).toBe(`at least ${errorCount(issues)} errors in ${file}; nothing was written.`);
    });
});

describe("the fast YAML reader reads what the yaml package reads", () => {
    const sample = readFileSync(join(__dirname, "../../sample/kpi-dictionary.yaml"), "utf8");
    const same = (file: string, text: string): void => {
        const fast = readDictionary(file, text);
        const full = readDictionary(file, text, { fastYaml: false });
        const plain = (d: ReturnType<typeof readDictionary>): unknown => ({
            issues: d.issues,
            kpis: d.kpis.map(k => ({ location: k.location, fields: [...k.fields].map(([key, f]) => [key, f.value, f.location]) })),
        });
        expect(plain(fast)).toEqual(plain(full));
    };
    test("the sample dictionary and the fixtures take the fast path and read the same", () => {
        expect(readFastYaml(sample)).not.toBeNull();
        same("sample.yaml", sample);
        for (const name of ["childrens-services.yaml", "hostile-names.yaml", "every-error.yaml"]) {
            same(name, readFileSync(join(__dirname, "fixtures", name), "utf8"));
        }
    });
    /** A scalar as YAML text in one of the styles people write. */
    const scalarText = fc.oneof(
        fc.constantFrom("High", "0.85", "-1", "+2", "1e3", ".5", "5.", "0o17", "0x1F", "true", "True", "FALSE", "False", "null", "NULL", "~", ".inf", "-.Inf", ".nan", "NI 062", "CS/01a",
            "%_of LAC Adopted", "a#b", "16-17_not known_NEET", "'quoted'", "\"double\"", "'it''s'", "\"say \\\"hi\\\"\"", "\"tab\\there\"",
            "1_000", "12:30", "[england, region]", "[]", "[ 'a', \"b\" ]", "x # comment", "'x' # comment", "'x'#c", "[a]#c", "[a] # c", "a #", "kpis", "@at", "&anchor x", "*alias",
            "!tag x", "|", ">", "{a: 1}", "- x", "? x", "café ŵ", "value: nested", "[a, [b]]", "[a,]", "\"\\u00e9\""),
        fc.stringMatching(/^[A-Za-z0-9 .,%/'"#:_-]{0,12}$/),
    );
    const kpiText = fc.array(fc.tuple(fc.constantFrom("id", "name", "serviceArea", "polarity", "target", "benchmarks", "definition", "id", "x-y"), scalarText,
        fc.constantFrom("inline", "block-list", "folded", "comment-after", "blank-before")), { minLength: 1, maxLength: 6 });
    test("random dictionaries: the same fields, values, lines and messages (or the fast reader steps aside)", () => {
        let fastRuns = 0;
        let runs = 0;
        fc.assert(fc.property(fc.array(kpiText, { maxLength: 4 }), fc.constantFrom("  ", "", "    "), (kpis, indent) => {
            const lines = ["# dictionary", "kpis:"];
            if (kpis.length === 0) lines[1] = "kpis: []";
            for (const kpi of kpis) {
                kpi.forEach(([key, value, style], index) => {
                    const lead = index === 0 ? `${indent}- ` : `${indent}  `;
                    if (style === "blank-before") lines.push("");
                    if (style === "block-list") lines.push(`${lead}${key}:`, `${indent}    - ${value}`, `${indent}    - ${value}`);
                    else if (style === "folded") lines.push(`${lead}${key}: ${value}`, `${indent}      more ${value}`);
                    else lines.push(`${lead}${key}: ${value}${style === "comment-after" ? "  # note" : ""}`);
                });
            }
            const text = lines.join("\n") + "\n";
            same("r.yaml", text);
            runs++;
            if (readFastYaml(text) !== null) fastRuns++;
        }), { numRuns: 1500, seed: 42 });
        // The comparison means something only if the fast reader takes a good share of the cases.
        expect(fastRuns / runs).toBeGreaterThan(0.2);
    });
});
