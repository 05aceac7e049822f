/**
 * Financial-year quarters (Q1 = April-June) as the Period dimension.
 */
export interface Period {
    readonly id: string;
    readonly financialYear: string;
    readonly quarter: "Q1" | "Q2" | "Q3" | "Q4";
    readonly label: string;
    /** ISO date of the last day of the quarter. */
    readonly end: string;
    readonly index: number;
    /** Calendar year and month (1-12) of the quarter's last month. */
    readonly endYear: number;
    readonly endMonth: number;
}

const QUARTER_END: ReadonlyArray<{ month: number; day: number; nextYear: boolean }> = [
    { month: 6, day: 30, nextYear: false },
    { month: 9, day: 30, nextYear: false },
    { month: 12, day: 31, nextYear: false },
    { month: 3, day: 31, nextYear: true },
];

function pad(n: number): string {
    return String(n).padStart(2, "0");
}

/** One quarter: `startYear` is the calendar year the financial year starts in (2025 for 2025/26). */
export function quarterOf(startYear: number, quarter: 1 | 2 | 3 | 4, index: number): Period {
    const end = QUARTER_END[quarter - 1];
    const endYear = end.nextYear ? startYear + 1 : startYear;
    const short = pad((startYear + 1) % 100);
    return {
        id: `${startYear}-${short}-Q${quarter}`,
        financialYear: `${startYear}/${short}`,
        quarter: `Q${quarter}` as Period["quarter"],
        label: `${startYear}/${short} Q${quarter}`,
        end: `${endYear}-${pad(end.month)}-${pad(end.day)}`,
        index,
        endYear,
        endMonth: end.month,
    };
}

/** Contiguous quarters from (startYear, quarter) for `count` quarters, indexed from 1. */
export function quarters(startYear: number, startQuarter: 1 | 2 | 3 | 4, count: number): Period[] {
    const out: Period[] = [];
    let year = startYear;
    let q = startQuarter;
    for (let i = 1; i <= count; i++) {
        out.push(quarterOf(year, q, i));
        if (q === 4) { q = 1; year++; } else q = (q + 1) as 1 | 2 | 3 | 4;
    }
    return out;
}

/** Months since year 0, for comparing (year, month) pairs. */
export function monthNumber(year: number, month: number): number {
    return year * 12 + (month - 1);
}
