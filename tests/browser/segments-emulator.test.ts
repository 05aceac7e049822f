/**
 * The preview's segments (scripts/preview/host-emulator/segments.ts, dataview.ts) without a
 * browser: which capabilities window a query, what the first N rows of a query look like to
 * the visual, and the host's memory count.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { hydrateDataView } from "../../scripts/preview/host-emulator/dataview";
import { addedBytes, firstRows, rowCount, windowOf, withoutWindow } from "../../scripts/preview/host-emulator/segments";

const capabilities = JSON.parse(readFileSync(join(__dirname, "..", "..", "capabilities.json"), "utf8")) as Record<string, unknown>;

function query(rows: number) {
    const kpis = Array.from({ length: rows }, (_, i) => `KPI ${i % 4}`);
    return {
        metadata: { columns: [{ displayName: "KPI" }, { displayName: "KPI Actual" }] },
        categorical: {
            categories: [{ source: { displayName: "KPI" }, values: kpis, identity: kpis.map(k => ({ key: k })) }],
            values: [{ source: { displayName: "KPI Actual" }, values: Array.from({ length: rows }, (_, i) => i), highlights: Array.from({ length: rows }, () => null) }],
        },
    };
}

test("the visual's capabilities declare a window of 30,000 rows; without it the whole query is built", () => {
    expect(windowOf(capabilities)).toBe(30_000);
    const whole = withoutWindow(capabilities);
    expect(windowOf(whole)).toBeNull();
    expect(windowOf(capabilities)).toBe(30_000);
    const top = { dataViewMappings: [{ categorical: { categories: { dataReductionAlgorithm: { top: { count: 10 } } } } }] };
    expect(windowOf(top)).toBeNull();
    expect(withoutWindow(top)).toBe(top);
});

test("the first N rows: every column cut to N with its identities and highlights, metadata.segment while rows remain", () => {
    const q = query(10);
    const first = firstRows(q, 4);
    expect(rowCount(first)).toBe(4);
    expect(first.categorical.categories[0].identity).toHaveLength(4);
    expect(first.categorical.values[0].highlights).toHaveLength(4);
    expect(first.metadata).toHaveProperty("segment", {});
    expect(firstRows(q, 10).metadata).not.toHaveProperty("segment");
    expect(rowCount(q)).toBe(10);
    const update = hydrateDataView(q, {}, 4) as ReturnType<typeof query> & { metadata: { segment?: unknown } };
    expect(update.categorical.values[0].values).toEqual([0, 1, 2, 3]);
    expect(update.categorical.values[0].values).not.toBe(q.categorical.values[0].values);
    expect(update.metadata.segment).toEqual({});
    expect((hydrateDataView(q, {}) as { metadata: object }).metadata).not.toHaveProperty("segment");
});

test("the host's memory count: 8 bytes a cell, 16 with an identity, each distinct string once", () => {
    const q = query(8);
    const seen = new Set<string>();
    // 8 category cells (16 each) + 8 value cells (8 each) + 4 distinct names of 5 characters (2 bytes each).
    expect(addedBytes(q, 0, 8, seen)).toBe(8 * 16 + 8 * 8 + 4 * 5 * 2);
    expect(addedBytes(q, 0, 8, seen)).toBe(8 * 16 + 8 * 8);
});
