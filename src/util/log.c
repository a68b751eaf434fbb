/*
 * log.c: the log writer.  Each line is formatted whole and written with one
 * write(2), so lines from several workers sharing standard error never mix.
 */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "log.h"

static uint64_t current_request;

/* Sets the request id shown on following lines; 0 means none. */
void
log_set_request(uint64_t request_id)
{
	current_request = request_id;
}

static void log_line(const char *level, const char *fmt, va_list ap)
    __attribute__((format(printf, 2, 0)));

static void
log_line(const char *level, const char *fmt, va_list ap)
{
	char line[2048];
	size_t n;
	int k;
	struct timespec ts;
	struct tm tm;
	ssize_t w;

	clock_gettime(CLOCK_REALTIME, &ts);
	gmtime_r(&ts.tv_sec, &tm);
	n = strftime(line, sizeof(line), "%Y-%m-%dT%H:%M:%SZ", &tm);
	if (current_request != 0)
		k = snprintf(line + n, sizeof(line) - n,
		             " [%d] %s req=%llu: ", (int)getpid(), level,
		             (unsigned long long)current_request);
	else
		k = snprintf(line + n, sizeof(line) - n,
		             " [%d] %s: ", (int)getpid(), level);
	if (k > 0)
		n += (size_t)k;
	if (n < sizeof(line) - 1) {
		k = vsnprintf(line + n, sizeof(line) - n, fmt, ap);
		if (k > 0)
			n += (size_t)k;
	}
	if (n > sizeof(line) - 2)
		n = sizeof(line) - 2;
	line[n++] = '\n';
	w = write(STDERR_FILENO, line, n);
	(void)w;
}

/* Logs an event worth knowing in normal operation. */
void
log_info(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	log_line("info", fmt, ap);
	va_end(ap);
}

/* Logs something unusual that the program handled. */
void
log_warn(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	log_line("warn", fmt, ap);
	va_end(ap);
}

/* Logs a failure: a request answered 500, a child that died, a bad file. */
void
log_error(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	log_line("error", fmt, ap);
	va_end(ap);
}
