/*
 * timer.c: the timer process.  Once a second it does the work nobody
 * should wait for a visitor to trigger: publishing scheduled articles
 * (within two seconds of their time).  Later features (session expiry,
 * message retention) add their step here.
 */
#include <time.h>

#include "db/content_db.h"
#include "serve.h"
#include "util/log.h"

/* Runs the timer loop; see serve.h. */
int
timer_run(const char *db_path, volatile int *stop)
{
	struct db *db;

	if (db_open(db_path, &db) < 0)
		return 1;
	while (!*stop) {
		struct timespec tick = {1, 0};
		int n = article_db_publish_due(db, (long long)time(NULL));

		if (n > 0)
			log_info("published %d scheduled article%s", n,
			         n == 1 ? "" : "s");
		nanosleep(&tick, NULL);
	}
	db_close(db);
	return 0;
}
