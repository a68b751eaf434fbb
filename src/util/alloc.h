/*
 * alloc.h: allocation that cannot fail.  Running out of memory aborts inside
 * these functions, so call sites never check for NULL (as fossil_malloc and
 * git's xmalloc do).
 */
#ifndef GAZETTE_ALLOC_H
#define GAZETTE_ALLOC_H

#include <stddef.h>

void *xmalloc(size_t n);
void *xcalloc(size_t count, size_t size);
void *xrealloc(void *p, size_t n);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);

#endif
