/*
 * fuzz_password.c: libFuzzer entry for password_params_parse, the bounds
 * parser that stands between a stored hash and libargon2.  argon2 itself is
 * never run here (it would only make the fuzzer slow).  Whatever the parser
 * accepts must lie inside the bounds it promises.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "auth/password.h"
#include "fuzz.h"

/* Like assert, but kept when NDEBUG is defined (CMake's Release). */
/* Parses one input as a NUL-terminated string; returns 0 always. */
int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct password_params pp;
	char *s = malloc(size + 1);

	if (s == NULL)
		return 0;
	memcpy(s, data, size);
	s[size] = '\0';
	if (password_params_parse(s, &pp) == 0) {
		FUZZ_CHECK(strncmp(s, "$argon2id$v=19$m=", 17) == 0);
		FUZZ_CHECK(pp.m_kib >= 8192 && pp.m_kib <= 65536);
		FUZZ_CHECK(pp.t_cost >= 1 && pp.t_cost <= 4);
		FUZZ_CHECK(pp.lanes == 1);
		FUZZ_CHECK(pp.salt_len >= 8 && pp.salt_len <= 64);
		FUZZ_CHECK(pp.hash_len >= 16 && pp.hash_len <= 64);
		(void)password_needs_rehash(s);
	}
	free(s);
	return 0;
}
