import { KpiDictionary } from "../dictionary/types";
import { printExpr } from "../expr/print";
import { allMeasures } from "../measures/all";
import { MeasureDefinition } from "../measures/measure";
import { MEASURES_TABLE } from "../measures/names";
import { Lines } from "./lines";
import {
    createOrReplaceScriptOf, indentForScript, lineageTag, measureText, tablePiecesAfter, tablePiecesBefore, TmdlMeasure, TmdlTable,
    writeCreateOrReplaceScript, writeTable, writeTableAndScript,
} from "./tmdlWriter";

/**
 * The `KPI Measures` table as a typed TMDL object (written by `tmdlWriter.ts`, the project's one
 * TMDL writer): `///` descriptions, display folders, static format strings or a
 * `formatStringDefinition`, lineage tags derived from the object path. The table is a one-row
 * calculated table with a hidden column, the usual home for measures in Power BI.
 */
export { lineageTag, tmdlName, tmdlText } from "./tmdlWriter";

export function measureObject(m: MeasureDefinition): TmdlMeasure {
    return {
        name: m.name,
        expression: printExpr(m.expression),
        description: m.description,
        formatString: m.formatString,
        formatStringDefinition: m.formatStringExpression !== undefined ? printExpr(m.formatStringExpression) : undefined,
        isHidden: m.isHidden,
        displayFolder: m.displayFolder,
        lineageTag: lineageTag(`measure/${m.name}`),
    };
}

/** The measures table object for a list of generated measures. */
export function measuresTable(measures: readonly MeasureDefinition[], source?: string): TmdlTable {
    return {
        name: MEASURES_TABLE,
        description: `Measures that rate KPIs exactly as the KPI tiles visual does.${source ? ` Generated from ${source}` : ""} by npm run dax; regenerate rather than edit.`,
        lineageTag: lineageTag(`table/${MEASURES_TABLE}`),
        measures: measures.map(measureObject),
        columns: [{
            name: "Anchor", dataType: "int64", isHidden: true, formatString: "0", isAvailableInMdx: false, lineageTag: lineageTag(`column/${MEASURES_TABLE}/Anchor`),
            summarizeBy: "none", isNameInferred: true, sourceColumn: "[Anchor]",
        }],
        partitions: [{ name: MEASURES_TABLE, sourceType: "calculated", mode: "import", source: "ROW ( \"Anchor\", 0 )" }],
    };
}

export interface MeasuresTmdlOptions {
    /** Include the per-KPI families (their expressions refer to the model's own tables). Default true. */
    readonly perKpi?: boolean;
    /** Dictionary path named in the table's description; default none. */
    readonly source?: string;
}

/** The `KPI Measures.tmdl` text for a dictionary (for Power BI Project folders). */
export function buildMeasuresTmdl(dictionary: KpiDictionary, options: MeasuresTmdlOptions = {}): string {
    const measures = allMeasures(dictionary).filter(m => options.perKpi !== false || m.family === "generic");
    return measuresTableTmdl(measures, options.source);
}

/** The table file a Power BI Project holds in `definition/tables/KPI Measures.tmdl`. */
export function measuresTableTmdl(measures: readonly MeasureDefinition[], source?: string): string {
    return writeTable(measuresTable(measures, source));
}

/** The same table as a TMDL script for Power BI Desktop's TMDL view: `createOrReplace` with the table under it. */
export function measuresTableScript(measures: readonly MeasureDefinition[], source?: string): string {
    return writeCreateOrReplaceScript([measuresTable(measures, source)]);
}

/** `measuresTableTmdl` and `measuresTableScript` together, each measure written once. */
export function measuresTableTmdlAndScript(measures: readonly MeasureDefinition[], source?: string): { readonly table: string; readonly script: string } {
    return writeTableAndScript(measuresTable(measures, source));
}

/** The TMDL view script from the table file's text (`measuresTableTmdl`), without writing the table again. */
export function measuresTableScriptOf(tableTmdl: string): string {
    return createOrReplaceScriptOf([tableTmdl]);
}

/**
 * `measuresTableTmdlAndScript` written as the measures come: `measure` for each measure in
 * order, then `end`. The same text (tests/dax/streaming.test.ts compares them), without a list
 * of every measure's TMDL object.
 */
export class MeasuresTableStream {
    private readonly shell: TmdlTable;

    constructor(source: string | undefined, private readonly table: Lines, private readonly script: Lines) {
        this.shell = measuresTable([], source);
        script.push("createOrReplace", "");
        tablePiecesBefore(this.shell, piece => this.emit(piece));
    }

    measure(m: MeasureDefinition): void {
        this.emit(measureText(measureObject(m)));
    }

    end(): void {
        tablePiecesAfter(this.shell, piece => this.emit(piece));
    }

    private emit(piece: string): void {
        this.table.push(piece);
        this.script.push(indentForScript(piece));
    }
}
