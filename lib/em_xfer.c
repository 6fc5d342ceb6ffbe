/*
 * em_xfer.c: sync between the couple's machines. Each side sends the
 * operations the other lacks (em_op.c applies them), through a mailbox
 * folder of sealed files (em_box.c) or over ssh to `empathy sync --serve`.
 * What a side has is a version vector: for each replica, the last of its
 * operations held without a gap ("have.REPLICA" in meta).
 */
#include <sys/file.h>
#include <sys/types.h>
#include <sys/wait.h>

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "em_int.h"

#define SYNC_LINE_MAX	(2 * 1024 * 1024)	/* an operation line, at most */
#define FILE_OPS	2000		/* operations in one mailbox file, at most */
#define FILE_BYTES	(4 * 1024 * 1024)	/* payload bytes in one, about */
#define SKEW_WARN_MS	(5LL * 60 * 1000)	/* a clock this far off is mentioned */

void
em_sync_report_free(struct em_sync_report *r)
{
	free(r->warnings);
	memset(r, 0, sizeof(*r));
}

static void
warnf(struct em_sync_report *r, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

static void
warnf(struct em_sync_report *r, const char *fmt, ...)
{
	struct em_sbuf	 b = { r->warnings, r->warnings ? strlen(r->warnings) : 0,
	    r->warnings ? strlen(r->warnings) + 1 : 0 };
	char		 line[1024];
	va_list		 ap;

	va_start(ap, fmt);
	vsnprintf(line, sizeof(line), fmt, ap);
	va_end(ap);
	em_sb_add(&b, "%s\n", line);
	r->warnings = b.s;
}

/* ---- what each side has ---- */

struct vv {
	char		 (*replica)[EM_ID_LEN + 1];
	long long	*seq;
	size_t		 n;
};

static void
vv_free(struct vv *v)
{
	free(v->replica);
	free(v->seq);
	memset(v, 0, sizeof(*v));
}

static void
vv_put(struct vv *v, const char *replica, long long seq)
{
	v->replica = em_xreallocarray(v->replica, v->n + 1, sizeof(*v->replica));
	v->seq = em_xreallocarray(v->seq, v->n + 1, sizeof(*v->seq));
	snprintf(v->replica[v->n], sizeof(v->replica[v->n]), "%s", replica);
	v->seq[v->n++] = seq;
}

static long long
vv_get(const struct vv *v, const char *replica)
{
	size_t	 i;

	for (i = 0; i < v->n; i++)
		if (strcmp(v->replica[i], replica) == 0)
			return v->seq[i];
	return 0;
}

/*
 * Our version vector: every replica in the log (found by index seeks, not
 * a scan), each with its last operation held without a gap, kept in meta
 * and moved on from there so that the cost follows what is new.
 */
static int
vv_load(struct em_ctx *ctx, struct vv *v)
{
	sqlite3_stmt	*next, *seq, *keep;
	char		 cur[EM_ID_LEN + 1] = "", key[32], val[32];
	long long	 have;
	int		 ex, rc, moved;

	memset(v, 0, sizeof(*v));
	if ((ex = em_db_prepare(ctx, &next, "SELECT min(replica) FROM op WHERE replica > ?1")) != 0)
		return ex;
	if ((ex = em_db_prepare(ctx, &seq, "SELECT coalesce((SELECT CAST(v AS INTEGER) FROM "
	    "meta WHERE k = 'have.' || ?1), 0)")) != 0) {
		sqlite3_finalize(next);
		return ex;
	}
	if ((ex = em_db_prepare(ctx, &keep, "SELECT seq FROM op WHERE replica = ?1 AND "
	    "seq > ?2 ORDER BY seq")) != 0) {
		sqlite3_finalize(next);
		sqlite3_finalize(seq);
		return ex;
	}
	for (;;) {
		sqlite3_bind_text(next, 1, cur, -1, SQLITE_TRANSIENT);
		if ((rc = sqlite3_step(next)) != SQLITE_ROW ||
		    sqlite3_column_type(next, 0) == SQLITE_NULL)
			break;
		snprintf(cur, sizeof(cur), "%s", (const char *)sqlite3_column_text(next, 0));
		sqlite3_reset(next);
		sqlite3_bind_text(seq, 1, cur, -1, SQLITE_TRANSIENT);
		have = sqlite3_step(seq) == SQLITE_ROW ? sqlite3_column_int64(seq, 0) : 0;
		sqlite3_reset(seq);
		sqlite3_bind_text(keep, 1, cur, -1, SQLITE_TRANSIENT);
		sqlite3_bind_int64(keep, 2, have);
		moved = 0;
		while (sqlite3_step(keep) == SQLITE_ROW && sqlite3_column_int64(keep, 0) == have + 1) {
			have++;
			moved = 1;
		}
		sqlite3_reset(keep);
		if (moved) {
			/* Kept (in the transaction open, or one of its own). */
			snprintf(key, sizeof(key), "have.%s", cur);
			snprintf(val, sizeof(val), "%lld", have);
			if ((ex = em_meta_set(ctx, key, val)) != 0)
				break;
		}
		vv_put(v, cur, have);
	}
	if (ex == 0 && rc != SQLITE_ROW && rc != SQLITE_DONE)
		ex = em_db_err(ctx, rc, "reading the log");
	sqlite3_finalize(next);
	sqlite3_finalize(seq);
	sqlite3_finalize(keep);
	if (ex != 0)
		vv_free(v);
	return ex;
}

/* ---- payloads: a header line, then operations ---- */

static void
header(struct em_ctx *ctx, const struct em_couple *c, struct em_sbuf *b)
{
	char	 hlc[64] = "";
	char	*v = NULL;

	if (em_meta_get(ctx, "hlc", &v) == 0 && v != NULL)
		snprintf(hlc, sizeof(hlc), "%s", v);
	free(v);
	em_sb_add(b, "{\"empathy\":\"sync\",\"v\":1,\"couple\":\"%s\",\"replica\":\"%s\","
	    "\"wall\":%lld,\"hlc\":\"%s\"}\n", c->id, c->replica, em_wall_ms(), hlc);
}

/* How far another machine's clock is off, from its header; warn past five minutes. */
static void
skew(const struct em_jobj *h, int live, struct em_sync_report *r)
{
	const struct em_jval *w = em_json_get(h, "wall"), *l = em_json_get(h, "hlc"),
	    *rep = em_json_get(h, "replica");
	long long	 off = 0, now = em_wall_ms(), seen;

	if (w == NULL || w->type != EM_J_NUM)
		return;
	if (live || w->num > now + SKEW_WARN_MS)
		off = w->num - now;		/* ahead (or, live, either way) */
	if (off == 0 && l != NULL && l->type == EM_J_STR && strlen(l->str) >= 12) {
		/* Behind: it had seen clocks well past its own wall time. */
		seen = strtoll(l->str, NULL, 16);
		if (seen - w->num > SKEW_WARN_MS)
			off = w->num - seen;
	}
	/*
	 * A file written long ago by a clock that never saw ours: a day or
	 * more, and it may be the clock, or the file may have waited. Said so.
	 */
	if (off == 0 && !live && now - w->num > 24LL * 3600 * 1000) {
		if (-(now - w->num) < r->skew_ms || r->skew_ms == 0)
			r->skew_ms = w->num - now;
		warnf(r, "machine %.7s wrote its changes %lld day%s ago by its clock: its "
		    "clock is behind, or they took that long to arrive; changes still "
		    "merge in the order they were made", rep && rep->type == EM_J_STR ?
		    rep->str : "?", (now - w->num) / 86400000,
		    (now - w->num) / 86400000 == 1 ? "" : "s");
		return;
	}
	if (off > -SKEW_WARN_MS && off < SKEW_WARN_MS)
		return;
	if (llabs(off) > llabs(r->skew_ms))
		r->skew_ms = off;
	warnf(r, "the clock of machine %.7s is %lld minute%s %s; changes still merge "
	    "in the order they were made, but set that clock right",
	    rep && rep->type == EM_J_STR ? rep->str : "?", llabs(off) / 60000,
	    llabs(off) / 60000 == 1 ? "" : "s", off > 0 ? "ahead" : "behind");
}

/* Check a payload's header: our couple, and (for a file) the replica its name says. */
static int
check_header(struct em_ctx *ctx, const char *line, size_t len, const char *couple,
    const char *replica, int live, const char *where, struct em_sync_report *r)
{
	struct em_jobj	 h;
	const struct em_jval *v;
	char		 msg[128];
	int		 ex = 0;

	if (em_json_parse(line, len, &h, msg, sizeof(msg)) != 0 ||
	    (v = em_json_get(&h, "empathy")) == NULL || v->type != EM_J_STR ||
	    strcmp(v->str, "sync") != 0) {
		if (h.v != NULL)
			em_json_free(&h);
		return em_err(ctx, EM_EX_DATAERR, "%s: not an empathy sync stream", where);
	}
	if ((v = em_json_get(&h, "couple")) == NULL || v->type != EM_J_STR ||
	    strcmp(v->str, couple) != 0)
		ex = em_err(ctx, EM_EX_DATAERR, "%s belongs to another couple (%s); "
		    "nothing of it was applied", where, v && v->type == EM_J_STR ?
		    v->str : "none");
	else if (replica != NULL && ((v = em_json_get(&h, "replica")) == NULL ||
	    v->type != EM_J_STR || strcmp(v->str, replica) != 0))
		ex = em_err(ctx, EM_EX_DATAERR, "%s does not come from the machine its "
		    "name says; nothing of it was applied", where);
	if (ex == 0)
		skew(&h, live, r);
	em_json_free(&h);
	return ex;
}

/*
 * Apply the operation lines of buf (after its header), then what waited,
 * in the transaction open. Lines from another replica than one expected
 * (a file holds only its writer's) are refused whole.
 */
static int
apply_lines(struct em_ctx *ctx, const char *buf, size_t len, const char *only,
    const char *where, struct em_sync_report *r)
{
	const char	*p = buf, *e = buf + len, *nl;
	struct em_op	 op;
	struct em_applied ap;
	char		 msg[256];
	long		 line = 1, done, refused;
	int		 ex;

	if ((ex = em_op_quiet(ctx, 1)) != 0)
		return ex;
	for (; ex == 0 && p < e; p = nl + 1, line++) {
		if ((nl = memchr(p, '\n', (size_t)(e - p))) == NULL)
			nl = e;
		if (nl == p)
			continue;
		if (em_op_parse(ctx, p, (size_t)(nl - p), &op, msg, sizeof(msg)) != 0)
			return em_err(ctx, EM_EX_DATAERR, "%s, line %ld: %s; nothing of it "
			    "was applied", where, line + 1, msg);
		if (only != NULL && strcmp(op.replica, only) != 0) {
			em_op_free(&op);
			return em_err(ctx, EM_EX_DATAERR, "%s, line %ld: an operation of "
			    "another machine; nothing of it was applied", where, line + 1);
		}
		r->received++;
		if ((ex = em_op_apply(ctx, &op, 0, &ap)) == 0) {
			if (ap.state == EM_ST_DONE || ap.state == EM_ST_VOID)
				r->applied++;
			else if (ap.state == EM_ST_PENDING)
				r->pending++;
			else if (ap.state == EM_ST_REFUSED) {
				r->refused++;
				warnf(r, "refused a change from machine %.7s by %s: %s",
				    op.replica, op.user, ap.why);
			}
			r->earlier += ap.earlier;
		}
		em_op_free(&op);
	}
	if (ex == 0 && (ex = em_op_retry(ctx, &done, &refused)) == 0) {
		r->pending -= done + refused;
		if (r->pending < 0)
			r->pending = 0;
		r->applied += done;
		r->refused += refused;
	}
	if (ex == 0)
		ex = em_op_quiet(ctx, 0);
	return ex;
}

/* Operations of replica after seq, appended as lines to b, at most max (0: all). */
static int
ops_after(struct em_ctx *ctx, const char *replica, long long seq, long max,
    struct em_sbuf *b, long *n, long long *last)
{
	sqlite3_stmt	*st;
	int		 ex, rc;

	*n = 0;
	*last = seq;
	if ((ex = em_db_prepare(ctx, &st, "SELECT replica, seq, clock, user, tbl, rid, kind, "
	    "body, base FROM op WHERE replica = ?1 AND seq > ?2 ORDER BY seq")) != 0)
		return ex;
	sqlite3_bind_text(st, 1, replica, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(st, 2, seq);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		em_op_line(ctx, st, b);
		*last = sqlite3_column_int64(st, 1);
		if (++*n == max || (max > 0 && b->len > FILE_BYTES))
			break;
	}
	sqlite3_finalize(st);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? 0 : em_db_err(ctx, rc, "reading the log");
}

/* ---- locking and set-up ---- */

/*
 * One sync at a time per database: a lock on its directory (not on the
 * file, whose POSIX locks SQLite owns, nor on a file of our own that
 * would stay behind).
 */
static int
sync_lock(struct em_ctx *ctx, int *fd)
{
	char	*dir = em_strdup(ctx->dbpath), *slash;

	if ((slash = strrchr(dir, '/')) != NULL)
		*(slash == dir ? slash + 1 : slash) = '\0';
	else
		strcpy(dir, ".");
	*fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	free(dir);
	if (*fd == -1)
		return em_errno(ctx, EM_EX_CANTCREAT, "%s", ctx->dbpath);
	if (flock(*fd, LOCK_EX | LOCK_NB) == -1) {
		close(*fd);
		*fd = -1;
		return em_err(ctx, EM_EX_TEMPFAIL, "another sync of %s is running; "
		    "try again when it is done", ctx->dbpath);
	}
	return 0;
}

static int
setup(struct em_ctx *ctx, struct em_couple *c, int *lockfd, int need_key)
{
	int	 ex;

	*lockfd = -1;
	if ((ex = em_db_open(ctx, EM_DB_CREATE)) != 0 ||
	    (ex = sync_lock(ctx, lockfd)) != 0)
		return ex;
	if ((ex = em_couple_load(ctx, c)) != 0)
		goto fail;
	if (need_key && !c->has_key) {
		em_couple_free(c);
		ex = em_err(ctx, EM_EX_CONFIG, "%s is not part of a couple yet: run "
		    "'empathy init' on one machine, then 'empathy init --join -' on the "
		    "other", ctx->dbpath);
		goto fail;
	}
	return 0;
fail:
	if (*lockfd != -1)
		close(*lockfd);
	*lockfd = -1;
	return ex;
}

static int
finish(struct em_ctx *ctx, int lockfd, const char *k, const char *v, int ex,
    struct em_sync_report *r)
{
	char	 now[32];
	time_t	 t = time(NULL);
	int	 ex2 = 0;

	if (ex == 0) {
		strftime(now, sizeof(now), "%Y-%m-%dT%H:%M:%SZ", gmtime(&t));
		/* One transaction (one wait for the disk) for both. */
		if ((ex2 = em_db_begin(ctx)) == 0) {
			if ((ex2 = em_meta_set(ctx, "sync.last", now)) == 0 && k != NULL)
				ex2 = em_meta_set(ctx, k, v);
			if (ex2 == 0)
				ex2 = em_db_commit(ctx);
			else
				em_db_rollback(ctx);
		}
		if (ex2 == 0)
			ex2 = em_op_erase(ctx);
		if (ex2 == 0 && r->applied > 0)
			ex2 = em_db_scrub(ctx, 0);
		ex = ex2;
	}
	if (lockfd != -1)
		close(lockfd);
	if (ex == 0 && r->refused > 0)
		ex = em_err(ctx, EM_EX_DATAERR, "%ld change%s refused (see above); "
		    "the rest is applied", r->refused, r->refused == 1 ? " was" : "s were");
	return ex;
}

/* ---- the mailbox ---- */

/*
 * What a mailbox holds, for each replica: the last of its operations
 * written there by us or read there from another ("boxvv.REPLICA.DIR").
 * Files carry every replica's operations, so that what one machine got
 * over ssh reaches a third through the mailbox.
 */
static long long
boxvv_get(struct em_ctx *ctx, const char *dir, const char *replica)
{
	char	 key[PATH_MAX + 64], *v = NULL;
	long long n = 0;

	snprintf(key, sizeof(key), "boxvv.%s.%s", replica, dir);
	if (em_meta_get(ctx, key, &v) == 0 && v != NULL)
		n = strtoll(v, NULL, 10);
	free(v);
	return n;
}

static int
boxvv_put(struct em_ctx *ctx, const char *dir, const char *replica, long long seq)
{
	char	 key[PATH_MAX + 64], val[32];

	if (boxvv_get(ctx, dir, replica) >= seq)
		return 0;
	snprintf(key, sizeof(key), "boxvv.%s.%s", replica, dir);
	snprintf(val, sizeof(val), "%lld", seq);
	return em_meta_set(ctx, key, val);
}

/* Note every operation of a payload as held by the mailbox. */
static int
boxvv_note(struct em_ctx *ctx, const char *dir, const char *buf, size_t len)
{
	const char	*p = buf, *e = buf + len, *nl;
	struct em_op	 op;
	char		 msg[64];
	int		 ex = 0;

	for (; ex == 0 && p < e; p = nl + 1) {
		if ((nl = memchr(p, '\n', (size_t)(e - p))) == NULL)
			nl = e;
		if (nl > p && em_op_parse(ctx, p, (size_t)(nl - p), &op, msg,
		    sizeof(msg)) == 0) {
			ex = boxvv_put(ctx, dir, op.replica, op.seq);
			em_op_free(&op);
		}
	}
	return ex;
}

static int
box_read(struct em_ctx *ctx, const char *dir, const struct em_couple *c, int progress,
    struct em_sync_report *r)
{
	struct em_box_name *names = NULL;
	sqlite3_stmt	*st, *seen;
	size_t		 n = 0, i, todo = 0, hl;
	char		*payload, where[PATH_MAX + 64];
	const char	*nl;
	size_t		 len;
	int		 ex, rc;

	if ((ex = em_box_list(ctx, dir, &names, &n)) != 0)
		return ex;
	/* Which files were read before: one prepared look-up each (the list grows). */
	if ((ex = em_db_prepare(ctx, &seen, "SELECT 1 FROM boxin WHERE name = ?1")) != 0) {
		em_box_names_free(names, n);
		return ex;
	}
	for (i = 0; ex == 0 && i < n; i++) {
		if (strcmp(names[i].replica, c->replica) == 0)
			continue;
		sqlite3_bind_text(seen, 1, names[i].name, -1, SQLITE_STATIC);
		rc = sqlite3_step(seen);
		sqlite3_reset(seen);
		if (rc == SQLITE_ROW)
			continue;
		todo++;
		if (progress)
			fprintf(stderr, "%s: reading %s (%zu)\r", ctx->prog, names[i].name, todo);
		snprintf(where, sizeof(where), "%s/%s", dir, names[i].name);
		if ((ex = em_box_get(ctx, dir, names[i].name, c->id, c->key, &payload,
		    &len)) != 0) {
			if (ex != EM_EX_DATAERR)
				break;
			/* A damaged or foreign file: said, the others still read. */
			warnf(r, "%s", em_errmsg(ctx));
			em_err_clear(ctx);
			r->refused++;
			ex = 0;
			continue;
		}
		nl = memchr(payload, '\n', len);
		hl = nl ? (size_t)(nl - payload) : len;
		if ((ex = em_db_begin(ctx)) == 0) {
			if ((ex = check_header(ctx, payload, hl, c->id, names[i].replica, 0,
			    where, r)) == 0 && (ex = apply_lines(ctx, payload + hl,
			    len - hl, NULL, where, r)) == 0 &&
			    (ex = boxvv_note(ctx, dir, payload + hl, len - hl)) == 0 &&
			    (ex = em_db_prepare(ctx, &st, "INSERT OR IGNORE INTO boxin (name) "
			    "VALUES (?1)")) == 0) {
				sqlite3_bind_text(st, 1, names[i].name, -1, SQLITE_STATIC);
				ex = em_db_done(ctx, &st, "noting a file read");
			}
			if (ex == 0)
				ex = em_db_commit(ctx);
			else
				em_db_rollback(ctx);
		}
		r->files++;
		em_box_free(payload, len);
		if (ex == EM_EX_DATAERR) {
			warnf(r, "%s", em_errmsg(ctx));
			em_err_clear(ctx);
			r->refused++;
			ex = 0;
		}
	}
	sqlite3_finalize(seen);
	if (progress && todo > 0)
		fprintf(stderr, "%*s\r", (int)strlen(ctx->prog) + 48, "");
	em_box_names_free(names, n);
	return ex;
}

static int
box_write(struct em_ctx *ctx, const char *dir, const struct em_couple *c,
    struct em_sync_report *r)
{
	struct em_box_name *names = NULL;
	struct em_sbuf	 b;
	struct vv	 ours;
	char		 key[PATH_MAX + 16], val[64], *v = NULL;
	unsigned long	 nfile = 0;
	long long	 last, *upto;
	long		 n, inbuf;
	size_t		 nn = 0, i;
	int		 ex;

	snprintf(key, sizeof(key), "box.%s", dir);
	if ((ex = em_meta_get(ctx, key, &v)) != 0)
		return ex;
	if (v != NULL && sscanf(v, "%lu", &nfile) != 1)
		nfile = 0;
	free(v);
	/* A file written by a sync that died before noting it: never write over it. */
	em_box_sweep(dir, c->replica);
	if ((ex = em_box_list(ctx, dir, &names, &nn)) != 0)
		return ex;
	for (i = 0; i < nn; i++)
		if (strcmp(names[i].replica, c->replica) == 0 && names[i].n > nfile)
			nfile = names[i].n;
	em_box_names_free(names, nn);
	if ((ex = vv_load(ctx, &ours)) != 0)
		return ex;
	upto = em_xcalloc(ours.n + 1, sizeof(*upto));
	for (i = 0; i < ours.n; i++)
		upto[i] = boxvv_get(ctx, dir, ours.replica[i]);
	for (;;) {
		/* A file of what the mailbox lacks, replica by replica. */
		memset(&b, 0, sizeof(b));
		header(ctx, c, &b);
		for (i = 0, inbuf = 0; ex == 0 && i < ours.n && inbuf < FILE_OPS &&
		    b.len < FILE_BYTES; i++) {
			if (upto[i] >= ours.seq[i])
				continue;
			if ((ex = ops_after(ctx, ours.replica[i], upto[i], FILE_OPS - inbuf,
			    &b, &n, &last)) == 0) {
				inbuf += n;
				upto[i] = last;
			}
		}
		if (ex != 0 || inbuf == 0) {
			free(b.s);
			break;
		}
		/* Sealed, then noted with what it holds, in one transaction. */
		if ((ex = em_db_begin(ctx)) != 0) {
			free(b.s);
			break;
		}
		ex = em_box_put(ctx, dir, c->id, c->key, c->replica, nfile + 1, b.s, b.len);
		free(b.s);
		for (i = 0; ex == 0 && i < ours.n; i++)
			ex = boxvv_put(ctx, dir, ours.replica[i], upto[i]);
		if (ex == 0) {
			nfile++;
			snprintf(val, sizeof(val), "%lu", nfile);
			ex = em_meta_set(ctx, key, val);
		}
		if (ex != 0) {
			em_db_rollback(ctx);
			break;
		}
		if ((ex = em_db_commit(ctx)) != 0)
			break;
		r->sent += inbuf;
		r->files++;
	}
	free(upto);
	vv_free(&ours);
	return ex;
}

int
em_sync_dir(struct em_ctx *ctx, const char *dir, int progress, struct em_sync_report *r)
{
	struct em_couple c;
	char		 real[PATH_MAX], couple[EM_ID_LEN + 1];
	unsigned char	 salt[16];
	int		 ex, lockfd, has_salt;

	memset(r, 0, sizeof(*r));
	if (realpath(dir, real) == NULL)
		return em_errno(ctx, errno == ENOENT ? EM_EX_NOINPUT : EM_EX_IOERR,
		    "the mailbox %s", dir);
	if ((ex = setup(ctx, &c, &lockfd, 1)) != 0)
		return ex;
	ex = em_box_couple_get(ctx, real, couple, salt, &has_salt);
	if (ex == EM_EX_NOINPUT) {
		em_err_clear(ctx);
		ex = em_box_couple_put(ctx, real, c.id, c.has_salt ? c.salt : NULL, c.key);
	} else if (ex == 0 && strcmp(couple, c.id) != 0)
		ex = em_err(ctx, EM_EX_DATAERR, "%s is the mailbox of another couple "
		    "(%s, not %s); nothing was read or written", real, couple, c.id);
	else if (ex == 0)
		ex = em_box_key_check(ctx, real, c.key);
	if (ex == 0)
		ex = box_read(ctx, real, &c, progress, r);
	if (ex == 0)
		ex = box_write(ctx, real, &c, r);
	em_couple_free(&c);
	return finish(ctx, lockfd, "sync.dir", real, ex, r);
}

/* ---- ssh ---- */

/* A line of at most SYNC_LINE_MAX, without its newline: 0, 1 at the end, or a status. */
static int
get_line(struct em_ctx *ctx, FILE *in, char **buf, size_t *cap, size_t *len,
    const char *from)
{
	ssize_t	 n;

	errno = 0;
	if ((n = getline(buf, cap, in)) == -1)
		return errno != 0 ? em_errno(ctx, EM_EX_IOERR, "reading from %s", from) : 1;
	if ((size_t)n > SYNC_LINE_MAX)
		return em_err(ctx, EM_EX_DATAERR, "%s sent a line longer than %d MiB",
		    from, SYNC_LINE_MAX / (1024 * 1024));
	if (n > 0 && (*buf)[n - 1] == '\n')
		(*buf)[--n] = '\0';
	*len = (size_t)n;
	return 0;
}

/* Send our version vector, then the end mark. */
static void
send_have(FILE *out, const struct vv *v)
{
	size_t	 i;

	for (i = 0; i < v->n; i++)
		fprintf(out, "{\"have\":\"%s\",\"seq\":%lld}\n", v->replica[i], v->seq[i]);
	fputs("{\"end\":\"have\"}\n", out);
}

/* Read the other side's version vector up to its end mark. */
static int
recv_have(struct em_ctx *ctx, FILE *in, struct vv *v, const char *from)
{
	struct em_jobj	 o;
	const struct em_jval *h, *s;
	char		*buf = NULL, msg[128];
	size_t		 cap = 0, len;
	int		 ex = 0, r;

	memset(v, 0, sizeof(*v));
	while (ex == 0 && (r = get_line(ctx, in, &buf, &cap, &len, from)) == 0) {
		if (em_json_parse(buf, len, &o, msg, sizeof(msg)) != 0) {
			ex = em_err(ctx, EM_EX_DATAERR, "%s: %s", from, msg);
			break;
		}
		if (em_json_get(&o, "end") != NULL) {
			em_json_free(&o);
			free(buf);
			return 0;
		}
		if ((h = em_json_get(&o, "have")) != NULL && h->type == EM_J_STR &&
		    em_id_valid(h->str) && (s = em_json_get(&o, "seq")) != NULL &&
		    s->type == EM_J_NUM && s->isint)
			vv_put(v, h->str, s->num);
		else if ((h = em_json_get(&o, "error")) != NULL && h->type == EM_J_STR)
			ex = em_err(ctx, EM_EX_DATAERR, "%s: %s", from, h->str);
		else
			ex = em_err(ctx, EM_EX_DATAERR, "%s: not an empathy sync stream", from);
		em_json_free(&o);
	}
	if (ex == 0 && r != 0)
		ex = r == 1 ? em_err(ctx, EM_EX_IOERR, "%s ended the sync early", from) : r;
	free(buf);
	vv_free(v);
	return ex;
}

/* Send every operation the other side lacks, then the end mark. */
static int
send_ops(struct em_ctx *ctx, FILE *out, const struct vv *theirs, struct em_sync_report *r)
{
	struct vv	 ours;
	struct em_sbuf	 b;
	long long	 last;
	long		 n;
	size_t		 i;
	int		 ex;

	if ((ex = vv_load(ctx, &ours)) != 0)
		return ex;
	for (i = 0; ex == 0 && i < ours.n; i++) {
		if (ours.seq[i] <= vv_get(theirs, ours.replica[i]))
			continue;
		memset(&b, 0, sizeof(b));
		ex = ops_after(ctx, ours.replica[i], vv_get(theirs, ours.replica[i]), 0, &b,
		    &n, &last);
		if (ex == 0 && b.len > 0 && fwrite(b.s, 1, b.len, out) != b.len)
			ex = em_errno(ctx, EM_EX_IOERR, "sending");
		free(b.s);
		r->sent += n;
	}
	vv_free(&ours);
	fputs("{\"end\":\"ops\"}\n", out);
	if (ex == 0 && fflush(out) == EOF)
		ex = em_errno(ctx, EM_EX_IOERR, "sending");
	return ex;
}

/* Read operations up to the end mark and apply them in one transaction. */
static int
recv_ops(struct em_ctx *ctx, FILE *in, const char *from, struct em_sync_report *r)
{
	struct em_sbuf	 all = { NULL, 0, 0 };
	char		*buf = NULL;
	size_t		 cap = 0, len;
	int		 ex = 0, rc;

	while ((rc = get_line(ctx, in, &buf, &cap, &len, from)) == 0) {
		if (strncmp(buf, "{\"end\":", 7) == 0)
			break;
		em_sb_add(&all, "%.*s\n", (int)len, buf);
	}
	free(buf);
	if (rc != 0) {
		free(all.s);
		return rc == 1 ? em_err(ctx, EM_EX_IOERR, "%s ended the sync early", from) : rc;
	}
	if ((ex = em_db_begin(ctx)) == 0) {
		if (all.s != NULL)
			ex = apply_lines(ctx, all.s, all.len, NULL, from, r);
		if (ex == 0)
			ex = em_db_commit(ctx);
		else
			em_db_rollback(ctx);
	}
	free(all.s);
	return ex;
}

/* Read and check the other side's header line. */
static int
recv_header(struct em_ctx *ctx, FILE *in, const struct em_couple *c, const char *from,
    struct em_sync_report *r)
{
	char	*buf = NULL;
	size_t	 cap = 0, len;
	int	 ex;

	if ((ex = get_line(ctx, in, &buf, &cap, &len, from)) == 0)
		ex = check_header(ctx, buf, len, c->id, NULL, 1, from, r);
	else if (ex == 1)
		ex = em_err(ctx, EM_EX_IOERR, "%s ended the sync before it began", from);
	free(buf);
	return ex;
}

int
em_sync_ssh(struct em_ctx *ctx, const char *host, int progress, struct em_sync_report *r)
{
	struct em_couple c;
	struct em_sbuf	 h = { NULL, 0, 0 };
	struct vv	 ours, theirs;
	const char	*ssh = getenv("EMPATHY_SSH");
	char		 from[300];
	int		 to[2], back[2], ex, lockfd, status;
	pid_t		 pid;
	FILE		*out, *in;

	(void)progress;
	memset(r, 0, sizeof(*r));
	if (*host == '-' || *host == '\0')
		return em_err(ctx, EM_EX_USAGE, "'%s' is not a host name", host);
	if ((ex = setup(ctx, &c, &lockfd, 0)) != 0)
		return ex;
	snprintf(from, sizeof(from), "%s (over ssh)", host);
	if (pipe2(to, O_CLOEXEC) == -1 || pipe2(back, O_CLOEXEC) == -1) {
		em_couple_free(&c);
		return finish(ctx, lockfd, NULL, NULL, em_errno(ctx, EM_EX_IOERR, "pipe"), r);
	}
	signal(SIGPIPE, SIG_IGN);
	if ((pid = fork()) == -1) {
		em_couple_free(&c);
		return finish(ctx, lockfd, NULL, NULL, em_errno(ctx, EM_EX_IOERR, "fork"), r);
	}
	if (pid == 0) {
		dup2(to[0], 0);
		dup2(back[1], 1);
		if (ssh == NULL || *ssh == '\0')
			ssh = "ssh";
		execlp(ssh, ssh, host, "empathy", "sync", "--serve", (char *)NULL);
		_exit(127);
	}
	close(to[0]);
	close(back[1]);
	out = fdopen(to[1], "w");
	in = fdopen(back[0], "r");
	header(ctx, &c, &h);
	fputs(h.s, out);
	free(h.s);
	if ((ex = vv_load(ctx, &ours)) == 0) {
		send_have(out, &ours);
		vv_free(&ours);
		if (fflush(out) == EOF)
			ex = em_errno(ctx, EM_EX_IOERR, "sending to %s", from);
	}
	if (ex == 0)
		ex = recv_header(ctx, in, &c, from, r);
	if (ex == 0)
		ex = recv_ops(ctx, in, from, r);
	if (ex == 0 && (ex = recv_have(ctx, in, &theirs, from)) == 0) {
		ex = send_ops(ctx, out, &theirs, r);
		vv_free(&theirs);
	}
	fclose(out);
	if (ex == 0) {
		char	*buf = NULL;
		size_t	 cap = 0, len;

		/* The other side's word that it applied what we sent. */
		if ((ex = get_line(ctx, in, &buf, &cap, &len, from)) == 1)
			ex = em_err(ctx, EM_EX_IOERR, "%s ended before saying it applied "
			    "what was sent", from);
		else if (ex == 0 && strncmp(buf, "{\"done\":", 8) != 0)
			ex = em_err(ctx, EM_EX_IOERR, "%s: %s", from, buf);
		free(buf);
	}
	fclose(in);
	while (waitpid(pid, &status, 0) == -1 && errno == EINTR)
		;
	if (ex == 0 && !(WIFEXITED(status) && WEXITSTATUS(status) == 0))
		ex = em_err(ctx, EM_EX_IOERR, "%s: the sync at the other end failed "
		    "(exit %d)", from, WIFEXITED(status) ? WEXITSTATUS(status) : 128 +
		    WTERMSIG(status));
	em_couple_free(&c);
	return finish(ctx, lockfd, "sync.ssh", host, ex, r);
}

/* The other end of em_sync_ssh, on standard input and output. */
int
em_sync_serve(struct em_ctx *ctx)
{
	struct em_couple c;
	struct em_sync_report r;
	struct em_sbuf	 h = { NULL, 0, 0 };
	struct vv	 theirs, ours;
	int		 ex, lockfd;

	memset(&r, 0, sizeof(r));
	if ((ex = setup(ctx, &c, &lockfd, 0)) != 0) {
		printf("{\"error\":\"%s\"}\n", "the database here cannot sync now");
		return ex;
	}
	if ((ex = recv_header(ctx, stdin, &c, "the other machine", &r)) != 0) {
		header(ctx, &c, &h);
		fputs(h.s, stdout);
		free(h.s);
		printf("{\"error\":\"this machine belongs to another couple\"}\n");
		fflush(stdout);
		em_couple_free(&c);
		return finish(ctx, lockfd, NULL, NULL, ex, &r);
	}
	header(ctx, &c, &h);
	fputs(h.s, stdout);
	free(h.s);
	if ((ex = recv_have(ctx, stdin, &theirs, "the other machine")) == 0) {
		ex = send_ops(ctx, stdout, &theirs, &r);
		vv_free(&theirs);
	}
	if (ex == 0 && (ex = vv_load(ctx, &ours)) == 0) {
		send_have(stdout, &ours);
		vv_free(&ours);
		fflush(stdout);
	}
	if (ex == 0)
		ex = recv_ops(ctx, stdin, "the other machine", &r);
	if (ex == 0)
		printf("{\"done\":%ld,\"refused\":%ld}\n", r.applied, r.refused);
	fflush(stdout);
	em_couple_free(&c);
	ex = finish(ctx, lockfd, NULL, NULL, ex, &r);
	em_sync_report_free(&r);
	return ex;
}
