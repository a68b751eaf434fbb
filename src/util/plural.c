/*
 * plural.c: CLDR's plural rules for integers (see plural.h).  Only the
 * integer rules matter here: counts of comments and photos.  The rules,
 * as CLDR writes them for integers n (i = n):
 *   ar           zero n = 0; one n = 1; two n = 2; few n % 100 = 3..10;
 *                many n % 100 = 11..99
 *   fa, hi, bn   one i = 0 or n = 1
 *   fr, pt       one i = 0, 1
 *   ru, uk, be   one n % 10 = 1 and n % 100 != 11; few n % 10 = 2..4
 *                and n % 100 != 12..14; many the other integers
 *   pl           one n = 1; few as ru; many the other integers
 *   he           one n = 1; two n = 2; other
 *   zh, ja, ko, vi, th, id, ms   other only
 *   everything else (en, sq, de, es, it, nl, sv, tr, …): one n = 1
 */
#include <ctype.h>
#include <limits.h>
#include <stddef.h>
#include <string.h>

#include "plural.h"

const char *const plural_names[PLURAL__MAX] = {
    [PLURAL_ZERO] = "zero", [PLURAL_ONE] = "one",   [PLURAL_TWO] = "two",
    [PLURAL_FEW] = "few",   [PLURAL_MANY] = "many", [PLURAL_OTHER] = "other",
};

/* Whether lang's primary subtag is one of the space-separated codes. */
static int
lang_in(const char *lang, const char *codes)
{
	char primary[9];
	size_t n = 0, len;
	const char *p;

	while (lang[n] != '\0' && lang[n] != '-' && lang[n] != '_' &&
	       n < sizeof(primary) - 1) {
		primary[n] = (char)tolower((unsigned char)lang[n]);
		n++;
	}
	primary[n] = '\0';
	if (n == 0)
		return 0;
	for (p = codes; *p != '\0'; p += len) {
		while (*p == ' ')
			p++;
		len = strcspn(p, " ");
		if (len == n && strncmp(p, primary, n) == 0)
			return 1;
	}
	return 0;
}

/* The East Slavic rule (ru, uk, be), and Polish's (one only for 1). */
static enum plural
slavic(long long n, int polish)
{
	long long d = n % 10, h = n % 100;

	if (polish ? n == 1 : d == 1 && h != 11)
		return PLURAL_ONE;
	if (d >= 2 && d <= 4 && !(h >= 12 && h <= 14))
		return PLURAL_FEW;
	return PLURAL_MANY;
}

/* Returns the category of n in lang; see plural.h. */
enum plural
plural_of(const char *lang, long long n)
{
	long long h;

	if (n < 0)
		n = n < -LLONG_MAX ? LLONG_MAX : -n;
	if (lang == NULL)
		lang = "";
	if (lang_in(lang, "ar")) {
		h = n % 100;
		if (n == 0)
			return PLURAL_ZERO;
		if (n == 1)
			return PLURAL_ONE;
		if (n == 2)
			return PLURAL_TWO;
		if (h >= 3 && h <= 10)
			return PLURAL_FEW;
		if (h >= 11)
			return PLURAL_MANY;
		return PLURAL_OTHER;
	}
	if (lang_in(lang, "fa hi bn fr pt"))
		return n <= 1 ? PLURAL_ONE : PLURAL_OTHER;
	if (lang_in(lang, "ru uk be"))
		return slavic(n, 0);
	if (lang_in(lang, "pl"))
		return slavic(n, 1);
	if (lang_in(lang, "he"))
		return n == 1 ? PLURAL_ONE : n == 2 ? PLURAL_TWO : PLURAL_OTHER;
	if (lang_in(lang, "zh ja ko vi th id ms"))
		return PLURAL_OTHER;
	return n == 1 ? PLURAL_ONE : PLURAL_OTHER;
}
