/*
 * wxr.c: the streaming WXR reader (see wxr.h).  The reader walks the
 * document with xmlTextReaderRead down to the channel's children; each
 * child it wants (the header fields, wp:author, wp:category, wp:tag,
 * wp:term, item) is expanded alone with xmlTextReaderExpand, read into
 * plain structs in an arena, handed to its callback, and skipped with
 * xmlTextReaderNext, which lets libxml2 free that subtree.  The arena is
 * reset after each callback.  Elements are told apart by namespace URI
 * and local name, never by prefix.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/xmlreader.h>

#include "../util/arena.h"
#include "wxr.h"

/*
 * No XML_PARSE_NOENT (entities are not substituted), no XML_PARSE_DTDLOAD
 * or DTDATTR (no external DTD), XML_PARSE_NONET (nothing fetched).
 * NOCDATA gives CDATA sections as text nodes.
 */
#define WXR_PARSE_OPTIONS (XML_PARSE_NONET | XML_PARSE_NOCDATA)

enum ns {
	NS_NONE,    /* plain RSS */
	NS_WP,      /* http(s)://wordpress.org/export/1.N/ */
	NS_EXCERPT, /* http(s)://wordpress.org/export/1.N/excerpt/ */
	NS_CONTENT, /* http://purl.org/rss/1.0/modules/content/ */
	NS_DC,      /* http://purl.org/dc/elements/1.1/ */
	NS_OTHER,
};

struct reading {
	xmlTextReaderPtr reader;
	const char *path; /* the file, or NULL for memory */
	const char *data; /* the input in memory, when path is NULL */
	size_t data_len;
	const struct wxr_handler *h;
	void *ctx;
	struct wxr_error *err;
	struct arena item_arena;    /* reset after each callback */
	struct arena channel_arena; /* the channel's fields */
	struct wxr_channel channel;
	bool channel_sent;
	bool error_seen; /* err is filled */
	bool xml_error;  /* by libxml2 (not by our checks) */
};

/* Classifies a namespace URI (NULL for none). */
static enum ns
ns_of(const xmlChar *uri)
{
	const char *u = (const char *)uri, *rest;

	if (u == NULL || *u == '\0')
		return NS_NONE;
	if (strcmp(u, "http://purl.org/rss/1.0/modules/content/") == 0)
		return NS_CONTENT;
	if (strcmp(u, "http://purl.org/dc/elements/1.1/") == 0)
		return NS_DC;
	if (strncmp(u, "http://", 7) == 0)
		rest = u + 7;
	else if (strncmp(u, "https://", 8) == 0)
		rest = u + 8;
	else
		return NS_OTHER;
	if (strncmp(rest, "wordpress.org/export/1.", 23) != 0)
		return NS_OTHER;
	rest += 23;
	if (*rest < '0' || *rest > '9')
		return NS_OTHER;
	while (*rest >= '0' && *rest <= '9')
		rest++;
	if (strcmp(rest, "/") == 0)
		return NS_WP;
	if (strcmp(rest, "/excerpt/") == 0)
		return NS_EXCERPT;
	return NS_OTHER;
}

/* Whether node is an element of namespace ns named name. */
static bool
is(const xmlNode *node, enum ns ns, const char *name)
{
	return node->type == XML_ELEMENT_NODE &&
	       ns_of(node->ns ? node->ns->href : NULL) == ns &&
	       strcmp((const char *)node->name, name) == 0;
}

/*
 * The text of node's text children, trimmed of surrounding white space
 * (theme-preview.xml puts line breaks around its CDATA), copied into a.
 * Entity references (never substituted) contribute nothing.
 */
static const char *
text_of(struct arena *a, const xmlNode *node)
{
	size_t len = 0, start, end;
	const xmlNode *c;
	char *out;

	for (c = node->children; c != NULL; c = c->next)
		if ((c->type == XML_TEXT_NODE ||
		     c->type == XML_CDATA_SECTION_NODE) &&
		    c->content != NULL)
			len += strlen((const char *)c->content);
	out = arena_alloc(a, len + 1);
	len = 0;
	for (c = node->children; c != NULL; c = c->next)
		if ((c->type == XML_TEXT_NODE ||
		     c->type == XML_CDATA_SECTION_NODE) &&
		    c->content != NULL) {
			size_t n = strlen((const char *)c->content);

			memcpy(out + len, c->content, n);
			len += n;
		}
	out[len] = '\0';
	for (start = 0; start < len && strchr(" \t\r\n", out[start]); start++)
		;
	for (end = len; end > start && strchr(" \t\r\n", out[end - 1]); end--)
		;
	out[end] = '\0';
	return out + start;
}

/* Parses a decimal id (0 when empty or not a number). */
static long long
number_of(const char *s)
{
	char *end;
	long long v;

	errno = 0;
	v = strtoll(s, &end, 10);
	if (errno != 0 || end == s || *end != '\0' || v < 0)
		return 0;
	return v;
}

/* An attribute's value copied into a, "" when absent. */
static const char *
attr_of(struct arena *a, xmlNode *node, const char *name)
{
	xmlChar *v = xmlGetProp(node, (const xmlChar *)name);
	char *out;

	if (v == NULL)
		return "";
	out = arena_strdup(a, (const char *)v);
	xmlFree(v);
	return out;
}

/* Records the first error libxml2 reports, with its line. */
static void
on_xml_error(void *arg, xmlErrorPtr e)
{
	struct reading *r = arg;
	size_t n;

	if (e == NULL || e->level < XML_ERR_ERROR || r->error_seen)
		return;
	r->error_seen = true;
	r->xml_error = true;
	r->err->line = e->line;
	snprintf(r->err->message, sizeof(r->err->message), "%s",
	         e->message ? e->message : "malformed XML");
	n = strlen(r->err->message);
	while (n > 0 && (r->err->message[n - 1] == '\n' ||
	                 r->err->message[n - 1] == ' '))
		r->err->message[--n] = '\0';
}

/* Fills err with a message of ours at the reader's current line. */
static void
fail(struct reading *r, const char *message)
{
	if (r->error_seen)
		return;
	r->error_seen = true;
	r->err->line = xmlTextReaderGetParserLineNumber(r->reader);
	snprintf(r->err->message, sizeof(r->err->message), "%s", message);
}

/* Sends the channel's header once; returns the callback's answer. */
static int
send_channel(struct reading *r)
{
	if (r->channel_sent)
		return 0;
	r->channel_sent = true;
	return r->h->channel ? r->h->channel(r->ctx, &r->channel) : 0;
}

/* Reads a wp:author and hands it to its callback. */
static int
read_author(struct reading *r, xmlNode *node)
{
	struct arena *a = &r->item_arena;
	struct wxr_author au = {0, "", "", ""};

	for (xmlNode *c = node->children; c != NULL; c = c->next) {
		if (is(c, NS_WP, "author_id"))
			au.id = number_of(text_of(a, c));
		else if (is(c, NS_WP, "author_login"))
			au.login = text_of(a, c);
		else if (is(c, NS_WP, "author_email"))
			au.email = text_of(a, c);
		else if (is(c, NS_WP, "author_display_name"))
			au.display_name = text_of(a, c);
	}
	return r->h->author ? r->h->author(r->ctx, &au) : 0;
}

/*
 * Reads wp:category, wp:tag or wp:term (kind names which): the three
 * spell the same fields differently.
 */
static int
read_term(struct reading *r, xmlNode *node, const char *kind)
{
	struct arena *a = &r->item_arena;
	struct wxr_term t = {0, "", "", "", "", ""};
	bool cat = strcmp(kind, "category") == 0;
	bool tag = strcmp(kind, "tag") == 0;

	if (cat)
		t.taxonomy = "category";
	else if (tag)
		t.taxonomy = "post_tag";
	for (xmlNode *c = node->children; c != NULL; c = c->next) {
		if (c->type != XML_ELEMENT_NODE)
			continue;
		if (is(c, NS_WP, "term_id"))
			t.id = number_of(text_of(a, c));
		else if (is(c, NS_WP,
		            cat   ? "category_nicename"
		            : tag ? "tag_slug"
		                  : "term_slug"))
			t.slug = text_of(a, c);
		else if (is(c, NS_WP,
		            cat   ? "cat_name"
		            : tag ? "tag_name"
		                  : "term_name"))
			t.name = text_of(a, c);
		else if (is(c, NS_WP, cat ? "category_parent" : "term_parent"))
			t.parent = text_of(a, c);
		else if (is(c, NS_WP,
		            cat   ? "category_description"
		            : tag ? "tag_description"
		                  : "term_description"))
			t.description = text_of(a, c);
		else if (!cat && !tag && is(c, NS_WP, "term_taxonomy"))
			t.taxonomy = text_of(a, c);
	}
	if (t.taxonomy[0] == '\0' || t.slug[0] == '\0')
		return 0; /* nothing to key it by: not a usable term */
	return r->h->term ? r->h->term(r->ctx, &t) : 0;
}

/* Reads a wp:comment of an item into cm (strings in a). */
static void
read_comment(struct arena *a, xmlNode *node, struct wxr_comment *cm)
{
	memset(cm, 0, sizeof(*cm));
	cm->author = cm->email = cm->url = cm->date = cm->date_gmt = "";
	cm->content = cm->type = "";
	cm->approved = "1";
	for (xmlNode *c = node->children; c != NULL; c = c->next) {
		if (c->type != XML_ELEMENT_NODE ||
		    ns_of(c->ns ? c->ns->href : NULL) != NS_WP)
			continue;
		if (is(c, NS_WP, "comment_id"))
			cm->id = number_of(text_of(a, c));
		else if (is(c, NS_WP, "comment_parent"))
			cm->parent = number_of(text_of(a, c));
		else if (is(c, NS_WP, "comment_author"))
			cm->author = text_of(a, c);
		else if (is(c, NS_WP, "comment_author_email"))
			cm->email = text_of(a, c);
		else if (is(c, NS_WP, "comment_author_url"))
			cm->url = text_of(a, c);
		else if (is(c, NS_WP, "comment_date"))
			cm->date = text_of(a, c);
		else if (is(c, NS_WP, "comment_date_gmt"))
			cm->date_gmt = text_of(a, c);
		else if (is(c, NS_WP, "comment_content"))
			cm->content = text_of(a, c);
		else if (is(c, NS_WP, "comment_approved"))
			cm->approved = text_of(a, c);
		else if (is(c, NS_WP, "comment_type"))
			cm->type = text_of(a, c);
	}
}

/* Reads one wp:* child of an item into it; returns whether it was one. */
static bool
read_item_wp(struct arena *a, xmlNode *c, struct wxr_item *it)
{
	static const struct {
		const char *name;
		size_t offset;
	} texts[] = {
	    {"post_date", offsetof(struct wxr_item, post_date)},
	    {"post_date_gmt", offsetof(struct wxr_item, post_date_gmt)},
	    {"post_name", offsetof(struct wxr_item, post_name)},
	    {"status", offsetof(struct wxr_item, status)},
	    {"post_type", offsetof(struct wxr_item, post_type)},
	    {"post_password", offsetof(struct wxr_item, password)},
	    {"comment_status", offsetof(struct wxr_item, comment_status)},
	    {"attachment_url", offsetof(struct wxr_item, attachment_url)},
	};

	for (size_t i = 0; i < sizeof(texts) / sizeof(texts[0]); i++)
		if (strcmp((const char *)c->name, texts[i].name) == 0) {
			*(const char **)((char *)it + texts[i].offset) =
			    text_of(a, c);
			return true;
		}
	if (strcmp((const char *)c->name, "post_id") == 0)
		it->post_id = number_of(text_of(a, c));
	else if (strcmp((const char *)c->name, "post_parent") == 0)
		it->post_parent = number_of(text_of(a, c));
	else if (strcmp((const char *)c->name, "menu_order") == 0)
		it->menu_order = number_of(text_of(a, c));
	else if (strcmp((const char *)c->name, "is_sticky") == 0)
		it->sticky = strcmp(text_of(a, c), "1") == 0;
	else
		return false;
	return true;
}

/* Reads an item and hands it to its callback. */
static int
read_item(struct reading *r, xmlNode *node)
{
	struct arena *a = &r->item_arena;
	struct wxr_item it;
	size_t terms_cap = 0, meta_cap = 0, comments_cap = 0;

	memset(&it, 0, sizeof(it));
	it.line = (int)xmlGetLineNo(node);
	it.title = it.link = it.guid = it.creator = it.content = it.excerpt =
	    "";
	it.post_date = it.post_date_gmt = it.pub_date = it.post_name = "";
	it.password = it.comment_status = it.attachment_url = "";
	it.status = "publish";
	it.post_type = "post";
	for (xmlNode *c = node->children; c != NULL; c = c->next) {
		if (c->type != XML_ELEMENT_NODE)
			continue;
		switch (ns_of(c->ns ? c->ns->href : NULL)) {
		case NS_NONE:
			if (is(c, NS_NONE, "title"))
				it.title = text_of(a, c);
			else if (is(c, NS_NONE, "link"))
				it.link = text_of(a, c);
			else if (is(c, NS_NONE, "guid"))
				it.guid = text_of(a, c);
			else if (is(c, NS_NONE, "pubDate"))
				it.pub_date = text_of(a, c);
			else if (is(c, NS_NONE, "category")) {
				struct wxr_term_ref *t;

				it.terms =
				    arena_grow(a, it.terms, it.terms_count,
				               &terms_cap, sizeof(*it.terms));
				t = &it.terms[it.terms_count++];
				t->domain = attr_of(a, c, "domain");
				t->slug = attr_of(a, c, "nicename");
				t->name = text_of(a, c);
			}
			break;
		case NS_DC:
			if (is(c, NS_DC, "creator"))
				it.creator = text_of(a, c);
			break;
		case NS_CONTENT:
			if (is(c, NS_CONTENT, "encoded"))
				it.content = text_of(a, c);
			break;
		case NS_EXCERPT:
			if (is(c, NS_EXCERPT, "encoded"))
				it.excerpt = text_of(a, c);
			break;
		case NS_WP:
			if (is(c, NS_WP, "postmeta")) {
				struct wxr_meta *m;

				it.meta =
				    arena_grow(a, it.meta, it.meta_count,
				               &meta_cap, sizeof(*it.meta));
				m = &it.meta[it.meta_count++];
				m->key = m->value = "";
				for (xmlNode *k = c->children; k != NULL;
				     k = k->next) {
					if (is(k, NS_WP, "meta_key"))
						m->key = text_of(a, k);
					else if (is(k, NS_WP, "meta_value"))
						m->value = text_of(a, k);
				}
			} else if (is(c, NS_WP, "comment")) {
				it.comments = arena_grow(
				    a, it.comments, it.comments_count,
				    &comments_cap, sizeof(*it.comments));
				read_comment(a, c,
				             &it.comments[it.comments_count++]);
			} else {
				read_item_wp(a, c, &it);
			}
			break;
		default:
			break;
		}
	}
	if (it.status[0] == '\0')
		it.status = "publish";
	if (it.post_type[0] == '\0')
		it.post_type = "post";
	return r->h->item ? r->h->item(r->ctx, &it) : 0;
}

/* Keeps one of the channel's header fields. */
static void
read_header(struct reading *r, xmlNode *node)
{
	struct arena *a = &r->channel_arena;

	if (is(node, NS_NONE, "title"))
		r->channel.title = text_of(a, node);
	else if (is(node, NS_NONE, "link"))
		r->channel.link = text_of(a, node);
	else if (is(node, NS_WP, "base_site_url"))
		r->channel.base_site_url = text_of(a, node);
	else if (is(node, NS_WP, "wxr_version"))
		r->channel.wxr_version = text_of(a, node);
}

/*
 * Handles one child of the channel, expanded: the header fields, or an
 * author, term or item.  Returns 0, or the callback's non-zero answer.
 */
static int
channel_child(struct reading *r, xmlNode *node)
{
	int rc = 0;

	if (is(node, NS_NONE, "item")) {
		if ((rc = send_channel(r)) == 0)
			rc = read_item(r, node);
	} else if (is(node, NS_WP, "author")) {
		if ((rc = send_channel(r)) == 0)
			rc = read_author(r, node);
	} else if (is(node, NS_WP, "category")) {
		if ((rc = send_channel(r)) == 0)
			rc = read_term(r, node, "category");
	} else if (is(node, NS_WP, "tag")) {
		if ((rc = send_channel(r)) == 0)
			rc = read_term(r, node, "tag");
	} else if (is(node, NS_WP, "term")) {
		if ((rc = send_channel(r)) == 0)
			rc = read_term(r, node, "term");
	} else {
		read_header(r, node);
	}
	arena_reset(&r->item_arena);
	return rc;
}

/* The reading loop over an open reader; see wxr_read_file. */
static enum wxr_status
read_all(struct reading *r)
{
	xmlTextReaderPtr rd = r->reader;
	bool in_rss = false, in_channel = false, wp_seen = false;
	int rc = xmlTextReaderRead(rd);

	while (rc == 1) {
		int depth = xmlTextReaderDepth(rd);
		int type = xmlTextReaderNodeType(rd);
		const xmlChar *name = xmlTextReaderConstLocalName(rd);
		enum ns ns = ns_of(xmlTextReaderConstNamespaceUri(rd));

		if (type != XML_READER_TYPE_ELEMENT) {
			rc = xmlTextReaderRead(rd);
			continue;
		}
		if (depth == 0) {
			if (ns != NS_NONE ||
			    strcmp((const char *)name, "rss") != 0) {
				fail(r, "not a WordPress export: the document "
				        "is not <rss>");
				return WXR_MALFORMED;
			}
			in_rss = true;
		} else if (depth == 1) {
			in_channel = ns == NS_NONE &&
			             strcmp((const char *)name, "channel") == 0;
		} else if (depth == 2 && in_channel) {
			xmlNode *node = xmlTextReaderExpand(rd);
			int stop;

			if (node == NULL)
				break; /* the subtree is malformed: rc below */
			if (ns_of(node->ns ? node->ns->href : NULL) == NS_WP)
				wp_seen = true;
			stop = channel_child(r, node);
			if (stop != 0) {
				fail(r, "stopped");
				return WXR_STOPPED;
			}
			if (r->h->progress && is(node, NS_NONE, "item"))
				r->h->progress(r->ctx,
				               xmlTextReaderByteConsumed(rd));
			rc = xmlTextReaderNext(rd);
			continue;
		}
		rc = xmlTextReaderRead(rd);
	}
	if (rc != 0 || r->error_seen) {
		fail(r, "malformed XML");
		return WXR_MALFORMED;
	}
	if (!in_rss) {
		fail(r, "not a WordPress export: no <rss> element");
		return WXR_MALFORMED;
	}
	(void)wp_seen;
	if (send_channel(r) != 0) {
		fail(r, "stopped");
		return WXR_STOPPED;
	}
	return WXR_OK;
}

/* The number of lines of the input (its line breaks plus one). */
static int
input_lines(const struct reading *r)
{
	char chunk[65536];
	size_t n;
	int lines = 1;
	FILE *f;

	if (r->path == NULL) {
		for (size_t i = 0; i < r->data_len; i++)
			lines += r->data[i] == '\n';
		return lines;
	}
	if ((f = fopen(r->path, "rb")) == NULL)
		return 0;
	while ((n = fread(chunk, 1, sizeof(chunk), f)) > 0)
		for (size_t i = 0; i < n; i++)
			lines += chunk[i] == '\n';
	fclose(f);
	return lines;
}

/*
 * A file cut short (a partial download, a full disk) is malformed at its
 * last lines, with a message from libxml2 that names only the symptom
 * ("expected '>'", "Premature end of data"): say what it means.
 */
static void
explain_cut(struct reading *r)
{
	char was[sizeof(r->err->message)];
	int lines = r->xml_error ? input_lines(r) : 0;

	if (!r->xml_error || lines == 0)
		return;
	/* The reader may notice the end a few lines before it, as "Extra
	 * content at the end of the document". */
	if (r->err->line < lines - 1 &&
	    (r->err->line < lines - 100 ||
	     (strstr(r->err->message, "Premature end") == NULL &&
	      strstr(r->err->message, "Extra content at the end") == NULL)))
		return;
	snprintf(was, sizeof(was), "%s", r->err->message);
	snprintf(r->err->message, sizeof(r->err->message),
	         "the file ends before the export does (cut short?): %.*s",
	         (int)(sizeof(r->err->message) - 52), was);
}

/* Runs the reader r->reader (may be NULL when it could not open). */
static enum wxr_status
run(struct reading *r, const struct wxr_handler *h, void *ctx,
    struct wxr_error *err)
{
	enum wxr_status st;

	r->h = h;
	r->ctx = ctx;
	r->err = err;
	memset(err, 0, sizeof(*err));
	r->channel.title = r->channel.link = "";
	r->channel.base_site_url = r->channel.wxr_version = "";
	if (r->reader == NULL) {
		if (!r->error_seen)
			snprintf(err->message, sizeof(err->message),
			         "cannot open the file");
		return WXR_FAILED;
	}
	arena_init(&r->item_arena);
	arena_init(&r->channel_arena);
	xmlTextReaderSetStructuredErrorHandler(r->reader, on_xml_error, r);
	st = read_all(r);
	xmlFreeTextReader(r->reader);
	if (st == WXR_MALFORMED)
		explain_cut(r);
	arena_free(&r->item_arena);
	arena_free(&r->channel_arena);
	return st;
}

/* Reads an export file; see wxr.h. */
enum wxr_status
wxr_read_file(const char *path, const struct wxr_handler *h, void *ctx,
              struct wxr_error *err)
{
	struct reading r;
	FILE *f = fopen(path, "rb");

	memset(&r, 0, sizeof(r));
	if (f == NULL) {
		memset(err, 0, sizeof(*err));
		snprintf(err->message, sizeof(err->message),
		         "cannot open %s: %s", path, strerror(errno));
		return WXR_FAILED;
	}
	fclose(f);
	r.path = path;
	r.reader = xmlReaderForFile(path, NULL, WXR_PARSE_OPTIONS);
	return run(&r, h, ctx, err);
}

/* Reads an export in memory; see wxr.h. */
enum wxr_status
wxr_read_memory(const char *data, size_t len, const struct wxr_handler *h,
                void *ctx, struct wxr_error *err)
{
	struct reading r;

	memset(&r, 0, sizeof(r));
	if (len > (size_t)0x7fffffff) {
		memset(err, 0, sizeof(*err));
		snprintf(err->message, sizeof(err->message), "too large");
		return WXR_FAILED;
	}
	r.data = data;
	r.data_len = len;
	r.reader =
	    xmlReaderForMemory(data, (int)len, NULL, NULL, WXR_PARSE_OPTIONS);
	return run(&r, h, ctx, err);
}
