/**
 * dax/generated/ is committed: it must be exactly what the CLI writes for the sample dictionary
 * (regenerate with `npm run dax:sample`).
 */
import { existsSync, readdirSync, readFileSync } from "fs";
import { join } from "path";
import { generateFromFile, OUTPUT_FILES } from "../../dax/src/generate";

const root = join(__dirname, "../..");
const dictionary = join(root, "sample/kpi-dictionary.yaml");
const generated = join(root, "dax/generated");

const run = existsSync(dictionary) ? describe : describe.skip;
if (!existsSync(dictionary)) {
    console.warn("sample/kpi-dictionary.yaml does not exist yet: the staleness test of dax/generated/ is skipped.");
}

run("dax/generated/ is up to date with sample/kpi-dictionary.yaml", () => {
    const result = generateFromFile(dictionary, "sample/kpi-dictionary.yaml");
    test("the sample dictionary validates without errors", () => {
        expect(result.issues.filter(i => i.severity === "error")).toEqual([]);
    });
    test("every generated file matches (run npm run dax:sample if this fails)", () => {
        if (!result.ok) throw new Error("the sample dictionary does not validate");
        const owned = readdirSync(generated).filter(f => (Object.values(OUTPUT_FILES) as string[]).includes(f)).sort();
        expect(owned).toEqual([...result.output.files.keys()].sort());
        for (const [name, content] of result.output.files) {
            expect([name, readFileSync(join(generated, name), "utf8") === content]).toEqual([name, true]);
        }
    });
});
