/**
 * The sample's KPIs: the 25 Children's Services KPIs with published DfE figures plus four
 * local ones, with the fictional council's targets, owners (job titles, not people) and the
 * story each KPI's figures tell over the ten quarters.
 *
 * A story is a list of keyframes of the KPI's *position* against its target, in widths of the
 * amber zone: 0 is on target, 1 is the edge of the amber zone (tolerance or floor), above 1 is
 * red, negative is better than target (far enough below it, the stretch is met). Contextual
 * KPIs (polarity None) give their keyframes in the KPI's own units instead.
 */
export type KpiKind =
    | "percent"      // a share, stored as a fraction, numerator / denominator
    | "rate10k"      // per 10,000 children aged 0-17
    | "rate100k"     // per 100,000 children aged 10-17
    | "ratio";       // numerator / denominator (cases per social worker)

export interface KpiStory {
    /** [period index, position] pairs, interpolated linearly; the first must be index 1. */
    readonly keyframes: readonly (readonly [number, number])[];
    /** Added to the position by quarter (Q1..Q4), e.g. the autumn rise in 16-17 not known. */
    readonly seasonal?: readonly [number, number, number, number];
    /** Standard deviation of the quarter-to-quarter noise, in the same units as the keyframes. */
    readonly noise: number;
}

export interface KpiSpec {
    readonly id: string;
    readonly name: string;
    readonly serviceArea: string;
    readonly outcome: string;
    readonly polarity: "High" | "Low" | "Range" | "None";
    readonly kind: KpiKind;
    readonly unit: string;
    readonly format: string;
    readonly laitCode?: string;
    readonly target?: number;
    readonly tolerance?: number;
    readonly toleranceType?: "absolute" | "relative";
    readonly floor?: number;
    readonly stretch?: number;
    /** A target per period (improvement trajectory), first to last period, linear. */
    readonly periodTargets?: readonly [number, number];
    readonly owner: string;
    readonly frequency: "Quarterly" | "Annual";
    /** Annual KPIs are reported in this quarter only. */
    readonly reportedInQuarter?: "Q1" | "Q2" | "Q3" | "Q4";
    readonly source: string;
    readonly definition: string;
    /** Typical denominator per period (cohort, population handled separately for rates). */
    readonly denominator?: number;
    readonly story: KpiStory;
    /** Period indexes withheld for small numbers (Data Quality = Suppressed). */
    readonly suppressed?: readonly number[];
    /** Period indexes with no return at all (no row). */
    readonly missing?: readonly number[];
    /** Period indexes whose figure is provisional. */
    readonly provisional?: readonly number[];
    /** Why it is red and what is being done (path to green). */
    readonly red: { readonly explanation: string; readonly action: string };
    /** Short commentary when it is amber. */
    readonly amber: string;
    /** Optional commentary for the latest period when not red or amber. */
    readonly latestNote?: string;
    /** An optional DAX expression for the actual, for the generator's per-KPI measures. */
    readonly actualExpression?: string;
}

const OUTCOME_SAFE = "Children are safe and protected from harm";
const OUTCOME_CARE = "Children in care and care leavers thrive";
const OUTCOME_LEARN = "Children and young people achieve and are included";
const OUTCOME_WORKFORCE = "A stable, skilled children's workforce";

const HEAD_FRONT_DOOR = "Head of Early Help and Front Door";
const HEAD_SAFEGUARDING = "Head of Safeguarding and Quality Assurance";
const HEAD_CARE = "Head of Children in Care";
const HEAD_LEAVING_CARE = "Head of Leaving Care";
const HEAD_SEND = "Head of SEND";
const HEAD_SCHOOLS = "Head of School Effectiveness";
const HEAD_INCLUSION = "Head of Inclusion and Attendance";
const HEAD_PARTICIPATION = "Head of Participation and Skills";
const YJ_MANAGER = "Youth Justice Service Manager";
const HEAD_WORKFORCE = "Head of Children's Workforce Development";
const PRINCIPAL_SW = "Principal Social Worker";

const SRC_CSC = "Children's social care case management system";
const SRC_EDU = "School census and attendance returns (local extract)";
const SRC_HR = "HR and agency staffing records";

/** Numerator/denominator actual for one KPI, for the DAX generator's per-KPI measures. */
function ratioExpression(id: string): string {
    return `CALCULATE ( DIVIDE ( SUM ( 'KPI Values'[Numerator] ), SUM ( 'KPI Values'[Denominator] ) ), 'KPI'[KPI ID] = "${id}" )`;
}

export const KPI_SPECS: readonly KpiSpec[] = [
    {
        id: "CS01", name: "Re-referrals within 12 months", serviceArea: "Front door", outcome: OUTCOME_SAFE,
        polarity: "Low", kind: "percent", unit: "%", format: "0.0%", laitCode: "ReReferral",
        target: 0.2, tolerance: 0.02, toleranceType: "absolute", owner: HEAD_FRONT_DOOR, frequency: "Quarterly",
        source: SRC_CSC, denominator: 3100,
        definition: "Referrals in the 12 months to the period end that came within 12 months of a previous referral for the same child, as a share of all referrals in those 12 months.",
        story: { keyframes: [[1, -0.5], [5, 0.3], [8, 0.9], [10, 1.7]], noise: 0.12 },
        red: {
            explanation: "Re-referrals have risen since cases stepped down to early help were closed without a planned review; audit found a third of re-referrals were the same concern.",
            action: "Step-down panel reinstated with a 12-week review of every stepped-down case; monthly audit of re-referrals by the Principal Social Worker.",
        },
        amber: "Rising; step-down decisions are being audited.",
        actualExpression: ratioExpression("CS01"),
    },
    {
        id: "CS02", name: "Assessments completed within 45 working days", serviceArea: "Front door", outcome: OUTCOME_SAFE,
        polarity: "High", kind: "percent", unit: "%", format: "0.0%", laitCode: "Continue_Assess_Comp",
        target: 0.88, tolerance: 0.03, toleranceType: "absolute", stretch: 0.92, owner: HEAD_FRONT_DOOR, frequency: "Quarterly",
        source: SRC_CSC, denominator: 780,
        definition: "Children and family assessments completed in the quarter within 45 working days of the referral, as a share of all assessments completed.",
        story: { keyframes: [[1, 0.6], [5, -0.3], [10, -1.7]], noise: 0.15 },
        red: {
            explanation: "Assessment timeliness fell while two assessment teams carried vacancies.",
            action: "Weekly timeliness tracker for team managers and an overflow team for assessments past day 35.",
        },
        amber: "Just below target; the overflow team is clearing assessments past day 35.",
        latestNote: "Stretch met for a second quarter: the overflow team and weekly tracker are now business as usual.",
        actualExpression: ratioExpression("CS02"),
    },
    {
        id: "CS03", name: "Section 47 enquiries per 10,000 children", serviceArea: "Front door", outcome: OUTCOME_SAFE,
        polarity: "None", kind: "rate10k", unit: "per 10,000 children", format: "0.0", laitCode: "Section_47",
        owner: HEAD_FRONT_DOOR, frequency: "Quarterly", source: SRC_CSC,
        definition: "Section 47 enquiries started in the 12 months to the period end per 10,000 children aged 0-17. Contextual: shows demand, not performance.",
        story: { keyframes: [[1, 204], [6, 212], [10, 209]], seasonal: [-2, -5, 6, 1], noise: 2.5 },
        red: { explanation: "", action: "" }, amber: "",
    },
    {
        id: "CS04", name: "Child protection plans per 10,000 children", serviceArea: "Child protection", outcome: OUTCOME_SAFE,
        polarity: "None", kind: "rate10k", unit: "per 10,000 children", format: "0.0", laitCode: "CPP_rate",
        owner: HEAD_SAFEGUARDING, frequency: "Quarterly", source: SRC_CSC,
        definition: "Children subject to a child protection plan at the period end per 10,000 children aged 0-17. Contextual.",
        story: { keyframes: [[1, 47.5], [5, 45.2], [10, 43.1]], noise: 0.9 },
        red: { explanation: "", action: "" }, amber: "",
    },
    {
        id: "CS05", name: "Children subject to a plan for a second or subsequent time", serviceArea: "Child protection", outcome: OUTCOME_SAFE,
        polarity: "Low", kind: "percent", unit: "%", format: "0.0%", laitCode: "PrevRegCPR",
        target: 0.22, tolerance: 0.1, toleranceType: "relative", owner: HEAD_SAFEGUARDING, frequency: "Quarterly",
        source: SRC_CSC, denominator: 245,
        definition: "Children who became subject of a child protection plan in the 12 months to the period end who had been subject of a plan before, as a share of all children who became subject of a plan.",
        story: { keyframes: [[1, 0.3], [4, 0.8], [7, 0.4], [10, 0.6]], noise: 0.15 },
        red: {
            explanation: "More children returned to a plan within two years of a previous plan ending, mostly where neglect was the category.",
            action: "Neglect toolkit refreshed; every plan ending is now reviewed at a multi-agency step-down meeting.",
        },
        amber: "Within tolerance; repeat plans are reviewed at the monthly safeguarding panel.",
    },
    {
        id: "CS06", name: "Plans ending that lasted 2 years or more", serviceArea: "Child protection", outcome: OUTCOME_SAFE,
        polarity: "Low", kind: "percent", unit: "%", format: "0.0%", laitCode: "CPPlans2yrs",
        target: 0.04, floor: 0.06, owner: HEAD_SAFEGUARDING, frequency: "Quarterly",
        source: SRC_CSC, denominator: 262,
        definition: "Child protection plans ending in the 12 months to the period end that had lasted two years or more, as a share of all plans ending.",
        story: { keyframes: [[1, 1.5], [3, 1.3], [6, 0.4], [10, -0.4]], noise: 0.12 },
        red: {
            explanation: "A group of long-running plans in one locality had drifted without escalation to the Public Law Outline.",
            action: "Independent reviewing officers escalate every plan at 15 months to a legal planning meeting; monthly tracking of plans over 12 months.",
        },
        amber: "Above target but better than the floor; long plans are escalated at 15 months.",
    },
    {
        id: "CS07", name: "Children in need per 10,000 children", serviceArea: "Children in need", outcome: OUTCOME_SAFE,
        polarity: "None", kind: "rate10k", unit: "per 10,000 children", format: "0.0", laitCode: "CIN",
        owner: HEAD_SAFEGUARDING, frequency: "Quarterly", source: SRC_CSC,
        definition: "Children in need at the period end (including those on a plan and looked after) per 10,000 children aged 0-17. Contextual.",
        story: { keyframes: [[1, 352], [5, 345], [10, 338]], seasonal: [0, -3, 2, 1], noise: 3 },
        red: { explanation: "", action: "" }, amber: "",
    },
    {
        id: "CS08", name: "Children looked after per 10,000 children", serviceArea: "Children in care", outcome: OUTCOME_CARE,
        polarity: "None", kind: "rate10k", unit: "per 10,000 children", format: "0.0", laitCode: "LAC",
        owner: HEAD_CARE, frequency: "Quarterly", source: SRC_CSC,
        definition: "Children looked after at the period end per 10,000 children aged 0-17. Contextual.",
        story: { keyframes: [[1, 78.4], [6, 80.9], [10, 82.2]], noise: 0.6 },
        red: { explanation: "", action: "" }, amber: "",
    },
    {
        id: "CS09", name: "Looked after children with 3 or more placements in the year", serviceArea: "Children in care", outcome: OUTCOME_CARE,
        polarity: "Low", kind: "percent", unit: "%", format: "0.0%", laitCode: "LACStable_2016on",
        target: 0.09, tolerance: 0.015, toleranceType: "absolute", owner: HEAD_CARE, frequency: "Quarterly",
        source: SRC_CSC, denominator: 330,
        definition: "Children looked after at the period end who had three or more placements in the previous 12 months, as a share of all children looked after.",
        story: { keyframes: [[1, 1.8], [4, 1.5], [7, 0.9], [10, 0.6]], noise: 0.12 },
        red: {
            explanation: "Placement moves rose while in-house foster carer numbers fell and more children were placed at short notice in residential care.",
            action: "Placement stability meetings before any planned move; foster carer recruitment campaign with a new support offer.",
        },
        amber: "Improving but not yet at target; every planned move goes to a stability meeting first.",
    },
    {
        id: "CS10", name: "Long-term placement stability", serviceArea: "Children in care", outcome: OUTCOME_CARE,
        polarity: "High", kind: "percent", unit: "%", format: "0.0%", laitCode: "LAC_LongStable%",
        target: 0.7, tolerance: 0.05, toleranceType: "relative", owner: HEAD_CARE, frequency: "Quarterly",
        source: SRC_CSC, denominator: 118,
        definition: "Children under 16 looked after for 2.5 years or more who have lived in the same placement for at least two years (or are placed for adoption), as a share of those children.",
        story: { keyframes: [[1, 1.6], [4, 1.25], [7, 0.2], [10, -0.35]], noise: 0.12 },
        red: {
            explanation: "Several long-term foster placements ended after carers retired, and matches for teenagers took longer.",
            action: "Permanence panel reviews every long-term match; enhanced allowance for carers of teenagers.",
        },
        amber: "Within tolerance and improving as long-term matches are confirmed.",
    },
    {
        id: "CS11", name: "Looked after children adopted in the year", serviceArea: "Children in care", outcome: OUTCOME_CARE,
        polarity: "High", kind: "percent", unit: "%", format: "0.0%", laitCode: "%_of LAC Adopted",
        target: 0.1, tolerance: 0.02, toleranceType: "absolute", owner: HEAD_CARE, frequency: "Quarterly",
        source: "Regional adoption agency and case management system", denominator: 152,
        definition: "Children who ceased to be looked after in the 12 months to the period end because they were adopted, as a share of all children who ceased to be looked after.",
        story: { keyframes: [[1, -0.2], [5, 0.4], [10, -0.4]], noise: 0.2 },
        red: {
            explanation: "Adoption orders were delayed by court listing times.",
            action: "Regional adoption agency tracking every placement order to hearing date with the court.",
        },
        amber: "Slightly below target because of court listing delays; tracked with the regional adoption agency.",
    },
    {
        id: "CS12", name: "Persistent absence of looked after children", serviceArea: "Children in care", outcome: OUTCOME_CARE,
        polarity: "Low", kind: "percent", unit: "%", format: "0.0%", laitCode: "LAC_Pers_Abs",
        target: 0.2, tolerance: 0.02, toleranceType: "absolute", owner: "Virtual School Headteacher", frequency: "Quarterly",
        source: "Virtual School attendance records", denominator: 212,
        definition: "Looked after children of school age missing 10% or more of possible sessions in the academic year to date, as a share of looked after children of school age.",
        story: { keyframes: [[1, -0.5], [5, 0.2], [8, 0.9], [10, 1.8]], seasonal: [0, 0.15, -0.1, 0], noise: 0.12 },
        provisional: [10],
        red: {
            explanation: "Absence rose among secondary-age children placed out of the borough, where transport and school moves have been slow to arrange.",
            action: "Virtual School attendance officer for out-of-borough placements; personal education plans reviewed within 10 days of any absence pattern.",
        },
        amber: "Within tolerance but rising; Virtual School tracking out-of-borough placements weekly.",
    },
    {
        id: "CS13", name: "Care leavers in education, employment or training", serviceArea: "Care leavers", outcome: OUTCOME_CARE,
        polarity: "High", kind: "percent", unit: "%", format: "0.0%", laitCode: "CareLeaverEET",
        target: 0.55, floor: 0.5, owner: HEAD_LEAVING_CARE, frequency: "Quarterly",
        source: SRC_CSC, denominator: 141,
        definition: "Care leavers aged 19-21 in education, employment or training at the period end, as a share of care leavers aged 19-21 the council is in touch with or should be.",
        story: { keyframes: [[1, -0.3], [5, 0.3], [8, 0.9], [10, 1.45]], noise: 0.12 },
        red: {
            explanation: "Fewer care leavers moved into work after two supported apprenticeship schemes closed.",
            action: "Council apprenticeship ring-fence for care leavers and a dedicated employment coach funded from the Household Support Fund.",
        },
        amber: "Below target but above the floor; apprenticeship ring-fence in place.",
    },
    {
        id: "CS14", name: "Care leavers in suitable accommodation", serviceArea: "Care leavers", outcome: OUTCOME_CARE,
        polarity: "High", kind: "percent", unit: "%", format: "0.0%", laitCode: "CareLeaverAcc",
        target: 0.9, tolerance: 0.03, toleranceType: "absolute", stretch: 0.95, owner: HEAD_LEAVING_CARE, frequency: "Quarterly",
        source: SRC_CSC, denominator: 141,
        definition: "Care leavers aged 19-21 in suitable accommodation at the period end, as a share of care leavers aged 19-21.",
        story: { keyframes: [[1, 0.4], [5, -0.8], [10, -2.0]], noise: 0.15 },
        red: {
            explanation: "More care leavers were in bed and breakfast accommodation while supported lodgings were recommissioned.",
            action: "Interim supported lodgings contract and a joint housing protocol with the housing service.",
        },
        amber: "Just below target; joint housing protocol in place.",
        latestNote: "Stretch met: the joint housing protocol guarantees a tenancy offer before a care leaver's 19th birthday.",
    },
    {
        id: "CS15", name: "Care leavers the council is not in touch with", serviceArea: "Care leavers", outcome: OUTCOME_CARE,
        polarity: "Low", kind: "percent", unit: "%", format: "0.0%", laitCode: "CareLeavers_LA_NotInTouch",
        target: 0.05, tolerance: 0.02, toleranceType: "absolute", owner: HEAD_LEAVING_CARE, frequency: "Quarterly",
        source: SRC_CSC, denominator: 141,
        definition: "Care leavers aged 19-21 the council is not in touch with at the period end, as a share of care leavers aged 19-21.",
        story: { keyframes: [[1, -0.6], [5, -0.3], [10, -0.7]], noise: 0.2 },
        // The latest quarter too, so the dashboard shows a KPI without a figure for the period in view.
        suppressed: [2, 6, 10],
        red: {
            explanation: "Personal advisers lost contact with several young people who moved out of the area.",
            action: "Out-of-area contact protocol and quarterly checks with housing and benefits records.",
        },
        amber: "Slightly above target; out-of-area contact protocol in use.",
    },
    {
        id: "CS16", name: "New EHC plans issued within 20 weeks (excluding exceptions)", serviceArea: "SEND", outcome: OUTCOME_LEARN,
        polarity: "High", kind: "percent", unit: "%", format: "0.0%", laitCode: "SEN_EHC_Excpt_20wks",
        target: 0.65, tolerance: 0.05, toleranceType: "absolute", periodTargets: [0.5, 0.65], owner: HEAD_SEND, frequency: "Quarterly",
        source: "SEND case management system", denominator: 164,
        definition: "New education, health and care plans issued in the quarter within 20 weeks of the request, excluding cases with a legal exception, as a share of all new plans issued. The target rises each quarter on the SEND improvement plan trajectory.",
        story: { keyframes: [[1, 2.4], [5, 2.2], [10, 1.7]], noise: 0.15 },
        provisional: [10],
        red: {
            explanation: "Requests for assessment are up by a quarter on two years ago and educational psychology advice is the main cause of delay.",
            action: "Additional locum educational psychologists, a triage of requests at week 6 and weekly case tracking through the SEND improvement plan.",
        },
        amber: "Within tolerance of the rising trajectory.",
    },
    {
        id: "CS17", name: "Persistent absence, all pupils", serviceArea: "Education", outcome: OUTCOME_LEARN,
        polarity: "Low", kind: "percent", unit: "%", format: "0.0%", laitCode: "TotPerAbNew",
        target: 0.17, tolerance: 0.1, toleranceType: "relative", owner: HEAD_INCLUSION, frequency: "Quarterly",
        source: SRC_EDU, denominator: 34800,
        definition: "Pupils in the council's schools missing 10% or more of possible sessions in the academic year to date, as a share of pupils.",
        story: { keyframes: [[1, 1.3], [5, 0.8], [10, 0.6]], seasonal: [0, -0.1, 0.15, 0], noise: 0.1 },
        provisional: [10],
        red: {
            explanation: "Absence remained above pre-pandemic levels, highest among pupils eligible for free school meals.",
            action: "Attendance support teams in every secondary school and targeted family support for pupils at 85-90% attendance.",
        },
        amber: "Within tolerance and falling; attendance support teams in every secondary school.",
    },
    {
        id: "CS18", name: "Key Stage 2 reading, writing and maths at expected standard", serviceArea: "Education", outcome: OUTCOME_LEARN,
        polarity: "High", kind: "percent", unit: "%", format: "0%", laitCode: "KS2RWM_Expected_STD",
        target: 0.62, tolerance: 0.03, toleranceType: "absolute", stretch: 0.66, owner: HEAD_SCHOOLS, frequency: "Annual", reportedInQuarter: "Q2",
        source: "Key Stage 2 assessment results", denominator: 3050,
        definition: "Pupils at the end of Key Stage 2 reaching the expected standard in reading, writing and maths, as a share of pupils assessed. Annual: reported in Q2 when results are available.",
        story: { keyframes: [[1, 0.9], [6, 0.4], [10, -0.2]], noise: 0.05 },
        provisional: [10],
        red: {
            explanation: "Writing results fell in a group of schools after staffing changes.",
            action: "Writing moderation programme and school improvement adviser visits to the schools concerned.",
        },
        amber: "Below target but within tolerance; writing moderation programme under way.",
        latestNote: "On target (provisional results); the stretch of 66% remains the three-year ambition.",
    },
    {
        id: "CS19", name: "Permanent exclusions", serviceArea: "Education", outcome: OUTCOME_LEARN,
        polarity: "Low", kind: "percent", unit: "% of pupils", format: "0.00%", laitCode: "TotPermEx",
        target: 0.0012, tolerance: 0.2, toleranceType: "relative", owner: HEAD_INCLUSION, frequency: "Quarterly",
        source: SRC_EDU, denominator: 34800,
        definition: "Permanent exclusions in the 12 months to the period end as a share of pupils on roll.",
        story: { keyframes: [[1, 0.6], [5, 0.2], [10, -0.5]], noise: 0.15 },
        red: {
            explanation: "Permanent exclusions rose in two secondary academies.",
            action: "Inclusion partnership panel agrees managed moves before any permanent exclusion.",
        },
        amber: "Slightly above target; managed moves through the inclusion partnership panel.",
    },
    {
        id: "CS20", name: "Suspensions", serviceArea: "Education", outcome: OUTCOME_LEARN,
        polarity: "Low", kind: "percent", unit: "% of pupils", format: "0.0%", laitCode: "TotFixedEx",
        target: 0.1, tolerance: 0.1, toleranceType: "relative", owner: HEAD_INCLUSION, frequency: "Quarterly",
        source: SRC_EDU, denominator: 34800,
        definition: "Suspensions in the 12 months to the period end as a share of pupils on roll (a pupil suspended twice counts twice).",
        story: { keyframes: [[1, 0.9], [6, 0.5], [10, 0.6]], noise: 0.12 },
        red: {
            explanation: "Suspensions rose in secondary schools, mostly for persistent disruptive behaviour.",
            action: "Behaviour outreach service offered to every secondary school with suspension rates above the borough average.",
        },
        amber: "Within tolerance; behaviour outreach service working with the highest-suspending schools.",
    },
    {
        id: "CS21", name: "16-17 year olds NEET or activity not known", serviceArea: "Participation", outcome: OUTCOME_LEARN,
        polarity: "Low", kind: "percent", unit: "%", format: "0.0%", laitCode: "16-17_not known_NEET",
        target: 0.05, tolerance: 0.008, toleranceType: "absolute", owner: HEAD_PARTICIPATION, frequency: "Quarterly",
        source: "Client caseload information system (CCIS)", denominator: 10300,
        definition: "Young people aged 16-17 known to the council who are not in education, employment or training or whose activity is not known, as a share of the cohort.",
        story: { keyframes: [[1, 0.1], [5, 0.3], [10, 0.2]], seasonal: [-0.3, 0.4, 0.9, -0.1], noise: 0.1 },
        red: {
            explanation: "Activity not known rises every autumn until colleges confirm enrolments.",
            action: "Data-sharing agreement with the colleges and door-knocking for the remaining not-known young people.",
        },
        amber: "Seasonal rise in 'not known' while college enrolments are confirmed.",
    },
    {
        id: "CS22", name: "First time entrants to the youth justice system per 100,000 aged 10-17", serviceArea: "Youth justice", outcome: OUTCOME_SAFE,
        polarity: "Low", kind: "rate100k", unit: "per 100,000 children aged 10-17", format: "0", laitCode: "FirstYJS",
        target: 150, tolerance: 0.1, toleranceType: "relative", owner: YJ_MANAGER, frequency: "Quarterly",
        source: "Youth justice case management system",
        definition: "Children aged 10-17 receiving their first youth caution or conviction in the 12 months to the period end per 100,000 children aged 10-17.",
        story: { keyframes: [[1, -0.3], [5, -0.6], [10, -0.8]], noise: 0.15 },
        missing: [7],
        red: {
            explanation: "First time entrants rose after a rise in knife possession offences.",
            action: "Out-of-court disposal panel and a knife crime prevention programme in secondary schools.",
        },
        amber: "Within tolerance; out-of-court disposal panel in place.",
    },
    {
        id: "CS23", name: "Social worker turnover", serviceArea: "Workforce", outcome: OUTCOME_WORKFORCE,
        polarity: "Low", kind: "percent", unit: "%", format: "0.0%", laitCode: "Work_Force_TO_Rate",
        target: 0.14, tolerance: 0.02, toleranceType: "absolute", owner: HEAD_WORKFORCE, frequency: "Quarterly",
        source: SRC_HR, denominator: 266,
        definition: "Permanent children and family social workers (FTE) leaving in the 12 months to the period end, as a share of the average permanent FTE.",
        story: { keyframes: [[1, 1.8], [4, 1.4], [7, 0.3], [10, -0.4]], noise: 0.12 },
        red: {
            explanation: "Experienced social workers left for agency roles and neighbouring councils offering higher pay.",
            action: "Market supplement for hard-to-fill posts, a caseload cap and a retention payment at two years' service.",
        },
        amber: "Within tolerance and falling since the retention payment started.",
    },
    {
        id: "CS24", name: "Agency social workers", serviceArea: "Workforce", outcome: OUTCOME_WORKFORCE,
        polarity: "Low", kind: "percent", unit: "%", format: "0.0%", laitCode: "Work_Force_Agecy_Rate",
        target: 0.1, tolerance: 0.02, toleranceType: "absolute", periodTargets: [0.16, 0.1], owner: HEAD_WORKFORCE, frequency: "Quarterly",
        source: SRC_HR, denominator: 272,
        definition: "Agency children and family social workers (FTE) at the period end as a share of all social worker FTE. The target falls each quarter on the workforce plan trajectory.",
        story: { keyframes: [[1, -0.5], [5, 0.2], [8, 0.9], [10, 1.6]], noise: 0.12 },
        red: {
            explanation: "Agency use has not fallen as planned: newly qualified social workers cannot yet hold complex cases and two teams rely on agency staff.",
            action: "Regional agency pay memorandum applied, conversion offers to agency staff and an Assessed and Supported Year in Employment cohort of 18.",
        },
        amber: "Within tolerance of the falling trajectory; conversion offers made to agency staff.",
    },
    {
        id: "CS25", name: "Average caseload per social worker", serviceArea: "Workforce", outcome: OUTCOME_WORKFORCE,
        polarity: "Low", kind: "ratio", unit: "cases per social worker (FTE)", format: "0.0", laitCode: "Work_Force_AvgNumCase_SW",
        target: 17, tolerance: 1, toleranceType: "absolute", owner: PRINCIPAL_SW, frequency: "Quarterly",
        source: SRC_HR, denominator: 221,
        definition: "Cases held by children and family social workers at the period end divided by case-holding social worker FTE.",
        story: { keyframes: [[1, 0.5], [5, 0.1], [10, -0.4]], noise: 0.15 },
        red: {
            explanation: "Caseloads rose with vacancies in the assessment service.",
            action: "Caseload cap of 20 with weekly allocation meetings and temporary reallocation across teams.",
        },
        amber: "Slightly above target while vacancies are filled.",
    },
    {
        id: "CS26", name: "Early help assessments completed within 45 days", serviceArea: "Early help", outcome: OUTCOME_SAFE,
        polarity: "High", kind: "percent", unit: "%", format: "0.0%",
        target: 0.85, tolerance: 0.05, toleranceType: "absolute", owner: HEAD_FRONT_DOOR, frequency: "Quarterly",
        source: "Early help module of the case management system", denominator: 412,
        definition: "Early help assessments completed in the quarter within 45 days of the family's consent, as a share of early help assessments completed. Local measure: no national benchmark.",
        story: { keyframes: [[1, 2.0], [4, 1.3], [7, 0.3], [10, -0.4]], noise: 0.15 },
        red: {
            explanation: "The move to the new early help module left assessments open after they had been completed in practice.",
            action: "Data cleansing of open assessments and training for family support workers on closing assessments in the module.",
        },
        amber: "Within tolerance and improving as records are cleansed.",
    },
    {
        id: "CS27", name: "Contacts with a decision within 1 working day", serviceArea: "Front door", outcome: OUTCOME_SAFE,
        polarity: "High", kind: "percent", unit: "%", format: "0.0%",
        target: 0.95, floor: 0.9, stretch: 0.98, owner: HEAD_FRONT_DOOR, frequency: "Quarterly",
        source: "Multi-agency safeguarding hub contact log", denominator: 4920,
        definition: "Contacts to the multi-agency safeguarding hub with a decision on next steps within one working day, as a share of contacts received in the quarter. Local measure: no national benchmark.",
        story: { keyframes: [[1, 0.6], [5, -0.2], [10, -1.0]], noise: 0.1 },
        red: {
            explanation: "Contact volumes peaked after school holidays and decisions queued overnight.",
            action: "Additional duty manager cover in September and January and a police triage officer in the hub.",
        },
        amber: "Below target but above the floor; duty manager cover increased at peak times.",
        latestNote: "Stretch met with the police triage officer now permanent in the hub.",
    },
    {
        id: "CS28", name: "Care leavers with an up-to-date pathway plan", serviceArea: "Care leavers", outcome: OUTCOME_CARE,
        polarity: "High", kind: "percent", unit: "%", format: "0.0%",
        target: 0.95, tolerance: 0.05, toleranceType: "relative", owner: HEAD_LEAVING_CARE, frequency: "Quarterly",
        source: SRC_CSC, denominator: 226,
        definition: "Care leavers aged 17-21 with a pathway plan reviewed in the last six months, as a share of care leavers aged 17-21. Local measure: no national benchmark.",
        story: { keyframes: [[1, -0.3], [5, 0.2], [10, 0.6]], noise: 0.12 },
        red: {
            explanation: "Pathway plan reviews slipped while two personal adviser posts were vacant.",
            action: "Agency personal advisers covering the vacancies and a review tracker checked weekly by team managers.",
        },
        amber: "Below target but within tolerance; two personal adviser vacancies being recruited.",
    },
    {
        id: "CS29", name: "Caseload in locality safeguarding teams", serviceArea: "Workforce", outcome: OUTCOME_WORKFORCE,
        polarity: "Range", kind: "ratio", unit: "cases per social worker (FTE)", format: "0.0",
        target: 18, tolerance: 2, toleranceType: "absolute", owner: PRINCIPAL_SW, frequency: "Quarterly",
        source: SRC_HR, denominator: 48,
        definition: "Cases held in the locality safeguarding teams at the period end divided by their case-holding social worker FTE. Kept close to 18: much lower means capacity is not used, much higher is unsafe. Local measure.",
        story: { keyframes: [[1, 0.6], [5, 1.4], [10, 2.5]], noise: 0.12 },
        red: {
            explanation: "Vacancies in the locality teams pushed caseloads above 22, well outside the safe range of 16-20.",
            action: "Two agency social workers funded for six months, cases reallocated from the locality teams to the assessment service and the Assessed and Supported Year cohort placed in the localities.",
        },
        amber: "Caseloads drifting above the safe range; allocation reviewed weekly.",
    },
];
