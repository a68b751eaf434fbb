/*
 * template.h: the Mustache subset (variables, sections, inverted sections,
 * partials, comments; standalone-line rules as in the specification).
 *
 * Templates are parsed once, when a template set is loaded, into a compact
 * list of nodes; rendering walks those nodes against a context built from
 * struct tval values.  {{x}} always escapes through html_text();
 * {{{x}}} and {{&x}} accept only values made with tv_html() (a
 * struct trusted_html) and make the render fail otherwise.  {{%x}} writes
 * x as a JSON value (a string quoted and escaped by html_json_string(),
 * with < > & as \u003c \u003e \u0026; a number; true, false; null when
 * missing), for JSON-LD; a list or a map is a render error.
 *
 * Values are allocated in an arena and live as long as it does.
 */
#ifndef GAZETTE_TEMPLATE_H
#define GAZETTE_TEMPLATE_H

#include <stdbool.h>
#include <stddef.h>

#include "../util/arena.h"
#include "../util/buf.h"
#include "trusted.h"

enum tval_kind {
	TV_NULL,
	TV_BOOL,
	TV_INT,
	TV_DOUBLE,
	TV_STR,  /* text: escaped by {{x}}, refused by {{{x}}} */
	TV_HTML, /* trusted HTML: escaped by {{x}}, raw by {{{x}}} */
	TV_LIST,
	TV_MAP,
};

struct tval;

/* Constructors; strings are borrowed, not copied: they must outlive the
 * render (copy with arena_strdup first when they do not). */
struct tval *tv_null(struct arena *a);
struct tval *tv_bool(struct arena *a, bool b);
struct tval *tv_int(struct arena *a, long long i);
struct tval *tv_double(struct arena *a, double d);
struct tval *tv_str(struct arena *a, const char *s);
struct tval *tv_strn(struct arena *a, const char *s, size_t len);
struct tval *tv_html(struct arena *a, struct trusted_html html);
struct tval *tv_list(struct arena *a);
struct tval *tv_map(struct arena *a);

/* Appends v to the list; returns v. */
struct tval *tv_push(struct arena *a, struct tval *list, struct tval *v);

/* Sets key (borrowed) in the map, replacing an earlier value; returns v. */
struct tval *tv_set(struct arena *a, struct tval *map, const char *key,
                    struct tval *v);

/*
 * The same for a value shared read-only between contexts (a cached frame
 * part, a cached summary): rendering never changes values, and the caller
 * must not change it through the map or list either.
 */
void tv_push_shared(struct arena *a, struct tval *list, const struct tval *v);
void tv_set_shared(struct arena *a, struct tval *map, const char *key,
                   const struct tval *v);

/* Shorthands for tv_set(a, map, key, tv_…(a, …)). */
void tv_set_str(struct arena *a, struct tval *map, const char *key,
                const char *s);
void tv_set_int(struct arena *a, struct tval *map, const char *key,
                long long i);
void tv_set_bool(struct arena *a, struct tval *map, const char *key, bool b);

/* Inspection, for tests and for handlers that reuse a context. */
enum tval_kind tv_kind(const struct tval *v);
size_t tv_list_len(const struct tval *v);
const struct tval *tv_get(const struct tval *map, const char *key);
/* The text of a TV_STR or TV_HTML value (NUL-terminated when it was made
 * from a C string), or NULL for any other value or NULL. */
const char *tv_text(const struct tval *v);

struct template_set;

/* Returns an empty set; free with template_set_free(). */
struct template_set *template_set_new(void);
void template_set_free(struct template_set *set);

/*
 * Parses src as the template called name and adds it to the set (a later
 * add of the same name replaces it).  On a syntax error returns -1 and
 * writes a message with the line number to err (if not NULL).
 */
int template_set_add(struct template_set *set, const char *name,
                     const char *src, size_t len, struct buf *err);

/*
 * Adds the templates compiled into the binary (templates/ at build time),
 * or, when dir is not NULL, every *.html file under dir, named by its path
 * below dir without the extension ("layout", "admin/login").  Returns 0, or
 * -1 with a message in err.
 */
int template_set_load(struct template_set *set, const char *dir,
                      struct buf *err);

/* Returns whether the set has a template called name. */
bool template_set_has(const struct template_set *set, const char *name);

/*
 * Renders template name with ctx (a TV_MAP or any value) onto out.
 * Partials ({{> name}}) are looked up in the same set; a missing partial
 * renders as nothing, as the specification requires.  Returns 0, or -1
 * with a message in err (missing template, {{{x}}} given a non-HTML value,
 * nesting deeper than 64) and out holding a partial page the caller must
 * discard.
 */
int template_render(const struct template_set *set, const char *name,
                    const struct tval *ctx, struct buf *out, struct buf *err);

#endif
