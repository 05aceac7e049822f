import { Expr } from "../expr/ast";
import { DaxEvaluationError, DaxValue } from "../evaluator/scalar";

/** One row of a table: column name to value (BLANK_VALUE for an empty cell). */
export type Row = Readonly<Record<string, DaxValue>>;

export interface Table {
    readonly name: string;
    readonly columns: readonly string[];
    readonly rows: readonly Row[];
}

/**
 * A many-to-one relationship with single-direction filtering: a filter on the one side
 * (`toTable`) filters the many side (`fromTable`), never the other way
 * (https://learn.microsoft.com/en-us/power-bi/transform-model/desktop-relationships-understand,
 * "Cross filter direction").
 */
export interface Relationship {
    readonly fromTable: string;
    readonly fromColumn: string;
    readonly toTable: string;
    readonly toColumn: string;
}

/** An in-memory tabular model: tables, relationships and measures (by name; names are model-wide). */
export class Model {
    private readonly byName = new Map<string, Table>();
    readonly measures: ReadonlyMap<string, Expr>;

    constructor(tables: readonly Table[], readonly relationships: readonly Relationship[], measures: ReadonlyMap<string, Expr> = new Map()) {
        for (const t of tables) {
            if (this.byName.has(t.name)) throw new DaxEvaluationError(`table '${t.name}' is defined twice`);
            this.byName.set(t.name, t);
        }
        for (const r of relationships) {
            this.column(r.fromTable, r.fromColumn);
            this.column(r.toTable, r.toColumn);
            const keys = new Set<DaxValue>();
            for (const row of this.table(r.toTable).rows) {
                const key = row[r.toColumn];
                if (keys.has(key)) {
                    throw new DaxEvaluationError(`'${r.toTable}'[${r.toColumn}] is the one side of a relationship but ${String(key)} appears twice`);
                }
                keys.add(key);
            }
        }
        this.measures = measures;
    }

    get tables(): readonly Table[] {
        return [...this.byName.values()];
    }

    table(name: string): Table {
        const t = this.byName.get(name);
        if (!t) throw new DaxEvaluationError(`the model has no table '${name}'`);
        return t;
    }

    column(table: string, column: string): void {
        if (!this.table(table).columns.includes(column)) throw new DaxEvaluationError(`the model has no column '${table}'[${column}]`);
    }

    /** The same tables and relationships with these measures. */
    withMeasures(measures: ReadonlyMap<string, Expr>): Model {
        return new Model(this.tables, this.relationships, measures);
    }

    /** Relationships where the table is the many side. */
    outgoing(table: string): Relationship[] {
        return this.relationships.filter(r => r.fromTable === table);
    }

    /**
     * The expanded table: the table and every table reached from it through many-to-one
     * relationships (https://www.sqlbi.com/articles/expanded-tables-in-dax/).
     */
    expanded(table: string): Set<string> {
        const out = new Set([table]);
        const stack = [table];
        while (stack.length) {
            const t = stack.pop()!;
            for (const r of this.outgoing(t)) {
                if (!out.has(r.toTable)) { out.add(r.toTable); stack.push(r.toTable); }
            }
        }
        return out;
    }
}
