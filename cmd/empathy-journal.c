/* empathy-journal: moments of feeling seen or misunderstood, searched and reviewed weekly. */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "em.h"

#define NOW	"strftime('%Y-%m-%dT%H:%M:%fZ', 'now')"
#define REVIEW_WIDTH	80
#define REVIEW_TAGS	5	/* tags the review names; it counts the rest */
#define SAVING	"saving the journal"	/* what failed, when a write fails */
#define CHANGE	"change it"		/* what only an entry's author may do */

static int	j_add(struct em_ctx *, int, char **);
static int	j_list(struct em_ctx *, int, char **);
static int	j_review(struct em_ctx *, int, char **);
static int	j_edit(struct em_ctx *, int, char **);
static int	j_rm(struct em_ctx *, int, char **);
static int	j_restore(struct em_ctx *, int, char **);
static int	j_history(struct em_ctx *, int, char **);
static int	j_tags(struct em_ctx *, int, char **);
static int	j_unseal(struct em_ctx *, int, char **);

static const struct em_subcmd subcmds[] = {
	{ "add", j_add, "(--seen | --misunderstood) [--date date] [--tag tag]... "
	    "[--sealed | --no-sealed] [text ...]",
	    "write down a moment you felt seen or misunderstood" },
	{ "list", j_list, "[--since date] [--until date] [--seen | --misunderstood] "
	    "[--by name] [--tag tag] [--grep words] [-n number]",
	    "moments, newest first; search with --grep" },
	{ "review", j_review, "[--week YYYY-Www]",
	    "the weekly review to read together" },
	{ "edit", j_edit, "[--tag tag]... [--untag tag]... [--text] id",
	    "change a moment's text or tags (the old ones are kept)" },
	{ "rm", j_rm, "[--purge | --undo] id",
	    "remove a moment (recoverable unless --purge)" },
	{ "restore", j_restore, "id",
	    "bring back a removed moment" },
	{ "history", j_history, "id",
	    "a moment's text now and every earlier version of it" },
	{ "tags", j_tags, "",
	    "the tags in use, with counts" },
	{ "unseal", j_unseal, "id",
	    "let your partner read a sealed moment now" },
	{ "export", em_cmd_export, "",
	    "write the journal as JSON Lines" },
	{ "import", em_cmd_import, "",
	    "merge journal entries from JSON Lines on stdin" },
	{ NULL, NULL, NULL, NULL }
};

static const char *const wdays[] = { "", "Mon", "Tue", "Wed", "Thu", "Fri",
	"Sat", "Sun" };

/* Tags as people read them: "#work #family"; the caller frees it. */
static char *
hash_tags(const char *tags)
{
	char		*s = em_xcalloc(1, strlen(tags) * 2 + 2), *o = s;
	const char	*p;

	for (p = tags; *p != '\0'; p++) {
		if (p == tags || p[-1] == ' ')
			*o++ = '#';
		*o++ = *p;
	}
	return s;
}

/* --seen or --misunderstood, as options store it (felt[] names it). */
enum { SEEN = 1, MISUNDERSTOOD };
static const char *const felt[] = { NULL, "seen", "misunderstood" };

/* What add was told: the kind, the day, the tags, and whether sealed. */
struct add_args {
	const char	*kind;
	long		 day;
	struct em_tags	 ts;
	int		 k;		/* SEEN or MISUNDERSTOOD; 0 none */
	int		 sealed;	/* -1: as the config says */
};
#define ADD_KIND	"an entry is either --seen or --misunderstood, not both"
#define ADD_SEALED	"a moment is either --sealed or --no-sealed, not both"

static int
add_opts(struct em_ctx *ctx, int argc, char **argv, struct add_args *a)
{
	static const struct em_opt opts[] = {
		EM_OPTION("date", 0, EM_OPT_PAST, add_args, day),
		{ .name = "misunderstood", .type = EM_OPT_SET, .val = MISUNDERSTOOD,
		    .off = offsetof(struct add_args, k), .clash = ADD_KIND },
		{ .name = "no-sealed", .type = EM_OPT_SET, .val = 0,
		    .off = offsetof(struct add_args, sealed), .clash = ADD_SEALED },
		{ .name = "sealed", .type = EM_OPT_SET, .val = 1,
		    .off = offsetof(struct add_args, sealed), .clash = ADD_SEALED },
		{ .name = "seen", .type = EM_OPT_SET, .val = SEEN,
		    .off = offsetof(struct add_args, k), .clash = ADD_KIND },
		EM_OPTION("tag", 0, EM_OPT_TAG, add_args, ts),
		{ NULL }
	};
	int	 ex;

	if ((ex = em_opts(ctx, argc, argv, opts, a)) != 0)
		return ex;
	a->kind = felt[a->k];
	if (a->kind == NULL) {
		em_fail(ctx, EM_EX_USAGE, "say whether you felt --seen or "
		    "--misunderstood");
		return em_usage(ctx, stderr, EM_EX_USAGE);
	}
	return 0;
}

/* The new entry, in one transaction. */
static int
add_save(struct em_ctx *ctx, const char *id, const char *user,
    struct add_args *a, const char *text, const char *lifts)
{
	char	*tags, date[11];
	int	 ex;

	tags = em_tags_join(&a->ts);
	em_date_fmt(a->day, date);
	if ((ex = em_db_open(ctx, EM_DB_WRITE)) != 0 ||
	    (ex = em_db_begin(ctx)) != 0)
		goto out;
	if ((ex = em_sql_run(ctx, "saving the entry", "INSERT INTO entry (id, "
	    "user, date, kind, text, tags, sealed, created, updated) VALUES (?1, "
	    "?2, ?3, ?4, ?5, ?6, ?7, " NOW ", " NOW ")", "sssssss", id, user, date,
	    a->kind, text, tags, a->sealed ? lifts : NULL)) != 0 ||
	    (ex = em_db_exec(ctx, em_entry_index)) != 0) {
		em_db_rollback(ctx);
		goto out;
	}
	ex = em_db_commit(ctx);
out:
	free(tags);
	return ex;
}

/*
 * What was written: "abcdef1: felt seen on Mon 2026-03-02, sealed until
 * Sun 2026-03-08", or its record. sealed: the day it opens, if not yet.
 */
static void
add_show(struct em_ctx *ctx, const char *id, const struct add_args *a,
    const char *sealed)
{
	static const struct em_col cols[] = { { "id", EM_STR },
	    { "date", EM_STR }, { "kind", EM_STR }, { "sealed", EM_STR },
	    { NULL, 0 } };
	char	 date[11];

	em_date_fmt(a->day, date);
	em_emit_head(ctx, cols);
	if (em_emit(ctx, cols, (struct em_val []){ EM_S(id), EM_S(date),
	    EM_S(a->kind), EM_S(sealed) }) == 0)
		return;
	printf("%.7s: felt %s on %s %s", id, a->kind,
	    wdays[em_date_wday(a->day)], date);
	if (sealed != NULL)
		printf(", sealed until %s %s", wdays[7], sealed);
	putchar('\n');
}

static int
j_add(struct em_ctx *ctx, int argc, char **argv)
{
	struct add_args	 a;
	const char	*user;
	char		*text = NULL, id[EM_ID_LEN + 1];
	char		 tmpl[512], lifts[11], until[32] = "";
	int		 ex;

	memset(&a, 0, sizeof(a));
	a.day = em_date_today();
	a.sealed = -1;
	if ((ex = add_opts(ctx, argc, argv, &a)) != 0 ||
	    (ex = em_ctx_user(ctx, &user)) != 0 || (ex = em_cfg_load(ctx)) != 0)
		goto out;
	/* --sealed or --no-sealed, else "sealed:" in the config, else not. */
	if (a.sealed == -1)
		a.sealed = ctx->cfg_sealed == 1;
	em_date_fmt(em_seal_lifts(a.day), lifts);
	if (a.sealed && em_seal_lifts(a.day) > em_date_today())
		snprintf(until, sizeof(until), "%s %s", wdays[7], lifts);
	snprintf(tmpl, sizeof(tmpl), "\n# A moment when you felt %s. Write it "
	    "below or above these lines;\n# lines that start with # are left out, "
	    "and an empty entry stores nothing.\n%s%s%s", a.kind, *until != '\0' ?
	    "# Sealed: your partner sees that it is there, not its words, until " :
	    "", until, *until != '\0' ? ".\n" : "");
	if ((ex = em_input_text(ctx, argc - optind, argv + optind, "the entry",
	    tmpl, NULL, &text)) != 0)
		goto out;
	em_id_new(id);
	if ((ex = add_save(ctx, id, user, &a, text, lifts)) == 0)
		add_show(ctx, id, &a, *until != '\0' ? lifts : NULL);
out:
	em_tags_free(&a.ts);
	free(text);
	return ex;
}

/*
 * What people type into --grep, as an FTS5 query that cannot be a syntax
 * error: every word a quoted string (so AND between them), word* a prefix,
 * "a phrase" a phrase.
 */
static char *
fts_query(const char *in)
{
	char	*q = em_xcalloc(1, strlen(in) * 3 + 8), *o = q;
	const char *p = in;
	int	 inphrase = 0;

	while (*p != '\0') {
		while (*p == ' ' || *p == '\t')
			p++;
		if (*p == '\0')
			break;
		if (o != q)
			*o++ = ' ';
		*o++ = '"';
		if (*p == '"') {
			inphrase = 1;
			p++;
		}
		while (*p != '\0' && (inphrase ? *p != '"' : (*p != ' ' && *p != '\t'))) {
			if (!inphrase && *p == '*' && (p[1] == '\0' || p[1] == ' '))
				break;
			if (*p == '"')
				*o++ = '"';
			*o++ = *p++;
		}
		*o++ = '"';
		if (inphrase && *p == '"')
			p++;
		inphrase = 0;
		if (*p == '*') {
			*o++ = '*';
			p++;
		}
	}
	*o = '\0';
	return q;
}

/*
 * Dates are always bounded, by these when no bound is given, so that SQLite
 * can walk the date index: "?1 IS NULL OR date >= ?1" would read every entry.
 */
#define DATE_MIN	"0000-00-00"
#define DATE_MAX	"9999-99-99"

/*
 * The entries a list shows. With --grep (GREP), either all matches are
 * candidates or (FIRST) only the ?8 newest in the order they were written
 * (rowid): FTS5 reads a long list of matches backwards more slowly than
 * forwards. No "?6 IS NULL OR": SQLite would then walk every date.
 */
#define GREP(first) \
    " AND rowid IN (SELECT rowid FROM entry_fts WHERE entry_fts MATCH ?6" first ")" \
    " AND NOT " EM_HIDDEN("")
#define FIRST	" ORDER BY rowid DESC LIMIT ?8"
#define LIST_WHERE(grep) \
    "WHERE removed IS NULL" \
    " AND date BETWEEN ?1 AND ?2" \
    " AND (?3 IS NULL OR kind = ?3) AND (?4 IS NULL OR user = ?4)" \
    " AND (?5 IS NULL OR (instr(' ' || tags || ' ', ' ' || ?5 || ' ') > 0" \
    " AND NOT " EM_HIDDEN("") "))" \
    grep " " \
    "ORDER BY date DESC, created DESC, id LIMIT ?7"
/*
 * A moment sealed from you (em_seal.c) shows its date and kind, and the
 * day it opens; not its words, nor its tags, which are words too.
 */
#define LIST_COLS \
    "SELECT id, date, user, kind, CASE WHEN " EM_HIDDEN("") " THEN '' ELSE" \
    " tags END AS tags, CASE WHEN " EM_HIDDEN("") " THEN NULL ELSE text END" \
    " AS text, created, updated, CASE WHEN " EM_SEALED("") " THEN sealed END" \
    " AS sealed FROM entry e "
static const char list_sql[] = LIST_COLS LIST_WHERE("");
static const char list_grep_sql[] = LIST_COLS LIST_WHERE(GREP(""));
static const char list_first_sql[] = LIST_COLS LIST_WHERE(GREP(FIRST));

/*
 * Whether the newest ?8 matches are enough for the -n ?7 newest by date.
 * Entries are mostly written in date order, so for a common word the first
 * few matches hold the answer, and reading all of them (300,000 at a million
 * entries) costs ten times as much. They are enough when no entry written
 * before the oldest of them is dated on or after the last one shown. A word
 * with fewer than GREP_FEW matches is read whole: that costs less than
 * looking back through the dates for the check. CASE, not AND and OR, so
 * that SQLite stops at the first answer.
 */
#define GREP_FEW	"2000"
static const char list_enough_sql[] =
    "WITH c AS MATERIALIZED (SELECT rowid AS r FROM entry_fts WHERE entry_fts MATCH ?6"
    FIRST "),"
    " top AS (SELECT date FROM entry e " LIST_WHERE(GREP(FIRST)) ") "
    "SELECT CASE WHEN (SELECT count(*) FROM (SELECT 1 FROM entry_fts"
    "  WHERE entry_fts MATCH ?6 LIMIT " GREP_FEW ")) < " GREP_FEW " THEN 0"
    " WHEN (SELECT count(*) FROM c) < ?8 THEN 1"
    " WHEN (SELECT count(*) FROM top) < ?7 THEN 0"
    " ELSE NOT EXISTS (SELECT 1 FROM entry WHERE date >= (SELECT min(date) FROM top)"
    "  AND rowid < (SELECT min(r) FROM c)) END";

/*
 * Matches to try first for -n N: twice as many, and with filters (f) room
 * for them to leave out three in four. Each one tried is a row looked up.
 */
#define GREP_FIRST(n, f) ((n) < 1000000 ? ((n) * 2 + 8) * ((f) ? 2 : 1) : -1)

static void
list_bind(sqlite3_stmt *st, const char *const *v, long limit, long first)
{
	int	 i;

	for (i = 0; i < 6; i++)
		em_bind_text(st, i + 1, v[i]);
	sqlite3_bind_int64(st, 7, limit);
	sqlite3_bind_int64(st, 8, first);
}

/*
 * "(sealed until Sun 2026-03-08)" under a moment sealed now, with whether
 * the one reading may not read it yet. The date was checked on the way in.
 */
static void
sealed_line(struct em_ctx *ctx, const char *sealed, int hidden)
{
	long	 day;

	if (sealed == NULL || em_date_parse(sealed, &day) != 0)
		return;
	printf("    %s(sealed until %s %s%s)%s\n", em_color(ctx, "\033[2m"),
	    wdays[em_date_wday(day)], sealed, hidden ? "" :
	    "; your partner sees only that it is there", em_color(ctx, "\033[0m"));
}

/* The longest name the first line of a listed entry shows whole. */
#define NAME_COLS	40

/*
 * One entry for people: "date  id  name felt kind  #tags", then its text
 * wrapped and indented, all within REVIEW_WIDTH columns. A long name is cut
 * (em_put_cell marks the cut with "…"); tags that do not fit go on lines of their own.
 */
static void
list_text(struct em_ctx *ctx, sqlite3_stmt *st)
{
	const char *b = em_color(ctx, "\033[1m"), *off = em_color(ctx, "\033[0m");
	const char *dim = em_color(ctx, "\033[2m"), *user, *kind;
	char	 **lines, *tags;
	size_t	  n, i, used;

	/* The date and the id are checked on the way in: ASCII, fixed width. */
	printf("%s%s%s  %s%.7s%s  ", b, sqlite3_column_text(st, 1), off, dim,
	    sqlite3_column_text(st, 0), off);
	user = (const char *)sqlite3_column_text(st, 2);
	kind = (const char *)sqlite3_column_text(st, 3);
	if (em_text_width(user) > NAME_COLS) {
		em_put_cell(stdout, user, NAME_COLS, 0);	/* ends in "…" */
		used = 10 + 2 + 7 + 2 + NAME_COLS;
	} else {
		em_put_text(stdout, user);
		used = 10 + 2 + 7 + 2 + em_text_width(user);
	}
	printf(" felt %s", kind);
	used += strlen(" felt ") + strlen(kind);
	tags = hash_tags((const char *)sqlite3_column_text(st, 4));
	if (*tags != '\0' && used + 2 + em_text_width(tags) <= REVIEW_WIDTH) {
		printf("  %s", dim);
		em_put_text(stdout, tags);
		fputs(off, stdout);
	} else if (*tags != '\0') {
		em_wrap(tags, REVIEW_WIDTH - 4, &lines, &n);
		for (i = 0; i < n; i++) {
			printf("\n    %s", dim);
			em_put_text(stdout, lines[i]);
			fputs(off, stdout);
		}
		em_strv_free(lines, n);
	}
	free(tags);
	putchar('\n');
	sealed_line(ctx, (const char *)sqlite3_column_text(st, 8),
	    sqlite3_column_type(st, 5) == SQLITE_NULL);
	if (sqlite3_column_type(st, 5) != SQLITE_NULL)
		em_put_wrapped((const char *)sqlite3_column_text(st, 5),
		    REVIEW_WIDTH, 4, 0);
}

/*
 * Nothing to show: when the journal has no entry at all, say how to begin
 * to a person reading text (em_hint, as the other programs' reads do). The
 * status stays EM_EX_NO.
 */
static int
nothing_yet(struct em_ctx *ctx, int tags)
{
	long	 any;
	int	 ex;

	if ((ex = em_sql_long(ctx, "reading the journal", &any, "SELECT EXISTS "
	    "(SELECT 1 FROM entry WHERE removed IS NULL)", "")) != 0)
		return ex;
	if (!any)
		em_hint(ctx, "the journal is empty; write down a first moment "
		    "with: %s add --seen (or --misunderstood)", ctx->prog);
	else if (tags)
		em_hint(ctx, "no entry has a tag yet; give one a tag with: "
		    "%s edit --tag TAG ID", ctx->prog);
	return EM_EX_NO;
}

/* The fields of a listed entry, as LIST_COLS selects them. */
static const struct em_col list_cols[] = { { "id", EM_STR }, { "date", EM_STR },
	{ "user", EM_STR }, { "kind", EM_STR }, { "tags", EM_STR },
	{ "text", EM_STR }, { "created", EM_STR }, { "updated", EM_STR },
	{ "sealed", EM_STR }, { NULL, 0 } };

/* What list was asked for: its filters, bound as ?1 to ?6, and -n. */
struct list_args {
	struct em_tags	 ts;
	const char	*kind, *by, *grep;
	char		*q;		/* grep as an FTS5 query */
	char		 since[11], until[11];
	long		 limit, dsince, duntil;
	int		 k, sflag, uflag;
};
#define LIST_KIND	"list --seen or --misunderstood, or neither for both"

static int
list_opts(struct em_ctx *ctx, int argc, char **argv, struct list_args *a)
{
	static const struct em_opt opts[] = {
		EM_OPTION(NULL, 'n', EM_OPT_COUNT, list_args, limit),
		EM_OPTION("by", 0, EM_OPT_NAME, list_args, by),
		EM_OPTION("grep", 0, EM_OPT_STR, list_args, grep),
		{ .name = "misunderstood", .type = EM_OPT_SET, .val = MISUNDERSTOOD,
		    .off = offsetof(struct list_args, k), .clash = LIST_KIND },
		{ .name = "seen", .type = EM_OPT_SET, .val = SEEN,
		    .off = offsetof(struct list_args, k), .clash = LIST_KIND },
		EM_OPTION("since", 0, EM_OPT_DATE, list_args, dsince),
		EM_OPTION("since", 0, EM_OPT_FLAG, list_args, sflag),
		{ .name = "tag", .type = EM_OPT_TAG,
		    .off = offsetof(struct list_args, ts),
		    .clash = "list takes one --tag" },
		EM_OPTION("until", 0, EM_OPT_DATE, list_args, duntil),
		EM_OPTION("until", 0, EM_OPT_FLAG, list_args, uflag),
		{ NULL }
	};
	int	 ex;

	a->limit = -1;
	if ((ex = em_opts(ctx, argc, argv, opts, a)) != 0 ||
	    (ex = em_no_args(ctx, argc, argv)) != 0)
		return ex;
	a->kind = felt[a->k];
	if (a->sflag)
		em_date_fmt(a->dsince, a->since);
	if (a->uflag)
		em_date_fmt(a->duntil, a->until);
	if (a->grep != NULL) {
		a->q = fts_query(a->grep);
		if (*a->q == '\0')
			return em_fail(ctx, EM_EX_USAGE, "--grep needs words to "
			    "look for");
	}
	return 0;
}

/*
 * The statement of the entries to list: with --grep and -n, the newest
 * matches first when they are enough (list_enough_sql).
 */
static int
list_prepare(struct em_ctx *ctx, const struct list_args *a, sqlite3_stmt **stp)
{
	const char	*v[6];
	long		 first = -1;
	int		 ex, rc, filtered;

	*stp = NULL;
	v[0] = a->sflag ? a->since : DATE_MIN;
	v[1] = a->uflag ? a->until : DATE_MAX;
	v[2] = a->kind;
	v[3] = a->by;
	v[4] = a->ts.n ? a->ts.v[0] : NULL;
	v[5] = a->q;
	filtered = a->kind != NULL || a->by != NULL || a->ts.n > 0 || a->sflag ||
	    a->uflag;
	if (a->q != NULL && a->limit > 0 && GREP_FIRST(a->limit, filtered) > 0) {
		first = GREP_FIRST(a->limit, filtered);
		if ((ex = em_db_prepare(ctx, stp, list_enough_sql)) != 0)
			return ex;
		list_bind(*stp, v, a->limit, first);
		if ((rc = sqlite3_step(*stp)) != SQLITE_ROW)
			ex = em_db_err(ctx, rc, "reading the journal");
		else if (!sqlite3_column_int(*stp, 0))
			first = -1;
		sqlite3_finalize(*stp);
		*stp = NULL;
		if (ex != 0)
			return ex;
	}
	if ((ex = em_db_prepare(ctx, stp, a->q == NULL ? list_sql : first < 0 ?
	    list_grep_sql : list_first_sql)) != 0)
		return ex;
	list_bind(*stp, v, a->limit, first);
	return 0;
}

/* Every entry of the statement, as text or records; how many in *rows. */
static int
list_show(struct em_ctx *ctx, sqlite3_stmt *st, long *rows)
{
	int	 rc;

	*rows = 0;
	em_emit_head(ctx, list_cols);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (em_emit_row(ctx, list_cols, st) != 0) {
			if (*rows > 0)
				putchar('\n');
			list_text(ctx, st);
		}
		(*rows)++;
	}
	return rc == SQLITE_DONE ? 0 : em_db_err(ctx, rc, "reading the journal");
}

static int
j_list(struct em_ctx *ctx, int argc, char **argv)
{
	struct list_args a;
	sqlite3_stmt	*st = NULL;
	long		 rows = 0;
	int		 ex;

	memset(&a, 0, sizeof(a));
	if ((ex = list_opts(ctx, argc, argv, &a)) != 0)
		goto out;
	em_seal_reader(ctx);
	if ((ex = em_db_open(ctx, EM_DB_READ)) != 0 ||
	    (ex = list_prepare(ctx, &a, &st)) != 0 ||
	    (ex = list_show(ctx, st, &rows)) != 0)
		goto out;
	if (rows == 0) {
		sqlite3_finalize(st);
		st = NULL;
		ex = nothing_yet(ctx, 0);
	}
out:
	sqlite3_finalize(st);
	em_tags_free(&a.ts);
	free(a.q);
	return ex;
}

/*
 * What happened to an entry: "abcdef1: removed (bring it back with
 * restore)" for people; its id and the outcome in a word or two for scripts.
 */
static void
put_id(struct em_ctx *ctx, const char *id, const char *result, const char *more)
{
	static const struct em_col cols[] = { { "id", EM_STR },
	    { "result", EM_STR }, { NULL, 0 } };

	em_emit_head(ctx, cols);
	if (em_emit(ctx, cols, (struct em_val []){ EM_S(id), EM_S(result) }) != 0)
		printf("%.7s: %s%s\n", id, result, more);
}

/* Find one of your own entries (removed: 1 yes, 0 no, -1 either) by its id or a prefix of at least 4 digits. */
static int
find_entry(struct em_ctx *ctx, const char *prefix, int removed, const char *may,
    char **idp)
{
	sqlite3_stmt	*st;
	const char	*me;
	int		 ex, rc, n = 0;
	char		*owner = NULL;

	*idp = NULL;
	if (strlen(prefix) < 4 || strlen(prefix) > EM_ID_LEN ||
	    strspn(prefix, "0123456789abcdef") != strlen(prefix))
		return em_err(ctx, EM_EX_USAGE, "'%s' is not an entry id (at least "
		    "4 of its hex digits)", prefix);
	if ((ex = em_ctx_user(ctx, &me)) != 0)
		return ex;
	if ((ex = em_sql_prep(ctx, &st, "SELECT id, user FROM entry WHERE id >= ?1 "
	    "AND id < ?1 || 'g' AND (?2 < 0 OR (removed IS NOT NULL) = ?2) "
	    "LIMIT 2", "sl", prefix, (long)removed)) != 0)
		return ex;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (n++ == 0) {
			*idp = em_strdup((const char *)sqlite3_column_text(st, 0));
			owner = em_strdup((const char *)sqlite3_column_text(st, 1));
		}
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		ex = em_db_err(ctx, rc, "reading the journal");
	else if (n == 0)
		ex = em_err(ctx, EM_EX_NOINPUT, "no %sentry %s", removed == 1 ?
		    "removed " : "", prefix);
	else if (n > 1)
		ex = em_err(ctx, EM_EX_USAGE, "%s could be more than one entry; give "
		    "more of its id", prefix);
	else if (strcmp(owner, me) != 0)
		ex = em_err(ctx, EM_EX_DATAERR, "entry %s is %s's; only its author "
		    "can %s", prefix, owner, may);
	free(owner);
	if (ex != 0) {
		free(*idp);
		*idp = NULL;
	}
	return ex;
}

/*
 * The entry's tags after edit: those it had, with ts added and un taken
 * away. A tag to take away that it does not have is refused, before any
 * text is asked for.
 */
static int
edit_tags(struct em_ctx *ctx, const char *prefix, const char *old,
    struct em_tags *ts, struct em_tags *un, char **out)
{
	struct em_tags	 all = { { NULL }, 0 };
	char		*copy, *tok, *save;
	size_t		 i, j;
	int		 ex = 0;

	*out = NULL;
	copy = em_strdup(old);
	for (tok = strtok_r(copy, " ", &save); tok != NULL && ex == 0;
	    tok = strtok_r(NULL, " ", &save))
		ex = em_opt_tag(ctx, "--tag", &all, tok);
	free(copy);
	for (i = 0; i < ts->n && ex == 0; i++)
		ex = em_opt_tag(ctx, "--tag", &all, ts->v[i]);
	for (i = 0; i < un->n && ex == 0; i++) {
		for (j = 0; j < all.n && strcmp(all.v[j], un->v[i]) != 0; j++)
			;
		if (j == all.n) {
			ex = em_err(ctx, EM_EX_DATAERR, "--untag: entry %s has no tag "
			    "#%s; nothing was changed", prefix, un->v[i]);
			break;
		}
		free(all.v[j]);
		all.v[j] = all.v[--all.n];
	}
	if (ex == 0)
		*out = em_tags_join(&all);
	em_tags_free(&all);
	return ex;
}

/*
 * Whether the entry is still there to be changed, in the transaction that
 * changes it: the editor may have been open for a while, long enough for
 * the entry to be removed, or erased by an import or a purge.
 */
static int
still_there(struct em_ctx *ctx, const char *id)
{
	sqlite3_stmt	*st;
	int		 ex, rc, removed = 0;

	if ((ex = em_sql_prep(ctx, &st, "SELECT removed IS NOT NULL FROM entry "
	    "WHERE id = ?1", "s", id)) != 0)
		return ex;
	if ((rc = sqlite3_step(st)) == SQLITE_ROW)
		removed = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	if (rc == SQLITE_DONE)
		return em_err(ctx, EM_EX_NOINPUT, "entry %.7s was erased while you "
		    "were editing it; nothing was changed", id);
	if (rc != SQLITE_ROW)
		return em_db_err(ctx, rc, "reading the journal");
	if (removed)
		return em_err(ctx, EM_EX_NOINPUT, "entry %.7s was removed while you "
		    "were editing it; nothing was changed (bring it back with "
		    "restore, then edit it again)", id);
	return 0;
}

/* edit's options: tags to add (ts) and take away (un), and --text. */
struct edit_args {
	struct em_tags	 ts, un;
	int		 xflag;
};

/* A tag to take away, with or without its '#'. */
static int
untag_ok(const char *arg)
{
	return em_tag_valid(arg + (*arg == '#'));
}

static int
edit_opts(struct em_ctx *ctx, int argc, char **argv, struct edit_args *a)
{
	static const struct em_opt opts[] = {
		EM_OPTION("tag", 0, EM_OPT_TAG, edit_args, ts),
		EM_OPTION("text", 0, EM_OPT_FLAG, edit_args, xflag),
		{ .name = "untag", .type = EM_OPT_TAG,
		    .off = offsetof(struct edit_args, un), .ok = untag_ok,
		    .what = "a tag (" EM_TAG_RULE ")" },
		{ NULL }
	};
	const struct em_tags *ts = &a->ts, *un = &a->un;
	size_t	 i, j;
	int	 ex;

	if ((ex = em_opts(ctx, argc, argv, opts, a)) != 0)
		return ex;
	for (i = 0; i < ts->n; i++)
		for (j = 0; j < un->n; j++)
			if (strcmp(ts->v[i], un->v[j]) == 0)
				return em_fail(ctx, EM_EX_USAGE, "#%s is both in "
				    "--tag and in --untag", ts->v[i]);
	/* Only tags to change: the text stays, and nothing is read for it. */
	if (ts->n == 0 && un->n == 0)
		a->xflag = 1;
	return 0;
}

/* The entry's text and tags now; the caller frees both. */
static int
edit_load(struct em_ctx *ctx, const char *prefix, const char *id, char **old,
    char **oldtags)
{
	sqlite3_stmt	*st;
	int		 ex;

	*old = *oldtags = NULL;
	if ((ex = em_sql_prep(ctx, &st, "SELECT text, tags FROM entry WHERE "
	    "id = ?1", "s", id)) != 0)
		return ex;
	if (sqlite3_step(st) == SQLITE_ROW) {
		*old = em_strdup((const char *)sqlite3_column_text(st, 0));
		*oldtags = em_strdup((const char *)sqlite3_column_text(st, 1));
	}
	sqlite3_finalize(st);
	if (*old == NULL)
		return em_err(ctx, EM_EX_NOINPUT, "no entry %s", prefix);
	return 0;
}

/*
 * The new text: the old one when only tags change (xflag unset), else from
 * the editor at a terminal, else from stdin.
 */
static int
edit_text(struct em_ctx *ctx, const char *old, int xflag, char **text)
{
	char	*tmpl;
	size_t	 len;
	int	 ex;

	*text = NULL;
	if (!xflag) {
		*text = em_strdup(old);
		return 0;
	}
	if (!em_isatty_in())
		return em_read_stdin_text(ctx, "entry", text);
	len = strlen(old) + 128;
	tmpl = em_xcalloc(1, len);
	snprintf(tmpl, len, "%s\n\n# Change the entry above; lines that start "
	    "with # are left out.\n# An empty entry changes nothing.\n", old);
	ex = em_editor_text(ctx, "the entry", tmpl, text);
	free(tmpl);
	return ex;
}

/* The change, with the text and tags it replaces kept as a version. */
static int
edit_save(struct em_ctx *ctx, const char *id, const char *text,
    const char *tags)
{
	char	 vid[EM_ID_LEN + 1];
	int	 ex;

	em_id_new(vid);
	if ((ex = em_db_begin(ctx)) != 0)
		return ex;
	if ((ex = still_there(ctx, id)) != 0 ||
	    (ex = em_sql_run(ctx, SAVING, "INSERT INTO entry_version (id, entry, "
	    "text, tags, created, updated) SELECT ?2, id, text, tags, " NOW ", "
	    NOW " FROM entry WHERE id = ?1", "ss", id, vid)) != 0 ||
	    (ex = em_sql_run(ctx, SAVING, "UPDATE entry SET text = ?2, tags = ?3, "
	    "updated = " NOW " WHERE id = ?1", "sss", id, text, tags)) != 0) {
		em_db_rollback(ctx);
		return ex;
	}
	if ((ex = em_db_commit(ctx)) != 0)
		return ex;
	return em_db_scrub(ctx, 0);
}

static int
j_edit(struct em_ctx *ctx, int argc, char **argv)
{
	struct edit_args a;
	const char	*prefix = NULL;
	char		*id = NULL, *old = NULL, *oldtags = NULL, *text = NULL;
	char		*tags = NULL;
	int		 ex;

	memset(&a, 0, sizeof(a));
	if ((ex = edit_opts(ctx, argc, argv, &a)) != 0 ||
	    (ex = em_one_arg(ctx, argc, argv, "entry id", &prefix)) != 0)
		goto out;
	if ((ex = em_db_open(ctx, EM_DB_WRITE)) != 0 ||
	    (ex = find_entry(ctx, prefix, 0, CHANGE, &id)) != 0 ||
	    (ex = edit_load(ctx, prefix, id, &old, &oldtags)) != 0 ||
	    (ex = edit_tags(ctx, prefix, oldtags, &a.ts, &a.un, &tags)) != 0 ||
	    (ex = edit_text(ctx, old, a.xflag, &text)) != 0)
		goto out;
	if (strcmp(text, old) == 0 && strcmp(tags, oldtags) == 0)
		put_id(ctx, id, "unchanged", "");
	else if ((ex = edit_save(ctx, id, text, tags)) == 0)
		put_id(ctx, id, "changed", "");
out:
	em_tags_free(&a.ts);
	em_tags_free(&a.un);
	free(id);
	free(old);
	free(oldtags);
	free(text);
	free(tags);
	return ex;
}

/* Remove or bring back: removed entries keep their text until purged. */
static int
set_removed(struct em_ctx *ctx, const char *prefix, int removing)
{
	char	*id = NULL;
	int	 ex, ex2;

	if ((ex = em_db_open(ctx, EM_DB_WRITE)) != 0 ||
	    (ex = em_db_begin_change(ctx)) != 0)
		return ex;
	ex = find_entry(ctx, prefix, !removing, CHANGE, &id);
	/* Removing what is already removed: nothing to do but say so. */
	if (removing && ex == EM_EX_NOINPUT) {
		if ((ex2 = find_entry(ctx, prefix, 1, CHANGE, &id)) == 0) {
			em_db_rollback(ctx);
			em_err_clear(ctx);	/* the first look's "no entry" */
			put_id(ctx, id, "already removed",
			    " (bring it back with restore)");
			free(id);
			return 0;
		}
		if (ex2 != EM_EX_NOINPUT)
			ex = ex2;
		else
			em_err(ctx, ex, "no entry %s", prefix);
	}
	if (ex != 0 ||
	    (ex = em_sql_run(ctx, SAVING, removing ? "UPDATE entry SET removed = "
	    NOW ", updated = " NOW " WHERE id = ?1" : "UPDATE entry SET removed = "
	    "NULL, updated = " NOW " WHERE id = ?1", "s", id)) != 0 ||
	    (ex = em_db_commit(ctx)) != 0) {
		em_db_rollback(ctx);
		free(id);
		return ex;
	}
	put_id(ctx, id, removing ? "removed" : "restored", removing ?
	    " (bring it back with restore)" : "");
	free(id);
	return 0;
}

/*
 * Erase an entry for good: its row, its earlier versions and its words in
 * the index, then rebuild the file so no free page or WAL frame keeps them.
 */
static int
purge(struct em_ctx *ctx, const char *prefix)
{
	char	*id = NULL;
	int	 ex;

	if ((ex = em_db_open(ctx, EM_DB_WRITE)) != 0 || (ex = em_db_begin(ctx)) != 0)
		return ex;
	if ((ex = find_entry(ctx, prefix, -1, CHANGE, &id)) != 0 ||
	    (ex = em_sql_run(ctx, SAVING, "DELETE FROM entry WHERE id = ?1", "s",
	    id)) != 0 ||
	    (ex = em_db_exec(ctx, "INSERT INTO entry_fts (entry_fts) "
	    "VALUES ('optimize')")) != 0 ||
	    (ex = em_db_commit(ctx)) != 0) {
		em_db_rollback(ctx);
		free(id);
		return ex;
	}
	if ((ex = em_db_exec(ctx, "VACUUM")) == 0)
		ex = em_db_scrub(ctx, 1);
	if (ex == 0)
		put_id(ctx, id, "erased", " for good");
	free(id);
	return ex;
}

static int
j_rm(struct em_ctx *ctx, int argc, char **argv)
{
	struct rm_args {
		int	 pflag, uflag;
	} a = { 0, 0 };
	static const struct em_opt opts[] = {
		EM_OPTION("purge", 0, EM_OPT_FLAG, rm_args, pflag),
		EM_OPTION("undo", 0, EM_OPT_FLAG, rm_args, uflag),
		{ NULL }
	};
	const char	*prefix = NULL;
	int		 ex, uflag, pflag;

	if ((ex = em_opts(ctx, argc, argv, opts, &a)) != 0)
		return ex;
	pflag = a.pflag;
	uflag = a.uflag;
	if ((ex = em_one_arg(ctx, argc, argv, "entry id", &prefix)) != 0)
		return ex;
	if (pflag && uflag)
		return em_fail(ctx, EM_EX_USAGE, "--purge cannot be undone");
	return pflag ? purge(ctx, prefix) : set_removed(ctx, prefix, !uflag);
}

/*
 * Open a sealed moment before its week's review: the seal lifts today. Only
 * its author may; sync and import refuse the partner's change all the same.
 */
static int
j_unseal(struct em_ctx *ctx, int argc, char **argv)
{
	const char	*prefix = NULL;
	char		*id = NULL, today[11];
	long		 sealed;
	int		 ex;

	if ((ex = em_no_opts(ctx, argc, argv)) != 0)
		return ex;
	if ((ex = em_one_arg(ctx, argc, argv, "entry id", &prefix)) != 0)
		return ex;
	em_date_fmt(em_date_today(), today);
	if ((ex = em_db_open(ctx, EM_DB_WRITE)) != 0 ||
	    (ex = em_db_begin_change(ctx)) != 0)
		return ex;
	if ((ex = find_entry(ctx, prefix, 0, "unseal it", &id)) != 0 ||
	    (ex = em_sql_long(ctx, "reading the journal", &sealed, "SELECT "
	    EM_SEALED("") " FROM entry WHERE id = ?1", "s", id)) != 0)
		goto fail;
	if (sealed == EM_SEAL_OPEN) {
		em_db_rollback(ctx);
		put_id(ctx, id, "not sealed", "; your partner can read it");
		free(id);
		return 0;
	}
	if ((ex = em_sql_run(ctx, SAVING, "UPDATE entry SET sealed = ?2, updated = "
	    NOW " WHERE id = ?1", "ss", id, today)) != 0 ||
	    (ex = em_db_commit(ctx)) != 0)
		goto fail;
	put_id(ctx, id, "unsealed", "; your partner can read it now");
	free(id);
	return 0;
fail:
	em_db_rollback(ctx);
	free(id);
	return ex;
}

static int
j_restore(struct em_ctx *ctx, int argc, char **argv)
{
	const char	*prefix = NULL;
	int		 ex;

	if ((ex = em_no_opts(ctx, argc, argv)) != 0)
		return ex;
	if ((ex = em_one_arg(ctx, argc, argv, "entry id", &prefix)) != 0)
		return ex;
	return set_removed(ctx, prefix, 0);
}

/* Tags of the entries not removed, in a range of dates if given, most used first. */
static const char tags_sql[] =
    "WITH RECURSIVE split (tag, rest) AS ("
    "  SELECT '', tags || ' ' FROM entry WHERE removed IS NULL AND tags <> ''"
    "  AND date BETWEEN ?1 AND ?2 AND NOT " EM_HIDDEN("")
    "  UNION ALL"
    "  SELECT substr(rest, 1, instr(rest, ' ') - 1), substr(rest, instr(rest, ' ') + 1)"
    "  FROM split WHERE rest <> '') "
    "SELECT tag, count(*) AS count FROM split WHERE tag <> '' "
    "GROUP BY tag ORDER BY count DESC, tag LIMIT ?3";

static int
j_tags(struct em_ctx *ctx, int argc, char **argv)
{
	static const struct em_col cols[] = { { "tag", EM_STR },
	    { "count", EM_INT }, { NULL, 0 } };
	sqlite3_stmt	*st;
	long		 rows = 0;
	int		 ex, rc;

	if ((ex = em_no_opts(ctx, argc, argv)) != 0)
		return ex;
	if ((ex = em_no_args(ctx, argc, argv)) != 0)
		return ex;
	em_seal_reader(ctx);
	if ((ex = em_db_open(ctx, EM_DB_READ)) != 0 ||
	    (ex = em_sql_prep(ctx, &st, tags_sql, "ssl", DATE_MIN, DATE_MAX, -1L))
	    != 0)
		return ex;
	em_emit_head(ctx, cols);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		rows++;
		if (em_emit_row(ctx, cols, st) == 0)
			continue;
		printf("%6d  #", sqlite3_column_int(st, 1));
		em_put_text(stdout, (const char *)sqlite3_column_text(st, 0));
		putchar('\n');
	}
	if (rc != SQLITE_DONE)
		ex = em_db_err(ctx, rc, "reading the journal");
	sqlite3_finalize(st);
	if (ex == 0 && rows == 0)
		ex = nothing_yet(ctx, 1);
	return ex;
}

/* The weekly review ----------------------------------------------------- */

/*
 * The review is loaded once (review_load), then rendered as text
 * (review_text) or as records for tsv and JSON Lines (review_records), so
 * that every format carries the same facts.
 */

/* How a moment's seal shows to the one reading the review. */
enum { SHOW_OPEN, SHOW_SEALED, SHOW_HIDDEN, SHOW_OPENED };
static const char *const seal_shows[] = { "open", "sealed", "hidden", "opened" };
static const char *const kinds[] = { "seen", "misunderstood" };

struct moment {
	char	*id, *date, *user, *kind;
	char	*text;		/* NULL: sealed from the reader */
	char	*tags;		/* "" when sealed from the reader */
	char	*sealed;	/* the day the seal lifts while sealed, else NULL */
	long	 day;
	int	 show;		/* SHOW_* */
	size_t	 who, k;	/* index in users[] and in kinds[] */
};

struct tag_count {
	char	*tag;
	int	 count;
};

struct review {
	char		  week[16], from[11], to[11], pfrom[11], pto[11];
	char		 *users[2];	/* the reader first */
	size_t		  nusers;
	int		  counts[2][2][3];	/* partner, kind: this week, before, sealed */
	struct moment	 *m;		/* by date, then as written */
	size_t		  nm;
	struct tag_count *tags;		/* most used first */
	size_t		  ntags;
	const char	 *prompts[3];	/* borrowed from the content */
	size_t		  nprompts;
};

struct side {
	char	**lines;
	size_t	  n;
};

static void
side_add(struct side *s, const char *line)
{
	s->lines = em_xreallocarray(s->lines, s->n + 1, sizeof(*s->lines));
	s->lines[s->n++] = em_strdup(line);
}

/* Print two columns of lines side by side, each at most w columns. */
static void
print_sides(struct side *a, struct side *b, size_t w)
{
	size_t	 i, pad;

	for (i = 0; i < a->n || i < b->n; i++) {
		if ((i >= a->n || *a->lines[i] == '\0') &&
		    (i >= b->n || *b->lines[i] == '\0')) {
			putchar('\n');
			continue;
		}
		fputs("  ", stdout);
		if (i < a->n) {
			em_put_text(stdout, a->lines[i]);
			pad = em_text_width(a->lines[i]) < w ? w -
			    em_text_width(a->lines[i]) : 0;
		} else
			pad = w;
		if (i < b->n && *b->lines[i] != '\0') {
			printf("%*s  ", (int)pad, "");
			em_put_text(stdout, b->lines[i]);
		}
		putchar('\n');
	}
	em_strv_free(a->lines, a->n);
	em_strv_free(b->lines, b->n);
	a->lines = b->lines = NULL;
	a->n = b->n = 0;
}

/* A column's head: "name: counts" on one line if it fits, else the name wrapped. */
static void
side_head(const struct review *r, size_t i, size_t k, size_t w, struct side *s)
{
	char	 head[96], line[192], **lines;
	size_t	 n, j;

	snprintf(head, sizeof(head), "%d (%d the week before)",
	    r->counts[i][k][0], r->counts[i][k][1]);
	if (em_text_width(r->users[i]) + 2 + strlen(head) <= w) {
		snprintf(line, sizeof(line), "%s: %s", r->users[i], head);
		side_add(s, line);
		return;
	}
	em_wrap(r->users[i], w, &lines, &n);
	for (j = 0; j < n; j++)
		side_add(s, lines[j]);
	em_strv_free(lines, n);
	side_add(s, head);
}

/*
 * One partner's moments of one kind, wrapped into a column. A sealed
 * moment: "(sealed)" to its author; to the partner only the day it opens.
 * Once open, it says so for a week.
 */
static void
fill_side(const struct review *r, size_t who, size_t k, size_t w, struct side *s)
{
	static const char *const marks[] = { "", " (sealed)", "", " (newly opened)" };
	const struct moment *m;
	char	**lines, head[64], buf[8 * REVIEW_WIDTH];
	size_t	  n, i, j, found = 0;
	long	  lifts;

	for (j = 0; j < r->nm; j++) {
		m = &r->m[j];
		if (m->who != who || m->k != k)
			continue;
		snprintf(head, sizeof(head), "%s %s%s", wdays[em_date_wday(m->day)],
		    m->date + 8, marks[m->show]);
		if (found++ > 0)
			side_add(s, "");
		side_add(s, head);
		if (m->show == SHOW_HIDDEN && m->sealed != NULL &&
		    em_date_parse(m->sealed, &lifts) == 0) {
			snprintf(head, sizeof(head), "  (sealed until %s %s)",
			    wdays[em_date_wday(lifts)], m->sealed + 8);
			side_add(s, head);
			continue;
		}
		if (m->text == NULL)
			continue;
		em_wrap(m->text, w - 2, &lines, &n);
		for (i = 0; i < n; i++) {
			snprintf(buf, sizeof(buf), "  %s", lines[i]);
			side_add(s, buf);
		}
		em_strv_free(lines, n);
	}
	if (found == 0)
		side_add(s, "  -");
}

/* Counts per partner and kind, this week and the week before. */
/*
 * Each count reads the week through entry_date: "+e.user" keeps SQLite from
 * choosing entry_user, which would read every entry the person ever wrote.
 */
static const char review_counts_sql[] =
    "WITH users AS (SELECT ?3 AS user UNION SELECT user FROM entry"
    "  WHERE removed IS NULL AND date BETWEEN ?4 AND ?2),"
    " kinds AS (SELECT 'seen' AS kind UNION ALL SELECT 'misunderstood') "
    "SELECT u.user, k.kind,"
    " (SELECT count(*) FROM entry e WHERE +e.user = u.user AND e.kind = k.kind"
    "  AND e.removed IS NULL AND e.date BETWEEN ?1 AND ?2) AS count,"
    " (SELECT count(*) FROM entry e WHERE +e.user = u.user AND e.kind = k.kind"
    "  AND e.removed IS NULL AND e.date BETWEEN ?4 AND ?5) AS previous,"
    " (SELECT count(*) FROM entry e WHERE +e.user = u.user AND e.kind = k.kind"
    "  AND e.removed IS NULL AND e.date BETWEEN ?1 AND ?2 AND " EM_HIDDEN("e.")
    ") AS sealed "
    "FROM users u, kinds k ORDER BY u.user <> ?3, u.user, k.kind <> 'seen'";

/* The two partners of the review, the reader first, and their counts. */
static int
load_counts(struct em_ctx *ctx, struct review *r, const char *me)
{
	sqlite3_stmt	*st;
	const char	*u;
	size_t		 i, k;
	int		 ex, rc;

	if ((ex = em_sql_prep(ctx, &st, review_counts_sql, "sssss", r->from, r->to,
	    me, r->pfrom, r->pto)) != 0)
		return ex;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		u = (const char *)sqlite3_column_text(st, 0);
		if (r->nusers == 0 || strcmp(r->users[r->nusers - 1], u) != 0) {
			if (r->nusers == 2)
				break;	/* a review is for two */
			r->users[r->nusers++] = em_strdup(u);
		}
		k = strcmp((const char *)sqlite3_column_text(st, 1), "seen") != 0;
		for (i = 0; i < 3; i++)
			r->counts[r->nusers - 1][k][i] = sqlite3_column_int(st, 2 + i);
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE && rc != SQLITE_ROW)
		return em_db_err(ctx, rc, "reading the journal");
	return 0;
}

/*
 * The moments of the two partners in the week. One sealed from the reader
 * comes without its words and its tags, which are words too.
 */
static const char review_moments_sql[] =
    "SELECT id, date, user, kind, CASE WHEN " EM_HIDDEN("") " THEN NULL ELSE"
    " text END, CASE WHEN " EM_HIDDEN("") " THEN '' ELSE tags END, sealed, "
    EM_SEALED("") " FROM entry WHERE removed IS NULL AND date BETWEEN ?1 AND ?2"
    " AND (+user = ?3 OR +user = ?4) ORDER BY date, created, id";

/* What the text marks: sealed, sealed from you, or opened in the last week. */
static int
seal_show(int state, const char *sealed)
{
	long	 lifts;

	if (state == EM_SEAL_MINE)
		return SHOW_SEALED;
	if (state == EM_SEAL_HIDDEN)
		return SHOW_HIDDEN;
	if (sealed != NULL && em_date_parse(sealed, &lifts) == 0 &&
	    lifts > em_date_today() - 7)
		return SHOW_OPENED;
	return SHOW_OPEN;
}

static int
load_moments(struct em_ctx *ctx, struct review *r)
{
	sqlite3_stmt	*st;
	struct moment	*m;
	int		 ex, rc;

	if ((ex = em_sql_prep(ctx, &st, review_moments_sql, "ssss", r->from, r->to,
	    r->users[0], r->nusers > 1 ? r->users[1] : NULL)) != 0)
		return ex;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		r->m = em_xreallocarray(r->m, r->nm + 1, sizeof(*r->m));
		m = &r->m[r->nm++];
		m->id = em_col_dup(st, 0);
		m->date = em_col_dup(st, 1);
		m->user = em_col_dup(st, 2);
		m->kind = em_col_dup(st, 3);
		m->text = em_col_dup(st, 4);
		m->tags = em_col_dup(st, 5);
		m->show = seal_show(sqlite3_column_int(st, 7),
		    (const char *)sqlite3_column_text(st, 6));
		m->sealed = sqlite3_column_int(st, 7) != EM_SEAL_OPEN ?
		    em_col_dup(st, 6) : NULL;
		m->who = strcmp(m->user, r->users[0]) != 0;
		m->k = strcmp(m->kind, "seen") != 0;
		if (em_date_parse(m->date, &m->day) != 0)
			m->day = 0;
	}
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? 0 : em_db_err(ctx, rc, "reading the journal");
}

static int
load_tags(struct em_ctx *ctx, struct review *r)
{
	sqlite3_stmt	*st;
	int		 ex, rc;

	if ((ex = em_sql_prep(ctx, &st, tags_sql, "ssl", r->from, r->to, -1L)) != 0)
		return ex;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		r->tags = em_xreallocarray(r->tags, r->ntags + 1, sizeof(*r->tags));
		r->tags[r->ntags].tag = em_col_dup(st, 0);
		r->tags[r->ntags++].count = sqlite3_column_int(st, 1);
	}
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? 0 : em_db_err(ctx, rc, "reading the journal");
}

/* Two or three prompts to talk about, the same for both partners all week. */
static void
pick_prompts(const struct em_content *c, struct review *r)
{
	const struct em_doc *d;
	unsigned long	 h = 5381;
	size_t		 i, k;
	const char	*p;

	if ((d = em_content_find(c, EM_K_PROMPTS, "review")) == NULL &&
	    (d = em_content_find(c, EM_K_PROMPTS, "missing")) == NULL)
		return;
	for (p = r->week; *p != '\0'; p++)
		h = h * 33 + (unsigned char)*p;
	for (i = 0, k = h % d->nstr; i < 3 && i < d->nstr; i++, k = (k + 7) % d->nstr) {
		if (i > 0 && k == (h % d->nstr))
			break;
		r->prompts[r->nprompts++] = d->strv[k];
	}
}

static void
review_free(struct review *r)
{
	size_t	 i;

	for (i = 0; i < r->nusers; i++)
		free(r->users[i]);
	for (i = 0; i < r->nm; i++) {
		free(r->m[i].id);
		free(r->m[i].date);
		free(r->m[i].user);
		free(r->m[i].kind);
		free(r->m[i].text);
		free(r->m[i].tags);
		free(r->m[i].sealed);
	}
	free(r->m);
	for (i = 0; i < r->ntags; i++)
		free(r->tags[i].tag);
	free(r->tags);
}

/* Everything the review shows of the week that starts on monday. */
static int
review_load(struct em_ctx *ctx, long monday, struct review *r)
{
	const struct em_content *c;
	const char	*me;
	int		 ex;

	memset(r, 0, sizeof(*r));
	em_date_fmt(monday, r->from);
	em_date_fmt(monday + 6, r->to);
	em_date_fmt(monday - 7, r->pfrom);
	em_date_fmt(monday - 1, r->pto);
	em_week_fmt(monday, r->week);
	if ((ex = em_ctx_user(ctx, &me)) != 0 ||
	    (ex = em_ctx_content(ctx, EM_KIND(EM_K_PROMPTS), &c)) != 0 ||
	    (ex = em_db_open(ctx, EM_DB_READ)) != 0 ||
	    (ex = load_counts(ctx, r, me)) != 0 ||
	    (ex = load_moments(ctx, r)) != 0 ||
	    (ex = load_tags(ctx, r)) != 0)
		return ex;
	pick_prompts(c, r);
	return 0;
}

/* "Tags this week: #home 3, #work 2", the first REVIEW_TAGS, then how many more. */
static void
text_tags(const struct review *r)
{
	char	 tags[512] = "";
	size_t	 i;

	for (i = 0; i < r->ntags && i < REVIEW_TAGS; i++)
		snprintf(tags + strlen(tags), sizeof(tags) - strlen(tags), "%s#%s %d",
		    i > 0 ? ", " : "Tags this week: ", r->tags[i].tag,
		    r->tags[i].count);
	if (r->ntags > REVIEW_TAGS)
		snprintf(tags + strlen(tags), sizeof(tags) - strlen(tags),
		    ", and %zu more", r->ntags - REVIEW_TAGS);
	if (r->ntags > 0) {
		putchar('\n');
		em_put_wrapped(tags, REVIEW_WIDTH, 2, 1);
	}
}

static void
review_text(struct em_ctx *ctx, const void *data)
{
	const struct review *r = data;
	const char	*b = em_color(ctx, "\033[1m"), *off = em_color(ctx, "\033[0m");
	struct side	 sides[2] = { { NULL, 0 }, { NULL, 0 } };
	size_t		 w = (REVIEW_WIDTH - 6) / 2, i, k;

	printf("%sThe week %s%s, %s to %s\n", b, r->week, off, r->from, r->to);
	for (k = 0; k < 2; k++) {
		printf("\n%sFelt %s%s\n", b, kinds[k], off);
		for (i = 0; i < 2; i++) {
			if (i >= r->nusers) {
				side_add(&sides[i], "(no partner yet)");
				continue;
			}
			side_head(r, i, k, w, &sides[i]);
			fill_side(r, i, k, w, &sides[i]);
		}
		print_sides(&sides[0], &sides[1], w);
	}
	text_tags(r);
	if (r->nprompts > 0)
		printf("\nTo talk about\n");
	for (i = 0; i < r->nprompts; i++) {
		fputs("  - ", stdout);
		em_put_wrapped(r->prompts[i], REVIEW_WIDTH, 4, 1);
	}
}

/*
 * review -f tsv: one table for every kind of record, the kind in the first
 * column; a record leaves the columns of the other kinds empty. The types
 * are the records' own (sealed is a count, or the day a seal lifts).
 */
static const struct em_col review_cols[] = { { "type", EM_STR },
	{ "week", EM_STR }, { "from", EM_STR }, { "to", EM_STR },
	{ "user", EM_STR }, { "kind", EM_STR }, { "count", EM_INT },
	{ "previous", EM_INT }, { "sealed", EM_STR }, { "date", EM_STR },
	{ "weekday", EM_STR }, { "id", EM_STR }, { "seal", EM_STR },
	{ "tag", EM_STR }, { "tags", EM_STR }, { "text", EM_STR }, { NULL, 0 } };

/* One record: its own fields in JSON, its columns of the one table in tsv. */
static void
review_out(struct em_ctx *ctx, const struct em_col *f, const struct em_val *v,
    int *header)
{
	if (!*header)
		em_emit_head(ctx, review_cols);
	*header = 1;
	em_emit_kind(ctx, review_cols, f, v);
}

static void
records_counts(struct em_ctx *ctx, const struct review *r, int *header)
{
	static const struct em_col cols[] = { { "type", EM_STR },
	    { "user", EM_STR }, { "kind", EM_STR }, { "count", EM_INT },
	    { "previous", EM_INT }, { "sealed", EM_INT }, { NULL, 0 } };
	size_t		 i, k;

	for (i = 0; i < r->nusers; i++)
		for (k = 0; k < 2; k++)
			review_out(ctx, cols, (struct em_val []){ EM_W("count"),
			    EM_S(r->users[i]), EM_S(kinds[k]),
			    EM_N(r->counts[i][k][0]), EM_N(r->counts[i][k][1]),
			    EM_N(r->counts[i][k][2]) }, header);
}

/* The review as records for tsv and JSON Lines (see the manual: review). */
static void
review_records(struct em_ctx *ctx, const void *data)
{
	const struct review *r = data;
	static const struct em_col wcols[] = { { "type", EM_STR },
	    { "week", EM_STR }, { "from", EM_STR }, { "to", EM_STR },
	    { NULL, 0 } };
	static const struct em_col mcols[] = { { "type", EM_STR },
	    { "date", EM_STR }, { "weekday", EM_STR }, { "user", EM_STR },
	    { "kind", EM_STR }, { "id", EM_STR }, { "text", EM_STR },
	    { "tags", EM_STR }, { "sealed", EM_STR }, { "seal", EM_STR },
	    { NULL, 0 } };
	static const struct em_col tcols[] = { { "type", EM_STR },
	    { "tag", EM_STR }, { "count", EM_INT }, { NULL, 0 } };
	static const struct em_col pcols[] = { { "type", EM_STR },
	    { "text", EM_STR }, { NULL, 0 } };
	const struct moment *m;
	size_t		 i;
	int		 header = 0;

	review_out(ctx, wcols, (struct em_val []){ EM_W("week"), EM_S(r->week),
	    EM_S(r->from), EM_S(r->to) }, &header);
	records_counts(ctx, r, &header);
	for (i = 0; i < r->nm; i++) {
		m = &r->m[i];
		review_out(ctx, mcols, (struct em_val []){ EM_W("moment"),
		    EM_S(m->date), EM_S(wdays[em_date_wday(m->day)]),
		    EM_S(m->user), EM_S(m->kind), EM_S(m->id), EM_S(m->text),
		    EM_S(m->tags), EM_S(m->sealed), EM_S(seal_shows[m->show]) },
		    &header);
	}
	for (i = 0; i < r->ntags; i++)
		review_out(ctx, tcols, (struct em_val []){ EM_W("tag"),
		    EM_S(r->tags[i].tag), EM_N(r->tags[i].count) }, &header);
	for (i = 0; i < r->nprompts; i++)
		review_out(ctx, pcols, (struct em_val []){ EM_W("prompt"),
		    EM_S(r->prompts[i]) }, &header);
}

static int
j_review(struct em_ctx *ctx, int argc, char **argv)
{
	/* the one option, into monday itself */
	static const struct em_opt opts[] = {
		{ .name = "week", .type = EM_OPT_WEEK }, { NULL } };
	struct review	 r;
	long		 today = em_date_today(), monday;
	int		 ex;

	monday = today - (em_date_wday(today) - 1);
	if ((ex = em_opts(ctx, argc, argv, opts, &monday)) != 0 ||
	    (ex = em_no_args(ctx, argc, argv)) != 0)
		return ex;
	if ((ex = review_load(ctx, monday, &r)) == 0)
		em_render(ctx, &(const struct em_view){ review_text,
		    review_records }, &r);
	review_free(&r);
	return ex;
}

int
main(int argc, char *argv[])
{
	return em_main("empathy-journal", subcmds, em_journal_records, argc, argv);
}

/*
 * An entry's versions, newest first: its text now, the texts an edit
 * replaced, and text from another machine that lost to a later change
 * there (kept when the two met in a sync or an import).
 */
static const char history_sql[] =
    "SELECT version, text, tags, \"when\" FROM ("
    " SELECT 'now' AS version, text, tags, updated AS \"when\", 0 AS k"
    "  FROM entry WHERE id = ?1"
    " UNION ALL SELECT 'edited', text, tags, created, 1 FROM entry_version"
    "  WHERE entry = ?1"
    " UNION ALL SELECT 'earlier', CASE field WHEN 'text' THEN value END,"
    "  CASE field WHEN 'tags' THEN value END, created, 2 FROM earlier"
    "  WHERE tbl = 'entry' AND rid = ?1 AND field IN ('text', 'tags')"
    ") ORDER BY k, \"when\" DESC";
static const struct em_col history_cols[] = { { "version", EM_STR },
	{ "text", EM_STR }, { "tags", EM_STR }, { "when", EM_STR }, { NULL, 0 } };

static void
history_text(struct em_ctx *ctx, sqlite3_stmt *st)
{
	const char *b = em_color(ctx, "\033[1m"), *off = em_color(ctx, "\033[0m");
	const char *dim = em_color(ctx, "\033[2m");
	const char *version = (const char *)sqlite3_column_text(st, 0);
	const char *text = (const char *)sqlite3_column_text(st, 1);
	const char *when = (const char *)sqlite3_column_text(st, 3);
	char	*tags;

	/* The time is checked on the way in: ASCII, as SQLite writes it. */
	if (strcmp(version, "now") == 0)
		printf("%snow%s %s(changed %.10s)%s\n", b, off, dim, when, off);
	else if (strcmp(version, "edited") == 0)
		printf("%suntil %.10s%s %s(replaced by an edit)%s\n", b, when, off,
		    dim, off);
	else
		printf("%san earlier version from another machine%s %s(kept %.10s)"
		    "%s\n", b, off, dim, when, off);
	if (text != NULL)
		em_put_wrapped(text, REVIEW_WIDTH, 4, 0);
	if (sqlite3_column_type(st, 2) != SQLITE_NULL) {
		tags = hash_tags((const char *)sqlite3_column_text(st, 2));
		if (*tags != '\0') {
			printf("    %s", dim);
			em_put_text(stdout, tags);
			printf("%s\n", off);
		}
		free(tags);
	}
}

static int
j_history(struct em_ctx *ctx, int argc, char **argv)
{
	sqlite3_stmt	*st = NULL;
	const char	*prefix = NULL;
	char		*id = NULL;
	long		 rows = 0;
	int		 ex, rc;

	if ((ex = em_no_opts(ctx, argc, argv)) != 0)
		return ex;
	if ((ex = em_one_arg(ctx, argc, argv, "entry id", &prefix)) != 0)
		return ex;
	if ((ex = em_db_open(ctx, EM_DB_READ)) != 0 ||
	    (ex = find_entry(ctx, prefix, -1, "read its history", &id)) != 0 ||
	    (ex = em_sql_prep(ctx, &st, history_sql, "s", id)) != 0)
		goto out;
	em_emit_head(ctx, history_cols);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (em_emit_row(ctx, history_cols, st) == 0)
			continue;
		if (rows++ > 0)
			putchar('\n');
		history_text(ctx, st);
	}
	if (rc != SQLITE_DONE)
		ex = em_db_err(ctx, rc, "reading the journal");
out:
	sqlite3_finalize(st);
	free(id);
	return ex;
}
