/*
 * calendar.c: the Gregorian and Solar Hijri calendars over day numbers
 * (days since 1970-01-01).  What is here: exact integer arithmetic, no
 * tables of dates, no time zones (the caller picks the day: frame.c takes
 * it in the site's zone), no names of months (those are interface
 * strings).
 *
 * Gregorian: Howard Hinnant's days_from_civil and civil_from_days (eras
 * of 400 years, March-based years), exact for every date it accepts.
 *
 * Solar Hijri: Borkowski's arithmetic, as in the jalaali-js and
 * jalaali-c libraries.  Inside each stretch between two break years the
 * leap years follow the 33-year pattern; the breaks are where the
 * astronomical calendar moves the pattern, computed by Borkowski from the
 * equinox over 3000 years.  From the number of Solar Hijri leap years
 * since 621 CE and of Gregorian leap days, it gives the day of March on
 * which each year begins; everything else follows from that.
 *
 * Why not the plain 33-year rule or Birashk's 2820-year cycle: the
 * 2820-year cycle already disagrees with the calendar in use in 1403
 * (2025: it makes 1404 the leap year, Iran made 1403 one), and the
 * 33-year rule equals Borkowski's only from 1178 to 1633 (1799 to 2255
 * CE).  Checked for this file: for every Gregorian year 1800 to 2200, the
 * day computed here is the one the equinox rule gives with the equinox
 * from PyEphem (VSOP87 and its Delta T) and noon at 12:00 Iran Standard
 * Time: all 401 agree (tests/unit/calendar_nowruz.py writes the table
 * that tests/unit/test_calendar.c keeps).  Taking the Sun's true noon at
 * 52.5 E instead of the clock's changes one year, 2124, whose equinox
 * falls 3 minutes before true noon: closer than Delta T is known a
 * century ahead, so no arithmetic can promise that year either way.
 * Outside 1800 to 2200 the years follow Borkowski's breaks, which are as
 * good as his equinox model.
 */
#include <stddef.h>

#include "calendar.h"

/* The Gregorian years both directions accept, -GREGORIAN_MAX_YEAR to
 * GREGORIAN_MAX_YEAR: far inside what an int and a long long hold. */
#define GREGORIAN_MAX_YEAR 1000000

/*
 * Borkowski's break years: the Solar Hijri years where the 33-year
 * pattern of leap years starts over.  The last one ends the range of the
 * arithmetic (years before it only).
 */
static const int persian_breaks[] = {
    -61,  9,    38,   199,  426,  686,  756,  818,  1111, 1181,
    1210, 1635, 2060, 2097, 2192, 2262, 2324, 2394, 2456, 3178,
};

#define BREAKS_COUNT (sizeof(persian_breaks) / sizeof(persian_breaks[0]))

/* Returns whether Gregorian year y is a leap year; see calendar.h. */
bool
cal_gregorian_leap(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

/* Returns the days of a Gregorian month; see calendar.h. */
int
cal_gregorian_month_days(int y, int m)
{
	static const int days[] = {31, 28, 31, 30, 31, 30,
	                           31, 31, 30, 31, 30, 31};

	if (m < 1 || m > 12)
		return 0;
	return m == 2 && cal_gregorian_leap(y) ? 29 : days[m - 1];
}

/* Day number of a valid Gregorian date (Hinnant's days_from_civil). */
static long long
days_from_civil(long long y, int m, int d)
{
	long long era, yoe, doy, doe;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = y - era * 400;
	doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

/* The Gregorian date of a day number (Hinnant's civil_from_days); the
 * caller keeps days within the years above. */
static void
civil_from_days(long long z, struct cal_date *out)
{
	long long era, doe, yoe, doy, mp;

	z += 719468;
	era = (z >= 0 ? z : z - 146096) / 146097;
	doe = z - era * 146097;
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	out->day = (int)(doy - (153 * mp + 2) / 5 + 1);
	out->month = (int)(mp < 10 ? mp + 3 : mp - 9);
	out->year = (int)(yoe + era * 400 + (out->month <= 2));
}

/* Converts a Gregorian date to a day number; see calendar.h. */
int
cal_days_from_gregorian(const struct cal_date *g, long long *days)
{
	if (g->year < -GREGORIAN_MAX_YEAR || g->year > GREGORIAN_MAX_YEAR ||
	    g->day < 1 || g->day > cal_gregorian_month_days(g->year, g->month))
		return -1;
	*days = days_from_civil(g->year, g->month, g->day);
	return 0;
}

/* Checks a written date and time; see calendar.h. */
bool
cal_wall_time_valid(const struct cal_date *g, int hour, int minute, int second)
{
	return g->year >= CAL_WALL_MIN_YEAR && g->year <= CAL_WALL_MAX_YEAR &&
	       g->day >= 1 &&
	       g->day <= cal_gregorian_month_days(g->year, g->month) &&
	       hour >= 0 && hour <= 23 && minute >= 0 && minute <= 59 &&
	       second >= 0 && second <= 59;
}

/* Converts a day number to a Gregorian date; see calendar.h. */
int
cal_gregorian_from_days(long long days, struct cal_date *out)
{
	if (days < days_from_civil(-GREGORIAN_MAX_YEAR, 1, 1) ||
	    days > days_from_civil(GREGORIAN_MAX_YEAR, 12, 31))
		return -1;
	civil_from_days(days, out);
	return 0;
}

/*
 * Returns the day number of 1 Farvardin of Solar Hijri year jy, which
 * must be in persian_breaks[0] .. persian_breaks[last] - 1.  Borkowski's
 * jalCal: leap_j counts the Solar Hijri leap years since 621 CE by whole
 * 33-year cycles (8 leap years each) and the years left over (one every
 * 4, the first in the fifth year after a break, with one more when a
 * stretch ends 4 years into a cycle); leap_g the Gregorian leap days
 * since then.  Year jy begins in Gregorian year jy + 621, on March
 * 20 + leap_j - leap_g.  Every division here has non-negative operands
 * (jy >= 1), so C's truncation is the original's.
 */
static long long
persian_new_year(int jy)
{
	int jp = persian_breaks[0], jump = 0, leap_j = -14, leap_g, n, gy;
	size_t i;

	for (i = 1; i < BREAKS_COUNT; i++) {
		int jm = persian_breaks[i];

		jump = jm - jp;
		if (jy < jm)
			break;
		leap_j += jump / 33 * 8 + jump % 33 / 4;
		jp = jm;
	}
	n = jy - jp;
	leap_j += n / 33 * 8 + (n % 33 + 3) / 4;
	if (jump % 33 == 4 && jump - n == 4)
		leap_j++;
	gy = jy + 621;
	leap_g = gy / 4 - (gy / 100 + 1) * 3 / 4 - 150;
	return days_from_civil(gy, 3, 1) + (20 + leap_j - leap_g) - 1;
}

/* Returns whether y is within the range the functions accept. */
static bool
persian_year_ok(int y)
{
	return y >= CAL_PERSIAN_MIN_YEAR && y <= CAL_PERSIAN_MAX_YEAR;
}

/* Returns whether a Solar Hijri year is a leap year; see calendar.h. */
bool
cal_persian_leap(int y)
{
	if (!persian_year_ok(y))
		return false;
	return persian_new_year(y + 1) - persian_new_year(y) == 366;
}

/* Returns the days of a Solar Hijri month; see calendar.h. */
int
cal_persian_month_days(int y, int m)
{
	if (!persian_year_ok(y) || m < 1 || m > 12)
		return 0;
	if (m <= 6)
		return 31;
	if (m <= 11)
		return 30;
	return cal_persian_leap(y) ? 30 : 29;
}

/* Converts a Solar Hijri date to a day number; see calendar.h. */
int
cal_days_from_persian(const struct cal_date *p, long long *days)
{
	int m = p->month;

	if (p->day < 1 || p->day > cal_persian_month_days(p->year, m))
		return -1;
	*days = persian_new_year(p->year) +
	        (m <= 7 ? (m - 1) * 31 : 186 + (m - 7) * 30) + p->day - 1;
	return 0;
}

/* Converts a day number to a Solar Hijri date; see calendar.h. */
int
cal_persian_from_days(long long days, struct cal_date *out)
{
	struct cal_date g;
	long long start, k;
	int jy;

	if (cal_gregorian_from_days(days, &g) < 0)
		return -1;
	/* The year that begins in March of g's year, or the one before. */
	jy = g.year - 621;
	if (jy < CAL_PERSIAN_MIN_YEAR || jy > CAL_PERSIAN_MAX_YEAR + 1)
		return -1;
	start = persian_new_year(jy);
	if (days < start) {
		jy--;
		if (jy < CAL_PERSIAN_MIN_YEAR)
			return -1;
		start = persian_new_year(jy);
	}
	if (jy > CAL_PERSIAN_MAX_YEAR)
		return -1;
	k = days - start; /* 0 .. 365 */
	out->year = jy;
	if (k < 186) {
		out->month = (int)(k / 31) + 1;
		out->day = (int)(k % 31) + 1;
	} else {
		k -= 186;
		out->month = (int)(k / 30) + 7;
		out->day = (int)(k % 30) + 1;
	}
	return 0;
}

/* Converts a Gregorian date to Solar Hijri; see calendar.h. */
int
cal_gregorian_to_persian(const struct cal_date *g, struct cal_date *p)
{
	long long days;

	if (cal_days_from_gregorian(g, &days) < 0)
		return -1;
	return cal_persian_from_days(days, p);
}

/* Converts a Solar Hijri date to Gregorian; see calendar.h. */
int
cal_persian_to_gregorian(const struct cal_date *p, struct cal_date *g)
{
	long long days;

	if (cal_days_from_persian(p, &days) < 0)
		return -1;
	return cal_gregorian_from_days(days, g);
}
