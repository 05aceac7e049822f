/**
 * The part of the fuzzer that runs inside the visual's frame, as JavaScript source (it is
 * evaluated there, so it must not depend on anything the bundler adds). It builds the case's
 * dataView in the frame's own realm, hands it to the running visual instance, focuses tiles so
 * their tooltips are built and shown, and inspects what the visual drew.
 */
export const IN_FRAME_SOURCE = String.raw`(fuzzCase) => {
    const problems = [];
    const preview = window.parent.preview;
    const runner = preview.runner;
    const visual = runner.visual;
    if (!visual) return { problems: ["no visual instance"], failed: false };
    const throwing = { toString() { throw new Error("toString"); }, valueOf() { throw new Error("valueOf"); } };
    const decode = (v) => {
        if (v === null || typeof v !== "object") return v;
        switch (v.$) {
            case "nan": return NaN;
            case "inf": return Infinity;
            case "-inf": return -Infinity;
            case "undef": return undefined;
            case "obj": return { a: 1, toString() { return "[object]"; } };
            case "arr": return [1, "two", null];
            case "nullproto": return Object.create(null);
            case "throwing": return throwing;
            case "badDate": return new Date(NaN);
            case "date": return new Date(v.v);
            case "bigint": return BigInt(v.v);
            case "fn": return function f() { return 1; };
            case "sym": return Symbol("s");
            case "solid": return { solid: { color: v.v } };
            default: return v;
        }
    };
    const columns = [];
    const categories = [];
    const values = [];
    fuzzCase.columns.forEach((c, index) => {
        const roles = {};
        for (const r of c.roles) roles[r] = true;
        const source = { displayName: decode(c.displayName), queryName: "Fuzz.c" + index, roles, index,
            type: c.category ? { text: true } : { numeric: true }, isMeasure: !c.category };
        if (c.format !== undefined) source.format = decode(c.format);
        columns.push(source);
        const data = c.values.map(decode);
        if (c.category) {
            categories.push({ source, values: data, identity: data.map((_, i) => ({ key: "c" + index + "r" + i })), identityFields: [{ ref: "c" + index }] });
        } else {
            const column = { source, values: data };
            if (c.highlights) column.highlights = c.highlights.map(decode);
            values.push(column);
        }
    });
    values.grouped = () => [{ values: values.slice() }];
    const objects = {};
    for (const [name, props] of Object.entries(fuzzCase.objects)) {
        objects[name] = {};
        for (const [p, v] of Object.entries(props)) objects[name][p] = decode(v);
    }
    const metadata = { columns, objects };
    if (fuzzCase.segment) metadata.segment = {};
    const dataView = { metadata, categorical: { categories, values } };
    const host = visual.host;
    if (host) host.locale = fuzzCase.locale === null ? "en-GB" : decode(fuzzCase.locale);
    const counters = preview.log.counters;
    const before = { started: counters.renderingStarted || 0, finished: counters.renderingFinished || 0, failed: counters.renderingFailed || 0 };
    const seq = preview.log.lastSeq;
    let threw = null;
    try {
        visual.update({ viewport: { width: fuzzCase.width, height: fuzzCase.height }, dataViews: [dataView], type: 2,
            viewMode: 0, editMode: 0, operationKind: 0, isInFocus: false, jsonFilters: [] });
    } catch (error) {
        threw = String(error && error.stack || error);
    }
    if (threw) problems.push("update threw: " + threw);
    const started = (counters.renderingStarted || 0) - before.started;
    const finished = (counters.renderingFinished || 0) - before.finished;
    const failed = (counters.renderingFailed || 0) - before.failed;
    if (started !== 1 || finished + failed !== 1) problems.push("rendering events: " + started + " started, " + finished + " finished, " + failed + " failed");
    const root = document.querySelector(".kpi-tiles-root");
    const tiles = root ? Array.from(root.querySelectorAll(".kpi-tile")) : [];
    for (const tile of tiles.slice(0, fuzzCase.focus)) tile.focus();
    if (document.activeElement && document.activeElement.blur) document.activeElement.blur();
    const FORBIDDEN = new Set(["script", "img", "image", "iframe", "object", "embed", "foreignobject", "a", "use", "link", "style", "base",
        "form", "input", "video", "audio", "animate", "set", "meta", "feimage"]);
    const FETCHING = new Set(["style", "fill", "stroke", "href", "xlink:href", "src", "srcset", "action", "formaction", "filter", "mask",
        "clip-path", "marker-start", "marker-mid", "marker-end", "cursor", "background", "poster", "data", "ping"]);
    for (const el of root ? root.querySelectorAll("*") : []) {
        const tag = el.tagName.toLowerCase();
        if (FORBIDDEN.has(tag)) problems.push("element built from data: <" + tag + ">");
        for (const attr of el.attributes) {
            const name = attr.name.toLowerCase();
            const value = attr.value;
            if (name.startsWith("on")) problems.push("event handler attribute " + name + " on <" + tag + ">");
            // Text attributes (title, aria-*, data-*) may hold any data as text; these can fetch or run.
            if (FETCHING.has(name) && /url\s*\(|javascript:|expression\s*\(|image-set|@import/i.test(value)) {
                problems.push("attribute " + name + " on <" + tag + "> can fetch or run: " + value.slice(0, 120));
            }
            if (el instanceof SVGElement && /NaN|Infinity/.test(value) && name !== "aria-label") {
                problems.push("attribute " + name + " on <" + tag + "> is not a number: " + value.slice(0, 120));
            }
        }
    }
    if (window.__fuzzInjected !== undefined || window.parent.__fuzzInjected !== undefined) problems.push("data ran as script");
    const shown = root ? root.textContent || "" : "";
    const tooltips = preview.log.since(seq, "tooltipShow").map(e => e.text).join(" | ");
    for (const [where, text] of [["tile text", shown], ["tooltip", tooltips]]) {
        const bad = /NaN\/NaN|Invalid Date|Invalid time value|\[object Object\]/.exec(text);
        if (bad) problems.push(where + " shows " + JSON.stringify(bad[0]));
    }
    const errorState = root ? root.querySelector(".kpi-error") : null;
    const drawn = (selector) => (root ? root.querySelectorAll(selector).length : 0);
    return { problems, failed: failed > 0 || errorState !== null, errorText: errorState ? errorState.textContent : null,
        tiles: tiles.length, strips: drawn(".kpi-benchmark__strip"), sparklines: drawn(".kpi-sparkline") };
}`;
