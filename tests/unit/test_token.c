/*
 * test_token.c: unit tests for auth/token.c: uniqueness and shape of new
 * tokens, the strict token_hash parser, session-bound CSRF tokens, signed
 * form tokens (ages, forgeries, malformed text), and the address key, with
 * its golden corpus tests/unit/corpus/address/ (NAME.in one address, one
 * trailing newline stripped; NAME.out the key or "invalid").
 */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sodium.h>

#include "auth/token.h"
#include "util/alloc.h"
#include "testhelp.h"

#define NEW_COUNT 10000

static const unsigned char key_a[TOKEN_KEY_BYTES] =
    "0123456789abcdef0123456789abcde";
static const unsigned char key_b[TOKEN_KEY_BYTES] =
    "0123456789abcdef0123456789abcdX";

static int
cmp_token(const void *a, const void *b)
{
	return strcmp(a, b);
}

/* Returns whether every character of s is in the base64url alphabet. */
static bool
all_b64url(const char *s)
{
	return strspn(s, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
	                 "0123456789-_") == strlen(s);
}

static void
test_new(void)
{
	char(*tokens)[TOKEN_TEXT_MAX];
	unsigned char h[TOKEN_HASH_BYTES];
	int i, bad_shape = 0, bad_hash = 0, dups = 0;

	tokens = xcalloc(NEW_COUNT, sizeof(*tokens));
	for (i = 0; i < NEW_COUNT; i++) {
		token_new(tokens[i]);
		if (strlen(tokens[i]) != 43 || !all_b64url(tokens[i]))
			bad_shape++;
		if (token_hash(tokens[i], h) != 0)
			bad_hash++;
	}
	qsort(tokens, NEW_COUNT, sizeof(*tokens), cmp_token);
	for (i = 1; i < NEW_COUNT; i++)
		if (strcmp(tokens[i - 1], tokens[i]) == 0)
			dups++;
	CHECK(bad_shape == 0);
	CHECK(bad_hash == 0);
	CHECK(dups == 0);
	free(tokens);
}

static void
test_hash(void)
{
	unsigned char zero[32] = {0}, want[TOKEN_HASH_BYTES];
	unsigned char h1[TOKEN_HASH_BYTES], h2[TOKEN_HASH_BYTES];
	char t[TOKEN_TEXT_MAX], u[TOKEN_TEXT_MAX], s[80];

	/* 43 'A's are 32 zero bytes: the hash is of the bytes, not text. */
	memset(s, 'A', 43);
	s[43] = '\0';
	CHECK(token_hash(s, h1) == 0);
	crypto_generichash(want, sizeof(want), zero, sizeof(zero), NULL, 0);
	CHECK(memcmp(h1, want, sizeof(want)) == 0);

	/* Deterministic, and different tokens hash differently. */
	token_new(t);
	token_new(u);
	CHECK(token_hash(t, h1) == 0);
	CHECK(token_hash(t, h2) == 0);
	CHECK(memcmp(h1, h2, sizeof(h1)) == 0);
	CHECK(token_hash(u, h2) == 0);
	CHECK(memcmp(h1, h2, sizeof(h1)) != 0);

	/* Length. */
	CHECK(token_hash(NULL, h1) == -1);
	CHECK(token_hash("", h1) == -1);
	memcpy(s, t, 43);
	s[42] = '\0';
	CHECK(token_hash(s, h1) == -1);
	s[42] = t[42];
	s[43] = 'A';
	s[44] = '\0';
	CHECK(token_hash(s, h1) == -1);
	memset(s, 'A', 79);
	s[79] = '\0';
	CHECK(token_hash(s, h1) == -1);

	/* Alphabet: standard base64, padding, spaces, non-ASCII. */
	memcpy(s, t, 44);
	s[10] = '+';
	CHECK(token_hash(s, h1) == -1);
	s[10] = '/';
	CHECK(token_hash(s, h1) == -1);
	s[10] = ' ';
	CHECK(token_hash(s, h1) == -1);
	memcpy(s, t, 44);
	s[42] = '=';
	CHECK(token_hash(s, h1) == -1);
	memcpy(s, t, 42);
	memcpy(s + 42, "=", 2);
	CHECK(token_hash(s, h1) == -1);
	memcpy(s, t, 41);
	memcpy(s + 41, "\xc3\xa9", 3);
	CHECK(strlen(s) == 43);
	CHECK(token_hash(s, h1) == -1);
	memcpy(s, t, 44);
	s[5] = '\x80';
	CHECK(token_hash(s, h1) == -1);

	/* Only the canonical spelling: the last character carries two
	 * unused bits, which must be zero ('B' sets one). */
	memset(s, 'A', 43);
	s[42] = 'B';
	s[43] = '\0';
	CHECK(token_hash(s, h1) == -1);
	s[42] = 'E';
	CHECK(token_hash(s, h1) == 0);
}

static void
test_equal(void)
{
	CHECK(token_equal("abcdef", "abcdef", 6));
	CHECK(!token_equal("abcdef", "abcdeg", 6));
	CHECK(token_equal("abcdef", "abcdeg", 5));
	CHECK(token_equal("", "", 0));
}

static void
test_csrf(void)
{
	unsigned char s1[TOKEN_HASH_BYTES], s2[TOKEN_HASH_BYTES];
	char t[TOKEN_TEXT_MAX], c1[TOKEN_TEXT_MAX], c2[TOKEN_TEXT_MAX];
	char c3[TOKEN_TEXT_MAX], again[TOKEN_TEXT_MAX], s[80];

	token_new(t);
	CHECK(token_hash(t, s1) == 0);
	token_new(t);
	CHECK(token_hash(t, s2) == 0);

	token_csrf(key_a, s1, c1);
	token_csrf(key_a, s2, c2);
	token_csrf(key_b, s1, c3);
	token_csrf(key_a, s1, again);
	CHECK(strlen(c1) == 43 && all_b64url(c1));
	CHECK_STR(again, c1);
	CHECK(strcmp(c1, c2) != 0);
	CHECK(strcmp(c1, c3) != 0);

	CHECK(token_csrf_check(key_a, s1, c1));
	CHECK(token_csrf_check(key_a, s2, c2));
	CHECK(token_csrf_check(key_b, s1, c3));
	CHECK(!token_csrf_check(key_a, s2, c1));
	CHECK(!token_csrf_check(key_b, s1, c1));
	CHECK(!token_csrf_check(key_a, s1, c3));

	/* One character flipped, wherever it is. */
	memcpy(s, c1, 44);
	s[0] = s[0] == 'A' ? 'B' : 'A';
	CHECK(!token_csrf_check(key_a, s1, s));
	memcpy(s, c1, 44);
	s[20] = s[20] == 'x' ? 'y' : 'x';
	CHECK(!token_csrf_check(key_a, s1, s));
	memcpy(s, c1, 44);
	s[42] = s[42] == 'A' ? 'Q' : 'A';
	CHECK(!token_csrf_check(key_a, s1, s));

	/* Malformed. */
	CHECK(!token_csrf_check(key_a, s1, NULL));
	CHECK(!token_csrf_check(key_a, s1, ""));
	memcpy(s, c1, 44);
	s[42] = '\0';
	CHECK(!token_csrf_check(key_a, s1, s));
	memcpy(s, c1, 43);
	memcpy(s + 43, "A", 2);
	CHECK(!token_csrf_check(key_a, s1, s));
	memcpy(s, c1, 43);
	memcpy(s + 43, "=", 2);
	CHECK(!token_csrf_check(key_a, s1, s));
	memcpy(s, c1, 44);
	s[3] = '+';
	CHECK(!token_csrf_check(key_a, s1, s));
}

/* Returns the MAC part of a form token (after the dot). */
static const char *
form_mac(const char *tok)
{
	const char *dot = strchr(tok, '.');

	return dot ? dot + 1 : "";
}

static void
test_form(void)
{
	const long long t0 = 1700000000LL, min = 3, max = 3600;
	char tok[TOKEN_FORM_MAX], other[TOKEN_FORM_MAX], s[200];

	token_form_sign(key_a, "contact", t0, tok);
	snprintf(s, sizeof(s), "%lld.", t0);
	CHECK(strncmp(tok, s, strlen(s)) == 0);
	CHECK(strlen(form_mac(tok)) == 43 && all_b64url(form_mac(tok)));
	token_form_sign(key_a, "contact", t0, other);
	CHECK_STR(other, tok);

	/* Ages. */
	CHECK(token_form_check(key_a, "contact", tok, t0 + min, min, max) ==
	      TOKEN_FORM_OK);
	CHECK(token_form_check(key_a, "contact", tok, t0 + 100, min, max) ==
	      TOKEN_FORM_OK);
	CHECK(token_form_check(key_a, "contact", tok, t0 + max, min, max) ==
	      TOKEN_FORM_OK);
	CHECK(token_form_check(key_a, "contact", tok, t0 + min - 1, min, max) ==
	      TOKEN_FORM_TOO_FAST);
	CHECK(token_form_check(key_a, "contact", tok, t0, min, max) ==
	      TOKEN_FORM_TOO_FAST);
	CHECK(token_form_check(key_a, "contact", tok, t0 + max + 1, min, max) ==
	      TOKEN_FORM_EXPIRED);
	CHECK(token_form_check(key_a, "contact", tok, t0 + 86400 * 365, min,
	                       max) == TOKEN_FORM_EXPIRED);
	/* The future: a few seconds of skew count as age 0, more expire. */
	CHECK(token_form_check(key_a, "contact", tok, t0 - 5, 0, max) ==
	      TOKEN_FORM_OK);
	CHECK(token_form_check(key_a, "contact", tok, t0 - 5, min, max) ==
	      TOKEN_FORM_TOO_FAST);
	CHECK(token_form_check(key_a, "contact", tok, t0 - 6, 0, max) ==
	      TOKEN_FORM_EXPIRED);
	CHECK(token_form_check(key_a, "contact", tok, t0 - 86400, 0, max) ==
	      TOKEN_FORM_EXPIRED);
	CHECK(token_form_check(key_a, "contact", tok, -9000000000000000000LL, 0,
	                       max) == TOKEN_FORM_EXPIRED);

	/* Issued at 0. */
	token_form_sign(key_a, "login", 0, other);
	CHECK(strncmp(other, "0.", 2) == 0);
	CHECK(token_form_check(key_a, "login", other, 10, 0, max) ==
	      TOKEN_FORM_OK);

	/* Forgeries. */
	CHECK(token_form_check(key_a, "login", tok, t0 + 10, min, max) ==
	      TOKEN_FORM_BAD);
	CHECK(token_form_check(key_a, "contac", tok, t0 + 10, min, max) ==
	      TOKEN_FORM_BAD);
	CHECK(token_form_check(key_a, "", tok, t0 + 10, min, max) ==
	      TOKEN_FORM_BAD);
	CHECK(token_form_check(key_b, "contact", tok, t0 + 10, min, max) ==
	      TOKEN_FORM_BAD);
	snprintf(s, sizeof(s), "%lld.%s", t0 + 1, form_mac(tok));
	CHECK(token_form_check(key_a, "contact", s, t0 + 10, min, max) ==
	      TOKEN_FORM_BAD);
	snprintf(s, sizeof(s), "%lld.%s", t0 - 1000, form_mac(tok));
	CHECK(token_form_check(key_a, "contact", s, t0 + 10, min, max) ==
	      TOKEN_FORM_BAD);
	snprintf(s, sizeof(s), "%s", tok);
	s[strlen(s) - 1] = s[strlen(s) - 1] == 'A' ? 'Q' : 'A';
	CHECK(token_form_check(key_a, "contact", s, t0 + 10, min, max) ==
	      TOKEN_FORM_BAD);

	/* Malformed. */
	snprintf(s, sizeof(s), "0%s", tok);
	CHECK(token_form_check(key_a, "contact", s, t0 + 10, min, max) ==
	      TOKEN_FORM_BAD);
	snprintf(s, sizeof(s), "00.%s", form_mac(other));
	CHECK(token_form_check(key_a, "login", s, 10, 0, max) ==
	      TOKEN_FORM_BAD);
	snprintf(s, sizeof(s), "+%s", tok);
	CHECK(token_form_check(key_a, "contact", s, t0 + 10, min, max) ==
	      TOKEN_FORM_BAD);
	snprintf(s, sizeof(s), " %s", tok);
	CHECK(token_form_check(key_a, "contact", s, t0 + 10, min, max) ==
	      TOKEN_FORM_BAD);
	snprintf(s, sizeof(s), "%sA", tok);
	CHECK(token_form_check(key_a, "contact", s, t0 + 10, min, max) ==
	      TOKEN_FORM_BAD);
	snprintf(s, sizeof(s), "%s ", tok);
	CHECK(token_form_check(key_a, "contact", s, t0 + 10, min, max) ==
	      TOKEN_FORM_BAD);
	snprintf(s, sizeof(s), "%s.", tok);
	CHECK(token_form_check(key_a, "contact", s, t0 + 10, min, max) ==
	      TOKEN_FORM_BAD);
	snprintf(s, sizeof(s), "%s", tok);
	s[strlen(s) - 1] = '\0';
	CHECK(token_form_check(key_a, "contact", s, t0 + 10, min, max) ==
	      TOKEN_FORM_BAD);
	snprintf(s, sizeof(s), "%lld%s", t0, form_mac(tok));
	CHECK(token_form_check(key_a, "contact", s, t0 + 10, min, max) ==
	      TOKEN_FORM_BAD);
	snprintf(s, sizeof(s), "%lld..%s", t0, form_mac(tok));
	CHECK(token_form_check(key_a, "contact", s, t0 + 10, min, max) ==
	      TOKEN_FORM_BAD);
	snprintf(s, sizeof(s), ".%s", form_mac(tok));
	CHECK(token_form_check(key_a, "contact", s, t0 + 10, min, max) ==
	      TOKEN_FORM_BAD);
	snprintf(s, sizeof(s), "1234567890123.%s", form_mac(tok));
	CHECK(token_form_check(key_a, "contact", s, t0 + 10, min, max) ==
	      TOKEN_FORM_BAD);
	snprintf(s, sizeof(s), "99999999999999999999999.%s", form_mac(tok));
	CHECK(token_form_check(key_a, "contact", s, t0 + 10, min, max) ==
	      TOKEN_FORM_BAD);
	snprintf(s, sizeof(s), "%s", tok);
	s[15] = '+';
	CHECK(token_form_check(key_a, "contact", s, t0 + 10, min, max) ==
	      TOKEN_FORM_BAD);
	CHECK(token_form_check(key_a, "contact", "", t0, 0, max) ==
	      TOKEN_FORM_BAD);
	CHECK(token_form_check(key_a, "contact", ".", t0, 0, max) ==
	      TOKEN_FORM_BAD);
	CHECK(token_form_check(key_a, "contact", "1700000000", t0, 0, max) ==
	      TOKEN_FORM_BAD);
	CHECK(token_form_check(key_a, "contact", "1700000000.", t0, 0, max) ==
	      TOKEN_FORM_BAD);
	CHECK(token_form_check(key_a, "contact", NULL, t0, 0, max) ==
	      TOKEN_FORM_BAD);

	/* Twelve digits is the largest time accepted. */
	token_form_sign(key_a, "contact", 999999999999LL, other);
	CHECK(strlen(other) == 12 + 1 + 43);
	CHECK(token_form_check(key_a, "contact", other, 999999999999LL, 0,
	                       max) == TOKEN_FORM_OK);
}

/* Returns the key of a NUL-terminated address, or "invalid". */
static const char *
key_of(const char *addr, char *out, size_t out_len)
{
	return token_address_key(addr, out, out_len) == 0 ? out : "invalid";
}

static void
test_address(void)
{
	char out[64], big[200];

	CHECK_STR(key_of("192.0.2.7", out, sizeof(out)), "192.0.2.7");
	CHECK_STR(key_of("2001:db8:1:2:3:4:5:6", out, sizeof(out)),
	          "2001:db8:1:2::/64");
	CHECK_STR(key_of("::ffff:192.0.2.7", out, sizeof(out)), "192.0.2.7");
	CHECK_STR(key_of("fe80::1%eth0", out, sizeof(out)), "fe80::/64");
	CHECK_STR(key_of("fe80::1%", out, sizeof(out)), "invalid");
	CHECK_STR(key_of("192.0.2.7%eth0", out, sizeof(out)), "invalid");
	CHECK_STR(key_of(NULL, out, sizeof(out)), "invalid");
	CHECK_STR(key_of("", out, sizeof(out)), "invalid");
	CHECK_STR(key_of("01.2.3.4", out, sizeof(out)), "invalid");

	/* 64 characters is the limit, even when a zone makes it parse. */
	memset(big, 'a', sizeof(big));
	memcpy(big, "fe80::1%", 8);
	big[64] = '\0';
	CHECK_STR(key_of(big, out, sizeof(out)), "fe80::/64");
	big[64] = 'a';
	big[65] = '\0';
	CHECK_STR(key_of(big, out, sizeof(out)), "invalid");

	/* out_len must hold the key and its NUL. */
	CHECK(token_address_key("192.0.2.7", out, 10) == 0);
	CHECK(token_address_key("192.0.2.7", out, 9) == -1);
	CHECK_STR(out, "");
	CHECK(token_address_key("2001:db8::1", out, 15) == 0);
	CHECK_STR(out, "2001:db8::/64");
	CHECK(token_address_key("2001:db8::1", out, 14) == 0);
	CHECK(token_address_key("2001:db8::1", out, 13) == -1);
	CHECK(token_address_key("2001:db8::1", out, 0) == -1);
	CHECK(token_address_key("2001:db8::1", NULL, 10) == -1);
}

/* Golden function: one trailing newline stripped; NUL inside is invalid. */
static char *
golden_address(const char *in, size_t len)
{
	char text[256], key[64], *out;
	const char *s;
	size_t n;

	if (len > 0 && in[len - 1] == '\n')
		len--;
	if (len >= sizeof(text) || memchr(in, '\0', len) != NULL) {
		s = "invalid";
	} else {
		memcpy(text, in, len);
		text[len] = '\0';
		s = key_of(text, key, sizeof(key));
	}
	n = strlen(s);
	out = xmalloc(n + 2);
	memcpy(out, s, n);
	out[n] = '\n';
	out[n + 1] = '\0';
	return out;
}

int
main(void)
{
	test_new();
	test_hash();
	test_equal();
	test_csrf();
	test_form();
	test_address();
	CHECK(test_golden("address", golden_address) >= 15);
	TEST_DONE();
}
