import { KpiDefinition, KpiDictionary } from "../dictionary/types";
import { genericMeasures } from "./generic";
import { pathToGreenMeasures } from "./pathToGreen";
import { qualityMeasures } from "./quality";
import { MeasureDefinition } from "./measure";
import { perKpiMeasures } from "./perKpi";

/** Every measure for a dictionary: the generic family, the path to green, then each per-KPI family in dictionary order. */
export function allMeasures(dictionary: KpiDictionary): MeasureDefinition[] {
    const perKpi = dictionary.kpis.filter(hasOwnMeasures).flatMap(perKpiMeasures);
    return [...fixedMeasures(dictionary), ...perKpi];
}

/** The measures every dictionary gets (the generic family, data quality, the path to green), in order. */
export function fixedMeasures(dictionary: KpiDictionary): MeasureDefinition[] {
    return [...genericMeasures(dictionary.kpis), ...qualityMeasures(), ...pathToGreenMeasures()];
}

/** A KPI with an actual of its own (actualExpression or sourceColumn) gets its own family of measures. */
export function hasOwnMeasures(kpi: KpiDefinition): boolean {
    return kpi.actualExpression !== null || kpi.sourceColumn !== null;
}
