#!/usr/bin/python3
"""calendar_nowruz.py: writes the table of Nowruz days that
tests/unit/test_calendar.c checks src/util/calendar.c against, computed
from the astronomy rather than from any calendar arithmetic.

For each Gregorian year 1800 to 2200, the March equinox comes from PyEphem
(Debian's python3-ephem: VSOP87 and its Delta T model); the Solar Hijri
year begins on the day, in Iran Standard Time (UTC+3:30), whose noon
(08:30 UTC) comes after the equinox.  Each year is one digit, the day of
March minus 19, in lines of 50 years.  Not run by the tests (they keep the
output); run it again to check a change of the rule:

    python3 tests/unit/calendar_nowruz.py
"""

import datetime

import ephem  # apt-get install python3-ephem

FIRST, LAST = 1800, 2200


def nowruz(year):
    """Returns the Gregorian date on which the Solar Hijri year that
    begins in March of year begins."""
    eq = ephem.next_vernal_equinox(ephem.Date("%d/3/1" % year)).datetime()
    noon = datetime.datetime(eq.year, eq.month, eq.day, 8, 30)
    day = eq.date() if eq < noon else eq.date() + datetime.timedelta(1)
    assert day.month == 3 and 19 < day.day < 29, day
    return day


def main():
    digits = "".join(str(nowruz(y).day - 19) for y in range(FIRST, LAST + 1))
    for i in range(0, len(digits), 50):
        print('    "%s" /* %d */' % (digits[i:i + 50], FIRST + i))


if __name__ == "__main__":
    main()
