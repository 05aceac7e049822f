/**
 * The command line writes its outputs as they are generated (streamOutputs into the atomic
 * writer's temporary folder): the files must be byte for byte those of generateOutputs, the
 * general path that builds every measure and joins every file in memory. And the streaming
 * writer keeps the atomic writer's promise: a failure part way leaves the previous outputs.
 */
import fc from "fast-check";
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { dictionaryYaml, syntheticDictionary } from "../../dax/bench";
import { EXIT, runCli } from "../../dax/cli";
import { parseDictionaryText } from "../../dax/src/dictionary/load";
import { KpiDictionary } from "../../dax/src/dictionary/types";
import { generateOutputs, OUTPUT_FILES, streamOutputs } from "../../dax/src/generate";
import { FileSink, LineSink, StringSink, WriteFailure } from "../../dax/src/output/sink";
import { writeOutputsAtomicallyWith } from "../../dax/src/output/write";

const fixture = (name: string): string => join(__dirname, "fixtures", name);

function loaded(file: string): KpiDictionary {
    const { dictionary, issues } = parseDictionaryText(file, readFileSync(file, "utf8"));
    if (!dictionary) throw new Error(`fixture ${file} is invalid: ${JSON.stringify(issues)}`);
    return dictionary;
}

/** streamOutputs into memory: file name -> text, in the order the files were opened. */
function streamed(dictionary: KpiDictionary, source: string): { files: Map<string, string>; measureCount: number; listed: readonly string[] } {
    const sinks = new Map<string, StringSink>();
    const result = streamOutputs(dictionary, source, file => {
        const sink = new StringSink(97); // small chunks, so chunk boundaries fall everywhere
        sinks.set(file, sink);
        return sink;
    });
    return { files: new Map([...sinks].map(([file, sink]) => [file, sink.text()])), measureCount: result.measureCount, listed: result.files };
}

function expectSameAsGeneral(dictionary: KpiDictionary, source: string): void {
    const general = generateOutputs(dictionary, source);
    const stream = streamed(dictionary, source);
    expect([...stream.files.keys()]).toEqual([...general.files.keys()]);
    expect(stream.listed).toEqual([...general.files.keys()]);
    for (const [file, text] of general.files) {
        const got = stream.files.get(file) as string;
        if (got !== text) {
            // Name the first difference rather than printing 100 kB of text.
            let i = 0;
            while (i < text.length && got[i] === text[i]) i++;
            throw new Error(`${file} differs at ${i}: expected ${JSON.stringify(text.slice(i, i + 80))}, got ${JSON.stringify(got.slice(i, i + 80))}`);
        }
    }
    expect(stream.measureCount).toBe(general.measures.length);
}

describe("streamOutputs writes exactly generateOutputs' files", () => {
    test("the sample dictionary", () => {
        expectSameAsGeneral(loaded(join(__dirname, "..", "..", "sample", "kpi-dictionary.yaml")), "sample/kpi-dictionary.yaml");
    });

    test.each(["childrens-services.yaml", "childrens-services.csv", "hostile-names.yaml"])("fixture %s", name => {
        expectSameAsGeneral(loaded(fixture(name)), `tests/dax/fixtures/${name}`);
    });

    test("300 synthetic KPIs (every polarity, tolerance, floor, stretch and actual kind)", () => {
        expectSameAsGeneral(syntheticDictionary(300), "synthetic.yaml");
    });

    test("a dictionary whose KPIs have no actual of their own (no per-KPI script)", () => {
        const dictionary = syntheticDictionary(12);
        const none: KpiDictionary = { ...dictionary, kpis: dictionary.kpis.map(k => ({ ...k, actualExpression: null, sourceColumn: null })) };
        expectSameAsGeneral(none, "synthetic.yaml");
        expect(streamed(none, "synthetic.yaml").files.has(OUTPUT_FILES.perKpiQuery)).toBe(false);
    });
});

describe("sinks", () => {
    test("LineSink joins its lines with line feeds, whatever its and the sink's chunk lengths", () => {
        for (const chunk of [1, 3, 1024]) {
            for (const lineChunk of [1, 2, 5, 16 * 1024]) {
                const sink = new StringSink(chunk);
                const lines = new LineSink(sink, lineChunk);
                lines.push("a", "", "b\nc");
                lines.pushAll(["", "\u2605 d", ""]);
                lines.push("");
                lines.pushAll([]);
                lines.push("e");
                lines.end();
                expect(sink.text()).toBe(["a", "", "b\nc", "", "\u2605 d", "", "", "e"].join("\n"));
            }
        }
        fc.assert(fc.property(fc.array(fc.array(fc.constantFrom("", "a", "bc", "\n", "x\ny", "\u2605")), { maxLength: 8 }), fc.integer({ min: 1, max: 8 }),
            (pushes, lineChunk) => {
                const sink = new StringSink(3);
                const lines = new LineSink(sink, lineChunk);
                for (const p of pushes) lines.pushAll(p);
                lines.end();
                expect(sink.text()).toBe(pushes.flat().join("\n"));
            }), { numRuns: 2000 });
    });

    test("FileSink writes UTF-8, every chunk, and what is pending at end", () => {
        const dir = mkdtempSync(join(tmpdir(), "dax-sink-"));
        const { openSync, closeSync } = require("fs") as typeof import("fs");
        const text = ["\u2605 Blue", " \u00a3#,0", "x".repeat(20), "\u25cf", "y".repeat(3000)];
        for (const [chunk, bytes] of [[5, 7], [5, 1], [1024, 256 * 1024]] as const) {
            const file = join(dir, `f-${chunk}-${bytes}.txt`);
            const fd = openSync(file, "w");
            const sink = new FileSink(fd, chunk, bytes);
            for (const t of text) sink.write(t);
            sink.end();
            closeSync(fd);
            expect(readFileSync(file, "utf8")).toBe(text.join(""));
        }
    });
});

describe("writeOutputsAtomicallyWith", () => {
    let work: string;
    beforeEach(() => { work = mkdtempSync(join(tmpdir(), "dax-stream-")); });

    test("a failure part way through producing leaves the previous outputs and no temporary folder", () => {
        const out = join(work, "out");
        writeOutputsAtomicallyWith(out, open => { open("a.txt").write("old a"); open("b.txt").write("old b"); });
        expect(() => writeOutputsAtomicallyWith(out, open => {
            open("a.txt").write("new a ".repeat(100_000)); // more than a chunk: some of it is on disk already
            throw new Error("generation failed");
        })).toThrow("generation failed");
        expect(readdirSync(work)).toEqual(["out"]);
        expect(readFileSync(join(out, "a.txt"), "utf8")).toBe("old a");
        expect(readFileSync(join(out, "b.txt"), "utf8")).toBe("old b");
    });

    test("files it does not produce are carried over unless owned; a name opened twice is refused", () => {
        const out = join(work, "out");
        writeOutputsAtomicallyWith(out, open => { open("a.txt").write("1"); open("gone.txt").write("2"); });
        writeFileSync(join(out, "notes.md"), "mine");
        writeOutputsAtomicallyWith(out, open => open("a.txt").write("3"), new Set(["a.txt", "gone.txt"]));
        expect(readdirSync(out).sort()).toEqual(["a.txt", "notes.md"]);
        expect(() => writeOutputsAtomicallyWith(out, open => { open("a.txt"); open("a.txt"); })).toThrow(/opened twice/);
        expect(() => writeOutputsAtomicallyWith(out, open => { open("../x"); })).toThrow(/bad output file name/);
        expect(readFileSync(join(out, "a.txt"), "utf8")).toBe("3");
    });

    test("a file that cannot be written throws WriteFailure (the command line reports it as a write failure)", () => {
        const out = join(work, "out");
        expect(() => writeOutputsAtomicallyWith(out, open => {
            open("a.txt");
            // Opening in a folder that is gone fails in the file system, not in the producer.
            const { rmSync } = require("fs") as typeof import("fs");
            for (const entry of readdirSync(work)) if (entry.startsWith(".out.tmp-")) rmSync(join(work, entry), { recursive: true, force: true });
            open("b.txt");
        })).toThrow(WriteFailure);
        expect(existsSync(out)).toBe(false);
    });
});

test("the command line writes the files generateOutputs gives (1,000 synthetic KPIs from YAML)", () => {
    const work = mkdtempSync(join(tmpdir(), "dax-stream-cli-"));
    const input = join(work, "kpis.yaml");
    writeFileSync(input, dictionaryYaml(syntheticDictionary(1000)));
    const out = join(work, "out");
    const lines: string[] = [];
    expect(runCli(["--in", input, "--out", out], { out: l => lines.push(l), err: l => lines.push(l) })).toBe(EXIT.ok);
    const { dictionary } = parseDictionaryText(input, readFileSync(input, "utf8"));
    const general = generateOutputs(dictionary as KpiDictionary, input.replace(/\\/g, "/"));
    expect(readdirSync(out).sort()).toEqual([...general.files.keys()].sort());
    for (const [file, text] of general.files) expect(readFileSync(join(out, file), "utf8") === text).toBe(true);
    expect(lines).toEqual([`1000 KPIs, ${general.measures.length} measures -> ${out}: ${[...general.files.keys()].join(", ")}`]);
    expect(runCli(["--in", input, "--out", out, "--check"], { out: () => undefined, err: () => undefined })).toBe(EXIT.ok);
});
