/*
 * fuzz_multipart.c: libFuzzer entry for the multipart/form-data parser
 * (http/multipart.c).  The input has the golden corpus's format, so the
 * seeds in tests/unit/corpus/multipart/ are used as they are: a first line
 * with the Content-Type (which carries the boundary), an optional
 * "limits:" line (small limits reach the limit checks), then the body.
 * The body is parsed whole, one byte at a time, and in pieces of 0 to 31
 * bytes whose lengths come from a hash of the input (so each mutation cuts
 * differently); the three descriptions must be the same.  mp_describe's
 * callbacks assert the promises of multipart.h (pieces never empty, data
 * only for files, limits kept, filenames without a path).
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <xxhash.h>

#include "http/multipart.h"
#include "util/buf.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Cut lengths; libFuzzer inputs are far smaller than this. */
#define FUZZ_MAX_CUTS (1 << 20)

static size_t cuts[FUZZ_MAX_CUTS];

/* Describes in fed with count cuts into b (emptied first). */
static int
describe(const char *in, size_t size, size_t count, struct buf *b)
{
	buf_reset(b);
	return mp_describe(in, size, cuts, count, b);
}

/* Aborts, showing both descriptions, when a and b differ. */
static void
same_or_abort(const struct buf *a, int rc_a, const struct buf *b, int rc_b,
              const char *way)
{
	if (rc_a == rc_b && a->len == b->len &&
	    memcmp(a->data, b->data, a->len) == 0)
		return;
	fprintf(stderr, "whole:\n%s\n%s:\n%s\n", a->data, way, b->data);
	abort();
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct buf whole, other;
	const char *in = (const char *)data;
	uint64_t h;
	size_t i, n;
	int rc, rc_other;

	if (size > FUZZ_MAX_CUTS / 2)
		return 0;
	rc = describe(in, size, 0, &whole);
	if (rc == -1)
		return 0;
	/* A successful parse says so last. */
	if (rc == MP_OK &&
	    (whole.len < 5 || memcmp(whole.data + whole.len - 5, "done\n", 5)))
		abort();

	for (i = 0; i < size; i++)
		cuts[i] = 1;
	rc_other = describe(in, size, size, &other);
	same_or_abort(&whole, rc, &other, rc_other, "one byte at a time");

	h = XXH3_64bits(data, size);
	for (i = 0, n = 0; n < size && i < FUZZ_MAX_CUTS; i++) {
		cuts[i] = (size_t)((h >> (5 * (i % 12))) & 31);
		n += cuts[i];
		if (i % 12 == 11)
			h = XXH3_64bits(&h, sizeof(h));
	}
	rc_other = describe(in, size, i, &other);
	same_or_abort(&whole, rc, &other, rc_other, "in pieces");
	return 0;
}
