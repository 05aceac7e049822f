/**
 * A small seeded pseudo-random number generator (mulberry32), so the sample dataset is the
 * same on every machine and every run. Not for anything where randomness matters.
 */
export interface Random {
    /** Uniform in [0, 1). */
    next(): number;
    /** Uniform in [min, max). */
    between(min: number, max: number): number;
    /** Approximately normal (sum of uniforms), mean 0, standard deviation `sd`. */
    normal(sd: number): number;
}

export function mulberry32(seed: number): Random {
    let state = seed >>> 0;
    const next = (): number => {
        state = (state + 0x6d2b79f5) >>> 0;
        let t = state;
        t = Math.imul(t ^ (t >>> 15), t | 1);
        t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
        return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
    return {
        next,
        between: (min, max) => min + (max - min) * next(),
        normal: (sd) => {
            // Irwin-Hall with 6 uniforms: variance 6/12 = 0.5.
            let sum = 0;
            for (let i = 0; i < 6; i++) sum += next();
            return ((sum - 3) / Math.SQRT1_2) * sd;
        },
    };
}

/** A stable seed from a text (FNV-1a), so each KPI gets its own independent stream. */
export function seedFromText(text: string, base: number): number {
    let hash = 0x811c9dc5 ^ base;
    for (let i = 0; i < text.length; i++) {
        hash ^= text.charCodeAt(i);
        hash = Math.imul(hash, 0x01000193);
    }
    return hash >>> 0;
}
