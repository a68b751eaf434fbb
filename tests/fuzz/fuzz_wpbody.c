/*
 * fuzz_wpbody.c: libFuzzer entry for render/wpbody.c.  Each input is a
 * post body rendered with an attachment callback (so [gallery] is
 * followed too); the body and, after a <!--more-->, the excerpt must pass
 * the structural check of tests/unit/sanitize_check.h and be fixed points
 * of the sanitiser.
 */
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "render/sanitize.h"
#include "render/wpbody.h"
#include "../unit/sanitize_check.h"
#include "fuzz.h"

#define FUZZ_MAX_BYTES (64 * 1024)

/* Like assert, but kept when NDEBUG is defined (CMake's Release). */
/* Odd ids are known, with values that need escaping. */
static int
attachment(void *ctx, long long id, struct wpbody_attachment *out)
{
	(void)ctx;
	if (id % 2 == 0)
		return -1;
	out->src = id % 3 == 0 ? "javascript:alert(1)" : "/uploads/a\"b.jpg";
	out->alt = "<script>alert(1)</script>";
	out->caption = "\"><img src=x onerror=alert(1)>";
	return 0;
}

/* Checks one rendered part. */
static void
check_part(const struct trusted_html *h)
{
	struct trusted_html again;

	FUZZ_CHECK(h->html != NULL && strlen(h->html) == h->len);
	FUZZ_CHECK(sanitize_check(h->html) == NULL);
	FUZZ_CHECK(sanitize_html(h->html, h->len, NULL, &again) == 0);
	FUZZ_CHECK(strcmp(again.html, h->html) == 0);
	free((char *)again.html);
}

/* Renders one body and checks it; returns 0 always. */
int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const long long children[] = {1, 2, 3, 5};
	struct wpbody_options opts = {.attachment = attachment,
	                              .children = children,
	                              .children_count = 4};
	struct wpbody_result r;

	if (size > FUZZ_MAX_BYTES)
		size = FUZZ_MAX_BYTES;
	FUZZ_CHECK(wpbody_render((const char *)data, size, &opts, &r) == 0);
	check_part(&r.html);
	FUZZ_CHECK(r.has_more == (r.excerpt.html != NULL));
	if (r.has_more)
		check_part(&r.excerpt);
	FUZZ_CHECK(r.pages >= 1);
	wpbody_result_free(&r);
	return 0;
}
