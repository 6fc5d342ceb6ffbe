/* empathy-assess: questionnaires, scores over time, and the gap between two views of you. */
#include <errno.h>
#include <langinfo.h>
#include <locale.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "em.h"

#define NOW	"strftime('%Y-%m-%dT%H:%M:%fZ', 'now')"
#define WIDTH	78
#define BAR	30
/* The content this program reads: instruments (and the exercises they name). */
#define KINDS	EM_KIND(EM_K_INSTRUMENT)

static int	a_list(struct em_ctx *, int, char **);
static int	a_show(struct em_ctx *, int, char **);
static int	a_take(struct em_ctx *, int, char **);
static int	a_history(struct em_ctx *, int, char **);
static int	a_compare(struct em_ctx *, int, char **);
static int	a_accuracy(struct em_ctx *, int, char **);
static int	a_rm(struct em_ctx *, int, char **);
static int	a_restore(struct em_ctx *, int, char **);

static const struct em_subcmd subcmds[] = {
	{ "list", a_list, "",
	    "the questionnaires you can take" },
	{ "show", a_show, "id",
	    "one questionnaire and its items" },
	{ "take", a_take, "[--about name | --guess name] [--answers list] "
	    "[--date date] id",
	    "answer a questionnaire, about yourself or your partner" },
	{ "history", a_history, "[--accuracy] [id]",
	    "your scores (or how near your guesses came) over time, with a chart" },
	{ "compare", a_compare, "id",
	    "how you see yourself beside how your partner sees you" },
	{ "accuracy", a_accuracy, "[--by name] id",
	    "a guess at your partner's answers beside their own" },
	{ "rm", a_rm, "id",
	    "remove a result you gave (take's id; restore brings it back)" },
	{ "restore", a_restore, "id",
	    "bring back a result you removed" },
	{ "export", em_cmd_export, "",
	    "write every result as JSON Lines" },
	{ "import", em_cmd_import, "",
	    "merge results from JSON Lines on stdin" },
	{ NULL, NULL, NULL, NULL }
};

/*
 * The pairing rule: a guess (result g, guess = 1) is paired with its
 * partner's own result of the same instrument (x) that is the first dated
 * on or after the guess's day (then by when taken, then by id), so that
 * every machine with the same records pairs the same two.
 */
#define PAIRED	"(SELECT x.id FROM live_result x WHERE x.user = g.about AND " \
	"x.about = g.about AND x.guess = 0 AND x.instrument = g.instrument AND " \
	"x.date >= g.date ORDER BY x.date, x.created, x.id LIMIT 1)"

static int
utf8_locale(void)
{
	const char *cs;

	setlocale(LC_CTYPE, "");
	cs = nl_langinfo(CODESET);
	return cs != NULL && strcmp(cs, "UTF-8") == 0;
}

/* The instrument with this id, or a missing-input error. */
static int
instrument(struct em_ctx *ctx, const char *id, const struct em_content **cp,
    const struct em_doc **dp)
{
	int	 ex;

	if ((ex = em_ctx_content(ctx, KINDS, cp)) != 0)
		return ex;
	if ((*dp = em_content_find(*cp, EM_K_INSTRUMENT, id)) == NULL)
		return em_err(ctx, EM_EX_NOINPUT, "no instrument '%s'; see %s list",
		    id, ctx->prog);
	return 0;
}

/* An instrument in list. */
static const struct em_col list_cols[] = { { "id", EM_STR }, { "title", EM_STR },
    { "items", EM_INT }, { NULL, 0 } };

static int
a_list(struct em_ctx *ctx, int argc, char **argv)
{
	const struct em_content *c;
	const struct em_doc *d;
	char	 line[1024];
	size_t	 i;
	int	 ex;

	if ((ex = em_no_opts(ctx, argc, argv)) != 0)
		return ex;
	if ((ex = em_no_args(ctx, argc, argv)) != 0)
		return ex;
	if ((ex = em_ctx_content(ctx, KINDS, &c)) != 0)
		return ex;
	em_emit_head(ctx, list_cols);
	for (i = 0; i < em_content_count(c, EM_K_INSTRUMENT); i++) {
		d = em_content_nth(c, EM_K_INSTRUMENT, i);
		if (em_emit(ctx, list_cols, (struct em_val[]){ EM_S(d->id),
		    EM_S(d->title), EM_N((long long)d->nitems) }) == 0)
			continue;
		snprintf(line, sizeof(line), "%s (%zu questions)", d->title,
		    d->nitems);
		printf("%-14s ", d->id);
		em_put_wrapped(line, WIDTH, 15, 1);
	}
	return i > 0 ? 0 : em_err(ctx, EM_EX_NO, "no instruments in the content");
}

static void
scale_line(const struct em_doc *d)
{
	char	 buf[1024];
	size_t	 len;
	int	 v;

	len = (size_t)snprintf(buf, sizeof(buf), "Answer each from ");
	for (v = d->min; v <= d->max && len < sizeof(buf); v++) {
		len += (size_t)snprintf(buf + len, sizeof(buf) - len, "%s%d",
		    v == d->min ? "" : (v == d->max ? " to " : ", "), v);
		if (d->nlabels > 0 && len < sizeof(buf))
			len += (size_t)snprintf(buf + len, sizeof(buf) - len, " (%s)",
			    d->labels[v - d->min]);
	}
	if (len < sizeof(buf) - 1)
		strcat(buf, ".");
	em_put_wrapped(buf, WIDTH, 0, 0);
}

/*
 * show as records: the instrument first (kind instrument: its description
 * and scale, labels null when it has none), an item a record (kind item;
 * guess is false where a partner's guess does not count), then what the
 * scores mean (kind band), each with the instrument's id and title. tsv is
 * one table of the three (show_cols).
 */
static const struct em_col inst_cols[] = { { "kind", EM_STR },
    { "instrument", EM_STR }, { "instrument_title", EM_STR },
    { "description", EM_STR }, { "min", EM_INT }, { "max", EM_INT },
    { "labels", EM_LIST }, { NULL, 0 } };
static const struct em_col item_cols[] = { { "item", EM_INT }, { "text", EM_STR },
    { "reverse", EM_BOOL }, { "exercise", EM_STR }, { "guess", EM_BOOL },
    { "kind", EM_STR }, { "instrument", EM_STR }, { "instrument_title", EM_STR },
    { NULL, 0 } };
static const struct em_col band_cols[] = { { "kind", EM_STR },
    { "instrument", EM_STR }, { "instrument_title", EM_STR }, { "from", EM_INT },
    { "label", EM_STR }, { "meaning", EM_STR }, { NULL, 0 } };
static const struct em_col show_cols[] = { { "item", EM_INT },
    { "text", EM_STR }, { "reverse", EM_BOOL }, { "exercise", EM_STR },
    { "guess", EM_BOOL }, { "kind", EM_STR }, { "instrument", EM_STR },
    { "instrument_title", EM_STR }, { "description", EM_STR },
    { "min", EM_INT }, { "max", EM_INT }, { "labels", EM_LIST },
    { "from", EM_INT }, { "label", EM_STR }, { "meaning", EM_STR },
    { NULL, 0 } };

/* show as records (show_cols). */
static void
show_records(struct em_ctx *ctx, const void *data)
{
	const struct em_doc *d = data;
	const struct em_item *it;
	const char	**labels;
	size_t		 i;

	labels = d->nlabels > 0 ? em_strv_list(d->labels, d->nlabels) : NULL;
	em_emit_head(ctx, show_cols);
	em_emit_kind(ctx, show_cols, inst_cols, (struct em_val[]){
	    EM_W("instrument"), EM_S(d->id), EM_S(d->title), EM_S(d->description),
	    EM_N(d->min), EM_N(d->max), labels != NULL ? EM_L(labels) : EM_NIL });
	free(labels);
	for (i = 0; i < d->nitems; i++) {
		it = &d->items[i];
		em_emit_kind(ctx, show_cols, item_cols, (struct em_val[]){
		    EM_N((long long)i + 1), EM_S(it->text), EM_N(it->reverse),
		    EM_S(it->exercise), EM_N(!it->noguess), EM_W("item"),
		    EM_S(d->id), EM_S(d->title) });
	}
	for (i = 0; i < d->nbands; i++)
		em_emit_kind(ctx, show_cols, band_cols, (struct em_val[]){
		    EM_W("band"), EM_S(d->id), EM_S(d->title),
		    EM_N(d->bands[i].from), EM_S(d->bands[i].label),
		    EM_S(d->bands[i].meaning) });
}

/* show in text: the instrument, its scale, its items and what scores mean. */
static void
show_text(struct em_ctx *ctx, const void *data)
{
	const struct em_doc *d = data;
	char		 line[1024];
	size_t		 i;

	snprintf(line, sizeof(line), "%s (%s)", d->title, d->id);
	printf("%s", em_color(ctx, "\033[1m"));
	em_put_wrapped(line, WIDTH, 0, 0);
	fputs(em_color(ctx, "\033[0m"), stdout);
	if (d->description != NULL)
		em_put_wrapped(d->description, WIDTH, 0, 0);
	putchar('\n');
	scale_line(d);
	for (i = 0; i < d->nitems; i++) {
		printf("%2zu. ", i + 1);
		em_put_wrapped(d->items[i].text, WIDTH, 4, 1);
		if (d->items[i].reverse)
			puts("    (here a high answer is the weak spot)");
		if (d->items[i].noguess)
			puts("    (not counted when your partner guesses your answers)");
	}
	puts("\nWhat the score means (0 to 100):");
	for (i = 0; i < d->nbands; i++) {
		printf("%4d  ", d->bands[i].from);
		em_put_text(stdout, d->bands[i].label);
		putchar('\n');
		em_put_wrapped(d->bands[i].meaning, WIDTH, 6, 0);
	}
}

static int
a_show(struct em_ctx *ctx, int argc, char **argv)
{
	const struct em_content *c;
	const struct em_doc *d;
	const char	*id = NULL;
	int		 ex;

	if ((ex = em_no_opts(ctx, argc, argv)) != 0)
		return ex;
	if ((ex = em_one_arg(ctx, argc, argv, "instrument id", &id)) != 0 ||
	    (ex = instrument(ctx, id, &c, &d)) != 0)
		return ex;
	em_render(ctx, &(const struct em_view){ show_text, show_records }, d);
	return 0;
}

/* Ask each item on the terminal until it gets an answer on the scale. */
static int
ask(struct em_ctx *ctx, const struct em_doc *d, const char *about, int guess,
    int *answers)
{
	char	*line = NULL, prompt[32], err[160], labels[1024], *end, *text = NULL;
	size_t	 i;
	long	 lv;
	int	 v, ex;

	if (about == NULL)
		guess = 0;	/* a guess is always about someone */
	if (about != NULL && guess) {
		text = em_xcalloc(1, 2 * strlen(about) + 96);
		sprintf(text, "Guess how %s will answer, about themselves. %s will "
		    "not see your guess before answering.", about, about);
		em_fput_wrapped(stderr, text, WIDTH, 0, 0);
		free(text);
	} else if (about != NULL) {
		fputs("About ", stderr);
		em_put_text(stderr, about);
		fputs(":\n", stderr);
	}
	fputs("Type the number of your answer and press Enter; Ctrl-D stops, and "
	    "nothing is\nstored.\n", stderr);
	for (i = 0; i < d->nitems; i++) {
		fprintf(stderr, "\n%2zu/%-2zu ", i + 1, d->nitems);
		if (guess) {
			text = em_xcalloc(1, strlen(about) + strlen(d->items[i].text) + 24);
			sprintf(text, "How will %s answer: %s", about, d->items[i].text);
		}
		em_fput_wrapped(stderr, guess ? text : d->items[i].text, WIDTH, 6, 1);
		free(text);
		text = NULL;
		labels[0] = '\0';
		for (v = d->min; d->nlabels > 0 && v <= d->max; v++)
			snprintf(labels + strlen(labels), sizeof(labels) - strlen(labels),
			    "%s%d %s", v == d->min ? "" : "   ", v, d->labels[v - d->min]);
		if (*labels != '\0')
			em_fput_wrapped(stderr, labels, WIDTH, 6, 0);
		for (;;) {
			snprintf(prompt, sizeof(prompt), "      [%d-%d] ", d->min, d->max);
			line = NULL;
			/* Ctrl-D: EM_EX_NO, "cancelled", and none of it is stored. */
			ex = em_ask_line(ctx, prompt, EM_ASK_EMPTY, &line);
			if (ex == EM_EX_DATAERR)
				line = em_strdup("");	/* not text: ask again */
			else if (ex != 0)
				return ex;
			errno = 0;
			lv = strtol(line, &end, 10);
			if (*line != '\0' && *end == '\0' && errno == 0 &&
			    strspn(line, "0123456789") == strlen(line) &&
			    lv >= d->min && lv <= d->max) {
				v = (int)lv;
				free(line);
				answers[i] = v;
				break;
			}
			snprintf(err, sizeof(err), "      please answer with a number "
			    "from %d to %d\n", d->min, d->max);
			fputs(err, stderr);
			free(line);
		}
	}
	fputc('\n', stderr);
	return 0;
}

/* The answers joined as stored: "4,2,5". */
static char *
join_answers(const int *a, size_t n)
{
	char	*s = em_xcalloc(n, 12);
	size_t	 i, len = 0;

	for (i = 0; i < n; i++)
		len += (size_t)sprintf(s + len, "%s%d", i ? "," : "", a[i]);
	return s;
}

/* Indexes of the two weakest items, weakest first; ties go to the earlier. */
static size_t
weakest(const struct em_doc *d, const int *a, size_t w[2])
{
	size_t	 i, n = 0;

	w[0] = w[1] = 0;
	for (i = 0; i < d->nitems; i++) {
		if (em_item_points(d, i, a[i]) == d->max - d->min)
			continue;	/* nothing to work on there */
		if (n < 2)
			w[n++] = i;
		else if (em_item_points(d, i, a[i]) < em_item_points(d, w[1], a[w[1]]))
			w[1] = i;
		if (n == 2 && em_item_points(d, w[1], a[w[1]]) <
		    em_item_points(d, w[0], a[w[0]])) {
			size_t t = w[0];
			w[0] = w[1];
			w[1] = t;
		}
	}
	return n;
}

static void
take_text(struct em_ctx *ctx, const struct em_content *c, const struct em_doc *d,
    const char *me, const char *about, const int *a, int score)
{
	const struct em_band *band = em_band_of(d, score);
	const struct em_doc *ex;
	size_t	 w[2], n, i;
	char	 head[512];

	snprintf(head, sizeof(head), "%s%.64s%s%s: %d of 100%s%s",
	    strcmp(me, about) ? "Your view of " : "", strcmp(me, about) ? about : "",
	    strcmp(me, about) ? " on " : "", d->title, score, band ? " - " : "",
	    band ? band->label : "");
	fputs(em_color(ctx, "\033[1m"), stdout);
	em_put_wrapped(head, WIDTH, 2, 1);
	fputs(em_color(ctx, "\033[0m"), stdout);
	if (band != NULL)
		em_put_wrapped(band->meaning, WIDTH, 2, 0);
	n = weakest(d, a, w);
	if (n == 0)
		return;
	puts("\nWhere there is most room to grow:");
	for (i = 0; i < n; i++) {
		fputs("  - ", stdout);
		em_put_wrapped(d->items[w[i]].text, WIDTH, 4, 1);
		if (d->items[w[i]].exercise == NULL)
			continue;
		ex = em_content_find(c, EM_K_EXERCISE, d->items[w[i]].exercise);
		printf("    try: ");
		em_put_text(stdout, ex != NULL ? ex->title : d->items[w[i]].exercise);
		printf(" (empathy-challenge show %s)\n", d->items[w[i]].exercise);
	}
}

/* After taking one about yourself: by guessed its answers; see how near. */
static void
guessed_note(struct em_ctx *ctx, const struct em_doc *d, const char *by)
{
	char	 line[512];

	snprintf(line, sizeof(line), "%s guessed how you would answer; see how "
	    "near the guess came with: %s accuracy %s", by, ctx->prog, d->id);
	putchar('\n');
	em_put_wrapped(line, WIDTH, 0, 0);
}

/* A guess, with its partner's own answers once they are in. */
struct pair {
	char	*id, *user, *about, *inst, *date, *answers;
	char	*odate, *oanswers;	/* NULL while the guess waits */
};

/* Each guess with the own result the pairing rule gives it (PAIRED). */
#define PAIR_SQL "SELECT g.id, g.user, g.about, g.instrument, g.date, g.answers, " \
	"o.date, o.answers FROM live_result g LEFT JOIN live_result o ON o.id = " PAIRED \
	" WHERE g.guess = 1 "

/* A column the schema keeps NOT NULL: never NULL here either. */
static char *
col_str(sqlite3_stmt *st, int i)
{
	const char *s = (const char *)sqlite3_column_text(st, i);

	return em_strdup(s != NULL ? s : "");
}

static void
pair_read(sqlite3_stmt *st, struct pair *p)
{
	p->id = col_str(st, 0);
	p->user = col_str(st, 1);
	p->about = col_str(st, 2);
	p->inst = col_str(st, 3);
	p->date = col_str(st, 4);
	p->answers = col_str(st, 5);
	p->odate = em_col_dup(st, 6);
	p->oanswers = em_col_dup(st, 7);
}

static void
pair_free(struct pair *p)
{
	free(p->id);
	free(p->user);
	free(p->about);
	free(p->inst);
	free(p->date);
	free(p->answers);
	free(p->odate);
	free(p->oanswers);
	memset(p, 0, sizeof(*p));
}

/* The two sets of answers of a pair that is in, and its accuracy; -1 if they no longer fit. */
static int
pair_score(const struct em_doc *d, const struct pair *p, int *g, int *o,
    struct em_acc *acc, char *err, size_t len)
{
	if (em_answers_parse(d, p->answers, g, err, len) != 0 ||
	    em_answers_parse(d, p->oanswers, o, err, len) != 0)
		return -1;
	em_accuracy(d, g, o, acc);
	return 0;
}

/* "3 (sometimes)", or "3" on a scale without labels. */
static void
answer_words(const struct em_doc *d, int v, char *buf, size_t len)
{
	if (d->nlabels > 0)
		snprintf(buf, len, "%d (%s)", v, d->labels[v - d->min]);
	else
		snprintf(buf, len, "%d", v);
}

/* A guess that is in, scored: what pair_text and pair_rows show. */
struct scored {
	const struct em_doc	*d;
	const char		*me;
	const struct pair	*p;
	const int		*g, *o;		/* the guess and the answers */
	struct em_acc		 acc;
};

/*
 * An item in a table, in text: its number n[0], its text wrapped to textw
 * columns, and beside the first line n[1], n[2] (namew wide, under a
 * name) and n[3] (lastw wide).
 */
static void
item_row(const char *text, int textw, int namew, char n[4][24], int lastw)
{
	char	**lines;
	size_t	  nl, j;

	em_wrap(text, (size_t)textw, &lines, &nl);
	for (j = 0; j < nl; j++) {
		printf(j == 0 ? "%2s. " : "%s    ", j == 0 ? n[0] : "");
		em_put_text(stdout, lines[j]);
		if (j == 0)
			printf("%*s %5s %*s %*s", (int)(textw -
			    (int)em_text_width(lines[j])), "", n[1], namew, n[2],
			    lastw, n[3]);
		putchar('\n');
	}
	em_strv_free(lines, nl);
}

/*
 * The items of a guess furthest apart, as things to talk about: worded for
 * the one who guessed (mine), or for the one who answered.
 */
static void
pair_furthest(const struct scored *sc, int mine, const char *who)
{
	const struct em_doc *d = sc->d;
	const struct em_acc *acc = &sc->acc;
	char		 line[2048], w[2][160];
	size_t		 i, k;

	if (acc->nask == 0)
		return;
	if (mine)
		snprintf(line, sizeof(line), "\nFurthest apart; ask %s what lies "
		    "behind these answers:", who);
	else
		snprintf(line, sizeof(line), "\nFurthest apart; %s may not know this "
		    "about you yet, so tell %s what lies behind these:", sc->p->user,
		    sc->p->user);
	em_put_wrapped(line, WIDTH, 0, 0);
	for (i = 0; i < acc->nask; i++) {
		k = acc->ask[i];
		fputs("  - ", stdout);
		em_put_wrapped(d->items[k].text, WIDTH, 4, 1);
		answer_words(d, sc->g[k], w[0], sizeof(w[0]));
		answer_words(d, sc->o[k], w[1], sizeof(w[1]));
		snprintf(line, sizeof(line), "guessed %s; %s answered %s", w[0],
		    mine ? who : "you", w[1]);
		fputs("    ", stdout);
		em_put_wrapped(line, WIDTH, 4, 1);
	}
}

/*
 * A guess that is in, for people: how near it came overall, item by item
 * beside the answers, then the items furthest apart.
 */
static void
pair_text(struct em_ctx *ctx, const void *data)
{
	const struct scored *sc = data;
	const struct em_doc *d = sc->d;
	const struct pair *p = sc->p;
	const struct em_acc *acc = &sc->acc;
	const int	*g = sc->g, *o = sc->o;
	int	 mine = strcmp(p->user, sc->me) == 0, namew, textw;
	const char *who = mine ? p->about : "you";
	char	 line[2048], n[4][24];
	size_t	 i;

	if (mine)
		snprintf(line, sizeof(line), "Your guess at how %s answers %s", who,
		    d->title);
	else
		snprintf(line, sizeof(line), "%s's guess at how you answer %s",
		    p->user, d->title);
	fputs(em_color(ctx, "\033[1m"), stdout);
	em_put_wrapped(line, WIDTH, 2, 1);
	fputs(em_color(ctx, "\033[0m"), stdout);
	if (acc->percent < 0)
		snprintf(line, sizeof(line), "guessed on %s, answered on %s; no item "
		    "of %s counts for guesses", p->date, p->odate, d->id);
	else
		snprintf(line, sizeof(line), "guessed on %s, answered on %s: %d%% "
		    "near, over %zu item%s", p->date, p->odate, acc->percent,
		    acc->counted, acc->counted == 1 ? "" : "s");
	fputs("  ", stdout);
	em_put_wrapped(line, WIDTH, 4, 1);
	putchar('\n');
	em_put_wrapped("Near: how close the guess came on the item's scale; 100% "
	    "is the very answer given.", WIDTH, 0, 0);
	putchar('\n');
	namew = (int)em_width_in(who, 6, 16);
	textw = 61 - namew;
	printf("%-*s %5s ", textw + 4, "", "guess");
	em_put_cell(stdout, who, (size_t)namew, 1);
	printf(" %5s\n", "near");
	for (i = 0; i < d->nitems; i++) {
		snprintf(n[0], sizeof(n[0]), "%zu", i + 1);
		snprintf(n[1], sizeof(n[1]), "%d", g[i]);
		snprintf(n[2], sizeof(n[2]), "%d", o[i]);
		if (d->items[i].noguess)
			snprintf(n[3], sizeof(n[3]), "-");
		else
			snprintf(n[3], sizeof(n[3]), "%d%%", em_item_accuracy(d, g[i],
			    o[i]));
		snprintf(line, sizeof(line), "%s%s", d->items[i].text,
		    d->items[i].noguess ? " (not counted)" : "");
		item_row(line, textw, namew, n, 5);
	}
	pair_furthest(sc, mine, who);
}

/*
 * An item of a guess that is in: near is null where the item does not
 * count; accuracy is the whole guess's (null when no item counts), and
 * furthest marks the items furthest apart, the ones to ask about.
 */
static const struct em_col pair_cols[] = { { "guesser", EM_STR },
    { "about", EM_STR }, { "instrument", EM_STR }, { "guessed", EM_STR },
    { "answered", EM_STR }, { "item", EM_INT }, { "text", EM_STR },
    { "guess", EM_INT }, { "answer", EM_INT }, { "near", EM_INT },
    { "counted", EM_BOOL }, { "accuracy", EM_INT }, { "furthest", EM_BOOL },
    { NULL, 0 } };

/* Whether item i is among the furthest apart of acc. */
static int
furthest(const struct em_acc *acc, size_t i)
{
	size_t	 k;

	for (k = 0; k < acc->nask; k++)
		if (acc->ask[k] == i)
			return 1;
	return 0;
}

/* A guess that is in, for scripts: one record per item. */
static void
pair_rows(struct em_ctx *ctx, const void *data)
{
	const struct scored *sc = data;
	const struct em_item *it;
	size_t		 i;

	em_emit_head(ctx, pair_cols);
	for (i = 0; i < sc->d->nitems; i++) {
		it = &sc->d->items[i];
		em_emit(ctx, pair_cols, (struct em_val[]){ EM_S(sc->p->user),
		    EM_S(sc->p->about), EM_S(sc->d->id), EM_S(sc->p->date),
		    EM_S(sc->p->odate), EM_N((long long)i + 1), EM_S(it->text),
		    EM_N(sc->g[i]), EM_N(sc->o[i]), it->noguess ? EM_NIL :
		    EM_N(em_item_accuracy(sc->d, sc->g[i], sc->o[i])),
		    EM_N(!it->noguess), sc->acc.percent < 0 ? EM_NIL :
		    EM_N(sc->acc.percent), EM_N(furthest(&sc->acc, i)) });
	}
}

/*
 * The latest guess by guesser at this instrument that involves me (mine,
 * or about me), with its partner's answers if they are in; p->id is NULL
 * when there is none.
 */
static int
latest_guess(struct em_ctx *ctx, const char *me, const char *guesser,
    const char *iid, struct pair *p)
{
	sqlite3_stmt	*st;
	int		 ex, rc;

	memset(p, 0, sizeof(*p));
	/* no guesser: the partner's latest guess at me */
	if ((ex = em_sql_prep(ctx, &st, PAIR_SQL "AND (g.user = ?1 OR (?1 IS NULL "
	    "AND g.user <> ?3 AND g.about = ?3)) AND "
	    "g.instrument = ?2 AND (g.user = ?3 OR g.about = ?3) ORDER BY g.date "
	    "DESC, g.created DESC, g.id DESC LIMIT 1", "sss", guesser, iid, me)) != 0)
		return ex;
	if ((rc = sqlite3_step(st)) == SQLITE_ROW)
		pair_read(st, p);
	sqlite3_finalize(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return em_db_err(ctx, rc, "reading results");
	return 0;
}

/* Show a guess that is in, in the chosen format. */
static int
show_pair(struct em_ctx *ctx, const struct em_doc *d, const char *me,
    const struct pair *p)
{
	struct scored	 sc = { d, me, p, NULL, NULL, { 0 } };
	char		 err[160];
	int		*g, *o, ex = 0;

	sc.g = g = em_xcalloc(d->nitems, sizeof(int));
	sc.o = o = em_xcalloc(d->nitems, sizeof(int));
	if (pair_score(d, p, g, o, &sc.acc, err, sizeof(err)) != 0)
		ex = em_err(ctx, EM_EX_DATAERR, "the answers of %s no longer fit the "
		    "instrument %s (%s)", p->date, d->id, err);
	else
		em_render(ctx, &(const struct em_view){ pair_text, pair_rows }, &sc);
	free(g);
	free(o);
	return ex;
}

/* After taking id about yourself: who guessed the answers it gives, or NULL. */
static int
guessed_by(struct em_ctx *ctx, const struct em_doc *d, const char *me,
    const char *id, char **by)
{
	return em_sql_one(ctx, "reading results", by, "SELECT g.user FROM "
	    "live_result g WHERE g.guess = 1 AND g.about = ?1 AND g.instrument = "
	    "?2 AND " PAIRED " = ?3 ORDER BY g.date DESC, g.created DESC LIMIT 1",
	    "sss", me, d->id, id);
}

/* How near a guess came; -1 while it waits, or if its answers no longer fit. */
static int
pair_acc(const struct em_doc *d, const struct pair *p, struct em_acc *acc)
{
	char	 err[160];
	int	*g, *o, r;

	if (p->oanswers == NULL)
		return -1;
	g = em_xcalloc(d->nitems, sizeof(int));
	o = em_xcalloc(d->nitems, sizeof(int));
	r = pair_score(d, p, g, o, acc, err, sizeof(err));
	free(g);
	free(o);
	return r;
}

/*
 * A guess just taken: answered and accuracy are null while it waits for
 * the partner's own answers; items is how many items counted.
 */
static const struct em_col guess_cols[] = { { "id", EM_STR },
    { "instrument", EM_STR }, { "user", EM_STR }, { "about", EM_STR },
    { "date", EM_STR }, { "answered", EM_STR }, { "accuracy", EM_INT },
    { "items", EM_INT }, { NULL, 0 } };

/*
 * After take --guess: how near it came, when the partner's own answers are
 * in already; else that it waits, hidden from them.
 */
static int
take_guess_out(struct em_ctx *ctx, const struct em_doc *d, const char *me,
    const char *id)
{
	struct pair	 p;
	sqlite3_stmt	*st;
	struct em_acc	 acc;
	char		 line[1024];
	int		 ex = 0, rc, in;

	memset(&p, 0, sizeof(p));
	if ((ex = em_sql_prep(ctx, &st, PAIR_SQL "AND g.id = ?1", "s", id)) != 0)
		return ex;
	if ((rc = sqlite3_step(st)) == SQLITE_ROW)
		pair_read(st, &p);
	sqlite3_finalize(st);
	if (rc != SQLITE_ROW)
		return em_db_err(ctx, rc == SQLITE_DONE ? SQLITE_ERROR : rc,
		    "reading the guess");
	in = pair_acc(d, &p, &acc) == 0 && acc.percent >= 0;
	em_emit_head(ctx, guess_cols);
	if (em_emit(ctx, guess_cols, (struct em_val[]){ EM_S(p.id), EM_S(d->id),
	    EM_S(p.user), EM_S(p.about), EM_S(p.date), EM_S(p.odate),
	    in ? EM_N(acc.percent) : EM_NIL,
	    in ? EM_N((long long)acc.counted) : EM_NIL }) == 0)
		ex = 0;
	else if (p.oanswers != NULL)
		ex = show_pair(ctx, d, me, &p);
	else {
		snprintf(line, sizeof(line), "Your guess at how %s answers %s is kept. "
		    "%s will not see it before answering; once %s has taken %s "
		    "(on %s or later), see how near you came with: %s accuracy %s",
		    p.about, d->title, p.about, p.about, d->id, p.date, ctx->prog,
		    d->id);
		em_put_wrapped(line, WIDTH, 0, 0);
	}
	pair_free(&p);
	return ex;
}

/*
 * A result just taken, about yourself or your partner: band and meaning
 * are what the score means (null if no band has it), weakest the numbers
 * of the items with most room to grow, weakest first, exercises what to
 * try for them, and guessed_by who guessed the answers it gives.
 */
static const struct em_col take_cols[] = { { "id", EM_STR },
    { "instrument", EM_STR }, { "user", EM_STR }, { "about", EM_STR },
    { "date", EM_STR }, { "score", EM_INT }, { "band", EM_STR },
    { "exercises", EM_LIST }, { "meaning", EM_STR }, { "weakest", EM_JSON },
    { "guessed_by", EM_STR }, { NULL, 0 } };

/* A result just taken: what it was stored as, what it means, what to try. */
struct taken {
	const char	*id, *about, *date;
	const int	*answers;
	int		 score;
};

static int
take_out(struct em_ctx *ctx, const struct em_content *c, const struct em_doc *d,
    const char *me, const struct taken *t)
{
	const struct em_band *band = em_band_of(d, t->score);
	const char	*exs[3];
	char		*by = NULL, weak[32] = "[";
	size_t		 w[2], n, i, k = 0;
	int		 ex;

	n = weakest(d, t->answers, w);
	for (i = 0; i < n; i++) {
		if (d->items[w[i]].exercise != NULL)
			exs[k++] = d->items[w[i]].exercise;
		snprintf(weak + strlen(weak), sizeof(weak) - strlen(weak), "%s%zu",
		    i ? "," : "", w[i] + 1);
	}
	exs[k] = NULL;
	strcat(weak, "]");
	if (strcasecmp(t->about, me) == 0 &&
	    (ex = guessed_by(ctx, d, me, t->id, &by)) != 0)
		return ex;
	em_emit_head(ctx, take_cols);
	if (em_emit(ctx, take_cols, (struct em_val[]){ EM_S(t->id), EM_S(d->id),
	    EM_S(me), EM_S(t->about), EM_S(t->date), EM_N(t->score),
	    EM_S(band ? band->label : NULL), EM_L(exs),
	    EM_S(band ? band->meaning : NULL), EM_S(weak), EM_S(by) }) != 0) {
		take_text(ctx, c, d, me, t->about, t->answers, t->score);
		if (by != NULL)
			guessed_note(ctx, d, by);
	}
	free(by);
	return 0;
}

/* take's options and operand. */
struct take_opts {
	const char	*about, *given, *iid, *gname;
	long		 day;
};

static int
take_opts(struct em_ctx *ctx, int argc, char **argv, struct take_opts *t)
{
	static const struct em_opt opts[] = {
		EM_OPTION("about", 0, EM_OPT_NAME, take_opts, about),
		EM_OPTION("answers", 0, EM_OPT_STR, take_opts, given),
		EM_OPTION("date", 0, EM_OPT_PAST, take_opts, day),
		EM_OPTION("guess", 0, EM_OPT_STR, take_opts, gname),
		{ NULL }
	};
	int	 ex;

	memset(t, 0, sizeof(*t));
	t->day = em_date_today();
	if ((ex = em_opts(ctx, argc, argv, opts, t)) != 0)
		return ex;
	if ((ex = em_one_arg(ctx, argc, argv, "instrument id", &t->iid)) != 0)
		return ex;
	if (t->about != NULL && t->gname != NULL)
		return em_fail(ctx, EM_EX_USAGE, "--about and --guess do not go "
		    "together: --about rates your partner, --guess predicts their "
		    "own answers");
	return 0;
}

/*
 * The answers: from --answers (given), else one a line on standard input,
 * else asked at the terminal (about someone else when about is set).
 */
static int
take_answers(struct em_ctx *ctx, const struct em_doc *d, const char *given,
    const char *about, int guess, int *answers)
{
	char	*buf = NULL, err[160];
	size_t	 len;
	int	 ex = 0;

	if (given == NULL && !em_isatty_in()) {
		if ((ex = em_read_all(ctx, stdin, "the answers", 64 * 1024, &buf,
		    &len)) != 0)
			goto out;
		if (len == 0) {
			ex = em_err(ctx, EM_EX_USAGE, "no answers: give --answers, or one "
			    "answer per line on standard input");
			goto out;
		}
		given = buf;
	}
	if (given == NULL)
		ex = ask(ctx, d, about, guess, answers);
	else if (em_answers_parse(d, given, answers, err, sizeof(err)) != 0)
		ex = em_err(ctx, EM_EX_DATAERR, "%s; nothing was stored", err);
out:
	free(buf);
	return ex;
}

/* Store a result, in one transaction. */
static int
take_store(struct em_ctx *ctx, const struct em_doc *d, const char *me,
    const struct taken *t, int guess)
{
	char	*joined = join_answers(t->answers, d->nitems);
	int	 ex;

	if ((ex = em_db_open(ctx, EM_DB_WRITE)) != 0 || (ex = em_db_begin(ctx)) != 0)
		goto out;
	if ((ex = em_sql_run(ctx, "saving the result", "INSERT INTO result (id, "
	    "user, about, guess, instrument, date, answers, score, created, updated) "
	    "VALUES (?1, ?2, ?3, ?8, ?4, ?5, ?6, ?7, " NOW ", " NOW ")", "ssssssll",
	    t->id, me, t->about, d->id, t->date, joined, (long)t->score,
	    (long)guess)) != 0)
		em_db_rollback(ctx);
	else
		ex = em_db_commit(ctx);
out:
	free(joined);
	return ex;
}

static int
a_take(struct em_ctx *ctx, int argc, char **argv)
{
	const struct em_content *c;
	const struct em_doc *d;
	struct take_opts o;
	struct taken	 t;
	const char	*me;
	char		*partner = NULL, date[11], id[EM_ID_LEN + 1];
	int		*answers = NULL, ex;

	if ((ex = take_opts(ctx, argc, argv, &o)) != 0 ||
	    (ex = em_ctx_user(ctx, &me)) != 0 ||
	    (ex = instrument(ctx, o.iid, &c, &d)) != 0)
		return ex;
	if (o.gname != NULL && (ex = em_partner_arg(ctx, "--guess", o.gname, me,
	    EM_PARTNER_ROSTER, &partner)) != 0)
		return ex;
	t.about = partner != NULL ? partner : o.about != NULL ? o.about : me;
	answers = em_xcalloc(d->nitems, sizeof(*answers));
	if ((ex = take_answers(ctx, d, o.given, strcmp(t.about, me) ? t.about :
	    NULL, partner != NULL, answers)) != 0)
		goto out;
	t.answers = answers;
	t.score = em_score(d, answers);
	em_date_fmt(o.day, date);
	em_id_new(id);
	t.id = id;
	t.date = date;
	if ((ex = take_store(ctx, d, me, &t, partner != NULL)) != 0)
		goto out;
	if (partner != NULL)
		ex = take_guess_out(ctx, d, me, id);
	else
		ex = take_out(ctx, c, d, me, &t);
out:
	free(answers);
	free(partner);
	return ex;
}

/* A bar of score/100 of BAR columns, in eighths where the terminal has them. */
static void
bar(int score, int utf8)
{
	static const char *const eighths[] = { "", "\xe2\x96\x8f", "\xe2\x96\x8e",
	    "\xe2\x96\x8d", "\xe2\x96\x8c", "\xe2\x96\x8b", "\xe2\x96\x8a",
	    "\xe2\x96\x89" };
	int	 units = score * BAR * 8 / 100, i, cols;

	if (!utf8) {
		for (i = 0; i < (units + 4) / 8; i++)
			putchar('#');
		printf("%*s", BAR - (units + 4) / 8, "");
		return;
	}
	for (i = 0; i < units / 8; i++)
		fputs("\xe2\x96\x88", stdout);
	fputs(eighths[units % 8], stdout);
	cols = units / 8 + (units % 8 != 0);
	printf("%*s", BAR - cols, "");
}

/* A guess that is in, in history --accuracy. */
static const struct em_col hacc_cols[] = { { "guesser", EM_STR },
    { "about", EM_STR }, { "instrument", EM_STR }, { "guessed", EM_STR },
    { "answered", EM_STR }, { "accuracy", EM_INT }, { "items", EM_INT },
    { NULL, 0 } };

/*
 * A guess in history --accuracy as text: its line with a bar, under a
 * heading whenever the instrument or the guesser changes from last's.
 */
static void
hacc_text(struct em_ctx *ctx, const struct em_doc *d, const char *me,
    const struct pair *p, const struct pair *last, int percent, int utf8)
{
	char	 line[1024];

	if (last->inst == NULL || strcmp(last->inst, p->inst) != 0 ||
	    strcmp(last->user, p->user) != 0) {
		if (strcmp(p->user, me) == 0)
			snprintf(line, sizeof(line), "%s (%s): your guesses at %s's "
			    "answers", d->title, d->id, p->about);
		else
			snprintf(line, sizeof(line), "%s (%s): %s's guesses at your "
			    "answers", d->title, d->id, p->user);
		printf("%s%s", last->inst != NULL ? "\n" : "",
		    em_color(ctx, "\033[1m"));
		em_put_wrapped(line, WIDTH, 0, 0);
		fputs(em_color(ctx, "\033[0m"), stdout);
	}
	printf("  %s  %3d%%  ", p->date, percent);
	bar(percent, utf8);
	putchar('\n');
}

/*
 * history --accuracy: how near each guess that is in came, over time, per
 * instrument and guesser: your guesses and your partner's about you.
 */
static int
history_accuracy(struct em_ctx *ctx, const char *me, const char *iid)
{
	const struct em_content *c;
	const struct em_doc *d;
	struct pair	 p, last;
	struct em_acc	 acc;
	sqlite3_stmt	*st;
	long		 rows = 0, waiting = 0;
	int		 ex, rc, utf8 = utf8_locale();

	memset(&last, 0, sizeof(last));
	if ((ex = em_ctx_content(ctx, KINDS, &c)) != 0 ||
	    (ex = em_db_open(ctx, EM_DB_READ)) != 0 ||
	    (ex = em_sql_prep(ctx, &st, PAIR_SQL "AND (g.user = ?1 OR g.about = ?1) "
	    "AND (?2 IS NULL OR g.instrument = ?2) ORDER BY g.instrument, g.user, "
	    "g.date, g.created, g.id", "ss", me, iid)) != 0)
		return ex;
	em_emit_head(ctx, hacc_cols);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		pair_read(st, &p);
		waiting += p.oanswers == NULL;
		/* Not shown: waiting, of an instrument no longer in the content, or none counts. */
		if ((d = em_content_find(c, EM_K_INSTRUMENT, p.inst)) == NULL ||
		    pair_acc(d, &p, &acc) != 0 || acc.percent < 0) {
			pair_free(&p);
			continue;
		}
		if (em_emit(ctx, hacc_cols, (struct em_val[]){ EM_S(p.user),
		    EM_S(p.about), EM_S(p.inst), EM_S(p.date), EM_S(p.odate),
		    EM_N(acc.percent), EM_N((long long)acc.counted) }) != 0)
			hacc_text(ctx, d, me, &p, &last, acc.percent, utf8);
		rows++;
		pair_free(&last);
		last = p;
	}
	pair_free(&last);
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return em_db_err(ctx, rc, "reading results");
	if (waiting > 0)
		em_hint(ctx, "%ld guess%s still waiting for the answers %s guessed",
		    waiting, waiting == 1 ? " is" : "es are", waiting == 1 ? "it" :
		    "they");
	if (rows == 0) {
		em_hint(ctx, "no guess has its answers yet; guess your partner's "
		    "with: %s take %s --guess NAME", ctx->prog, iid ? iid : "self");
		return EM_EX_NO;
	}
	return 0;
}

/*
 * A result in history: band is what its score means, null if the
 * instrument is no longer in the content.
 */
static const struct em_col hist_cols[] = { { "date", EM_STR },
    { "instrument", EM_STR }, { "score", EM_INT }, { "answers", EM_STR },
    { "created", EM_STR }, { "band", EM_STR }, { NULL, 0 } };

/*
 * A result in history as text: its line with a bar and its band, under the
 * instrument's title when it is the first of it (last is the one before).
 */
static void
hist_text(struct em_ctx *ctx, const struct em_doc *d, const char *inst,
    const char *last, const char *date, int score, int utf8)
{
	const struct em_band *band = d != NULL ? em_band_of(d, score) : NULL;
	char	 line[1024];

	if (last == NULL || strcmp(last, inst) != 0) {
		snprintf(line, sizeof(line), "%s (%s)", d != NULL ? d->title :
		    inst, inst);
		printf("%s%s", last != NULL ? "\n" : "", em_color(ctx, "\033[1m"));
		em_put_wrapped(line, WIDTH, 0, 0);
		fputs(em_color(ctx, "\033[0m"), stdout);
	}
	printf("  %s  %3d  ", date, score);
	bar(score, utf8);
	if (band != NULL) {
		/* The label after the bar, or under it when it would not fit. */
		if (em_text_width(band->label) > WIDTH - 2 - 21 - BAR)
			printf("\n%*s", 19, "");
		else
			fputs("  ", stdout);
		em_put_text(stdout, band->label);
	}
	putchar('\n');
}

/* history: your own scores over time, per instrument (iid, or all). */
static int
history_scores(struct em_ctx *ctx, const char *me, const char *iid)
{
	const struct em_content *c;
	const struct em_doc *d;
	const struct em_band *band;
	sqlite3_stmt	*st;
	const char	*inst, *date;
	char		*last = NULL;
	long		 rows = 0;
	int		 ex, rc, score, utf8 = utf8_locale();

	if ((ex = em_ctx_content(ctx, KINDS, &c)) != 0 ||
	    (ex = em_db_open(ctx, EM_DB_READ)) != 0 ||
	    (ex = em_sql_prep(ctx, &st, "SELECT date, instrument, score, answers, "
	    "created FROM live_result WHERE user = ?1 AND about = ?1 AND guess = 0 "
	    "AND (?2 IS NULL OR instrument = ?2) ORDER BY instrument, date, created",
	    "ss", me, iid)) != 0)
		return ex;
	em_emit_head(ctx, hist_cols);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		date = (const char *)sqlite3_column_text(st, 0);
		inst = (const char *)sqlite3_column_text(st, 1);
		score = sqlite3_column_int(st, 2);
		d = em_content_find(c, EM_K_INSTRUMENT, inst);
		band = d != NULL ? em_band_of(d, score) : NULL;
		if (em_emit(ctx, hist_cols, (struct em_val[]){ EM_S(date),
		    EM_S(inst), EM_N(score), EM_S((const char *)
		    sqlite3_column_text(st, 3)), EM_S((const char *)
		    sqlite3_column_text(st, 4)), EM_S(band ? band->label : NULL) }) != 0)
			hist_text(ctx, d, inst, last, date, score, utf8);
		rows++;
		free(last);
		last = em_strdup(inst);
	}
	free(last);
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return em_db_err(ctx, rc, "reading results");
	if (rows == 0) {
		em_hint(ctx, "no results yet; take one with: %s take %s",
		    ctx->prog, iid ? iid : "self");
		return EM_EX_NO;
	}
	return 0;
}

static int
a_history(struct em_ctx *ctx, int argc, char **argv)
{
	const struct em_content *c;
	const struct em_doc *d;
	const char	*me, *iid = NULL;
	int		 ex, aflag = 0;
	static const struct em_opt opts[] = {
		{ .name = "accuracy", .type = EM_OPT_FLAG }, { NULL } };

	if ((ex = em_opts(ctx, argc, argv, opts, &aflag)) != 0)
		return ex;
	if ((ex = em_maybe_arg(ctx, argc, argv, &iid)) != 0)
		return ex;
	if ((ex = em_ctx_user(ctx, &me)) != 0)
		return ex;
	if (iid != NULL && (ex = instrument(ctx, iid, &c, &d)) != 0)
		return ex;
	return aflag ? history_accuracy(ctx, me, iid) : history_scores(ctx, me, iid);
}

/* The latest answers to an instrument: by me about me, or by another about me. */
static int
latest(struct em_ctx *ctx, const char *me, const char *iid, int self, char **who,
    char **date, char **answers, int *score)
{
	sqlite3_stmt	*st;
	int		 ex, rc;

	*who = *date = *answers = NULL;
	*score = 0;
	if ((ex = em_sql_prep(ctx, &st, self ?
	    "SELECT user, date, answers, score FROM live_result WHERE user = ?1 AND "
	    "about = ?1 AND guess = 0 AND instrument = ?2 ORDER BY date DESC, "
	    "created DESC LIMIT 1" :
	    "SELECT user, date, answers, score FROM live_result WHERE user <> ?1 AND "
	    "about = ?1 AND guess = 0 AND instrument = ?2 ORDER BY date DESC, "
	    "created DESC LIMIT 1",
	    "ss", me, iid)) != 0)
		return ex;
	if ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		*who = em_strdup((const char *)sqlite3_column_text(st, 0));
		*date = em_strdup((const char *)sqlite3_column_text(st, 1));
		*answers = em_strdup((const char *)sqlite3_column_text(st, 2));
		*score = sqlite3_column_int(st, 3);
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return em_db_err(ctx, rc, "reading results");
	return 0;
}

struct gap {
	size_t	 item;
	int	 self, other, diff;
};

static int
bygap(const void *a, const void *b)
{
	const struct gap *x = a, *y = b;
	int	 dx = abs(x->diff), dy = abs(y->diff);

	if (dx != dy)
		return dy - dx;
	return (int)x->item - (int)y->item;
}

/* compare's two views: [0] yours of yourself, [1] your partner's of you. */
struct views {
	char	*who[2], *date[2], *ans[2];
	int	*a[2], score[2];
	struct gap *g;		/* the items, largest gap first */
};

static void
views_free(struct views *v)
{
	size_t	 k;

	for (k = 0; k < 2; k++) {
		free(v->who[k]);
		free(v->date[k]);
		free(v->ans[k]);
		free(v->a[k]);
	}
	free(v->g);
	memset(v, 0, sizeof(*v));
}

/*
 * The latest two views of me on d, and the gap on each item; EM_EX_NO
 * (said on stderr) while one is missing. On failure v owns nothing.
 */
static int
views_load(struct em_ctx *ctx, const struct em_doc *d, const char *me,
    struct views *v)
{
	char	 err[160];
	size_t	 i, k;
	int	 ex;

	memset(v, 0, sizeof(*v));
	if ((ex = latest(ctx, me, d->id, 1, &v->who[0], &v->date[0], &v->ans[0],
	    &v->score[0])) != 0 || (ex = latest(ctx, me, d->id, 0, &v->who[1],
	    &v->date[1], &v->ans[1], &v->score[1])) != 0)
		goto fail;
	if (v->ans[0] == NULL) {
		em_note(ctx, "you have not taken %s yet: %s take %s", d->id,
		    ctx->prog, d->id);
		ex = EM_EX_NO;
		goto fail;
	}
	if (v->ans[1] == NULL) {
		em_note(ctx, "nobody has rated you on %s yet; your partner can "
		    "with: %s take %s --about %s", d->id, ctx->prog, d->id, me);
		ex = EM_EX_NO;
		goto fail;
	}
	for (k = 0; k < 2; k++) {
		v->a[k] = em_xcalloc(d->nitems, sizeof(int));
		if (em_answers_parse(d, v->ans[k], v->a[k], err, sizeof(err)) != 0) {
			ex = em_err(ctx, EM_EX_DATAERR, "the answers of %s no longer "
			    "fit the instrument %s (%s)", v->date[k], d->id, err);
			goto fail;
		}
	}
	/*
	 * The gap is in points, so that it means the same on every item: above
	 * 0 the partner sees more strength there than you do. On a
	 * reverse-scored item a high answer is the weak spot, so its gap is
	 * the partner's answer minus yours turned round.
	 */
	v->g = em_xcalloc(d->nitems, sizeof(*v->g));
	for (i = 0; i < d->nitems; i++) {
		v->g[i].item = i;
		v->g[i].self = v->a[0][i];
		v->g[i].other = v->a[1][i];
		v->g[i].diff = em_item_points(d, i, v->a[1][i]) -
		    em_item_points(d, i, v->a[0][i]);
	}
	qsort(v->g, d->nitems, sizeof(*v->g), bygap);
	return 0;
fail:
	views_free(v);
	return ex;
}

/* The width of the partner's column in compare's table. */
static int
rater_width(const struct views *v)
{
	return (int)em_width_in(v->who[1], 7, 16);
}

/* compare in text: the two scores, what the gap means, the table's head. */
static void
compare_head(struct em_ctx *ctx, const struct em_doc *d, const struct views *v)
{
	char	 line[2048];
	size_t	 i, k;
	int	 namew = rater_width(v);

	fputs(em_color(ctx, "\033[1m"), stdout);
	em_put_wrapped(d->title, WIDTH, 0, 0);
	fputs(em_color(ctx, "\033[0m"), stdout);
	snprintf(line, sizeof(line), "you, on %s: %d of 100", v->date[0],
	    v->score[0]);
	printf("  ");
	em_put_wrapped(line, WIDTH, 4, 1);
	snprintf(line, sizeof(line), "%s's view of you, on %s: %d of 100",
	    v->who[1], v->date[1], v->score[1]);
	printf("  ");
	em_put_wrapped(line, WIDTH, 4, 1);
	putchar('\n');
	for (i = 0, k = 0; i < d->nitems; i++)
		k += d->items[i].reverse != 0;
	snprintf(line, sizeof(line), "The gap is in points of the scale: above "
	    "0, %s sees more strength in you there than you do; below 0, "
	    "less.%s", v->who[1], k ? " On a statement marked (reversed), a "
	    "high answer is the weak spot, so its gap is turned round." : "");
	em_put_wrapped(line, WIDTH, 0, 0);
	putchar('\n');
	printf("%-*s %5s ", 61 - namew + 4, "largest gaps first", "you");
	em_put_cell(stdout, v->who[1], (size_t)namew, 1);
	printf(" %4s\n", "gap");
}

/* An item of compare in text: its text, wrapped, beside the two answers. */
static void
compare_line(const struct em_item *it, const struct gap *g, int namew)
{
	char	 line[2048], n[4][24];

	snprintf(n[0], sizeof(n[0]), "%zu", g->item + 1);
	snprintf(n[1], sizeof(n[1]), "%d", g->self);
	snprintf(n[2], sizeof(n[2]), "%d", g->other);
	snprintf(n[3], sizeof(n[3]), g->diff ? "%+d" : "%d", g->diff);
	snprintf(line, sizeof(line), "%s%s", it->text, it->reverse ?
	    " (reversed)" : "");
	item_row(line, 61 - namew, namew, n, 4);
}

/*
 * An item of compare: your answer (self), your partner's (partner), the
 * gap in points; then who rated you, and the day and score of each view.
 */
static const struct em_col compare_cols[] = { { "item", EM_INT },
    { "text", EM_STR }, { "self", EM_INT }, { "partner", EM_INT },
    { "gap", EM_INT }, { "reverse", EM_BOOL }, { "rater", EM_STR },
    { "self_date", EM_STR }, { "self_score", EM_INT },
    { "rater_date", EM_STR }, { "rater_score", EM_INT }, { NULL, 0 } };

static int
a_compare(struct em_ctx *ctx, int argc, char **argv)
{
	const struct em_content *c;
	const struct em_doc *d;
	const struct em_item *it;
	struct views	 v;
	const char	*me, *iid = NULL;
	size_t		 i;
	int		 ex;

	if ((ex = em_no_opts(ctx, argc, argv)) != 0)
		return ex;
	if ((ex = em_one_arg(ctx, argc, argv, "instrument id", &iid)) != 0 ||
	    (ex = em_ctx_user(ctx, &me)) != 0 ||
	    (ex = instrument(ctx, iid, &c, &d)) != 0 ||
	    (ex = em_db_open(ctx, EM_DB_READ)) != 0 ||
	    (ex = views_load(ctx, d, me, &v)) != 0)
		return ex;
	if (em_emit_head(ctx, compare_cols))
		compare_head(ctx, d, &v);
	for (i = 0; i < d->nitems; i++) {
		it = &d->items[v.g[i].item];
		if (em_emit(ctx, compare_cols, (struct em_val[]){
		    EM_N((long long)v.g[i].item + 1), EM_S(it->text),
		    EM_N(v.g[i].self), EM_N(v.g[i].other), EM_N(v.g[i].diff),
		    EM_N(it->reverse != 0), EM_S(v.who[1]), EM_S(v.date[0]),
		    EM_N(v.score[0]), EM_S(v.date[1]), EM_N(v.score[1]) }) != 0)
			compare_line(it, &v.g[i], rater_width(&v));
	}
	views_free(&v);
	return 0;
}

/* accuracy: the latest guess, yours or your partner's, beside the answers it guessed. */
static int
a_accuracy(struct em_ctx *ctx, int argc, char **argv)
{
	/* --by, into by itself; em_partner_arg checks it against the roster */
	static const struct em_opt opts[] = {
		{ .name = "by", .type = EM_OPT_STR }, { NULL } };
	const struct em_content *c;
	const struct em_doc *d;
	struct pair	 p;
	const char	*me, *iid = NULL, *by = NULL;
	char		*partner = NULL;
	int		 ex;

	memset(&p, 0, sizeof(p));
	if ((ex = em_opts(ctx, argc, argv, opts, &by)) != 0 ||
	    (ex = em_one_arg(ctx, argc, argv, "instrument id", &iid)) != 0 ||
	    (ex = em_ctx_user(ctx, &me)) != 0 ||
	    (ex = instrument(ctx, iid, &c, &d)) != 0 ||
	    (ex = em_db_open(ctx, EM_DB_READ)) != 0)
		return ex;
	if (by != NULL && strcasecmp(by, me) != 0) {
		if ((ex = em_partner_arg(ctx, "--by", by, me, EM_PARTNER_ROSTER,
		    &partner)) != 0)
			return ex;
		by = partner;
	} else
		by = me;
	if ((ex = latest_guess(ctx, me, by, d->id, &p)) != 0)
		goto out;
	/* Without --by, one who never guessed sees the guess at their answers. */
	if (p.id == NULL && partner == NULL) {
		if ((ex = latest_guess(ctx, me, NULL, d->id, &p)) != 0)
			goto out;
		if (p.id != NULL)
			by = p.user;
	}
	if (p.id == NULL) {
		if (by == me)
			em_note(ctx, "you have not guessed anyone's answers to %s yet: "
			    "%s take %s --guess NAME", d->id, ctx->prog, d->id);
		else
			em_note(ctx, "%s has not guessed your answers to %s", by, d->id);
		ex = EM_EX_NO;
	} else if (p.oanswers == NULL) {
		/* Waiting: the one it is about sees that it exists, not what it says. */
		if (by == me)
			em_note(ctx, "your guess of %s (%s) waits for %s to take %s on "
			    "that day or later", p.about, p.date, p.about, d->id);
		else
			em_note(ctx, "%s guessed your answers to %s on %s; take it "
			    "yourself (%s take %s) to see how near the guess came",
			    by, d->id, p.date, ctx->prog, d->id);
		ex = EM_EX_NO;
	} else
		ex = show_pair(ctx, d, me, &p);
out:
	pair_free(&p);
	free(partner);
	return ex;
}

/* rm and restore: one of your own results, by its id or a prefix of it. */
static int
rm_result(struct em_ctx *ctx, int argc, char **argv, int removing)
{
	const char	*me, *prefix;
	char		 id[EM_ID_LEN + 1];
	int		 ex, removed, already;

	if ((ex = em_no_opts(ctx, argc, argv)) != 0)
		return ex;
	if ((ex = em_one_arg(ctx, argc, argv, "id", &prefix)) != 0 ||
	    (ex = em_ctx_user(ctx, &me)) != 0 ||
	    (ex = em_db_open(ctx, EM_DB_WRITE)) != 0 ||
	    (ex = em_rec_find(ctx, "result", prefix, me, id, &removed)) != 0 ||
	    (ex = em_rec_remove(ctx, "result", id, removing, &already)) != 0)
		return ex;
	em_rec_said(ctx, "result", id, removing, already, "empathy-assess restore");
	return 0;
}

static int
a_rm(struct em_ctx *ctx, int argc, char **argv)
{
	return rm_result(ctx, argc, argv, 1);
}

static int
a_restore(struct em_ctx *ctx, int argc, char **argv)
{
	return rm_result(ctx, argc, argv, 0);
}

int
main(int argc, char *argv[])
{
	return em_main("empathy-assess", subcmds, em_assess_records, argc, argv);
}
