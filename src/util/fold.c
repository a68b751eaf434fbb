/*
 * fold.c: the search normalisation (see fold.h).  utf8proc does the
 * Unicode work (compatibility decomposition, which also turns the Arabic
 * presentation forms U+FB50–U+FEFF into letters, and case folding); the
 * Arabic-script table and the choice of what is a word are ours.  Words
 * are found in the original text and folded one at a time, so that every
 * token knows the bytes it came from (snippets highlight the original).
 *
 * Decisions: ß folds to "ss" (utf8proc's full case folding); the Persian
 * forms are the canonical ones (ی U+06CC, ک U+06A9), alef maksura ى joins
 * yeh, and teh marbuta ة joins heh (as search engines for Arabic and
 * Persian do: the two are written for each other); nonspacing and
 * enclosing marks of every script are dropped (é → e), spacing marks (Mc,
 * the vowel signs of Indic scripts) are kept.
 */
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>

#include "fold.h"

/* Maps one code point; see fold.h. */
int32_t
fold_arabic(int32_t cp)
{
	switch (cp) {
	case 0x0622: /* آ alef with madda */
	case 0x0623: /* أ alef with hamza above */
	case 0x0625: /* إ alef with hamza below */
	case 0x0671: /* ٱ alef wasla */
	case 0x0672: /* ٲ alef with wavy hamza above */
	case 0x0673: /* ٳ alef with wavy hamza below */
		return 0x0627;
	case 0x0624: /* ؤ waw with hamza */
		return 0x0648;
	case 0x0626: /* ئ yeh with hamza */
	case 0x0649: /* ى alef maksura */
	case 0x064A: /* ي Arabic yeh */
		return 0x06CC;
	case 0x0643: /* ك Arabic kaf */
		return 0x06A9;
	case 0x0629: /* ة teh marbuta */
	case 0x06C0: /* ۀ heh with yeh above */
	case 0x06D5: /* ە ae */
		return 0x0647;
	case 0x0640: /* tatweel */
	case 0x0670: /* superscript alef */
	case 0x200C: /* ZWNJ */
	case 0x200D: /* ZWJ */
		return FOLD_DROP;
	default:
		break;
	}
	/* Harakat, hamza and madda marks; the Quranic annotation marks. */
	if ((cp >= 0x064B && cp <= 0x065F) || (cp >= 0x06D6 && cp <= 0x06DC) ||
	    (cp >= 0x06DF && cp <= 0x06E4) || (cp >= 0x06E7 && cp <= 0x06E8) ||
	    (cp >= 0x06EA && cp <= 0x06ED))
		return FOLD_DROP;
	return cp;
}

/* Maps one digit; see fold.h. */
int32_t
fold_digit(int32_t cp)
{
	if (cp >= 0x0660 && cp <= 0x0669)
		return '0' + (cp - 0x0660);
	if (cp >= 0x06F0 && cp <= 0x06F9)
		return '0' + (cp - 0x06F0);
	return cp;
}

/* Whether cp belongs to a word: letters, marks, numbers, the joiners. */
static bool
word_char(utf8proc_int32_t cp)
{
	switch (utf8proc_category(cp)) {
	case UTF8PROC_CATEGORY_LU:
	case UTF8PROC_CATEGORY_LL:
	case UTF8PROC_CATEGORY_LT:
	case UTF8PROC_CATEGORY_LM:
	case UTF8PROC_CATEGORY_LO:
	case UTF8PROC_CATEGORY_MN:
	case UTF8PROC_CATEGORY_MC:
	case UTF8PROC_CATEGORY_ME:
	case UTF8PROC_CATEGORY_ND:
	case UTF8PROC_CATEGORY_NL:
	case UTF8PROC_CATEGORY_NO:
		return true;
	default:
		return cp == 0x200C || cp == 0x200D;
	}
}

/* Sends the pieces of a folded word, out[0..n), to fn.  A piece ends at
 * each character that is not a letter, mark or number (space). */
static int
emit_pieces(const char *out, size_t n, size_t start, size_t end,
            fold_token_fn fn, void *ctx)
{
	size_t i = 0, from = 0;
	int rc;

	while (i <= n) {
		utf8proc_int32_t cp = ' ';
		utf8proc_ssize_t k = 1;

		if (i < n)
			k = utf8proc_iterate((const utf8proc_uint8_t *)out + i,
			                     (utf8proc_ssize_t)(n - i), &cp);
		if (k <= 0) /* cannot happen: we wrote it */
			return -1;
		if (i == n || !word_char(cp)) {
			if (i > from && (rc = fn(ctx, out + from, i - from,
			                         start, end)) != 0)
				return rc;
			from = i + (size_t)k;
		}
		i += (size_t)k;
	}
	return 0;
}

/* Folds one word, which is valid UTF-8 of at most FOLD_WORD_MAX_BYTES,
 * and emits its tokens. */
static int
fold_word(const char *w, size_t n, size_t start, size_t end, fold_token_fn fn,
          void *ctx)
{
	utf8proc_uint8_t *mapped = NULL;
	utf8proc_ssize_t mapped_len, i = 0, k;
	utf8proc_int32_t cp;
	char ascii[FOLD_WORD_MAX_BYTES], *out;
	size_t out_len = 0, j;
	int rc;

	/* Plain ASCII letters and digits need only lower case. */
	for (j = 0; j < n && (unsigned char)w[j] < 0x80; j++)
		ascii[j] =
		    (w[j] >= 'A' && w[j] <= 'Z') ? (char)(w[j] + 32) : w[j];
	if (j == n)
		return fn(ctx, ascii, n, start, end);

	mapped_len = utf8proc_map((const utf8proc_uint8_t *)w,
	                          (utf8proc_ssize_t)n, &mapped,
	                          UTF8PROC_STABLE | UTF8PROC_COMPAT |
	                              UTF8PROC_DECOMPOSE | UTF8PROC_CASEFOLD);
	if (mapped_len < 0)
		return mapped_len == UTF8PROC_ERROR_NOMEM ? -1 : 0;
	/* Every step below writes at most what it reads. */
	out = (char *)mapped;
	while (i < mapped_len) {
		k = utf8proc_iterate(mapped + i, mapped_len - i, &cp);
		if (k <= 0)
			break;
		i += k;
		switch (utf8proc_category(cp)) {
		case UTF8PROC_CATEGORY_MN:
		case UTF8PROC_CATEGORY_ME:
			continue;
		default:
			break;
		}
		if ((cp = fold_arabic(cp)) == FOLD_DROP)
			continue;
		cp = fold_digit(cp);
		out_len += (size_t)utf8proc_encode_char(
		    cp, (utf8proc_uint8_t *)out + out_len);
	}
	/* NFKD may lengthen a word (U+FDFA gives 18 characters): cut the
	 * result to the cap too, so that a token is its own fold. */
	if (out_len > FOLD_WORD_MAX_BYTES) {
		out_len = FOLD_WORD_MAX_BYTES;
		while (out_len > 0 &&
		       ((unsigned char)out[out_len] & 0xC0) == 0x80)
			out_len--;
	}
	rc = emit_pieces(out, out_len, start, end, fn, ctx);
	free(mapped);
	return rc;
}

/* Splits and folds; see fold.h. */
int
fold_tokens(const char *text, size_t len, fold_token_fn fn, void *ctx)
{
	const utf8proc_uint8_t *s = (const utf8proc_uint8_t *)text;
	size_t i = 0, start, end, cut;
	utf8proc_int32_t cp;
	utf8proc_ssize_t k;
	int rc;

	while (i < len) {
		k = utf8proc_iterate(s + i, (utf8proc_ssize_t)(len - i), &cp);
		if (k <= 0) {
			i++; /* not UTF-8: a separator */
			continue;
		}
		if (!word_char(cp)) {
			i += (size_t)k;
			continue;
		}
		start = i;
		i += (size_t)k;
		cut = i;
		while (i < len) {
			k = utf8proc_iterate(s + i, (utf8proc_ssize_t)(len - i),
			                     &cp);
			if (k <= 0 || !word_char(cp))
				break;
			i += (size_t)k;
			if (i - start <= FOLD_WORD_MAX_BYTES)
				cut = i;
		}
		end = i;
		rc = fold_word(text + start, cut - start, start, end, fn, ctx);
		if (rc != 0)
			return rc;
	}
	return 0;
}

/* The growing result of fold_text. */
struct fold_joined {
	char *data;
	size_t len, cap;
};

/* Appends one token, after a space unless it is the first. */
static int
join_token(void *ctx, const char *tok, size_t tok_len, size_t start, size_t end)
{
	struct fold_joined *j = ctx;
	size_t need = j->len + tok_len + 2;

	(void)start;
	(void)end;
	if (need > j->cap) {
		size_t cap = j->cap * 2 > need ? j->cap * 2 : need;
		char *p = realloc(j->data, cap);

		if (p == NULL)
			return -1;
		j->data = p;
		j->cap = cap;
	}
	if (j->len > 0)
		j->data[j->len++] = ' ';
	memcpy(j->data + j->len, tok, tok_len);
	j->len += tok_len;
	return 0;
}

/* Folds a whole text; see fold.h. */
char *
fold_text(const char *text, size_t len, size_t *out_len)
{
	struct fold_joined j = {malloc(64), 0, 64};

	if (j.data == NULL)
		return NULL;
	if (fold_tokens(text, len, join_token, &j) != 0) {
		free(j.data);
		return NULL;
	}
	j.data[j.len] = '\0';
	if (out_len != NULL)
		*out_len = j.len;
	return j.data;
}
