/* empathy: the front door: today's screen, the cron predicate, the couple, sync, and the four programs. */
#include <sys/stat.h>
#include <sys/types.h>

#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "em.h"

#define WIDTH		80
#define NAMEW		16	/* columns a name gets in a table */

static int	d_today(struct em_ctx *, int, char **);
static int	d_due(struct em_ctx *, int, char **);
static int	d_news(struct em_ctx *, int, char **);
static int	d_undo(struct em_ctx *, int, char **);
static int	d_init(struct em_ctx *, int, char **);
static int	d_partners(struct em_ctx *, int, char **);
static int	d_sync(struct em_ctx *, int, char **);
static int	d_run(struct em_ctx *, int, char **);

static const struct em_subcmd subcmds[] = {
	{ "today", d_today, "",
	    "one screen: what you owe, what your partner sent, the challenge, "
	    "the week (the default)" },
	{ "due", d_due, "[-q]",
	    "exit 0 when anything is owed today, 1 when nothing is: for cron" },
	{ "news", d_news, "[-kq]",
	    "what your partner did since you last looked, then marked as seen" },
	{ "undo", d_undo, "[--list | --skip] [-n number]",
	    "take back your last change on this machine, then the one before" },
	{ "init", d_init, "[--join code | --join - | --passphrase] [--dir dir] "
	    "[--show-key]",
	    "who you are, where the database is, and the couple on this machine" },
	{ "partners", d_partners, "[rename old new]",
	    "the couple's two names; fold a mistyped name into the real one" },
	{ "sync", d_sync, "[--dir dir | --ssh host | --serve] [-q]",
	    "exchange changes with the other machine, both ways" },
	{ "checkin", d_run, "[argument ...]",
	    "run empathy-checkin: the daily check-in" },
	{ "journal", d_run, "[argument ...]",
	    "run empathy-journal: moments of feeling seen or misunderstood" },
	{ "assess", d_run, "[argument ...]",
	    "run empathy-assess: questionnaires about the relationship" },
	{ "challenge", d_run, "[argument ...]",
	    "run empathy-challenge: challenges of a few days, done together" },
	{ NULL, NULL, NULL, NULL }
};

/* The common options given before the command, handed on by d_run. */
static char	**pre_argv;
static int	  pre_argc;

/* A name inside a sentence: safe, and cut if it runs long. */
static void
put_name(const char *s)
{
	em_put_name(stdout, s, NAMEW);
}

/* A stored UTC time (2026-11-30T09:12:03.123Z) as "2026-11-30 09:12 UTC". */
static void
put_time(const char *t)
{
	if (strlen(t) >= 16 && t[10] == 'T') {
		printf("%.10s %.5s UTC", t, t + 11);
		return;
	}
	em_put_text(stdout, t);
}

/*
 * `empathy checkin ARGS`: run empathy-checkin from the directory this
 * program is in, else from PATH, with the common options given before the
 * command and the arguments after it, unchanged.
 */
static int
d_run(struct em_ctx *ctx, int argc, char **argv)
{
	char	 self[PATH_MAX], path[PATH_MAX + 32], prog[32], *slash, **av;
	ssize_t	 n;
	int	 i, k = 0, e;

	snprintf(prog, sizeof(prog), "empathy-%s", argv[0]);
	av = em_xcalloc((size_t)(pre_argc + argc + 1), sizeof(*av));
	av[k++] = prog;
	for (i = 0; i < pre_argc; i++)
		av[k++] = pre_argv[i];
	for (i = 1; i < argc; i++)
		av[k++] = argv[i];
	av[k] = NULL;
	fflush(stdout);
	fflush(stderr);
	self[0] = '\0';
	if ((n = readlink("/proc/self/exe", self, sizeof(self) - 1)) > 0) {
		self[n] = '\0';
		if ((slash = strrchr(self, '/')) != NULL) {
			*slash = '\0';
			snprintf(path, sizeof(path), "%s/%s", self, prog);
			if (access(path, X_OK) == 0)
				execv(path, av);
		}
	} else
		self[0] = '\0';
	execvp(prog, av);
	e = errno;
	free(av);
	return em_err(ctx, e == ENOENT ? 127 : 126, "cannot run %s: %s (looked in "
	    "%s and in PATH)", prog, strerror(e), self[0] != '\0' ? self :
	    "this program's directory");
}

/*
 * today's records: every item of the screen has the same fields; the last
 * five (TODAY_MORE) only the owed items (hidden) and the challenge's day
 * (days, done, partner_done, task) have.
 */
static const struct em_col today_cols[] = { { "kind", EM_STR },
	{ "what", EM_STR }, { "user", EM_STR }, { "date", EM_STR },
	{ "count", EM_INT }, { "text", EM_STR }, { "hidden", EM_BOOL },
	{ "days", EM_INT }, { "done", EM_BOOL }, { "partner_done", EM_BOOL },
	{ "task", EM_STR }, { NULL, 0 } };
#define TODAY_MORE	5

/*
 * One item of today's screen as a record (the tsv header before the
 * first): 0, or 1 in text, where the caller says it. A field an item does
 * not have is "", not null, as it has always been; of the fields after
 * text (more, or NULL), null, and task "".
 */
static int
row_more(struct em_ctx *ctx, int *nrows, const char *kind, const char *what,
    const char *user, const char *date, long count, const char *text,
    const struct em_val *more)
{
	struct em_val	 v[6 + TODAY_MORE] = { EM_S(kind), EM_S(what),
	    EM_S(user != NULL ? user : ""), EM_S(date != NULL ? date : ""),
	    EM_N(count), EM_S(text != NULL ? text : ""), EM_NIL, EM_NIL,
	    EM_NIL, EM_NIL, EM_W("") };

	if (more != NULL)
		memcpy(v + 6, more, TODAY_MORE * sizeof(*more));
	if ((*nrows)++ == 0)
		em_emit_head(ctx, today_cols);
	return em_emit(ctx, today_cols, v);
}

static int
row(struct em_ctx *ctx, int *nrows, const char *kind, const char *what,
    const char *user, const char *date, long count, const char *text)
{
	return row_more(ctx, nrows, kind, what, user, date, count, text, NULL);
}

/* Today's challenge day, when one is under way and the content has it. */
static const struct em_day *
run_day(struct em_ctx *ctx, const struct em_run_now *r)
{
	const struct em_content *c;
	const struct em_doc *d;

	if (em_ctx_content(ctx, EM_KIND(EM_K_CHALLENGE), &c) != 0) {
		em_err_clear(ctx);
		return NULL;
	}
	if ((d = em_content_find(c, EM_K_CHALLENGE, r->challenge)) == NULL ||
	    r->day < 1 || (size_t)r->day > d->ndays)
		return NULL;
	return &d->days[r->day - 1];
}

/* The owed part of today and due: check-in, answers, the challenge day. */
static int
owed(struct em_ctx *ctx, const char *me, long today, struct em_owed **vp,
    size_t *np, struct em_run_now *r, int *run_owed)
{
	int	 ex;

	*run_owed = 0;
	if ((ex = em_owed_checkins(ctx, me, today, vp, np)) != 0)
		return ex;
	if ((ex = em_run_now(ctx, me, today, r)) == EM_EX_NO) {
		memset(r, 0, sizeof(*r));
		return 0;
	}
	if (ex != 0) {
		em_owed_free(*vp, *np);
		*vp = NULL;
		*np = 0;
		return ex;
	}
	*run_owed = !r->done;
	return 0;
}

static int
d_due(struct em_ctx *ctx, int argc, char **argv)
{
	static const struct em_col cols[] = { { "what", EM_STR },
	    { "user", EM_STR }, { "date", EM_STR }, { "hidden", EM_BOOL },
	    { "challenge", EM_STR }, { "day", EM_INT }, { "days", EM_INT },
	    { NULL, 0 } };
	struct em_owed	*v;
	struct em_run_now r;
	const char	*me;
	char		 today[11];
	size_t		 i, n;
	static const struct em_opt opts[] = {
		{ .letter = 'q', .type = EM_OPT_FLAG }, { NULL } };
	int		 ex, qflag = 0, run_owed;

	if ((ex = em_opts(ctx, argc, argv, opts, &qflag)) != 0 ||
	    (ex = em_no_args(ctx, argc, argv)) != 0)
		return ex;
	em_date_fmt(em_date_today(), today);
	if ((ex = em_ctx_user(ctx, &me)) != 0 ||
	    (ex = em_db_open(ctx, EM_DB_READ)) != 0 ||
	    (ex = owed(ctx, me, em_date_today(), &v, &n, &r, &run_owed)) != 0)
		return ex;
	if (!qflag)
		em_emit_head(ctx, cols);
	for (i = 0; i < n && !qflag; i++)
		if (em_emit(ctx, cols, (struct em_val []){ EM_S(v[i].what ==
		    EM_OWE_CHECKIN ? "checkin" : "answer"), EM_S(v[i].user),
		    EM_S(v[i].date), EM_N(v[i].hidden), EM_NIL, EM_NIL,
		    EM_NIL }) != 0)
			em_owed_say(&v[i], today, "");
	if (run_owed && !qflag && em_emit(ctx, cols, (struct em_val []){
	    EM_W("challenge"), EM_S(me), EM_S(today), EM_N(0),
	    EM_S(r.challenge), EM_N(r.day), EM_N(r.days) }) != 0) {
		printf("day %ld of %ld of the challenge ", r.day, r.days);
		em_put_text(stdout, r.challenge);
		puts(", not done yet");
	}
	ex = n > 0 || run_owed ? EM_EX_OK : EM_EX_NO;
	em_owed_free(v, n);
	em_run_now_free(&r);
	return ex;
}

/* ---- undo ---- */

/*
 * undo: take back the newest change this person made here, -n of them,
 * each in its own transaction; stop at the first that cannot be. --list
 * says what would be taken back, newest first.
 */
static int
d_undo(struct em_ctx *ctx, int argc, char **argv)
{
	struct undo_args {
		long	 n;
		int	 lflag, sflag, nset;
	} a = { 1, 0, 0, 0 };
	static const struct em_opt opts[] = {
		EM_OPTION("list", 'l', EM_OPT_FLAG, undo_args, lflag),
		EM_OPTION(NULL, 'n', EM_OPT_COUNT, undo_args, n),
		EM_OPTION(NULL, 'n', EM_OPT_FLAG, undo_args, nset),
		EM_OPTION("skip", 's', EM_OPT_FLAG, undo_args, sflag),
		{ NULL }
	};
	static const struct em_col cols[2][2] = {
		{ { "undone", EM_STR }, { NULL, 0 } },
		{ { "skipped", EM_STR }, { NULL, 0 } } };
	const char	*me;
	char		*what;
	long		 n, i;
	int		 ex = 0, lflag, sflag, nset;

	if ((ex = em_opts(ctx, argc, argv, opts, &a)) != 0 ||
	    (ex = em_no_args(ctx, argc, argv)) != 0 || (ex = em_ctx_user(ctx, &me)) != 0)
		return ex;
	n = a.n;
	lflag = a.lflag;
	sflag = a.sflag;
	nset = a.nset;
	if (lflag && sflag)
		return em_fail(ctx, EM_EX_USAGE, "--list and --skip do not go together");
	if (lflag) {
		if ((ex = em_db_open(ctx, EM_DB_READ)) != 0)
			return ex;
		return em_undo_list(ctx, me, nset ? n : 20);
	}
	if ((ex = em_db_open(ctx, EM_DB_WRITE)) != 0)
		return ex;
	for (i = 0; i < n; i++) {
		if ((ex = em_undo(ctx, me, sflag, &what)) != 0)
			break;
		if (i == 0)
			em_emit_head(ctx, cols[sflag]);
		if (em_emit(ctx, cols[sflag], (struct em_val []){ EM_S(what) })
		    != 0) {
			fputs(sflag ? "passed over: " : "undone: ", stdout);
			em_put_text(stdout, what);
			putchar('\n');
		}
		free(what);
	}
	return ex;
}

/* ---- what your partner did since you last looked: today and news ---- */

#define SHOWN		20	/* items of one kind news shows as text, the newest */
#define STOP		(-2)	/* from a news callback: enough */

/*
 * When you last looked, and what arrived since; with look, this look is
 * noted. Noting it can fail (another program holds the database, a
 * read-only file): then it is said, and the news is read all the same.
 */
static int
news_open(struct em_ctx *ctx, const char *me, int look, struct em_news *nw)
{
	int	 ex;

	if ((ex = em_news_open(ctx, me, look ? EM_NEWS_LOOK : 0, nw)) == 0 ||
	    !look)
		return ex;
	em_warn(ctx, "could not note the time you looked: %s", em_errmsg(ctx));
	em_err_clear(ctx);
	return em_news_open(ctx, me, 0, nw);
}

/*
 * Whether what was printed reached its reader: 0, or 74 with why (said
 * once: the stream is cleared for em_ctx_finish). A reader that went away
 * is not worth a message.
 */
static int
out_failed(struct em_ctx *ctx)
{
	int	 e;

	errno = 0;
	if (fflush(stdout) == 0 && !ferror(stdout))
		return 0;
	e = errno;
	clearerr(stdout);
	if (e == EPIPE)
		return EM_EX_IOERR;
	return em_err(ctx, EM_EX_IOERR, "writing output: %s", e != 0 ?
	    strerror(e) : "error");
}

/* Take back a look noted for news that did not reach its reader. */
static void
unlook(struct em_ctx *ctx, const struct em_news *nw)
{
	char	 why[sizeof(ctx->errmsg)];

	/* The first reason is the one to tell; keep it across this write. */
	snprintf(why, sizeof(why), "%s", em_errmsg(ctx));
	if (em_news_unlook(ctx, nw) != 0)
		em_warn(ctx, "the news stays marked as seen: %s", em_errmsg(ctx));
	em_err_clear(ctx);
	if (why[0] != '\0')
		em_err(ctx, EM_EX_IOERR, "%s", why);
}

/* "Since you last looked (...)", as today and news begin it. */
static void
put_since(const struct em_news *nw)
{
	if (nw->since != NULL) {
		fputs(" (", stdout);
		put_time(nw->since);
		putchar(')');
	} else
		fputs(" (never: the last seven days)", stdout);
}

/* The first line of s, with " ..." when more follows; the caller frees it. */
static char *
first_line(const char *s)
{
	size_t	 len = strcspn(s, "\n"), more;
	char	*v;

	more = s[len] != '\0' && s[len + strspn(s + len, "\n")] != '\0';
	v = em_xcalloc(1, len + 5);
	memcpy(v, s, len);
	if (more)
		memcpy(v + len, " ...", 5);
	return v;
}

/* One partner's line of the week, or of today's journal news. */
struct tally {
	char	*name;
	long	 seen, mis, sealed;	/* sealed: of the two, sealed from you */
};

/* The tally of name, added (with zeros) when it is not there yet. */
static struct tally *
tally_of(struct tally **v, size_t *n, const char *name)
{
	size_t	 i;

	for (i = 0; i < *n; i++)
		if (strcasecmp((*v)[i].name, name) == 0)
			return &(*v)[i];
	*v = em_xreallocarray(*v, *n + 1, sizeof(**v));
	(*v)[*n].name = em_strdup(name);
	(*v)[*n].seen = (*v)[*n].mis = (*v)[*n].sealed = 0;
	return &(*v)[(*n)++];
}

static void
tallies_free(struct tally *v, size_t n)
{
	size_t	 i;

	for (i = 0; i < n; i++)
		free(v[i].name);
	free(v);
}

static int
tally_cmp(const void *a, const void *b)
{
	return strcmp(((const struct tally *)a)->name,
	    ((const struct tally *)b)->name);
}

/*
 * Today's shape of the news: one line for the answers to one check-in,
 * one for each partner's new journal moments (counted, not shown), one
 * for each other thing.
 */
struct today_news {
	struct em_ctx	*ctx;
	int		*nrows;
	long		 lines;
	char		*user;		/* answers counted, not yet said: whose */
	char		 date[11];	/* to your check-in of that day */
	long		 answers;
	struct tally	*moments;
	size_t		 nmoments;
};

/*
 * One partner's new moments as records: how many seen, how many
 * misunderstood, and how many of them are sealed from you.
 */
static void
today_moments(struct today_news *tn, const struct tally *t)
{
	int	 text = 0;

	if (t->seen > 0)
		text = row(tn->ctx, tn->nrows, "news", "seen", t->name, NULL,
		    t->seen, NULL);
	if (t->mis > 0)
		text = row(tn->ctx, tn->nrows, "news", "misunderstood", t->name,
		    NULL, t->mis, NULL);
	if (t->sealed > 0)
		text = row(tn->ctx, tn->nrows, "news", "sealed", t->name, NULL,
		    t->sealed, NULL);
	if (!text)
		return;
	fputs("  ", stdout);
	put_name(t->name);
	fputs(" wrote in the journal:", stdout);
	if (t->seen > 0)
		printf(" %ld seen", t->seen);
	if (t->seen > 0 && t->mis > 0)
		putchar(',');
	if (t->mis > 0)
		printf(" %ld misunderstood", t->mis);
	if (t->sealed > 0)
		printf(" (%ld sealed)", t->sealed);
	putchar('\n');
}

/* Say what was counted: the answers; with moments, the moments too. */
static void
today_flush(struct today_news *tn, int moments)
{
	struct em_ctx	*ctx = tn->ctx;
	struct tally	*t;
	size_t		 i;

	if (tn->user != NULL) {
		if (row(ctx, tn->nrows, "news", "answer", tn->user, tn->date,
		    tn->answers, NULL) != 0) {
			fputs("  ", stdout);
			put_name(tn->user);
			printf(" answered your check-in for %s", tn->date);
			if (tn->answers > 1)
				printf(" (%ld answers)", tn->answers);
			putchar('\n');
		}
		tn->lines++;
		free(tn->user);
		tn->user = NULL;
	}
	if (!moments || tn->nmoments == 0)
		return;
	qsort(tn->moments, tn->nmoments, sizeof(*tn->moments), tally_cmp);
	for (i = 0; i < tn->nmoments; i++) {
		t = &tn->moments[i];
		tn->lines++;
		today_moments(tn, t);
	}
	tallies_free(tn->moments, tn->nmoments);
	tn->moments = NULL;
	tn->nmoments = 0;
}

static int
today_item(void *arg, const struct em_news_item *it)
{
	struct today_news *tn = arg;
	struct em_ctx	*ctx = tn->ctx;
	struct tally	*t;

	if (tn->user != NULL && (it->kind != EM_NEWS_ANSWER ||
	    strcmp(tn->user, it->user) != 0 || strcmp(tn->date, it->date) != 0))
		today_flush(tn, 0);
	if (it->kind != EM_NEWS_MOMENT && tn->nmoments > 0)
		today_flush(tn, 1);
	switch (it->kind) {
	case EM_NEWS_ANSWER:
		if (tn->user == NULL) {
			tn->user = em_strdup(it->user);
			snprintf(tn->date, sizeof(tn->date), "%s", it->date);
			tn->answers = 0;
		}
		tn->answers++;
		return 0;
	case EM_NEWS_MOMENT:
		t = tally_of(&tn->moments, &tn->nmoments, it->user);
		if (strcmp(it->what, "seen") == 0)
			t->seen++;
		else
			t->mis++;
		if (it->sealed != NULL)
			t->sealed++;
		return 0;
	default:
		break;
	}
	tn->lines++;
	/* A check-in or a reply counts 1; a day its number; a result its score. */
	if (row(ctx, tn->nrows, "news", it->kind == EM_NEWS_CHECKIN ? "checkin" :
	    it->kind == EM_NEWS_DAY ? "challenge" : it->kind == EM_NEWS_REPLY ?
	    "reply" : "result", it->user, it->date, it->kind == EM_NEWS_CHECKIN ||
	    it->kind == EM_NEWS_REPLY ? 1 : it->n, it->kind == EM_NEWS_CHECKIN ?
	    NULL : it->what) == 0)
		return 0;
	fputs("  ", stdout);
	put_name(it->user);
	switch (it->kind) {
	case EM_NEWS_CHECKIN:
		printf(" checked in for %s\n", it->date);
		break;
	case EM_NEWS_REPLY:
		printf(" replied to your %s on %s\n", it->what, it->date);
		break;
	case EM_NEWS_DAY:
		printf(" did day %ld of ", it->n);
		em_put_text(stdout, it->what);
		putchar('\n');
		break;
	default:
		fputs(" rated you on ", stdout);
		em_put_text(stdout, it->what);
		printf(": %ld\n", it->n);
		break;
	}
	return 0;
}

/* An instrument's title and the band of a score, when content has them. */
static void
instrument_words(struct em_ctx *ctx, const char *id, long score,
    const char **title, const char **band)
{
	const struct em_content *c;
	const struct em_doc *d;
	const struct em_band *b;

	*title = id;
	*band = NULL;
	if (em_ctx_content(ctx, EM_KIND(EM_K_INSTRUMENT), &c) != 0) {
		em_err_clear(ctx);
		return;
	}
	if ((d = em_content_find(c, EM_K_INSTRUMENT, id)) == NULL)
		return;
	if (d->title != NULL)
		*title = d->title;
	if (score >= 0 && score <= 100 && (b = em_band_of(d, (int)score)) != NULL)
		*band = b->label;
}

/* What each kind of news is called, and where to read more of it. */
static const struct {
	const char	*kind, *heading, *more;
} kinds[EM_NEWS_NKINDS] = {
	{ "answer", "Answers to your check-ins", "empathy checkin show" },
	{ "reply", "Replies to your answers", "empathy checkin show" },
	{ "checkin", "Check-ins you can read now", "empathy checkin show" },
	{ "moment", "Journal moments", "empathy journal list" },
	{ "day", "Challenge days", "empathy challenge review" },
	{ "result", "Questionnaires about you", "empathy assess compare" }
};

struct news_out {
	struct em_ctx	*ctx;
	const struct em_news *nw;
	long		 items;
	int		 kind;		/* whose heading was said last; -1 none */
};

/* news records: one a thing your partner did. */
static const struct em_col news_cols[] = { { "kind", EM_STR },
	{ "who", EM_STR }, { "date", EM_STR }, { "what", EM_STR },
	{ "number", EM_INT }, { "text", EM_STR }, { NULL, 0 } };

/*
 * The sentence of a news item: "alex asked: ...", "alex did day 2 of
 * one-week: ...". words: the text as news shows it. The caller frees it.
 */
static char *
news_sentence(struct em_ctx *ctx, const struct em_news_item *it,
    const char *words)
{
	const char	*title = it->what, *band = NULL;
	char		*s;
	size_t		 len;

	if (it->kind == EM_NEWS_RESULT)
		instrument_words(ctx, it->what, it->n, &title, &band);
	len = strlen(it->user) + strlen(title) + strlen(words) +
	    (band != NULL ? strlen(band) : 0) + 64;
	s = em_xcalloc(1, len);
	switch (it->kind) {
	case EM_NEWS_ANSWER:
		snprintf(s, len, "%s %s: %s", it->user, strcmp(it->what,
		    "question") == 0 ? "asked" : "reflected", words);
		break;
	case EM_NEWS_REPLY:
		snprintf(s, len, "%s replied to your %s: %s", it->user, it->what,
		    words);
		break;
	case EM_NEWS_CHECKIN:
		snprintf(s, len, "%s checked in%s%s", it->user, *it->what != '\0' ?
		    ", feeling " : "", it->what);
		break;
	case EM_NEWS_MOMENT:
		if (it->sealed != NULL)
			snprintf(s, len, "%s felt %s: a sealed moment, until %s",
			    it->user, it->what, it->sealed);
		else
			snprintf(s, len, "%s felt %s: %s", it->user, it->what,
			    words);
		break;
	case EM_NEWS_DAY:
		snprintf(s, len, "%s did day %ld of %s%s%s", it->user, it->n,
		    it->what, *words != '\0' ? ": " : "", words);
		break;
	default:
		snprintf(s, len, "%s rated you on %s: %ld%s%s%s", it->user, title,
		    it->n, band != NULL ? " (" : "", band != NULL ? band : "",
		    band != NULL ? ")" : "");
		break;
	}
	return s;
}

/* One item of news as a dated line of text, under its kind's heading. */
static void
news_text(struct news_out *no, const struct em_news_item *it,
    const char *words)
{
	char	*s;

	if (no->items == 1) {
		fputs("Since you last looked", stdout);
		put_since(no->nw);
		putchar('\n');
	}
	if (no->kind != (int)it->kind) {
		no->kind = (int)it->kind;
		printf("\n%s\n", kinds[it->kind].heading);
	}
	if (it->total > SHOWN && it->nth <= it->total - SHOWN) {
		if (it->nth == 1)
			printf("  (%ld earlier, not shown here: %s)\n",
			    it->total - SHOWN, kinds[it->kind].more);
		return;
	}
	/* "alex asked: ...", wrapped under itself after the date. */
	s = news_sentence(no->ctx, it, words);
	fputs("  ", stdout);
	em_put_text(stdout, it->date);
	fputs("  ", stdout);
	em_put_wrapped(s, WIDTH, 14, 1);
	free(s);
}

/* One item of `empathy news`: a record, or a dated line of text. */
static int
news_item(void *arg, const struct em_news_item *it)
{
	struct news_out	*no = arg;
	char		*words;

	/* An answer is said whole; of a moment or a note, the first line. */
	words = it->kind == EM_NEWS_ANSWER || it->kind == EM_NEWS_REPLY ?
	    em_strdup(it->text) : first_line(it->text);
	no->items++;
	/* A moment sealed from you: "sealed", its kind, no words. */
	if (em_emit(no->ctx, news_cols, (struct em_val []){ EM_S(it->sealed !=
	    NULL ? "sealed" : kinds[it->kind].kind), EM_S(it->user),
	    EM_S(it->date), EM_S(it->what), EM_N(it->n), EM_S(words) }) != 0)
		news_text(no, it, words);
	free(words);
	return 0;
}

/* For -q: is there anything at all? */
static int
news_any(void *arg, const struct em_news_item *it)
{
	(void)it;
	*(int *)arg = 1;
	return STOP;
}

static int
d_news(struct em_ctx *ctx, int argc, char **argv)
{
	struct news_args {
		int	 kflag, qflag;
	} a = { 0, 0 };
	static const struct em_opt opts[] = {
		EM_OPTION("keep", 'k', EM_OPT_FLAG, news_args, kflag),
		EM_OPTION(NULL, 'q', EM_OPT_FLAG, news_args, qflag),
		{ NULL }
	};
	struct em_news	 nw;
	struct news_out	 no;
	const char	*me;
	int		 ex, kflag, qflag, any = 0;

	if ((ex = em_opts(ctx, argc, argv, opts, &a)) != 0 ||
	    (ex = em_no_args(ctx, argc, argv)) != 0)
		return ex;
	kflag = a.kflag;
	qflag = a.qflag;
	/* A question from cron (-q) or a peek (-k) leaves the news new. */
	if ((ex = em_ctx_user(ctx, &me)) != 0 ||
	    (ex = news_open(ctx, me, !qflag && !kflag, &nw)) != 0)
		return ex;
	if (qflag) {
		if ((ex = em_news_each(ctx, &nw, news_any, &any)) == STOP)
			ex = 0;
		em_news_close(&nw);
		return ex != 0 ? ex : any ? EM_EX_OK : EM_EX_NO;
	}
	memset(&no, 0, sizeof(no));
	no.ctx = ctx;
	no.nw = &nw;
	no.kind = -1;
	em_emit_head(ctx, news_cols);
	ex = em_news_each(ctx, &nw, news_item, &no);
	if (ex == 0 && no.items == 0 && em_page(ctx, "Nothing new from your "
	    "partner since you last looked")) {
		put_since(&nw);
		putchar('\n');
	}
	/* What could not be shown stays new. */
	if (ex == 0)
		ex = out_failed(ctx);
	if (ex != 0)
		unlook(ctx, &nw);
	em_news_close(&nw);
	if (ex != 0)
		return ex;
	return no.items > 0 ? EM_EX_OK : EM_EX_NO;
}

/* This ISO week's journal moments, seen and misunderstood, per partner. */
static int
week(struct em_ctx *ctx, const struct em_couple *cp, const char *me, long today,
    int *nrows)
{
	sqlite3_stmt	*st;
	struct tally	*v = NULL, *t;
	char		 mon[11], sun[11], wk[16];
	long		 monday;
	size_t		 n = 0, i;
	int		 ex, rc;

	monday = today - em_date_wday(today) + 1;
	em_date_fmt(monday, mon);
	em_date_fmt(monday + 6, sun);
	em_week_fmt(today, wk);
	/* The roster first (sorted), you even before the roster has you. */
	for (i = 0; i < cp->nnames; i++)
		tally_of(&v, &n, cp->names[i]);
	tally_of(&v, &n, me);
	if ((ex = em_db_prepare(ctx, &st, "SELECT user, sum(kind = 'seen'), "
	    "sum(kind = 'misunderstood') FROM entry WHERE removed IS NULL AND "
	    "date BETWEEN ?1 AND ?2 GROUP BY user ORDER BY user")) != 0)
		goto out;
	em_bind_text(st, 1, mon);
	em_bind_text(st, 2, sun);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		t = tally_of(&v, &n, (const char *)sqlite3_column_text(st, 0));
		t->seen = sqlite3_column_int64(st, 1);
		t->mis = sqlite3_column_int64(st, 2);
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		ex = em_db_err(ctx, rc, "reading the journal");
		goto out;
	}
	em_page(ctx, "\nThis week, %s, in the journal\n", wk);
	for (i = 0; i < n; i++) {
		if (row(ctx, nrows, "week", "seen", v[i].name, wk, v[i].seen,
		    NULL) == 0) {
			row(ctx, nrows, "week", "misunderstood", v[i].name, wk,
			    v[i].mis, NULL);
			continue;
		}
		fputs("  ", stdout);
		em_put_cell(stdout, v[i].name, NAMEW, 0);
		printf("  %3ld seen  %3ld misunderstood\n", v[i].seen, v[i].mis);
	}
out:
	for (i = 0; i < n; i++)
		free(v[i].name);
	free(v);
	return ex;
}

/* What today's screen shows, loaded before any of it is shown. */
struct today {
	struct em_owed	*v;		/* check-ins and answers owed */
	size_t		 n;
	struct em_run_now r;		/* the challenge under way, if any */
	int		 run_owed;	/* its day is not done yet */
	char		*last;		/* the last sync, or NULL */
	char		 date[11];
	int		 nrows;		/* records said, for the tsv header */
};

/* "To do today": the check-ins and answers owed, and the challenge's day. */
static void
today_owed(struct em_ctx *ctx, const char *me, struct today *td)
{
	size_t	 i;

	if (row(ctx, &td->nrows, "today", "owe", me, td->date, (long)td->n +
	    td->run_owed, NULL) != 0) {
		put_name(me);
		printf(", %s\n\n", td->date);
		puts(td->n > 0 || td->run_owed ? "To do today" :
		    "Nothing owed today");
	}
	for (i = 0; i < td->n; i++)
		if (row_more(ctx, &td->nrows, "owe", td->v[i].what ==
		    EM_OWE_CHECKIN ? "checkin" : "answer", td->v[i].user,
		    td->v[i].date, 1, NULL, (struct em_val []){
		    EM_N(td->v[i].hidden), EM_NIL, EM_NIL, EM_NIL, EM_W("") }) != 0)
			em_owed_say(&td->v[i], td->date, "  ");
	if (td->run_owed && row_more(ctx, &td->nrows, "owe", "challenge", me,
	    td->date, td->r.day, td->r.challenge, (struct em_val []){ EM_N(0),
	    EM_NIL, EM_NIL, EM_NIL, EM_W("") }) != 0) {
		printf("  the challenge: day %ld of ", td->r.day);
		em_put_text(stdout, td->r.challenge);
		putchar('\n');
	}
}

/* "Since you last looked": the news, counted and grouped (today_item). */
static int
today_news(struct em_ctx *ctx, struct em_news *nw, struct today *td)
{
	struct today_news tn;
	int		 ex;

	memset(&tn, 0, sizeof(tn));
	if (row(ctx, &td->nrows, "looked", "since", NULL, nw->since != NULL ?
	    nw->since : "", nw->since != NULL, NULL) != 0) {
		fputs("\nSince you last looked", stdout);
		put_since(nw);
		putchar('\n');
	}
	tn.ctx = ctx;
	tn.nrows = &td->nrows;
	ex = em_news_each(ctx, nw, today_item, &tn);
	today_flush(&tn, 1);
	tallies_free(tn.moments, tn.nmoments);
	free(tn.user);
	if (ex == 0 && tn.lines == 0)
		em_page(ctx, "  nothing new from your partner\n");
	return ex;
}

/* The challenge under way: its day, and the day's title and task. */
static void
today_challenge(struct em_ctx *ctx, struct today *td)
{
	const struct em_run_now *r = &td->r;
	const struct em_day *dd;

	if (r->challenge == NULL)
		return;
	dd = run_day(ctx, r);
	if (row_more(ctx, &td->nrows, "challenge", r->challenge, NULL, td->date,
	    r->day, dd != NULL ? dd->title : NULL, (struct em_val []){ EM_NIL,
	    EM_N(r->days), EM_N(r->done), EM_N(r->partner_done),
	    EM_W(dd != NULL ? dd->task : "") }) == 0)
		return;
	fputs("\nChallenge: ", stdout);
	em_put_text(stdout, r->challenge);
	printf(", day %ld of %ld%s\n", r->day, r->days, r->done ?
	    " (you did it)" : r->partner_done ? " (your partner did it)" : "");
	if (dd != NULL) {
		em_put_wrapped(dd->title, WIDTH, 2, 0);
		em_put_wrapped(dd->task, WIDTH, 4, 0);
	}
}

/* When the last sync ran; its record counts 1 if one ever did. */
static void
today_sync(struct em_ctx *ctx, struct today *td)
{
	if (row(ctx, &td->nrows, "sync", "last", NULL, td->last,
	    td->last != NULL, NULL) == 0)
		return;
	fputs("\nLast sync: ", stdout);
	if (td->last != NULL)
		put_time(td->last);
	else
		fputs("never", stdout);
	putchar('\n');
}

static int
d_today(struct em_ctx *ctx, int argc, char **argv)
{
	struct today	 td;
	struct em_couple cp;
	struct em_news	 nw;
	const char	*me;
	long		 day = em_date_today();
	int		 ex;

	if ((ex = em_no_opts(ctx, argc, argv)) != 0 ||
	    (ex = em_no_args(ctx, argc, argv)) != 0)
		return ex;
	memset(&td, 0, sizeof(td));
	em_date_fmt(day, td.date);
	if ((ex = em_ctx_user(ctx, &me)) != 0 ||
	    (ex = em_db_open(ctx, EM_DB_READ)) != 0 ||
	    (ex = em_couple_load(ctx, &cp)) != 0)
		return ex;
	/*
	 * Looking is noted only when a person sees it: text on a terminal
	 * (and, em_news_open says, for one of the couple). A pipe, a status
	 * bar or a script leaves the news new, for `empathy news`.
	 */
	if ((ex = news_open(ctx, me, em_ctx_seen(ctx), &nw)) != 0) {
		em_couple_free(&cp);
		return ex;
	}
	if ((ex = em_meta_get(ctx, "sync.last", &td.last)) == 0 &&
	    (ex = owed(ctx, me, day, &td.v, &td.n, &td.r, &td.run_owed)) == 0) {
		today_owed(ctx, me, &td);
		if ((ex = today_news(ctx, &nw, &td)) == 0) {
			today_challenge(ctx, &td);
			if ((ex = week(ctx, &cp, me, day, &td.nrows)) == 0)
				today_sync(ctx, &td);
		}
	}
	/* A screen that could not be shown was not seen. */
	if (ex == 0)
		ex = out_failed(ctx);
	if (ex != 0)
		unlook(ctx, &nw);
	em_news_close(&nw);
	em_couple_free(&cp);
	em_owed_free(td.v, td.n);
	em_run_now_free(&td.r);
	free(td.last);
	return ex;
}

/* ---- partners ---- */

/* partners rename OLD NEW: one name folded into the other everywhere. */
static int
partners_rename(struct em_ctx *ctx, const char *old, const char *new)
{
	static const struct em_col cols[] = { { "renamed", EM_STR },
	    { "to", EM_STR }, { NULL, 0 } };
	const char	*me;
	int		 ex;

	if (!em_name_valid(new))
		return em_fail(ctx, EM_EX_USAGE, "'%s' is not a usable name", new);
	if ((ex = em_ctx_user(ctx, &me)) != 0 ||
	    (ex = em_db_open(ctx, EM_DB_WRITE)) != 0 ||
	    (ex = em_partner_rename(ctx, old, new)) != 0)
		return ex;
	em_emit_head(ctx, cols);
	if (em_emit(ctx, cols, (struct em_val []){ EM_S(old), EM_S(new) }) == 0)
		return 0;
	fputs("renamed ", stdout);
	put_name(old);
	fputs(" to ", stdout);
	put_name(new);
	puts(" everywhere in this database; the other machine follows at "
	    "the next sync");
	return 0;
}

/* The couple as partners shows it, and who is looking. */
struct roster {
	const struct em_couple	*cp;
	const char		*me;
};

/* The couple as records: each name (you or partner), the ids, the key. */
static void
partners_records(struct em_ctx *ctx, const void *data)
{
	static const struct em_col cols[] = { { "what", EM_STR },
	    { "value", EM_STR }, { NULL, 0 } };
	const struct em_couple *cp = ((const struct roster *)data)->cp;
	const char	*me = ((const struct roster *)data)->me;
	size_t		 i;

	em_emit_head(ctx, cols);
	for (i = 0; i < cp->nnames; i++)
		em_emit(ctx, cols, (struct em_val []){ EM_S(strcasecmp(
		    cp->names[i], me) == 0 ? "you" : "partner"),
		    EM_S(cp->names[i]) });
	em_emit(ctx, cols, (struct em_val []){ EM_W("couple"), EM_S(cp->id) });
	em_emit(ctx, cols, (struct em_val []){ EM_W("replica"),
	    EM_S(cp->replica) });
	em_emit(ctx, cols, (struct em_val []){ EM_W("key"),
	    EM_S(cp->has_key ? "here" : "none") });
}

/* The couple in text: a heading, "none yet", "(you)". */
static void
partners_text(struct em_ctx *ctx, const void *data)
{
	const struct em_couple *cp = ((const struct roster *)data)->cp;
	const char	*me = ((const struct roster *)data)->me;
	size_t		 i;

	(void)ctx;
	puts("partners:");
	if (cp->nnames == 0)
		puts("  none yet: the first two names that write become the couple");
	for (i = 0; i < cp->nnames; i++) {
		fputs("  ", stdout);
		em_put_name(stdout, cp->names[i], 60);
		puts(strcasecmp(cp->names[i], me) == 0 ? " (you)" : "");
	}
	printf("couple:        %s\n", cp->id[0] != '\0' ? cp->id : "none yet");
	printf("this database: %s\n", cp->replica[0] != '\0' ? cp->replica :
	    "none yet");
	printf("couple key:    %s\n", cp->has_key ? "here" :
	    "not here: run empathy init to create or join the couple");
}

static int
d_partners(struct em_ctx *ctx, int argc, char **argv)
{
	struct em_couple cp;
	const char	*me;
	int		 ex;

	if ((ex = em_no_opts(ctx, argc, argv)) != 0)
		return ex;
	if (optind < argc && strcmp(argv[optind], "rename") == 0) {
		if (argc - optind != 3) {
			em_fail(ctx, EM_EX_USAGE, "rename takes two names: the one "
			    "to fold, and the real one");
			return em_usage(ctx, stderr, EM_EX_USAGE);
		}
		return partners_rename(ctx, argv[optind + 1], argv[optind + 2]);
	}
	if ((ex = em_no_args(ctx, argc, argv)) != 0)
		return ex;
	if ((ex = em_ctx_user(ctx, &me)) != 0 ||
	    (ex = em_db_open(ctx, EM_DB_READ)) != 0 ||
	    (ex = em_couple_load(ctx, &cp)) != 0)
		return ex;
	em_render(ctx, &(const struct em_view){ partners_text, partners_records },
	    &(const struct roster){ &cp, me });
	em_couple_free(&cp);
	return 0;
}

/* ---- init ---- */

/* A secret no longer needed: wiped before it is freed. */
static void
wipe(char *s)
{
	if (s != NULL) {
		explicit_bzero(s, strlen(s));
		free(s);
	}
}

/* The passphrase: twice at a terminal, they must match; one line of stdin. */
static int
ask_passphrase(struct em_ctx *ctx, int twice, char **out)
{
	char	*again;
	int	 ex;

	*out = NULL;
	if ((ex = em_ask_secret(ctx, "Passphrase: ", out)) != 0)
		return ex;
	if (!twice || !isatty(STDIN_FILENO))
		return 0;
	if ((ex = em_ask_secret(ctx, "The same passphrase again: ", &again)) != 0) {
		wipe(*out);
		*out = NULL;
		return ex;
	}
	ex = strcmp(*out, again) == 0 ? 0 : em_err(ctx, EM_EX_DATAERR, "the two "
	    "passphrases differ; nothing was stored");
	wipe(again);
	if (ex != 0) {
		wipe(*out);
		*out = NULL;
	}
	return ex;
}

/* A name YAML reads back as written: double-quoted, with \ and " escaped. */
static void
yaml_quoted(FILE *fp, const char *s)
{
	fputc('"', fp);
	for (; *s != '\0'; s++) {
		if (*s == '"' || *s == '\\')
			fputc('\\', fp);
		fputc(*s, fp);
	}
	fputc('"', fp);
}

/* mkdir -p, private. */
static int
make_dir(struct em_ctx *ctx, const char *path)
{
	char	*p = em_strdup(path), *s;
	int	 ex = 0;

	for (s = p + 1; ; s++) {
		if (*s != '/' && *s != '\0')
			continue;
		char c = *s;
		*s = '\0';
		if (mkdir(p, 0700) == -1 && errno != EEXIST) {
			ex = em_errno(ctx, EM_EX_CANTCREAT, "cannot create %s", p);
			break;
		}
		*s = c;
		if (c == '\0')
			break;
	}
	free(p);
	return ex;
}

/*
 * What init did, for its one record (init_emit). In text each step is said
 * as it happens, between the questions it asks, so text is set once here
 * and the steps test it; the record comes at the end, when all went well.
 * code is the pairing code the text shows, if it shows one.
 */
struct init_said {
	char		*config;	/* the config file, and the user it names */
	const char	*config_user;
	const char	*mailbox;
	char		 couple[EM_ID_LEN + 1];
	int		 fresh, made, joined, passphrase;
	char		 code[EM_PAIR_MAX];
	const char	*next;		/* what to do next, in a sentence */
};

/* The config already names someone: you, or someone else (left as it is). */
static void
cfg_named(struct em_ctx *ctx, const char *name, const char *cfg,
    const char *path)
{
	if (!em_page(ctx, "you are "))
		return;
	put_name(name);
	if (strcasecmp(cfg, name) == 0) {
		fputs(" (as ", stdout);
		em_put_text(stdout, path);
		puts(" says)");
		return;
	}
	fputs(" here, but ", stdout);
	em_put_text(stdout, path);
	fputs(" says 'user: ", stdout);
	put_name(cfg);
	puts("'; left as it is");
}

/*
 * user: NAME in the config, once: a new file is made 0600 in a 0700
 * directory; a file without user: gets the line added; a file naming
 * someone else is left as it is, and said so.
 */
static int
cfg_user(struct em_ctx *ctx, const char *name, struct init_said *s)
{
	struct stat	 st;
	FILE		*fp;
	char		*path, *dir, *slash;
	int		 fd, ex = 0, exists, lastnl = 1;

	path = em_xdg_path("XDG_CONFIG_HOME", ".config", "empathy/config.yaml");
	s->config = em_strdup(path);
	s->config_user = ctx->cfg_user != NULL ? ctx->cfg_user : name;
	if (ctx->cfg_user != NULL) {
		cfg_named(ctx, name, ctx->cfg_user, path);
		free(path);
		return 0;
	}
	dir = em_strdup(path);
	if ((slash = strrchr(dir, '/')) != NULL)
		*slash = '\0';
	if ((ex = make_dir(ctx, dir)) != 0)
		goto out;
	exists = stat(path, &st) == 0;
	if (exists && st.st_size > 0) {
		if ((fp = fopen(path, "r")) != NULL) {
			if (fseek(fp, -1, SEEK_END) == 0)
				lastnl = fgetc(fp) == '\n';
			fclose(fp);
		}
	}
	fd = open(path, O_WRONLY | O_APPEND | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0600);
	if (fd == -1 || (fp = fdopen(fd, "a")) == NULL) {
		ex = em_errno(ctx, EM_EX_CANTCREAT, "cannot write %s", path);
		if (fd != -1)
			close(fd);
		goto out;
	}
	if (!lastnl)
		fputc('\n', fp);
	fputs("user: ", fp);
	yaml_quoted(fp, name);
	fputc('\n', fp);
	if (fclose(fp) != 0) {
		ex = em_errno(ctx, EM_EX_IOERR, "writing %s", path);
		goto out;
	}
	if (em_page(ctx, "you are ")) {
		put_name(name);
		fputs(exists ? " (added to " : " (written to ", stdout);
		em_put_text(stdout, path);
		puts(")");
	}
out:
	free(dir);
	free(path);
	return ex;
}

/* Who is acting, asked at a terminal when nothing says. */
static int
init_user(struct em_ctx *ctx, const char **mep, struct init_said *said)
{
	const char	*s;
	char		*name;
	int		 ex;

	if ((ex = em_cfg_load(ctx)) != 0)
		return ex;
	if (ctx->user == NULL && ((s = getenv("EMPATHY_USER")) == NULL || *s == '\0') &&
	    ctx->cfg_user == NULL) {
		if (!em_isatty_in())
			return em_err(ctx, EM_EX_USAGE, "who are you? give -u NAME "
			    "(it is written to the config once)");
		for (;;) {
			if ((ex = em_ask_line(ctx, "Your name, as your partner knows "
			    "you: ", 0, &name)) != 0)
				return ex;
			if (em_name_valid(name))
				break;
			em_note(ctx, "a name is " EM_NAME_RULE);
			free(name);
		}
		ctx->user = name;
		ctx->user_from = EM_USER_OPT;
	}
	if ((ex = em_ctx_user(ctx, mep)) != 0)
		return ex;
	return cfg_user(ctx, *mep, said);
}

/* The couple again, after a change; cp owns nothing if it fails. */
static int
couple_reload(struct em_ctx *ctx, struct em_couple *cp)
{
	em_couple_free(cp);
	memset(cp, 0, sizeof(*cp));
	return em_couple_load(ctx, cp);
}

/*
 * A pairing code, indented, within 80 columns: a code too long for one line
 * is cut in two at a dash (init --join - takes it in two lines as well).
 */
static void
put_code(const char *code)
{
	size_t	 len = strlen(code), cut;

	putchar('\n');
	if (len + 4 <= WIDTH) {
		printf("    %s\n\n", code);
		return;
	}
	for (cut = len / 2; cut < len && code[cut] != '-'; cut++)
		;
	printf("    %.*s\n    %s\n\n", (int)cut + (cut < len), code,
	    code + cut + (cut < len));
}

/*
 * The pairing code, with what to do with it, or the backup warning; kept
 * in s for the record, which shows it as the text does.
 */
static void
show_code(struct em_ctx *ctx, const struct em_couple *cp, int backup,
    struct init_said *s)
{
	char	*code = s->code;

	em_pair_code(cp->id, cp->key, code);
	s->next = backup ? "keep the code on paper, somewhere safe" :
	    "on the other machine, run 'empathy init --join -' and paste the code "
	    "when asked";
	if (!em_page(ctx, "%s", backup ? "The couple key, as a pairing code:\n" :
	    "The pairing code for the other machine:\n"))
		return;
	put_code(code);
	if (backup)
		em_put_wrapped("Whoever has this code can read everything in the "
		    "mailbox and write to it as one of you: keep it on paper, "
		    "somewhere safe. Without it (or the passphrase) a lost "
		    "machine's mailbox cannot be read by anyone, you included.",
		    WIDTH, 0, 0);
	else
		em_put_wrapped("On the other machine, run 'empathy init --join -' "
		    "and paste the code when asked, so it stays out of the shell's "
		    "history. Anyone with the code can read the couple's mailbox.",
		    WIDTH, 0, 0);
}

/*
 * DIR/couple for the couple here (with its salt when the key came from a
 * passphrase, so that the other machine can join with it), then say so.
 */
static int
put_couple_file(struct em_ctx *ctx, const struct em_couple *cp, const char *dir,
    struct init_said *s)
{
	int	 ex;

	if ((ex = em_box_couple_put(ctx, dir, cp->id, cp->has_salt ? cp->salt :
	    NULL, cp->key)) != 0)
		return ex;
	s->mailbox = dir;
	if (em_page(ctx, "mailbox: ")) {
		em_put_text(stdout, dir);
		putchar('\n');
	}
	return 0;
}

/* The couple here already: nothing changed. */
static void
init_kept(struct em_ctx *ctx, const struct em_couple *cp)
{
	em_page(ctx, "this database already belongs to couple %s; nothing "
	    "changed\n", cp->id);
}

/* init --passphrase: join the couple of DIR/couple, or make a new one. */
static int
init_pass(struct em_ctx *ctx, struct em_couple *cp, const char *dir,
    struct init_said *s)
{
	unsigned char	 salt[EM_SALT_BYTES], key[EM_KEY_BYTES];
	char		 couple[EM_ID_LEN + 1], *pass = NULL;
	int		 ex, has_salt = 0, there = 0;

	if (dir != NULL) {
		ex = em_box_couple_get(ctx, dir, couple, salt, &has_salt);
		if (ex == 0)
			there = 1;
		else if (ex != EM_EX_NOINPUT)
			return ex;
		else
			em_err_clear(ctx);
	}
	if (there && !has_salt)
		return em_err(ctx, EM_EX_DATAERR, "the couple in %s was made with a "
		    "pairing code, not a passphrase: join it with --join", dir);
	if (cp->has_key && (!there || strcmp(couple, cp->id) == 0)) {
		init_kept(ctx, cp);
		return there || dir == NULL ? 0 : put_couple_file(ctx, cp, dir, s);
	}
	if ((ex = ask_passphrase(ctx, !there, &pass)) != 0)
		return ex;
	if (!there)
		em_salt_new(salt);
	ex = em_key_from_pass(ctx, pass, salt, key);
	wipe(pass);
	if (ex != 0)
		goto out;
	if (there) {
		if ((ex = em_box_key_check(ctx, dir, key)) != 0 ||
		    (ex = em_couple_join(ctx, couple, key, salt)) != 0)
			goto out;
		s->joined = s->passphrase = 1;
		s->mailbox = dir;
		if (em_page(ctx, "joined couple %s, whose mailbox is in ", couple)) {
			em_put_text(stdout, dir);
			putchar('\n');
		}
		goto out;
	}
	if ((ex = em_couple_create(ctx, key, salt)) != 0 ||
	    (ex = couple_reload(ctx, cp)) != 0)
		goto out;
	s->made = s->passphrase = 1;
	em_page(ctx, "a new couple: %s, its key made from the passphrase\n",
	    cp->id);
	if (dir != NULL && (ex = put_couple_file(ctx, cp, dir, s)) != 0)
		goto out;
	s->next = dir != NULL ? "on the other machine, run 'empathy init "
	    "--passphrase --dir' with the same folder" : "on the other machine, "
	    "run 'empathy init --join -' with the code from 'empathy init "
	    "--show-key' here";
	em_page(ctx, "%s\n", s->next);
out:
	explicit_bzero(key, sizeof(key));
	return ex;
}

/* Letters and digits in s: what a pairing code is made of. */
static size_t
alnums(const char *s)
{
	size_t	 n = 0;

	for (; *s != '\0'; s++)
		if (isalnum((unsigned char)*s))
			n++;
	return n;
}

/* init --join CODE: the couple and key from the other machine's code. */
static int
init_join(struct em_ctx *ctx, struct em_couple *cp, const char *arg,
    const char *dir, struct init_said *s)
{
	unsigned char	 key[EM_KEY_BYTES];
	char		 couple[EM_ID_LEN + 1], *code = NULL, *more, *joined;
	char		 full[EM_PAIR_MAX];
	int		 ex;

	if (strcmp(arg, "-") == 0) {
		if ((ex = em_ask_secret(ctx, "Pairing code: ", &code)) != 0)
			return ex;
		/*
		 * A code shown on two lines may come in two: a line too
		 * short for a code is followed by the rest.
		 */
		memset(key, 0, sizeof(key));
		em_pair_code("0000000000000000", key, full);
		if (alnums(code) < alnums(full)) {
			ex = em_ask_secret(ctx, "The rest of the code: ", &more);
			if (ex == EM_EX_NO) {
				/* No more: what is wrong with the first line. */
				em_err_clear(ctx);
				if ((ex = em_pair_parse(ctx, code, couple, key)) == 0)
					more = em_strdup("");
			}
			if (ex != 0) {
				wipe(code);
				return ex;
			}
			joined = em_xcalloc(1, strlen(code) + strlen(more) + 2);
			sprintf(joined, "%s-%s", code, more);
			wipe(code);
			wipe(more);
			code = joined;
		}
		arg = code;
	}
	ex = em_pair_parse(ctx, arg, couple, key);
	wipe(code);
	if (ex != 0)
		return ex;
	if (cp->has_key && strcmp(cp->id, couple) == 0 &&
	    memcmp(cp->key, key, sizeof(key)) == 0) {
		init_kept(ctx, cp);
	} else {
		if ((ex = em_couple_join(ctx, couple, key, NULL)) != 0)
			goto out;
		s->joined = 1;
		em_page(ctx, "joined couple %s\n", couple);
	}
	if (dir != NULL) {
		if ((ex = couple_reload(ctx, cp)) == 0)
			ex = put_couple_file(ctx, cp, dir, s);
	}
out:
	explicit_bzero(key, sizeof(key));
	return ex;
}

/* init with no option: make the couple, unless there is one. */
static int
init_new(struct em_ctx *ctx, struct em_couple *cp, const char *dir, int showkey,
    struct init_said *s)
{
	unsigned char	 salt[EM_SALT_BYTES];
	char		 couple[EM_ID_LEN + 1];
	int		 ex, has_salt;

	if (cp->has_key) {
		init_kept(ctx, cp);
	} else {
		if (dir != NULL) {
			ex = em_box_couple_get(ctx, dir, couple, salt, &has_salt);
			if (ex == 0) {
				em_fail(ctx, EM_EX_USAGE, "%s already holds the "
				    "mailbox of couple %s: join it with %s", dir,
				    couple, has_salt ? "--passphrase" :
				    "--join - (the code from 'empathy init "
				    "--show-key' on the other machine)");
				return EM_EX_USAGE;
			}
			if (ex != EM_EX_NOINPUT)
				return ex;
			em_err_clear(ctx);
		}
		if ((ex = em_couple_create(ctx, NULL, NULL)) != 0)
			return ex;
		if ((ex = couple_reload(ctx, cp)) != 0)
			return ex;
		s->made = 1;
		em_page(ctx, "a new couple: %s\n", cp->id);
		if (!showkey)
			show_code(ctx, cp, 0, s);
	}
	return dir != NULL ? put_couple_file(ctx, cp, dir, s) : 0;
}

/*
 * init's record: who you are, the database, the couple and what init did
 * to it, the mailbox and the pairing code where the text shows them.
 */
static int
init_emit(struct em_ctx *ctx, const char *me, const struct init_said *s)
{
	static const struct em_col cols[] = { { "name", EM_STR },
	    { "database", EM_STR }, { "new", EM_BOOL }, { "couple", EM_STR },
	    { "made", EM_BOOL }, { "joined", EM_BOOL }, { "passphrase", EM_BOOL },
	    { "mailbox", EM_STR }, { "code", EM_STR }, { "config", EM_STR },
	    { "config_user", EM_STR }, { "next", EM_STR }, { NULL, 0 } };

	em_emit_head(ctx, cols);
	return em_emit(ctx, cols, (struct em_val []){ EM_S(me),
	    EM_S(ctx->dbpath), EM_N(s->fresh), EM_S(s->couple), EM_N(s->made),
	    EM_N(s->joined), EM_N(s->passphrase), EM_S(s->mailbox),
	    EM_S(s->code[0] != '\0' ? s->code : NULL), EM_S(s->config),
	    EM_S(s->config_user), EM_S(s->next) });
}

/* init's work once the options are read: the database, then the couple. */
static int
init_run(struct em_ctx *ctx, const char *join, int pass, const char *dir,
    int showkey, struct init_said *s)
{
	struct em_couple cp;
	int		 ex;

	if ((ex = em_db_open(ctx, EM_DB_READ)) != 0)
		return ex;
	s->fresh = ctx->db_mem;
	if ((ex = em_db_open(ctx, EM_DB_CREATE)) != 0)
		return ex;
	if (em_page(ctx, "database: ")) {
		em_put_text(stdout, ctx->dbpath);
		puts(s->fresh ? " (new)" : "");
	}
	if ((ex = em_couple_load(ctx, &cp)) != 0)
		return ex;
	if (join != NULL)
		ex = init_join(ctx, &cp, join, dir, s);
	else if (pass)
		ex = init_pass(ctx, &cp, dir, s);
	else
		ex = init_new(ctx, &cp, dir, showkey, s);
	if (ex == 0 && dir != NULL && (ex = em_meta_set(ctx, "sync.dir", dir)) == 0)
		ex = em_meta_set(ctx, "sync.ssh", NULL);
	if (ex == 0)
		ex = couple_reload(ctx, &cp);
	if (ex == 0 && cp.has_key)
		snprintf(s->couple, sizeof(s->couple), "%s", cp.id);
	if (ex == 0 && showkey) {
		if (!cp.has_key)
			ex = em_err(ctx, EM_EX_NOINPUT, "no couple key here yet");
		else
			show_code(ctx, &cp, 1, s);
	}
	em_couple_free(&cp);
	return ex;
}

static int
d_init(struct em_ctx *ctx, int argc, char **argv)
{
	struct init_args {
		const char	*dir, *join;
		int		 pass, showkey;
	} a = { NULL, NULL, 0, 0 };
	static const struct em_opt opts[] = {
		EM_OPTION("dir", 0, EM_OPT_STR, init_args, dir),
		EM_OPTION("join", 0, EM_OPT_STR, init_args, join),
		EM_OPTION("passphrase", 0, EM_OPT_FLAG, init_args, pass),
		EM_OPTION("show-key", 0, EM_OPT_FLAG, init_args, showkey),
		{ NULL }
	};
	struct init_said s;
	struct stat	 st;
	const char	*me, *join, *dir;
	char		*absdir = NULL;
	int		 ex, pass, showkey;

	if ((ex = em_opts(ctx, argc, argv, opts, &a)) != 0 ||
	    (ex = em_no_args(ctx, argc, argv)) != 0)
		return ex;
	dir = a.dir;
	join = a.join;
	pass = a.pass;
	showkey = a.showkey;
	if (join != NULL && pass) {
		em_fail(ctx, EM_EX_USAGE, "join with a pairing code or a "
		    "passphrase, not both");
		return em_usage(ctx, stderr, EM_EX_USAGE);
	}
	if (dir != NULL && *dir == '\0')
		return em_fail(ctx, EM_EX_USAGE, "--dir needs a folder");
	if (dir != NULL && (stat(dir, &st) != 0 || !S_ISDIR(st.st_mode)))
		return em_err(ctx, EM_EX_NOINPUT, "%s: no such folder (make it, or "
		    "let Syncthing or Dropbox make it, first)", dir);
	/* Kept for later syncs, which cron may start anywhere. */
	if (dir != NULL && (absdir = realpath(dir, NULL)) != NULL)
		dir = absdir;
	memset(&s, 0, sizeof(s));
	/* text says each step as it is done; a record says them all after */
	if ((ex = init_user(ctx, &me, &s)) == 0 &&
	    (ex = init_run(ctx, join, pass, dir, showkey, &s)) == 0)
		init_emit(ctx, me, &s);
	explicit_bzero(s.code, sizeof(s.code));
	free(s.config);
	free(absdir);
	return ex;
}

/* ---- sync ---- */

static void
put_count(long n, const char *one, const char *many)
{
	printf("%ld %s", n, n == 1 ? one : many);
}

/* How sync was asked to run. */
struct sync_args {
	const char	*dir, *host;
	int		 qflag, serve;
};

static int
sync_opts(struct em_ctx *ctx, int argc, char **argv, struct sync_args *a)
{
	static const struct em_opt opts[] = {
		EM_OPTION(NULL, 'q', EM_OPT_FLAG, sync_args, qflag),
		EM_OPTION("dir", 0, EM_OPT_STR, sync_args, dir),
		EM_OPTION("serve", 0, EM_OPT_FLAG, sync_args, serve),
		EM_OPTION("ssh", 0, EM_OPT_STR, sync_args, host),
		{ NULL }
	};
	int	 ex;

	if ((ex = em_opts(ctx, argc, argv, opts, a)) != 0 ||
	    (ex = em_no_args(ctx, argc, argv)) != 0)
		return ex;
	if ((a->dir != NULL) + (a->host != NULL) + a->serve > 1) {
		em_fail(ctx, EM_EX_USAGE, "one way to sync at a time: --dir, --ssh "
		    "or --serve");
		return em_usage(ctx, stderr, EM_EX_USAGE);
	}
	if ((a->dir != NULL && *a->dir == '\0') ||
	    (a->host != NULL && *a->host == '\0'))
		return em_fail(ctx, EM_EX_USAGE, "%s needs a value", a->dir !=
		    NULL ? "--dir" : "--ssh");
	return 0;
}

/* No --dir or --ssh: the way the last sync took; *saved is freed by the caller. */
static int
sync_saved(struct em_ctx *ctx, struct sync_args *a, char **saved)
{
	int	 ex;

	*saved = NULL;
	if ((ex = em_db_open(ctx, EM_DB_READ)) != 0 ||
	    (ex = em_meta_get(ctx, "sync.dir", saved)) != 0)
		return ex;
	if (*saved != NULL)
		a->dir = *saved;
	else if ((ex = em_meta_get(ctx, "sync.ssh", saved)) != 0)
		return ex;
	else
		a->host = *saved;
	if (*saved == NULL) {
		em_fail(ctx, EM_EX_USAGE, "no sync has run here yet: say "
		    "where the other machine is, once, with --dir DIR (a "
		    "shared folder) or --ssh HOST");
		return em_usage(ctx, stderr, EM_EX_USAGE);
	}
	return 0;
}

/* What a sync did: changes sent and received, and what became of them. */
static void
sync_show(struct em_ctx *ctx, const struct em_sync_report *rep)
{
	static const struct em_col cols[] = { { "sent", EM_INT },
	    { "received", EM_INT }, { "applied", EM_INT }, { "earlier", EM_INT },
	    { "pending", EM_INT }, { NULL, 0 } };

	em_emit_head(ctx, cols);
	if (em_emit(ctx, cols, (struct em_val []){ EM_N(rep->sent),
	    EM_N(rep->received), EM_N(rep->applied), EM_N(rep->earlier),
	    EM_N(rep->pending) }) == 0)
		return;
	fputs("sent ", stdout);
	put_count(rep->sent, "change", "changes");
	fputs(", received ", stdout);
	put_count(rep->received, "change", "changes");
	if (rep->received > 0 && rep->applied != rep->received)
		printf(" (%ld applied)", rep->applied);
	putchar('\n');
	if (rep->earlier > 0) {
		put_count(rep->earlier, "text", "texts");
		puts(" lost to a newer version and kept as earlier versions (see "
		    "empathy-checkin show, empathy-journal history)");
	}
	if (rep->pending > 0) {
		put_count(rep->pending, "change waits", "changes wait");
		puts(" for what it depends on to arrive");
	}
}

static int
d_sync(struct em_ctx *ctx, int argc, char **argv)
{
	struct sync_args a;
	struct em_sync_report rep;
	const char	*line, *nl;
	char		*saved = NULL;
	int		 ex, progress;

	memset(&a, 0, sizeof(a));
	if ((ex = sync_opts(ctx, argc, argv, &a)) != 0)
		return ex;
	if (a.serve)
		return em_sync_serve(ctx);
	if (a.dir == NULL && a.host == NULL &&
	    (ex = sync_saved(ctx, &a, &saved)) != 0) {
		free(saved);
		return ex;
	}
	progress = !a.qflag && isatty(STDERR_FILENO);
	memset(&rep, 0, sizeof(rep));
	ex = a.dir != NULL ? em_sync_dir(ctx, a.dir, progress, &rep) :
	    em_sync_ssh(ctx, a.host, progress, &rep);
	/* The way just used is the one the next sync takes: forget the other. */
	if ((ex == 0 || ex == EM_EX_DATAERR) && saved == NULL &&
	    em_meta_set(ctx, a.dir != NULL ? "sync.ssh" : "sync.dir", NULL) != 0) {
		em_warn(ctx, "%s", em_errmsg(ctx));
		em_err_clear(ctx);
	}
	free(saved);
	/*
	 * Refusals come back as the status with its message; the warnings
	 * (a clock far off, a file refused) are said even with -q.
	 */
	for (line = rep.warnings; line != NULL && *line != '\0'; line = nl + 1) {
		if ((nl = strchr(line, '\n')) == NULL)
			nl = line + strlen(line) - 1;
		em_warn(ctx, "%.*s", (int)(nl - line + (*nl != '\n')), line);
	}
	if ((ex == 0 || ex == EM_EX_DATAERR) && !a.qflag)
		sync_show(ctx, &rep);
	em_sync_report_free(&rep);
	return ex;
}

int
main(int argc, char *argv[])
{
	static char	 today[] = "today";
	struct em_ctx	 ctx;
	char		**av, **v;
	int		 ac, ex;

	/*
	 * No command is `today`: parse the common options with "today"
	 * after everything; if it is where the command stands, none was
	 * given, else it is dropped again.
	 */
	em_ctx_init(&ctx, "empathy");
	av = em_xcalloc((size_t)argc + 2, sizeof(*av));
	memcpy(av, argv, (size_t)argc * sizeof(*av));
	av[argc] = today;
	ac = argc + 1;
	v = av;
	if ((ex = em_common_opts(&ctx, &ac, &v, subcmds)) == EM_CONTINUE) {
		if (v != av + argc) {
			ac--;
			v[ac] = NULL;
		}
		pre_argv = av + 1;
		pre_argc = (int)(v - av) - 1;
		ex = em_dispatch(&ctx, ac, v);
	}
	ex = em_ctx_finish(&ctx, ex);
	free(av);
	return ex;
}
