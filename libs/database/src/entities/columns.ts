/**
 * `date` columns stay `YYYY-MM-DD` strings end to end: a JS Date would carry a time and a zone
 * and shift deadlines by a day around midnight in Asia/Shanghai.
 */
export const dateColumn = { type: 'date' as const };
