/**
 * The docs' star-schema tables, generated from the contract module (lib/star-schema.ts), so
 * docs/CONTRACTS.md and docs/preview.md never drift from what the preview reads, the sample
 * writes and the model types. Each table sits between
 * `<!-- star-schema: <file> -->` and `<!-- /star-schema -->`.
 *
 * `npx tsx scripts/sample/schema-docs.ts` rewrites the tables in place; a test fails when they
 * are stale.
 */
import * as fs from "fs";
import * as path from "path";
import { M_TYPE, STAR_TABLES, StarTable, TYPE_WORDS } from "../../lib/star-schema";

export const SCHEMA_DOCS = ["docs/CONTRACTS.md", "docs/preview.md"] as const;

const cell = (text: string): string => text.replace(/\|/g, "\\|");

/** The markdown table of one star-schema file. */
export function schemaTableMarkdown(table: StarTable): string {
    const lines = [
        "| column | type (M) | value required | allowed values | content |",
        "| --- | --- | --- | --- | --- |",
    ];
    for (const c of table.columns) {
        const allowed = c.allowed ? c.allowed.map(a => `\`${a}\``).join(", ") : "";
        lines.push(`| \`${c.name}\` | ${TYPE_WORDS[c.type]} (\`${M_TYPE[c.type]}\`) | ${c.required ? "yes" : ""} | ${allowed} | ${cell(c.description)} |`);
    }
    return lines.join("\n");
}

const BLOCK = /(<!-- star-schema: (\S+) -->)[\s\S]*?(<!-- \/star-schema -->)/g;

/** The text with every marked table regenerated; throws on a marker naming an unknown file. */
export function withSchemaTables(text: string): string {
    return text.replace(BLOCK, (_all, open: string, file: string, close: string) => {
        const table = STAR_TABLES.find(t => t.file === file);
        if (!table) throw new Error(`star-schema marker names ${file}, which is not a file of the star schema`);
        return `${open}\n${schemaTableMarkdown(table)}\n${close}`;
    });
}

/** Files of the star schema that a text has a marked table for. */
export function markedFiles(text: string): string[] {
    return [...text.matchAll(BLOCK)].map(m => m[2]);
}

function main(): void {
    const root = path.resolve(__dirname, "../..");
    for (const doc of SCHEMA_DOCS) {
        const file = path.join(root, doc);
        const before = fs.readFileSync(file, "utf8");
        const after = withSchemaTables(before);
        if (after !== before) {
            fs.writeFileSync(file, after, "utf8");
            console.log(`updated ${doc}`);
        }
    }
}

if (require.main === module) main();
