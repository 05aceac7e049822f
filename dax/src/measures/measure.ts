import { Expr } from "../expr/ast";

/** One generated measure, ready for the DAX query script, TMDL and the summary. */
export interface MeasureDefinition {
    /** The generic family over the star schema, or one KPI's own family. */
    readonly family: "generic" | "perKpi";
    readonly name: string;
    readonly expression: Expr;
    readonly description: string;
    /** Display folder, subfolders separated by `\`. */
    readonly displayFolder: string;
    /** A static format string, or ... */
    readonly formatString?: string;
    /** ... a dynamic one (DAX returning the format string). */
    readonly formatStringExpression?: Expr;
    /** Text measures (status, colour, labels) carry no numeric format. */
    readonly returnsText: boolean;
    readonly isHidden?: boolean;
}

/** Percentages in Best Practice Analyzer form (rule PERCENTAGE_FORMATTING). */
export const PERCENT_FORMAT = "#,0.0%;-#,0.0%;#,0.0%";
/** Whole numbers in Best Practice Analyzer form (rule INTEGER_FORMATTING). */
export const INTEGER_FORMAT = "#,0";
