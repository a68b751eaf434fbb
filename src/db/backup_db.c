/*
 * backup_db.c: `gazette backup`: a consistent copy of a database that is
 * being served and written.
 *
 * SQLite's online backup copies every page in one step
 * (sqlite3_backup_step(-1)) inside one read transaction of the source, so
 * the copy is the database as one commit left it: in WAL mode writers go
 * on meanwhile, and none of their later commits is half in the copy.  The
 * copy is one self-contained file (rollback journal mode, no -wal to carry
 * along), written beside its final name ("OUT.incomplete"), checked
 * (integrity and foreign keys), fsynced, renamed into place and its
 * folder fsynced, so OUT either does not exist or is a whole, checked
 * database that survives a power cut.  An existing OUT is never replaced.
 */
#include <errno.h>
#include <fcntl.h>
#include <libgen.h>
#include <limits.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "backup_db.h"
#include "db_internal.h"

/* Writes a message into err. */
static int
fail(char *err, size_t err_len, const char *what, const char *path,
     const char *why)
{
	snprintf(err, err_len, "%s %s: %s", what, path, why);
	return -1;
}

/* fsyncs the file or folder at path; returns 0 or -1 with errno set. */
static int
sync_path(const char *path, int flags)
{
	int fd = open(path, flags | O_CLOEXEC), rc, saved;

	if (fd < 0)
		return -1;
	rc = fsync(fd);
	saved = errno;
	close(fd);
	errno = saved;
	return rc;
}

/* Copies src's every page into the new, empty file at path. */
static int
copy_pages(struct db *src, const char *path, char *err, size_t err_len)
{
	sqlite3 *dst = NULL;
	sqlite3_backup *b;
	int rc;

	rc = sqlite3_open_v2(path, &dst, SQLITE_OPEN_READWRITE, NULL);
	if (rc != SQLITE_OK) {
		fail(err, err_len, "cannot open", path,
		     dst ? sqlite3_errmsg(dst) : sqlite3_errstr(rc));
		sqlite3_close(dst);
		return -1;
	}
	b = sqlite3_backup_init(dst, "main", src->handle, "main");
	if (b == NULL) {
		fail(err, err_len, "cannot copy into", path,
		     sqlite3_errmsg(dst));
		sqlite3_close(dst);
		return -1;
	}
	/* All pages in one step: one read transaction of the source.  Busy
	 * or locked (a checkpoint holding the file): wait and try again. */
	for (int tries = 0;; tries++) {
		rc = sqlite3_backup_step(b, -1);
		if ((rc != SQLITE_BUSY && rc != SQLITE_LOCKED) || tries == 50)
			break;
		sqlite3_sleep(100);
	}
	sqlite3_backup_finish(b);
	/* One self-contained file: the copy leaves WAL mode (the server's
	 * connection turns it back on when it opens the restored file). */
	if (rc == SQLITE_DONE)
		rc = sqlite3_exec(dst, "PRAGMA journal_mode=DELETE", NULL, NULL,
		                  NULL) == SQLITE_OK
		         ? SQLITE_DONE
		         : SQLITE_ERROR;
	if (rc != SQLITE_DONE) {
		fail(err, err_len, "cannot copy into", path,
		     rc == SQLITE_BUSY || rc == SQLITE_LOCKED
		         ? "the database stayed locked for 5 s"
		         : sqlite3_errstr(rc));
		sqlite3_close(dst);
		return -1;
	}
	if (sqlite3_close(dst) != SQLITE_OK)
		return fail(err, err_len, "cannot close", path,
		            sqlite3_errmsg(dst));
	return 0;
}

/* Checks the copy at path; returns 0 when it is sound. */
static int
check_copy(const char *path, char *err, size_t err_len)
{
	struct db *copy;
	int problems;
	FILE *sink = fopen("/dev/null", "w");

	if (db_open_readonly(path, &copy) < 0) {
		if (sink)
			fclose(sink);
		return fail(err, err_len, "cannot open the copy", path,
		            "not a database");
	}
	problems = sink ? db_check(copy, sink) : -1;
	db_close(copy);
	if (sink)
		fclose(sink);
	if (problems != 0)
		return fail(err, err_len, "the copy", path,
		            problems < 0 ? "could not be checked"
		                         : "failed its integrity check");
	return 0;
}

/* Backs the database up; see backup_db.h. */
int
db_backup(struct db *db, const char *out, char *err, size_t err_len)
{
	char tmp[PATH_MAX], journal[PATH_MAX], dir_copy[PATH_MAX];
	const char *dir;
	struct stat st;
	int fd, rc = -1;

	if ((size_t)snprintf(tmp, sizeof(tmp), "%s.incomplete", out) >=
	        sizeof(tmp) ||
	    (size_t)snprintf(journal, sizeof(journal), "%s-journal", tmp) >=
	        sizeof(journal)) {
		fail(err, err_len, "cannot write to", out,
		     "the name is too long");
		return -1;
	}
	snprintf(dir_copy, sizeof(dir_copy), "%s", out);
	dir = dirname(dir_copy);
	if (lstat(out, &st) == 0) {
		fail(err, err_len, "will not replace", out, "it exists");
		return -1;
	}
	/* O_EXCL: a backup already running into the same name stops here. */
	fd = open(tmp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
	if (fd < 0) {
		fail(err, err_len, "cannot create", tmp,
		     errno == EEXIST ? "it exists (another backup running, "
		                       "or one that was stopped: remove it)"
		                     : strerror(errno));
		return -1;
	}
	close(fd);
	if (copy_pages(db, tmp, err, err_len) < 0 ||
	    check_copy(tmp, err, err_len) < 0)
		goto remove;
	if (sync_path(tmp, O_RDONLY) < 0) {
		fail(err, err_len, "cannot sync", tmp, strerror(errno));
		goto remove;
	}
	/* link() rather than rename(): it refuses to replace an OUT made
	 * meanwhile. */
	if (link(tmp, out) < 0) {
		fail(err, err_len, "cannot create", out, strerror(errno));
		goto remove;
	}
	unlink(tmp);
	if (sync_path(dir, O_RDONLY | O_DIRECTORY) < 0) {
		fail(err, err_len, "cannot sync the folder", dir,
		     strerror(errno));
		unlink(out);
		goto remove;
	}
	return 0;
remove:
	unlink(tmp);
	unlink(journal); /* one the copy's connection may have left */
	return rc;
}
