import "./../style/visual.less";
import powerbi from "powerbi-visuals-api";
import { FormattingSettingsService } from "powerbi-visuals-utils-formattingmodel";

import { Localiser } from "./i18n/localiser";
import { buildViewModel, ModelCache, SelectionIdFactory, ViewModel } from "./model";
import { SegmentLoader } from "./model/segments";
import { DrawnTile, Theme, TileRenderer, themeFrom } from "./render";
import type { TileColouring } from "./render/renderTiles";
import { conditionalColours, KpiColours } from "./model/conditionalColours";
import { Status } from "./rules";
import { InteractionOptions, InteractiveTile, TileInteractions, TileSurface } from "./interaction";
import { TileOptions, tileOptionsFrom, VisualSettings } from "./settings";

import IVisual = powerbi.extensibility.visual.IVisual;
import IVisualHost = powerbi.extensibility.visual.IVisualHost;
import VisualConstructorOptions = powerbi.extensibility.visual.VisualConstructorOptions;
import VisualUpdateOptions = powerbi.extensibility.visual.VisualUpdateOptions;
import ISelectionManager = powerbi.extensibility.ISelectionManager;
import ILocalizationManager = powerbi.extensibility.ILocalizationManager;

/**
 * The RAG KPI tiles visual. Thin on purpose: the view model (src/model), drawing (src/render)
 * and interaction (src/interaction) do the work; this class wires them to the host and makes
 * sure every update reports a rendering event and never throws.
 */
export class Visual implements IVisual {
    private readonly host: IVisualHost;
    private readonly selectionManager: ISelectionManager;
    private readonly localizationManager: ILocalizationManager;
    private readonly formattingSettingsService: FormattingSettingsService;
    private readonly renderer: TileRenderer;
    private readonly interactions: TileInteractions | null;
    /** Tiles of unchanged KPIs are reused between updates of this instance. */
    private readonly modelCache = new ModelCache();
    /** Asks Power BI for the rest of a query larger than one window (capabilities: window of 30,000 rows). */
    private readonly segments: SegmentLoader;
    /** The model of the last update that built one: an update that only resizes the visual draws it again. */
    private lastModel: ViewModel | null = null;
    private settings = new VisualSettings();
    /** One interaction record per drawn tile object, so the interaction layer sees the same tile across scrolls. */
    private interactive = new WeakMap<object, InteractiveTile>();
    private readonly surface: TileSurface;

    constructor(options?: VisualConstructorOptions) {
        // Power BI always passes the options; the generated plugin types them as optional.
        const { host, element } = options as VisualConstructorOptions;
        this.host = host;
        this.localizationManager = this.host.createLocalizationManager();
        this.selectionManager = this.host.createSelectionManager();
        this.formattingSettingsService = new FormattingSettingsService(this.localizationManager);
        this.renderer = new TileRenderer(element);
        this.segments = new SegmentLoader(typeof host.fetchMoreData === "function" ? aggregate => host.fetchMoreData(aggregate) : undefined);
        let interactions: TileInteractions | null = null;
        try {
            interactions = new TileInteractions(this.host, this.selectionManager, this.renderer.root);
        } catch {
            interactions = null;
        }
        this.interactions = interactions;
        const renderer = this.renderer;
        this.surface = {
            get count() { return renderer.count; },
            indexOfKey: key => renderer.indexOfKey(key),
            neighbour: (index, direction) => renderer.neighbour(index, direction),
            reveal: index => (renderer.reveal(index) ? renderer.keyAt(index) : undefined),
        };
        // Scrolling builds and drops tiles: the interaction layer follows.
        renderer.onBuiltChange = () => this.interactions?.refresh(this.interactiveTiles(renderer.builtTiles()));
    }

    /** Per-KPI themes for the KPIs conditional formatting (fx) colours; high contrast keeps the host's colours. */
    private colouring(colours: ReadonlyMap<string, KpiColours>, tileOptions: TileOptions, theme: Theme): TileColouring | undefined {
        if (colours.size === 0 || theme.highContrast) return undefined;
        const themes = new Map<string, Theme>();
        const palette = this.host.colorPalette;
        const own = (c: KpiColours): Record<Status, string> => {
            const base = tileOptions.statusColours;
            const notRated = c.notRated ?? base["not-rated"];
            const noData = c.noData ?? base["no-data"];
            return {
                "blue": c.blue ?? base.blue, "green": c.green ?? base.green, "amber": c.amber ?? base.amber, "red": c.red ?? base.red,
                "not-rated": notRated, "no-target": notRated, "no-data": noData, "unrecognised": noData,
            };
        };
        return {
            key: JSON.stringify([...colours]),
            themeFor: tile => {
                const c = colours.get(tile.key);
                if (!c || Object.keys(c).every(k => k === "accent")) return null;
                const key = JSON.stringify(c);
                let made = themes.get(key);
                if (!made) themes.set(key, made = themeFrom(palette, { ...tileOptions, statusColours: own(c) }));
                return made;
            },
            accentFor: tile => colours.get(tile.key)?.accent ?? null,
        };
    }

    private interactiveTiles(drawn: readonly DrawnTile[]): InteractiveTile[] {
        return drawn.map(({ tile, element }) => {
            const known = this.interactive.get(tile);
            if (known && known.element === element) return known;
            const made: InteractiveTile = {
                element, key: tile.key,
                // Read lazily: the model makes the selection id and the tooltip lines on first use (a kept tile's id follows the latest update).
                get selectionId() { return tile.selectionId; },
                get tooltipItems() { return tile.tooltipItems; },
                dimmedByHighlight: tile.dimmedByHighlight,
            };
            this.interactive.set(tile, made);
            return made;
        });
    }

    private localiser(): Localiser {
        const locale = typeof this.host.locale === "string" && this.host.locale !== "" ? this.host.locale : "en-US";
        return new Localiser(this.localizationManager, locale);
    }

    public update(options: VisualUpdateOptions): void {
        const events = this.host.eventService;
        events?.renderingStarted(options);
        const t = this.localiser();
        try {
            const dataView = options?.dataViews?.[0];
            this.settings = this.formattingSettingsService.populateFormattingSettingsModel(VisualSettings, dataView as powerbi.DataView);
            const tileOptions = tileOptionsFrom(this.settings);
            const rows = this.segments.next(dataView, options ?? {});
            if (rows.kind === "loading") {
                // The tiles wait for every row: a KPI split across two windows would be rated on part of its periods.
                // Tiles already drawn (a slicer moved) stay, with their interactions, until the new query is complete.
                if (!this.renderer.renderLoading(rows.rows, t)) {
                    this.lastModel = null;
                    this.interactions?.bind([], { allowInteractions: false, highContrast: false });
                }
                events?.renderingFinished(options);
                return;
            }
            const createSelectionId: SelectionIdFactory = (column, row) =>
                this.host.createSelectionIdBuilder().withCategory(column, row).createSelectionId();
            // Resize and ResizeEnd only (VisualUpdateType 4 and 32): the data and settings are those of the last update.
            const type: number | undefined = options?.type;
            const resizeOnly = typeof type === "number" && type !== 0 && (type & ~(4 | 32)) === 0;
            const model = resizeOnly && this.lastModel ? this.lastModel
                : buildViewModel(dataView, { t, options: tileOptions, createSelectionId, cache: this.modelCache });
            this.lastModel = model;
            const theme = themeFrom(this.host.colorPalette, tileOptions);
            const drawn = this.renderer.render(model, tileOptions, theme, t, options?.viewport,
                this.colouring(conditionalColours(dataView as powerbi.DataView | undefined), tileOptions, theme));
            if (model.kind === "tiles" && model.reduced) {
                // The notice above the tiles says the same; the host's warning icon shows it on the visual header too.
                this.host.displayWarningIcon?.(t.text("Warning_Reduced"), t.format("Notice_Reduced", model.reduced.deliveredRows.toLocaleString(t.locale)));
            }
            const interactionOptions: InteractionOptions = { allowInteractions: this.host.hostCapabilities?.allowInteractions !== false, highContrast: theme.highContrast };
            this.interactions?.bind(this.interactiveTiles(drawn), interactionOptions, this.surface);
            events?.renderingFinished(options);
        } catch (error) {
            this.lastModel = null;
            const reason = error instanceof Error ? error.message : String(error);
            try {
                this.renderer.renderError(reason, t);
                this.interactions?.bind([], { allowInteractions: false, highContrast: false });
            } catch {
                // The error state itself could not be drawn; the host is still told below.
            }
            events?.renderingFailed(options, reason);
        }
    }

    public getFormattingModel(): powerbi.visuals.FormattingModel {
        return this.formattingSettingsService.buildFormattingModel(this.settings);
    }

    public destroy(): void {
        this.interactions?.destroy();
    }
}
