/*
 * fuzz_calendar.c: libFuzzer entry for util/calendar.c.  The input is read
 * as a day number (8 bytes, little-endian) and a date (three 4-byte
 * little-endian ints: year, month, day), zero-padded when short.  The
 * round-trip property: a day number either calendar accepts comes back
 * from its date, and the date is one that exists; a date either calendar
 * accepts comes back from its day number, and the two calendars agree on
 * it (Solar Hijri to Gregorian and back gives the same day).  The day
 * number is tried as given and folded into 1800 to 2200 and into the
 * whole Solar Hijri range, so most inputs exercise real dates.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "util/calendar.h"
#include "fuzz.h"

/* Like assert, but kept when NDEBUG is defined (CMake's Release). */
/* Reads n little-endian bytes at data[*pos] (zeros past the end). */
static uint64_t
take(const uint8_t *data, size_t size, size_t *pos, int n)
{
	uint64_t v = 0;
	int i;

	for (i = 0; i < n; i++, (*pos)++)
		if (*pos < size)
			v |= (uint64_t)data[*pos] << (8 * i);
	return v;
}

/* Checks one day number in both calendars. */
static void
check_day(long long days)
{
	struct cal_date g, p, again;
	long long back;

	if (cal_gregorian_from_days(days, &g) == 0) {
		FUZZ_CHECK(g.month >= 1 && g.month <= 12 && g.day >= 1 &&
		           g.day <= cal_gregorian_month_days(g.year, g.month));
		FUZZ_CHECK(cal_days_from_gregorian(&g, &back) == 0 &&
		           back == days);
	}
	if (cal_persian_from_days(days, &p) == 0) {
		FUZZ_CHECK(p.year >= CAL_PERSIAN_MIN_YEAR &&
		           p.year <= CAL_PERSIAN_MAX_YEAR);
		FUZZ_CHECK(p.month >= 1 && p.month <= 12 && p.day >= 1 &&
		           p.day <= cal_persian_month_days(p.year, p.month));
		FUZZ_CHECK(cal_days_from_persian(&p, &back) == 0 &&
		           back == days);
		/* A Solar Hijri day is always a Gregorian one too. */
		FUZZ_CHECK(cal_gregorian_from_days(days, &g) == 0);
		FUZZ_CHECK(cal_gregorian_to_persian(&g, &again) == 0 &&
		           again.year == p.year && again.month == p.month &&
		           again.day == p.day);
	}
}

/* Checks one date, read in both calendars. */
static void
check_date(const struct cal_date *d)
{
	struct cal_date out, back;
	long long days;

	if (cal_days_from_gregorian(d, &days) == 0) {
		FUZZ_CHECK(cal_gregorian_from_days(days, &out) == 0 &&
		           out.year == d->year && out.month == d->month &&
		           out.day == d->day);
	}
	if (cal_days_from_persian(d, &days) == 0) {
		FUZZ_CHECK(cal_persian_from_days(days, &out) == 0 &&
		           out.year == d->year && out.month == d->month &&
		           out.day == d->day);
		FUZZ_CHECK(cal_persian_to_gregorian(d, &out) == 0);
		FUZZ_CHECK(cal_gregorian_to_persian(&out, &back) == 0 &&
		           back.year == d->year && back.month == d->month &&
		           back.day == d->day);
	} else {
		FUZZ_CHECK(cal_persian_to_gregorian(d, &out) == -1);
	}
}

/* Checks one input; returns 0 always. */
int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	size_t pos = 0;
	uint64_t raw = take(data, size, &pos, 8);
	long long days = (long long)raw;
	struct cal_date d;
	/* 1800-01-01 and 2200-12-31; the Solar Hijri range, roughly. */
	const long long lo = -62091, span = 146462;
	const long long all_lo = -500000, all_span = 1170000;

	d.year = (int)(uint32_t)take(data, size, &pos, 4);
	d.month = (int)(uint32_t)take(data, size, &pos, 4);
	d.day = (int)(uint32_t)take(data, size, &pos, 4);

	check_day(days);
	check_day(lo + (long long)(raw % (uint64_t)span));
	check_day(all_lo + (long long)(raw % (uint64_t)all_span));
	check_date(&d);
	/* The same date with small fields, so that most are near-valid. */
	d.month = (int)((uint32_t)d.month % 14);
	d.day = (int)((uint32_t)d.day % 33);
	d.year = 1 + (int)((uint32_t)d.year % 3300);
	check_date(&d);
	return 0;
}
