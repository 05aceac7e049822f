import powerbi from "powerbi-visuals-api";
import ISelectionId = powerbi.visuals.ISelectionId;

/**
 * Identity comparison of selection ids. The host's ids compare by their data selector, so an id
 * built for the same KPI in a later update equals the one the host remembers.
 */
export function sameSelection(a: ISelectionId, b: ISelectionId): boolean {
    return a === b || (typeof a.equals === "function" && a.equals(b));
}

export function containsSelection(ids: readonly ISelectionId[], id: ISelectionId | undefined): boolean {
    return id !== undefined && ids.some(candidate => sameSelection(candidate, id));
}

/**
 * What the host's selection will be after a click, predicted so the tiles answer at once (the
 * host's promise then confirms or corrects it): a plain click selects only that KPI, or clears
 * when it was already the only one selected; an additive click toggles that KPI.
 */
export function predictSelection(current: readonly ISelectionId[], id: ISelectionId, multiSelect: boolean): ISelectionId[] {
    const selected = containsSelection(current, id);
    if (multiSelect) {
        return selected ? current.filter(candidate => !sameSelection(candidate, id)) : [...current, id];
    }
    return selected && current.length === 1 ? [] : [id];
}

/** Normalises whatever a host (or a host mock) resolves `select` with into a list of ids. */
export function asSelectionList(value: unknown): ISelectionId[] | undefined {
    if (!Array.isArray(value)) return undefined;
    return value.filter((id): id is ISelectionId => typeof id === "object" && id !== null);
}
