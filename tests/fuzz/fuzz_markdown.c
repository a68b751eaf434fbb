/*
 * fuzz_markdown.c: libFuzzer entry for render/markdown.c.  Inputs are cut
 * at 64 KiB (cmark 0.30.2 is quadratic on some inputs; the unit tests
 * cover the real cap).  The output is checked structurally rather than by
 * grepping for "javascript:", which legitimately appears as text: every
 * '<' must open a tag cmark's renderer writes (or its "raw HTML omitted"
 * comment), with known attributes only, and every href or src must be
 * relative or http, https or mailto.
 */
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "render/markdown.h"
#include "fuzz.h"

#define FUZZ_MAX_BYTES (64 * 1024)

/* Like assert, but kept when NDEBUG is defined (CMake's Release). */
static const char *const fuzz_tags[] = {
    "p",   "h1",         "h2", "h3",     "h4", "h5",   "h6", "ul", "ol",  "li",
    "pre", "blockquote", "em", "strong", "a",  "code", "hr", "br", "img",
};

static const char *const fuzz_attrs[] = {
    "href",  "src",   "alt",    "title",   "class",
    "start", "width", "height", "loading", "decoding",
};

/* Returns true when the n bytes at s are one of the words in list. */
static bool
in_list(const char *s, size_t n, const char *const *list, size_t count)
{
	size_t i;

	for (i = 0; i < count; i++)
		if (strlen(list[i]) == n && memcmp(list[i], s, n) == 0)
			return true;
	return false;
}

static bool
is_alpha(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/* Checks a URL as written in the attribute (up to the closing quote). */
static void
check_url(const char *v, size_t n, bool is_src)
{
	size_t i = 0;

	FUZZ_CHECK(!is_src || n > 0);
	if (n == 0 || !is_alpha(v[0]))
		return;
	while (i < n && (is_alpha(v[i]) || (v[i] >= '0' && v[i] <= '9') ||
	                 v[i] == '+' || v[i] == '-' || v[i] == '.'))
		i++;
	if (i == n || v[i] != ':')
		return; /* no scheme: relative */
	FUZZ_CHECK((i == 4 && strncasecmp(v, "http", 4) == 0) ||
	           (i == 5 && strncasecmp(v, "https", 5) == 0) ||
	           (i == 6 && strncasecmp(v, "mailto", 6) == 0));
}

/* Checks the tag starting at html[0] == '<'; returns its length. */
static size_t
check_tag(const char *html)
{
	static const char omitted[] = "<!-- raw HTML omitted -->";
	const char *p = html + 1, *name;

	if (strncmp(html, omitted, sizeof(omitted) - 1) == 0)
		return sizeof(omitted) - 1;
	if (*p == '/')
		p++;
	name = p;
	while ((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9'))
		p++;
	FUZZ_CHECK(in_list(name, (size_t)(p - name), fuzz_tags,
	                   sizeof(fuzz_tags) / sizeof(fuzz_tags[0])));
	for (;;) {
		const char *attr, *val;

		if (*p == '>')
			return (size_t)(p + 1 - html);
		if (strncmp(p, " />", 3) == 0)
			return (size_t)(p + 3 - html);
		FUZZ_CHECK(*p == ' ');
		attr = ++p;
		while (*p >= 'a' && *p <= 'z')
			p++;
		FUZZ_CHECK(in_list(attr, (size_t)(p - attr), fuzz_attrs,
		                   sizeof(fuzz_attrs) / sizeof(fuzz_attrs[0])));
		FUZZ_CHECK(p[0] == '=' && p[1] == '"');
		val = p += 2;
		while (*p != '"') {
			FUZZ_CHECK(*p != '\0' && *p != '<' && *p != '>');
			p++;
		}
		if (strncmp(attr, "href=", 5) == 0 ||
		    strncmp(attr, "src=", 4) == 0)
			check_url(val, (size_t)(p - val), attr[0] == 's');
		p++;
	}
}

/* Renders one input and checks its HTML; returns 0 always. */
int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct trusted_html out;
	const char *p;

	if (size > FUZZ_MAX_BYTES)
		size = FUZZ_MAX_BYTES;
	FUZZ_CHECK(markdown_render((const char *)data, size, &out) == 0);
	FUZZ_CHECK(out.html != NULL && strlen(out.html) == out.len);
	for (p = out.html; *p != '\0'; p++) {
		FUZZ_CHECK(strncasecmp(p, "<script", 7) != 0);
		if (*p == '<')
			p += check_tag(p) - 1;
	}
	free((char *)out.html);
	return 0;
}
