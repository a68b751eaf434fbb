/*
 * tvalue.c: the values a handler fills a template context with (template.h
 * declares them; tvalue.h holds their inside).  Everything is allocated in
 * the caller's arena; strings are borrowed.  Maps are small arrays searched
 * in order, which is faster than hashing at the sizes pages use.
 */
#include <assert.h>
#include <stdint.h>
#include <string.h>

#include "html.h"
#include "tvalue.h"

static struct tval *
tv_new(struct arena *a, enum tval_kind kind)
{
	struct tval *v = arena_calloc(a, 1, sizeof(*v));

	v->kind = kind;
	return v;
}

/* Returns a null value. */
struct tval *
tv_null(struct arena *a)
{
	return tv_new(a, TV_NULL);
}

/* Returns a boolean value. */
struct tval *
tv_bool(struct arena *a, bool b)
{
	struct tval *v = tv_new(a, TV_BOOL);

	v->u.b = b;
	return v;
}

/* Returns an integer value, written in decimal. */
struct tval *
tv_int(struct arena *a, long long i)
{
	struct tval *v = tv_new(a, TV_INT);

	v->u.i = i;
	return v;
}

/* Returns a floating-point value, written in its shortest exact form. */
struct tval *
tv_double(struct arena *a, double d)
{
	struct tval *v = tv_new(a, TV_DOUBLE);

	v->u.d = d;
	return v;
}

/* Returns a text value borrowing s; a NULL s gives a null value. */
struct tval *
tv_str(struct arena *a, const char *s)
{
	if (s == NULL)
		return tv_null(a);
	return tv_strn(a, s, strlen(s));
}

/* Returns a text value borrowing len bytes at s (which may hold NULs). */
struct tval *
tv_strn(struct arena *a, const char *s, size_t len)
{
	struct tval *v = tv_new(a, TV_STR);

	v->u.str.s = len > 0 ? s : "";
	v->u.str.len = len;
	v->u.str.esc = html_text_arena(a, v->u.str.s, len, &v->u.str.esc_len);
	return v;
}

/* Returns a trusted HTML value borrowing html.html. */
struct tval *
tv_html(struct arena *a, struct trusted_html html)
{
	struct tval *v = tv_new(a, TV_HTML);

	v->u.str.s = html.len > 0 ? html.html : "";
	v->u.str.len = html.len;
	return v;
}

/* Returns an empty list; fill it with tv_push(). */
struct tval *
tv_list(struct arena *a)
{
	return tv_new(a, TV_LIST);
}

/* Returns an empty map; fill it with tv_set(). */
struct tval *
tv_map(struct arena *a)
{
	return tv_new(a, TV_MAP);
}

/* Appends v (not NULL) to list, growing it in the arena; returns v. */
struct tval *
tv_push(struct arena *a, struct tval *list, struct tval *v)
{
	assert(list != NULL && list->kind == TV_LIST && v != NULL);
	if (list->u.list.len == list->u.list.cap) {
		size_t cap = list->u.list.cap ? list->u.list.cap * 2 : 8;
		struct tval **items = arena_calloc(a, cap, sizeof(*items));

		if (list->u.list.len > 0)
			memcpy(items, list->u.list.items,
			       list->u.list.len * sizeof(*items));
		list->u.list.items = items;
		list->u.list.cap = cap;
	}
	list->u.list.items[list->u.list.len++] = v;
	return v;
}

/* Returns the hash that map entries are compared by first (FNV-1a). */
uint32_t
tv_key_hash(const char *key)
{
	uint32_t h = 2166136261u;

	for (const unsigned char *p = (const unsigned char *)key; *p; p++)
		h = (h ^ *p) * 16777619u;
	return h;
}

/* Maps with this many entries or more get a hash index. */
#define TV_MAP_INDEX_MIN 8

/* Rebuilds map's index with room for twice its entries. */
static void
map_index_build(struct arena *a, struct tval *map)
{
	size_t cap = 32, i;

	while (cap < map->u.map.len * 2 + 2)
		cap *= 2;
	map->u.map.index = arena_calloc(a, cap, sizeof(uint32_t));
	map->u.map.index_cap = cap;
	for (i = 0; i < map->u.map.len; i++) {
		size_t slot = map->u.map.entries[i].hash & (cap - 1);

		while (map->u.map.index[slot] != 0)
			slot = (slot + 1) & (cap - 1);
		map->u.map.index[slot] = (uint32_t)(i + 1);
	}
}

/* Returns the entry of key (whose tv_key_hash is hash) in map, or NULL. */
static struct tval_entry *
find_entry(const struct tval *map, const char *key, uint32_t hash)
{
	struct tval_entry *e = map->u.map.entries;

	if (map->u.map.index != NULL) {
		size_t mask = map->u.map.index_cap - 1, slot = hash & mask;
		uint32_t k;

		while ((k = map->u.map.index[slot]) != 0) {
			if (e[k - 1].hash == hash &&
			    strcmp(e[k - 1].key, key) == 0)
				return &e[k - 1];
			slot = (slot + 1) & mask;
		}
		return NULL;
	}
	for (size_t i = 0; i < map->u.map.len; i++)
		if (e[i].hash == hash && strcmp(e[i].key, key) == 0)
			return &e[i];
	return NULL;
}

/* Returns the value of key (whose tv_key_hash is hash) in map, or NULL. */
struct tval *
tv_map_find_hashed(const struct tval *map, const char *key, uint32_t hash)
{
	struct tval_entry *e = find_entry(map, key, hash);

	return e ? e->val : NULL;
}

/* Returns the value of key in map (a TV_MAP), or NULL. */
struct tval *
tv_map_find(const struct tval *map, const char *key)
{
	return tv_map_find_hashed(map, key, tv_key_hash(key));
}

/*
 * Sets key (borrowed) to v (not NULL) in map, replacing an earlier value of
 * the same key; returns v.  Maps are small arrays searched linearly, each
 * entry compared by its key's hash before its text.
 */
struct tval *
tv_set(struct arena *a, struct tval *map, const char *key, struct tval *v)
{
	struct tval_entry *old;
	uint32_t hash;

	assert(map != NULL && map->kind == TV_MAP && key != NULL && v != NULL);
	hash = tv_key_hash(key);
	if ((old = find_entry(map, key, hash)) != NULL) {
		old->val = v;
		return v;
	}
	if (map->u.map.len == map->u.map.cap) {
		size_t cap = map->u.map.cap ? map->u.map.cap * 2 : 8;
		struct tval_entry *e = arena_calloc(a, cap, sizeof(*e));

		if (map->u.map.len > 0)
			memcpy(e, map->u.map.entries,
			       map->u.map.len * sizeof(*e));
		map->u.map.entries = e;
		map->u.map.cap = cap;
	}
	map->u.map.entries[map->u.map.len].key = key;
	map->u.map.entries[map->u.map.len].hash = hash;
	map->u.map.entries[map->u.map.len].val = v;
	map->u.map.len++;
	if (map->u.map.len >= TV_MAP_INDEX_MIN &&
	    map->u.map.len * 2 + 2 > map->u.map.index_cap)
		map_index_build(a, map);
	else if (map->u.map.index != NULL) {
		size_t mask = map->u.map.index_cap - 1, slot = hash & mask;

		while (map->u.map.index[slot] != 0)
			slot = (slot + 1) & mask;
		map->u.map.index[slot] = (uint32_t)map->u.map.len;
	}
	return v;
}

/*
 * Adds a shared value; see template.h.  The cast is safe because nothing
 * in the renderer writes through a context, and callers promise the same.
 */
void
tv_push_shared(struct arena *a, struct tval *list, const struct tval *v)
{
	tv_push(a, list, (struct tval *)(uintptr_t)v);
}

/* Sets a shared value; see tv_push_shared. */
void
tv_set_shared(struct arena *a, struct tval *map, const char *key,
              const struct tval *v)
{
	tv_set(a, map, key, (struct tval *)(uintptr_t)v);
}

/* Sets key to the text s (borrowed) in map. */
void
tv_set_str(struct arena *a, struct tval *map, const char *key, const char *s)
{
	tv_set(a, map, key, tv_str(a, s));
}

/* Sets key to the integer i in map. */
void
tv_set_int(struct arena *a, struct tval *map, const char *key, long long i)
{
	tv_set(a, map, key, tv_int(a, i));
}

/* Sets key to the boolean b in map. */
void
tv_set_bool(struct arena *a, struct tval *map, const char *key, bool b)
{
	tv_set(a, map, key, tv_bool(a, b));
}

/* Returns the kind of v. */
enum tval_kind
tv_kind(const struct tval *v)
{
	return v->kind;
}

/* Returns the number of items of a list, 0 for anything else. */
size_t
tv_list_len(const struct tval *v)
{
	return v != NULL && v->kind == TV_LIST ? v->u.list.len : 0;
}

/* Returns the value of key in a map, or NULL (missing key, not a map). */
const struct tval *
tv_get(const struct tval *map, const char *key)
{
	if (map == NULL || map->kind != TV_MAP)
		return NULL;
	return tv_map_find(map, key);
}

/* Returns the text of a string or HTML value, or NULL (any other kind). */
const char *
tv_text(const struct tval *v)
{
	if (v == NULL || (v->kind != TV_STR && v->kind != TV_HTML))
		return NULL;
	return v->u.str.s;
}
