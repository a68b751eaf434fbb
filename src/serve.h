/*
 * serve.h: `gazette serve`, the prefork server, and the timer process it
 * runs beside the workers (timer.c).
 */
#ifndef GAZETTE_SERVE_H
#define GAZETTE_SERVE_H

struct serve_options {
	const char *db_path;
	const char *socket_path;
	const char *templates_dir; /* NULL: the compiled-in templates */
	const char *uploads_dir;   /* NULL: uploads are refused */
	int workers;               /* <= 0: one per core */
};

/*
 * Runs the server in the foreground until SIGTERM or SIGINT, then drains:
 * workers finish the request in hand and exit.  Returns the process exit
 * status (0 after a clean stop, 1 when it cannot start).
 */
int serve_run(const struct serve_options *opts);

/*
 * The timer process's loop: every second, publishes scheduled articles
 * that are due.  Returns when stop becomes non-zero.  Returns 0, or 1 when
 * the database cannot be opened.
 */
int timer_run(const char *db_path, volatile int *stop);

#endif
