/**
 * Colours of the patrol teams (routes, stops, route sheets, the app layer): distinct, readable on
 * white paper and over a light map, colour-blind-safe for the first four (Okabe–Ito).
 */
export const TEAM_COLOURS = ['#0072b2', '#d55e00', '#009e73', '#cc79a7', '#e69f00', '#56b4e9', '#000000', '#8c564b'] as const;

/**
 * The colour of team `team` (1-based), repeating after eight teams.
 *
 * @example
 * teamColour(1); // '#0072b2'
 */
export function teamColour(team: number): string {
  return TEAM_COLOURS[(((team - 1) % TEAM_COLOURS.length) + TEAM_COLOURS.length) % TEAM_COLOURS.length];
}
