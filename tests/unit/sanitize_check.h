/*
 * sanitize_check.h: a structural check of what render/sanitize.c writes,
 * shared by its unit tests, the corpus test and the fuzz targets.  It
 * reads the output as a browser's tokenizer would and refuses anything
 * the sanitiser must never write: an element or attribute outside the
 * allowlist, an on* attribute, an unquoted or badly escaped value, a URL
 * whose scheme is not http, https or mailto, a '<' or '>' in text, a
 * character reference other than the five html_text() writes, and tags
 * that are not properly nested and closed.  Grepping the output for
 * "javascript:" would not do: it is fine as text.
 */
#ifndef GAZETTE_SANITIZE_CHECK_H
#define GAZETTE_SANITIZE_CHECK_H

#include <stdbool.h>
#include <stddef.h>
#include <string.h>
#include <strings.h>

static const char *const sanitize_check_tags[] = {
    "a",       "abbr",    "audio", "b",          "blockquote", "br",
    "caption", "cite",    "code",  "dd",         "del",        "div",
    "dl",      "dt",      "em",    "figcaption", "figure",     "h2",
    "h3",      "h4",      "h5",    "h6",         "hr",         "i",
    "img",     "ins",     "kbd",   "li",         "mark",       "ol",
    "p",       "picture", "pre",   "q",          "s",          "samp",
    "small",   "source",  "span",  "strong",     "sub",        "sup",
    "table",   "tbody",   "td",    "tfoot",      "th",         "thead",
    "time",    "tr",      "u",     "ul",         "var",        "video",
};

static const char *const sanitize_check_voids[] = {"br", "hr", "img", "source"};

static const char *const sanitize_check_attrs[] = {
    "href",     "src",     "alt",        "title",      "width",       "height",
    "colspan",  "rowspan", "scope",      "datetime",   "cite",        "lang",
    "dir",      "id",      "start",      "reversed",   "type",        "loading",
    "decoding", "srcset",  "sizes",      "controls",   "preload",     "poster",
    "class",    "rel",     "data-embed", "data-title", "aria-hidden",
};

/* Returns true when s[0..n) is one of the words in list. */
static inline bool
sanitize_check_in(const char *s, size_t n, const char *const *list,
                  size_t count)
{
	size_t i;

	for (i = 0; i < count; i++)
		if (strlen(list[i]) == n && memcmp(list[i], s, n) == 0)
			return true;
	return false;
}

/* Returns whether the URL v[0..n) (as written: escaped) is relative or
 * http, https or mailto.  A '&' before the ':' is written "&amp;", which
 * a browser reads as a plain '&': no reference can make a scheme. */
static inline bool
sanitize_check_url(const char *v, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		if (v[i] == '/' || v[i] == '?' || v[i] == '#')
			return true;
		if (v[i] == ':')
			return (i == 4 && strncasecmp(v, "http", 4) == 0) ||
			       (i == 5 && strncasecmp(v, "https", 5) == 0) ||
			       (i == 6 && strncasecmp(v, "mailto", 6) == 0);
	}
	return true;
}

/* Returns the length of the character reference at s[0] == '&' when it
 * is one html_text writes, else 0. */
static inline size_t
sanitize_check_ref(const char *s)
{
	static const char *const refs[] = {"&amp;", "&lt;", "&gt;", "&quot;",
	                                   "&#39;"};
	size_t i;

	for (i = 0; i < 5; i++)
		if (strncmp(s, refs[i], strlen(refs[i])) == 0)
			return strlen(refs[i]);
	return 0;
}

/*
 * Checks html (NUL-terminated).  Returns NULL when it passes, else a
 * short reason (a static string).
 */
static inline const char *
sanitize_check(const char *html)
{
	const char *stack[256];
	size_t stack_len[256];
	int depth = 0;
	const char *p = html;

	while (*p != '\0') {
		const char *name;
		size_t n;
		bool closing;

		if (*p == '>')
			return "'>' in text";
		if (*p == '&') {
			if ((n = sanitize_check_ref(p)) == 0)
				return "unknown character reference";
			p += n;
			continue;
		}
		if (*p != '<') {
			p++;
			continue;
		}
		p++;
		closing = *p == '/';
		if (closing)
			p++;
		name = p;
		while ((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9'))
			p++;
		n = (size_t)(p - name);
		if (!sanitize_check_in(name, n, sanitize_check_tags,
		                       sizeof(sanitize_check_tags) /
		                           sizeof(sanitize_check_tags[0])))
			return "element not allowed";
		if (closing) {
			if (*p != '>')
				return "bad end tag";
			p++;
			if (depth == 0 || stack_len[depth - 1] != n ||
			    memcmp(stack[depth - 1], name, n) != 0)
				return "end tag does not match";
			depth--;
			continue;
		}
		for (;;) {
			const char *attr, *val;
			size_t an;

			if (*p == '>')
				break;
			if (*p != ' ')
				return "no space before attribute";
			attr = ++p;
			while ((*p >= 'a' && *p <= 'z') || *p == '-')
				p++;
			an = (size_t)(p - attr);
			if (an >= 2 && strncmp(attr, "on", 2) == 0)
				return "event attribute";
			if (!sanitize_check_in(
			        attr, an, sanitize_check_attrs,
			        sizeof(sanitize_check_attrs) /
			            sizeof(sanitize_check_attrs[0])))
				return "attribute not allowed";
			if (*p != '=')
				continue; /* boolean: controls, reversed */
			if (p[1] != '"')
				return "unquoted value";
			val = p += 2;
			while (*p != '"') {
				if (*p == '\0' || *p == '<' || *p == '>' ||
				    *p == '\'')
					return "bad character in value";
				if (*p == '&') {
					size_t r = sanitize_check_ref(p);

					if (r == 0)
						return "unknown reference in "
						       "value";
					p += r;
					continue;
				}
				p++;
			}
			if ((an == 4 && strncmp(attr, "href", 4) == 0) ||
			    (an == 3 && strncmp(attr, "src", 3) == 0) ||
			    (an == 4 && strncmp(attr, "cite", 4) == 0) ||
			    (an == 6 && strncmp(attr, "poster", 6) == 0) ||
			    (an == 10 &&
			     strncmp(attr, "data-embed", 10) == 0)) {
				if (!sanitize_check_url(val, (size_t)(p - val)))
					return "URL scheme not allowed";
				if (attr[0] == 's' && p == val)
					return "empty src";
			}
			p++;
		}
		p++;
		if (sanitize_check_in(name, n, sanitize_check_voids, 4))
			continue;
		if (depth == 256)
			return "too deep";
		stack[depth] = name;
		stack_len[depth] = n;
		depth++;
	}
	return depth == 0 ? NULL : "element not closed";
}

#endif
