/*
 * totp.c: TOTP secrets and codes over liboath, the setup QR code over
 * libqrencode, and recovery codes (see totp.h).  Randomness, hashing,
 * base64 and constant-time comparison are libsodium's, as in token.c.
 * Nothing here touches the database or a request.
 */
#include <ctype.h>
#include <limits.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <liboath/oath.h>
#include <qrencode.h>
#include <sodium.h>

#include "../render/html.h"
#include "../util/buf.h"
#include "token.h"
#include "totp.h"

#define TOTP_DIGITS 6
#define TOTP_WINDOW 1   /* steps accepted either side of now */
#define TOTP_QR_QUIET 4 /* modules of white border, as the spec asks */
#define TOTP_RECOVERY_CHARS 10

/* Crockford's base32: no i, l, o or u to misread. */
static const char recovery_alphabet[] = "0123456789abcdefghjkmnpqrstvwxyz";

/*
 * Initialises libsodium and liboath the first time; a failure of either
 * leaves no safe way to make secrets or check codes, so it aborts, as
 * token.c does.  Workers are single-threaded processes.
 */
static void
totp_init(void)
{
	static bool ready;

	if (ready)
		return;
	if (sodium_init() < 0 || oath_init() != OATH_OK)
		abort();
	ready = true;
}

/* Wipes a secret; see totp.h. */
void
totp_wipe(void *p, size_t n)
{
	totp_init();
	sodium_memzero(p, n);
}

/* Makes a secret; see totp.h. */
void
totp_secret_new(unsigned char secret[TOTP_SECRET_BYTES])
{
	totp_init();
	randombytes_buf(secret, TOTP_SECRET_BYTES);
}

/* Writes the secret's base32 text; see totp.h. */
int
totp_secret_text(const unsigned char secret[TOTP_SECRET_BYTES], int grouped,
                 char out[TOTP_TEXT_MAX])
{
	char *b32 = NULL;
	size_t len = 0, k = 0;

	totp_init();
	if (oath_base32_encode((const char *)secret, TOTP_SECRET_BYTES, &b32,
	                       &len) != OATH_OK ||
	    len != 32) {
		free(b32);
		return -1;
	}
	for (size_t i = 0; i < len; i++) {
		if (grouped && i > 0 && i % 4 == 0)
			out[k++] = ' ';
		out[k++] = b32[i];
	}
	out[k] = '\0';
	sodium_memzero(b32, len);
	free(b32);
	return 0;
}

/* Builds the otpauth:// URI; see totp.h. */
char *
totp_uri(struct arena *a, const char *issuer, const char *account,
         const char *base32)
{
	struct buf b;
	char *out;

	buf_init(&b);
	buf_puts(&b, "otpauth://totp/");
	html_url_component(&b, issuer, strlen(issuer));
	buf_putc(&b, ':');
	html_url_component(&b, account, strlen(account));
	buf_printf(&b, "?secret=%s&issuer=", base32);
	html_url_component(&b, issuer, strlen(issuer));
	buf_printf(&b, "&algorithm=SHA1&digits=%d&period=%d", TOTP_DIGITS,
	           TOTP_STEP_SECONDS);
	out = arena_strndup(a, b.data, b.len);
	sodium_memzero(b.data, b.len);
	buf_free(&b);
	return out;
}

/* Makes the QR code's data: URI; see totp.h. */
char *
totp_qr_data_uri(struct arena *a, const char *text)
{
	static const char prefix[] = "data:image/svg+xml;base64,";
	QRcode *qr = QRcode_encodeString8bit(text, 0, QR_ECLEVEL_M);
	struct buf svg;
	size_t b64_len;
	char *out;
	int size;

	if (qr == NULL)
		return NULL;
	totp_init();
	size = qr->width + 2 * TOTP_QR_QUIET;
	buf_init(&svg);
	buf_printf(&svg,
	           "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 "
	           "%d %d\" shape-rendering=\"crispEdges\"><rect width=\"%d\" "
	           "height=\"%d\" fill=\"#fff\"/><path fill=\"#000\" d=\"",
	           size, size, size, size);
	/* One rectangle per horizontal run of dark modules (bit 0). */
	for (int y = 0; y < qr->width; y++) {
		const unsigned char *row = qr->data + (size_t)y * qr->width;

		for (int x = 0; x < qr->width;) {
			int run = 0;

			while (x + run < qr->width && (row[x + run] & 1))
				run++;
			if (run == 0) {
				x++;
				continue;
			}
			buf_printf(&svg, "M%d %dh%dv1h-%dz", x + TOTP_QR_QUIET,
			           y + TOTP_QR_QUIET, run, run);
			x += run;
		}
	}
	buf_puts(&svg, "\"/></svg>");
	QRcode_free(qr);

	b64_len =
	    sodium_base64_ENCODED_LEN(svg.len, sodium_base64_VARIANT_ORIGINAL);
	out = arena_alloc(a, sizeof(prefix) - 1 + b64_len);
	memcpy(out, prefix, sizeof(prefix) - 1);
	sodium_bin2base64(out + sizeof(prefix) - 1, b64_len,
	                  (const unsigned char *)svg.data, svg.len,
	                  sodium_base64_VARIANT_ORIGINAL);
	buf_free(&svg);
	return out;
}

/*
 * Copies the digits of a code, skipping spaces, into out.  Returns whether
 * it is exactly TOTP_DIGITS digits.
 */
static bool
code_digits(const char *code, char out[TOTP_DIGITS + 1])
{
	size_t n = 0;

	if (code == NULL)
		return false;
	for (; *code; code++) {
		if (*code == ' ')
			continue;
		if (*code < '0' || *code > '9' || n == TOTP_DIGITS)
			return false;
		out[n++] = *code;
	}
	out[n] = '\0';
	return n == TOTP_DIGITS;
}

/* Says whether code is a TOTP code; see totp.h. */
int
totp_is_code(const char *code)
{
	char digits[TOTP_DIGITS + 1];

	return code_digits(code, digits);
}

/* liboath's comparison callback: 0 on a match, in constant time. */
static int
code_compare(void *handle, const char *candidate)
{
	return token_equal(handle, candidate, TOTP_DIGITS) ? 0 : 1;
}

/* Checks a code; see totp.h. */
long long
totp_verify(const unsigned char secret[TOTP_SECRET_BYTES], const char *code,
            long long now)
{
	char digits[TOTP_DIGITS + 1];
	uint64_t step = 0;
	int pos = 0, rc;

	if (!code_digits(code, digits) || now < 0)
		return 0;
	totp_init();
	rc = oath_totp_validate3_callback(
	    (const char *)secret, TOTP_SECRET_BYTES, (time_t)now,
	    TOTP_STEP_SECONDS, OATH_TOTP_DEFAULT_START_TIME, TOTP_DIGITS,
	    TOTP_WINDOW, &pos, &step, code_compare, digits);
	if (rc == OATH_INVALID_OTP)
		return 0;
	if (rc < 0 || step == 0 || step > (uint64_t)LLONG_MAX)
		return -1;
	return (long long)step;
}

/* Makes recovery codes; see totp.h. */
void
totp_recovery_new(char codes[TOTP_RECOVERY_COUNT][TOTP_RECOVERY_TEXT],
                  unsigned char hashes[TOTP_RECOVERY_COUNT][TOTP_HASH_BYTES])
{
	unsigned char raw[TOTP_RECOVERY_CHARS];

	totp_init();
	for (size_t i = 0; i < TOTP_RECOVERY_COUNT; i++) {
		size_t k = 0;

		randombytes_buf(raw, sizeof(raw));
		for (size_t j = 0; j < TOTP_RECOVERY_CHARS; j++) {
			if (j == TOTP_RECOVERY_CHARS / 2)
				codes[i][k++] = '-';
			codes[i][k++] = recovery_alphabet[raw[j] & 31];
		}
		codes[i][k] = '\0';
		if (totp_recovery_hash(codes[i], hashes[i]) < 0)
			abort(); /* a code we just wrote must read back */
	}
	sodium_memzero(raw, sizeof(raw));
}

/* Hashes a recovery code; see totp.h. */
int
totp_recovery_hash(const char *text, unsigned char out[TOTP_HASH_BYTES])
{
	char norm[TOTP_RECOVERY_CHARS];
	size_t n = 0;

	if (text == NULL)
		return -1;
	for (; *text; text++) {
		int c = tolower((unsigned char)*text);

		if (c == ' ' || c == '-')
			continue;
		if (c == 'o')
			c = '0';
		else if (c == 'i' || c == 'l')
			c = '1';
		if (c == '\0' || strchr(recovery_alphabet, c) == NULL ||
		    n == TOTP_RECOVERY_CHARS)
			return -1;
		norm[n++] = (char)c;
	}
	if (n != TOTP_RECOVERY_CHARS)
		return -1;
	totp_init();
	crypto_generichash(out, TOTP_HASH_BYTES, (const unsigned char *)norm, n,
	                   NULL, 0);
	sodium_memzero(norm, sizeof(norm));
	return 0;
}
