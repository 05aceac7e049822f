/**
 * The lines of a large output file, joined a chunk at a time: `lines.join("\n")` for the lines
 * pushed, without keeping every line until the end. A 10,000-KPI dictionary gives files of
 * 400,000 lines; kept one by one they all outlive the young generation of Node's garbage
 * collector and are copied by it, where a chunk of about 64,000 characters is joined while its
 * lines are young (chunks that big are allocated outside the young generation).
 */
import { LineSink, StringSink } from "./sink";

/** Where a file's lines go: kept in chunks (LineChunks) or written as they come (LineSink, sink.ts). */
export interface Lines {
    push(...lines: string[]): void;
    pushAll(lines: readonly string[]): void;
}

/** Lines kept in memory, a chunk at a time: the same batching as LineSink, into a StringSink. */
export class LineChunks implements Lines {
    private readonly text: StringSink;
    private readonly lines: LineSink;

    constructor(chunkLength = 64 * 1024) {
        this.text = new StringSink(chunkLength);
        this.lines = new LineSink(this.text, chunkLength);
    }

    push(...lines: string[]): void {
        this.lines.pushAll(lines);
    }

    /** `push` for a list of any length (a spread call is limited in arguments). */
    pushAll(lines: readonly string[]): void {
        this.lines.pushAll(lines);
    }

    /** Every line pushed, joined by line feeds. */
    join(): string {
        this.lines.end();
        return this.text.text();
    }
}
