/*
 * token.h: random tokens and the MACs that protect forms.
 *
 * Session ids are 256 random bits sent to the browser as base64url text;
 * the server keeps only their BLAKE2b hash.  Staff forms carry a CSRF token
 * bound to the session (a keyed BLAKE2b of the session's hash); anonymous
 * forms (login, later contact and comments) carry a stateless signed token
 * "TIME.MAC" over the form's name and the time it was issued, which also
 * gives a minimum fill time.  The key is the site's secret (32 random
 * bytes kept in the settings).  Every comparison is constant-time.
 */
#ifndef GAZETTE_TOKEN_H
#define GAZETTE_TOKEN_H

#include <stdbool.h>
#include <stddef.h>

#define TOKEN_BYTES 32      /* random bytes in a session id */
#define TOKEN_HASH_BYTES 32 /* what the database keeps */
#define TOKEN_KEY_BYTES 32
#define TOKEN_TEXT_MAX 64 /* base64url text of a token or MAC, with NUL */
#define TOKEN_FORM_MAX 96 /* "TIME.MAC" with NUL */

/* Writes a new random token as base64url text (43 characters). */
void token_new(char out[TOKEN_TEXT_MAX]);

/*
 * Hashes a token's text for storage and look-up.  Returns 0, or -1 when
 * text is not a well-formed token (wrong length or alphabet), so that an
 * invented cookie costs nothing more.
 */
int token_hash(const char *text, unsigned char out[TOKEN_HASH_BYTES]);

/* Constant-time comparison of n bytes. */
bool token_equal(const void *a, const void *b, size_t n);

/* Writes the CSRF token of a session (by its stored hash). */
void token_csrf(const unsigned char key[TOKEN_KEY_BYTES],
                const unsigned char session_hash[TOKEN_HASH_BYTES],
                char out[TOKEN_TEXT_MAX]);

/* Returns whether text is the session's CSRF token. */
bool token_csrf_check(const unsigned char key[TOKEN_KEY_BYTES],
                      const unsigned char session_hash[TOKEN_HASH_BYTES],
                      const char *text);

/* Writes a signed token for the anonymous form called form, issued now. */
void token_form_sign(const unsigned char key[TOKEN_KEY_BYTES], const char *form,
                     long long now, char out[TOKEN_FORM_MAX]);

enum token_form_result {
	TOKEN_FORM_OK,
	TOKEN_FORM_BAD,      /* malformed or forged */
	TOKEN_FORM_TOO_FAST, /* younger than min_age_s */
	TOKEN_FORM_EXPIRED,  /* older than max_age_s, or from the future */
};

/* Checks a signed form token against form and now. */
enum token_form_result
token_form_check(const unsigned char key[TOKEN_KEY_BYTES], const char *form,
                 const char *text, long long now, long long min_age_s,
                 long long max_age_s);

/*
 * Writes the throttling key of a client address: an IPv4 address as it
 * is, an IPv6 address as its /64 prefix ("2001:db8:1:2::/64"), an
 * IPv4-mapped IPv6 address as the IPv4 one.  Returns 0, or -1 when addr is
 * not an address (the caller then throttles on "invalid").
 */
int token_address_key(const char *addr, char *out, size_t out_len);

#define TOKEN_ADDRESS_HASH_BYTES 16

/*
 * Writes the keyed BLAKE2b-128 of a throttling key (token_address_key's
 * text) under key into out, and as 32 hex digits into hex unless it is
 * NULL: what is kept of a reader's address, unlinkable to it once key is
 * gone.
 */
void token_address_hash(const unsigned char key[TOKEN_KEY_BYTES],
                        const char *address_key,
                        unsigned char out[TOKEN_ADDRESS_HASH_BYTES],
                        char hex[2 * TOKEN_ADDRESS_HASH_BYTES + 1]);

#endif
