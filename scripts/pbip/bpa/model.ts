/**
 * The semantic model as the Best Practice Analyzer's rules see it: Tabular Editor's object model
 * (Model, Table, Column, Measure, Relationship, Partition) with the members the rules read,
 * built from the typed TMDL model the project writes (dax/src/output/tmdlWriter.ts). Values
 * follow the Tabular Object Model's names (DataType `String`/`Int64`/`Double`/`DateTime`,
 * cardinality `Many`/`One`, SummarizeBy `None`); properties the project never sets have TOM's
 * defaults (IsAvailableInMDX true, no data category, no roles, no annotations of VertiPaq
 * statistics, which only a connected model has).
 */
import { lexDax } from "../../../dax/src/expr/tokenize";
import { TmdlSemanticModel } from "../../../dax/src/output/tmdlWriter";
import { BpaObject } from "./linq";

/** Object types as BPA rule scopes name them. */
export type BpaObjectType = "Model" | "Table" | "CalculatedTable" | "DataColumn" | "CalculatedTableColumn" | "Measure" | "Relationship" | "Partition";

export interface BpaModel {
    readonly model: BpaObject;
    /** Every object with its scope type, in model order. */
    readonly objects: readonly { readonly type: BpaObjectType; readonly object: BpaObject; readonly label: string }[];
}

const TOM_DATA_TYPE: Readonly<Record<string, string>> = { string: "String", int64: "Int64", double: "Double", decimal: "Decimal", dateTime: "DateTime", boolean: "Boolean" };
const TOM_SUMMARIZE: Readonly<Record<string, string>> = { none: "None", sum: "Sum", count: "Count", min: "Min", max: "Max", average: "Average", distinctCount: "DistinctCount" };

type Mutable = Record<string, unknown>;

function annotations(list: readonly { name: string; value: string }[] | undefined): (name: string) => string | null {
    return (name: string) => list?.find(a => a.name === name)?.value ?? null;
}

/** Build the BPA view of a semantic model. */
export function bpaModel(sm: TmdlSemanticModel): BpaModel {
    const objects: { type: BpaObjectType; object: BpaObject; label: string }[] = [];
    const model: Mutable = {
        Name: "Model", ObjectTypeName: "Model", Description: "", Roles: [], AllCalculationItems: [],
        DefaultPowerBIDataSourceVersion: "PowerBI_V3",
        Database: { CompatibilityLevel: sm.compatibilityLevel, CompatibilityMode: "PowerBI" },
    };
    const tables = new Map<string, Mutable>();
    const columns = new Map<string, Mutable>();
    const measures = new Map<string, Mutable>();
    const columnKey = (table: string, column: string) => `${table}\u0000${column}`;

    for (const t of sm.tables) {
        const calculated = t.partitions.some(p => p.sourceType === "calculated");
        const table: Mutable = {
            Name: t.name, Description: t.description ?? "", IsHidden: false, DataCategory: "", Model: model,
            ObjectTypeName: calculated ? "Calculated Table" : "Table",
            RowLevelSecurity: [], ObjectLevelSecurity: [], UsedInRelationships: [],
            GetAnnotation: annotations(t.annotations),
            // A calculated table's expression (ROW ( "Anchor", 0 ) for the measures table) refers to nothing.
            DependsOn: [],
        };
        tables.set(t.name, table);
        objects.push({ type: calculated ? "CalculatedTable" : "Table", object: table, label: `table '${t.name}'` });
        table.Columns = t.columns.map(c => {
            const column: Mutable = {
                Name: c.name, Description: c.description ?? "", DataType: TOM_DATA_TYPE[c.dataType], IsHidden: c.isHidden === true,
                IsKey: c.isKey === true, IsAvailableInMDX: c.isAvailableInMdx !== false, FormatString: c.formatString ?? "",
                SummarizeBy: TOM_SUMMARIZE[c.summarizeBy], DataCategory: "", SourceColumn: calculated ? "" : c.sourceColumn,
                Type: calculated ? "CalculatedTableColumn" : "Data", ObjectTypeName: "Column", AlternateOf: null,
                Table: table, Model: model, SortByColumn: null, UsedInSortBy: [], UsedInHierarchies: [], UsedInVariations: [],
                UsedInRelationships: [], ObjectLevelSecurity: [], GetAnnotation: annotations(c.annotations),
            };
            columns.set(columnKey(t.name, c.name), column);
            objects.push({ type: calculated ? "CalculatedTableColumn" : "DataColumn", object: column, label: `column '${t.name}'[${c.name}]` });
            return column;
        });
        table.Measures = t.measures.map(m => {
            const measure: Mutable = {
                Name: m.name, Description: m.description ?? "", Expression: m.expression, FormatString: m.formatString ?? "",
                FormatStringExpression: m.formatStringDefinition ?? "", IsHidden: m.isHidden === true, DisplayFolder: m.displayFolder ?? "",
                DaxObjectName: `[${m.name.replace(/\]/g, "]]")}]`, ObjectTypeName: "Measure", Table: table, Model: model,
                GetAnnotation: annotations(undefined),
            };
            measures.set(m.name.toLowerCase(), measure);
            return measure;
        });
        table.Partitions = t.partitions.map(p => {
            const partition: Mutable = {
                Name: p.name, SourceType: p.sourceType === "m" ? "M" : "Calculated", Query: p.sourceType === "m" ? p.source : "",
                Expression: p.sourceType === "calculated" ? p.source : "", Mode: "Import", DataSource: null, Table: table, Model: model,
                Description: "", ObjectTypeName: "Partition", GetAnnotation: annotations(undefined),
            };
            objects.push({ type: "Partition", object: partition, label: `partition '${p.name}'` });
            return partition;
        });
    }
    for (const t of sm.tables) {
        for (const c of t.columns) {
            if (c.sortByColumn === undefined) continue;
            const column = columns.get(columnKey(t.name, c.name))!;
            const target = columns.get(columnKey(t.name, c.sortByColumn)) ?? null;
            column.SortByColumn = target;
            if (target) (target.UsedInSortBy as unknown[]).push(column);
        }
    }
    // Measures after the columns so their labels follow the table's, as Tabular Editor lists them.
    for (const t of sm.tables) for (const m of t.measures) objects.push({ type: "Measure", object: measures.get(m.name.toLowerCase())!, label: `measure '${t.name}'[${m.name}]` });

    const relationships = sm.relationships.map(r => {
        const relationship: Mutable = {
            Name: r.name, FromTable: tables.get(r.fromTable), ToTable: tables.get(r.toTable),
            FromColumn: columns.get(columnKey(r.fromTable, r.fromColumn)), ToColumn: columns.get(columnKey(r.toTable, r.toColumn)),
            FromCardinality: "Many", ToCardinality: "One", CrossFilteringBehavior: "OneDirection", IsActive: true,
            ObjectTypeName: "Relationship", Model: model, GetAnnotation: annotations(undefined),
        };
        for (const end of [relationship.FromTable, relationship.ToTable, relationship.FromColumn, relationship.ToColumn] as Mutable[]) {
            if (!end) throw new Error(`relationship ${r.name} refers to an object the model does not have`);
            if (!(end.UsedInRelationships as unknown[]).includes(relationship)) (end.UsedInRelationships as unknown[]).push(relationship);
        }
        objects.push({ type: "Relationship", object: relationship, label: `relationship '${r.fromTable}'[${r.fromColumn}] -> '${r.toTable}'[${r.toColumn}]` });
        return relationship;
    });

    // Dependencies read from the DAX text, as Tabular Editor reads them.
    const referencedBy = new Map<Mutable, Mutable[]>();
    for (const measure of measures.values()) {
        const table = (measure.Table as Mutable).Name as string;
        const deps = new Map<Mutable, { FullyQualified: boolean }[]>();
        const add = (object: Mutable | undefined, fullyQualified: boolean) => {
            if (!object) return;
            if (!deps.has(object)) deps.set(object, []);
            deps.get(object)!.push({ FullyQualified: fullyQualified });
        };
        const texts = [measure.Expression as string, measure.FormatStringExpression as string].filter(t => t !== "");
        for (const text of texts) {
            const tokens = lexDax(text).tokens.filter(t => t.kind !== "space" && t.kind !== "comment");
            tokens.forEach((t, i) => {
                const unquote = (q: string) => (q.startsWith("'") ? q.slice(1, -1).replace(/''/g, "'") : q);
                if (t.kind === "bracket") {
                    const name = t.text.slice(1, -1).replace(/\]\]/g, "]");
                    const prev = tokens[i - 1];
                    if (prev?.kind === "table" || (prev?.kind === "identifier" && tables.has(prev.text))) {
                        const owner = unquote(prev.text);
                        add(columns.get(columnKey(owner, name)) ?? measures.get(name.toLowerCase()), true);
                    } else {
                        add(measures.get(name.toLowerCase()) ?? columns.get(columnKey(table, name)), false);
                    }
                } else if (t.kind === "table" && tokens[i + 1]?.kind !== "bracket") {
                    add(tables.get(unquote(t.text)), true);
                }
            });
        }
        measure.DependsOn = [...deps].map(([object, refs]) => ({
            Key: { ...object, ObjectType: object.ObjectTypeName === "Calculated Table" ? "Table" : (object.ObjectTypeName as string) },
            Value: refs,
        }));
        for (const object of deps.keys()) {
            if (!referencedBy.has(object)) referencedBy.set(object, []);
            referencedBy.get(object)!.push(measure);
        }
    }
    const allMeasuresReferencing = (object: Mutable): Mutable[] => {
        const seen = new Set<Mutable>();
        const walk = (o: Mutable) => {
            for (const m of referencedBy.get(o) ?? []) if (!seen.has(m)) { seen.add(m); walk(m); }
        };
        walk(object);
        return [...seen];
    };
    for (const object of [...columns.values(), ...measures.values(), ...tables.values()]) {
        const direct = [...(referencedBy.get(object) ?? [])];
        object.ReferencedBy = Object.assign(direct, { AllMeasures: allMeasuresReferencing(object) });
    }

    model.Tables = [...tables.values()];
    model.AllColumns = [...columns.values()];
    model.AllMeasures = [...measures.values()];
    model.Relationships = relationships;
    model.GetAnnotation = annotations(sm.model.annotations);
    objects.unshift({ type: "Model", object: model, label: "model" });
    return { model, objects };
}

/** The rules' scope names of an object type (a rule applies when its Scope lists the type). */
export function inScope(scope: string, type: BpaObjectType): boolean {
    return scope.split(",").map(s => s.trim()).includes(type);
}

