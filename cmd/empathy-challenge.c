/* empathy-challenge: guided practice over days, its exercises, and the listening timer. */
#include <sys/ioctl.h>

#include <errno.h>
#include <signal.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>
#include <unistd.h>

#include "em.h"

#define NOW	"strftime('%Y-%m-%dT%H:%M:%fZ', 'now')"
#define WIDTH	78
/* The content this program reads: challenges (and the exercises they name). */
#define KINDS	EM_KIND(EM_K_CHALLENGE)

static int	c_list(struct em_ctx *, int, char **);
static int	c_show(struct em_ctx *, int, char **);
static int	c_start(struct em_ctx *, int, char **);
static int	c_abandon(struct em_ctx *, int, char **);
static int	c_today(struct em_ctx *, int, char **);
static int	c_done(struct em_ctx *, int, char **);
static int	c_undone(struct em_ctx *, int, char **);
static int	c_status(struct em_ctx *, int, char **);
static int	c_review(struct em_ctx *, int, char **);
static int	c_timer(struct em_ctx *, int, char **);

static const struct em_subcmd subcmds[] = {
	{ "list", c_list, "",
	    "the challenges and exercises" },
	{ "show", c_show, "[id]",
	    "one challenge or exercise, step by step" },
	{ "start", c_start, "[--date date] [id]",
	    "begin a challenge together" },
	{ "abandon", c_abandon, "[-y | --yes] | --undo",
	    "stop the running challenge, after asking; --undo resumes it" },
	{ "today", c_today, "[-q] [--date date]",
	    "today's task (exit 1 when none is running)" },
	{ "done", c_done, "[--date date] [--day n] [--note text]",
	    "mark a day done, with a note" },
	{ "undone", c_undone, "[--date date] [--day n]",
	    "take back a day you marked done (mark it again with done)" },
	{ "status", c_status, "[--date date]",
	    "who has done which day" },
	{ "review", c_review, "[--date date]",
	    "every note, day by day" },
	{ "timer", c_timer, "[--rounds n] [minutes]",
	    "a timer for silent listening" },
	{ "export", em_cmd_export, "",
	    "write the challenge data as JSON Lines" },
	{ "import", em_cmd_import, "",
	    "merge challenge data from JSON Lines on stdin" },
	{ NULL, NULL, NULL, NULL }
};

/* A run of a challenge, as stored. */
struct run {
	char	*id;
	char	*challenge;
	char	*user;		/* who started it */
	long	 start;
	long	 days;
	long	 day;		/* the day number on the given date; > days once over */
	const struct em_doc *doc;	/* NULL if the content no longer has it */
};

/* Which run find_run looks for, among those not abandoned. */
enum {
	RUN_NOW,	/* the newest that has started by the date */
	RUN_LATER,	/* the first set to start after the date */
	RUN_OPEN	/* the first whose last day is not past by the date */
};

static void
run_free(struct run *r)
{
	free(r->id);
	free(r->challenge);
	free(r->user);
	memset(r, 0, sizeof(*r));
}

/*
 * Find a run for a date; EM_EX_NO when there is none. On any status but 0,
 * r is left empty and owns nothing.
 */
static int
find_run(struct em_ctx *ctx, long date, int which, struct run *r)
{
	static const char *const sql[] = {
		"SELECT id, challenge, start, days, user FROM run WHERE abandoned "
		"IS NULL AND start <= ?1 ORDER BY start DESC, created DESC LIMIT 1",
		"SELECT id, challenge, start, days, user FROM run WHERE abandoned "
		"IS NULL AND start > ?1 ORDER BY start, created LIMIT 1",
		"SELECT id, challenge, start, days, user FROM run WHERE abandoned "
		"IS NULL AND date(start, '+' || (days - 1) || ' days') >= ?1 "
		"ORDER BY start, created LIMIT 1"
	};
	const struct em_content *c;
	sqlite3_stmt	*st;
	char		 d[11];
	int		 ex, rc;

	memset(r, 0, sizeof(*r));
	em_date_fmt(date, d);
	if ((ex = em_sql_prep(ctx, &st, sql[which], "s", d)) != 0)
		return ex;
	if ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		r->id = em_strdup((const char *)sqlite3_column_text(st, 0));
		r->challenge = em_strdup((const char *)sqlite3_column_text(st, 1));
		if (em_date_parse((const char *)sqlite3_column_text(st, 2),
		    &r->start) != 0)
			rc = SQLITE_CORRUPT;
		r->days = sqlite3_column_int64(st, 3);
		r->user = em_strdup((const char *)sqlite3_column_text(st, 4));
		r->day = date - r->start + 1;
	}
	sqlite3_finalize(st);
	if (rc == SQLITE_DONE)
		return EM_EX_NO;
	if (rc != SQLITE_ROW) {
		run_free(r);
		return em_db_err(ctx, rc, "reading challenges");
	}
	if ((ex = em_ctx_content(ctx, KINDS, &c)) != 0) {
		run_free(r);
		return ex;
	}
	r->doc = em_content_find(c, EM_K_CHALLENGE, r->challenge);
	return 0;
}

/* A day as "Thursday 2026-12-03". */
static void
day_fmt(long day, char buf[32])
{
	static const char *const names[] = { "Monday", "Tuesday", "Wednesday",
	    "Thursday", "Friday", "Saturday", "Sunday" };
	char	 d[11];

	em_date_fmt(day, d);
	snprintf(buf, 32, "%s %s", names[em_date_wday(day) - 1], d);
}

/* Who, as the acting partner reads it: "you", or the name. */
static const char *
who(const char *me, const char *user)
{
	return user == NULL || strcasecmp(me, user) == 0 ? "you" : user;
}

/* Say when a run set to start later begins; the status is 1. */
static int
starts_on(struct em_ctx *ctx, const struct run *s)
{
	char	 d[32];

	day_fmt(s->start, d);
	em_note(ctx, "%s starts on %s; from then, see the day's task with: %s "
	    "today", s->challenge, d, ctx->prog);
	return EM_EX_NO;
}

/*
 * Say on stderr that nothing runs on a date, or when the next run starts,
 * unless asked to be quiet; the status is 1.
 */
static int
no_run(struct em_ctx *ctx, int quiet, long date)
{
	struct run	 s;
	int		 ex;

	if (quiet)
		return EM_EX_NO;
	if ((ex = find_run(ctx, date, RUN_LATER, &s)) == 0) {
		starts_on(ctx, &s);
		run_free(&s);
		return EM_EX_NO;
	}
	if (ex != EM_EX_NO)
		return ex;
	em_note(ctx, "no challenge is running; begin one: %s start", ctx->prog);
	return EM_EX_NO;
}

static void
put_exercise(struct em_ctx *ctx, const struct em_doc *e, int indent)
{
	size_t	 i;

	char	 line[1024];

	snprintf(line, sizeof(line), "%s (%s, %d minutes)", e->title, e->id,
	    e->minutes);
	printf("%*s%s", indent, "", em_color(ctx, "\033[1m"));
	em_put_wrapped(line, WIDTH, indent, 1);
	fputs(em_color(ctx, "\033[0m"), stdout);
	if (e->description != NULL)
		em_put_wrapped(e->description, WIDTH, indent, 0);
	for (i = 0; i < e->nstr; i++) {
		printf("%*s%2zu. ", indent, "", i + 1);
		em_put_wrapped(e->strv[i], WIDTH, indent + 4, 1);
	}
}

/* A challenge or an exercise in list: length in days or in minutes. */
static const struct em_col list_cols[] = { { "kind", EM_STR }, { "id", EM_STR },
    { "title", EM_STR }, { "length", EM_INT }, { NULL, 0 } };

static int
c_list(struct em_ctx *ctx, int argc, char **argv)
{
	const struct em_content *c;
	const struct em_doc *d;
	enum em_kind	 kind;
	char		 line[1024];
	size_t		 i, k, n;
	int		 ex;

	if ((ex = em_no_opts(ctx, argc, argv)) != 0)
		return ex;
	if ((ex = em_no_args(ctx, argc, argv)) != 0)
		return ex;
	if ((ex = em_ctx_content(ctx, KINDS, &c)) != 0)
		return ex;
	em_emit_head(ctx, list_cols);
	for (k = 0; k < 2; k++) {
		kind = k == 0 ? EM_K_CHALLENGE : EM_K_EXERCISE;
		for (i = 0; i < em_content_count(c, kind); i++) {
			d = em_content_nth(c, kind, i);
			n = k == 0 ? d->ndays : (size_t)d->minutes;
			if (em_emit(ctx, list_cols, (struct em_val[]){
			    EM_S(em_kind_name(kind)), EM_S(d->id), EM_S(d->title),
			    EM_N((long long)n) }) == 0)
				continue;
			if (i == 0)	/* in text, a heading over each kind */
				printf("%s%s\n", k ? "\n" : "", k ? "Exercises" :
				    "Challenges");
			snprintf(line, sizeof(line), "%s (%zu %s)", d->title, n,
			    k == 0 ? "days" : "minutes");
			printf("  %-24s ", d->id);
			em_put_wrapped(line, WIDTH, 27, 1);
		}
	}
	return 0;
}

/*
 * show of a challenge: the challenge first (kind challenge), then a record
 * a day (kind day; exercise is null where it names none), each with the
 * challenge's id, title and days. tsv is one table of both (show_cols).
 */
static const struct em_col chal_cols[] = { { "kind", EM_STR },
    { "challenge", EM_STR }, { "challenge_title", EM_STR }, { "days", EM_INT },
    { "description", EM_STR }, { NULL, 0 } };
static const struct em_col day_cols[] = { { "day", EM_INT }, { "title", EM_STR },
    { "task", EM_STR }, { "exercise", EM_STR }, { "kind", EM_STR },
    { "challenge", EM_STR }, { "challenge_title", EM_STR }, { "days", EM_INT },
    { "exercise_title", EM_STR }, { NULL, 0 } };
static const struct em_col show_cols[] = { { "day", EM_INT },
    { "title", EM_STR }, { "task", EM_STR }, { "exercise", EM_STR },
    { "kind", EM_STR }, { "challenge", EM_STR }, { "challenge_title", EM_STR },
    { "days", EM_INT }, { "exercise_title", EM_STR }, { "description", EM_STR },
    { NULL, 0 } };
/*
 * show of an exercise: the exercise (kind exercise), then its steps (kind
 * step), each with the exercise's id, title and minutes.
 */
static const struct em_col exer_cols[] = { { "kind", EM_STR },
    { "exercise", EM_STR }, { "exercise_title", EM_STR }, { "minutes", EM_INT },
    { "description", EM_STR }, { NULL, 0 } };
static const struct em_col step_cols[] = { { "step", EM_INT },
    { "text", EM_STR }, { "kind", EM_STR }, { "exercise", EM_STR },
    { "exercise_title", EM_STR }, { "minutes", EM_INT }, { NULL, 0 } };
static const struct em_col steps_cols[] = { { "step", EM_INT },
    { "text", EM_STR }, { "kind", EM_STR }, { "exercise", EM_STR },
    { "exercise_title", EM_STR }, { "minutes", EM_INT },
    { "description", EM_STR }, { NULL, 0 } };

/* show of a challenge as records. */
static void
show_days(struct em_ctx *ctx, const struct em_content *c, const struct em_doc *d)
{
	const struct em_day *dd;
	const struct em_doc *e;
	size_t		 i;

	em_emit_head(ctx, show_cols);
	em_emit_kind(ctx, show_cols, chal_cols, (struct em_val[]){
	    EM_W("challenge"), EM_S(d->id), EM_S(d->title),
	    EM_N((long long)d->ndays), EM_S(d->description) });
	for (i = 0; i < d->ndays; i++) {
		dd = &d->days[i];
		e = dd->exercise != NULL ?
		    em_content_find(c, EM_K_EXERCISE, dd->exercise) : NULL;
		em_emit_kind(ctx, show_cols, day_cols, (struct em_val[]){
		    EM_N((long long)i + 1), EM_S(dd->title), EM_S(dd->task),
		    EM_S(dd->exercise), EM_W("day"), EM_S(d->id), EM_S(d->title),
		    EM_N((long long)d->ndays), EM_S(e != NULL ? e->title : NULL) });
	}
}

/* show of an exercise as records. */
static void
show_steps(struct em_ctx *ctx, const struct em_doc *d)
{
	size_t		 i;

	em_emit_head(ctx, steps_cols);
	em_emit_kind(ctx, steps_cols, exer_cols, (struct em_val[]){
	    EM_W("exercise"), EM_S(d->id), EM_S(d->title), EM_N(d->minutes),
	    EM_S(d->description) });
	for (i = 0; i < d->nstr; i++)
		em_emit_kind(ctx, steps_cols, step_cols, (struct em_val[]){
		    EM_N((long long)i + 1), EM_S(d->strv[i]), EM_W("step"),
		    EM_S(d->id), EM_S(d->title), EM_N(d->minutes) });
}

/* show of a challenge in text: its days, each with its task and exercise. */
static void
show_challenge(struct em_ctx *ctx, const struct em_content *c,
    const struct em_doc *d)
{
	const struct em_doc *e;
	char		 line[1024];
	size_t		 i;

	snprintf(line, sizeof(line), "%s (%s, %zu days)", d->title, d->id,
	    d->ndays);
	printf("%s", em_color(ctx, "\033[1m"));
	em_put_wrapped(line, WIDTH, 0, 0);
	fputs(em_color(ctx, "\033[0m"), stdout);
	if (d->description != NULL)
		em_put_wrapped(d->description, WIDTH, 0, 0);
	for (i = 0; i < d->ndays; i++) {
		snprintf(line, sizeof(line), "Day %zu: %s", i + 1, d->days[i].title);
		putchar('\n');
		em_put_wrapped(line, WIDTH, 2, 1);
		em_put_wrapped(d->days[i].task, WIDTH, 2, 0);
		if (d->days[i].exercise != NULL &&
		    (e = em_content_find(c, EM_K_EXERCISE, d->days[i].exercise)) != NULL) {
			snprintf(line, sizeof(line), "exercise: %s (%s show %s)",
			    e->title, ctx->prog, e->id);
			printf("  ");
			em_put_wrapped(line, WIDTH, 4, 1);
		}
	}
}

/* The challenge or exercise show names: id, else the running challenge. */
static int
show_find(struct em_ctx *ctx, const struct em_content *c, const char *id,
    const struct em_doc **dp)
{
	struct run	 r;
	int		 ex;

	memset(&r, 0, sizeof(r));
	*dp = NULL;
	if (id == NULL) {
		if ((ex = em_db_open(ctx, EM_DB_READ)) != 0)
			return ex;
		if ((ex = find_run(ctx, em_date_today(), RUN_NOW, &r)) != 0)
			return ex == EM_EX_NO ? em_err(ctx, EM_EX_USAGE, "no challenge "
			    "is running: name a challenge or exercise") : ex;
		id = r.challenge;
	}
	if ((*dp = em_content_find(c, EM_K_CHALLENGE, id)) == NULL &&
	    (*dp = em_content_find(c, EM_K_EXERCISE, id)) == NULL)
		ex = em_err(ctx, EM_EX_NOINPUT, "no challenge or exercise '%s'; see "
		    "%s list", id, ctx->prog);
	else
		ex = 0;
	run_free(&r);
	return ex;
}

/* What show shows: a challenge (with the content its days name) or an exercise. */
struct shown {
	const struct em_content	*c;
	const struct em_doc	*d;
};

/* show in text: a page, not a line per day or step. */
static void
show_page(struct em_ctx *ctx, const void *data)
{
	const struct shown *sh = data;

	if (sh->d->kind == EM_K_EXERCISE)
		put_exercise(ctx, sh->d, 0);
	else
		show_challenge(ctx, sh->c, sh->d);
}

static void
show_records(struct em_ctx *ctx, const void *data)
{
	const struct shown *sh = data;

	if (sh->d->kind == EM_K_CHALLENGE)
		show_days(ctx, sh->c, sh->d);
	else
		show_steps(ctx, sh->d);
}

static int
c_show(struct em_ctx *ctx, int argc, char **argv)
{
	const struct em_content *c;
	const struct em_doc *d = NULL;
	const char	*id;
	int		 ex;

	if ((ex = em_no_opts(ctx, argc, argv)) != 0)
		return ex;
	if ((ex = em_maybe_arg(ctx, argc, argv, &id)) != 0 ||
	    (ex = em_ctx_content(ctx, KINDS, &c)) != 0 ||
	    (ex = show_find(ctx, c, id, &d)) != 0)
		return ex;
	em_render(ctx, &(const struct em_view){ show_page, show_records },
	    &(const struct shown){ c, d });
	return 0;
}

static int
date_opt(struct em_ctx *ctx, int argc, char **argv, long *day)
{
	/* the one option, into day itself */
	static const struct em_opt opts[] = {
		{ .name = "date", .type = EM_OPT_DATE }, { NULL } };

	*day = em_date_today();
	return em_opts(ctx, argc, argv, opts, day);
}

/* A run in start: the one begun, or the one already running. */
static const struct em_col run_cols[] = { { "id", EM_STR },
    { "challenge", EM_STR }, { "start", EM_STR }, { "days", EM_INT },
    { NULL, 0 } };

/* A run as a record; 1 in text, where the caller says it in words. */
static int
run_emit(struct em_ctx *ctx, const char *id, const char *challenge, long start,
    long days)
{
	char	 d[11];

	em_date_fmt(start, d);
	em_emit_head(ctx, run_cols);
	return em_emit(ctx, run_cols, (struct em_val[]){ EM_S(id), EM_S(challenge),
	    EM_S(d), EM_N(days) });
}

/*
 * start found a run on the way: say who started it, when, and that the
 * partner is in it. Status 0 when it is what was asked for (no id, or the
 * same id, and no other start date), else 65.
 */
static int
already(struct em_ctx *ctx, const struct run *o, const char *me, const char *id,
    int dflag, long day)
{
	const char	*w = who(me, o->user), *both;
	char		 d[32], next[160], end[11], msg[1024];
	int		 same;

	same = (id == NULL || strcmp(id, o->challenge) == 0) &&
	    (!dflag || day == o->start);
	day_fmt(o->start, d);
	if (same)
		snprintf(next, sizeof(next), "nothing was changed");
	else
		snprintf(next, sizeof(next), "to start %s%s instead, run '%s abandon' "
		    "first", id ? id : o->challenge, dflag ? " on another day" : "",
		    ctx->prog);
	if (same && run_emit(ctx, o->id, o->challenge, o->start, o->days) == 0)
		return 0;
	both = strcmp(w, "you") == 0 ? "the two of you are" : "you are";
	if (o->day < 1)
		snprintf(msg, sizeof(msg), "%s set %s to start on %s, and %s in it "
		    "already; from that day, %s today shows the day's task; %s", w,
		    o->challenge, d, both, ctx->prog, next);
	else if (o->day > o->days) {
		em_date_fmt(o->start + o->days - 1, end);
		snprintf(msg, sizeof(msg), "%s started %s on %s, and %s in it; its "
		    "last day was %s; %s", w, o->challenge, d, both, end, next);
	} else
		snprintf(msg, sizeof(msg), "%s started %s on %s, and %s in it "
		    "already: today is day %ld of %ld, and %s today shows your "
		    "task; %s", w, o->challenge, d, both, o->day, o->days,
		    ctx->prog, next);
	/* the same run asked for again is no error: said as output */
	if (!same)
		return em_fail(ctx, EM_EX_DATAERR, "%s", msg);
	em_put_wrapped(msg, WIDTH + 2, 0, 0);
	return 0;
}

static int
c_start(struct em_ctx *ctx, int argc, char **argv)
{
	/* --date: the day, and that one was given */
	struct start_args {
		long	 day;
		int	 dflag;
	} a = { em_date_today(), 0 };
	static const struct em_opt opts[] = {
		EM_OPTION("date", 0, EM_OPT_DATE, start_args, day),
		EM_OPTION("date", 0, EM_OPT_FLAG, start_args, dflag),
		{ NULL }
	};
	const struct em_content *c;
	const struct em_doc *d;
	struct run	 o;
	const char	*me, *id = NULL, *asked = NULL;
	char		 start[11], rid[EM_ID_LEN + 1], when[32], n[24];
	long		 day, gen;
	int		 ex, dflag;

	if ((ex = em_opts(ctx, argc, argv, opts, &a)) != 0)
		return ex;
	day = a.day;
	dflag = a.dflag;
	if ((ex = em_maybe_arg(ctx, argc, argv, &asked)) != 0 ||
	    (ex = em_ctx_content(ctx, KINDS, &c)) != 0 ||
	    (ex = em_ctx_user(ctx, &me)) != 0)
		return ex;
	if (asked != NULL)
		id = asked;
	else if ((d = em_content_find(c, EM_K_CHALLENGE, "one-week")) != NULL ||
	    (d = em_content_nth(c, EM_K_CHALLENGE, 0)) != NULL)
		id = d->id;
	if (id == NULL || (d = em_content_find(c, EM_K_CHALLENGE, id)) == NULL)
		return em_err(ctx, EM_EX_NOINPUT, "no challenge '%s'; see %s list",
		    id ? id : "", ctx->prog);
	em_date_fmt(day, start);
	if ((ex = em_db_open(ctx, EM_DB_WRITE)) != 0 || (ex = em_db_begin(ctx)) != 0)
		return ex;
	/* One at a time: a run not abandoned whose last day is not yet past. */
	if ((ex = find_run(ctx, day, RUN_OPEN, &o)) != EM_EX_NO) {
		em_db_rollback(ctx);
		if (ex != 0)
			return ex;
		o.day = em_date_today() - o.start + 1;
		ex = already(ctx, &o, me, asked, dflag, day);
		run_free(&o);
		return ex;
	}
	/*
	 * The couple's n-th run of a challenge has one id on every machine:
	 * two laptops starting it make one run when they sync.
	 */
	if ((ex = em_sql_long(ctx, "reading challenges", &gen, "SELECT count(*) "
	    "FROM run WHERE challenge = ?1", "s", d->id)) != 0)
		goto fail;
	snprintf(n, sizeof(n), "%ld", gen);
	em_id_derive(rid, "run", d->id, n, (const char *)NULL);
	if ((ex = em_sql_run(ctx, "starting the challenge", "INSERT INTO run (id, "
	    "challenge, start, days, user, created, updated) VALUES (?1, ?2, ?3, "
	    "?4, ?5, " NOW ", " NOW ")", "sssls", rid, d->id, start,
	    (long)d->ndays, me)) != 0)
		goto fail;
	if ((ex = em_db_commit(ctx)) != 0)
		return ex;
	if (run_emit(ctx, rid, d->id, day, (long)d->ndays) == 0)
		return 0;
	if (day > em_date_today()) {
		day_fmt(day, when);
		printf("%s starts on %s: %zu days; from then, see the day's task "
		    "with: %s today\n", d->id, when, d->ndays, ctx->prog);
	} else
		printf("started %s on %s: %zu days; see today's task with: %s today\n",
		    d->id, start, d->ndays, ctx->prog);
	return 0;
fail:
	em_db_rollback(ctx);
	return ex;
}

/* A run abandon stopped (state abandoned) or --undo resumed (running). */
static const struct em_col abandon_cols[] = { { "id", EM_STR },
    { "challenge", EM_STR }, { "state", EM_STR }, { NULL, 0 } };

/*
 * abandon --undo: the challenge abandoned last runs again, on its own
 * dates, unless another is running now. Either partner may.
 */
static int
resume(struct em_ctx *ctx)
{
	struct run	 r;
	const char	*me;
	char		*id = NULL, *name = NULL;
	int		 ex;

	if ((ex = em_ctx_user(ctx, &me)) != 0 ||
	    (ex = em_db_open(ctx, EM_DB_WRITE)) != 0)
		return ex;
	if ((ex = find_run(ctx, em_date_today(), RUN_OPEN, &r)) == 0) {
		ex = em_err(ctx, EM_EX_DATAERR, "%s is running; abandon it first to "
		    "resume another", r.challenge);
		run_free(&r);
		return ex;
	} else if (ex != EM_EX_NO)
		return ex;
	if ((ex = em_db_begin_change(ctx)) != 0)
		return ex;
	if ((ex = em_sql_one(ctx, "reading challenges", &id, "SELECT id FROM run "
	    "WHERE abandoned IS NOT NULL ORDER BY abandoned DESC, id LIMIT 1", "")) != 0 ||
	    (id != NULL && (ex = em_sql_one(ctx, "reading challenges", &name,
	    "SELECT challenge FROM run WHERE id = ?1", "s", id)) != 0))
		goto fail;
	if (id == NULL) {
		ex = em_err(ctx, EM_EX_NOINPUT, "no challenge was abandoned");
		goto fail;
	}
	if ((ex = em_sql_run(ctx, "resuming", "UPDATE run SET abandoned = NULL, "
	    "updated = " NOW " WHERE id = ?1", "s", id)) != 0 ||
	    (ex = em_db_commit(ctx)) != 0)
		goto fail;
	em_emit_head(ctx, abandon_cols);
	if (em_emit(ctx, abandon_cols, (struct em_val[]){ EM_S(id), EM_S(name),
	    EM_W("running") }) != 0) {
		fputs("resumed ", stdout);
		em_put_text(stdout, name);
		puts(" (abandon it again with: empathy-challenge abandon)");
	}
	goto out;
fail:
	em_db_rollback(ctx);
out:
	free(id);
	free(name);
	return ex;
}

static int
c_abandon(struct em_ctx *ctx, int argc, char **argv)
{
	/* --undo ends the options: anything after it is an operand, refused */
	struct abandon_args {
		int	 undo, yflag;
	} a = { 0, 0 };
	static const struct em_opt opts[] = {
		EM_OPTION("undo", 0, EM_OPT_STOP, abandon_args, undo),
		EM_OPTION("yes", 'y', EM_OPT_FLAG, abandon_args, yflag),
		{ NULL }
	};
	struct run	 r;
	const char	*me;
	char		 q[512], d[32];
	int		 ex, yflag;

	if ((ex = em_opts(ctx, argc, argv, opts, &a)) != 0 ||
	    (ex = em_no_args(ctx, argc, argv)) != 0)
		return ex;
	if (a.undo)
		return resume(ctx);
	yflag = a.yflag;
	if (!yflag && !em_isatty_in())
		return em_fail(ctx, EM_EX_USAGE, "abandon asks first on a terminal; "
		    "to abandon from a script, give --yes");
	if ((ex = em_ctx_user(ctx, &me)) != 0 ||
	    (ex = em_db_open(ctx, EM_DB_WRITE)) != 0)
		return ex;
	if ((ex = find_run(ctx, em_date_today(), RUN_OPEN, &r)) != 0)
		return ex == EM_EX_NO ? em_err(ctx, EM_EX_NOINPUT, "no challenge is "
		    "running") : ex;
	if (!yflag) {
		day_fmt(r.start, d);
		r.day = em_date_today() - r.start + 1;
		if (r.day < 1)
			snprintf(q, sizeof(q), "Abandon %s, set by %s to start on %s? "
			    "Its notes are kept.", r.challenge, who(me, r.user), d);
		else
			snprintf(q, sizeof(q), "Abandon %s, started by %s on %s, now "
			    "on day %ld of %ld? Its notes are kept.", r.challenge,
			    who(me, r.user), d, r.day, r.days);
		em_fput_wrapped(stderr, q, WIDTH, 0, 0);
		if (em_ask_yes("Abandon it?") != 0) {
			run_free(&r);
			em_note(ctx, "cancelled; nothing was changed");
			return EM_EX_NO;
		}
	}
	if ((ex = em_db_begin(ctx)) != 0) {
		run_free(&r);
		return ex;
	}
	/* The one asked about, unless the partner abandoned it meanwhile. */
	if ((ex = em_sql_run(ctx, "abandoning", "UPDATE run SET abandoned = " NOW
	    ", updated = " NOW " WHERE id = ?1 AND abandoned IS NULL", "s",
	    r.id)) != 0) {
		em_db_rollback(ctx);
		run_free(&r);
		return ex;
	}
	if (sqlite3_changes(ctx->db) == 0) {
		em_db_rollback(ctx);
		run_free(&r);
		return em_err(ctx, EM_EX_NOINPUT, "no challenge is running");
	}
	if ((ex = em_db_commit(ctx)) == 0) {
		em_emit_head(ctx, abandon_cols);
		if (em_emit(ctx, abandon_cols, (struct em_val[]){ EM_S(r.id),
		    EM_S(r.challenge), EM_W("abandoned") }) != 0) {
			fputs("abandoned ", stdout);
			em_put_text(stdout, r.challenge);
			putchar('\n');
		}
	}
	run_free(&r);
	return ex;
}

/*
 * Whether a partner has done a day: *when is its date (the caller frees it),
 * or NULL. On failure *when is NULL.
 */
static int
done_on(struct em_ctx *ctx, const char *run, const char *user, long day,
    char **when)
{
	return em_sql_one(ctx, "reading challenges", when, "SELECT date FROM "
	    "live_run_day WHERE run = ?1 AND user = ?2 AND day = ?3", "ssl", run, user,
	    day);
}

/*
 * The run whose day is today's (date): one that is over gives way to one set
 * to start later. Said on stderr unless quiet: nothing runs, it starts
 * later, it is over, or the content no longer has the day (all status 1).
 * On any status but 0, r owns nothing.
 */
static int
today_run(struct em_ctx *ctx, long date, int quiet, struct run *r)
{
	char	 end[11];
	int	 ex;

	if ((ex = find_run(ctx, date, RUN_NOW, r)) != 0)
		return ex == EM_EX_NO ? no_run(ctx, quiet, date) : ex;
	if (r->day > r->days) {
		/* Over: the next one, set to start later, says more. */
		run_free(r);
		if ((ex = find_run(ctx, date, RUN_LATER, r)) == 0) {
			if (!quiet)
				starts_on(ctx, r);
			run_free(r);
			return EM_EX_NO;
		}
		if (ex != EM_EX_NO)
			return ex;
		if ((ex = find_run(ctx, date, RUN_NOW, r)) != 0)
			return ex == EM_EX_NO ? no_run(ctx, quiet, date) : ex;
	}
	if (r->day <= r->days && r->doc != NULL && (size_t)r->day <= r->doc->ndays)
		return 0;
	em_date_fmt(r->start + r->days - 1, end);
	if (quiet)
		;
	else if (r->day > r->days)
		em_note(ctx, "%s ended on %s; see %s review, or start another",
		    r->challenge, end, ctx->prog);
	else if (r->doc == NULL)
		em_note(ctx, "%s, day %ld of %ld, is no longer in the content; see "
		    "%s list", r->challenge, r->day, r->days, ctx->prog);
	else
		em_note(ctx, "%s has only %zu days in the content now, and this is "
		    "day %ld of %ld", r->challenge, r->doc->ndays, r->day, r->days);
	run_free(r);
	return EM_EX_NO;
}

/* A day's heading in bold: head ("Day 2: "), then its title cut to fit. */
static void
day_head(struct em_ctx *ctx, const char *head, const char *title)
{
	printf("%s%s", em_color(ctx, "\033[1m"), head);
	em_put_name(stdout, title, WIDTH + 2 - strlen(head));
	printf("%s\n", em_color(ctx, "\033[0m"));
}

/* today in text: the day's task, whether you did it, and its exercise. */
static void
today_text(struct em_ctx *ctx, const struct run *r, const struct em_day *dd,
    const char *when, const struct em_doc *e)
{
	char	 head[64];

	snprintf(head, sizeof(head), "Day %ld of %ld: ", r->day, r->days);
	day_head(ctx, head, dd->title);
	em_put_wrapped(dd->task, WIDTH, 2, 0);
	if (when != NULL)
		printf("  (you did this on %s)\n", when);
	if (e != NULL) {
		putchar('\n');
		put_exercise(ctx, e, 2);
	}
}

/*
 * The day's task in today: exercise is null where it names none, done the
 * day you marked it done (null while you have not); the exercise's title,
 * minutes, description and steps are null where there is no exercise.
 */
static const struct em_col today_cols[] = { { "challenge", EM_STR },
    { "day", EM_INT }, { "days", EM_INT }, { "title", EM_STR },
    { "task", EM_STR }, { "exercise", EM_STR }, { "done", EM_STR },
    { "exercise_title", EM_STR }, { "minutes", EM_INT },
    { "exercise_description", EM_STR }, { "steps", EM_LIST },
    { NULL, 0 } };

/* today as a record: 0, or 1 in text. */
static int
today_emit(struct em_ctx *ctx, const struct run *r, const struct em_day *dd,
    const char *when, const struct em_doc *e)
{
	const char	**steps = e != NULL ? em_strv_list(e->strv, e->nstr) : NULL;
	int		 ex;

	em_emit_head(ctx, today_cols);
	ex = em_emit(ctx, today_cols, (struct em_val[]){ EM_S(r->challenge),
	    EM_N(r->day), EM_N(r->days), EM_S(dd->title), EM_S(dd->task),
	    EM_S(dd->exercise), EM_S(when), EM_S(e != NULL ? e->title : NULL),
	    e != NULL ? EM_N(e->minutes) : EM_NIL,
	    EM_S(e != NULL ? e->description : NULL),
	    steps != NULL ? EM_L(steps) : EM_NIL });
	free(steps);
	return ex;
}

static int
c_today(struct em_ctx *ctx, int argc, char **argv)
{
	struct today_args {
		long	 date;
		int	 qflag;
	} a = { em_date_today(), 0 };
	static const struct em_opt opts[] = {
		EM_OPTION(NULL, 'q', EM_OPT_FLAG, today_args, qflag),
		EM_OPTION("date", 0, EM_OPT_DATE, today_args, date),
		{ NULL }
	};
	const struct em_content *c;
	const struct em_doc *e = NULL;
	const struct em_day *dd;
	struct run	 r;
	const char	*me;
	char		*when = NULL;
	long		 date;
	int		 ex, qflag;

	if ((ex = em_opts(ctx, argc, argv, opts, &a)) != 0 ||
	    (ex = em_no_args(ctx, argc, argv)) != 0)
		return ex;
	date = a.date;
	qflag = a.qflag;
	if ((ex = em_ctx_user(ctx, &me)) != 0 ||
	    (ex = em_db_open(ctx, EM_DB_READ)) != 0)
		return ex;
	if ((ex = today_run(ctx, date, qflag, &r)) != 0) {
		if (ex == EM_EX_NO && !qflag)
			em_emit_head(ctx, today_cols);	/* found nothing */
		return ex;
	}
	dd = &r.doc->days[r.day - 1];
	if (qflag || (ex = done_on(ctx, r.id, me, r.day, &when)) != 0) {
		run_free(&r);
		return ex;
	}
	if (em_ctx_content(ctx, KINDS, &c) == 0 && dd->exercise != NULL)
		e = em_content_find(c, EM_K_EXERCISE, dd->exercise);
	if (today_emit(ctx, &r, dd, when, e) != 0)
		today_text(ctx, &r, dd, when, e);
	free(when);
	run_free(&r);
	return 0;
}

/* A day's state for one partner: done, late, missed, open (today) or to come. */
static const char *
state(const struct run *r, long day, const char *when)
{
	long	 d;

	/* Done after the date looked at is not done yet, as of then. */
	if (when != NULL && em_date_parse(when, &d) == 0 &&
	    d <= r->start + r->day - 1)
		return d > r->start + day - 1 ? "late" : "done";
	if (day < r->day)
		return "missed";
	return day == r->day ? "open" : "to come";
}

static int
is_done(const char *state)
{
	return strcmp(state, "done") == 0 || strcmp(state, "late") == 0;
}

/*
 * The options of done and undone: --date (a day that has come), --day, and
 * with notep, done's --note.
 */
struct day_args {
	const char	*note;
	long		 today, day;
};

static int
day_opts(struct em_ctx *ctx, int argc, char **argv, long *today, long *day,
    const char **notep)
{
	/* --note first: without notep, the table after it */
	static const struct em_opt opts[] = {
		EM_OPTION("note", 0, EM_OPT_STR, day_args, note),
		EM_OPTION("date", 0, EM_OPT_PAST, day_args, today),
		EM_OPTION("day", 0, EM_OPT_COUNT, day_args, day),
		{ NULL }
	};
	struct day_args	 a = { NULL, em_date_today(), 0 };
	int		 ex;

	if ((ex = em_opts(ctx, argc, argv, notep ? opts : opts + 1, &a)) != 0)
		return ex;
	*today = a.today;
	*day = a.day;
	if (notep != NULL)
		*notep = a.note;
	return em_no_args(ctx, argc, argv);
}

/*
 * The day done marks: --day (*day), else today's. Once the run is over it
 * takes --day; a day past the run's last, or not come yet, is a usage error.
 */
static int
done_day(struct em_ctx *ctx, const struct run *r, long *day)
{
	char	 date[11];

	if (*day == 0 && r->day > r->days) {
		em_date_fmt(r->start + r->days - 1, date);
		return em_fail(ctx, EM_EX_USAGE, "%s ended on %s; to catch up on a "
		    "day, use --day N (1 to %ld)", r->challenge, date, r->days);
	}
	if (*day == 0)
		*day = r->day;
	if (*day > r->days)
		return em_fail(ctx, EM_EX_USAGE, "%s has %ld days", r->challenge,
		    r->days);
	if (*day > r->day)
		return em_fail(ctx, EM_EX_USAGE, "day %ld has not come yet (today is "
		    "day %ld)", *day, r->day);
	return 0;
}

/*
 * The note done keeps: --note TEXT; --note - for stdin or the editor; else
 * piped stdin. *note is NULL for none, and on failure.
 */
static int
done_note(struct em_ctx *ctx, const char *noteopt, long day, char **note)
{
	char	 tmpl[256];
	size_t	 len;
	int	 ex = 0;

	*note = NULL;
	if (noteopt != NULL && strcmp(noteopt, "-") != 0)
		*note = em_strdup(noteopt);
	else if (em_isatty_in() && noteopt != NULL) {
		snprintf(tmpl, sizeof(tmpl), "\n# A note on day %ld: how it went, what "
		    "you noticed.\n# Lines that start with # are left out.\n", day);
		if ((ex = em_editor_text(ctx, "note", tmpl, note)) == EM_EX_NO)
			ex = 0;		/* an empty note is no note */
	} else if (!em_isatty_in()) {
		if ((ex = em_read_all(ctx, stdin, "the note", EM_TEXT_MAX + 1, note,
		    &len)) == 0)
			ex = em_text_bytes(ctx, "the note", *note, len);
	}
	if (ex == 0 && *note != NULL) {
		em_text_trim(*note);
		if (**note == '\0')
			ex = EM_EX_NO;	/* nothing but space: no note */
		else
			ex = em_text_check(ctx, "the note", *note, strlen(*note));
	}
	if (ex != 0) {
		free(*note);
		*note = NULL;
	}
	return ex == EM_EX_NO ? 0 : ex;
}

/* Mark day of r done on date, with note (or keep the note it has). */
static int
done_store(struct em_ctx *ctx, const struct run *r, const char *me, long day,
    const char *date, const char *note)
{
	char	 id[EM_ID_LEN + 1], n[24];
	int	 ex;

	/* A person's day of a run has one id on every machine. */
	snprintf(n, sizeof(n), "%ld", day);
	em_id_derive(id, "run_day", r->id, me, n, (const char *)NULL);
	if ((ex = em_db_begin(ctx)) != 0)
		return ex;
	if ((ex = em_sql_run(ctx, "saving the day", "INSERT INTO run_day (id, run, "
	    "user, day, date, note, created, updated) VALUES (?1, ?2, ?3, ?4, ?5, "
	    "?6, " NOW ", " NOW ") ON CONFLICT (run, user, day) DO UPDATE SET "
	    "note = coalesce(?6, note), date = CASE WHEN removed IS NULL THEN date "
	    "ELSE ?5 END, removed = NULL, updated = " NOW " WHERE ?6 IS NOT NULL "
	    "OR removed IS NOT NULL",
	    "ssslss", id, r->id, me, day, date, note)) != 0) {
		em_db_rollback(ctx);
		return ex;
	}
	return em_db_commit(ctx);
}

/* A day done: date is when it was first done, state done or late. */
static const struct em_col done_cols[] = { { "challenge", EM_STR },
    { "day", EM_INT }, { "date", EM_STR }, { "state", EM_STR }, { NULL, 0 } };

static int
c_done(struct em_ctx *ctx, int argc, char **argv)
{
	struct run	 r;
	const char	*me, *noteopt = NULL, *s;
	char		*note = NULL, *first = NULL, date[11];
	long		 today, day;
	int		 ex;

	if ((ex = day_opts(ctx, argc, argv, &today, &day, &noteopt)) != 0)
		return ex;
	if ((ex = em_ctx_user(ctx, &me)) != 0 || (ex = em_db_open(ctx, EM_DB_WRITE)) != 0)
		return ex;
	if ((ex = find_run(ctx, today, RUN_NOW, &r)) != 0)
		return ex == EM_EX_NO ? no_run(ctx, 0, today) : ex;
	if ((ex = done_day(ctx, &r, &day)) != 0 ||
	    (ex = done_note(ctx, noteopt, day, &note)) != 0)
		goto out;
	em_date_fmt(today, date);
	if ((ex = done_store(ctx, &r, me, day, date, note)) != 0)
		goto out;
	if (done_on(ctx, r.id, me, day, &first) == 0 && first != NULL)
		snprintf(date, sizeof(date), "%s", first);	/* when it was first done */
	s = state(&r, day, date);
	em_emit_head(ctx, done_cols);
	if (em_emit(ctx, done_cols, (struct em_val[]){ EM_S(r.challenge), EM_N(day),
	    EM_S(date), EM_S(s) }) != 0) {
		printf("day %ld of ", day);
		em_put_text(stdout, r.challenge);
		printf(" done%s\n", strcmp(s, "late") == 0 ?
		    " (late, and that is fine)" : "");
	}
out:
	free(first);
	free(note);
	run_free(&r);
	return ex;
}

/*
 * undone's record: em_rec_emit's (id, type, state, date, already), then the
 * day and the challenge the text names.
 */
static int
undone_emit(struct em_ctx *ctx, const char *id, const struct run *r, long day,
    int already)
{
	static const struct em_col more[] = { { "day", EM_INT },
	    { "challenge", EM_STR }, { NULL, 0 } };

	return em_rec_emit(ctx, "run_day", id, NULL, 1, already, more,
	    (struct em_val[]){ EM_N(day), EM_S(r->challenge) });
}

/*
 * undone: a day you marked done is no longer; its note is kept, and done
 * marks it again.
 */
static int
c_undone(struct em_ctx *ctx, int argc, char **argv)
{
	struct run	 r;
	const char	*me;
	char		*id = NULL;
	long		 today, day;
	int		 ex, already;

	memset(&r, 0, sizeof(r));
	if ((ex = day_opts(ctx, argc, argv, &today, &day, NULL)) != 0)
		return ex;
	if ((ex = em_ctx_user(ctx, &me)) != 0 || (ex = em_db_open(ctx, EM_DB_WRITE)) != 0)
		return ex;
	if ((ex = find_run(ctx, today, RUN_NOW, &r)) != 0)
		return ex == EM_EX_NO ? no_run(ctx, 0, today) : ex;
	if (day == 0)
		day = r.day > r.days ? r.days : r.day;
	if ((ex = em_sql_one(ctx, "reading challenges", &id, "SELECT id FROM "
	    "live_run_day WHERE run = ?1 AND user = ?2 AND day = ?3", "ssl", r.id, me,
	    day)) != 0)
		goto out;
	if (id == NULL) {
		ex = em_err(ctx, EM_EX_NOINPUT, "you have not marked day %ld of %s "
		    "done", day, r.challenge);
		goto out;
	}
	if ((ex = em_rec_remove(ctx, "run_day", id, 1, &already)) != 0)
		goto out;
	if (undone_emit(ctx, id, &r, day, already) != 0) {
		printf("day %ld of ", day);
		em_put_text(stdout, r.challenge);
		printf(" is no longer marked done (mark it again with: "
		    "empathy-challenge done --day %ld, or empathy undo)\n", day);
	}
out:
	free(id);
	run_free(&r);
	return ex;
}

/*
 * Partners taking part: whoever started the run or did a day, and you. On
 * failure *v is NULL and *n 0.
 */
static int
partners(struct em_ctx *ctx, const struct run *r, const char *me, char ***v,
    size_t *n)
{
	sqlite3_stmt	*st;
	char		**u = NULL;
	size_t		  nu = 0;
	int		  ex, rc;

	*v = NULL;
	*n = 0;
	if ((ex = em_sql_prep(ctx, &st, "SELECT u FROM (SELECT ?2 AS u UNION "
	    "SELECT user FROM run WHERE id = ?1 UNION SELECT user FROM live_run_day "
	    "WHERE run = ?1) ORDER BY u <> ?2, u", "ss", r->id, me)) != 0)
		return ex;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		u = em_xreallocarray(u, nu + 1, sizeof(*u));
		u[nu++] = em_strdup((const char *)sqlite3_column_text(st, 0));
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		em_strv_free(u, nu);
		return em_db_err(ctx, rc, "reading challenges");
	}
	*v = u;
	*n = nu;
	return 0;
}

/*
 * What status and review share: the options, the acting partner, the run
 * and who takes part. With later, a run set to start after the date is
 * shown rather than one that is over. Status 0 with r->id NULL when there
 * is nothing more to do (--help); on any other status r, *users and
 * *nusers are left empty.
 */
static int
setup(struct em_ctx *ctx, int argc, char **argv, int later, struct run *r,
    const char **me, char ***users, size_t *nusers)
{
	struct run	 s;
	long		 date;
	int		 ex;

	memset(r, 0, sizeof(*r));
	*users = NULL;
	*nusers = 0;
	if ((ex = date_opt(ctx, argc, argv, &date)) != 0)
		return ex;
	if ((ex = em_no_args(ctx, argc, argv)) != 0)
		return ex;
	if ((ex = em_ctx_user(ctx, me)) != 0 || (ex = em_db_open(ctx, EM_DB_READ)) != 0)
		return ex;
	if ((ex = find_run(ctx, date, RUN_NOW, r)) != 0 && ex != EM_EX_NO)
		return ex;
	if (later && (ex == EM_EX_NO || r->day > r->days)) {
		if ((ex = find_run(ctx, date, RUN_LATER, &s)) == 0) {
			run_free(r);
			*r = s;
			s.day = 0;
		} else if (ex != EM_EX_NO) {
			run_free(r);
			return ex;
		} else if (r->id != NULL)
			ex = 0;
	}
	if (ex == EM_EX_NO)
		return no_run(ctx, 0, date);
	if ((ex = partners(ctx, r, *me, users, nusers)) != 0)
		run_free(r);
	return ex;
}

static const char *
day_title(const struct run *r, long day)
{
	return r->doc != NULL && (size_t)day <= r->doc->ndays ?
	    r->doc->days[day - 1].title : "";
}

/* A cell of the grid: cut to w columns; padded unless it is the last. */
static void
cell(const char *s, size_t w, int last)
{
	if (last && em_text_width(s) < w)
		w = em_text_width(s);
	em_put_cell(stdout, s, w, 0);
}

#define COLW	10	/* a partner's column in the status grid */

/*
 * A partner's day as of the run's date: its state, and *when it was done
 * (NULL unless it counts as done by then; the caller frees it); with note,
 * *note is its note as of then (else NULL).
 */
static int
day_state(struct em_ctx *ctx, const struct run *r, const char *user, long day,
    const char **s, char **when, char **note)
{
	int	 ex;

	if (note != NULL)
		*note = NULL;
	if ((ex = done_on(ctx, r->id, user, day, when)) != 0)
		return ex;
	*s = state(r, day, *when);
	if (*when != NULL && !is_done(*s)) {
		free(*when);	/* done only after the date looked at */
		*when = NULL;
	}
	if (note == NULL || *when == NULL)
		return 0;
	if ((ex = em_sql_one(ctx, "reading challenges", note, "SELECT note FROM "
	    "live_run_day WHERE run = ?1 AND user = ?2 AND day = ?3", "ssl", r->id,
	    user, day)) != 0) {
		free(*when);
		*when = NULL;
	}
	return ex;
}

/*
 * status in text: the title, where the run is, and the grid's head; titlew
 * is the width of the titles, grid 0 for a list instead of a grid.
 */
static void
status_head(struct em_ctx *ctx, const struct run *r, char **users,
    size_t nusers, size_t titlew, int grid)
{
	const char	*title = r->doc ? r->doc->title : r->challenge;
	char		 rest[64], d[32];
	size_t		 u, w;

	if (r->day < 1) {
		day_fmt(r->start, d);
		snprintf(rest, sizeof(rest), " starts on %s: %ld days", d, r->days);
	} else {
		em_date_fmt(r->start, d);
		snprintf(rest, sizeof(rest), ", started %s: ", d);
		if (r->day > r->days)
			strcat(rest, "over");
		else
			snprintf(rest + strlen(rest), sizeof(rest) - strlen(rest),
			    "day %ld of %ld", r->day, r->days);
	}
	w = em_text_width(title);
	if (w + strlen(rest) > WIDTH + 2)
		w = WIDTH + 2 - strlen(rest);
	printf("%s", em_color(ctx, "\033[1m"));
	em_put_cell(stdout, title, w, 0);
	printf("%s%s\n\n", em_color(ctx, "\033[0m"), rest);
	if (!grid)
		return;
	printf("%*s", (int)(5 + titlew), "");
	for (u = 0; u < nusers; u++) {
		putchar(' ');
		cell(users[u], COLW, u + 1 == nusers);
	}
	putchar('\n');
}

/* A partner's day in status as text: a cell of the grid, or a line. */
/* How status text lays out: a grid, or a list when the partners are many. */
struct layout {
	size_t	 titlew;
	size_t	 nusers;
	int	 grid;
};

/*
 * A partner's day in status text, the u-th of the day's cells: the first
 * begins the day's row (its number and title), the last ends it.
 */
static void
status_cell(const struct run *r, const struct layout *l, long day, size_t u,
    const char *user, const char *s)
{
	if (u == 0) {
		printf("%3ld  ", day);
		cell(day_title(r, day), l->titlew, !l->grid);
		if (!l->grid)
			putchar('\n');
	}
	if (l->grid) {
		putchar(' ');
		cell(s, COLW, u + 1 == l->nusers);
		if (u + 1 == l->nusers)
			putchar('\n');
		return;
	}
	printf("       ");
	em_put_name(stdout, user, 40);
	printf(": %s\n", s);
}

/*
 * A partner's day in status: date is when it was done, null while it is
 * not (as of the date looked at); then the run's challenge and first day.
 */
static const struct em_col status_cols[] = { { "day", EM_INT },
    { "title", EM_STR }, { "user", EM_STR }, { "state", EM_STR },
    { "date", EM_STR }, { "challenge", EM_STR }, { "start", EM_STR },
    { NULL, 0 } };

static int
c_status(struct em_ctx *ctx, int argc, char **argv)
{
	struct run	 r;
	const char	*me, *s;
	char		**users = NULL, *when;
	size_t		 nusers = 0, u;
	struct layout	 l = { 29, 0, 1 };
	char		 start[11];
	long		 day;
	int		 ex = 0;

	if ((ex = setup(ctx, argc, argv, 1, &r, &me, &users, &nusers)) != 0 ||
	    r.id == NULL) {
		if (ex == EM_EX_NO)
			em_emit_head(ctx, status_cols);	/* found nothing */
		return ex;
	}
	/* Narrow the titles for more partners; past that, a list instead. */
	l.nusers = nusers;
	if (5 + l.titlew + nusers * (COLW + 1) > WIDTH + 2) {
		if (nusers * (COLW + 1) <= WIDTH + 2 - 5 - 12)
			l.titlew = WIDTH + 2 - 5 - nusers * (COLW + 1);
		else
			l.grid = 0;
	}
	em_date_fmt(r.start, start);
	if (em_emit_head(ctx, status_cols))
		status_head(ctx, &r, users, nusers, l.titlew, l.grid);
	for (day = 1; day <= r.days; day++)
		for (u = 0; u < nusers; u++) {
			if ((ex = day_state(ctx, &r, users[u], day, &s, &when,
			    NULL)) != 0)
				goto out;
			if (em_emit(ctx, status_cols, (struct em_val[]){ EM_N(day),
			    EM_S(day_title(&r, day)), EM_S(users[u]), EM_S(s),
			    EM_S(when), EM_S(r.challenge), EM_S(start) }) != 0)
				status_cell(&r, &l, day, u, users[u], s);
			free(when);
		}
out:
	em_strv_free(users, nusers);
	run_free(&r);
	return ex;
}

/* A partner's day in review: as in status, with its note before the run. */
static const struct em_col review_cols[] = { { "day", EM_INT },
    { "title", EM_STR }, { "user", EM_STR }, { "state", EM_STR },
    { "date", EM_STR }, { "note", EM_STR }, { "challenge", EM_STR },
    { "start", EM_STR }, { NULL, 0 } };

/* review in text: what each partner has left to do, missed days marked. */
static void
review_left(char **users, size_t nusers, char left[][512])
{
	char	 line[4352];
	size_t	 u;

	for (u = 0; u < nusers && u < 8; u++) {
		snprintf(line, sizeof(line), "%s: %s%s", users[u], *left[u] ?
		    "day " : "nothing, every day is done", left[u]);
		printf("%s  ", u == 0 ? "\nLeft to do:\n" : "");
		em_put_wrapped(line, WIDTH, 4, 1);
	}
}

/* review in text: the heading of a day, before its first partner's. */
static void
review_day(struct em_ctx *ctx, long day, const char *title)
{
	char	 head[32];

	snprintf(head, sizeof(head), "Day %ld: ", day);
	day_head(ctx, head, title);
}

/* review in text: a partner's day, with its note. */
static void
review_text(const char *user, const char *s, const char *when,
    const char *note)
{
	char	 line[4352];

	snprintf(line, sizeof(line), "%s: %s%s%s", user, s, when ? " " : "",
	    when ? when : "");
	printf("  ");
	em_put_wrapped(line, WIDTH, 4, 1);
	if (note != NULL)
		em_put_wrapped(note, WIDTH, 4, 0);
}

static int
c_review(struct em_ctx *ctx, int argc, char **argv)
{
	struct run	 r;
	const char	*me, *s, *title;
	char		**users = NULL, *when, *note, left[8][512], start[11];
	size_t		 nusers = 0, u;
	long		 day;
	int		 ex;

	memset(left, 0, sizeof(left));
	if ((ex = setup(ctx, argc, argv, 0, &r, &me, &users, &nusers)) != 0 ||
	    r.id == NULL) {
		if (ex == EM_EX_NO)
			em_emit_head(ctx, review_cols);	/* found nothing */
		return ex;
	}
	em_date_fmt(r.start, start);
	em_emit_head(ctx, review_cols);
	for (day = 1; day <= r.days && ex == 0; day++) {
		title = day_title(&r, day);
		for (u = 0; u < nusers && ex == 0; u++) {
			if ((ex = day_state(ctx, &r, users[u], day, &s, &when,
			    &note)) != 0)
				break;
			if (when == NULL && u < 8 && strlen(left[u]) < 400)
				snprintf(left[u] + strlen(left[u]), sizeof(left[u]) -
				    strlen(left[u]), "%s%ld%s", *left[u] ? ", " : "",
				    day, day < r.day ? " (missed)" : "");
			if (em_emit(ctx, review_cols, (struct em_val[]){ EM_N(day),
			    EM_S(title), EM_S(users[u]), EM_S(s), EM_S(when),
			    EM_S(note), EM_S(r.challenge), EM_S(start) }) != 0) {
				if (u == 0)
					review_day(ctx, day, title);
				review_text(users[u], s, when, note);
				/* after the last row, what is left to do */
				if (day == r.days && u + 1 == nusers)
					review_left(users, nusers, left);
			}
			free(when);
			free(note);
		}
	}
	em_strv_free(users, nusers);
	run_free(&r);
	return ex;
}

/* The timer ------------------------------------------------------------- */

static volatile sig_atomic_t stop;

static void
on_signal(int sig)
{
	stop = sig;
}

static double
now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

/* Redraw the bar for one phase in place until it ends or we are stopped. */
static void
run_phase(double secs, int tty, int cols)
{
	double	 t0 = now(), el;
	int	 w = cols - 22, fill, i, left;
	struct timespec tick = { 0, 200 * 1000 * 1000 };

	if (w < 10)
		w = 10;
	while (!stop && (el = now() - t0) < secs) {
		if (tty) {
			fill = (int)(w * el / secs);
			left = (int)(secs - el + 0.999);
			printf("\r  [");
			for (i = 0; i < w; i++)
				putchar(i < fill ? '#' : '.');
			printf("] %2d:%02d ", left / 60, left % 60);
			fflush(stdout);
		}
		if (secs - el < 0.2)
			tick.tv_nsec = (long)((secs - el) * 1e9);
		nanosleep(&tick, NULL);
	}
	if (tty) {
		printf("\r\033[K");
		fflush(stdout);
	}
}

static int
c_timer(struct em_ctx *ctx, int argc, char **argv)
{
	/* --rounds, into rounds itself */
	static const struct em_opt opts[] = {
		{ .name = "rounds", .type = EM_OPT_COUNT, .val = 100 }, { NULL } };
	struct sigaction sa, oint, oterm;
	struct winsize	 ws;
	double		 minutes = 5, secs;
	long		 rounds = 2, r;
	const char	*arg;
	char		*end;
	int		 ex, tty = isatty(STDOUT_FILENO), cols = 80;

	if ((ex = em_opts(ctx, argc, argv, opts, &rounds)) != 0 ||
	    (ex = em_maybe_arg(ctx, argc, argv, &arg)) != 0)
		return ex;
	if (arg != NULL) {
		minutes = strtod(arg, &end);
		if (*end != '\0' || end == arg || !(minutes > 0) || minutes > 180)
			return em_fail(ctx, EM_EX_USAGE, "'%s' is not a number of "
			    "minutes (more than 0, at most 180)", arg);
	}
	secs = minutes * 60;
	if (tty && ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0)
		cols = ws.ws_col < 100 ? ws.ws_col : 100;
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_signal;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGINT, &sa, &oint);
	sigaction(SIGTERM, &sa, &oterm);
	if (tty)
		fputs("\033[?25l", stdout);	/* hide the cursor while drawing */
	for (r = 1; r <= rounds && !stop; r++) {
		if (r > 1)
			printf("%sswitch\n", tty ? "\a" : "");
		printf("round %ld of %ld, %d:%02d: %s\n", r, rounds, (int)secs / 60,
		    (int)secs % 60, r % 2 ? "one of you speaks, the other only listens" :
		    "the listener speaks now, the speaker only listens");
		fflush(stdout);
		run_phase(secs, tty, cols);
	}
	if (tty)
		fputs("\033[?25h", stdout);
	sigaction(SIGINT, &oint, NULL);
	sigaction(SIGTERM, &oterm, NULL);
	if (stop) {
		printf("stopped\n");
		return 128 + stop;
	}
	printf("%sdone: talk about what it was like to only listen\n", tty ? "\a" : "");
	return 0;
}

int
main(int argc, char *argv[])
{
	return em_main("empathy-challenge", subcmds, em_challenge_records, argc, argv);
}
