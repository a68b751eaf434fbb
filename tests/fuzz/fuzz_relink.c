/*
 * fuzz_relink.c: libFuzzer entry for export-static's link rewriter
 * (src/export/relink.c).  The input is a page, rewritten as if it were
 * /articles/x saved as articles/x/index.html, with every link into the
 * site mapped as the exporter maps it; and a URL, resolved and mapped.
 * Checks: the rewriter never loses bytes outside tags (a page without
 * '<' comes out unchanged), never adds a form, and every file it is asked
 * to point at and every relative URL it writes stays inside the output
 * folder: no leading '/', no '.' or '..' segment, no empty segment, no
 * control character, no ':' that could read as a scheme.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "export/relink.h"
#include "fuzz.h"

/* Checks that f is a plain relative path: segments neither empty nor
 * dot-led, no control characters. */
static void
check_file(const char *f, size_t len)
{
	size_t seg = 0;

	FUZZ_CHECK(len > 0 && f[0] != '/');
	for (size_t i = 0; i <= len; i++) {
		if (i == len || f[i] == '/') {
			FUZZ_CHECK(i > seg && f[seg] != '.');
			seg = i + 1;
		} else {
			FUZZ_CHECK((unsigned char)f[i] >= 0x20 && f[i] != 0x7f);
		}
	}
}

/* Maps a link as export.c does (uploads and assets as files). */
static int
target(void *ctx, const char *path, struct buf *file)
{
	bool as_file = strncmp(path, "/uploads/", 9) == 0 ||
	               strncmp(path, "/css/", 5) == 0;

	(void)ctx;
	FUZZ_CHECK(path[0] == '/' && strlen(path) <= RELINK_PATH_MAX);
	FUZZ_CHECK(strstr(path, "/./") == NULL && strstr(path, "/../") == NULL);
	if (relink_file_for_path(path, strlen(path), as_file, file) < 0)
		return -1;
	check_file(file->data, file->len);
	return 0;
}

/* Checks a relative URL written from from to to. */
static void
check_relative(const char *from, const char *to)
{
	struct buf rel;

	buf_init(&rel);
	relink_relative(from, to, &rel);
	FUZZ_CHECK(rel.len > 0 && rel.data[0] != '/');
	FUZZ_CHECK(strchr(rel.data, ':') == NULL);
	FUZZ_CHECK(strchr(rel.data, '?') == NULL);
	FUZZ_CHECK(strchr(rel.data, '#') == NULL);
	buf_free(&rel);
}

/* Counts case-insensitive "<form" in s. */
static size_t
forms(const char *s, size_t len)
{
	size_t n = 0;

	for (size_t i = 0; i + 5 <= len; i++)
		if (s[i] == '<' && strncasecmp(s + i + 1, "form", 4) == 0)
			n++;
	return n;
}

/* Rewrites one page and resolves the input as one URL; returns 0. */
int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct relink_page p = {
	    .origin = "https://example.org",
	    .path = "/articles/x",
	    .file = "articles/x/index.html",
	    .notice_html = "<p>notice</p>",
	    .target = target,
	};
	const char *in = (const char *)data, *fragment = NULL;
	struct buf out, path, file;

	buf_init(&out);
	buf_init(&path);
	buf_init(&file);
	relink_html(&p, in, size, &out);
	if (memchr(in, '<', size) == NULL)
		FUZZ_CHECK(out.len == size && memcmp(out.data, in, size) == 0);
	FUZZ_CHECK(forms(out.data ? out.data : "", out.len) <= forms(in, size));
	relink_xml_links(&p, in, size);
	if (relink_resolve(p.origin, p.path, in, size, &path, &fragment)) {
		FUZZ_CHECK(path.len > 0 && path.data[0] == '/');
		FUZZ_CHECK(fragment == NULL ||
		           (fragment >= in && fragment < in + size &&
		            *fragment == '#'));
		if (target(NULL, path.data, &file) == 0)
			check_relative(p.file, file.data);
	}
	buf_reset(&file);
	if (relink_file_for_path(in, size, false, &file) == 0) {
		check_file(file.data, file.len);
		check_relative(p.file, file.data);
		check_relative(file.data, p.file);
	}
	buf_free(&out);
	buf_free(&path);
	buf_free(&file);
	return 0;
}
