/** One CSV record with the spreadsheet row it starts on (header = row 1). */
export interface CsvRecord {
    readonly row: number;
    /** Physical line the record starts on (differs from row when a quoted field spans lines). */
    readonly line: number;
    readonly cells: readonly string[];
}

export interface CsvParse {
    readonly records: readonly CsvRecord[];
    /** Syntax problems with the line they were found on. */
    readonly errors: readonly { readonly line: number; readonly row: number; readonly message: string }[];
}

/**
 * RFC 4180 CSV: comma-separated, fields optionally in double quotes, `""` for a quote inside a
 * quoted field, quoted fields may hold commas and line breaks; CRLF or LF line ends; a UTF-8 BOM
 * (as Excel writes) is dropped. Entirely empty lines are skipped, as spreadsheets leave them.
 */
export function parseCsv(text: string): CsvParse {
    const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
    const records: CsvRecord[] = [];
    const errors: { line: number; row: number; message: string }[] = [];
    let line = 1;
    let i = 0;
    const n = source.length;
    while (i < n) {
        const startLine = line;
        const cells: string[] = [];
        let endOfRecord = false;
        while (!endOfRecord) {
            let cell = "";
            if (source[i] === "\"") {
                i++;
                let closed = false;
                while (i < n) {
                    const c = source[i];
                    if (c === "\"") {
                        if (source[i + 1] === "\"") { cell += "\""; i += 2; continue; }
                        i++;
                        closed = true;
                        break;
                    }
                    if (c === "\n") line++;
                    cell += c;
                    i++;
                }
                if (!closed) {
                    errors.push({ line: startLine, row: records.length + 1, message: "a quoted field is not closed (missing \")" });
                }
                // Text after the closing quote up to the next separator is an error in RFC 4180.
                let trailing = "";
                while (i < n && source[i] !== "," && source[i] !== "\n" && source[i] !== "\r") trailing += source[i++];
                if (trailing.trim() !== "") {
                    errors.push({ line, row: records.length + 1, message: `text after a closing quote: ${JSON.stringify(trailing)}` });
                }
                cell += trailing.trim() === "" ? "" : trailing;
            } else {
                while (i < n && source[i] !== "," && source[i] !== "\n" && source[i] !== "\r") {
                    if (source[i] === "\"") {
                        errors.push({ line, row: records.length + 1, message: "a double quote inside an unquoted field (quote the whole field and double the quote)" });
                    }
                    cell += source[i++];
                }
            }
            cells.push(cell);
            if (i >= n) { endOfRecord = true; break; }
            const c = source[i];
            if (c === ",") { i++; continue; }
            if (c === "\r") i++;
            if (source[i] === "\n") i++;
            line++;
            endOfRecord = true;
        }
        if (cells.length === 1 && cells[0] === "") continue;
        records.push({ row: records.length + 1, line: startLine, cells });
    }
    return { records, errors };
}
