/* empathy-checkin: the daily check-in: a high, a low, and answers that only ask or reflect. */
#include <ctype.h>
#include <langinfo.h>
#include <locale.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "em.h"

#define NOW	"strftime('%Y-%m-%dT%H:%M:%fZ', 'now')"
#define CHART_DAYS	28

/* Text output is 80 columns; names are cut to fit beside what follows them. */
#define WIDTH	80
#define NAMEW	25	/* a name heading a check-in */
#define ANSW	16	/* a name beside an answer */
#define STATW	13	/* a name beside the stats chart */

static int	c_add(struct em_ctx *, int, char **);
static int	c_respond(struct em_ctx *, int, char **);
static int	c_show(struct em_ctx *, int, char **);
static int	c_due(struct em_ctx *, int, char **);
static int	c_prompt(struct em_ctx *, int, char **);
static int	c_feelings(struct em_ctx *, int, char **);
static int	c_stats(struct em_ctx *, int, char **);
static int	c_check(struct em_ctx *, int, char **);
static int	c_reply(struct em_ctx *, int, char **);
static int	c_guess(struct em_ctx *, int, char **);
static int	c_rm(struct em_ctx *, int, char **);
static int	c_restore(struct em_ctx *, int, char **);

static const struct em_subcmd subcmds[] = {
	{ "add", c_add, "[--date date] [--feeling surface[:underneath]] [--replace] "
	    "[--high text --low text]",
	    "share the high and the low of your day" },
	{ "respond", c_respond, "[--date date] [--force] [--peek] [--to name] "
	    "[text ...] | --rm id | --restore id",
	    "answer your partner's check-in with a question or a reflection" },
	{ "reply", c_reply, "[--date date] [--answer id] [text ...] | --edit id "
	    "[text ...] | --rm id | --restore id",
	    "answer back: reply to an answer your partner gave your check-in" },
	{ "guess", c_guess, "[--date date] [--to name] [--guess word]",
	    "guess what lies underneath your partner's feeling, before you see it" },
	{ "rm", c_rm, "[--date date]",
	    "remove your check-in for a day (its answers are hidden with it)" },
	{ "restore", c_restore, "[--date date]",
	    "bring back a check-in you removed" },
	{ "show", c_show, "[--date date | --since date [--until date]] [--peek]",
	    "check-ins and their answers" },
	{ "due", c_due, "[-q]",
	    "say what you still owe (exit 1 when nothing)" },
	{ "prompt", c_prompt, "[--kind question|reflection|missing] | --deck "
	    "[--theme theme] [--date date]",
	    "a question or reflection to start from, or the day's card of the deck" },
	{ "feelings", c_feelings, "[word]",
	    "the feelings vocabulary" },
	{ "stats", c_stats, "[--since date]",
	    "strict and forgiving streaks, answers and feelings over time" },
	{ "check", c_check, "[text ...]",
	    "judge an answer as respond would, and store nothing (exit 1 if advice)" },
	{ "export", em_cmd_export, "",
	    "write every check-in as JSON Lines" },
	{ "import", em_cmd_import, "",
	    "merge check-ins from JSON Lines on stdin" },
	{ NULL, NULL, NULL, NULL }
};

static const char *const wdays[] = { "", "Monday", "Tuesday", "Wednesday",
	"Thursday", "Friday", "Saturday", "Sunday" };

/*
 * A refusal that may run long, said at once and wrapped to 80 columns
 * through the safe writer; returns ex. (em_err keeps one line.)
 */
static int __attribute__((format(printf, 3, 4)))
refuse(struct em_ctx *ctx, int ex, const char *fmt, ...)
{
	va_list	 ap;
	char	 msg[1024];

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	em_note_wrapped(ctx, "%s", msg);
	return ex;
}

/* Bytes to turn a into b, one inserted, dropped or changed at a time. */
static size_t
distance(const char *a, const char *b)
{
	size_t	 la = strlen(a), lb = strlen(b), i, j, diag, up, *row, d;

	if (la > 64 || lb > 64)
		return (size_t)-1;
	row = em_xcalloc(lb + 1, sizeof(*row));
	for (j = 0; j <= lb; j++)
		row[j] = j;
	for (i = 1; i <= la; i++) {
		diag = row[0];
		row[0] = i;
		for (j = 1; j <= lb; j++) {
			up = row[j];
			d = diag + (a[i - 1] != b[j - 1]);
			if (up + 1 < d)
				d = up + 1;
			if (row[j - 1] + 1 < d)
				d = row[j - 1] + 1;
			row[j] = d;
			diag = up;
		}
	}
	d = row[lb];
	free(row);
	return d;
}

/*
 * A feeling outside the vocabulary (its words and what lies underneath)
 * is stored as given, with a warning naming at most three near words:
 * a few letters apart, or sharing the first five.
 */
static void
feeling_known(struct em_ctx *ctx, const char *word)
{
	const struct em_content *c;
	const struct em_doc *d;
	const char	*near[3] = { NULL, NULL, NULL }, *w;
	size_t		 nd[3] = { 0, 0, 0 }, i, j, k, n = 0, dist, lim, m;
	char		*msg;

	if (em_ctx_content(ctx, EM_KIND(EM_K_EMOTIONS), &c) != 0) {
		em_err_clear(ctx);	/* no vocabulary: nothing to warn about */
		return;
	}
	lim = strlen(word) <= 4 ? 1 : strlen(word) <= 8 ? 2 : 3;
	for (i = 0; i < em_content_count(c, EM_K_EMOTIONS); i++) {
		d = em_content_nth(c, EM_K_EMOTIONS, i);
		for (j = 0; j < d->nfeelings; j++) {
			for (k = 0; k <= d->feelings[j].nunder; k++) {
				w = k == 0 ? d->feelings[j].word :
				    d->feelings[j].under[k - 1];
				if (strcasecmp(w, word) == 0)
					return;
				dist = distance(word, w);
				if (dist > lim && (strlen(word) < 5 ||
				    strncasecmp(w, word, 5) != 0))
					continue;
				for (m = 0; m < n && strcmp(near[m], w) != 0; m++)
					;
				if (m < n)
					continue;
				/* Keep the nearest three, nearest first. */
				if (n < 3)
					n++;
				else if (nd[2] <= dist)
					continue;
				for (m = n - 1; m > 0 && nd[m - 1] > dist; m--) {
					near[m] = near[m - 1];
					nd[m] = nd[m - 1];
				}
				near[m] = w;
				nd[m] = dist;
			}
		}
	}
	if (ctx->quiet)
		return;
	m = strlen(word) + 128;
	for (i = 0; i < n; i++)
		m += strlen(near[i]) + 2;
	msg = em_xcalloc(1, m);
	snprintf(msg, m, "warning: '%s' is not in the feelings vocabulary; stored "
	    "as given%s", word, n > 0 ? "; near it: " : "");
	for (i = 0; i < n; i++) {
		strcat(msg, i > 0 ? ", " : "");
		strcat(msg, near[i]);
	}
	em_note_wrapped(ctx, "%s", msg);
	free(msg);
}

/*
 * The high and the low: prompts on a terminal, else two lines of stdin.
 * The low may be empty ("nothing bad happened"): an empty line at the
 * prompt, or an empty line 2. On failure both stay NULL.
 */
static int
read_high_low(struct em_ctx *ctx, char **high, char **low)
{
	char	*buf, *nl, *rest, *tail;
	size_t	 len, hlen, rlen, tlen;
	int	 ex;

	*high = *low = NULL;
	if (em_isatty_in()) {
		if ((ex = em_ask_line(ctx, "The high of your day: ", EM_ASK_KEEP,
		    high)) != 0)
			return ex;
		if ((ex = em_ask_line(ctx, "The low of your day: ",
		    EM_ASK_EMPTY | EM_ASK_KEEP, low)) != 0) {
			free(*high);
			*high = NULL;
			return ex;
		}
		return 0;
	}
	if ((ex = em_read_all(ctx, stdin, "the check-in", 2 * EM_TEXT_MAX + 8, &buf,
	    &len)) != 0)
		return ex;
	if (len == 0) {
		free(buf);
		return em_err(ctx, EM_EX_USAGE, "no check-in on standard input "
		    "(line 1 the high, line 2 the low)");
	}
	/* Split first, so that a problem is named by its line. */
	if ((nl = memchr(buf, '\n', len)) == NULL || nl + 1 == buf + len) {
		free(buf);
		return em_err(ctx, EM_EX_DATAERR, "the low (line 2) "
		    "is missing; an empty line 2 means there was none");
	}
	hlen = (size_t)(nl - buf);
	rest = nl + 1;
	rlen = len - hlen - 1;
	if ((nl = memchr(rest, '\n', rlen)) != NULL) {
		tail = nl + 1;
		tlen = rlen - (size_t)(tail - rest);
		rlen = (size_t)(nl - rest);
		if (strspn(tail, " \t\r\n") != tlen) {
			free(buf);
			return em_err(ctx, EM_EX_DATAERR, "expected two lines, the high "
			    "and the low, but there are more");
		}
	}
	buf[hlen] = rest[rlen] = '\0';
	if ((ex = em_text_bytes(ctx, "the high (line 1)", buf, hlen)) == 0 &&
	    (ex = em_text_bytes(ctx, "the low (line 2)", rest, rlen)) == 0) {
		em_text_trim(buf);
		em_text_trim(rest);
		if ((ex = em_text_check(ctx, "the high (line 1)", buf, strlen(buf))) == 0 &&
		    *rest != '\0')
			ex = em_text_check(ctx, "the low (line 2)", rest, strlen(rest));
	}
	if (ex != 0) {
		free(buf);
		return ex;
	}
	*high = em_strdup(buf);
	*low = em_strdup(rest);
	free(buf);
	return 0;
}

/* Whether user has a check-in on date, asked before any text is read. */
static int
checked_in(struct em_ctx *ctx, const char *user, const char *date, int *yes)
{
	long	 n;
	int	 ex;

	ex = em_sql_long(ctx, "reading check-ins", &n, "SELECT count(*) FROM "
	    "live_checkin WHERE user = ?1 AND date = ?2", "ss", user, date);
	*yes = ex == 0 && n > 0;
	return ex;
}

/* An option's text, trimmed and checked; empty only if empty_ok. */
static int
checked_text(struct em_ctx *ctx, const char *what, const char *arg, int empty_ok,
    char **out)
{
	char	*s;
	int	 ex;

	*out = NULL;
	s = em_strdup(arg);
	em_text_trim(s);
	if ((*s != '\0' || !empty_ok) &&
	    (ex = em_text_check(ctx, what, s, strlen(s))) != 0) {
		free(s);
		return ex;
	}
	*out = s;
	return 0;
}

/* What add was given: the day, its texts or none (then stdin), --replace. */
struct add_args {
	const char	*high, *low, *feeling;
	long		 day;
	int		 rflag;
};

static int
add_opts(struct em_ctx *ctx, int argc, char **argv, struct add_args *a)
{
	static const struct em_opt opts[] = {
		EM_OPTION("date", 0, EM_OPT_PAST, add_args, day),
		EM_OPTION("feeling", 0, EM_OPT_STR, add_args, feeling),
		EM_OPTION("high", 0, EM_OPT_STR, add_args, high),
		EM_OPTION("low", 0, EM_OPT_STR, add_args, low),
		EM_OPTION("replace", 0, EM_OPT_FLAG, add_args, rflag),
		{ NULL }
	};
	int	 ex;

	memset(a, 0, sizeof(*a));
	a->day = em_date_today();
	if ((ex = em_opts(ctx, argc, argv, opts, a)) != 0 ||
	    (ex = em_no_args(ctx, argc, argv)) != 0)
		return ex;
	if ((a->high == NULL) != (a->low == NULL))
		return em_fail(ctx, EM_EX_USAGE, "give both --high and --low, or "
		    "neither");
	return 0;
}

/*
 * --feeling surface[:underneath], stored in lower case (lib's rule, as
 * import applies it); *under points into *feeling. On failure *feeling
 * stays NULL.
 */
static int
add_feeling(struct em_ctx *ctx, const char *arg, char **feeling, char **under)
{
	char	*f;

	*feeling = *under = NULL;
	if (arg == NULL)
		return 0;
	f = em_strdup(arg);
	em_word_lower(f);
	if ((*under = strchr(f, ':')) != NULL)
		*(*under)++ = '\0';
	em_text_trim(f);
	if (*under != NULL)
		em_text_trim(*under);
	if (!em_feeling_valid(f) || (*under != NULL && !em_feeling_valid(*under))) {
		free(f);
		*under = NULL;
		return em_fail(ctx, EM_EX_USAGE, "--feeling: give a word, or "
		    "surface:underneath, e.g. annoyed:overlooked");
	}
	feeling_known(ctx, f);
	if (*under != NULL)
		feeling_known(ctx, *under);
	*feeling = f;
	return 0;
}

/*
 * The high and the low, from the options or else stdin. At a terminal, a
 * second check-in is refused before anyone types it. The database is
 * opened for writing first, so that one that cannot be written is said
 * before that too; no transaction is open while the person types. (Text
 * from options or a pipe is not lost: it is checked first, as before.)
 */
static int
add_text(struct em_ctx *ctx, const struct add_args *a, const char *user,
    const char *date, char **high, char **low)
{
	int	 ex, had;

	*high = *low = NULL;
	if (!a->rflag && a->high == NULL && em_isatty_in()) {
		if ((ex = em_db_open(ctx, EM_DB_WRITE)) != 0 ||
		    (ex = checked_in(ctx, user, date, &had)) != 0)
			return ex;
		if (had)
			return refuse(ctx, EM_EX_DATAERR, "%s has already checked "
			    "in for %s; use --replace to change it", user, date);
	}
	if (a->high == NULL)
		return read_high_low(ctx, high, low);
	if ((ex = checked_text(ctx, "--high", a->high, 0, high)) != 0)
		return ex;
	if ((ex = checked_text(ctx, "--low", a->low, 1, low)) != 0) {
		free(*high);
		*high = NULL;
	}
	return ex;
}

/* What add did to the day's check-in. */
enum add_change { ADD_NEW, ADD_REPLACED, ADD_AGAIN };

/*
 * Save the check-in in one transaction. A person's check-in for a day has
 * one id on every machine, so the two meet when they sync. Replacing
 * changes it in place: a delete would travel as a purge, and the id could
 * never come back. A removed one comes back with the new words (empathy
 * undo has the old).
 */
static int
add_save(struct em_ctx *ctx, const char *user, const char *date, int rflag,
    const char *const txt[4], char id[EM_ID_LEN + 1], enum add_change *chg)
{
	char	*oldid = NULL;
	long	 wasrm = 0;
	int	 ex;

	if ((ex = em_db_open(ctx, EM_DB_WRITE)) != 0 || (ex = em_db_begin(ctx)) != 0)
		return ex;
	if ((ex = em_sql_one(ctx, "reading check-ins", &oldid, "SELECT id FROM "
	    "checkin WHERE user = ?1 AND date = ?2", "ss", user, date)) != 0 ||
	    (oldid != NULL && (ex = em_sql_long(ctx, "reading check-ins", &wasrm,
	    "SELECT removed IS NOT NULL FROM checkin WHERE id = ?1", "s", oldid)) != 0))
		goto fail;
	if (oldid != NULL && !rflag && !wasrm) {
		ex = refuse(ctx, EM_EX_DATAERR, "%s has already checked in for %s; "
		    "use --replace to change it", user, date);
		goto fail;
	}
	*chg = oldid == NULL ? ADD_NEW : wasrm ? ADD_AGAIN : ADD_REPLACED;
	if (oldid != NULL) {
		snprintf(id, EM_ID_LEN + 1, "%s", oldid);
		ex = em_sql_run(ctx, "saving the check-in", "UPDATE checkin SET "
		    "feeling = ?2, underneath = ?3, high = ?4, low = ?5, removed = "
		    "NULL, updated = " NOW " WHERE id = ?1", "sssss", id, txt[0],
		    txt[1], txt[2], txt[3]);
	} else {
		em_id_derive(id, "checkin", user, date, (const char *)NULL);
		ex = em_sql_run(ctx, "saving the check-in", "INSERT INTO checkin "
		    "(id, user, date, feeling, underneath, high, low, created, "
		    "updated) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, " NOW ", " NOW ")",
		    "sssssss", id, user, date, txt[0], txt[1], txt[2], txt[3]);
	}
	if (ex != 0)
		goto fail;
	free(oldid);
	if ((ex = em_db_commit(ctx)) != 0)
		return ex;
	return *chg != ADD_NEW ? em_db_scrub(ctx, 0) : 0;
fail:
	em_db_rollback(ctx);
	free(oldid);
	return ex;
}

/* Say what add did: the check-in's id, its day and the change. */
static void
add_said(struct em_ctx *ctx, const char *id, const char *date, const char *user,
    long day, enum add_change chg)
{
	static const struct em_col cols[] = { { "id", EM_STR }, { "date", EM_STR },
	    { "user", EM_STR }, { "change", EM_STR }, { NULL, 0 } };
	static const char *const changes[] = { "added", "replaced", "again" };
	static const char *const says[] = { "checked in", "check-in replaced",
	    "checked in again" };
	const struct em_val v[] = { EM_S(id), EM_S(date), EM_S(user),
	    EM_S(changes[chg]) };

	em_emit_head(ctx, cols);
	if (em_emit(ctx, cols, v) != 0)
		printf("%s for %s %s\n", says[chg], wdays[em_date_wday(day)], date);
}

static int
c_add(struct em_ctx *ctx, int argc, char **argv)
{
	struct add_args	 a;
	const char	*user;
	char		*txt[4] = { NULL, NULL, NULL, NULL }, date[11];
	char		 id[EM_ID_LEN + 1];
	enum add_change	 chg = ADD_NEW;
	int		 ex;

	/* txt: the feeling, what lies underneath (inside it), high, low */
	if ((ex = add_opts(ctx, argc, argv, &a)) != 0 ||
	    (ex = add_feeling(ctx, a.feeling, &txt[0], &txt[1])) != 0)
		return ex;
	em_date_fmt(a.day, date);
	if ((ex = em_ctx_user(ctx, &user)) == 0 &&
	    (ex = add_text(ctx, &a, user, date, &txt[2], &txt[3])) == 0 &&
	    (ex = add_save(ctx, user, date, a.rflag, (const char *const *)txt, id,
	    &chg)) == 0)
		add_said(ctx, id, date, user, a.day, chg);
	free(txt[0]);
	free(txt[2]);
	free(txt[3]);
	return ex;
}

/*
 * The partner to answer: --to, else the one other person who checked in on
 * date (or, when nobody did, the one other person in the database). When
 * there are more, refuse and name them: answering the wrong one is worse
 * than asking. On failure *out stays NULL.
 */
static int
find_partner(struct em_ctx *ctx, const char *me, const char *to,
    const char *date, char **out)
{
	sqlite3_stmt	*st;
	char		 names[256], *first = NULL;
	size_t		 len = 0;
	long		 n = 0;
	int		 ex, rc, that = -1;

	*out = NULL;
	if (to != NULL)
		return em_partner_arg(ctx, "--to", to, me, 0, out);
	if ((ex = em_sql_prep(ctx, &st, "SELECT user, max(date = ?2) AS that "
	    "FROM live_checkin WHERE user <> ?1 GROUP BY user ORDER BY that DESC, "
	    "user", "ss", me, date)) != 0)
		return ex;
	names[0] = '\0';
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (that == -1)
			that = sqlite3_column_int(st, 1);
		else if (sqlite3_column_int(st, 1) != that)
			break;
		if (n++ == 0)
			first = em_strdup((const char *)sqlite3_column_text(st, 0));
		if (len < sizeof(names) - 1)
			len += (size_t)snprintf(names + len, sizeof(names) - len,
			    "%s%s", n > 1 ? ", " : "", sqlite3_column_text(st, 0));
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
		free(first);
		return em_db_err(ctx, rc, "reading check-ins");
	}
	if (n == 0 || first == NULL)
		return em_err(ctx, EM_EX_NOINPUT, "no partner has checked in yet");
	if (n > 1) {
		free(first);
		return refuse(ctx, EM_EX_USAGE, "more than one person to answer "
		    "(%s); say whom with --to NAME", names);
	}
	*out = first;
	return 0;
}

/* A question if it ends in a question mark (closing quotes aside). */
static const char *
answer_kind(const char *s)
{
	size_t	 n = strlen(s);

	while (n > 0 && strchr(" \t\n\"')", s[n - 1]) != NULL)
		n--;
	if (n >= 3 && strncmp(s + n - 3, "\xe2\x80\x9d", 3) == 0)
		n -= 3;
	return n > 0 && s[n - 1] == '?' ? "question" : "reflection";
}

/* Sentence i of text, its white space runs made one space; the caller frees it. */
static char *
sentence_text(const char *text, const struct em_sentence *s)
{
	char	*out = em_xcalloc(1, s->end - s->beg + 1), *o = out;
	size_t	 i;

	for (i = s->beg; i < s->end; i++) {
		if (isspace((unsigned char)text[i])) {
			if (o > out && o[-1] != ' ')
				*o++ = ' ';
		} else
			*o++ = text[i];
	}
	*o = '\0';
	return out;
}

/* Why sentence s breaks its rule: ("you could try", a frame rule). */
static char *
why(const char *text, const struct em_sentence *s)
{
	struct em_sentence w = *s;
	char	*words, *msg;
	size_t	 len;

	w.beg = s->mbeg;
	w.end = s->mend;
	words = sentence_text(text, &w);
	len = strlen(words) + 64;
	msg = em_xcalloc(1, len);
	snprintf(msg, len, "(\"%s\", %s)", words, em_rkind_name(s->rule->kind));
	free(words);
	return msg;
}

/*
 * Say why an answer is refused, wrapped to 80 columns, on stderr: the
 * sentence, what it sounds like, the rule's kind and the words.
 */
static void
refusal(struct em_ctx *ctx, const char *text, const struct em_sentence *ss,
    size_t n, size_t i, int typed)
{
	const struct em_sentence *s = &ss[i];
	char	*sent = sentence_text(text, s), *w = why(text, s), nth[64] = "";

	if (n > 1)
		snprintf(nth, sizeof(nth), " (sentence %zu of %zu)", i + 1, n);
	em_note_wrapped(ctx, "\"%s\"%s sounds like %s %s; %s", sent, nth,
	    s->rule->note ? s->rule->note : "advice", w, typed ?
	    "it is not sent yet" : "nothing was stored");
	free(sent);
	free(w);
	em_note_wrapped(ctx, "ask instead: %s", s->rule->instead);
	if (!typed)
		em_note_wrapped(ctx, "(or use --force to send it as it is)");
}

/* The first sentence of text that sounds like advice, or n when none does. */
static size_t
first_advice(const struct em_content *c, const char *text,
    struct em_sentence **ss, size_t *n)
{
	size_t	 i;

	*n = em_advice_judge(c, text, ss);
	for (i = 0; i < *n && (*ss)[i].rule == NULL; i++)
		;
	return i;
}

/*
 * Check an answer against the advice patterns. From arguments or a pipe,
 * advice is refused (65). Typed at the terminal, the words are kept and the
 * person chooses, one key each: edit them, ask the suggested question
 * instead, send them as they are (as --force), or cancel.
 */
static int
advice_check(struct em_ctx *ctx, int typed, char **textp, int *forced)
{
	const struct em_content *content;
	struct em_sentence *ss = NULL;
	char	*tmpl, *edited;
	size_t	 len, i, n;
	int	 ex, key;

	if ((ex = em_ctx_content(ctx, EM_KIND(EM_K_ADVICE), &content)) != 0)
		return ex;
	for (;; free(ss), ss = NULL) {
		if ((i = first_advice(content, *textp, &ss, &n)) == n)
			break;
		refusal(ctx, *textp, ss, n, i, typed);
		if (!typed) {
			free(ss);
			return EM_EX_DATAERR;
		}
		if ((ex = em_ask_key(ctx, "[e]dit it, [a]sk that instead, [s]end "
		    "it as it is, or [c]ancel? ", "easc", &key)) != 0)
			break;
		switch (key) {
		case 'e':
			len = strlen(*textp) + 80;
			tmpl = em_xcalloc(1, len);
			snprintf(tmpl, len, "%s\n\n# Your answer; lines that start "
			    "with # are left out.\n", *textp);
			ex = em_editor_text(ctx, "", tmpl, &edited);
			free(tmpl);
			if (ex != 0)
				break;
			free(*textp);
			*textp = edited;
			continue;
		case 'a':
			free(*textp);
			*textp = em_strdup(ss[i].rule->instead);
			break;
		case 's':
			*forced = 1;
			break;
		default:
			ex = em_err(ctx, EM_EX_NO, "cancelled; nothing was stored");
			break;
		}
		break;
	}
	free(ss);
	return ex;
}

static const char *const rule_kinds[EM_R_COUNT] = { "patterns", "openers",
	"frames", "questions" };

/* check's record: a sentence of the answer; new fields go at the end. */
static const struct em_col check_cols[] = { { "sentence", EM_INT },
	{ "text", EM_STR }, { "verdict", EM_STR }, { "kind", EM_STR },
	{ "words", EM_STR }, { "rule", EM_STR }, { "note", EM_STR },
	{ "instead", EM_STR }, { "document", EM_STR }, { "file", EM_STR },
	{ "sent_as", EM_STR }, { NULL, 0 } };

/* The words of sentence s that broke its rule, or NULL; the caller frees them. */
static char *
advice_words(const char *text, const struct em_sentence *s)
{
	struct em_sentence w = *s;

	if (s->rule == NULL)
		return NULL;
	w.beg = s->mbeg;
	w.end = s->mend;
	return sentence_text(text, &w);
}

/*
 * One sentence that sounds like advice, as check shows it under the
 * sentence: what it sounds like, the rule and its document, what to ask
 * instead. The note is content's, the words the answer's: both safely.
 */
static void
check_text_advice(const char *text, const struct em_sentence *s)
{
	char	*why_s = why(text, s), *line;
	size_t	 len;

	len = strlen(why_s) + (s->rule->note ? strlen(s->rule->note) : 6) + 16;
	line = em_xcalloc(1, len);
	snprintf(line, len, "sounds like %s %s", s->rule->note ? s->rule->note :
	    "advice", why_s);
	fputs("        ", stdout);
	em_put_wrapped(line, WIDTH, 8, 1);
	free(line);
	free(why_s);
	len = strlen(s->rule->match) + strlen(s->doc->id) +
	    (s->doc->file ? strlen(s->doc->file) : 0) + 64;
	line = em_xcalloc(1, len);
	snprintf(line, len, "(%s rule '%s' in '%s', %s)", rule_kinds[s->rule->kind],
	    s->rule->match, s->doc->id, s->doc->file ? s->doc->file : "");
	fputs("        ", stdout);
	em_put_wrapped(line, WIDTH, 9, 1);
	free(line);
	fputs("        ask instead: ", stdout);
	em_put_wrapped(s->rule->instead, WIDTH, 21, 1);
}

/*
 * Sentence i of the answer as a record: its verdict and, when it sounds
 * like advice, the words, the rule and its document; sent_as is what the
 * whole answer would go as (NULL: it would be refused). Text shows it.
 */
static int
check_sentence(struct em_ctx *ctx, const char *text, const struct em_sentence *s,
    size_t i, const char *sent_as)
{
	const struct em_pattern *r = s->rule;
	char	*sent = sentence_text(text, s), *words = advice_words(text, s);
	const struct em_val v[] = { EM_N((long long)i + 1), EM_S(sent),
	    EM_S(r ? "advice" : "ok"), EM_S(r ? rule_kinds[r->kind] : NULL),
	    EM_S(words), EM_S(r ? r->match : NULL),
	    EM_S(r ? (r->note ? r->note : "advice") : NULL),
	    EM_S(r ? r->instead : NULL), EM_S(r ? s->doc->id : NULL),
	    EM_S(r ? s->doc->file : NULL), EM_S(sent_as) };
	int	 shown;

	if ((shown = em_emit(ctx, check_cols, v)) != 0) {
		fputs(r ? "advice  " : "ok      ", stdout);
		em_put_wrapped(sent, WIDTH, 8, 1);
		if (r != NULL)
			check_text_advice(text, s);
	}
	free(words);
	free(sent);
	return shown;
}

/*
 * check [TEXT]: judge an answer as respond would, sentence by sentence, and
 * store nothing. Exit 0 when it would be sent, 1 when it would be refused.
 */
static int
c_check(struct em_ctx *ctx, int argc, char **argv)
{
	const struct em_content *content;
	struct em_sentence *ss = NULL;
	const char	*sent_as;
	char		*text = NULL;
	size_t		 i, n, first;
	int		 ex, texted = 0;

	if ((ex = em_no_opts(ctx, argc, argv)) != 0)
		return ex;
	if ((ex = em_ctx_content(ctx, EM_KIND(EM_K_ADVICE), &content)) != 0 ||
	    (ex = em_input_text(ctx, argc - optind, argv + optind, "the answer",
	    NULL, NULL, &text)) != 0)
		return ex;
	first = first_advice(content, text, &ss, &n);
	sent_as = first < n ? NULL : answer_kind(text);
	em_emit_head(ctx, check_cols);
	for (i = 0; i < n; i++)
		texted |= check_sentence(ctx, text, &ss[i], i, sent_as);
	if (texted && first < n)
		printf("it would be refused: sentence %zu of %zu sounds like "
		    "advice\n", first + 1, n);
	else if (texted)
		printf("it would be sent, as a %s\n", sent_as);
	free(ss);
	free(text);
	return first < n ? EM_EX_NO : 0;
}

/*
 * Remove (removing 1) or bring back one of me's records of table, named by
 * its id or a prefix of it, and say so: how is the command that restores it.
 */
static int
rm_record(struct em_ctx *ctx, const char *table, const char *prefix, const char *me,
    int removing, const char *how)
{
	char	 id[EM_ID_LEN + 1];
	int	 ex, removed, already;

	if ((ex = em_db_open(ctx, EM_DB_WRITE)) != 0 ||
	    (ex = em_rec_find(ctx, table, prefix, me, id, &removed)) != 0 ||
	    (ex = em_rec_remove(ctx, table, id, removing, &already)) != 0)
		return ex;
	em_rec_said(ctx, table, id, removing, already, how);
	return 0;
}

/* Say what rm or restore did to the check-in of day (em_rec_emit's record). */
static void
rm_said(struct em_ctx *ctx, const char *id, const char *date, long day,
    int removing, int already)
{
	if (em_rec_emit(ctx, "checkin", id, date, removing, already, NULL,
	    NULL) == 0)
		return;
	printf("check-in for %s %s %s", wdays[em_date_wday(day)], date, already ?
	    (removing ? "was already removed" : "is not removed") : removing ?
	    "removed" : "brought back");
	if (removing)
		printf(" (bring it back with: empathy-checkin restore --date %s, or "
		    "empathy undo)", date);
	putchar('\n');
}

/* rm and restore: your check-in for a day; its answers go and come with it. */
static int
rm_checkin(struct em_ctx *ctx, int argc, char **argv, int removing)
{
	/* the one option, into day itself */
	static const struct em_opt opts[] = {
		{ .name = "date", .type = EM_OPT_DATE }, { NULL } };
	const char	*me;
	char		*id = NULL, date[11];
	long		 day = em_date_today();
	int		 ex, already;

	if ((ex = em_opts(ctx, argc, argv, opts, &day)) != 0 ||
	    (ex = em_no_args(ctx, argc, argv)) != 0)
		return ex;
	em_date_fmt(day, date);
	if ((ex = em_ctx_user(ctx, &me)) != 0 ||
	    (ex = em_db_open(ctx, EM_DB_WRITE)) != 0 ||
	    (ex = em_sql_one(ctx, "reading check-ins", &id, "SELECT id FROM checkin "
	    "WHERE user = ?1 AND date = ?2", "ss", me, date)) != 0)
		goto out;
	if (id == NULL) {
		ex = em_err(ctx, EM_EX_NOINPUT, "you have no check-in for %s", date);
		goto out;
	}
	if ((ex = em_rec_remove(ctx, "checkin", id, removing, &already)) == 0)
		rm_said(ctx, id, date, day, removing, already);
out:
	free(id);
	return ex;
}

static int
c_rm(struct em_ctx *ctx, int argc, char **argv)
{
	return rm_checkin(ctx, argc, argv, 1);
}

static int
c_restore(struct em_ctx *ctx, int argc, char **argv)
{
	return rm_checkin(ctx, argc, argv, 0);
}

/* What reply was given: --answer, --edit, --rm or --restore, the day. */
#define ONE_REPLY	"--rm and --restore name one reply"
struct reply_args {
	const char	*answer, *edit, *rm;
	long		 day;
	int		 dated, restore;
};

static int
reply_opts(struct em_ctx *ctx, int argc, char **argv, struct reply_args *a)
{
	static const struct em_opt opts[] = {
		EM_OPTION("date", 0, EM_OPT_DATE, reply_args, day),
		EM_OPTION("date", 0, EM_OPT_FLAG, reply_args, dated),
		EM_OPTION("answer", 0, EM_OPT_STR, reply_args, answer),
		EM_OPTION("edit", 0, EM_OPT_STR, reply_args, edit),
		{ .name = "restore", .type = EM_OPT_STR,
		    .off = offsetof(struct reply_args, rm), .clash = ONE_REPLY },
		EM_OPTION("restore", 0, EM_OPT_FLAG, reply_args, restore),
		{ .name = "rm", .type = EM_OPT_STR,
		    .off = offsetof(struct reply_args, rm), .clash = ONE_REPLY },
		{ NULL }
	};
	int	 ex;

	memset(a, 0, sizeof(*a));
	a->day = em_date_today();
	if ((ex = em_opts(ctx, argc, argv, opts, a)) != 0)
		return ex;
	if ((a->edit != NULL) + (a->rm != NULL) + (a->answer != NULL ||
	    a->dated) > 1)
		return em_fail(ctx, EM_EX_USAGE, "--edit, --rm and --answer/--date "
		    "do not go together");
	if (a->rm != NULL)
		return em_no_args(ctx, argc, argv);
	return 0;
}

/*
 * What a reply answers: the answer's id, its author and kind, the day of
 * the check-in; with --edit, the reply of one's own being changed.
 */
struct reply_to {
	char	*reply, *answer, *who, *kind, *date;
};

static void
reply_to_free(struct reply_to *t)
{
	free(t->reply);
	free(t->answer);
	free(t->who);
	free(t->kind);
	free(t->date);
	memset(t, 0, sizeof(*t));
}

/* The answer to reply to: the one named, else the newest from the partner. */
static int
reply_answer(struct em_ctx *ctx, const char *me, const struct reply_args *a,
    struct reply_to *t)
{
	char	*cid = NULL;
	int	 ex;

	if ((ex = em_sql_one(ctx, "reading check-ins", &cid, "SELECT id FROM "
	    "live_checkin WHERE user = ?1 AND date = ?2", "ss", me, t->date)) != 0)
		return ex;
	if (cid == NULL)
		return em_err(ctx, EM_EX_NOINPUT, "you have no check-in for %s",
		    t->date);
	ex = em_sql_one(ctx, "reading answers", &t->answer, "SELECT id FROM "
	    "live_response WHERE checkin = ?1 AND user <> ?2 AND (?3 IS NULL OR "
	    "id = ?3) ORDER BY created DESC, id DESC LIMIT 1", "sss", cid, me,
	    a->answer);
	free(cid);
	if (ex == 0 && t->answer == NULL)
		ex = a->answer != NULL ? em_err(ctx, EM_EX_NOINPUT, "no answer %s "
		    "to your check-in for %s", a->answer, t->date) : em_err(ctx,
		    EM_EX_NOINPUT, "nobody has answered your check-in for %s yet",
		    t->date);
	return ex;
}

/* Load what the reply answers (or, with --edit, which reply it is). */
static int
reply_target(struct em_ctx *ctx, const char *me, const struct reply_args *a,
    struct reply_to *t)
{
	int	 ex;

	memset(t, 0, sizeof(*t));
	t->date = em_xcalloc(1, 11);
	em_date_fmt(a->day, t->date);
	if (a->edit == NULL)
		ex = reply_answer(ctx, me, a, t);
	else if ((ex = em_sql_one(ctx, "reading replies", &t->reply, "SELECT id "
	    "FROM live_reply WHERE id = ?1 AND user = ?2", "ss", a->edit, me)) == 0 &&
	    t->reply == NULL)
		ex = em_err(ctx, EM_EX_NOINPUT, "no reply %s of yours", a->edit);
	else if (ex == 0) {
		free(t->date);
		t->date = NULL;
		if ((ex = em_sql_one(ctx, "reading replies", &t->answer, "SELECT "
		    "response FROM reply WHERE id = ?1", "s", t->reply)) == 0)
			ex = em_sql_one(ctx, "reading check-ins", &t->date, "SELECT "
			    "c.date FROM response r JOIN checkin c ON c.id = r.checkin "
			    "WHERE r.id = ?1", "s", t->answer);
	}
	if (ex == 0 &&
	    (ex = em_sql_one(ctx, "reading answers", &t->who, "SELECT user FROM "
	    "response WHERE id = ?1", "s", t->answer)) == 0)
		ex = em_sql_one(ctx, "reading answers", &t->kind, "SELECT kind FROM "
		    "response WHERE id = ?1", "s", t->answer);
	if (ex != 0)
		reply_to_free(t);
	return ex;
}

/* The reply's words: the operands, else a prompt at a terminal, else stdin. */
static int
reply_text(struct em_ctx *ctx, int argc, char **argv, const char *who,
    char **text)
{
	char	*prompt;
	size_t	 len;
	int	 ex;

	if (argc - optind > 0 || !em_isatty_in())
		return em_input_text(ctx, argc - optind, argv + optind, "the reply",
		    NULL, NULL, text);
	len = strlen(who) + 64;
	prompt = em_xcalloc(1, len);
	snprintf(prompt, len, "Your reply to %s: ", who);
	ex = em_ask_line(ctx, prompt, EM_ASK_KEEP, text);
	free(prompt);
	return ex;
}

/* Save the reply (or the edited words) in one transaction; id is the new one. */
static int
reply_save(struct em_ctx *ctx, const struct reply_to *t, const char *me,
    const char *text, char id[EM_ID_LEN + 1])
{
	int	 ex;

	if ((ex = em_db_begin(ctx)) != 0)
		return ex;
	if (t->reply != NULL) {
		snprintf(id, EM_ID_LEN + 1, "%s", t->reply);
		ex = em_sql_run(ctx, "saving the reply", "UPDATE reply SET text = ?2, "
		    "updated = " NOW " WHERE id = ?1 AND text <> ?2", "ss", id, text);
	} else {
		em_id_new(id);
		ex = em_sql_run(ctx, "saving the reply", "INSERT INTO reply (id, "
		    "response, user, text, created, updated) VALUES (?1, ?2, ?3, ?4, "
		    NOW ", " NOW ")", "ssss", id, t->answer, me, text);
	}
	if (ex != 0) {
		em_db_rollback(ctx);
		return ex;
	}
	return em_db_commit(ctx);
}

/* Say what reply did: the reply, the answer it is to, whose, and its kind. */
static void
reply_said(struct em_ctx *ctx, const struct reply_to *t, const char *id)
{
	static const struct em_col cols[] = { { "id", EM_STR }, { "date", EM_STR },
	    { "to", EM_STR }, { "answer", EM_STR }, { "kind", EM_STR },
	    { "edited", EM_BOOL }, { NULL, 0 } };
	const struct em_val v[] = { EM_S(id), EM_S(t->date), EM_S(t->who),
	    EM_S(t->answer), EM_S(t->kind), EM_N(t->reply != NULL) };

	em_emit_head(ctx, cols);
	if (em_emit(ctx, cols, v) == 0)
		return;
	if (t->reply != NULL) {
		printf("changed reply %s\n", id);
		return;
	}
	fputs("replied to ", stdout);
	em_put_name(stdout, t->who, NAMEW);
	printf("'s %s on your check-in for %s\n", t->kind, t->date);
}

/*
 * reply: the partner who checked in answers back, to the newest answer of
 * the day (or --answer ID). --edit and --rm change or remove a reply of
 * one's own, nobody else's; --restore brings back a removed one.
 */
static int
c_reply(struct em_ctx *ctx, int argc, char **argv)
{
	struct reply_args a;
	struct reply_to	 t;
	const char	*me;
	char		*text = NULL, id[EM_ID_LEN + 1];
	int		 ex;

	if ((ex = reply_opts(ctx, argc, argv, &a)) != 0 ||
	    (ex = em_ctx_user(ctx, &me)) != 0 ||
	    (ex = em_db_open(ctx, EM_DB_WRITE)) != 0)
		return ex;
	/* A removed reply keeps its text until it is brought back. */
	if (a.rm != NULL)
		return rm_record(ctx, "reply", a.rm, me, !a.restore,
		    "empathy-checkin reply --restore");
	if ((ex = reply_target(ctx, me, &a, &t)) != 0)
		return ex;
	if ((ex = reply_text(ctx, argc, argv, t.who, &text)) == 0 &&
	    (ex = reply_save(ctx, &t, me, text, id)) == 0)
		reply_said(ctx, &t, id);
	reply_to_free(&t);
	free(text);
	return ex;
}

/* The partner's check-in a guess or an answer is for, and its feeling. */
struct target {
	char	*partner, *cid, *feeling;
	char	 date[11];
};

static void
target_free(struct target *t)
{
	free(t->partner);
	free(t->cid);
	free(t->feeling);
	t->partner = t->cid = t->feeling = NULL;
}

/* A line of text at a prompt on a terminal, else from stdin. */
static int
ask_or_read(struct em_ctx *ctx, const char *prompt, const char *what, char **text)
{
	if (em_isatty_in())
		return em_ask_line(ctx, prompt, EM_ASK_KEEP, text);
	return em_input_text(ctx, 0, NULL, what, NULL, NULL, text);
}

/* What guess was given: whose check-in, which day, the word if any. */
struct guess_args {
	const char	*to, *word;
	long		 day;
};

static int
guess_opts(struct em_ctx *ctx, int argc, char **argv, struct guess_args *a)
{
	static const struct em_opt opts[] = {
		EM_OPTION("date", 0, EM_OPT_DATE, guess_args, day),
		EM_OPTION("to", 0, EM_OPT_NAME, guess_args, to),
		EM_OPTION("guess", 0, EM_OPT_STR, guess_args, word),
		{ NULL }
	};
	int	 ex;

	memset(a, 0, sizeof(*a));
	a->day = em_date_today();
	if ((ex = em_opts(ctx, argc, argv, opts, a)) != 0)
		return ex;
	return em_no_args(ctx, argc, argv);
}

/*
 * The check-in to guess at: the partner's of that day, with a feeling and
 * what lies underneath it, not yet seen (you have not checked in that day).
 */
static int
guess_target(struct em_ctx *ctx, const char *me, const char *to,
    struct target *t)
{
	int	 ex, mine;

	if ((ex = find_partner(ctx, me, to, t->date, &t->partner)) != 0)
		return ex;
	if ((ex = em_sql_one(ctx, "reading check-ins", &t->cid, "SELECT id FROM "
	    "live_checkin WHERE user = ?1 AND date = ?2 AND feeling IS NOT NULL AND "
	    "underneath IS NOT NULL", "ss", t->partner, t->date)) != 0 ||
	    (t->cid != NULL && (ex = em_sql_one(ctx, "reading check-ins",
	    &t->feeling, "SELECT feeling FROM checkin WHERE id = ?1", "s",
	    t->cid)) != 0))
		return ex;
	if (t->cid == NULL)
		return em_err(ctx, EM_EX_NOINPUT, "%s has no check-in for %s with a "
		    "feeling and what lies underneath it", t->partner, t->date);
	if ((ex = checked_in(ctx, me, t->date, &mine)) != 0)
		return ex;
	if (mine)
		return em_err(ctx, EM_EX_DATAERR, "you can already see %s's "
		    "check-in for %s: a guess comes before you check in that day",
		    t->partner, t->date);
	return 0;
}

/* The guessed word: --guess, a prompt, or stdin's first line; lower case. */
static int
guess_word(struct em_ctx *ctx, const char *word, const struct target *t,
    char **out)
{
	char	*prompt, *text = NULL;
	size_t	 len;
	int	 ex;

	*out = NULL;
	if (word == NULL) {
		len = strlen(t->partner) + strlen(t->feeling) + 96;
		prompt = em_xcalloc(1, len);
		snprintf(prompt, len, "%s feels %s. What do you think lies "
		    "underneath? ", t->partner, t->feeling);
		ex = ask_or_read(ctx, prompt, "the guess", &text);
		free(prompt);
		if (ex != 0)
			return ex;
		text[strcspn(text, "\n")] = '\0';
	} else
		text = em_strdup(word);
	if (!em_feeling_valid(text)) {
		ex = em_err(ctx, EM_EX_DATAERR, "'%s' is not a feeling (a few "
		    "words at most)", text);
		free(text);
		return ex;
	}
	em_word_lower(text);
	*out = text;
	return 0;
}

/* Save the guess; guessing again replaces it (its id is the check-in's and mine). */
static int
guess_save(struct em_ctx *ctx, const char *cid, const char *me, const char *word,
    char id[EM_ID_LEN + 1])
{
	int	 ex;

	em_id_derive(id, "guess", cid, me, (char *)NULL);
	if ((ex = em_db_begin(ctx)) != 0)
		return ex;
	if ((ex = em_sql_run(ctx, "saving the guess", "INSERT INTO guess (id, "
	    "checkin, user, word, created, updated) VALUES (?1, ?2, ?3, ?4, " NOW
	    ", " NOW ") ON CONFLICT (id) DO UPDATE SET word = excluded.word, "
	    "updated = excluded.updated WHERE word <> excluded.word", "ssss", id,
	    cid, me, word)) != 0) {
		em_db_rollback(ctx);
		return ex;
	}
	return em_db_commit(ctx);
}

static void
guess_said(struct em_ctx *ctx, const char *id, const struct target *t,
    const char *word)
{
	static const struct em_col cols[] = { { "id", EM_STR }, { "date", EM_STR },
	    { "to", EM_STR }, { "feeling", EM_STR }, { "guess", EM_STR },
	    { NULL, 0 } };
	const struct em_val v[] = { EM_S(id), EM_S(t->date), EM_S(t->partner),
	    EM_S(t->feeling), EM_S(word) };

	em_emit_head(ctx, cols);
	if (em_emit(ctx, cols, v) == 0)
		return;
	fputs("guessed ", stdout);
	em_put_text(stdout, word);
	fputs(" under ", stdout);
	em_put_name(stdout, t->partner, NAMEW);
	fputs("'s ", stdout);
	em_put_text(stdout, t->feeling);	/* the partner's word */
	printf(" for %s; it shows once you check in\n", t->date);
}

/*
 * guess: before you can see your partner's check-in (you have not checked
 * in that day), guess what lies underneath the feeling they named; the
 * guess is shown beside theirs once you can see it. Guessing again, before
 * then, replaces the guess.
 */
static int
c_guess(struct em_ctx *ctx, int argc, char **argv)
{
	struct guess_args a;
	struct target	 t = { NULL, NULL, NULL, "" };
	const char	*me;
	char		*word = NULL, id[EM_ID_LEN + 1];
	int		 ex;

	if ((ex = guess_opts(ctx, argc, argv, &a)) != 0)
		return ex;
	em_date_fmt(a.day, t.date);
	if ((ex = em_ctx_user(ctx, &me)) == 0 &&
	    (ex = em_db_open(ctx, EM_DB_WRITE)) == 0 &&
	    (ex = guess_target(ctx, me, a.to, &t)) == 0 &&
	    (ex = guess_word(ctx, a.word, &t, &word)) == 0 &&
	    (ex = guess_save(ctx, t.cid, me, word, id)) == 0)
		guess_said(ctx, id, &t, word);
	target_free(&t);
	free(word);
	return ex;
}

/* What respond was given: whose check-in, which day, --force, --peek, --rm. */
#define ONE_ANSWER	"--rm and --restore name one answer"
struct respond_args {
	const char	*to, *rm;
	long		 day;
	int		 restore, fflag, pflag;
};

static int
respond_opts(struct em_ctx *ctx, int argc, char **argv, struct respond_args *a)
{
	static const struct em_opt opts[] = {
		EM_OPTION("date", 0, EM_OPT_DATE, respond_args, day),
		EM_OPTION("force", 0, EM_OPT_FLAG, respond_args, fflag),
		EM_OPTION("peek", 0, EM_OPT_FLAG, respond_args, pflag),
		{ .name = "restore", .type = EM_OPT_STR,
		    .off = offsetof(struct respond_args, rm), .clash = ONE_ANSWER },
		EM_OPTION("restore", 0, EM_OPT_FLAG, respond_args, restore),
		{ .name = "rm", .type = EM_OPT_STR,
		    .off = offsetof(struct respond_args, rm), .clash = ONE_ANSWER },
		EM_OPTION("to", 0, EM_OPT_NAME, respond_args, to),
		{ NULL }
	};

	memset(a, 0, sizeof(*a));
	a->day = em_date_today();
	return em_opts(ctx, argc, argv, opts, a);
}

/*
 * The check-in to answer: the partner's of that day. You answer what you
 * can see: a check-in hidden from you is not yet, unless peek.
 */
static int
respond_target(struct em_ctx *ctx, const char *me, const struct respond_args *a,
    struct target *t)
{
	int	 ex, mine;

	if ((ex = find_partner(ctx, me, a->to, t->date, &t->partner)) != 0 ||
	    (ex = em_sql_one(ctx, "reading check-ins", &t->cid, "SELECT id FROM "
	    "live_checkin WHERE user = ?1 AND date = ?2", "ss", t->partner,
	    t->date)) != 0)
		return ex;
	if (t->cid == NULL)
		return em_err(ctx, EM_EX_NOINPUT, "%s has no check-in for %s",
		    t->partner, t->date);
	if (a->pflag || (ex = checked_in(ctx, me, t->date, &mine)) != 0 || mine)
		return ex;
	return refuse(ctx, EM_EX_NOINPUT, "%s's check-in for %s is hidden until "
	    "you check in that day: check in first (or --peek to answer it "
	    "unseen)", t->partner, t->date);
}

/*
 * The answer's words: the operands, or typed at a prompt; then the advice
 * check, unless forced (typed, the person may choose to force it).
 */
static int
respond_text(struct em_ctx *ctx, int argc, char **argv, const char *partner,
    int *fflag, char **text)
{
	char	*prompt;
	size_t	 len;
	int	 ex, typed = argc - optind == 0 && em_isatty_in();

	if (typed) {
		len = strlen(partner) + 64;
		prompt = em_xcalloc(1, len);
		snprintf(prompt, len, "Your question or reflection for %s: ",
		    partner);
		ex = em_ask_line(ctx, prompt, EM_ASK_KEEP, text);
		free(prompt);
	} else
		ex = em_input_text(ctx, argc - optind, argv + optind, "the answer",
		    NULL, NULL, text);
	if (ex == 0 && !*fflag)
		ex = advice_check(ctx, typed, text, fflag);
	return ex;
}

/* Save the answer in one transaction, unless the check-in went meanwhile. */
static int
respond_save(struct em_ctx *ctx, const struct target *t, const char *me,
    const char *kind, const char *text, int forced, char id[EM_ID_LEN + 1])
{
	int	 ex;

	em_id_new(id);
	if ((ex = em_db_begin(ctx)) != 0)
		return ex;
	if ((ex = em_sql_run(ctx, "saving the answer", "INSERT INTO response (id, "
	    "checkin, user, kind, text, forced, created, updated) SELECT ?1, id, "
	    "?3, ?4, ?5, ?6, " NOW ", " NOW " FROM checkin WHERE id = ?2",
	    "sssssl", id, t->cid, me, kind, text, (long)forced)) == 0 &&
	    sqlite3_changes(ctx->db) != 1)
		ex = em_err(ctx, EM_EX_NOINPUT, "%s's check-in for %s is gone",
		    t->partner, t->date);
	if (ex != 0) {
		em_db_rollback(ctx);
		return ex;
	}
	return em_db_commit(ctx);
}

static void
respond_said(struct em_ctx *ctx, const char *id, const struct target *t,
    const char *kind)
{
	static const struct em_col cols[] = { { "id", EM_STR }, { "date", EM_STR },
	    { "to", EM_STR }, { "kind", EM_STR }, { NULL, 0 } };
	const struct em_val v[] = { EM_S(id), EM_S(t->date), EM_S(t->partner),
	    EM_S(kind) };

	em_emit_head(ctx, cols);
	if (em_emit(ctx, cols, v) == 0)
		return;
	fputs("answered ", stdout);
	em_put_name(stdout, t->partner, NAMEW);
	printf("'s check-in for %s with a %s\n", t->date, kind);
}

static int
c_respond(struct em_ctx *ctx, int argc, char **argv)
{
	struct respond_args a;
	struct target	 t = { NULL, NULL, NULL, "" };
	const char	*me, *kind;
	char		*text = NULL, id[EM_ID_LEN + 1];
	int		 ex;

	if ((ex = respond_opts(ctx, argc, argv, &a)) != 0 ||
	    (ex = em_ctx_user(ctx, &me)) != 0)
		return ex;
	/* Only the one who wrote an answer removes it. */
	if (a.rm != NULL) {
		if ((ex = em_no_args(ctx, argc, argv)) != 0)
			return ex;
		return rm_record(ctx, "response", a.rm, me, !a.restore,
		    "empathy-checkin respond --restore");
	}
	em_date_fmt(a.day, t.date);
	if ((ex = em_db_open(ctx, EM_DB_WRITE)) == 0 &&
	    (ex = respond_target(ctx, me, &a, &t)) == 0 &&
	    (ex = respond_text(ctx, argc, argv, t.partner, &a.fflag, &text)) == 0) {
		kind = answer_kind(text);
		if ((ex = respond_save(ctx, &t, me, kind, text, a.fflag, id)) == 0)
			respond_said(ctx, id, &t, kind);
	}
	target_free(&t);
	free(text);
	return ex;
}

/*
 * Check-ins in a range. A partner's stays hidden on a day you have not
 * checked in yourself, unless ?4 (peek) is set.
 */
#define EARLIER_SQL(cols)						\
    "SELECT " cols " FROM earlier WHERE tbl = 'checkin' AND rid = ?1 "	\
    "ORDER BY clock, instr('feeling underneath high low', field)"
static const char show_sql[] =
    "WITH c AS (SELECT c.*, (c.user <> ?3 AND NOT ?4 AND NOT EXISTS ("
    "  SELECT 1 FROM live_checkin m WHERE m.user = ?3 AND m.date = c.date)) AS hidden"
    "  FROM live_checkin c WHERE c.date BETWEEN ?1 AND ?2) "
    "SELECT id, date, user,"
    " CASE WHEN hidden THEN NULL ELSE feeling END AS feeling,"
    " CASE WHEN hidden THEN NULL ELSE underneath END AS underneath,"
    " CASE WHEN hidden THEN NULL ELSE high END AS high,"
    " CASE WHEN hidden THEN NULL ELSE nullif(low, '') END AS low,"
    " hidden,"
    " (SELECT count(*) FROM live_response r WHERE r.checkin = c.id AND NOT hidden)"
    "  AS nresponses,"
    " (SELECT json_group_array(json_object('id', r.id, 'user', r.user, 'kind',"
    "  r.kind, 'text', r.text, 'forced', json(CASE WHEN r.forced THEN 'true' ELSE"
    "  'false' END), 'created', r.created, 'replies', (SELECT json_group_array("
    "  json_object('id', p.id, 'user', p.user, 'text', p.text, 'created',"
    "  p.created)) FROM (SELECT * FROM live_reply WHERE response = r.id ORDER BY"
    "  created, id) p))) FROM (SELECT * FROM live_response"
    "  WHERE checkin = c.id AND NOT hidden ORDER BY created, id) r)"
    "  AS responses,"
    " (SELECT count(*) FROM earlier e WHERE e.tbl = 'checkin' AND e.rid = c.id"
    "  AND NOT hidden) AS nearlier,"
    " (SELECT json_group_array(json_object('field', e.field, 'text', e.value,"
    "  'user', e.user, 'clock', e.clock, 'kept', e.created)) FROM (SELECT * FROM"
    "  earlier WHERE tbl = 'checkin' AND rid = c.id AND NOT hidden ORDER BY clock,"
    "  instr('feeling underneath high low', field)) e) AS earlier,"
    " (SELECT word FROM live_guess g WHERE g.checkin = c.id AND g.user = ?3 AND"
    "  NOT hidden) AS guess "
    "FROM c ORDER BY date, user <> ?3, user";

/*
 * Text that lost when the check-in met its twin from another machine
 * (the same person, the same day): each version under a line that says
 * so, its fields as in the check-in.
 */
static void
show_earlier(struct em_ctx *ctx, sqlite3_stmt *es, const char *id)
{
	const char *dim = em_color(ctx, "\033[2m"), *off = em_color(ctx, "\033[0m");
	const char *field, *clock;
	char	*last = NULL;
	size_t	 w;

	sqlite3_reset(es);
	em_bind_text(es, 1, id);
	while (sqlite3_step(es) == SQLITE_ROW) {
		field = (const char *)sqlite3_column_text(es, 0);
		clock = (const char *)sqlite3_column_text(es, 2);
		if (last == NULL || strcmp(last, clock) != 0) {
			printf("    %san earlier version from another machine:%s\n",
			    dim, off);
			free(last);
			last = em_strdup(clock);
		}
		w = em_text_width(field) < 4 ? 4 : em_text_width(field);
		printf("      %s", dim);
		em_put_cell(stdout, field, w, 0);
		printf("%s  ", off);
		em_put_wrapped((const char *)sqlite3_column_text(es, 1), WIDTH,
		    (int)(8 + w), 1);
	}
	free(last);
}

/*
 * How near a guess came to what lay underneath: the same feeling, a close
 * one (the two named together under some feeling of the vocabulary), or
 * neither. 2, 1 or 0.
 */
static int
guess_score(struct em_ctx *ctx, const char *guess, const char *under)
{
	static int	 warned;
	const struct em_content *c;
	const struct em_doc *d;
	size_t	 i, j, k;
	int	 g, u;

	if (guess == NULL || under == NULL)
		return 0;
	if (strcasecmp(guess, under) == 0)
		return 2;
	/* a broken vocabulary leaves the words alone to compare: say so once */
	if (em_ctx_content(ctx, EM_KIND(EM_K_EMOTIONS), &c) != 0) {
		if (!warned++)
			em_warn(ctx, "%s; a guess is judged by its word alone "
			    "(named it, or not)", em_errmsg(ctx));
		em_err_clear(ctx);
		return 0;
	}
	for (i = 0; i < em_content_count(c, EM_K_EMOTIONS); i++) {
		d = em_content_nth(c, EM_K_EMOTIONS, i);
		for (j = 0; j < d->nfeelings; j++) {
			for (g = u = 0, k = 0; k < d->feelings[j].nunder; k++) {
				g |= strcasecmp(d->feelings[j].under[k], guess) == 0;
				u |= strcasecmp(d->feelings[j].under[k], under) == 0;
			}
			if (g && u)
				return 1;
		}
	}
	return 0;
}

static const char *
guess_verdict(struct em_ctx *ctx, const char *guess, const char *under)
{
	static const char *const words[] = { "not this time", "close", "named it" };

	return words[guess_score(ctx, guess, under)];
}

/*
 * show's record: a check-in, its answers and their replies, its earlier
 * versions (counts in tsv, arrays in JSON), your guess and how near it
 * came. The statement gives all but the last; new fields go at the end.
 */
enum { SH_ID, SH_DATE, SH_USER, SH_FEELING, SH_UNDER, SH_HIGH, SH_LOW,
	SH_HIDDEN, SH_NRESP, SH_RESP, SH_NEARLIER, SH_EARLIER, SH_GUESS,
	SH_VERDICT, SH_N };
static const struct em_col show_cols[] = { { "id", EM_STR },
	{ "date", EM_STR }, { "user", EM_STR }, { "feeling", EM_STR },
	{ "underneath", EM_STR }, { "high", EM_STR }, { "low", EM_STR },
	{ "hidden", EM_BOOL }, { "responses", EM_INT | EM_ONLY_TSV },
	{ "responses", EM_JSON | EM_ONLY_JSON }, { "earlier", EM_INT | EM_ONLY_TSV },
	{ "earlier", EM_JSON | EM_ONLY_JSON }, { "guess", EM_STR },
	{ "guess_verdict", EM_STR }, { NULL, 0 } };

/* A check-in's thread under it: answers, and the replies to each. */
static void
show_thread(struct em_ctx *ctx, sqlite3_stmt *rs, const char *id)
{
	const char *dim = em_color(ctx, "\033[2m"), *off = em_color(ctx, "\033[0m");
	const char *who, *text, *kind;
	size_t	 w;
	int	 depth;

	sqlite3_reset(rs);
	em_bind_text(rs, 1, id);
	while (sqlite3_step(rs) == SQLITE_ROW) {
		who = (const char *)sqlite3_column_text(rs, 0);
		text = (const char *)sqlite3_column_text(rs, 2);
		w = em_width_in(who, 0, ANSW);
		kind = (const char *)sqlite3_column_text(rs, 1);
		depth = sqlite3_column_int(rs, 4) * 2;
		printf("    %*s%s%s ", depth, "", dim, strcmp(kind, "question") == 0 ?
		    "?" : strcmp(kind, "reply") == 0 ? "<" : ">");
		em_put_cell(stdout, who, w, 0);
		printf("%s  ", off);
		em_put_wrapped(text, WIDTH, (int)(8 + w) + depth, 1);
		/* --force: the partner sees it was sent over the check */
		if (sqlite3_column_int(rs, 3))
			printf("%*s%s(sent despite the advice check)%s\n",
			    (int)(8 + w), "", dim, off);
	}
}

/* The first line of a check-in: who, and the feeling and what lies underneath. */
static void
show_feeling(struct em_ctx *ctx, const struct em_val *v, size_t uw)
{
	const char *dim = em_color(ctx, "\033[2m"), *off = em_color(ctx, "\033[0m");
	const char *feel = v[SH_FEELING].s, *under = v[SH_UNDER].s;
	size_t	 col, w;

	if (feel == NULL)
		return;
	fputs(" feels ", stdout);
	em_put_text(stdout, feel);
	if (under == NULL)
		return;
	col = 2 + uw + 7 + em_text_width(feel);
	w = 14 + em_text_width(under);
	printf("%s", col + w > WIDTH ? "\n   " : "");
	printf(" %s(underneath: %s", dim, off);
	em_put_text(stdout, under);
	printf("%s)%s", dim, off);
}

/* One check-in as text, under its day's heading when the day changes from last. */
static void
show_text(struct em_ctx *ctx, const struct em_val *v, sqlite3_stmt *rs,
    sqlite3_stmt *es, const char *last)
{
	const char *b = em_color(ctx, "\033[1m"), *dim = em_color(ctx, "\033[2m");
	const char *off = em_color(ctx, "\033[0m"), *date = v[SH_DATE].s;
	size_t	 uw = em_width_in(v[SH_USER].s, 0, NAMEW);
	long	 day;

	if (last == NULL || strcmp(last, date) != 0) {
		em_date_parse(date, &day);
		printf("%s%s%s %s%s\n", last ? "\n" : "", b, wdays[em_date_wday(day)],
		    date, off);
	}
	printf("  %s", b);
	em_put_cell(stdout, v[SH_USER].s, uw, 0);
	fputs(off, stdout);
	if (v[SH_HIDDEN].n) {
		printf(" %shas checked in; hidden until you check in (or --peek)%s\n",
		    dim, off);
		return;
	}
	show_feeling(ctx, v, uw);
	if (v[SH_GUESS].s != NULL) {
		printf("\n    %syou guessed%s ", dim, off);
		em_put_text(stdout, v[SH_GUESS].s);
		printf(" %s(%s)%s", dim, v[SH_VERDICT].s, off);
	}
	printf("\n    %shigh%s  ", dim, off);
	em_put_wrapped(v[SH_HIGH].s, WIDTH, 10, 1);
	printf("    %slow%s   ", dim, off);
	if (v[SH_LOW].s == NULL)
		printf("%s(none)%s\n", dim, off);
	else
		em_put_wrapped(v[SH_LOW].s, WIDTH, 10, 1);
	if (v[SH_NEARLIER].n > 0)
		show_earlier(ctx, es, v[SH_ID].s);
	show_thread(ctx, rs, v[SH_ID].s);
}

/*
 * A check-in's thread: its answers in the order they came, each followed by
 * the replies of the partner who checked in.
 */
#define THREAD_SQL \
    "SELECT r.user, r.kind, r.text, r.forced, 0 AS depth, r.created AS c1," \
    " r.id AS i1, '' AS c2 FROM live_response r WHERE r.checkin = ?1 UNION ALL" \
    " SELECT p.user, 'reply', p.text, 0, 1, r.created, r.id, p.created FROM" \
    " live_reply p JOIN live_response r ON r.id = p.response WHERE r.checkin = ?1" \
    " ORDER BY c1, i1, depth, c2, 3"

/* show's days: --date, or --since (d1) to --until (d2, today); --peek. */
struct show_args {
	long	 d1, d2;
	int	 pflag, dflag, sflag, uflag;
};

static int
show_opts(struct em_ctx *ctx, int argc, char **argv, struct show_args *a)
{
	static const struct em_opt opts[] = {
		EM_OPTION("date", 0, EM_OPT_DATE, show_args, d1),
		EM_OPTION("date", 0, EM_OPT_FLAG, show_args, dflag),
		EM_OPTION("peek", 0, EM_OPT_FLAG, show_args, pflag),
		EM_OPTION("since", 0, EM_OPT_DATE, show_args, d1),
		EM_OPTION("since", 0, EM_OPT_FLAG, show_args, sflag),
		EM_OPTION("until", 0, EM_OPT_DATE, show_args, d2),
		EM_OPTION("until", 0, EM_OPT_FLAG, show_args, uflag),
		{ NULL }
	};
	int	 ex;

	memset(a, 0, sizeof(*a));
	a->d1 = a->d2 = em_date_today();
	if ((ex = em_opts(ctx, argc, argv, opts, a)) != 0 ||
	    (ex = em_no_args(ctx, argc, argv)) != 0)
		return ex;
	if (a->dflag && (a->sflag || a->uflag))
		return em_fail(ctx, EM_EX_USAGE, "--date goes alone, without --since "
		    "or --until");
	if (a->dflag)
		a->d2 = a->d1;
	if (a->uflag && !a->sflag)
		return em_fail(ctx, EM_EX_USAGE, "--until needs --since");
	if (a->d2 < a->d1)
		return em_fail(ctx, EM_EX_USAGE, "--until comes before --since");
	return 0;
}

static int
c_show(struct em_ctx *ctx, int argc, char **argv)
{
	struct em_val	 v[SH_N];
	sqlite3_stmt	*st = NULL, *rs = NULL, *es = NULL;
	const char	*me;
	char		 from[11], to[11], *last = NULL;
	struct show_args a;
	long		 d1, d2, rows = 0;
	int		 ex, rc, pflag;

	if ((ex = show_opts(ctx, argc, argv, &a)) != 0)
		return ex;
	d1 = a.d1;
	d2 = a.d2;
	pflag = a.pflag;
	em_date_fmt(d1, from);
	em_date_fmt(d2, to);
	if ((ex = em_ctx_user(ctx, &me)) != 0 ||
	    (ex = em_db_open(ctx, EM_DB_READ)) != 0 ||
	    (ex = em_sql_prep(ctx, &st, show_sql, "sssl", from, to, me,
	    (long)pflag)) != 0 ||
	    (ex = em_db_prepare(ctx, &rs, THREAD_SQL)) != 0 ||
	    (ex = em_db_prepare(ctx, &es, EARLIER_SQL("field, value, clock"))) != 0)
		goto out;
	em_emit_head(ctx, show_cols);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		em_stmt_vals(show_cols, st, v);
		v[SH_VERDICT] = EM_S(v[SH_GUESS].s == NULL ? NULL :
		    guess_verdict(ctx, v[SH_GUESS].s, v[SH_UNDER].s));
		if (em_emit(ctx, show_cols, v) != 0)
			show_text(ctx, v, rs, es, last);
		free(last);
		last = em_strdup(v[SH_DATE].s);
		rows++;
	}
	if (rc != SQLITE_DONE)
		ex = em_db_err(ctx, rc, "reading check-ins");
out:
	free(last);
	sqlite3_finalize(es);
	sqlite3_finalize(rs);
	sqlite3_finalize(st);
	if (ex == 0 && rows == 0) {
		em_hint(ctx, "no check-ins %s %s%s%s", d1 == d2 ? "for" : "from",
		    from, d1 == d2 ? "" : " to ", d1 == d2 ? "" : to);
		return EM_EX_NO;
	}
	return ex;
}

/*
 * What you owe today (em_owed_checkins): your own check-in, answers to your
 * partner's recent ones, and whether the check-in to answer is still hidden
 * from you (you have not checked in that day): then you check in first.
 */
static int
c_due(struct em_ctx *ctx, int argc, char **argv)
{
	static const struct em_col cols[] = { { "what", EM_STR }, { "user", EM_STR },
	    { "date", EM_STR }, { "hidden", EM_BOOL }, { NULL, 0 } };
	struct em_owed	*o;
	const char	*me;
	char		 today[11];
	size_t		 i, n;
	static const struct em_opt opts[] = {
		{ .letter = 'q', .type = EM_OPT_FLAG }, { NULL } };
	int		 ex, qflag = 0;

	if ((ex = em_opts(ctx, argc, argv, opts, &qflag)) != 0 ||
	    (ex = em_no_args(ctx, argc, argv)) != 0)
		return ex;
	em_date_fmt(em_date_today(), today);
	if ((ex = em_ctx_user(ctx, &me)) != 0 ||
	    (ex = em_db_open(ctx, EM_DB_READ)) != 0 ||
	    (ex = em_owed_checkins(ctx, me, em_date_today(), &o, &n)) != 0)
		return ex;
	if (!qflag)
		em_emit_head(ctx, cols);
	for (i = 0; i < n && !qflag; i++) {
		const struct em_val v[] = { EM_S(o[i].what == EM_OWE_CHECKIN ?
		    "checkin" : "answer"), EM_S(o[i].user), EM_S(o[i].date),
		    EM_N(o[i].hidden) };

		if (em_emit(ctx, cols, v) != 0)
			em_owed_say(&o[i], today, "");
	}
	em_owed_free(o, n);
	return n > 0 ? EM_EX_OK : EM_EX_NO;
}

/* Whether a prompts document is a theme of the conversation deck. */
static int
is_deck(const struct em_doc *d)
{
	return strncmp(d->id, "deck-", 5) == 0;
}

/*
 * The conversation deck: the cards of the deck-* prompts documents (or of
 * one theme), in an order of their own for each couple, one card a day: no
 * card comes twice until all have come, and then the deck starts again. Both
 * partners see the same card on the same day, on any machine.
 */
static int
deck_card(struct em_ctx *ctx, const struct em_content *c, const char *theme,
    long day, const struct em_doc **dp, size_t *kp, size_t *np, size_t *pos)
{
	const struct em_doc *d, **docs = NULL;
	char	*couple = NULL, seed[EM_ID_LEN + 1], tid[80];
	size_t	*order = NULL, n = 0, i, j, k, t;
	unsigned long long x;
	int	 ex;

	if (theme != NULL)
		snprintf(tid, sizeof(tid), "deck-%s", theme);
	for (i = 0; i < em_content_count(c, EM_K_PROMPTS); i++) {
		d = em_content_nth(c, EM_K_PROMPTS, i);
		if (is_deck(d) && (theme == NULL || strcmp(d->id, tid) == 0))
			n += d->nstr;
	}
	if (n == 0)
		return theme != NULL ? em_err(ctx, EM_EX_NOINPUT, "no deck theme "
		    "'%s' in the content (its prompts document is deck-%s)", theme,
		    theme) : em_err(ctx, EM_EX_NOINPUT, "no deck in the content "
		    "(prompts documents whose id starts with deck-)");
	/*
	 * The couple's id, when there is a database (a reader makes no file:
	 * the one in memory has an id of its own each time, so none).
	 */
	if ((ex = em_db_open(ctx, EM_DB_READ)) != 0 ||
	    (!ctx->db_mem && (ex = em_meta_get(ctx, "couple", &couple)) != 0))
		return ex;
	docs = em_xcalloc(n, sizeof(*docs));
	order = em_xcalloc(n, sizeof(*order));
	for (i = 0, k = 0; i < em_content_count(c, EM_K_PROMPTS); i++) {
		d = em_content_nth(c, EM_K_PROMPTS, i);
		if (!is_deck(d) || (theme != NULL && strcmp(d->id, tid) != 0))
			continue;
		for (j = 0; j < d->nstr; j++, k++) {
			docs[k] = d;
			order[k] = j;
		}
	}
	/* Shuffle by a generator seeded with the couple and the theme. */
	em_id_derive(seed, "deck", couple ? couple : "", theme ? theme : "",
	    (char *)NULL);
	x = strtoull(seed, NULL, 16) | 1;
	*pos = (size_t)(day % (long)n);
	for (i = n - 1; i > 0; i--) {
		x ^= x << 13;
		x ^= x >> 7;
		x ^= x << 17;
		j = (size_t)(x % (i + 1));
		t = order[i], order[i] = order[j], order[j] = t;
		d = docs[i], docs[i] = docs[j], docs[j] = d;
	}
	*dp = docs[*pos];
	*kp = order[*pos];
	*np = n;
	free(docs);
	free(order);
	free(couple);
	return 0;
}

/* What prompt was given: --kind, or --deck (--theme, --date). */
struct prompt_args {
	const char	*kind, *theme;
	long		 day;
	int		 deck, dated;
};

static int
prompt_opts(struct em_ctx *ctx, int argc, char **argv, struct prompt_args *a)
{
	static const struct em_opt opts[] = {
		EM_OPTION("kind", 0, EM_OPT_STR, prompt_args, kind),
		EM_OPTION("deck", 0, EM_OPT_FLAG, prompt_args, deck),
		{ .name = "theme", .type = EM_OPT_STR,
		    .off = offsetof(struct prompt_args, theme),
		    .ok = em_content_id_valid, .what = "a theme name" },
		EM_OPTION("theme", 0, EM_OPT_FLAG, prompt_args, deck),
		EM_OPTION("date", 0, EM_OPT_DATE, prompt_args, day),
		EM_OPTION("date", 0, EM_OPT_FLAG, prompt_args, dated),
		{ NULL }
	};
	int	 ex;

	memset(a, 0, sizeof(*a));
	a->day = em_date_today();
	if ((ex = em_opts(ctx, argc, argv, opts, a)) != 0)
		return ex;
	if (a->kind != NULL && a->deck)
		return em_fail(ctx, EM_EX_USAGE, "--kind and --deck do not go "
		    "together");
	if (a->dated && !a->deck)
		return em_fail(ctx, EM_EX_USAGE, "--date goes with --deck");
	return em_no_args(ctx, argc, argv);
}

/* A prompt at random, of one kind or of any but the deck's cards (one a day). */
static int
prompt_pick(struct em_ctx *ctx, const struct em_content *c, const char *kind,
    const struct em_doc **dp, size_t *pick)
{
	const struct em_doc *d;
	size_t	 i, total = 0;

	if (kind != NULL) {
		if ((*dp = em_content_find(c, EM_K_PROMPTS, kind)) == NULL)
			return em_err(ctx, EM_EX_NOINPUT, "no prompts of kind '%s' in "
			    "the content (question, reflection, missing)", kind);
		*pick = em_rand_below((*dp)->nstr);
		return 0;
	}
	for (i = 0; i < em_content_count(c, EM_K_PROMPTS); i++)
		if (!is_deck(em_content_nth(c, EM_K_PROMPTS, i)))
			total += em_content_nth(c, EM_K_PROMPTS, i)->nstr;
	if (total == 0)
		return em_err(ctx, EM_EX_NOINPUT, "no prompts in the content");
	*pick = em_rand_below(total);
	for (i = 0; ; i++) {
		d = em_content_nth(c, EM_K_PROMPTS, i);
		if (is_deck(d))
			continue;
		if (*pick < d->nstr)
			break;
		*pick -= d->nstr;
	}
	*dp = d;
	return 0;
}

/* The day's card of the deck: its text, theme and title, card pos of n. */
static void
prompt_card(struct em_ctx *ctx, const struct em_doc *d, size_t k, size_t pos,
    size_t n)
{
	static const struct em_col cols[] = { { "kind", EM_STR }, { "text", EM_STR },
	    { "theme", EM_STR }, { "card", EM_INT }, { "of", EM_INT },
	    { "title", EM_STR }, { NULL, 0 } };
	const struct em_val v[] = { EM_S(d->id), EM_S(d->strv[k]), EM_S(d->id + 5),
	    EM_N((long long)pos + 1), EM_N((long long)n), EM_S(d->title) };

	em_emit_head(ctx, cols);
	if (em_emit(ctx, cols, v) == 0)
		return;
	em_put_text(stdout, d->strv[k]);
	printf("\n%s(", em_color(ctx, "\033[2m"));
	em_put_text(stdout, d->title ? d->title : d->id + 5);
	printf(", card %zu of %zu)%s\n", pos + 1, n, em_color(ctx, "\033[0m"));
}

/* A prompt k of document d: its kind (the document) and its text. */
static void
prompt_said(struct em_ctx *ctx, const struct em_doc *d, size_t k)
{
	static const struct em_col cols[] = { { "kind", EM_STR }, { "text", EM_STR },
	    { NULL, 0 } };
	const struct em_val v[] = { EM_S(d->id), EM_S(d->strv[k]) };

	em_emit_head(ctx, cols);
	if (em_emit(ctx, cols, v) == 0)
		return;
	em_put_text(stdout, d->strv[k]);
	putchar('\n');
}

static int
c_prompt(struct em_ctx *ctx, int argc, char **argv)
{
	struct prompt_args a;
	const struct em_content *c;
	const struct em_doc *d = NULL;
	size_t		 k = 0, n = 0, pos = 0;
	int		 ex;

	if ((ex = prompt_opts(ctx, argc, argv, &a)) != 0 ||
	    (ex = em_ctx_content(ctx, EM_KIND(EM_K_PROMPTS), &c)) != 0)
		return ex;
	if (a.deck) {
		if ((ex = deck_card(ctx, c, a.theme, a.day, &d, &k, &n, &pos)) == 0)
			prompt_card(ctx, d, k, pos, n);
		return ex;
	}
	if ((ex = prompt_pick(ctx, c, a.kind, &d, &k)) == 0)
		prompt_said(ctx, d, k);
	return ex;
}

/* feelings' record: a word of the vocabulary and what may lie underneath. */
static const struct em_col feeling_cols[] = { { "word", EM_STR },
	{ "underneath", EM_LIST }, { NULL, 0 } };

/* A feeling as text: what lies underneath wrapped at 80 columns beside the word. */
static void
feeling_text(struct em_ctx *ctx, const struct em_feeling *f, size_t width)
{
	size_t	 i, len = 1;
	char	*all;

	if (width < em_text_width(f->word))
		width = em_text_width(f->word);
	if (width > 24)
		width = 24;
	printf("%s", em_color(ctx, "\033[1m"));
	if (em_text_width(f->word) > width) {
		/* A long word has the line to itself. */
		em_put_text(stdout, f->word);
		printf("%s\n%*s", em_color(ctx, "\033[0m"), (int)width + 1, "");
	} else {
		em_put_cell(stdout, f->word, width, 0);
		printf("%s ", em_color(ctx, "\033[0m"));
	}
	for (i = 0; i < f->nunder; i++)
		len += strlen(f->under[i]) + 2;
	all = em_xcalloc(1, len);
	for (i = 0; i < f->nunder; i++) {
		strcat(all, i ? ", " : "");
		strcat(all, f->under[i]);
	}
	em_put_wrapped(all, WIDTH, (int)width + 1, 1);
	if (f->nunder == 0)
		putchar('\n');
	free(all);
}

/* A feeling as a record, or as text in a column width wide. */
static void
put_feeling(struct em_ctx *ctx, const struct em_feeling *f, size_t width)
{
	/* em_emit's lists end in NULL; the content's has a count */
	const char	**under = em_xcalloc(f->nunder + 1, sizeof(*under));
	struct em_val	  v[] = { EM_S(f->word), EM_L(under) };
	size_t		  i;

	for (i = 0; i < f->nunder; i++)
		under[i] = f->under[i];
	if (em_emit(ctx, feeling_cols, v) != 0)
		feeling_text(ctx, f, width);
	free(under);
}

static int
c_feelings(struct em_ctx *ctx, int argc, char **argv)
{
	const struct em_content *c;
	const struct em_doc *d;
	const char	*word = NULL;
	size_t		 i, j, width = 0, shown = 0;
	int		 ex;

	if ((ex = em_no_opts(ctx, argc, argv)) != 0)
		return ex;
	if ((ex = em_maybe_arg(ctx, argc, argv, &word)) != 0)
		return ex;
	if ((ex = em_ctx_content(ctx, EM_KIND(EM_K_EMOTIONS), &c)) != 0)
		return ex;
	for (i = 0; i < em_content_count(c, EM_K_EMOTIONS); i++) {
		d = em_content_nth(c, EM_K_EMOTIONS, i);
		for (j = 0; j < d->nfeelings; j++)
			if (em_text_width(d->feelings[j].word) > width)
				width = em_text_width(d->feelings[j].word);
	}
	em_emit_head(ctx, feeling_cols);
	for (i = 0; i < em_content_count(c, EM_K_EMOTIONS); i++) {
		d = em_content_nth(c, EM_K_EMOTIONS, i);
		for (j = 0; j < d->nfeelings; j++) {
			if (word != NULL && strcasecmp(word, d->feelings[j].word) != 0)
				continue;
			put_feeling(ctx, &d->feelings[j], word ? 0 : width);
			if (word != NULL)
				return 0;
			shown++;
		}
	}
	if (word != NULL) {
		em_note(ctx, "'%s' is not in the vocabulary; see %s feelings", word,
		    ctx->prog);
		return EM_EX_NO;
	}
	return shown ? 0 : em_err(ctx, EM_EX_NOINPUT, "no emotions in the content");
}

/*
 * Per person: check-ins, the current streak (ending today or yesterday),
 * the longest, the same two for the forgiving streak, answers given, days
 * both checked in, the most felt feeling. Worked out while reading each
 * person's check-ins in date order from the (user, date) index: no sorting,
 * and memory does not grow with history. Streaks go by the date a check-in
 * is for, so a day filled in later with add --date counts like any other.
 */
struct stat_feel {
	char	*word;
	long	 n, last;
};
struct stat_row {
	char		*user;
	long		 checkins, streak, longest, forgiving, flongest, answers;
	long		 guess[2][3];	/* all, last 30 days: guesses, named, close */
	struct stat_feel *feel;
	size_t		 nfeel;
	const char	*top;
	char		 days[CHART_DAYS][11];	/* checked in, of the last CHART_DAYS */
	size_t		 ndays;
};

/*
 * How often r's guesses at what lay underneath named it, or came close,
 * over the days from to to, and over the last 30 of them.
 */
static int
stat_guesses(struct em_ctx *ctx, struct stat_row *r, const char *from,
    const char *to, long today)
{
	sqlite3_stmt	*st;
	long		 day;
	int		 ex, rc, score, k;

	if ((ex = em_sql_prep(ctx, &st, "SELECT g.word, c.underneath, c.date FROM "
	    "live_guess g JOIN live_checkin c ON c.id = g.checkin WHERE g.user = ?1 AND "
	    "c.date BETWEEN ?2 AND ?3", "sss", r->user, from, to)) != 0)
		return ex;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		score = guess_score(ctx, (const char *)sqlite3_column_text(st, 0),
		    (const char *)sqlite3_column_text(st, 1));
		em_date_parse((const char *)sqlite3_column_text(st, 2), &day);
		for (k = 0; k < 2; k++) {
			if (k == 1 && day <= today - 30)
				break;
			r->guess[k][0]++;
			if (score == 2)
				r->guess[k][1]++;
			else if (score == 1)
				r->guess[k][2]++;
		}
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return em_db_err(ctx, rc, "reading guesses");
	return 0;
}

/* Everyone with a check-in between from and to, and me: me first. */
static const char stats_users_sql[] =
    "WITH RECURSIVE u (user) AS (SELECT min(user) FROM live_checkin"
    "  UNION ALL SELECT (SELECT min(user) FROM live_checkin WHERE user > u.user)"
    "  FROM u WHERE u.user IS NOT NULL) "
    "SELECT user FROM (SELECT user FROM u WHERE user IS NOT NULL AND EXISTS"
    "  (SELECT 1 FROM live_checkin c WHERE c.user = u.user AND c.date BETWEEN ?1 AND ?2)"
    " UNION SELECT ?3) ORDER BY user <> ?3, user";

/*
 * Whether a forgiving streak whose last check-in was on prev goes on to day:
 * no day missed between them, or one, when the streak has not forgiven
 * another in the six days before it (miss is the last day it forgave).
 * Two missed days in a row, or two in any seven days, end it.
 */
static int
forgives(long prev, long day, long miss)
{
	return day - prev == 1 || (day - prev == 2 && day - 1 - miss >= 7);
}

static int
stat_user(struct em_ctx *ctx, sqlite3_stmt *ds, sqlite3_stmt *as,
    struct stat_row *r, long today)
{
	const struct stat_feel *best = NULL;
	const char	*f;
	long		 day, prev = 0, run = 0, frun = 0, miss = 0;
	size_t		 i;
	int		 rc;

	em_bind_text(ds, 1, r->user);
	while ((rc = sqlite3_step(ds)) == SQLITE_ROW) {
		if (em_date_parse((const char *)sqlite3_column_text(ds, 0), &day) != 0)
			continue;
		r->checkins++;
		run = run > 0 && day == prev + 1 ? run + 1 : 1;
		if (frun > 0 && forgives(prev, day, miss)) {
			frun++;
			if (day - prev == 2)
				miss = day - 1;
		} else {
			/* A new streak has forgiven nothing: miss out of reach. */
			frun = 1;
			miss = day - 7;
		}
		prev = day;
		if (run > r->longest)
			r->longest = run;
		if (frun > r->flongest)
			r->flongest = frun;
		if ((f = (const char *)sqlite3_column_text(ds, 1)) == NULL)
			continue;
		for (i = 0; i < r->nfeel && strcmp(r->feel[i].word, f) != 0; i++)
			;
		if (i == r->nfeel) {
			r->feel = em_xreallocarray(r->feel, ++r->nfeel, sizeof(*r->feel));
			r->feel[i].word = em_strdup(f);
			r->feel[i].n = 0;
		}
		r->feel[i].n++;
		r->feel[i].last = day;
	}
	sqlite3_reset(ds);
	if (rc != SQLITE_DONE)
		return em_db_err(ctx, rc, "reading check-ins");
	/* Today is not missed while it lasts: a streak may end yesterday. */
	r->streak = run > 0 && prev >= today - 1 ? run : 0;
	r->forgiving = frun > 0 && (prev == today ||
	    forgives(prev, today, miss)) ? frun : 0;
	/* The most often felt; of two as often, the one felt last. */
	for (i = 0; i < r->nfeel; i++)
		if (best == NULL || r->feel[i].n > best->n ||
		    (r->feel[i].n == best->n && r->feel[i].last > best->last))
			best = &r->feel[i];
	r->top = best != NULL ? best->word : NULL;
	em_bind_text(as, 1, r->user);
	rc = sqlite3_step(as);
	r->answers = rc == SQLITE_ROW ? sqlite3_column_int64(as, 0) : 0;
	sqlite3_reset(as);
	if (rc != SQLITE_ROW)
		return em_db_err(ctx, rc, "reading answers");
	return 0;
}

static void
stat_free(struct stat_row *rows, size_t n)
{
	size_t	 i, j;

	for (i = 0; i < n; i++) {
		for (j = 0; j < rows[i].nfeel; j++)
			free(rows[i].feel[j].word);
		free(rows[i].feel);
		free(rows[i].user);
	}
	free(rows);
}

/* The days r checked in of the last CHART_DAYS, whatever --since says. */
static int
stat_chart(struct em_ctx *ctx, sqlite3_stmt *cs, struct stat_row *r, long today)
{
	char	 from[11], to[11];
	int	 rc;

	em_date_fmt(today - CHART_DAYS + 1, from);
	em_date_fmt(today, to);
	sqlite3_reset(cs);
	em_bind_text(cs, 1, r->user);
	em_bind_text(cs, 2, from);
	em_bind_text(cs, 3, to);
	while ((rc = sqlite3_step(cs)) == SQLITE_ROW && r->ndays < CHART_DAYS) {
		snprintf(r->days[r->ndays], sizeof(r->days[0]), "%s",
		    (const char *)sqlite3_column_text(cs, 0));
		r->ndays++;
	}
	if (rc != SQLITE_DONE && rc != SQLITE_ROW)
		return em_db_err(ctx, rc, "reading check-ins");
	return 0;
}

/* The rows of stats, one per person; *both is the same for all. */
static int
stat_rows(struct em_ctx *ctx, const char *from, const char *to, const char *me,
    long today, struct stat_row **rowsp, size_t *np, long *both)
{
	sqlite3_stmt	*us = NULL, *ds = NULL, *as = NULL, *bs = NULL, *cs = NULL;
	struct stat_row	*rows = NULL;
	size_t		 n = 0;
	int		 ex, rc;

	if ((ex = em_db_prepare(ctx, &us, stats_users_sql)) != 0 ||
	    (ex = em_db_prepare(ctx, &ds, "SELECT date, feeling FROM live_checkin WHERE "
	    "user = ?1 AND date BETWEEN ?2 AND ?3 ORDER BY date")) != 0 ||
	    (ex = em_db_prepare(ctx, &as, "SELECT count(*) FROM live_response r JOIN "
	    "live_checkin c ON c.id = r.checkin WHERE r.user = ?1 AND c.date BETWEEN "
	    "?2 AND ?3")) != 0 ||
	    (ex = em_db_prepare(ctx, &bs, "SELECT count(*) FROM (SELECT 1 FROM "
	    "live_checkin WHERE date BETWEEN ?1 AND ?2 GROUP BY date HAVING count(*) >= 2)"))
	    != 0 || (ex = em_db_prepare(ctx, &cs, "SELECT date FROM live_checkin "
	    "WHERE user = ?1 AND date BETWEEN ?2 AND ?3 ORDER BY date")) != 0)
		goto out;
	em_bind_text(us, 1, from);
	em_bind_text(us, 2, to);
	em_bind_text(us, 3, me);
	em_bind_text(ds, 2, from);
	em_bind_text(ds, 3, to);
	em_bind_text(as, 2, from);
	em_bind_text(as, 3, to);
	while (ex == 0 && (rc = sqlite3_step(us)) == SQLITE_ROW) {
		rows = em_xreallocarray(rows, n + 1, sizeof(*rows));
		memset(&rows[n], 0, sizeof(rows[n]));
		rows[n].user = em_strdup((const char *)sqlite3_column_text(us, 0));
		if ((ex = stat_user(ctx, ds, as, &rows[n], today)) == 0 &&
		    (ex = stat_guesses(ctx, &rows[n], from, to, today)) == 0)
			ex = stat_chart(ctx, cs, &rows[n], today);
		n++;
	}
	if (ex == 0 && rc != SQLITE_DONE)
		ex = em_db_err(ctx, rc, "reading check-ins");
	if (ex == 0) {
		em_bind_text(bs, 1, from);
		em_bind_text(bs, 2, to);
		if ((rc = sqlite3_step(bs)) != SQLITE_ROW)
			ex = em_db_err(ctx, rc, "reading check-ins");
		else
			*both = sqlite3_column_int64(bs, 0);
	}
out:
	sqlite3_finalize(us);
	sqlite3_finalize(ds);
	sqlite3_finalize(as);
	sqlite3_finalize(bs);
	sqlite3_finalize(cs);
	if (ex != 0) {
		/* Failed: hand nothing over. */
		stat_free(rows, n);
		rows = NULL;
		n = 0;
	}
	*rowsp = rows;
	*np = n;
	return ex;
}

/* One line of marks for the last CHART_DAYS days: the days r checked in. */
static void
chart_row(struct em_ctx *ctx, const struct stat_row *r, long today, int utf8)
{
	long	 day, d;
	size_t	 i;
	int	 marks[CHART_DAYS] = { 0 };

	for (i = 0; i < r->ndays; i++)
		if (em_date_parse(r->days[i], &day) == 0 &&
		    (d = day - (today - CHART_DAYS + 1)) >= 0 && d < CHART_DAYS)
			marks[d] = 1;
	for (d = 0; d < CHART_DAYS; d++) {
		if (marks[d])
			printf("%s%s%s", em_color(ctx, "\033[32m"),
			    utf8 ? "\xe2\x96\x88" : "#", em_color(ctx, "\033[0m"));
		else
			fputs(utf8 ? "\xc2\xb7" : ".", stdout);
	}
}

/* The chart: a row per person, names cut to STATW, the counts beside it. */
static void
stat_chart_text(struct em_ctx *ctx, const struct stat_row *rows, size_t n,
    long today)
{
	const char	*cs_utf8;
	char		 start[11], end[11];
	size_t		 width = 4, i;
	int		 utf8;

	setlocale(LC_CTYPE, "");
	cs_utf8 = nl_langinfo(CODESET);
	utf8 = cs_utf8 != NULL && strcmp(cs_utf8, "UTF-8") == 0;
	for (i = 0; i < n; i++)
		if (em_text_width(rows[i].user) > width)
			width = em_text_width(rows[i].user);
	if (width > STATW)
		width = STATW;
	em_date_fmt(today - CHART_DAYS + 1, start);
	em_date_fmt(today, end);
	printf("%*s  %-*s  check-ins  streak  longest  answers\n", (int)width, "",
	    CHART_DAYS, start);
	for (i = 0; i < n; i++) {
		em_put_cell(stdout, rows[i].user, width, 1);
		fputs("  ", stdout);
		chart_row(ctx, &rows[i], today, utf8);
		printf("  %9ld  %6ld  %7ld  %7ld\n", rows[i].checkins, rows[i].streak,
		    rows[i].longest, rows[i].answers);
	}
	printf("%*s  %*s\n", (int)width, "", CHART_DAYS, end);
}

/* stats as text: the chart, then a wrapped line each for the rest. */
static void
stat_text(struct em_ctx *ctx, const struct stat_row *rows, size_t n, long both,
    long today)
{
	char	*line, *p;
	size_t	 i, len;

	stat_chart_text(ctx, rows, n, today);
	for (i = 0, len = 32; i < n; i++)
		len += strlen(rows[i].user) + 64;
	line = em_xcalloc(1, len);
	p = line + snprintf(line, len, "forgiving streak:");
	for (i = 0; i < n; i++)
		p += snprintf(p, len - (p - line), "%s%s %ld (longest %ld)",
		    i > 0 ? ", " : " ", rows[i].user, rows[i].forgiving,
		    rows[i].flongest);
	em_put_wrapped(line, WIDTH, 2, 1);
	free(line);
	puts("forgiving: one missed day in any 7 days in a row is allowed; "
	    "two end it");
	for (i = 0, len = 64; i < n; i++)
		len += strlen(rows[i].user) + 128;
	line = em_xcalloc(1, len);
	p = line + snprintf(line, len, "guessing what lies underneath:");
	for (i = 0; i < n; i++)
		p += snprintf(p, len - (p - line), "%s%s named it %ld of %ld, "
		    "close %ld (last 30 days: %ld of %ld, close %ld)", i > 0 ?
		    "; " : " ", rows[i].user, rows[i].guess[0][1],
		    rows[i].guess[0][0], rows[i].guess[0][2], rows[i].guess[1][1],
		    rows[i].guess[1][0], rows[i].guess[1][2]);
	em_put_wrapped(line, WIDTH, 2, 1);
	free(line);
	for (i = 0, len = 32; i < n; i++)
		len += strlen(rows[i].user) + (rows[i].top ? strlen(rows[i].top) :
		    1) + 3;
	line = em_xcalloc(1, len);
	strcpy(line, "most felt:");
	for (i = 0; i < n; i++) {
		strcat(line, i > 0 ? ", " : " ");
		strcat(line, rows[i].user);
		strcat(line, " ");
		strcat(line, rows[i].top != NULL ? rows[i].top : "-");
	}
	em_put_wrapped(line, WIDTH, 2, 1);
	free(line);
	printf("days you both checked in: %ld\n", both);
}

/* A person's stats as a record. New fields go at the end: scripts cut by position. */
static int
stat_said(struct em_ctx *ctx, const struct stat_row *r, long both, int head)
{
	static const struct em_col cols[] = { { "user", EM_STR },
	    { "checkins", EM_INT }, { "streak", EM_INT }, { "longest", EM_INT },
	    { "answers", EM_INT }, { "both", EM_INT }, { "feeling", EM_STR },
	    { "forgiving", EM_INT }, { "forgiving_longest", EM_INT },
	    { "guesses", EM_INT }, { "named", EM_INT }, { "close", EM_INT },
	    { "guesses_30", EM_INT }, { "named_30", EM_INT }, { "close_30", EM_INT },
	    { "days_28", EM_LIST }, { NULL, 0 } };
	const char	*days[CHART_DAYS + 1];
	const struct em_val v[] = { EM_S(r->user), EM_N(r->checkins),
	    EM_N(r->streak), EM_N(r->longest), EM_N(r->answers), EM_N(both),
	    EM_S(r->top), EM_N(r->forgiving), EM_N(r->flongest),
	    EM_N(r->guess[0][0]), EM_N(r->guess[0][1]), EM_N(r->guess[0][2]),
	    EM_N(r->guess[1][0]), EM_N(r->guess[1][1]), EM_N(r->guess[1][2]),
	    EM_L(days) };
	size_t		 i;

	for (i = 0; i < r->ndays; i++)
		days[i] = r->days[i];
	days[i] = NULL;
	if (head)
		em_emit_head(ctx, cols);
	return em_emit(ctx, cols, v);
}

static int
c_stats(struct em_ctx *ctx, int argc, char **argv)
{
	/* --since: a day, and that it was given */
	struct stats_args {
		long	 since;
		int	 sflag;
	} a = { 0, 0 };
	static const struct em_opt opts[] = {
		EM_OPTION("since", 0, EM_OPT_DATE, stats_args, since),
		EM_OPTION("since", 0, EM_OPT_FLAG, stats_args, sflag),
		{ NULL }
	};
	struct stat_row	*rows = NULL;
	const char	*me;
	char		 from[11] = "0001-01-01", to[11];
	long		 today = em_date_today(), both = 0;
	size_t		 n = 0, i;
	int		 ex, text = 0;

	if ((ex = em_opts(ctx, argc, argv, opts, &a)) != 0 ||
	    (ex = em_no_args(ctx, argc, argv)) != 0)
		return ex;
	if (a.sflag)
		em_date_fmt(a.since, from);
	em_date_fmt(today, to);
	if ((ex = em_ctx_user(ctx, &me)) != 0 ||
	    (ex = em_db_open(ctx, EM_DB_READ)) != 0 ||
	    (ex = stat_rows(ctx, from, to, me, today, &rows, &n, &both)) != 0)
		return ex;
	for (i = 0; i < n; i++)
		text = stat_said(ctx, &rows[i], both, i == 0);
	if (text)
		stat_text(ctx, rows, n, both, today);
	stat_free(rows, n);
	return 0;
}

int
main(int argc, char *argv[])
{
	return em_main("empathy-checkin", subcmds, em_checkin_records, argc, argv);
}
