/*
 * wxr.h: the WordPress export (WXR 1.0, 1.1 and 1.2, with the wp and
 * excerpt namespaces in their http or https form) read as a stream with
 * libxml2's xmlTextReader.  The document is never held whole: each
 * author, term and item is expanded on its own, handed to a callback and
 * freed before the next is read, so memory is bounded by the largest
 * item, not the file.  Entities are never substituted, no DTD is loaded
 * and the network is off.  Nothing here knows about the database; the
 * importer (import.c) decides what the parts become.
 */
#ifndef GAZETTE_WXR_H
#define GAZETTE_WXR_H

#include <stdbool.h>
#include <stddef.h>

/* The channel's header, given once before any author, term or item. */
struct wxr_channel {
	const char *title;
	const char *link;          /* "" when absent */
	const char *base_site_url; /* "" when absent (hand-written exports) */
	const char *wxr_version;   /* "1.2"; "" when absent */
};

/* A <wp:author> of the channel. */
struct wxr_author {
	long long id; /* 0 when absent */
	const char *login;
	const char *email;
	const char *display_name;
};

/*
 * A term declared by the channel: <wp:category> (taxonomy "category"),
 * <wp:tag> ("post_tag") or <wp:term> (its own taxonomy: "category",
 * "post_tag", "nav_menu", "post_format", …).
 */
struct wxr_term {
	long long id; /* 0 when absent */
	const char *taxonomy;
	const char *slug; /* as written: may be percent-encoded */
	const char *name;
	const char *parent; /* the parent's slug; "" for none */
	const char *description;
};

/* An item's <category domain="…" nicename="…">Name</category>. */
struct wxr_term_ref {
	const char *domain; /* "category", "post_tag", "nav_menu", …; "" when
	                       the export is plain RSS */
	const char *slug;   /* the nicename; "" when absent */
	const char *name;
};

/* A <wp:postmeta>. */
struct wxr_meta {
	const char *key;
	const char *value;
};

/* A <wp:comment> of an item. */
struct wxr_comment {
	long long id;
	long long parent; /* 0 for a comment on the item itself */
	const char *author;
	const char *email;
	const char *url;
	const char *date;     /* "YYYY-MM-DD HH:MM:SS", the site's time */
	const char *date_gmt; /* the same in UTC; may be "0000-…" */
	const char *content;
	const char *approved; /* "1", "0", "spam", "trash" */
	const char *type;     /* "", "comment", "pingback", "trackback" */
};

/* An <item>.  Every string is "" when its element is absent. */
struct wxr_item {
	int line; /* where the item starts in the file */
	long long post_id;
	long long post_parent;
	long long menu_order;
	bool sticky;
	const char *title;
	const char *link;
	const char *guid;
	const char *creator; /* dc:creator, an author's login */
	const char *content; /* content:encoded */
	const char *excerpt; /* excerpt:encoded */
	const char *post_date;
	const char *post_date_gmt;
	const char
	    *pub_date; /* RSS pubDate, for exports without wp:post_date */
	const char *post_name;
	const char *status;    /* "publish" when absent (plain RSS) */
	const char *post_type; /* "post" when absent */
	const char *password;
	const char *comment_status;
	const char *attachment_url;
	struct wxr_term_ref *terms;
	size_t terms_count;
	struct wxr_meta *meta;
	size_t meta_count;
	struct wxr_comment *comments;
	size_t comments_count;
};

/*
 * What the reader calls.  Every callback may be NULL; each returns 0 to go
 * on or non-zero to stop (wxr_read then returns WXR_STOPPED).  Strings
 * live until the callback returns.
 */
struct wxr_handler {
	int (*channel)(void *ctx, const struct wxr_channel *c);
	int (*author)(void *ctx, const struct wxr_author *a);
	int (*term)(void *ctx, const struct wxr_term *t);
	int (*item)(void *ctx, const struct wxr_item *it);
	/* Bytes of the input read so far; called after each item. */
	void (*progress)(void *ctx, long long bytes);
};

enum wxr_status {
	WXR_OK = 0,
	WXR_MALFORMED = -1, /* not well-formed XML, or not a WXR: see err */
	WXR_STOPPED = -2,   /* a callback asked to stop */
	WXR_FAILED = -3,    /* the file could not be opened or memory ran out */
};

/* Why reading stopped: the line (0 when unknown) and a sentence. */
struct wxr_error {
	int line;
	char message[256];
};

/*
 * Reads the export at path, calling h's callbacks in document order (the
 * channel first).  Returns a wxr_status; err is filled unless WXR_OK.
 */
enum wxr_status wxr_read_file(const char *path, const struct wxr_handler *h,
                              void *ctx, struct wxr_error *err);

/* The same for len bytes in memory (tests and fuzzing). */
enum wxr_status wxr_read_memory(const char *data, size_t len,
                                const struct wxr_handler *h, void *ctx,
                                struct wxr_error *err);

#endif
