/*
 * test_calendar.c: unit tests for util/calendar.c.  Known dates (the days
 * around each Nowruz from 2020 to 2027, 1 Farvardin 1404 = 2025-03-21,
 * dates every Iranian knows, the first and last days of the months of
 * 1403 and 1404); the Nowruz of every year 1800 to 2200 against a table
 * computed from the equinox (tests/unit/calendar_nowruz.py, PyEphem); the
 * leap years against the 33-year rule where that rule holds (1178 to 1633
 * AP); round trips of every day of 1800 to 2200 in both calendars, with
 * consecutive days never skipping or repeating a date; impossible dates
 * and the ends of the range refused.
 */
#include <stdio.h>
#include <string.h>

#include "util/calendar.h"
#include "testhelp.h"

/* Returns the day number of a Gregorian date the test knows is valid. */
static long long
gday(int y, int m, int d)
{
	struct cal_date g = {y, m, d};
	long long days = 0;

	CHECK(cal_days_from_gregorian(&g, &days) == 0);
	return days;
}

/* Checks that Gregorian y-m-d is Solar Hijri py-pm-pd, both ways. */
static void
check_pair(int y, int m, int d, int py, int pm, int pd)
{
	struct cal_date g = {y, m, d}, p = {py, pm, pd}, got;
	long long days;

	memset(&got, 0, sizeof(got));
	CHECK(cal_gregorian_to_persian(&g, &got) == 0);
	if (got.year != py || got.month != pm || got.day != pd)
		fprintf(stderr,
		        "  %04d-%02d-%02d: got %d-%02d-%02d, want "
		        "%d-%02d-%02d\n",
		        y, m, d, got.year, got.month, got.day, py, pm, pd);
	CHECK(got.year == py && got.month == pm && got.day == pd);
	memset(&got, 0, sizeof(got));
	CHECK(cal_persian_to_gregorian(&p, &got) == 0);
	CHECK(got.year == y && got.month == m && got.day == d);
	CHECK(cal_days_from_persian(&p, &days) == 0 && days == gday(y, m, d));
}

static void
test_known_dates(void)
{
	/* The day numbers' origin, and Gregorian leap rules. */
	CHECK(gday(1970, 1, 1) == 0);
	CHECK(gday(1969, 12, 31) == -1);
	CHECK(gday(2000, 3, 1) - gday(2000, 2, 28) == 2);
	CHECK(gday(1900, 3, 1) - gday(1900, 2, 28) == 1);
	CHECK(gday(2025, 3, 21) == 20168);

	/* Nowruz 1404, and the days around each Nowruz 2020 to 2027. */
	check_pair(2025, 3, 21, 1404, 1, 1);
	check_pair(2025, 3, 20, 1403, 12, 30); /* 1403 is leap */
	check_pair(2025, 3, 22, 1404, 1, 2);
	check_pair(2024, 3, 19, 1402, 12, 29);
	check_pair(2024, 3, 20, 1403, 1, 1);
	check_pair(2024, 3, 21, 1403, 1, 2);
	check_pair(2026, 3, 20, 1404, 12, 29);
	check_pair(2026, 3, 21, 1405, 1, 1);
	check_pair(2026, 3, 22, 1405, 1, 2);
	check_pair(2027, 3, 20, 1405, 12, 29);
	check_pair(2027, 3, 21, 1406, 1, 1);
	check_pair(2023, 3, 20, 1401, 12, 29);
	check_pair(2023, 3, 21, 1402, 1, 1);
	check_pair(2022, 3, 20, 1400, 12, 29);
	check_pair(2022, 3, 21, 1401, 1, 1);
	check_pair(2021, 3, 20, 1399, 12, 30); /* 1399 is leap */
	check_pair(2021, 3, 21, 1400, 1, 1);
	check_pair(2020, 3, 19, 1398, 12, 29);
	check_pair(2020, 3, 20, 1399, 1, 1);

	/* Dates with a name: 22 Bahman 1357 (the revolution), Yalda and
	 * 1 Dey, 1 Mehr (the school year), 1 January 2000. */
	check_pair(1979, 2, 11, 1357, 11, 22);
	check_pair(2025, 2, 10, 1403, 11, 22);
	check_pair(2024, 12, 20, 1403, 9, 30);
	check_pair(2024, 12, 21, 1403, 10, 1);
	check_pair(2025, 9, 23, 1404, 7, 1);
	check_pair(2000, 1, 1, 1378, 10, 11);
	check_pair(2016, 4, 11, 1395, 1, 23);
	check_pair(1981, 8, 17, 1360, 5, 26);
	check_pair(1970, 1, 1, 1348, 10, 11);
	check_pair(1925, 3, 21, 1304, 1, 1);
	check_pair(1800, 1, 1, 1178, 10, 11);
	check_pair(2200, 12, 31, 1579, 10, 10);

	/* First and last days of the months of 1404. */
	check_pair(2025, 4, 20, 1404, 1, 31);
	check_pair(2025, 4, 21, 1404, 2, 1);
	check_pair(2025, 9, 22, 1404, 6, 31);
	check_pair(2025, 10, 22, 1404, 7, 30);
	check_pair(2025, 10, 23, 1404, 8, 1);
	check_pair(2026, 2, 19, 1404, 11, 30);
	check_pair(2026, 2, 20, 1404, 12, 1);
}

static void
test_month_lengths(void)
{
	static const int len_1403[] = {31, 31, 31, 31, 31, 31,
	                               30, 30, 30, 30, 30, 30};
	static const int len_1404[] = {31, 31, 31, 31, 31, 31,
	                               30, 30, 30, 30, 30, 29};
	long long a, b;
	int m, total = 0;

	for (m = 1; m <= 12; m++) {
		struct cal_date first = {1404, m, 1};
		struct cal_date last = {1404, m, len_1404[m - 1]};
		struct cal_date past = {1404, m, len_1404[m - 1] + 1};

		CHECK(cal_persian_month_days(1403, m) == len_1403[m - 1]);
		CHECK(cal_persian_month_days(1404, m) == len_1404[m - 1]);
		CHECK(cal_days_from_persian(&first, &a) == 0);
		CHECK(cal_days_from_persian(&last, &b) == 0);
		CHECK(b - a == len_1404[m - 1] - 1);
		CHECK(cal_days_from_persian(&past, &b) == -1);
		total += len_1404[m - 1];
	}
	CHECK(total == 365);
	CHECK(cal_persian_leap(1403) && !cal_persian_leap(1404));
	CHECK(cal_persian_leap(1399) && cal_persian_leap(1408));
	CHECK(!cal_persian_leap(1400) && !cal_persian_leap(1402));
	CHECK(cal_persian_month_days(1404, 0) == 0);
	CHECK(cal_persian_month_days(1404, 13) == 0);
	CHECK(cal_gregorian_month_days(2024, 2) == 29);
	CHECK(cal_gregorian_month_days(2100, 2) == 28);
	CHECK(cal_gregorian_month_days(2000, 2) == 29);
	CHECK(cal_gregorian_month_days(2025, 13) == 0);
}

/*
 * The day of March on which each Solar Hijri year begins, for the
 * Gregorian years 1800 to 2200, minus 19: tests/unit/calendar_nowruz.py
 * computed it from the March equinox (PyEphem) and noon in Tehran
 * (12:00 UTC+3:30).
 */
static const char nowruz_table[] =
    "22232223222322232223222322232222222222222222222222" /* 1800 */
    "22222222222222122212221222122212221222122212221122" /* 1850 */
    "22332233223322332233223322332223222322232223222322" /* 1900 */
    "23222322232222222222222222222222222222222222221222" /* 1950 */
    "12221222122212221222122212221122112211221122112211" /* 2000 */
    "22112211221112111211121112111211121112111211111111" /* 2050 */
    "22222222222222222222222222221222122212221222122212" /* 2100 */
    "22122212221122112211221122112211221122112211121112" /* 2150 */
    "2" /* 2200 */;

static void
test_equinox_table(void)
{
	int y, wrong = 0;

	CHECK(sizeof(nowruz_table) - 1 == 401);
	for (y = 1800; y <= 2200; y++) {
		int march = 19 + nowruz_table[y - 1800] - '0';
		struct cal_date nowruz = {y - 621, 1, 1}, g;
		long long days;

		if (cal_days_from_persian(&nowruz, &days) < 0 ||
		    days != gday(y, 3, march) ||
		    cal_persian_to_gregorian(&nowruz, &g) < 0 || g.month != 3 ||
		    g.day != march) {
			fprintf(stderr, "  Nowruz %d: want March %d\n", y,
			        march);
			wrong++;
		}
	}
	CHECK(wrong == 0);
}

/* The 33-year rule: years 1, 5, 9, 13, 17, 22, 26 and 30 of each cycle
 * are leap.  It is the astronomical calendar from 1178 to 1633 AP. */
static bool
leap_33(int y)
{
	switch (y % 33) {
	case 1:
	case 5:
	case 9:
	case 13:
	case 17:
	case 22:
	case 26:
	case 30:
		return true;
	default:
		return false;
	}
}

static void
test_33_year_rule(void)
{
	int y, wrong = 0;

	for (y = 1178; y <= 1633; y++)
		if (cal_persian_leap(y) != leap_33(y)) {
			fprintf(stderr,
			        "  %d: leap differs from the 33-year "
			        "rule\n",
			        y);
			wrong++;
		}
	CHECK(wrong == 0);
	/* And where the rule stops holding, Borkowski's breaks differ. */
	CHECK(cal_persian_leap(1634) != leap_33(1634));
}

/* Every day of 1800 to 2200: both conversions invert each other, and the
 * next day is the next date in both calendars. */
static void
test_round_trips(void)
{
	long long first = gday(1800, 1, 1), last = gday(2200, 12, 31), d;
	struct cal_date prev_g = {0, 0, 0}, prev_p = {0, 0, 0};
	long long wrong = 0, days_count = 0;

	for (d = first; d <= last; d++) {
		struct cal_date g, p;
		long long back_g, back_p;
		bool ok = true;

		ok = ok && cal_gregorian_from_days(d, &g) == 0;
		ok = ok && cal_persian_from_days(d, &p) == 0;
		ok = ok && cal_days_from_gregorian(&g, &back_g) == 0 &&
		     back_g == d;
		ok = ok && cal_days_from_persian(&p, &back_p) == 0 &&
		     back_p == d;
		ok = ok && p.day >= 1 &&
		     p.day <= cal_persian_month_days(p.year, p.month);
		if (ok && d > first) {
			/* The next date: the next day of the month, or the
			 * first of the next month or year. */
			bool next_p =
			    (p.year == prev_p.year && p.month == prev_p.month &&
			     p.day == prev_p.day + 1) ||
			    (p.day == 1 &&
			     prev_p.day == cal_persian_month_days(
			                       prev_p.year, prev_p.month) &&
			     ((p.year == prev_p.year &&
			       p.month == prev_p.month + 1) ||
			      (p.year == prev_p.year + 1 && p.month == 1 &&
			       prev_p.month == 12)));
			bool next_g = (g.day == prev_g.day + 1 &&
			               g.month == prev_g.month) ||
			              (g.day == 1 &&
			               (g.month == prev_g.month + 1 ||
			                (g.month == 1 && prev_g.month == 12 &&
			                 g.year == prev_g.year + 1)));

			ok = next_p && next_g;
		}
		if (!ok && wrong++ < 5)
			fprintf(stderr,
			        "  day %lld: %d-%02d-%02d / %d-%02d-%02d\n", d,
			        g.year, g.month, g.day, p.year, p.month, p.day);
		prev_g = g;
		prev_p = p;
		days_count++;
	}
	CHECK(wrong == 0);
	CHECK(days_count == 146462); /* 401 years, 97 leap days */
}

static void
test_refused(void)
{
	struct cal_date d, out;
	long long days = 42;

	d = (struct cal_date){2025, 2, 29};
	CHECK(cal_days_from_gregorian(&d, &days) == -1 && days == 42);
	d = (struct cal_date){2025, 13, 1};
	CHECK(cal_days_from_gregorian(&d, &days) == -1);
	d = (struct cal_date){2025, 0, 1};
	CHECK(cal_days_from_gregorian(&d, &days) == -1);
	d = (struct cal_date){2025, 1, 0};
	CHECK(cal_days_from_gregorian(&d, &days) == -1);
	d = (struct cal_date){1404, 12, 30}; /* not a leap year */
	CHECK(cal_days_from_persian(&d, &days) == -1 && days == 42);
	CHECK(cal_persian_to_gregorian(&d, &out) == -1);
	d = (struct cal_date){1404, 7, 31};
	CHECK(cal_days_from_persian(&d, &days) == -1);
	d = (struct cal_date){1404, 0, 1};
	CHECK(cal_days_from_persian(&d, &days) == -1);
	d = (struct cal_date){1404, 1, -1};
	CHECK(cal_days_from_persian(&d, &days) == -1);

	/* The ends of the range. */
	d = (struct cal_date){CAL_PERSIAN_MIN_YEAR, 1, 1};
	CHECK(cal_days_from_persian(&d, &days) == 0);
	CHECK(cal_persian_from_days(days, &out) == 0 && out.year == 1 &&
	      out.month == 1 && out.day == 1);
	CHECK(cal_persian_from_days(days - 1, &out) == -1);
	CHECK(cal_gregorian_from_days(days, &out) == 0 && out.year == 622 &&
	      out.month == 3);
	d = (struct cal_date){CAL_PERSIAN_MAX_YEAR, 12,
	                      cal_persian_month_days(CAL_PERSIAN_MAX_YEAR, 12)};
	CHECK(cal_days_from_persian(&d, &days) == 0);
	CHECK(cal_persian_from_days(days, &out) == 0 &&
	      out.year == CAL_PERSIAN_MAX_YEAR && out.month == 12);
	CHECK(cal_persian_from_days(days + 1, &out) == -1);
	d = (struct cal_date){0, 1, 1};
	CHECK(cal_days_from_persian(&d, &days) == -1);
	d = (struct cal_date){CAL_PERSIAN_MAX_YEAR + 1, 1, 1};
	CHECK(cal_days_from_persian(&d, &days) == -1);
	CHECK(!cal_persian_leap(0) && !cal_persian_leap(100000));
	CHECK(cal_persian_from_days(-1000000000000LL, &out) == -1);
	CHECK(cal_persian_from_days(1000000000000LL, &out) == -1);
	CHECK(cal_gregorian_from_days(-9223372036854775807LL - 1, &out) == -1);
	d = (struct cal_date){2000000, 1, 1};
	CHECK(cal_days_from_gregorian(&d, &days) == -1);
	d = (struct cal_date){-1000000, 1, 1};
	CHECK(cal_days_from_gregorian(&d, &days) == 0);
	CHECK(cal_gregorian_from_days(days, &out) == 0 &&
	      out.year == -1000000 && out.month == 1 && out.day == 1);
}

int
main(void)
{
	test_known_dates();
	test_month_lengths();
	test_equinox_table();
	test_33_year_rule();
	test_round_trips();
	test_refused();
	TEST_DONE();
}
