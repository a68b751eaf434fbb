/*
 * text.c: plain text typed into public forms (see text.h).  Nothing here
 * allocates but text_clean and text_trim, in the caller's arena.
 */
#include <string.h>

#include "text.h"

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
