/**
 * The project's one CSV reader and writer, shared by the DAX generator (CSV dictionaries), the
 * sample generator (DfE figures in, star-schema CSVs out) and the preview (users' datasets).
 */

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

/** A CSV file whose first record is the header, with each later record keyed by column name. */
export interface CsvTable {
    readonly header: readonly string[];
    readonly records: readonly CsvTableRecord[];
    /** Syntax problems, duplicate header names and rows with too many fields. */
    readonly problems: readonly { readonly line: number; readonly message: string }[];
}

export interface CsvTableRecord {
    /** 1-based line the record starts on (the header is line 1). */
    readonly line: number;
    /** Field values keyed by header name; missing trailing fields are "". */
    readonly values: Readonly<Record<string, string>>;
    /** Number of fields the record actually had. */
    readonly fieldCount: number;
}

/** Parse CSV text whose first record is the header. */
export function parseCsvTable(text: string): CsvTable {
    const parsed = parseCsv(text);
    const problems = parsed.errors.map(e => ({ line: e.line, message: e.message }));
    if (parsed.records.length === 0) {
        return { header: [], records: [], problems: [...problems, { line: 1, message: "the file is empty (it needs a header row)" }] };
    }
    const [first, ...rest] = parsed.records;
    const header = first.cells.map(name => name.trim());
    const seen = new Set<string>();
    for (const name of header) {
        if (seen.has(name)) problems.push({ line: first.line, message: `the column "${name}" appears twice in the header` });
        seen.add(name);
    }
    const records = rest.map(record => {
        const count = record.cells.length;
        if (count > header.length) {
            problems.push({ line: record.line, message: `${count} fields but the header has ${header.length} (an unquoted comma?)` });
        } else if (count < header.length) {
            problems.push({ line: record.line, message: `${count} fields but the header has ${header.length} (a missing comma or a cut-off row?)` });
        }
        const values: Record<string, string> = {};
        header.forEach((name, i) => {
            if (!(name in values)) values[name] = record.cells[i] ?? "";
        });
        return { line: record.line, values, fieldCount: count };
    });
    const unique = problems.filter((p, i) => problems.findIndex(q => q.line === p.line && q.message === p.message) === i);
    return { header, records, problems: unique };
}

function quoteField(value: string): string {
    return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, "\"\"")}"` : value;
}

/** Write records as CSV with the given column order: LF line ends, UTF-8 without BOM. */
export function toCsv(columns: readonly string[], rows: readonly Readonly<Record<string, string>>[]): string {
    const lines = [columns.map(quoteField).join(",")];
    for (const row of rows) lines.push(columns.map(c => quoteField(row[c] ?? "")).join(","));
    return lines.join("\n") + "\n";
}
