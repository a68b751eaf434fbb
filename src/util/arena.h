/*
 * arena.h: a bump allocator for everything that lives exactly as long as one
 * request (or one template render, or one test case).  Reset frees it all at
 * once and keeps the first block for the next request.
 */
#ifndef GAZETTE_ARENA_H
#define GAZETTE_ARENA_H

#include <stddef.h>

struct arena_block;

struct arena {
	struct arena_block *head;
	size_t total; /* bytes handed out since the last reset */
};

void arena_init(struct arena *a);
void arena_reset(struct arena *a);
void arena_free(struct arena *a);
void *arena_alloc(struct arena *a, size_t n);
void *arena_calloc(struct arena *a, size_t count, size_t size);
/*
 * Returns items (count elements of size bytes, room for *cap) when there
 * is room for one more, else a copy with twice the room (8 when *cap is
 * 0), updating *cap.  The old array is left to the arena.
 */
void *arena_grow(struct arena *a, void *items, size_t count, size_t *cap,
                 size_t size);
char *arena_strndup(struct arena *a, const char *s, size_t n);
char *arena_strdup(struct arena *a, const char *s);
char *arena_concat(struct arena *a, ...) __attribute__((sentinel));
char *arena_printf(struct arena *a, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

#endif
