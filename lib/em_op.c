/*
 * em_op.c: the operation log. Every change to a record is recorded, in the
 * same transaction, as an operation of this replica: numbered, stamped with
 * a hybrid logical clock, carrying the fields it set. Triggers on every
 * record table (made by schema 7 from the tables in em_records.c) call the
 * SQL functions registered here, so the commands need not know. Applying
 * another replica's operation merges field by field: the greater clock
 * wins, a purge wins over everything, and who may change what follows each
 * record type's rule. See empathy(7), "Sync".
 */
#include <errno.h>
#include <inttypes.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "em_int.h"

enum {
	S_OPINS, S_STAMP_SET, S_STAMP_NEW, S_STAMP_GET, S_STAMP_DROP, S_TOMB_ADD,
	S_TOMB_GET, S_SCRUB, S_EARLIER_DROP, S_EARLIER_ADD, S_META_SET, S_OP_HAS,
	S_WINNER, S_ROSTER, S_OLDER, S_SEEN, S_RETRACT, S_BEFORE, S_BEFORE_DROP,
	S_NSTMT
};

static const char *const stmt_sql[S_NSTMT] = {
	"INSERT OR IGNORE INTO op (replica, seq, clock, user, tbl, rid, kind, body, "
	    "base, state) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
	"INSERT OR REPLACE INTO stamp (rid, field, clock) VALUES (?1, ?2, ?3)",
	"DELETE FROM stamp WHERE rid = ?1 AND field <> ''",
	"SELECT clock FROM stamp WHERE rid = ?1 AND field IN (?2, '') "
	    "ORDER BY field DESC LIMIT 1",
	"DELETE FROM stamp WHERE rid = ?1",
	"INSERT OR IGNORE INTO tomb (rid, tbl, clock) VALUES (?1, ?2, ?3)",
	"SELECT 1 FROM tomb WHERE rid = ?1",
	"UPDATE op SET body = '{}', base = '{}', state = 3 WHERE rid = ?1 AND kind = 'set'",
	"DELETE FROM earlier WHERE rid = ?1",
	"INSERT OR IGNORE INTO earlier (id, tbl, rid, field, value, clock, user, created) "
	    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, strftime('%Y-%m-%dT%H:%M:%fZ'))",
	"INSERT OR REPLACE INTO meta (k, v) VALUES (?1, ?2)",
	"SELECT 1 FROM op WHERE replica = ?1 AND seq = ?2",
	"SELECT user, base FROM op WHERE rid = ?1 AND clock = ?2 LIMIT 1",
	"SELECT name FROM partner",
	"UPDATE op SET body = json_set(body, '$.' || ?3, ?4) WHERE rid = ?1 AND clock < ?2 "
	    "AND kind = 'set' AND json_type(body, '$.' || ?3) IS NOT NULL",
	"SELECT 1 FROM op WHERE rid = ?1 AND json_extract(base, '$.' || ?2) = ?3 LIMIT 1",
	"DELETE FROM earlier WHERE rid = ?1 AND field = ?2 AND clock = ?3",
	"INSERT OR REPLACE INTO change_before (seq, rid, field, value) "
	    "VALUES (?1, ?2, ?3, ?4)",
	"DELETE FROM change_before WHERE rid = ?1",
};

#define NTYPES	EM_RECTYPES_MAX

struct em_oplog {
	int		 loaded;	/* replica, clock and seq read in this transaction */
	char		 replica[EM_ID_LEN + 1];
	unsigned long long ms;		/* the clock: wall milliseconds ... */
	unsigned	 cnt;		/* ... and a counter */
	long long	 seq;		/* this replica's last operation */
	long long	 seq0;		/* ... when this transaction began */
	int		 nlocal;	/* operations this transaction's own writes made */
	int		 norecord;	/* an undo: not itself a change to take back */
	int		 applying;	/* writes of em_op_apply: the triggers record nothing */
	int		 purged;	/* records erased by purges applied, since asked */
	int		 triggers;	/* the logging triggers are made on this connection */
	const char	*apply_clock;	/* the purge being applied, for what it takes along */
	sqlite3_stmt	*st[S_NSTMT];
	const struct em_rectype *rts[NTYPES];
	sqlite3_stmt	*row[NTYPES];	/* SELECT every field by id */
	sqlite3_stmt	*ins[NTYPES];	/* INSERT every field */
	sqlite3_stmt	*upd[NTYPES][EM_FIELDS_MAX];	/* UPDATE one field */
};

long long
em_wall_ms(void)
{
	struct timespec	 ts;

	clock_gettime(CLOCK_REALTIME, &ts);
	return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

static int
field_index(const struct em_rectype *rt, const char *name)
{
	int	 i;

	for (i = 0; rt->fields[i].name != NULL; i++)
		if (strcmp(rt->fields[i].name, name) == 0)
			return i;
	return -1;
}

static struct em_oplog *
oplog(struct em_ctx *ctx)
{
	if (ctx->ol == NULL)
		ctx->ol = em_xcalloc(1, sizeof(*ctx->ol));
	return ctx->ol;
}

void
em_op_close(struct em_ctx *ctx)
{
	struct em_oplog	*ol = ctx->ol;
	size_t		 i, j;

	if (ol == NULL)
		return;
	for (i = 0; i < S_NSTMT; i++)
		sqlite3_finalize(ol->st[i]);
	for (i = 0; i < NTYPES; i++) {
		sqlite3_finalize(ol->row[i]);
		sqlite3_finalize(ol->ins[i]);
		for (j = 0; j < EM_FIELDS_MAX; j++)
			sqlite3_finalize(ol->upd[i][j]);
	}
	free(ol);
	ctx->ol = NULL;
}

static sqlite3_stmt *
stmt(struct em_ctx *ctx, int which)
{
	struct em_oplog	*ol = oplog(ctx);

	if (ol->st[which] == NULL &&
	    sqlite3_prepare_v3(ctx->db, stmt_sql[which], -1, SQLITE_PREPARE_PERSISTENT,
	    &ol->st[which], NULL) != SQLITE_OK)
		return NULL;
	sqlite3_reset(ol->st[which]);
	sqlite3_clear_bindings(ol->st[which]);
	return ol->st[which];
}

/* Run a prepared write once: 0, or an SQLite code. */
static int
step_done(sqlite3_stmt *st)
{
	int	 rc;

	if (st == NULL)
		return SQLITE_ERROR;
	rc = sqlite3_step(st);
	sqlite3_reset(st);
	return rc == SQLITE_DONE || rc == SQLITE_ROW ? 0 : rc;
}

/* A text value of a one-row query with text parameters, or NULL. */
static char *
query_text(sqlite3_stmt *st, int col, ...)
{
	va_list		 ap;
	const char	*a;
	char		*out = NULL;
	int		 i = 1;

	if (st == NULL)
		return NULL;
	va_start(ap, col);
	while ((a = va_arg(ap, const char *)) != NULL)
		sqlite3_bind_text(st, i++, a, -1, SQLITE_TRANSIENT);
	va_end(ap);
	if (sqlite3_step(st) == SQLITE_ROW && sqlite3_column_type(st, col) != SQLITE_NULL)
		out = em_strdup((const char *)sqlite3_column_text(st, col));
	sqlite3_reset(st);
	return out;
}

/* The slot of a record type in the statement caches. */
static int
type_slot(struct em_ctx *ctx, const struct em_rectype *rt)
{
	struct em_oplog	*ol = oplog(ctx);
	int		 i;

	for (i = 0; i < NTYPES; i++) {
		if (ol->rts[i] == rt)
			return i;
		if (ol->rts[i] == NULL) {
			ol->rts[i] = rt;
			return i;
		}
	}
	abort();
}

/* ---- the clock ---- */

/* Clock strings: 12 hex digits of milliseconds, '.', 4 of counter, '.', the replica. */
static void
clock_fmt(char out[EM_CLOCK_LEN + 1], unsigned long long ms, unsigned cnt,
    const char *replica)
{
	snprintf(out, EM_CLOCK_LEN + 1, "%012llx.%04x.%.16s", ms & 0xffffffffffffULL,
	    cnt & 0xffff, replica);
}

static int
clock_parse(const char *s, unsigned long long *ms, unsigned *cnt)
{
	size_t	 i;

	if (strlen(s) != EM_CLOCK_LEN || s[12] != '.' || s[17] != '.')
		return -1;
	for (i = 0; i < EM_CLOCK_LEN; i++)
		if (i != 12 && i != 17 && strchr("0123456789abcdef", s[i]) == NULL)
			return -1;
	*ms = strtoull(s, NULL, 16);
	*cnt = (unsigned)strtoul(s + 13, NULL, 16);
	return 0;
}

/* A clock for a record from before clocks: its "updated" time, from replica. */
void
em_clock_from_time(const char *iso, const char *replica, char out[EM_CLOCK_LEN + 1])
{
	struct tm	 tm;
	const char	*p;
	long long	 ms = 0;
	time_t		 t;

	memset(&tm, 0, sizeof(tm));
	if (iso != NULL && (p = strptime(iso, "%Y-%m-%dT%H:%M:%S", &tm)) != NULL) {
		t = timegm(&tm);
		ms = (long long)t * 1000;
		if (p[0] == '.' && strlen(p) >= 4)
			ms += strtol(p + 1, NULL, 10) % 1000;
	}
	clock_fmt(out, ms < 0 ? 0 : (unsigned long long)ms, 0, replica);
}

/* Read this replica's id, clock and last operation once per transaction. */
static int
load(struct em_ctx *ctx)
{
	struct em_oplog	*ol = oplog(ctx);
	sqlite3_stmt	*st;
	char		*v;
	int		 rc;

	if (ol->loaded)
		return 0;
	if (sqlite3_prepare_v2(ctx->db, "SELECT (SELECT v FROM meta WHERE k = 'replica'), "
	    "(SELECT v FROM meta WHERE k = 'hlc')", -1, &st, NULL) != SQLITE_OK)
		return SQLITE_ERROR;
	if ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		v = (char *)sqlite3_column_text(st, 0);
		snprintf(ol->replica, sizeof(ol->replica), "%s", v ? v : "");
		v = (char *)sqlite3_column_text(st, 1);
		ol->ms = 0;
		ol->cnt = 0;
		if (v != NULL) {
			ol->ms = strtoull(v, NULL, 16);
			if (strlen(v) > 13)
				ol->cnt = (unsigned)strtoul(v + 13, NULL, 16);
		}
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_ROW || strlen(ol->replica) != EM_ID_LEN)
		return SQLITE_ERROR;
	if (sqlite3_prepare_v2(ctx->db, "SELECT coalesce(max(seq), 0) FROM op "
	    "WHERE replica = ?1", -1, &st, NULL) != SQLITE_OK)
		return SQLITE_ERROR;
	sqlite3_bind_text(st, 1, ol->replica, -1, SQLITE_STATIC);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW)
		ol->seq = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	if (rc != SQLITE_ROW)
		return SQLITE_ERROR;
	ol->seq0 = ol->seq;
	ol->loaded = 1;
	return 0;
}

static int
hlc_save(struct em_ctx *ctx)
{
	struct em_oplog	*ol = ctx->ol;
	sqlite3_stmt	*st = stmt(ctx, S_META_SET);
	char		 v[32];

	if (st == NULL)
		return SQLITE_ERROR;
	snprintf(v, sizeof(v), "%012llx.%04x", ol->ms, ol->cnt);
	sqlite3_bind_text(st, 1, "hlc", -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, v, -1, SQLITE_TRANSIENT);
	return step_done(st);
}

/* The clock of a change made now: past every clock this replica has seen. */
static int
hlc_next(struct em_ctx *ctx, char out[EM_CLOCK_LEN + 1])
{
	struct em_oplog	*ol;
	long long	 wall = em_wall_ms();
	int		 rc;

	if ((rc = load(ctx)) != 0)
		return rc;
	ol = ctx->ol;
	if (wall > 0 && (unsigned long long)wall > ol->ms) {
		ol->ms = (unsigned long long)wall;
		ol->cnt = 0;
	} else if (++ol->cnt > 0xffff) {
		ol->ms++;
		ol->cnt = 0;
	}
	clock_fmt(out, ol->ms, ol->cnt, ol->replica);
	return hlc_save(ctx);
}

/* Seeing another replica's clock: ours moves past it. */
int
em_hlc_see(struct em_ctx *ctx, const char *clock)
{
	struct em_oplog	*ol;
	unsigned long long ms;
	unsigned	 cnt;

	if (clock_parse(clock, &ms, &cnt) != 0 || load(ctx) != 0)
		return 0;
	ol = ctx->ol;
	if (ms > ol->ms || (ms == ol->ms && cnt > ol->cnt)) {
		ol->ms = ms;
		ol->cnt = cnt;
		return hlc_save(ctx) == 0 ? 0 : em_db_err(ctx, SQLITE_ERROR,
		    "keeping the clock");
	}
	return 0;
}

int
em_replica(struct em_ctx *ctx, const char **replica)
{
	*replica = NULL;
	if (load(ctx) != 0)
		return em_db_err(ctx, sqlite3_errcode(ctx->db), "reading this replica's id");
	*replica = ctx->ol->replica;
	return 0;
}

/* ---- values ---- */

/* One column value as JSON, typed by its field. */
static void
json_value(struct em_sbuf *b, const struct em_field *f, sqlite3_value *v)
{
	switch (sqlite3_value_type(v)) {
	case SQLITE_NULL:
		em_sb_add(b, "null");
		break;
	case SQLITE_INTEGER:
		if (f->type == EM_F_BOOL)
			em_sb_add(b, "%s", sqlite3_value_int(v) ? "true" : "false");
		else
			em_sb_add(b, "%lld", (long long)sqlite3_value_int64(v));
		break;
	default:
		em_sb_json(b, (const char *)sqlite3_value_text(v));
		break;
	}
}

static int
same_value(sqlite3_value *a, sqlite3_value *b)
{
	int	 t = sqlite3_value_type(a);

	if (t != sqlite3_value_type(b))
		return 0;
	switch (t) {
	case SQLITE_NULL:
		return 1;
	case SQLITE_INTEGER:
		return sqlite3_value_int64(a) == sqlite3_value_int64(b);
	default:
		/* (An empty value's blob is NULL: not for memcmp.) */
		return sqlite3_value_bytes(a) == sqlite3_value_bytes(b) &&
		    (sqlite3_value_bytes(a) == 0 || memcmp(sqlite3_value_blob(a),
		    sqlite3_value_blob(b), (size_t)sqlite3_value_bytes(a)) == 0);
	}
}

static int
log_op(struct em_ctx *ctx, const char *clock, const char *user, const char *tbl,
    const char *rid, const char *kind, const char *body, const char *base, int state)
{
	struct em_oplog	*ol = ctx->ol;
	sqlite3_stmt	*st = stmt(ctx, S_OPINS);

	if (st == NULL)
		return SQLITE_ERROR;
	sqlite3_bind_text(st, 1, ol->replica, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 2, ++ol->seq);
	sqlite3_bind_text(st, 3, clock, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 4, user ? user : "", -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 5, tbl, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 6, rid, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 7, kind, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 8, body, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 9, base, -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 10, state);
	return step_done(st);
}

static int
stamp_set(struct em_ctx *ctx, const char *rid, const char *field, const char *clock)
{
	sqlite3_stmt	*st = stmt(ctx, S_STAMP_SET);

	if (st == NULL)
		return SQLITE_ERROR;
	sqlite3_bind_text(st, 1, rid, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, field, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, clock, -1, SQLITE_STATIC);
	return step_done(st);
}

static int
stamp_fresh(struct em_ctx *ctx, const char *rid, const char *clock)
{
	sqlite3_stmt	*st = stmt(ctx, S_STAMP_NEW);

	if (st == NULL)
		return SQLITE_ERROR;
	sqlite3_bind_text(st, 1, rid, -1, SQLITE_STATIC);
	if (step_done(st) != 0)
		return SQLITE_ERROR;
	return stamp_set(ctx, rid, "", clock);
}

/*
 * A field's new value, set by clock, replaces the value older operations
 * on the record carry: text a person replaced does not linger in the log.
 * (Applied in any order, the older ones now set what the newer one sets;
 * the result is the same.) Returns an SQLite code.
 */
static int
scrub_older(struct em_ctx *ctx, const char *rid, const char *field, const char *clock,
    sqlite3_value *v, const struct em_field *f, const struct em_jval *jv)
{
	sqlite3_stmt	*st = stmt(ctx, S_OLDER);

	if (st == NULL)
		return SQLITE_ERROR;
	sqlite3_bind_text(st, 1, rid, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, clock, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, field, -1, SQLITE_STATIC);
	if (v != NULL)
		sqlite3_bind_value(st, 4, v);
	else if (jv == NULL || jv->type == EM_J_NULL)
		sqlite3_bind_null(st, 4);
	else if (jv->type == EM_J_BOOL || jv->type == EM_J_NUM || f->type == EM_F_INT)
		sqlite3_bind_int64(st, 4, jv->num);
	else
		sqlite3_bind_text(st, 4, jv->str, -1, SQLITE_TRANSIENT);
	return step_done(st);
}

/* The author of the record a parent-owned record belongs to, or NULL. */
static char *
parent_owner(struct em_ctx *ctx, const struct em_rectype *rt, const char *parent)
{
	sqlite3_stmt	*st;
	char		 sql[96], *u;

	snprintf(sql, sizeof(sql), "SELECT user FROM %s WHERE id = ?1", rt->owner);
	if (sqlite3_prepare_v2(ctx->db, sql, -1, &st, NULL) != SQLITE_OK)
		return NULL;
	u = query_text(st, 0, parent, (const char *)NULL);
	sqlite3_finalize(st);
	return u;
}

/* ---- recording local changes (the triggers) ---- */

/*
 * A command's own change: counted, so that em_db_commit makes it one
 * change for empathy undo, and the values an edit replaced kept for it
 * (change_before, on this machine only, for the last few changes). Never
 * text: words a person replaced leave every file (scrub_older, em_db_scrub).
 */
static int
keep_before(struct em_ctx *ctx, const struct em_rectype *rt, const char *rid,
    sqlite3_value **ov, sqlite3_value **nv)
{
	sqlite3_stmt	*st;
	int		 i, rc;

	if (strcmp(rt->table, "partner") == 0)
		return 0;
	ctx->ol->nlocal++;
	for (i = 1; ov != NULL && rt->fields[i].name != NULL; i++) {
		if (same_value(ov[i], nv[i]) || strcmp(rt->fields[i].name, "updated") == 0 ||
		    rt->fields[i].type == EM_F_TEXT)
			continue;
		if ((st = stmt(ctx, S_BEFORE)) == NULL)
			return SQLITE_ERROR;
		sqlite3_bind_int64(st, 1, ctx->ol->seq);
		sqlite3_bind_text(st, 2, rid, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 3, rt->fields[i].name, -1, SQLITE_STATIC);
		sqlite3_bind_value(st, 4, ov[i]);
		if ((rc = step_done(st)) != 0)
			return rc;
	}
	return 0;
}

/*
 * em_op(table, mode, values...): mode 'I' a record added (its fields in
 * table order), 'U' a record changed (the old fields, then the new), 'B' a
 * record from before the log (as 'I', its clock from its "updated" time).
 */
static void
fn_op(sqlite3_context *cx, int argc, sqlite3_value **argv)
{
	struct em_ctx	*ctx = sqlite3_user_data(cx);
	const struct em_rectype *rt;
	sqlite3_value	**nv, **ov = NULL;
	struct em_sbuf	 body = { NULL, 0, 0 }, base = { NULL, 0, 0 };
	char		 clock[EM_CLOCK_LEN + 1], *cur;
	const char	*mode, *rid, *user = ctx->user;
	char		*owner = NULL;
	int		 n, i, a, rc = 0, nset = 0;

	if (ctx->ol != NULL && ctx->ol->applying)
		return;
	if (argc < 3 || (rt = em_rectype_find((const char *)sqlite3_value_text(argv[0]))) == NULL) {
		sqlite3_result_error(cx, "em_op: unknown record type", -1);
		return;
	}
	n = (int)em_nfields(rt);
	mode = (const char *)sqlite3_value_text(argv[1]);
	if (mode == NULL || argc != 2 + n * (*mode == 'U' ? 2 : 1)) {
		sqlite3_result_error(cx, "em_op: wrong arguments", -1);
		return;
	}
	nv = argv + 2;
	if (*mode == 'U') {
		ov = argv + 2;
		nv = argv + 2 + n;
	}
	rid = (const char *)sqlite3_value_text(nv[0]);
	if ((rc = load(ctx)) != 0)
		goto fail;
	if (*mode == 'B') {
		i = field_index(rt, "updated");
		em_clock_from_time(i < 0 ? NULL : (const char *)sqlite3_value_text(nv[i]),
		    ctx->ol->replica, clock);
		rc = em_hlc_see(ctx, clock) == 0 ? 0 : SQLITE_ERROR;
	} else
		rc = hlc_next(ctx, clock);
	if (rc != 0)
		goto fail;
	if ((a = field_index(rt, "user")) >= 0 && sqlite3_value_type(nv[a]) == SQLITE_TEXT &&
	    (user == NULL || *mode == 'B'))
		user = (const char *)sqlite3_value_text(nv[a]);
	/* A record from before the log speaks for its author, or its parent's. */
	if (*mode == 'B' && rt->own == EM_OWN_PARENT) {
		for (i = 0; i < n; i++)
			if ((rt->fields[i].flags & EM_F_REF) &&
			    sqlite3_value_type(nv[i]) == SQLITE_TEXT)
				owner = parent_owner(ctx, rt,
				    (const char *)sqlite3_value_text(nv[i]));
		if (owner != NULL)
			user = owner;
	}

	em_sb_add(&body, "{");
	em_sb_add(&base, "{");
	for (i = 1; i < n; i++) {
		if (ov != NULL && same_value(ov[i], nv[i]))
			continue;
		em_sb_add(&body, "%s\"%s\":", nset ? "," : "", rt->fields[i].name);
		json_value(&body, &rt->fields[i], nv[i]);
		if (ov != NULL) {
			cur = query_text(stmt(ctx, S_STAMP_GET), 0, rid,
			    rt->fields[i].name, (const char *)NULL);
			if (cur != NULL) {
				em_sb_add(&base, "%s\"%s\":\"%s\"", base.len > 1 ? "," : "",
				    rt->fields[i].name, cur);
				free(cur);
			}
			if ((rc = stamp_set(ctx, rid, rt->fields[i].name, clock)) != 0 ||
			    (rt->fields[i].type == EM_F_TEXT && (rc = scrub_older(ctx, rid,
			    rt->fields[i].name, clock, nv[i], NULL, NULL)) != 0))
				goto fail;
		}
		nset++;
	}
	em_sb_add(&body, "}");
	em_sb_add(&base, "}");
	if (ov != NULL && nset == 0)
		goto done;
	if (ov == NULL && (rc = stamp_fresh(ctx, rid, clock)) != 0)
		goto fail;
	rc = log_op(ctx, clock, user, rt->table, rid, "set", body.s, base.s, EM_ST_DONE);
	if (rc != 0 || (*mode != 'B' && (rc = keep_before(ctx, rt, rid, ov, nv)) != 0))
		goto fail;
done:
	free(body.s);
	free(base.s);
	free(owner);
	return;
fail:
	free(body.s);
	free(base.s);
	free(owner);
	sqlite3_result_error(cx, sqlite3_errmsg(ctx->db), -1);
}

/*
 * em_gone(table, id): a record deleted. A delete is a purge: a tombstone,
 * no clocks, and every operation's copy of its fields erased. Made here,
 * it is logged to travel; applied from elsewhere (or taken along by one),
 * it carries the clock of the purge being applied.
 */
static void
fn_gone(sqlite3_context *cx, int argc, sqlite3_value **argv)
{
	struct em_ctx	*ctx = sqlite3_user_data(cx);
	struct em_oplog	*ol;
	const char	*tbl, *rid;
	char		 clock[EM_CLOCK_LEN + 1];
	sqlite3_stmt	*st;
	int		 rc, local;

	(void)argc;
	tbl = (const char *)sqlite3_value_text(argv[0]);
	rid = (const char *)sqlite3_value_text(argv[1]);
	if (tbl == NULL || rid == NULL || (rc = load(ctx)) != 0)
		goto fail;
	ol = ctx->ol;
	local = !ol->applying;
	if (local) {
		if ((rc = hlc_next(ctx, clock)) != 0)
			goto fail;
	} else
		snprintf(clock, sizeof(clock), "%s", ol->apply_clock ? ol->apply_clock : "");
	rc = SQLITE_ERROR;
	if ((st = stmt(ctx, S_TOMB_ADD)) == NULL)
		goto fail;
	sqlite3_bind_text(st, 1, rid, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, tbl, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, clock, -1, SQLITE_STATIC);
	if ((rc = step_done(st)) != 0)
		goto fail;
	if ((st = stmt(ctx, S_STAMP_DROP)) == NULL)
		goto fail;
	sqlite3_bind_text(st, 1, rid, -1, SQLITE_STATIC);
	if ((rc = step_done(st)) != 0)
		goto fail;
	if ((st = stmt(ctx, S_SCRUB)) == NULL)
		goto fail;
	sqlite3_bind_text(st, 1, rid, -1, SQLITE_STATIC);
	if ((rc = step_done(st)) != 0)
		goto fail;
	if ((st = stmt(ctx, S_EARLIER_DROP)) == NULL)
		goto fail;
	sqlite3_bind_text(st, 1, rid, -1, SQLITE_STATIC);
	if ((rc = step_done(st)) != 0)
		goto fail;
	/* What undo kept of it goes too. */
	if ((st = stmt(ctx, S_BEFORE_DROP)) == NULL)
		goto fail;
	sqlite3_bind_text(st, 1, rid, -1, SQLITE_STATIC);
	if ((rc = step_done(st)) != 0)
		goto fail;
	if (local && strcmp(tbl, "partner") != 0)
		ol->nlocal++;
	if (local && (rc = log_op(ctx, clock, ctx->user, tbl, rid, "purge", "{}", "{}",
	    EM_ST_DONE)) != 0)
		goto fail;
	return;
fail:
	sqlite3_result_error(cx, sqlite3_errmsg(ctx->db), -1);
}

/* em_derive(kind, part...): em_id_derive in SQL (schema 7 re-keys with it). */
static void
fn_derive(sqlite3_context *cx, int argc, sqlite3_value **argv)
{
	const char	*p[4] = { NULL, NULL, NULL, NULL };
	char		 id[EM_ID_LEN + 1];
	int		 i;

	if (argc < 1 || argc > 4) {
		sqlite3_result_error(cx, "em_derive: 1 to 4 arguments", -1);
		return;
	}
	for (i = 0; i < argc; i++)
		if ((p[i] = (const char *)sqlite3_value_text(argv[i])) == NULL)
			p[i] = "";
	em_id_derive(id, p[0], p[1], p[2], p[3], (const char *)NULL);
	sqlite3_result_text(cx, id, -1, SQLITE_TRANSIENT);
}

static void
fn_newid(sqlite3_context *cx, int argc, sqlite3_value **argv)
{
	char	 id[EM_ID_LEN + 1];

	(void)argc;
	(void)argv;
	em_id_new(id);
	sqlite3_result_text(cx, id, -1, SQLITE_TRANSIENT);
}

int
em_op_register(struct em_ctx *ctx)
{
	int	 f = SQLITE_UTF8, rc;

	if ((rc = sqlite3_create_function(ctx->db, "em_op", -1, f, ctx, fn_op, NULL,
	    NULL)) == SQLITE_OK &&
	    (rc = sqlite3_create_function(ctx->db, "em_gone", 2, f, ctx, fn_gone, NULL,
	    NULL)) == SQLITE_OK &&
	    (rc = sqlite3_create_function(ctx->db, "em_derive", -1,
	    f | SQLITE_DETERMINISTIC, NULL, fn_derive, NULL, NULL)) == SQLITE_OK)
		rc = sqlite3_create_function(ctx->db, "em_newid", 0, f, NULL, fn_newid,
		    NULL, NULL);
	if (rc != SQLITE_OK)
		return em_db_err(ctx, rc, "opening the database");
	if (ctx->ol != NULL)
		ctx->ol->loaded = 0;
	return 0;
}

/* ", PREFIXfield" for every field of a record type. */
void
em_sb_fields(struct em_sbuf *b, const struct em_rectype *rt, const char *prefix)
{
	size_t	 i;

	for (i = 0; rt->fields[i].name != NULL; i++)
		em_sb_add(b, ", %s%s", prefix, rt->fields[i].name);
}

/*
 * The triggers that log every change, made on this connection only (TEMP):
 * a program of ours records what it writes; another program (the sqlite3
 * shell) writes unrecorded, and what it wrote does not travel.
 */
int
em_op_triggers(struct em_ctx *ctx)
{
	const struct em_rectype *rt;
	struct em_sbuf	 b = { NULL, 0, 0 };
	size_t		 i;
	int		 ex;

	if (oplog(ctx)->triggers && sqlite3_get_autocommit(ctx->db))
		return 0;
	for (i = 0; (rt = em_rectype_nth(i)) != NULL; i++) {
		em_sb_add(&b, "CREATE TEMP TRIGGER IF NOT EXISTS %s_log_add AFTER INSERT "
		    "ON main.%s BEGIN SELECT em_op('%s', 'I'", rt->table, rt->table,
		    rt->table);
		em_sb_fields(&b, rt, "new.");
		em_sb_add(&b, "); END; CREATE TEMP TRIGGER IF NOT EXISTS %s_log_change "
		    "AFTER UPDATE ON main.%s BEGIN SELECT em_op('%s', 'U'", rt->table,
		    rt->table, rt->table);
		em_sb_fields(&b, rt, "old.");
		em_sb_fields(&b, rt, "new.");
		em_sb_add(&b, "); END; CREATE TEMP TRIGGER IF NOT EXISTS %s_log_gone "
		    "AFTER DELETE ON main.%s BEGIN SELECT em_gone('%s', old.id); END;",
		    rt->table, rt->table, rt->table);
	}
	ex = em_db_exec(ctx, b.s);
	free(b.s);
	if (ex == 0 && sqlite3_get_autocommit(ctx->db))
		ctx->ol->triggers = 1;
	return ex;
}

/*
 * While operations from elsewhere are applied, the triggers that record
 * additions and changes go (they would record nothing, and a trigger on
 * entry makes each INSERT open a statement journal, at which FTS5 flushes:
 * an import of many entries would write an index segment for each). The
 * deletion triggers stay: a purge takes its children along. Inside the
 * transaction, so that a rollback brings them back too.
 */
int
em_op_quiet(struct em_ctx *ctx, int quiet)
{
	const struct em_rectype *rt;
	struct em_sbuf	 b = { NULL, 0, 0 };
	size_t		 i;
	int		 ex;

	if (!quiet) {
		/* Purged text leaves the search index's segments too. */
		if (ctx->ol != NULL && ctx->ol->purged > 0 && (ex = em_db_exec(ctx,
		    "INSERT INTO entry_fts (entry_fts) VALUES ('optimize')")) != 0)
			return ex;
		return em_op_triggers(ctx);
	}
	for (i = 0; (rt = em_rectype_nth(i)) != NULL; i++)
		em_sb_add(&b, "DROP TRIGGER IF EXISTS temp.%s_log_add; "
		    "DROP TRIGGER IF EXISTS temp.%s_log_change;", rt->table, rt->table);
	ex = em_db_exec(ctx, b.s);
	free(b.s);
	return ex;
}

/*
 * After a commit that applied purges: rebuild the file and empty the WAL,
 * so that no free page or old frame keeps the erased text (as journal's
 * rm --purge does).
 */
int
em_op_erase(struct em_ctx *ctx)
{
	int	 ex;

	if (ctx->ol == NULL || ctx->ol->purged == 0)
		return 0;
	ctx->ol->purged = 0;
	if ((ex = em_db_exec(ctx, "VACUUM")) != 0)
		return ex;
	return em_db_scrub(ctx, 1);
}

/* A new transaction: read the clock again (another program may have moved it). */
void
em_op_begin(struct em_ctx *ctx)
{
	if (ctx->ol != NULL) {
		ctx->ol->loaded = 0;
		ctx->ol->nlocal = 0;
		ctx->ol->norecord = 0;
	}
}

/* This transaction (an undo) is not a change that undo takes back. */
void
em_op_norecord(struct em_ctx *ctx)
{
	oplog(ctx)->norecord = 1;
}

/* Before a commit: the operations this transaction's own writes made become one change. */
int
em_op_change(struct em_ctx *ctx)
{
	struct em_oplog	*ol = ctx->ol;

	if (ol == NULL || !ol->loaded || ol->nlocal == 0 || ol->norecord ||
	    ol->seq <= ol->seq0)
		return 0;
	ol->nlocal = 0;
	return em_change_record(ctx, ol->replica, ol->seq0 + 1, ol->seq);
}

/* ---- applying operations from elsewhere (sync, import) ---- */

void
em_op_free(struct em_op *op)
{
	free(op->user);
	em_json_free(&op->body);
	em_json_free(&op->base);
	memset(op, 0, sizeof(*op));
}

static int
valid_hexid(const char *s)
{
	return s != NULL && em_id_valid(s);
}

/*
 * One operation from a sync file: a flat JSON object with replica, seq,
 * clock, user, tbl, rid, kind, and body and base as JSON text.
 */
int
em_op_parse(struct em_ctx *ctx, const char *line, size_t len, struct em_op *op,
    char *msg, size_t msglen)
{
	struct em_jobj	 o;
	const struct em_jval *v;
	const char	*s;
	unsigned long long ms;
	unsigned	 cnt;
	int		 ok = 0;

	(void)ctx;
	memset(op, 0, sizeof(*op));
	if (em_json_parse(line, len, &o, msg, msglen) != 0)
		return -1;
	snprintf(msg, msglen, "not an operation");
	if ((v = em_json_get(&o, "replica")) == NULL || v->type != EM_J_STR ||
	    !valid_hexid(v->str))
		goto out;
	snprintf(op->replica, sizeof(op->replica), "%s", v->str);
	if ((v = em_json_get(&o, "seq")) == NULL || v->type != EM_J_NUM || !v->isint ||
	    v->num < 1)
		goto out;
	op->seq = v->num;
	if ((v = em_json_get(&o, "clock")) == NULL || v->type != EM_J_STR ||
	    clock_parse(v->str, &ms, &cnt) != 0)
		goto out;
	snprintf(op->clock, sizeof(op->clock), "%s", v->str);
	if ((v = em_json_get(&o, "user")) == NULL || v->type != EM_J_STR)
		goto out;
	op->user = em_strdup(v->str);
	if ((v = em_json_get(&o, "tbl")) == NULL || v->type != EM_J_STR ||
	    (op->rt = em_rectype_find(v->str)) == NULL) {
		snprintf(msg, msglen, "an operation on an unknown kind of record");
		goto out;
	}
	if ((v = em_json_get(&o, "rid")) == NULL || v->type != EM_J_STR ||
	    !valid_hexid(v->str))
		goto out;
	snprintf(op->rid, sizeof(op->rid), "%s", v->str);
	if ((v = em_json_get(&o, "kind")) == NULL || v->type != EM_J_STR)
		goto out;
	if (strcmp(v->str, "set") == 0)
		op->kind = EM_OP_SET;
	else if (strcmp(v->str, "purge") == 0)
		op->kind = EM_OP_PURGE;
	else
		goto out;
	s = (v = em_json_get(&o, "body")) != NULL && v->type == EM_J_STR ? v->str : "{}";
	if (em_json_parse(s, strlen(s), &op->body, msg, msglen) != 0)
		goto out;
	s = (v = em_json_get(&o, "base")) != NULL && v->type == EM_J_STR ? v->str : "{}";
	if (em_json_parse(s, strlen(s), &op->base, msg, msglen) != 0)
		goto out;
	ok = 1;
out:
	em_json_free(&o);
	if (!ok) {
		em_op_free(op);
		return -1;
	}
	return 0;
}

/* An operation as one line of a sync file, from a row of op (all its columns). */
int
em_op_line(struct em_ctx *ctx, sqlite3_stmt *st, struct em_sbuf *b)
{
	(void)ctx;
	em_sb_add(b, "{\"replica\":\"%s\",\"seq\":%lld,\"clock\":\"%s\",\"user\":",
	    (const char *)sqlite3_column_text(st, 0), (long long)sqlite3_column_int64(st, 1),
	    (const char *)sqlite3_column_text(st, 2));
	em_sb_json(b, (const char *)sqlite3_column_text(st, 3));
	em_sb_add(b, ",\"tbl\":\"%s\",\"rid\":\"%s\",\"kind\":\"%s\",\"body\":",
	    (const char *)sqlite3_column_text(st, 4), (const char *)sqlite3_column_text(st, 5),
	    (const char *)sqlite3_column_text(st, 6));
	em_sb_json(b, (const char *)sqlite3_column_text(st, 7));
	em_sb_add(b, ",\"base\":");
	em_sb_json(b, (const char *)sqlite3_column_text(st, 8));
	em_sb_add(b, "}\n");
	return 0;
}

/* The current row of a record: a statement on its row, or NULL when absent. */
static int
row_get(struct em_ctx *ctx, const struct em_rectype *rt, const char *rid,
    sqlite3_stmt **rowp)
{
	struct em_oplog	*ol = oplog(ctx);
	struct em_sbuf	 b = { NULL, 0, 0 };
	int		 k = type_slot(ctx, rt), i, rc;

	*rowp = NULL;
	if (ol->row[k] == NULL) {
		em_sb_add(&b, "SELECT ");
		for (i = 0; rt->fields[i].name != NULL; i++)
			em_sb_add(&b, "%s%s", i ? ", " : "", rt->fields[i].name);
		em_sb_add(&b, " FROM %s WHERE id = ?1", rt->table);
		rc = sqlite3_prepare_v3(ctx->db, b.s, -1, SQLITE_PREPARE_PERSISTENT,
		    &ol->row[k], NULL);
		free(b.s);
		if (rc != SQLITE_OK)
			return em_db_err(ctx, rc, "reading a record");
	}
	sqlite3_reset(ol->row[k]);
	sqlite3_bind_text(ol->row[k], 1, rid, -1, SQLITE_TRANSIENT);
	if ((rc = sqlite3_step(ol->row[k])) == SQLITE_ROW) {
		*rowp = ol->row[k];
		return 0;
	}
	sqlite3_reset(ol->row[k]);
	return rc == SQLITE_DONE ? 0 : em_db_err(ctx, rc, "reading a record");
}

static void
bind_jval(sqlite3_stmt *st, int i, const struct em_field *f, const struct em_jval *v)
{
	if (v == NULL || v->type == EM_J_NULL)
		sqlite3_bind_null(st, i);
	else if (f->type == EM_F_INT || f->type == EM_F_BOOL)
		sqlite3_bind_int64(st, i, v->num);
	else
		sqlite3_bind_text(st, i, v->str, -1, SQLITE_TRANSIENT);
}

/* A value as text, for comparing and for keeping an earlier version. */
static const char *
jval_text(const struct em_jval *v, char *buf, size_t len)
{
	if (v == NULL || v->type == EM_J_NULL)
		return NULL;
	if (v->type == EM_J_BOOL) {
		snprintf(buf, len, "%d", v->num ? 1 : 0);
		return buf;
	}
	if (v->type == EM_J_NUM) {
		snprintf(buf, len, "%lld", v->num);
		return buf;
	}
	return v->str;
}

static int
in_tomb(struct em_ctx *ctx, const char *rid)
{
	sqlite3_stmt	*st = stmt(ctx, S_TOMB_GET);
	int		 r;

	if (st == NULL)
		return -1;
	sqlite3_bind_text(st, 1, rid, -1, SQLITE_TRANSIENT);
	r = sqlite3_step(st);
	sqlite3_reset(st);
	return r == SQLITE_ROW ? 1 : r == SQLITE_DONE ? 0 : -1;
}

/* Whether name is in the roster, or the roster has room for it. */
static int
roster_admits(struct em_ctx *ctx, const char *name)
{
	sqlite3_stmt	*st = stmt(ctx, S_ROSTER);
	int		 n = 0, found = 0;

	if (st == NULL)
		return -1;
	while (sqlite3_step(st) == SQLITE_ROW) {
		n++;
		if (strcasecmp((const char *)sqlite3_column_text(st, 0), name) == 0)
			found = 1;
	}
	sqlite3_reset(st);
	return found ? 1 : n < 2 ? 2 : 0;
}

static int
refuse(struct em_applied *ap, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

static int
refuse(struct em_applied *ap, const char *fmt, ...)
{
	va_list	 ap2;

	va_start(ap2, fmt);
	vsnprintf(ap->why, sizeof(ap->why), fmt, ap2);
	va_end(ap2);
	ap->state = EM_ST_REFUSED;
	return 0;
}

/* Keep text that lost a conflict, once, under an id every replica derives alike. */
static int
keep_earlier(struct em_ctx *ctx, const struct em_op *op, const char *field,
    const char *value, const char *clock, const char *user, struct em_applied *ap)
{
	sqlite3_stmt	*st = stmt(ctx, S_EARLIER_ADD);
	char		 id[EM_ID_LEN + 1];

	sqlite3_stmt	*seen;
	int		 r;

	if (value == NULL || *value == '\0' || st == NULL)
		return st == NULL ? em_db_err(ctx, SQLITE_ERROR, "keeping an earlier version") : 0;
	/*
	 * A value its own writer replaced later (an operation here names it as
	 * its base) lost to that edit, not to a conflict: nothing to keep.
	 */
	if ((seen = stmt(ctx, S_SEEN)) == NULL)
		return em_db_err(ctx, SQLITE_ERROR, "keeping an earlier version");
	sqlite3_bind_text(seen, 1, op->rid, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(seen, 2, field, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(seen, 3, clock, -1, SQLITE_TRANSIENT);
	r = sqlite3_step(seen);
	sqlite3_reset(seen);
	if (r == SQLITE_ROW)
		return 0;
	st = stmt(ctx, S_EARLIER_ADD);
	em_id_derive(id, "earlier", op->rid, field, clock, (const char *)NULL);
	sqlite3_bind_text(st, 1, id, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 2, op->rt->table, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, op->rid, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 4, field, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 5, value, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 6, clock, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 7, user ? user : "", -1, SQLITE_TRANSIENT);
	if (step_done(st) != 0)
		return em_db_err(ctx, sqlite3_errcode(ctx->db), "keeping an earlier version");
	if (sqlite3_changes(ctx->db) > 0)
		ap->earlier++;
	return 0;
}

static int tomb_with_parent(struct em_ctx *, const struct em_op *, const char *,
    struct em_applied *);

/*
 * Who may make this operation: its author, by the record type's rule.
 * Returns 0 and leaves ap->state alone when allowed; sets it otherwise.
 */
static int
check_owner(struct em_ctx *ctx, const struct em_op *op, sqlite3_stmt *row,
    const struct em_jval *const *vals, struct em_applied *ap)
{
	const struct em_rectype *rt = op->rt;
	const char	*owner = NULL, *parent = NULL;
	char		*pown = NULL, sql[128];
	sqlite3_stmt	*st;
	int		 a = field_index(rt, "user"), i, r, ex = 0;

	/* (A purge only erases, and only its author's: a renamed name may.) */
	if ((r = roster_admits(ctx, op->user)) < 0)
		return em_db_err(ctx, sqlite3_errcode(ctx->db), "reading the roster");
	if (r == 0 && op->kind != EM_OP_PURGE)
		return refuse(ap, "%s is not one of the two partners here", op->user);
	if (a >= 0) {
		owner = row ? (const char *)sqlite3_column_text(row, a) :
		    vals[a] && vals[a]->type == EM_J_STR ? vals[a]->str : NULL;
		/* The couple's own records (a run) say who began them: not words. */
		if (rt->own != EM_OWN_COUPLE && row != NULL && vals[a] != NULL &&
		    (vals[a]->type != EM_J_STR || strcmp(vals[a]->str, owner) != 0))
			return refuse(ap, "it would change who wrote %s %s", rt->type,
			    op->rid);
	}
	switch (rt->own) {
	case EM_OWN_AUTHOR:
		if (owner == NULL) {
			ap->state = EM_ST_PENDING;
			return 0;
		}
		if ((r = roster_admits(ctx, owner)) == 0 && op->kind != EM_OP_PURGE)
			return refuse(ap, "%s is not one of the two partners here", owner);
		if (strcasecmp(owner, op->user) != 0)
			return refuse(ap, "%s cannot change %s's %s", op->user, owner,
			    rt->type);
		return 0;
	case EM_OWN_PARENT:
		for (i = 0; rt->fields[i].name != NULL; i++)
			if (rt->fields[i].flags & EM_F_REF)
				parent = row ? (const char *)sqlite3_column_text(row, i) :
				    vals[i] && vals[i]->type == EM_J_STR ? vals[i]->str : NULL;
		if (parent == NULL) {
			ap->state = EM_ST_PENDING;
			return 0;
		}
		snprintf(sql, sizeof(sql), "SELECT user FROM %s WHERE id = ?1", rt->owner);
		if ((ex = em_db_prepare(ctx, &st, sql)) != 0)
			return ex;
		pown = query_text(st, 0, parent, (const char *)NULL);
		sqlite3_finalize(st);
		if (pown == NULL) {
			if (in_tomb(ctx, parent) == 1)
				return tomb_with_parent(ctx, op, parent, ap);
			ap->state = EM_ST_PENDING;
			return 0;
		}
		if (strcasecmp(pown, op->user) != 0)
			refuse(ap, "%s cannot change %s's %s", op->user, pown, rt->type);
		free(pown);
		return 0;
	default:
		return 0;
	}
}

/*
 * A record whose parent was purged goes with it, as if it had been there
 * when the purge came: a tombstone with the parent's clock (what the purge
 * took along elsewhere carries that clock too).
 */
static int
tomb_with_parent(struct em_ctx *ctx, const struct em_op *op, const char *parent,
    struct em_applied *ap)
{
	sqlite3_stmt	*st;
	char		*clock;
	int		 ex;

	ap->state = EM_ST_VOID;
	if ((ex = em_db_prepare(ctx, &st, "SELECT clock FROM tomb WHERE rid = ?1")) != 0)
		return ex;
	clock = query_text(st, 0, parent, (const char *)NULL);
	sqlite3_finalize(st);
	if (clock == NULL)
		return 0;
	if ((st = stmt(ctx, S_TOMB_ADD)) == NULL) {
		free(clock);
		return em_db_err(ctx, SQLITE_ERROR, "erasing a record");
	}
	sqlite3_bind_text(st, 1, op->rid, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 2, op->rt->table, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, clock, -1, SQLITE_TRANSIENT);
	free(clock);
	if (step_done(st) != 0 || (st = stmt(ctx, S_SCRUB)) == NULL)
		return em_db_err(ctx, sqlite3_errcode(ctx->db), "erasing a record");
	sqlite3_bind_text(st, 1, op->rid, -1, SQLITE_TRANSIENT);
	return step_done(st) == 0 ? 0 : em_db_err(ctx, sqlite3_errcode(ctx->db),
	    "erasing a record");
}

/* The referred records of a new record: all here (0), or pending/void. */
static int
check_refs(struct em_ctx *ctx, const struct em_op *op, const struct em_jval *const *vals,
    struct em_applied *ap)
{
	const struct em_rectype *rt = op->rt;
	sqlite3_stmt	*st;
	char		 sql[128];
	int		 i, rc, ex;

	for (i = 0; rt->fields[i].name != NULL; i++) {
		if (!(rt->fields[i].flags & EM_F_REF) || vals[i] == NULL ||
		    vals[i]->type != EM_J_STR)
			continue;
		if (in_tomb(ctx, vals[i]->str) == 1)
			return tomb_with_parent(ctx, op, vals[i]->str, ap);
		/* The table it refers to: the type named like the field, or the owner. */
		snprintf(sql, sizeof(sql), "SELECT 1 FROM %s WHERE id = ?1",
		    rt->owner ? rt->owner : rt->fields[i].name);
		if ((ex = em_db_prepare(ctx, &st, sql)) != 0)
			return ex;
		sqlite3_bind_text(st, 1, vals[i]->str, -1, SQLITE_TRANSIENT);
		rc = sqlite3_step(st);
		sqlite3_finalize(st);
		if (rc == SQLITE_DONE) {
			ap->state = EM_ST_PENDING;
			return 0;
		}
		if (rc != SQLITE_ROW)
			return em_db_err(ctx, rc, "reading a record");
	}
	return 0;
}

/* A record there can be only one of has the id its natural key gives. */
static int
check_derived(const struct em_op *op, const struct em_jval *const *vals,
    struct em_applied *ap)
{
	const struct em_rectype *rt = op->rt;
	const char	*p[3] = { NULL, NULL, NULL };
	char		 id[EM_ID_LEN + 1], num[3][24];
	int		 k, i;

	if (rt->natural == NULL)
		return 0;
	for (k = 0; k < 3 && rt->natural[k] != NULL; k++) {
		i = field_index(rt, rt->natural[k]);
		if (i < 0 || (p[k] = jval_text(vals[i], num[k], sizeof(num[k]))) == NULL)
			return 0;	/* incomplete: pending elsewhere */
	}
	em_id_derive(id, rt->type, p[0], p[1], p[2], (const char *)NULL);
	if (strcmp(id, op->rid) != 0)
		return refuse(ap, "%s %s does not have the id its %s gives", rt->type,
		    op->rid, rt->natural[0]);
	return 0;
}

static int
insert_row(struct em_ctx *ctx, const struct em_op *op, const struct em_jval *const *vals)
{
	struct em_oplog	*ol = oplog(ctx);
	const struct em_rectype *rt = op->rt;
	struct em_sbuf	 b = { NULL, 0, 0 };
	int		 k = type_slot(ctx, rt), i, rc;
	sqlite3_stmt	*st;

	if (ol->ins[k] == NULL) {
		em_sb_add(&b, "INSERT INTO %s (", rt->table);
		for (i = 0; rt->fields[i].name != NULL; i++)
			em_sb_add(&b, "%s%s", i ? ", " : "", rt->fields[i].name);
		em_sb_add(&b, ") VALUES (");
		for (i = 0; rt->fields[i].name != NULL; i++)
			em_sb_add(&b, "%s?%d", i ? ", " : "", i + 1);
		em_sb_add(&b, ")");
		rc = sqlite3_prepare_v3(ctx->db, b.s, -1, SQLITE_PREPARE_PERSISTENT,
		    &ol->ins[k], NULL);
		free(b.s);
		if (rc != SQLITE_OK)
			return em_db_err(ctx, rc, "adding a record");
	}
	st = ol->ins[k];
	sqlite3_reset(st);
	sqlite3_bind_text(st, 1, op->rid, -1, SQLITE_TRANSIENT);
	for (i = 1; rt->fields[i].name != NULL; i++)
		bind_jval(st, i + 1, &rt->fields[i], vals[i]);
	rc = sqlite3_step(st);
	sqlite3_reset(st);
	if (rc != SQLITE_DONE)
		return em_db_err(ctx, rc, "adding a record");
	if (rt->added != NULL && (rc = sqlite3_exec(ctx->db, rt->added, NULL, NULL,
	    NULL)) != SQLITE_OK)
		return em_db_err(ctx, rc, "indexing a record");
	return stamp_fresh(ctx, op->rid, op->clock) == 0 ? 0 :
	    em_db_err(ctx, sqlite3_errcode(ctx->db), "adding a record");
}

static int
update_field(struct em_ctx *ctx, const struct em_op *op, int i, const struct em_jval *v,
    int scrub)
{
	struct em_oplog	*ol = oplog(ctx);
	const struct em_rectype *rt = op->rt;
	int		 k = type_slot(ctx, rt), rc;
	char		 sql[128];
	sqlite3_stmt	*st;

	if (ol->upd[k][i] == NULL) {
		snprintf(sql, sizeof(sql), "UPDATE %s SET %s = ?2 WHERE id = ?1", rt->table,
		    rt->fields[i].name);
		if ((rc = sqlite3_prepare_v3(ctx->db, sql, -1, SQLITE_PREPARE_PERSISTENT,
		    &ol->upd[k][i], NULL)) != SQLITE_OK)
			return em_db_err(ctx, rc, "changing a record");
	}
	st = ol->upd[k][i];
	sqlite3_reset(st);
	sqlite3_bind_text(st, 1, op->rid, -1, SQLITE_TRANSIENT);
	bind_jval(st, 2, &rt->fields[i], v);
	rc = sqlite3_step(st);
	sqlite3_reset(st);
	if (rc != SQLITE_DONE)
		return em_db_err(ctx, rc, "changing a record");
	if (stamp_set(ctx, op->rid, rt->fields[i].name, op->clock) != 0 ||
	    (scrub && rt->fields[i].type == EM_F_TEXT && scrub_older(ctx, op->rid,
	    rt->fields[i].name, op->clock, NULL, &rt->fields[i], v) != 0))
		return em_db_err(ctx, sqlite3_errcode(ctx->db), "changing a record");
	return 0;
}

static int
same_text(const char *a, const char *b)
{
	return a == NULL ? b == NULL : b != NULL && strcmp(a, b) == 0;
}

/* The clock a base names for a field, or NULL. */
static const char *
base_of(const struct em_jobj *base, const char *field)
{
	const struct em_jval *v = em_json_get(base, field);

	return v != NULL && v->type == EM_J_STR ? v->str : NULL;
}

/* Values this operation replaced, knowingly: no longer earlier versions. */
static int
retract_earlier(struct em_ctx *ctx, const char *rid, const struct em_jobj *base)
{
	sqlite3_stmt	*st;
	size_t		 i;

	for (i = 0; i < base->n; i++) {
		if (base->v[i].type != EM_J_STR || (st = stmt(ctx, S_RETRACT)) == NULL)
			continue;
		sqlite3_bind_text(st, 1, rid, -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(st, 2, base->v[i].key, -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(st, 3, base->v[i].str, -1, SQLITE_TRANSIENT);
		if (step_done(st) != 0)
			return em_db_err(ctx, sqlite3_errcode(ctx->db), "keeping versions");
	}
	return 0;
}

/*
 * Merge the fields of a record that is here, one by one: the greater clock
 * wins. Text that loses to an edit made without seeing it is kept.
 */
static int
merge_fields(struct em_ctx *ctx, const struct em_op *op, sqlite3_stmt *row,
    struct em_jval *const *vals, struct em_applied *ap)
{
	const struct em_rectype *rt = op->rt;
	struct em_jobj	 wbase;
	char		*cur, *wuser, *wb, *curval, num[24], msg[64];
	const char	*nv, *b;
	int		 i, cmp, n = (int)em_nfields(rt), ex = 0, text, lost;
	char		*vals_cur[EM_FIELDS_MAX];
	sqlite3_stmt	*st;

	/* The row's values first: updating a field resets the row statement. */
	for (i = 0; i < n; i++)
		vals_cur[i] = sqlite3_column_type(row, i) == SQLITE_NULL ? NULL :
		    em_strdup((const char *)sqlite3_column_text(row, i));
	sqlite3_reset(row);
	/* The same clock with other content: not one operation, but a forgery. */
	for (i = 1; ex == 0 && i < n; i++) {
		if (vals[i] == NULL)
			continue;
		cur = query_text(stmt(ctx, S_STAMP_GET), 0, op->rid, rt->fields[i].name,
		    (const char *)NULL);
		nv = jval_text(vals[i], num, sizeof(num));
		if (cur != NULL && strcmp(op->clock, cur) == 0 && !same_text(nv, vals_cur[i])) {
			refuse(ap, "%s %s is already here with other content and the same "
			    "time (clock %s)", rt->type, op->rid, cur);
			ap->bad = 1;
		}
		free(cur);
	}
	for (i = 1; ex == 0 && ap->state == EM_ST_DONE && i < n; i++) {
		if (vals[i] == NULL)
			continue;
		cur = query_text(stmt(ctx, S_STAMP_GET), 0, op->rid, rt->fields[i].name,
		    (const char *)NULL);
		cmp = cur == NULL ? 1 : strcmp(op->clock, cur);
		nv = jval_text(vals[i], num, sizeof(num));
		curval = vals_cur[i];
		text = rt->fields[i].type == EM_F_TEXT && (nv == NULL || curval == NULL ||
		    strcmp(nv, curval) != 0);
		if (cmp > 0) {
			b = base_of(&op->base, rt->fields[i].name);
			/*
			 * Made without seeing ours: ours is kept as an earlier
			 * version, and the operations that carry it must go on
			 * carrying it, so that every replica keeps it alike. Only
			 * a value knowingly replaced is scrubbed from the log.
			 */
			lost = text && cur != NULL && (b == NULL || strcmp(b, cur) != 0);
			if (lost) {
				wuser = query_text(stmt(ctx, S_WINNER), 0, op->rid, cur,
				    (const char *)NULL);
				ex = keep_earlier(ctx, op, rt->fields[i].name, curval, cur,
				    wuser, ap);
				free(wuser);
			}
			if (ex == 0 && (ex = update_field(ctx, op, i, vals[i],
			    !lost)) == 0)
				ap->changed++;
		} else if (cmp < 0 && text) {
			/* We lost: did the winner see us? Its base says. */
			if ((st = stmt(ctx, S_WINNER)) == NULL) {
				ex = em_db_err(ctx, SQLITE_ERROR, "reading the log");
			} else {
				sqlite3_bind_text(st, 1, op->rid, -1, SQLITE_TRANSIENT);
				sqlite3_bind_text(st, 2, cur, -1, SQLITE_TRANSIENT);
				wb = NULL;
				if (sqlite3_step(st) == SQLITE_ROW &&
				    sqlite3_column_text(st, 1) != NULL)
					wb = em_strdup((const char *)sqlite3_column_text(st, 1));
				sqlite3_reset(st);
				b = NULL;
				memset(&wbase, 0, sizeof(wbase));
				if (wb != NULL && em_json_parse(wb, strlen(wb), &wbase, msg,
				    sizeof(msg)) == 0)
					b = base_of(&wbase, rt->fields[i].name);
				if (b == NULL || strcmp(b, op->clock) != 0)
					ex = keep_earlier(ctx, op, rt->fields[i].name, nv,
					    op->clock, op->user, ap);
				em_json_free(&wbase);
				free(wb);
			}
		}
		free(cur);
	}
	for (i = 0; i < n; i++)
		free(vals_cur[i]);
	/*
	 * Every field set by this one operation (another machine's record of
	 * the same day, say): its clock is the record's, as where it was made.
	 */
	if (ex == 0 && ap->state == EM_ST_DONE && ap->changed == n - 1 &&
	    stamp_fresh(ctx, op->rid, op->clock) != 0)
		ex = em_db_err(ctx, sqlite3_errcode(ctx->db), "changing a record");
	return ex;
}

static int
apply_purge(struct em_ctx *ctx, struct em_op *op, struct em_applied *ap)
{
	struct em_oplog	*ol = oplog(ctx);
	sqlite3_stmt	*row, *st;
	char		 sql[128];
	int		 ex, rc;

	if ((ex = row_get(ctx, op->rt, op->rid, &row)) != 0)
		return ex;
	if (row != NULL) {
		ex = check_owner(ctx, op, row, (const struct em_jval *const[EM_FIELDS_MAX]){ 0 },
		    ap);
		sqlite3_reset(row);
		if (ex != 0 || ap->state == EM_ST_REFUSED)
			return ex;
		ap->state = EM_ST_DONE;
	}
	ol->apply_clock = op->clock;
	ol->purged++;
	if (row != NULL) {
		snprintf(sql, sizeof(sql), "DELETE FROM %s WHERE id = ?1", op->rt->table);
		if ((ex = em_db_prepare(ctx, &st, sql)) != 0)
			return ex;
		sqlite3_bind_text(st, 1, op->rid, -1, SQLITE_TRANSIENT);
		if ((ex = em_db_done(ctx, &st, "erasing a record")) != 0)
			return ex;
		ap->changed++;
	} else {
		/* Not here (yet): the tombstone keeps it from ever coming. */
		if ((st = stmt(ctx, S_TOMB_ADD)) == NULL)
			return em_db_err(ctx, SQLITE_ERROR, "erasing a record");
		sqlite3_bind_text(st, 1, op->rid, -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(st, 2, op->rt->table, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 3, op->clock, -1, SQLITE_TRANSIENT);
		if ((rc = step_done(st)) != 0 ||
		    (st = stmt(ctx, S_SCRUB)) == NULL)
			return em_db_err(ctx, rc ? rc : SQLITE_ERROR, "erasing a record");
		sqlite3_bind_text(st, 1, op->rid, -1, SQLITE_TRANSIENT);
		if ((rc = step_done(st)) != 0)
			return em_db_err(ctx, rc, "erasing a record");
	}
	ap->state = EM_ST_DONE;
	return 0;
}

static int
apply_set(struct em_ctx *ctx, struct em_op *op, struct em_applied *ap)
{
	const struct em_rectype *rt = op->rt;
	struct em_jval	*vals[EM_FIELDS_MAX];
	sqlite3_stmt	*row;
	char		 msg[256];
	size_t		 k;
	int		 i, ex;

	memset(vals, 0, sizeof(vals));
	for (k = 0; k < op->body.n; k++) {
		i = field_index(rt, op->body.v[k].key);
		if (i <= 0)
			return refuse(ap, "%s records have no field \"%s\"", rt->type,
			    op->body.v[k].key);
		if (em_field_check(&rt->fields[i], &op->body.v[k], msg, sizeof(msg)) != 0)
			return refuse(ap, "%s", msg);
		vals[i] = &op->body.v[k];
	}
	if ((ex = row_get(ctx, rt, op->rid, &row)) != 0)
		return ex;
	if (row != NULL) {
		/* A natural key never changes: it is what the id says. */
		for (k = 0; rt->natural != NULL && rt->natural[k] != NULL; k++) {
			i = field_index(rt, rt->natural[k]);
			if (vals[i] != NULL && rt->fields[i].type != EM_F_INT &&
			    vals[i]->type == EM_J_STR &&
			    strcasecmp(vals[i]->str, (const char *)sqlite3_column_text(row, i)) != 0) {
				sqlite3_reset(row);
				return refuse(ap, "it would change the %s of %s %s",
				    rt->natural[k], rt->type, op->rid);
			}
		}
		ex = check_owner(ctx, op, row, (const struct em_jval *const *)vals, ap);
		if (ex != 0 || ap->state != EM_ST_DONE) {
			sqlite3_reset(row);
			return ex;
		}
		if ((ex = merge_fields(ctx, op, row, vals, ap)) == 0 && ap->state == EM_ST_DONE)
			ex = retract_earlier(ctx, op->rid, &op->base);
		return ex;
	}
	/* A new record: complete, its references here, its author allowed. */
	for (i = 1; rt->fields[i].name != NULL; i++)
		if (vals[i] == NULL && !(rt->fields[i].flags & EM_F_NULLABLE)) {
			ap->state = EM_ST_PENDING;
			return 0;
		}
	if ((ex = check_derived(op, (const struct em_jval *const *)vals, ap)) != 0 ||
	    ap->state != EM_ST_DONE)
		return ex;
	if ((ex = check_refs(ctx, op, (const struct em_jval *const *)vals, ap)) != 0 ||
	    ap->state != EM_ST_DONE)
		return ex;
	if ((ex = check_owner(ctx, op, NULL, (const struct em_jval *const *)vals, ap)) != 0 ||
	    ap->state != EM_ST_DONE)
		return ex;
	if ((ex = insert_row(ctx, op, (const struct em_jval *const *)vals)) == 0)
		ap->added = 1;
	return ex;
}

/*
 * A partner named by an operation joins the roster while it has room. From
 * an import the change is this replica's, and travels; from a sync every
 * replica makes the same row (epoch times, the lowest clock), and the
 * partner's own record, when it comes, wins over it.
 */
static int
roster_add(struct em_ctx *ctx, const char *name, int log)
{
	static const char epoch[] = "1970-01-01T00:00:00.000Z";
	static const char zero[] = "000000000000.0000.0000000000000000";
	struct em_sbuf	 body = { NULL, 0, 0 };
	sqlite3_stmt	*st;
	char		 id[EM_ID_LEN + 1], clock[EM_CLOCK_LEN + 1], now[32];
	int		 r = roster_admits(ctx, name), rc;

	if (r != 2)
		return r < 0 ? em_db_err(ctx, sqlite3_errcode(ctx->db), "reading the roster") : 0;
	snprintf(now, sizeof(now), "%s", epoch);
	if (log) {
		long long ms = em_wall_ms();
		time_t	 t = (time_t)(ms / 1000);
		struct tm tm;

		gmtime_r(&t, &tm);
		strftime(now, sizeof(now), "%Y-%m-%dT%H:%M:%S", &tm);
		snprintf(now + strlen(now), sizeof(now) - strlen(now), ".%03dZ",
		    (int)(ms % 1000));
	}
	if ((rc = em_db_prepare(ctx, &st, "INSERT OR IGNORE INTO partner (id, name, "
	    "created, updated) VALUES (?1, ?2, ?3, ?3)")) != 0)
		return rc;
	em_id_derive(id, "partner", name, (const char *)NULL);
	sqlite3_bind_text(st, 1, id, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 2, name, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 3, now, -1, SQLITE_TRANSIENT);
	if ((rc = em_db_done(ctx, &st, "adding a partner")) != 0)
		return rc;
	if (!log)
		return stamp_fresh(ctx, id, zero) == 0 ? 0 :
		    em_db_err(ctx, sqlite3_errcode(ctx->db), "adding a partner");
	/* From an import: this replica's change, to travel like one. */
	if (hlc_next(ctx, clock) != 0 || stamp_fresh(ctx, id, clock) != 0)
		return em_db_err(ctx, sqlite3_errcode(ctx->db), "adding a partner");
	em_sb_add(&body, "{\"name\":");
	em_sb_json(&body, name);
	em_sb_add(&body, ",\"created\":\"%s\",\"updated\":\"%s\"}", now, now);
	rc = log_op(ctx, clock, ctx->user ? ctx->user : name, "partner", id, "set",
	    body.s, "{}", EM_ST_DONE);
	free(body.s);
	return rc == 0 ? 0 : em_db_err(ctx, rc, "adding a partner");
}

/* The op's body again, in the canonical form its fields were brought to. */
static char *
body_text(const struct em_jobj *o)
{
	struct em_sbuf	 b = { NULL, 0, 0 };
	size_t		 i;

	em_sb_add(&b, "{");
	for (i = 0; i < o->n; i++) {
		em_sb_add(&b, "%s", i ? "," : "");
		em_sb_json(&b, o->v[i].key);
		em_sb_add(&b, ":");
		switch (o->v[i].type) {
		case EM_J_NULL:
			em_sb_add(&b, "null");
			break;
		case EM_J_BOOL:
			em_sb_add(&b, "%s", o->v[i].num ? "true" : "false");
			break;
		case EM_J_NUM:
			em_sb_add(&b, "%lld", o->v[i].num);
			break;
		case EM_J_STR:
			em_sb_json(&b, o->v[i].str);
			break;
		}
	}
	em_sb_add(&b, "}");
	return b.s;
}

/*
 * Apply one operation from elsewhere. With log (an import), it is also
 * recorded as an operation of this replica, keeping its clock, so that it
 * travels on; otherwise it is recorded under its own replica and number,
 * and one already here is not applied again. Refusals are not errors:
 * ap->state says, ap->why says why.
 */
int
em_op_apply(struct em_ctx *ctx, struct em_op *op, int log, struct em_applied *ap)
{
	struct em_oplog	*ol = oplog(ctx);
	sqlite3_stmt	*st;
	char		*body, *base;
	int		 ex = 0, r, rc;

	memset(ap, 0, sizeof(*ap));
	if (load(ctx) != 0)
		return em_db_err(ctx, sqlite3_errcode(ctx->db), "reading the log");
	if (!log) {
		if ((st = stmt(ctx, S_OP_HAS)) == NULL)
			return em_db_err(ctx, SQLITE_ERROR, "reading the log");
		sqlite3_bind_text(st, 1, op->replica, -1, SQLITE_TRANSIENT);
		sqlite3_bind_int64(st, 2, op->seq);
		r = sqlite3_step(st);
		sqlite3_reset(st);
		if (r == SQLITE_ROW) {
			ap->state = -1;		/* already here */
			return 0;
		}
		if (strcmp(op->replica, ol->replica) == 0) {
			ap->state = -1;		/* our own, come back */
			return 0;
		}
	}
	if ((ex = em_hlc_see(ctx, op->clock)) != 0)
		return ex;
	ol->applying = 1;
	if ((r = in_tomb(ctx, op->rid)) == 1)
		ap->state = EM_ST_VOID;
	else if (r < 0)
		ex = em_db_err(ctx, sqlite3_errcode(ctx->db), "reading the log");
	else if (op->kind == EM_OP_PURGE)
		ex = apply_purge(ctx, op, ap);
	else {
		if ((ex = roster_add(ctx, op->user, log)) == 0)
			ex = apply_set(ctx, op, ap);
	}
	ol->applying = 0;
	ol->apply_clock = NULL;
	if (ex != 0)
		return ex;
	if (log && ap->state == EM_ST_DONE && !ap->added && !ap->changed)
		return 0;		/* an import that changed nothing: nothing to tell */
	if (log && ap->state != EM_ST_DONE)
		return 0;
	body = ap->state == EM_ST_VOID || op->kind == EM_OP_PURGE ? em_strdup("{}") :
	    body_text(&op->body);
	base = ap->state == EM_ST_VOID ? em_strdup("{}") : body_text(&op->base);
	if (log) {
		rc = log_op(ctx, op->clock, op->user, op->rt->table, op->rid,
		    op->kind == EM_OP_PURGE ? "purge" : "set", body, base, ap->state);
	} else if ((st = stmt(ctx, S_OPINS)) == NULL) {
		rc = SQLITE_ERROR;
	} else {
		sqlite3_bind_text(st, 1, op->replica, -1, SQLITE_TRANSIENT);
		sqlite3_bind_int64(st, 2, op->seq);
		sqlite3_bind_text(st, 3, op->clock, -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(st, 4, op->user, -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(st, 5, op->rt->table, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 6, op->rid, -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(st, 7, op->kind == EM_OP_PURGE ? "purge" : "set", -1,
		    SQLITE_STATIC);
		sqlite3_bind_text(st, 8, body, -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(st, 9, base, -1, SQLITE_TRANSIENT);
		sqlite3_bind_int(st, 10, ap->state);
		rc = step_done(st);
	}
	free(body);
	free(base);
	return rc == 0 ? 0 : em_db_err(ctx, rc, "recording an operation");
}

/*
 * Apply again what waited for a record or a partner that was not here:
 * until nothing more moves. done and refused count what left the wait.
 */
int
em_op_retry(struct em_ctx *ctx, long *done, long *refused)
{
	sqlite3_stmt	*st, *up;
	struct em_op	 op;
	struct em_applied ap;
	struct em_sbuf	*lines = NULL;
	char		 msg[256];
	size_t		 n, i, cap;
	int		 ex = 0, moved, rc;

	*done = *refused = 0;
	do {
		moved = 0;
		/* Read the waiting ones first: applying them changes the log. */
		if ((ex = em_db_prepare(ctx, &st, "SELECT replica, seq, clock, user, tbl, "
		    "rid, kind, body, base FROM op WHERE state = 1 ORDER BY clock")) != 0)
			return ex;
		for (n = cap = 0; (rc = sqlite3_step(st)) == SQLITE_ROW; n++) {
			if (n == cap) {
				cap = cap ? cap * 2 : 16;
				lines = em_xreallocarray(lines, cap, sizeof(*lines));
			}
			memset(&lines[n], 0, sizeof(lines[n]));
			em_op_line(ctx, st, &lines[n]);
		}
		sqlite3_finalize(st);
		if (rc != SQLITE_DONE)
			ex = em_db_err(ctx, rc, "reading the log");
		for (i = 0; i < n; i++) {
			if (ex != 0 || em_op_parse(ctx, lines[i].s, lines[i].len - 1, &op,
			    msg, sizeof(msg)) != 0)
				continue;
			/* Out of the log for a moment, so that it is applied, not skipped. */
			if ((ex = em_db_prepare(ctx, &up, "DELETE FROM op WHERE replica = ?1 "
			    "AND seq = ?2")) == 0) {
				sqlite3_bind_text(up, 1, op.replica, -1, SQLITE_TRANSIENT);
				sqlite3_bind_int64(up, 2, op.seq);
				ex = em_db_done(ctx, &up, "reading the log");
			}
			if (ex == 0)
				ex = em_op_apply(ctx, &op, 0, &ap);
			if (ex == 0 && ap.state != EM_ST_PENDING) {
				moved = 1;
				if (ap.state == EM_ST_REFUSED)
					(*refused)++;
				else
					(*done)++;
			}
			em_op_free(&op);
		}
		for (i = 0; i < n; i++)
			free(lines[i].s);
	} while (ex == 0 && moved);
	free(lines);
	return ex;
}
