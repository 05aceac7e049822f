/**
 * Reading-order geometry of the tile grid, measured from the tiles' on-screen boxes.
 *
 * Tiles wrap with the visual's width and may be grouped under service-area headings, so rows
 * can differ in length; rows are therefore found from positions, not from a fixed column count.
 */

/** The part of a DOMRect the grid needs (viewport pixels). */
export interface TileBox {
    readonly left: number;
    readonly top: number;
    readonly width: number;
    readonly height: number;
}

/** True when no box has a size: the tiles are not laid out (hidden visual, or no layout engine). */
export function isUnmeasured(boxes: readonly TileBox[]): boolean {
    return boxes.every(box => box.width <= 0 && box.height <= 0);
}

/**
 * Groups tile indexes into visual rows, top to bottom, each row left to right. Two tiles share a
 * row when their vertical centres are closer than half the shorter tile's height.
 */
export function readingRows(boxes: readonly TileBox[]): number[][] {
    const order = boxes.map((_, index) => index)
        .sort((a, b) => centreY(boxes[a]) - centreY(boxes[b]) || boxes[a].left - boxes[b].left);
    const rows: number[][] = [];
    let rowCentre = Number.NaN;
    let rowHeight = 0;
    for (const index of order) {
        const box = boxes[index];
        const tolerance = Math.max(1, Math.min(rowHeight, box.height) / 2);
        if (rows.length > 0 && Math.abs(centreY(box) - rowCentre) < tolerance) {
            rows[rows.length - 1].push(index);
        } else {
            rows.push([index]);
            rowCentre = centreY(box);
            rowHeight = box.height;
        }
    }
    for (const row of rows) row.sort((a, b) => boxes[a].left - boxes[b].left);
    return rows;
}

/** The grid's column count: the length of its longest row (1 for an empty or unmeasured grid). */
export function columnCount(boxes: readonly TileBox[]): number {
    if (boxes.length === 0 || isUnmeasured(boxes)) return 1;
    return Math.max(...readingRows(boxes).map(row => row.length));
}

/**
 * The tile above (`-1`) or below (`+1`) tile `index`: in the neighbouring row, the tile whose
 * horizontal centre is nearest. Returns `index` itself at the top or bottom edge. When the tiles
 * are not laid out, falls back to the previous/next tile in reading order.
 */
export function verticalNeighbour(boxes: readonly TileBox[], index: number, direction: -1 | 1): number {
    if (index < 0 || index >= boxes.length) return index;
    if (isUnmeasured(boxes)) return clamp(index + direction, 0, boxes.length - 1);
    const rows = readingRows(boxes);
    const rowIndex = rows.findIndex(row => row.includes(index));
    const target = rows[rowIndex + direction];
    if (target === undefined) return index;
    const x = centreX(boxes[index]);
    let best = target[0];
    for (const candidate of target) {
        if (Math.abs(centreX(boxes[candidate]) - x) < Math.abs(centreX(boxes[best]) - x)) best = candidate;
    }
    return best;
}

export function boxOf(element: Element): TileBox {
    const rect = element.getBoundingClientRect();
    return { left: rect.left, top: rect.top, width: rect.width, height: rect.height };
}

function centreX(box: TileBox): number {
    return box.left + box.width / 2;
}

function centreY(box: TileBox): number {
    return box.top + box.height / 2;
}

function clamp(value: number, min: number, max: number): number {
    return Math.min(max, Math.max(min, value));
}
