/* em_news.c: what a partner did since you last looked, for `empathy news` and `empathy today`. */
#include <string.h>

#include "em_int.h"

/*
 * When you last looked is kept per person and per machine in meta:
 * seen.NAME the time (UTC, as SQLite writes it), seen.NAME.ops how far this
 * database had the other machines' operations then (a JSON object of
 * replica to sequence number). Something is new when it was written on
 * this machine at or after that time, or when a sync brought it since:
 * what the other machine wrote before you looked and you had not seen.
 * Never looked: what was written in the last seven days, wherever.
 */

/* The replicas in the log, one index seek each, not a scan of the log. */
#define REPLICAS \
	"WITH RECURSIVE rep (r) AS (SELECT min(replica) FROM op UNION ALL " \
	"SELECT (SELECT min(replica) FROM op WHERE replica > r) FROM rep " \
	"WHERE r IS NOT NULL) "

/* How far the log goes for every other machine, now. */
static const char mark_sql[] =
    REPLICAS "SELECT coalesce(json_group_object(r, (SELECT max(seq) FROM op "
    "WHERE replica = r)), '{}') FROM rep WHERE r IS NOT NULL AND r <> "
    "(SELECT v FROM meta WHERE k = 'replica')";

/*
 * What other machines made past the mark ?1: the records whose first
 * operation came in since. An edit that comes in later is not news, as an
 * edit made here is not.
 */
static const char arrived_sql[] =
    REPLICAS "INSERT OR IGNORE INTO temp.news_arrived SELECT o.rid FROM rep "
    "CROSS JOIN op o ON o.replica = rep.r AND o.seq > "
    "coalesce(json_extract(?1, '$.\"' || rep.r || '\"'), 0) "
    "WHERE rep.r IS NOT NULL AND rep.r <> (SELECT v FROM meta WHERE "
    "k = 'replica') AND o.state = 0 AND NOT EXISTS (SELECT 1 FROM op p "
    "WHERE p.rid = o.rid AND p.clock < o.clock)";

/*
 * The rowids (id) of the rows of table t that are new: written at or after
 * ?2 (on this machine when ?3, this replica, is given: what came from the
 * other is new by when it arrived, whatever its clock said), or arrived by
 * sync. Each part through an index; each query starts from here (CROSS
 * JOIN keeps that order), not from everything you or they ever wrote.
 */
#define FRESH(t) \
	" (SELECT x.rowid AS id FROM " t " x WHERE x.created >= ?2 AND (?3 IS " \
	"NULL OR coalesce((SELECT replica FROM op WHERE rid = x.id ORDER BY " \
	"clock LIMIT 1), ?3) = ?3) UNION SELECT x.rowid FROM " \
	"temp.news_arrived a CROSS JOIN " t " x ON x.id = a.rid) f "

/* Every kind gives who, the day, what, a number, words, when; ordered alike. */
#define ITEMS(q) ITEMS_S(q, "NULL")
/* ... and s, for a moment sealed from you, the day it opens (em_seal.c). */
#define ITEMS_S(q, s) \
	"SELECT u, d, w, n, t, m, count(*) OVER (), " s " FROM (" q ") " \
	"ORDER BY d, u, m"

/* One query per kind of news, in the order of enum em_news_kind; ?1 is you. */
static const char *const news_sql[EM_NEWS_NKINDS] = {
	/* EM_NEWS_ANSWER: answers to your check-ins. */
	ITEMS("SELECT r.user AS u, c.date AS d, r.kind AS w, 0 AS n, r.text AS t, "
	    "r.created AS m FROM" FRESH("response") "CROSS JOIN response r ON "
	    "r.rowid = f.id CROSS JOIN checkin c ON c.id = r.checkin WHERE "
	    "c.user = ?1 AND r.user <> ?1 AND r.removed IS NULL AND c.removed IS NULL"),
	/* EM_NEWS_REPLY: replies to your answers, by the one who checked in. */
	ITEMS("SELECT p.user AS u, c.date AS d, r.kind AS w, 0 AS n, p.text AS t, "
	    "p.created AS m FROM" FRESH("reply") "CROSS JOIN reply p ON "
	    "p.rowid = f.id CROSS JOIN response r ON r.id = p.response CROSS JOIN "
	    "checkin c ON c.id = r.checkin WHERE r.user = ?1 AND p.user <> ?1 AND "
	    "p.removed IS NULL AND r.removed IS NULL AND c.removed IS NULL"),
	/*
	 * EM_NEWS_CHECKIN: their check-in, once you can read it (you checked
	 * in that day too): new when theirs is new, or yours is.
	 */
	ITEMS("WITH fresh AS MATERIALIZED (SELECT id FROM" FRESH("checkin") ") "
	    "SELECT c.user AS u, c.date AS d, coalesce(c.feeling, '') AS w, 0 AS n, "
	    "'' AS t, max(c.created, m.created) AS m FROM fresh f CROSS JOIN "
	    "checkin c ON c.rowid = f.id CROSS JOIN checkin m ON m.user = ?1 AND "
	    "m.date = c.date WHERE c.user <> ?1 AND c.removed IS NULL AND "
	    "m.removed IS NULL UNION "
	    "SELECT c.user, c.date, coalesce(c.feeling, ''), 0, '', max(c.created, "
	    "m.created) FROM fresh f CROSS JOIN checkin m ON m.rowid = f.id CROSS "
	    "JOIN checkin c ON c.date = m.date AND c.user <> ?1 WHERE m.user = ?1 "
	    "AND c.removed IS NULL AND m.removed IS NULL"),
	/*
	 * EM_NEWS_MOMENT: journal moments. A sealed one shows with its kind
	 * and the day it opens, and no words, until its week's review.
	 */
	ITEMS_S("SELECT e.user AS u, e.date AS d, e.kind AS w, 0 AS n, CASE WHEN "
	    EM_HIDDEN("e.") " THEN '' ELSE e.text END AS t, e.created AS m, "
	    "CASE WHEN " EM_HIDDEN("e.") " THEN e.sealed END AS s FROM" FRESH("entry")
	    "CROSS JOIN entry e ON e.rowid = f.id WHERE e.user <> ?1 AND "
	    "e.removed IS NULL", "s"),
	/* EM_NEWS_DAY: challenge days done, with the day's note. */
	ITEMS("SELECT d.user AS u, d.date AS d, r.challenge AS w, d.day AS n, "
	    "coalesce(d.note, '') AS t, d.created AS m FROM" FRESH("run_day")
	    "CROSS JOIN run_day d ON d.rowid = f.id CROSS JOIN run r ON "
	    "r.id = d.run WHERE d.user <> ?1 AND d.removed IS NULL"),
	/*
	 * EM_NEWS_RESULT: questionnaires your partner answered about you (not
	 * their guesses at your own answers: those stay hidden until you answer).
	 */
	ITEMS("SELECT s.user AS u, s.date AS d, s.instrument AS w, s.score AS n, "
	    "'' AS t, s.created AS m FROM" FRESH("result") "CROSS JOIN result s "
	    "ON s.rowid = f.id WHERE s.about = ?1 AND s.user <> ?1 AND s.guess = 0 "
	    "AND s.removed IS NULL")
};

void
em_news_close(struct em_news *nw)
{
	free(nw->me);
	free(nw->since);
	free(nw->vv);
	free(nw->now);
	free(nw->replica);
	memset(nw, 0, sizeof(*nw));
}

/* The meta keys of me's last look. */
static void
keys(const char *me, char key[96], char okey[128])
{
	snprintf(key, 96, "seen.%s", me);
	snprintf(okey, 128, "seen.%s.ops", me);
}

/* The records that arrived since the mark vv (none when vv is NULL). */
static int
arrived(struct em_ctx *ctx, const char *vv)
{
	int	 ex;

	if ((ex = em_db_exec(ctx, "CREATE TEMP TABLE IF NOT EXISTS news_arrived "
	    "(rid TEXT PRIMARY KEY NOT NULL) WITHOUT ROWID;"
	    "DELETE FROM temp.news_arrived")) != 0 || vv == NULL)
		return ex;
	return em_sql_run(ctx, "reading the log", arrived_sql, "s", vv);
}

/* Whether me is one of the couple: looking never makes a name a partner. */
static int
partner(struct em_ctx *ctx, const char *me, int *yes)
{
	long	 n;
	int	 ex;

	*yes = 0;
	if ((ex = em_sql_long(ctx, "reading the couple", &n, "SELECT count(*) "
	    "FROM partner WHERE name = ?1", "s", me)) != 0)
		return ex;
	*yes = n > 0;
	return 0;
}

/*
 * Find when me last looked and what arrived since. With EM_NEWS_LOOK, this
 * look is noted too, in the same transaction (nw->now is then set): what
 * is written after it is new next time, and nothing falls between. A look
 * is noted only for one of the couple, in a database that exists. On
 * failure nw holds nothing and nothing was noted.
 */
int
em_news_open(struct em_ctx *ctx, const char *me, int flags, struct em_news *nw)
{
	char	 key[96], okey[128], *mark = NULL;
	int	 ex, look = 0;

	memset(nw, 0, sizeof(*nw));
	if ((ex = em_db_open(ctx, EM_DB_READ)) != 0)
		return ex;
	if ((flags & EM_NEWS_LOOK) && !ctx->db_mem &&
	    (ex = partner(ctx, me, &look)) != 0)
		return ex;
	if (look && ((ex = em_db_open(ctx, EM_DB_WRITE)) != 0 ||
	    (ex = em_db_begin(ctx)) != 0))
		return ex;
	keys(me, key, okey);
	nw->me = em_strdup(me);
	if ((ex = em_meta_get(ctx, key, &nw->since)) != 0 ||
	    (ex = em_meta_get(ctx, okey, &nw->vv)) != 0 ||
	    (ex = em_meta_get(ctx, "replica", &nw->replica)) != 0 ||
	    (ex = arrived(ctx, nw->since != NULL ? nw->vv : NULL)) != 0)
		goto fail;
	if (nw->since != NULL)
		snprintf(nw->from, sizeof(nw->from), "%s", nw->since);
	else
		em_date_fmt(em_date_today() - 7, nw->from);
	if (!look)
		return 0;
	if ((ex = em_sql_one(ctx, "reading the clock", &nw->now, "SELECT "
	    "strftime('%Y-%m-%dT%H:%M:%fZ', 'now')", "")) != 0 ||
	    (ex = em_sql_one(ctx, "reading the log", &mark, mark_sql, "")) != 0 ||
	    (ex = em_meta_set(ctx, key, nw->now)) != 0 ||
	    (ex = em_meta_set(ctx, okey, mark)) != 0 ||
	    (ex = em_db_commit(ctx)) != 0)
		goto fail;
	free(mark);
	return 0;
fail:
	free(mark);
	em_db_rollback(ctx);
	em_news_close(nw);
	return ex;
}

/*
 * Take back the look em_news_open noted, when what it found could not be
 * shown (a closed pipe, a full disk), unless someone has looked since.
 */
int
em_news_unlook(struct em_ctx *ctx, const struct em_news *nw)
{
	char	 key[96], okey[128], *cur = NULL;
	int	 ex;

	if (nw->now == NULL)
		return 0;
	keys(nw->me, key, okey);
	if ((ex = em_db_begin(ctx)) != 0)
		return ex;
	if ((ex = em_meta_get(ctx, key, &cur)) == 0 && cur != NULL &&
	    strcmp(cur, nw->now) == 0) {
		if ((ex = em_meta_set(ctx, key, nw->since)) == 0)
			ex = em_meta_set(ctx, okey, nw->vv);
	}
	free(cur);
	if (ex == 0)
		return em_db_commit(ctx);
	em_db_rollback(ctx);
	return ex;
}

/*
 * Call fn with each new item, kind by kind in the order of enum
 * em_news_kind, and within a kind by day, person and time, the newest
 * last. fn returns 0 to go on; anything else stops and is returned.
 */
int
em_news_each(struct em_ctx *ctx, const struct em_news *nw,
    int (*fn)(void *, const struct em_news_item *), void *arg)
{
	struct em_news_item it;
	sqlite3_stmt	*st;
	size_t		 k;
	int		 ex = 0, rc = SQLITE_DONE;

	for (k = 0; ex == 0 && k < EM_NEWS_NKINDS; k++) {
		if ((ex = em_sql_prep(ctx, &st, news_sql[k], "sss", nw->me,
		    nw->from, nw->since != NULL && nw->vv != NULL ?
		    nw->replica : NULL)) != 0)
			return ex;
		memset(&it, 0, sizeof(it));
		it.kind = (enum em_news_kind)k;
		while (ex == 0 && (rc = sqlite3_step(st)) == SQLITE_ROW) {
			it.user = (const char *)sqlite3_column_text(st, 0);
			it.date = (const char *)sqlite3_column_text(st, 1);
			it.what = (const char *)sqlite3_column_text(st, 2);
			it.n = (long)sqlite3_column_int64(st, 3);
			it.text = (const char *)sqlite3_column_text(st, 4);
			it.when = (const char *)sqlite3_column_text(st, 5);
			it.total = (long)sqlite3_column_int64(st, 6);
			it.sealed = (const char *)sqlite3_column_text(st, 7);
			it.nth++;
			ex = fn(arg, &it);
		}
		sqlite3_finalize(st);
		if (ex == 0 && rc != SQLITE_DONE && rc != SQLITE_ROW)
			return em_db_err(ctx, rc, "reading what your partner did");
	}
	return ex;
}
