/** Tables of the sources feature (interviews, web observations, written answers, evidence). */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface SourcesTables {}
