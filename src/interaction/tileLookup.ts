import { InteractiveTile, TileSurface } from "./contract";

/**
 * The tiles of the latest render, findable from any DOM node inside them. Event handlers are
 * delegated from the root, so each event is mapped back to its tile here; replacing the list
 * on every bind is what keeps handlers from ever pointing at tiles of an earlier update.
 */
export class TileLookup {
    private ordered: readonly InteractiveTile[] = [];
    private readonly byElement = new Map<Element, InteractiveTile>();
    /** The renderer's whole list, when it builds only some of the tiles. */
    surface: TileSurface | undefined;

    constructor(private readonly root: HTMLElement) { }

    replace(tiles: readonly InteractiveTile[]): void {
        this.ordered = tiles.slice();
        this.byElement.clear();
        for (const tile of this.ordered) this.byElement.set(tile.element, tile);
    }

    /** Tiles in reading order. */
    get tiles(): readonly InteractiveTile[] {
        return this.ordered;
    }

    /** The tile containing `target`, or undefined for the empty space between and around tiles. */
    fromEventTarget(target: EventTarget | null): InteractiveTile | undefined {
        let node: Node | null = target instanceof Node ? target : null;
        while (node !== null && node !== this.root) {
            if (node instanceof Element) {
                const tile = this.byElement.get(node);
                if (tile !== undefined) return tile;
            }
            node = node.parentNode;
        }
        return undefined;
    }

    byKey(key: string | undefined): InteractiveTile | undefined {
        if (key === undefined) return undefined;
        return this.ordered.find(tile => tile.key === key);
    }

    indexOf(tile: InteractiveTile): number {
        return this.ordered.indexOf(tile);
    }
}
