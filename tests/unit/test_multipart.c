/*
 * test_multipart.c: the multipart/form-data parser (http/multipart.c).
 * The golden corpus tests/unit/corpus/multipart/ holds raw bodies (NAME.in:
 * a Content-Type line, an optional "limits:" line, then the body byte for
 * byte) and the events expected (NAME.out, mp_describe's format); each is
 * parsed whole, one byte at a time and in random pieces (fixed seeds), and
 * every way must give the same text.  Then, by hand: the boundary parser,
 * each default limit at its value and one past it, the ceilings (and that
 * they are nginx's), callbacks that stop the parser, sticky errors, the
 * fields kept, file bytes passed on unchanged, and memory that does not
 * grow with a file's size.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "http/multipart.h"
#include "testhelp.h"
#include "util/alloc.h"
#include "util/arena.h"
#include "util/buf.h"

static struct arena arena;

/* splitmix64: a fixed-seed source of cut lengths. */
static uint64_t
next_random(uint64_t *state)
{
	uint64_t z = (*state += 0x9e3779b97f4a7c15ULL);

	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	return z ^ (z >> 31);
}

/* Returns mp_describe's text for in fed with the given cuts (malloc'd). */
static char *
describe(const char *in, size_t len, const size_t *cuts, size_t count)
{
	struct buf b;

	buf_init(&b);
	if (mp_describe(in, len, cuts, count, &b) == -1)
		buf_puts(&b, "(malformed input)\n");
	return buf_detach(&b);
}

/* Checks that in fed with cuts describes as want; names the way. */
static void
check_same(const char *in, size_t len, const size_t *cuts, size_t count,
           const char *want, const char *way)
{
	char *got = describe(in, len, cuts, count);

	test_checks++;
	if (strcmp(got, want) != 0) {
		test_failures++;
		fprintf(stderr,
		        "%s differs from whole:\n  got:  %s\n  whole: %s\n",
		        way, got, want);
	}
	free(got);
}

/*
 * Golden: describes the input whole, then checks that one byte at a time
 * and five random cuttings (pieces of 0 to 15 bytes, sometimes up to 4 KiB)
 * give the same text.  Returns the whole description.
 */
static char *
golden_multipart(const char *in, size_t len)
{
	size_t *cuts = xcalloc(len + 1, sizeof(*cuts));
	char *whole = describe(in, len, NULL, 0);
	uint64_t seed;
	size_t i;

	for (i = 0; i < len; i++)
		cuts[i] = 1;
	check_same(in, len, cuts, len, whole, "one byte at a time");
	for (seed = 1; seed <= 5; seed++) {
		uint64_t state = seed;
		size_t sum = 0, n = 0;

		while (sum < len) {
			uint64_t r = next_random(&state);

			cuts[n] = (r & 0xf0) == 0 ? (size_t)(r >> 20) % 4096
			                          : (size_t)(r % 16);
			sum += cuts[n++];
		}
		check_same(in, len, cuts, n, whole, "random pieces");
	}
	free(cuts);
	return whole;
}

/* Returns the description of a body parsed whole with the given
 * Content-Type and limits line ("" for none), in the arena. */
static const char *
parse_text(const char *ct, const char *limits, const char *body,
           size_t body_len)
{
	struct buf in;
	char *got;
	const char *out;

	buf_init(&in);
	buf_printf(&in, "%s\n", ct);
	if (limits[0] != '\0')
		buf_printf(&in, "limits: %s\n", limits);
	buf_append(&in, body, body_len);
	got = golden_multipart(in.data, in.len);
	out = arena_strdup(&arena, got);
	free(got);
	buf_free(&in);
	return out;
}

#define CT "multipart/form-data; boundary=XyZ"

/* Returns a string of n copies of c, in the arena. */
static char *
repeat(char c, size_t n)
{
	char *s = arena_alloc(&arena, n + 1);

	memset(s, c, n);
	s[n] = '\0';
	return s;
}

static const char *
boundary_of(const char *ct)
{
	char out[71];
	enum mp_status rc = mp_boundary(ct, out);

	if (rc != MP_OK)
		return mp_status_name(rc);
	return arena_strdup(&arena, out);
}

static void
test_boundary(void)
{
	char b[128], q[80];

	memset(q, 'q', sizeof(q) - 1);
	q[sizeof(q) - 1] = '\0';
	CHECK_STR(boundary_of(CT), "XyZ");
	CHECK_STR(boundary_of("multipart/form-data;boundary=a"), "a");
	CHECK_STR(boundary_of("  MULTIPART/FORM-DATA ; Boundary=a ; x=y "),
	          "a");
	CHECK_STR(boundary_of("multipart/form-data; boundary=\"a b\""), "a b");
	CHECK_STR(boundary_of("multipart/form-data; boundary=\"a\\\"b\""),
	          "bad-boundary"); /* '"' is not a bchar */
	CHECK_STR(boundary_of("multipart/form-data; boundary=\"'()+_,-./:=?\""),
	          "'()+_,-./:=?");
	CHECK_STR(boundary_of("multipart/form-data; charset=\"x;boundary=y\"; "
	                      "boundary=z"),
	          "z");
	CHECK_STR(boundary_of("multipart/form-data"), "bad-boundary");
	CHECK_STR(boundary_of("multipart/form-data; boundary="),
	          "bad-content-type");
	CHECK_STR(boundary_of("multipart/form-data; boundary=\"\""),
	          "bad-boundary");
	CHECK_STR(boundary_of("multipart/form-data; boundary=a!"),
	          "bad-boundary");
	CHECK_STR(boundary_of("multipart/form-data; boundary=\"a \""),
	          "bad-boundary");
	CHECK_STR(boundary_of("multipart/form-data; boundary=a; boundary=a"),
	          "bad-boundary");
	CHECK_STR(boundary_of("multipart/form-data; boundary = a"),
	          "bad-content-type");
	CHECK_STR(boundary_of("multipart/form-data boundary=a"),
	          "bad-content-type");
	CHECK_STR(boundary_of("multipart/form-data; boundary=\"a"),
	          "bad-content-type");
	CHECK_STR(boundary_of("multipart/form-data; boundary=\"a\x01\""),
	          "bad-content-type");
	CHECK_STR(boundary_of("multipart/form-dat; boundary=a"),
	          "bad-content-type");
	CHECK_STR(boundary_of("multipart/form-data-x; boundary=a"),
	          "bad-content-type");
	CHECK_STR(boundary_of("text/plain; boundary=a"), "bad-content-type");
	CHECK_STR(boundary_of(""), "bad-content-type");
	/* A header value over the request's header limit is not read. */
	CHECK_STR(boundary_of(arena_concat(
	              &arena, "multipart/form-data; boundary=a; x=",
	              repeat('x', HTTP_MAX_HEADER_BYTES), NULL)),
	          "bad-content-type");
	CHECK_STR(boundary_of(NULL), "bad-content-type");
	/* 70 characters is the most RFC 2046 allows. */
	snprintf(b, sizeof(b), "multipart/form-data; boundary=%.70s", q);
	CHECK(strlen(boundary_of(b)) == 70);
	snprintf(b, sizeof(b), "multipart/form-data; boundary=%.71s", q);
	CHECK_STR(boundary_of(b), "bad-boundary");
	snprintf(b, sizeof(b), "multipart/form-data; boundary=\"%.71s\"", q);
	CHECK_STR(boundary_of(b), "bad-boundary");
}

/* Appends a delimiter line for the boundary XyZ. */
static void
put_delimiter(struct buf *b)
{
	buf_puts(b, "--XyZ\r\n");
}

/* Appends a field part. */
static void
put_field(struct buf *b, const char *name, const char *value, size_t len)
{
	put_delimiter(b);
	buf_printf(b, "Content-Disposition: form-data; name=\"%s\"\r\n\r\n",
	           name);
	buf_append(b, value, len);
	buf_puts(b, "\r\n");
}

/* Appends a file part. */
static void
put_file(struct buf *b, const char *name, const char *filename,
         const char *data, size_t len)
{
	put_delimiter(b);
	buf_printf(b,
	           "Content-Disposition: form-data; name=\"%s\"; "
	           "filename=\"%s\"\r\nContent-Type: application/pdf\r\n\r\n",
	           name, filename);
	buf_append(b, data, len);
	buf_puts(b, "\r\n");
}

/* Appends the close delimiter line. */
static void
put_close(struct buf *b)
{
	buf_puts(b, "--XyZ--\r\n");
}

/* Returns the last line of a description ("done", "error: ..."). */
static const char *
outcome(const char *desc)
{
	size_t n = strlen(desc);
	const char *p;

	if (n == 0)
		return "";
	for (p = desc + n - 1; p > desc && p[-1] != '\n'; p--)
		;
	return arena_strndup(&arena, p, (size_t)(desc + n - 1 - p));
}

/* Parses b whole (and in pieces) with the default limits or lim. */
static const char *
outcome_of(const struct buf *b, const char *lim)
{
	return outcome(parse_text(CT, lim, b->data, b->len));
}

/* Each default limit at its value, then one past it. */
static void
test_default_limits(void)
{
	struct buf b;
	size_t i, n;
	char *big;

	buf_init(&b);
	for (i = 0; i < MP_DEFAULT_PARTS; i++)
		put_field(&b, "f", "v", 1);
	put_close(&b);
	CHECK_STR(outcome_of(&b, ""), "done");
	buf_reset(&b);
	for (i = 0; i <= MP_DEFAULT_PARTS; i++)
		put_field(&b, "f", "v", 1);
	put_close(&b);
	CHECK_STR(outcome_of(&b, ""), "error: too-many-parts");

	/* A header line of exactly the limit: the name fills it. */
	n = MP_DEFAULT_HEADER_LINE_BYTES -
	    strlen("Content-Disposition: form-data; name=\"\"");
	buf_reset(&b);
	put_field(&b, repeat('n', n), "v", 1);
	put_close(&b);
	CHECK_STR(outcome_of(&b, ""), "done");
	buf_reset(&b);
	put_field(&b, repeat('n', n + 1), "v", 1);
	put_close(&b);
	CHECK_STR(outcome_of(&b, ""), "error: header-too-long");

	buf_reset(&b);
	put_delimiter(&b);
	buf_puts(&b, "Content-Disposition: form-data; name=a\r\n");
	for (i = 1; i < MP_DEFAULT_HEADERS; i++)
		buf_printf(&b, "X-H%zu: x\r\n", i);
	buf_puts(&b, "\r\nv\r\n");
	put_close(&b);
	CHECK_STR(outcome_of(&b, ""), "done");
	buf_reset(&b);
	put_delimiter(&b);
	buf_puts(&b, "Content-Disposition: form-data; name=a\r\n");
	for (i = 1; i <= MP_DEFAULT_HEADERS; i++)
		buf_printf(&b, "X-H%zu: x\r\n", i);
	buf_puts(&b, "\r\nv\r\n");
	put_close(&b);
	CHECK_STR(outcome_of(&b, ""), "error: too-many-headers");

	big = repeat('v', MP_DEFAULT_FIELD_BYTES + 1);
	buf_reset(&b);
	put_field(&b, "f", big, MP_DEFAULT_FIELD_BYTES);
	put_close(&b);
	CHECK_STR(outcome_of(&b, ""), "done");
	buf_reset(&b);
	put_field(&b, "f", big, MP_DEFAULT_FIELD_BYTES + 1);
	put_close(&b);
	CHECK_STR(outcome_of(&b, ""), "error: field-too-large");

	/* All fields together: four full fields reach the total. */
	buf_reset(&b);
	for (i = 0; i < MP_DEFAULT_FIELDS_BYTES / MP_DEFAULT_FIELD_BYTES; i++)
		put_field(&b, "f", big, MP_DEFAULT_FIELD_BYTES);
	put_close(&b);
	CHECK_STR(outcome_of(&b, ""), "done");
	buf_reset(&b);
	for (i = 0; i < MP_DEFAULT_FIELDS_BYTES / MP_DEFAULT_FIELD_BYTES; i++)
		put_field(&b, "f", big, MP_DEFAULT_FIELD_BYTES);
	put_field(&b, "g", "v", 1);
	put_close(&b);
	CHECK_STR(outcome_of(&b, ""), "error: fields-too-large");
	buf_free(&b);
}

/* Parses b whole with lim and no callbacks; returns the result. */
static enum mp_status
parse_limited(const struct buf *b, const struct mp_limits *lim)
{
	struct mp_parser *p;

	arena_reset(&arena);
	if (mp_init(&p, &arena, CT, lim, NULL, NULL) != MP_OK)
		return MP_STATUS__MAX;
	mp_feed(p, b->data, b->len);
	return mp_finish(p);
}

/* Limits above the ceilings are lowered to them. */
static void
test_ceilings(void)
{
	struct mp_limits lim = {
	    .max_parts = SIZE_MAX,
	    .max_headers = SIZE_MAX,
	    .max_header_line_bytes = SIZE_MAX,
	    .max_field_bytes = SIZE_MAX,
	    .max_fields_bytes = SIZE_MAX,
	    .max_file_bytes = UINT64_MAX,
	    .max_total_bytes = UINT64_MAX,
	};
	static char chunk[64 * 1024];
	const char *head = "--XyZ\r\nContent-Disposition: form-data; name=f; "
	                   "filename=a\r\n\r\n";
	const char *tail = "\r\n--XyZ--";
	struct mp_parser *p;
	struct buf b;
	uint64_t data, sent;
	size_t i;
	int pass;

	memset(chunk, 'a', sizeof(chunk));
	/* The whole body at the ceiling passes; one byte more does not. */
	for (pass = 0; pass < 2; pass++) {
		arena_reset(&arena);
		CHECK(mp_init(&p, &arena, CT, &lim, NULL, NULL) == MP_OK);
		data = (uint64_t)MP_CEILING_BYTES - strlen(head) -
		       strlen(tail) + (uint64_t)pass;
		CHECK(mp_feed(p, head, strlen(head)) == MP_OK);
		for (sent = 0; sent < data; sent += sizeof(chunk)) {
			size_t n = data - sent < sizeof(chunk)
			               ? (size_t)(data - sent)
			               : sizeof(chunk);

			if (mp_feed(p, chunk, n) != MP_OK)
				break;
		}
		mp_feed(p, tail, strlen(tail));
		CHECK(mp_finish(p) == (pass == 0 ? MP_OK : MP_ERR_TOTAL_SIZE));
	}

	/* Header lines, header count, parts, fields: the ceiling, then one
	 * more. */
	buf_init(&b);
	for (pass = 0; pass < 2; pass++) {
		buf_reset(&b);
		put_delimiter(&b);
		buf_puts(&b, "Content-Disposition: form-data; name=a\r\nX: ");
		buf_puts(&b, repeat('x', MP_CEILING_HEADER_LINE_BYTES - 3 +
		                             (size_t)pass));
		buf_puts(&b, "\r\n\r\nv\r\n");
		put_close(&b);
		CHECK(parse_limited(&b, &lim) ==
		      (pass == 0 ? MP_OK : MP_ERR_HEADER_LINE));

		buf_reset(&b);
		put_delimiter(&b);
		buf_puts(&b, "Content-Disposition: form-data; name=a\r\n");
		for (i = 1; i < MP_CEILING_HEADERS + (size_t)pass; i++)
			buf_puts(&b, "Y: y\r\n");
		buf_puts(&b, "\r\nv\r\n");
		put_close(&b);
		CHECK(parse_limited(&b, &lim) ==
		      (pass == 0 ? MP_OK : MP_ERR_HEADER_COUNT));

		buf_reset(&b);
		for (i = 0; i < MP_CEILING_PARTS + (size_t)pass; i++)
			put_field(&b, "f", "", 0);
		put_close(&b);
		CHECK(parse_limited(&b, &lim) ==
		      (pass == 0 ? MP_OK : MP_ERR_PARTS));

		/* One field may fill all that fields may take. */
		buf_reset(&b);
		put_field(&b, "f",
		          repeat('v', HTTP_MAX_FORM_BYTES + (size_t)pass),
		          HTTP_MAX_FORM_BYTES + (size_t)pass);
		put_close(&b);
		CHECK(parse_limited(&b, &lim) ==
		      (pass == 0 ? MP_OK : MP_ERR_FIELD_SIZE));
	}
	buf_free(&b);
}

/*
 * Returns client_max_body_size in bytes inside the "location ^~
 * /admin/media/" block of an nginx configuration, or -1.
 */
static long long
nginx_media_ceiling(const char *path)
{
	char *conf = test_read_file(path, NULL), *loc, *end, *dir;
	long long v = -1;

	if (conf == NULL)
		return -1;
	loc = strstr(conf, "location ^~ /admin/media/ {");
	end = loc ? strchr(loc, '}') : NULL;
	dir = loc ? strstr(loc, "client_max_body_size ") : NULL;
	if (dir != NULL && dir < end) {
		char *unit;

		v = strtoll(dir + strlen("client_max_body_size "), &unit, 10);
		if (*unit == 'm' || *unit == 'M')
			v *= 1024 * 1024;
		else if (*unit == 'k' || *unit == 'K')
			v *= 1024;
		else if (*unit != ';')
			v = -1;
	}
	free(conf);
	return v;
}

/* MP_CEILING_BYTES is nginx's ceiling for uploads, in both configs. */
static void
test_nginx_ceiling(void)
{
	CHECK(nginx_media_ceiling("conf/nginx.conf.in") == MP_CEILING_BYTES);
	CHECK(nginx_media_ceiling("conf/deploy/nginx-site.conf") ==
	      MP_CEILING_BYTES);
}

/* What the callbacks of the hand-written tests saw. */
struct seen {
	int begins, ends, stop_at; /* stop_at: 1 begin, 2 data, 3 end */
	struct buf data;
	size_t pieces, empty_pieces;
	struct buf names;
};

static int
seen_begin(void *ctx, const struct mp_part *part)
{
	struct seen *s = ctx;

	s->begins++;
	buf_printf(&s->names, "%s%s;", part->name,
	           part->filename ? "(file)" : "");
	return s->stop_at == 1;
}

static int
seen_data(void *ctx, const struct mp_part *part, const char *data, size_t len)
{
	struct seen *s = ctx;

	(void)part;
	s->pieces++;
	if (len == 0)
		s->empty_pieces++;
	buf_append(&s->data, data, len);
	return s->stop_at == 2;
}

static int
seen_end(void *ctx, const struct mp_part *part)
{
	struct seen *s = ctx;

	(void)part;
	s->ends++;
	return s->stop_at == 3;
}

static const struct mp_callbacks seen_cb = {seen_begin, seen_data, seen_end};

/* Parses body in pieces of step bytes into s; returns the result. */
static enum mp_status
parse_seen(const struct buf *body, size_t step, struct seen *s,
           struct mp_parser **out)
{
	struct mp_parser *p;
	enum mp_status rc;
	size_t off;

	memset(s, 0, sizeof(*s));
	buf_init(&s->data);
	buf_init(&s->names);
	rc = mp_init(&p, &arena, CT, NULL, &seen_cb, s);
	if (rc != MP_OK)
		return rc;
	for (off = 0; off < body->len; off += step) {
		size_t n = body->len - off < step ? body->len - off : step;

		rc = mp_feed(p, body->data + off, n);
	}
	if (out != NULL)
		*out = p;
	return mp_finish(p);
}

/* A file's bytes reach the callback unchanged, in non-empty pieces,
 * whatever the cut; fields are kept in order and files are not. */
static void
test_file_bytes_and_fields(void)
{
	static const size_t steps[] = {1, 2, 3, 7, 64, 4096, 1 << 20};
	struct buf body, file;
	struct mp_parser *p;
	const struct kv *kv;
	struct seen s;
	size_t i, count;

	buf_init(&file);
	for (i = 0; i < 5000; i++) {
		buf_putc(&file, (char)(i * 7));
		if (i % 97 == 0)
			buf_puts(&file, "\r\n--XyQ");
		if (i % 89 == 0)
			buf_puts(&file, "\r\n--Xy\r");
	}
	buf_init(&body);
	put_field(&body, "title", "First", 5);
	put_file(&body, "upload", "report.pdf", file.data, file.len);
	put_field(&body, "alt", "", 0);
	put_field(&body, "title", "Second", 6);
	put_close(&body);
	for (i = 0; i < sizeof(steps) / sizeof(steps[0]); i++) {
		arena_reset(&arena);
		CHECK(parse_seen(&body, steps[i], &s, &p) == MP_OK);
		CHECK(s.begins == 4 && s.ends == 4);
		CHECK(s.data.len == file.len &&
		      memcmp(s.data.data, file.data, file.len) == 0);
		CHECK(s.empty_pieces == 0);
		CHECK_STR(s.names.data, "title;upload(file);alt;title;");
		kv = mp_fields(p, &count);
		CHECK(count == 3);
		if (count == 3) {
			CHECK_STR(kv[0].key, "title");
			CHECK_STR(kv[0].val, "First");
			CHECK(kv[0].val_len == 5);
			CHECK_STR(kv[1].key, "alt");
			CHECK_STR(kv[1].val, "");
			CHECK(kv[1].val_len == 0);
			CHECK_STR(kv[2].key, "title");
			CHECK_STR(kv[2].val, "Second");
		}
		buf_free(&s.data);
		buf_free(&s.names);
	}
	/* No fields at all. */
	arena_reset(&arena);
	CHECK(mp_init(&p, &arena, CT, NULL, NULL, NULL) == MP_OK);
	CHECK(mp_fields(p, &count) == NULL && count == 0);
	buf_free(&body);
	buf_free(&file);
}

/* A callback's non-zero return stops the parser; errors stick. */
static void
test_abort_and_sticky(void)
{
	struct buf body;
	struct mp_parser *p;
	struct seen s;
	int stop;

	buf_init(&body);
	put_file(&body, "upload", "a.pdf", "%PDF", 4);
	put_close(&body);
	for (stop = 1; stop <= 3; stop++) {
		arena_reset(&arena);
		memset(&s, 0, sizeof(s));
		buf_init(&s.data);
		buf_init(&s.names);
		s.stop_at = stop;
		CHECK(mp_init(&p, &arena, CT, NULL, &seen_cb, &s) == MP_OK);
		CHECK(mp_feed(p, body.data, body.len) == MP_ERR_ABORTED);
		CHECK(mp_feed(p, "", 0) == MP_ERR_ABORTED);
		CHECK(mp_finish(p) == MP_ERR_ABORTED);
		CHECK(s.begins == 1 && s.ends == (stop == 3));
		buf_free(&s.data);
		buf_free(&s.names);
	}

	/* Once failed, more bytes change nothing. */
	arena_reset(&arena);
	CHECK(mp_init(&p, &arena, CT, NULL, NULL, NULL) == MP_OK);
	CHECK(mp_feed(p, "--XyZ\n", 6) == MP_ERR_LINE_ENDING);
	CHECK(mp_feed(p, body.data, body.len) == MP_ERR_LINE_ENDING);
	CHECK(mp_finish(p) == MP_ERR_LINE_ENDING);

	/* Empty feeds are no-ops; the epilogue may come in any piece. */
	arena_reset(&arena);
	CHECK(mp_init(&p, &arena, CT, NULL, NULL, NULL) == MP_OK);
	CHECK(mp_feed(p, NULL, 0) == MP_OK);
	CHECK(mp_feed(p, body.data, body.len) == MP_OK);
	CHECK(mp_feed(p, NULL, 0) == MP_OK);
	CHECK(mp_feed(p, "\r\n--XyZ\r\n", 9) == MP_OK);
	CHECK(mp_finish(p) == MP_OK);
	CHECK(mp_init(&p, &arena, "text/plain", NULL, NULL, NULL) ==
	      MP_ERR_CONTENT_TYPE);
	CHECK(p == NULL);
	buf_free(&body);
}

/* Streaming a file costs no memory in proportion to its size. */
static void
test_memory_bounded(void)
{
	static char chunk[64 * 1024];
	const char *head = "--XyZ\r\nContent-Disposition: form-data; name=f; "
	                   "filename=big.bin\r\n\r\n";
	struct mp_parser *p;
	size_t before, i;
	struct seen s;

	for (i = 0; i < sizeof(chunk); i++)
		chunk[i] = (char)(i % 13 == 0 ? '\r' : i);
	arena_reset(&arena);
	memset(&s, 0, sizeof(s));
	CHECK(mp_init(&p, &arena, CT, NULL, NULL, NULL) == MP_OK);
	CHECK(mp_feed(p, head, strlen(head)) == MP_OK);
	before = arena.total;
	for (i = 0; i < 128; i++) /* 8 MiB */
		CHECK(mp_feed(p, chunk, sizeof(chunk)) == MP_OK);
	CHECK(mp_feed(p, "\r\n--XyZ--\r\n", 11) == MP_OK);
	CHECK(mp_finish(p) == MP_OK);
	CHECK(arena.total == before);
}

/* Every status has a distinct name; sizes answer 413, the rest 400. */
static void
test_status(void)
{
	int i, j;

	for (i = 0; i < MP_STATUS__MAX; i++) {
		const char *name = mp_status_name((enum mp_status)i);

		CHECK(name != NULL && strcmp(name, "unknown") != 0);
		for (j = 0; j < i; j++)
			CHECK(strcmp(name, mp_status_name((enum mp_status)j)) !=
			      0);
	}
	CHECK_STR(mp_status_name(MP_STATUS__MAX), "unknown");
	CHECK(mp_status_http(MP_OK) == 200);
	CHECK(mp_status_http(MP_ERR_FILE_SIZE) == 413);
	CHECK(mp_status_http(MP_ERR_TOTAL_SIZE) == 413);
	CHECK(mp_status_http(MP_ERR_FIELD_SIZE) == 413);
	CHECK(mp_status_http(MP_ERR_FIELDS_SIZE) == 413);
	CHECK(mp_status_http(MP_ERR_PARTS) == 400);
	CHECK(mp_status_http(MP_ERR_TRUNCATED) == 400);
	CHECK(mp_status_http(MP_ERR_BOUNDARY) == 400);
}

/* mp_describe's own input format. */
static void
test_describe_input(void)
{
	struct buf b;
	static const char ok[] = CT "\nlimits: parts=1 file=3\n--XyZ--";
	static const char bad_key[] = CT "\nlimits: size=3\n--XyZ--";
	static const char bad_num[] = CT "\nlimits: parts=x\n--XyZ--";
	static const char no_body[] = CT "\nlimits: parts=3";
	static const char no_eq[] = CT "\nlimits: parts\n--XyZ--";
	static const char bad_end[] = CT "\nlimits: parts=3x\n--XyZ--";
	static const char nul_ct[] = CT "\0\n--XyZ--";
	char *long_line;

	buf_init(&b);
	CHECK(mp_describe("no newline", 10, NULL, 0, &b) == -1);
	CHECK(mp_describe(bad_key, sizeof(bad_key) - 1, NULL, 0, &b) == -1);
	CHECK(mp_describe(bad_num, sizeof(bad_num) - 1, NULL, 0, &b) == -1);
	CHECK(mp_describe(no_body, sizeof(no_body) - 1, NULL, 0, &b) == -1);
	CHECK(mp_describe(no_eq, sizeof(no_eq) - 1, NULL, 0, &b) == -1);
	CHECK(mp_describe(bad_end, sizeof(bad_end) - 1, NULL, 0, &b) == -1);
	CHECK(mp_describe(nul_ct, sizeof(nul_ct) - 1, NULL, 0, &b) == -1);
	long_line = arena_concat(&arena, CT "\nlimits: ", repeat(' ', 300),
	                         "\n--XyZ--", NULL);
	CHECK(mp_describe(long_line, strlen(long_line), NULL, 0, &b) == -1);
	CHECK(b.len == 0);
	CHECK(mp_describe(ok, sizeof(ok) - 1, NULL, 0, &b) == MP_OK);
	CHECK_STR(b.data, "done\n");
	buf_free(&b);
}

int
main(void)
{
	arena_init(&arena);
	CHECK(test_golden("multipart", golden_multipart) >= 60);
	test_boundary();
	test_default_limits();
	test_ceilings();
	test_nginx_ceiling();
	test_file_bytes_and_fields();
	test_abort_and_sticky();
	test_memory_bounded();
	test_status();
	test_describe_input();
	arena_free(&arena);
	TEST_DONE();
}
