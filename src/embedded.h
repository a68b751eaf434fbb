/*
 * embedded.h: files compiled into the binary at build time by
 * cmake/embed.cmake: the SQL migrations (the .sql files of sql/, sorted by
 * name), the templates (every .html file below templates/, named by its
 * path without ".html"), the starter content (the .sql files of demo/)
 * and the translation files (the .tsv files of i18n/, named by edition
 * code: "ar").
 * Each data
 * array is NUL-terminated; len does not count the NUL.
 */
#ifndef GAZETTE_EMBEDDED_H
#define GAZETTE_EMBEDDED_H

#include <stddef.h>

struct embedded_file {
	const char *name;
	const char *data;
	size_t len;
};

extern const struct embedded_file embedded_sql[];
extern const size_t embedded_sql_count;
extern const struct embedded_file embedded_templates[];
extern const size_t embedded_templates_count;
extern const struct embedded_file embedded_starter[];
extern const size_t embedded_starter_count;
extern const struct embedded_file embedded_i18n[];
extern const size_t embedded_i18n_count;

#endif
