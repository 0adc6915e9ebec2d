/**
 * The product works in China's time. Every deadline is an Asia/Shanghai calendar date, and
 * "today", the 应报未报 rule, the reminder schedule and the SQL that turns instants into dates
 * all read this one zone; it is not configurable (a setting that only half applied was worse).
 */
export const TIME_ZONE = 'Asia/Shanghai';

/** Shanghai has kept UTC+8 without daylight saving since 1991, so a fixed offset is exact. */
export const TIME_ZONE_OFFSET_MS = 8 * 3_600_000;

/** The zone as an SQL literal: `(submitted_at AT TIME ZONE ${SQL_TIME_ZONE})::date`. */
export const SQL_TIME_ZONE = `'${TIME_ZONE}'`;
