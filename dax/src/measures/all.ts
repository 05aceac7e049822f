import { KpiDictionary } from "../dictionary/types";
import { genericMeasures } from "./generic";
import { pathToGreenMeasures } from "./pathToGreen";
import { qualityMeasures } from "./quality";
import { MeasureDefinition } from "./measure";
import { perKpiMeasures } from "./perKpi";

/** Every measure for a dictionary: the generic family, the path to green, then each per-KPI family in dictionary order. */
export function allMeasures(dictionary: KpiDictionary): MeasureDefinition[] {
    const perKpi = dictionary.kpis
        .filter(k => k.actualExpression !== null || k.sourceColumn !== null)
        .flatMap(perKpiMeasures);
    return [...genericMeasures(dictionary.kpis), ...qualityMeasures(), ...pathToGreenMeasures(), ...perKpi];
}
