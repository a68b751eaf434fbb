/*
 * test_dates.c: unit tests for the one check of written dates and times
 * (cal_wall_time_valid, util/calendar.c) and its two users: the
 * importer's WordPress dates (import_date, import_item_time) and the
 * admin editor's publication time (admin_parse_local_time).  Impossible
 * dates (30 February, 29 February outside a leap year, 31 April, 24:00)
 * are refused by both, where mktime and timegm would have moved them to
 * the next month; WordPress's "0000-00-00 00:00:00" (a date never set)
 * stays "no date", and an item falls back to its next date.
 */
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "handlers/handlers.h"
#include "import/import_internal.h"
#include "import/wxr.h"
#include "testhelp.h"
#include "util/calendar.h"

/* cal_wall_time_valid at y-m-d h:mi:s. */
static bool
valid(int y, int m, int d, int h, int mi, int s)
{
	struct cal_date g = {y, m, d};

	return cal_wall_time_valid(&g, h, mi, s);
}

static void
test_check(void)
{
	CHECK(valid(2024, 2, 29, 0, 0, 0));
	CHECK(valid(2000, 2, 29, 23, 59, 59)); /* 2000: a leap year */
	CHECK(valid(1970, 1, 1, 0, 0, 0));
	CHECK(valid(9999, 12, 31, 23, 59, 59));
	CHECK(!valid(2023, 2, 29, 12, 0, 0));
	CHECK(!valid(1900, 2, 29, 12, 0, 0)); /* and out of range */
	CHECK(!valid(2100, 2, 29, 12, 0, 0)); /* 2100: not a leap year */
	CHECK(!valid(2024, 2, 30, 12, 0, 0));
	CHECK(!valid(2024, 4, 31, 12, 0, 0));
	CHECK(!valid(2024, 13, 1, 12, 0, 0));
	CHECK(!valid(2024, 0, 1, 12, 0, 0));
	CHECK(!valid(2024, 1, 0, 12, 0, 0));
	CHECK(!valid(2024, 1, 1, 24, 0, 0));
	CHECK(!valid(2024, 1, 1, 12, 60, 0));
	CHECK(!valid(2024, 1, 1, 12, 0, 60));
	CHECK(!valid(2024, 1, 1, -1, 0, 0));
	CHECK(!valid(1969, 12, 31, 23, 59, 59));
	CHECK(!valid(10000, 1, 1, 0, 0, 0));
	CHECK(!valid(0, 0, 0, 0, 0, 0));
}

static void
test_import_date(void)
{
	/* 2024-02-29 12:34:56 UTC and 2020-03-02 00:00:00 UTC. */
	CHECK(import_date("2024-02-29 12:34:56") == 1709210096LL);
	CHECK(import_date("2020-03-02 00:00:00") == 1583107200LL);
	CHECK(import_date("1970-01-01 00:00:00") == 0); /* the epoch */
	CHECK(import_date("2020-03-02") == 1583107200LL);
	/* Before the shared check, timegm made these 2 March 2020. */
	CHECK(import_date("2020-02-31 00:00:00") == 0);
	CHECK(import_date("2020-02-30 00:00:00") == 0);
	CHECK(import_date("2023-02-29 10:00:00") == 0);
	CHECK(import_date("2020-04-31 10:00:00") == 0);
	CHECK(import_date("2020-03-01 24:00:00") == 0);
	CHECK(import_date("2020-03-01 23:60:00") == 0);
	CHECK(import_date("2020-13-01 10:00:00") == 0);
	/* WordPress's unset date, empty and malformed ones: no date. */
	CHECK(import_date("0000-00-00 00:00:00") == 0);
	CHECK(import_date("") == 0);
	CHECK(import_date("yesterday") == 0);
}

/* An item with the three dates WordPress may write. */
static long long
item_time(const char *gmt, const char *local, const char *pub)
{
	struct wxr_item it;

	memset(&it, 0, sizeof(it));
	it.post_date_gmt = gmt;
	it.post_date = local;
	it.pub_date = pub;
	return import_item_time(&it);
}

static void
test_item_time(void)
{
	/* A draft: GMT date unset, the local date taken. */
	CHECK(item_time("0000-00-00 00:00:00", "2020-03-02 00:00:00", "") ==
	      1583107200LL);
	/* An impossible GMT date is not made 2 March: the next one. */
	CHECK(item_time("2020-02-30 09:00:00", "2020-03-02 00:00:00", "") ==
	      1583107200LL);
	CHECK(item_time("2020-02-30 09:00:00", "2020-02-30 10:00:00",
	                "Mon, 02 Mar 2020 00:00:00 +0000") == 1583107200LL);
	CHECK(item_time("", "", "Sun, 30 Feb 2020 00:00:00 +0000") == 0);
	CHECK(item_time("0000-00-00 00:00:00", "0000-00-00 00:00:00", "") == 0);
}

static void
test_admin_time(void)
{
	/* The editor's field in UTC, so the numbers are known. */
	setenv("TZ", "UTC", 1);
	tzset();
	CHECK(admin_parse_local_time("2024-02-29T12:34") == 1709210040LL);
	CHECK(admin_parse_local_time("2020-03-02T00:00") == 1583107200LL);
	CHECK(admin_parse_local_time("2020-02-30T00:00") == -1);
	CHECK(admin_parse_local_time("2023-02-29T00:00") == -1);
	CHECK(admin_parse_local_time("2020-04-31T00:00") == -1);
	CHECK(admin_parse_local_time("2020-03-01T24:00") == -1);
	CHECK(admin_parse_local_time("1969-12-31T23:59") == -1);
	CHECK(admin_parse_local_time("2020-03-01T10:00x") == -1);
	CHECK(admin_parse_local_time("2020-03-01 10:00") == -1);
	CHECK(admin_parse_local_time(NULL) == -1);
}

int
main(void)
{
	test_check();
	test_import_date();
	test_item_time();
	test_admin_time();
	TEST_DONE();
}
