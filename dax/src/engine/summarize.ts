import { DaxEvaluationError, DaxValue, isBlank } from "../evaluator/scalar";
import { compare } from "../evaluator/scalar";
import { Expr } from "../expr/ast";
import { DaxQuery } from "../expr/parse";
import { ColumnFilter, Engine, FilterContext, valueKey } from "./evaluate";
import { Model } from "./model";

/**
 * The query Power BI sends for a visual's bound fields, evaluated as SUMMARIZECOLUMNS does
 * (https://learn.microsoft.com/en-us/dax/summarizecolumns-function-dax, https://dax.guide/summarizecolumns/):
 * - grouping columns of one table give the combinations that exist among that table's visible
 *   rows (auto-exist within a table); columns of different tables are cross-joined;
 * - each combination filters its columns, on top of the slicers' filters, and the measures are
 *   evaluated there;
 * - a row whose measures are all BLANK is removed;
 * - the visual's data-reduction limit (capabilities.json `dataReductionAlgorithm.top.count`,
 *   https://learn.microsoft.com/en-us/power-bi/developer/visuals/dataview-mappings#data-reduction-algorithm)
 *   keeps the first rows in the grouping columns' sort order; the rest are cut off.
 */
export interface GroupColumn {
    readonly table: string;
    readonly column: string;
    /** Sort by this column of the same table (TMDL sortByColumn), else by the column itself. */
    readonly sortBy?: string;
}

export interface SummarizeRequest {
    readonly groupBy: readonly GroupColumn[];
    /** Output name -> measure name, or an expression evaluated in the row's filter context. */
    readonly measures: readonly { readonly name: string; readonly measure: string | Expr }[];
    /** Slicers and page filters. */
    readonly filters?: readonly ColumnFilter[];
    /** Rows kept (the data-reduction limit); unlimited when absent. */
    readonly limit?: number;
}

export interface SummarizeResult {
    /** Each row: the grouping columns by column name, the measures by output name. */
    readonly rows: readonly Record<string, DaxValue>[];
    /** Rows the limit cut off. */
    readonly cutOff: number;
    /** Combinations evaluated before blank rows were removed. */
    readonly combinations: number;
}

export function summarizeColumns(engine: Engine, request: SummarizeRequest): SummarizeResult {
    const base = new FilterContext(request.filters ?? []);
    const names = new Set<string>();
    for (const c of request.groupBy) {
        engine.model.column(c.table, c.column);
        if (c.sortBy) engine.model.column(c.table, c.sortBy);
        if (names.has(c.column)) throw new DaxEvaluationError(`two grouping columns are named ${c.column}`);
        names.add(c.column);
    }
    for (const m of request.measures) {
        if (names.has(m.name)) throw new DaxEvaluationError(`the output name ${m.name} is used twice`);
        names.add(m.name);
    }
    // Per table: the existing combinations of its grouping columns, sorted.
    const tables = [...new Set(request.groupBy.map(c => c.table))];
    const perTable = tables.map(table => {
        const columns = request.groupBy.filter(c => c.table === table);
        const seen = new Map<string, { values: Record<string, DaxValue>; sort: DaxValue[] }>();
        for (const row of engine.visible(table, base)) {
            const key = columns.map(c => valueKey(row[c.column])).join("\u0001");
            if (!seen.has(key)) {
                seen.set(key, {
                    values: Object.fromEntries(columns.map(c => [c.column, row[c.column]])),
                    sort: columns.map(c => row[c.sortBy ?? c.column]),
                });
            }
        }
        const combos = [...seen.values()].sort((a, b) => {
            for (let i = 0; i < a.sort.length; i++) {
                const c = compare(a.sort[i], b.sort[i]);
                if (c !== 0) return c;
            }
            return 0;
        });
        return { table, columns, combos };
    });
    // Cross join in the order the tables first appear among the grouping columns.
    let joined: Record<string, DaxValue>[] = [{}];
    for (const t of perTable) joined = joined.flatMap(partial => t.combos.map(c => ({ ...partial, ...c.values })));
    const rows: Record<string, DaxValue>[] = [];
    for (const combo of joined) {
        const filter = base.override(request.groupBy.map(c => ({ table: c.table, column: c.column, allowed: new Set([valueKey(combo[c.column])]) })));
        const measures = request.measures.map(m => [m.name, typeof m.measure === "string" ? engine.measure(m.measure, filter) : engine.evaluate(m.measure, filter)] as const);
        if (measures.every(([, v]) => isBlank(v))) continue;
        rows.push({ ...combo, ...Object.fromEntries(measures) });
    }
    const limit = request.limit ?? Infinity;
    return { rows: rows.slice(0, limit), cutOff: Math.max(0, rows.length - limit), combinations: joined.length };
}

/**
 * Run a DAX query view script (dax/generated/kpi-measures.dax): its DEFINE MEASUREs are added to
 * the model for the query (https://learn.microsoft.com/en-us/dax/define-statement-dax), each
 * EVALUATE must be SUMMARIZECOLUMNS ( columns..., "name", expression, ... ), and ORDER BY sorts by
 * grouping columns. Anything else is refused.
 */
export function evaluateQuery(model: Model, query: DaxQuery): Record<string, DaxValue>[][] {
    const measures = new Map(model.measures);
    for (const m of query.measures) measures.set(m.name, m.expression);
    const engine = new Engine(model.withMeasures(measures));
    return query.evaluate.map(e => {
        if (e.kind !== "call" || e.fn !== "SUMMARIZECOLUMNS") throw new DaxEvaluationError("only EVALUATE SUMMARIZECOLUMNS ( ... ) is in the subset");
        const groupBy: GroupColumn[] = [];
        const pairs: { name: string; measure: string | Expr }[] = [];
        for (let i = 0; i < e.args.length; i++) {
            const a = e.args[i];
            if (a.kind === "column") { groupBy.push({ table: a.table, column: a.column }); continue; }
            const value = e.args[i + 1];
            if (a.kind !== "string" || value === undefined) throw new DaxEvaluationError("SUMMARIZECOLUMNS takes columns, then \"name\", expression pairs (filter tables are outside the subset)");
            pairs.push({ name: a.value, measure: value.kind === "measure" ? value.name : value });
            i++;
        }
        const rows = [...summarizeColumns(engine, { groupBy, measures: pairs }).rows];
        const keys = query.orderBy.map(k => {
            if (k.expr.kind !== "column" || !groupBy.some(g => g.table === (k.expr as { table: string }).table && g.column === (k.expr as { column: string }).column)) {
                throw new DaxEvaluationError("ORDER BY is in the subset only for grouping columns");
            }
            return { column: k.expr.column, descending: k.descending };
        });
        rows.sort((a, b) => {
            for (const k of keys) {
                const c = compare(a[k.column], b[k.column]);
                if (c !== 0) return k.descending ? -c : c;
            }
            return 0;
        });
        return rows;
    });
}
