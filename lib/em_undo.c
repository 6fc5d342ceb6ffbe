/*
 * em_undo.c: deletes that can be taken back, and empathy undo. A delete
 * sets a record's "removed" time (a value that travels like any other);
 * the live_ views of schema 12 hide what is removed. Each command's run of
 * operations is kept, on this machine only, as one change (table change,
 * with the values its edits replaced in change_before), so that undo can
 * write them back as new operations that travel in turn.
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "em_int.h"

#define NOW	"strftime('%Y-%m-%dT%H:%M:%fZ', 'now')"
#define CHANGES_KEPT	50	/* changes undo can reach, per machine */

/* What a record type is called in messages. */
static const char *
noun(const char *tbl)
{
	static const char *const names[][2] = {
		{ "checkin", "check-in" }, { "response", "answer" },
		{ "reply", "reply" }, { "guess", "guess" },
		{ "entry", "journal moment" }, { "entry_version", "earlier text" },
		{ "result", "result" }, { "run", "challenge" },
		{ "run_day", "day done" }, { "partner", "partner" },
	};
	size_t	 i;

	for (i = 0; i < sizeof(names) / sizeof(names[0]); i++)
		if (strcmp(names[i][0], tbl) == 0)
			return names[i][1];
	return tbl;
}

/*
 * One of me's records of table by its id, or a prefix of it of at least 4
 * characters: *idp is the whole id, *removedp whether it is removed. A
 * record that is not there, or not one's own, is missing input.
 */
int
em_rec_find(struct em_ctx *ctx, const char *table, const char *prefix, const char *me,
    char idp[EM_ID_LEN + 1], int *removedp)
{
	sqlite3_stmt	*st;
	char		 sql[192];
	int		 ex, rc, n = 0;

	idp[0] = '\0';
	*removedp = 0;
	if (strlen(prefix) < 4 || strlen(prefix) > EM_ID_LEN)
		return em_err(ctx, EM_EX_NOINPUT, "no %s %s of yours (give at least "
		    "4 characters of its id)", noun(table), prefix);
	snprintf(sql, sizeof(sql), "SELECT id, removed IS NOT NULL FROM %s WHERE "
	    "id >= ?1 AND id < ?1 || 'g' AND user = ?2 COLLATE NOCASE LIMIT 2", table);
	if ((ex = em_sql_prep(ctx, &st, sql, "ss", prefix, me)) != 0)
		return ex;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW && ++n == 1) {
		snprintf(idp, EM_ID_LEN + 1, "%s", sqlite3_column_text(st, 0));
		*removedp = sqlite3_column_int(st, 1);
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return em_db_err(ctx, rc, "reading records");
	if (n == 1)
		return 0;
	idp[0] = '\0';
	return em_err(ctx, EM_EX_NOINPUT, n == 0 ? "no %s %s of yours" :
	    "%s %s is ambiguous: give more of its id", noun(table), prefix);
}

/*
 * Remove (removing 1) or bring back (0) the record id of table, in one
 * transaction: the commands have checked it is the actor's own. *already
 * says it was so before, and nothing was written.
 */
int
em_rec_remove(struct em_ctx *ctx, const char *table, const char *id, int removing,
    int *already)
{
	char	 sql[256];
	long	 was;
	int	 ex;

	*already = 0;
	if ((ex = em_db_begin(ctx)) != 0)
		return ex;
	snprintf(sql, sizeof(sql), "SELECT removed IS NOT NULL FROM %s WHERE id = ?1",
	    table);
	if ((ex = em_sql_long(ctx, "reading records", &was, sql, "s", id)) != 0)
		goto fail;
	if (was == removing) {
		*already = 1;
		em_db_rollback(ctx);
		return 0;
	}
	snprintf(sql, sizeof(sql), "UPDATE %s SET removed = %s, updated = %s "
	    "WHERE id = ?1", table, removing ? NOW : "NULL", NOW);
	if ((ex = em_sql_run(ctx, "saving", sql, "s", id)) != 0)
		goto fail;
	return em_db_commit(ctx);
fail:
	em_db_rollback(ctx);
	return ex;
}

/*
 * What em_rec_remove did, as a record: the id, the kind of record, its
 * state, the day it belongs to (date, or NULL), and whether it was so
 * already; then the columns more (NULL for none) with their values mv. In
 * text nothing is written and 1 is returned (em_emit).
 */
int
em_rec_emit(struct em_ctx *ctx, const char *table, const char *id,
    const char *date, int removing, int already, const struct em_col *more,
    const struct em_val *mv)
{
	static const struct em_col base[] = { { "id", EM_STR },
	    { "type", EM_STR }, { "state", EM_STR }, { "date", EM_STR },
	    { "already", EM_BOOL } };
	const struct em_rectype *rt = em_rectype_find(table);
	struct em_col	 cols[EM_COLS_MAX + 1];
	struct em_val	 v[EM_COLS_MAX];
	size_t		 n = sizeof(base) / sizeof(base[0]), i;

	memcpy(cols, base, sizeof(base));
	v[0] = EM_S(id);
	v[1] = EM_W(rt != NULL ? rt->type : table);
	v[2] = EM_W(removing ? "removed" : "live");
	v[3] = EM_S(date);
	v[4] = EM_N(already);
	for (i = 0; more != NULL && more[i].name != NULL && n < EM_COLS_MAX; i++, n++) {
		cols[n] = more[i];
		v[n] = mv[i];
	}
	cols[n].name = NULL;
	cols[n].type = 0;
	em_emit_head(ctx, cols);
	return em_emit(ctx, cols, v);
}

/*
 * Say what em_rec_remove did: in text, with how to take it back (how is
 * the command that brings it back, or NULL when only undo does); in tsv
 * and JSON, em_rec_emit's record.
 */
void
em_rec_said(struct em_ctx *ctx, const char *table, const char *id, int removing,
    int already, const char *how)
{
	if (em_rec_emit(ctx, table, id, NULL, removing, already, NULL, NULL) == 0)
		return;
	printf("%s %s %s", noun(table), id, already ? (removing ? "was already removed" :
	    "is not removed") : (removing ? "removed" : "brought back"));
	if (removing && how != NULL)
		printf(" (bring it back with: %s %s, or empathy undo)\n", how, id);
	else if (removing)
		printf(" (bring it back with: empathy undo)\n");
	else
		putchar('\n');
}

/* ---- changes, as empathy undo sees them ---- */

/* "check-in added, answer removed": what a run of operations did. */
static char *
summarize(struct em_ctx *ctx, const char *replica, long long first, long long last)
{
	struct em_sbuf	 b = { NULL, 0, 0 };
	sqlite3_stmt	*st;
	const char	*tbl, *kind, *body, *base, *verb;
	char		 item[96];

	if (em_sql_prep(ctx, &st, "SELECT tbl, kind, body, base FROM op WHERE "
	    "replica = ?1 AND seq BETWEEN ?2 AND ?3 AND tbl NOT IN ('partner', "
	    "'entry_version') ORDER BY seq", "sll", replica, (long)first,
	    (long)last) != 0)
		return NULL;
	em_sb_add(&b, "%s", "");
	while (sqlite3_step(st) == SQLITE_ROW) {
		tbl = (const char *)sqlite3_column_text(st, 0);
		kind = (const char *)sqlite3_column_text(st, 1);
		body = (const char *)sqlite3_column_text(st, 2);
		base = (const char *)sqlite3_column_text(st, 3);
		if (strcmp(kind, "purge") == 0)
			verb = "erased";
		else if (strcmp(base, "{}") == 0)
			verb = "added";
		else if (strstr(body, "\"removed\":null") != NULL ||
		    strstr(body, "\"abandoned\":null") != NULL)
			verb = "brought back";
		else if (strstr(body, "\"removed\":\"") != NULL)
			verb = "removed";
		else if (strstr(body, "\"abandoned\":\"") != NULL)
			verb = "abandoned";
		else
			verb = "changed";
		snprintf(item, sizeof(item), "%s %s", noun(tbl), verb);
		if (strstr(b.s, item) == NULL)
			em_sb_add(&b, "%s%s", b.len ? ", " : "", item);
	}
	sqlite3_finalize(st);
	return b.s;
}

/*
 * At the commit of a command's transaction (em_db_commit): the operations
 * its own writes made, first to last, become one change undo can take
 * back. Only the last CHANGES_KEPT are kept, and the replaced values
 * with them.
 */
int
em_change_record(struct em_ctx *ctx, const char *replica, long long first,
    long long last)
{
	char	*sum, what[96];
	int	 ex;

	if ((sum = summarize(ctx, replica, first, last)) == NULL)
		return em_db_err(ctx, sqlite3_errcode(ctx->db), "keeping the change");
	if (*sum == '\0') {
		free(sum);
		return 0;
	}
	snprintf(what, sizeof(what), "%s%s%s", ctx->prog, ctx->cmd ? " " : "",
	    ctx->cmd ? ctx->cmd->name : "");
	ex = em_sql_run(ctx, "keeping the change", "INSERT INTO change (user, first, "
	    "last, what, summary, created) VALUES (?1, ?2, ?3, ?4, ?5, " NOW ")",
	    "sllss", ctx->user ? ctx->user : "", (long)first, (long)last, what, sum);
	free(sum);
	if (ex == 0)
		ex = em_sql_run(ctx, "keeping the change", "DELETE FROM change WHERE "
		    "id <= (SELECT max(id) FROM change) - ?1", "l", (long)CHANGES_KEPT);
	if (ex == 0)
		ex = em_sql_run(ctx, "keeping the change", "DELETE FROM change_before "
		    "WHERE seq < (SELECT min(first) FROM change)", "");
	return ex;
}

/* What undo would take back, newest first: tsv and JSON carry the same. */
static const struct em_col change_cols[] = { { "id", EM_INT },
    { "created", EM_STR }, { "what", EM_STR }, { "summary", EM_STR },
    { NULL, 0 } };

int
em_undo_list(struct em_ctx *ctx, const char *me, long max)
{
	sqlite3_stmt	*st;
	long		 n = 0;
	int		 ex, rc;

	if ((ex = em_sql_prep(ctx, &st, "SELECT id, created, what, summary FROM "
	    "change WHERE undone IS NULL AND user = ?1 COLLATE NOCASE ORDER BY id "
	    "DESC LIMIT ?2", "sl", me, max)) != 0)
		return ex;
	if (ctx->fmt != EM_FMT_TEXT) {
		ex = em_emit_stmt(ctx, change_cols, st, &n);
		sqlite3_finalize(st);
		return ex != 0 ? ex : n > 0 ? 0 : EM_EX_NO;
	}
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		printf("%s  %.16s  ", n++ == 0 ? "next" : "    ",
		    sqlite3_column_text(st, 1));
		em_put_text(stdout, (const char *)sqlite3_column_text(st, 3));
		fputs("  (", stdout);
		em_put_text(stdout, (const char *)sqlite3_column_text(st, 2));
		fputs(")\n", stdout);
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return em_db_err(ctx, rc, "reading changes");
	if (n == 0)
		printf("nothing to undo\n");
	return n > 0 ? 0 : EM_EX_NO;
}

/* The clock a field's current value stands for: its own, or what an undo wrote back. */
static char *
stands_for(struct em_ctx *ctx, const char *rid, const char *field)
{
	char	*clock = NULL, *orig = NULL;

	if (em_sql_one(ctx, "reading the log", &clock, "SELECT clock FROM stamp "
	    "WHERE rid = ?1 AND field IN (?2, '') ORDER BY field DESC LIMIT 1", "ss",
	    rid, field) != 0 || clock == NULL)
		return clock;
	while (em_sql_one(ctx, "reading the log", &orig, "SELECT orig FROM "
	    "change_alias WHERE rid = ?1 AND field = ?2 AND clock = ?3", "sss", rid,
	    field, clock) == 0 && orig != NULL) {
		free(clock);
		clock = orig;
		orig = NULL;
	}
	return clock;
}

/* Who made the operation with clock on rid, for a refusal; "" if unknown. */
static char *
who_made(struct em_ctx *ctx, const char *rid, const char *clock)
{
	char	*u = NULL;

	if (em_sql_one(ctx, "reading the log", &u, "SELECT user FROM op WHERE "
	    "rid = ?1 AND clock = ?2 LIMIT 1", "ss", rid, clock) != 0 || u == NULL)
		u = em_strdup("");
	return u;
}

static int
has_field(const struct em_rectype *rt, const char *name)
{
	size_t	 i;

	for (i = 0; rt->fields[i].name != NULL; i++)
		if (strcmp(rt->fields[i].name, name) == 0)
			return 1;
	return 0;
}

/* A field undo leaves as it is: times, and text when a record is brought back. */
static int
skip_field(const struct em_rectype *rt, const char *name, int revive)
{
	size_t	 i;

	if (strcmp(name, "updated") == 0 || strcmp(name, "created") == 0)
		return 1;
	for (i = 0; rt->fields[i].name != NULL; i++)
		if (strcmp(rt->fields[i].name, name) == 0)
			return revive && rt->fields[i].type == EM_F_TEXT;
	return 1;
}

/*
 * Whether a field of rid was changed after clock (by anyone, here or
 * elsewhere): refuse, naming it. 0 when it still holds what clock set.
 */
static int
changed_since(struct em_ctx *ctx, const char *tbl, const char *rid,
    const char *field, const char *clock, const char *what)
{
	char	*now, *who;
	int	 ex = 0;

	if ((now = stands_for(ctx, rid, field)) == NULL)
		return em_err(ctx, EM_EX_NO, "cannot undo %s: its %s %s was erased "
		    "since", what, noun(tbl), rid);
	if (strcmp(now, clock) != 0) {
		who = who_made(ctx, rid, now);
		ex = em_err(ctx, EM_EX_NO, "cannot undo %s: the %s of %s %s was "
		    "changed since%s%s; nothing was changed", what, field, noun(tbl),
		    rid, *who ? " by " : "", who);
		free(who);
	}
	free(now);
	return ex;
}

/*
 * The text a journal edit replaced: the earlier version the same change
 * kept of the entry (?1, the entry; ?2, an operation of the change).
 */
#define VERSION_TEXT "(SELECT ev.text FROM entry_version ev WHERE ev.entry = " \
	"?1 AND ev.id IN (SELECT o.rid FROM op o JOIN change c ON o.seq BETWEEN " \
	"c.first AND c.last WHERE ?2 BETWEEN c.first AND c.last AND o.tbl = " \
	"'entry_version' AND o.replica = (SELECT m.v FROM meta m WHERE m.k = " \
	"'replica')))"

/* The value a field goes back to: kept by the change, or an earlier version. */
static void
before_value(struct em_sbuf *sql, const char *tbl, const char *f)
{
	if (strcmp(tbl, "entry") == 0 && strcmp(f, "text") == 0)
		em_sb_add(sql, ", text = " VERSION_TEXT);
	else
		em_sb_add(sql, ", %s = (SELECT value FROM change_before WHERE "
		    "seq = ?2 AND field = '%s')", f, f);
}

/*
 * Take back one operation of a change: the fields it set go back to what
 * they were (an added record is removed, or its challenge abandoned);
 * every value it set must still be there.
 */
static int
undo_op(struct em_ctx *ctx, long long seq, const char *clock, const char *tbl,
    const char *rid, const char *body, const char *base, const char *what)
{
	const struct em_rectype *rt = em_rectype_find(tbl);
	struct em_jobj	 ob, obase;
	struct em_sbuf	 sql = { NULL, 0, 0 };
	sqlite3_stmt	*st = NULL;
	const struct em_jval *bv;
	const char	*f;
	char		 msg[64], *newclock = NULL, *gone = NULL;
	size_t		 i;
	int		 ex = 0, n = 0, added, revive;

	memset(&ob, 0, sizeof(ob));
	memset(&obase, 0, sizeof(obase));
	if (rt == NULL || em_json_parse(body, strlen(body), &ob, msg, sizeof(msg)) != 0 ||
	    em_json_parse(base, strlen(base), &obase, msg, sizeof(msg)) != 0) {
		ex = em_err(ctx, EM_EX_DATAERR, "cannot undo %s: its record of "
		    "operation %lld is damaged", what, seq);
		goto out;
	}
	snprintf(msg, sizeof(msg), "SELECT id FROM %s WHERE id = ?1", tbl);
	if ((ex = em_sql_one(ctx, "reading records", &gone, msg, "s", rid)) != 0)
		goto out;
	if (gone == NULL) {
		ex = em_err(ctx, EM_EX_NO, "cannot undo %s: its %s %s was erased since",
		    what, noun(tbl), rid);
		goto out;
	}
	added = obase.n == 0;
	/*
	 * A record brought back with new words (a check-in made again over a
	 * removed one): undo removes it again; the replaced words are not
	 * kept, and the new ones stay with it, hidden.
	 */
	revive = (bv = em_json_get(&ob, "removed")) != NULL && bv->type == EM_J_NULL;
	em_sb_add(&sql, "UPDATE %s SET updated = %s", tbl, NOW);
	if (added && strcmp(tbl, "entry_version") == 0) {
		/*
		 * The earlier text an edit kept: the edit undone (its entry
		 * took the text back, as the newer operation, first), it goes
		 * as its author's purge, and the history is as before.
		 */
		ex = em_sql_run(ctx, "undoing", "DELETE FROM entry_version WHERE "
		    "id = ?1", "s", rid);
		goto out;
	}
	if (added) {
		f = has_field(rt, "removed") ? "removed" : has_field(rt, "abandoned") ?
		    "abandoned" : NULL;
		if (f == NULL)
			goto out;	/* the roster: it stays */
		/* Removing it overwrites nothing but its existence. */
		if ((ex = changed_since(ctx, tbl, rid, f, clock, what)) != 0)
			goto out;
		em_sb_add(&sql, ", %s = %s", f, NOW);
	} else {
		for (i = 0; i < ob.n && ex == 0; i++) {
			f = ob.v[i].key;
			if (skip_field(rt, f, revive))
				continue;
			ex = changed_since(ctx, tbl, rid, f, clock, what);
			before_value(&sql, tbl, f);
			n++;
		}
		if (ex != 0 || n == 0)
			goto out;
		for (i = 0; i < ob.n && ex == 0; i++) {
			long	 kept;

			f = ob.v[i].key;
			if (skip_field(rt, f, revive))
				continue;
			if (strcmp(tbl, "entry") == 0 && strcmp(f, "text") == 0)
				ex = em_sql_long(ctx, "reading changes", &kept, "SELECT "
				    VERSION_TEXT " IS NOT NULL", "sl", rid, (long)seq);
			else
				ex = em_sql_long(ctx, "reading changes", &kept, "SELECT "
				    "count(*) FROM change_before WHERE seq = ?1 AND "
				    "field = ?2", "ls", (long)seq, f);
			if (ex == 0 && kept == 0)
				ex = em_err(ctx, EM_EX_NO, "cannot undo %s: the %s it "
				    "replaced is not kept (replaced words are erased); "
				    "change it again instead, or pass over it with "
				    "empathy undo --skip", what, f);
		}
		if (ex != 0)
			goto out;
	}
	em_sb_add(&sql, " WHERE id = ?1");
	if ((ex = em_sql_prep(ctx, &st, sql.s, "sl", rid, (long)seq)) != 0 ||
	    (ex = em_db_done(ctx, &st, "undoing")) != 0)
		goto out;
	/* What the new values stand for, so that an older change can follow. */
	for (i = 0; !added && i < ob.n && ex == 0; i++) {
		f = ob.v[i].key;
		if (skip_field(rt, f, revive) || (bv = em_json_get(&obase, f)) == NULL ||
		    bv->type != EM_J_STR)
			continue;
		free(newclock);
		if ((ex = em_sql_one(ctx, "undoing", &newclock, "SELECT clock FROM "
		    "stamp WHERE rid = ?1 AND field IN (?2, '') ORDER BY field DESC "
		    "LIMIT 1", "ss", rid, f)) == 0 && newclock != NULL)
			ex = em_sql_run(ctx, "undoing", "INSERT OR REPLACE INTO "
			    "change_alias (rid, field, clock, orig) VALUES (?1, ?2, ?3, "
			    "?4)", "ssss", rid, f, newclock, bv->str);
	}
out:
	free(sql.s);
	free(newclock);
	free(gone);
	em_json_free(&ob);
	em_json_free(&obase);
	return ex;
}

static int
nothing_to_undo(struct em_ctx *ctx, const char *me)
{
	return em_err(ctx, EM_EX_NO, "nothing to undo: %s has made no change on "
	    "this machine that undo can take back", me);
}

/*
 * empathy undo: take back me's newest change made on this machine that is
 * not taken back yet. Every operation of it is undone, newest first, in
 * one transaction, or none is (EM_EX_NO, saying why). An undo is not a
 * change undo can take back: the next undo goes one further back. With
 * skip, the change is passed over, nothing taken back. *what is the
 * change's description, for the caller to report.
 */
int
em_undo(struct em_ctx *ctx, const char *me, int skip, char **whatp)
{
	sqlite3_stmt	*st;
	const char	*replica;
	char		*what = NULL, *sum = NULL, **rows = NULL, desc[512];
	long		 id = 0, first = 0, last = 0;
	size_t		 n = 0, i;
	int		 ex, rc;

	*whatp = NULL;
	/* no database yet (none is made for this): no change either */
	if (ctx->db_mem)
		return nothing_to_undo(ctx, me);
	if ((ex = em_db_begin(ctx)) != 0)
		return ex;
	em_op_norecord(ctx);
	if ((ex = em_replica(ctx, &replica)) != 0 ||
	    (ex = em_sql_prep(ctx, &st, "SELECT id, first, last, what, summary FROM "
	    "change WHERE undone IS NULL AND user = ?1 COLLATE NOCASE ORDER BY id "
	    "DESC LIMIT 1", "s", me)) != 0)
		goto fail;
	if ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		id = sqlite3_column_int64(st, 0);
		first = sqlite3_column_int64(st, 1);
		last = sqlite3_column_int64(st, 2);
		what = em_strdup((const char *)sqlite3_column_text(st, 3));
		sum = em_strdup((const char *)sqlite3_column_text(st, 4));
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
		ex = em_db_err(ctx, rc, "reading changes");
		goto fail;
	}
	if (what == NULL) {
		ex = nothing_to_undo(ctx, me);
		goto fail;
	}
	snprintf(desc, sizeof(desc), "%s (%s)", sum, what);
	/* Read the operations first: undoing them adds to the log. */
	if ((ex = em_sql_prep(ctx, &st, "SELECT seq, clock, tbl, rid, kind, body, "
	    "base FROM op WHERE replica = ?1 AND seq BETWEEN ?2 AND ?3 ORDER BY seq "
	    "DESC", "sll", replica, first, last)) != 0)
		goto fail;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		rows = em_xreallocarray(rows, n + 1, sizeof(*rows) * 7);
		for (i = 0; i < 7; i++)
			rows[n * 7 + i] = em_strdup(sqlite3_column_text(st, (int)i) ?
			    (const char *)sqlite3_column_text(st, (int)i) : "");
		n++;
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		ex = em_db_err(ctx, rc, "reading the log");
		goto fail;
	}
	for (i = 0; !skip && i < n && ex == 0; i++) {
		char	**r = rows + i * 7;

		if (strcmp(r[4], "purge") == 0)
			ex = em_err(ctx, EM_EX_NO, "cannot undo %s: it erased a %s "
			    "for good, and a purge cannot be undone (pass over it "
			    "with empathy undo --skip)", desc, noun(r[2]));
		else
			ex = undo_op(ctx, strtoll(r[0], NULL, 10), r[1], r[2], r[3],
			    r[5], r[6], desc);
	}
	if (ex == 0)
		ex = em_sql_run(ctx, "undoing", "UPDATE change SET undone = " NOW
		    " WHERE id = ?1", "l", id);
	if (ex == 0 && (ex = em_db_commit(ctx)) == 0)
		*whatp = em_strdup(desc);
	if (ex != 0)
		em_db_rollback(ctx);
	goto out;
fail:
	em_db_rollback(ctx);
out:
	for (i = 0; i < n * 7; i++)
		free(rows[i]);
	free(rows);
	free(what);
	free(sum);
	return ex;
}
