/*
 * driver.h: what the integration tests share: a fresh database made by
 * the migrations and the starter content, a worker's state (struct app)
 * opened on it, one request through the real request path (app_handle, as
 * http/fcgi.c calls it) with the answer left in head and body, and small
 * queries on the database through a connection of their own.  Include it
 * once, in a test program; its functions are inline so that a test need
 * not use them all.
 */
#ifndef GAZETTE_TEST_DRIVER_H
#define GAZETTE_TEST_DRIVER_H

#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "app.h"
#include "db/content_db.h"
#include "db/sql_functions.h"
#include "embedded.h"
#include "testhelp.h"

static struct app app;
static struct arena arena;
static struct buf body, head; /* the last answer */
static struct template_set *driver_templates;
static char driver_dir[] = "/tmp/gazette-test-XXXXXX";

/* Makes the database and sets TEST_DB to its path; tests may add to it
 * before driver_start(). */
static inline void
driver_create(void)
{
	char path[256];
	struct db *db = NULL;

	CHECK(mkdtemp(driver_dir) != NULL);
	snprintf(path, sizeof(path), "%s/test.db", driver_dir);
	setenv("TEST_DB", path, 1);
	CHECK(db_open(path, &db) == 0);
	CHECK(db_migrate(db, NULL, NULL) == 0);
	CHECK(content_db_load_starter(db) == 1);
	CHECK(content_db_load_starter(db) == 0);
	db_close(db);
}

/* Loads the compiled-in templates and opens the worker's state. */
static inline void
driver_start(void)
{
	struct buf err;

	buf_init(&err);
	driver_templates = template_set_new();
	CHECK(template_set_load(driver_templates, NULL, &err) == 0);
	CHECK(app_open(&app, getenv("TEST_DB"), driver_templates) == 0);
	arena_init(&arena);
	buf_init(&body);
	buf_init(&head);
	buf_free(&err);
}

/* Releases everything and removes the database. */
static inline void
driver_stop(void)
{
	char cmd[128];

	app_close(&app);
	template_set_free(driver_templates);
	arena_free(&arena);
	buf_free(&body);
	buf_free(&head);
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", driver_dir);
	CHECK(system(cmd) == 0);
}

/*
 * Sends one request from remote_addr with a Host header, the headers in
 * extra ("HTTP_NAME" and value; an If-None-Match among them is honoured)
 * and, when content_type is not NULL, a body of that type (data_len bytes
 * of data: req_body_read serves a multipart one from memory).  Leaves the
 * serialised header block in head and the body in body (empty when the
 * answer has none) and returns the status.
 */
static inline int
driver_send(const char *method, const char *uri, const char *remote_addr,
            const struct kv *extra, size_t extra_count,
            const char *content_type, const char *data, size_t data_len)
{
	struct raw_request raw;
	struct resp resp;
	struct kv hdr[8];
	size_t n = 0;
	const char *inm = NULL;

	arena_reset(&arena);
	memset(&raw, 0, sizeof(raw));
	raw.method = method;
	raw.request_uri = uri;
	raw.remote_addr = remote_addr;
	raw.content_length = -1;
	hdr[n++] = (struct kv){"HTTP_HOST", "example.org", 11};
	for (size_t i = 0; i < extra_count && n < 8; i++) {
		if (strcmp(extra[i].key, "HTTP_IF_NONE_MATCH") == 0)
			inm = extra[i].val;
		hdr[n++] = extra[i];
	}
	raw.headers = hdr;
	raw.headers_count = n;
	if (content_type != NULL) {
		raw.content_type = content_type;
		raw.body = data;
		raw.body_len = data_len;
		raw.content_length = (long long)raw.body_len;
	}
	resp_init(&resp, &arena, &body);
	app_handle(&app, &raw, &arena, &resp);
	buf_reset(&head);
	resp_serialise(&resp, inm, &head);
	if (resp.omit_body)
		buf_reset(&body);
	return resp.status;
}

/* The same with, when form is not NULL, an urlencoded body. */
static inline int
driver_request(const char *method, const char *uri, const char *remote_addr,
               const struct kv *extra, size_t extra_count, const char *form)
{
	return driver_send(method, uri, remote_addr, extra, extra_count,
	                   form ? "application/x-www-form-urlencoded" : NULL,
	                   form, form ? strlen(form) : 0);
}

/* Returns whether b holds needle. */
static inline int
has(const struct buf *b, const char *needle)
{
	return b->data != NULL && strstr(b->data, needle) != NULL;
}

/* Returns the value of header name in the last answer ("" if none), in a
 * static buffer. */
static inline const char *
header(const char *name)
{
	static char out[256];
	char key[64];
	const char *p;

	out[0] = '\0';
	snprintf(key, sizeof(key), "\r\n%s: ", name);
	if (head.data != NULL && (p = strstr(head.data, key)) != NULL) {
		p += strlen(key);
		snprintf(out, sizeof(out), "%.*s", (int)strcspn(p, "\r"), p);
	}
	return out;
}

/* Opens the test database on a connection of the test's own, with the
 * search tokenizer that writing articles needs (sql/014_search.sql). */
static inline int
driver_open_db(sqlite3 **h)
{
	*h = NULL;
	if (sqlite3_open(getenv("TEST_DB"), h) != SQLITE_OK)
		return -1;
	return sql_functions_register(*h) == SQLITE_OK ? 0 : -1;
}

/*
 * Makes path a database at the schema level just before the migration
 * whose file name ends with name (its upgrade is what a test then runs,
 * through db_migrate), with statements run at that level.  Returns 0, or
 * -1 when there is no such migration or a statement fails.
 */
static inline int
driver_db_before(const char *path, const char *name, const char *statements)
{
	size_t k = 0, len = strlen(name);
	char pragma[64];
	sqlite3 *h = NULL;
	int rc = -1;

	while (
	    k < embedded_sql_count &&
	    (strlen(embedded_sql[k].name) < len ||
	     strcmp(embedded_sql[k].name + strlen(embedded_sql[k].name) - len,
	            name) != 0))
		k++;
	snprintf(pragma, sizeof(pragma), "PRAGMA user_version=%zu", k);
	if (k == embedded_sql_count || sqlite3_open(path, &h) != SQLITE_OK ||
	    sql_functions_register(h) != SQLITE_OK)
		goto out;
	for (size_t i = 0; i < k; i++)
		if (sqlite3_exec(h, embedded_sql[i].data, NULL, NULL, NULL) !=
		    SQLITE_OK)
			goto out;
	if (sqlite3_exec(h, statements, NULL, NULL, NULL) == SQLITE_OK &&
	    sqlite3_exec(h, pragma, NULL, NULL, NULL) == SQLITE_OK)
		rc = 0;
out:
	sqlite3_close(h);
	return rc;
}

/* Runs statements on a connection of their own. */
static inline void
sql(const char *statements)
{
	sqlite3 *h = NULL;

	CHECK(driver_open_db(&h) == 0);
	CHECK(sqlite3_exec(h, statements, NULL, NULL, NULL) == SQLITE_OK);
	sqlite3_close(h);
}

/* Returns the first column of the first row of query as a number (-1
 * when there is none). */
static inline long long
query_int(const char *query)
{
	sqlite3 *h = NULL;
	sqlite3_stmt *st = NULL;
	long long v = -1;

	if (driver_open_db(&h) == 0 &&
	    sqlite3_prepare_v2(h, query, -1, &st, NULL) == SQLITE_OK &&
	    sqlite3_step(st) == SQLITE_ROW)
		v = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	sqlite3_close(h);
	return v;
}

/* The same for text; returns a static copy ("" when there is none). */
static inline const char *
query_text(const char *query)
{
	static char out[512];
	sqlite3 *h = NULL;
	sqlite3_stmt *st = NULL;

	out[0] = '\0';
	if (driver_open_db(&h) == 0 &&
	    sqlite3_prepare_v2(h, query, -1, &st, NULL) == SQLITE_OK &&
	    sqlite3_step(st) == SQLITE_ROW && sqlite3_column_text(st, 0))
		snprintf(out, sizeof(out), "%s", sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
	sqlite3_close(h);
	return out;
}

#endif
