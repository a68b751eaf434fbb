/*
 * template.c: the Mustache engine declared in template.h (the values it
 * renders are built by tvalue.c).  A template is parsed once into a flat array
 * of nodes (text, escaped variable, raw variable, section, inverted section,
 * partial); a section's children are the nodes that follow it, up to an
 * index stored in the section node, so rendering is one loop over an array
 * and never looks at the source again.  Text and pre-split names live in one
 * pool per template.  Every value reaches the page through html_text() or,
 * for {{{x}}} and {{&x}} given trusted HTML, as it is; this file never
 * decides how to escape.  Set-delimiter tags, inheritance and lambdas are
 * not supported: the first two are parse errors.
 *
 * One tag is ours, not the specification's: {{%x}} writes x as a JSON value
 * (a quoted, JSON-escaped string; a number; true, false or null), for
 * JSON-LD inside <script type="application/ld+json">, where HTML escaping
 * would be wrong and raw text unsafe.
 *
 * Decisions the specification leaves to us:
 * - Truthiness follows the specification's `!!data`: null, false, 0, 0.0,
 *   NaN, the empty string and the empty list are falsey; a map, even an
 *   empty one, is truthy.
 * - Booleans write "true" and "false"; integers are decimal; doubles use the
 *   shortest %g form that reads back exactly (1.21 is "1.21", 1.0 is "1").
 * - {{{x}}} and {{&x}} write trusted HTML raw and accept numbers, booleans
 *   and null too (their text cannot contain markup); a TV_STR is a render
 *   error, as is writing a list or a map with any variable tag.
 * - Nesting (sections entered plus partials) deeper than 64 levels, more than
 *   TEMPLATE_MAX_STEPS nodes visited or more than TEMPLATE_MAX_OUTPUT_BYTES
 *   written by one render is a render error, so a self-recursive partial
 *   cannot take a worker down.
 */
#include <assert.h>
#include <dirent.h>
#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "../embedded.h"
#include "../util/alloc.h"
#include "html.h"
#include "template.h"
#include "tvalue.h"

#define TEMPLATE_MAX_DEPTH 64
#define TEMPLATE_MAX_BYTES (16u * 1024 * 1024)
#define TEMPLATE_MAX_NAME_PARTS 32
#define TEMPLATE_MAX_DIR_DEPTH 16
#define TEMPLATE_MAX_STEPS (10u * 1000 * 1000)
#define TEMPLATE_MAX_OUTPUT_BYTES ((size_t)64 * 1024 * 1024)

/* Templates and parsing. */

enum tnode_kind {
	TN_TEXT,
	TN_VAR,      /* {{x}}: escaped */
	TN_RAW,      /* {{{x}}} and {{&x}}: trusted HTML only */
	TN_JSON,     /* {{%x}}: a JSON value, for JSON-LD */
	TN_SECTION,  /* {{#x}} */
	TN_INVERTED, /* {{^x}} */
	TN_PARTIAL,  /* {{>x}} */
};

/*
 * One node.  Names of variables and sections are stored in the pool as
 * their dotted parts, each NUL-terminated ("a\0b\0"), parts counting them
 * (0 for the implicit iterator "."); a partial's name is stored whole.
 * bol marks a node that starts a line of the template: inside a standalone
 * partial the indentation is written before it.  An empty text node with
 * bol set stands for a tag that writes nothing but starts a line.
 */
struct tnode {
	unsigned char kind;
	unsigned char bol;
	unsigned char
	    standalone; /* partials: the tag stood alone on its line */
	unsigned char parts;
	uint32_t line;
	uint32_t off; /* text or name in the pool */
	uint32_t len;
	uint32_t aux;     /* sections: index past the last child; partials:
	                     indentation offset in the pool */
	uint32_t aux_len; /* partials: indentation length */
};

struct template
{
	char *name;
	char *pool;
	struct tnode *nodes;
	size_t nodes_count;
};

struct template_set {
	struct template **slots; /* open addressing; cap is a power of two */
	size_t cap;
	size_t count;
};

struct parse_open {
	size_t node;
	const char *name;
	size_t name_len;
	unsigned line;
};

struct parser {
	const char *name;
	const char *src;
	size_t len;
	struct buf pool;
	struct tnode *nodes;
	size_t nodes_count, nodes_cap;
	struct parse_open open[TEMPLATE_MAX_DEPTH];
	int open_count;
	struct buf *err;
};

static void error_at(struct buf *err, const char *name, unsigned line,
                     const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

/* Appends "name:line: message" to err, when there is one. */
static void
error_at(struct buf *err, const char *name, unsigned line, const char *fmt, ...)
{
	va_list ap;

	if (err == NULL)
		return;
	buf_printf(err, "%s:%u: ", name, line);
	va_start(ap, fmt);
	buf_vprintf(err, fmt, ap);
	va_end(ap);
}

static bool
is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

static bool
is_blank(const char *s, size_t len)
{
	size_t i;

	for (i = 0; i < len; i++)
		if (s[i] != ' ' && s[i] != '\t')
			return false;
	return true;
}

static unsigned
count_lines(const char *s, size_t len)
{
	unsigned n = 0;
	const char *end = s + len, *nl;

	while ((nl = memchr(s, '\n', (size_t)(end - s))) != NULL) {
		n++;
		s = nl + 1;
	}
	return n;
}

/*
 * Returns whether only spaces and tabs follow from pos up to a line end or
 * the end of the source, storing in *next where the next line starts.
 */
static bool
rest_is_blank(const char *s, size_t len, size_t pos, size_t *next)
{
	while (pos < len && (s[pos] == ' ' || s[pos] == '\t'))
		pos++;
	if (pos == len) {
		*next = len;
		return true;
	}
	if (s[pos] == '\n') {
		*next = pos + 1;
		return true;
	}
	if (s[pos] == '\r' && pos + 1 < len && s[pos + 1] == '\n') {
		*next = pos + 2;
		return true;
	}
	return false;
}

static struct tnode *
add_node(struct parser *p, enum tnode_kind kind, unsigned line, bool bol)
{
	struct tnode *n;

	if (p->nodes_count == p->nodes_cap) {
		p->nodes_cap = p->nodes_cap ? p->nodes_cap * 2 : 32;
		p->nodes = xrealloc(p->nodes, p->nodes_cap * sizeof(*p->nodes));
	}
	n = &p->nodes[p->nodes_count++];
	memset(n, 0, sizeof(*n));
	n->kind = (unsigned char)kind;
	n->bol = bol;
	n->line = line;
	n->off = (uint32_t)p->pool.len;
	return n;
}

static void
add_text(struct parser *p, size_t from, size_t to, unsigned line)
{
	struct tnode *n;

	n = add_node(p, TN_TEXT, line, from == 0 || p->src[from - 1] == '\n');
	buf_append(&p->pool, p->src + from, to - from);
	n->len = (uint32_t)(to - from);
}

/* Trims the name of a tag, refusing an empty one or one with spaces. */
static int
tag_name(struct parser *p, unsigned line, const char **name, size_t *len)
{
	const char *s = *name;
	size_t n = *len, i;

	while (n > 0 && is_space(s[0])) {
		s++;
		n--;
	}
	while (n > 0 && is_space(s[n - 1]))
		n--;
	if (n == 0) {
		error_at(p->err, p->name, line, "empty tag");
		return -1;
	}
	for (i = 0; i < n; i++) {
		if ((unsigned char)s[i] <= ' ') {
			error_at(p->err, p->name, line,
			         "invalid character in tag name \"%.*s\"",
			         (int)(n > 64 ? 64 : n), s);
			return -1;
		}
	}
	*name = s;
	*len = n;
	return 0;
}

/*
 * Appends one part of a dotted name to the pool: its tv_key_hash (four
 * bytes, unaligned: read with memcpy), then the part, NUL-terminated.
 * Hashing at parse time spares every render the work.
 */
static void
name_part(struct buf *pool, const char *s, size_t len)
{
	char *part = xstrndup(s, len);
	uint32_t hash = tv_key_hash(part);

	buf_append(pool, &hash, sizeof(hash));
	buf_append(pool, part, len + 1);
	free(part);
}

/* Stores a dotted name in the pool as hashed, NUL-terminated parts. */
static int
store_dotted(struct parser *p, struct tnode *n, const char *s, size_t len)
{
	size_t start = 0, i, parts = 0;

	n->off = (uint32_t)p->pool.len;
	if (len == 1 && s[0] == '.')
		return 0;
	for (i = 0; i <= len; i++) {
		if (i < len && s[i] != '.')
			continue;
		if (i == start || parts == TEMPLATE_MAX_NAME_PARTS) {
			error_at(p->err, p->name, n->line,
			         "invalid name \"%.*s\"",
			         (int)(len > 64 ? 64 : len), s);
			return -1;
		}
		name_part(&p->pool, s + start, i - start);
		parts++;
		start = i + 1;
	}
	n->parts = (unsigned char)parts;
	n->len = (uint32_t)(p->pool.len - n->off);
	return 0;
}

/*
 * Handles one tag whose content (after the sigil) is body/body_len.  indent
 * is the whitespace before a standalone tag (NULL when not standalone).
 */
static int
parse_tag(struct parser *p, char sigil, const char *body, size_t body_len,
          unsigned line, bool bol, const char *indent, size_t indent_len)
{
	struct tnode *n;
	struct parse_open *o;

	if (sigil == '!') {
		if (bol && indent == NULL)
			add_node(p, TN_TEXT, line, true);
		return 0;
	}
	if (sigil == '=') {
		error_at(p->err, p->name, line,
		         "set-delimiter tags are not supported");
		return -1;
	}
	if (sigil == '<' || sigil == '$') {
		error_at(p->err, p->name, line,
		         "template inheritance ({{%c...}}) is not supported",
		         sigil);
		return -1;
	}
	if (tag_name(p, line, &body, &body_len) < 0)
		return -1;
	switch (sigil) {
	case '#':
	case '^':
		if (p->open_count == TEMPLATE_MAX_DEPTH) {
			error_at(p->err, p->name, line,
			         "sections nested deeper than %d levels",
			         TEMPLATE_MAX_DEPTH);
			return -1;
		}
		n = add_node(p, sigil == '#' ? TN_SECTION : TN_INVERTED, line,
		             bol);
		if (store_dotted(p, n, body, body_len) < 0)
			return -1;
		o = &p->open[p->open_count++];
		o->node = p->nodes_count - 1;
		o->name = body;
		o->name_len = body_len;
		o->line = line;
		return 0;
	case '/':
		if (p->open_count == 0) {
			error_at(p->err, p->name, line,
			         "closing tag \"%.*s\" without an opening "
			         "section",
			         (int)(body_len > 64 ? 64 : body_len), body);
			return -1;
		}
		o = &p->open[p->open_count - 1];
		if (o->name_len != body_len ||
		    memcmp(o->name, body, body_len) != 0) {
			error_at(p->err, p->name, line,
			         "closing tag \"%.*s\" does not match section "
			         "\"%.*s\" opened on line %u",
			         (int)(body_len > 64 ? 64 : body_len), body,
			         (int)(o->name_len > 64 ? 64 : o->name_len),
			         o->name, o->line);
			return -1;
		}
		if (bol && indent == NULL)
			add_node(p, TN_TEXT, line, true);
		p->nodes[o->node].aux = (uint32_t)p->nodes_count;
		p->open_count--;
		return 0;
	case '>':
		n = add_node(p, TN_PARTIAL, line, bol);
		buf_append(&p->pool, body, body_len);
		buf_putc(&p->pool, '\0');
		n->len = (uint32_t)body_len;
		if (indent != NULL) {
			n->standalone = 1;
			n->aux = (uint32_t)p->pool.len;
			n->aux_len = (uint32_t)indent_len;
			buf_append(&p->pool, indent, indent_len);
		}
		return 0;
	default:
		n = add_node(p,
		             sigil == '&'   ? TN_RAW
		             : sigil == '%' ? TN_JSON
		                            : TN_VAR,
		             line, bol);
		return store_dotted(p, n, body, body_len);
	}
}

static int
parse(struct parser *p)
{
	const char *s = p->src;
	size_t n = p->len, pos = 0, line_start = 0;
	unsigned line = 1;

	while (pos < n) {
		const char *open = memmem(s + pos, n - pos, "{{", 2);
		const char *close, *nl;
		size_t tag, body, tag_end, next = 0;
		unsigned tag_line;
		bool triple, standalone;
		char sigil = 0;

		if (open == NULL) {
			add_text(p, pos, n, line);
			break;
		}
		tag = (size_t)(open - s);
		tag_line = line + count_lines(s + pos, tag - pos);
		nl = memrchr(s + pos, '\n', tag - pos);
		if (nl != NULL)
			line_start = (size_t)(nl - s) + 1;
		body = tag + 2;
		triple = body < n && s[body] == '{';
		if (triple) {
			body++;
			close = memmem(s + body, n - body, "}}}", 3);
			sigil = '&';
		} else {
			close = memmem(s + body, n - body, "}}", 2);
			if (body < n && s[body] != '\0' &&
			    strchr("#^/>!&=<$%", s[body]) != NULL)
				sigil = s[body++];
		}
		if (close == NULL || (size_t)(close - s) < body) {
			error_at(p->err, p->name, tag_line, "unclosed tag");
			return -1;
		}
		tag_end = (size_t)(close - s) + (triple ? 3 : 2);
		standalone = sigil != 0 && strchr("#^/>!", sigil) != NULL &&
		             is_blank(s + line_start, tag - line_start) &&
		             rest_is_blank(s, n, tag_end, &next);
		if (standalone) {
			if (line_start > pos)
				add_text(p, pos, line_start, line);
		} else {
			if (tag > pos)
				add_text(p, pos, tag, line);
			next = tag_end;
		}
		if (parse_tag(p, sigil, s + body, (size_t)(close - s) - body,
		              tag_line,
		              !standalone && (tag == 0 || s[tag - 1] == '\n'),
		              standalone ? s + line_start : NULL,
		              tag - line_start) < 0)
			return -1;
		line = tag_line + count_lines(s + tag, next - tag);
		nl = memrchr(s + tag, '\n', next - tag);
		if (nl != NULL)
			line_start = (size_t)(nl - s) + 1;
		pos = next;
	}
	if (p->open_count > 0) {
		struct parse_open *o = &p->open[p->open_count - 1];

		error_at(p->err, p->name, o->line, "unclosed section \"%.*s\"",
		         (int)(o->name_len > 64 ? 64 : o->name_len), o->name);
		return -1;
	}
	return 0;
}

static void
template_free(struct template *t)
{
	if (t == NULL)
		return;
	free(t->name);
	free(t->pool);
	free(t->nodes);
	free(t);
}

static uint64_t
name_hash(const char *s)
{
	uint64_t h = 14695981039346656037ULL;

	while (*s != '\0') {
		h ^= (unsigned char)*s++;
		h *= 1099511628211ULL;
	}
	return h;
}

/* Returns the slot holding name, or the empty slot where it would go. */
static struct template **
set_slot(const struct template_set *set, const char *name)
{
	size_t mask = set->cap - 1, i = (size_t)name_hash(name) & mask;

	while (set->slots[i] != NULL && strcmp(set->slots[i]->name, name) != 0)
		i = (i + 1) & mask;
	return &set->slots[i];
}

static const struct template *
set_find(const struct template_set *set, const char *name)
{
	return *set_slot(set, name);
}

/* Returns an empty set; free with template_set_free(). */
struct template_set *
template_set_new(void)
{
	struct template_set *set = xcalloc(1, sizeof(*set));

	set->cap = 32;
	set->slots = xcalloc(set->cap, sizeof(*set->slots));
	return set;
}

/* Frees the set and every template in it. */
void
template_set_free(struct template_set *set)
{
	size_t i;

	if (set == NULL)
		return;
	for (i = 0; i < set->cap; i++)
		template_free(set->slots[i]);
	free(set->slots);
	free(set);
}

static void
set_insert(struct template_set *set, struct template *t)
{
	struct template **slot;

	if ((set->count + 1) * 2 > set->cap) {
		struct template **old = set->slots;
		size_t old_cap = set->cap, i;

		set->cap *= 2;
		set->slots = xcalloc(set->cap, sizeof(*set->slots));
		for (i = 0; i < old_cap; i++)
			if (old[i] != NULL)
				*set_slot(set, old[i]->name) = old[i];
		free(old);
	}
	slot = set_slot(set, t->name);
	if (*slot != NULL)
		template_free(*slot);
	else
		set->count++;
	*slot = t;
}

/*
 * Parses src (len bytes, which need not be NUL-terminated) as the template
 * called name and adds it to the set, replacing a template of that name.
 * Returns 0; or -1, leaving the set as it was and appending
 * "name:line: message" to err when err is not NULL.  The set keeps its own
 * copies of name and of the text.
 */
int
template_set_add(struct template_set *set, const char *name, const char *src,
                 size_t len, struct buf *err)
{
	struct parser p;
	struct template *t;

	if (len > TEMPLATE_MAX_BYTES) {
		error_at(err, name, 1, "template larger than %u bytes",
		         TEMPLATE_MAX_BYTES);
		return -1;
	}
	memset(&p, 0, sizeof(p));
	p.name = name;
	p.src = src;
	p.len = len;
	p.err = err;
	buf_init(&p.pool);
	if (parse(&p) < 0) {
		buf_free(&p.pool);
		free(p.nodes);
		return -1;
	}
	t = xcalloc(1, sizeof(*t));
	t->name = xstrdup(name);
	t->pool = buf_detach(&p.pool);
	t->nodes = p.nodes;
	t->nodes_count = p.nodes_count;
	set_insert(set, t);
	return 0;
}

static int
load_file(struct template_set *set, const char *path, const char *name,
          struct buf *err)
{
	struct buf text;
	FILE *f;
	size_t got;
	int rc = -1;

	f = fopen(path, "rb");
	if (f == NULL) {
		if (err != NULL)
			buf_printf(err, "%s: %s", path, strerror(errno));
		return -1;
	}
	buf_init(&text);
	do {
		buf_grow(&text, 8192);
		got = fread(text.data + text.len, 1, 8192, f);
		text.len += got;
		if (text.len > TEMPLATE_MAX_BYTES) {
			if (err != NULL)
				buf_printf(err, "%s: larger than %u bytes",
				           path, TEMPLATE_MAX_BYTES);
			goto out;
		}
	} while (got > 0);
	if (ferror(f)) {
		if (err != NULL)
			buf_printf(err, "%s: read error", path);
		goto out;
	}
	rc = template_set_add(set, name, text.data, text.len, err);
out:
	fclose(f);
	buf_free(&text);
	return rc;
}

/*
 * Loads every *.html file below path (a buffer holding the folder's path,
 * restored on return); root_len is the length of the top folder's path.
 */
static int
load_dir(struct template_set *set, struct buf *path, size_t root_len, int depth,
         struct buf *err)
{
	DIR *d;
	struct dirent *e;
	struct stat st;
	int rc = 0;

	if (depth > TEMPLATE_MAX_DIR_DEPTH) {
		if (err != NULL)
			buf_printf(err, "%s: folders nested too deeply",
			           path->data);
		return -1;
	}
	d = opendir(path->data);
	if (d == NULL) {
		if (err != NULL)
			buf_printf(err, "%s: %s", path->data, strerror(errno));
		return -1;
	}
	while (rc == 0 && (e = readdir(d)) != NULL) {
		size_t saved = path->len, n = strlen(e->d_name);

		if (e->d_name[0] == '.')
			continue;
		buf_putc(path, '/');
		buf_append(path, e->d_name, n);
		if (stat(path->data, &st) != 0) {
			if (err != NULL)
				buf_printf(err, "%s: %s", path->data,
				           strerror(errno));
			rc = -1;
		} else if (S_ISDIR(st.st_mode)) {
			rc = load_dir(set, path, root_len, depth + 1, err);
		} else if (S_ISREG(st.st_mode) && n > 5 &&
		           strcmp(e->d_name + n - 5, ".html") == 0) {
			char *name = xstrndup(path->data + root_len + 1,
			                      path->len - root_len - 1 - 5);

			rc = load_file(set, path->data, name, err);
			free(name);
		}
		path->len = saved;
		path->data[saved] = '\0';
	}
	closedir(d);
	return rc;
}

/*
 * Adds the templates compiled into the binary, or every *.html file below
 * dir (dot files and dot folders skipped), named by the path below dir
 * without ".html".  Returns 0, or -1 at the first file that cannot be read
 * or parsed, with a message in err; templates loaded before it stay.
 */
int
template_set_load(struct template_set *set, const char *dir, struct buf *err)
{
	struct buf path;
	size_t i, root_len;
	int rc;

	if (dir == NULL) {
		for (i = 0; i < embedded_templates_count; i++)
			if (template_set_add(set, embedded_templates[i].name,
			                     embedded_templates[i].data,
			                     embedded_templates[i].len,
			                     err) < 0)
				return -1;
		return 0;
	}
	buf_init(&path);
	root_len = strlen(dir);
	while (root_len > 1 && dir[root_len - 1] == '/')
		root_len--;
	buf_append(&path, dir, root_len);
	rc = load_dir(set, &path, root_len, 0, err);
	buf_free(&path);
	return rc;
}

/* Returns whether the set has a template called name. */
bool
template_set_has(const struct template_set *set, const char *name)
{
	return set_find(set, name) != NULL;
}

/* Rendering. */

struct render {
	const struct template_set *set;
	struct buf *out;
	struct buf *err;
	size_t out_start;
	size_t steps;
	struct buf indent; /* indentation of nested standalone partials */
	size_t indent_start;
	int depth;
	int top;
	const struct tval *stack[TEMPLATE_MAX_DEPTH + 1];
};

static int render_nodes(struct render *r, const struct template *t, size_t from,
                        size_t to);

static bool
truthy(const struct tval *v)
{
	if (v == NULL)
		return false;
	switch (v->kind) {
	case TV_NULL:
		return false;
	case TV_BOOL:
		return v->u.b;
	case TV_INT:
		return v->u.i != 0;
	case TV_DOUBLE:
		return v->u.d != 0 && !isnan(v->u.d);
	case TV_STR:
	case TV_HTML:
		return v->u.str.len > 0;
	case TV_LIST:
		return v->u.list.len > 0;
	case TV_MAP:
		return true;
	}
	return false;
}

/* Resolves a node's name against the context stack, as the spec says. */
static const struct tval *
lookup(const struct render *r, const struct template *t, const struct tnode *n)
{
	const char *p = t->pool + n->off;
	const struct tval *v = NULL;
	int i;
	unsigned part;
	uint32_t hash;

	if (n->parts == 0)
		return r->stack[r->top];
	memcpy(&hash, p, sizeof(hash));
	p += sizeof(hash);
	for (i = r->top; i >= 0 && v == NULL; i--)
		if (r->stack[i] != NULL && r->stack[i]->kind == TV_MAP)
			v = tv_map_find_hashed(r->stack[i], p, hash);
	for (part = 1; part < n->parts && v != NULL; part++) {
		p += strlen(p) + 1;
		memcpy(&hash, p, sizeof(hash));
		p += sizeof(hash);
		v = v->kind == TV_MAP ? tv_map_find_hashed(v, p, hash) : NULL;
	}
	return v;
}

/* Appends a node's dotted name to b, for messages. */
static void
put_name(struct buf *b, const struct template *t, const struct tnode *n)
{
	const char *key = t->pool + n->off;
	unsigned part;

	if (n->parts == 0)
		buf_putc(b, '.');
	for (part = 0; part < n->parts; part++) {
		if (part > 0)
			buf_putc(b, '.');
		key += sizeof(uint32_t); /* the part's hash */
		buf_puts(b, key);
		key += strlen(key) + 1;
	}
}

static int
fail(struct render *r, const struct template *t, const struct tnode *n,
     const char *what)
{
	if (r->err == NULL)
		return -1;
	buf_printf(r->err, "%s:%u: \"", t->name, n->line);
	put_name(r->err, t, n);
	buf_printf(r->err, "\" %s", what);
	return -1;
}

static bool
over_budget(const struct render *r)
{
	return r->out->len - r->out_start > TEMPLATE_MAX_OUTPUT_BYTES;
}

static void
put_indent(struct render *r)
{
	buf_append(r->out, r->indent.data + r->indent_start,
	           r->indent.len - r->indent_start);
}

/* Writes template text, indenting each line when inside a partial. */
static void
put_text(struct render *r, const char *s, size_t len)
{
	const char *nl;
	size_t k;

	if (r->indent.len > r->indent_start) {
		while ((nl = memchr(s, '\n', len)) != NULL &&
		       nl + 1 < s + len && !over_budget(r)) {
			k = (size_t)(nl + 1 - s);
			buf_append(r->out, s, k);
			put_indent(r);
			s += k;
			len -= k;
		}
	}
	buf_append(r->out, s, len);
}

/* Writes i in decimal; by hand, as printf costs more than the rest. */
static void
put_int(struct buf *out, long long i)
{
	char tmp[24], *p = tmp + sizeof(tmp);
	unsigned long long u =
	    i < 0 ? 0ULL - (unsigned long long)i : (unsigned long long)i;

	do {
		*--p = (char)('0' + u % 10);
		u /= 10;
	} while (u > 0);
	if (i < 0)
		*--p = '-';
	buf_append(out, p, (size_t)(tmp + sizeof(tmp) - p));
}

static void
put_double(struct buf *out, double d)
{
	char tmp[40];
	int prec;

	if (d == 0) {
		buf_putc(out, '0');
		return;
	}
	if (isnan(d)) {
		buf_puts(out, "NaN");
		return;
	}
	if (isinf(d)) {
		buf_puts(out, d < 0 ? "-Infinity" : "Infinity");
		return;
	}
	for (prec = 1; prec < 17; prec++) {
		snprintf(tmp, sizeof(tmp), "%.*g", prec, d);
		if (strtod(tmp, NULL) == d)
			break;
	}
	if (prec == 17)
		snprintf(tmp, sizeof(tmp), "%.17g", d);
	buf_puts(out, tmp);
}

/*
 * Writes what {{%x}} writes differently from {{x}}: a string (text or
 * HTML alike) quoted and escaped by html_json_string (so < > & are
 * \u003c \u003e \u0026 and the value cannot end a <script> element),
 * and null for a missing value, null or a double JSON cannot write (NaN,
 * infinities).  Returns whether it wrote v; booleans, integers and other
 * doubles are written as {{x}} writes them, which is valid JSON, and
 * lists and maps are errors there.
 */
static bool
put_json(struct render *r, const struct tval *v)
{
	if (v == NULL || v->kind == TV_NULL ||
	    (v->kind == TV_DOUBLE && !isfinite(v->u.d))) {
		buf_puts(r->out, "null");
		return true;
	}
	if (v->kind != TV_STR && v->kind != TV_HTML)
		return false;
	buf_putc(r->out, '"');
	html_json_string(r->out, v->u.str.s, v->u.str.len);
	buf_putc(r->out, '"');
	return true;
}

static int
put_value(struct render *r, const struct template *t, const struct tnode *n,
          const struct tval *v)
{
	if (n->kind == TN_JSON && put_json(r, v))
		return 0;
	if (v == NULL)
		return 0;
	switch (v->kind) {
	case TV_NULL:
		return 0;
	case TV_BOOL:
		buf_puts(r->out, v->u.b ? "true" : "false");
		return 0;
	case TV_INT:
		put_int(r->out, v->u.i);
		return 0;
	case TV_DOUBLE:
		put_double(r->out, v->u.d);
		return 0;
	case TV_STR:
		if (n->kind == TN_RAW)
			return fail(r, t, n,
			            "is a plain string: {{{ }}} and {{& }} "
			            "take only trusted HTML");
		buf_append(r->out, v->u.str.esc, v->u.str.esc_len);
		return 0;
	case TV_HTML:
		if (n->kind == TN_RAW)
			buf_append(r->out, v->u.str.s, v->u.str.len);
		else
			html_text(r->out, v->u.str.s, v->u.str.len);
		return 0;
	case TV_LIST:
		return fail(r, t, n, "is a list, not a value to write");
	case TV_MAP:
		return fail(r, t, n, "is a map, not a value to write");
	}
	return 0;
}

static int
enter(struct render *r, const struct template *t, const struct tnode *n)
{
	if (r->depth >= TEMPLATE_MAX_DEPTH) {
		if (r->err != NULL) {
			buf_printf(r->err,
			           "%s:%u: nesting deeper than %d "
			           "levels at \"",
			           t->name, n->line, TEMPLATE_MAX_DEPTH);
			if (n->kind == TN_PARTIAL)
				buf_puts(r->err, t->pool + n->off);
			else
				put_name(r->err, t, n);
			buf_putc(r->err, '"');
		}
		return -1;
	}
	r->depth++;
	return 0;
}

static int
render_section(struct render *r, const struct template *t, size_t i)
{
	const struct tnode *n = &t->nodes[i];
	const struct tval *v = lookup(r, t, n);
	size_t k, count = 1;
	int rc = 0;

	if (!truthy(v))
		return 0;
	if (enter(r, t, n) < 0)
		return -1;
	if (v->kind == TV_LIST)
		count = v->u.list.len;
	for (k = 0; k < count && rc == 0; k++) {
		r->stack[++r->top] =
		    v->kind == TV_LIST ? v->u.list.items[k] : v;
		rc = render_nodes(r, t, i + 1, n->aux);
		r->top--;
	}
	r->depth--;
	return rc;
}

static int
render_partial(struct render *r, const struct template *t,
               const struct tnode *n)
{
	const struct template *p = set_find(r->set, t->pool + n->off);
	size_t saved_len = r->indent.len, saved_start = r->indent_start;
	int rc;

	if (p == NULL)
		return 0;
	if (enter(r, t, n) < 0)
		return -1;
	if (!n->standalone)
		r->indent_start = r->indent.len;
	else if (n->aux_len > 0)
		buf_append(&r->indent, t->pool + n->aux, n->aux_len);
	rc = render_nodes(r, p, 0, p->nodes_count);
	r->indent.len = saved_len;
	r->indent_start = saved_start;
	r->depth--;
	return rc;
}

static int
render_nodes(struct render *r, const struct template *t, size_t from, size_t to)
{
	size_t i, next;
	int rc = 0;

	for (i = from; i < to && rc == 0; i = next) {
		const struct tnode *n = &t->nodes[i];

		next = i + 1;
		if (++r->steps > TEMPLATE_MAX_STEPS || over_budget(r)) {
			if (r->err != NULL)
				buf_printf(r->err,
				           "%s:%u: render too large (more than "
				           "%u steps or %zu bytes)",
				           t->name, n->line, TEMPLATE_MAX_STEPS,
				           TEMPLATE_MAX_OUTPUT_BYTES);
			return -1;
		}
		if (n->bol && r->indent.len > r->indent_start)
			put_indent(r);
		switch (n->kind) {
		case TN_TEXT:
			put_text(r, t->pool + n->off, n->len);
			break;
		case TN_VAR:
		case TN_RAW:
		case TN_JSON:
			rc = put_value(r, t, n, lookup(r, t, n));
			break;
		case TN_SECTION:
			rc = render_section(r, t, i);
			next = n->aux;
			break;
		case TN_INVERTED:
			next = n->aux;
			if (truthy(lookup(r, t, n)))
				break;
			if (enter(r, t, n) < 0)
				return -1;
			rc = render_nodes(r, t, i + 1, n->aux);
			r->depth--;
			break;
		case TN_PARTIAL:
			rc = render_partial(r, t, n);
			break;
		}
	}
	return rc;
}

/*
 * Renders template name with ctx (any value; NULL acts as an empty map) onto
 * out.  Returns 0; or -1 with a message appended to err (when not NULL) and
 * out holding a partial page the caller must discard.
 */
int
template_render(const struct template_set *set, const char *name,
                const struct tval *ctx, struct buf *out, struct buf *err)
{
	const struct template *t = set_find(set, name);
	struct render r;
	int rc;

	if (t == NULL) {
		if (err != NULL)
			buf_printf(err, "no template called \"%s\"", name);
		return -1;
	}
	memset(&r, 0, sizeof(r));
	r.set = set;
	r.out = out;
	r.err = err;
	r.out_start = out->len;
	buf_init(&r.indent);
	r.stack[0] = ctx;
	buf_grow(out, 0);
	rc = render_nodes(&r, t, 0, t->nodes_count);
	if (rc == 0 && over_budget(&r)) {
		if (err != NULL)
			buf_printf(err, "%s: render larger than %zu bytes",
			           name, TEMPLATE_MAX_OUTPUT_BYTES);
		rc = -1;
	}
	buf_free(&r.indent);
	return rc;
}
