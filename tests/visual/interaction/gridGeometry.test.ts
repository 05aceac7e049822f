import { columnCount, readingRows, verticalNeighbour } from "../../../src/interaction/gridGeometry";

const box = (left: number, top: number, width = 100, height = 60) => ({ left, top, width, height });

describe("grid geometry from tile positions", () => {
    it("groups tiles into rows by position and counts columns", () => {
        const boxes = [box(0, 0), box(110, 0), box(220, 0), box(0, 70), box(110, 70)];
        expect(readingRows(boxes)).toEqual([[0, 1, 2], [3, 4]]);
        expect(columnCount(boxes)).toBe(3);
    });

    it("tolerates sub-pixel and baseline differences within a row", () => {
        const boxes = [box(0, 0.4), box(110, 0), box(220, 2.5, 100, 64)];
        expect(readingRows(boxes)).toEqual([[0, 1, 2]]);
    });

    it("handles grouped grids whose rows differ in length (service-area headings)", () => {
        // Children's social care: 3 tiles then 1; Education: 2 tiles, lower down after a heading.
        const boxes = [box(0, 0), box(110, 0), box(220, 0), box(0, 70), box(0, 170), box(110, 170)];
        expect(readingRows(boxes)).toEqual([[0, 1, 2], [3], [4, 5]]);
        expect(verticalNeighbour(boxes, 2, 1)).toBe(3);
        expect(verticalNeighbour(boxes, 3, 1)).toBe(4);
        expect(verticalNeighbour(boxes, 5, -1)).toBe(3);
    });

    it("Down picks the horizontally nearest tile of the next row and stays put at the bottom", () => {
        const boxes = [box(0, 0), box(110, 0), box(220, 0), box(0, 70), box(110, 70), box(220, 70)];
        expect(verticalNeighbour(boxes, 2, 1)).toBe(5);
        expect(verticalNeighbour(boxes, 5, 1)).toBe(5);
        expect(verticalNeighbour(boxes, 0, -1)).toBe(0);
    });

    it("falls back to reading order when nothing is laid out (hidden visual)", () => {
        const boxes = [box(0, 0, 0, 0), box(0, 0, 0, 0), box(0, 0, 0, 0)];
        expect(columnCount(boxes)).toBe(1);
        expect(verticalNeighbour(boxes, 0, 1)).toBe(1);
        expect(verticalNeighbour(boxes, 0, -1)).toBe(0);
    });
});
