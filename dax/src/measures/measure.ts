import { Expr } from "../expr/ast";
import { fold } from "../expr/fold";

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

/**
 * A KPI's own format in the form the Best Practice Analyzer asks for when that form shows the
 * same digits (rules PERCENTAGE_FORMATTING, INTEGER_FORMATTING): `0.0%` is written
 * `#,0.0%;-#,0.0%;#,0.0%`, `0` is `#,0` and `0.0` is `#,0.0` (the only difference: a thousands
 * separator from 1,000 up). Any other format is kept as the dictionary gives it: its precision
 * is the precision the rating compares at.
 */
export function measureFormat(format: string): string {
    switch (format) {
        case "0.0%": return PERCENT_FORMAT;
        case "0": return INTEGER_FORMAT;
        case "0.0": return "#,0.0";
        default: return format;
    }
}

/** How a measure of the generic family is formatted: text, a fixed format string, or a DAX expression returning one. */
export type MeasureFormat = { text: true } | { fixed: string } | { dynamic: Expr };

/** A measure of the generic family in a display folder, its expression folded once. */
export function genericMeasure(folder: string, name: string, description: string, expression: Expr, format: MeasureFormat,
    isHidden = false): MeasureDefinition {
    return {
        family: "generic", name, displayFolder: folder, description, expression: fold(expression), isHidden,
        returnsText: "text" in format,
        ...("fixed" in format ? { formatString: format.fixed } : {}),
        ...("dynamic" in format ? { formatStringExpression: format.dynamic } : {}),
    };
}
