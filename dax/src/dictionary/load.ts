import { readFileSync } from "fs";
import { readDictionary } from "./read";
import { validateDictionary, ValidationResult } from "./validate";

/** Validate dictionary text (the file name decides YAML, JSON or CSV). */
export function parseDictionaryText(file: string, text: string): ValidationResult {
    return validateDictionary(readDictionary(file, text));
}

/** Read and validate a dictionary file. */
export function loadDictionary(file: string): ValidationResult {
    let text: string;
    try {
        text = readFileSync(file, "utf8");
    } catch (error) {
        return {
            dictionary: null,
            issues: [{ severity: "error", location: { file }, field: "(file)", message: `cannot read the file: ${(error as Error).message}` }],
        };
    }
    return parseDictionaryText(file, text);
}
