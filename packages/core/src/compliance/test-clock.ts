// Instants for the compliance tables: a fixed origin and day arithmetic, so every case passes its clock.
import { DAY_MS } from './compliance-types.ts';

export const T0 = new Date('2025-03-01T00:00:00.000Z');

/** `T0` plus `days` (fractions allowed). */
export const day = (days: number): Date => new Date(T0.getTime() + days * DAY_MS);
