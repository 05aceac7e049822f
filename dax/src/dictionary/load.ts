import { readFileSync, statSync } from "fs";
import { readDictionary } from "./read";
import { validateDictionary, ValidationResult } from "./validate";

/** Validate dictionary text (the file name decides YAML, JSON or CSV). */
export function parseDictionaryText(file: string, text: string): ValidationResult {
    return validateDictionary(readDictionary(file, text));
}

/**
 * Largest dictionary file read: 10,000 KPIs take about 4 MB, so anything much bigger is not a
 * dictionary and is refused before it is read (bounded time and memory for any file).
 */
export const MAX_DICTIONARY_BYTES = 8 * 1024 * 1024;

/** Read and validate a dictionary file. */
export function loadDictionary(file: string): ValidationResult {
    let text: string;
    try {
        const size = statSync(file).size;
        if (size > MAX_DICTIONARY_BYTES) {
            return {
                dictionary: null,
                issues: [{
                    severity: "error", location: { file }, field: "(file)",
                    message: `the file is ${(size / 1024 / 1024).toFixed(1)} MB: too large for a KPI dictionary (at most ${MAX_DICTIONARY_BYTES / 1024 / 1024} MB; 10,000 KPIs take about 4 MB)`,
                }],
            };
        }
        text = readFileSync(file, "utf8");
    } catch (error) {
        return {
            dictionary: null,
            issues: [{ severity: "error", location: { file }, field: "(file)", message: `cannot read the file: ${(error as Error).message}` }],
        };
    }
    return parseDictionaryText(file, text);
}
