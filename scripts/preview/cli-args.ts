/** The few command-line options of the preview, snapshot and benchmark commands. */
export interface CliOptions {
    readonly data?: string;
    readonly port?: number;
    readonly out?: string;
    readonly width?: number;
    readonly height?: number;
    readonly contrast?: string;
    readonly build: boolean;
    readonly help: boolean;
    readonly runs?: number;
    /** A .pbiviz to preview instead of the newest in dist/. */
    readonly pbiviz?: string;
    /** The snapshot's and the pack's selection: a view of the tiles, a service area, a period, a locale. */
    readonly view?: string;
    readonly service?: string;
    readonly period?: string;
    readonly locale?: string;
    /** The benchmark's cases, by number of KPIs ("100,1000"); all when absent. */
    readonly cases?: string;
}

export function parseArgs(argv: readonly string[]): CliOptions {
    const values: Record<string, string> = {};
    const flags = new Set<string>();
    for (let i = 0; i < argv.length; i++) {
        const arg = argv[i];
        if (!arg.startsWith("--")) throw new Error(`unexpected argument "${arg}"`);
        const [name, inline] = arg.slice(2).split("=", 2);
        if (["help", "no-build"].includes(name)) { flags.add(name); continue; }
        const value = inline ?? argv[++i];
        if (value === undefined) throw new Error(`--${name} needs a value`);
        values[name] = value;
    }
    const number = (name: string): number | undefined => {
        if (values[name] === undefined) return undefined;
        const n = Number(values[name]);
        if (!Number.isInteger(n) || n < 0) throw new Error(`--${name} must be a whole number, not "${values[name]}"`);
        return n;
    };
    const known = new Set(["data", "port", "out", "width", "height", "contrast", "runs", "pbiviz", "view", "service", "period", "locale", "cases"]);
    for (const name of Object.keys(values)) if (!known.has(name)) throw new Error(`unknown option --${name}`);
    return {
        data: values.data,
        port: number("port"),
        out: values.out,
        width: number("width"),
        height: number("height"),
        contrast: values.contrast,
        runs: number("runs"),
        pbiviz: values.pbiviz,
        view: values.view,
        service: values.service,
        period: values.period,
        locale: values.locale,
        cases: values.cases,
        build: !flags.has("no-build"),
        help: flags.has("help"),
    };
}
