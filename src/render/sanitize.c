/*
 * sanitize.c: the allowlist sanitiser for imported HTML (see sanitize.h
 * for the rules).  libxml2's HTML parser reads the input into a tree; this
 * file then walks the tree and writes every element it keeps itself, with
 * the element's name from our own table, the attributes it allows checked
 * one by one, and every text and value through html.c's escapers.  Nothing
 * the parser built is serialised as it is, so what the parser understood
 * differently from a browser cannot reach a page as markup.
 *
 * The writer also keeps a small part of HTML's content model, so that a
 * browser (and libxml2, reading the output again) builds the same tree as
 * the one written: block elements inside phrasing-only elements (p,
 * headings, pre, inline elements, links) are unwrapped, li, dt/dd, tr,
 * td/th, table sections, figcaption and source are kept only in their
 * parents, and what a list, a table or a row holds that is not its child
 * element is wrapped in one (li, dd, tr and td).  That makes the output a
 * fixed point of the sanitiser.
 *
 * Not here: WordPress's own syntax (shortcodes, block comments,
 * paragraphs from blank lines), which wpbody.c turns into HTML first.
 */
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <libxml/HTMLparser.h>
#include <libxml/tree.h>

#include "../util/alloc.h"
#include "../util/arena.h"
#include "../util/video.h"
#include "html.h"
#include "sanitize.h"

/* What the writer does with an element. */
enum san_kind {
	SAN_UNWRAP = 0, /* children stay, the tag goes (unknown elements) */
	SAN_DROP,       /* gone with everything inside */
	SAN_KEEP,       /* written, with its allowed attributes */
	SAN_VOID,       /* written without an end tag */
};

/* Element flags. */
#define F_BLOCK 0x01     /* flow content only: unwrapped in phrasing */
#define F_PHRASING 0x02  /* holds phrasing content only */
#define F_IN_LIST 0x04   /* li: only in ul, ol */
#define F_IN_DL 0x08     /* dt, dd: only in dl */
#define F_IN_TABLE 0x10  /* caption, thead, tbody, tfoot: only in table */
#define F_IN_SECT 0x20   /* tr: only in table, thead, tbody, tfoot */
#define F_IN_ROW 0x40    /* td, th: only in tr */
#define F_IN_FIGURE 0x80 /* figcaption: only in figure */
#define F_IN_MEDIA 0x100 /* source: only in video, audio */

/* Attributes an element may keep (besides title, lang, dir and id). */
#define A_HREF 0x01
#define A_SRC 0x02
#define A_CITE 0x04
#define A_DATETIME 0x08
#define A_OL 0x10      /* start, reversed, type */
#define A_SPAN 0x20    /* colspan, rowspan */
#define A_SCOPE 0x40   /* th */
#define A_GALLERY 0x80 /* class="gallery" */

/* The elements the writer knows; those not listed are unwrapped. */
enum san_el {
	EL_A,
	EL_ABBR,
	EL_AUDIO,
	EL_B,
	EL_BLOCKQUOTE,
	EL_BR,
	EL_CAPTION,
	EL_CITE,
	EL_CODE,
	EL_DD,
	EL_DEL,
	EL_DIV,
	EL_DL,
	EL_DT,
	EL_EM,
	EL_FIGCAPTION,
	EL_FIGURE,
	EL_H1,
	EL_H2,
	EL_H3,
	EL_H4,
	EL_H5,
	EL_H6,
	EL_HR,
	EL_I,
	EL_IFRAME,
	EL_IMG,
	EL_INS,
	EL_KBD,
	EL_LI,
	EL_MARK,
	EL_OL,
	EL_P,
	EL_PRE,
	EL_Q,
	EL_S,
	EL_SAMP,
	EL_SMALL,
	EL_SOURCE,
	EL_SPAN,
	EL_STRONG,
	EL_SUB,
	EL_SUP,
	EL_TABLE,
	EL_TBODY,
	EL_TD,
	EL_TFOOT,
	EL_TH,
	EL_THEAD,
	EL_TIME,
	EL_TR,
	EL_U,
	EL_UL,
	EL_VAR,
	EL_VIDEO,
	EL_DROPPED, /* every element of dropped_names */
	EL__MAX
};

struct san_element {
	const char *name; /* as written, and as matched (any case) */
	enum san_kind kind;
	unsigned flags;
	unsigned attrs;
};

static const struct san_element elements[EL__MAX] = {
    [EL_A] = {"a", SAN_KEEP, F_PHRASING, A_HREF},
    [EL_ABBR] = {"abbr", SAN_KEEP, F_PHRASING, 0},
    [EL_AUDIO] = {"audio", SAN_KEEP, F_PHRASING, A_SRC},
    [EL_B] = {"b", SAN_KEEP, F_PHRASING, 0},
    [EL_BLOCKQUOTE] = {"blockquote", SAN_KEEP, F_BLOCK, A_CITE},
    [EL_BR] = {"br", SAN_VOID, 0, 0},
    [EL_CAPTION] = {"caption", SAN_KEEP, F_BLOCK | F_IN_TABLE, 0},
    [EL_CITE] = {"cite", SAN_KEEP, F_PHRASING, 0},
    [EL_CODE] = {"code", SAN_KEEP, F_PHRASING, 0},
    [EL_DD] = {"dd", SAN_KEEP, F_BLOCK | F_IN_DL, 0},
    [EL_DEL] = {"del", SAN_KEEP, F_PHRASING, A_CITE | A_DATETIME},
    [EL_DIV] = {"div", SAN_KEEP, F_BLOCK, A_GALLERY},
    [EL_DL] = {"dl", SAN_KEEP, F_BLOCK, 0},
    [EL_DT] = {"dt", SAN_KEEP, F_BLOCK | F_IN_DL | F_PHRASING, 0},
    [EL_EM] = {"em", SAN_KEEP, F_PHRASING, 0},
    [EL_FIGCAPTION] = {"figcaption", SAN_KEEP, F_BLOCK | F_IN_FIGURE, 0},
    [EL_FIGURE] = {"figure", SAN_KEEP, F_BLOCK, A_GALLERY},
    [EL_H1] = {"h2", SAN_KEEP, F_BLOCK | F_PHRASING, 0},
    [EL_H2] = {"h2", SAN_KEEP, F_BLOCK | F_PHRASING, 0},
    [EL_H3] = {"h3", SAN_KEEP, F_BLOCK | F_PHRASING, 0},
    [EL_H4] = {"h4", SAN_KEEP, F_BLOCK | F_PHRASING, 0},
    [EL_H5] = {"h5", SAN_KEEP, F_BLOCK | F_PHRASING, 0},
    [EL_H6] = {"h6", SAN_KEEP, F_BLOCK | F_PHRASING, 0},
    [EL_HR] = {"hr", SAN_VOID, F_BLOCK, 0},
    [EL_I] = {"i", SAN_KEEP, F_PHRASING, 0},
    [EL_IFRAME] = {"iframe", SAN_DROP, 0, 0},
    [EL_IMG] = {"img", SAN_VOID, 0, A_SRC},
    [EL_INS] = {"ins", SAN_KEEP, F_PHRASING, A_CITE | A_DATETIME},
    [EL_KBD] = {"kbd", SAN_KEEP, F_PHRASING, 0},
    [EL_LI] = {"li", SAN_KEEP, F_BLOCK | F_IN_LIST, 0},
    [EL_MARK] = {"mark", SAN_KEEP, F_PHRASING, 0},
    [EL_OL] = {"ol", SAN_KEEP, F_BLOCK, A_OL},
    [EL_P] = {"p", SAN_KEEP, F_BLOCK | F_PHRASING, 0},
    [EL_PRE] = {"pre", SAN_KEEP, F_BLOCK | F_PHRASING, 0},
    [EL_Q] = {"q", SAN_KEEP, F_PHRASING, A_CITE},
    [EL_S] = {"s", SAN_KEEP, F_PHRASING, 0},
    [EL_SAMP] = {"samp", SAN_KEEP, F_PHRASING, 0},
    [EL_SMALL] = {"small", SAN_KEEP, F_PHRASING, 0},
    [EL_SOURCE] = {"source", SAN_VOID, F_IN_MEDIA, A_SRC},
    [EL_SPAN] = {"span", SAN_KEEP, F_PHRASING, 0},
    [EL_STRONG] = {"strong", SAN_KEEP, F_PHRASING, 0},
    [EL_SUB] = {"sub", SAN_KEEP, F_PHRASING, 0},
    [EL_SUP] = {"sup", SAN_KEEP, F_PHRASING, 0},
    [EL_TABLE] = {"table", SAN_KEEP, F_BLOCK, 0},
    [EL_TBODY] = {"tbody", SAN_KEEP, F_BLOCK | F_IN_TABLE, 0},
    [EL_TD] = {"td", SAN_KEEP, F_BLOCK | F_IN_ROW, A_SPAN},
    [EL_TFOOT] = {"tfoot", SAN_KEEP, F_BLOCK | F_IN_TABLE, 0},
    [EL_TH] = {"th", SAN_KEEP, F_BLOCK | F_IN_ROW, A_SPAN | A_SCOPE},
    [EL_THEAD] = {"thead", SAN_KEEP, F_BLOCK | F_IN_TABLE, 0},
    [EL_TIME] = {"time", SAN_KEEP, F_PHRASING, A_DATETIME},
    [EL_TR] = {"tr", SAN_KEEP, F_BLOCK | F_IN_SECT, 0},
    [EL_U] = {"u", SAN_KEEP, F_PHRASING, 0},
    [EL_UL] = {"ul", SAN_KEEP, F_BLOCK, 0},
    [EL_VAR] = {"var", SAN_KEEP, F_PHRASING, 0},
    [EL_VIDEO] = {"video", SAN_KEEP, F_PHRASING, A_SRC},
    [EL_DROPPED] = {"", SAN_DROP, 0, 0},
};

/* Elements dropped with their content (iframe has its own entry).  Not
 * embed, keygen, track or wbr: void in HTML5, but libxml2 does not know
 * it and puts everything that follows them inside them, so they are
 * unwrapped like unknown elements (the tag goes, what follows stays). */
static const char *const dropped_names[] = {
    "script", "style",     "noscript", "template", "svg",      "math",
    "object", "applet",    "form",     "input",    "button",   "textarea",
    "select", "option",    "optgroup", "datalist", "base",     "meta",
    "link",   "title",     "frame",    "frameset", "noframes", "noembed",
    "xmp",    "plaintext", "param",    "canvas",   "map",      "area",
    "col",    "colgroup",  "head",     "dialog",   "portal",   "slot",
    "output", "menuitem"};

/* The writer's state for one call. */
struct san {
	struct buf out;
	struct buf url; /* scratch: a cleaned or rewritten URL */
	struct buf tmp; /* scratch: text content of a facade */
	struct buf ids; /* the ids written, each NUL-terminated */
	size_t ids_count;
	int heading_prev; /* level of the last heading written; 1 at first */
	const struct sanitize_options *opts;
	struct arena arena; /* video addresses */
};

/* Where a node is written: what its nearest written ancestor allows. */
struct san_ctx {
	int parent;    /* enum san_el of the nearest written element, or -1 */
	bool phrasing; /* only phrasing content may go here */
	bool in_a;     /* inside a link: no other link, no facade */
	bool in_media; /* inside video or audio */
	int depth;     /* elements written above */
	/* The wrapper elements opened in the parent for children it does
	 * not take (li in a list, tr and td in a table...). */
	int wrap[2];
	int wrap_count;
	bool dt_last; /* in a dl: the last child written is a dt */
};

static void write_children(struct san *s, xmlNode *first, struct san_ctx *ctx);

/* Returns the enum san_el of an element's name, or -1 when unknown. */
static int
element_of(const xmlChar *xname)
{
	const char *name = (const char *)xname;
	size_t i;

	if (name == NULL)
		return -1;
	for (i = 0; i < EL_DROPPED; i++) {
		if ((name[0] | 0x20) != elements[i].name[0])
			continue; /* a quick test first: names are lower case */
		if (i == EL_H1) {
			if (strcasecmp(name, "h1") == 0)
				return EL_H1;
			continue;
		}
		if (strcasecmp(name, elements[i].name) == 0)
			return (int)i;
	}
	for (i = 0; i < sizeof(dropped_names) / sizeof(dropped_names[0]); i++)
		if (strcasecmp(name, dropped_names[i]) == 0)
			return EL_DROPPED;
	return -1;
}

/* Length of the valid UTF-8 sequence at p (n bytes left), or 0. */
static size_t
utf8_len(const unsigned char *p, size_t n)
{
	if (p[0] < 0x80)
		return 1;
	if (p[0] >= 0xc2 && p[0] <= 0xdf)
		return n >= 2 && (p[1] & 0xc0) == 0x80 ? 2 : 0;
	if (p[0] >= 0xe0 && p[0] <= 0xef) {
		if (n < 3 || (p[1] & 0xc0) != 0x80 || (p[2] & 0xc0) != 0x80)
			return 0;
		if (p[0] == 0xe0 && p[1] < 0xa0)
			return 0; /* overlong */
		if (p[0] == 0xed && p[1] >= 0xa0)
			return 0; /* surrogate */
		return 3;
	}
	if (p[0] >= 0xf0 && p[0] <= 0xf4) {
		if (n < 4 || (p[1] & 0xc0) != 0x80 || (p[2] & 0xc0) != 0x80 ||
		    (p[3] & 0xc0) != 0x80)
			return 0;
		if ((p[0] == 0xf0 && p[1] < 0x90) ||
		    (p[0] == 0xf4 && p[1] >= 0x90))
			return 0;
		return 4;
	}
	return 0;
}

/* Returns whether the character at p (n bytes, well-formed) is a control
 * character that text never keeps: C0 but tab and LF, DEL, and C1 (which
 * html_text drops too, so what is cleaned here is what is written). */
static bool
is_dropped_control(const unsigned char *p, size_t n)
{
	return (p[0] < 0x20 && p[0] != '\t' && p[0] != '\n') || p[0] == 0x7f ||
	       (n == 2 && p[0] == 0xc2 && p[1] <= 0x9f);
}

/*
 * Appends s[0..len) to out cleaned: invalid UTF-8 as U+FFFD, CR LF and CR
 * as LF, other control characters but tab and LF dropped (C1 too).  When
 * escape, through html_text; else as it is (the parser's input).
 */
static void
put_clean(struct buf *out, const char *s, size_t len, bool escape)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i = 0, run = 0, n;

	while (i < len) {
		unsigned char c = p[i];

		if (c >= 0x20 && c < 0x7f) {
			i++;
			continue;
		}
		n = c < 0x80 ? 1 : utf8_len(p + i, len - i);
		if (n > 0 && !is_dropped_control(p + i, n)) {
			i += n;
			continue;
		}
		if (escape)
			html_text(out, s + run, i - run);
		else
			buf_append(out, s + run, i - run);
		if (n == 0)
			buf_append(out, "\xef\xbf\xbd", 3);
		else if (c == '\r')
			buf_putc(out, '\n');
		if (c == '\r' && i + 1 < len && p[i + 1] == '\n')
			i++;
		i += n == 0 ? 1 : n;
		run = i;
	}
	if (escape)
		html_text(out, s + run, len - run);
	else
		buf_append(out, s + run, len - run);
}

/* Returns attribute name of node (any case) as a malloc'd value, or NULL. */
static char *
attr_get(xmlNode *node, const char *name)
{
	xmlAttr *a;

	for (a = node->properties; a != NULL; a = a->next)
		if (a->name != NULL &&
		    strcasecmp((const char *)a->name, name) == 0)
			return (char *)xmlNodeGetContent((xmlNode *)a);
	return NULL;
}

/* Returns whether node has attribute name (any case). */
static bool
attr_has(xmlNode *node, const char *name)
{
	xmlAttr *a;

	for (a = node->properties; a != NULL; a = a->next)
		if (a->name != NULL &&
		    strcasecmp((const char *)a->name, name) == 0)
			return true;
	return false;
}

/* Writes name="value" with value cleaned and escaped, after a space. */
static void
put_attr(struct buf *out, const char *name, const char *value)
{
	buf_putc(out, ' ');
	buf_puts(out, name);
	buf_puts(out, "=\"");
	put_clean(out, value, strlen(value), true);
	buf_putc(out, '"');
}

/*
 * Cleans URL value into s->url as a browser reads it (no leading or
 * trailing spaces or controls, no tab, CR or LF inside), then lets the
 * caller's callback rewrite it.  Returns the URL (in s->url, or in the
 * rewritten copy) when html_url allows it and it is not blank, else NULL.
 */
static const char *
url_prepare(struct san *s, const char *value, struct buf *rewritten)
{
	const char *v = value;
	size_t len = strlen(value), i;

	while (len > 0 && (unsigned char)v[0] <= 0x20) {
		v++;
		len--;
	}
	while (len > 0 && (unsigned char)v[len - 1] <= 0x20)
		len--;
	buf_reset(&s->url);
	for (i = 0; i < len; i++)
		if (v[i] != '\t' && v[i] != '\n' && v[i] != '\r')
			buf_putc(&s->url, v[i]);
	if (s->url.len == 0)
		return NULL;
	buf_reset(rewritten);
	if (s->opts != NULL && s->opts->url != NULL &&
	    s->opts->url(s->opts->ctx, s->url.data, rewritten)) {
		if (rewritten->len == 0)
			return NULL;
		v = rewritten->data;
	} else {
		v = s->url.data;
	}
	return html_url_allowed(v, strlen(v)) ? v : NULL;
}

/*
 * Writes name="URL" for node's attribute attr when its URL is allowed.
 * Returns whether it wrote it.
 */
static bool
put_url_attr(struct san *s, xmlNode *node, const char *attr, const char *name)
{
	char *value = attr_get(node, attr);
	struct buf rewritten;
	const char *url;
	bool ok = false;

	if (value == NULL)
		return false;
	buf_init(&rewritten);
	url = url_prepare(s, value, &rewritten);
	if (url != NULL) {
		size_t mark = s->out.len;

		buf_putc(&s->out, ' ');
		buf_puts(&s->out, name);
		buf_puts(&s->out, "=\"");
		/* An in-page link points to the body's own ids, which carry
		 * SANITIZE_ID_PREFIX (see put_id). */
		if (url[0] == '#' && url[1] != '\0' &&
		    strncmp(url + 1, SANITIZE_ID_PREFIX,
		            strlen(SANITIZE_ID_PREFIX)) != 0) {
			buf_putc(&s->out, '#');
			buf_puts(&s->out, SANITIZE_ID_PREFIX);
			url++;
		}
		if (html_url(&s->out, url, strlen(url)) == 0) {
			buf_putc(&s->out, '"');
			ok = true;
		} else {
			s->out.len = mark;
			s->out.data[mark] = '\0';
		}
	}
	buf_free(&rewritten);
	xmlFree(value);
	return ok;
}

/* Returns whether v is 1 to max_digits digits with a value in [lo, hi]. */
static bool
digits_in(const char *v, size_t max_digits, long lo, long hi)
{
	size_t n = strspn(v, "0123456789");
	long x = 0;
	size_t i;

	if (n == 0 || n != strlen(v) || n > max_digits)
		return false;
	for (i = 0; i < n; i++)
		x = x * 10 + (v[i] - '0');
	return x >= lo && x <= hi;
}

/* Returns whether v is made of 1 to max bytes of the set chars, and
 * starts with a letter when letter_first. */
static bool
token_ok(const char *v, size_t max, const char *chars, bool letter_first)
{
	size_t n = strlen(v);

	if (n == 0 || n > max || strspn(v, chars) != n)
		return false;
	return !letter_first || (v[0] >= 'a' && v[0] <= 'z') ||
	       (v[0] >= 'A' && v[0] <= 'Z');
}

#define LETTERS "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
#define DIGITS "0123456789"

/* Writes the attribute attr when check accepts its value. */
static void
put_checked(struct san *s, xmlNode *node, const char *attr,
            bool (*check)(const char *))
{
	char *v = attr_get(node, attr);

	if (v != NULL && check(v))
		put_attr(&s->out, attr, v);
	if (v != NULL)
		xmlFree(v);
}

static bool
check_id(const char *v)
{
	return token_ok(v, 64, LETTERS DIGITS "-_", true);
}

static bool
check_lang(const char *v)
{
	return token_ok(v, 35, LETTERS DIGITS "-", true);
}

static bool
check_any(const char *v)
{
	(void)v;
	return true;
}

static bool
check_span(const char *v)
{
	return digits_in(v, 4, 1, 1000);
}

static bool
check_size(const char *v)
{
	return digits_in(v, 5, 1, 20000);
}

static bool
check_ol_type(const char *v)
{
	return strlen(v) == 1 && strchr("1aAiI", v[0]) != NULL;
}

static bool
check_start(const char *v)
{
	return digits_in(v[0] == '-' ? v + 1 : v, 9, 0, 999999999);
}

static bool
check_scope(const char *v)
{
	return strcmp(v, "row") == 0 || strcmp(v, "col") == 0 ||
	       strcmp(v, "rowgroup") == 0 || strcmp(v, "colgroup") == 0;
}

static bool
check_mime(const char *v)
{
	return token_ok(v, 100, LETTERS DIGITS "/.+-", true) &&
	       strchr(v, '/') != NULL;
}

/* Writes dir when it is ltr, rtl or auto (in any case), in lower case. */
static void
put_dir(struct san *s, xmlNode *node)
{
	static const char *const dirs[] = {"ltr", "rtl", "auto"};
	char *v = attr_get(node, "dir");
	size_t i;

	if (v == NULL)
		return;
	for (i = 0; i < 3; i++)
		if (strcasecmp(v, dirs[i]) == 0)
			put_attr(&s->out, "dir", dirs[i]);
	xmlFree(v);
}

/* Writes class="gallery" when the class attribute names it. */
static void
put_gallery(struct san *s, xmlNode *node)
{
	char *v = attr_get(node, "class");
	const char *p;

	if (v == NULL)
		return;
	for (p = v; (p = strstr(p, "gallery")) != NULL; p += 7)
		if ((p == v || strchr(" \t\n\f\r", p[-1])) &&
		    (p[7] == '\0' || strchr(" \t\n\f\r", p[7]))) {
			put_attr(&s->out, "class", "gallery");
			break;
		}
	xmlFree(v);
}

/* The most ids a body keeps (each new one is compared with all before). */
#define SANITIZE_MAX_IDS 1000

/* Returns whether id (without the prefix) was written before; if not,
 * notes it, and returns true when there is no room to note it. */
static bool
id_seen(struct san *s, const char *id)
{
	size_t at = 0, i;

	for (i = 0; i < s->ids_count; i++) {
		if (strcmp(s->ids.data + at, id) == 0)
			return true;
		at += strlen(s->ids.data + at) + 1;
	}
	if (s->ids_count == SANITIZE_MAX_IDS)
		return true;
	buf_append(&s->ids, id, strlen(id) + 1);
	s->ids_count++;
	return false;
}

/*
 * Writes id, with SANITIZE_ID_PREFIX in front unless it is there already,
 * so that a body's ids never clash with the page's own (a body holding
 * id="title" would otherwise capture the admin editor's label and
 * getElementById).  An id the body used before is left out: ids are
 * unique in a page.
 */
static void
put_id(struct san *s, xmlNode *node)
{
	char *v = attr_get(node, "id");
	size_t n = strlen(SANITIZE_ID_PREFIX);

	if (v != NULL && check_id(v) &&
	    !id_seen(s, strncmp(v, SANITIZE_ID_PREFIX, n) == 0 ? v + n : v)) {
		buf_puts(&s->out, " id=\"");
		if (strncmp(v, SANITIZE_ID_PREFIX, n) != 0)
			buf_puts(&s->out, SANITIZE_ID_PREFIX);
		buf_puts(&s->out, v); /* letters, digits, - and _ only */
		buf_putc(&s->out, '"');
	}
	if (v != NULL)
		xmlFree(v);
}

/* Writes the attributes every kept element may have. */
static void
put_global_attrs(struct san *s, xmlNode *node)
{
	put_id(s, node);
	put_checked(s, node, "lang", check_lang);
	put_dir(s, node);
	put_checked(s, node, "title", check_any);
}

/* Writes the attributes of node allowed for element el (not img, a). */
static void
put_attrs(struct san *s, xmlNode *node, int el)
{
	unsigned attrs = elements[el].attrs;

	put_global_attrs(s, node);
	if (attrs & A_CITE)
		put_url_attr(s, node, "cite", "cite");
	if (attrs & A_DATETIME)
		put_checked(s, node, "datetime", check_any);
	if (attrs & A_OL) {
		put_checked(s, node, "start", check_start);
		if (attr_has(node, "reversed"))
			buf_puts(&s->out, " reversed");
		put_checked(s, node, "type", check_ol_type);
	}
	if (attrs & A_SPAN) {
		put_checked(s, node, "colspan", check_span);
		put_checked(s, node, "rowspan", check_span);
	}
	if (attrs & A_SCOPE)
		put_checked(s, node, "scope", check_scope);
	if (attrs & A_GALLERY)
		put_gallery(s, node);
}

/* Appends the text below node (a facade's label), NUL-terminated. */
static void
text_content(xmlNode *node, struct buf *out)
{
	for (node = node->children; node != NULL; node = node->next) {
		if (node->type == XML_TEXT_NODE && node->content != NULL)
			buf_puts(out, (const char *)node->content);
		else if (node->type == XML_ELEMENT_NODE)
			text_content(node, out);
	}
}

/*
 * Writes the click-to-load facade of a YouTube or Vimeo video (see
 * sanitize.h and templates/media_post.html): a link to the video's page,
 * the privacy-enhanced player in data-embed for www/js/video.js.  label
 * (may be NULL or blank) names it; else the provider's name does.
 */
static void
put_facade(struct san *s, enum video_provider vp, const char *id,
           const char *label)
{
	const char *name = vp == VIDEO_YOUTUBE ? "YouTube" : "Vimeo";
	struct buf clean;
	size_t i = 0, n;

	buf_init(&clean);
	/* The label on one line, its spaces collapsed. */
	if (label != NULL) {
		put_clean(&clean, label, strlen(label), false);
		for (n = 0; clean.data != NULL && clean.data[n] != '\0'; n++) {
			char c = clean.data[n];
			bool space = c == ' ' || c == '\t' || c == '\n';

			if (space && (i == 0 || clean.data[i - 1] == ' '))
				continue;
			clean.data[i++] = space ? ' ' : c;
		}
		while (i > 0 && clean.data[i - 1] == ' ')
			i--;
		if (clean.data != NULL) {
			clean.data[i] = '\0';
			clean.len = i;
		}
	}
	if (clean.len == 0) {
		buf_reset(&clean);
		buf_puts(&clean, name);
	}
	buf_puts(&s->out, "<a class=\"video-play\" href=\"");
	buf_puts(&s->out, video_watch_url(&s->arena, vp, id));
	buf_puts(&s->out, "\" data-embed=\"");
	html_text(&s->out, video_embed_url(&s->arena, vp, id),
	          strlen(video_embed_url(&s->arena, vp, id)));
	buf_putc(&s->out, '"');
	put_attr(&s->out, "data-title", clean.data);
	buf_puts(&s->out, " rel=\"noopener noreferrer\"><span "
	                  "class=\"play-label\"><span class=\"play-icon\" "
	                  "aria-hidden=\"true\"></span>");
	html_text(&s->out, clean.data, clean.len);
	buf_puts(&s->out, "</span></a>");
	buf_free(&clean);
	arena_reset(&s->arena);
}

/*
 * Returns the provider of a video player or facade address in value
 * (cleaned as any URL), filling id, or VIDEO_NONE.
 */
static enum video_provider
video_of(struct san *s, const char *value, char id[VIDEO_ID_MAX + 1])
{
	struct buf rewritten;
	const char *url;
	enum video_provider vp = VIDEO_NONE;

	id[0] = '\0';
	buf_init(&rewritten);
	url = url_prepare(s, value, &rewritten);
	if (url != NULL)
		vp = video_url_parse(url, id);
	buf_free(&rewritten);
	return vp;
}

/* iframe: the facade of an allowed video player, else nothing. */
static void
write_iframe(struct san *s, xmlNode *node, const struct san_ctx *ctx)
{
	char id[VIDEO_ID_MAX + 1];
	char *src, *title;
	enum video_provider vp;

	if (ctx->in_a || (src = attr_get(node, "src")) == NULL)
		return;
	vp = video_of(s, src, id);
	xmlFree(src);
	if (vp == VIDEO_NONE)
		return;
	title = attr_get(node, "title");
	put_facade(s, vp, id, title);
	if (title != NULL)
		xmlFree(title);
}

/*
 * a: our own facade again when it has a data-embed of an allowed player;
 * else a link, when not inside one.  Returns whether it wrote the
 * element (the caller then writes nothing of it).
 */
static bool
write_facade_link(struct san *s, xmlNode *node, const struct san_ctx *ctx)
{
	char id[VIDEO_ID_MAX + 1];
	char *embed, *title;
	enum video_provider vp;

	if ((embed = attr_get(node, "data-embed")) == NULL)
		return false;
	vp = video_of(s, embed, id);
	xmlFree(embed);
	if (vp == VIDEO_NONE)
		return false;
	if (!ctx->in_a) {
		title = attr_get(node, "data-title");
		if (title == NULL) {
			buf_reset(&s->tmp);
			text_content(node, &s->tmp);
			put_facade(s, vp, id, s->tmp.data);
		} else {
			put_facade(s, vp, id, title);
			xmlFree(title);
		}
	}
	return true;
}

/*
 * img: <img src alt [title] [width height] [srcset sizes] loading
 * decoding>, in a <picture> with a WebP source when the image callback
 * knows WebP sizes; an image of another site, a link to it
 * (html_offsite_image; its alt text alone in_a).  Nothing when the src is
 * missing or refused.
 */
static void
write_img(struct san *s, xmlNode *node, bool in_a)
{
	struct markdown_image known;
	struct buf rewritten;
	const char *url;
	char *src, *v;
	size_t start = s->out.len;

	if ((src = attr_get(node, "src")) == NULL)
		return;
	buf_init(&rewritten);
	url = url_prepare(s, src, &rewritten);
	xmlFree(src);
	if (url == NULL) {
		buf_free(&rewritten);
		return;
	}
	if (html_url_offsite(url, strlen(url))) {
		v = attr_get(node, "alt");
		html_offsite_image(&s->out, url, v, in_a);
		if (v != NULL)
			xmlFree(v);
		buf_free(&rewritten);
		return;
	}
	memset(&known, 0, sizeof(known));
	if (s->opts == NULL || s->opts->image == NULL ||
	    s->opts->image(s->opts->ctx, url, &known) != 0)
		memset(&known, 0, sizeof(known));
	if (known.webp_srcset != NULL) {
		buf_puts(&s->out, "<picture><source type=\"image/webp\"");
		put_attr(&s->out, "srcset", known.webp_srcset);
		put_attr(&s->out, "sizes", MARKDOWN_IMAGE_SIZES);
		buf_putc(&s->out, '>');
	}
	buf_puts(&s->out, "<img src=\"");
	if (html_url(&s->out, url, strlen(url)) < 0) {
		s->out.len = start;
		s->out.data[start] = '\0';
		buf_free(&rewritten);
		return;
	}
	buf_free(&rewritten);
	buf_putc(&s->out, '"');
	v = attr_get(node, "alt");
	put_attr(&s->out, "alt",
	         v != NULL && v[0] != '\0'   ? v
	         : known.alt != NULL && in_a ? known.alt
	                                     : "");
	if (v != NULL)
		xmlFree(v);
	put_global_attrs(s, node);
	if (known.width > 0 && known.height > 0) {
		buf_printf(&s->out, " width=\"%lld\" height=\"%lld\"",
		           known.width, known.height);
	} else {
		put_checked(s, node, "width", check_size);
		put_checked(s, node, "height", check_size);
	}
	if (known.srcset != NULL) {
		put_attr(&s->out, "srcset", known.srcset);
		put_attr(&s->out, "sizes", MARKDOWN_IMAGE_SIZES);
	}
	buf_puts(&s->out, " loading=\"lazy\" decoding=\"async\">");
	if (known.webp_srcset != NULL)
		buf_puts(&s->out, "</picture>");
}

/* Returns whether element el may stand where ctx is. */
static bool
allowed_here(int el, const struct san_ctx *ctx)
{
	unsigned f = elements[el].flags;
	int p = ctx->parent;

	if (ctx->phrasing && (f & F_BLOCK))
		return false;
	if (f & F_IN_LIST)
		return p == EL_UL || p == EL_OL;
	if (f & F_IN_DL)
		return p == EL_DL;
	if (f & F_IN_TABLE)
		return p == EL_TABLE;
	if (f & F_IN_SECT)
		return p == EL_TABLE || p == EL_THEAD || p == EL_TBODY ||
		       p == EL_TFOOT;
	if (f & F_IN_ROW)
		return p == EL_TR;
	if (f & F_IN_FIGURE)
		return p == EL_FIGURE;
	if (f & F_IN_MEDIA)
		return ctx->in_media && (p == EL_VIDEO || p == EL_AUDIO);
	if ((el == EL_VIDEO || el == EL_AUDIO) && ctx->in_media)
		return false;
	if (el == EL_A && ctx->in_a)
		return false;
	return true;
}

/*
 * Returns the elements (up to two, in *wraps) that parent opens around a
 * child it does not take as it is, or 0 when it takes everything.  el is
 * the child's element, or -1 for text or an unwrapped element.
 */
static int
wrappers_for(int parent, int el, int wraps[2])
{
	switch (parent) {
	case EL_UL:
	case EL_OL:
		if (el == EL_LI)
			return 0;
		wraps[0] = EL_LI;
		return 1;
	case EL_DL:
		if (el == EL_DT || el == EL_DD)
			return 0;
		wraps[0] = EL_DD;
		return 1;
	case EL_TABLE:
		if (el == EL_CAPTION || el == EL_THEAD || el == EL_TBODY ||
		    el == EL_TFOOT || el == EL_TR)
			return 0;
		wraps[0] = EL_TR;
		wraps[1] = EL_TD;
		return 2;
	case EL_THEAD:
	case EL_TBODY:
	case EL_TFOOT:
		if (el == EL_TR)
			return 0;
		wraps[0] = EL_TR;
		wraps[1] = EL_TD;
		return 2;
	case EL_TR:
		if (el == EL_TD || el == EL_TH)
			return 0;
		wraps[0] = EL_TD;
		return 1;
	default:
		return 0;
	}
}

/* Closes the wrappers ctx has open. */
static void
wrap_close(struct san *s, struct san_ctx *ctx)
{
	while (ctx->wrap_count > 0) {
		int el = ctx->wrap[--ctx->wrap_count];

		buf_puts(&s->out, "</");
		buf_puts(&s->out, elements[el].name);
		buf_putc(&s->out, '>');
	}
}

/*
 * Makes sure what goes into ctx's parent next, of element el (-1 for text
 * or an unwrapped element), stands in the right child: opens the
 * parent's wrappers for it, or closes them for a child it takes.  Fills
 * *inner with the context to write it in.
 */
static void
wrap_for(struct san *s, struct san_ctx *ctx, int el, struct san_ctx *inner)
{
	int wraps[2], n = wrappers_for(ctx->parent, el, wraps), i;

	*inner = *ctx;
	if (n == 0) {
		if (el >= 0)
			wrap_close(s, ctx);
		return;
	}
	ctx->dt_last = false;
	if (ctx->wrap_count == 0) {
		for (i = 0; i < n; i++) {
			buf_putc(&s->out, '<');
			buf_puts(&s->out, elements[wraps[i]].name);
			buf_putc(&s->out, '>');
			ctx->wrap[ctx->wrap_count++] = wraps[i];
		}
	}
	inner->parent = ctx->wrap[ctx->wrap_count - 1];
	inner->phrasing = false;
	inner->wrap_count = 0;
}

/* What wrap_undo needs to take back a wrap_for. */
struct wrap_mark {
	size_t len;   /* output length before it */
	int count;    /* wrappers ctx had open */
	bool dt_last; /* and whether its last child was a dt */
};

/* Notes where ctx stands before a wrap_for that may be taken back. */
static struct wrap_mark
wrap_mark(const struct san *s, const struct san_ctx *ctx)
{
	return (struct wrap_mark){s->out.len, ctx->wrap_count, ctx->dt_last};
}

/* Takes back what wrap_for did since m (wrappers opened for an element
 * that turned out to write nothing), so that nothing is left of it: not
 * even the "last child was a dt" it cleared. */
static void
wrap_undo(struct san *s, struct san_ctx *ctx, struct wrap_mark m)
{
	s->out.len = m.len;
	s->out.data[m.len] = '\0';
	ctx->wrap_count = m.count;
	ctx->dt_last = m.dt_last;
}

/* Returns whether s[0..len) is only HTML white space. */
static bool
blank(const char *s, size_t len)
{
	size_t i;

	for (i = 0; i < len; i++)
		if (!strchr(" \t\n\f\r", s[i]))
			return false;
	return true;
}

/* Writes one text node where ctx is. */
static void
write_text(struct san *s, const char *text, struct san_ctx *ctx)
{
	struct san_ctx inner;
	size_t len = strlen(text);

	if (len == 0)
		return;
	/* White space between a table's or a list's children stays where
	 * it is: it opens no wrapper. */
	if (ctx->wrap_count == 0 && blank(text, len) &&
	    wrappers_for(ctx->parent, -1, inner.wrap) > 0) {
		put_clean(&s->out, text, len, true);
		return;
	}
	wrap_for(s, ctx, -1, &inner);
	put_clean(&s->out, text, len, true);
}

/* Writes an element that the table keeps (not a, img, iframe). */
static void
write_kept(struct san *s, xmlNode *node, int el, struct san_ctx *ctx)
{
	const struct san_element *e = &elements[el];
	struct san_ctx inner;
	size_t start, content;
	int level = 0;

	/* Headings: h1 is the page's title, and no level is skipped after
	 * the one before (h2 then h4 becomes h2 then h3), as HTML checkers
	 * and screen-reader users expect. */
	if (el >= EL_H1 && el <= EL_H6) {
		level = el == EL_H1 ? 2 : el - EL_H2 + 2;
		if (level > s->heading_prev + 1)
			level = s->heading_prev + 1;
		e = &elements[EL_H2 + level - 2];
	}
	wrap_for(s, ctx, el, &inner);
	start = s->out.len;
	buf_putc(&s->out, '<');
	buf_puts(&s->out, e->name);
	if (el == EL_VIDEO || el == EL_AUDIO || el == EL_SOURCE) {
		put_url_attr(s, node, "src", "src");
		if (el == EL_SOURCE) {
			if (s->out.len == start + 7) { /* "<source": no src */
				s->out.len = start;
				s->out.data[start] = '\0';
			} else {
				put_checked(s, node, "type", check_mime);
				buf_putc(&s->out, '>');
			}
			/* libxml2 does not know source is void: what it
			 * put inside stays beside it. */
			write_children(s, node->children, ctx);
			return;
		}
		put_global_attrs(s, node);
		if (el == EL_VIDEO) {
			put_checked(s, node, "width", check_size);
			put_checked(s, node, "height", check_size);
			put_url_attr(s, node, "poster", "poster");
		}
		buf_puts(&s->out, " controls preload=\"none\"");
	} else {
		put_attrs(s, node, el);
	}
	buf_putc(&s->out, '>');
	content = s->out.len;
	if (e->kind == SAN_VOID) {
		write_children(s, node->children, ctx);
		return;
	}
	inner.parent = el;
	inner.phrasing = inner.phrasing || (e->flags & F_PHRASING);
	inner.in_media = inner.in_media || el == EL_VIDEO || el == EL_AUDIO;
	inner.in_a = inner.in_a || el == EL_A;
	inner.depth = ctx->depth + 1;
	inner.wrap_count = 0;
	inner.dt_last = false;
	write_children(s, node->children, &inner);
	wrap_close(s, &inner);
	/* A term needs its description. */
	if (el == EL_DL && inner.dt_last)
		buf_puts(&s->out, "<dd></dd>");
	if (ctx->parent == EL_DL)
		ctx->dt_last = el == EL_DT;
	/* An empty paragraph or heading is dropped. */
	if ((el == EL_P || level > 0) &&
	    blank(s->out.data + content, s->out.len - content)) {
		s->out.len = start;
		s->out.data[start] = '\0';
		return;
	}
	if (level > 0)
		s->heading_prev = level;
	buf_puts(&s->out, "</");
	buf_puts(&s->out, e->name);
	buf_putc(&s->out, '>');
}

/* Writes a link: href when allowed (else the link is unwrapped). */
static void
write_a(struct san *s, xmlNode *node, struct san_ctx *ctx)
{
	struct san_ctx inner;
	size_t start;

	wrap_for(s, ctx, EL_A, &inner);
	start = s->out.len;
	buf_puts(&s->out, "<a");
	if (!put_url_attr(s, node, "href", "href")) {
		s->out.len = start;
		s->out.data[start] = '\0';
		write_children(s, node->children, &inner);
		return;
	}
	put_global_attrs(s, node);
	buf_putc(&s->out, '>');
	inner.parent = EL_A;
	inner.phrasing = true;
	inner.in_a = true;
	inner.depth = ctx->depth + 1;
	inner.wrap_count = 0;
	write_children(s, node->children, &inner);
	buf_puts(&s->out, "</a>");
}

/* Writes one node of the parsed tree where ctx is. */
static void
write_node(struct san *s, xmlNode *node, struct san_ctx *ctx)
{
	struct san_ctx inner;
	int el;

	switch (node->type) {
	case XML_TEXT_NODE:
	case XML_CDATA_SECTION_NODE:
		if (node->content != NULL)
			write_text(s, (const char *)node->content, ctx);
		return;
	case XML_ELEMENT_NODE:
		break;
	default:
		return; /* comments, processing instructions, DTDs */
	}
	el = element_of(node->name);
	if (el < 0 || ctx->depth >= SANITIZE_MAX_DEPTH) {
		write_children(s, node->children, ctx);
		return;
	}
	if (elements[el].kind == SAN_DROP) {
		if (el == EL_IFRAME) {
			struct wrap_mark m = wrap_mark(s, ctx);
			size_t after;

			wrap_for(s, ctx, EL_A, &inner);
			after = s->out.len;
			write_iframe(s, node, ctx);
			if (s->out.len == after)
				wrap_undo(s, ctx, m);
		}
		return;
	}
	if (el == EL_A) {
		/* A facade is an a too: the same wrappers. */
		if (attr_has(node, "data-embed")) {
			struct wrap_mark m = wrap_mark(s, ctx);

			wrap_for(s, ctx, EL_A, &inner);
			if (write_facade_link(s, node, ctx))
				return;
			wrap_undo(s, ctx, m);
		}
		if (ctx->in_a) {
			write_children(s, node->children, ctx);
			return;
		}
		write_a(s, node, ctx);
		return;
	}
	if (!allowed_here(el, ctx)) {
		if (el != EL_HR)
			write_children(s, node->children, ctx);
		return;
	}
	if (el == EL_IMG) {
		struct wrap_mark m = wrap_mark(s, ctx);
		size_t after;

		wrap_for(s, ctx, EL_IMG, &inner);
		after = s->out.len;
		write_img(s, node, ctx->in_a);
		if (s->out.len == after)
			wrap_undo(s, ctx, m);
		write_children(s, node->children, ctx);
		return;
	}
	write_kept(s, node, el, ctx);
}

/* Writes the nodes from first on, siblings in order. */
static void
write_children(struct san *s, xmlNode *first, struct san_ctx *ctx)
{
	xmlNode *n;

	for (n = first; n != NULL; n = n->next)
		write_node(s, n, ctx);
}

/* Sanitises HTML; see sanitize.h. */
int
sanitize_html(const char *html, size_t len, const struct sanitize_options *opts,
              struct trusted_html *out)
{
	struct san s;
	struct san_ctx ctx;
	struct buf in;
	htmlDocPtr doc;

	out->html = NULL;
	out->len = 0;
	if (len > SANITIZE_MAX_BYTES || (html == NULL && len > 0))
		return -1;
	buf_init(&in);
	/* An open body first: libxml2 puts text that comes before any
	 * element into an implied <p>, but not text after one, so the same
	 * text would be read two ways.  Then valid UTF-8 without NUL:
	 * libxml2 reads the rest of a document as Latin-1 after one bad
	 * byte, and stops at a NUL. */
	buf_puts(&in, "<body>");
	put_clean(&in, html != NULL ? html : "", len, false);
	memset(&s, 0, sizeof(s));
	buf_init(&s.out);
	buf_init(&s.url);
	buf_init(&s.tmp);
	buf_init(&s.ids);
	arena_init(&s.arena);
	s.opts = opts;
	s.heading_prev = 1;
	buf_putc(&s.out, '\0'); /* data never NULL */
	s.out.len = 0;
	doc = htmlReadMemory(in.data, (int)in.len, NULL, "UTF-8",
	                     HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
	                         HTML_PARSE_NONET | HTML_PARSE_NODEFDTD);
	buf_free(&in);
	memset(&ctx, 0, sizeof(ctx));
	ctx.parent = -1;
	if (doc != NULL) {
		write_children(&s, doc->children, &ctx);
		xmlFreeDoc(doc);
	}
	buf_free(&s.url);
	buf_free(&s.tmp);
	buf_free(&s.ids);
	arena_free(&s.arena);
	out->len = s.out.len;
	out->html = buf_detach(&s.out);
	return 0;
}
