/*
 * em_couple.c: whose database this is. A database belongs to one couple
 * (an id, and once `empathy init` made or joined it, the key the mailbox is
 * sealed with), has a roster of two partners (table partner, kept in step
 * by sync like any record) and is one replica (its own id).
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <sodium.h>

#include "em_int.h"

int
em_meta_get(struct em_ctx *ctx, const char *k, char **v)
{
	sqlite3_stmt	*st;
	int		 ex, rc;

	*v = NULL;
	if ((ex = em_db_prepare(ctx, &st, "SELECT v FROM meta WHERE k = ?1")) != 0)
		return ex;
	sqlite3_bind_text(st, 1, k, -1, SQLITE_STATIC);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW && sqlite3_column_type(st, 0) != SQLITE_NULL)
		*v = em_strdup((const char *)sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return em_db_err(ctx, rc, "reading the database");
	return 0;
}

/* Set a meta value (NULL deletes it), in the transaction open or in its own. */
int
em_meta_set(struct em_ctx *ctx, const char *k, const char *v)
{
	sqlite3_stmt	*st;
	int		 ex, own = sqlite3_get_autocommit(ctx->db);

	if (own && (ex = em_db_begin(ctx)) != 0)
		return ex;
	if ((ex = em_db_prepare(ctx, &st, v != NULL ?
	    "INSERT OR REPLACE INTO meta (k, v) VALUES (?1, ?2)" :
	    "DELETE FROM meta WHERE k = ?1")) == 0) {
		sqlite3_bind_text(st, 1, k, -1, SQLITE_STATIC);
		if (v != NULL)
			sqlite3_bind_text(st, 2, v, -1, SQLITE_STATIC);
		ex = em_db_done(ctx, &st, "writing the database");
	}
	if (own) {
		if (ex != 0)
			em_db_rollback(ctx);
		else
			ex = em_db_commit(ctx);
	}
	return ex;
}

static int
unhex(const char *s, unsigned char *out, size_t len)
{
	size_t	 got;

	return s != NULL && strlen(s) == 2 * len && sodium_hex2bin(out, len, s,
	    2 * len, NULL, &got, NULL) == 0 && got == len ? 0 : -1;
}

void
em_couple_free(struct em_couple *c)
{
	free(c->names[0]);
	free(c->names[1]);
	sodium_memzero(c, sizeof(*c));
}

int
em_couple_load(struct em_ctx *ctx, struct em_couple *c)
{
	sqlite3_stmt	*st;
	char		*v;
	int		 ex, rc;

	memset(c, 0, sizeof(*c));
	if ((ex = em_meta_get(ctx, "couple", &v)) != 0)
		return ex;
	snprintf(c->id, sizeof(c->id), "%s", v ? v : "");
	free(v);
	if ((ex = em_meta_get(ctx, "replica", &v)) != 0)
		return ex;
	snprintf(c->replica, sizeof(c->replica), "%s", v ? v : "");
	free(v);
	if ((ex = em_meta_get(ctx, "key", &v)) != 0)
		return ex;
	c->has_key = unhex(v, c->key, sizeof(c->key)) == 0;
	if (v != NULL)
		sodium_memzero(v, strlen(v));
	free(v);
	if ((ex = em_meta_get(ctx, "salt", &v)) != 0)
		goto fail;
	c->has_salt = unhex(v, c->salt, sizeof(c->salt)) == 0;
	free(v);
	if ((ex = em_db_prepare(ctx, &st, "SELECT name FROM partner "
	    "ORDER BY name COLLATE NOCASE LIMIT 2")) != 0)
		goto fail;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		c->names[c->nnames++] = em_strdup((const char *)sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		ex = em_db_err(ctx, rc, "reading the roster");
		goto fail;
	}
	return 0;
fail:
	em_couple_free(c);
	return ex;
}

static int
set_hex(struct em_ctx *ctx, const char *k, const unsigned char *b, size_t len)
{
	char	 hex[2 * 32 + 1];
	int	 ex;

	sodium_bin2hex(hex, sizeof(hex), b, len);
	ex = em_meta_set(ctx, k, hex);
	sodium_memzero(hex, sizeof(hex));
	return ex;
}

/*
 * Make this database's couple: keep its id, take key (or a new random one)
 * and the salt it came from, if any. A couple already made stays as it is.
 */
int
em_couple_create(struct em_ctx *ctx, const unsigned char *key, const unsigned char *salt)
{
	struct em_couple c;
	unsigned char	 k[32];
	int		 ex;

	if ((ex = em_db_open(ctx, EM_DB_CREATE)) != 0 ||
	    (ex = em_couple_load(ctx, &c)) != 0)
		return ex;
	if (c.has_key) {
		em_couple_free(&c);
		return 0;
	}
	em_couple_free(&c);
	if (key == NULL)
		randombytes_buf(k, sizeof(k));
	else
		memcpy(k, key, sizeof(k));
	if ((ex = em_db_begin(ctx)) != 0)
		goto out;
	if ((ex = set_hex(ctx, "key", k, sizeof(k))) == 0 && salt != NULL)
		ex = set_hex(ctx, "salt", salt, 16);
	if (ex == 0)
		ex = em_db_commit(ctx);
	else
		em_db_rollback(ctx);
out:
	sodium_memzero(k, sizeof(k));
	return ex;
}

/*
 * Join a couple made elsewhere. A database that already has a key belongs
 * to its couple: joining another would mix two couples' words (65).
 */
int
em_couple_join(struct em_ctx *ctx, const char *couple, const unsigned char *key,
    const unsigned char *salt)
{
	struct em_couple c;
	int		 ex, same;

	if (!em_id_valid(couple))
		return em_err(ctx, EM_EX_DATAERR, "'%s' is not a couple id", couple);
	if ((ex = em_db_open(ctx, EM_DB_CREATE)) != 0 ||
	    (ex = em_couple_load(ctx, &c)) != 0)
		return ex;
	if (c.has_key) {
		same = strcmp(c.id, couple) == 0 &&
		    sodium_memcmp(c.key, key, sizeof(c.key)) == 0;
		em_couple_free(&c);
		if (same)
			return 0;
		return em_err(ctx, EM_EX_DATAERR, "%s already belongs to a couple (%s) "
		    "with another key; to join another, start a new database with -d",
		    ctx->dbpath, c.id[0] ? couple : couple);
	}
	em_couple_free(&c);
	if ((ex = em_db_begin(ctx)) != 0)
		return ex;
	if ((ex = em_meta_set(ctx, "couple", couple)) == 0 &&
	    (ex = set_hex(ctx, "key", key, 32)) == 0 && salt != NULL)
		ex = set_hex(ctx, "salt", salt, 16);
	if (ex != 0) {
		em_db_rollback(ctx);
		return ex;
	}
	return em_db_commit(ctx);
}

/*
 * The acting partner joins the roster at their first write, while it has
 * room (em_ctx_user has refused a third name already). Logged: it travels.
 */
int
em_roster_join(struct em_ctx *ctx)
{
	sqlite3_stmt	*st;
	char		 id[EM_ID_LEN + 1];
	int		 ex;

	if (ctx->user == NULL || ctx->roster != NULL)
		return 0;
	em_id_derive(id, "partner", ctx->user, (const char *)NULL);
	if ((ex = em_db_prepare(ctx, &st, "INSERT INTO partner (id, name, created, updated) "
	    "SELECT ?1, ?2, strftime('%Y-%m-%dT%H:%M:%fZ'), strftime('%Y-%m-%dT%H:%M:%fZ') "
	    "WHERE NOT EXISTS (SELECT 1 FROM partner WHERE name = ?2) "
	    "AND NOT EXISTS (SELECT 1 FROM partner WHERE id = ?1) "
	    "AND (SELECT count(*) FROM partner) < 2")) != 0)
		return ex;
	sqlite3_bind_text(st, 1, id, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 2, ctx->user, -1, SQLITE_STATIC);
	return em_db_done(ctx, &st, "adding a partner");
}

/* Run sql (binding ?1 = from, ?2 = to) with the log crediting who. */
static int
as_user(struct em_ctx *ctx, const char *who, const char *sql, const char *from,
    const char *to)
{
	char	*was = ctx->user;
	int	 ex;

	ctx->user = (char *)who;
	ex = em_sql_run(ctx, "renaming", sql, "ss", from, to);
	ctx->user = was;
	return ex;
}

/*
 * Fold the name from into to, everywhere, in one transaction. Nobody's
 * words change hands by an edit (sync refuses that), so what from wrote is
 * written again under to, as to's, and the old records are purged as
 * from's; answers to from's check-ins follow them, as their writers' own
 * changes. Sync carries all of it like any change.
 */
int
em_partner_rename(struct em_ctx *ctx, const char *from, const char *to)
{
	static const char *const copy[] = {
		/* check-ins, under the ids their new person and day give */
		"INSERT INTO checkin (id, user, date, feeling, underneath, high, low, "
		"removed, created, updated) SELECT em_derive('checkin', ?2, date), ?2, date, "
		"feeling, underneath, high, low, removed, created, updated FROM checkin "
		"WHERE user = ?1",
		/* entries and their versions, under new ids */
		"CREATE TEMP TABLE IF NOT EXISTS rename_map (old TEXT PRIMARY KEY, new TEXT)",
		"DELETE FROM temp.rename_map",
		"INSERT INTO temp.rename_map SELECT id, em_newid() FROM entry WHERE user = ?1 "
		"UNION ALL SELECT id, em_newid() FROM response WHERE user = ?1 "
		"UNION ALL SELECT id, em_newid() FROM result WHERE user = ?1 "
		"UNION ALL SELECT id, em_newid() FROM reply WHERE user = ?1",
		"INSERT INTO entry (id, user, date, kind, text, tags, removed, created, updated) "
		"SELECT m.new, ?2, date, kind, text, tags, removed, created, updated FROM entry "
		"JOIN temp.rename_map m ON m.old = entry.id",
		"INSERT INTO entry_fts (rowid, text) SELECT rowid, text FROM entry WHERE id IN "
		"(SELECT new FROM temp.rename_map)",
		"INSERT INTO entry_version (id, entry, text, tags, created, updated) SELECT "
		"em_newid(), m.new, v.text, v.tags, v.created, v.updated FROM entry_version v "
		"JOIN temp.rename_map m ON m.old = v.entry",
		"INSERT INTO response (id, checkin, user, kind, text, forced, removed, created, "
		"updated) SELECT m.new, checkin, ?2, kind, text, forced, removed, created, "
		"updated FROM response "
		"JOIN temp.rename_map m ON m.old = response.id",
		/* replies, to the answer as it is now called */
		"INSERT INTO reply (id, response, user, text, removed, created, updated) SELECT "
		"m.new, coalesce((SELECT new FROM temp.rename_map WHERE old = "
		"reply.response), response), ?2, text, removed, created, updated FROM reply "
		"JOIN temp.rename_map m ON m.old = reply.id",
		/* guesses, under the ids their check-in and new person give */
		"INSERT INTO guess (id, checkin, user, word, removed, created, updated) SELECT "
		"em_derive('guess', checkin, ?2), checkin, ?2, word, removed, created, "
		"updated FROM guess WHERE user = ?1",
		"INSERT INTO result (id, user, about, guess, instrument, date, answers, score, "
		"removed, created, updated) SELECT m.new, ?2, CASE WHEN about = ?1 THEN ?2 "
		"ELSE about END, guess, instrument, date, answers, score, removed, created, "
		"updated FROM result "
		"JOIN temp.rename_map m ON m.old = result.id",
		"INSERT INTO run_day (id, run, user, day, date, note, removed, created, updated) "
		"SELECT em_derive('run_day', run, ?2, day), run, ?2, day, date, note, removed, "
		"created, updated FROM run_day WHERE user = ?1",
		"UPDATE run SET user = ?2 WHERE user = ?1",
		NULL
	};
	static const char *const purge[] = {
		"DELETE FROM checkin WHERE user = ?1 AND ?2 IS NOT NULL",
		"DELETE FROM reply WHERE user = ?1 AND ?2 IS NOT NULL",
		"DELETE FROM guess WHERE user = ?1 AND ?2 IS NOT NULL",
		"DELETE FROM response WHERE user = ?1 AND ?2 IS NOT NULL",
		"DELETE FROM entry WHERE user = ?1 AND ?2 IS NOT NULL",
		"DELETE FROM result WHERE user = ?1 AND ?2 IS NOT NULL",
		"DELETE FROM run_day WHERE user = ?1 AND ?2 IS NOT NULL",
		NULL
	};
	struct em_couple c;
	char		*other = NULL, *old = NULL, *conflict = NULL;
	size_t		 i;
	int		 ex;

	if (!em_name_valid(to))
		return em_err(ctx, EM_EX_USAGE, "'%s' is not a usable name", to);
	if ((ex = em_db_open(ctx, EM_DB_WRITE)) != 0 ||
	    (ex = em_couple_load(ctx, &c)) != 0)
		return ex;
	for (i = 0; i < c.nnames; i++) {
		if (strcasecmp(c.names[i], from) == 0)
			old = em_strdup(c.names[i]);
		else if (strcasecmp(c.names[i], to) != 0 && other == NULL)
			other = em_strdup(c.names[i]);
	}
	em_couple_free(&c);
	if (old == NULL) {
		ex = em_err(ctx, EM_EX_NOINPUT, "%s is not a partner here", from);
		goto out;
	}
	if (strcasecmp(old, to) == 0) {
		ex = em_err(ctx, EM_EX_USAGE, "%s and %s are the same name here", old, to);
		goto out;
	}
	if ((ex = em_db_begin(ctx)) != 0)
		goto out;
	/* A day both wrote for cannot become one person's twice. */
	if ((ex = em_sql_one(ctx, "renaming", &conflict, "SELECT a.date FROM checkin a "
	    "JOIN checkin b ON a.date = b.date WHERE a.user = ?1 AND b.user = ?2 "
	    "UNION ALL SELECT 'day ' || a.day FROM run_day a JOIN run_day b ON "
	    "a.run = b.run AND a.day = b.day WHERE a.user = ?1 AND b.user = ?2 LIMIT 1",
	    "ss", old, to)) == 0 && conflict != NULL)
		ex = em_err(ctx, EM_EX_DATAERR, "both %s and %s wrote for %s; remove one "
		    "of the two first", old, to, conflict);
	/* The roster first, so that every machine admits the new name's records. */
	if (ex == 0)
		ex = as_user(ctx, old, "DELETE FROM partner WHERE name = ?1 AND ?2 IS NOT NULL",
		    old, to);
	if (ex == 0)
		ex = as_user(ctx, to, "INSERT INTO partner (id, name, created, updated) SELECT "
		    "em_derive('partner', ?2), ?2, strftime('%Y-%m-%dT%H:%M:%fZ'), "
		    "strftime('%Y-%m-%dT%H:%M:%fZ') WHERE NOT EXISTS (SELECT 1 FROM partner "
		    "WHERE name = ?2) AND ?1 IS NOT NULL", old, to);
	for (i = 0; ex == 0 && copy[i] != NULL; i++)
		ex = as_user(ctx, to, copy[i], old, to);
	/* Answers to the old check-ins, and results about the old name: their writers'. */
	if (ex == 0 && other != NULL)
		ex = as_user(ctx, other, "UPDATE response SET checkin = (SELECT em_derive("
		    "'checkin', ?2, c.date) FROM checkin c WHERE c.id = response.checkin) "
		    "WHERE checkin IN (SELECT id FROM checkin WHERE user = ?1)", old, to);
	if (ex == 0 && other != NULL)
		ex = as_user(ctx, other, "UPDATE result SET about = ?2 WHERE about = ?1 "
		    "AND user <> ?1", old, to);
	/* Guesses at the old name's check-ins: at the ones under the new name. */
	if (ex == 0 && other != NULL)
		ex = as_user(ctx, other, "INSERT INTO guess (id, checkin, user, word, "
		    "removed, created, updated) SELECT em_derive('guess', em_derive("
		    "'checkin', ?2, c.date), g.user), em_derive('checkin', ?2, c.date), "
		    "g.user, g.word, g.removed, g.created, g.updated FROM guess g JOIN checkin c ON c.id = "
		    "g.checkin WHERE c.user = ?1 AND g.user <> ?1", old, to);
	if (ex == 0 && other != NULL)
		ex = as_user(ctx, other, "DELETE FROM guess WHERE user <> ?1 AND "
		    "checkin IN (SELECT id FROM checkin WHERE user = ?1) AND ?2 IS "
		    "NOT NULL", old, to);
	/* Replies to the old name's answers: to the answers under the new one. */
	if (ex == 0 && other != NULL)
		ex = as_user(ctx, other, "UPDATE reply SET response = (SELECT new FROM "
		    "temp.rename_map WHERE old = reply.response) WHERE user <> ?1 AND "
		    "response IN (SELECT old FROM temp.rename_map) AND ?2 IS NOT NULL",
		    old, to);
	/* The old records go, as their writer's purge: their text with them. */
	for (i = 0; ex == 0 && purge[i] != NULL; i++)
		ex = as_user(ctx, old, purge[i], old, to);
	if (ex == 0)
		ex = em_db_exec(ctx, "INSERT INTO entry_fts (entry_fts) VALUES ('optimize')");
	if (ex != 0) {
		em_db_rollback(ctx);
		goto out;
	}
	if ((ex = em_db_commit(ctx)) == 0 && (ex = em_db_exec(ctx, "VACUUM")) == 0)
		ex = em_db_scrub(ctx, 1);
out:
	free(old);
	free(other);
	free(conflict);
	return ex;
}

/*
 * NAME, given with opt, as your partner's: a usable name, not yours, and
 * with EM_PARTNER_ROSTER, once the roster holds two names, the other one.
 * *out is the name as the roster spells it (else as given), or NULL on
 * failure.
 */
int
em_partner_arg(struct em_ctx *ctx, const char *opt, const char *name,
    const char *me, int flags, char **out)
{
	struct em_couple c;
	size_t	 i;
	int	 ex;

	*out = NULL;
	if (!em_name_valid(name))
		return em_err(ctx, EM_EX_USAGE, "%s: '%s' is not a usable name", opt,
		    name);
	if (strcasecmp(name, me) == 0)
		return em_err(ctx, EM_EX_USAGE, "%s names you; name your partner",
		    opt);
	if (ctx->db == NULL) {		/* nothing written yet: no roster */
		*out = em_strdup(name);
		return 0;
	}
	if ((ex = em_couple_load(ctx, &c)) != 0)
		return ex;
	for (i = 0; i < c.nnames; i++)
		if (strcasecmp(c.names[i], name) == 0)
			*out = em_strdup(c.names[i]);
	if (*out == NULL && (flags & EM_PARTNER_ROSTER) && c.nnames >= 2)
		ex = em_err(ctx, EM_EX_USAGE, "%s: %s is not your partner here (the "
		    "partners are %s and %s)", opt, name, c.names[0], c.names[1]);
	else if (*out == NULL)
		*out = em_strdup(name);
	em_couple_free(&c);
	return ex;
}
