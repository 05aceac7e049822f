export { TileRenderer } from "./renderTiles";
export type { DrawnTile } from "./renderTiles";
export { themeFrom } from "./theme";
export type { Theme } from "./theme";
export { filterTiles, sortTiles, groupTiles } from "./order";
export { countByStatus } from "./summary";
