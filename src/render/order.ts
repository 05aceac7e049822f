import { relativeShortfall, STATUS_SORT_KEY } from "../rules";
import { inView } from "../rules/views";
import { KpiTile } from "../model/types";
import { FilterOption, SortOption } from "../options";

/**
 * Tiles the filter keeps: a view of src/rules/views.ts (all; exceptions: Red and Amber; what's
 * good: Green and Blue; escalations: Red and Blue; overdue: an overdue path-to-green action), or
 * Red only.
 */
export function filterTiles(tiles: readonly KpiTile[], filter: FilterOption): KpiTile[] {
    if (filter === "red") return tiles.filter(t => t.status === "red");
    // The path to green is made when first read: only the overdue view needs it for every tile.
    return tiles.filter(t => inView(filter, t.status, filter === "overdue" && t.pathToGreen?.overdue === true));
}

/** Overdue actions first, then by the date back within tolerance (earliest first); tiles without a date last. */
function compareOverdue(a: KpiTile, b: KpiTile): number {
    const rank = (t: KpiTile): number => (t.pathToGreen?.overdue ? 0 : t.pathToGreen?.due != null ? 1 : 2);
    const due = (t: KpiTile): number => t.pathToGreen?.due ?? Number.POSITIVE_INFINITY;
    return rank(a) - rank(b) || (rank(a) < 2 ? due(a) - due(b) : 0);
}

/** How far a tile is from its target, worst first (src/rules relativeShortfall); tiles without a gap sort last. */
function gapBadness(tile: KpiTile): number {
    return tile.gap ? relativeShortfall(tile.gap, tile.polarity) : Number.NEGATIVE_INFINITY;
}

const collator = typeof Intl !== "undefined" ? new Intl.Collator(undefined, { numeric: true, sensitivity: "base" }) : null;
function compareText(a: string, b: string): number {
    return collator ? collator.compare(a, b) : a < b ? -1 : a > b ? 1 : 0;
}

/** Stable sort; ties keep the order the data delivered. */
export function sortTiles(tiles: readonly KpiTile[], sortBy: SortOption): KpiTile[] {
    const byDelivered = (a: KpiTile, b: KpiTile): number => a.deliveredIndex - b.deliveredIndex;
    const list = tiles.slice();
    switch (sortBy) {
        case "status":
            return list.sort((a, b) => STATUS_SORT_KEY[a.status] - STATUS_SORT_KEY[b.status] || byDelivered(a, b));
        case "name":
            return list.sort((a, b) => compareText(a.name, b.name) || byDelivered(a, b));
        case "group":
            return list.sort((a, b) => compareText(a.group ?? "", b.group ?? "") || byDelivered(a, b));
        case "gap":
            return list.sort((a, b) => gapBadness(b) - gapBadness(a) || byDelivered(a, b));
        case "overdue":
            return list.sort((a, b) => compareOverdue(a, b) || byDelivered(a, b));
        default:
            return list.sort(byDelivered);
    }
}

export interface TileGroup {
    readonly heading: string | null;
    readonly tiles: readonly KpiTile[];
}

/** Split sorted tiles into headed groups, in the order each group first appears. */
export function groupTiles(tiles: readonly KpiTile[], withHeadings: boolean): TileGroup[] {
    if (!withHeadings) return [{ heading: null, tiles }];
    const groups = new Map<string, KpiTile[]>();
    for (const tile of tiles) {
        const key = tile.group ?? "";
        const list = groups.get(key);
        if (list) list.push(tile); else groups.set(key, [tile]);
    }
    return Array.from(groups, ([heading, list]) => ({ heading: heading === "" ? null : heading, tiles: list }));
}
