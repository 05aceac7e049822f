import { readFileSync, statSync } from "fs";
import { readDictionary, readFastYamlKpis } from "./read";
import { DictionaryValidation, validateDictionary, ValidationResult } from "./validate";

/**
 * Validate dictionary text (the file name decides YAML, JSON or CSV). A plain YAML file (the
 * fast reader's shape) is validated a KPI at a time as it is read, so each KPI's parsed form
 * dies young instead of the whole file being held three times over (the YAML's values, the raw
 * entries, the definitions) while the garbage collector copies them. That gives exactly
 * `validateDictionary(readDictionary(file, text))` when reading found no problem (the same KPIs
 * in the same order, no reading issue before them, so checking stops where it would); otherwise
 * the file is read and validated again the general way, which reports the reading problems.
 */
export function parseDictionaryText(file: string, text: string): ValidationResult {
    return validateKpiByKpi(file, text) ?? validateDictionary(readDictionary(file, text));
}

/** The KPI-at-a-time path of parseDictionaryText, or null when it does not apply. */
export function validateKpiByKpi(file: string, text: string): ValidationResult | null {
    const validation = new DictionaryValidation(file, []);
    let count = 0;
    const clean = readFastYamlKpis(file, text, kpi => {
        count++;
        validation.add(kpi);
    });
    return clean ? validation.result(count) : null;
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
