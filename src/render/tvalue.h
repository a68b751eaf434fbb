/*
 * tvalue.h: the inside of struct tval, shared by tvalue.c (which builds
 * values) and template.c (which renders them).  Everyone else sees only
 * the constructors and accessors of template.h.
 */
#ifndef GAZETTE_TVALUE_H
#define GAZETTE_TVALUE_H

#include <stdint.h>

#include "template.h"

struct tval_entry {
	const char *key;
	uint32_t hash; /* tv_key_hash(key) */
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
			/* TV_STR: s escaped for HTML (html_text_arena),
			 * made once with the value since {{x}} writes no
			 * other form of it; TV_HTML: unused. */
			const char *esc;
			size_t esc_len;
		} str; /* TV_STR and TV_HTML */
		struct {
			struct tval **items;
			size_t len, cap;
		} list;
		struct {
			struct tval_entry *entries;
			size_t len, cap;
			/* For maps of eight keys or more: open
			 * addressing over entries, slot = entry index + 1,
			 * 0 empty; index_cap is a power of two. */
			uint32_t *index;
			size_t index_cap;
		} map;
	} u;
};

/* Returns the value of key in map (a TV_MAP), or NULL. */
struct tval *tv_map_find(const struct tval *map, const char *key);

/* The same with the key's hash already known (tv_key_hash). */
struct tval *tv_map_find_hashed(const struct tval *map, const char *key,
                                uint32_t hash);
uint32_t tv_key_hash(const char *key);

#endif
