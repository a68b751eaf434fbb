/*
 * store.c: files placed under the uploads folder durably, under names
 * nobody can guess.  The order for every file is the one that survives a
 * crash at any point: write to ".tmp-NAME" in the final folder (O_EXCL,
 * so nothing is ever overwritten), fsync it, rename it to NAME; after the
 * last file, fsync the folder so the renames are on disk too.  A new
 * folder's parent is fsynced when it is made.  Only then may the caller
 * commit the row that names the files.  A failure anywhere removes every
 * file of the batch; folders made on the way stay (they are shared with
 * other uploads of the month).
 *
 * Names are 128 random bits from libsodium as 32 lowercase hex digits.
 * Files are created 0644 and folders 0755, less the umask (the deployed
 * service runs with 0027, so nginx reads them through its group).
 */
#include <assert.h>
#include <errno.h>
#include <fcntl.h>
#include <stdbool.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <sodium.h>

#include "../util/log.h"
#include "store.h"

#define STORE_COPY_BYTES (64 * 1024)

/* Told to the uploader when the disk or the system failed us. */
#define STORE_FAILED_REASON "the file could not be saved; try again"

void
store_month_subdir(time_t now, char out[8])
{
	struct tm tm;

	/* A year past 9999 leaves "", which store_begin refuses. */
	if (gmtime_r(&now, &tm) == NULL || strftime(out, 8, "%Y/%m", &tm) == 0)
		out[0] = '\0';
}

/* Returns whether subdir is names of [A-Za-z0-9_-] joined by '/'. */
static bool
store_subdir_ok(const char *subdir)
{
	size_t i, name_len = 0, len = strlen(subdir);

	if (len == 0 || len > STORE_SUBDIR_MAX)
		return false;
	for (i = 0; i <= len; i++) {
		char c = subdir[i];

		if (c == '/' || c == '\0') {
			if (name_len == 0)
				return false;
			name_len = 0;
		} else if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
		           (c >= '0' && c <= '9') || c == '-' || c == '_') {
			name_len++;
		} else {
			return false;
		}
	}
	return true;
}

/*
 * Opens the folder name inside dir, making it first if missing (and then
 * fsyncing dir, so the new entry survives a crash).  Returns the folder's
 * descriptor or -1 with errno set.
 */
static int
store_open_dir(int dir, const char *name)
{
	int fd, flags = O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC;

	fd = openat(dir, name, flags);
	if (fd >= 0 || errno != ENOENT)
		return fd;
	if (mkdirat(dir, name, 0755) != 0 && errno != EEXIST)
		return -1;
	if (fsync(dir) != 0)
		return -1;
	return openat(dir, name, flags);
}

/* Opens root/subdir, making what is missing below root; -1 on error. */
static int
store_open_subdir(const char *root, const char *subdir)
{
	char name[STORE_SUBDIR_MAX + 1];
	const char *p = subdir, *slash;
	int dir, next;

	dir = open(root, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	while (dir >= 0 && *p != '\0') {
		slash = strchr(p, '/');
		if (slash == NULL)
			slash = p + strlen(p);
		memcpy(name, p, (size_t)(slash - p));
		name[slash - p] = '\0';
		next = store_open_dir(dir, name);
		close(dir);
		dir = next;
		p = *slash == '/' ? slash + 1 : slash;
	}
	return dir;
}

enum media_status
store_begin(struct store_batch *b, const char *root, const char *subdir,
            struct arena *a)
{
	unsigned char bin[STORE_NAME_BYTES];

	memset(b, 0, sizeof(*b));
	b->dir_fd = -1;
	b->arena = a;
	if (!store_subdir_ok(subdir)) {
		log_error("store: bad folder name \"%s\"", subdir);
		return MEDIA_FAILED;
	}
	if (sodium_init() < 0) {
		log_error("store: libsodium cannot start");
		return MEDIA_FAILED;
	}
	b->dir_fd = store_open_subdir(root, subdir);
	if (b->dir_fd < 0) {
		log_error("store: %s/%s: %s", root, subdir, strerror(errno));
		return MEDIA_FAILED;
	}
	b->subdir = arena_strdup(a, subdir);
	randombytes_buf(bin, sizeof(bin));
	sodium_bin2hex(b->base, sizeof(b->base), bin, sizeof(bin));
	return MEDIA_OK;
}

/* Writes all len bytes to fd; returns 0 or -1 with errno set. */
static int
store_write_all(int fd, const void *data, size_t len)
{
	const char *p = data;
	ssize_t n;

	while (len > 0) {
		n = write(fd, p, len);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			return -1;
		p += n;
		len -= (size_t)n;
	}
	return 0;
}

/* Copies src_fd from its offset to its end into fd; 0 or -1 (errno). */
static int
store_copy_all(int fd, int src_fd)
{
	char chunk[STORE_COPY_BYTES];
	ssize_t n;

	for (;;) {
		n = read(src_fd, chunk, sizeof(chunk));
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			return (int)n;
		if (store_write_all(fd, chunk, (size_t)n) != 0)
			return -1;
	}
}

/* What fills a temporary file: a buffer, or another file. */
struct store_source {
	const void *data;
	size_t len;
	int fd; /* -1 for data */
};

/*
 * Writes src to a temporary file, fsyncs it and renames it to base +
 * suffix, which is then recorded in the batch.  Returns MEDIA_OK, or
 * MEDIA_FAILED with the temporary file removed.
 */
static enum media_status
store_place(struct store_batch *b, const char *suffix,
            const struct store_source *src, struct media_file *out)
{
	const char *name, *tmp;
	struct stat st;
	int fd, err = 0;

	assert(b->dir_fd >= 0 && b->created_count < STORE_MAX_FILES);
	name = arena_concat(b->arena, b->base, suffix, (char *)NULL);
	tmp = arena_concat(b->arena, ".tmp-", name, (char *)NULL);
	fd = openat(b->dir_fd, tmp,
	            O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0644);
	if (fd < 0) {
		log_error("store: %s/%s: %s", b->subdir, tmp, strerror(errno));
		return MEDIA_FAILED;
	}
	if ((src->fd >= 0 ? store_copy_all(fd, src->fd)
	                  : store_write_all(fd, src->data, src->len)) != 0 ||
	    fsync(fd) != 0 || fstat(fd, &st) != 0)
		err = errno;
	if (close(fd) != 0 && err == 0)
		err = errno;
	if (err == 0 && renameat(b->dir_fd, tmp, b->dir_fd, name) != 0)
		err = errno;
	if (err != 0) {
		log_error("store: %s/%s: %s", b->subdir, name, strerror(err));
		unlinkat(b->dir_fd, tmp, 0);
		return MEDIA_FAILED;
	}
	b->created[b->created_count++] = name;
	out->path = arena_concat(b->arena, b->subdir, "/", name, (char *)NULL);
	out->bytes = (long long)st.st_size;
	return MEDIA_OK;
}

enum media_status
store_write(struct store_batch *b, const char *suffix, const void *data,
            size_t len, struct media_file *out)
{
	struct store_source src = {data, len, -1};

	return store_place(b, suffix, &src, out);
}

enum media_status
store_copy(struct store_batch *b, const char *suffix, int src_fd,
           struct media_file *out)
{
	struct store_source src = {NULL, 0, src_fd};

	assert(src_fd >= 0);
	return store_place(b, suffix, &src, out);
}

/* Closes the batch's folder. */
static void
store_close(struct store_batch *b)
{
	if (b->dir_fd >= 0)
		close(b->dir_fd);
	b->dir_fd = -1;
}

enum media_status
store_finish(struct store_batch *b)
{
	assert(b->dir_fd >= 0);
	if (fsync(b->dir_fd) != 0) {
		log_error("store: fsync %s: %s", b->subdir, strerror(errno));
		store_abort(b);
		return MEDIA_FAILED;
	}
	store_close(b);
	return MEDIA_OK;
}

void
store_abort(struct store_batch *b)
{
	int i;

	if (b->dir_fd < 0)
		return;
	for (i = 0; i < b->created_count; i++)
		if (unlinkat(b->dir_fd, b->created[i], 0) != 0)
			log_error("store: cannot remove %s/%s: %s", b->subdir,
			          b->created[i], strerror(errno));
	b->created_count = 0;
	(void)fsync(b->dir_fd);
	store_close(b);
}

/* Returns whether path is relative, without empty, "." or ".." parts. */
static bool
store_path_ok(const char *path)
{
	const char *p = path;

	if (*p == '\0' || *p == '/')
		return false;
	while (*p != '\0') {
		size_t n = strcspn(p, "/");

		if (n == 0 || (n == 1 && p[0] == '.') ||
		    (n == 2 && p[0] == '.' && p[1] == '.'))
			return false;
		p += n;
		if (*p == '/')
			p++;
		else
			break;
	}
	return path[strlen(path) - 1] != '/';
}

/* Returns the length of path's folder part ("2026/11" in "2026/11/x"). */
static size_t
store_folder_len(const char *path)
{
	const char *slash = strrchr(path, '/');

	return slash == NULL ? 0 : (size_t)(slash - path);
}

/* Returns whether two paths are in the same folder. */
static bool
store_same_folder(const char *a, const char *b)
{
	size_t n = store_folder_len(a);

	return n == store_folder_len(b) && strncmp(a, b, n) == 0;
}

/* Fsyncs the folder of path (below the root open as root_fd). */
static void
store_sync_folder(int root_fd, const char *path)
{
	size_t n = store_folder_len(path);
	char dir[STORE_SUBDIR_MAX + 1];
	int fd;

	if (n == 0) {
		(void)fsync(root_fd);
		return;
	}
	if (n > STORE_SUBDIR_MAX)
		return;
	memcpy(dir, path, n);
	dir[n] = '\0';
	fd = openat(root_fd, dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (fd >= 0) {
		(void)fsync(fd);
		close(fd);
	}
}

int
store_remove(const char *root, const char *const *paths, size_t count)
{
	int root_fd, failed = 0;
	size_t i;

	root_fd = open(root, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (root_fd < 0) {
		log_error("store: %s: %s", root, strerror(errno));
		return (int)count;
	}
	for (i = 0; i < count; i++) {
		if (!store_path_ok(paths[i])) {
			log_error("store: not removing \"%s\"", paths[i]);
			failed++;
			continue;
		}
		if (unlinkat(root_fd, paths[i], 0) != 0 && errno != ENOENT) {
			log_error("store: cannot remove %s/%s: %s", root,
			          paths[i], strerror(errno));
			failed++;
			continue;
		}
		/* Sizes share their folder: sync it once, after the last. */
		if (i + 1 == count ||
		    !store_same_folder(paths[i], paths[i + 1]))
			store_sync_folder(root_fd, paths[i]);
	}
	close(root_fd);
	return failed;
}

enum media_status
store_file(const char *src_path, enum sniff_kind kind, const char *root,
           const char *subdir, struct arena *a, struct media_file *out,
           const char **reason)
{
	struct store_batch b;
	const char *suffix;
	int src;

	assert(kind > SNIFF_REFUSED && kind < SNIFF__MAX &&
	       !sniff_kind_is_image(kind));
	memset(out, 0, sizeof(*out));
	*reason = STORE_FAILED_REASON;
	src = open(src_path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
	if (src < 0) {
		log_error("store: %s: %s", src_path, strerror(errno));
		return MEDIA_FAILED;
	}
	suffix = arena_concat(a, ".", sniff_kind_extension(kind), (char *)NULL);
	if (store_begin(&b, root, subdir, a) != MEDIA_OK) {
		close(src);
		return MEDIA_FAILED;
	}
	if (store_copy(&b, suffix, src, out) != MEDIA_OK) {
		close(src);
		store_abort(&b);
		return MEDIA_FAILED;
	}
	close(src);
	if (store_finish(&b) != MEDIA_OK)
		return MEDIA_FAILED;
	out->mime = sniff_kind_mime(kind);
	*reason = NULL;
	return MEDIA_OK;
}
