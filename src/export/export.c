/*
 * export.c: `gazette export-static` (see export.h).
 *
 * Every address is an entry: a page rendered through app_handle, a file
 * of www/ (css, js) or an upload, each with the file it becomes under the
 * output folder.  Entries are found as pages link to them (relink.c calls
 * back for each link) and handled in that order, so the crawl is
 * breadth-first from the starting points: each enabled edition's home,
 * its feeds, /robots.txt and /sitemap.xml (a starting point that does not
 * exist is skipped), then the date archives, which nothing links.  Two
 * addresses that come to the same file (/ar and /ar/, %d8 and %D8) are one
 * entry.
 *
 * Incremental: the manifest (EXPORT_MANIFEST) lists every file an export
 * wrote, with a 128-bit XXH3 of a page's bytes.  A page whose hash and
 * size match is not written again; www files and uploads are hard links
 * (a copy where the folder is on another device, with the source's
 * modification time) and are left alone when they are still the same
 * file, or a copy of the same size and time.  Files are written to a
 * temporary name beside their own and renamed.  Only files the old
 * manifest lists are ever removed, and only when this run did not
 * produce them.  Before the manifest is written the folder's file system
 * is synced (syncfs), so the manifest never names a file that a power
 * cut could lose, and again after it.  Every path under the folder is walked
 * one segment at a time with O_NOFOLLOW, so a symbolic link planted there is
 * never followed out of it.
 *
 * Rendering only what changed: the manifest also keeps which files each
 * page links to and the previous run's view of the database
 * (export_db.h); when only articles' text changed, only their pages, the
 * pages and feeds linking to them and their editions' sitemaps are
 * rendered (plan_incremental).
 */
#include <dirent.h>
#include <errno.h>
#include <stdarg.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <xxhash.h>

#include "../app.h"
#include "../db/export_db.h"
#include "../handlers/handlers.h"
#include "../render/html.h"
#include "../util/alloc.h"
#include "export.h"
#include "relink.h"

#define NONE ((size_t)-1)
/* A redirect that leads to its own file (/ar to /ar/) is followed. */
#define MAX_HOPS 5
#define MANIFEST_HEADER "gazette-export 1"
#define MANIFEST_MAX_BYTES (256u << 20)

enum kind { K_PAGE, K_ASSET, K_UPLOAD };

struct entry {
	const char *path; /* the URL path first met (encoded) */
	const char *file; /* under the output folder, decoded */
	size_t from;      /* the page that first linked it; NONE: a start */
	enum kind kind;
	bool produced; /* written or found unchanged by this run */
	bool old;      /* read from the previous run's manifest */
	bool render;   /* to be rendered by this run */
	bool start;    /* a starting point */
	bool wrote;    /* this run wrote its file */
	char hash[33]; /* a page's XXH3-128 in hex; "-" for a linked file */
	long long size;
	/* The entries this page links to, each once (mark: the last page
	 * that linked here, plus one). */
	size_t *links;
	size_t links_n, links_cap;
	size_t mark;
};

/* A string-keyed table (open addressing) of entry indexes. */
struct smap {
	const char **keys;
	size_t *vals;
	size_t cap, count;
};

/* A line of the previous run's manifest. */
struct old_file {
	char kind; /* 'P' a page, 'A' a www/ file, 'U' an upload */
	const char *path, *file;
	char hash[33];
	long long size;
	size_t *links; /* indexes of other lines */
	size_t links_n;
};

/* An article as the previous run saw it. */
struct old_article {
	long long id;
	char content[33];
	unsigned long long position;
};

struct exporter {
	const struct export_options *o;
	struct export_summary *s;
	char *err;
	size_t err_len;
	struct app app;
	struct template_set *templates;
	bool app_open, snapshot;
	int out_fd, www_fd, uploads_fd;
	struct arena keep;    /* what lives for the whole run */
	struct arena request; /* one page */
	struct buf body, page, scratch;
	const char *origin;
	struct entry *e;
	size_t n, cap;
	struct smap by_path, by_file;
	struct old_file *old;
	size_t old_n;
	struct smap old_by_file;
	/* The previous run's view of the database, and this one's. */
	bool old_header;
	long long old_time;
	char old_program[33], old_fingerprint[33];
	struct old_article *old_arts;
	size_t old_arts_n;
	char program[33], fingerprint[33];
	struct export_article *arts;
	size_t arts_n;
	size_t current; /* the page being rendered: the referrer of links */
	bool failed;
	unsigned tmp_counter;
	/* The last folder opened for writing, kept open. */
	struct buf dir_path;
	int dir_fd;
};

/* Writes a message into the exporter's err; returns code. */
__attribute__((format(printf, 3, 4))) static int
fail(struct exporter *x, int code, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(x->err, x->err_len, fmt, ap);
	va_end(ap);
	x->failed = true;
	return code;
}

/* --- the string table ---------------------------------------------------- */

static size_t
smap_slot(const struct smap *m, const char *key)
{
	size_t i = (size_t)XXH3_64bits(key, strlen(key)) & (m->cap - 1);

	while (m->keys[i] != NULL && strcmp(m->keys[i], key) != 0)
		i = (i + 1) & (m->cap - 1);
	return i;
}

/* Returns the value of key, or NONE. */
static size_t
smap_get(const struct smap *m, const char *key)
{
	size_t i;

	if (m->cap == 0)
		return NONE;
	i = smap_slot(m, key);
	return m->keys[i] ? m->vals[i] : NONE;
}

/* Tells whether key is in the table (its value may be NONE). */
static bool
smap_has(const struct smap *m, const char *key)
{
	return m->cap > 0 && m->keys[smap_slot(m, key)] != NULL;
}

/* Sets key (which must outlive the table) to val. */
static void
smap_put(struct smap *m, const char *key, size_t val)
{
	size_t i;

	if ((m->count + 1) * 2 > m->cap) {
		struct smap g = {0};

		g.cap = m->cap ? m->cap * 2 : 1024;
		g.keys = xcalloc(g.cap, sizeof(*g.keys));
		g.vals = xcalloc(g.cap, sizeof(*g.vals));
		for (size_t k = 0; k < m->cap; k++)
			if (m->keys[k] != NULL) {
				size_t s = smap_slot(&g, m->keys[k]);

				g.keys[s] = m->keys[k];
				g.vals[s] = m->vals[k];
				g.count++;
			}
		free(m->keys);
		free(m->vals);
		*m = g;
	}
	i = smap_slot(m, key);
	if (m->keys[i] == NULL) {
		m->keys[i] = key;
		m->count++;
	}
	m->vals[i] = val;
}

static void
smap_free(struct smap *m)
{
	free(m->keys);
	free(m->vals);
	memset(m, 0, sizeof(*m));
}

/* --- files under the output folder --------------------------------------- */

/* Forgets the folder kept open. */
static void
dir_cache_drop(struct exporter *x)
{
	if (x->dir_fd >= 0)
		close(x->dir_fd);
	x->dir_fd = -1;
	buf_reset(&x->dir_path);
}

/*
 * Returns a descriptor of the folder that holds file (relative to the
 * output folder), walking it segment by segment without following
 * symbolic links, and creating missing folders when create is set.  Sets
 * *base to the file's last segment.  The descriptor stays the exporter's
 * (do not close it).  Returns -1 with errno set on failure.
 */
static int
open_parent(struct exporter *x, const char *file, bool create,
            const char **base)
{
	const char *slash = strrchr(file, '/');
	size_t dir_len = slash ? (size_t)(slash - file) : 0;
	const char *p = file;
	int fd;

	*base = slash ? slash + 1 : file;
	if (dir_len == 0)
		return x->out_fd;
	if (x->dir_fd >= 0 && x->dir_path.len == dir_len &&
	    memcmp(x->dir_path.data, file, dir_len) == 0)
		return x->dir_fd;
	dir_cache_drop(x);
	fd = dup(x->out_fd);
	while (fd >= 0 && p < file + dir_len) {
		const char *end = memchr(p, '/', (size_t)(file + dir_len - p));
		size_t n =
		    end ? (size_t)(end - p) : (size_t)(file + dir_len - p);
		char seg[256];
		int next;

		if (n == 0 || n >= sizeof(seg)) {
			close(fd);
			errno = EINVAL;
			return -1;
		}
		memcpy(seg, p, n);
		seg[n] = '\0';
		next = openat(fd, seg,
		              O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
		if (next < 0 && errno == ENOENT && create &&
		    (mkdirat(fd, seg, 0755) == 0 || errno == EEXIST))
			next = openat(fd, seg,
			              O_RDONLY | O_DIRECTORY | O_NOFOLLOW |
			                  O_CLOEXEC);
		close(fd);
		fd = next;
		p += n + 1;
	}
	if (fd < 0)
		return -1;
	x->dir_fd = fd;
	buf_append(&x->dir_path, file, dir_len);
	return fd;
}

/* Writes len bytes of data as file, atomically; returns 0 or -1. */
static int
write_atomic(struct exporter *x, const char *file, const char *data, size_t len)
{
	const char *base;
	char tmp[64];
	int dfd = open_parent(x, file, true, &base), fd;
	size_t done = 0;

	if (dfd < 0)
		return fail(x, -1, "cannot make the folder of %s: %s", file,
		            strerror(errno));
	snprintf(tmp, sizeof(tmp), ".gazette-tmp-%ld-%u", (long)getpid(),
	         ++x->tmp_counter);
	fd = openat(dfd, tmp,
	            O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0644);
	if (fd < 0)
		return fail(x, -1, "cannot write %s: %s", file,
		            strerror(errno));
	while (done < len) {
		ssize_t w = write(fd, data + done, len - done);

		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			break;
		done += (size_t)w;
	}
	if (close(fd) < 0 || done < len || renameat(dfd, tmp, dfd, base) < 0) {
		int saved = errno;

		unlinkat(dfd, tmp, 0);
		return fail(x, -1, "cannot write %s: %s", file,
		            strerror(saved));
	}
	return 0;
}

/* Copies the open file src into a new file tmp in dfd, with src's times;
 * returns 0 or -1. */
static int
copy_file(int src, const struct stat *st, int dfd, const char *tmp)
{
	char block[65536];
	struct timespec times[2] = {st->st_atim, st->st_mtim};
	int fd =
	    openat(dfd, tmp,
	           O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0644);
	ssize_t r = 0;

	if (fd < 0)
		return -1;
	while ((r = read(src, block, sizeof(block))) != 0) {
		size_t done = 0;

		if (r < 0 && errno == EINTR)
			continue;
		if (r < 0)
			break;
		while (done < (size_t)r) {
			ssize_t w = write(fd, block + done, (size_t)r - done);

			if (w < 0 && errno == EINTR)
				continue;
			if (w <= 0) {
				r = -1;
				break;
			}
			done += (size_t)w;
		}
		if (r < 0)
			break;
	}
	if (r < 0 || futimens(fd, times) < 0) {
		close(fd);
		unlinkat(dfd, tmp, 0);
		return -1;
	}
	if (close(fd) < 0) {
		unlinkat(dfd, tmp, 0);
		return -1;
	}
	return 0;
}

/* Hex of XXH3-128 of data into out[33]. */
static void
hash_hex(const char *data, size_t len, char out[33])
{
	XXH128_hash_t h = XXH3_128bits(data, len);
	static const char hex[] = "0123456789abcdef";
	uint64_t parts[2] = {h.high64, h.low64};

	for (int k = 0; k < 2; k++)
		for (int i = 0; i < 16; i++)
			out[k * 16 + i] = hex[(parts[k] >> (60 - 4 * i)) & 15];
	out[32] = '\0';
}

/* Hex of 16 bytes into out[33]. */
static void
hash_hex_bytes(const unsigned char h[16], char out[33])
{
	static const char hex[] = "0123456789abcdef";

	for (int i = 0; i < 16; i++) {
		out[2 * i] = hex[h[i] >> 4];
		out[2 * i + 1] = hex[h[i] & 15];
	}
	out[32] = '\0';
}

/* Returns the previous run's line for file, or NULL. */
static const struct old_file *
old_get(const struct exporter *x, const char *file)
{
	size_t i = smap_get(&x->old_by_file, file);

	return i == NONE ? NULL : &x->old[i];
}

/* Keeps the bytes of entry i: written when they differ from what the
 * previous run left. */
static void
keep_page(struct exporter *x, size_t i, const char *data, size_t len)
{
	struct entry *e = &x->e[i];
	const struct old_file *old = old_get(x, e->file);
	struct stat st;

	hash_hex(data, len, e->hash);
	e->size = (long long)len;
	if (old != NULL && strcmp(old->hash, e->hash) == 0 &&
	    old->size == e->size &&
	    fstatat(x->out_fd, e->file, &st, AT_SYMLINK_NOFOLLOW) == 0 &&
	    S_ISREG(st.st_mode) && st.st_size == e->size) {
		x->s->unchanged++;
		e->produced = true;
		return;
	}
	if (write_atomic(x, e->file, data, len) == 0) {
		x->s->written++;
		e->produced = e->wrote = true;
	}
}

/* Places a www/ file or an upload (entry i): a hard link to the source,
 * or a copy where a link cannot be made. */
static void
keep_file(struct exporter *x, size_t i)
{
	struct entry *e = &x->e[i];
	bool upload = e->kind == K_UPLOAD;
	const char *rel = upload ? e->file + strlen("uploads/") : e->file;
	int src_dir = upload ? x->uploads_fd : x->www_fd, dfd, src;
	struct stat sst, dst;
	const char *base;
	char tmp[64];

	if (upload)
		x->s->uploads++;
	if (src_dir < 0 ||
	    fstatat(src_dir, rel, &sst, AT_SYMLINK_NOFOLLOW) < 0 ||
	    !S_ISREG(sst.st_mode)) {
		if (upload && x->s->uploads_missing++ == 0)
			snprintf(x->s->first_missing,
			         sizeof(x->s->first_missing), "/%s", e->file);
		return;
	}
	e->hash[0] = '-';
	e->hash[1] = '\0';
	e->size = (long long)sst.st_size;
	if (fstatat(x->out_fd, e->file, &dst, AT_SYMLINK_NOFOLLOW) == 0 &&
	    S_ISREG(dst.st_mode) &&
	    ((dst.st_dev == sst.st_dev && dst.st_ino == sst.st_ino) ||
	     (old_get(x, e->file) != NULL && dst.st_size == sst.st_size &&
	      dst.st_mtim.tv_sec == sst.st_mtim.tv_sec &&
	      dst.st_mtim.tv_nsec == sst.st_mtim.tv_nsec))) {
		x->s->unchanged++;
		e->produced = true;
		return;
	}
	if ((dfd = open_parent(x, e->file, true, &base)) < 0) {
		fail(x, 1, "cannot make the folder of %s: %s", e->file,
		     strerror(errno));
		return;
	}
	snprintf(tmp, sizeof(tmp), ".gazette-tmp-%ld-%u", (long)getpid(),
	         ++x->tmp_counter);
	if (linkat(src_dir, rel, dfd, tmp, 0) < 0) {
		/* Another device, or links refused: a copy. */
		src = openat(src_dir, rel, O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
		if (src < 0 || copy_file(src, &sst, dfd, tmp) < 0) {
			int saved = errno;

			if (src >= 0)
				close(src);
			fail(x, 1, "cannot copy %s: %s", e->file,
			     strerror(saved));
			return;
		}
		close(src);
	}
	if (renameat(dfd, tmp, dfd, base) < 0) {
		int saved = errno;

		unlinkat(dfd, tmp, 0);
		fail(x, 1, "cannot write %s: %s", e->file, strerror(saved));
		return;
	}
	x->s->written++;
	e->produced = e->wrote = true;
}

/* --- entries -------------------------------------------------------------- */

/*
 * Returns the entry of an address into the site (path: encoded, as
 * relink_resolve gives it), adding it when new, with from as its first
 * referrer.  Returns NONE for a path that cannot be a file under the
 * folder (it is then left as written) or past EXPORT_MAX_ADDRESSES.
 */
static size_t
entry_for(struct exporter *x, const char *path, size_t from)
{
	size_t idx = smap_get(&x->by_path, path), len = strlen(path);
	const char *key, *file;
	enum kind kind = K_PAGE;
	struct stat st;

	if (idx != NONE || smap_has(&x->by_path, path))
		return idx; /* known, or judged unusable before */
	key = arena_strdup(&x->keep, path);
	buf_reset(&x->scratch);
	if (strncmp(path, "/uploads/", 9) == 0) {
		if (relink_file_for_path(path, len, true, &x->scratch) < 0)
			goto bad;
		kind = K_UPLOAD;
	} else if (x->www_fd >= 0 &&
	           relink_file_for_path(path, len, true, &x->scratch) == 0 &&
	           fstatat(x->www_fd, x->scratch.data, &st,
	                   AT_SYMLINK_NOFOLLOW) == 0 &&
	           S_ISREG(st.st_mode)) {
		kind = K_ASSET;
	} else {
		buf_reset(&x->scratch);
		if (relink_file_for_path(path, len, false, &x->scratch) < 0)
			goto bad;
	}
	idx = smap_get(&x->by_file, x->scratch.data);
	if (idx != NONE) {
		smap_put(&x->by_path, key, idx);
		return idx;
	}
	if (x->n >= EXPORT_MAX_ADDRESSES) {
		fail(x, 1, "more than %d addresses: stopped",
		     EXPORT_MAX_ADDRESSES);
		return NONE;
	}
	file = arena_strdup(&x->keep, x->scratch.data);
	if (x->n == x->cap) {
		x->cap = x->cap ? x->cap * 2 : 1024;
		x->e = xrealloc(x->e, x->cap * sizeof(*x->e));
	}
	memset(&x->e[x->n], 0, sizeof(x->e[x->n]));
	x->e[x->n].path = key;
	x->e[x->n].file = file;
	x->e[x->n].from = from;
	x->e[x->n].kind = kind;
	smap_put(&x->by_path, key, x->n);
	smap_put(&x->by_file, file, x->n);
	return x->n++;
bad:
	/* Remembered, so that it is judged once. */
	smap_put(&x->by_path, key, NONE);
	return NONE;
}

/* Records that page from links to entry to (once per page). */
static void
add_link(struct exporter *x, size_t from, size_t to)
{
	struct entry *f = &x->e[from];

	if (x->e[to].mark == from + 1)
		return;
	x->e[to].mark = from + 1;
	if (f->links_n == f->links_cap) {
		f->links_cap = f->links_cap ? f->links_cap * 2 : 16;
		f->links = xrealloc(f->links, f->links_cap * sizeof(*f->links));
	}
	f->links[f->links_n++] = to;
}

/* relink's callback: the file a link into the site points at. */
static int
link_target(void *ctx, const char *path, struct buf *file_out)
{
	struct exporter *x = ctx;
	size_t i = entry_for(x, path, x->current);

	if (i == NONE)
		return -1;
	add_link(x, x->current, i);
	buf_puts(file_out, x->e[i].file);
	return 0;
}

/* --- rendering ------------------------------------------------------------ */

/* Returns the edition a URL path (starting with '/') belongs to, as the
 * router decides it: the enabled edition whose prefix is its first
 * segment, else the one without a prefix (NULL when there is none). */
static const struct edition *
edition_of(const struct site *site, const char *path)
{
	size_t seg = strcspn(path + 1, "/");
	const struct edition *e =
	    seg > 0 ? site_edition_by_prefix(site, path + 1, seg) : NULL;

	return e ? e : site_edition_by_prefix(site, "", 0);
}

/* Renders path through the request path; returns the status and sets
 * *type and *location (NULL when absent).  The body is in x->body. */
static int
render(struct exporter *x, const char *path, const char **type,
       const char **location)
{
	struct raw_request raw;
	struct resp resp;
	struct kv host = {"HTTP_HOST", "localhost", 9};

	arena_reset(&x->request);
	memset(&raw, 0, sizeof(raw));
	raw.method = "GET";
	raw.request_uri = path;
	raw.remote_addr = "127.0.0.1";
	raw.content_length = -1;
	raw.headers = &host;
	raw.headers_count = 1;
	resp_init(&resp, &x->request, &x->body);
	app_handle(&x->app, &raw, &x->request, &resp);
	*type = resp.content_type;
	*location = NULL;
	for (size_t i = 0; i < resp.headers_count; i++)
		if (strcasecmp(resp.headers[i].name, "Location") == 0)
			*location = resp.headers[i].value;
	return resp.status;
}

/* Returns the notice that replaces forms on the page at path, in its
 * edition's words, as HTML (in the request's arena). */
static const char *
form_notice(struct exporter *x, const char *path)
{
	static const char key[] = "static_form_notice";
	const struct site *site = &x->app.site;
	const struct edition *def = site_edition_by_prefix(site, "", 0);
	const struct edition *e = edition_of(site, path);
	const char *text;
	struct buf b;
	char *out;

	text = e ? edition_string(e, key) : key;
	if (text == key && def != NULL)
		text = edition_string(def, key);
	buf_init(&b);
	buf_puts(&b, "<p class=\"static-notice\">");
	html_text(&b, text, strlen(text));
	buf_puts(&b, "</p>");
	out = arena_strndup(&x->request, b.data, b.len);
	buf_free(&b);
	return out;
}

/* Writes, as entry i, a page that sends the reader to url (relative or
 * absolute) without a server: a meta refresh and a link. */
static void
keep_redirect(struct exporter *x, size_t i, const char *url)
{
	buf_reset(&x->page);
	buf_puts(&x->page, "<!DOCTYPE html>\n<html lang=\"en\"><head><meta "
	                   "charset=\"utf-8\"><title>Moved</title>"
	                   "<meta http-equiv=\"refresh\" content=\"0; url=");
	html_text(&x->page, url, strlen(url));
	buf_puts(&x->page, "\"></head><body><p><a href=\"");
	html_text(&x->page, url, strlen(url));
	buf_puts(&x->page, "\">");
	html_text(&x->page, url, strlen(url));
	buf_puts(&x->page, "</a></p></body></html>\n");
	keep_page(x, i, x->page.data, x->page.len);
}

/* Renders entry i and keeps what it becomes: a page with its links
 * rewritten, a feed or other file as it is, or a redirect's page. */
static void
export_page(struct exporter *x, size_t i)
{
	const char *path = x->e[i].path, *type, *location;
	struct relink_page p;
	int status = 0;

	x->e[i].links_n = 0;
	x->s->rendered++;

	for (int hop = 0; hop <= MAX_HOPS; hop++) {
		const char *fragment;
		size_t t;

		status = render(x, path, &type, &location);
		if (status < 300 || status >= 400 || location == NULL)
			break;
		buf_reset(&x->scratch);
		if (!relink_resolve(x->origin, path, location, strlen(location),
		                    &x->scratch, &fragment)) {
			/* Another site: the page links there. */
			keep_redirect(x, i, location);
			x->s->pages++;
			return;
		}
		t = entry_for(x, x->scratch.data, i);
		if (t == NONE)
			break;
		if (t != i) {
			add_link(x, i, t);
			buf_reset(&x->scratch);
			relink_relative(x->e[i].file, x->e[t].file,
			                &x->scratch);
			keep_redirect(x, i, x->scratch.data);
			x->s->pages++;
			return;
		}
		/* The same file (/ar to /ar/): render where it leads. */
		path = arena_strdup(&x->keep, x->scratch.data);
	}
	if (status != 200) {
		if (x->e[i].from == NONE) {
			x->s->skipped++;
		} else if (x->s->broken++ == 0) {
			snprintf(x->s->first_broken, sizeof(x->s->first_broken),
			         "%s (%d, linked from %s)", x->e[i].path,
			         status, x->e[x->e[i].from].path);
		}
		return;
	}
	memset(&p, 0, sizeof(p));
	p.origin = x->origin;
	p.path = path;
	p.file = x->e[i].file;
	p.target = link_target;
	p.ctx = x;
	x->current = i;
	x->s->pages++;
	if (type == NULL || strncmp(type, "text/html", 9) == 0) {
		p.notice_html = form_notice(x, path);
		buf_reset(&x->page);
		x->s->forms +=
		    relink_html(&p, x->body.data, x->body.len, &x->page);
		keep_page(x, i, x->page.data, x->page.len);
		return;
	}
	if (strstr(type, "xml") != NULL)
		relink_xml_links(&p, x->body.data, x->body.len);
	keep_page(x, i, x->body.data ? x->body.data : "", x->body.len);
}

/* --- the manifest --------------------------------------------------------- */

/* Tells whether a manifest line names a plain file under the folder. */
static bool
safe_relative(const char *f)
{
	const char *seg = f;

	if (*f == '\0')
		return false;
	for (const char *p = f;; p++) {
		if (*p == '/' || *p == '\0') {
			if (p == seg || *seg == '.')
				return false;
			if (*p == '\0')
				return true;
			seg = p + 1;
		} else if ((unsigned char)*p < 0x20 || *p == 0x7f) {
			return false;
		}
	}
}

/* Splits s at the next tab: returns s and moves *rest past the tab, or
 * NULL when there is none. */
static char *
field(char **rest)
{
	char *s = *rest, *tab = s ? strchr(s, '\t') : NULL;

	if (tab == NULL)
		return NULL;
	*tab = '\0';
	*rest = tab + 1;
	return s;
}

/* Reads "> I J K" (indexes of manifest lines) into f. */
static int
read_links(struct old_file *f, char *s)
{
	size_t cap = 0;

	while (*s == ' ') {
		char *end;
		long long v;

		errno = 0;
		v = strtoll(s + 1, &end, 10);
		if (errno != 0 || end == s + 1 || v < 0)
			return -1;
		if (f->links_n == cap) {
			cap = cap ? cap * 2 : 16;
			f->links = xrealloc(f->links, cap * sizeof(*f->links));
		}
		f->links[f->links_n++] = (size_t)v;
		s = end;
	}
	return *s == '\0' ? 0 : -1;
}

/* Reads one header line of the manifest ("time T", "program H",
 * "fingerprint H", "article ID H P"); returns 0 or -1. */
static int
read_header_line(struct exporter *x, char *line)
{
	char *end;

	errno = 0;
	if (strncmp(line, "time ", 5) == 0) {
		x->old_time = strtoll(line + 5, &end, 10);
		return errno == 0 && *end == '\0' ? 0 : -1;
	}
	if (strncmp(line, "program ", 8) == 0 && strlen(line + 8) < 33) {
		memcpy(x->old_program, line + 8, strlen(line + 8) + 1);
		return 0;
	}
	if (strncmp(line, "fingerprint ", 12) == 0 && strlen(line + 12) < 33) {
		memcpy(x->old_fingerprint, line + 12, strlen(line + 12) + 1);
		return 0;
	}
	if (strncmp(line, "article ", 8) == 0) {
		struct old_article o;
		char *h;

		memset(&o, 0, sizeof(o));
		o.id = strtoll(line + 8, &h, 10);
		if (errno != 0 || *h != ' ' || strlen(h + 1) < 34 ||
		    h[33] != ' ')
			return -1;
		memcpy(o.content, h + 1, 32);
		o.position = strtoull(h + 34, &end, 16);
		if (errno != 0 || *end != '\0')
			return -1;
		if (x->old_arts_n % 1024 == 0)
			x->old_arts =
			    xrealloc(x->old_arts, (x->old_arts_n + 1024) *
			                              sizeof(*x->old_arts));
		x->old_arts[x->old_arts_n++] = o;
		return 0;
	}
	return -1;
}

/*
 * Reads the previous run's manifest from the open file fd: a header (the
 * time, the program, the fingerprint of the public tables, each
 * article's hashes), then "files" and one line per file ("KIND HASH SIZE
 * PATH FILE", tab-separated), a page's followed by "> I J K", the lines
 * of the files it links to.  Returns 0, or 2 with a message when it is
 * not one this program wrote.
 */
static int
manifest_read(struct exporter *x, int fd)
{
	struct buf b;
	char block[65536], *line, *next;
	ssize_t r;
	bool files = false;

	buf_init(&b);
	while ((r = read(fd, block, sizeof(block))) != 0) {
		if (r < 0 && errno == EINTR)
			continue;
		if (r < 0 || b.len + (size_t)r > MANIFEST_MAX_BYTES) {
			buf_free(&b);
			return fail(x, 2, "cannot read %s/%s", x->o->out_dir,
			            EXPORT_MANIFEST);
		}
		buf_append(&b, block, (size_t)r);
	}
	if (b.len == 0 || strncmp(b.data, MANIFEST_HEADER "\n",
	                          sizeof(MANIFEST_HEADER)) != 0) {
		buf_free(&b);
		return fail(x, 2,
		            "%s/%s is not a manifest this program wrote: "
		            "refusing to touch the folder",
		            x->o->out_dir, EXPORT_MANIFEST);
	}
	line = arena_strndup(&x->keep, b.data, b.len) + sizeof(MANIFEST_HEADER);
	buf_free(&b);
	for (; *line != '\0'; line = next) {
		struct old_file f;
		char *rest, *kind, *hash, *size, *end;

		next = strchr(line, '\n');
		if (next == NULL)
			goto bad; /* cut short */
		*next++ = '\0';
		if (!files) {
			if (strcmp(line, "files") == 0)
				files = x->old_header = true;
			else if (read_header_line(x, line) < 0)
				goto bad;
			continue;
		}
		if (line[0] == '>') {
			if (x->old_n == 0 ||
			    read_links(&x->old[x->old_n - 1], line + 1) < 0)
				goto bad;
			continue;
		}
		memset(&f, 0, sizeof(f));
		rest = line;
		kind = field(&rest);
		hash = field(&rest);
		size = field(&rest);
		f.path = field(&rest);
		f.file = rest;
		if (f.path == NULL || strlen(kind) != 1 ||
		    strchr("PAU", kind[0]) == NULL || strlen(hash) > 32 ||
		    f.path[0] != '/' || !safe_relative(f.file))
			goto bad;
		f.kind = kind[0];
		memcpy(f.hash, hash, strlen(hash) + 1);
		errno = 0;
		f.size = strtoll(size, &end, 10);
		if (errno != 0 || f.size < 0 || *end != '\0')
			goto bad;
		if (x->old_n % 1024 == 0)
			x->old = xrealloc(x->old,
			                  (x->old_n + 1024) * sizeof(*x->old));
		x->old[x->old_n] = f;
		smap_put(&x->old_by_file, f.file, x->old_n);
		x->old_n++;
	}
	for (size_t i = 0; i < x->old_n; i++)
		for (size_t k = 0; k < x->old[i].links_n; k++)
			if (x->old[i].links[k] >= x->old_n)
				goto bad;
	return 0;
bad:
	return fail(x, 2,
	            "%s/%s is damaged: refusing to touch the folder (remove "
	            "the folder to export afresh)",
	            x->o->out_dir, EXPORT_MANIFEST);
}

/* Appends one file's line (and a page's links, through map: entry index
 * to manifest line, NONE for a file not listed). */
static void
manifest_line(struct buf *b, char kind, const char *hash, long long size,
              const char *path, const char *file)
{
	buf_putc(b, kind);
	buf_putc(b, '\t');
	buf_puts(b, hash);
	buf_putc(b, '\t');
	buf_put_uint(b, (unsigned long long)size, 1);
	buf_putc(b, '\t');
	buf_puts(b, path);
	buf_putc(b, '\t');
	buf_puts(b, file);
	buf_putc(b, '\n');
}

static char
kind_char(enum kind k)
{
	return k == K_PAGE ? 'P' : k == K_ASSET ? 'A' : 'U';
}

/*
 * Writes the manifest: the header (this run's view of the database, when
 * it was read), every file this run produced with a page's links and,
 * when keep_old (the run failed before removing anything), every file the
 * previous manifest listed that this run did not produce, so that a later
 * run can still remove them (that run then renders everything).
 */
static int
manifest_write(struct exporter *x, bool keep_old)
{
	struct buf b;
	size_t *line = xcalloc(x->n ? x->n : 1, sizeof(*line)), next = 0;
	int rc;

	buf_init(&b);
	buf_puts(&b, MANIFEST_HEADER "\n");
	if (!keep_old && x->fingerprint[0] != '\0') {
		buf_printf(&b, "time %lld\nprogram %s\nfingerprint %s\n",
		           (long long)time(NULL), x->program, x->fingerprint);
		for (size_t i = 0; i < x->arts_n; i++) {
			char hex[33];

			hash_hex_bytes(x->arts[i].content, hex);
			buf_printf(&b, "article %lld %s %016llx\n",
			           x->arts[i].id, hex, x->arts[i].position);
		}
	}
	buf_puts(&b, "files\n");
	for (size_t i = 0; i < x->n; i++)
		line[i] = x->e[i].produced ? next++ : NONE;
	for (size_t i = 0; i < x->n; i++) {
		const struct entry *e = &x->e[i];

		if (!e->produced)
			continue;
		manifest_line(&b, kind_char(e->kind), e->hash, e->size, e->path,
		              e->file);
		if (e->kind != K_PAGE || e->links_n == 0)
			continue;
		buf_putc(&b, '>');
		for (size_t k = 0; k < e->links_n; k++)
			if (line[e->links[k]] != NONE) {
				buf_putc(&b, ' ');
				buf_put_uint(&b, line[e->links[k]], 1);
			}
		buf_putc(&b, '\n');
	}
	if (keep_old)
		for (size_t i = 0; i < x->old_n; i++) {
			size_t k = smap_get(&x->by_file, x->old[i].file);

			if (k == NONE || !x->e[k].produced)
				manifest_line(&b, x->old[i].kind,
				              x->old[i].hash, x->old[i].size,
				              x->old[i].path, x->old[i].file);
		}
	free(line);
	rc = write_atomic(x, EXPORT_MANIFEST, b.data, b.len);
	buf_free(&b);
	return rc;
}

/* Removes file (from the previous manifest) and then each folder above
 * it that this leaves empty. */
static void
remove_old(struct exporter *x, const char *file)
{
	const char *base;
	struct stat st;
	int dfd = open_parent(x, file, false, &base);
	char *dir;

	if (dfd < 0 || fstatat(dfd, base, &st, AT_SYMLINK_NOFOLLOW) < 0 ||
	    S_ISDIR(st.st_mode) || unlinkat(dfd, base, 0) < 0)
		return;
	x->s->removed++;
	dir = arena_strdup(&x->request, file);
	dir_cache_drop(x);
	for (char *slash = strrchr(dir, '/'); slash != NULL;
	     slash = strrchr(dir, '/')) {
		*slash = '\0';
		dfd = open_parent(x, dir, false, &base);
		if (dfd < 0 || unlinkat(dfd, base, AT_REMOVEDIR) < 0)
			break;
		dir_cache_drop(x);
	}
	dir_cache_drop(x);
}

/* --- checks before anything changes --------------------------------------- */

/* Checks the database without changing it: a Gazette database at this
 * program's schema level, with uploads only when a folder is named. */
static int
check_database(struct exporter *x)
{
	const struct export_options *o = x->o;
	struct db *db = NULL;
	int level;
	long long media;

	if (access(o->db_path, R_OK) != 0)
		return fail(x, 2, "cannot read %s: %s", o->db_path,
		            strerror(errno));
	if (db_open_readonly(o->db_path, &db) < 0)
		return fail(x, 2, "cannot open %s", o->db_path);
	level = db_user_version(db);
	media = level > 0 ? export_db_media_count(db) : -1;
	db_close(db);
	if (level <= 0 || media < 0)
		return fail(x, 2,
		            "%s is not a Gazette database (made by gazette "
		            "init)",
		            o->db_path);
	if (level != db_schema_level())
		return fail(x, 2,
		            "%s is at schema level %d and this program's is "
		            "%d%s",
		            o->db_path, level, db_schema_level(),
		            level < db_schema_level() ? " (run gazette init)"
		                                      : "");
	if (media > 0 && o->uploads_dir == NULL)
		return fail(x, 2,
		            "the site has %lld uploaded file%s: name the "
		            "uploads folder with --uploads DIR",
		            media, media == 1 ? "" : "s");
	return 0;
}

/* Opens a folder named by an option; returns its descriptor, or -1 after
 * failing with code 2. */
static int
open_folder(struct exporter *x, const char *what, const char *path)
{
	int fd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC);

	if (fd < 0)
		fail(x, 2, "%s %s is not a folder", what, path);
	return fd;
}

/* Tells whether the open folder fd holds anything. */
static bool
folder_empty(int fd)
{
	int d = dup(fd);
	DIR *dir = d >= 0 ? fdopendir(d) : NULL;
	struct dirent *de;
	bool empty = true;

	if (dir == NULL) {
		if (d >= 0)
			close(d);
		return false;
	}
	while ((de = readdir(dir)) != NULL)
		if (strcmp(de->d_name, ".") != 0 &&
		    strcmp(de->d_name, "..") != 0) {
			empty = false;
			break;
		}
	closedir(dir);
	return empty;
}

/* Checks the output folder and reads its manifest; creates the folder
 * when it does not exist (its parent must). */
static int
check_output(struct exporter *x)
{
	const char *out = x->o->out_dir;
	struct stat st;
	int mfd, rc;

	if (stat(out, &st) < 0) {
		if (errno != ENOENT)
			return fail(x, 2, "cannot use %s: %s", out,
			            strerror(errno));
		return 0; /* made once everything else is checked */
	}
	if (!S_ISDIR(st.st_mode))
		return fail(x, 2, "%s exists and is not a folder", out);
	if ((x->out_fd = open_folder(x, "--out", out)) < 0)
		return 2;
	mfd = openat(x->out_fd, EXPORT_MANIFEST,
	             O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
	if (mfd < 0) {
		if (errno != ENOENT)
			return fail(x, 2, "cannot read %s/%s: %s", out,
			            EXPORT_MANIFEST, strerror(errno));
		if (!folder_empty(x->out_fd))
			return fail(
			    x, 2,
			    "%s is not empty and holds no %s: refusing to "
			    "write into a folder that export-static did not "
			    "make",
			    out, EXPORT_MANIFEST);
		return 0;
	}
	rc = manifest_read(x, mfd);
	close(mfd);
	return rc;
}

/* The base URL's "scheme://host[:port]", lower case, or "". */
static const char *
site_origin(struct exporter *x)
{
	const char *b = site_setting(&x->app.site, "base_url", "");
	const char *host = strstr(b, "://");
	size_t n;
	char *o;

	if (host == NULL)
		return "";
	n = (size_t)(host - b) + 3 + strcspn(host + 3, "/?#");
	o = arena_strndup(&x->keep, b, n);
	for (char *p = o; *p; p++)
		if (*p >= 'A' && *p <= 'Z')
			*p = (char)(*p - 'A' + 'a');
	return o;
}

static void
mark_start(struct exporter *x, size_t i)
{
	if (i != NONE)
		x->e[i].start = true;
}

/* The starting points that belong to no edition: the crawlers' files
 * (the sitemap index names every edition's sitemaps). */
static const char *const site_wide[] = {"/robots.txt", "/sitemap.xml"};

/* Tells whether file (under the output folder) is one of site_wide's. */
static bool
site_wide_file(const char *file)
{
	for (size_t k = 0; k < sizeof(site_wide) / sizeof(site_wide[0]); k++)
		if (strcmp(file, site_wide[k] + 1) == 0)
			return true;
	return false;
}

/*
 * Adds as starting points the date archives (/YYYY, /YYYY/MM, /YYYY/MM/DD,
 * in the site's time zone, as date_archive_show counts them) of every
 * enabled edition's published articles: no page links them, but old
 * WordPress links do.  Their further pages are found by their pagers.
 * Which exist depends only on the articles' editions, states and times,
 * so a run that renders only what changed meets the same ones.
 */
static void
add_date_archives(struct exporter *x)
{
	const struct site *site = &x->app.site;
	struct export_published *v;
	size_t n;
	int last[3] = {0, 0, 0};
	long long last_edition = 0;

	if (export_db_published(x->app.db, &x->keep, &v, &n) < 0) {
		fail(x, 1, "cannot read %s", x->o->db_path);
		return;
	}
	for (size_t i = 0; i < n; i++) {
		const struct edition *e = NULL;
		time_t t = (time_t)v[i].published_at;
		struct tm tm;
		int ymd[3];
		char path[3][96];

		for (size_t k = 0; k < site->editions_count; k++)
			if (site->editions[k].id == v[i].edition_id)
				e = &site->editions[k];
		if (e == NULL || !e->enabled || localtime_r(&t, &tm) == NULL)
			continue;
		ymd[0] = tm.tm_year + 1900;
		ymd[1] = tm.tm_mon + 1;
		ymd[2] = tm.tm_mday;
		if (ymd[0] < 1000 || ymd[0] > 9999 ||
		    (v[i].edition_id == last_edition &&
		     memcmp(ymd, last, sizeof(ymd)) == 0))
			continue; /* no such address, or just added */
		last_edition = v[i].edition_id;
		memcpy(last, ymd, sizeof(ymd));
		snprintf(path[0], sizeof(path[0]), "%s%s/%04d",
		         e->prefix[0] ? "/" : "", e->prefix, ymd[0]);
		snprintf(path[1], sizeof(path[1]), "%s/%02d", path[0], ymd[1]);
		snprintf(path[2], sizeof(path[2]), "%s/%02d", path[1], ymd[2]);
		for (int k = 0; k < 3; k++)
			mark_start(x, entry_for(x, path[k], NONE));
	}
}

/* Adds the starting points: every enabled edition's home and feeds,
 * then the crawlers' files, then the date archives. */
static void
add_starts(struct exporter *x)
{
	static const char *const per_edition[] = {"/", "/feed.atom",
	                                          "/feed.rss"};
	const struct site *site = &x->app.site;

	for (size_t i = 0; i < site->editions_count; i++) {
		const struct edition *e = &site->editions[i];

		if (!e->enabled)
			continue;
		for (size_t k = 0; k < 3; k++) {
			const char *p =
			    e->prefix[0] == '\0'
			        ? per_edition[k]
			        : arena_concat(&x->keep, "/", e->prefix,
			                       per_edition[k], NULL);

			mark_start(x, entry_for(x, p, NONE));
		}
	}
	for (size_t k = 0; k < sizeof(site_wide) / sizeof(site_wide[0]); k++)
		mark_start(x, entry_for(x, site_wide[k], NONE));
	add_date_archives(x);
}

/* Writes the hex XXH3-128 of this program's own file: another build
 * (its code or its compiled-in templates) renders everything again. */
static void
program_hash(char out[33])
{
	XXH3_state_t *state = XXH3_createState();
	char block[65536];
	int fd = open("/proc/self/exe", O_RDONLY | O_CLOEXEC);
	ssize_t r;
	XXH128_hash_t h;
	unsigned char bytes[16];

	out[0] = '\0';
	if (state == NULL || fd < 0) {
		XXH3_freeState(state);
		if (fd >= 0)
			close(fd);
		return;
	}
	XXH3_128bits_reset(state);
	while ((r = read(fd, block, sizeof(block))) > 0)
		XXH3_128bits_update(state, block, (size_t)r);
	close(fd);
	if (r == 0) {
		h = XXH3_128bits_digest(state);
		memcpy(bytes, &h, 16);
		hash_hex_bytes(bytes, out);
	}
	XXH3_freeState(state);
}

/* Returns the year of t in the site's time zone. */
static int
year_of(long long t)
{
	time_t tt = (time_t)t;
	struct tm tm;

	return localtime_r(&tt, &tm) ? tm.tm_year + 1900 : 0;
}

/* Says why everything is rendered; returns false. */
__attribute__((format(printf, 2, 3))) static bool
full_because(struct exporter *x, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(x->s->why_full, sizeof(x->s->why_full), fmt, ap);
	va_end(ap);
	x->s->full = true;
	return false;
}

/* Returns the index in the site's editions of the edition id, or NONE. */
static size_t
edition_index(const struct site *site, long long id)
{
	for (size_t i = 0; i < site->editions_count; i++)
		if (site->editions[i].id == id)
			return i;
	return NONE;
}

/* Returns the URL path of an article's page, or NULL when its edition is
 * unknown. */
static const char *
article_path(struct exporter *x, const struct export_article *a)
{
	const struct site *site = &x->app.site;
	size_t i = edition_index(site, a->edition_id);

	if (i == NONE)
		return NULL;
	return arena_concat(&x->keep,
	                    frame_edition_prefix(&x->keep, &site->editions[i]),
	                    "/articles/", a->slug, NULL);
}

/* Tells whether a page's file is an HTML page ("…index.html") rather than
 * a feed, a sitemap or robots.txt. */
static bool
html_file(const char *file)
{
	size_t len = strlen(file);

	return len >= 10 && strcmp(file + len - 10, "index.html") == 0;
}

/* Tells whether a page's file is a feed ("…feed.atom", "…feed.rss"). */
static bool
feed_file(const char *file)
{
	const char *slash = strrchr(file, '/'),
	           *name = slash ? slash + 1 : file;

	return strcmp(name, "feed.atom") == 0 || strcmp(name, "feed.rss") == 0;
}

/*
 * Decides whether this run may render only what changed, and if so loads
 * the previous run's files as entries and marks those to render.  Only
 * article rows may have changed, and none in what decides where it is
 * listed (its author's archive too), its address or its translations;
 * everything else the public site shows (every public table, the program
 * and its templates, the year in the footer, comments closing by age)
 * must be as the previous run saw it.  Then a changed article can change only
 * its own page and the pages that link to it (listings, its neighbours, Recent
 * Posts on every page when it is there, a translation), the feeds that list
 * it (a feed links every entry, and its time is its newest entry's: see
 * feed.c), and the sitemaps of its own edition (they carry the edition's
 * last change, and read only the edition's articles), with the sitemap
 * index (every edition's last changes) and robots.txt: those are rendered,
 * the rest kept.  This rests on a rule the templates keep: an HTML page or
 * a feed that shows anything of an article links to it.  A feed lists its
 * articles by what the position and the public tables hold (state, time,
 * category, author, tags, feed_items), so an article a feed did not link
 * before cannot have come into it.  Returns true for such a run, false
 * (with why_full set) to render everything.
 */
static bool
plan_incremental(struct exporter *x, const char *unknown)
{
	const struct site *site = &x->app.site;
	char hex[33];
	size_t *changed, n_changed = 0;
	bool *edited; /* by edition index: holds a changed article */

	if (!x->old_header)
		return full_because(x, "no earlier export here");
	if (x->old_fingerprint[0] == '\0')
		return full_because(x, "the earlier export did not finish");
	if (x->o->templates_dir != NULL)
		return full_because(x, "templates read from --templates");
	if (x->program[0] == '\0' || strcmp(x->old_program, x->program) != 0)
		return full_because(x, "another build of the program");
	if (year_of(x->old_time) != year_of((long long)time(NULL)))
		return full_because(x, "a new year (the footer)");
	if (site_setting_int(&x->app.site, "comments_close_after_days", 0, 0,
	                     1000000) != 0)
		return full_because(x, "comments close by age");
	if (unknown[0] != '\0')
		return full_because(
		    x, "the table %s is unknown to export-static", unknown);
	if (strcmp(x->old_fingerprint, x->fingerprint) != 0)
		return full_because(x, "something besides articles changed");
	if (x->old_arts_n != x->arts_n)
		return full_because(x, "articles added or deleted");
	for (size_t i = 0; i < x->arts_n; i++)
		if (x->old_arts[i].id != x->arts[i].id ||
		    x->old_arts[i].position != x->arts[i].position)
			return full_because(x, "an article was published, "
			                       "withdrawn, moved, renamed, "
			                       "given to another author or "
			                       "linked to its translations");
	/* The previous run's files, in its order: line i is entry i. */
	for (size_t i = 0; i < x->old_n; i++) {
		const struct old_file *f = &x->old[i];
		struct entry *e;

		if (smap_get(&x->by_path, f->path) != NONE ||
		    smap_get(&x->by_file, f->file) != NONE) {
			for (size_t k = 0; k < x->n; k++)
				free(x->e[k].links);
			x->n = 0;
			smap_free(&x->by_path);
			smap_free(&x->by_file);
			return full_because(x,
			                    "the manifest names a file twice");
		}
		if (x->n == x->cap) {
			x->cap = x->cap ? x->cap * 2 : 1024;
			x->e = xrealloc(x->e, x->cap * sizeof(*x->e));
		}
		e = &x->e[x->n];
		memset(e, 0, sizeof(*e));
		e->path = f->path;
		e->file = f->file;
		e->from = NONE;
		e->kind = f->kind == 'P'   ? K_PAGE
		          : f->kind == 'A' ? K_ASSET
		                           : K_UPLOAD;
		e->old = true;
		memcpy(e->hash, f->hash, sizeof(e->hash));
		e->size = f->size;
		if (f->links_n > 0) {
			e->links = xcalloc(f->links_n, sizeof(*e->links));
			memcpy(e->links, f->links,
			       f->links_n * sizeof(*e->links));
			e->links_n = e->links_cap = f->links_n;
		}
		smap_put(&x->by_path, e->path, x->n);
		smap_put(&x->by_file, e->file, x->n);
		x->n++;
	}
	for (size_t i = 0; i < x->n; i++)
		for (size_t k = 0; k < x->e[i].links_n; k++)
			if (x->e[x->e[i].links[k]].from == NONE)
				x->e[x->e[i].links[k]].from = i;
	/* The changed articles' pages, and every page linking to one. */
	changed = xcalloc(x->n ? x->n : 1, sizeof(*changed));
	edited = xcalloc(site->editions_count ? site->editions_count : 1,
	                 sizeof(*edited));
	for (size_t i = 0; i < x->arts_n; i++) {
		const char *path;
		size_t k;

		hash_hex_bytes(x->arts[i].content, hex);
		if (strcmp(hex, x->old_arts[i].content) == 0 ||
		    (path = article_path(x, &x->arts[i])) == NULL)
			continue; /* the same, or in no edition */
		/* By its file: a link may have spelt the path otherwise
		 * (%-escapes). */
		buf_reset(&x->scratch);
		if (relink_file_for_path(path, strlen(path), false,
		                         &x->scratch) < 0 ||
		    (k = smap_get(&x->by_file, x->scratch.data)) == NONE)
			continue; /* not on the site */
		x->e[k].render = true;
		x->e[k].mark = SIZE_MAX;
		changed[n_changed++] = k;
		edited[edition_index(site, x->arts[i].edition_id)] = true;
	}
	for (size_t i = 0; i < x->n && n_changed > 0; i++)
		for (size_t k = 0; k < x->e[i].links_n; k++)
			if (x->e[x->e[i].links[k]].mark == SIZE_MAX) {
				x->e[i].render = true;
				break;
			}
	for (size_t i = 0; i < n_changed; i++)
		x->e[changed[i]].mark = 0;
	free(changed);
	/* Sitemaps may say when their edition last changed without linking
	 * what changed: those of the editions that hold a changed article
	 * are rendered, and the sitemap index and robots.txt, which belong
	 * to none.  Feeds were decided above, by their links. */
	for (size_t i = 0; i < x->n && n_changed > 0; i++) {
		struct entry *e = &x->e[i];
		const struct edition *ed;

		if (e->kind != K_PAGE || html_file(e->file) ||
		    feed_file(e->file))
			continue;
		ed = edition_of(site, e->path);
		if (site_wide_file(e->file) || ed == NULL ||
		    edited[ed - site->editions])
			e->render = true;
	}
	free(edited);
	return true;
}

/*
 * Keeps what the previous run wrote for entry i without rendering it,
 * when its file is still there with the size the manifest says.  Returns
 * false when it must be rendered after all.
 */
static bool
keep_old_page(struct exporter *x, size_t i)
{
	struct entry *e = &x->e[i];
	struct stat st;

	if (fstatat(x->out_fd, e->file, &st, AT_SYMLINK_NOFOLLOW) < 0 ||
	    !S_ISREG(st.st_mode) || st.st_size != e->size)
		return false;
	e->produced = true;
	x->s->unchanged++;
	x->s->pages++;
	return true;
}

/* Drops what no starting point leads to any more (a page that only a
 * page rendered again linked to). */
static void
drop_unreachable(struct exporter *x)
{
	size_t *queue = xcalloc(x->n ? x->n : 1, sizeof(*queue)), head = 0,
	       tail = 0;
	bool *seen = xcalloc(x->n ? x->n : 1, sizeof(*seen));

	for (size_t i = 0; i < x->n; i++)
		if (x->e[i].start) {
			seen[i] = true;
			queue[tail++] = i;
		}
	while (head < tail) {
		const struct entry *e = &x->e[queue[head++]];

		for (size_t k = 0; k < e->links_n; k++)
			if (!seen[e->links[k]]) {
				seen[e->links[k]] = true;
				queue[tail++] = e->links[k];
			}
	}
	for (size_t i = 0; i < x->n; i++)
		if (!seen[i] && x->e[i].produced) {
			x->e[i].produced = false;
			if (x->e[i].wrote)
				x->s->written--;
			else
				x->s->unchanged--;
			if (x->e[i].kind == K_PAGE)
				x->s->pages--;
		}
	free(queue);
	free(seen);
}

/* Releases everything the exporter holds. */
static void
exporter_close(struct exporter *x)
{
	if (x->snapshot)
		export_db_snapshot_end(x->app.db);
	if (x->app_open)
		app_close(&x->app);
	if (x->templates != NULL)
		template_set_free(x->templates);
	dir_cache_drop(x);
	if (x->out_fd >= 0)
		close(x->out_fd);
	if (x->www_fd >= 0)
		close(x->www_fd);
	if (x->uploads_fd >= 0)
		close(x->uploads_fd);
	smap_free(&x->by_path);
	smap_free(&x->by_file);
	smap_free(&x->old_by_file);
	for (size_t i = 0; i < x->n; i++)
		free(x->e[i].links);
	for (size_t i = 0; i < x->old_n; i++)
		free(x->old[i].links);
	free(x->old_arts);
	free(x->e);
	free(x->old);
	buf_free(&x->body);
	buf_free(&x->page);
	buf_free(&x->scratch);
	buf_free(&x->dir_path);
	arena_free(&x->keep);
	arena_free(&x->request);
}

/* Runs the export; see export.h. */
int
export_static(const struct export_options *o, struct export_summary *s,
              char *err, size_t err_len)
{
	struct exporter x;
	struct timespec t0, t1;
	struct buf terr;
	unsigned char bytes[16];
	char unknown[128];
	bool incremental;
	int rc, fp;

	clock_gettime(CLOCK_MONOTONIC, &t0);
	memset(s, 0, sizeof(*s));
	memset(&x, 0, sizeof(x));
	x.o = o;
	x.s = s;
	x.err = err;
	x.err_len = err_len;
	x.out_fd = x.www_fd = x.uploads_fd = x.dir_fd = -1;
	err[0] = '\0';
	arena_init(&x.keep);
	arena_init(&x.request);
	buf_init(&x.body);
	buf_init(&x.page);
	buf_init(&x.scratch);
	buf_init(&x.dir_path);

	/* Everything is checked before anything is made or changed. */
	if ((rc = check_database(&x)) != 0 ||
	    (o->uploads_dir != NULL &&
	     (x.uploads_fd = open_folder(&x, "--uploads", o->uploads_dir)) <
	         0) ||
	    (o->www_dir != NULL &&
	     (x.www_fd = open_folder(&x, "--www", o->www_dir)) < 0) ||
	    (rc = check_output(&x)) != 0) {
		exporter_close(&x);
		return 2;
	}
	buf_init(&terr);
	x.templates = template_set_new();
	if (template_set_load(x.templates, o->templates_dir, &terr) < 0) {
		rc = fail(&x, 2, "templates: %s", terr.data ? terr.data : "?");
		buf_free(&terr);
		exporter_close(&x);
		return rc;
	}
	buf_free(&terr);
	if (app_open(&x.app, o->db_path, x.templates) < 0) {
		exporter_close(&x);
		return fail(&x, 1, "cannot open the site in %s", o->db_path);
	}
	x.app_open = true;
	if (export_db_snapshot_begin(x.app.db) < 0) {
		exporter_close(&x);
		return fail(&x, 1, "cannot read %s", o->db_path);
	}
	x.snapshot = true;
	x.app.held_read = true;
	x.app.static_copy = true;
	if (x.out_fd < 0) {
		if (mkdir(o->out_dir, 0755) < 0 ||
		    (x.out_fd = open_folder(&x, "--out", o->out_dir)) < 0) {
			rc = fail(&x, 1, "cannot make %s: %s", o->out_dir,
			          strerror(errno));
			exporter_close(&x);
			return rc;
		}
	}
	x.origin = site_origin(&x);

	/* What the database holds now, against what the last run saw. */
	program_hash(x.program);
	unknown[0] = '\0';
	fp = export_db_fingerprint(x.app.db, bytes, unknown, sizeof(unknown));
	if (fp < 0 ||
	    export_db_articles(x.app.db, &x.keep, &x.arts, &x.arts_n) < 0) {
		rc = fail(&x, 1, "cannot read %s", o->db_path);
		exporter_close(&x);
		return rc;
	}
	if (fp == 0)
		hash_hex_bytes(bytes, x.fingerprint);
	incremental = plan_incremental(&x, unknown);

	add_starts(&x);
	for (size_t i = 0; i < x.n && !x.failed; i++) {
		x.current = i;
		if (x.e[i].kind != K_PAGE)
			keep_file(&x, i);
		else if (!incremental || !x.e[i].old || x.e[i].render ||
		         !keep_old_page(&x, i))
			export_page(&x, i);
	}
	drop_unreachable(&x);
	if (x.failed) {
		/* Keep a record of what exists, whatever happened. */
		char saved[512];

		snprintf(saved, sizeof(saved), "%s", err);
		manifest_write(&x, true);
		snprintf(err, err_len, "%s", saved);
		exporter_close(&x);
		return 1;
	}
	for (size_t i = 0; i < x.old_n; i++) {
		size_t k = smap_get(&x.by_file, x.old[i].file);

		arena_reset(&x.request);
		if (k == NONE || !x.e[k].produced)
			remove_old(&x, x.old[i].file);
	}
	/* Written by this run, then found to be reached by no page. */
	for (size_t i = 0; i < x.n; i++)
		if (x.e[i].wrote && !x.e[i].produced &&
		    old_get(&x, x.e[i].file) == NULL) {
			arena_reset(&x.request);
			remove_old(&x, x.e[i].file);
		}
	for (size_t i = 0; i < x.n; i++)
		if (x.e[i].produced)
			s->files++;
	/* Durable before the manifest names them, and the manifest after:
	 * one syncfs each rather than an fsync per file (14,000 of them
	 * would take longer than the export). */
	if (syncfs(x.out_fd) < 0)
		rc = fail(&x, 1, "cannot sync %s: %s", x.o->out_dir,
		          strerror(errno));
	else
		rc = manifest_write(&x, false) < 0 ? 1 : 0;
	if (rc == 0 && syncfs(x.out_fd) < 0)
		rc = fail(&x, 1, "cannot sync %s: %s", x.o->out_dir,
		          strerror(errno));
	exporter_close(&x);
	clock_gettime(CLOCK_MONOTONIC, &t1);
	s->seconds = (double)(t1.tv_sec - t0.tv_sec) +
	             (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
	return rc;
}
