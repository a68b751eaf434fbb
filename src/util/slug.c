/*
 * slug.c: turns a title into a URL slug and checks that a path segment is
 * one.  utf8proc does the Unicode work (NFC and case folding); the rules on
 * top are small: letters, marks and decimal digits of any script are kept,
 * every run of anything else becomes one '-', and the result is cut at
 * SLUG_MAX_BYTES.  Percent-encoding the slug in a URL is html.c's job.
 *
 * Arabic and Persian titles go through the Arabic-script part of the
 * search fold first (util/fold.c: fold_arabic): letter variants made one
 * (ي ى ئ → ی, ك → ک, أ إ آ ٱ → ا, ؤ → و, ة ۀ → ه), harakat, superscript
 * alef and tatweel dropped, and ZWNJ/ZWJ removed rather than made a '-'
 * ("می‌خواهم" and "میخواهم" give one slug, as they are one word to
 * search), so a title typed with either keyboard gives the same address. Digits
 * stay in their script, and Latin letters keep their accents.
 *
 * slug_valid is defined as "slug_make would give back exactly this", and is
 * implemented that way for anything outside [a-z0-9-], so the two can never
 * disagree.
 */
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>

#include "arena.h"
#include "fold.h"
#include "slug.h"

/*
 * Only this much of a title is normalised.  200 bytes of slug never need
 * more, except for titles that are mostly punctuation, and utf8proc's
 * canonical reordering is quadratic in the length of a run of combining
 * marks, so an unbounded title would be a cheap way to burn CPU.
 */
#define SLUG_SCAN_BYTES 4096

/*
 * Applied to each code point before normalisation.  Full case folding
 * turns the Turkish capital dotted I (U+0130) into "i" + U+0307, a stray
 * combining dot in the URL; plain "i" is what a Turkish reader expects.
 */
static utf8proc_int32_t
slug_premap(utf8proc_int32_t cp, void *data)
{
	(void)data;
	return cp == 0x130 ? 'i' : cp;
}

/* What becomes of one code point of the normalised title. */
enum slug_class {
	SLUG_KEEP, /* letter or decimal digit */
	SLUG_MARK, /* combining mark: kept after a kept character only */
	SLUG_SEP,  /* anything else: part of a run that becomes one '-' */
};

static enum slug_class
slug_classify(utf8proc_int32_t cp)
{
	switch (utf8proc_category(cp)) {
	case UTF8PROC_CATEGORY_LU:
	case UTF8PROC_CATEGORY_LL:
	case UTF8PROC_CATEGORY_LT:
	case UTF8PROC_CATEGORY_LM:
	case UTF8PROC_CATEGORY_LO:
	case UTF8PROC_CATEGORY_ND:
		return SLUG_KEEP;
	case UTF8PROC_CATEGORY_MN:
	case UTF8PROC_CATEGORY_MC:
	case UTF8PROC_CATEGORY_ME:
		return SLUG_MARK;
	default:
		return SLUG_SEP;
	}
}

/*
 * Returns the length of the longest prefix of s, at most max bytes, that
 * ends on a code point boundary, or -1 when s (all len bytes) is not
 * valid UTF-8.
 */
static long
slug_scan_prefix(const char *s, size_t len, size_t max)
{
	size_t i = 0, cut = 0;
	utf8proc_int32_t cp;

	while (i < len) {
		utf8proc_ssize_t n =
		    utf8proc_iterate((const utf8proc_uint8_t *)s + i,
		                     (utf8proc_ssize_t)(len - i), &cp);

		if (n <= 0)
			return -1;
		i += (size_t)n;
		if (i <= max)
			cut = i;
	}
	return (long)cut;
}

/*
 * Applies fold_arabic to the len bytes of valid UTF-8 at text.  Returns
 * the result, malloc'd (never longer than text: every mapping keeps or
 * shortens a character), and its length in *out_len; NULL when memory
 * runs out.  Done before normalisation, so that dropping a character
 * (tatweel between a letter and a mark) cannot leave text that NFC would
 * change again.
 */
static utf8proc_uint8_t *
slug_fold_arabic(const char *text, size_t len, size_t *out_len)
{
	utf8proc_uint8_t *out = malloc(len + 1);
	utf8proc_ssize_t i = 0, n;
	utf8proc_int32_t cp;
	size_t o = 0;

	if (out == NULL)
		return NULL;
	while ((size_t)i < len) {
		n = utf8proc_iterate((const utf8proc_uint8_t *)text + i,
		                     (utf8proc_ssize_t)len - i, &cp);
		if (n <= 0)
			break; /* cannot happen: checked by the caller */
		i += n;
		if ((cp = fold_arabic(cp)) != FOLD_DROP)
			o += (size_t)utf8proc_encode_char(cp, out + o);
	}
	*out_len = o;
	return out;
}

/*
 * Builds the slug of text into out (NUL-terminated).  Returns its length
 * in bytes, 0 when nothing of the title is kept, or -1 when text is not
 * valid UTF-8.
 */
static long
slug_build(const char *text, size_t len, char out[SLUG_MAX_BYTES + 1])
{
	utf8proc_uint8_t *mapped = NULL, *folded;
	utf8proc_ssize_t mapped_len, i = 0, n;
	size_t folded_len;
	utf8proc_int32_t cp;
	size_t out_len = 0, need;
	bool pending_sep = false;
	long scan;

	out[0] = '\0';
	if (text == NULL)
		return -1;
	scan = slug_scan_prefix(text, len, SLUG_SCAN_BYTES);
	if (scan < 0)
		return -1;
	if (scan == 0)
		return 0;
	folded = slug_fold_arabic(text, (size_t)scan, &folded_len);
	if (folded == NULL)
		return -1;
	mapped_len = utf8proc_map_custom(
	    folded, (utf8proc_ssize_t)folded_len, &mapped,
	    UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_CASEFOLD, slug_premap,
	    NULL);
	free(folded);
	if (mapped_len < 0)
		return -1;
	while (i < mapped_len) {
		n = utf8proc_iterate(mapped + i, mapped_len - i, &cp);
		if (n <= 0)
			break; /* cannot happen: utf8proc wrote it */
		switch (slug_classify(cp)) {
		case SLUG_SEP:
			pending_sep = out_len > 0;
			i += n;
			continue;
		case SLUG_MARK:
			/* A mark with nothing kept before it (at the start or
			 * after a separator) has no base: drop it, so a slug
			 * never starts a word with a combining mark. */
			if (out_len == 0 || pending_sep) {
				i += n;
				continue;
			}
			break;
		case SLUG_KEEP:
			break;
		}
		/* The '-' is written only together with the character after
		 * it, so a cut never leaves a trailing '-'. */
		need = (size_t)n + (pending_sep ? 1 : 0);
		if (out_len + need > SLUG_MAX_BYTES)
			break;
		if (pending_sep)
			out[out_len++] = '-';
		pending_sep = false;
		memcpy(out + out_len, mapped + i, (size_t)n);
		out_len += (size_t)n;
		i += n;
	}
	free(mapped);
	out[out_len] = '\0';
	return (long)out_len;
}

/*
 * Makes the slug of a title: NFC, case-folded, letters, marks and decimal
 * digits of any script kept, every run of anything else turned into one
 * '-', none at either end, at most SLUG_MAX_BYTES bytes (cut on a code
 * point boundary).  Only the first few KiB of a very long title are read.
 * Returns the slug, allocated in the arena a, or NULL when nothing is left
 * (a title of punctuation or emoji only) or text is not valid UTF-8.
 */
char *
slug_make(struct arena *a, const char *text, size_t len)
{
	char out[SLUG_MAX_BYTES + 1];
	long n = slug_build(text, len, out);

	if (n <= 0)
		return NULL;
	return arena_strndup(a, out, (size_t)n);
}

/*
 * Returns true when s (len bytes, need not be NUL-terminated) is exactly
 * what slug_make gives for it, i.e. a slug in canonical form.  Pure
 * [a-z0-9-] input is checked without utf8proc; any other ASCII byte
 * (capitals, punctuation, NUL) is refused at once; anything else is
 * compared with its own slug.  Allocates nothing that outlives the call.
 */
bool
slug_valid(const char *s, size_t len)
{
	char out[SLUG_MAX_BYTES + 1];
	bool ascii = true;
	size_t i;
	long n;

	if (s == NULL || len == 0 || len > SLUG_MAX_BYTES)
		return false;
	for (i = 0; i < len; i++) {
		unsigned char c = (unsigned char)s[i];

		if (c >= 0x80) {
			ascii = false;
		} else if (c == '-') {
			if (i == 0 || i == len - 1 || s[i - 1] == '-')
				return false;
		} else if (!((c >= 'a' && c <= 'z') ||
		             (c >= '0' && c <= '9'))) {
			return false;
		}
	}
	if (ascii)
		return true;
	n = slug_build(s, len, out);
	return n == (long)len && memcmp(out, s, len) == 0;
}
