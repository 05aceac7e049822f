import { Expr } from "../expr/ast";
import { Engine, FilterContext } from "../engine/evaluate";
import { Model } from "../engine/model";
import { DaxValue } from "./scalar";

export { BLANK_VALUE, compare, DaxEvaluationError, isBlank, toDax } from "./scalar";
export type { DaxValue } from "./scalar";

/**
 * Evaluate an expression with the engine (dax/src/engine), the project's one DAX evaluator:
 * over a model (empty unless given) in a filter context, with some measures' values given
 * (a test of one measure's own logic binds the measures it refers to).
 */
export interface EvaluationContext {
    readonly model?: Model;
    readonly filter?: FilterContext;
    /** Values of measures referenced as [Name], instead of the model's definitions. */
    readonly measures?: Readonly<Record<string, DaxValue | null | undefined>>;
}

const EMPTY = new Model([], []);

export function evaluate(expr: Expr, context: EvaluationContext = {}): DaxValue {
    return new Engine(context.model ?? EMPTY, { measureValues: context.measures }).evaluate(expr, context.filter);
}
