/**
 * The browser launcher finds the machine's own browser (never downloads one) and, when there
 * is none, fails with instructions a user can follow.
 */
import { chmodSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { delimiter, join } from "node:path";
import { findBrowser, INSTALL_INSTRUCTIONS, launchBrowser } from "../../scripts/lib/browser";

function fakeExecutable(folder: string, name: string): string {
    const path = join(folder, name);
    writeFileSync(path, "#!/bin/sh\nexit 0\n");
    chmodSync(path, 0o755);
    return path;
}

test("CHROME_PATH wins over PATH", () => {
    const folder = mkdtempSync(join(tmpdir(), "browsers-"));
    const custom = fakeExecutable(folder, "my-chrome");
    fakeExecutable(folder, "chromium");
    expect(findBrowser({ CHROME_PATH: custom, PATH: folder })).toBe(custom);
});

test("on PATH, chromium is preferred to google-chrome, chrome and Edge, in that order", () => {
    const a = mkdtempSync(join(tmpdir(), "browsers-"));
    const b = mkdtempSync(join(tmpdir(), "browsers-"));
    const edge = fakeExecutable(a, "microsoft-edge");
    expect(findBrowser({ PATH: [a, b].join(delimiter) })).toBe(edge);
    const chrome = fakeExecutable(b, "google-chrome");
    expect(findBrowser({ PATH: [a, b].join(delimiter) })).toBe(chrome);
    const chromium = fakeExecutable(b, "chromium");
    expect(findBrowser({ PATH: [a, b].join(delimiter) })).toBe(chromium);
});

test("a non-executable file is not a browser; nothing found gives null", () => {
    const folder = mkdtempSync(join(tmpdir(), "browsers-"));
    writeFileSync(join(folder, "chromium"), "not a program");
    expect(findBrowser({ PATH: folder })).toBeNull();
    expect(findBrowser({ CHROME_PATH: join(folder, "missing"), PATH: "" })).toBeNull();
});

test("launching without a browser fails with install instructions", async () => {
    const saved = { CHROME_PATH: process.env.CHROME_PATH, PATH: process.env.PATH };
    process.env.CHROME_PATH = "";
    process.env.PATH = mkdtempSync(join(tmpdir(), "empty-path-"));
    try {
        await expect(launchBrowser()).rejects.toThrow(INSTALL_INSTRUCTIONS);
        await expect(launchBrowser()).rejects.toThrow(/apt-get install chromium/);
    } finally {
        process.env.CHROME_PATH = saved.CHROME_PATH;
        process.env.PATH = saved.PATH;
        if (saved.CHROME_PATH === undefined) delete process.env.CHROME_PATH;
    }
});
