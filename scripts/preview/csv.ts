/**
 * RFC 4180 CSV reading with the line number of every record, so that a problem in a user's
 * extract can be reported as "kpi_values.csv, row 14". Quoted fields may hold commas, doubled
 * quotes and line breaks; CRLF and LF line ends are both accepted; a UTF-8 byte-order mark (as
 * Excel writes) is dropped. Blank lines are skipped.
 */

export interface CsvRecord {
    /** 1-based line number in the file where the record starts (the header is line 1). */
    readonly line: number;
    /** Field values keyed by header name. Missing trailing fields are "". */
    readonly values: Readonly<Record<string, string>>;
    /** Number of fields the record actually had. */
    readonly fieldCount: number;
}

export interface CsvTable {
    readonly header: readonly string[];
    readonly records: readonly CsvRecord[];
    /** Structural problems: unterminated quotes, stray quotes, ragged rows, duplicate headers. */
    readonly problems: readonly CsvProblem[];
}

export interface CsvProblem {
    readonly line: number;
    readonly message: string;
}

interface RawRecord {
    readonly line: number;
    readonly fields: string[];
}

/** Split CSV text into records of raw fields (RFC 4180, lenient about line ends). */
function splitRecords(text: string, problems: CsvProblem[]): RawRecord[] {
    const records: RawRecord[] = [];
    let fields: string[] = [];
    let field = "";
    let inQuotes = false;
    let quotedField = false;
    let line = 1;
    let recordLine = 1;
    let quoteOpenedAt = 0;
    const endField = (): void => {
        fields.push(field);
        field = "";
        quotedField = false;
    };
    const endRecord = (): void => {
        endField();
        const blank = fields.length === 1 && fields[0] === "";
        if (!blank) records.push({ line: recordLine, fields });
        fields = [];
    };
    for (let i = 0; i < text.length; i++) {
        const c = text[i];
        if (inQuotes) {
            if (c === "\"") {
                if (text[i + 1] === "\"") {
                    field += "\"";
                    i++;
                } else {
                    inQuotes = false;
                }
            } else {
                if (c === "\n") line++;
                field += c;
            }
            continue;
        }
        if (c === "\"") {
            if (field === "" && !quotedField) {
                inQuotes = true;
                quotedField = true;
                quoteOpenedAt = line;
            } else {
                problems.push({ line, message: "a quote inside an unquoted field (quote the whole field and double inner quotes)" });
                field += c;
            }
        } else if (c === ",") {
            endField();
        } else if (c === "\r" || c === "\n") {
            if (c === "\r" && text[i + 1] === "\n") i++;
            endRecord();
            line++;
            recordLine = line;
        } else {
            if (quotedField) {
                problems.push({ line, message: "text after a closing quote" });
                quotedField = false;
            }
            field += c;
        }
    }
    if (inQuotes) {
        problems.push({ line: quoteOpenedAt, message: "a quoted field is never closed" });
    }
    if (field !== "" || fields.length > 0 || quotedField) endRecord();
    return records;
}

/** Parse CSV text whose first record is the header. */
export function parseCsv(text: string): CsvTable {
    const problems: CsvProblem[] = [];
    const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
    const raw = splitRecords(body, problems);
    if (raw.length === 0) {
        return { header: [], records: [], problems: [{ line: 1, message: "the file is empty (it needs a header row)" }] };
    }
    const header = raw[0].fields.map(name => name.trim());
    const seen = new Set<string>();
    for (const name of header) {
        if (seen.has(name)) problems.push({ line: raw[0].line, message: `the column "${name}" appears twice in the header` });
        seen.add(name);
    }
    const records: CsvRecord[] = [];
    for (const record of raw.slice(1)) {
        if (record.fields.length > header.length) {
            problems.push({
                line: record.line,
                message: `${record.fields.length} fields but the header has ${header.length} (an unquoted comma?)`,
            });
        } else if (record.fields.length < header.length) {
            problems.push({
                line: record.line,
                message: `${record.fields.length} fields but the header has ${header.length} (a missing comma or a cut-off row?)`,
            });
        }
        const values: Record<string, string> = {};
        header.forEach((name, index) => {
            if (!(name in values)) values[name] = record.fields[index] ?? "";
        });
        records.push({ line: record.line, values, fieldCount: record.fields.length });
    }
    const unique = problems.filter((p, i) => problems.findIndex(q => q.line === p.line && q.message === p.message) === i);
    return { header, records, problems: unique };
}
