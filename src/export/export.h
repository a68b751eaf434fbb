/*
 * export.h: `gazette export-static`: the whole public site written as
 * static files that work from file://, any static host or a mirror.
 * Pages are rendered in this process through the real request path
 * (app_handle), starting from every enabled edition's home page and the
 * crawlers' files and following every link into the site; links are made
 * relative by relink.c.  A second run writes only the files whose bytes
 * changed and removes only files that an earlier run wrote (the manifest,
 * DIR/.gazette-export).
 */
#ifndef GAZETTE_EXPORT_H
#define GAZETTE_EXPORT_H

#include <stdbool.h>
#include <stddef.h>

/* The manifest's name inside the output folder. */
#define EXPORT_MANIFEST ".gazette-export"

/* At most this many distinct addresses (pages and files) per export. */
#define EXPORT_MAX_ADDRESSES 1000000

struct export_options {
	const char *db_path;
	const char *out_dir;
	const char *uploads_dir;   /* serve's --uploads; NULL: none */
	const char *www_dir;       /* css/ and js/ as nginx serves them */
	const char *templates_dir; /* NULL: the compiled-in templates */
};

struct export_summary {
	size_t pages;    /* kept: pages, feeds, redirects */
	size_t rendered; /* of those, rendered by this run */
	/* Every page was rendered, else only those that the changed
	 * articles could change; why_full says why. */
	bool full;
	char why_full[160];
	size_t files;           /* everything the folder now holds from us */
	size_t written;         /* files whose bytes changed (or were new) */
	size_t unchanged;       /* files left as they were */
	size_t removed;         /* files of an earlier run no longer produced */
	size_t forms;           /* forms replaced by the notice */
	size_t skipped;         /* starting points that do not exist (404) */
	size_t broken;          /* linked addresses that answered neither 200
	                           nor a redirect */
	size_t uploads;         /* uploaded files linked from the pages */
	size_t uploads_missing; /* of those, not in the uploads folder */
	double seconds;
	char first_broken[512]; /* "PATH (HTTP STATUS, linked from PAGE)" */
	char first_missing[512];
};

/*
 * Runs the export described by o and fills s.  Returns 0 on success;
 * 2 for bad input, refused before anything is changed (the message in
 * err): the database is missing, not a Gazette database or at another
 * schema level; the output is a file, or a folder that is not empty and
 * holds no manifest; the site has uploaded files and no uploads folder
 * was named; a folder option names no folder.  Returns 1 when the export
 * failed part way (err says why); the manifest then lists every file
 * written so far, so that nothing is left that a later run cannot remove.
 */
int export_static(const struct export_options *o, struct export_summary *s,
                  char *err, size_t err_len);

#endif
