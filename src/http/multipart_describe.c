/*
 * multipart_describe.c: mp_describe, which tests and the fuzzer use to
 * turn a multipart body into a readable list of events (the golden
 * corpus's .out files), and to check on the way, with assert, what
 * multipart.h promises callbacks.  Nothing on a request path calls it.
 */
#include <assert.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <xxhash.h>

#include "multipart.h"

/* mp_describe's state: the description and the current file's data. */
struct describe {
	struct buf *out;
	const struct mp_limits *lim;
	XXH3_state_t *hash;
	char head[32]; /* a file's first bytes, shown when it is short */
	size_t parts;
	bool open;
};

/*
 * Appends s[0..len) between quotes: '"' and '\\' escaped, control bytes
 * as \xNN, and bytes from 0x80 up as \xNN unless the whole is UTF-8.
 */
static void
describe_quoted(struct buf *b, const char *s, size_t len)
{
	bool utf8 = utf8_valid(s, len);
	size_t i;

	buf_putc(b, '"');
	for (i = 0; i < len; i++) {
		unsigned char c = (unsigned char)s[i];

		if (c == '"' || c == '\\') {
			buf_putc(b, '\\');
			buf_putc(b, (char)c);
		} else if (c < 0x20 || c == 0x7f || (c >= 0x80 && !utf8)) {
			buf_printf(b, "\\x%02x", c);
		} else {
			buf_putc(b, (char)c);
		}
	}
	buf_putc(b, '"');
}

/* Appends " <size> <text or hash>\n" for data or a value. */
static void
describe_bytes(struct buf *b, const char *what, uint64_t size, const char *head,
               XXH64_hash_t hash)
{
	buf_printf(b, " %s %llu ", what, (unsigned long long)size);
	if (size <= 32)
		describe_quoted(b, head, (size_t)size);
	else
		buf_printf(b, "xxh3:%016llx", (unsigned long long)hash);
	buf_putc(b, '\n');
}

/* Writes a part's first line; checks what multipart.h promises of it. */
static int
describe_begin(void *ctx, const struct mp_part *part)
{
	struct describe *d = ctx;
	size_t i;

	/* The promises of multipart.h, checked for tests and fuzzing. */
	assert(!d->open && part->index == d->parts);
	assert(part->index < d->lim->max_parts);
	assert(part->name != NULL && part->name[0] != '\0');
	assert(part->size == 0 && part->value == NULL);
	d->open = true;
	d->parts++;
	buf_puts(d->out, part->filename ? "file name=" : "field name=");
	describe_quoted(d->out, part->name, strlen(part->name));
	if (part->filename != NULL) {
		for (i = 0; part->filename[i] != '\0'; i++)
			assert(part->filename[i] != '/' &&
			       part->filename[i] != '\\');
		assert(strcmp(part->filename, ".") != 0 &&
		       strcmp(part->filename, "..") != 0);
		buf_puts(d->out, " filename=");
		describe_quoted(d->out, part->filename, i);
	}
	if (part->content_type != NULL) {
		buf_puts(d->out, " type=");
		describe_quoted(d->out, part->content_type,
		                strlen(part->content_type));
	}
	buf_putc(d->out, '\n');
	XXH3_64bits_reset(d->hash);
	return 0;
}

/* Counts, hashes and keeps the head of a file's data. */
static int
describe_data(void *ctx, const struct mp_part *part, const char *data,
              size_t len)
{
	struct describe *d = ctx;
	uint64_t before = part->size - len;

	assert(d->open && part->filename != NULL && len > 0);
	assert(part->size <= d->lim->max_file_bytes);
	if (before < sizeof(d->head)) {
		size_t n = sizeof(d->head) - (size_t)before;

		memcpy(d->head + before, data, n < len ? n : len);
	}
	XXH3_64bits_update(d->hash, data, len);
	return 0;
}

/* Writes a part's data or value line and "end". */
static int
describe_end(void *ctx, const struct mp_part *part)
{
	struct describe *d = ctx;

	assert(d->open);
	d->open = false;
	if (part->filename != NULL) {
		describe_bytes(d->out, "data", part->size, d->head,
		               XXH3_64bits_digest(d->hash));
	} else {
		/* The limits count the bytes as sent (size); the value is
		 * their NFC form, which may be shorter or longer. */
		assert(part->value != NULL);
		assert(part->size <= d->lim->max_field_bytes);
		assert(strlen(part->value) == part->value_len);
		describe_bytes(d->out, "value", part->value_len, part->value,
		               XXH3_64bits(part->value, part->value_len));
	}
	buf_puts(d->out, "end\n");
	return 0;
}

/*
 * Reads a "limits: key=N ..." line into lim.  Returns 0, or -1 for an
 * unknown key or a number that is not one.
 */
static int
describe_limits(const char *s, size_t len, struct mp_limits *lim)
{
	static const char *const keys[] = {"parts",  "headers", "line", "field",
	                                   "fields", "file",    "total"};
	char line[256], *tok, *save = NULL;

	if (len >= sizeof(line))
		return -1;
	memcpy(line, s, len);
	line[len] = '\0';
	for (tok = strtok_r(line + 7, " ", &save); tok != NULL;
	     tok = strtok_r(NULL, " ", &save)) {
		char *eq = strchr(tok, '='), *end;
		unsigned long long v;
		size_t k;

		if (eq == NULL || eq[1] < '0' || eq[1] > '9')
			return -1;
		*eq = '\0';
		v = strtoull(eq + 1, &end, 10);
		if (*end != '\0')
			return -1;
		for (k = 0; k < sizeof(keys) / sizeof(keys[0]); k++)
			if (strcmp(tok, keys[k]) == 0)
				break;
		switch (k) {
		case 0:
			lim->max_parts = (size_t)v;
			break;
		case 1:
			lim->max_headers = (size_t)v;
			break;
		case 2:
			lim->max_header_line_bytes = (size_t)v;
			break;
		case 3:
			lim->max_field_bytes = (size_t)v;
			break;
		case 4:
			lim->max_fields_bytes = (size_t)v;
			break;
		case 5:
			lim->max_file_bytes = v;
			break;
		case 6:
			lim->max_total_bytes = v;
			break;
		default:
			return -1;
		}
	}
	return 0;
}

/* Describes the parse of a description input; see multipart.h. */
int
mp_describe(const char *in, size_t len, const size_t *cuts, size_t cuts_count,
            struct buf *out)
{
	struct mp_callbacks cb = {describe_begin, describe_data, describe_end};
	struct mp_limits lim;
	struct describe d;
	struct mp_parser *p;
	struct arena a;
	const char *nl, *body;
	size_t body_len, k, off = 0;
	char *ct;
	enum mp_status rc;

	nl = memchr(in, '\n', len);
	if (nl == NULL)
		return -1;
	arena_init(&a);
	ct = arena_strndup(&a, in, (size_t)(nl - in));
	if (strlen(ct) != (size_t)(nl - in)) {
		arena_free(&a);
		return -1; /* a NUL in the Content-Type line */
	}
	body = nl + 1;
	body_len = len - (size_t)(body - in);
	mp_limits_default(&lim);
	if (body_len >= 7 && memcmp(body, "limits:", 7) == 0) {
		nl = memchr(body, '\n', body_len);
		if (nl == NULL ||
		    describe_limits(body, (size_t)(nl - body), &lim) != 0) {
			arena_free(&a);
			return -1;
		}
		body_len -= (size_t)(nl + 1 - body);
		body = nl + 1;
	}
	memset(&d, 0, sizeof(d));
	d.out = out;
	d.lim = &lim;
	d.hash = XXH3_createState();
	if (d.hash == NULL)
		abort();
	rc = mp_init(&p, &a, ct, &lim, &cb, &d);
	if (rc == MP_OK) {
		for (k = 0; k < cuts_count && rc == MP_OK; k++) {
			size_t n =
			    cuts[k] < body_len - off ? cuts[k] : body_len - off;

			rc = mp_feed(p, body + off, n);
			off += n;
		}
		if (rc == MP_OK)
			rc = mp_feed(p, body + off, body_len - off);
		rc = mp_finish(p);
		assert(rc != MP_OK || !d.open);
	}
	if (rc == MP_OK)
		buf_puts(out, "done\n");
	else
		buf_printf(out, "error: %s\n", mp_status_name(rc));
	XXH3_freeState(d.hash);
	arena_free(&a);
	return (int)rc;
}
