/**
 * Test helpers: read the committed sample dataset (no ../shared needed).
 */
import * as fs from "fs";
import * as path from "path";
import { parse } from "yaml";
import { parseCsvRecords } from "../../scripts/sample/csv";

export const SAMPLE_DIR = path.resolve(__dirname, "../../sample");

export function readSampleCsv(file: string): Record<string, string>[] {
    return parseCsvRecords(fs.readFileSync(path.join(SAMPLE_DIR, "data", file), "utf8"));
}

export interface SampleDictionary {
    kpis: Record<string, unknown>[];
}

export function readDictionary(): SampleDictionary {
    return parse(fs.readFileSync(path.join(SAMPLE_DIR, "kpi-dictionary.yaml"), "utf8")) as SampleDictionary;
}

/** A CSV number cell; empty is missing. */
export function num(text: string | undefined): number | null {
    if (text === undefined || text.trim() === "") return null;
    const n = Number(text);
    if (!Number.isFinite(n)) throw new Error(`not a number: ${text}`);
    return n;
}
