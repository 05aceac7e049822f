import { writeSync, writevSync } from "fs";

/**
 * Where a generated file's text goes, a piece at a time: into memory (`StringSink`, for
 * `generateOutputs` and --check) or into an open file (`FileSink`, for the command line, so a
 * 10,000-KPI run never holds a whole 17 MB file, nor the trees and text of measures already written).
 */
export interface TextSink {
    write(text: string): void;
}

/**
 * Pieces are gathered and handed on about `chunkLength` characters at a time: small strings are
 * joined while they are young (the garbage collector copies what outlives its young
 * generation), and a non-Latin-1 character (the status icons) makes only its own chunk two-byte.
 */
abstract class ChunkedSink implements TextSink {
    private pending: string[] = [];
    private pendingLength = 0;

    constructor(private readonly chunkLength: number) {}

    write(text: string): void {
        this.pending.push(text);
        this.pendingLength += text.length;
        if (this.pendingLength >= this.chunkLength) this.flush();
    }

    protected flush(): void {
        if (this.pending.length === 0) return;
        const chunk = this.pending.length === 1 ? this.pending[0] : this.pending.join("");
        this.pending = [];
        this.pendingLength = 0;
        this.take(chunk);
    }

    protected abstract take(chunk: string): void;
}

/** Text kept in memory: `text()` is everything written, in order. */
export class StringSink extends ChunkedSink {
    private readonly chunks: string[] = [];

    constructor(chunkLength = 64 * 1024) {
        super(chunkLength);
    }

    text(): string {
        this.flush();
        return this.chunks.join("");
    }

    protected take(chunk: string): void {
        this.chunks.push(chunk);
    }
}

/** Opening or writing an output file failed (`cause`: the file system's error), as opposed to producing its text. */
export class WriteFailure extends Error {
    constructor(readonly cause: unknown) {
        super(cause instanceof Error ? cause.message : String(cause));
    }
}

/**
 * Text written to an open file descriptor as UTF-8 (the caller opens and closes it; `end` writes
 * what is pending). Each chunk is encoded while it is young; the encoded chunks go to the file
 * about `writeBytes` at a time, in one system call.
 */
export class FileSink extends ChunkedSink {
    private buffers: Buffer[] = [];
    private bufferedBytes = 0;

    constructor(private readonly fd: number, chunkLength = 16 * 1024, private readonly writeBytes = 256 * 1024) {
        super(chunkLength);
    }

    end(): void {
        this.flush();
        this.writeBuffers();
    }

    protected take(chunk: string): void {
        const bytes = Buffer.from(chunk, "utf8");
        this.buffers.push(bytes);
        this.bufferedBytes += bytes.length;
        if (this.bufferedBytes >= this.writeBytes) this.writeBuffers();
    }

    private writeBuffers(): void {
        if (this.buffers.length === 0) return;
        const buffers = this.buffers;
        const total = this.bufferedBytes;
        this.buffers = [];
        this.bufferedBytes = 0;
        try {
            const written = writevSync(this.fd, buffers);
            if (written < total) {
                // A short write (rare for files): the rest by writeSync until all is written.
                const rest = Buffer.concat(buffers).subarray(written);
                let offset = 0;
                while (offset < rest.length) offset += writeSync(this.fd, rest, offset, rest.length - offset);
            }
        } catch (error) {
            throw new WriteFailure(error);
        }
    }
}

/**
 * Lines to a sink, joined by line feeds (`lines.join("\n")` of every line pushed: no line feed
 * after the last). A pushed piece may itself hold several lines. Lines are gathered and joined
 * by line feeds about `chunkLength` characters at a time (one join over the lines instead of a
 * separate one-character piece between every two); `end` hands on what is pending, and must be
 * called once all lines are pushed, before the sink itself is ended.
 */
export class LineSink {
    /** Lines not yet handed on; after the first chunk it starts with "", so the join puts the line feed between chunks. */
    private pending: string[] = [];
    private pendingLength = 0;
    private started = false;

    constructor(private readonly sink: TextSink, private readonly chunkLength = 16 * 1024) {}

    push(...lines: string[]): void {
        this.pushAll(lines);
    }

    pushAll(lines: readonly string[]): void {
        for (let i = 0; i < lines.length; i++) {
            this.pending.push(lines[i]);
            this.pendingLength += lines[i].length + 1;
        }
        if (this.pendingLength >= this.chunkLength) this.flush();
    }

    /** Hand on the lines still pending (nothing is written after this but further pushes). */
    end(): void {
        this.flush();
    }

    private flush(): void {
        if (this.pending.length === 0 || (this.started && this.pending.length === 1)) return;
        this.sink.write(this.pending.join("\n"));
        this.started = true;
        this.pending = [""];
        this.pendingLength = 0;
    }
}
