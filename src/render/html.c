/*
 * html.c: the escaping writer.  Text and attribute values, URLs for href
 * and src, URL components and JSON string bodies each have one function
 * here, and templates reach a page only through them.  Each scans for the
 * next byte that needs work with a 256-entry table and appends the runs in
 * between whole, so escaping a long article body costs little more than
 * copying it.  Nothing here allocates except through struct buf.
 */
#include <stdbool.h>
#include <string.h>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif
#include <strings.h>

#include "html.h"

static const char hex_upper[] = "0123456789ABCDEF";
static const char hex_lower[] = "0123456789abcdef";

/* Bytes html_text looks at: & < > " ' (replaced), the C0 controls and
 * DEL (dropped but tab, LF and CR), and 0xc2, which starts the C1
 * controls U+0080..U+009F (dropped). */
static const unsigned char html_special[256] = {
    ['&'] = 1,  ['<'] = 1,  ['>'] = 1,  ['"'] = 1,  ['\''] = 1, [0x00] = 1,
    [0x01] = 1, [0x02] = 1, [0x03] = 1, [0x04] = 1, [0x05] = 1, [0x06] = 1,
    [0x07] = 1, [0x08] = 1, [0x0b] = 1, [0x0c] = 1, [0x0e] = 1, [0x0f] = 1,
    [0x10] = 1, [0x11] = 1, [0x12] = 1, [0x13] = 1, [0x14] = 1, [0x15] = 1,
    [0x16] = 1, [0x17] = 1, [0x18] = 1, [0x19] = 1, [0x1a] = 1, [0x1b] = 1,
    [0x1c] = 1, [0x1d] = 1, [0x1e] = 1, [0x1f] = 1, [0x7f] = 1, [0xc2] = 1,
};

/*
 * Returns the index of the first byte at or after i that html_text must
 * replace, or len.  Page text is mostly plain, so with SSE2 (always there
 * on x86-64) sixteen bytes are checked at once.
 */
static size_t
next_special(const unsigned char *p, size_t i, size_t len)
{
#if defined(__SSE2__)
	const __m128i amp = _mm_set1_epi8('&'), lt = _mm_set1_epi8('<');
	const __m128i gt = _mm_set1_epi8('>'), quot = _mm_set1_epi8('"');
	const __m128i apos = _mm_set1_epi8('\''), c1 = _mm_set1_epi8('\xc2');
	const __m128i del = _mm_set1_epi8(0x7f), us = _mm_set1_epi8(0x1f);

	while (i + 16 <= len) {
		__m128i v =
		    _mm_loadu_si128((const __m128i *)(const void *)(p + i));
		/* Controls: v <= 0x1f unsigned (tab, LF and CR as well; the
		 * loop below lets them by). */
		__m128i ctl =
		    _mm_or_si128(_mm_cmpeq_epi8(_mm_max_epu8(v, us), us),
		                 _mm_or_si128(_mm_cmpeq_epi8(v, del),
		                              _mm_cmpeq_epi8(v, c1)));
		__m128i hit = _mm_or_si128(
		    _mm_or_si128(_mm_cmpeq_epi8(v, amp), _mm_cmpeq_epi8(v, lt)),
		    _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, gt),
		                              _mm_cmpeq_epi8(v, quot)),
		                 _mm_or_si128(_mm_cmpeq_epi8(v, apos), ctl)));
		unsigned mask = (unsigned)_mm_movemask_epi8(hit);

		while (mask != 0) {
			size_t at = i + (size_t)__builtin_ctz(mask);

			if (html_special[p[at]])
				return at;
			mask &= mask - 1; /* tab, LF or CR */
		}
		i += 16;
	}
#endif
	while (i < len && !html_special[p[i]])
		i++;
	return i;
}

/*
 * Appends s with & < > " ' written as character references and the
 * control characters HTML forbids in a document left out (C0 but tab, LF
 * and CR; DEL; C1): stored text may hold them (a form sends what it is
 * given), a page never does.  The result is safe between tags and inside
 * a quoted attribute value; invalid UTF-8 is copied as it is (input is
 * validated where it enters).
 */
void
html_text(struct buf *out, const char *s, size_t len)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i = 0, run = 0;

	buf_grow(out, len);
	for (;;) {
		const char *ref;
		size_t ref_len;

		i = next_special(p, i, len);
		if (i > run)
			buf_append(out, s + run, i - run);
		if (i == len)
			break;
		switch (p[i]) {
		case 0xc2:
			/* U+0080..U+009F are C2 80..C2 9F; the rest of C2 (NBSP
			 * to U+00BF) is copied. */
			if (i + 1 < len && p[i + 1] >= 0x80 &&
			    p[i + 1] <= 0x9f) {
				run = i += 2;
			} else {
				run = i;
				i++;
			}
			continue;
		case '&':
			ref = "&amp;";
			ref_len = 5;
			break;
		case '<':
			ref = "&lt;";
			ref_len = 4;
			break;
		case '>':
			ref = "&gt;";
			ref_len = 4;
			break;
		case '"':
			ref = "&quot;";
			ref_len = 6;
			break;
		case '\'':
			ref = "&#39;";
			ref_len = 5;
			break;
		default: /* a control: left out */
			run = ++i;
			continue;
		}
		buf_append(out, ref, ref_len);
		run = ++i;
	}
}

/* Writes one escaped attribute; see html.h. */
void
html_attr(struct buf *out, const char *name, const char *value)
{
	buf_putc(out, ' ');
	buf_puts(out, name);
	buf_puts(out, "=\"");
	html_text(out, value, strlen(value));
	buf_putc(out, '"');
}

/* Escapes into the arena only when needed; see html.h. */
const char *
html_text_arena(struct arena *a, const char *s, size_t len, size_t *out_len)
{
	static struct buf scratch; /* reused: a worker renders one at a time */

	*out_len = len;
	if (next_special((const unsigned char *)s, 0, len) == len)
		return s;
	buf_reset(&scratch);
	html_text(&scratch, s, len);
	*out_len = scratch.len;
	return arena_strndup(a, scratch.data, scratch.len);
}

static bool
is_hex(unsigned char c)
{
	return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') ||
	       (c >= 'A' && c <= 'F');
}

static void
put_percent(struct buf *out, unsigned char c)
{
	char enc[3];

	enc[0] = '%';
	enc[1] = hex_upper[c >> 4];
	enc[2] = hex_upper[c & 15];
	buf_append(out, enc, 3);
}

/*
 * Bytes html_url copies unchanged: RFC 3986 unreserved and reserved
 * characters but the single quote.  Everything else (controls, space, the
 * quotes, < > \ ^ ` { | } and non-ASCII) is percent-encoded, and '%' is
 * kept only before two hex digits.  '&' is kept and written as &amp;.
 */
static const unsigned char url_keep[256] = {
    ['A'] = 1, ['B'] = 1, ['C'] = 1, ['D'] = 1, ['E'] = 1, ['F'] = 1, ['G'] = 1,
    ['H'] = 1, ['I'] = 1, ['J'] = 1, ['K'] = 1, ['L'] = 1, ['M'] = 1, ['N'] = 1,
    ['O'] = 1, ['P'] = 1, ['Q'] = 1, ['R'] = 1, ['S'] = 1, ['T'] = 1, ['U'] = 1,
    ['V'] = 1, ['W'] = 1, ['X'] = 1, ['Y'] = 1, ['Z'] = 1, ['a'] = 1, ['b'] = 1,
    ['c'] = 1, ['d'] = 1, ['e'] = 1, ['f'] = 1, ['g'] = 1, ['h'] = 1, ['i'] = 1,
    ['j'] = 1, ['k'] = 1, ['l'] = 1, ['m'] = 1, ['n'] = 1, ['o'] = 1, ['p'] = 1,
    ['q'] = 1, ['r'] = 1, ['s'] = 1, ['t'] = 1, ['u'] = 1, ['v'] = 1, ['w'] = 1,
    ['x'] = 1, ['y'] = 1, ['z'] = 1, ['0'] = 1, ['1'] = 1, ['2'] = 1, ['3'] = 1,
    ['4'] = 1, ['5'] = 1, ['6'] = 1, ['7'] = 1, ['8'] = 1, ['9'] = 1, ['-'] = 1,
    ['.'] = 1, ['_'] = 1, ['~'] = 1, [':'] = 1, ['/'] = 1, ['?'] = 1, ['#'] = 1,
    ['['] = 1, [']'] = 1, ['@'] = 1, ['!'] = 1, ['$'] = 1, ['('] = 1, [')'] = 1,
    ['*'] = 1, ['+'] = 1, [','] = 1, [';'] = 1, ['='] = 1,
};

/*
 * Returns whether the scheme of s[0..len) (leading blanks already trimmed)
 * is allowed: either there is none (no ':' before the first '/', '?' or
 * '#') or it is exactly http, https or mailto in any case.  Anything else
 * before a ':' is refused, even when a browser would read it as a relative
 * path ("a b:c"): a browser strips tabs and newlines inside a scheme
 * ("java\tscript:"), so only an exact match is safe.
 */
static bool
url_scheme_allowed(const char *s, size_t len)
{
	size_t i;

	for (i = 0; i < len; i++) {
		char c = s[i];

		if (c == '/' || c == '?' || c == '#')
			return true;
		if (c == ':')
			return (i == 4 && strncasecmp(s, "http", 4) == 0) ||
			       (i == 5 && strncasecmp(s, "https", 5) == 0) ||
			       (i == 6 && strncasecmp(s, "mailto", 6) == 0);
	}
	return true;
}

/* Tells whether a URL names another site; see html.h. */
bool
html_url_offsite(const char *s, size_t len)
{
	while (len > 0 && (unsigned char)s[0] <= 0x20) {
		s++;
		len--;
	}
	if (len >= 2 && (s[0] == '/' || s[0] == '\\') &&
	    (s[1] == '/' || s[1] == '\\'))
		return true;
	return (len >= 5 && strncasecmp(s, "http:", 5) == 0) ||
	       (len >= 6 && strncasecmp(s, "https:", 6) == 0);
}

/* Writes an image of another site as a link; see html.h. */
int
html_offsite_image(struct buf *out, const char *url, const char *alt,
                   bool in_link)
{
	const char *label = alt != NULL && alt[0] != '\0' ? alt : url;
	size_t start = out->len;

	if (in_link) {
		html_text(out, label, strlen(label));
		return 0;
	}
	buf_puts(out, "<a href=\"");
	if (html_url(out, url, strlen(url)) < 0) {
		out->len = start;
		if (out->data != NULL)
			out->data[start] = '\0';
		return -1;
	}
	buf_puts(out, "\">");
	html_text(out, label, strlen(label));
	buf_puts(out, "</a>");
	return 0;
}

/* Returns whether html_url would accept s; see html.h. */
bool
html_url_allowed(const char *s, size_t len)
{
	while (len > 0 && (unsigned char)s[0] <= 0x20) {
		s++;
		len--;
	}
	return url_scheme_allowed(s, len);
}

/*
 * Appends a URL for href or src.  Leading and trailing spaces and control
 * characters are dropped first, as a browser drops them.  Protocol-relative
 * URLs ("//host/path") are allowed: they reach the same places as the http
 * and https URLs that are allowed anyway, and cannot run script.  Whether a
 * URL may point off-site is the caller's decision, not this function's.
 */
int
html_url(struct buf *out, const char *s, size_t len)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i, run;

	while (len > 0 && p[0] <= 0x20) {
		p++;
		s++;
		len--;
	}
	while (len > 0 && p[len - 1] <= 0x20)
		len--;
	if (!url_scheme_allowed(s, len))
		return -1;
	buf_grow(out, len);
	i = run = 0;
	while (i < len) {
		while (i < len && url_keep[p[i]] && p[i] != '&')
			i++;
		if (i > run)
			buf_append(out, s + run, i - run);
		if (i == len)
			break;
		if (p[i] == '&')
			buf_append(out, "&amp;", 5);
		else if (p[i] == '%' && len - i >= 3 && is_hex(p[i + 1]) &&
		         is_hex(p[i + 2])) {
			buf_append(out, s + i, 3); /* already encoded */
			i += 2;
		} else {
			put_percent(out, p[i]);
		}
		run = ++i;
	}
	return 0;
}

/* Bytes html_url_component copies: RFC 3986 unreserved characters. */
static const unsigned char url_unreserved[256] = {
    ['A'] = 1, ['B'] = 1, ['C'] = 1, ['D'] = 1, ['E'] = 1, ['F'] = 1, ['G'] = 1,
    ['H'] = 1, ['I'] = 1, ['J'] = 1, ['K'] = 1, ['L'] = 1, ['M'] = 1, ['N'] = 1,
    ['O'] = 1, ['P'] = 1, ['Q'] = 1, ['R'] = 1, ['S'] = 1, ['T'] = 1, ['U'] = 1,
    ['V'] = 1, ['W'] = 1, ['X'] = 1, ['Y'] = 1, ['Z'] = 1, ['a'] = 1, ['b'] = 1,
    ['c'] = 1, ['d'] = 1, ['e'] = 1, ['f'] = 1, ['g'] = 1, ['h'] = 1, ['i'] = 1,
    ['j'] = 1, ['k'] = 1, ['l'] = 1, ['m'] = 1, ['n'] = 1, ['o'] = 1, ['p'] = 1,
    ['q'] = 1, ['r'] = 1, ['s'] = 1, ['t'] = 1, ['u'] = 1, ['v'] = 1, ['w'] = 1,
    ['x'] = 1, ['y'] = 1, ['z'] = 1, ['0'] = 1, ['1'] = 1, ['2'] = 1, ['3'] = 1,
    ['4'] = 1, ['5'] = 1, ['6'] = 1, ['7'] = 1, ['8'] = 1, ['9'] = 1, ['-'] = 1,
    ['.'] = 1, ['_'] = 1, ['~'] = 1,
};

/*
 * Appends s with every byte but the unreserved ones written as %XX (upper
 * case), so it can stand as one path segment or query value.  The result
 * needs no HTML escaping.
 */
void
html_url_component(struct buf *out, const char *s, size_t len)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i = 0, run = 0;

	buf_grow(out, len);
	while (i < len) {
		while (i < len && url_unreserved[p[i]])
			i++;
		if (i > run)
			buf_append(out, s + run, i - run);
		if (i == len)
			break;
		put_percent(out, p[i]);
		run = ++i;
	}
}

/*
 * Returns the length of the well-formed UTF-8 sequence at p[0..len) that
 * starts with a byte >= 0x80, or 0 when it is not well-formed (overlong,
 * surrogate, above U+10FFFF, truncated).
 */
static size_t
utf8_sequence(const unsigned char *p, size_t len)
{
	unsigned char c = p[0], lo = 0x80, hi = 0xbf;
	size_t n, k;

	if (c >= 0xc2 && c <= 0xdf) {
		n = 2;
	} else if (c >= 0xe0 && c <= 0xef) {
		n = 3;
		if (c == 0xe0)
			lo = 0xa0;
		else if (c == 0xed)
			hi = 0x9f;
	} else if (c >= 0xf0 && c <= 0xf4) {
		n = 4;
		if (c == 0xf0)
			lo = 0x90;
		else if (c == 0xf4)
			hi = 0x8f;
	} else {
		return 0;
	}
	if (len < n || p[1] < lo || p[1] > hi)
		return 0;
	for (k = 2; k < n; k++)
		if (p[k] < 0x80 || p[k] > 0xbf)
			return 0;
	return n;
}

/*
 * ASCII bytes html_json_string escapes: controls and " \ < > &.  Every
 * non-ASCII byte is looked at too, to check the UTF-8 and to find U+2028
 * and U+2029.
 */
static const unsigned char json_special[128] = {
    [0x00] = 1, [0x01] = 1, [0x02] = 1, [0x03] = 1, [0x04] = 1, [0x05] = 1,
    [0x06] = 1, [0x07] = 1, [0x08] = 1, [0x09] = 1, [0x0a] = 1, [0x0b] = 1,
    [0x0c] = 1, [0x0d] = 1, [0x0e] = 1, [0x0f] = 1, [0x10] = 1, [0x11] = 1,
    [0x12] = 1, [0x13] = 1, [0x14] = 1, [0x15] = 1, [0x16] = 1, [0x17] = 1,
    [0x18] = 1, [0x19] = 1, [0x1a] = 1, [0x1b] = 1, [0x1c] = 1, [0x1d] = 1,
    [0x1e] = 1, [0x1f] = 1, ['"'] = 1,  ['\\'] = 1, ['<'] = 1,  ['>'] = 1,
    ['&'] = 1,
};

/*
 * Appends s escaped for the inside of a JSON string: " and \ with a
 * backslash, control characters as \n, \t … or \u00XX, < > & as \u003c
 * \u003e \u0026 (the value can close no script element and open no
 * comment), and U+2028 and U+2029 as \u2028 and \u2029 (older JavaScript
 * parsers end a line there).  Bytes that are not well-formed UTF-8 become
 * \ufffd, so the output is always valid JSON.
 */
void
html_json_string(struct buf *out, const char *s, size_t len)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i = 0, run = 0;
	char esc[6];

	buf_grow(out, len);
	while (i < len) {
		unsigned char c;
		size_t n = 1;

		while (i < len && p[i] < 0x80 && !json_special[p[i]])
			i++;
		if (i == len)
			break;
		c = p[i];
		if (c >= 0x80) {
			n = utf8_sequence(p + i, len - i);
			if (n > 0 &&
			    !(n == 3 && c == 0xe2 && p[i + 1] == 0x80 &&
			      (p[i + 2] == 0xa8 || p[i + 2] == 0xa9))) {
				i += n; /* part of the run */
				continue;
			}
		}
		if (i > run)
			buf_append(out, s + run, i - run);
		switch (c) {
		case '"':
			buf_append(out, "\\\"", 2);
			break;
		case '\\':
			buf_append(out, "\\\\", 2);
			break;
		case '\b':
			buf_append(out, "\\b", 2);
			break;
		case '\f':
			buf_append(out, "\\f", 2);
			break;
		case '\n':
			buf_append(out, "\\n", 2);
			break;
		case '\r':
			buf_append(out, "\\r", 2);
			break;
		case '\t':
			buf_append(out, "\\t", 2);
			break;
		case 0xe2:
			if (n == 3) {
				buf_append(out,
				           p[i + 2] == 0xa8 ? "\\u2028"
				                            : "\\u2029",
				           6);
				break;
			}
			/* FALLTHROUGH */
		default:
			if (c >= 0x80) {
				buf_append(out, "\\ufffd", 6);
				n = 1;
				break;
			}
			esc[0] = '\\';
			esc[1] = 'u';
			esc[2] = '0';
			esc[3] = '0';
			esc[4] = hex_lower[c >> 4];
			esc[5] = hex_lower[c & 15];
			buf_append(out, esc, 6);
			break;
		}
		i += n;
		run = i;
	}
	if (i > run)
		buf_append(out, s + run, i - run);
}
