/*
 * password.c: argon2id hashing and verification of staff passwords, the
 * password policy, and the bounds check on stored hashes.  The parameters
 * live here and nowhere else (OWASP's: 19 MiB, 2 passes, 1 lane).
 *
 * A stored hash is read by our own strict parser before libargon2 sees it,
 * so a hostile or corrupted row ("m=4194304") cannot make a worker allocate
 * gigabytes or spin for minutes: out-of-bounds parameters are refused
 * without hashing anything.  Session tokens and throttling are elsewhere.
 */
#include <assert.h>
#include <stdbool.h>
#include <stdint.h>
#include <string.h>

#include <argon2.h>
#include <sodium.h>

#include "../util/log.h"
#include "password.h"

/* The current parameters: a hash made with other ones needs a rehash. */
#define PASSWORD_M_KIB 19456
#define PASSWORD_T_COST 2
#define PASSWORD_LANES 1
#define PASSWORD_SALT_BYTES 16
#define PASSWORD_HASH_BYTES 32

/* What a stored hash may ask for before we agree to run argon2 on it. */
#define PASSWORD_BOUND_M_MIN 8192
#define PASSWORD_BOUND_M_MAX 65536
#define PASSWORD_BOUND_T_MIN 1
#define PASSWORD_BOUND_T_MAX 4
#define PASSWORD_BOUND_SALT_MIN 8
#define PASSWORD_BOUND_SALT_MAX 64
#define PASSWORD_BOUND_HASH_MIN 16
#define PASSWORD_BOUND_HASH_MAX 64

/*
 * Verified when an account does not exist, so that the answer takes as
 * long as for a real account.  Made once with the current parameters from
 * a random 32-byte password nobody kept; nothing can match it except by
 * chance.  password_verify_dummy asserts it still uses the current
 * parameters, so changing them without regenerating this fails loudly.
 */
static const char password_dummy[] =
    "$argon2id$v=19$m=19456,t=2,p=1$7/zHUsE/JUXpfUnjrPKoPg$"
    "bSFMSS2NI7ihsqmhawrejtrGFj2l0E5FWwvgJmBp2GU";

/*
 * Counts the code points of strictly valid UTF-8 (no overlong forms, no
 * surrogates, nothing above U+10FFFF).  Returns the count, or -1 when the
 * bytes are not valid UTF-8.
 */
static long
utf8_count(const unsigned char *s, size_t len)
{
	size_t i = 0;
	long count = 0;

	while (i < len) {
		unsigned char c = s[i];
		size_t n, k;
		uint32_t cp;

		if (c < 0x80) {
			i++;
			count++;
			continue;
		} else if (c >= 0xc2 && c <= 0xdf) {
			n = 1;
			cp = c & 0x1f;
		} else if (c >= 0xe0 && c <= 0xef) {
			n = 2;
			cp = c & 0x0f;
		} else if (c >= 0xf0 && c <= 0xf4) {
			n = 3;
			cp = c & 0x07;
		} else {
			return -1;
		}
		if (len - i <= n)
			return -1;
		for (k = 1; k <= n; k++) {
			if ((s[i + k] & 0xc0) != 0x80)
				return -1;
			cp = (cp << 6) | (s[i + k] & 0x3f);
		}
		if ((n == 2 && cp < 0x800) || (n == 3 && cp < 0x10000) ||
		    (cp >= 0xd800 && cp <= 0xdfff) || cp > 0x10ffff)
			return -1;
		i += n + 1;
		count++;
	}
	return count;
}

/*
 * Checks a new password against the policy.  Returns 0 when it is between
 * PASSWORD_MIN_CHARS and PASSWORD_MAX_CHARS code points of valid UTF-8,
 * else -1.  The byte length is checked first, so a megabyte of input costs
 * nothing.  Passwords are not normalised: the bytes the browser sent are
 * the bytes hashed.
 */
int
password_policy_check(const char *pw, size_t len)
{
	long chars;

	if (len > PASSWORD_MAX_BYTES || pw == NULL)
		return -1;
	chars = utf8_count((const unsigned char *)pw, len);
	if (chars < PASSWORD_MIN_CHARS || chars > PASSWORD_MAX_CHARS)
		return -1;
	return 0;
}

/*
 * Reads a decimal uint32_t in canonical form (no sign, no leading zero)
 * at *p and advances *p past it.  Returns 0, or -1 when there is no
 * number or it does not fit.
 */
static int
parse_u32(const char **p, uint32_t *out)
{
	const char *s = *p;
	uint64_t v = 0;
	size_t n = 0;

	while (s[n] >= '0' && s[n] <= '9') {
		if (n == 10)
			return -1;
		v = v * 10 + (uint64_t)(s[n] - '0');
		n++;
	}
	if (n == 0 || (n > 1 && s[0] == '0') || v > UINT32_MAX)
		return -1;
	*out = (uint32_t)v;
	*p = s + n;
	return 0;
}

/* Returns the 6-bit value of a standard base64 character, or -1. */
static int
b64_value(char c)
{
	if (c >= 'A' && c <= 'Z')
		return c - 'A';
	if (c >= 'a' && c <= 'z')
		return c - 'a' + 26;
	if (c >= '0' && c <= '9')
		return c - '0' + 52;
	if (c == '+')
		return 62;
	if (c == '/')
		return 63;
	return -1;
}

/*
 * Reads unpadded base64 at *p up to the byte stop, which must follow it,
 * and advances *p to that byte.  Returns the decoded length, or -1 when a
 * character is outside the alphabet, the length is impossible, or the
 * unused low bits of the last character are not zero (libargon2's decoder
 * refuses those too, so we never accept what it would reject).
 */
static long
parse_b64(const char **p, char stop)
{
	const char *s = *p;
	size_t n = 0;
	int last = 0;

	while (s[n] != stop) {
		if (s[n] == '\0' || n >= 256)
			return -1;
		last = b64_value(s[n]);
		if (last < 0)
			return -1;
		n++;
	}
	if (n % 4 == 1 || (n % 4 == 2 && (last & 0x0f) != 0) ||
	    (n % 4 == 3 && (last & 0x03) != 0))
		return -1;
	*p = s + n;
	return (long)(n / 4 * 3 + (n % 4 ? n % 4 - 1 : 0));
}

/* Returns p advanced past the literal lit, or NULL when p does not start
 * with it. */
static const char *
skip_literal(const char *p, const char *lit)
{
	size_t n = strlen(lit);

	return strncmp(p, lit, n) == 0 ? p + n : NULL;
}

/*
 * Parses an encoded hash "$argon2id$v=19$m=M,t=T,p=P$SALT$HASH" and checks
 * its parameters against the bounds we are willing to run (argon2id only,
 * version 19, 8192 <= m <= 65536 KiB, 1 <= t <= 4, p == 1, salt 8..64
 * bytes, hash 16..64 bytes).  Never runs argon2.  Returns 0 and fills *out,
 * or -1 (and leaves *out alone) when the string is malformed or out of
 * bounds.
 */
int
password_params_parse(const char *encoded, struct password_params *out)
{
	struct password_params pp;
	const char *p = encoded;
	long salt_len, hash_len;

	if (p == NULL)
		return -1;
	if ((p = skip_literal(p, "$argon2id$v=19$m=")) == NULL ||
	    parse_u32(&p, &pp.m_kib) != 0 ||
	    (p = skip_literal(p, ",t=")) == NULL ||
	    parse_u32(&p, &pp.t_cost) != 0 ||
	    (p = skip_literal(p, ",p=")) == NULL ||
	    parse_u32(&p, &pp.lanes) != 0 || *p++ != '$')
		return -1;
	if ((salt_len = parse_b64(&p, '$')) < 0 || *p++ != '$' ||
	    (hash_len = parse_b64(&p, '\0')) < 0)
		return -1;
	pp.salt_len = (size_t)salt_len;
	pp.hash_len = (size_t)hash_len;
	if (pp.m_kib < PASSWORD_BOUND_M_MIN ||
	    pp.m_kib > PASSWORD_BOUND_M_MAX ||
	    pp.t_cost < PASSWORD_BOUND_T_MIN ||
	    pp.t_cost > PASSWORD_BOUND_T_MAX || pp.lanes != 1 ||
	    pp.salt_len < PASSWORD_BOUND_SALT_MIN ||
	    pp.salt_len > PASSWORD_BOUND_SALT_MAX ||
	    pp.hash_len < PASSWORD_BOUND_HASH_MIN ||
	    pp.hash_len > PASSWORD_BOUND_HASH_MAX)
		return -1;
	*out = pp;
	return 0;
}

/*
 * Hashes a new password with argon2id, the current parameters and a fresh
 * 16-byte salt from libsodium, writing the NUL-terminated encoded form to
 * out (caller's buffer; nothing is allocated).  The password must pass
 * password_policy_check, so no path can store a hash of a password the
 * policy refuses.  Returns 0, or -1 (out is then "").
 */
int
password_hash(const char *pw, size_t len, char out[PASSWORD_HASH_MAX])
{
	unsigned char salt[PASSWORD_SALT_BYTES];
	int rc;

	out[0] = '\0';
	if (password_policy_check(pw, len) != 0)
		return -1;
	if (sodium_init() < 0) {
		log_error("password: sodium_init failed");
		return -1;
	}
	randombytes_buf(salt, sizeof(salt));
	rc = argon2id_hash_encoded(PASSWORD_T_COST, PASSWORD_M_KIB,
	                           PASSWORD_LANES, pw, len, salt, sizeof(salt),
	                           PASSWORD_HASH_BYTES, out, PASSWORD_HASH_MAX);
	if (rc != ARGON2_OK) {
		log_error("password: argon2id_hash_encoded: %s",
		          argon2_error_message(rc));
		out[0] = '\0';
		return -1;
	}
	return 0;
}

/*
 * Checks a password against a stored encoded hash.  Returns 1 when it
 * matches, 0 when it does not, and -1 when the password is longer than
 * PASSWORD_MAX_BYTES or the stored hash is malformed or out of bounds (in
 * both cases argon2 is not run).  The comparison inside libargon2 is
 * constant-time.
 */
int
password_verify(const char *encoded, const char *pw, size_t len)
{
	struct password_params pp;
	int rc;

	if (len > PASSWORD_MAX_BYTES || (pw == NULL && len > 0))
		return -1;
	if (password_params_parse(encoded, &pp) != 0)
		return -1;
	rc = argon2id_verify(encoded, len > 0 ? pw : "", len);
	if (rc == ARGON2_OK)
		return 1;
	if (rc == ARGON2_VERIFY_MISMATCH)
		return 0;
	log_warn("password: argon2id_verify: %s", argon2_error_message(rc));
	return -1;
}

/*
 * Returns true when a stored hash was made with parameters other than the
 * current ones (memory, passes, lanes, salt or hash length), or cannot be
 * parsed at all; the login handler then stores a fresh password_hash after
 * a successful verify.
 */
bool
password_needs_rehash(const char *encoded)
{
	struct password_params pp;

	if (password_params_parse(encoded, &pp) != 0)
		return true;
	return pp.m_kib != PASSWORD_M_KIB || pp.t_cost != PASSWORD_T_COST ||
	       pp.lanes != PASSWORD_LANES ||
	       pp.salt_len != PASSWORD_SALT_BYTES ||
	       pp.hash_len != PASSWORD_HASH_BYTES;
}

/*
 * Spends the time of one password_verify against a built-in hash with the
 * current parameters; called when the account does not exist, so that the
 * answer's timing does not reveal that.  Returns nothing: the result is
 * meaningless.
 */
void
password_verify_dummy(const char *pw, size_t len)
{
	assert(!password_needs_rehash(password_dummy));
	(void)password_verify(password_dummy, pw, len);
}
