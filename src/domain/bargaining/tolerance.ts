/**
 * Absolute tolerance for comparing utilities (utilities live in [0, 1]). Two utilities that differ
 * by at most this much are treated as equal by the frontier and the bargaining solutions, so
 * float64 rounding noise (e.g. 0.8740242984783759 vs 0.874024298478376) never splits a point or
 * hides a tie.
 *
 * Example: `utilitiesEqual(0.1 + 0.2, 0.3)` → true.
 */
export const UTILITY_TOLERANCE = 1e-12

/**
 * Whether two utilities are equal within {@link UTILITY_TOLERANCE} (unitless, absolute).
 *
 * Example: `utilitiesEqual(0.5, 0.5 + 1e-13)` → true; `utilitiesEqual(0.5, 0.5001)` → false.
 */
export function utilitiesEqual(a: number, b: number): boolean {
  return Math.abs(a - b) <= UTILITY_TOLERANCE
}
