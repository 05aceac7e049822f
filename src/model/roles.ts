import powerbi from "powerbi-visuals-api";

import DataViewCategorical = powerbi.DataViewCategorical;
import DataViewCategoryColumn = powerbi.DataViewCategoryColumn;
import DataViewValueColumn = powerbi.DataViewValueColumn;
import DataViewMetadataColumn = powerbi.DataViewMetadataColumn;

/** The visual's data roles (capabilities.json; fixed names, docs/CONTRACTS.md). */
export const ROLES = [
    "kpi", "group", "period", "actual", "target", "polarity", "tolerance", "tolerancePct", "floor",
    "stretch", "status", "previous", "england", "region", "neighbours", "q1", "median", "q3", "rank",
    "rankOf", "commentary", "owner", "tooltips", "format", "quality",
    "periodEnd", "action", "actionOwner", "actionDue", "actionStatus", "actionUpdated",
] as const;

export type RoleName = typeof ROLES[number];

export const REQUIRED_ROLES: readonly RoleName[] = ["kpi", "actual"];

/** Power BI's categorical data reduction limit set in capabilities.json. */
export const ROW_LIMIT = 30000;

/** A bound column, wherever the host put it (categories for columns, values for measures). */
export interface RoleColumn {
    readonly source: DataViewMetadataColumn;
    readonly values: readonly powerbi.PrimitiveValue[];
    /** Highlighted values when another visual highlights (values columns only). */
    readonly highlights?: readonly (powerbi.PrimitiveValue | null)[];
    readonly category?: DataViewCategoryColumn;
}

export interface RoleColumns {
    /** First column bound to each role. */
    readonly byRole: ReadonlyMap<RoleName, RoleColumn>;
    /** Every column bound to `tooltips` (up to 10). */
    readonly tooltips: readonly RoleColumn[];
    readonly rowCount: number;
    readonly hasHighlights: boolean;
}

function hasRole(source: DataViewMetadataColumn | undefined, role: string): boolean {
    return !!source?.roles && source.roles[role] === true;
}

/**
 * Find each role's column by `source.roles[role]`, in categories first, then values.
 * Text roles (polarity, status, commentary, owner, format) may be either.
 */
export function findRoleColumns(categorical: DataViewCategorical): RoleColumns {
    const categories: readonly DataViewCategoryColumn[] = categorical.categories ?? [];
    const values: readonly DataViewValueColumn[] = categorical.values ? Array.from(categorical.values) : [];
    const byRole = new Map<RoleName, RoleColumn>();
    for (const role of ROLES) {
        if (role === "tooltips") continue;
        const category = categories.find(c => hasRole(c.source, role));
        if (category) {
            byRole.set(role, { source: category.source, values: category.values ?? [], category });
            continue;
        }
        const value = values.find(v => hasRole(v.source, role));
        if (value) byRole.set(role, { source: value.source, values: value.values ?? [], highlights: value.highlights });
    }
    const tooltips: RoleColumn[] = values
        .filter(v => hasRole(v.source, "tooltips"))
        .map(v => ({ source: v.source, values: v.values ?? [], highlights: v.highlights }));
    const lengths = [...categories.map(c => c.values?.length ?? 0), ...values.map(v => v.values?.length ?? 0)];
    const rowCount = lengths.length === 0 ? 0 : Math.max(...lengths);
    const hasHighlights = values.some(v => Array.isArray(v.highlights));
    return { byRole, tooltips, rowCount, hasHighlights };
}
