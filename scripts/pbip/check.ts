/**
 * Checks of the semantic model the way Power BI Desktop would read it, run before the project is
 * written (a failing check writes nothing) and by tests/sample/pbip-model.test.ts:
 * - the declared compatibility level covers every feature the TMDL uses (the levels and their
 *   sources: dax/src/output/tmdlCompatibility.ts);
 * - relationships join existing columns of the same data type;
 * - every sortByColumn target exists in the same table and is not the column itself;
 * - every table, column and measure a measure's DAX (or a format string expression) refers to exists;
 * - every table, column, measure and shared expression has a lineage tag, and no two share one
 *   (Desktop adds the missing ones on first save, which would change the files);
 * - names are unique where Power BI needs them to be.
 */
import { lexDax } from "../../dax/src/expr/tokenize";
import { compatibilityProblems } from "../../dax/src/output/tmdlCompatibility";
import { TmdlSemanticModel, writeSemanticModel } from "../../dax/src/output/tmdlWriter";

const KEYWORDS = new Set(["VAR", "RETURN", "NOT", "IN", "AND", "OR", "TRUE", "FALSE", "DEFINE", "MEASURE", "EVALUATE", "ORDER", "BY", "ASC", "DESC"]);
const unquoteTable = (text: string) => (text.startsWith("'") ? text.slice(1, -1).replace(/''/g, "'") : text);
const unbracket = (text: string) => text.slice(1, -1).replace(/\]\]/g, "]");

/** Table, column and measure references in DAX text: `'T'[C]` and `T[C]` are columns, a bare `[M]` a measure. */
export function daxReferences(dax: string): { columns: { table: string; column: string }[]; measures: string[]; tables: string[] } {
    const { tokens, problems } = lexDax(dax);
    if (problems.length > 0) throw new Error(`DAX does not lex: ${problems.map(p => p.message).join("; ")}`);
    const significant = tokens.filter(t => t.kind !== "space" && t.kind !== "comment");
    const columns: { table: string; column: string }[] = [];
    const measures: string[] = [];
    const tables: string[] = [];
    // An unquoted table name before a bracket (`Sales[Amount]`), unless it is a keyword (`RETURN [M]`).
    const isTableName = (t: typeof significant[number] | undefined) =>
        t !== undefined && (t.kind === "table" || (t.kind === "identifier" && !KEYWORDS.has(t.text.toUpperCase())));
    significant.forEach((t, i) => {
        const next = significant[i + 1];
        if (isTableName(t) && next?.kind === "bracket") columns.push({ table: unquoteTable(t.text), column: unbracket(next.text) });
        else if (t.kind === "table") tables.push(unquoteTable(t.text));
        else if (t.kind === "bracket" && !isTableName(significant[i - 1])) measures.push(unbracket(t.text));
    });
    return { columns, measures, tables };
}

/** Every problem found, as `where: what` lines; empty when the model is sound. */
export function checkSemanticModel(sm: TmdlSemanticModel): string[] {
    const problems: string[] = [];
    const files = new Map([...writeSemanticModel(sm)].map(([f, text]) => [f, text] as [string, string]));
    problems.push(...compatibilityProblems(files, sm.compatibilityLevel));

    const tables = new Map(sm.tables.map(t => [t.name, t]));
    if (tables.size !== sm.tables.length) problems.push("model: two tables share a name");
    const column = (table: string, name: string) => tables.get(table)?.columns.find(c => c.name === name);
    const allMeasures = sm.tables.flatMap(t => t.measures.map(m => ({ table: t.name, measure: m })));
    const measureNames = new Set<string>();
    for (const { table, measure } of allMeasures) {
        const key = measure.name.toLowerCase();
        if (measureNames.has(key)) problems.push(`${table}[${measure.name}]: another measure has this name (measure names are unique in a model, ignoring case)`);
        measureNames.add(key);
        if (tables.get(table)!.columns.some(c => c.name.toLowerCase() === key)) problems.push(`${table}[${measure.name}]: a column of the table has this name`);
    }

    for (const r of sm.relationships) {
        const from = column(r.fromTable, r.fromColumn);
        const to = column(r.toTable, r.toColumn);
        const where = `relationship ${r.fromTable}[${r.fromColumn}] -> ${r.toTable}[${r.toColumn}]`;
        if (!from) problems.push(`${where}: ${r.fromTable}[${r.fromColumn}] does not exist`);
        if (!to) problems.push(`${where}: ${r.toTable}[${r.toColumn}] does not exist`);
        if (from && to && from.dataType !== to.dataType) problems.push(`${where}: data types differ (${from.dataType} and ${to.dataType}); Power BI relates columns of one type`);
        if (r.fromTable === r.toTable) problems.push(`${where}: a table related to itself`);
    }

    for (const t of sm.tables) {
        const names = new Set<string>();
        for (const c of t.columns) {
            if (names.has(c.name.toLowerCase())) problems.push(`${t.name}[${c.name}]: two columns share this name`);
            names.add(c.name.toLowerCase());
            if (c.sortByColumn === undefined) continue;
            if (c.sortByColumn === c.name) problems.push(`${t.name}[${c.name}]: sorts by itself`);
            else if (!t.columns.some(o => o.name === c.sortByColumn)) problems.push(`${t.name}[${c.name}]: sortByColumn ${c.sortByColumn} is not a column of ${t.name}`);
        }
    }

    for (const { table, measure } of allMeasures) {
        const texts = [measure.expression, ...(measure.formatStringDefinition !== undefined ? [measure.formatStringDefinition] : [])];
        for (const text of texts) {
            let refs: ReturnType<typeof daxReferences>;
            try {
                refs = daxReferences(text);
            } catch (error) {
                problems.push(`${table}[${measure.name}]: ${(error as Error).message}`);
                continue;
            }
            for (const ref of refs.columns) {
                if (!tables.has(ref.table)) problems.push(`${table}[${measure.name}]: refers to table '${ref.table}', which the model does not have`);
                else if (!column(ref.table, ref.column)) problems.push(`${table}[${measure.name}]: refers to column '${ref.table}'[${ref.column}], which the model does not have`);
            }
            for (const name of refs.tables) if (!tables.has(name)) problems.push(`${table}[${measure.name}]: refers to table '${name}', which the model does not have`);
            for (const name of refs.measures) if (!measureNames.has(name.toLowerCase())) problems.push(`${table}[${measure.name}]: refers to measure [${name}], which the model does not have`);
        }
    }

    const tags = new Map<string, string>();
    const tag = (where: string, value: string | undefined) => {
        if (!value) { problems.push(`${where}: no lineageTag (Power BI Desktop would add one on first save)`); return; }
        if (tags.has(value)) problems.push(`${where}: lineageTag ${value} is also ${tags.get(value)}'s`);
        tags.set(value, where);
    };
    for (const t of sm.tables) {
        tag(`table ${t.name}`, t.lineageTag);
        for (const c of t.columns) tag(`column ${t.name}[${c.name}]`, c.lineageTag);
        for (const m of t.measures) tag(`measure ${t.name}[${m.name}]`, m.lineageTag);
    }
    for (const e of sm.expressions) tag(`expression ${e.name}`, e.lineageTag);
    return problems;
}
