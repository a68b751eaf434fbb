/*
 * timer.c: the timer process.  Once a second it does the work nobody
 * should wait for a visitor to trigger: publishing scheduled articles,
 * media posts and publications (within two seconds of their time; a read
 * first, the write lock only when something is due) and, once a minute,
 * deleting expired sessions, old throttle windows and articles, pages,
 * media posts and publications 30 days in the trash.  Later features (message
 * retention) add their step here.
 */
#include <time.h>

#include "db/auth_db.h"
#include "db/content_db.h"
#include "db/page_admin_db.h"
#include "db/publication_db.h"
#include "db/section_db.h"
#include "serve.h"
#include "util/log.h"

/* Articles and pages stay restorable in the trash this long. */
#define TRASH_DAYS 30

/* Runs the timer loop; see serve.h. */
int
timer_run(const char *db_path, volatile int *stop)
{
	struct db *db;

	if (db_open(db_path, &db) < 0)
		return 1;
	for (long long ticks = 0; !*stop; ticks++) {
		struct timespec tick = {1, 0};
		long long now = (long long)time(NULL);
		int n = content_db_publish_due(db, now);

		if (n > 0)
			log_info("published %d scheduled item%s", n,
			         n == 1 ? "" : "s");
		/* Sessions past the longest idle time a setting allows, and
		 * throttle windows a day old; lookups enforce the real
		 * limits, this only keeps the tables small. */
		if (ticks % 60 == 0) {
			auth_db_purge(db, now, 24 * 3600, 24 * 3600);
			n = article_db_purge_trash(db, now,
			                           TRASH_DAYS * 86400LL);
			if (n > 0)
				log_info("emptied %d article%s from the trash",
				         n, n == 1 ? "" : "s");
			n = page_db_purge_trash(db, now, TRASH_DAYS * 86400LL);
			if (n > 0)
				log_info("emptied %d page%s from the trash", n,
				         n == 1 ? "" : "s");
			n = media_post_db_purge_trash(db, now,
			                              TRASH_DAYS * 86400LL);
			if (n > 0)
				log_info("emptied %d media post%s from the "
				         "trash",
				         n, n == 1 ? "" : "s");
			n = publication_db_purge_trash(db, now,
			                               TRASH_DAYS * 86400LL);
			if (n > 0)
				log_info("emptied %d publication%s from the "
				         "trash",
				         n, n == 1 ? "" : "s");
		}
		nanosleep(&tick, NULL);
	}
	db_close(db);
	return 0;
}
