/**
 * Layout arithmetic of the tile area, pure so it can be unit-tested: which density and how many
 * columns fit the box, where each tile and group heading sits, which tiles a scroll position
 * shows, and which tile is above or below another. The renderer positions tiles from this, builds
 * only those in (or near) view, and the keyboard moves by it; nothing here touches the DOM.
 *
 * Tiles flow in reading order across groups: a group's heading sits over its tiles in each row
 * they occupy, so a new group continues the row instead of starting one (no row of one tile and
 * empty space). Every tile in a layout has the same height, so positions follow from the index.
 */

export const DENSITIES = ["detailed", "standard", "compact", "minimal"] as const;
export type Density = typeof DENSITIES[number];

/** What a tile of each density shows (besides what the format pane and the bound fields leave out). */
export interface TileParts {
    /** Lines the KPI name may take (then cut with an ellipsis). */
    readonly nameLines: number;
    readonly period: boolean;
    /** The target, a line. */
    readonly target: boolean;
    /** The gap to target ("3.4 pts above target"), a line. */
    readonly gap: boolean;
    readonly direction: boolean;
    readonly sparkline: boolean;
    readonly benchmark: boolean;
    readonly owner: boolean;
    readonly commentary: boolean;
}

export const DENSITY_PARTS: Readonly<Record<Density, TileParts>> = {
    detailed: { nameLines: 3, period: true, target: true, gap: true, direction: true, sparkline: true, benchmark: true, owner: true, commentary: true },
    standard: { nameLines: 3, period: false, target: true, gap: true, direction: true, sparkline: true, benchmark: false, owner: false, commentary: false },
    compact: { nameLines: 2, period: false, target: false, gap: true, direction: true, sparkline: false, benchmark: false, owner: false, commentary: false },
    minimal: { nameLines: 1, period: false, target: false, gap: false, direction: false, sparkline: false, benchmark: false, owner: false, commentary: false },
};

/**
 * Heights of a tile's parts in em of the visual's font size. style/visual.less gives each part
 * the same height (the `--kpi-*` sizes below are set from these), so the arithmetic and the page agree.
 */
export const PART_EM = {
    /** Padding above and below the content, together. */
    padding: 0.9,
    /** Space between two parts. */
    gap: 0.3,
    nameLine: 1.3,
    /** The value and status line. */
    main: 2.1,
    mainCompact: 1.7,
    line: 1.25,
    sparkline: 3,
    /** The benchmark strip with its labels, and the line of band and rank under it. */
    benchmark: 4.4,
} as const;

/** Borders of a tile in px (the status bar on top, the hairline at the bottom). */
export const TILE_BORDER_PX = 6;
/** Space between tiles, px. */
export const GAP_PX = 8;
/** Height of a group heading line over a row, in em. */
export const HEADING_EM = 1.6;
/** Minimum tile width of each density, as a multiple of the format pane's minimum tile width. */
export const WIDTH_FACTOR: Readonly<Record<Density, number>> = { detailed: 1.15, standard: 0.9, compact: 0.8, minimal: 0.6 };

/** Which optional parts have something to show: format pane toggles and bound fields together. */
export interface Available {
    readonly period: boolean;
    readonly target: boolean;
    readonly gap: boolean;
    readonly direction: boolean;
    readonly sparkline: boolean;
    readonly benchmark: boolean;
    readonly owner: boolean;
    readonly commentary: boolean;
    /** Lines of commentary the format pane allows. */
    readonly commentaryLines: number;
    /** A path-to-green field is bound (pathtogreen-pack): two lines under the owner where owner or commentary show. */
    readonly pathToGreen?: boolean;
}

/** The parts a tile of `density` draws, given what is available. */
export function partsOf(density: Density, available: Available): TileParts {
    const p = DENSITY_PARTS[density];
    return {
        nameLines: p.nameLines,
        period: p.period && available.period,
        target: p.target && available.target,
        gap: p.gap && available.gap,
        direction: p.direction && available.direction,
        sparkline: p.sparkline && available.sparkline,
        benchmark: p.benchmark && available.benchmark,
        owner: p.owner && available.owner,
        commentary: p.commentary && available.commentary,
    };
}

/** Height of a tile in px. */
export function tileHeight(density: Density, available: Available, em: number): number {
    const parts = partsOf(density, available);
    const lines: number[] = [parts.nameLines * PART_EM.nameLine, density === "detailed" || density === "standard" ? PART_EM.main : PART_EM.mainCompact];
    if (parts.period) lines.push(PART_EM.line);
    if (parts.target) lines.push(PART_EM.line);
    if (parts.gap) lines.push(PART_EM.line);
    if (parts.direction) lines.push(PART_EM.line);
    if (parts.benchmark) lines.push(PART_EM.benchmark);
    if (parts.sparkline) lines.push(PART_EM.sparkline);
    if (parts.owner) lines.push(PART_EM.line);
    if (parts.commentary) lines.push(PART_EM.line * Math.max(1, available.commentaryLines));
    if (available.pathToGreen && (parts.owner || parts.commentary)) lines.push(PART_EM.line * 2);
    const gaps = (lines.length - 1) * (density === "compact" || density === "minimal" ? PART_EM.gap / 2 : PART_EM.gap);
    const content = lines.reduce((sum, h) => sum + h, 0) + gaps + PART_EM.padding;
    return Math.ceil(content * em + TILE_BORDER_PX);
}

export interface LayoutRequest {
    /** Width and height of the area the tiles may use, px (the box less summary and notices). */
    readonly width: number;
    readonly height: number;
    /** The font size, px. */
    readonly em: number;
    /** Each tile's group heading in reading order, or null for none (headings off or no group field). */
    readonly groups: readonly (string | null)[];
    readonly density: Density | "auto";
    /** Tiles per row; 0 = as many as the minimum tile width allows. */
    readonly columns: number;
    /** The format pane's minimum tile width, px (standard density). */
    readonly minTileWidth: number;
    readonly available: Available;
}

/** A group heading over `span` columns of one row, from `column`. */
export interface HeadingSegment {
    readonly text: string;
    readonly row: number;
    readonly column: number;
    readonly span: number;
    /** True when the group started in an earlier row. */
    readonly continued: boolean;
    /** Index of the segment's first tile. */
    readonly firstTile: number;
}

export interface Layout {
    readonly density: Density;
    readonly parts: TileParts;
    readonly count: number;
    readonly columns: number;
    readonly rows: number;
    readonly tileWidth: number;
    readonly tileHeight: number;
    /** Height of the heading line over each row (0 without headings). */
    readonly headingHeight: number;
    /** Distance from one row's top to the next. */
    readonly rowPitch: number;
    readonly gap: number;
    /** Height of everything, px. */
    readonly contentHeight: number;
    readonly headings: readonly HeadingSegment[];
}

/** Columns that fit `width` at a minimum tile width, at least 1 and no more than the tiles. */
export function columnsFor(width: number, minWidth: number, count: number, fixed: number): number {
    const fitting = (least: number): number => Math.floor((Math.max(0, width) + GAP_PX) / (Math.max(1, least) + GAP_PX));
    // A fixed number of tiles per row still leaves each tile MIN_FIXED_TILE_PX: the tiles stay inside the box.
    const wanted = fixed > 0 ? Math.min(Math.round(fixed), fitting(MIN_FIXED_TILE_PX)) : fitting(minWidth);
    return Math.max(1, Math.min(wanted, Math.max(1, count)));
}

/** Narrowest tile a fixed "tiles per row" may ask for, px. */
export const MIN_FIXED_TILE_PX = 80;

/** The layout at one density. */
export function layoutAt(request: LayoutRequest, density: Density): Layout {
    const count = request.groups.length;
    const columns = columnsFor(request.width, request.minTileWidth * WIDTH_FACTOR[density], count, request.columns);
    const rows = Math.ceil(count / columns);
    const tileWidth = Math.max(1, (request.width - (columns - 1) * GAP_PX) / columns);
    const height = tileHeight(density, request.available, request.em);
    const withHeadings = request.groups.some(g => g !== null);
    const headingHeight = withHeadings ? Math.ceil(HEADING_EM * request.em) : 0;
    const rowPitch = headingHeight + height + GAP_PX;
    const headings: HeadingSegment[] = [];
    if (withHeadings) {
        for (let i = 0; i < count; i++) {
            const group = request.groups[i];
            const column = i % columns;
            const startsSegment = column === 0 || request.groups[i - 1] !== group;
            if (!startsSegment || group === null) continue;
            let span = 1;
            while (column + span < columns && i + span < count && request.groups[i + span] === group) span++;
            headings.push({ text: group, row: Math.floor(i / columns), column, span, continued: i > 0 && request.groups[i - 1] === group, firstTile: i });
        }
    }
    return {
        density, parts: partsOf(density, request.available), count, columns, rows, tileWidth, tileHeight: height,
        headingHeight, rowPitch, gap: GAP_PX, contentHeight: rows === 0 ? 0 : rows * rowPitch - GAP_PX, headings,
    };
}

/** Tiles a layout shows wholly in a box of `height` without scrolling. */
export function visibleAtTop(layout: Layout, height: number): number {
    return visibility(layout, 0, height).visible;
}

/** Auto density uses compact, when not everything fits, as long as it shows at least this many tiles at once. */
export const MIN_COMPACT_VISIBLE = 4;

/**
 * The layout for a request. A fixed density is used as asked. Auto takes the most detailed
 * density at which every tile fits the box; when none does, compact (name, value, status, gap
 * and direction, scrolling) when it shows at least MIN_COMPACT_VISIBLE tiles at once, else
 * whichever of compact and minimal shows more.
 */
export function chooseLayout(request: LayoutRequest): Layout {
    if (request.density !== "auto") return layoutAt(request, request.density);
    for (const density of ["detailed", "standard", "compact"] as const) {
        const layout = layoutAt(request, density);
        if (layout.contentHeight <= request.height) return layout;
    }
    const compact = layoutAt(request, "compact");
    const shown = visibleAtTop(compact, request.height);
    if (shown >= Math.min(MIN_COMPACT_VISIBLE, compact.count)) return compact;
    const minimal = layoutAt(request, "minimal");
    return visibleAtTop(minimal, request.height) > shown ? minimal : compact;
}

/** Top-left corner of tile `index`, px from the top-left of the tile area. */
export function tilePosition(layout: Layout, index: number): { left: number; top: number } {
    const row = Math.floor(index / layout.columns);
    const column = index % layout.columns;
    return { left: column * (layout.tileWidth + layout.gap), top: row * layout.rowPitch + layout.headingHeight };
}

/** Left edge and width of `span` columns from `column`. */
export function columnSpan(layout: Layout, column: number, span: number): { left: number; width: number } {
    return { left: column * (layout.tileWidth + layout.gap), width: span * layout.tileWidth + (span - 1) * layout.gap };
}

/** Tiles from `first` to `last` (inclusive) touch the band [top, bottom); empty when last < first. */
export function tilesInBand(layout: Layout, top: number, bottom: number): { first: number; last: number } {
    if (layout.count === 0 || bottom <= top) return { first: 0, last: -1 };
    const firstRow = Math.max(0, Math.floor((top - layout.headingHeight - layout.tileHeight) / layout.rowPitch) + 1);
    const lastRow = Math.min(layout.rows - 1, Math.floor((bottom - layout.headingHeight) / layout.rowPitch));
    if (lastRow < firstRow) return { first: 0, last: -1 };
    return { first: firstRow * layout.columns, last: Math.min(layout.count - 1, (lastRow + 1) * layout.columns - 1) };
}

/** Tiles wholly inside the band [top, bottom): how many there are before, inside and after it. */
export function visibility(layout: Layout, top: number, bottom: number): { above: number; visible: number; below: number } {
    let above = 0;
    let visible = 0;
    for (let row = 0; row < layout.rows; row++) {
        const tileTop = row * layout.rowPitch + layout.headingHeight;
        const inRow = Math.min(layout.columns, layout.count - row * layout.columns);
        if (tileTop + layout.tileHeight <= bottom + 0.5 && tileTop >= top - 0.5) visible += inRow;
        else if (tileTop < top) above += inRow;
    }
    return { above, visible, below: layout.count - above - visible };
}

/** The tile above (-1) or below (+1) `index`: same column, or the last tile of a shorter last row. */
export function verticalNeighbourIn(layout: Layout, index: number, direction: -1 | 1): number {
    if (index < 0 || index >= layout.count) return index;
    const target = index + direction * layout.columns;
    if (target < 0) return index;
    if (target >= layout.count) {
        const lastRow = layout.rows - 1;
        return Math.floor(index / layout.columns) < lastRow ? layout.count - 1 : index;
    }
    return target;
}

/** Scroll position that brings tile `index` wholly into a view of `viewHeight` now at `scrollTop`. */
export function scrollToShow(layout: Layout, index: number, scrollTop: number, viewHeight: number): number {
    const { top } = tilePosition(layout, index);
    const headed = top - layout.headingHeight;
    if (headed < scrollTop) return Math.max(0, headed);
    const bottom = top + layout.tileHeight;
    if (bottom > scrollTop + viewHeight) return Math.max(0, Math.min(headed, bottom - viewHeight));
    return scrollTop;
}
