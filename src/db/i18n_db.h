/*
 * i18n_db.h: keeping every edition's interface strings complete.  The
 * English edition (the one at /) is the reference: its keys come from the
 * migrations.  Every other edition gets a row for every one of those keys,
 * from its translation file (i18n/CODE.tsv, compiled in) or, for a key the
 * file lacks, the English text, until a translation arrives.  A row whose
 * value an admin changed (it differs from what the files last gave it,
 * edition_strings.shipped) is never overwritten.
 */
#ifndef GAZETTE_I18N_DB_H
#define GAZETTE_I18N_DB_H

#include "db.h"

/*
 * Brings every edition's strings up to date, in one BEGIN IMMEDIATE
 * transaction; run after the migrations (db_migrate does it).  Writes
 * nothing when everything is current.  Returns 0, or -1 (nothing changed)
 * when the database fails or a compiled-in file is malformed (logged).
 */
int i18n_db_sync(struct db *db);

/* The same, inside a transaction the caller holds (adding an edition). */
int i18n_db_sync_locked(struct db *db);

#endif
