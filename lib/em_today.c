/* em_today.c: what a partner owes today, shared by `empathy due`, `empathy today` and `empathy-checkin due`. */
#include <string.h>

#include "em_int.h"

/*
 * Your own check-in for the day, when it is missing; then an answer to each
 * of your partner's check-ins of that day and the day before that you have
 * not answered. hidden: you have not checked in on that check-in's day, so
 * it stays hidden from you until you do.
 */
static const char owed_sql[] =
    "SELECT 'checkin', ?1, ?2, 0 WHERE NOT EXISTS ("
    "  SELECT 1 FROM live_checkin WHERE user = ?1 AND date = ?2) "
    "UNION ALL "
    "SELECT 'answer', c.user, c.date, NOT EXISTS (SELECT 1 FROM live_checkin m"
    "  WHERE m.user = ?1 AND m.date = c.date) FROM live_checkin c WHERE c.user <> ?1"
    "  AND c.date BETWEEN ?3 AND ?2 AND NOT EXISTS (SELECT 1 FROM live_response r"
    "  WHERE r.checkin = c.id AND r.user = ?1)";

void
em_owed_free(struct em_owed *v, size_t n)
{
	size_t	 i;

	for (i = 0; v != NULL && i < n; i++)
		free(v[i].user);
	free(v);
}

int
em_owed_checkins(struct em_ctx *ctx, const char *me, long today,
    struct em_owed **vp, size_t *np)
{
	sqlite3_stmt	*st;
	struct em_owed	*v = NULL, *o;
	size_t		 n = 0;
	char		 d[11], y[11];
	int		 ex, rc;

	*vp = NULL;
	*np = 0;
	em_date_fmt(today, d);
	em_date_fmt(today - 1, y);
	if ((ex = em_db_prepare(ctx, &st, owed_sql)) != 0)
		return ex;
	em_bind_text(st, 1, me);
	em_bind_text(st, 2, d);
	em_bind_text(st, 3, y);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		v = em_xreallocarray(v, n + 1, sizeof(*v));
		o = &v[n++];
		memset(o, 0, sizeof(*o));
		o->what = strcmp((const char *)sqlite3_column_text(st, 0),
		    "checkin") == 0 ? EM_OWE_CHECKIN : EM_OWE_ANSWER;
		o->user = em_strdup((const char *)sqlite3_column_text(st, 1));
		snprintf(o->date, sizeof(o->date), "%s",
		    (const char *)sqlite3_column_text(st, 2));
		o->hidden = sqlite3_column_int(st, 3);
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		em_owed_free(v, n);
		return em_db_err(ctx, rc, "reading check-ins");
	}
	*vp = v;
	*np = n;
	return 0;
}

void
em_run_now_free(struct em_run_now *r)
{
	free(r->challenge);
	memset(r, 0, sizeof(*r));
}

/*
 * The challenge run under way on a day (the newest not abandoned that has
 * started by then and is not over), its day number, and whether me and
 * anyone else did that day. EM_EX_NO when no run is under way.
 */
int
em_run_now(struct em_ctx *ctx, const char *me, long today, struct em_run_now *r)
{
	sqlite3_stmt	*st;
	char		 d[11];
	long		 start;
	int		 ex, rc;

	memset(r, 0, sizeof(*r));
	em_date_fmt(today, d);
	if ((ex = em_db_prepare(ctx, &st, "SELECT id, challenge, start, days FROM "
	    "run WHERE abandoned IS NULL AND start <= ?1 ORDER BY start DESC, "
	    "created DESC LIMIT 1")) != 0)
		return ex;
	em_bind_text(st, 1, d);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		snprintf(r->id, sizeof(r->id), "%s",
		    (const char *)sqlite3_column_text(st, 0));
		r->challenge = em_strdup((const char *)sqlite3_column_text(st, 1));
		if (em_date_parse((const char *)sqlite3_column_text(st, 2),
		    &start) != 0)
			rc = SQLITE_CORRUPT;
		r->days = sqlite3_column_int64(st, 3);
		r->day = today - start + 1;
	}
	sqlite3_finalize(st);
	if (rc == SQLITE_DONE)
		return EM_EX_NO;
	if (rc != SQLITE_ROW) {
		em_run_now_free(r);
		return em_db_err(ctx, rc, "reading challenges");
	}
	if (r->day > r->days) {
		em_run_now_free(r);
		return EM_EX_NO;
	}
	if ((ex = em_db_prepare(ctx, &st, "SELECT coalesce(max(user = ?2), 0), "
	    "coalesce(max(user <> ?2), 0) FROM live_run_day WHERE run = ?1 AND "
	    "day = ?3")) != 0) {
		em_run_now_free(r);
		return ex;
	}
	em_bind_text(st, 1, r->id);
	em_bind_text(st, 2, me);
	sqlite3_bind_int64(st, 3, r->day);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		r->done = sqlite3_column_int(st, 0);
		r->partner_done = sqlite3_column_int(st, 1);
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_ROW) {
		em_run_now_free(r);
		return em_db_err(ctx, rc, "reading challenges");
	}
	return 0;
}

/*
 * One thing owed, in a line of text after indent: your check-in, or an
 * answer to the partner's check-in (after your own, when theirs is still
 * hidden from you). The one wording for due and today.
 */
void
em_owed_say(const struct em_owed *o, const char *today, const char *indent)
{
	fputs(indent, stdout);
	if (o->what == EM_OWE_CHECKIN) {
		printf("your check-in for today, %s\n", today);
		return;
	}
	if (!o->hidden)
		fputs("an answer to ", stdout);
	else if (strcmp(o->date, today) == 0)
		fputs("check in first, then answer ", stdout);
	else
		printf("check in for %s first, then answer ", o->date);
	em_put_name(stdout, o->user, EM_NAME_COLS);
	if (!o->hidden || strcmp(o->date, today) == 0)
		printf("'s check-in for %s\n", o->date);
	else
		puts("'s check-in");
}
