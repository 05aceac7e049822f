/**
 * The star-schema contract (lib/star-schema.ts) is the one definition every part uses: the docs'
 * tables are generated from it, the sample's own column tables list its columns and types, the
 * Power BI Project's M queries type exactly its columns, and the generated DAX names only
 * columns it has.
 */
import * as fs from "fs";
import * as path from "path";
import {
    BENCHMARK_TABLE, KPI_TABLE, M_TYPE, PERIOD_TABLE, STAR, STAR_TABLES, StarTable, TYPE_WORDS, VALUES_TABLE,
} from "../../lib/star-schema";
import { markedFiles, SCHEMA_DOCS, withSchemaTables } from "../../scripts/sample/schema-docs";
import { csvTableQuery } from "../../scripts/pbip/m";

const ROOT = path.resolve(__dirname, "../..");
const read = (rel: string): string => fs.readFileSync(path.join(ROOT, rel), "utf8");

describe("docs tables of the star schema", () => {
    test.each(SCHEMA_DOCS)("%s holds a table for every file, generated from the contract (npx tsx scripts/sample/schema-docs.ts)", doc => {
        const text = read(doc);
        expect(markedFiles(text).sort()).toEqual(STAR_TABLES.map(t => t.file).sort());
        expect(text).toBe(withSchemaTables(text));
    });

    test("docs/sample-dataset.md describes each file with the contract's columns, in order, with its types", () => {
        const text = read("docs/sample-dataset.md");
        for (const table of STAR_TABLES) {
            const start = text.indexOf(`### ${table.file} (table \`${table.table}\``);
            expect(start).toBeGreaterThan(-1);
            const after = text.slice(start).split("\n").slice(1);
            const first = after.findIndex(line => line.startsWith("| `"));
            const end = after.findIndex((line, i) => i > first && !line.startsWith("|"));
            const rows = after.slice(first, end);
            const columns = rows.map(line => line.split("|").map(c => c.trim()));
            const named = columns.flatMap(c => c[1].split(",").map(n => [n.trim().replace(/`/g, ""), c[2]] as const));
            expect(named).toEqual(table.columns.map(c => [c.name, TYPE_WORDS[c.type]]));
        }
    });
});

describe("the Power BI Project's queries", () => {
    test.each(STAR_TABLES.map(t => [t.file, t] as const))("%s: the M query reads the file and types every contract column with its type", (_file, table: StarTable) => {
        const m = csvTableQuery(table);
        expect(m).toContain(`"${table.file}"`);
        expect(m).toContain(`Columns = ${table.columns.length}`);
        const typed = [...m.matchAll(/\{"((?:[^"]|"")*)", ([^}]+)\}/g)].map(x => [x[1].replace(/""/g, "\""), x[2]]);
        expect(typed).toEqual(table.columns.map(c => [c.name, M_TYPE[c.type]]));
    });

    test("the committed sample/pbip tables are the contract's tables", () => {
        const dir = "sample/pbip/Childrens Services.SemanticModel/definition/tables";
        for (const table of STAR_TABLES) {
            const tmdl = read(`${dir}/${table.table}.tmdl`);
            const columns = [...tmdl.matchAll(/^\tcolumn (.+)$/gm)].map(x => x[1].replace(/^'(.*)'$/, "$1").replace(/''/g, "'"));
            expect(columns).toEqual(table.columns.map(c => c.name));
        }
    });
});

describe("the generated DAX", () => {
    const known = new Map(STAR_TABLES.map(t => [t.table, new Set(t.columns.map(c => c.name))]));
    const files = fs.readdirSync(path.join(ROOT, "dax/generated")).filter(f => /\.(dax|tmdl)$/.test(f));

    test("names only tables and columns of the star schema (or the measures table)", () => {
        expect(files.length).toBeGreaterThan(0);
        const references = files.flatMap(f => [...read(`dax/generated/${f}`).matchAll(/'((?:[^']|'')+)'\[([^\]]+)\]/g)]
            .map(x => ({ table: x[1].replace(/''/g, "'"), column: x[2].replace(/\]\]/g, "]") })));
        const starReferences = references.filter(r => known.has(r.table));
        expect(starReferences.length).toBeGreaterThan(20);
        const unknown = starReferences.filter(r => !known.get(r.table)?.has(r.column));
        expect(unknown).toEqual([]);
        const otherTables = new Set(references.filter(r => !known.has(r.table)).map(r => r.table));
        expect([...otherTables]).toEqual(["KPI Measures"]);
    });

    test("the contract's table names are the ones the generator writes", () => {
        expect(STAR).toEqual({ kpi: KPI_TABLE.table, period: PERIOD_TABLE.table, values: VALUES_TABLE.table, benchmarks: BENCHMARK_TABLE.table });
        const dax = read("dax/generated/kpi-measures.dax");
        for (const table of STAR_TABLES) expect(dax).toContain(`'${table.table}'[`);
    });
});
