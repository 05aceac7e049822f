/**
 * The rating rules (docs/rating-rules.md explains them, docs/rating-decisions.md records each
 * interpretation; the specification is
 * rating-rules.md in the project's shared folder). Pure functions: no DOM, no Power BI.
 * The visual (src/model) and the DAX generator (dax/) both use this module.
 */
export * from "./values";
export * from "./polarity";
export * from "./status";
export * from "./direction";
export * from "./benchmark";
export * from "./precision";
export * from "./gap";
export * from "./periods";
export * from "./tolerance";
export * from "./quality";
