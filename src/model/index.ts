export * from "./types";
export * from "./roles";
export { buildViewModel, SUMMARY_ORDER } from "./buildViewModel";
export type { ModelContext, SelectionIdFactory } from "./buildViewModel";
export { NumberText } from "./numberText";
export { ModelCache } from "./modelCache";
