/*
 * test_plural.c: unit tests for util/plural.c against the sample values
 * CLDR lists for each rule (plurals.xml, "@integer" samples): Arabic's
 * six categories, Persian and French (0 and 1 are one), the Slavic
 * rules, Hebrew's two, languages with one form, English and the default;
 * language tags in any case and with a region; negative counts.
 */
#include <limits.h>
#include <string.h>

#include "util/plural.h"
#include "testhelp.h"

/* Checks that every count of ns[0..n) is in category want in lang. */
static void
all_in(const char *lang, enum plural want, const long long *ns, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		if (plural_of(lang, ns[i]) != want)
			fprintf(stderr, "%s %lld: %s, want %s\n", lang, ns[i],
			        plural_names[plural_of(lang, ns[i])],
			        plural_names[want]);
		CHECK(plural_of(lang, ns[i]) == want);
	}
}

#define ALL_IN(lang, want, ...)                                                \
	do {                                                                   \
		static const long long ns_[] = {__VA_ARGS__};                  \
		all_in(lang, want, ns_, sizeof(ns_) / sizeof(ns_[0]));         \
	} while (0)

int
main(void)
{
	/* Arabic. */
	ALL_IN("ar", PLURAL_ZERO, 0);
	ALL_IN("ar", PLURAL_ONE, 1);
	ALL_IN("ar", PLURAL_TWO, 2);
	ALL_IN("ar", PLURAL_FEW, 3, 4, 5, 6, 7, 8, 9, 10, 103, 104, 110, 1003);
	ALL_IN("ar", PLURAL_MANY, 11, 12, 19, 26, 99, 111, 1011, 1099);
	ALL_IN("ar", PLURAL_OTHER, 100, 101, 102, 200, 201, 202, 300, 1000,
	       10000, 100000);
	/* Persian, Hindi, French, Portuguese: 0 and 1 are one. */
	ALL_IN("fa", PLURAL_ONE, 0, 1);
	ALL_IN("fa", PLURAL_OTHER, 2, 3, 10, 17, 100, 1000);
	ALL_IN("fr", PLURAL_ONE, 0, 1);
	ALL_IN("pt", PLURAL_OTHER, 2, 100);
	ALL_IN("hi", PLURAL_ONE, 0, 1);
	/* Russian, Ukrainian; Polish. */
	ALL_IN("ru", PLURAL_ONE, 1, 21, 31, 41, 101, 1001);
	ALL_IN("ru", PLURAL_FEW, 2, 3, 4, 22, 23, 24, 32, 102, 1002);
	ALL_IN("ru", PLURAL_MANY, 0, 5, 6, 11, 12, 13, 14, 19, 20, 100, 111,
	       112, 1000);
	ALL_IN("uk", PLURAL_ONE, 21);
	ALL_IN("pl", PLURAL_ONE, 1);
	ALL_IN("pl", PLURAL_FEW, 2, 3, 4, 22, 23, 24, 32, 102);
	ALL_IN("pl", PLURAL_MANY, 0, 5, 11, 12, 14, 19, 21, 31, 100, 101);
	/* Hebrew. */
	ALL_IN("he", PLURAL_ONE, 1);
	ALL_IN("he", PLURAL_TWO, 2);
	ALL_IN("he", PLURAL_OTHER, 0, 3, 17, 100);
	/* One form. */
	ALL_IN("zh", PLURAL_OTHER, 0, 1, 2, 100);
	ALL_IN("ja", PLURAL_OTHER, 1);
	/* English, Albanian and every language the table does not know. */
	ALL_IN("en", PLURAL_ONE, 1);
	ALL_IN("en", PLURAL_OTHER, 0, 2, 3, 16, 100, 1000);
	ALL_IN("sq", PLURAL_ONE, 1);
	ALL_IN("sq", PLURAL_OTHER, 0, 2, 11);
	ALL_IN("xx", PLURAL_ONE, 1);
	ALL_IN("xx", PLURAL_OTHER, 0, 2);
	ALL_IN("", PLURAL_OTHER, 0, 2);
	CHECK(plural_of(NULL, 1) == PLURAL_ONE);
	/* Tags: the primary subtag in any case decides. */
	ALL_IN("AR", PLURAL_TWO, 2);
	ALL_IN("ar-EG", PLURAL_FEW, 3);
	ALL_IN("fa_IR", PLURAL_ONE, 0);
	ALL_IN("arn", PLURAL_OTHER, 2); /* Mapudungun, not Arabic */
	ALL_IN("far", PLURAL_OTHER, 0); /* not Persian */
	ALL_IN("ruxxxxxxxxxx", PLURAL_OTHER, 3);
	/* Negative counts count as their absolute value. */
	ALL_IN("ar", PLURAL_TWO, -2);
	/* The least counts as the greatest, …807: few (no overflow). */
	ALL_IN("ar", PLURAL_FEW, LLONG_MIN, LLONG_MAX);
	ALL_IN("en", PLURAL_ONE, -1);
	/* The names, as keys end. */
	CHECK(strcmp(plural_names[PLURAL_ZERO], "zero") == 0);
	CHECK(strcmp(plural_names[PLURAL_OTHER], "other") == 0);
	TEST_DONE();
}
