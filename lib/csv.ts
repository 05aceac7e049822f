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
    /** Syntax problems with the line they were found on: the first `maxErrors` of them. */
    readonly errors: readonly { readonly line: number; readonly row: number; readonly message: string }[];
    /** How many syntax problems there were in all (more than `errors.length` when capped). */
    readonly errorCount: number;
    /** Set when reading stopped early (`CsvLimits`): the line it stopped at and why. */
    readonly stopped?: { readonly line: number; readonly row: number; readonly reason: string };
}

/** Optional bounds for reading untrusted files: stop after so many records or syntax problems. */
export interface CsvLimits {
    readonly maxRecords?: number;
    readonly stopAfterErrors?: number;
}

/** Syntax problems kept by default: enough to fix a file, bounded for a file of garbage. */
export const MAX_CSV_ERRORS = 100;

/**
 * RFC 4180 CSV: comma-separated, fields optionally in double quotes, `""` for a quote inside a
 * quoted field, quoted fields may hold commas and line breaks; CRLF, LF or CR line ends; a UTF-8 BOM
 * (as Excel writes) is dropped. Entirely empty lines are skipped, as spreadsheets leave them.
 * At most `maxErrors` syntax problems are kept (all are counted), so garbage stays cheap.
 */
export function parseCsv(text: string, maxErrors = MAX_CSV_ERRORS, limits: CsvLimits = {}): CsvParse {
    const maxRecords = limits.maxRecords ?? Infinity;
    const stopAfterErrors = limits.stopAfterErrors ?? Infinity;
    const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
    const records: CsvRecord[] = [];
    const kept: { line: number; row: number; message: string }[] = [];
    let errorCount = 0;
    /** Count every problem; build the message only for those kept. */
    const fail = (line: number, message: () => string): void => {
        errorCount++;
        if (kept.length < maxErrors) kept.push({ line, row: records.length + 1, message: message() });
    };
    const QUOTE = 0x22, COMMA = 0x2c, LF = 0x0a, CR = 0x0d;
    let line = 1;
    let i = 0;
    const n = source.length;
    while (i < n) {
        if (records.length >= maxRecords || errorCount >= stopAfterErrors) {
            const reason = records.length >= maxRecords ? `more than ${maxRecords} rows` : `${errorCount} syntax problems`;
            return { records, errors: kept, errorCount, stopped: { line, row: records.length + 1, reason } };
        }
        const startLine = line;
        const cells: string[] = [];
        for (;;) {
            let cell: string;
            if (source.charCodeAt(i) === QUOTE) {
                i++;
                let closed = false;
                let from = i;
                cell = "";
                while (i < n) {
                    const c = source.charCodeAt(i);
                    if (c === QUOTE) {
                        cell += source.slice(from, i);
                        if (source.charCodeAt(i + 1) === QUOTE) { cell += "\""; i += 2; from = i; continue; }
                        i++;
                        closed = true;
                        break;
                    }
                    if (c === LF || (c === CR && source.charCodeAt(i + 1) !== LF)) line++;
                    i++;
                }
                if (!closed) {
                    cell += source.slice(from, i);
                    fail(startLine, () => "a quoted field is not closed (missing \")");
                }
                // Text after the closing quote up to the next separator is an error in RFC 4180.
                const trailingStart = i;
                while (i < n) {
                    const c = source.charCodeAt(i);
                    if (c === COMMA || c === LF || c === CR) break;
                    i++;
                }
                if (i > trailingStart) {
                    const trailing = source.slice(trailingStart, i);
                    if (trailing.trim() !== "") {
                        fail(line, () => `text after a closing quote: ${JSON.stringify(trailing.slice(0, 40))}`);
                        cell += trailing;
                    }
                }
            } else {
                const from = i;
                while (i < n) {
                    const c = source.charCodeAt(i);
                    if (c === COMMA || c === LF || c === CR) break;
                    if (c === QUOTE) fail(line, () => "a double quote inside an unquoted field (quote the whole field and double the quote)");
                    i++;
                }
                cell = source.slice(from, i);
            }
            cells.push(cell);
            if (i >= n) break;
            const c = source.charCodeAt(i);
            if (c === COMMA) { i++; continue; }
            if (c === CR) i++;
            if (source.charCodeAt(i) === LF) i++;
            line++;
            break;
        }
        if (cells.length === 1 && cells[0] === "") continue;
        records.push({ row: records.length + 1, line: startLine, cells });
    }
    return { records, errors: kept, errorCount };
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
