/*
 * buf.c: growable buffers.  Memory comes from xmalloc, so appending never
 * fails; a buffer may be reset and reused to keep its capacity, which is how
 * a worker reuses one response buffer for every request.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "buf.h"

/* Makes b empty, owning no memory. */
void
buf_init(struct buf *b)
{
	b->data = NULL;
	b->len = 0;
	b->cap = 0;
}

/* Frees what b owns and leaves it empty. */
void
buf_free(struct buf *b)
{
	free(b->data);
	buf_init(b);
}

/* Empties b but keeps its memory for reuse. */
void
buf_reset(struct buf *b)
{
	b->len = 0;
	if (b->data != NULL)
		b->data[0] = '\0';
}

/* Makes room for extra more bytes plus the terminating NUL. */
void
buf_grow(struct buf *b, size_t extra)
{
	size_t need = b->len + extra + 1;
	size_t cap;

	if (need <= b->cap)
		return;
	cap = b->cap ? b->cap : 256;
	while (cap < need)
		cap *= 2;
	b->data = xrealloc(b->data, cap);
	b->cap = cap;
	b->data[b->len] = '\0';
}

/* Appends the string s. */
void
buf_puts(struct buf *b, const char *s)
{
	buf_append(b, s, strlen(s));
}

/* Appends one byte. */
void
buf_putc(struct buf *b, char c)
{
	buf_grow(b, 1);
	b->data[b->len++] = c;
	b->data[b->len] = '\0';
}

/*
 * Appends v in decimal, with leading zeros up to min_digits.  Response
 * headers and dates are written this way: printf parses its format on
 * every call, and every response writes several.
 */
void
buf_put_uint(struct buf *b, unsigned long long v, int min_digits)
{
	char tmp[24];
	int n = 0;

	do
		tmp[n++] = (char)('0' + v % 10);
	while ((v /= 10) != 0 && n < (int)sizeof(tmp));
	while (n < min_digits && n < (int)sizeof(tmp))
		tmp[n++] = '0';
	buf_grow(b, (size_t)n);
	while (n > 0)
		b->data[b->len++] = tmp[--n];
	b->data[b->len] = '\0';
}

/* Appends formatted text. */
void
buf_vprintf(struct buf *b, const char *fmt, va_list ap)
{
	va_list copy;
	int n;

	va_copy(copy, ap);
	n = vsnprintf(NULL, 0, fmt, copy);
	va_end(copy);
	if (n < 0)
		return;
	buf_grow(b, (size_t)n);
	vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
	b->len += (size_t)n;
}

/* Appends formatted text. */
void
buf_printf(struct buf *b, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	buf_vprintf(b, fmt, ap);
	va_end(ap);
}

/*
 * Returns the buffer's NUL-terminated contents (an empty string for an empty
 * buffer) and leaves b empty.  The caller frees the result.
 */
char *
buf_detach(struct buf *b)
{
	char *p;

	buf_grow(b, 0);
	p = b->data;
	buf_init(b);
	return p;
}
