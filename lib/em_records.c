/*
 * em_records.c: each record type's rules: its fields, their kinds and
 * limits, its natural key (from which its id is derived), and who may
 * change it. Export, import and sync read them here; the schema is in em_db.c.
 */
#include <string.h>

#include "em_int.h"

/* empathy-checkin */
/* What export and import carry; answers after the check-ins they answer. */
static const struct em_field checkin_fields[] = {
	{ "id",		EM_F_ID,	0,		NULL },
	{ "user",	EM_F_NAME,	0,		NULL },
	{ "date",	EM_F_DATE,	0,		NULL },
	{ "feeling",	EM_F_WORD,	EM_F_NULLABLE,	NULL },
	{ "underneath",	EM_F_WORD,	EM_F_NULLABLE,	NULL },
	{ "high",	EM_F_TEXT,	0,		NULL },
	{ "low",	EM_F_TEXT,	EM_F_EMPTY,	NULL },
	{ "removed",	EM_F_TIME,	EM_F_NULLABLE,	NULL },
	{ "created",	EM_F_TIME,	0,		NULL },
	{ "updated",	EM_F_TIME,	0,		NULL },
	{ NULL,		0,		0,		NULL }
};
static const char *const checkin_key[] = { "user", "date", NULL };
static const char *const response_kinds[] = { "question", "reflection", NULL };
static const struct em_field response_fields[] = {
	{ "id",		EM_F_ID,	0,		NULL },
	{ "checkin",	EM_F_ID,	EM_F_REF,	NULL },
	{ "user",	EM_F_NAME,	0,		NULL },
	{ "kind",	EM_F_TEXT,	0,		response_kinds },
	{ "text",	EM_F_TEXT,	0,		NULL },
	{ "forced",	EM_F_BOOL,	0,		NULL },
	{ "removed",	EM_F_TIME,	EM_F_NULLABLE,	NULL },
	{ "created",	EM_F_TIME,	0,		NULL },
	{ "updated",	EM_F_TIME,	0,		NULL },
	{ NULL,		0,		0,		NULL }
};
static const struct em_field reply_fields[] = {
	{ "id",		EM_F_ID,	0,		NULL },
	{ "response",	EM_F_ID,	EM_F_REF,	NULL },
	{ "user",	EM_F_NAME,	0,		NULL },
	{ "text",	EM_F_TEXT,	0,		NULL },
	{ "removed",	EM_F_TIME,	EM_F_NULLABLE,	NULL },
	{ "created",	EM_F_TIME,	0,		NULL },
	{ "updated",	EM_F_TIME,	0,		NULL },
	{ NULL,		0,		0,		NULL }
};
static const char *const guess_key[] = { "checkin", "user", NULL };
static const struct em_field guess_fields[] = {
	{ "id",		EM_F_ID,	0,		NULL },
	{ "checkin",	EM_F_ID,	EM_F_REF,	NULL },
	{ "user",	EM_F_NAME,	0,		NULL },
	{ "word",	EM_F_WORD,	0,		NULL },
	{ "removed",	EM_F_TIME,	EM_F_NULLABLE,	NULL },
	{ "created",	EM_F_TIME,	0,		NULL },
	{ "updated",	EM_F_TIME,	0,		NULL },
	{ NULL,		0,		0,		NULL }
};
static const struct em_rectype checkin_rt = {
	"checkin", "checkin", "date, user", checkin_fields, checkin_key, NULL,
	EM_OWN_AUTHOR, NULL
};
static const struct em_rectype response_rt = {
	"response", "response", "created, id", response_fields, NULL, NULL,
	EM_OWN_AUTHOR, NULL
};
/* A reply is its writer's alone, like an answer. */
static const struct em_rectype reply_rt = {
	"reply", "reply", "created, id", reply_fields, NULL, NULL,
	EM_OWN_AUTHOR, NULL
};
/* A guess is its guesser's; one per person and check-in. */
static const struct em_rectype guess_rt = {
	"guess", "guess", "created, id", guess_fields, guess_key, NULL,
	EM_OWN_AUTHOR, NULL
};
const struct em_rectype *const em_checkin_records[] = {
	&checkin_rt, &response_rt, &reply_rt, &guess_rt, NULL
};

/* empathy-journal */
static const char *const entry_kinds[] = { "seen", "misunderstood", NULL };
static const struct em_field entry_fields[] = {
	{ "id",		EM_F_ID,	0,		NULL },
	{ "user",	EM_F_NAME,	0,		NULL },
	{ "date",	EM_F_DATE,	0,		NULL },
	{ "kind",	EM_F_TEXT,	0,		entry_kinds },
	{ "text",	EM_F_TEXT,	0,		NULL },
	{ "tags",	EM_F_TAGS,	0,		NULL },
	{ "sealed",	EM_F_DATE,	EM_F_NULLABLE,	NULL },	/* issue 16 */
	{ "removed",	EM_F_TIME,	EM_F_NULLABLE,	NULL },
	{ "created",	EM_F_TIME,	0,		NULL },
	{ "updated",	EM_F_TIME,	0,		NULL },
	{ NULL,		0,		0,		NULL }
};
static const struct em_field version_fields[] = {
	{ "id",		EM_F_ID,	0,		NULL },
	{ "entry",	EM_F_ID,	EM_F_REF,	NULL },
	{ "text",	EM_F_TEXT,	0,		NULL },
	{ "tags",	EM_F_TAGS,	0,		NULL },
	{ "created",	EM_F_TIME,	0,		NULL },
	{ "updated",	EM_F_TIME,	0,		NULL },
	{ NULL,		0,		0,		NULL }
};
/*
 * Index the entry just added (no trigger does it: see migration 5). VALUES,
 * not INSERT ... SELECT, which would open a statement journal and make
 * FTS5 flush at every entry all the same.
 */
const char em_entry_index[] = "INSERT INTO entry_fts (rowid, text) VALUES "
    "(last_insert_rowid(), (SELECT text FROM entry WHERE rowid = last_insert_rowid()))";
static const struct em_rectype entry_rt = {
	"entry", "entry", "date, created, id", entry_fields, NULL, em_entry_index,
	EM_OWN_AUTHOR, NULL
};
static const struct em_rectype version_rt = {
	"entry_version", "entry_version", "created, id", version_fields, NULL, NULL,
	EM_OWN_PARENT, "entry"
};
const struct em_rectype *const em_journal_records[] = {
	&entry_rt, &version_rt, NULL
};

/* empathy-assess */
static const struct em_field result_fields[] = {
	{ "id",		EM_F_ID,	0,	NULL },
	{ "user",	EM_F_NAME,	0,	NULL },
	{ "about",	EM_F_NAME,	0,	NULL },
	{ "guess",	EM_F_BOOL,	0,	NULL },	/* a prediction of about's own answers */
	{ "instrument",	EM_F_CID,	0,	NULL },
	{ "date",	EM_F_DATE,	0,	NULL },
	{ "answers",	EM_F_ANSWERS,	0,	NULL },
	{ "score",	EM_F_INT,	0,	NULL },
	{ "removed",	EM_F_TIME,	EM_F_NULLABLE,	NULL },
	{ "created",	EM_F_TIME,	0,	NULL },
	{ "updated",	EM_F_TIME,	0,	NULL },
	{ NULL,		0,		0,	NULL }
};
static const struct em_rectype result_rt = {
	"result", "result", "date, created, id", result_fields, NULL, NULL,
	EM_OWN_AUTHOR, NULL
};
const struct em_rectype *const em_assess_records[] = { &result_rt, NULL };

/* empathy-challenge */
static const struct em_field run_fields[] = {
	{ "id",		EM_F_ID,	0,		NULL },
	{ "challenge",	EM_F_CID,	0,		NULL },
	{ "start",	EM_F_DATE,	0,		NULL },
	{ "days",	EM_F_INT,	0,		NULL },
	{ "user",	EM_F_NAME,	0,		NULL },
	{ "abandoned",	EM_F_TIME,	EM_F_NULLABLE,	NULL },
	{ "created",	EM_F_TIME,	0,		NULL },
	{ "updated",	EM_F_TIME,	0,		NULL },
	{ NULL,		0,		0,		NULL }
};
static const char *const run_day_key[] = { "run", "user", "day", NULL };
static const struct em_field run_day_fields[] = {
	{ "id",		EM_F_ID,	0,		NULL },
	{ "run",	EM_F_ID,	EM_F_REF,	NULL },
	{ "user",	EM_F_NAME,	0,		NULL },
	{ "day",	EM_F_INT,	0,		NULL },
	{ "date",	EM_F_DATE,	0,		NULL },
	{ "note",	EM_F_TEXT,	EM_F_NULLABLE,	NULL },
	{ "removed",	EM_F_TIME,	EM_F_NULLABLE,	NULL },
	{ "created",	EM_F_TIME,	0,		NULL },
	{ "updated",	EM_F_TIME,	0,		NULL },
	{ NULL,		0,		0,		NULL }
};
static const struct em_rectype run_rt = {
	"run", "run", "created, id", run_fields, NULL, NULL,
	EM_OWN_COUPLE, NULL
};
static const struct em_rectype run_day_rt = {
	"run_day", "run_day", "run, day, user", run_day_fields, run_day_key, NULL,
	EM_OWN_AUTHOR, NULL
};
const struct em_rectype *const em_challenge_records[] = { &run_rt, &run_day_rt, NULL };

/* The couple: its roster of two names, kept by every machine. */
static const struct em_field partner_fields[] = {
	{ "id",		EM_F_ID,	0,		NULL },
	{ "name",	EM_F_NAME,	0,		NULL },
	{ "created",	EM_F_TIME,	0,		NULL },
	{ "updated",	EM_F_TIME,	0,		NULL },
	{ NULL,		0,		0,		NULL }
};
static const char *const partner_key[] = { "name", NULL };
static const struct em_rectype partner_rt = {
	"partner", "partner", "name", partner_fields, partner_key, NULL,
	EM_OWN_COUPLE, NULL
};
const struct em_rectype *const em_couple_records[] = { &partner_rt, NULL };

/* Every record type, parents before the records that refer to them. */
static const struct em_rectype *const *const all_records[] = {
	em_couple_records, em_checkin_records, em_journal_records, em_assess_records,
	em_challenge_records, NULL
};

/* How many fields a record type has. */
size_t
em_nfields(const struct em_rectype *rt)
{
	size_t	 n = 0;

	while (rt->fields[n].name != NULL)
		n++;
	return n;
}

/* The i-th record type of all, parents first; NULL past the last. */
const struct em_rectype *
em_rectype_nth(size_t n)
{
	size_t	 i, j;

	for (i = 0; all_records[i] != NULL; i++)
		for (j = 0; all_records[i][j] != NULL; j++)
			if (n-- == 0)
				return all_records[i][j];
	return NULL;
}

const struct em_rectype *
em_rectype_find(const char *table)
{
	size_t	 i, j;

	for (i = 0; all_records[i] != NULL; i++)
		for (j = 0; all_records[i][j] != NULL; j++)
			if (strcmp(all_records[i][j]->table, table) == 0)
				return all_records[i][j];
	return NULL;
}
