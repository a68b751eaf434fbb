/*
 * test_router.c: the route table and the pattern matcher.  The table is
 * walked for duplicates and malformed patterns; the matcher runs over the
 * golden corpus in tests/unit/corpus/route/ (pattern, newline, path).
 */
#include <string.h>

#include "handlers/handlers.h"
#include "router.h"
#include "testhelp.h"

static struct arena arena;

/* Renders one match result as the corpus writes it. */
static char *
golden_route(const char *in, size_t len)
{
	const char *nl = memchr(in, '\n', len);
	char pattern[256], out[512];
	struct req req;
	int rc;

	if (nl == NULL || (size_t)(nl - in) >= sizeof(pattern))
		return strdup("bad corpus file\n");
	memcpy(pattern, in, (size_t)(nl - in));
	pattern[nl - in] = '\0';
	memset(&req, 0, sizeof(req));
	req.arena = &arena;
	rc = router_match(pattern, nl + 1, &req);
	if (rc < 0)
		return strdup("error\n");
	if (rc == 0)
		return strdup("no\n");
	snprintf(out, sizeof(out), "match");
	if (req.param_int_set)
		snprintf(out + strlen(out), sizeof(out) - strlen(out),
		         " n=%lld", req.param_int);
	if (req.param_rev)
		snprintf(out + strlen(out), sizeof(out) - strlen(out),
		         " rev=%lld", req.param_rev);
	if (req.param_slug)
		snprintf(out + strlen(out), sizeof(out) - strlen(out),
		         " slug=%s", req.param_slug);
	strncat(out, "\n", sizeof(out) - strlen(out) - 1);
	arena_reset(&arena);
	return strdup(out);
}

/* Every pattern is well-formed, no two routes share method and pattern,
 * every route has a handler and known flags. */
static void
test_table(void)
{
	const unsigned known = R_PUBLIC | R_EDITION | R_STAFF | R_CSRF |
	                       R_FORM_TOKEN | R_TWO_FACTOR_SETUP | R_UPLOAD |
	                       R_FORM_LATE;

	CHECK(router_table_count > 0);
	for (size_t i = 0; i < router_table_count; i++) {
		const struct route *r = &router_table[i];

		CHECK(r->handler != NULL);
		CHECK(r->pattern[0] == '/');
		CHECK((r->flags & ~known) == 0);
		CHECK(r->method == HTTP_GET || r->method == HTTP_POST);
		/* Every change needs a token: the session's or a signed one. */
		if (r->method != HTTP_GET)
			CHECK((r->flags & (R_CSRF | R_FORM_TOKEN)) != 0);
		/* Every admin route needs a role, but for logging in and
		 * resetting a lost password; none is public, cached or
		 * under an edition. */
		if (strncmp(r->pattern, "/admin", 6) == 0) {
			CHECK((r->flags & R_STAFF) != 0 ||
			      strcmp(r->pattern, "/admin/login") == 0 ||
			      strcmp(r->pattern, "/admin/lost-password") == 0 ||
			      strcmp(r->pattern, "/admin/reset") == 0);
			CHECK((r->flags & (R_PUBLIC | R_EDITION)) == 0);
		}
		/* A token the handler checks is a signed form token. */
		if (r->flags & R_FORM_LATE)
			CHECK((r->flags & R_FORM_TOKEN) != 0);
		/* A session token needs a session. */
		if (r->flags & R_CSRF)
			CHECK((r->flags & R_STAFF) != 0);
		/* An upload is a staff form with its token, and only under
		 * /admin/media/, where nginx allows a larger body. */
		if (r->flags & R_UPLOAD) {
			CHECK(r->method == HTTP_POST);
			CHECK((r->flags & R_CSRF) != 0);
			CHECK(strncmp(r->pattern, "/admin/media/", 13) == 0);
		}
		/* A malformed pattern answers -1 for any path. */
		CHECK(router_match(r->pattern, "/", NULL) >= 0);
		CHECK(router_match(r->pattern, "/x/y/z", NULL) >= 0);
		for (size_t j = i + 1; j < router_table_count; j++)
			CHECK(!(router_table[j].method == r->method &&
			        strcmp(router_table[j].pattern, r->pattern) ==
			            0));
	}
}

int
main(void)
{
	arena_init(&arena);
	test_table();
	CHECK(test_golden("route", golden_route) >= 20);
	arena_free(&arena);
	TEST_DONE();
}
