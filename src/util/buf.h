/*
 * buf.h: a growable byte buffer, always NUL-terminated, used for rendered
 * pages, response headers and anything built piece by piece.
 */
#ifndef GAZETTE_BUF_H
#define GAZETTE_BUF_H

#include <stdarg.h>
#include <stddef.h>
#include <string.h>

struct buf {
	char *data; /* NUL-terminated when cap > 0 */
	size_t len;
	size_t cap;
};

void buf_init(struct buf *b);
void buf_free(struct buf *b);
void buf_reset(struct buf *b);
void buf_grow(struct buf *b, size_t extra);

/*
 * Appends len bytes of data.  Inline: pages are built from many short
 * pieces, and the common case is a copy into room already there.
 */
static inline void
buf_append(struct buf *b, const void *data, size_t len)
{
	if (b->cap - b->len <= len)
		buf_grow(b, len);
	if (len > 0)
		memcpy(b->data + b->len, data, len);
	b->len += len;
	b->data[b->len] = '\0';
}

void buf_puts(struct buf *b, const char *s);
void buf_putc(struct buf *b, char c);
void buf_put_uint(struct buf *b, unsigned long long v, int min_digits);
void buf_printf(struct buf *b, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
void buf_vprintf(struct buf *b, const char *fmt, va_list ap)
    __attribute__((format(printf, 2, 0)));
char *buf_detach(struct buf *b);

#endif
