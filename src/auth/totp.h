/*
 * totp.h: the pieces of two-factor login that need no database: TOTP
 * secrets and codes (RFC 6238 through liboath: HMAC-SHA1, 30-second steps,
 * 6 digits, what every authenticator app reads), the otpauth:// URI and
 * its QR code (libqrencode) for setting an app up, and one-time recovery
 * codes.  Where secrets are kept and which step was used last is
 * db/two_factor_db.c's business; the pages are handlers/admin_two_factor.c.
 */
#ifndef GAZETTE_TOTP_H
#define GAZETTE_TOTP_H

#include <stddef.h>

#include "../util/arena.h"

#define TOTP_SECRET_BYTES 20 /* 160 bits, RFC 4226's recommendation */
#define TOTP_STEP_SECONDS 30
#define TOTP_TEXT_MAX 40 /* 32 base32 characters, 7 spaces, NUL */
#define TOTP_RECOVERY_COUNT 10
#define TOTP_RECOVERY_TEXT 12 /* "xxxxx-xxxxx" and NUL */
#define TOTP_HASH_BYTES 32

/* Wipes n bytes at p (a secret) so that the compiler cannot skip it. */
void totp_wipe(void *p, size_t n);

/* Fills secret with random bytes (libsodium). */
void totp_secret_new(unsigned char secret[TOTP_SECRET_BYTES]);

/*
 * Writes the secret as base32 text (32 characters, the form apps take),
 * in groups of four separated by spaces when grouped (for typing by hand).
 * Returns 0 or -1.
 */
int totp_secret_text(const unsigned char secret[TOTP_SECRET_BYTES], int grouped,
                     char out[TOTP_TEXT_MAX]);

/*
 * Returns the otpauth://totp/ URI that sets an app up: the issuer (the
 * site's name) and account name percent-encoded, the base32 secret, and
 * the algorithm, digits and period spelled out.  In the arena.
 */
char *totp_uri(struct arena *a, const char *issuer, const char *account,
               const char *base32);

/*
 * Returns text as a QR code in a data: URI of an SVG image
 * ("data:image/svg+xml;base64,..."), for an <img src>: the page's CSP
 * allows data: images, and an SVG shown as an image runs nothing.  The
 * SVG is built here from the QR code's modules alone (one path of
 * squares), so no outside text reaches it.  In the arena; NULL when
 * libqrencode fails.
 */
char *totp_qr_data_uri(struct arena *a, const char *text);

/*
 * Checks a code (6 digits; spaces are ignored) against secret at time now,
 * allowing one step either side for clock drift.  Returns the time step
 * (now / 30, give or take one) that the code belongs to, so that the
 * caller can refuse a step already used; 0 when the code is wrong or
 * malformed; -1 when liboath fails.
 */
long long totp_verify(const unsigned char secret[TOTP_SECRET_BYTES],
                      const char *code, long long now);

/* Returns whether code looks like a TOTP code (6 digits, spaces aside)
 * rather than a recovery code or a password. */
int totp_is_code(const char *code);

/*
 * Makes TOTP_RECOVERY_COUNT recovery codes: 10 random characters of
 * Crockford's base32 (50 bits) written "xxxxx-xxxxx", and the hash of
 * each, which is all the database keeps.
 */
void
totp_recovery_new(char codes[TOTP_RECOVERY_COUNT][TOTP_RECOVERY_TEXT],
                  unsigned char hashes[TOTP_RECOVERY_COUNT][TOTP_HASH_BYTES]);

/*
 * Hashes a recovery code as typed: case, spaces and dashes do not matter,
 * and o, i and l read as 0, 1 and 1.  Returns 0, or -1 when text is not
 * 10 characters of the alphabet.
 */
int totp_recovery_hash(const char *text, unsigned char out[TOTP_HASH_BYTES]);

#endif
