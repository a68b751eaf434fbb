/*
 * tvalue.h: the inside of struct tval, shared by tvalue.c (which builds
 * values) and template.c (which renders them).  Everyone else sees only
 * the constructors and accessors of template.h.
 */
#ifndef GAZETTE_TVALUE_H
#define GAZETTE_TVALUE_H

#include "template.h"

struct tval_entry {
	const char *key;
	struct tval *val;
};

struct tval {
	enum tval_kind kind;
	union {
		bool b;
		long long i;
		double d;
		struct {
			const char *s;
			size_t len;
		} str; /* TV_STR and TV_HTML */
		struct {
			struct tval **items;
			size_t len, cap;
		} list;
		struct {
			struct tval_entry *entries;
			size_t len, cap;
		} map;
	} u;
};

/* Returns the value of key in map (a TV_MAP), or NULL. */
struct tval *tv_map_find(const struct tval *map, const char *key);

#endif
