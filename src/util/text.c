/*
 * text.c: plain text typed into public forms (see text.h).  Nothing here
 * allocates but text_nfc, text_clean and text_trim, in the caller's
 * arena.
 */
#include <string.h>
#include <strings.h>
#include <utf8proc.h>

#include "text.h"

/* Normalises to NFC; see text.h. */
const char *
text_nfc(struct arena *a, const char *s, size_t len, size_t *out_len)
{
	const utf8proc_option_t opts = UTF8PROC_STABLE | UTF8PROC_COMPOSE;
	const utf8proc_uint8_t *u = (const utf8proc_uint8_t *)s;
	utf8proc_int32_t *cps;
	utf8proc_ssize_t n, cap;
	size_t i;

	/* A lead byte below 0xcc starts a character below U+0300, and no
	 * such character composes with what precedes it or decomposes. */
	for (i = 0; i < len && u[i] < 0xcc; i++)
		;
	if (i == len) {
		*out_len = len;
		return s;
	}
	/* Decompose into code points (first guess: one per byte, which
	 * only a few characters outgrow), then compose and write UTF-8 over
	 * the same buffer, which utf8proc_reencode needs one byte longer. */
	cap = (utf8proc_ssize_t)len;
	cps = arena_alloc(a, ((size_t)cap + 1) * sizeof(*cps));
	n = utf8proc_decompose(u, (utf8proc_ssize_t)len, cps, cap, opts);
	if (n > cap) {
		cap = n;
		cps = arena_alloc(a, ((size_t)cap + 1) * sizeof(*cps));
		n = utf8proc_decompose(u, (utf8proc_ssize_t)len, cps, cap,
		                       opts);
	}
	if (n < 0 || n > cap)
		return NULL;
	n = utf8proc_reencode(cps, n, opts);
	if (n < 0)
		return NULL;
	*out_len = (size_t)n;
	return (const char *)cps;
}

/* Counts characters; see text.h. */
size_t
text_chars(const char *s)
{
	size_t n = 0;

	for (; *s; s++)
		n += ((unsigned char)*s & 0xc0) != 0x80;
	return n;
}

/* Returns the length of the control character at s (C0, DEL, or C1 in
 * UTF-8), or 0 when s does not start with one. */
static size_t
control_at(const char *s)
{
	unsigned char c = (unsigned char)s[0];

	if (c < 0x20 || c == 0x7f)
		return c == 0 ? 0 : 1;
	if (c == 0xc2 && (unsigned char)s[1] >= 0x80 &&
	    (unsigned char)s[1] <= 0x9f)
		return 2;
	return 0;
}

/* Looks for control characters; see text.h. */
bool
text_has_control(const char *s)
{
	for (; *s; s++)
		if (control_at(s) > 0)
			return true;
	return false;
}

/* Copies s without control characters; see text.h. */
const char *
text_clean(struct arena *a, const char *s, bool multiline, size_t max_chars)
{
	char *out = arena_alloc(a, strlen(s) + 1), *o = out;
	size_t chars = 0, skip;

	while (*s != '\0' && chars < max_chars) {
		if (multiline && *s == '\r') {
			*o++ = '\n';
			s += s[1] == '\n' ? 2 : 1;
			chars++;
		} else if (multiline && (*s == '\n' || *s == '\t')) {
			*o++ = *s++;
			chars++;
		} else if ((skip = control_at(s)) > 0) {
			s += skip;
		} else {
			do
				*o++ = *s++;
			while (((unsigned char)*s & 0xc0) == 0x80);
			chars++;
		}
	}
	*o = '\0';
	return out;
}

/* Trims spaces and tabs; see text.h. */
const char *
text_trim(struct arena *a, const char *s)
{
	size_t n;

	if (s == NULL)
		return "";
	while (*s == ' ' || *s == '\t')
		s++;
	n = strlen(s);
	while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t'))
		n--;
	return arena_strndup(a, s, n);
}

/* Tells blank text; see text.h. */
bool
text_blank(const char *s)
{
	return s[strspn(s, " \t\n")] == '\0';
}

/* Checks an email address's syntax; see text.h. */
bool
text_email_valid(const char *s)
{
	const char *at = strchr(s, '@');
	size_t local, domain;

	if (at == NULL || strchr(at + 1, '@') != NULL ||
	    text_chars(s) > TEXT_EMAIL_MAX_CHARS)
		return false;
	local = (size_t)(at - s);
	domain = strlen(at + 1);
	if (local == 0 || local > 64 || domain < 3 || domain > 253 ||
	    strchr(at + 1, '.') == NULL || at[1] == '.' || at[domain] == '.' ||
	    strstr(at, "..") != NULL)
		return false;
	for (; *s; s++)
		if (control_at(s) > 0 || strchr(" \"(),:;<>[\\]", *s) != NULL)
			return false;
	return true;
}

/* Whether c is an ASCII letter or digit. */
static bool
ascii_alnum(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	       (c >= '0' && c <= '9');
}

/* Whether c may stand in an address as written in plain text. */
static bool
link_char(unsigned char c)
{
	return c > 0x20 && c < 0x7f && strchr("\"'<>`{}|^\\", c) == NULL;
}

/* Returns the length of "http://" or "https://" at s (any case), or 0. */
static size_t
link_scheme(const char *s)
{
	if (strncasecmp(s, "http://", 7) == 0)
		return 7;
	if (strncasecmp(s, "https://", 8) == 0)
		return 8;
	return 0;
}

/* Finds the next web address; see text.h. */
bool
text_link_next(const char *s, size_t from, struct text_link *out)
{
	size_t n = strlen(s);

	for (size_t i = from; i < n; i++) {
		size_t scheme, end, open_paren, close_paren, open_bracket,
		    close_bracket;

		if ((s[i] != 'h' && s[i] != 'H') ||
		    (i > 0 && ascii_alnum((unsigned char)s[i - 1])) ||
		    (scheme = link_scheme(s + i)) == 0)
			continue;
		for (end = i + scheme;
		     end < n && link_char((unsigned char)s[end]); end++)
			;
		/* Sentence punctuation and unmatched closing brackets after
		 * an address are the sentence's, not the address's. */
		open_paren = close_paren = open_bracket = close_bracket = 0;
		for (size_t k = i + scheme; k < end; k++) {
			open_paren += s[k] == '(';
			close_paren += s[k] == ')';
			open_bracket += s[k] == '[';
			close_bracket += s[k] == ']';
		}
		while (end > i + scheme) {
			char c = s[end - 1];

			if (c == ')' && open_paren < close_paren)
				close_paren--;
			else if (c == ']' && open_bracket < close_bracket)
				close_bracket--;
			else if (strchr(".,;:!?*", c) == NULL)
				break;
			end--;
		}
		if (end == i + scheme ||
		    !(ascii_alnum((unsigned char)s[i + scheme]) ||
		      s[i + scheme] == '['))
			continue;
		if (end - i > TEXT_LINK_MAX) {
			i = end - 1;
			continue;
		}
		out->start = i;
		out->len = end - i;
		return true;
	}
	return false;
}

/* Counts web addresses; see text.h. */
size_t
text_links_count(const char *s)
{
	size_t k = 0;

	for (; *s; s++)
		if ((*s == 'h' || *s == 'H') && link_scheme(s) > 0)
			k++;
	return k;
}
