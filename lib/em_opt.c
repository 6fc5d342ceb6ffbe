/* em_opt.c: a command's own options, declared as a table of rows. */
#include <string.h>

#include "em_int.h"

/*
 * The most options one table may declare: em_getopt merges at most 40 long
 * options with the common ones.
 */
#define OPTS_MAX	40
/* What getopt_long returns for a row without a letter: above any letter. */
#define KEY_BASE	0x100

static int
same_option(const struct em_opt *a, const struct em_opt *b)
{
	if (a->letter != 0 && a->letter == b->letter)
		return 1;
	return a->name != NULL && b->name != NULL && strcmp(a->name, b->name) == 0;
}

/* Whether row i is the first of its option. */
static int
first(const struct em_opt *opts, size_t i)
{
	size_t	 j;

	for (j = 0; j < i; j++)
		if (same_option(&opts[j], &opts[i]))
			return 0;
	return 1;
}

/*
 * The value getopt_long returns for row i: its letter, else one above every
 * letter and the same for every row of that option, so one option given
 * once applies all its rows.
 */
static int
key(const struct em_opt *opts, size_t i)
{
	size_t	 j;

	for (j = 0; j < i && !same_option(&opts[j], &opts[i]); j++)
		;
	if (opts[j].letter != 0)
		return opts[j].letter;
	return KEY_BASE + (int)j;
}

static int
takes_arg(int type)
{
	return type != EM_OPT_FLAG && type != EM_OPT_SET && type != EM_OPT_STOP;
}

/* Whether any row of the option of row i takes an argument. */
static int
option_arg(const struct em_opt *opts, size_t i)
{
	size_t	 j;

	for (j = 0; opts[j].name != NULL || opts[j].letter != 0; j++)
		if (same_option(&opts[j], &opts[i]) && takes_arg(opts[j].type))
			return 1;
	return 0;
}

/* The option as messages name it: "--name", else "-c". */
static const char *
opt_name(const struct em_opt *o, char buf[64])
{
	if (o->name != NULL)
		snprintf(buf, 64, "--%s", o->name);
	else
		snprintf(buf, 64, "-%c", o->letter);
	return buf;
}

/*
 * An EM_OPT_SET row clashes when its field already holds what another row
 * of the same field stores: --sealed after --no-sealed, not --seen twice.
 */
static int
set_clash(const struct em_opt *opts, const struct em_opt *o, int now)
{
	size_t	 j;

	for (j = 0; opts[j].name != NULL || opts[j].letter != 0; j++)
		if (opts[j].type == EM_OPT_SET && opts[j].off == o->off &&
		    opts[j].val != o->val && opts[j].val == now)
			return 1;
	return 0;
}

/* One tag, by the rules in lib (em_tags_add), or a usage error naming opt. */
int
em_opt_tag(struct em_ctx *ctx, const char *opt, struct em_tags *ts,
    const char *arg)
{
	switch (em_tags_add(ts, arg)) {
	case EM_TAG_BAD:
		return em_fail(ctx, EM_EX_USAGE, "%s: '%s' is not a tag (%s)", opt,
		    arg, EM_TAG_RULE);
	case EM_TAG_MANY:
		return em_fail(ctx, EM_EX_USAGE, "too many tags (at most %d)",
		    EM_TAGS_MAX);
	}
	return 0;
}

/* Apply one row to the command's args; 0, or a usage status. */
static int
apply(struct em_ctx *ctx, const struct em_opt *opts, const struct em_opt *o,
    const char *arg, void *args)
{
	void		*p = (char *)args + o->off;
	const char	**sp = p;
	struct em_tags	*ts = p;
	long		*lp = p;
	int		*ip = p;
	char		 nb[64];
	const char	*name = opt_name(o, nb);
	int		 ex;

	switch (o->type) {
	case EM_OPT_FLAG:
	case EM_OPT_STOP:
		*ip = 1;
		return 0;
	case EM_OPT_SET:
		if (o->clash != NULL && set_clash(opts, o, *ip))
			return em_fail(ctx, EM_EX_USAGE, "%s", o->clash);
		*ip = o->val;
		return 0;
	}
	if (o->ok != NULL && !o->ok(arg))
		return em_fail(ctx, EM_EX_USAGE, "%s: '%s' is not %s", name, arg,
		    o->what);
	switch (o->type) {
	case EM_OPT_STR:
		if (o->clash != NULL && *sp != NULL)
			return em_fail(ctx, EM_EX_USAGE, "%s", o->clash);
		*sp = arg;
		return 0;
	case EM_OPT_NAME:
		if (!em_name_valid(arg))
			return em_fail(ctx, EM_EX_USAGE, "%s: '%s' is not a usable "
			    "name", name, arg);
		*sp = arg;
		return 0;
	case EM_OPT_DATE:
		return em_opt_date(ctx, name, arg, lp);
	case EM_OPT_PAST:
		return em_opt_past_date(ctx, name, arg, lp);
	case EM_OPT_WEEK:
		if (em_week_parse(arg, lp) != 0)
			return em_fail(ctx, EM_EX_USAGE, "%s: '%s' is not a week "
			    "(YYYY-Www, e.g. 2026-W48)", name, arg);
		return 0;
	case EM_OPT_COUNT:
		if ((ex = em_opt_count(ctx, name, arg, lp)) != 0)
			return ex;
		if (o->val > 0 && *lp > o->val)
			return em_fail(ctx, EM_EX_USAGE, "%s: at most %d", name,
			    o->val);
		return 0;
	case EM_OPT_TAG:
		if (o->clash != NULL && ts->n > 0)
			return em_fail(ctx, EM_EX_USAGE, "%s", o->clash);
		return em_opt_tag(ctx, name, ts, arg);
	}
	return em_fail(ctx, EM_EX_USAGE, "%s: an option of no known type", name);
}

/*
 * A command's own options, declared in opts (ended by a row with neither a
 * name nor a letter), into args; the common ones through em_getopt. An
 * option given applies each of its rows in order, so --date can both store
 * the day and note that one was given. 0 to go on (optind at the first
 * operand), EM_DONE after help or the version, or a usage status after
 * saying why.
 */
int
em_opts(struct em_ctx *ctx, int argc, char **argv, const struct em_opt *opts,
    void *args)
{
	struct option	 lo[OPTS_MAX + 1];
	char		 so[2 * OPTS_MAX + 1];
	size_t		 nl = 0, ns = 0, i;
	int		 ch, ex, hit, stop;

	for (i = 0; opts[i].name != NULL || opts[i].letter != 0; i++) {
		if (!first(opts, i))
			continue;	/* its option is in the tables already */
		if (opts[i].letter != 0 && ns + 2 < sizeof(so)) {
			so[ns++] = (char)opts[i].letter;
			if (option_arg(opts, i))
				so[ns++] = ':';
		}
		if (opts[i].name != NULL && nl < OPTS_MAX) {
			lo[nl].name = opts[i].name;
			lo[nl].has_arg = option_arg(opts, i) ? required_argument :
			    no_argument;
			lo[nl].flag = NULL;
			lo[nl++].val = key(opts, i);
		}
	}
	so[ns] = '\0';
	memset(&lo[nl], 0, sizeof(lo[nl]));
	while ((ch = em_getopt(ctx, argc, argv, so, lo)) != -1) {
		hit = stop = 0;
		for (i = 0; opts[i].name != NULL || opts[i].letter != 0; i++) {
			if (key(opts, i) != ch)
				continue;
			if ((ex = apply(ctx, opts, &opts[i], optarg, args)) != 0)
				return ex;
			hit = 1;
			stop |= opts[i].type == EM_OPT_STOP;
		}
		if (!hit)
			return em_optdone(ctx, ch);
		if (stop)
			break;
	}
	return 0;
}
