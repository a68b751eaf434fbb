/*
 * token.c: session tokens, their stored hashes, the session-bound CSRF
 * token, the stateless signed token of anonymous forms, the key a client
 * address is throttled under and its keyed hash (all the contact form
 * keeps of an address).  Everything cryptographic is
 * libsodium: randombytes_buf for randomness, BLAKE2b (crypto_generichash)
 * for hashes and keyed MACs, sodium_memcmp for comparisons, and its
 * base64url codec for text.  Sessions themselves (storage, rotation,
 * expiry) live in session.c; the throttling counters in throttle.c.
 *
 * Every parser here is strict and canonical: a token's text has exactly
 * one accepted spelling (43 base64url characters whose unused low bits are
 * zero, a time without leading zeros), so two different texts can never
 * stand for the same token or the same signature.
 */
#include <arpa/inet.h>
#include <assert.h>
#include <netinet/in.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>

#include <sodium.h>

#include "token.h"

#define TOKEN_B64 sodium_base64_VARIANT_URLSAFE_NO_PADDING
#define TOKEN_TEXT_LEN 43    /* base64url of 32 bytes, without padding */
#define TOKEN_MAC_BYTES 32   /* BLAKE2b-256 */
#define TOKEN_TIME_DIGITS 12 /* at most, in a form token's issue time */
#define TOKEN_SKEW_S 5       /* clock skew forgiven for a future time */
#define TOKEN_ADDR_MAX 64    /* longest address text accepted */

/* Whether sodium_init has succeeded in this process. */
static atomic_bool token_ready;

/*
 * Initialises libsodium the first time a token function runs.  Without it
 * randombytes_buf may not be seeded, so failing is fatal: there is no safe
 * way to go on issuing tokens.
 */
static void
token_init(void)
{
	if (atomic_load_explicit(&token_ready, memory_order_acquire))
		return;
	if (sodium_init() < 0)
		abort();
	atomic_store_explicit(&token_ready, true, memory_order_release);
}

/* Returns whether c belongs to the base64url alphabet. */
static bool
token_b64_char(unsigned char c)
{
	return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
	       (c >= '0' && c <= '9') || c == '-' || c == '_';
}

/*
 * Decodes exactly TOKEN_TEXT_LEN base64url characters at text into 32
 * bytes.  The caller has already checked the length; the alphabet is
 * checked here before libsodium sees the text, and libsodium refuses
 * non-zero unused bits, so only the canonical spelling decodes.  Returns 0
 * or -1.
 */
static int
token_decode32(const char *text, unsigned char out[32])
{
	size_t i, bin_len = 0;
	const char *end = NULL;

	for (i = 0; i < TOKEN_TEXT_LEN; i++)
		if (!token_b64_char((unsigned char)text[i]))
			return -1;
	if (sodium_base642bin(out, 32, text, TOKEN_TEXT_LEN, NULL, &bin_len,
	                      &end, TOKEN_B64) != 0)
		return -1;
	if (bin_len != 32 || end != text + TOKEN_TEXT_LEN)
		return -1;
	return 0;
}

/* Writes 32 bytes as 43 base64url characters and a NUL. */
static void
token_encode32(const unsigned char bin[32], char out[TOKEN_TEXT_MAX])
{
	sodium_bin2base64(out, TOKEN_TEXT_MAX, bin, 32, TOKEN_B64);
}

/*
 * Writes a new random token as base64url text.  The random bytes are wiped
 * from the stack afterwards; out holds the only copy.
 */
void
token_new(char out[TOKEN_TEXT_MAX])
{
	unsigned char bin[TOKEN_BYTES];

	token_init();
	randombytes_buf(bin, sizeof(bin));
	token_encode32(bin, out);
	sodium_memzero(bin, sizeof(bin));
}

/*
 * Hashes a token for storage: unkeyed BLAKE2b-256 of the decoded 32 bytes
 * (not of the text, so the hash does not depend on how it was spelled,
 * though only one spelling is accepted anyway).  Returns 0, or -1 when
 * text is NULL or not exactly 43 base64url characters.
 */
int
token_hash(const char *text, unsigned char out[TOKEN_HASH_BYTES])
{
	unsigned char bin[TOKEN_BYTES];

	token_init();
	if (text == NULL || strnlen(text, TOKEN_TEXT_LEN + 1) != TOKEN_TEXT_LEN)
		return -1;
	if (token_decode32(text, bin) != 0)
		return -1;
	crypto_generichash(out, TOKEN_HASH_BYTES, bin, sizeof(bin), NULL, 0);
	sodium_memzero(bin, sizeof(bin));
	return 0;
}

/* Compares n bytes in time that does not depend on their contents. */
bool
token_equal(const void *a, const void *b, size_t n)
{
	token_init();
	return sodium_memcmp(a, b, n) == 0;
}

/* Computes the session-bound CSRF MAC: keyed BLAKE2b of "csrf\0" + hash. */
static void
token_csrf_mac(const unsigned char key[TOKEN_KEY_BYTES],
               const unsigned char session_hash[TOKEN_HASH_BYTES],
               unsigned char mac[TOKEN_MAC_BYTES])
{
	crypto_generichash_state st;

	token_init();
	crypto_generichash_init(&st, key, TOKEN_KEY_BYTES, TOKEN_MAC_BYTES);
	crypto_generichash_update(&st, (const unsigned char *)"csrf", 5);
	crypto_generichash_update(&st, session_hash, TOKEN_HASH_BYTES);
	crypto_generichash_final(&st, mac, TOKEN_MAC_BYTES);
}

/*
 * Writes the CSRF token of the session whose stored hash is session_hash:
 * a MAC under the site key, as 43 base64url characters.  It is the same
 * for the whole life of the session, so every open tab keeps working.
 */
void
token_csrf(const unsigned char key[TOKEN_KEY_BYTES],
           const unsigned char session_hash[TOKEN_HASH_BYTES],
           char out[TOKEN_TEXT_MAX])
{
	unsigned char mac[TOKEN_MAC_BYTES];

	assert(key != NULL && session_hash != NULL && out != NULL);
	token_csrf_mac(key, session_hash, mac);
	token_encode32(mac, out);
}

/*
 * Returns whether text is the CSRF token of the session: false for NULL,
 * a wrong length or alphabet, or a MAC that differs (compared in constant
 * time).
 */
bool
token_csrf_check(const unsigned char key[TOKEN_KEY_BYTES],
                 const unsigned char session_hash[TOKEN_HASH_BYTES],
                 const char *text)
{
	unsigned char want[TOKEN_MAC_BYTES], got[TOKEN_MAC_BYTES];

	assert(key != NULL && session_hash != NULL);
	if (text == NULL || strnlen(text, TOKEN_TEXT_LEN + 1) != TOKEN_TEXT_LEN)
		return false;
	if (token_decode32(text, got) != 0)
		return false;
	token_csrf_mac(key, session_hash, want);
	return sodium_memcmp(want, got, TOKEN_MAC_BYTES) == 0;
}

/*
 * Computes a form token's MAC: keyed BLAKE2b of "form\0" + form + "\0" +
 * the issue time's text.  The NULs separate the fields, and a C string
 * cannot contain one, so no two (form, time) pairs share an input.
 */
static void
token_form_mac(const unsigned char key[TOKEN_KEY_BYTES], const char *form,
               const char *time_text, size_t time_len,
               unsigned char mac[TOKEN_MAC_BYTES])
{
	crypto_generichash_state st;

	token_init();
	crypto_generichash_init(&st, key, TOKEN_KEY_BYTES, TOKEN_MAC_BYTES);
	crypto_generichash_update(&st, (const unsigned char *)"form", 5);
	crypto_generichash_update(&st, (const unsigned char *)form,
	                          strlen(form) + 1);
	crypto_generichash_update(&st, (const unsigned char *)time_text,
	                          time_len);
	crypto_generichash_final(&st, mac, TOKEN_MAC_BYTES);
}

/*
 * Writes "TIME.MAC" for the anonymous form called form, issued at now
 * (seconds since the epoch).  A negative time, or one past twelve digits,
 * is a bug in the caller, not bad input.
 */
void
token_form_sign(const unsigned char key[TOKEN_KEY_BYTES], const char *form,
                long long now, char out[TOKEN_FORM_MAX])
{
	unsigned char mac[TOKEN_MAC_BYTES];
	int n;

	assert(key != NULL && form != NULL && out != NULL);
	assert(now >= 0 && now <= 999999999999LL);
	n = snprintf(out, TOKEN_FORM_MAX, "%lld.", now);
	assert(n > 1 && n <= TOKEN_TIME_DIGITS + 1);
	token_form_mac(key, form, out, (size_t)n - 1, mac);
	token_encode32(mac, out + n);
}

/*
 * Checks a signed form token.  The text must be the issue time (digits,
 * no leading zero unless it is "0", at most twelve), a dot and exactly 43
 * base64url characters, with nothing after; anything else, or a MAC that
 * does not match form and time, is TOKEN_FORM_BAD.  A time more than a few
 * seconds in the future, or older than max_age_s, is TOKEN_FORM_EXPIRED;
 * one younger than min_age_s is TOKEN_FORM_TOO_FAST (a bot filling the
 * form at once).  A small future skew counts as age 0.
 */
enum token_form_result
token_form_check(const unsigned char key[TOKEN_KEY_BYTES], const char *form,
                 const char *text, long long now, long long min_age_s,
                 long long max_age_s)
{
	unsigned char want[TOKEN_MAC_BYTES], got[TOKEN_MAC_BYTES];
	long long issued = 0, age;
	size_t digits = 0;

	assert(key != NULL && form != NULL);
	if (text == NULL)
		return TOKEN_FORM_BAD;
	while (text[digits] >= '0' && text[digits] <= '9') {
		if (digits == TOKEN_TIME_DIGITS)
			return TOKEN_FORM_BAD;
		issued = issued * 10 + (text[digits] - '0');
		digits++;
	}
	if (digits == 0 || (digits > 1 && text[0] == '0'))
		return TOKEN_FORM_BAD;
	if (text[digits] != '.')
		return TOKEN_FORM_BAD;
	if (strnlen(text + digits + 1, TOKEN_TEXT_LEN + 1) != TOKEN_TEXT_LEN)
		return TOKEN_FORM_BAD;
	if (token_decode32(text + digits + 1, got) != 0)
		return TOKEN_FORM_BAD;
	token_form_mac(key, form, text, digits, want);
	if (sodium_memcmp(want, got, TOKEN_MAC_BYTES) != 0)
		return TOKEN_FORM_BAD;

	/* issued is in [0, 10^12), so neither subtraction can overflow once
	 * now is known to be at least issued - TOKEN_SKEW_S. */
	if (now < issued - TOKEN_SKEW_S)
		return TOKEN_FORM_EXPIRED;
	age = now < issued ? 0 : now - issued;
	if (age < min_age_s)
		return TOKEN_FORM_TOO_FAST;
	if (age > max_age_s)
		return TOKEN_FORM_EXPIRED;
	return TOKEN_FORM_OK;
}

/* Copies s to out when it fits with its NUL; returns 0 or -1. */
static int
token_put(char *out, size_t out_len, const char *s)
{
	size_t n = strlen(s);

	if (n >= out_len)
		return -1;
	memcpy(out, s, n + 1);
	return 0;
}

/*
 * Writes the throttling key of a client address.  IPv4 comes out in
 * canonical dotted form; IPv6 as its /64 ("2001:db8:1:2::/64"), since one
 * subscriber usually holds a whole /64 and could otherwise rotate through
 * it; an IPv4-mapped IPv6 address as the IPv4 one, so a dual-stack socket
 * does not give IPv4 clients a second key.  A zone id ("fe80::1%eth0") is
 * dropped, and only accepted after an IPv6 address.  Returns 0, or -1 when
 * addr is NULL, empty, longer than 64 characters, not an address, or when
 * the key does not fit in out_len; on -1, out (if it has room) is "".
 */
int
token_address_key(const char *addr, char *out, size_t out_len)
{
	char text[TOKEN_ADDR_MAX + 1], key[INET6_ADDRSTRLEN + 4];
	struct in_addr a4;
	struct in6_addr a6;
	const char *zone;
	size_t n;

	if (out == NULL || out_len == 0)
		return -1;
	out[0] = '\0';
	if (addr == NULL)
		return -1;
	n = strnlen(addr, TOKEN_ADDR_MAX + 1);
	if (n == 0 || n > TOKEN_ADDR_MAX)
		return -1;
	zone = memchr(addr, '%', n);
	if (zone != NULL) {
		/* An empty zone ("fe80::1%") is malformed, not absent. */
		if (zone[1] == '\0')
			return -1;
		n = (size_t)(zone - addr);
	}
	memcpy(text, addr, n);
	text[n] = '\0';

	if (inet_pton(AF_INET, text, &a4) == 1) {
		if (zone != NULL)
			return -1;
		if (inet_ntop(AF_INET, &a4, key, sizeof(key)) == NULL)
			return -1;
		return token_put(out, out_len, key);
	}
	if (inet_pton(AF_INET6, text, &a6) != 1)
		return -1;
	if (IN6_IS_ADDR_V4MAPPED(&a6)) {
		memcpy(&a4, a6.s6_addr + 12, 4);
		if (inet_ntop(AF_INET, &a4, key, sizeof(key)) == NULL)
			return -1;
		return token_put(out, out_len, key);
	}
	memset(a6.s6_addr + 8, 0, 8);
	if (inet_ntop(AF_INET6, &a6, key, INET6_ADDRSTRLEN) == NULL)
		return -1;
	n = strlen(key);
	memcpy(key + n, "/64", 4);
	return token_put(out, out_len, key);
}

/*
 * Hashes a throttling key under key (keyed BLAKE2b, 16 bytes): without the
 * key nobody can tell which address gave the hash, nor test a guess.
 */
void
token_address_hash(const unsigned char key[TOKEN_KEY_BYTES],
                   const char *address_key,
                   unsigned char out[TOKEN_ADDRESS_HASH_BYTES],
                   char hex[2 * TOKEN_ADDRESS_HASH_BYTES + 1])
{
	assert(key != NULL && address_key != NULL && out != NULL);
	token_init();
	crypto_generichash(out, TOKEN_ADDRESS_HASH_BYTES,
	                   (const unsigned char *)address_key,
	                   strlen(address_key), key, TOKEN_KEY_BYTES);
	if (hex != NULL)
		sodium_bin2hex(hex, 2 * TOKEN_ADDRESS_HASH_BYTES + 1, out,
		               TOKEN_ADDRESS_HASH_BYTES);
}
