/*
 * calendar.h: the Gregorian and the Solar Hijri (Persian, Jalali)
 * calendars, as conversions to and from a day number: days since
 * 1970-01-01, so a UTC time's day is t / 86400 rounded down.
 *
 * The Gregorian calendar is proleptic, exact for the years -1000000 to
 * 1000000 that the functions accept.  The Solar Hijri calendar is the
 * arithmetic of Kazimierz Borkowski ("The Persian calendar for 3000
 * years", Earth, Moon and Planets 74, 1996): the 33-year leap pattern
 * between a table of "break" years where the astronomical calendar
 * shifts it.  Its years are CAL_PERSIAN_MIN_YEAR to
 * CAL_PERSIAN_MAX_YEAR (March 622 to March 3798 CE).  The rule it follows
 * is Iran's: a year begins on the day, in Iran Standard Time (UTC+3:30,
 * the meridian 52.5 E), whose noon comes after the March equinox.
 * calendar.c says how that agreement was checked and where it holds.
 * Pure functions, no allocation.
 */
#ifndef GAZETTE_CALENDAR_H
#define GAZETTE_CALENDAR_H

#include <stdbool.h>

/* The Solar Hijri years the arithmetic covers. */
#define CAL_PERSIAN_MIN_YEAR 1
#define CAL_PERSIAN_MAX_YEAR 3176

/* A date in either calendar: month 1 to 12, day 1 to 31. */
struct cal_date {
	int year;
	int month;
	int day;
};

/* Returns whether Gregorian year y is a leap year. */
bool cal_gregorian_leap(int y);

/* Returns the days of month m (1 to 12) of Gregorian year y, 0 for
 * another m. */
int cal_gregorian_month_days(int y, int m);

/*
 * Sets *days to the day number of a Gregorian date.  Returns 0, or -1
 * (*days untouched) when the date does not exist (month 13, 30 February)
 * or its year is outside -1000000 to 1000000.
 */
int cal_days_from_gregorian(const struct cal_date *g, long long *days);

/*
 * Whether a date and time written by a person or a program (the admin's
 * publication time, WordPress's post and comment dates) is one to take:
 * a year of CAL_WALL_MIN_YEAR to CAL_WALL_MAX_YEAR, a date the calendar
 * has (not 30 February, nor 29 February outside leap years, nor 31
 * April), hour 0 to 23, minute and second 0 to 59.  The one check both
 * use, so that neither leaves it to mktime or timegm, which make 30
 * February 2 March without a word.
 */
#define CAL_WALL_MIN_YEAR 1970
#define CAL_WALL_MAX_YEAR 9999
bool cal_wall_time_valid(const struct cal_date *g, int hour, int minute,
                         int second);

/* Sets *out to the Gregorian date of a day number.  Returns 0, or -1 when
 * its year would be outside -1000000 to 1000000. */
int cal_gregorian_from_days(long long days, struct cal_date *out);

/* Returns whether Solar Hijri year y (within the range above) has 366
 * days (30 Esfand); false outside the range. */
bool cal_persian_leap(int y);

/* Returns the days of month m of Solar Hijri year y: 31 for Farvardin to
 * Shahrivar, 30 for Mehr to Bahman, 29 or 30 for Esfand; 0 when y or m is
 * out of range. */
int cal_persian_month_days(int y, int m);

/*
 * Sets *days to the day number of a Solar Hijri date.  Returns 0, or -1
 * (*days untouched) when the date does not exist or its year is outside
 * CAL_PERSIAN_MIN_YEAR..CAL_PERSIAN_MAX_YEAR.
 */
int cal_days_from_persian(const struct cal_date *p, long long *days);

/* Sets *out to the Solar Hijri date of a day number.  Returns 0, or -1
 * when its year is outside the range. */
int cal_persian_from_days(long long days, struct cal_date *out);

/* Converts a Gregorian date to Solar Hijri: 0, or -1 as the two
 * functions above. */
int cal_gregorian_to_persian(const struct cal_date *g, struct cal_date *p);

/* Converts a Solar Hijri date to Gregorian: 0, or -1 as above. */
int cal_persian_to_gregorian(const struct cal_date *p, struct cal_date *g);

#endif
