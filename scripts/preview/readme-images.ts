/**
 * Copy the README's screenshots from the browser tests' artefacts (test-artifacts/screenshots,
 * written by tests/browser/rendering.test.ts from the sample dataset) to docs/images/.
 * Run after the browser tests: `npx tsx scripts/preview/readme-images.ts`.
 */
import { copyFileSync, existsSync, mkdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { ROOT } from "./build-steps";

const FROM = join(ROOT, "test-artifacts", "screenshots");
const TO = join(ROOT, "docs", "images");
/** Screenshot name in the artefacts -> file the README links to. */
export const README_IMAGES: Readonly<Record<string, string>> = {
    "dashboard.png": "tiles-dashboard.png",
    "small-tile.png": "tiles-small.png",
    "wide.png": "tiles-wide.png",
    "high-contrast.png": "tiles-high-contrast.png",
    "preview-page.png": "preview-page.png",
    // The quarterly pack's Care leavers pages, rendered by LibreOffice (tests/browser/pack.test.ts).
    "pack-summary.png": "pack-summary.png",
    "pack-good.png": "pack-good.png",
    "pack-development.png": "pack-development.png",
    "pack-plan.png": "pack-plan.png",
};

function main(): void {
    mkdirSync(TO, { recursive: true });
    const missing = Object.keys(README_IMAGES).filter(name => !existsSync(join(FROM, name)));
    if (missing.length > 0) {
        console.error(`Missing in ${FROM}: ${missing.join(", ")}. Run the browser tests first (npx jest --selectProjects browser).`);
        process.exit(1);
    }
    for (const [from, to] of Object.entries(README_IMAGES)) {
        copyFileSync(join(FROM, from), join(TO, to));
        console.log(`docs/images/${to} (${(statSync(join(TO, to)).size / 1024).toFixed(0)} KB)`);
    }
}

main();
