/**
 * One Jest run, three projects:
 *  - unit:    pure TypeScript (rules, model, DAX generator, dataset), Node environment
 *  - dom:     the visual in jsdom with powerbi-visuals-utils-testutils host mocks
 *  - browser: the packaged visual in headless Chromium (playwright-core), needs dist/*.pbiviz
 * d3 and the powerbi-visuals-utils packages ship ES modules, so they are transformed too.
 */
const esmPackages = [
    "d3-[a-z-]+", "internmap", "lodash-es",
    "powerbi-visuals-utils-[a-z]+",
];
const transform = {
    "^.+\\.m?[tj]sx?$": ["ts-jest", { tsconfig: "tsconfig.test.json", diagnostics: false }],
};
const common = {
    transform,
    transformIgnorePatterns: [`/node_modules/(?!(${esmPackages.join("|")})/)`],
    moduleFileExtensions: ["ts", "js", "mjs", "json"],
    // The visual imports its stylesheet for pbiviz's webpack build; Jest has no use for it.
    moduleNameMapper: { "\\.(less|css)$": "<rootDir>/tests/style-stub.js" },
};
module.exports = {
    projects: [
        { ...common, displayName: "unit", testEnvironment: "node", testMatch: ["<rootDir>/tests/unit/**/*.test.ts", "<rootDir>/tests/dax/**/*.test.ts", "<rootDir>/tests/sample/**/*.test.ts", "<rootDir>/tests/agreement/**/*.test.ts"] },
        { ...common, displayName: "dom", testEnvironment: "jsdom", testMatch: ["<rootDir>/tests/visual/**/*.test.ts"] },
        { ...common, displayName: "browser", testEnvironment: "node", testMatch: ["<rootDir>/tests/browser/**/*.test.ts"], testTimeout: 120000 },
    ],
};
