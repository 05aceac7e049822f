/**
 * The `KPI Measures` table of the model: the DAX generator's own table object for the sample
 * dictionary (dax/index.ts), never a hand-written copy.
 */
import * as path from "path";
import { formatIssue, generateFromFile, MEASURES_TABLE, measuresTable, OUTPUT_FILES } from "../../dax";
import type { MeasureDefinition } from "../../dax";
import type { TmdlTable } from "../../dax/src/output/tmdlWriter";

export interface GeneratedMeasures {
    /** The table as a TMDL object (the generator's `KPI Measures.tmdl` is this table written out). */
    readonly table: TmdlTable;
    readonly tableName: string;
    /** Every measure name in the table. */
    readonly measureNames: readonly string[];
    /** The measures with their expression trees (the model check reads their column references). */
    readonly definitions: readonly MeasureDefinition[];
}

export function generatedMeasures(dictionaryFile: string, repoRoot: string): GeneratedMeasures {
    const source = path.relative(repoRoot, dictionaryFile).split(path.sep).join("/");
    const result = generateFromFile(dictionaryFile, source);
    if (!result.ok) {
        const detail = result.issues.map(i => formatIssue(i)).slice(0, 10).join("\n");
        throw new Error(`The DAX generator rejected ${source}:\n${detail}`);
    }
    if (!result.output.files.has(OUTPUT_FILES.tmdl)) throw new Error(`The DAX generator produced no ${OUTPUT_FILES.tmdl}`);
    const table = measuresTable(result.output.measures, source);
    return { table, tableName: MEASURES_TABLE, measureNames: table.measures.map(m => m.name), definitions: result.output.measures };
}
