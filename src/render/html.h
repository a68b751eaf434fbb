/*
 * html.h: the one escaping path.  Every value that reaches a page goes
 * through one of these; templates call them, handlers never write HTML.
 */
#ifndef GAZETTE_HTML_H
#define GAZETTE_HTML_H

#include <stdbool.h>
#include <stddef.h>

#include "../util/arena.h"
#include "../util/buf.h"

/*
 * Appends s escaped for HTML text and quoted attribute values: & < > " '
 * become character references.  Other bytes are copied as they are.
 */
void html_text(struct buf *out, const char *s, size_t len);

/*
 * Appends ' name="value"' (a space first), value escaped by html_text().
 * name is written as it is: a constant of the caller's.
 */
void html_attr(struct buf *out, const char *name, const char *value);

/*
 * Returns s escaped as html_text() writes it, setting *out_len: s itself
 * when nothing in it needs escaping (the usual case), else a copy made in
 * a.  Template values are escaped once this way, when they are made.
 */
const char *html_text_arena(struct arena *a, const char *s, size_t len,
                            size_t *out_len);

/*
 * Appends s as a URL for href or src, HTML-escaped.  Allowed: relative URLs
 * (path, query or fragment) and the schemes http, https and mailto, compared
 * case-insensitively; bytes outside printable ASCII, spaces, quotes and < >
 * are percent-encoded.  Returns 0, or -1 (appending nothing) when the
 * scheme is not allowed.
 */
int html_url(struct buf *out, const char *s, size_t len);

/* Returns whether html_url() accepts s (the same rule, nothing written). */
bool html_url_allowed(const char *s, size_t len);

/*
 * Returns whether s names another site: an http(s) URL, or one that a
 * browser reads as another host ("//host/x", and "\\host" or "/\host",
 * which browsers read the same).  Relative paths and fragments are this
 * site's.  The pages' Content-Security-Policy loads no image from
 * another site, so such an image is written as a link to it
 * (markdown.c, sanitize.c): readers' visits are not reported elsewhere,
 * and nothing shows as a broken image.
 */
bool html_url_offsite(const char *s, size_t len);

/*
 * Appends, for an image of another site (html_url_offsite) with alt text
 * alt: a link to it labelled with the alt text (or the address when
 * there is none), or the label alone inside a link (in_link).  Returns 0,
 * or -1 (nothing appended) when the URL is refused.
 */
int html_offsite_image(struct buf *out, const char *url, const char *alt,
                       bool in_link);

/*
 * Appends s percent-encoded for use as one query-string value or path
 * segment (everything but unreserved characters is encoded).
 */
void html_url_component(struct buf *out, const char *s, size_t len);

/*
 * Appends s escaped for a JSON string body (without the quotes), writing <
 * as \u003c so that the value cannot close a script element.
 */
void html_json_string(struct buf *out, const char *s, size_t len);

#endif
