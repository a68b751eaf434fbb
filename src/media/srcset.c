/*
 * srcset.c: srcset attributes from an image's sizes (see srcset.h).  A
 * candidate is "/uploads/PATH WIDTHw"; a browser picks the narrowest that
 * covers the slot the sizes attribute names, so every candidate of one
 * srcset must be the same picture in one type.  Paths are written as they
 * are, so only paths made of characters a srcset cannot misread (no
 * spaces, no commas) are used: image.c's names always are.
 */
#include <stdbool.h>
#include <string.h>

#include "../util/buf.h"
#include "srcset.h"

#define SRCSET_MAX (1 + 2 * 8) /* the original and its sizes, at most */

/* Returns whether path can stand in a srcset unquoted and unescaped. */
static bool
srcset_path_ok(const char *path)
{
	if (path == NULL || *path == '\0' || *path == '/')
		return false;
	for (; *path; path++) {
		char c = *path;

		if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
		      (c >= '0' && c <= '9') || c == '.' || c == '_' ||
		      c == '-' || c == '/'))
			return false;
	}
	return true;
}

/* Writes the candidates of type mime among files[0..n) (widths
 * ascending); returns the attribute in a, or NULL when fewer than min. */
static const char *
srcset_join(struct arena *a, const struct media_file *const *files, size_t n,
            const char *mime, size_t min)
{
	struct buf b;
	const char *out = NULL;
	size_t i, used = 0;

	buf_init(&b);
	for (i = 0; i < n; i++) {
		if (strcmp(files[i]->mime, mime) != 0 || files[i]->width <= 0 ||
		    !srcset_path_ok(files[i]->path))
			continue;
		if (used++ > 0)
			buf_puts(&b, ", ");
		buf_puts(&b, "/uploads/");
		buf_puts(&b, files[i]->path);
		buf_putc(&b, ' ');
		buf_put_uint(&b, (unsigned long long)files[i]->width, 1);
		buf_putc(&b, 'w');
	}
	if (used >= min && used > 0)
		out = arena_strndup(a, b.data, b.len);
	buf_free(&b);
	return out;
}

void
media_srcset(struct arena *a, const struct media_file *original,
             const struct media_file *sizes, size_t count,
             struct media_srcset *out)
{
	const struct media_file *files[SRCSET_MAX];
	size_t n = 0, i, j;

	out->srcset = NULL;
	out->webp = NULL;
	if (count == 0 || original->width <= 0 ||
	    !srcset_path_ok(original->path))
		return;
	files[n++] = original;
	for (i = 0; i < count && n < SRCSET_MAX; i++)
		files[n++] = &sizes[i];
	/* Narrowest first; a handful of files, so insertion sort. */
	for (i = 1; i < n; i++)
		for (j = i; j > 0 && files[j - 1]->width > files[j]->width;
		     j--) {
			const struct media_file *t = files[j];

			files[j] = files[j - 1];
			files[j - 1] = t;
		}
	/* The original alone needs no srcset. */
	out->srcset = srcset_join(a, files, n, original->mime, 2);
	if (strcmp(original->mime, "image/webp") != 0)
		out->webp = srcset_join(a, files, n, "image/webp", 1);
}
