/**
 * Number formatting for every locale the preview offers (issue 9 item 4). pbiviz packages the
 * number data (powerbi-visuals-utils-formattingutils' Globalize cultures) only for en-US and the
 * locales of stringResources/ (powerbi-visuals-webpack-plugin's localizationLoader); any other
 * host locale formats as en-US in Power BI too. So the preview's locale list offers exactly the
 * locales the package formats, and each formats with its own culture.
 */
import * as fs from "fs";
import * as path from "path";
import { NumberText } from "../../../src/model/numberText";

const root = path.join(__dirname, "..", "..", "..");
const page = fs.readFileSync(path.join(root, "scripts", "preview", "host-emulator", "page.html"), "utf8");
const select = /<select id="locale"[\s\S]*?<\/select>/.exec(page)?.[0] ?? "";
const offered = [...select.matchAll(/<option value="([^"]+)"/g)].map(m => m[1]);
const packaged = ["en-US", ...fs.readdirSync(path.join(root, "stringResources"))
    .filter(dir => fs.existsSync(path.join(root, "stringResources", dir, "resources.resjson")))];

test("the preview offers locales", () => {
    expect(offered.length).toBeGreaterThanOrEqual(3);
});

test.each(offered.map(l => [l]))("%s: the packaged visual holds its number format", locale => {
    expect(packaged).toContain(locale);
});

test.each<[string, string, string]>([
    ["en-GB", "\u00a3#,0.0,,\"m\"", "\u00a32.4m"],
    ["en-US", "#,0.0", "2,400,000.0"],
    ["cy-GB", "#,0.0", "2,400,000.0"],
])("%s formats %s", (locale, format, text) => {
    expect(offered).toContain(locale);
    expect(new NumberText(locale).value(2400000, format)).toBe(text);
});
