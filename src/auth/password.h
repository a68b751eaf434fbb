/*
 * password.h: staff passwords.  password.c owns the argon2id parameters and
 * the encoded-hash format ("$argon2id$v=19$m=19456,t=2,p=1$salt$hash");
 * everything else calls these functions and stores the encoded string as
 * text.  Sessions, tokens and throttling live elsewhere (session.c,
 * csrf.c, throttle.c).
 */
#ifndef GAZETTE_PASSWORD_H
#define GAZETTE_PASSWORD_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Policy, in characters (UTF-8 code points). */
#define PASSWORD_MIN_CHARS 12
#define PASSWORD_MAX_CHARS 128
/* Longest password in bytes that is ever looked at (4 bytes per code
 * point); anything longer is refused before any other work. */
#define PASSWORD_MAX_BYTES (4 * PASSWORD_MAX_CHARS)
/* Size of a buffer that holds any encoded hash password_hash writes. */
#define PASSWORD_HASH_MAX 128

/* The parameters of an encoded hash, as password_params_parse reads them. */
struct password_params {
	uint32_t m_kib;  /* memory cost in KiB */
	uint32_t t_cost; /* passes */
	uint32_t lanes;  /* parallelism */
	size_t salt_len; /* decoded bytes */
	size_t hash_len; /* decoded bytes */
};

int password_policy_check(const char *pw, size_t len);
int password_hash(const char *pw, size_t len, char out[PASSWORD_HASH_MAX]);
int password_verify(const char *encoded, const char *pw, size_t len);
bool password_needs_rehash(const char *encoded);
void password_verify_dummy(const char *pw, size_t len);
int password_params_parse(const char *encoded, struct password_params *out);

#endif
