/** Dates as day numbers (days since 1970-01-01, UTC): arithmetic without time zones or wall clocks. */
export type Day = number;

// Howard Hinnant's civil-calendar algorithms: plain integer arithmetic, no Date object per call,
// which matters when every consultation and death record converts a few dates.
export function dayOf(year: number, month: number, day: number): Day {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

export interface Ymd {
  year: number;
  month: number;
  day: number;
}

export function ymd(day: Day): Ymd {
  const z = day + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day: doy - Math.floor((153 * mp + 2) / 5) + 1 };
}

/** `YYYY-MM-DD`. */
export function iso(day: Day): string {
  const d = ymd(day);
  return `${d.year}-${pad(d.month)}-${pad(d.day)}`;
}

export function pad(value: number, width = 2): string {
  return String(value).padStart(width, '0');
}

/** `DD/MM/YYYY`, as French exports write dates. */
export function french(day: Day): string {
  const d = ymd(day);
  return `${pad(d.day)}/${pad(d.month)}/${d.year}`;
}

/** `YYYYMMDD`, as INSEE writes dates. */
export function compact(day: Day): string {
  const d = ymd(day);
  return `${d.year}${pad(d.month)}${pad(d.day)}`;
}

/** 0 = Sunday … 6 = Saturday (1970-01-01 was a Thursday). */
export function weekday(day: Day): number {
  return (((day + 4) % 7) + 7) % 7;
}

export function daysInMonth(year: number, month: number): number {
  return month === 12 ? 31 : dayOf(year, month + 1, 1) - dayOf(year, month, 1);
}

/** Whole years between two days, as a person's age. */
export function age(birth: Day, at: Day): number {
  const b = ymd(birth);
  const a = ymd(at);
  let years = a.year - b.year;
  if (a.month < b.month || (a.month === b.month && a.day < b.day)) years -= 1;
  return years;
}
