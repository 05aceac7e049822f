/**
 * The lines of a large output file, joined a chunk at a time: `lines.join("\n")` for the lines
 * pushed, without keeping every line until the end. A 10,000-KPI dictionary gives files of
 * 400,000 lines; kept one by one they all outlive the young generation of Node's garbage
 * collector and are copied by it, where a chunk of about 64,000 characters is joined while its
 * lines are young (chunks that big are allocated outside the young generation).
 */
/** Where a file's lines go: kept in chunks (LineChunks) or written as they come (LineSink, sink.ts). */
export interface Lines {
    push(...lines: string[]): void;
    pushAll(lines: readonly string[]): void;
}

export class LineChunks implements Lines {
    private readonly chunks: string[] = [];
    private pending: string[] = [];
    private pendingLength = 0;

    constructor(private readonly chunkLength = 64 * 1024) {}

    push(...lines: string[]): void {
        this.pushAll(lines);
    }

    /** `push` for a list of any length (a spread call is limited in arguments). */
    pushAll(lines: readonly string[]): void {
        for (let i = 0; i < lines.length; i++) {
            this.pending.push(lines[i]);
            this.pendingLength += lines[i].length + 1;
        }
        if (this.pendingLength >= this.chunkLength) this.flush();
    }

    /** Every line pushed, joined by line feeds. */
    join(): string {
        this.flush();
        return this.chunks.join("\n");
    }

    private flush(): void {
        if (this.pending.length === 0) return;
        this.chunks.push(this.pending.join("\n"));
        this.pending = [];
        this.pendingLength = 0;
    }
}
