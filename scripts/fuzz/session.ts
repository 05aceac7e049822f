/**
 * Drives the packaged visual in headless Chromium (the preview's host emulator) through random
 * dataViews and counts what certification forbids: exceptions, console errors and warnings,
 * network requests, missing rendering events, markup built from data, whole-visual failures.
 * Used by tests/browser/fuzz.test.ts (a few hundred cases) and scripts/fuzz/run.ts (10,000).
 */
import { join } from "node:path";
import fc from "fast-check";
import type { Browser, Request } from "playwright-core";
import { readDataset } from "../preview/dataset";
import type { VisualPackage } from "../preview/visual-package";
import { openPreview } from "../lib/preview-browser";
import { FuzzCase, fuzzCase } from "./dataViews";
import { IN_FRAME_SOURCE } from "./inFrame";

/** The preview needs a dataset to start; the fuzz cases replace its dataView. */
const START_DATASET = join(__dirname, "..", "..", "tests", "browser", "fixtures", "small");

export interface FuzzCounts {
    cases: number;
    exceptions: number;
    consoleErrors: number;
    consoleWarnings: number;
    requests: number;
    renderingEventProblems: number;
    markupProblems: number;
    drawingProblems: number;
    textProblems: number;
    wholeVisualFailures: number;
    /** What the cases drew (to see the fuzzer reaches the strip and the sparkline). */
    drawn: { tiles: number; strips: number; sparklines: number };
    /** The first few problems, with the case that caused them. */
    examples: { index: number; problem: string; fuzzCase?: FuzzCase }[];
}

export interface FuzzRun {
    readonly seed: number;
    readonly counts: FuzzCounts;
}

interface FrameResult { problems: string[]; failed: boolean; errorText: string | null; tiles: number; strips: number; sparklines: number }

/** Run `numRuns` random cases from `seed`; problems are counted, not thrown. */
export async function runFuzz(options: { browser: Browser; visual: VisualPackage; seed: number; numRuns: number; onProgress?: (done: number, counts: FuzzCounts) => void }): Promise<FuzzRun> {
    const preview = await openPreview({ visual: options.visual, dataset: readDataset(START_DATASET), width: 800, height: 600, browser: options.browser });
    const counts: FuzzCounts = {
        cases: 0, exceptions: 0, consoleErrors: 0, consoleWarnings: 0, requests: 0, renderingEventProblems: 0, markupProblems: 0,
        drawingProblems: 0, textProblems: 0, wholeVisualFailures: 0,
        drawn: { tiles: 0, strips: 0, sparklines: 0 }, examples: [],
    };
    let current = -1;
    let currentCase: FuzzCase | undefined;
    const note = (problem: string): void => {
        if (counts.examples.length < 20) counts.examples.push({ index: current, problem, fuzzCase: counts.examples.some(e => e.index === current) ? undefined : currentCase });
    };
    try {
        const baseline = preview.errors.length;
        if (baseline > 0) throw new Error(`the preview started with errors: ${preview.errors.join("; ")}`);
        preview.page.on("console", message => {
            if (message.type() === "error") { counts.consoleErrors++; note(`console.error: ${message.text()}`); }
            if (message.type() === "warning") { counts.consoleWarnings++; note(`console.warning: ${message.text()}`); }
        });
        preview.page.on("pageerror", error => { counts.exceptions++; note(`uncaught: ${error.message}`); });
        // From here on the page has loaded all of its own files: any request is the visual's.
        preview.page.on("request", (request: Request) => { counts.requests++; note(`request: ${request.url()}`); });
        const frame = preview.frame();
        const cases = fc.sample(fuzzCase, { seed: options.seed, numRuns: options.numRuns });
        for (let i = 0; i < cases.length; i++) {
            current = i;
            currentCase = cases[i];
            const result = await frame.evaluate(`(${IN_FRAME_SOURCE})(${JSON.stringify(cases[i])})`) as FrameResult;
            counts.cases++;
            counts.drawn.tiles += result.tiles;
            counts.drawn.strips += result.strips;
            counts.drawn.sparklines += result.sparklines;
            for (const problem of result.problems) {
                if (problem.startsWith("update threw")) counts.exceptions++;
                else if (problem.startsWith("rendering events")) counts.renderingEventProblems++;
                else if (/not a number/.test(problem)) counts.drawingProblems++;
                else if (/shows/.test(problem)) counts.textProblems++;
                else counts.markupProblems++;
                note(problem);
            }
            if (result.failed) { counts.wholeVisualFailures++; note(`whole visual failed: ${result.errorText ?? "renderingFailed"}`); }
            if (options.onProgress && (i + 1) % 500 === 0) options.onProgress(i + 1, counts);
        }
        // Let late console messages and requests (an SVG paint fetching a url()) arrive.
        await preview.page.waitForTimeout(300);
    } finally {
        await preview.close();
    }
    return { seed: options.seed, counts };
}

/** The total that must be 0. */
export function problemCount(c: FuzzCounts): number {
    return c.exceptions + c.consoleErrors + c.consoleWarnings + c.requests + c.renderingEventProblems + c.markupProblems
        + c.drawingProblems + c.textProblems + c.wholeVisualFailures;
}
