// Layer joins onto street blocks (pure core). Explicit named exports only; see docs/joins.md for the rules.
export { assignPointsToBlocks, type AssignPointsOptions, type AssignPointsResult, type PointAssignment } from './assign-points-to-blocks.ts';
export { joinHousing, HOUSING_FIELDS, RENOVATED_SINCE, type JoinHousingOptions } from './join-housing.ts';
export { joinTenure, TENURE_FIELDS, type JoinTenureOptions, type Tenure } from './join-tenure.ts';
export { joinIncidents, categorySlug, type JoinIncidentsOptions, type IncidentCategorySpec } from './join-incidents.ts';
export { incidentRatePer1000, periodLengthYears } from './incident-rate-per-1000.ts';
export { joinLandCover, LAND_COVER_FIELDS, type JoinLandCoverOptions, type LandCoverClass } from './join-land-cover.ts';
export { joinSurvey, type JoinSurveyOptions, type SurveyQuestionSpec, type SurveyStatus } from './join-survey.ts';
export { buildJoinReport, validateJoinReport, type BlockValues, type FieldValue, type JoinResult } from './join-report.ts';
export { indexBlocks, type BlockIndex } from './index-blocks.ts';
export { compareBlockIds } from './compare-block-ids.ts';
export type { JoinRecord } from './check-records.ts';
export type { ClipArea } from './overlay-areal.ts';
export type { Period } from './parse-instant.ts';
