/*
 * fuzz.h: what the libFuzzer entries share: the entry point's prototype
 * and FUZZ_CHECK, which turns a broken property into a crash libFuzzer
 * reports (with the input that broke it).
 */
#ifndef GAZETTE_FUZZ_H
#define GAZETTE_FUZZ_H

#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#define FUZZ_CHECK(cond)                                                       \
	do {                                                                   \
		if (!(cond))                                                   \
			abort();                                               \
	} while (0)

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#endif
