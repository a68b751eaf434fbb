/*
 * test_password.c: unit tests for auth/password.c: the policy (characters,
 * not bytes), hashing and verifying with argon2id, refusal of stored hashes
 * whose parameters are out of bounds, needs-rehash, and the golden corpus
 * tests/unit/corpus/password/ for the bounds parser alone.
 */
#include <stdlib.h>
#include <string.h>

#include "auth/password.h"
#include "util/alloc.h"
#include "testhelp.h"

#define SALT "7/zHUsE/JUXpfUnjrPKoPg"
#define HASH "bSFMSS2NI7ihsqmhawrejtrGFj2l0E5FWwvgJmBp2GU"

/* A hash of "correct horse battery" with m=65536: in bounds, not current. */
#define LEGACY_HASH                                                            \
	"$argon2id$v=19$m=65536,t=2,p=1$" SALT                                 \
	"$enYPBAyCSZAbTMjIvnkPC3M9dQvZzExHSQK3i14lzUo"

/* Returns n copies of the UTF-8 string unit, malloc'd. */
static char *
repeat(const char *unit, size_t n, size_t *len)
{
	size_t u = strlen(unit), i;
	char *s = xmalloc(u * n + 1);

	for (i = 0; i < n; i++)
		memcpy(s + i * u, unit, u);
	s[u * n] = '\0';
	*len = u * n;
	return s;
}

/* Checks that n copies of unit give the policy result want. */
static void
check_policy(const char *unit, size_t n, int want)
{
	size_t len;
	char *s = repeat(unit, n, &len);

	CHECK(password_policy_check(s, len) == want);
	free(s);
}

static void
test_policy(void)
{
	size_t big = 1024 * 1024;
	char *mb = xmalloc(big);

	check_policy("a", 11, -1);
	check_policy("a", 12, 0);
	check_policy("a", 128, 0);
	check_policy("a", 129, -1);
	/* Multibyte characters count once: Albanian, Arabic, an emoji. */
	check_policy("\xc3\xab", 11, -1);
	check_policy("\xc3\xab", 12, 0);
	check_policy("\xd8\xb3", 12, 0);
	check_policy("\xf0\x9f\x94\x91", 12, 0);
	/* 128 four-byte characters are exactly the byte bound. */
	check_policy("\xf0\x9f\x94\x91", 128, 0);
	check_policy("\xf0\x9f\x94\x91", 129, -1);
	check_policy("\xd8\xb3", 128, 0);
	check_policy("\xd8\xb3", 129, -1);
	/* A megabyte is refused on its length alone. */
	memset(mb, 'a', big);
	CHECK(password_policy_check(mb, big) == -1);
	free(mb);
	/* Invalid UTF-8: stray continuation, overlong, surrogate, truncated,
	 * beyond U+10FFFF. */
	CHECK(password_policy_check("abcdefghijk\x80", 12) == -1);
	CHECK(password_policy_check("abcdefghijk\xc0\xaf", 13) == -1);
	CHECK(password_policy_check("abcdefghijk\xed\xa0\x80", 14) == -1);
	CHECK(password_policy_check("abcdefghijkl\xe2\x82", 14) == -1);
	CHECK(password_policy_check("abcdefghijk\xf4\x90\x80\x80", 15) == -1);
	CHECK(password_policy_check(NULL, 0) == -1);
}

static void
test_hash_verify(void)
{
	const char *pw = "correct horse battery staple";
	char h1[PASSWORD_HASH_MAX], h2[PASSWORD_HASH_MAX];
	size_t big = 1024 * 1024;
	char *mb;

	CHECK(password_hash(pw, strlen(pw), h1) == 0);
	CHECK(strncmp(h1, "$argon2id$v=19$m=19456,t=2,p=1$", 31) == 0);
	CHECK(strlen(h1) < PASSWORD_HASH_MAX);
	CHECK(password_hash(pw, strlen(pw), h2) == 0);
	CHECK(strcmp(h1, h2) != 0); /* fresh salt each time */
	CHECK(password_verify(h1, pw, strlen(pw)) == 1);
	CHECK(password_verify(h2, pw, strlen(pw)) == 1);
	CHECK(password_verify(h1, "correct horse battery stapl", 27) == 0);
	CHECK(password_verify(h1, "", 0) == 0);
	CHECK(password_needs_rehash(h1) == false);

	/* The length passed counts, not the NUL. */
	CHECK(password_verify(h1, "correct horse battery staple!", 28) == 1);

	/* The policy guards hashing. */
	CHECK(password_hash("short", 5, h2) == -1);
	CHECK(h2[0] == '\0');

	/* A megabyte password is refused before argon2 runs. */
	mb = xmalloc(big);
	memset(mb, 'a', big);
	CHECK(password_verify(h1, mb, big) == -1);
	CHECK(password_verify(h1, mb, PASSWORD_MAX_BYTES + 1) == -1);
	free(mb);

	/* A hash with other parameters still in bounds verifies, and asks
	 * for a rehash. */
	CHECK(password_verify(LEGACY_HASH, "correct horse battery", 21) == 1);
	CHECK(password_verify(LEGACY_HASH, "correct horse batter", 20) == 0);
	CHECK(password_needs_rehash(LEGACY_HASH) == true);

	/* Costs nothing observable; must not crash on any input. */
	password_verify_dummy(pw, strlen(pw));
	password_verify_dummy("", 0);
}

static void
test_refused(void)
{
	const char *pw = "correct horse battery staple";
	size_t n = strlen(pw);

	/* Hostile parameters: refused by our parser, argon2 never runs (a
	 * 4 GiB allocation would fail or take minutes otherwise). */
	CHECK(password_verify("$argon2id$v=19$m=4194304,t=2,p=1$" SALT "$" HASH,
	                      pw, n) == -1);
	CHECK(password_verify("$argon2id$v=19$m=19456,t=4294967295,p=1$" SALT
	                      "$" HASH,
	                      pw, n) == -1);
	CHECK(password_verify("$argon2id$v=19$m=19456,t=2,p=16$" SALT "$" HASH,
	                      pw, n) == -1);
	CHECK(password_verify("$argon2i$v=19$m=19456,t=2,p=1$" SALT "$" HASH,
	                      pw, n) == -1);
	CHECK(password_verify("$argon2id$v=19$m=4096,t=2,p=1$" SALT "$" HASH,
	                      pw, n) == -1);
	/* Malformed. */
	CHECK(password_verify("", pw, n) == -1);
	CHECK(password_verify(NULL, pw, n) == -1);
	CHECK(password_verify("$argon2id$v=19$m=19456,t=2,p=1$" SALT, pw, n) ==
	      -1);
	CHECK(password_verify("$argon2id$v=19$m=19456,t=2,p=1$" SALT "$" HASH
	                      "$",
	                      pw, n) == -1);
	CHECK(password_verify("$2y$10$N9qo8uLOickgx2ZMRZoMyeIjZAgcfl7p92ldGxad"
	                      "68LJZdL17lhWy",
	                      pw, n) == -1);
}

static void
test_rehash(void)
{
	struct password_params pp;

	CHECK(password_needs_rehash("$argon2id$v=19$m=19456,t=2,p=1$" SALT
	                            "$" HASH) == false);
	CHECK(password_needs_rehash("$argon2id$v=19$m=4096,t=2,p=1$" SALT
	                            "$" HASH) == true);
	CHECK(password_needs_rehash("$argon2id$v=19$m=19456,t=3,p=1$" SALT
	                            "$" HASH) == true);
	/* Same costs, shorter salt (8 bytes) or longer hash (48 bytes). */
	CHECK(password_needs_rehash("$argon2id$v=19$m=19456,t=2,p=1$"
	                            "c2FsdHNhbHQ$" HASH) == true);
	CHECK(password_needs_rehash("$argon2id$v=19$m=19456,t=2,p=1$" SALT
	                            "$" HASH "AAAAAAAAAAAAAAAAAAAAA") == true);
	CHECK(password_needs_rehash("garbage") == true);
	CHECK(password_needs_rehash(NULL) == true);

	memset(&pp, 0, sizeof(pp));
	CHECK(password_params_parse(
	          "$argon2id$v=19$m=8192,t=4,p=1$" SALT "$" HASH, &pp) == 0);
	CHECK(pp.m_kib == 8192 && pp.t_cost == 4 && pp.lanes == 1);
	CHECK(pp.salt_len == 16 && pp.hash_len == 32);
	CHECK(password_params_parse(
	          "$argon2id$v=19$m=8191,t=4,p=1$" SALT "$" HASH, &pp) == -1);
	CHECK(pp.m_kib == 8192); /* left alone on failure */
}

/* Golden: the .in is one encoded hash (one trailing newline stripped); the
 * .out says whether the bounds parser accepts it. */
static char *
golden_params(const char *in, size_t len)
{
	struct password_params pp;
	char *s = xstrndup(in, len);
	int rc;

	if (len > 0 && s[len - 1] == '\n')
		s[len - 1] = '\0';
	rc = password_params_parse(s, &pp);
	free(s);
	return xstrdup(rc == 0 ? "ok\n" : "refused\n");
}

int
main(void)
{
	test_policy();
	test_hash_verify();
	test_refused();
	test_rehash();
	CHECK(test_golden("password", golden_params) >= 30);
	TEST_DONE();
}
