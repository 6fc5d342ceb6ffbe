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

	if ((ex = em_db_open(ctx, EM_DB_WRITE)) != 0 ||
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
	if ((ex = em_db_open(ctx, EM_DB_WRITE)) != 0 ||
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
