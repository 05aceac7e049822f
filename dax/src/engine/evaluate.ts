import { Expr } from "../expr/ast";
import { columnText } from "../expr/names";
import {
    BLANK_VALUE, binaryOperation, compare, DaxEvaluationError, DaxValue, isBlank, negate, scalarFunction, toDax, truth,
} from "../evaluator/scalar";
import { Model, Row } from "./model";

/**
 * A filter-context evaluator for the DAX subset the generator emits, over an in-memory Model.
 * Each function's behaviour follows Microsoft's DAX reference and dax.guide, cited beside it.
 * Anything outside the subset is refused with a DaxEvaluationError naming it, never guessed.
 *
 * Filters are sets of allowed values of one column (every filter the generated DAX, a slicer
 * or a visual's grouping creates is one). A table's visible rows pass the filters on its own
 * columns and, through each many-to-one relationship, have their key among the visible keys
 * of the one side when that side is filtered (single-direction propagation).
 */

export interface ColumnFilter {
    readonly table: string;
    readonly column: string;
    /** Allowed values, by valueKey. */
    readonly allowed: ReadonlySet<string>;
}

export function valueKey(v: DaxValue): string {
    if (isBlank(v)) return "blank";
    return `${typeof v}:${String(v)}`;
}

export class FilterContext {
    readonly key: string;

    constructor(readonly filters: readonly ColumnFilter[]) {
        this.key = filters.map(f => `${f.table}\u0001${f.column}\u0001${[...f.allowed].sort().join("\u0002")}`).sort().join("\u0003");
    }

    static readonly empty = new FilterContext([]);

    /** A filter per column, each replacing the filters on the same column (CALCULATE's override). */
    override(filters: readonly ColumnFilter[]): FilterContext {
        const replaced = (f: ColumnFilter): boolean => filters.some(n => n.table === f.table && n.column === f.column);
        return new FilterContext([...this.filters.filter(f => !replaced(f)), ...filters]);
    }

    without(test: (f: ColumnFilter) => boolean): FilterContext {
        return new FilterContext(this.filters.filter(f => !test(f)));
    }

    /** Filters on the column in addition to the existing ones (both apply: their intersection). */
    intersect(filters: readonly ColumnFilter[]): FilterContext {
        return new FilterContext([...this.filters, ...filters]);
    }
}

/** One row of an iteration: the table it comes from and the columns it has (all, or one for VALUES). */
interface RowContext {
    readonly table: string;
    readonly columns: readonly string[] | "all";
    readonly row: Row;
}

/** A table value: rows of one model table, all of its columns or only some (VALUES). */
interface TableValue {
    readonly table: string;
    readonly columns: readonly string[] | "all";
    readonly rows: readonly Row[];
}

type Value = DaxValue | TableValue;

interface Env {
    readonly filter: FilterContext;
    readonly rows: readonly RowContext[];
    readonly vars: ReadonlyMap<string, () => Value>;
}

const isTable = (v: Value): v is TableValue => typeof v === "object" && v !== null;

export interface EngineOptions {
    /** Measures whose value is given instead of computed (tests of one measure's logic). */
    readonly measureValues?: Readonly<Record<string, DaxValue | null | undefined>>;
}

export class Engine {
    private readonly visibleCache = new Map<string, readonly Row[]>();
    private readonly measureCache = new Map<string, DaxValue>();
    private readonly depth: string[] = [];

    constructor(readonly model: Model, private readonly options: EngineOptions = {}) {}

    /** Evaluate a scalar expression in a filter context (no row context). */
    evaluate(expr: Expr, filter: FilterContext = FilterContext.empty): DaxValue {
        const v = this.node(expr, { filter, rows: [], vars: new Map() });
        if (isTable(v)) throw new DaxEvaluationError("the expression returns a table, not a value");
        return v;
    }

    /** Evaluate a measure of the model in a filter context. */
    measure(name: string, filter: FilterContext = FilterContext.empty): DaxValue {
        return this.measureIn(name, filter);
    }

    /** The rows of a table visible in a filter context (in the table's order). */
    visible(table: string, filter: FilterContext): readonly Row[] {
        const key = `${table}\u0004${filter.key}`;
        const cached = this.visibleCache.get(key);
        if (cached) return cached;
        const t = this.model.table(table);
        // Each condition: a column of this table and the value keys it allows (its own filters, and
        // through each relationship whose one side is filtered, the keys visible there).
        const conditions: { column: string; keys: ReadonlySet<string> }[] = [
            ...filter.filters.filter(f => f.table === table).map(f => ({ column: f.column, keys: f.allowed })),
            ...this.model.outgoing(table).filter(r => this.isFiltered(r.toTable, filter))
                .map(r => ({ column: r.fromColumn, keys: new Set(this.visible(r.toTable, filter).map(row => valueKey(row[r.toColumn]))) })),
        ];
        let rows: readonly Row[];
        if (conditions.length === 0) {
            rows = t.rows;
        } else {
            // Start from the most selective condition through an index, then test the others.
            const first = conditions.reduce((a, b) => (b.keys.size < a.keys.size ? b : a));
            const index = this.index(table, first.column);
            const order = this.rowOrder(table);
            const candidates = [...first.keys].flatMap(k => index.get(k) ?? []).sort((a, b) => order.get(a)! - order.get(b)!);
            rows = candidates.filter(row => conditions.every(c => c === first || c.keys.has(valueKey(row[c.column]))));
        }
        this.visibleCache.set(key, rows);
        return rows;
    }

    private readonly indexes = new Map<string, Map<string, Row[]>>();
    private readonly orders = new Map<string, Map<Row, number>>();

    private index(table: string, column: string): Map<string, Row[]> {
        const key = `${table}\u0004${column}`;
        let index = this.indexes.get(key);
        if (!index) {
            index = new Map();
            for (const row of this.model.table(table).rows) {
                const k = valueKey(row[column]);
                const list = index.get(k);
                if (list) list.push(row); else index.set(k, [row]);
            }
            this.indexes.set(key, index);
        }
        return index;
    }

    private rowOrder(table: string): Map<Row, number> {
        let order = this.orders.get(table);
        if (!order) {
            order = new Map(this.model.table(table).rows.map((row, i) => [row, i]));
            this.orders.set(table, order);
        }
        return order;
    }

    private isFiltered(table: string, filter: FilterContext): boolean {
        const tables = this.model.expanded(table);
        return filter.filters.some(f => tables.has(f.table));
    }

    /** Distinct values of a column among visible rows (VALUES), in first-seen order. */
    distinct(table: string, column: string, filter: FilterContext): DaxValue[] {
        this.model.column(table, column);
        const seen = new Map<string, DaxValue>();
        for (const row of this.visible(table, filter)) {
            const k = valueKey(row[column]);
            if (!seen.has(k)) seen.set(k, row[column]);
        }
        return [...seen.values()];
    }

    private measureIn(name: string, filter: FilterContext): DaxValue {
        const given = this.options.measureValues;
        if (given && name in given) return toDax(given[name]);
        const expr = this.model.measures.get(name);
        if (!expr) throw new DaxEvaluationError(`the model has no measure [${name}]`);
        const key = `${name}\u0004${filter.key}`;
        const cached = this.measureCache.get(key);
        if (cached !== undefined) return cached;
        if (this.depth.includes(key)) throw new DaxEvaluationError(`measure [${name}] refers to itself`);
        this.depth.push(key);
        try {
            const v = this.node(expr, { filter, rows: [], vars: new Map() });
            if (isTable(v)) throw new DaxEvaluationError(`measure [${name}] returns a table`);
            this.measureCache.set(key, v);
            return v;
        } finally {
            this.depth.pop();
        }
    }

    private scalar(e: Expr, env: Env, where: string): DaxValue {
        const v = this.node(e, env);
        if (isTable(v)) throw new DaxEvaluationError(`${where} needs a value, not a table`);
        return v;
    }

    private table(e: Expr, env: Env, where: string): TableValue {
        const v = this.node(e, env);
        if (!isTable(v)) throw new DaxEvaluationError(`${where} needs a table`);
        return v;
    }

    private node(e: Expr, env: Env): Value {
        switch (e.kind) {
            case "number": case "string": case "boolean": return e.value;
            case "blank": return BLANK_VALUE;
            case "var": {
                const thunk = env.vars.get(e.name);
                if (!thunk) throw new DaxEvaluationError(`variable ${e.name} is not defined`);
                return thunk();
            }
            case "let": {
                // VARs are evaluated where they are defined (filter and row context), lazily and once
                // (https://learn.microsoft.com/en-us/dax/var-dax).
                const vars = new Map(env.vars);
                for (const v of e.vars) {
                    const at: Env = { ...env, vars: new Map(vars) };
                    let cached: { value: Value } | null = null;
                    vars.set(v.name, () => {
                        if (!cached) cached = { value: this.node(v.value, at) };
                        return cached.value;
                    });
                }
                return this.node(e.body, { ...env, vars });
            }
            case "measure":
                // A measure reference is wrapped in CALCULATE: context transition
                // (https://learn.microsoft.com/en-us/dax/dax-overview#context, https://dax.guide/calculate/).
                return this.measureIn(e.name, this.transition(env));
            case "column": return this.columnValue(e.table, e.column, env);
            case "table": return { table: e.table, columns: "all", rows: this.visible(e.table, env.filter) };
            case "verbatim": throw new DaxEvaluationError("a verbatim expression must be parsed before it is evaluated");
            case "negate": return negate(this.scalar(e.operand, env, "unary minus"));
            case "binary": {
                if (e.op === "&&") return truth(this.scalar(e.left, env, "&&")) && truth(this.scalar(e.right, env, "&&"));
                if (e.op === "||") return truth(this.scalar(e.left, env, "||")) || truth(this.scalar(e.right, env, "||"));
                return binaryOperation(e.op, this.scalar(e.left, env, e.op), this.scalar(e.right, env, e.op));
            }
            case "call": return this.call(e.fn, e.args, env);
        }
    }

    /** A column in a row context: the innermost iteration over its table that has the column. */
    private columnValue(table: string, column: string, env: Env): DaxValue {
        for (let i = env.rows.length - 1; i >= 0; i--) {
            const rc = env.rows[i];
            if (rc.table === table && (rc.columns === "all" || rc.columns.includes(column))) {
                this.model.column(table, column);
                return rc.row[column];
            }
        }
        throw new DaxEvaluationError(`${columnText(table, column)} is used as a value outside a row context over '${table}'`);
    }

    /**
     * Context transition: each row being iterated becomes a filter on its columns, replacing
     * the filters on those columns. Only rows of VALUES ( column ) are in the subset; a row of
     * a whole table (a filter on the expanded table) is refused.
     */
    private transition(env: Env): FilterContext {
        if (env.rows.length === 0) return env.filter;
        const filters: ColumnFilter[] = [];
        for (const rc of env.rows) {
            if (rc.columns === "all") {
                throw new DaxEvaluationError(`context transition from a row of the whole table '${rc.table}' is outside the subset`);
            }
            for (const column of rc.columns) filters.push({ table: rc.table, column, allowed: new Set([valueKey(rc.row[column])]) });
        }
        return env.filter.override(filters);
    }

    private iterate(t: TableValue, env: Env, each: (inner: Env) => void): void {
        for (const row of t.rows) each({ ...env, rows: [...env.rows, { table: t.table, columns: t.columns, row }] });
    }

    private columnArg(e: Expr, fn: string): { table: string; column: string } {
        if (e.kind !== "column") throw new DaxEvaluationError(`${fn} needs a column reference as its argument`);
        this.model.column(e.table, e.column);
        return e;
    }

    private call(fn: string, args: readonly Expr[], env: Env): Value {
        const arg = (i: number): DaxValue => this.scalar(args[i], env, fn);
        const arity = (min: number, max = min): void => {
            if (args.length < min || args.length > max) {
                throw new DaxEvaluationError(`${fn} takes ${min === max ? min : `${min} to ${max}`} arguments, not ${args.length}`);
            }
        };
        switch (fn) {
            case "BLANK": arity(0); return BLANK_VALUE;
            case "TRUE": arity(0); return true;
            case "FALSE": arity(0); return false;
            case "IF": {
                // https://learn.microsoft.com/en-us/dax/if-function-dax: BLANK when the condition is false and there is no else.
                arity(2, 3);
                if (truth(arg(0))) return this.node(args[1], env);
                return args.length > 2 ? this.node(args[2], env) : BLANK_VALUE;
            }
            case "SWITCH": {
                // https://learn.microsoft.com/en-us/dax/switch-function-dax: the first value equal to the expression wins; else the last argument or BLANK.
                if (args.length < 3) throw new DaxEvaluationError("SWITCH takes an expression and at least one value/result pair");
                const subject = arg(0);
                const last = args.length - 1;
                for (let i = 1; i + 1 <= last; i += 2) {
                    if (compare(subject, this.scalar(args[i], env, "SWITCH")) === 0) return this.node(args[i + 1], env);
                }
                return (args.length - 1) % 2 === 1 ? this.node(args[last], env) : BLANK_VALUE;
            }
            case "COALESCE": {
                // https://learn.microsoft.com/en-us/dax/coalesce-function-dax: the first argument that is not BLANK.
                if (args.length < 2) throw new DaxEvaluationError("COALESCE takes at least two arguments");
                for (let i = 0; i < args.length; i++) {
                    const v = arg(i);
                    if (!isBlank(v)) return v;
                }
                return BLANK_VALUE;
            }
            case "AND": arity(2); return truth(arg(0)) && truth(arg(1));
            case "OR": arity(2); return truth(arg(0)) || truth(arg(1));
            case "SELECTEDVALUE": case "HASONEVALUE": {
                // https://learn.microsoft.com/en-us/dax/selectedvalue-function: the value when the column is filtered to
                // one distinct value, else the alternate (BLANK); HASONEVALUE
                // (https://learn.microsoft.com/en-us/dax/hasonevalue-function-dax) is COUNTROWS ( VALUES ( column ) ) = 1.
                arity(1, fn === "SELECTEDVALUE" ? 2 : 1);
                const c = this.columnArg(args[0], fn);
                const values = this.distinct(c.table, c.column, env.filter);
                if (fn === "HASONEVALUE") return values.length === 1;
                if (values.length === 1) return values[0];
                return args.length > 1 ? arg(1) : BLANK_VALUE;
            }
            case "VALUES": {
                // https://learn.microsoft.com/en-us/dax/values-function-dax: the distinct values of the column in the filter context.
                arity(1);
                if (args[0].kind === "table") throw new DaxEvaluationError("VALUES of a whole table is outside the subset");
                const c = this.columnArg(args[0], fn);
                return { table: c.table, columns: [c.column], rows: this.distinct(c.table, c.column, env.filter).map(v => ({ [c.column]: v })) };
            }
            case "FILTER": {
                // https://learn.microsoft.com/en-us/dax/filter-function-dax: the rows of the table for which the condition is TRUE.
                arity(2);
                const t = this.table(args[0], env, "FILTER");
                const kept: Row[] = [];
                for (const row of t.rows) {
                    const inner: Env = { ...env, rows: [...env.rows, { table: t.table, columns: t.columns, row }] };
                    if (truth(this.scalar(args[1], inner, "FILTER"))) kept.push(row);
                }
                return { ...t, rows: kept };
            }
            case "MAXX": case "MINX": {
                // https://learn.microsoft.com/en-us/dax/maxx-function-dax, https://learn.microsoft.com/en-us/dax/minx-function-dax:
                // the expression for each row; blanks are skipped; BLANK when no row gives a value.
                arity(2);
                const t = this.table(args[0], env, fn);
                let best: number | null = null;
                this.iterate(t, env, inner => {
                    const v = this.scalar(args[1], inner, fn);
                    if (isBlank(v)) return;
                    if (typeof v !== "number") throw new DaxEvaluationError(`${fn} over text or logical values is outside the subset`);
                    if (best === null || (fn === "MAXX" ? v > best : v < best)) best = v;
                });
                return best ?? BLANK_VALUE;
            }
            case "MAX": case "SUM": {
                if (fn === "MAX" && args.length === 2) return scalarFunction("MAX", [arg(0), arg(1)])!;
                // https://learn.microsoft.com/en-us/dax/max-function-dax, https://learn.microsoft.com/en-us/dax/sum-function-dax:
                // over the column's values in the filter context; blanks ignored; BLANK when there are none.
                arity(1);
                const c = this.columnArg(args[0], fn);
                let out: number | null = null;
                for (const row of this.visible(c.table, env.filter)) {
                    const v = row[c.column];
                    if (isBlank(v)) continue;
                    if (typeof v !== "number") throw new DaxEvaluationError(`${fn} over text is outside the subset`);
                    out = out === null ? v : fn === "SUM" ? out + v : Math.max(out, v);
                }
                return out ?? BLANK_VALUE;
            }
            case "RELATED": {
                // https://learn.microsoft.com/en-us/dax/related-function-dax: the value on the one side of a
                // many-to-one relationship chain from the current row; BLANK when the row has no match.
                arity(1);
                const c = this.columnArg(args[0], fn);
                return this.related(c.table, c.column, env);
            }
            case "CALCULATE": return this.calculate(args, env);
            case "REMOVEFILTERS":
                throw new DaxEvaluationError("REMOVEFILTERS is only in the subset as a filter argument of CALCULATE");
            default: {
                const values = args.map((_, i) => arg(i));
                const v = scalarFunction(fn, values);
                if (v === undefined) throw new DaxEvaluationError(`${fn} is outside the DAX subset the engine evaluates`);
                return v;
            }
        }
    }

    private related(table: string, column: string, env: Env): DaxValue {
        for (let i = env.rows.length - 1; i >= 0; i--) {
            const rc = env.rows[i];
            if (rc.columns !== "all") continue;
            let current: Row | undefined = rc.row;
            let at = rc.table;
            const path = this.pathTo(at, table);
            if (!path) continue;
            for (const r of path) {
                const key: DaxValue = current[r.fromColumn];
                current = this.index(r.toTable, r.toColumn).get(valueKey(key))?.[0];
                at = r.toTable;
                if (!current) return BLANK_VALUE;
            }
            return current[column];
        }
        throw new DaxEvaluationError(`RELATED ( ${columnText(table, column)} ) needs a row context of a table related to '${table}'`);
    }

    private pathTo(from: string, to: string): { fromColumn: string; toTable: string; toColumn: string }[] | null {
        if (from === to) return null;
        const queue: { table: string; path: { fromColumn: string; toTable: string; toColumn: string }[] }[] = [{ table: from, path: [] }];
        const seen = new Set([from]);
        while (queue.length) {
            const { table, path } = queue.shift()!;
            for (const r of this.model.outgoing(table)) {
                const next = [...path, r];
                if (r.toTable === to) return next;
                if (!seen.has(r.toTable)) { seen.add(r.toTable); queue.push({ table: r.toTable, path: next }); }
            }
        }
        return null;
    }

    /**
     * CALCULATE (https://dax.guide/calculate/, https://learn.microsoft.com/en-us/dax/calculate-function-dax):
     * 1. the filter arguments are evaluated in the original context (row and filter context);
     * 2. context transition turns the rows being iterated into filters;
     * 3. the modifiers (REMOVEFILTERS) remove filters;
     * 4. each filter argument replaces the filters on its column.
     * A predicate on one column `'T'[c] <op> x` is FILTER ( ALL ( 'T'[c] ), predicate ).
     */
    private calculate(args: readonly Expr[], env: Env): Value {
        if (args.length === 0) throw new DaxEvaluationError("CALCULATE needs an expression");
        const removals: ((f: ColumnFilter) => boolean)[] = [];
        const filters: ColumnFilter[] = [];
        for (const a of args.slice(1)) {
            if (a.kind === "call" && a.fn === "REMOVEFILTERS") {
                // https://learn.microsoft.com/en-us/dax/removefilters-function-dax: clears the filters of a table
                // (its expanded table: the tables it reaches through many-to-one relationships) or of columns.
                if (a.args.length === 0) { removals.push(() => true); continue; }
                for (const target of a.args) {
                    if (target.kind === "table") {
                        const tables = this.model.expanded(target.table);
                        removals.push(f => tables.has(f.table));
                    } else if (target.kind === "column") {
                        this.model.column(target.table, target.column);
                        removals.push(f => f.table === target.table && f.column === target.column);
                    } else {
                        throw new DaxEvaluationError("REMOVEFILTERS takes tables or columns");
                    }
                }
                continue;
            }
            filters.push(this.filterArgument(a, env));
        }
        let filter = this.transition(env);
        for (const remove of removals) filter = filter.without(remove);
        filter = filter.override(filters);
        return this.node(args[0], { filter, rows: [], vars: env.vars });
    }

    private filterArgument(a: Expr, env: Env): ColumnFilter {
        if (a.kind === "call" && (a.fn === "VALUES" || a.fn === "FILTER")) {
            const t = this.table(a, env, "CALCULATE");
            if (t.columns === "all" || t.columns.length !== 1) {
                throw new DaxEvaluationError("a table filter over a whole table is outside the subset (filter one column)");
            }
            const column = t.columns[0];
            return { table: t.table, column, allowed: new Set(t.rows.map(r => valueKey(r[column]))) };
        }
        const columns = new Map<string, { table: string; column: string }>();
        collectColumns(a, columns);
        if (columns.size !== 1) {
            throw new DaxEvaluationError(`a CALCULATE filter predicate must refer to exactly one column (it refers to ${columns.size})`);
        }
        const [c] = columns.values();
        this.model.column(c.table, c.column);
        const allowed = new Set<string>();
        const all = new Map<string, DaxValue>();
        for (const row of this.model.table(c.table).rows) all.set(valueKey(row[c.column]), row[c.column]);
        for (const [key, value] of all) {
            const inner: Env = { ...env, rows: [...env.rows, { table: c.table, columns: [c.column], row: { [c.column]: value } }] };
            if (truth(this.scalar(a, inner, "a CALCULATE filter"))) allowed.add(key);
        }
        return { table: c.table, column: c.column, allowed };
    }
}

function collectColumns(e: Expr, into: Map<string, { table: string; column: string }>): void {
    switch (e.kind) {
        case "column": into.set(columnText(e.table, e.column), e); break;
        case "measure": throw new DaxEvaluationError("a CALCULATE filter predicate may not refer to a measure");
        case "call":
            if (e.fn === "CALCULATE") throw new DaxEvaluationError("a CALCULATE filter predicate may not nest CALCULATE");
            e.args.forEach(x => collectColumns(x, into)); break;
        case "binary": collectColumns(e.left, into); collectColumns(e.right, into); break;
        case "negate": collectColumns(e.operand, into); break;
        case "let": e.vars.forEach(v => collectColumns(v.value, into)); collectColumns(e.body, into); break;
        default: break;
    }
}

/** A filter on one column allowing the given values (a slicer selection, a visual's group). */
export function columnFilter(model: Model, table: string, column: string, values: readonly DaxValue[]): ColumnFilter {
    model.column(table, column);
    return { table, column, allowed: new Set(values.map(valueKey)) };
}
