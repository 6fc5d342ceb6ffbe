/* t_opt: options declared as a table (em_opts): each type, its errors, help. */
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "em_int.h"
#include "tap.h"

struct args {
	const char	*s, *only, *name, *word;
	long		 day, past, week, n, few;
	struct em_tags	 ts, one;
	int		 flag, q, dated, kind, sealed, stop;
};

enum { SEEN = 1, MISSED };

static int
lower_ok(const char *s)
{
	for (; *s != '\0'; s++)
		if (*s < 'a' || *s > 'z')
			return 0;
	return 1;
}

static const struct em_opt opts[] = {
	EM_OPTION("flag", 'x', EM_OPT_FLAG, args, flag),
	EM_OPTION(NULL, 'q', EM_OPT_FLAG, args, q),
	EM_OPTION("str", 0, EM_OPT_STR, args, s),
	{ .name = "only", .type = EM_OPT_STR, .off = offsetof(struct args, only),
	    .clash = "one --only" },
	EM_OPTION("name", 0, EM_OPT_NAME, args, name),
	EM_OPTION("date", 0, EM_OPT_DATE, args, day),
	EM_OPTION("date", 0, EM_OPT_FLAG, args, dated),
	EM_OPTION("past", 0, EM_OPT_PAST, args, past),
	EM_OPTION("week", 0, EM_OPT_WEEK, args, week),
	EM_OPTION(NULL, 'n', EM_OPT_COUNT, args, n),
	{ .name = "few", .type = EM_OPT_COUNT, .off = offsetof(struct args, few),
	    .val = 3 },
	EM_OPTION("tag", 0, EM_OPT_TAG, args, ts),
	{ .name = "one-tag", .type = EM_OPT_TAG, .off = offsetof(struct args, one),
	    .clash = "one --one-tag" },
	{ .name = "seen", .type = EM_OPT_SET, .off = offsetof(struct args, kind),
	    .val = SEEN, .clash = "seen or missed" },
	{ .name = "missed", .type = EM_OPT_SET, .off = offsetof(struct args, kind),
	    .val = MISSED, .clash = "seen or missed" },
	{ .name = "sealed", .type = EM_OPT_SET, .off = offsetof(struct args, sealed),
	    .val = 1, .clash = "sealed or open" },
	{ .name = "open", .type = EM_OPT_SET, .off = offsetof(struct args, sealed),
	    .val = 0, .clash = "sealed or open" },
	{ .name = "word", .type = EM_OPT_STR, .off = offsetof(struct args, word),
	    .ok = lower_ok, .what = "a word" },
	EM_OPTION("stop", 0, EM_OPT_STOP, args, stop),
	{ NULL }
};

static const struct em_subcmd cmd = { "try", NULL, "[--flag] [--date date]",
	NULL };
static char	 out[4096], err[4096];
static char	*words[64];
static int	 nwords;

static void
slurp(FILE *fp, char *buf, size_t size)
{
	size_t	 n;

	fflush(fp);
	rewind(fp);
	n = fread(buf, 1, size - 1, fp);
	buf[n] = '\0';
	fclose(fp);
}

/*
 * em_opts over the words given (after the command's name), as em_dispatch
 * would call a command: what it returns, with stdout and stderr in out and
 * err and the args as a defaults-then-options struct in *a.
 */
static int
run(struct em_ctx *ctx, const struct em_opt *table, struct args *a,
    const char *const *w)
{
	FILE	*o = tmpfile(), *e = tmpfile();
	int	 so, se, ex;

	if (o == NULL || e == NULL) {
		perror("tmpfile");
		exit(1);
	}
	while (nwords > 0)
		free(words[--nwords]);
	words[nwords++] = em_strdup("try");
	for (; *w != NULL && nwords < 63; w++)
		words[nwords++] = em_strdup(*w);
	words[nwords] = NULL;
	/* what the common options of the run before left (em_ctx_finish closes stdout) */
	if (ctx->prog != NULL) {
		free(ctx->user);
		free(ctx->dbpath);
	}
	em_ctx_init(ctx, "t_opt");
	ctx->cmd = &cmd;
	em_tags_free(&a->ts);
	em_tags_free(&a->one);
	memset(a, 0, sizeof(*a));
	a->sealed = -1;
	optind = 0;
	fflush(stdout);
	so = dup(STDOUT_FILENO);
	se = dup(STDERR_FILENO);
	dup2(fileno(o), STDOUT_FILENO);
	dup2(fileno(e), STDERR_FILENO);
	ex = em_opts(ctx, nwords, words, table, a);
	fflush(stdout);
	fflush(stderr);
	dup2(so, STDOUT_FILENO);
	dup2(se, STDERR_FILENO);
	close(so);
	close(se);
	slurp(o, out, sizeof(out));
	slurp(e, err, sizeof(err));
	return ex;
}

#define RUN(ctx, table, a, ...) \
	run((ctx), (table), (a), (const char *const []){ __VA_ARGS__, NULL })

/* The operands left after the options, joined by spaces. */
static const char *
rest(void)
{
	static char	 buf[256];
	size_t		 len = 0;
	int		 i;

	buf[0] = '\0';
	for (i = optind; i < nwords && len < sizeof(buf); i++)
		len += (size_t)snprintf(buf + len, sizeof(buf) - len, "%s%s",
		    i > optind ? " " : "", words[i]);
	return buf;
}

int
main(void)
{
	static const struct em_opt none[] = { { NULL } };
	struct em_ctx	 ctx;
	struct args	 a;
	char		 d[11];
	long		 day;

	memset(&a, 0, sizeof(a));
	memset(&ctx, 0, sizeof(ctx));

	/* Nothing given: the defaults stand, every word is an operand. */
	ok(RUN(&ctx, opts, &a, "one", "two") == 0, "no options: 0");
	ok(a.flag == 0 && a.s == NULL && a.sealed == -1 && a.kind == 0,
	    "and the defaults stand");
	is_str(rest(), "one two", "the operands are left");

	/* Each type stores what it says. */
	ok(RUN(&ctx, opts, &a, "--flag", "-q", "--str", "a", "--only", "b",
	    "--name", "Bob", "--date", "2026-11-26", "--past", "2026-01-02",
	    "--week", "2026-W48", "-n", "5", "--few", "3", "--tag", "Work",
	    "--tag", "#home", "--tag", "work", "--one-tag", "c", "--seen",
	    "--sealed", "--word", "abc", "operand") == 0, "every type: 0");
	is_str(err, "", "and nothing on stderr");
	ok(a.flag == 1 && a.q == 1, "flags (a long name, a letter) are 1");
	is_str(a.s, "a", "a string");
	is_str(a.only, "b", "a string given once");
	is_str(a.name, "Bob", "a name");
	em_date_fmt(a.day, d);
	is_str(d, "2026-11-26", "a date");
	ok(a.dated == 1, "a second row of --date: noted that it was given");
	em_date_fmt(a.past, d);
	is_str(d, "2026-01-02", "a day that has come");
	em_date_fmt(a.week, d);
	is_str(d, "2026-11-23", "a week: its Monday");
	ok(a.n == 5 && a.few == 3, "counts, up to the most");
	ok(a.ts.n == 2 && strcmp(a.ts.v[0], "work") == 0 &&
	    strcmp(a.ts.v[1], "home") == 0, "tags: lower case, no '#', once");
	ok(a.one.n == 1, "a tag given once");
	ok(a.kind == SEEN && a.sealed == 1, "SET stores its value");
	is_str(a.word, "abc", "an argument that passes its check");
	is_str(rest(), "operand", "the operand is left");
	ok(RUN(&ctx, opts, &a, "-x") == 0 && a.flag == 1,
	    "the letter of an option with a long name");
	ok(RUN(&ctx, opts, &a, "--fl") == 0 && a.flag == 1,
	    "a long name cut short, as getopt_long allows");
	ok(RUN(&ctx, opts, &a, "--open") == 0 && a.sealed == 0,
	    "SET stores 0 over a default of -1");
	ok(RUN(&ctx, opts, &a, "--date", "today") == 0 &&
	    em_date_parse("today", &day) == 0 && a.day == day, "today is a date");

	/* A bad value: the option named, status 64, no usage. */
	ok(RUN(&ctx, opts, &a, "--date", "soon") == EM_EX_USAGE,
	    "a bad date: 64");
	is_str(err, "t_opt: --date: 'soon' is not a date (YYYY-MM-DD, today, "
	    "yesterday or -N)\n", "named in the message");
	ok(a.dated == 0, "and the rows after it are not applied");
	ok(RUN(&ctx, opts, &a, "--past", "2999-01-01") == EM_EX_USAGE,
	    "a day to come: 64");
	is_str(err, "t_opt: --past: that day has not come yet\n",
	    "says it has not come");
	ok(RUN(&ctx, opts, &a, "--week", "2026-48") == EM_EX_USAGE,
	    "a bad week: 64");
	is_str(err, "t_opt: --week: '2026-48' is not a week (YYYY-Www, e.g. "
	    "2026-W48)\n", "says what a week is");
	ok(RUN(&ctx, opts, &a, "-n", "0") == EM_EX_USAGE, "a count of 0: 64");
	is_str(err, "t_opt: -n: '0' is not a count (a whole number from 1)\n",
	    "a letter alone is named -n");
	ok(RUN(&ctx, opts, &a, "--few", "4") == EM_EX_USAGE,
	    "a count over the most: 64");
	is_str(err, "t_opt: --few: at most 3\n", "says the most");
	ok(RUN(&ctx, opts, &a, "--name", "-bob") == EM_EX_USAGE,
	    "a bad name: 64");
	is_str(err, "t_opt: --name: '-bob' is not a usable name\n",
	    "says it is not a name");
	ok(RUN(&ctx, opts, &a, "--tag", "two words") == EM_EX_USAGE,
	    "a bad tag: 64");
	is_str(err, "t_opt: --tag: 'two words' is not a tag (" EM_TAG_RULE ")\n",
	    "says the rule");
	ok(RUN(&ctx, opts, &a, "--word", "ABC") == EM_EX_USAGE,
	    "an argument that fails its check: 64");
	is_str(err, "t_opt: --word: 'ABC' is not a word\n", "says what it is not");
	is_str(out, "", "no usage after a bad value");

	/* A missing argument, an unknown option: the reason, then the usage. */
	ok(RUN(&ctx, opts, &a, "--date") == EM_EX_USAGE,
	    "a missing argument: 64");
	is_str(err, "t_opt: option --date needs a value\n"
	    "usage: t_opt [-hV] [-d path] [-f format] [-u name] [--content dir] "
	    "try [--flag]\n             [--date date]\n",
	    "says so, then the usage");
	ok(RUN(&ctx, opts, &a, "-n") == EM_EX_USAGE &&
	    strncmp(err, "t_opt: option -n needs a value\n", 31) == 0,
	    "a letter's missing argument");
	ok(RUN(&ctx, opts, &a, "--bogus") == EM_EX_USAGE &&
	    strncmp(err, "t_opt: unknown option --bogus\nusage: ", 37) == 0,
	    "an unknown long option: 64, then the usage");
	ok(RUN(&ctx, opts, &a, "-z") == EM_EX_USAGE &&
	    strncmp(err, "t_opt: unknown option -z\n", 25) == 0,
	    "an unknown letter");
	ok(RUN(&ctx, opts, &a, "--flag=1") == EM_EX_USAGE,
	    "an argument to a flag: 64");
	ok(RUN(&ctx, opts, &a, "--s") == EM_EX_USAGE,
	    "an ambiguous abbreviation: 64");

	/* Help and the version end the command with EM_DONE (status 0). */
	ok(RUN(&ctx, opts, &a, "--flag", "-h", "--date", "soon") == EM_DONE,
	    "-h: EM_DONE, before a bad value after it");
	ok(strncmp(out, "usage: t_opt ", 13) == 0, "the usage on stdout");
	is_str(err, "", "nothing on stderr");
	ok(RUN(&ctx, opts, &a, "--help") == EM_DONE, "--help: EM_DONE");
	ok(RUN(&ctx, opts, &a, "-V") == EM_DONE &&
	    strncmp(out, "t_opt ", 6) == 0, "-V: EM_DONE and the version");

	/* The common options are merged: -u, -f, -d. */
	ok(RUN(&ctx, opts, &a, "-u", "sara", "--flag", "-f", "json") == 0 &&
	    ctx.user != NULL && strcmp(ctx.user, "sara") == 0 &&
	    ctx.fmt == EM_FMT_JSON && a.flag == 1, "common options among the "
	    "command's");
	ok(RUN(&ctx, opts, &a, "-f", "yaml") == EM_EX_USAGE,
	    "a bad common one: 64");
	ok(strncmp(err, "t_opt: unknown format 'yaml'", 28) == 0,
	    "says why");

	/* Exclusive pairs and options given once. */
	ok(RUN(&ctx, opts, &a, "--seen", "--missed") == EM_EX_USAGE,
	    "--seen then --missed: 64");
	is_str(err, "t_opt: seen or missed\n", "with the clash's words");
	ok(RUN(&ctx, opts, &a, "--missed", "--seen") == EM_EX_USAGE,
	    "either order");
	ok(RUN(&ctx, opts, &a, "--seen", "--seen") == 0 && a.kind == SEEN,
	    "the same one twice is fine");
	ok(RUN(&ctx, opts, &a, "--open", "--sealed") == EM_EX_USAGE,
	    "--open (0) then --sealed: 64");
	ok(RUN(&ctx, opts, &a, "--sealed", "--open") == EM_EX_USAGE,
	    "--sealed then --open: 64");
	is_str(err, "t_opt: sealed or open\n", "with its own words");
	ok(RUN(&ctx, opts, &a, "--only", "a", "--only", "b") == EM_EX_USAGE,
	    "a string with a clash, twice: 64");
	is_str(err, "t_opt: one --only\n", "says so");
	ok(RUN(&ctx, opts, &a, "--str", "a", "--str", "b") == 0 &&
	    strcmp(a.s, "b") == 0, "without one, the last wins");
	ok(RUN(&ctx, opts, &a, "--one-tag", "a", "--one-tag", "b") ==
	    EM_EX_USAGE, "a tag with a clash, twice: 64");
	is_str(err, "t_opt: one --one-tag\n", "says so");

	/* STOP: the options end there; what follows is operands. */
	ok(RUN(&ctx, opts, &a, "-q", "--stop", "--flag", "x") == 0 &&
	    a.stop == 1 && a.q == 1 && a.flag == 0, "--stop ends the options");
	is_str(rest(), "--flag x", "what follows is left");

	/* No options of its own (em_no_opts is this). */
	ok(RUN(&ctx, none, &a, "word") == 0, "an empty table: 0");
	ok(RUN(&ctx, none, &a, "--flag") == EM_EX_USAGE &&
	    strncmp(err, "t_opt: unknown option --flag\n", 29) == 0,
	    "an empty table knows no option");
	ok(RUN(&ctx, none, &a, "-h") == EM_DONE, "but -h");

	em_tags_free(&a.ts);
	em_tags_free(&a.one);
	free(ctx.user);
	free(ctx.dbpath);
	while (nwords > 0)
		free(words[--nwords]);
	return done_testing();
}
