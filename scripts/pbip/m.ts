/**
 * Power Query M for the sample model: the folder parameter and one query per CSV table of the
 * star schema, typed with a fixed culture so numbers and dates read the same on every machine.
 */
import { mTextLiteral } from "../../dax/src/expr/text";
import { M_TYPE, StarTable } from "../../lib/star-schema";

export const FOLDER_PARAMETER = "DataFolder";

/**
 * An M text literal: `"` doubled, `#(` and line breaks and control characters written as M
 * escapes, so the literal stays on one line and reads back as exactly the text (dax/src/expr/text.ts).
 */
export const mText = mTextLiteral;

/** An M identifier for a step or column reference; #"..." when not a plain identifier. */
export function mIdentifier(name: string): string {
    return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) ? name : `#${mText(name)}`;
}

/** The folder parameter's expression: a required text parameter. */
export function folderParameterExpression(defaultFolder: string): string {
    return `${mText(defaultFolder)} meta [IsParameterQuery = true, Type = "Text", IsParameterQueryRequired = true]`;
}

/**
 * The query of one CSV table: read the file from the folder parameter (with or without a
 * trailing separator), promote the header row, and type every column (culture en-GB: `.`
 * decimals, ISO dates).
 */
export function csvTableQuery(table: StarTable): string {
    const types = table.columns.map(c => `{${mText(c.name)}, ${M_TYPE[c.type]}}`);
    const typeLines = types.map((t, i) => `            ${t}${i < types.length - 1 ? "," : ""}`);
    return [
        "let",
        `    FolderPath = if Text.EndsWith(${FOLDER_PARAMETER}, "\\") or Text.EndsWith(${FOLDER_PARAMETER}, "/") then ${FOLDER_PARAMETER} else ${FOLDER_PARAMETER} & "\\",`,
        `    Source = Csv.Document(File.Contents(FolderPath & ${mText(table.file)}), [Delimiter = ",", Columns = ${table.columns.length}, Encoding = 65001, QuoteStyle = QuoteStyle.Csv]),`,
        "    PromotedHeaders = Table.PromoteHeaders(Source, [PromoteAllScalars = true]),",
        "    ChangedTypes = Table.TransformColumnTypes(",
        "        PromotedHeaders,",
        "        {",
        ...typeLines,
        "        },",
        "        \"en-GB\"",
        "    )",
        "in",
        "    ChangedTypes",
    ].join("\n");
}
