/*
 * trusted.h: HTML that may be written into a page unescaped.  Only three
 * places construct one: markdown.c (cmark in safe mode), sanitize.c (the
 * allowlist for imported HTML) and the query that reads a stored rendered
 * body.  tests/lint.sh enforces that.  A template's {{{x}}} accepts nothing
 * else.
 */
#ifndef GAZETTE_TRUSTED_H
#define GAZETTE_TRUSTED_H

#include <stddef.h>

struct trusted_html {
	const char *html;
	size_t len;
};

#endif
