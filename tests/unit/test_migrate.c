/*
 * test_migrate.c: the compiled-in migrations.  They apply to an empty file
 * and set user_version; applying again changes nothing; a database newer
 * than the program is refused; and every database kept at an earlier level
 * (tests/unit/corpus/migrate/level-N.sql, a dump with its content) upgrades
 * to the current level and passes the integrity and foreign-key checks.
 */
#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "db/content_db.h"
#include "db/db.h"
#include "testhelp.h"

static char dir[] = "/tmp/gazette-migrate-XXXXXX";

static int
user_version(const char *path)
{
	sqlite3 *h;
	sqlite3_stmt *st;
	int v = -1;

	if (sqlite3_open(path, &h) != SQLITE_OK)
		return -1;
	if (sqlite3_prepare_v2(h, "PRAGMA user_version", -1, &st, NULL) ==
	    SQLITE_OK) {
		if (sqlite3_step(st) == SQLITE_ROW)
			v = sqlite3_column_int(st, 0);
		sqlite3_finalize(st);
	}
	sqlite3_close(h);
	return v;
}

/* Returns the number of rows in the content tables, a fingerprint of what
 * a migration must keep. */
static long long
count_rows(const char *path)
{
	static const char sql[] =
	    "SELECT (SELECT count(*) FROM articles) + (SELECT count(*) FROM "
	    "article_tags) * 1000 + (SELECT count(*) FROM pages) * 1000000 + "
	    "(SELECT count(*) FROM categories) * 100000000";
	sqlite3 *h;
	sqlite3_stmt *st;
	long long n = -1;

	if (sqlite3_open(path, &h) != SQLITE_OK)
		return -1;
	if (sqlite3_prepare_v2(h, sql, -1, &st, NULL) == SQLITE_OK) {
		if (sqlite3_step(st) == SQLITE_ROW)
			n = sqlite3_column_int64(st, 0);
		sqlite3_finalize(st);
	}
	sqlite3_close(h);
	return n;
}

static void
test_fresh(void)
{
	char path[128];
	struct db *db;
	int from = -1, to = -1;
	FILE *devnull = fopen("/dev/null", "w");

	snprintf(path, sizeof(path), "%s/fresh.db", dir);
	CHECK(db_open(path, &db) == 0);
	CHECK(db_migrate(db, &from, &to) == 0);
	CHECK(from == 0);
	CHECK(to == db_schema_level());
	CHECK(db_schema_level() >= 1);
	CHECK(db_migrate(db, &from, &to) == 0);
	CHECK(from == to && to == db_schema_level());
	CHECK(content_db_load_starter(db) == 1);
	CHECK(db_check(db, devnull) == 0);
	db_close(db);
	CHECK(user_version(path) == db_schema_level());
	fclose(devnull);
}

static void
test_newer_refused(void)
{
	char path[128];
	struct db *db;
	sqlite3 *h;

	snprintf(path, sizeof(path), "%s/newer.db", dir);
	CHECK(sqlite3_open(path, &h) == SQLITE_OK);
	CHECK(sqlite3_exec(h, "PRAGMA user_version=999", NULL, NULL, NULL) ==
	      SQLITE_OK);
	sqlite3_close(h);
	CHECK(db_open(path, &db) == 0);
	CHECK(db_migrate(db, NULL, NULL) == -1);
	db_close(db);
	CHECK(user_version(path) == 999);
}

/* Loads each kept level's dump, upgrades it and checks it. */
static void
test_kept_levels(void)
{
	int found = 0;
	FILE *devnull = fopen("/dev/null", "w");

	for (int level = 1; level <= db_schema_level(); level++) {
		char src[128], path[128], pragma[64];
		char *sql = NULL;
		struct db *db;
		long long before;
		sqlite3 *h;

		snprintf(src, sizeof(src),
		         "tests/unit/corpus/migrate/level-%d.sql", level);
		if ((sql = test_read_file(src, NULL)) == NULL)
			continue;
		found++;
		snprintf(path, sizeof(path), "%s/level-%d.db", dir, level);
		snprintf(pragma, sizeof(pragma), "PRAGMA user_version=%d",
		         level);
		CHECK(sqlite3_open(path, &h) == SQLITE_OK);
		CHECK(sqlite3_exec(h, sql, NULL, NULL, NULL) == SQLITE_OK);
		CHECK(sqlite3_exec(h, pragma, NULL, NULL, NULL) == SQLITE_OK);
		sqlite3_close(h);
		free(sql);
		before = count_rows(path);

		CHECK(db_open(path, &db) == 0);
		CHECK(db_migrate(db, NULL, NULL) == 0);
		CHECK(db_check(db, devnull) == 0);
		/* Content kept at that level is still there. */
		CHECK(content_db_load_starter(db) == 0);
		db_close(db);
		CHECK(user_version(path) == db_schema_level());
		/* Rebuilding a table must not cascade to rows that refer to
		 * it: every row of every kept table is still there. */
		CHECK(before > 0 && count_rows(path) == before);
	}
	CHECK(found >= 1);
	fclose(devnull);
}

int
main(void)
{
	char cmd[128];

	CHECK(mkdtemp(dir) != NULL);
	test_fresh();
	test_newer_refused();
	test_kept_levels();
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", dir);
	CHECK(system(cmd) == 0);
	TEST_DONE();
}
