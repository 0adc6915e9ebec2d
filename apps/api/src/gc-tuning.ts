import { setFlagsFromString } from 'node:v8';

/**
 * V8 settings for a process that serves the API, set before it starts serving.
 *
 * Allocation-site pretenuring off. V8 moves the objects made at an allocation site straight
 * into the old generation once most of them have outlived a scavenge. Several sites in the
 * API's libraries qualify, and their objects then point at each request's young ones: with
 * pg's read timeout (`query_timeout`, a timer per statement), every page of rows stayed alive
 * through each scavenge until the next full collection. Each scavenge copied about 1.6 MB and
 * paused the API 3.3 ms; with pretenuring off it copies 0.14 MB in 1.4 ms, and one unit's
 * overdue list went from a p95 of 3.4 to 3.0 ms (its own process, 3,000 answers, 2026-12-03).
 * See README "Where the API's time goes".
 */
export function tuneGarbageCollection(): void {
  setFlagsFromString('--no-allocation-site-pretenuring');
}
