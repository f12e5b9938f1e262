/** Tables of the scoring feature (sheets, agreed scores, findings, fact check, publishing). */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface ScoringTables {}
