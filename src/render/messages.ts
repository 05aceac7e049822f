import { Localiser } from "../i18n/localiser";
import { StringKey } from "../i18n/strings";
import { RoleName, ROLES } from "../model/roles";
import { html } from "./dom";

function roleName(t: Localiser, role: RoleName): string {
    const key = `Role_${role.charAt(0).toUpperCase()}${role.slice(1)}` as StringKey;
    return t.text(key);
}

const DESCRIBED: readonly RoleName[] = ["kpi", "actual", "group", "period", "polarity", "tolerancePct", "previous", "format"];

/** Landing page: what the visual does, which required fields are missing, what the others add. */
export function drawLanding(container: HTMLElement, missing: readonly RoleName[], t: Localiser): void {
    container.setAttribute("class", "kpi-message kpi-landing");
    container.replaceChildren();
    html(container, "h2", "kpi-message__title", t.text("Landing_Title"));
    html(container, "p", null, t.text("Landing_Intro"));
    if (missing.length > 0) {
        html(container, "p", "kpi-landing__missing", t.format("Landing_Missing", t.list(missing.map(r => roleName(t, r)))));
    }
    html(container, "p", null, t.text("Landing_Optional"));
    const list = html(container, "ul", "kpi-landing__roles");
    for (const role of ROLES) {
        if (missing.includes(role)) continue;
        const name = roleName(t, role);
        const description = DESCRIBED.includes(role)
            ? t.text(`Role_${role.charAt(0).toUpperCase()}${role.slice(1)}_Description` as StringKey) : null;
        html(list, "li", null, description ? `${name}: ${description}` : name);
    }
}

export function drawMessage(container: HTMLElement, titleKey: StringKey, body: string, kind: string, t: Localiser): void {
    container.setAttribute("class", `kpi-message kpi-${kind}`);
    container.setAttribute("role", "status");
    container.replaceChildren();
    html(container, "h2", "kpi-message__title", t.text(titleKey));
    html(container, "p", null, body);
}
