import { select } from "d3-selection";
import { Localiser } from "../i18n/localiser";
import { StringKey } from "../i18n/strings";
import { RoleName, ROLES } from "../model/roles";

function roleName(t: Localiser, role: RoleName): string {
    const key = `Role_${role.charAt(0).toUpperCase()}${role.slice(1)}` as StringKey;
    return t.text(key);
}

const DESCRIBED: readonly RoleName[] = ["kpi", "actual", "group", "period", "polarity", "tolerancePct", "previous", "format"];

/** Landing page: what the visual does, which required fields are missing, what the others add. */
export function drawLanding(container: HTMLElement, missing: readonly RoleName[], t: Localiser): void {
    const box = select<HTMLElement, unknown>(container).attr("class", "kpi-message kpi-landing");
    box.selectAll("*").remove();
    box.append("h2").attr("class", "kpi-message__title").text(t.text("Landing_Title"));
    box.append("p").text(t.text("Landing_Intro"));
    if (missing.length > 0) {
        box.append("p").attr("class", "kpi-landing__missing").text(t.format("Landing_Missing", t.list(missing.map(r => roleName(t, r)))));
    }
    box.append("p").text(t.text("Landing_Optional"));
    const list = box.append("ul").attr("class", "kpi-landing__roles");
    for (const role of ROLES) {
        if (missing.includes(role)) continue;
        const name = roleName(t, role);
        const description = DESCRIBED.includes(role)
            ? t.text(`Role_${role.charAt(0).toUpperCase()}${role.slice(1)}_Description` as StringKey) : null;
        list.append("li").text(description ? `${name}: ${description}` : name);
    }
}

export function drawMessage(container: HTMLElement, titleKey: StringKey, body: string, kind: string, t: Localiser): void {
    const box = select<HTMLElement, unknown>(container).attr("class", `kpi-message kpi-${kind}`).attr("role", "status");
    box.selectAll("*").remove();
    box.append("h2").attr("class", "kpi-message__title").text(t.text(titleKey));
    box.append("p").text(body);
}
