/*
 * wpbody.c: WordPress post bodies to the site's HTML (see wpbody.h for
 * the steps and what each keeps).  Everything here works on the body as
 * text, as WordPress's own filters do (the_content: do_blocks, wpautop,
 * do_shortcode), and writes HTML for the sanitiser, which has the last
 * word on what reaches a page: the markup made here (figures, galleries,
 * video players, links) is checked there like any other.  Values this
 * file puts into attributes are escaped with html_text all the same.
 * libxml2 is used here only to read the text of <!--more Read on-->.
 */
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <libxml/HTMLparser.h>
#include <libxml/tree.h>

#include "../util/alloc.h"
#include "../util/video.h"
#include "html.h"
#include "wpbody.h"

/* Nesting of shortcodes followed (unknown ones unwrapped inside
 * others); deeper ones are left as text. */
#define WPBODY_SHORTCODE_DEPTH 16

/* The longest shortcode tag read, attributes included. */
#define WPBODY_TAG_MAX 4096

/* The most attributes of one shortcode kept. */
#define WPBODY_ATTRS_MAX 32

/* One attribute of a shortcode: name (NULL for a bare value) = value. */
struct sc_attr {
	const char *name;
	size_t name_len;
	const char *value;
	size_t value_len;
};

/* A shortcode tag as read from the text. */
struct sc_tag {
	const char *name;
	size_t name_len;
	struct sc_attr attrs[WPBODY_ATTRS_MAX];
	size_t attrs_count;
	bool self_closing; /* [name /] */
	bool has_equals;   /* an attribute with '=' */
	size_t end;        /* offset just after the tag's ']' */
	/* For an enclosing shortcode: its content, and the offset just
	 * after its [/name]. */
	bool enclosing;
	size_t content_start, content_end, close_end;
};

static void shortcodes(const struct wpbody_options *opts, const char *s,
                       size_t len, int depth, struct buf *out);

/* Returns whether the n bytes at s equal the NUL-terminated word w in
 * any ASCII case. */
static bool
word_is(const char *s, size_t n, const char *w)
{
	return strlen(w) == n && strncasecmp(s, w, n) == 0;
}

/* Returns c in lower case when it is an ASCII letter. */
static char
lower(char c)
{
	return c >= 'A' && c <= 'Z' ? (char)(c + ('a' - 'A')) : c;
}

/* Returns a pointer to the first occurrence of needle (not empty) in
 * s[0..len) in any ASCII case, or NULL. */
static const char *
find_nocase(const char *s, size_t len, const char *needle)
{
	size_t n = strlen(needle), i;
	char first = lower(needle[0]);

	if (n > len)
		return NULL;
	for (i = 0; i + n <= len; i++)
		if (lower(s[i]) == first && strncasecmp(s + i, needle, n) == 0)
			return s + i;
	return NULL;
}

/* Returns a pointer to the first needle (exact) in s[0..len), or NULL. */
static const char *
find_bytes(const char *s, size_t len, const char *needle)
{
	return memmem(s, len, needle, strlen(needle));
}

static bool
is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

/* Returns whether s[0..len) holds only white space. */
static bool
is_blank(const char *s, size_t len)
{
	size_t i;

	for (i = 0; i < len; i++)
		if (!is_space(s[i]))
			return false;
	return true;
}

/* Trims white space off both ends of [*s, *s + *len). */
static void
trim(const char **s, size_t *len)
{
	while (*len > 0 && is_space((*s)[0])) {
		(*s)++;
		(*len)--;
	}
	while (*len > 0 && is_space((*s)[*len - 1]))
		(*len)--;
}

/* Appends s[0..len) with its line breaks as spaces (markup built here
 * stays on one line, so wpautop adds no <br> inside it). */
static void
put_one_line(struct buf *out, const char *s, size_t len)
{
	size_t i, run = 0;

	for (i = 0; i < len; i++)
		if (s[i] == '\n') {
			buf_append(out, s + run, i - run);
			buf_putc(out, ' ');
			run = i + 1;
		}
	buf_append(out, s + run, len - run);
}

/* ---- Step 3: comments ---- */

/*
 * Appends s without its comments; returns whether one was a block
 * comment (<!-- wp:... or <!-- /wp:...).  An unclosed comment is kept
 * (the sanitiser drops it with what follows, as a browser hides it).
 */
static bool
strip_comments(const char *s, size_t len, struct buf *out)
{
	bool blocks = false;
	size_t i = 0;

	while (i < len) {
		const char *open = find_bytes(s + i, len - i, "<!--"), *close;
		size_t at, end, j;

		if (open == NULL)
			break;
		at = (size_t)(open - s);
		/* "<!-->" and "<!--->" are empty comments to a browser. */
		if (at + 4 < len && s[at + 4] == '>')
			close = s + at + 2;
		else if (at + 5 < len && s[at + 4] == '-' && s[at + 5] == '>')
			close = s + at + 3;
		else
			close = find_bytes(s + at + 4, len - at - 4, "-->");
		if (close == NULL)
			break;
		end = (size_t)(close - s) + 3;
		j = at + 4;
		while (j < end && is_space(s[j]))
			j++;
		if (j + 3 <= end && (strncmp(s + j, "wp:", 3) == 0 ||
		                     strncmp(s + j, "/wp:", 4) == 0))
			blocks = true;
		buf_append(out, s + i, at - i);
		/* A comment alone on its line takes its line end along, so
		 * block markup leaves no blank lines behind. */
		if ((at == 0 || s[at - 1] == '\n') && end < len &&
		    s[end] == '\n')
			end++;
		i = end;
	}
	buf_append(out, s + i, len - i);
	return blocks;
}

/* ---- Step 4: a URL on its own line ---- */

/* Returns whether c may stand in a shortcode's or an element's name. */
static bool
is_name_char(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	       (c >= '0' && c <= '9') || c == '_' || c == '-';
}

/* Returns whether s[0..len) (trimmed) is one http(s) URL. */
static bool
is_url_line(const char *s, size_t len)
{
	size_t i;

	if (!(len > 7 && strncasecmp(s, "http://", 7) == 0) &&
	    !(len > 8 && strncasecmp(s, "https://", 8) == 0))
		return false;
	if (len > VIDEO_URL_MAX * 4)
		return false;
	for (i = 0; i < len; i++)
		if (is_space(s[i]) || strchr("<>\"'[]`", s[i]))
			return false;
	return true;
}

/*
 * Appends what a video or other URL alone (an [embed], a line) becomes:
 * an iframe of the player for YouTube and Vimeo (the sanitiser makes the
 * facade of it), else a link to it.
 */
static void
put_embed(struct buf *out, const char *url, size_t len)
{
	char id[VIDEO_ID_MAX + 1];
	char *copy = xstrndup(url, len);

	if (video_url_parse(copy, id) != VIDEO_NONE) {
		buf_puts(out, "<iframe src=\"");
		html_text(out, url, len);
		buf_puts(out, "\"></iframe>");
	} else {
		buf_puts(out, "<a href=\"");
		html_text(out, url, len);
		buf_puts(out, "\">");
		html_text(out, url, len);
		buf_puts(out, "</a>");
	}
	free(copy);
}

/* Appends s with every line that is one URL, outside <pre>, embedded. */
static void
url_lines(const char *s, size_t len, struct buf *out)
{
	size_t i = 0;
	int in_pre = 0;

	while (i < len) {
		const char *nl = memchr(s + i, '\n', len - i);
		size_t end = nl != NULL ? (size_t)(nl - s) : len;
		const char *line = s + i, *t = line, *p;
		size_t line_len = end - i, t_len = line_len;

		trim(&t, &t_len);
		if (in_pre == 0 && is_url_line(t, t_len)) {
			buf_append(out, line, (size_t)(t - line));
			put_embed(out, t, t_len);
		} else {
			buf_append(out, line, line_len);
		}
		for (p = line;
		     (p = memchr(p, '<', (size_t)(s + end - p))) != NULL; p++) {
			size_t left = (size_t)(s + end - p);

			if (left >= 4 && strncasecmp(p + 1, "pre", 3) == 0 &&
			    (left == 4 || !is_name_char(p[4])))
				in_pre++;
			else if (left >= 5 &&
			         strncasecmp(p + 1, "/pre", 4) == 0 &&
			         in_pre > 0)
				in_pre--;
		}
		if (nl != NULL)
			buf_putc(out, '\n');
		i = end + 1;
	}
}

/* ---- Step 5: shortcodes ---- */

/*
 * Reads the shortcode tag at s[at] == '[' (s is len bytes) into *tag, as
 * WordPress's get_shortcode_regex() does: a name, attributes up to the
 * first ']' (name="v", name='v', name=v, "v", 'v', v), an optional '/'
 * before the ']', and for a tag that is not self-closing, the content up
 * to the first [/name] after it, when there is one.  Returns whether a
 * tag was read.
 */
static bool
read_tag(const char *s, size_t len, size_t at, struct sc_tag *tag)
{
	size_t i = at + 1, end, limit;
	const char *close;

	memset(tag, 0, sizeof(*tag));
	tag->name = s + i;
	while (i < len && is_name_char(s[i]))
		i++;
	tag->name_len = (size_t)(s + i - tag->name);
	if (tag->name_len == 0 || tag->name[0] == '-' || tag->name[0] == '_')
		return false;
	if (i < len && !(is_space(s[i]) || s[i] == ']' || s[i] == '/'))
		return false;
	limit = len - at > WPBODY_TAG_MAX ? at + WPBODY_TAG_MAX : len;
	close = memchr(s + i, ']', limit - i);
	if (close == NULL)
		return false;
	end = (size_t)(close - s);
	if (memchr(s + i, '[', end - i) != NULL)
		return false;
	tag->end = end + 1;
	if (end > i && s[end - 1] == '/') {
		tag->self_closing = true;
		end--;
	}
	/* Attributes. */
	while (i < end) {
		struct sc_attr *a;
		size_t start;

		while (i < end && is_space(s[i]))
			i++;
		if (i >= end)
			break;
		a = tag->attrs_count < WPBODY_ATTRS_MAX
		        ? &tag->attrs[tag->attrs_count++]
		        : NULL;
		start = i;
		if (s[i] != '"' && s[i] != '\'') {
			while (i < end && !is_space(s[i]) && s[i] != '=')
				i++;
			if (i < end && s[i] == '=') {
				if (a != NULL) {
					a->name = s + start;
					a->name_len = i - start;
				}
				tag->has_equals = true;
				i++;
				start = i;
			} else {
				if (a != NULL) {
					a->value = s + start;
					a->value_len = i - start;
				}
				continue;
			}
		}
		if (i < end && (s[i] == '"' || s[i] == '\'')) {
			char q = s[i];
			const char *qe = memchr(s + i + 1, q, end - i - 1);
			size_t vend = qe != NULL ? (size_t)(qe - s) : end;

			if (a != NULL) {
				a->value = s + i + 1;
				a->value_len = vend - i - 1;
			}
			i = qe != NULL ? vend + 1 : end;
		} else {
			while (i < end && !is_space(s[i]))
				i++;
			if (a != NULL) {
				a->value = s + start;
				a->value_len = i - start;
			}
		}
	}
	if (!tag->self_closing) {
		struct buf closing;
		const char *c;

		buf_init(&closing);
		buf_puts(&closing, "[/");
		buf_append(&closing, tag->name, tag->name_len);
		buf_putc(&closing, ']');
		c = memmem(s + tag->end, len - tag->end, closing.data,
		           closing.len);
		if (c != NULL) {
			tag->enclosing = true;
			tag->content_start = tag->end;
			tag->content_end = (size_t)(c - s);
			tag->close_end = tag->content_end + closing.len;
		}
		buf_free(&closing);
	}
	return true;
}

/* Returns the value of attribute name of tag, or NULL (*len set). */
static const char *
attr_value(const struct sc_tag *tag, const char *name, size_t *len)
{
	size_t i;

	for (i = 0; i < tag->attrs_count; i++)
		if (tag->attrs[i].name != NULL &&
		    word_is(tag->attrs[i].name, tag->attrs[i].name_len, name)) {
			*len = tag->attrs[i].value_len;
			return tag->attrs[i].value;
		}
	*len = 0;
	return NULL;
}

/* Finds the end of the tag starting at s[0] == '<' (quotes respected);
 * returns its length, or 0 when it does not end. */
static size_t
html_tag_len(const char *s, size_t len)
{
	size_t i;
	char q = 0;

	for (i = 1; i < len; i++) {
		if (q != 0) {
			if (s[i] == q)
				q = 0;
		} else if (s[i] == '"' || s[i] == '\'') {
			q = s[i];
		} else if (s[i] == '>') {
			return i + 1;
		}
	}
	return 0;
}

/*
 * [caption]: the leading image (or link around one) of its content
 * becomes a figure, the rest its figcaption (the caption attribute when
 * the rest is empty).
 */
static void
sc_caption(const struct wpbody_options *opts, const struct sc_tag *tag,
           const char *s, int depth, struct buf *out)
{
	const char *c = s + tag->content_start, *cap;
	size_t len = tag->content_end - tag->content_start, media = 0, cap_len;
	struct buf inner;

	trim(&c, &len);
	if (len > 2 && strncasecmp(c, "<a", 2) == 0 &&
	    (is_space(c[2]) || c[2] == '>')) {
		const char *e = find_nocase(c, len, "</a>");

		if (e != NULL)
			media = (size_t)(e - c) + 4;
	} else if (len > 4 && strncasecmp(c, "<img", 4) == 0) {
		media = html_tag_len(c, len);
	}
	cap = c + media;
	cap_len = len - media;
	trim(&cap, &cap_len);
	if (cap_len == 0)
		cap = attr_value(tag, "caption", &cap_len);
	buf_init(&inner);
	buf_puts(out, "<figure>");
	put_one_line(out, c, media);
	if (cap != NULL && cap_len > 0) {
		shortcodes(opts, cap, cap_len, depth + 1, &inner);
		buf_puts(out, "<figcaption>");
		put_one_line(out, inner.data, inner.len);
		buf_puts(out, "</figcaption>");
	}
	buf_puts(out, "</figure>");
	buf_free(&inner);
}

/* Appends one image of a gallery, when the callback knows it. */
static void
gallery_item(const struct wpbody_options *opts, long long id, bool link,
             struct buf *out)
{
	struct wpbody_attachment a;
	const char *href;

	memset(&a, 0, sizeof(a));
	if (opts == NULL || opts->attachment == NULL ||
	    opts->attachment(opts->ctx, id, &a) != 0 || a.src == NULL ||
	    a.src[0] == '\0')
		return;
	href = a.link != NULL && a.link[0] != '\0' ? a.link : a.src;
	buf_puts(out, "<figure>");
	if (link) {
		buf_puts(out, "<a");
		html_attr(out, "href", href);
		buf_putc(out, '>');
	}
	buf_puts(out, "<img");
	html_attr(out, "src", a.src);
	html_attr(out, "alt", a.alt != NULL ? a.alt : "");
	buf_putc(out, '>');
	if (link)
		buf_puts(out, "</a>");
	if (a.caption != NULL && a.caption[0] != '\0') {
		buf_puts(out, "<figcaption>");
		html_text(out, a.caption, strlen(a.caption));
		buf_puts(out, "</figcaption>");
	}
	buf_puts(out, "</figure>");
}

/*
 * [gallery ids="1,2,3"] (or include=): a div.gallery of figures, one per
 * attachment the callback knows; without either, the post's children.
 * link="none" leaves the images unlinked.
 */
static void
sc_gallery(const struct wpbody_options *opts, const struct sc_tag *tag,
           struct buf *out)
{
	const char *ids, *link;
	size_t ids_len, link_len, i, count = 0, mark = out->len;
	bool linked;

	ids = attr_value(tag, "ids", &ids_len);
	if (ids == NULL)
		ids = attr_value(tag, "include", &ids_len);
	link = attr_value(tag, "link", &link_len);
	linked = !(link != NULL && word_is(link, link_len, "none"));
	buf_puts(out, "<div class=\"gallery\">");
	if (ids != NULL) {
		i = 0;
		while (i < ids_len && count < WPBODY_GALLERY_MAX) {
			long long id = 0;
			size_t digits = 0;

			while (i < ids_len &&
			       (is_space(ids[i]) || ids[i] == ','))
				i++;
			while (i < ids_len && ids[i] >= '0' && ids[i] <= '9' &&
			       digits < 18) {
				id = id * 10 + (ids[i] - '0');
				i++;
				digits++;
			}
			if (digits == 0) {
				i++;
				continue;
			}
			while (i < ids_len && ids[i] >= '0' && ids[i] <= '9')
				i++;
			gallery_item(opts, id, linked, out);
			count++;
		}
	} else if (opts != NULL && opts->children != NULL) {
		for (i = 0; i < opts->children_count && i < WPBODY_GALLERY_MAX;
		     i++)
			gallery_item(opts, opts->children[i], linked, out);
	}
	if (out->len == mark + strlen("<div class=\"gallery\">")) {
		out->len = mark; /* nothing known: no empty gallery */
		out->data[mark] = '\0';
		return;
	}
	buf_puts(out, "</div>");
}

/* Returns the first of the attributes names[] that tag has, or NULL. */
static const char *
first_attr(const struct sc_tag *tag, const char *const *names, size_t count,
           size_t *len)
{
	size_t i;
	const char *v;

	for (i = 0; i < count; i++)
		if ((v = attr_value(tag, names[i], len)) != NULL && *len > 0)
			return v;
	return NULL;
}

/*
 * [video] and [audio]: the player of a YouTube or Vimeo address, else the
 * element with the file.  Returns false when the tag names no file.
 */
static bool
sc_media(const struct sc_tag *tag, bool video, struct buf *out)
{
	static const char *const video_attrs[] = {"src",  "mp4", "m4v",
	                                          "webm", "ogv", "flv"};
	static const char *const audio_attrs[] = {"src", "mp3", "ogg",
	                                          "m4a", "wav", "flac"};
	const char *url, *poster;
	size_t len, poster_len;
	char id[VIDEO_ID_MAX + 1], *copy;
	enum video_provider vp;

	url = video ? first_attr(tag, video_attrs, 6, &len)
	            : first_attr(tag, audio_attrs, 6, &len);
	if (url == NULL)
		return false;
	copy = xstrndup(url, len);
	vp = video_url_parse(copy, id);
	free(copy);
	if (vp != VIDEO_NONE) {
		put_embed(out, url, len);
		return true;
	}
	buf_puts(out, video ? "<video src=\"" : "<audio src=\"");
	html_text(out, url, len);
	buf_putc(out, '"');
	if (video &&
	    (poster = attr_value(tag, "poster", &poster_len)) != NULL) {
		buf_puts(out, " poster=\"");
		html_text(out, poster, poster_len);
		buf_putc(out, '"');
	}
	buf_puts(out, video ? "></video>" : "></audio>");
	return true;
}

/*
 * Appends s[0..len) with its shortcodes expanded (see wpbody.h, step 5).
 * depth counts the shortcodes around s.
 */
static void
shortcodes(const struct wpbody_options *opts, const char *s, size_t len,
           int depth, struct buf *out)
{
	size_t i = 0, run = 0;

	while (i < len) {
		const char *br = memchr(s + i, '[', len - i);
		struct sc_tag tag;
		size_t at, next;
		bool done = true;

		if (br == NULL)
			break;
		at = (size_t)(br - s);
		i = at + 1;
		if (depth >= WPBODY_SHORTCODE_DEPTH)
			break;
		/* [[name]] (and [[name]...[/name]]): the inner tag as text. */
		if (at + 1 < len && s[at + 1] == '[') {
			if (read_tag(s, len, at + 1, &tag)) {
				size_t end =
				    tag.enclosing ? tag.close_end : tag.end;

				if (end < len && s[end] == ']') {
					buf_append(out, s + run, at - run);
					buf_append(out, s + at + 1,
					           end - at - 1);
					i = run = end + 1;
				}
			}
			continue;
		}
		if (!read_tag(s, len, at, &tag))
			continue;
		next = tag.enclosing ? tag.close_end : tag.end;
		buf_append(out, s + run, at - run);
		if (word_is(tag.name, tag.name_len, "caption") ||
		    word_is(tag.name, tag.name_len, "wp_caption")) {
			if (tag.enclosing)
				sc_caption(opts, &tag, s, depth, out);
		} else if (word_is(tag.name, tag.name_len, "gallery")) {
			sc_gallery(opts, &tag, out);
			next = tag.end;
		} else if (word_is(tag.name, tag.name_len, "embed")) {
			const char *u = s + tag.content_start;
			size_t u_len = tag.content_end - tag.content_start;

			trim(&u, &u_len);
			/* A URL on its own line inside is already embedded
			 * (step 4): then the content stays as it is. */
			if (tag.enclosing && is_url_line(u, u_len))
				put_embed(out, u, u_len);
			else if (tag.enclosing)
				shortcodes(opts, s + tag.content_start,
				           tag.content_end - tag.content_start,
				           depth + 1, out);
		} else if ((word_is(tag.name, tag.name_len, "video") &&
		            sc_media(&tag, true, out)) ||
		           (word_is(tag.name, tag.name_len, "audio") &&
		            sc_media(&tag, false, out))) {
			/* done */
		} else if (tag.enclosing) {
			shortcodes(opts, s + tag.content_start,
			           tag.content_end - tag.content_start,
			           depth + 1, out);
		} else if (!tag.has_equals && !tag.self_closing &&
		           !word_is(tag.name, tag.name_len, "video") &&
		           !word_is(tag.name, tag.name_len, "audio") &&
		           !word_is(tag.name, tag.name_len, "playlist")) {
			done = false; /* "[1]", "[sic]": text */
		}
		if (done) {
			i = run = next;
		} else {
			buf_append(out, s + at, 1);
			run = at + 1;
		}
	}
	buf_append(out, s + run, len - run);
}

/* ---- Step 6: wpautop ---- */

/* WordPress's $allblocks: elements wpautop never wraps in <p>. */
static const char *const block_names[] = {
    "table",   "thead",      "tfoot",   "caption",    "col",     "colgroup",
    "tbody",   "tr",         "td",      "th",         "div",     "dl",
    "dd",      "dt",         "ul",      "ol",         "li",      "pre",
    "form",    "map",        "area",    "blockquote", "address", "math",
    "style",   "p",          "h1",      "h2",         "h3",      "h4",
    "h5",      "h6",         "hr",      "fieldset",   "legend",  "section",
    "article", "aside",      "hgroup",  "header",     "footer",  "nav",
    "figure",  "figcaption", "details", "menu",       "summary"};

/* A tag's name: s[0] == '<'; sets *closing.  Returns the name's length
 * (0 for comments, doctypes and text that is no tag). */
static size_t
tag_name(const char *s, size_t len, const char **name, bool *closing)
{
	size_t i = 1, n;

	*closing = len > 1 && s[1] == '/';
	if (*closing)
		i++;
	*name = s + i;
	n = 0;
	while (i + n < len && ((s[i + n] >= 'a' && s[i + n] <= 'z') ||
	                       (s[i + n] >= 'A' && s[i + n] <= 'Z') ||
	                       (n > 0 && s[i + n] >= '0' && s[i + n] <= '9')))
		n++;
	return n;
}

/* Returns whether name (n bytes) is one of WordPress's block elements. */
static bool
is_block_name(const char *name, size_t n)
{
	size_t i;

	for (i = 0; i < sizeof(block_names) / sizeof(block_names[0]); i++)
		if (word_is(name, n, block_names[i]))
			return true;
	return false;
}

/* Marks a <pre> block kept aside while paragraphs are made: the byte
 * 0x01 (dropped from bodies beforehand) and the block's index. */
#define PRE_MARK '\x01'

/* The <pre> blocks of a body, kept aside by wpautop. */
struct pre_blocks {
	struct buf *items;
	size_t count, cap;
};

/* Returns whether the token t[0..n) (a tag or a pre mark) is a block. */
static bool
token_is_block(const char *t, size_t n, bool *closing)
{
	const char *name;
	size_t name_len;

	*closing = false;
	if (n > 0 && t[0] == PRE_MARK)
		return true;
	if (n < 2 || t[0] != '<')
		return false;
	name_len = tag_name(t, n, &name, closing);
	return name_len > 0 && is_block_name(name, name_len);
}

/*
 * First pass of wpautop: copies s into out with "\n\n" before every
 * opening block tag and after every closing one (and after <hr>), two
 * <br>s in a row as a blank line, line breaks inside tags as spaces, and
 * each <pre>...</pre> replaced by a mark (kept in pres).
 */
static void
autop_mark(const char *s, size_t len, struct buf *out, struct pre_blocks *pres)
{
	size_t i = 0, run = 0;

	while (i < len) {
		const char *name, *lt = memchr(s + i, '<', len - i);
		size_t at, tlen, nlen;
		bool closing;

		if (lt == NULL)
			break;
		at = (size_t)(lt - s);
		tlen = html_tag_len(s + at, len - at);
		nlen = tag_name(s + at, len - at, &name, &closing);
		if (tlen == 0 || nlen == 0) {
			i = at + 1;
			continue;
		}
		buf_append(out, s + run, at - run);
		if (!closing && word_is(name, nlen, "pre")) {
			const char *e = find_nocase(s + at, len - at, "</pre>");
			size_t end = e != NULL ? (size_t)(e - s) + 6 : len;

			if (pres->count == pres->cap) {
				pres->cap = pres->cap ? pres->cap * 2 : 4;
				pres->items =
				    xrealloc(pres->items,
				             pres->cap * sizeof(struct buf));
			}
			buf_init(&pres->items[pres->count]);
			buf_append(&pres->items[pres->count], s + at, end - at);
			buf_printf(out, "\n\n%c%zu%c\n\n", PRE_MARK,
			           pres->count, PRE_MARK);
			pres->count++;
			i = run = end;
			continue;
		}
		if (word_is(name, nlen, "br") && !closing) {
			size_t j = at + tlen;
			const char *name2;
			bool closing2;

			while (j < len && is_space(s[j]))
				j++;
			if (j < len && s[j] == '<' &&
			    tag_name(s + j, len - j, &name2, &closing2) == 2 &&
			    word_is(name2, 2, "br") && !closing2 &&
			    html_tag_len(s + j, len - j) > 0) {
				buf_puts(out, "\n\n");
				i = run = j + html_tag_len(s + j, len - j);
				continue;
			}
		}
		if (is_block_name(name, nlen) && !closing)
			buf_puts(out, "\n\n");
		put_one_line(out, s + at, tlen);
		if (is_block_name(name, nlen) &&
		    (closing || word_is(name, nlen, "hr")))
			buf_puts(out, "\n\n");
		i = run = at + tlen;
	}
	buf_append(out, s + run, len - run);
}

/* Returns the length of the tag or pre mark at s[0], or 0. */
static size_t
token_len(const char *s, size_t len)
{
	if (len > 0 && s[0] == PRE_MARK) {
		const char *e = memchr(s + 1, PRE_MARK, len - 1);

		return e != NULL ? (size_t)(e - s) + 1 : 0;
	}
	if (len > 0 && s[0] == '<')
		return html_tag_len(s, len);
	return 0;
}

/* Returns whether out ends (spaces aside) with a <br> tag. */
static bool
ends_with_br(const struct buf *out)
{
	size_t n = out->len;

	while (n > 0 && (out->data[n - 1] == ' ' || out->data[n - 1] == '\t'))
		n--;
	return (n >= 4 && strncasecmp(out->data + n - 4, "<br>", 4) == 0) ||
	       (n >= 5 && strncasecmp(out->data + n - 5, "<br/>", 5) == 0) ||
	       (n >= 6 && strncasecmp(out->data + n - 6, "<br />", 6) == 0);
}

/* Appends s[0..len) with each line break as <br> (but one after a
 * <br> already there), the spaces before it dropped. */
static void
put_breaks(struct buf *out, const char *s, size_t len)
{
	size_t i, run = 0;

	for (i = 0; i < len; i++) {
		if (s[i] != '\n')
			continue;
		buf_append(out, s + run, i - run);
		while (out->len > 0 && (out->data[out->len - 1] == ' ' ||
		                        out->data[out->len - 1] == '\t'))
			out->len--;
		out->data[out->len] = '\0';
		if (!ends_with_br(out))
			buf_puts(out, "<br>");
		buf_putc(out, '\n');
		run = i + 1;
	}
	buf_append(out, s + run, len - run);
}

/*
 * One paragraph chunk of wpautop: [opening block tag] text [closing block
 * tag].  Text after an opening block tag is not wrapped (WordPress's
 * "<p><div>" rule), but after <blockquote> it is, inside it; text alone or
 * before a closing tag is wrapped in <p>.
 */
static void
autop_chunk(const char *c, size_t len, struct buf *out)
{
	const char *mid = c, *open = NULL, *close = NULL;
	size_t mid_len = len, open_len = 0, close_len = 0, n;
	bool closing;

	trim(&mid, &mid_len);
	if (mid_len == 0)
		return;
	if ((n = token_len(mid, mid_len)) > 0 &&
	    token_is_block(mid, n, &closing) && !closing) {
		open = mid;
		open_len = n;
		mid += n;
		mid_len -= n;
	}
	/* The closing block tag at the end, if any. */
	if (mid_len > 0 && mid[mid_len - 1] == '>') {
		size_t k = mid_len;

		while (k > 0 && mid[k - 1] != '<')
			k--;
		if (k > 0 &&
		    (n = token_len(mid + k - 1, mid_len - k + 1)) ==
		        mid_len - k + 1 &&
		    token_is_block(mid + k - 1, n, &closing)) {
			close = mid + k - 1;
			close_len = n;
			mid_len = k - 1;
		}
	} else if (open == NULL && mid_len > 0 &&
	           mid[mid_len - 1] == PRE_MARK && mid[0] == PRE_MARK) {
		open = mid;
		open_len = mid_len;
		mid_len = 0;
	}
	trim(&mid, &mid_len);
	if (open != NULL)
		buf_append(out, open, open_len);
	if (mid_len > 0) {
		bool wrap =
		    open == NULL || (open_len > 11 &&
		                     strncasecmp(open, "<blockquote", 11) == 0);

		if (wrap)
			buf_puts(out, "<p>");
		put_breaks(out, mid, mid_len);
		if (wrap)
			buf_puts(out, "</p>");
	}
	if (close != NULL)
		buf_append(out, close, close_len);
	buf_putc(out, '\n');
}

/* Appends s with its <pre> marks replaced by the blocks they stand for. */
static void
restore_pre(const char *s, size_t len, const struct pre_blocks *pres,
            struct buf *out)
{
	size_t i = 0, run = 0;

	while (i < len) {
		const char *m = memchr(s + i, PRE_MARK, len - i), *e;
		size_t at, idx = 0, k;

		if (m == NULL)
			break;
		at = (size_t)(m - s);
		e = memchr(s + at + 1, PRE_MARK, len - at - 1);
		if (e == NULL)
			break;
		for (k = at + 1; k < (size_t)(e - s); k++)
			idx = idx * 10 + (size_t)(s[k] - '0');
		buf_append(out, s + run, at - run);
		if (idx < pres->count)
			buf_append(out, pres->items[idx].data,
			           pres->items[idx].len);
		i = run = (size_t)(e - s) + 1;
	}
	buf_append(out, s + run, len - run);
}

/* wpautop (wpbody.h, step 6): appends s[0..len) with paragraphs. */
static void
autop(const char *s, size_t len, struct buf *out)
{
	struct pre_blocks pres = {NULL, 0, 0};
	struct buf marked, paras;
	size_t i = 0, k;

	if (is_blank(s, len))
		return;
	buf_init(&marked);
	buf_init(&paras);
	autop_mark(s, len, &marked, &pres);
	/* Chunks are separated by a line holding only white space. */
	while (i < marked.len) {
		size_t start = i, end = i, j;

		for (;;) {
			const char *nl =
			    memchr(marked.data + end, '\n', marked.len - end);

			if (nl == NULL) {
				end = marked.len;
				j = marked.len;
				break;
			}
			end = (size_t)(nl - marked.data);
			j = end + 1;
			while (j < marked.len && (marked.data[j] == ' ' ||
			                          marked.data[j] == '\t' ||
			                          marked.data[j] == '\r'))
				j++;
			if (j < marked.len && marked.data[j] == '\n')
				break; /* a blank line */
			end = j;
		}
		autop_chunk(marked.data + start, end - start, &paras);
		i = j;
	}
	restore_pre(paras.data != NULL ? paras.data : "", paras.len, &pres,
	            out);
	for (k = 0; k < pres.count; k++)
		buf_free(&pres.items[k]);
	free(pres.items);
	buf_free(&marked);
	buf_free(&paras);
}

/* ---- The whole ---- */

/*
 * Steps 2 to 6 on s[0..len); blocks is 1 when the body is block-editor
 * content, 0 when it is not, -1 to tell from s.
 */
static void
convert(const char *s, size_t len, const struct wpbody_options *opts,
        int blocks, struct buf *out)
{
	struct buf a, b;
	size_t i, run = 0;
	bool has_blocks;

	buf_init(&a);
	buf_init(&b);
	/* Line ends as LF, no 0x01 (wpautop's mark), <!--nextpage--> as
	 * <hr>. */
	for (i = 0; i < len; i++) {
		if (s[i] == '\r' || s[i] == PRE_MARK) {
			buf_append(&a, s + run, i - run);
			if (s[i] == '\r' && !(i + 1 < len && s[i + 1] == '\n'))
				buf_putc(&a, '\n');
			run = i + 1;
		} else if (s[i] == '<' && len - i >= 15 &&
		           memcmp(s + i, "<!--nextpage-->", 15) == 0) {
			buf_append(&a, s + run, i - run);
			buf_puts(&a, "\n\n<hr>\n\n");
			run = i + 15;
			i += 14;
		}
	}
	buf_append(&a, s + run, len - run);
	has_blocks = strip_comments(a.data != NULL ? a.data : "", a.len, &b);
	if (blocks >= 0)
		has_blocks = blocks == 1;
	buf_reset(&a);
	url_lines(b.data != NULL ? b.data : "", b.len, &a);
	buf_reset(&b);
	shortcodes(opts, a.data != NULL ? a.data : "", a.len, 0, &b);
	if (has_blocks)
		buf_append(out, b.data != NULL ? b.data : "", b.len);
	else
		autop(b.data != NULL ? b.data : "", b.len, out);
	buf_free(&a);
	buf_free(&b);
}

/* Converts a body without its <!--more--> split; see wpbody.h. */
void
wpbody_convert(const char *body, size_t len, const struct wpbody_options *opts,
               struct buf *out)
{
	convert(body != NULL ? body : "", body != NULL ? len : 0, opts, -1,
	        out);
}

/* Converts then sanitises s[0..len) into *out; returns 0 or -1. */
static int
render_part(const char *s, size_t len, const struct wpbody_options *opts,
            int blocks, struct trusted_html *out)
{
	struct sanitize_options so = {NULL, NULL, NULL};
	struct buf html;
	int rc;

	if (opts != NULL) {
		so.url = opts->url;
		so.image = opts->image;
		so.ctx = opts->ctx;
	}
	buf_init(&html);
	convert(s, len, opts, blocks, &html);
	rc = html.len > SANITIZE_MAX_BYTES
	         ? -1
	         : sanitize_html(html.data != NULL ? html.data : "", html.len,
	                         &so, out);
	buf_free(&html);
	return rc;
}

/*
 * Returns the text of s[0..len) (markup dropped, references decoded,
 * ends trimmed) as a malloc'd string, or NULL when there is none.
 */
static char *
plain_text(const char *s, size_t len)
{
	struct buf in;
	htmlDocPtr doc;
	xmlChar *text;
	const char *t;
	size_t t_len;
	char *copy = NULL;

	buf_init(&in);
	buf_puts(&in, "<body>");
	buf_append(&in, s, len);
	doc = htmlReadMemory(in.data, (int)in.len, NULL, "UTF-8",
	                     HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
	                         HTML_PARSE_NONET);
	buf_free(&in);
	if (doc == NULL)
		return NULL;
	text = xmlNodeGetContent(xmlDocGetRootElement(doc));
	if (text != NULL) {
		t = (const char *)text;
		t_len = strlen(t);
		trim(&t, &t_len);
		if (t_len > 0)
			copy = xstrndup(t, t_len);
		xmlFree(text);
	}
	xmlFreeDoc(doc);
	return copy;
}

/* Renders a post body; see wpbody.h. */
int
wpbody_render(const char *body, size_t len, const struct wpbody_options *opts,
              struct wpbody_result *out)
{
	const char *more, *p, *end;
	struct buf whole, probe;
	int blocks, rc;

	memset(out, 0, sizeof(*out));
	if (len > WPBODY_MAX_BYTES || (body == NULL && len > 0))
		return -1;
	if (body == NULL)
		body = "";
	out->pages = 1;
	for (p = body; (p = find_bytes(p, (size_t)(body + len - p),
	                               "<!--nextpage-->")) != NULL;
	     p += 15)
		out->pages++;
	/* Whether the body is block content is the whole body's matter. */
	buf_init(&probe);
	blocks = strip_comments(body, len, &probe) ? 1 : 0;
	buf_free(&probe);
	more = find_bytes(body, len, "<!--more");
	end = more != NULL
	          ? find_bytes(more, (size_t)(body + len - more), "-->")
	          : NULL;
	if (more == NULL || end == NULL)
		return render_part(body, len, opts, blocks, &out->html);

	out->has_more = true;
	out->more_text = plain_text(more + 8, (size_t)(end - more - 8));
	buf_init(&whole);
	buf_append(&whole, body, (size_t)(more - body));
	buf_append(&whole, end + 3, (size_t)(body + len - end - 3));
	rc = render_part(whole.data, whole.len, opts, blocks, &out->html);
	buf_free(&whole);
	if (rc == 0)
		rc = render_part(body, (size_t)(more - body), opts, blocks,
		                 &out->excerpt);
	if (rc != 0)
		wpbody_result_free(out);
	return rc;
}

/* Frees a result; see wpbody.h. */
void
wpbody_result_free(struct wpbody_result *r)
{
	free((char *)r->html.html);
	free((char *)r->excerpt.html);
	free(r->more_text);
	memset(r, 0, sizeof(*r));
	r->pages = 0;
}
