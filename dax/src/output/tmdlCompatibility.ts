/**
 * Which compatibility level each TMDL feature the project writes needs, read from the TMDL text
 * itself (as Power BI reads it), so a model that declares too low a level is caught before
 * Power BI Desktop refuses it.
 *
 * `readTmdlOutline` is a small structural reader of TMDL (declarations, properties, child
 * objects; expression bodies skipped), enough to know which object owns which property.
 */

export interface TmdlNode {
    /** 1-based line number. */
    readonly line: number;
    readonly depth: number;
    /** Declaration keyword (`table`, `measure`, ...) or property name (`lineageTag`, `isHidden`). */
    readonly keyword: string;
    /** Text after the keyword: an object's name (with `= ...`), or a property's value. */
    readonly rest: string;
    /** True for object declarations (they can own properties), false for properties. */
    readonly isObject: boolean;
    /** The nearest enclosing object declaration, if any. */
    readonly parent: TmdlNode | null;
}

const OBJECT_KEYWORDS = new Set([
    "createOrReplace", "database", "model", "table", "column", "measure", "partition", "expression", "relationship",
    "annotation", "formatStringDefinition", "dataAccessOptions", "ref", "hierarchy", "level", "calculationGroup",
    "calculationItem", "role", "tablePermission", "perspective", "culture", "queryGroup", "extendedProperty",
]);

function depthOf(line: string): number {
    return /^\t*/.exec(line)![0].length;
}

/** Declarations and properties of a TMDL document or script, with their owners; expression bodies are skipped. */
export function readTmdlOutline(text: string): TmdlNode[] {
    const lines = text.replace(/\r\n?/g, "\n").split("\n");
    const nodes: TmdlNode[] = [];
    const stack: TmdlNode[] = [];
    for (let i = 0; i < lines.length; i++) {
        const raw = lines[i];
        const trimmed = raw.trim();
        if (trimmed === "" || trimmed.startsWith("///")) continue;
        const depth = depthOf(raw);
        const m = /^([A-Za-z]+)(:?)\s*(.*)$/.exec(trimmed);
        if (!m) throw new Error(`TMDL line ${i + 1}: cannot read ${JSON.stringify(trimmed)}`);
        const [, keyword, colon, rest] = m;
        while (stack.length > 0 && stack[stack.length - 1].depth >= depth) stack.pop();
        const isObject = colon === "" && OBJECT_KEYWORDS.has(keyword);
        const node: TmdlNode = { line: i + 1, depth, keyword, rest, isObject, parent: stack[stack.length - 1] ?? null };
        nodes.push(node);
        if (isObject) stack.push(node);
        // Skip the body of a multi-line expression (`... =` then deeper lines, or ``` ... ```).
        if (/=\s*```\s*$/.test(trimmed)) {
            while (i + 1 < lines.length && lines[i + 1].trim() !== "```") i++;
            i++;
        } else if (/=\s*$/.test(trimmed)) {
            // An object's expression sits one level below its properties; a property's just below it.
            const bodyDepth = isObject ? depth + 2 : depth + 1;
            while (i + 1 < lines.length && (lines[i + 1].trim() === "" || depthOf(lines[i + 1]) >= bodyDepth)) i++;
        }
    }
    return nodes;
}

export interface CompatibilityFeature {
    /** Type of the owning object (`""` for a top-level declaration). */
    readonly owner: string;
    /** Property or child-object keyword. */
    readonly keyword: string;
    /** Only when the text after the keyword matches (a property value, a partition's source type). */
    readonly when?: RegExp;
    readonly level: number;
    readonly source: string;
}

const TMDL_BASE = "TMDL reference (learn.microsoft.com/analysis-services/tmdl/tmdl-overview): TMDL covers models at level 1200 or higher; no higher level is stated for this property in the TOM reference";
const TOM = (property: string, level: number) => `TOM reference ${property}: "only supported when the compatibility level of the database is at ${level} or above" (learn.microsoft.com/dotnet/api/microsoft.analysisservices.tabular.${property.toLowerCase()})`;

/**
 * Every feature the project's TMDL uses, with the compatibility level it needs and where that
 * is stated. A feature missing from this table is reported, so a new property gets looked up
 * before it is written.
 */
export const COMPATIBILITY_FEATURES: readonly CompatibilityFeature[] = [
    { owner: "database", keyword: "compatibilityLevel", level: 1200, source: TMDL_BASE },
    { owner: "", keyword: "database", level: 1200, source: TMDL_BASE },
    { owner: "", keyword: "model", level: 1200, source: TMDL_BASE },
    { owner: "", keyword: "table", level: 1200, source: TMDL_BASE },
    { owner: "", keyword: "relationship", level: 1200, source: TMDL_BASE },
    { owner: "", keyword: "ref", level: 1200, source: TMDL_BASE },
    { owner: "", keyword: "annotation", level: 1200, source: TMDL_BASE },
    { owner: "", keyword: "createOrReplace", level: 1200, source: "TMDL scripts (learn.microsoft.com/analysis-services/tmdl/tmdl-scripts): a command over TMDL objects, no level of its own" },
    { owner: "createOrReplace", keyword: "table", level: 1200, source: TMDL_BASE },
    { owner: "", keyword: "expression", level: 1400, source: "MS-SSAS-T 2.2.5.26 Expression Object: \"requires compatibility level 1400 or higher\"" },
    { owner: "expression", keyword: "lineageTag", level: 1600, source: "MS-SSAS-T 2.2.5.26 Expression Object, LineageTag: \"Compatibility level 1600 or higher is required\"" },
    { owner: "expression", keyword: "annotation", level: 1400, source: "MS-SSAS-T 2.2.5.26 (annotations of an Expression, itself 1400)" },
    { owner: "model", keyword: "culture", level: 1200, source: TMDL_BASE },
    { owner: "model", keyword: "defaultPowerBIDataSourceVersion", when: /^powerBI_V3$/, level: 1465, source: "TOM reference PowerBIDataSourceVersion: PowerBI_V3 \"only supported when the compatibility level of the database is at 1465 or above\" (property itself: 1450, Model.DefaultPowerBIDataSourceVersion)" },
    { owner: "model", keyword: "discourageImplicitMeasures", level: 1470, source: TOM("Model.DiscourageImplicitMeasures", 1470) },
    { owner: "model", keyword: "sourceQueryCulture", level: 1520, source: TOM("Model.SourceQueryCulture", 1520) },
    { owner: "model", keyword: "dataAccessOptions", level: 1400, source: "Tabular Editor object-properties reference, Model > Data Access Options (LegacyRedirects, ReturnErrorValuesAsNull: compatibility level 1400+) (docs.tabulareditor.com/references/object-properties/model.html)" },
    { owner: "dataAccessOptions", keyword: "legacyRedirects", level: 1400, source: "as dataAccessOptions" },
    { owner: "dataAccessOptions", keyword: "returnErrorValuesAsNull", level: 1400, source: "as dataAccessOptions" },
    { owner: "table", keyword: "lineageTag", level: 1540, source: TOM("Table.LineageTag", 1540) },
    { owner: "table", keyword: "measure", level: 1200, source: "MS-SSAS-T 2.2.5.8 Measure Object (no level stated)" },
    { owner: "table", keyword: "column", level: 1200, source: TMDL_BASE },
    { owner: "table", keyword: "partition", level: 1200, source: TMDL_BASE },
    { owner: "table", keyword: "annotation", level: 1200, source: TMDL_BASE },
    { owner: "measure", keyword: "formatString", level: 1200, source: "MS-SSAS-T 2.2.5.8 Measure Object, FormatString (no level stated)" },
    { owner: "measure", keyword: "isHidden", level: 1200, source: "MS-SSAS-T 2.2.5.8 Measure Object, IsHidden (no level stated)" },
    { owner: "measure", keyword: "displayFolder", level: 1200, source: TMDL_BASE },
    { owner: "measure", keyword: "lineageTag", level: 1540, source: TOM("Measure.LineageTag", 1540) },
    { owner: "measure", keyword: "formatStringDefinition", level: 1601, source: "MS-SSAS-T 2.2.5.31 FormatStringDefinition Object: \"As a child of a Measure object, it requires compatibility level 1601 or higher\"" },
    { owner: "column", keyword: "dataType", level: 1200, source: TMDL_BASE },
    { owner: "column", keyword: "isHidden", level: 1200, source: TMDL_BASE },
    { owner: "column", keyword: "formatString", level: 1200, source: TMDL_BASE },
    { owner: "column", keyword: "isKey", level: 1200, source: TMDL_BASE },
    { owner: "column", keyword: "isAvailableInMdx", level: 1200, source: `${TMDL_BASE} (Column.IsAvailableInMDX)` },
    { owner: "column", keyword: "lineageTag", level: 1540, source: TOM("Column.LineageTag", 1540) },
    { owner: "column", keyword: "summarizeBy", level: 1200, source: TMDL_BASE },
    { owner: "column", keyword: "isNameInferred", level: 1200, source: TMDL_BASE },
    { owner: "column", keyword: "sourceColumn", level: 1200, source: TMDL_BASE },
    { owner: "column", keyword: "sortByColumn", level: 1200, source: TMDL_BASE },
    { owner: "column", keyword: "annotation", level: 1200, source: TMDL_BASE },
    { owner: "table", keyword: "partition", when: /=\s*m$/, level: 1400, source: "TOM reference PartitionSourceType.M: \"only supported when the compatibility level of the database is at 1400 or above\"" },
    { owner: "partition", keyword: "mode", level: 1200, source: TMDL_BASE },
    { owner: "partition", keyword: "source", level: 1200, source: TMDL_BASE },
    { owner: "relationship", keyword: "fromColumn", level: 1200, source: TMDL_BASE },
    { owner: "relationship", keyword: "toColumn", level: 1200, source: TMDL_BASE },
];

export interface FeatureUse {
    readonly file: string;
    readonly line: number;
    /** `owner.keyword`, e.g. `measure.formatStringDefinition`. */
    readonly feature: string;
    readonly level: number;
    readonly source: string;
}

export interface CompatibilityReport {
    /** The highest level any used feature needs. */
    readonly required: number;
    /** The use that sets `required`. */
    readonly highest: FeatureUse | null;
    readonly uses: readonly FeatureUse[];
    /** `file:line owner.keyword` of features the table does not list. */
    readonly unknown: readonly string[];
}

/** The compatibility level a set of TMDL documents (file name -> text) needs. */
export function requiredCompatibility(documents: ReadonlyMap<string, string>): CompatibilityReport {
    const uses: FeatureUse[] = [];
    const unknown: string[] = [];
    for (const [file, text] of documents) {
        for (const node of readTmdlOutline(text)) {
            const owner = node.parent?.keyword ?? "";
            const matching = COMPATIBILITY_FEATURES.filter(f => f.owner === owner && f.keyword === node.keyword && (f.when === undefined || f.when.test(node.rest)));
            if (matching.length === 0) {
                unknown.push(`${file}:${node.line} ${owner || "(top)"}.${node.keyword}`);
                continue;
            }
            const top = matching.reduce((a, b) => (b.level > a.level ? b : a));
            uses.push({ file, line: node.line, feature: `${owner || "(top)"}.${node.keyword}`, level: top.level, source: top.source });
        }
    }
    const highest = uses.reduce<FeatureUse | null>((a, b) => (a === null || b.level > a.level ? b : a), null);
    return { required: highest?.level ?? 1200, highest, uses, unknown };
}

/** The level `database.tmdl` declares, or null. */
export function declaredCompatibilityLevel(databaseTmdl: string): number | null {
    const node = readTmdlOutline(databaseTmdl).find(n => n.keyword === "compatibilityLevel" && n.parent?.keyword === "database");
    return node ? Number(node.rest) : null;
}

/** Problems with the declared level: features the table lacks, or a level below what a feature needs. */
export function compatibilityProblems(documents: ReadonlyMap<string, string>, declared: number): string[] {
    const report = requiredCompatibility(documents);
    const problems = report.unknown.map(u => `${u}: no compatibility level recorded for this feature (add it to COMPATIBILITY_FEATURES with its source)`);
    for (const use of report.uses) {
        if (use.level > declared) problems.push(`${use.file}:${use.line} ${use.feature} needs compatibility level ${use.level} (${use.source}); the model declares ${declared}`);
    }
    return problems;
}
