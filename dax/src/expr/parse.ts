import { BinaryOperator, DaxFunctionName, Expr, VarDefinition } from "./ast";
import { lexDax, Token } from "./tokenize";

/**
 * A parser for the DAX the generator writes, into the typed tree of ast.ts: measure and
 * format-string expressions (TMDL, the DAX query view script, a dictionary's actualExpression)
 * and the query script itself (DEFINE, MEASURE, EVALUATE, ORDER BY, comments).
 *
 * Operator precedence follows Microsoft's DAX operator reference
 * (https://learn.microsoft.com/en-us/dax/dax-operator-reference, "Operator precedence"):
 * ^, sign, * and /, + and -, &, comparisons, NOT, &&, ||; binary operators are left-associative.
 * Anything outside what the generator writes (division with `/`, `^`, IN, table constructors,
 * functions outside DaxFunctionName, free identifiers) is refused with a located error,
 * never guessed.
 */
export class DaxParseError extends Error {
    constructor(message: string, readonly line: number, readonly column: number, readonly source?: string) {
        super(`${source ? `${source}: ` : ""}line ${line}, column ${column}: ${message}`);
    }
}

/** Functions of the tree (ast.ts DaxFunctionName); the parser refuses any other name. */
const FUNCTIONS: ReadonlySet<string> = new Set<DaxFunctionName>([
    "ABS", "AND", "BLANK", "CALCULATE", "COALESCE", "DIVIDE", "FALSE", "FILTER", "HASONEVALUE", "IF", "ISBLANK",
    "LOWER", "MAX", "MAXX", "MINX", "NOT", "OR", "REMOVEFILTERS", "ROUND", "SELECTEDVALUE", "SUM", "SUMMARIZECOLUMNS",
    "SWITCH", "TRIM", "TRUE", "VALUES", "RELATED", "ROW", "UNICHAR",
]);

const COMPARISONS: readonly BinaryOperator[] = ["=", "==", "<>", "<", "<=", ">", ">="];
const RESERVED = new Set(["VAR", "RETURN", "DEFINE", "MEASURE", "EVALUATE", "ORDER", "BY", "ASC", "DESC", "NOT", "IN", "START", "AT"]);

export interface ParseOptions {
    /** Named in error messages (a file, a measure). */
    readonly source?: string;
}

/** Parse one DAX expression (the whole text). */
export function parseExpression(text: string, options: ParseOptions = {}): Expr {
    const parser = new Parser(text, options.source);
    const expr = parser.expression(new Set());
    parser.expectEnd();
    return expr;
}

export interface QueryMeasure {
    readonly table: string;
    readonly name: string;
    readonly expression: Expr;
    /** The `--` comment lines just above the MEASURE line, without the markers. */
    readonly comment: string;
    /** 1-based line of the MEASURE keyword. */
    readonly line: number;
}

export interface OrderKey {
    readonly expr: Expr;
    readonly descending: boolean;
}

export interface DaxQuery {
    readonly measures: readonly QueryMeasure[];
    readonly evaluate: readonly Expr[];
    readonly orderBy: readonly OrderKey[];
}

/** Parse a DAX query view script: `DEFINE MEASURE ... EVALUATE ... ORDER BY ...`. */
export function parseQuery(text: string, options: ParseOptions = {}): DaxQuery {
    const parser = new Parser(text, options.source);
    const measures: QueryMeasure[] = [];
    const evaluate: Expr[] = [];
    const orderBy: OrderKey[] = [];
    if (parser.isKeyword("DEFINE")) {
        parser.next();
        while (parser.isKeyword("MEASURE")) {
            const keyword = parser.next();
            const comment = parser.commentBefore(keyword);
            const tableToken = parser.take("table", "a quoted table name after MEASURE");
            const nameToken = parser.take("bracket", "a [measure name] after the table");
            parser.takeOperator("=");
            measures.push({
                table: unquote(tableToken.text, "'"), name: unquote(nameToken.text, "]"),
                expression: parser.expression(new Set()), comment, line: parser.position(keyword).line,
            });
        }
        if (measures.length === 0) parser.fail("DEFINE must be followed by MEASURE definitions");
    }
    while (parser.isKeyword("EVALUATE")) {
        parser.next();
        evaluate.push(parser.expression(new Set()));
    }
    if (evaluate.length === 0) parser.fail("expected EVALUATE");
    if (parser.isKeyword("ORDER")) {
        parser.next();
        if (!parser.isKeyword("BY")) parser.fail("expected BY after ORDER");
        parser.next();
        do {
            const expr = parser.expression(new Set());
            let descending = false;
            if (parser.isKeyword("ASC") || parser.isKeyword("DESC")) descending = parser.next().text.toUpperCase() === "DESC";
            orderBy.push({ expr, descending });
        } while (parser.acceptComma());
    }
    parser.expectEnd();
    return { measures, evaluate, orderBy };
}

function unquote(text: string, close: "'" | "]" | "\""): string {
    const inner = text.slice(1, -1);
    return inner.split(close + close).join(close);
}

class Parser {
    private readonly tokens: Token[];
    private index = 0;
    private readonly lineStarts: number[] = [0];

    constructor(private readonly text: string, private readonly source?: string) {
        const { tokens, problems } = lexDax(text);
        for (let i = 0; i < text.length; i++) if (text[i] === "\n") this.lineStarts.push(i + 1);
        if (problems.length > 0) this.failAt(problems[0].offset, problems[0].message);
        this.tokens = tokens.filter(t => t.kind !== "space");
    }

    position(token: Token | number): { line: number; column: number } {
        const offset = typeof token === "number" ? token : token.offset;
        let line = 0;
        while (line + 1 < this.lineStarts.length && this.lineStarts[line + 1] <= offset) line++;
        return { line: line + 1, column: offset - this.lineStarts[line] + 1 };
    }

    failAt(offset: number, message: string): never {
        const { line, column } = this.position(offset);
        throw new DaxParseError(message, line, column, this.source);
    }

    fail(message: string): never {
        const token = this.peek();
        this.failAt(token ? token.offset : this.text.length, message + (token ? `, found ${JSON.stringify(token.text)}` : ", found the end of the text"));
    }

    /** Next significant token (comments skipped). */
    peek(ahead = 0): Token | undefined {
        let i = this.index;
        let seen = 0;
        while (i < this.tokens.length) {
            if (this.tokens[i].kind !== "comment") {
                if (seen === ahead) return this.tokens[i];
                seen++;
            }
            i++;
        }
        return undefined;
    }

    next(): Token {
        while (this.index < this.tokens.length && this.tokens[this.index].kind === "comment") this.index++;
        const token = this.tokens[this.index];
        if (!token) this.fail("unexpected end of the text");
        this.index++;
        return token;
    }

    /** The `--` comment lines directly above a token (a query measure's description). */
    commentBefore(token: Token): string {
        const at = this.tokens.indexOf(token);
        const lines: string[] = [];
        for (let i = at - 1; i >= 0 && this.tokens[i].kind === "comment"; i--) {
            lines.unshift(this.tokens[i].text.replace(/^(--|\/\/)\s?/, ""));
        }
        return lines.join("\n");
    }

    isKeyword(word: string): boolean {
        const t = this.peek();
        return t !== undefined && t.kind === "identifier" && t.text.toUpperCase() === word;
    }

    take(kind: Token["kind"], what: string): Token {
        const t = this.peek();
        if (!t || t.kind !== kind) this.fail(`expected ${what}`);
        return this.next();
    }

    takeOperator(op: string): void {
        const t = this.peek();
        if (!t || t.kind !== "operator" || t.text !== op) this.fail(`expected ${JSON.stringify(op)}`);
        this.next();
    }

    acceptComma(): boolean {
        if (this.peek()?.kind !== "comma") return false;
        this.next();
        return true;
    }

    expectEnd(): void {
        if (this.peek() !== undefined) this.fail("unexpected text after the end of the expression");
    }

    /** expression := VAR name = expression ... RETURN expression | or */
    expression(scope: ReadonlySet<string>): Expr {
        if (!this.isKeyword("VAR")) return this.binary(1, scope);
        const vars: VarDefinition[] = [];
        const inner = new Set(scope);
        while (this.isKeyword("VAR")) {
            this.next();
            const nameToken = this.take("identifier", "a variable name after VAR");
            const name = nameToken.text;
            if (RESERVED.has(name.toUpperCase()) || FUNCTIONS.has(name.toUpperCase())) {
                this.failAt(nameToken.offset, `${name} cannot be a variable name`);
            }
            this.takeOperator("=");
            // A VAR sees the variables defined before it, not itself.
            vars.push({ name, value: this.expression(new Set(inner)) });
            inner.add(name);
        }
        if (!this.isKeyword("RETURN")) this.fail("expected RETURN after the VAR definitions");
        this.next();
        return { kind: "let", vars, body: this.expression(inner) };
    }

    /** Precedence climbing over the levels 1 (||), 2 (&&), 3 (NOT), 4 (comparisons), 5 (&), 6 (+ -), 7 (*). */
    private binary(level: number, scope: ReadonlySet<string>): Expr {
        if (level === 3) {
            if (this.isKeyword("NOT")) {
                this.next();
                return { kind: "call", fn: "NOT", args: [this.binary(3, scope)] };
            }
            return this.binary(4, scope);
        }
        if (level === 8) return this.unary(scope);
        let left = this.binary(level + 1, scope);
        for (;;) {
            const t = this.peek();
            if (!t || t.kind !== "operator") {
                if (t && t.kind === "identifier" && t.text.toUpperCase() === "IN" && level === 4) {
                    this.failAt(t.offset, "IN is outside the DAX the generator writes");
                }
                return left;
            }
            const op = t.text;
            if (op === "/") this.failAt(t.offset, "division with / is outside the generator's DAX (it always writes DIVIDE)");
            if (op === "^") this.failAt(t.offset, "^ is outside the DAX the generator writes");
            if (levelOf(op) !== level) return left;
            this.next();
            const right = this.binary(level + 1, scope);
            left = { kind: "binary", op: op as BinaryOperator, left, right };
        }
    }

    private unary(scope: ReadonlySet<string>): Expr {
        const t = this.peek();
        if (t && t.kind === "operator" && t.text === "-") {
            this.next();
            const after = this.peek();
            // `-5` is a negative literal (numberLiteral prints negative numbers so).
            if (after && after.kind === "number" && after.offset === t.offset + 1) {
                const value = -this.numberValue(this.next());
                return { kind: "number", value: value === 0 ? 0 : value };
            }
            return { kind: "negate", operand: this.unary(scope) };
        }
        if (t && t.kind === "operator" && t.text === "+") this.failAt(t.offset, "unary + is outside the DAX the generator writes");
        return this.primary(scope);
    }

    private numberValue(token: Token): number {
        const value = Number(token.text);
        if (!/^(\d+(\.\d*)?|\.\d+)$/.test(token.text) || !Number.isFinite(value)) {
            this.failAt(token.offset, `${token.text} is not a number in plain decimal notation`);
        }
        return value;
    }

    private primary(scope: ReadonlySet<string>): Expr {
        const t = this.peek();
        if (!t) this.fail("expected an expression");
        switch (t.kind) {
            case "number": return { kind: "number", value: this.numberValue(this.next()) };
            case "string": return { kind: "string", value: unquote(this.next().text, "\"") };
            case "bracket": return { kind: "measure", name: unquote(this.next().text, "]") };
            case "table": {
                this.next();
                const table = unquote(t.text, "'");
                const after = this.peek();
                if (after && after.kind === "bracket" && after.offset === t.offset + t.text.length) {
                    this.next();
                    return { kind: "column", table, column: unquote(after.text, "]") };
                }
                return { kind: "table", table };
            }
            case "open": {
                this.next();
                const inner = this.expression(scope);
                if (this.peek()?.kind !== "close") this.fail("expected \")\"");
                this.next();
                return inner;
            }
            case "identifier": return this.identifier(scope);
            default: this.fail("expected an expression");
        }
    }

    private identifier(scope: ReadonlySet<string>): Expr {
        const t = this.next();
        const after = this.peek();
        if (after && after.kind === "open") {
            const name = t.text.toUpperCase();
            if (!FUNCTIONS.has(name)) this.failAt(t.offset, `function ${t.text} is outside the DAX the generator writes`);
            this.next();
            const args: Expr[] = [];
            if (this.peek()?.kind !== "close") {
                do {
                    if (this.peek()?.kind === "comma" || this.peek()?.kind === "close") this.fail(`an argument of ${name} is missing`);
                    args.push(this.expression(scope));
                } while (this.acceptComma());
            }
            if (this.peek()?.kind !== "close") this.fail(`expected "," or ")" in ${name}`);
            this.next();
            if (args.length === 0 && name === "TRUE") return { kind: "boolean", value: true };
            if (args.length === 0 && name === "FALSE") return { kind: "boolean", value: false };
            if (args.length === 0 && name === "BLANK") return { kind: "blank" };
            return { kind: "call", fn: name as DaxFunctionName, args };
        }
        if (after && after.kind === "bracket" && after.offset === t.offset + t.text.length) {
            this.next();
            return { kind: "column", table: t.text, column: unquote(after.text, "]") };
        }
        if (scope.has(t.text)) return { kind: "var", name: t.text };
        if (RESERVED.has(t.text.toUpperCase())) this.failAt(t.offset, `${t.text} cannot start an expression here`);
        this.failAt(t.offset, `${t.text} is not a variable in scope (table names are written quoted, 'Table')`);
    }
}

function levelOf(op: string): number {
    if (op === "||") return 1;
    if (op === "&&") return 2;
    if ((COMPARISONS as readonly string[]).includes(op)) return 4;
    if (op === "&") return 5;
    if (op === "+" || op === "-") return 6;
    if (op === "*") return 7;
    return -1;
}

export interface TmdlMeasure {
    readonly table: string;
    readonly name: string;
    readonly expression: Expr;
    readonly formatString?: string;
    readonly formatStringExpression?: Expr;
    /** 1-based line of the `measure` keyword. */
    readonly line: number;
}

/**
 * The measures of a TMDL table file or script (`table`, or `createOrReplace` with the table
 * under it), with their expressions parsed. TMDL (https://learn.microsoft.com/en-us/analysis-services/tmdl/tmdl-overview,
 * "Expressions") writes an expression after `=` on the same line or on the following lines
 * indented deeper than the object's properties; a property ends it.
 */
export function parseTmdlMeasures(text: string, source = "TMDL"): TmdlMeasure[] {
    const lines = text.replace(/\r\n/g, "\n").split("\n");
    const depth = (line: string): number => /^\t*/.exec(line)![0].length;
    let table = "";
    const out: TmdlMeasure[] = [];
    /** The expression after `=` at line i: the rest of the line, or the deeper-indented lines that follow. */
    const expressionAt = (i: number, rest: string, minDepth: number): { text: string; end: number; firstLine: number } => {
        if (rest.trim() !== "") return { text: rest, end: i + 1, firstLine: i + 1 };
        let j = i + 1;
        const body: string[] = [];
        while (j < lines.length && (lines[j].trim() === "" || depth(lines[j]) >= minDepth)) body.push(lines[j++]);
        while (body.length && body[body.length - 1].trim() === "") { body.pop(); j--; }
        let text = body.join("\n");
        if (/^\s*```/.test(text)) text = text.replace(/^\s*```/, "").replace(/```\s*$/, "");
        return { text, end: j, firstLine: i + 2 };
    };
    const parseAt = (exprText: string, firstLine: number, what: string): Expr => {
        try {
            return parseExpression(exprText, { source: what });
        } catch (e) {
            if (e instanceof DaxParseError) {
                throw new DaxParseError(e.message.replace(/^.*?line \d+, column \d+: /, `${what}: `), firstLine + e.line - 1, e.column, source);
            }
            throw e;
        }
    };
    for (let i = 0; i < lines.length; i++) {
        const line = lines[i];
        const tableMatch = /^\t*table\s+('(?:[^']|'')+'|[^\s=]+)\s*$/.exec(line);
        if (tableMatch) table = tableMatch[1].startsWith("'") ? unquote(tableMatch[1], "'") : tableMatch[1];
        const m = /^(\t*)measure\s+('(?:[^']|'')+'|[^\s=']+)\s*=(.*)$/.exec(line);
        if (!m) continue;
        const level = m[1].length;
        const name = m[2].startsWith("'") ? unquote(m[2], "'") : m[2];
        const expr = expressionAt(i, m[3], level + 2);
        const expression = parseAt(expr.text, expr.firstLine, `measure '${name}'`);
        let formatString: string | undefined;
        let formatStringExpression: Expr | undefined;
        let j = expr.end;
        while (j < lines.length && (lines[j].trim() === "" || depth(lines[j]) > level)) {
            const property = lines[j];
            const fixed = /^\t*formatString:\s?(.*)$/.exec(property);
            if (fixed && depth(property) === level + 1) formatString = fixed[1];
            const dynamic = /^\t*formatStringDefinition\s*=(.*)$/.exec(property);
            if (dynamic && depth(property) === level + 1) {
                const fsExpr = expressionAt(j, dynamic[1], level + 3);
                formatStringExpression = parseAt(fsExpr.text, fsExpr.firstLine, `formatStringDefinition of '${name}'`);
                j = fsExpr.end;
                continue;
            }
            j++;
        }
        out.push({ table, name, expression, line: i + 1, ...(formatString !== undefined ? { formatString } : {}),
            ...(formatStringExpression ? { formatStringExpression } : {}) });
        i = j - 1;
    }
    return out;
}
