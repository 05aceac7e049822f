/**
 * A small typed DAX expression tree. Measures are built from these nodes and printed by
 * `print.ts`; nothing is pasted together as text except a dictionary's own `actualExpression`
 * (a `verbatim` node, checked by the tokenizer before it gets here).
 */

/** Functions the generator emits (the evaluator implements the scalar ones). */
export type DaxFunctionName =
    | "ABS" | "AND" | "BLANK" | "CALCULATE" | "COALESCE" | "DIVIDE" | "FALSE" | "FILTER" | "HASONEVALUE" | "IF"
    | "ISBLANK" | "LOWER" | "MAX" | "MAXX" | "MINX" | "NOT" | "OR" | "REMOVEFILTERS" | "ROUND" | "SELECTEDVALUE" | "SUM"
    | "SUMMARIZECOLUMNS" | "SWITCH" | "TRIM" | "TRUE" | "VALUES" | "RELATED" | "ROW" | "UNICHAR";

/** Binary operators. There is deliberately no `/`: division is always DIVIDE (BPA rule). */
export type BinaryOperator = "+" | "-" | "*" | "&" | "=" | "==" | "<>" | "<" | "<=" | ">" | ">=" | "&&" | "||";

export type Expr =
    | { readonly kind: "number"; readonly value: number }
    | { readonly kind: "string"; readonly value: string }
    | { readonly kind: "boolean"; readonly value: boolean }
    | { readonly kind: "blank" }
    | { readonly kind: "column"; readonly table: string; readonly column: string }
    | { readonly kind: "table"; readonly table: string }
    | { readonly kind: "measure"; readonly name: string }
    | { readonly kind: "var"; readonly name: string }
    | { readonly kind: "call"; readonly fn: DaxFunctionName; readonly args: readonly Expr[] }
    | { readonly kind: "binary"; readonly op: BinaryOperator; readonly left: Expr; readonly right: Expr }
    | { readonly kind: "negate"; readonly operand: Expr }
    | { readonly kind: "let"; readonly vars: readonly VarDefinition[]; readonly body: Expr }
    | { readonly kind: "verbatim"; readonly text: string };

export interface VarDefinition {
    readonly name: string;
    readonly value: Expr;
}

export type CallExpr = Extract<Expr, { kind: "call" }>;
