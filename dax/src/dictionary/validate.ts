import { describeValue, parsePolarity, POLARITY_SPELLINGS, precisionFromFormat, Polarity, relativeToleranceProblem } from "../../../src/rules";
import { checkDax, lexDax } from "../expr/tokenize";
import { parseColumnRef } from "../expr/names";
import { controlProblem, hasControlOrBreak, kpiIdProblem, multiLineTextProblem, nameKey } from "../expr/text";
import { GENERIC_MEASURE_NAMES, MEASURES_TABLE, perKpiMeasureNames, STAR } from "../measures/names";
import { didYouMean } from "./didYouMean";
import {
    ANCHOR_COLUMN, BENCHMARK_SOURCES, FIELD_NAMES, FIELDS, FieldSpec, FREQUENCIES, ID_MAX_LENGTH, TOLERANCE_TYPES,
} from "./fields";
import {
    BenchmarkSource, ColumnRef, DictionaryIssue, Frequency, KpiDefinition, KpiDictionary, RawDictionary, RawField, RawKpi,
    SourceLocation, ToleranceType,
} from "./types";

export interface ValidationResult {
    /** Null when there is at least one error. */
    readonly dictionary: KpiDictionary | null;
    /** Every error and warning, in file order. */
    readonly issues: readonly DictionaryIssue[];
}

const DEFAULT_FORMAT = "0.0";

/** Problems listed for one dictionary; the rest are counted in one last line ("and N more"). */
export const MAX_ISSUES = 100;
/** Problems after which the remaining KPIs are not checked (a file of garbage stays cheap). */
const STOP_AFTER_ISSUES = 10 * MAX_ISSUES;

const KNOWN_FIELDS: ReadonlySet<string> = new Set(FIELD_NAMES);

/** Validate every KPI, collecting every problem (never only the first). */
export function validateDictionary(raw: RawDictionary): ValidationResult {
    const validation = new DictionaryValidation(raw.file, raw.issues, raw.csvColumns);
    for (const entry of raw.kpis) {
        if (!validation.add(entry)) break;
    }
    return validation.result(raw.kpis.length);
}

/**
 * validateDictionary a KPI at a time, for a reader that hands KPIs over as it reads them
 * (load.ts): `add` each raw KPI in order, then `result` with how many the file holds.
 */
export class DictionaryValidation {
    private readonly issues: DictionaryIssue[];
    private readonly kpis: KpiDefinition[] = [];
    private readonly identities: KpiIdentity[] = [];
    private readonly missingColumns = new Set<string>();
    private stoppedAt: RawKpi | null = null;

    /** `readIssues`: the problems reading found; `csvColumns`: a CSV header's known field names. */
    constructor(private readonly file: string, readIssues: readonly DictionaryIssue[], csvColumns?: ReadonlySet<string>) {
        this.issues = [...readIssues];
        if (csvColumns) {
            for (const spec of FIELDS) {
                if (!spec.required || csvColumns.has(spec.name)) continue;
                this.missingColumns.add(spec.name);
                this.issues.push({
                    severity: "error", location: { file, row: 1 }, field: spec.name,
                    message: "the header row has no column for this required field", allowed: describeAllowed(spec),
                });
            }
        }
    }

    /** Check one KPI; false when checking has stopped (the KPI is not checked, nor any later one). */
    add(entry: RawKpi): boolean {
        if (this.stoppedAt !== null) return false;
        if (this.issues.length >= STOP_AFTER_ISSUES) { this.stoppedAt = entry; return false; }
        const { kpi, identity } = validateKpi(this.file, entry, this.issues, this.missingColumns);
        if (kpi) this.kpis.push(kpi);
        if (identity) this.identities.push(identity);
        return true;
    }

    /** The dictionary (null on any error) and every problem in file order; `kpiCount`: the KPIs of the file. */
    result(kpiCount: number): ValidationResult {
        const issues = this.issues;
        checkCollisions(this.identities, issues);
        const hasError = issues.some(i => i.severity === "error");
        if (!hasError && kpiCount === 0) {
            issues.push({ severity: "error", location: { file: this.file }, field: "kpis", message: "the dictionary has no KPIs", allowed: "at least one KPI" });
        }
        const sorted = [...issues].sort(compareIssues);
        return { dictionary: sorted.some(i => i.severity === "error") ? null : { file: this.file, kpis: this.kpis }, issues: capIssues(sorted, this.stoppedAt) };
    }
}

/**
 * The first MAX_ISSUES problems, then one line counting the rest (bounded output for any
 * file), and saying where checking stopped when it did.
 */
function capIssues(issues: DictionaryIssue[], stoppedAt: RawKpi | null): DictionaryIssue[] {
    if (issues.length <= MAX_ISSUES && stoppedAt === null) return issues;
    const rest = issues.slice(MAX_ISSUES);
    const errors = errorCount(rest);
    const warnings = rest.reduce((n, i) => n + (i.omitted ? i.omitted.warnings : i.severity === "warning" ? 1 : 0), 0);
    const atLeast = stoppedAt === null ? "" : "at least ";
    const parts = [errors ? `${atLeast}${errors} more error${errors === 1 ? "" : "s"}` : "", warnings ? `${atLeast}${warnings} more warning${warnings === 1 ? "" : "s"}` : ""].filter(Boolean);
    const where = stoppedAt === null ? "" : `; checking stopped at ${stoppedAt.location.row !== undefined ? `row ${stoppedAt.location.row}` : `line ${stoppedAt.location.line}`} (the KPIs from there on were not checked)`;
    return [...issues.slice(0, MAX_ISSUES), {
        severity: errors || stoppedAt ? "error" : "warning", location: rest[0]?.location ?? stoppedAt!.location, field: "(file)",
        message: `and ${parts.join(" and ") || "no more problems"} not listed${where}; fix the first ${MAX_ISSUES} and run again`,
        omitted: { errors, warnings, ...(stoppedAt === null ? {} : { stopped: true }) },
    }];
}

/** Errors in a validation's issues, counting those a capped list left out. */
export function errorCount(issues: readonly DictionaryIssue[]): number {
    return issues.reduce((n, i) => n + (i.omitted ? i.omitted.errors : i.severity === "error" ? 1 : 0), 0);
}

/** True when checking stopped early, so `errorCount` is a lower bound. */
export function countIsLowerBound(issues: readonly DictionaryIssue[]): boolean {
    return issues.some(i => i.omitted?.stopped === true);
}

function compareIssues(a: DictionaryIssue, b: DictionaryIssue): number {
    const pa = a.location.line ?? a.location.row ?? 0;
    const pb = b.location.line ?? b.location.row ?? 0;
    return pa - pb;
}

/** Parsed values of one KPI: a field is absent (undefined) or failed (an issue was recorded). */
class KpiReader {
    readonly failed = new Set<string>();
    private readonly idText: string | undefined;

    constructor(private readonly file: string, private readonly entry: RawKpi, private readonly issues: DictionaryIssue[]) {
        const id = entry.fields.get("id")?.value;
        this.idText = typeof id === "string" || typeof id === "number" ? String(id).trim() : undefined;
    }

    get id(): string | undefined {
        return this.idText;
    }

    locationOf(field: string): SourceLocation {
        return this.entry.fields.get(field)?.location ?? this.entry.location;
    }

    problem(field: string, message: string, allowed?: string, severity: "error" | "warning" = "error"): void {
        if (severity === "error") this.failed.add(field);
        this.issues.push({
            severity, location: this.locationOf(field), kpi: this.idText, field, message,
            ...(allowed === undefined ? {} : { allowed }),
        });
    }

    raw(field: string): RawField | undefined {
        return this.entry.fields.get(field);
    }
}

/** What the uniqueness checks need, known even when other fields of the KPI are wrong. */
interface KpiIdentity {
    readonly id: string | null;
    readonly name: string | null;
    readonly idLocation: SourceLocation;
    readonly nameLocation: SourceLocation;
    readonly location: SourceLocation;
    readonly ownMeasures: boolean;
}

function validateKpi(file: string, entry: RawKpi, issues: DictionaryIssue[], missingColumns: ReadonlySet<string>): { kpi: KpiDefinition | null; identity: KpiIdentity } {
    const r = new KpiReader(file, entry, issues);
    for (const key of entry.fields.keys()) {
        // `decimals` is derived from the format string; a supplied one is only checked (checkDecimals).
        if (!KNOWN_FIELDS.has(key) && key !== "decimals") {
            const hint = didYouMean(key, FIELD_NAMES);
            r.problem(key, `unknown field${hint ? ` (did you mean ${hint}?)` : ""}`, FIELD_NAMES.join(", "));
        }
    }
    for (const spec of FIELDS) {
        if (spec.required && isAbsent(entry.fields.get(spec.name)?.value)) {
            // A column missing from a CSV header is one problem of the header, not one per row.
            if (missingColumns.has(spec.name)) r.failed.add(spec.name);
            else r.problem(spec.name, "required field is missing or empty", describeAllowed(spec));
        }
    }
    const text = (name: string): string | null => readLine(r, name);
    const id = readId(r);
    const name = readName(r, "name");
    const serviceArea = readName(r, "serviceArea");
    const outcome = text("outcome");
    const polarityField = readPolarity(r);
    const unit = text("unit");
    const format = readFormat(r);
    checkDecimals(r, format ?? DEFAULT_FORMAT);
    const target = readNumber(r, "target", false);
    const tolerance = readNumber(r, "tolerance", true);
    const toleranceType = readChoice(r, "toleranceType", TOLERANCE_TYPES, s => s.toLowerCase()) as ToleranceType | null;
    const floor = readNumber(r, "floor", false);
    const stretch = readNumber(r, "stretch", false);
    const noChangeTolerance = readNumber(r, "noChangeTolerance", true);
    const similarityTolerance = readNumber(r, "similarityTolerance", true);
    const owner = text("owner");
    const frequency = readChoice(r, "frequency", FREQUENCIES, s => s.charAt(0).toUpperCase() + s.slice(1).toLowerCase()) as Frequency | null;
    const source = text("source");
    const definition = readParagraph(r, "definition");
    const laitCode = text("laitCode");
    const benchmarks = readBenchmarks(r, entry.fromCsv);
    const actualExpression = readExpression(r);
    const sourceColumn = readColumn(r);

    const polarity = polarityField?.polarity ?? null;
    // Cross-field rules: only when the fields they read were themselves valid.
    if (tolerance !== null && target === null && !r.failed.has("target")) {
        r.problem("tolerance", "a tolerance is given but there is no target to measure it from", "give a target, or remove the tolerance (use floor for a standard without a target)");
    }
    if (toleranceType !== null && tolerance === null && !r.failed.has("tolerance")) {
        r.problem("toleranceType", "toleranceType is given without a tolerance; it has no effect", undefined, "warning");
    }
    const relative = toleranceType === "relative" && tolerance !== null ? relativeToleranceProblem(tolerance) : null;
    if (relative) {
        r.problem("tolerance", relative.message, `e.g. ${relative.hint}`, "warning");
    }
    if (polarity === "High" || polarity === "Low") {
        const high = polarity === "High";
        const betterOrEqual = (a: number, b: number): boolean => (high ? a >= b : a <= b);
        if (floor !== null && target !== null && !betterOrEqual(target, floor)) {
            r.problem("floor", `the floor (${floor}) is ${high ? "above" : "below"} the target (${target}); for ${high ? "higher" : "lower"} is better the floor is the worst acceptable value`,
                `a floor ${high ? "at or below" : "at or above"} the target`);
        }
        const standard = target ?? floor;
        if (stretch !== null && standard !== null && (betterOrEqual(standard, stretch))) {
            r.problem("stretch", `the stretch value (${stretch}) is not ${high ? "above" : "below"} the ${target !== null ? "target" : "floor"} (${standard}); for ${high ? "higher" : "lower"} is better it marks exceptional performance`,
                `a stretch value ${high ? "above" : "below"} the ${target !== null ? "target" : "floor"}`);
        }
    } else if (polarity === "Range" || polarity === "None") {
        for (const field of ["floor", "stretch"] as const) {
            if ((field === "floor" ? floor : stretch) !== null) {
                r.problem(field, `${field} has no effect for polarity ${polarity}`, "floor and stretch apply to High and Low polarity", "warning");
            }
        }
        if (polarity === "Range" && target === null && !r.failed.has("target")) {
            r.problem("target", "a Range KPI without a target is always rated No target", "a target to stay close to", "warning");
        }
    }
    if (actualExpression !== null && sourceColumn !== null) {
        r.problem("sourceColumn", "both actualExpression and sourceColumn are given", "one of them");
    }
    const identity: KpiIdentity = {
        id, name, idLocation: r.locationOf("id"), nameLocation: r.locationOf("name"), location: entry.location,
        ownMeasures: !isAbsent(entry.fields.get("actualExpression")?.value) || !isAbsent(entry.fields.get("sourceColumn")?.value),
    };
    if (r.failed.size > 0 || id === null || name === null || serviceArea === null || polarityField === null) return { kpi: null, identity };
    const kpi: KpiDefinition = {
        id, name, serviceArea, outcome, polarity: polarityField.polarity, polarityText: polarityField.text, unit,
        format: format ?? DEFAULT_FORMAT,
        decimals: precisionFromFormat(format ?? DEFAULT_FORMAT)?.storedDecimals ?? null,
        target, tolerance, toleranceType: toleranceType ?? "absolute", floor, stretch, noChangeTolerance,
        similarityTolerance, owner, frequency, source, definition, laitCode, benchmarks, actualExpression, sourceColumn,
        sortOrder: entry.index + 1, location: entry.location,
    };
    return { kpi, identity };
}

function isAbsent(value: unknown): boolean {
    return value === null || value === undefined || (typeof value === "string" && value.trim() === "");
}

function describeAllowed(spec: FieldSpec): string {
    switch (spec.kind) {
        case "id": return `text of 1 to ${ID_MAX_LENGTH} characters without line breaks or control characters`;
        case "polarity": return POLARITY_SPELLINGS.join(", ");
        case "text": return "text";
        default: return spec.description;
    }
}

function readText(r: KpiReader, field: string): string | null {
    const raw = r.raw(field);
    if (!raw || isAbsent(raw.value)) return null;
    if (typeof raw.value === "number" || typeof raw.value === "boolean") return String(raw.value);
    if (typeof raw.value !== "string") {
        r.problem(field, `expected text, found ${describeType(raw.value)}`, "text");
        return null;
    }
    return raw.value.trim();
}

/**
 * One-line text (owner, unit, source, LAIT code ...): it lands in DAX comments, TMDL
 * descriptions, CSV cells and table cells, so no line break of any kind and no control
 * character; a tab (pasted from a spreadsheet) is read as a space.
 */
function readLine(r: KpiReader, field: string): string | null {
    const text = readText(r, field);
    if (text === null) return null;
    const value = text.replace(/\t/g, " ");
    const problem = controlProblem(value);
    if (problem) {
        r.problem(field, problem, "one line of text without control characters");
        return null;
    }
    return value;
}

/**
 * Text that may span lines (a definition pasted from Word): line breaks of every kind are kept
 * as line feeds (each becomes its own description line), a tab as a space; other control
 * characters are refused.
 */
function readParagraph(r: KpiReader, field: string): string | null {
    const text = readText(r, field);
    if (text === null) return null;
    const value = text.replace(/\t/g, " ");
    const problem = multiLineTextProblem(value);
    if (problem) {
        r.problem(field, problem, "text; line breaks are allowed, control characters are not");
        return null;
    }
    return value.replace(/\r\n|[\r\u0085\u2028\u2029]/g, "\n");
}

/** Names become DAX names and Power BI labels: no control characters (tabs, line breaks of any kind), trimmed. */
function readName(r: KpiReader, field: string): string | null {
    const value = readText(r, field);
    if (value === null) return null;
    const problem = controlProblem(value);
    if (problem) {
        r.problem(field, problem, "printable characters on one line (Power BI and Tabular Editor read line breaks and control characters in names as the end of the name)");
        return null;
    }
    const folded = value.replace(/ {2,}/g, " ");
    if (folded !== value) {
        r.problem(field, "contains a run of several spaces; Power BI would show it as one", undefined, "warning");
    }
    if (field === "name" && folded.charAt(0) !== folded.charAt(0).toUpperCase()) {
        r.problem(field, "starts with a lower-case letter (Best Practice Analyzer: first letter of objects must be capitalised)", undefined, "warning");
    }
    return folded;
}

/**
 * KPI ids as councils and the DfE write them (`NI 062`, `CS/01a`, `%_of LAC Adopted`): any
 * text of 1 to 100 characters without line breaks or control characters, trimmed. Every
 * output quotes it (DAX string literal, CSV cell), so no character is special.
 */
function readId(r: KpiReader): string | null {
    const value = readText(r, "id");
    if (value === null) return null;
    const problem = kpiIdProblem(value);
    if (problem) {
        r.problem("id", `${JSON.stringify(value)} ${problem}`, describeAllowed(FIELDS[0]));
        return null;
    }
    return value;
}

function readPolarity(r: KpiReader): { polarity: Polarity; text: string } | null {
    const raw = r.raw("polarity");
    if (!raw || isAbsent(raw.value)) return null;
    const parsed = parsePolarity(typeof raw.value === "string" ? raw.value : raw.value);
    if (!parsed.ok) {
        const hint = didYouMean(String(raw.value).trim(), POLARITY_SPELLINGS.filter(s => s.length > 2));
        r.problem("polarity", `${JSON.stringify(raw.value)} is not a polarity${hint ? ` (did you mean ${hint}?)` : ""}`, POLARITY_SPELLINGS.join(", "));
        return null;
    }
    return { polarity: parsed.polarity, text: String(raw.value).trim() };
}

function readNumber(r: KpiReader, field: string, nonNegative: boolean): number | null {
    const raw = r.raw(field);
    if (!raw || isAbsent(raw.value)) return null;
    let value: number;
    if (typeof raw.value === "number") {
        value = raw.value;
    } else if (typeof raw.value === "string") {
        const trimmed = raw.value.trim();
        if (/%\s*$/.test(trimmed)) {
            r.problem(field, `${JSON.stringify(trimmed)} is written as a percentage`, "the stored value: 85% is 0.85 (the format string shows it as a percentage)");
            return null;
        }
        value = /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(trimmed) ? Number(trimmed) : NaN;
    } else {
        value = NaN;
    }
    if (!Number.isFinite(value)) {
        r.problem(field, `${JSON.stringify(raw.value)} is not a number`, nonNegative ? "a number of 0 or more" : "a number");
        return null;
    }
    if (nonNegative && value < 0) {
        r.problem(field, `${value} is negative`, "a number of 0 or more");
        return null;
    }
    return value;
}

function readChoice(r: KpiReader, field: string, choices: readonly string[], normalise: (s: string) => string): string | null {
    const value = readText(r, field);
    if (value === null) return null;
    const normalised = normalise(value);
    if (!choices.includes(normalised)) {
        const hint = didYouMean(value, choices);
        r.problem(field, `${JSON.stringify(value)} is not allowed${hint ? ` (did you mean ${hint}?)` : ""}`, choices.join(", "));
        return null;
    }
    return normalised;
}

/** Why a Power BI format string cannot be used for a KPI, or null when it can. */
export function formatProblem(format: string): string | null {
    if (format.trim() === "") return "is empty";
    if (hasControlOrBreak(format)) return controlProblem(format);
    let quoted = false;
    let brackets = 0;
    for (let i = 0; i < format.length; i++) {
        const c = format[i];
        if (c === "\\" && !quoted) { i++; continue; }
        if (c === "\"") quoted = !quoted;
        else if (!quoted && c === "[") brackets++;
        else if (!quoted && c === "]") brackets--;
        if (brackets < 0) return "has a ] without [";
    }
    if (quoted) return "has an unclosed \" (literal text must be closed)";
    if (brackets !== 0) return "has a [ without ]";
    if (format.split(";").length > 3) return "has more than three ;-separated sections";
    if (/^\s*general\s*$/i.test(format)) return null;
    if (precisionFromFormat(format) === null) return "gives no fixed number of decimals (dates, scientific and text formats cannot rate a KPI)";
    return null;
}

/**
 * One source of precision: the format string (issue 9). A `decimals` written in the dictionary
 * (as in a KPI table's Decimals column) is not used; it is a warning when it disagrees with the
 * decimals the format string shows, because the visual and the DAX both follow the format.
 */
function checkDecimals(r: KpiReader, format: string): void {
    const raw = r.raw("decimals");
    if (!raw || isAbsent(raw.value)) return;
    const derived = precisionFromFormat(format)?.storedDecimals ?? null;
    const given = typeof raw.value === "number" ? raw.value : typeof raw.value === "string" ? Number(raw.value.trim()) : NaN;
    if (derived !== null && given === derived) return;
    const shows = derived === null ? "gives no fixed precision" : `shows values to ${derived} stored decimals`;
    r.problem("decimals", `${describeValue(raw.value)} is not used: the format string ${JSON.stringify(format)} ${shows}, and the tiles and the DAX rate at the format's precision`,
        derived === null ? "leave decimals out" : `${derived}, or leave decimals out (it is derived from the format)`, "warning");
}

function readFormat(r: KpiReader): string | null {
    const raw = r.raw("format");
    if (!raw || raw.value === null || raw.value === undefined) return null;
    if (typeof raw.value !== "string") {
        r.problem("format", `expected a format string in quotes, found ${describeType(raw.value)}`, "a Power BI format string such as \"0.0\", \"#,0\" or \"0.0%\"");
        return null;
    }
    const problem = formatProblem(raw.value);
    if (problem) {
        r.problem("format", `${JSON.stringify(raw.value)} ${problem}`, "a Power BI format string such as 0.0, #,0, 0.0% or 0.0 \"days\"");
        return null;
    }
    return raw.value;
}

function readBenchmarks(r: KpiReader, fromCsv: boolean): BenchmarkSource[] {
    const raw = r.raw("benchmarks");
    if (!raw || isAbsent(raw.value)) return [];
    let items: unknown[];
    if (Array.isArray(raw.value)) items = raw.value;
    else if (typeof raw.value === "string") items = raw.value.split(fromCsv ? ";" : /[;,]/).map(s => s.trim()).filter(s => s !== "");
    else {
        r.problem("benchmarks", `expected a list, found ${describeType(raw.value)}`, BENCHMARK_SOURCES.join(", "));
        return [];
    }
    const out: BenchmarkSource[] = [];
    for (const item of items) {
        const text = typeof item === "string" ? item.trim().toLowerCase() : undefined;
        if (text === undefined || !(BENCHMARK_SOURCES as readonly string[]).includes(text)) {
            const hint = typeof item === "string" ? didYouMean(item, BENCHMARK_SOURCES) : null;
            r.problem("benchmarks", `${JSON.stringify(item)} is not a benchmark${hint ? ` (did you mean ${hint}?)` : ""}`, BENCHMARK_SOURCES.join(", "));
            continue;
        }
        if (out.includes(text as BenchmarkSource)) {
            r.problem("benchmarks", `${JSON.stringify(item)} is listed twice`, "each benchmark once");
            continue;
        }
        out.push(text as BenchmarkSource);
    }
    return out;
}

function readExpression(r: KpiReader): string | null {
    const text = readText(r, "actualExpression");
    if (text === null) return null;
    const problem = expressionTextProblem(text);
    if (problem) {
        r.problem("actualExpression", problem, "DAX on lines ended by line feeds (CRLF and CR are read as line feeds); UNICHAR ( 10 ) for a line break inside text");
        return null;
    }
    const value = text.replace(/\r\n?/g, "\n");
    const problems = checkDax(value);
    if (problems.length > 0) {
        r.problem("actualExpression", `the DAX expression does not read cleanly: ${problems.join("; ")}`, "a DAX scalar expression with balanced brackets, closed strings and DAX functions");
        return null;
    }
    if (/^\s*(VAR|EVALUATE|DEFINE)\b/i.test(value) && !/\bRETURN\b/i.test(value)) {
        r.problem("actualExpression", "starts with VAR but has no RETURN", "VAR ... RETURN <expression>");
        return null;
    }
    return value;
}

/**
 * What keeps a dictionary's DAX expression from printing the same in the query script and in
 * TMDL: line ends other than CR/LF (Tabular Editor ends lines and comments at NEL, U+2028 and
 * U+2029, .NET does not), control characters other than tab, a line break inside a string
 * literal or quoted name (TMDL re-indents continuation lines, changing the text), and ```
 * (the TMDL expression fence).
 */
function expressionTextProblem(text: string): string | null {
    // eslint-disable-next-line no-control-regex
    const odd = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u2028\u2029]/.exec(text);
    if (odd) return controlProblem(odd[0])!.replace(/at character 1$/, `at character ${odd.index + 1}`);
    if (text.includes("```")) return "contains ``` (it would end the TMDL expression block)";
    for (const token of lexDax(text.replace(/\r\n?/g, "\n")).tokens) {
        if ((token.kind === "string" || token.kind === "table" || token.kind === "bracket") && token.text.includes("\n")) {
            return `a line break inside ${token.kind === "string" ? "the string literal" : "the name"} ${token.text.split("\n")[0]}... (it would be indented differently in TMDL)`;
        }
    }
    return null;
}

function readColumn(r: KpiReader): ColumnRef | null {
    const value = readLine(r, "sourceColumn");
    if (value === null) return null;
    const parsed = parseColumnRef(value);
    if (!parsed) {
        r.problem("sourceColumn", `${JSON.stringify(value)} is not a fully qualified column`, "'Table name'[Column name]");
        return null;
    }
    return parsed;
}

function describeType(value: unknown): string {
    if (Array.isArray(value)) return "a list";
    if (value === null) return "nothing";
    return typeof value === "object" ? "an object" : `${typeof value} ${JSON.stringify(value)}`;
}

/**
 * Ids and names must be unique after Unicode NFC normalisation and case folding (DAX compares
 * object names ignoring case; Power BI relationships compare ids so too), and a KPI's own
 * measures must not take the name of anything else the generator creates: the generic
 * measures, the hidden `Anchor` column and the tables of the model.
 */
function checkCollisions(kpis: readonly KpiIdentity[], issues: DictionaryIssue[]): void {
    const byId = new Map<string, KpiIdentity>();
    const byName = new Map<string, KpiIdentity>();
    /** Who owns each name, in words; a KPI's own measures are described only when one collides. */
    const measureOwners = new Map<string, string | (() => string)>();
    for (const name of GENERIC_MEASURE_NAMES) measureOwners.set(nameKey(name), `the generic measure [${name}]`);
    measureOwners.set(nameKey(ANCHOR_COLUMN), `the hidden column '${MEASURES_TABLE}'[${ANCHOR_COLUMN}]`);
    for (const table of [MEASURES_TABLE, ...Object.values(STAR)]) measureOwners.set(nameKey(table), `the table '${table}'`);
    for (const kpi of kpis) {
        const id = kpi.id ?? undefined;
        if (kpi.id !== null) {
            const idKey = nameKey(kpi.id);
            const first = byId.get(idKey);
            if (first) {
                issues.push({
                    severity: "error", location: kpi.idLocation, kpi: id, field: "id",
                    message: `duplicate id: ${JSON.stringify(kpi.id)} is already used by ${describeKpi(first)} (ids are compared ignoring case and Unicode normalisation)`,
                    allowed: "a unique id per KPI",
                });
            } else {
                byId.set(idKey, kpi);
            }
        }
        if (kpi.name === null) continue;
        const nameKeyOf = nameKey(kpi.name);
        const sameName = byName.get(nameKeyOf);
        if (sameName) {
            issues.push({
                severity: "error", location: kpi.nameLocation, kpi: id, field: "name",
                message: `the name ${JSON.stringify(kpi.name)} collides with ${describeKpi(sameName)} (DAX names ignore case; Unicode forms are compared normalised)`,
                allowed: "a name that differs from every other KPI's by more than letter case",
            });
        } else {
            byName.set(nameKeyOf, kpi);
        }
        if (!kpi.ownMeasures) continue;
        for (const measure of perKpiMeasureNames(kpi.name)) {
            const key = nameKey(measure);
            const found = measureOwners.get(key);
            const owner = typeof found === "function" ? found() : found;
            if (owner) {
                issues.push({
                    severity: "error", location: kpi.nameLocation, kpi: id, field: "name",
                    message: `its measure [${measure}] would collide with ${owner} (DAX names ignore case)`,
                    allowed: "a name whose measures (<name>, <name> Target, <name> Status, <name> Status Colour, <name> Direction) are all new",
                });
                break;
            }
            measureOwners.set(key, () => `the measure [${measure}] of ${describeKpi(kpi)}`);
        }
    }
}

function describeKpi(kpi: KpiIdentity): string {
    const where = kpi.location.line !== undefined ? `line ${kpi.location.line}` : kpi.location.row !== undefined ? `row ${kpi.location.row}` : "";
    return `KPI ${kpi.id ?? "(no id)"}${where ? ` (${where})` : ""}`;
}

/** One issue as a line of text: `file:line: error: [KPI id] field: message (allowed: ...)`. */
export function formatIssue(issue: DictionaryIssue): string {
    const where = issue.location.line !== undefined ? `:${issue.location.line}`
        : issue.location.row !== undefined ? `: row ${issue.location.row}` : "";
    const kpi = issue.kpi ? `KPI ${issue.kpi}, ` : "";
    const allowed = issue.allowed ? ` (allowed: ${issue.allowed})` : "";
    return `${issue.location.file}${where}: ${issue.severity}: ${kpi}field ${issue.field}: ${issue.message}${allowed}`;
}
