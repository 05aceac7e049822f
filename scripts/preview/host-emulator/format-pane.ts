/**
 * The formatting pane: the cards the visual returns from getFormattingModel(), drawn as form
 * inputs. A change is written where Power BI writes it, dataView.metadata.objects
 * [objectName][propertyName] (colours as { solid: { color } }), and the visual is updated.
 * Per-instance selectors are not emulated: every value is stored at the visual level. Colours
 * that allow conditional formatting (instanceKind Rule or ConstantOrRule) get an fx select: the
 * colour from a field's value per data point (fx.ts evaluates it as the host does).
 */
type Json = Record<string, unknown>;

interface Descriptor { objectName: string; propertyName: string; selector?: unknown }
interface SimpleControl { type: string; properties: Json & { descriptor?: Descriptor; value?: unknown } }

export type FormatChange = (descriptor: Descriptor, value: unknown) => void;

interface EnumItem { value: string | number; displayName: unknown }

function text(value: unknown): string {
    if (typeof value === "string") return value;
    if (typeof value === "function") return String((value as () => unknown)());
    return value === undefined || value === null ? "" : String(value);
}

function enumeration(capabilities: Json, descriptor: Descriptor): EnumItem[] {
    const objects = capabilities.objects as Record<string, { properties?: Record<string, { type?: { enumeration?: EnumItem[] } }> }> | undefined;
    return objects?.[descriptor.objectName]?.properties?.[descriptor.propertyName]?.type?.enumeration ?? [];
}

/** powerbi.VisualEnumerationInstanceKinds: Rule = 2, ConstantOrRule = 3. */
function allowsRules(descriptor: Descriptor): boolean {
    const kind = (descriptor as Descriptor & { instanceKind?: number }).instanceKind;
    return kind === 2 || kind === 3;
}

/**
 * Conditional formatting (fx) "Field value": the colour of each data point is the value of a
 * field. The rule is stored as `{ fx: { role } }` and evaluated per row by fx.ts; "(none)" goes
 * back to the constant colour.
 */
function fxSelect(label: string, descriptor: Descriptor, capabilities: Json, onChange: FormatChange): HTMLElement {
    const select = document.createElement("select");
    select.className = "format-fx";
    select.dataset.object = descriptor.objectName;
    select.dataset.property = descriptor.propertyName;
    select.setAttribute("aria-label", `${label}: conditional formatting (fx), field value`);
    const none = document.createElement("option");
    none.value = "";
    none.textContent = "fx: (none)";
    select.append(none);
    for (const role of (capabilities.dataRoles as { name: string; displayName?: string }[] | undefined) ?? []) {
        const option = document.createElement("option");
        option.value = role.name;
        option.textContent = `fx: ${role.displayName ?? role.name}`;
        select.append(option);
    }
    select.addEventListener("change", () => onChange(descriptor, select.value === "" ? undefined : { fx: { role: select.value } }));
    return select;
}

let inputCounter = 0;

function labelled(label: string, input: HTMLElement, descriptor: Descriptor | undefined): HTMLElement {
    const row = document.createElement("div");
    row.className = "format-row";
    const id = `fmt-${++inputCounter}`;
    input.id = id;
    if (descriptor) {
        input.dataset.object = descriptor.objectName;
        input.dataset.property = descriptor.propertyName;
    }
    const l = document.createElement("label");
    l.htmlFor = id;
    l.textContent = label;
    row.append(l, input);
    return row;
}

function simpleInput(control: SimpleControl, label: string, capabilities: Json, onChange: FormatChange): HTMLElement | null {
    const { descriptor, value } = control.properties;
    if (!descriptor) return null;
    switch (control.type) {
        case "ToggleSwitch":
        case "ToggleButton": {
            const input = document.createElement("input");
            input.type = "checkbox";
            input.checked = value === true;
            input.addEventListener("change", () => onChange(descriptor, input.checked));
            return labelled(label, input, descriptor);
        }
        case "NumUpDown":
        case "Slider": {
            const input = document.createElement("input");
            input.type = "number";
            input.value = typeof value === "number" ? String(value) : "";
            const options = control.properties.options as { minValue?: { value: number }; maxValue?: { value: number } } | undefined;
            if (options?.minValue) input.min = String(options.minValue.value);
            if (options?.maxValue) input.max = String(options.maxValue.value);
            input.addEventListener("change", () => {
                const n = Number(input.value);
                if (input.value !== "" && Number.isFinite(n)) onChange(descriptor, n);
            });
            return labelled(label, input, descriptor);
        }
        case "ColorPicker": {
            const input = document.createElement("input");
            input.type = "color";
            const colour = (value as { value?: string } | undefined)?.value ?? "";
            input.value = /^#[0-9a-f]{6}$/i.test(colour) ? colour : "#000000";
            input.addEventListener("change", () => onChange(descriptor, { solid: { color: input.value } }));
            const row = labelled(label, input, descriptor);
            if (allowsRules(descriptor)) row.append(fxSelect(label, descriptor, capabilities, onChange));
            return row;
        }
        case "Dropdown":
        case "ItemDropdown":
        case "AutoDropdown":
        case "ItemFlagsSelection":
        case "AutoFlagsSelection":
        case "FlagsSelection": {
            const items = (control.properties.items as EnumItem[] | undefined) ?? enumeration(capabilities, descriptor);
            const current = value && typeof value === "object" ? (value as EnumItem).value : value;
            const select = document.createElement("select");
            for (const item of items) {
                const option = document.createElement("option");
                option.value = String(item.value);
                option.textContent = text(item.displayName);
                option.selected = item.value === current;
                select.append(option);
            }
            select.addEventListener("change", () => {
                const item = items.find(i => String(i.value) === select.value);
                if (item) onChange(descriptor, item.value);
            });
            return labelled(label, select, descriptor);
        }
        case "TextInput":
        case "TextArea":
        case "FontPicker": {
            const input = control.type === "TextArea" ? document.createElement("textarea") : document.createElement("input");
            input.value = typeof value === "string" ? value : "";
            if (input instanceof HTMLInputElement) input.type = "text";
            input.addEventListener("change", () => onChange(descriptor, input.value));
            return labelled(label, input, descriptor);
        }
        case "ReadOnlyText": {
            const span = document.createElement("output");
            span.textContent = text(value);
            return labelled(label, span, descriptor);
        }
        default: {
            const note = document.createElement("output");
            note.textContent = `(${control.type} is not editable in the preview)`;
            return labelled(label, note, descriptor);
        }
    }
}

function sliceElement(slice: Json, capabilities: Json, onChange: FormatChange): HTMLElement[] {
    const control = slice.control as SimpleControl | undefined;
    if (!control) return [];
    const label = text(slice.displayName) || text(control.properties?.descriptor?.propertyName);
    if (control.type === "FontControl" || control.type === "MarginPadding") {
        const parts: HTMLElement[] = [];
        for (const [name, part] of Object.entries(control.properties)) {
            if (!part || typeof part !== "object") continue;
            const partType = control.type === "MarginPadding" ? "NumUpDown"
                : name === "fontFamily" ? "FontPicker" : name === "fontSize" ? "NumUpDown" : "ToggleButton";
            const element = simpleInput({ type: partType, properties: part as SimpleControl["properties"] }, `${label} ${name}`, capabilities, onChange);
            if (element) parts.push(element);
        }
        return parts;
    }
    const element = simpleInput(control, label, capabilities, onChange);
    if (element && slice.disabled === true) element.querySelectorAll("input,select,textarea").forEach(i => ((i as HTMLInputElement).disabled = true));
    return element ? [element] : [];
}

/**
 * The formatting model as text, to tell whether the pane would draw anything different: every
 * value it draws from, display names given as functions included. null when it cannot be
 * written out (then the pane is always drawn again).
 */
export function formattingModelText(model: Json | undefined): string | null {
    try {
        return JSON.stringify(model ?? null, (_key, value: unknown) => (typeof value === "function" ? `fn:${text(value)}` : value)) ?? null;
    } catch {
        return null;
    }
}

/** Draw the formatting model. Returns the number of editable inputs drawn. */
export function renderFormatPane(pane: HTMLElement, model: Json | undefined, capabilities: Json, onChange: FormatChange): number {
    pane.replaceChildren();
    const cards = (model?.cards as Json[] | undefined) ?? [];
    if (cards.length === 0) {
        const note = document.createElement("p");
        note.textContent = "The visual returned no formatting cards.";
        pane.append(note);
        return 0;
    }
    for (const card of cards) {
        const details = document.createElement("details");
        details.className = "format-card";
        details.dataset.card = text(card.uid);
        const summary = document.createElement("summary");
        summary.textContent = text(card.displayName);
        details.append(summary);
        const toggle = card.topLevelToggle as Json | undefined;
        if (toggle) details.append(...sliceElement({ ...toggle, displayName: "On" }, capabilities, onChange));
        for (const group of (card.groups as Json[] | undefined) ?? []) {
            const fieldset = document.createElement("fieldset");
            const legend = document.createElement("legend");
            legend.textContent = text(group.displayName);
            fieldset.append(legend);
            const groupToggle = group.topLevelToggle as Json | undefined;
            if (groupToggle) fieldset.append(...sliceElement({ ...groupToggle, displayName: "On" }, capabilities, onChange));
            for (const slice of (group.slices as Json[] | undefined) ?? []) fieldset.append(...sliceElement(slice, capabilities, onChange));
            const containerItems = ((group.container as Json | undefined)?.containerItems as Json[] | undefined) ?? [];
            for (const item of containerItems) {
                for (const slice of (item.slices as Json[] | undefined) ?? []) fieldset.append(...sliceElement(slice, capabilities, onChange));
            }
            details.append(fieldset);
        }
        pane.append(details);
    }
    return pane.querySelectorAll("input,select,textarea").length;
}
