/*
 * arena.c: bump allocation in chained blocks.  Allocations are aligned for
 * any type; a request larger than a block gets a block of its own.  Nothing
 * is freed singly: arena_reset drops every block but the first.
 */
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "arena.h"

#define ARENA_BLOCK_BYTES (64 * 1024)
#define ARENA_ALIGN 16

struct arena_block {
	struct arena_block *next;
	size_t used;
	size_t size;
	_Alignas(ARENA_ALIGN) unsigned char data[];
};

static struct arena_block *
block_new(size_t size, struct arena_block *next)
{
	struct arena_block *b = xmalloc(sizeof(*b) + size);

	b->next = next;
	b->used = 0;
	b->size = size;
	return b;
}

/* Makes an empty arena; the first block is allocated on first use. */
void
arena_init(struct arena *a)
{
	a->head = NULL;
	a->total = 0;
}

/* Frees every block but the oldest, which is kept (emptied) for reuse. */
void
arena_reset(struct arena *a)
{
	struct arena_block *b = a->head, *next;

	if (b == NULL)
		return;
	while (b->next != NULL) {
		next = b->next;
		free(b);
		b = next;
	}
	b->used = 0;
	a->head = b;
	a->total = 0;
}

/* Frees all memory of the arena. */
void
arena_free(struct arena *a)
{
	struct arena_block *b = a->head, *next;

	while (b != NULL) {
		next = b->next;
		free(b);
		b = next;
	}
	arena_init(a);
}

/* Returns n bytes aligned for any type, valid until the next reset. */
void *
arena_alloc(struct arena *a, size_t n)
{
	struct arena_block *b = a->head;
	size_t need = (n + ARENA_ALIGN - 1) & ~(size_t)(ARENA_ALIGN - 1);
	void *p;

	if (need < n)
		abort();
	if (b == NULL || b->size - b->used < need) {
		if (need > ARENA_BLOCK_BYTES / 4) {
			/* A big piece gets its own block behind the head. */
			struct arena_block *big = block_new(need, NULL);

			if (b == NULL) {
				a->head = big;
			} else {
				big->next = b->next;
				b->next = big;
			}
			big->used = need;
			a->total += need;
			return big->data;
		}
		b = block_new(ARENA_BLOCK_BYTES, b);
		a->head = b;
	}
	p = b->data + b->used;
	b->used += need;
	a->total += need;
	return p;
}

/* Returns zeroed memory for count items of size bytes. */
void *
arena_calloc(struct arena *a, size_t count, size_t size)
{
	void *p;

	if (size != 0 && count > SIZE_MAX / size)
		abort();
	p = arena_alloc(a, count * size);
	memset(p, 0, count * size);
	return p;
}

/* Makes room for one more element; see arena.h. */
void *
arena_grow(struct arena *a, void *items, size_t count, size_t *cap, size_t size)
{
	void *bigger;

	if (count < *cap)
		return items;
	bigger = arena_calloc(a, *cap ? *cap * 2 : 8, size);
	if (count > 0)
		memcpy(bigger, items, count * size);
	*cap = *cap ? *cap * 2 : 8;
	return bigger;
}

/* Returns a NUL-terminated copy of the first n bytes of s. */
char *
arena_strndup(struct arena *a, const char *s, size_t n)
{
	char *p = arena_alloc(a, n + 1);

	if (n > 0)
		memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

/* Returns a copy of the string s. */
char *
arena_strdup(struct arena *a, const char *s)
{
	return arena_strndup(a, s, strlen(s));
}

/*
 * Returns the concatenation of the strings given (the list ends with NULL),
 * allocated in the arena.  Cheaper than arena_printf where only strings
 * are joined, as on every listing entry.
 */
char *
arena_concat(struct arena *a, ...)
{
	va_list ap;
	const char *s;
	size_t total = 0;
	char *out, *p;

	va_start(ap, a);
	while ((s = va_arg(ap, const char *)) != NULL)
		total += strlen(s);
	va_end(ap);
	p = out = arena_alloc(a, total + 1);
	va_start(ap, a);
	while ((s = va_arg(ap, const char *)) != NULL) {
		size_t n = strlen(s);

		memcpy(p, s, n);
		p += n;
	}
	va_end(ap);
	*p = '\0';
	return out;
}

/* Returns a formatted string allocated in the arena. */
char *
arena_printf(struct arena *a, const char *fmt, ...)
{
	va_list ap;
	int n;
	char *p;

	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0)
		return arena_strdup(a, "");
	p = arena_alloc(a, (size_t)n + 1);
	va_start(ap, fmt);
	vsnprintf(p, (size_t)n + 1, fmt, ap);
	va_end(ap);
	return p;
}
