/*
 * Every time the console shows goes through the product's one formatter (libs/calendar):
 * Asia/Shanghai date and time, whatever zone the browser is in.
 */
export { formatLocalDate, formatLocalDateTime } from '../../../libs/calendar/src/local-time';
