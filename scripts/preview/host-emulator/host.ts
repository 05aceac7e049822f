/**
 * The IVisualHost the preview hands the visual: every service a Power BI host provides, each
 * either doing what Power BI does (selection ids and manager, tooltips, rendering events,
 * colour palette, locale, localisation, persisted properties) or, where there is no Power BI
 * service behind the preview (URLs, downloads, storage, licences), logging the call and
 * answering as Power BI does when the service is unavailable.
 */
import type { EventLog } from "./event-log";
import type { TooltipBox, TooltipItem } from "./overlays";
import { createColorPalette, ContrastMode } from "./palette";
import { PreviewSelectionIdBuilder, SelectionState } from "./selection";

export interface PersistChanges {
    merge?: { objectName: string; selector?: unknown; properties: Record<string, unknown> }[];
    replace?: { objectName: string; selector?: unknown; properties: Record<string, unknown> }[];
    remove?: { objectName: string; selector?: unknown; properties: Record<string, unknown> }[];
}

export interface HostContext {
    readonly log: EventLog;
    readonly selection: SelectionState;
    readonly tooltip: TooltipBox;
    readonly contrast: ContrastMode;
    readonly locale: string;
    readonly stringResources: Record<string, Record<string, string>>;
    readonly allowInteractions: boolean;
    readonly instanceId: string;
    readonly onPersist: (changes: PersistChanges) => void;
    readonly onRendering: (name: "renderingStarted" | "renderingFinished" | "renderingFailed", reason?: string) => void;
    /** host.fetchMoreData: the runner serves the query's next window (segments.ts); absent: every row came at once. */
    readonly fetchMoreData?: (aggregateSegments: boolean) => boolean;
}

interface TooltipOptions {
    coordinates?: number[];
    dataItems?: TooltipItem[];
    identities?: { toString(): string }[];
    isTouchEvent?: boolean;
}

const PRIVILEGE_NOT_SUPPORTED = 2;

function describeItems(items: readonly TooltipItem[] | undefined): string {
    return (items ?? []).map(i => `${String(i.displayName ?? "")}: ${String(i.value ?? "")}`).join(" | ");
}

/** Look a key up in the package's string resources: the locale, its language, then en-US. */
export function localise(resources: Record<string, Record<string, string>>, locale: string, key: string): string {
    const language = locale.split("-")[0].toLowerCase();
    const sameLanguage = Object.keys(resources).find(l => l.split("-")[0].toLowerCase() === language);
    return resources[locale]?.[key]
        ?? (sameLanguage ? resources[sameLanguage]?.[key] : undefined)
        ?? resources["en-US"]?.[key]
        ?? key;
}

export function createHost(ctx: HostContext): Record<string, unknown> {
    const { log } = ctx;
    const unavailable = (service: string) => (): Promise<never> => {
        log.add("host", service, "not available in the offline preview");
        return Promise.reject(new Error(`${service} is not available in the offline preview`));
    };
    const tooltipService = {
        enabled: (): boolean => true,
        show(options: TooltipOptions): void {
            const [x, y] = options.coordinates ?? [0, 0];
            ctx.tooltip.show(options.dataItems ?? [], x, y);
            log.add("tooltip", "tooltipShow", describeItems(options.dataItems), {
                items: (options.dataItems ?? []).map(i => ({ displayName: i.displayName, value: i.value, header: i.header })),
                identities: (options.identities ?? []).map(i => i.toString()),
                coordinates: options.coordinates,
            });
        },
        move(options: TooltipOptions): void {
            const [x, y] = options.coordinates ?? [0, 0];
            ctx.tooltip.move(options.dataItems, x, y);
            log.add("tooltip", "tooltipMove", `${Math.round(x)}, ${Math.round(y)}`);
        },
        hide(options?: { immediately?: boolean }): void {
            ctx.tooltip.hide();
            log.add("tooltip", "tooltipHide", options?.immediately ? "immediately" : "");
        },
    };
    const eventService = {
        renderingStarted(): void {
            log.add("rendering", "renderingStarted", "");
            ctx.onRendering("renderingStarted");
        },
        renderingFinished(): void {
            log.add("rendering", "renderingFinished", "");
            ctx.onRendering("renderingFinished");
        },
        renderingFailed(_options: unknown, reason?: string): void {
            log.add("rendering", "renderingFailed", reason ?? "(no reason given)");
            ctx.onRendering("renderingFailed", reason);
        },
    };
    return {
        instanceId: ctx.instanceId,
        locale: ctx.locale,
        hostEnv: 1,
        hostCapabilities: { allowInteractions: ctx.allowInteractions, allowModalDialog: false },
        colorPalette: createColorPalette(ctx.contrast),
        createSelectionIdBuilder: () => new PreviewSelectionIdBuilder(),
        createSelectionManager: () => ctx.selection.createManager(),
        createLocalizationManager: () => ({
            getDisplayName: (key: string): string => localise(ctx.stringResources, ctx.locale, key),
        }),
        tooltipService,
        eventService,
        persistProperties(changes: PersistChanges): void {
            log.add("host", "persistProperties", JSON.stringify(changes));
            ctx.onPersist(changes);
        },
        applyJsonFilter(filter: unknown, objectName: string, propertyName: string, action: number): void {
            log.add("host", "applyJsonFilter", `${objectName}.${propertyName} action ${action}: ${JSON.stringify(filter)}`);
        },
        launchUrl(url: string): void {
            log.add("host", "launchUrl", `${String(url)} (not opened: the preview never leaves localhost)`);
        },
        fetchMoreData(aggregateSegments?: boolean): boolean {
            if (ctx.fetchMoreData) return ctx.fetchMoreData(aggregateSegments !== false);
            log.add("host", "fetchMoreData", "no more data: the preview delivers every row at once");
            return false;
        },
        refreshHostData(): void {
            log.add("host", "refreshHostData", "");
        },
        displayWarningIcon(hoverText: string, detailedText: string): void {
            log.add("host", "displayWarningIcon", `${hoverText}: ${detailedText}`);
        },
        switchFocusModeState(on: boolean): void {
            log.add("host", "switchFocusModeState", String(on));
        },
        drill(args: unknown): void {
            log.add("host", "drill", JSON.stringify(args));
        },
        setCanDrill(allowed: boolean): void {
            log.add("host", "setCanDrill", String(allowed));
        },
        applyCustomSort(args: unknown): void {
            log.add("host", "applyCustomSort", JSON.stringify(args));
        },
        openModalDialog: unavailable("openModalDialog"),
        telemetry: { instanceId: ctx.instanceId, trace: (type: unknown, payload?: string) => log.add("host", "telemetry", `${String(type)} ${payload ?? ""}`) },
        authenticationService: { getAADToken: unavailable("authenticationService.getAADToken") },
        acquireAADTokenService: { acquireAADToken: unavailable("acquireAADTokenService"), acquireAADTokenstatus: () => Promise.resolve(PRIVILEGE_NOT_SUPPORTED) },
        downloadService: {
            exportStatus: () => Promise.resolve(PRIVILEGE_NOT_SUPPORTED),
            exportVisualsContent: unavailable("downloadService.exportVisualsContent"),
            exportVisualsContentExtended: unavailable("downloadService.exportVisualsContentExtended"),
        },
        storageV2Service: {
            status: () => Promise.resolve(PRIVILEGE_NOT_SUPPORTED),
            get: unavailable("storageV2Service.get"),
            set: unavailable("storageV2Service.set"),
            remove: () => undefined,
        },
        webAccessService: { webAccessStatus: () => Promise.resolve(PRIVILEGE_NOT_SUPPORTED) },
        licenseManager: {
            getAvailableServicePlans: () => Promise.resolve({ plans: [], isLicenseUnsupportedEnv: true, isLicenseInfoAvailable: false }),
            notifyLicenseRequired: () => Promise.resolve(false),
            notifyFeatureBlocked: () => Promise.resolve(false),
            clearLicenseNotification: () => Promise.resolve(true),
        },
        subSelectionService: {
            subSelect: (args: unknown) => log.add("host", "subSelect", JSON.stringify(args)),
            updateRegionOutlines: () => undefined,
        },
    };
}
