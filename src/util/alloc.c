/*
 * alloc.c: malloc wrappers that abort on exhaustion.  Nothing else here: the
 * per-request arena lives in arena.c, growable strings in buf.c.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"

static void
oom(size_t n)
{
	fprintf(stderr, "gazette: out of memory allocating %zu bytes\n", n);
	abort();
}

/* Returns n bytes (at least one); never NULL. Free with free(). */
void *
xmalloc(size_t n)
{
	void *p = malloc(n ? n : 1);

	if (p == NULL)
		oom(n);
	return p;
}

/* Returns zeroed memory for count items of size bytes; never NULL. */
void *
xcalloc(size_t count, size_t size)
{
	void *p = calloc(count ? count : 1, size ? size : 1);

	if (p == NULL)
		oom(count * size);
	return p;
}

/* Resizes p to n bytes; never NULL. */
void *
xrealloc(void *p, size_t n)
{
	void *q = realloc(p, n ? n : 1);

	if (q == NULL)
		oom(n);
	return q;
}

/* Returns a malloc'd copy of s. */
char *
xstrdup(const char *s)
{
	return xstrndup(s, strlen(s));
}

/* Returns a malloc'd, NUL-terminated copy of the first n bytes of s. */
char *
xstrndup(const char *s, size_t n)
{
	char *p = xmalloc(n + 1);

	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}
