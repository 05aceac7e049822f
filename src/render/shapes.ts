import { Status } from "../rules";
import { appendCopy, detachedSvg } from "./dom";

/** Path data of each status shape in a 16 x 16 box. Colour is never the only signal. */
export const STATUS_SHAPE: Readonly<Record<Status, { readonly d: string; readonly filled: boolean; readonly name: string }>> = {
    "green": { d: "M8 1.5a6.5 6.5 0 1 0 0.001 0Z", filled: true, name: "circle" },
    "amber": { d: "M8 1.5 15 14.5H1Z", filled: true, name: "triangle" },
    "red": { d: "M8 0.8 15.2 8 8 15.2 0.8 8Z", filled: true, name: "diamond" },
    "blue": { d: "M8 0.8 10.1 5.6 15.3 6.1 11.4 9.6 12.5 14.8 8 12.1 3.5 14.8 4.6 9.6 0.7 6.1 5.9 5.6Z", filled: true, name: "star" },
    "not-rated": { d: "M8 2.5a5.5 5.5 0 1 0 0.001 0Z", filled: false, name: "ring" },
    // No target: the ring struck through (nothing to rate against), unlike Not rated's plain ring.
    "no-target": { d: "M8 2.5a5.5 5.5 0 1 0 0.001 0ZM4.1 11.9 11.9 4.1", filled: false, name: "slashed-ring" },
    "no-data": { d: "M2.5 8H13.5", filled: false, name: "dash" },
    "unrecognised": { d: "M5.2 5.6a2.8 2.8 0 1 1 4 2.5c-0.8 0.4-1.2 1-1.2 1.8V11M8 13.2v0.8", filled: false, name: "question" },
};

/** Append a status shape (an svg with one path) to `container`, coloured `colour`. */
export function appendStatusShape(container: Element, status: Status, colour: string, size: number): void {
    appendCopy(container, `shape\u0001${status}\u0001${colour}\u0001${size}`, doc => {
        const shape = STATUS_SHAPE[status];
        const box = detachedSvg(doc, "svg", {
            "class": `kpi-shape kpi-shape--${shape.filled ? "filled" : "outline"}`, "viewBox": "0 0 16 16",
            "width": size, "height": size, "aria-hidden": "true", "focusable": "false", "data-shape": shape.name,
        });
        box.appendChild(detachedSvg(doc, "path", { d: shape.d, fill: shape.filled ? colour : "none", stroke: colour }));
        return box;
    });
}
