/**
 * Run Best Practice Analyzer rules (BPARules.json form) against a semantic model: each rule's
 * Dynamic LINQ expression evaluated for every object its Scope names, as Tabular Editor does.
 */
import { TmdlSemanticModel } from "../../../dax/src/output/tmdlWriter";
import { evaluateBpaExpression, parseBpaExpression } from "./linq";
import { bpaModel, inScope } from "./model";

export interface BpaRule {
    readonly ID: string;
    readonly Name: string;
    readonly Category?: string;
    readonly Severity?: number;
    readonly Scope: string;
    readonly Expression: string;
    readonly CompatibilityLevel?: number;
}

export interface BpaFinding {
    readonly rule: string;
    /** `measure 'KPI Measures'[KPI Status]`, `column 'KPI'[KPI ID]`, `model` ... */
    readonly object: string;
}

export interface BpaResult {
    readonly findings: readonly BpaFinding[];
    /** Rules that could not be evaluated, with the reason (never silently passed). */
    readonly errors: readonly string[];
    /** Rule evaluations done (rule x object in scope). */
    readonly evaluations: number;
}

export function runBpa(rules: readonly BpaRule[], sm: TmdlSemanticModel): BpaResult {
    const { objects } = bpaModel(sm);
    const findings: BpaFinding[] = [];
    const errors: string[] = [];
    let evaluations = 0;
    for (const rule of rules) {
        if ((rule.CompatibilityLevel ?? 0) > sm.compatibilityLevel) continue;
        let tree: ReturnType<typeof parseBpaExpression>;
        try {
            tree = parseBpaExpression(rule.Expression);
        } catch (error) {
            errors.push(`${rule.ID}: ${(error as Error).message}`);
            continue;
        }
        for (const { type, object, label } of objects) {
            if (!inScope(rule.Scope, type)) continue;
            evaluations++;
            try {
                if (evaluateBpaExpression(tree, object)) findings.push({ rule: rule.ID, object: label });
            } catch (error) {
                errors.push(`${rule.ID} on ${label}: ${(error as Error).message}`);
            }
        }
    }
    return { findings, errors, evaluations };
}
