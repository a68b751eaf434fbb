/*
 * plural.h: the plural category of a count in a language, by the CLDR
 * plural rules for integers (Unicode's Common Locale Data Repository,
 * "Language Plural Rules"), so that "3 comments" and "11 comments" can
 * take the different forms Arabic gives them.  Interface strings name a
 * form per category: NOUN_zero, NOUN_one, NOUN_two, NOUN_few, NOUN_many,
 * NOUN_other (frame_count in handlers/frame.c).
 */
#ifndef GAZETTE_PLURAL_H
#define GAZETTE_PLURAL_H

enum plural {
	PLURAL_ZERO,
	PLURAL_ONE,
	PLURAL_TWO,
	PLURAL_FEW,
	PLURAL_MANY,
	PLURAL_OTHER,
	PLURAL__MAX
};

/* The categories' names as interface keys end: "zero" … "other". */
extern const char *const plural_names[PLURAL__MAX];

/*
 * Returns the category of the count n (negative counts as its absolute
 * value) in the language lang, a BCP 47 tag ("ar", "fa-IR"; its primary
 * subtag decides, in any case).  Languages the table does not know follow
 * English: one for 1, other for the rest.
 */
enum plural plural_of(const char *lang, long long n);

#endif
