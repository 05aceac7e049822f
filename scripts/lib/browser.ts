/**
 * Finding and launching the machine's own Chromium-family browser for the preview's snapshot,
 * the browser tests and the benchmarks. Nothing is ever downloaded: CHROME_PATH wins, then
 * chromium, chromium-browser, google-chrome, chrome and microsoft-edge on PATH.
 */
import { findExecutable } from "./executables";
import { chromium, Browser } from "playwright-core";

const CANDIDATES = ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "chrome", "microsoft-edge", "microsoft-edge-stable"];

/** Headless flags: no GPU, no network beyond what the page asks for, no first-run or sync. */
export const BROWSER_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
];

export const INSTALL_INSTRUCTIONS = [
    "No Chromium-family browser was found. Install one, or point CHROME_PATH at it:",
    "  Debian/Ubuntu:  sudo apt-get install chromium",
    "  Fedora:         sudo dnf install chromium",
    "  macOS:          brew install --cask chromium   (or set CHROME_PATH to Google Chrome's binary)",
    "  Windows:        set CHROME_PATH=C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe",
].join("\n");

/** The browser executable to use, or null when none is installed. */
export function findBrowser(env: NodeJS.ProcessEnv = process.env): string | null {
    return findExecutable(CANDIDATES, "CHROME_PATH", env);
}

/** Launch the browser headless, or throw the install instructions. */
export async function launchBrowser(): Promise<Browser> {
    const executablePath = findBrowser();
    if (!executablePath) {
        const wanted = process.env.CHROME_PATH ? `CHROME_PATH is set to ${process.env.CHROME_PATH}, which does not exist.\n` : "";
        throw new Error(wanted + INSTALL_INSTRUCTIONS);
    }
    return chromium.launch({ executablePath, args: BROWSER_ARGS });
}
