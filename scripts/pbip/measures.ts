/**
 * The `KPI Measures` table of the model: the DAX generator's own TMDL output for the sample
 * dictionary (dax/index.ts), never a hand-written copy.
 */
import * as path from "path";
import { formatIssue, generateFromFile, MEASURES_TABLE, OUTPUT_FILES } from "../../dax";

export interface GeneratedMeasures {
    /** The table's TMDL file content. */
    readonly tmdl: string;
    readonly tableName: string;
    /** Every measure name in the table. */
    readonly measureNames: readonly string[];
}

/** Measure names declared in a TMDL table (`measure 'Name' = ...` at one tab). */
export function measureNamesInTmdl(tmdl: string): string[] {
    const names: string[] = [];
    for (const line of tmdl.split("\n")) {
        const m = /^\tmeasure ('(?:[^']|'')*'|[A-Za-z_][A-Za-z0-9_]*)\s*=/.exec(line);
        if (m) names.push(m[1].startsWith("'") ? m[1].slice(1, -1).replace(/''/g, "'") : m[1]);
    }
    return names;
}

export function generatedMeasures(dictionaryFile: string, repoRoot: string): GeneratedMeasures {
    const source = path.relative(repoRoot, dictionaryFile).split(path.sep).join("/");
    const result = generateFromFile(dictionaryFile, source);
    if (!result.ok) {
        const detail = result.issues.map(i => formatIssue(i)).slice(0, 10).join("\n");
        throw new Error(`The DAX generator rejected ${source}:\n${detail}`);
    }
    const tmdl = result.output.files.get(OUTPUT_FILES.tmdl);
    if (!tmdl) throw new Error(`The DAX generator produced no ${OUTPUT_FILES.tmdl}`);
    return { tmdl: tmdl.endsWith("\n") ? tmdl : `${tmdl}\n`, tableName: MEASURES_TABLE, measureNames: measureNamesInTmdl(tmdl) };
}
