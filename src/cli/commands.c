/*
 * commands.c: init, user add and passwd, serve, check and backup.  Each parses
 * its options with cli_parse(), does its work through src/db/ and says plainly
 * what went wrong.  Bad usage exits 2, failure 1.
 */
#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "../auth/password.h"
#include "../db/auth_db.h"
#include "../db/backup_db.h"
#include "../db/content_db.h"
#include "../db/db.h"
#include "../db/user_db.h"
#include "../sendmail.h"
#include "../util/text.h"
#include "../serve.h"
#include "args.h"
#include "commands.h"

#define ARRAY_LEN(a) (sizeof(a) / sizeof((a)[0]))

/* Prints a one-line error; see commands.h. */
void
cli_error(const char *command, const char *fmt, ...)
{
	va_list ap;

	fprintf(stderr, "gazette: %s: ", command);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
}

/* Parses options or prints the error; returns 0 or 2. */
static int
parse(const char *command, int argc, char **argv, struct cli_opt *opts,
      size_t n)
{
	char err[256];

	if (cli_parse(argc, argv, opts, n, NULL, 0, NULL, err, sizeof(err)) <
	    0) {
		cli_error(command, "%s (see gazette --help)", err);
		return 2;
	}
	return 0;
}

/* Tells whether path names a folder. */
static bool
is_directory(const char *path)
{
	struct stat st;

	return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

/* Opens and migrates; returns 0 or 1 after printing an error. */
static int
open_migrated(const char *command, const char *path, struct db **db)
{
	int from, to;

	if (db_open(path, db) < 0) {
		cli_error(command, "cannot open %s", path);
		return 1;
	}
	if (db_migrate(*db, &from, &to) < 0) {
		cli_error(command, "cannot migrate %s", path);
		db_close(*db);
		*db = NULL;
		return 1;
	}
	if (from != to)
		fprintf(stderr, "gazette: %s: schema level %d -> %d\n", command,
		        from, to);
	return 0;
}

/*
 * gazette init --db FILE [--starter]: creates or migrates the database;
 * with --starter, adds the starter content to a database without content.
 */
int
cmd_init(int argc, char **argv)
{
	struct cli_opt opts[] = {{"db", true, true, NULL},
	                         {"starter", false, false, NULL}};
	struct db *db;
	int rc;

	if ((rc = parse("init", argc, argv, opts, ARRAY_LEN(opts))) != 0)
		return rc;
	if (open_migrated("init", opts[0].value, &db) != 0)
		return 1;
	rc = 0;
	if (opts[1].value != NULL) {
		int loaded = content_db_load_starter(db);

		if (loaded < 0) {
			cli_error("init", "could not load the starter content");
			rc = 1;
		} else if (loaded > 0) {
			fprintf(stderr,
			        "gazette: init: starter content added\n");
		}
	}
	db_close(db);
	return rc;
}

/* Reads the password from standard input: one line, without its end. */
static int
read_password(char *out, size_t cap, size_t *len)
{
	size_t n = 0;
	int c;

	while ((c = getchar()) != EOF && c != '\n') {
		if (n + 1 >= cap)
			return -1;
		out[n++] = (char)c;
	}
	if (n > 0 && out[n - 1] == '\r')
		n--;
	out[n] = '\0';
	*len = n;
	return 0;
}

/* Returns whether an account name is 1-64 of [A-Za-z0-9._@-]. */
static int
name_valid(const char *s)
{
	size_t n = strlen(s);

	if (n == 0 || n > 64)
		return 0;
	for (; *s; s++)
		if (!((*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z') ||
		      (*s >= '0' && *s <= '9') || strchr("._@-", *s)))
			return 0;
	return 1;
}

/*
 * Puts the password in pw (NUL-terminated, *len bytes) in NFC, as the
 * login form's fields are (http/request.c), so that a password typed with
 * decomposed letters here still matches at the login page.  Returns 0, or
 * -1 when it is not UTF-8 or its NFC form does not fit in cap bytes.
 */
static int
password_nfc(char *pw, size_t cap, size_t *len)
{
	struct arena a;
	const char *nfc;
	size_t n;
	int rc = -1;

	arena_init(&a);
	nfc = text_nfc(&a, pw, *len, &n);
	if (nfc != NULL && n < cap) {
		memmove(pw, nfc, n);
		pw[n] = '\0';
		*len = n;
		rc = 0;
	}
	if (nfc != NULL && nfc != pw)
		explicit_bzero((char *)nfc, n);
	arena_free(&a);
	return rc;
}

/*
 * Reads the password from standard input, puts it in NFC and checks it
 * against the policy (12 to 128 characters); the hash goes to hash.
 * Returns 0, 2 after printing the rule broken, or 1 when hashing failed.
 * Nothing of the password is left in memory.
 */
static int
password_from_stdin(const char *command, char hash[PASSWORD_HASH_MAX])
{
	char pw[4 * PASSWORD_MAX_CHARS + 2];
	size_t pw_len;
	int rc = 0;

	if (read_password(pw, sizeof(pw), &pw_len) < 0 ||
	    password_nfc(pw, sizeof(pw), &pw_len) < 0 ||
	    password_policy_check(pw, pw_len) < 0) {
		cli_error(command, "the password (one line on standard "
		                   "input) must be 12 to 128 characters "
		                   "of UTF-8");
		rc = 2;
	} else if (password_hash(pw, pw_len, hash) < 0) {
		cli_error(command, "hashing failed");
		rc = 1;
	}
	explicit_bzero(pw, sizeof(pw));
	return rc;
}

/*
 * gazette user add --db FILE --name N --role R [--display-name D]
 * [--email E]: creates a staff account; the password (12 to 128
 * characters) is read from standard input.  The password and the display
 * name are stored in NFC, as every form stores text.  The email (where a
 * password reset link goes) is checked as the contact form checks one.
 */
static int
user_add(int argc, char **argv)
{
	struct cli_opt opts[] = {{"db", true, true, NULL},
	                         {"name", true, true, NULL},
	                         {"role", true, true, NULL},
	                         {"display-name", true, false, NULL},
	                         {"email", true, false, NULL}};
	char hash[PASSWORD_HASH_MAX];
	size_t display_len;
	const char *display, *email;
	struct arena a;
	struct db *db;
	long long id;
	int rc;

	if ((rc = parse("user add", argc, argv, opts, ARRAY_LEN(opts))) != 0)
		return rc;
	if (!name_valid(opts[1].value)) {
		cli_error("user add", "a name is 1 to 64 letters, digits "
		                      "or . _ @ -");
		return 2;
	}
	if (!user_role_valid(opts[2].value)) {
		cli_error("user add", "role must be admin, editor, author or "
		                      "moderator");
		return 2;
	}
	email = opts[4].value ? opts[4].value : "";
	if (email[0] != '\0' && !text_email_valid(email)) {
		cli_error("user add", "'%s' is not an email address", email);
		return 2;
	}
	arena_init(&a);
	display = opts[3].value ? opts[3].value : opts[1].value;
	display = text_nfc(&a, display, strlen(display), &display_len);
	if (display == NULL || strlen(display) != display_len) {
		cli_error("user add", "the display name must be UTF-8");
		rc = 2;
		goto out;
	}
	if ((rc = password_from_stdin("user add", hash)) != 0)
		goto out;
	rc = 1;
	if (open_migrated("user add", opts[0].value, &db) != 0)
		goto out;
	id = user_db_add_email(db, opts[1].value, display, opts[2].value, hash,
	                       email);
	db_close(db);
	if (id == 0) {
		cli_error("user add", "an account named '%s' exists",
		          opts[1].value);
		goto out;
	}
	if (id < 0) {
		cli_error("user add", "could not create the account");
		goto out;
	}
	fprintf(stderr, "gazette: user add: created %s (%s)\n", opts[1].value,
	        opts[2].value);
	rc = 0;
out:
	arena_free(&a);
	return rc;
}

/*
 * gazette user passwd --db FILE --name N: sets an account's password (read
 * from standard input, as for user add, same rules) and ends all its
 * sessions, in one transaction, audited.  Two-factor login and the
 * disabled flag stay as they are.  An unknown account or a weak password
 * exits non-zero with nothing changed.
 */
static int
user_passwd(int argc, char **argv)
{
	struct cli_opt opts[] = {{"db", true, true, NULL},
	                         {"name", true, true, NULL}};
	char hash[PASSWORD_HASH_MAX];
	struct staff user;
	struct arena a;
	struct db *db;
	int rc, found;

	if ((rc = parse("user passwd", argc, argv, opts, ARRAY_LEN(opts))) != 0)
		return rc;
	if ((rc = password_from_stdin("user passwd", hash)) != 0)
		return rc;
	if (open_migrated("user passwd", opts[0].value, &db) != 0)
		return 1;
	arena_init(&a);
	rc = 1;
	found = staff_db_by_name(db, &a, opts[1].value, &user);
	if (found > 0) {
		cli_error("user passwd", "no account is named '%s'",
		          opts[1].value);
	} else if (found < 0 ||
	           staff_db_reset_password(db, user.id, hash, NULL) < 0) {
		cli_error("user passwd", "could not set the password");
	} else {
		audit_db_add(db, (long long)time(NULL), user.id, user.name,
		             "password set", "from the command line", "");
		fprintf(stderr,
		        "gazette: user passwd: set the password of %s; its "
		        "sessions ended%s\n",
		        user.name,
		        user.disabled ? " (the account is disabled)" : "");
		rc = 0;
	}
	arena_free(&a);
	db_close(db);
	return rc;
}

/* gazette user add|passwd …: see user_add and user_passwd. */
int
cmd_user(int argc, char **argv)
{
	if (argc >= 1 && strcmp(argv[0], "add") == 0)
		return user_add(argc - 1, argv + 1);
	if (argc >= 1 && strcmp(argv[0], "passwd") == 0)
		return user_passwd(argc - 1, argv + 1);
	cli_error("user", "expected 'user add' or 'user passwd' (see gazette "
	                  "--help)");
	return 2;
}

/*
 * gazette serve --db FILE --socket PATH [--workers N] [--templates DIR]
 * [--uploads DIR] [--sendmail PATH]: runs the FastCGI server in the
 * foreground.  Without --uploads, uploads are refused (the folder must
 * exist).  With --sendmail (an absolute path to an executable file), the
 * timer process tells the moderators of new messages through it.
 */
int
cmd_serve(int argc, char **argv)
{
	struct cli_opt opts[] = {
	    {"db", true, true, NULL},       {"socket", true, true, NULL},
	    {"workers", true, false, NULL}, {"templates", true, false, NULL},
	    {"uploads", true, false, NULL}, {"sendmail", true, false, NULL}};
	struct serve_options so;
	char why[128];
	int rc;

	if ((rc = parse("serve", argc, argv, opts, ARRAY_LEN(opts))) != 0)
		return rc;
	memset(&so, 0, sizeof(so));
	so.db_path = opts[0].value;
	so.socket_path = opts[1].value;
	so.templates_dir = opts[3].value;
	so.uploads_dir = opts[4].value;
	if (so.uploads_dir != NULL && !is_directory(so.uploads_dir)) {
		cli_error("serve", "--uploads %s is not a folder",
		          so.uploads_dir);
		return 2;
	}
	so.sendmail = opts[5].value;
	if (so.sendmail != NULL &&
	    !sendmail_path_ok(so.sendmail, why, sizeof(why))) {
		cli_error("serve", "--sendmail %s: %s", so.sendmail, why);
		return 2;
	}
	if (opts[2].value != NULL) {
		char *end;
		long n;

		errno = 0;
		n = strtol(opts[2].value, &end, 10);
		if (errno != 0 || *end != '\0' || n < 1 || n > 256) {
			cli_error("serve", "--workers must be 1 to 256");
			return 2;
		}
		so.workers = (int)n;
	}
	return serve_run(&so);
}

/*
 * gazette check --db FILE: integrity and foreign-key checks, and the
 * schema level, on a read-only connection that changes nothing.  Exits 0
 * when the database is sound, 1 when a problem was found (each printed).
 */
int
cmd_check(int argc, char **argv)
{
	struct cli_opt opts[] = {{"db", true, true, NULL}};
	struct db *db;
	int rc, problems, level;

	if ((rc = parse("check", argc, argv, opts, ARRAY_LEN(opts))) != 0)
		return rc;
	if (access(opts[0].value, R_OK) != 0) {
		cli_error("check", "cannot read %s: %s", opts[0].value,
		          strerror(errno));
		return 1;
	}
	if (db_open_readonly(opts[0].value, &db) < 0) {
		cli_error("check", "cannot open %s", opts[0].value);
		return 1;
	}
	problems = db_check(db, stdout);
	level = db_user_version(db);
	db_close(db);
	if (problems >= 0 && level != db_schema_level()) {
		printf("schema: level %d, this program's is %d%s\n", level,
		       db_schema_level(),
		       level < db_schema_level() ? " (run gazette init)" : "");
		problems++;
	}
	if (problems < 0) {
		cli_error("check", "the check could not run");
		return 1;
	}
	if (problems > 0) {
		printf("%d problem%s found\n", problems,
		       problems == 1 ? "" : "s");
		return 1;
	}
	printf("ok\n");
	return 0;
}

/*
 * gazette backup --db FILE OUT.db: a consistent copy of the database while
 * it is served and written (backup_db.h), checked and fsynced; OUT must not
 * exist.  Exits 0 with the copy's size, 1 on failure (no OUT), 2 on bad
 * usage.
 */
int
cmd_backup(int argc, char **argv)
{
	struct cli_opt opts[] = {{"db", true, true, NULL}};
	char *pos[1], err[PATH_MAX + 256] = "";
	size_t npos = 0;
	struct db *db;
	struct stat st;
	int level;

	if (cli_parse(argc, argv, opts, ARRAY_LEN(opts), pos, 1, &npos, err,
	              sizeof(err)) < 0 ||
	    npos != 1) {
		cli_error(
		    "backup", "%s (usage: gazette backup --db FILE OUT.db)",
		    npos != 1 && err[0] == '\0' ? "name one OUT file" : err);
		return 2;
	}
	if (access(opts[0].value, R_OK) != 0) {
		cli_error("backup", "cannot read %s: %s", opts[0].value,
		          strerror(errno));
		return 1;
	}
	if (db_open(opts[0].value, &db) < 0) {
		cli_error("backup", "cannot open %s", opts[0].value);
		return 1;
	}
	if ((level = db_user_version(db)) <= 0) {
		db_close(db);
		cli_error("backup",
		          "%s is not a Gazette database (run gazette "
		          "init)",
		          opts[0].value);
		return 1;
	}
	if (db_backup(db, pos[0], err, sizeof(err)) < 0) {
		db_close(db);
		cli_error("backup", "%s", err);
		return 1;
	}
	db_close(db);
	if (stat(pos[0], &st) == 0)
		printf("backed up %s to %s (%lld bytes, schema level %d)\n",
		       opts[0].value, pos[0], (long long)st.st_size, level);
	return 0;
}
