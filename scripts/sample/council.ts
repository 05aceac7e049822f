/**
 * The fictional council of the sample. Its name, officers and figures are invented; its
 * benchmarks are real published DfE figures, and its statistical neighbours are the real
 * neighbour group of a real authority (DfE model, May 2025) so the neighbour mean is a real one.
 */
import { quarters } from "./periods";

export const COUNCIL = {
    name: "Ashbury Borough Council",
    shortName: "Ashbury",
    /** Region used for the Region benchmark (as region_values.csv names it). */
    region: "West Midlands",
    /** The real authority whose published statistical-neighbour group Ashbury borrows. */
    neighbourTemplate: { laNumber: "894", laName: "Telford and Wrekin" },
    /** Children aged 0-17 (for rates per 10,000) by financial year start. */
    childPopulation: new Map<number, number>([[2023, 41_380], [2024, 41_610], [2025, 41_790]]),
    /** Children aged 10-17 (for first time entrants per 100,000). */
    youthPopulation: new Map<number, number>([[2023, 18_940], [2024, 19_120], [2025, 19_260]]),
} as const;

/** 2023/24 Q1 to 2025/26 Q2: ten quarters. */
export const SAMPLE_PERIODS = quarters(2023, 1, 10);

/** Seed of the generator; change it only on purpose (the committed files follow it). */
export const SAMPLE_SEED = 20250930;
