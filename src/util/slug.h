/*
 * slug.h: URL slugs made from titles in any script.  A slug keeps letters,
 * combining marks and decimal digits (case-folded, NFC), with single '-'
 * between words, so Arabic, Farsi and Albanian titles stay readable.  The
 * router uses slug_valid to type {slug} path parameters; uniqueness and
 * storage are db/'s business.
 */
#ifndef GAZETTE_SLUG_H
#define GAZETTE_SLUG_H

#include <stdbool.h>
#include <stddef.h>

#include "arena.h"

/* Longest slug in bytes (not characters); slug_make cuts there. */
#define SLUG_MAX_BYTES 200

char *slug_make(struct arena *a, const char *text, size_t len);
bool slug_valid(const char *s, size_t len);

#endif
