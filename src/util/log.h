/*
 * log.h: one line per event on standard error, prefixed with the time, the
 * process id and the current request id (when there is one).  Never pass
 * passwords, tokens or form bodies.
 */
#ifndef GAZETTE_LOG_H
#define GAZETTE_LOG_H

#include <stdint.h>

void log_set_request(uint64_t request_id);
void log_info(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void log_warn(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void log_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

#endif
