/**
 * Checks on a KPI's tolerance that the DAX generator's dictionary validator and the preview's
 * dataset reader share, so a performance officer gets the same warning from both.
 */

/** What looks wrong with a tolerance, and the likely intended value. */
export interface ToleranceProblem {
    readonly message: string;
    /** What to write instead. */
    readonly hint: string;
}

/**
 * A relative tolerance is a fraction of the target (0.05 = 5%). One above 1 means more than the
 * whole target, which no amber zone is meant to be: almost always a percentage typed as a whole
 * number (5 for 5%). Null when the tolerance is plausible.
 */
export function relativeToleranceProblem(tolerance: number): ToleranceProblem | null {
    if (!Number.isFinite(tolerance) || tolerance <= 1) return null;
    const percent = Number((tolerance * 100).toPrecision(12));
    const meant = Number((tolerance / 100).toPrecision(12));
    return {
        message: `a relative tolerance is a fraction of the target: ${tolerance} means ${percent}% of it`,
        hint: `${meant} for ${tolerance}%`,
    };
}
