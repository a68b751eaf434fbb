/*
 * relink.c: export-static's link rewriter (see relink.h).  A small HTML
 * tag scanner, not a parser: Gazette's templates and its Markdown and
 * sanitiser output are well formed, and anything the scanner does not
 * understand is copied through unchanged.  It never writes a link that
 * leaves the output folder: paths are resolved with dot segments removed
 * and relink_file_for_path refuses anything that is not a plain name.
 */
#include <string.h>
#include <strings.h>

#include "../render/html.h"
#include "relink.h"

/* The attributes that hold one URL, and srcset, which holds several. */
static const char *const url_attrs[] = {"href", "src", "action", "poster",
                                        "formaction"};

#define ATTRS_MAX 64

/* One attribute of a start tag: offsets into the page. */
struct attr {
	size_t name, name_len;
	size_t value, value_len; /* the value inside its quotes, if any */
	size_t token, token_end; /* the value as written, quotes included */
	bool has_value;
};

static bool
is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r';
}

static bool
is_alpha(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static bool
is_digit(char c)
{
	return c >= '0' && c <= '9';
}

/* Finds needle (ASCII, lower case) in s[from..len) ignoring case; returns
 * its offset or len. */
static size_t
find_nocase(const char *s, size_t from, size_t len, const char *needle)
{
	size_t n = strlen(needle);

	for (size_t i = from; i + n <= len; i++)
		if (strncasecmp(s + i, needle, n) == 0)
			return i;
	return len;
}

/* Appends code point cp as UTF-8 (U+FFFD for what cannot be one). */
static void
put_utf8(struct buf *out, unsigned long cp)
{
	char b[4];

	if (cp == 0 || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff))
		cp = 0xfffd;
	if (cp < 0x80) {
		buf_putc(out, (char)cp);
	} else if (cp < 0x800) {
		b[0] = (char)(0xc0 | cp >> 6);
		b[1] = (char)(0x80 | (cp & 0x3f));
		buf_append(out, b, 2);
	} else if (cp < 0x10000) {
		b[0] = (char)(0xe0 | cp >> 12);
		b[1] = (char)(0x80 | (cp >> 6 & 0x3f));
		b[2] = (char)(0x80 | (cp & 0x3f));
		buf_append(out, b, 3);
	} else {
		b[0] = (char)(0xf0 | cp >> 18);
		b[1] = (char)(0x80 | (cp >> 12 & 0x3f));
		b[2] = (char)(0x80 | (cp >> 6 & 0x3f));
		b[3] = (char)(0x80 | (cp & 0x3f));
		buf_append(out, b, 4);
	}
}

/*
 * Appends an attribute value with the character references that our own
 * writers use decoded (&amp; &lt; &gt; &quot; &apos; and numeric ones);
 * any other '&' is kept as it is.
 */
static void
attr_decode(const char *s, size_t len, struct buf *out)
{
	static const struct {
		const char *name;
		char c;
	} named[] = {{"amp;", '&'},
	             {"lt;", '<'},
	             {"gt;", '>'},
	             {"quot;", '"'},
	             {"apos;", '\''}};
	size_t i = 0;

	while (i < len) {
		const char *amp = memchr(s + i, '&', len - i);
		size_t at = amp ? (size_t)(amp - s) : len, k;
		bool done = false;

		buf_append(out, s + i, at - i);
		if (at >= len)
			break;
		i = at + 1;
		for (k = 0; k < sizeof(named) / sizeof(named[0]); k++) {
			size_t n = strlen(named[k].name);

			if (len - i >= n &&
			    memcmp(s + i, named[k].name, n) == 0) {
				buf_putc(out, named[k].c);
				i += n;
				done = true;
				break;
			}
		}
		if (!done && i < len && s[i] == '#') {
			bool hex = i + 1 < len && (s[i + 1] | 0x20) == 'x';
			size_t j = i + (hex ? 2 : 1), digits = 0;
			unsigned long cp = 0;

			for (; j < len && digits < 7; j++, digits++) {
				char c = s[j];

				if (is_digit(c))
					cp = cp * (hex ? 16 : 10) +
					     (unsigned long)(c - '0');
				else if (hex && (c | 0x20) >= 'a' &&
				         (c | 0x20) <= 'f')
					cp = cp * 16 +
					     (unsigned long)((c | 0x20) - 'a' +
					                     10);
				else
					break;
			}
			if (digits > 0 && j < len && s[j] == ';') {
				put_utf8(out, cp);
				i = j + 1;
				done = true;
			}
		}
		if (!done)
			buf_putc(out, '&');
	}
}

/* Removes "." and ".." segments from an absolute path (RFC 3986, 5.2.4)
 * and appends the result to out. */
static void
remove_dots(const char *p, size_t len, struct buf *out)
{
	size_t start = out->len, i = 0;

	while (i < len) {
		size_t end, n;

		/* p[i] is '/': a segment follows. */
		i++;
		end = i;
		while (end < len && p[end] != '/')
			end++;
		n = end - i;
		if (n == 1 && p[i] == '.') {
			if (end >= len)
				buf_putc(out, '/');
		} else if (n == 2 && p[i] == '.' && p[i + 1] == '.') {
			while (out->len > start &&
			       out->data[out->len - 1] != '/')
				out->len--;
			if (out->len > start)
				out->len--;
			if (out->data != NULL) /* NULL while out is empty */
				out->data[out->len] = '\0';
			if (end >= len)
				buf_putc(out, '/');
		} else {
			buf_putc(out, '/');
			buf_append(out, p + i, n);
		}
		i = end;
	}
	if (out->len == start)
		buf_putc(out, '/');
}

/* Tells whether ref starts with an URL scheme ("mailto:"). */
static bool
has_scheme(const char *ref, size_t len)
{
	size_t i;

	if (len == 0 || !is_alpha(ref[0]))
		return false;
	for (i = 1; i < len; i++) {
		char c = ref[i];

		if (c == ':')
			return true;
		if (!is_alpha(c) && !is_digit(c) && c != '+' && c != '-' &&
		    c != '.')
			return false;
	}
	return false;
}

/* If ref starts with prefix (case ignored) followed by its end, '/', '?'
 * or '#', returns the length of prefix, else 0. */
static size_t
origin_match(const char *ref, size_t len, const char *prefix)
{
	size_t n = strlen(prefix);

	if (n == 0 || len < n || strncasecmp(ref, prefix, n) != 0)
		return 0;
	if (len > n && ref[n] != '/' && ref[n] != '?' && ref[n] != '#')
		return 0;
	return n;
}

/* Resolves a URL written on a page; see relink.h. */
bool
relink_resolve(const char *origin, const char *page_path, const char *u,
               size_t len, struct buf *path, const char **fragment)
{
	const char *hash, *ref, *host;
	struct buf merged;
	size_t ref_len, n, q;
	bool ok;

	while (len > 0 && is_space(u[0])) {
		u++;
		len--;
	}
	while (len > 0 && is_space(u[len - 1]))
		len--;
	if (len == 0 || u[0] == '#')
		return false;
	hash = memchr(u, '#', len);
	ref = u;
	ref_len = hash ? (size_t)(hash - u) : len;
	buf_init(&merged);
	if (has_scheme(ref, ref_len)) {
		if ((n = origin_match(ref, ref_len, origin)) == 0)
			return false;
		buf_append(&merged, ref + n, ref_len - n);
	} else if (ref_len >= 2 && ref[0] == '/' && ref[1] == '/') {
		host = strstr(origin, "://");
		if (host == NULL ||
		    (n = origin_match(ref + 2, ref_len - 2, host + 3)) == 0)
			return false;
		buf_append(&merged, ref + 2 + n, ref_len - 2 - n);
	} else if (ref_len > 0 && ref[0] == '/') {
		buf_append(&merged, ref, ref_len);
	} else {
		/* Relative: against the page's own path, as a browser on the
		 * live site would read it. */
		const char *slash = strrchr(page_path, '/');
		size_t dir = slash ? (size_t)(slash - page_path) + 1 : 0;

		if (ref_len == 0 || ref[0] == '?')
			buf_puts(&merged, page_path);
		else
			buf_append(&merged, page_path, dir);
		if (merged.len == 0 || merged.data[0] != '/') {
			buf_free(&merged);
			return false;
		}
		buf_append(&merged, ref, ref_len);
	}
	/* The query is dropped: a static copy has one file per path. */
	q = merged.len ? strcspn(merged.data, "?") : 0;
	buf_reset(path);
	if (q == 0)
		buf_putc(path, '/');
	else if (merged.data[0] == '/')
		remove_dots(merged.data, q, path);
	else {
		/* "https://host?x" has an empty path. */
		buf_putc(path, '/');
	}
	buf_free(&merged);
	ok = path->len <= RELINK_PATH_MAX;
	if (ok)
		*fragment = hash;
	return ok;
}

static int
hex_value(char c)
{
	if (is_digit(c))
		return c - '0';
	c = (char)(c | 0x20);
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	return -1;
}

/* Tells whether the last segment of file[0..len) ends in an extension
 * that names a file rather than a page. */
static bool
file_extension(const char *s, size_t len)
{
	static const char *const exts[] = {".xml", ".atom", ".rss", ".txt",
	                                   ".json"};

	for (size_t i = 0; i < sizeof(exts) / sizeof(exts[0]); i++) {
		size_t n = strlen(exts[i]);

		if (len > n && memcmp(s + len - n, exts[i], n) == 0 &&
		    s[len - n - 1] != '/')
			return true;
	}
	return false;
}

/* Maps a URL path to its file; see relink.h. */
int
relink_file_for_path(const char *path, size_t len, bool as_file,
                     struct buf *file)
{
	size_t start = file->len, i, seg;
	bool dir_style;

	if (len == 0 || path[0] != '/' || len > RELINK_PATH_MAX)
		return -1;
	for (i = 1; i < len; i++) {
		unsigned char c = (unsigned char)path[i];

		if (c == '%') {
			int hi = i + 2 < len ? hex_value(path[i + 1]) : -1;
			int lo = hi >= 0 ? hex_value(path[i + 2]) : -1;

			if (lo < 0)
				goto bad;
			c = (unsigned char)(hi * 16 + lo);
			if (c == '/')
				goto bad;
			i += 2;
		}
		if (c < 0x20 || c == 0x7f)
			goto bad;
		buf_putc(file, (char)c);
	}
	/* Check the segments of what was decoded. */
	dir_style = file->len == start || file->data[file->len - 1] == '/';
	if (dir_style && file->len > start) {
		file->len--; /* the trailing slash */
		file->data[file->len] = '\0';
	}
	seg = start;
	for (i = start; i <= file->len; i++) {
		if (i < file->len && file->data[i] != '/')
			continue;
		if (file->len == start)
			break; /* the root */
		if (i == seg || i - seg > 255 || file->data[seg] == '.')
			goto bad;
		seg = i + 1;
	}
	if (as_file) {
		if (dir_style)
			goto bad;
		return 0;
	}
	if (!dir_style && file_extension(file->data + start, file->len - start))
		return 0;
	if (file->len > start)
		buf_putc(file, '/');
	buf_puts(file, "index.html");
	return 0;
bad:
	file->len = start;
	if (file->data != NULL)
		file->data[start] = '\0';
	return -1;
}

/* Appends s percent-encoded: unreserved characters and '/' stay. */
static void
url_encode_path(struct buf *out, const char *s, size_t len)
{
	static const char hex[] = "0123456789ABCDEF";

	for (size_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char)s[i];

		if (is_alpha((char)c) || is_digit((char)c) || c == '-' ||
		    c == '.' || c == '_' || c == '~' || c == '/') {
			buf_putc(out, (char)c);
		} else {
			char e[3] = {'%', hex[c >> 4], hex[c & 15]};

			buf_append(out, e, 3);
		}
	}
}

/* Writes the relative URL between two files; see relink.h. */
void
relink_relative(const char *from, const char *to, struct buf *out)
{
	size_t common = 0, i;

	/* The longest run of whole folders both start with. */
	for (i = 0; from[i] != '\0' && from[i] == to[i]; i++)
		if (from[i] == '/')
			common = i + 1;
	for (i = common; from[i] != '\0'; i++)
		if (from[i] == '/')
			buf_puts(out, "../");
	url_encode_path(out, to + common, strlen(to + common));
}

/* Rewrites one URL u (decoded) into out when it leads into the site and
 * target maps it; returns whether it did. */
static bool
rewrite_url(const struct relink_page *p, const char *u, size_t len,
            struct buf *out, struct buf *path, struct buf *file)
{
	const char *fragment = NULL;

	if (!relink_resolve(p->origin, p->path, u, len, path, &fragment))
		return false;
	buf_reset(file);
	if (p->target(p->ctx, path->data, file) < 0 || file->len == 0)
		return false;
	relink_relative(p->file, file->data, out);
	if (fragment != NULL)
		buf_append(out, fragment, (size_t)(u + len - fragment));
	return true;
}

/* Scratch space for one relink_html call. */
struct scratch {
	struct buf decoded, value, path, file;
};

/* Rewrites a srcset value (decoded) into out; returns whether any of its
 * candidates changed. */
static bool
rewrite_srcset(const struct relink_page *p, const char *s, size_t len,
               struct buf *out, struct scratch *w)
{
	size_t i = 0;
	bool changed = false, first = true;

	while (i < len) {
		size_t u, u_end, d;

		while (i < len && (is_space(s[i]) || s[i] == ','))
			i++;
		if (i >= len)
			break;
		u = i;
		while (i < len && !is_space(s[i]))
			i++;
		u_end = i;
		while (u_end > u && s[u_end - 1] == ',')
			u_end--;
		d = i;
		if (u_end == i)
			while (i < len && s[i] != ',')
				i++;
		if (!first)
			buf_puts(out, ", ");
		first = false;
		if (rewrite_url(p, s + u, u_end - u, out, &w->path, &w->file))
			changed = true;
		else
			buf_append(out, s + u, u_end - u);
		/* The descriptors ("640w"), trimmed. */
		while (d < i && is_space(s[d]))
			d++;
		if (d < i) {
			size_t e = i;

			while (e > d && is_space(s[e - 1]))
				e--;
			buf_putc(out, ' ');
			buf_append(out, s + d, e - d);
		}
	}
	return changed;
}

/* Tells whether attr a of page html is named name (case ignored). */
static bool
attr_is(const char *html, const struct attr *a, const char *name)
{
	return a->name_len == strlen(name) &&
	       strncasecmp(html + a->name, name, a->name_len) == 0;
}

/* Tells whether a space-separated list (decoded) holds token. */
static bool
has_token(const char *s, size_t len, const char *token)
{
	size_t n = strlen(token), i = 0;

	while (i < len) {
		size_t start;

		while (i < len && is_space(s[i]))
			i++;
		start = i;
		while (i < len && !is_space(s[i]))
			i++;
		if (i - start == n && strncasecmp(s + start, token, n) == 0)
			return true;
	}
	return false;
}

/*
 * Reads the attributes of the start tag whose name ends at i.  Returns
 * the offset just past its '>', or 0 when the tag does not end (the rest
 * of the page is then copied as it is).
 */
static size_t
read_attrs(const char *html, size_t len, size_t i, struct attr *attrs,
           size_t *count)
{
	*count = 0;
	while (i < len) {
		struct attr a;

		while (i < len && (is_space(html[i]) || html[i] == '/'))
			i++;
		if (i >= len)
			return 0;
		if (html[i] == '>')
			return i + 1;
		memset(&a, 0, sizeof(a));
		a.name = i;
		while (i < len && !is_space(html[i]) && html[i] != '>' &&
		       html[i] != '/' && (html[i] != '=' || i == a.name))
			i++;
		a.name_len = i - a.name;
		while (i < len && is_space(html[i]))
			i++;
		if (i < len && html[i] == '=') {
			i++;
			while (i < len && is_space(html[i]))
				i++;
			if (i >= len)
				return 0;
			a.has_value = true;
			a.token = i;
			if (html[i] == '"' || html[i] == '\'') {
				const char *close =
				    memchr(html + i + 1, html[i], len - i - 1);

				if (close == NULL)
					return 0;
				a.value = i + 1;
				a.value_len = (size_t)(close - html) - a.value;
				i = (size_t)(close - html) + 1;
			} else {
				a.value = i;
				while (i < len && !is_space(html[i]) &&
				       html[i] != '>')
					i++;
				a.value_len = i - a.value;
			}
			a.token_end = i;
		}
		if (*count < ATTRS_MAX)
			attrs[(*count)++] = a;
	}
	return 0;
}

/* Tells whether a form (by its attributes) sends to the site: no action,
 * an empty one, or one that resolves inside the site. */
static bool
form_is_internal(const struct relink_page *p, const char *html,
                 const struct attr *attrs, size_t count, struct scratch *w)
{
	const char *fragment;

	for (size_t k = 0; k < count; k++) {
		if (!attr_is(html, &attrs[k], "action"))
			continue;
		buf_reset(&w->decoded);
		attr_decode(html + attrs[k].value, attrs[k].value_len,
		            &w->decoded);
		if (w->decoded.len == 0)
			return true;
		return relink_resolve(p->origin, p->path, w->decoded.data,
		                      w->decoded.len, &w->path, &fragment);
	}
	return true;
}

/*
 * Appends the start tag html[start..end) to out with its URL attributes
 * rewritten.  Attributes that change are written again in double quotes;
 * everything else is copied byte for byte.
 */
static void
emit_tag(const struct relink_page *p, const char *html, size_t start,
         size_t end, const struct attr *attrs, size_t count, bool canonical,
         struct buf *out, struct scratch *w)
{
	size_t cursor = start;

	for (size_t k = 0; k < count; k++) {
		const struct attr *a = &attrs[k];
		bool srcset = attr_is(html, a, "srcset"), url = false, changed;

		if (!a->has_value)
			continue;
		for (size_t j = 0; j < sizeof(url_attrs) / sizeof(url_attrs[0]);
		     j++)
			if (attr_is(html, a, url_attrs[j]))
				url = true;
		if ((!url && !srcset) ||
		    (canonical && attr_is(html, a, "href")))
			continue;
		buf_reset(&w->decoded);
		attr_decode(html + a->value, a->value_len, &w->decoded);
		buf_reset(&w->value);
		changed = srcset
		              ? rewrite_srcset(p, w->decoded.data,
		                               w->decoded.len, &w->value, w)
		              : rewrite_url(p, w->decoded.data, w->decoded.len,
		                            &w->value, &w->path, &w->file);
		if (!changed)
			continue;
		buf_append(out, html + cursor, a->token - cursor);
		buf_putc(out, '"');
		html_text(out, w->value.data, w->value.len);
		buf_putc(out, '"');
		cursor = a->token_end;
	}
	buf_append(out, html + cursor, end - cursor);
}

/* Rewrites a page; see relink.h. */
size_t
relink_html(const struct relink_page *p, const char *html, size_t len,
            struct buf *out)
{
	struct attr attrs[ATTRS_MAX];
	struct scratch w;
	size_t i = 0, copied = 0, forms = 0, count;

	memset(&w, 0, sizeof(w));
	while (i < len) {
		const char *lt = memchr(html + i, '<', len - i);
		size_t name, name_len, end, k;
		bool canonical = false;

		if (lt == NULL)
			break;
		i = (size_t)(lt - html);
		if (len - i >= 4 && memcmp(html + i, "<!--", 4) == 0) {
			const char *close =
			    memmem(html + i + 4, len - i - 4, "-->", 3);

			i = close ? (size_t)(close - html) + 3 : len;
			continue;
		}
		if (i + 1 >= len || !is_alpha(html[i + 1])) {
			/* An end tag, a doctype or a plain '<'. */
			i++;
			continue;
		}
		name = i + 1;
		name_len = 0;
		while (name + name_len < len &&
		       (is_alpha(html[name + name_len]) ||
		        is_digit(html[name + name_len]) ||
		        html[name + name_len] == '-'))
			name_len++;
		end = read_attrs(html, len, name + name_len, attrs, &count);
		if (end == 0)
			break;
#define TAG_IS(s)                                                              \
	(name_len == sizeof(s) - 1 &&                                          \
	 strncasecmp(html + name, s, name_len) == 0)
		if (TAG_IS("form") &&
		    form_is_internal(p, html, attrs, count, &w)) {
			size_t close = find_nocase(html, end, len, "</form");
			const char *gt =
			    close < len ? memchr(html + close, '>', len - close)
			                : NULL;

			if (gt != NULL) {
				buf_append(out, html + copied, i - copied);
				buf_puts(out, p->notice_html);
				i = copied = (size_t)(gt - html) + 1;
				forms++;
				continue;
			}
		}
		if (TAG_IS("link"))
			for (k = 0; k < count; k++)
				if (attr_is(html, &attrs[k], "rel")) {
					buf_reset(&w.decoded);
					attr_decode(html + attrs[k].value,
					            attrs[k].value_len,
					            &w.decoded);
					canonical = has_token(w.decoded.data,
					                      w.decoded.len,
					                      "canonical");
				}
		buf_append(out, html + copied, i - copied);
		emit_tag(p, html, i, end, attrs, count, canonical, out, &w);
		i = copied = end;
		/* Raw text: nothing in it is a tag. */
		if (TAG_IS("script"))
			i = find_nocase(html, end, len, "</script");
		else if (TAG_IS("style"))
			i = find_nocase(html, end, len, "</style");
#undef TAG_IS
	}
	buf_append(out, html + copied, len - copied);
	buf_free(&w.decoded);
	buf_free(&w.value);
	buf_free(&w.path);
	buf_free(&w.file);
	return forms;
}

/* Resolves one address found in XML and hands it to target. */
static void
xml_link(const struct relink_page *p, const char *s, size_t len,
         struct scratch *w)
{
	const char *fragment;

	buf_reset(&w->decoded);
	attr_decode(s, len, &w->decoded);
	if (w->decoded.len == 0 ||
	    !relink_resolve(p->origin, p->path, w->decoded.data, w->decoded.len,
	                    &w->path, &fragment))
		return;
	buf_reset(&w->file);
	p->target(p->ctx, w->path.data, &w->file);
}

/* Finds the addresses of a feed or sitemap; see relink.h. */
void
relink_xml_links(const struct relink_page *p, const char *xml, size_t len)
{
	/* A sitemap's <loc>, an RSS channel's and item's <link>. */
	static const char *const elements[][2] = {{"<loc>", "</loc>"},
	                                          {"<link>", "</link>"}};
	struct scratch w;
	size_t i;

	memset(&w, 0, sizeof(w));
	for (size_t k = 0; k < sizeof(elements) / sizeof(elements[0]); k++) {
		size_t open_len = strlen(elements[k][0]);
		size_t close_len = strlen(elements[k][1]);

		for (i = 0; i < len;) {
			const char *at =
			    memmem(xml + i, len - i, elements[k][0], open_len);
			const char *close;

			if (at == NULL)
				break;
			i = (size_t)(at - xml) + open_len;
			close =
			    memmem(xml + i, len - i, elements[k][1], close_len);
			if (close == NULL)
				break;
			xml_link(p, xml + i, (size_t)(close - xml) - i, &w);
			i = (size_t)(close - xml) + close_len;
		}
	}
	for (i = 0; i < len;) {
		const char *h = memmem(xml + i, len - i, "href=", 5), *close;
		char quote;

		if (h == NULL)
			break;
		i = (size_t)(h - xml) + 5;
		if (h == xml || !is_space(h[-1]) || i >= len ||
		    (xml[i] != '"' && xml[i] != '\''))
			continue;
		quote = xml[i++];
		close = memchr(xml + i, quote, len - i);
		if (close == NULL)
			break;
		xml_link(p, xml + i, (size_t)(close - xml) - i, &w);
		i = (size_t)(close - xml) + 1;
	}
	buf_free(&w.decoded);
	buf_free(&w.path);
	buf_free(&w.file);
}
