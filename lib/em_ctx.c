/* em_ctx.c: a run's context: common options, dispatch, usage and the end of a run. */
#include <sys/stat.h>
#include <sys/types.h>

#include <errno.h>
#include <pwd.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "em_int.h"

#ifndef EM_VERSION
#define EM_VERSION "dev"
#endif

#define OPT_CONTENT	0x1000

static const char common_short[] = "d:f:hu:V";
static const struct option common_long[] = {
	{ "content",	required_argument,	NULL,	OPT_CONTENT },
	{ "db",		required_argument,	NULL,	'd' },
	{ "format",	required_argument,	NULL,	'f' },
	{ "help",	no_argument,		NULL,	'h' },
	{ "user",	required_argument,	NULL,	'u' },
	{ "version",	no_argument,		NULL,	'V' },
	{ NULL,		0,			NULL,	0 }
};

#define COMMON_SYNOPSIS	"[-hV] [-d path] [-f format] [-u name] [--content dir]"
static const char common_synopsis[] = COMMON_SYNOPSIS;
static const char common_synopsis_all[] = COMMON_SYNOPSIS " command [argument ...]";

/* A whole program: common options, its subcommand, and a clean end. */
int
em_main(const char *prog, const struct em_subcmd *subcmds,
    const struct em_rectype *const *rectypes, int argc, char **argv)
{
	struct em_ctx	 ctx;
	int		 ex;

	em_ctx_init(&ctx, prog);
	ctx.rectypes = rectypes;
	if ((ex = em_common_opts(&ctx, &argc, &argv, subcmds)) != EM_CONTINUE)
		return em_ctx_finish(&ctx, ex);
	ex = em_dispatch(&ctx, argc, argv);
	return em_ctx_finish(&ctx, ex);
}

void
em_ctx_init(struct em_ctx *ctx, const char *prog)
{
	memset(ctx, 0, sizeof(*ctx));
	ctx->prog = prog;
	ctx->fmt = EM_FMT_TEXT;
	ctx->cfg_color = -1;
	ctx->cfg_sealed = -1;
	ctx->color = -1;
	/* Private text may sit in memory; never leave it in a core file. */
	em_no_core();
	/* Whatever gets created (database, WAL, editor files) is private. */
	umask(077);
}

/* Handle one common option; 0 when done, or a usage status after saying why. */
static int
common_opt(struct em_ctx *ctx, int ch, const char *arg)
{
	switch (ch) {
	case 'd':
		if (*arg == '\0')
			return em_fail(ctx, EM_EX_USAGE, "--db needs a path");
		free(ctx->dbpath);
		ctx->dbpath = em_strdup(arg);
		return 0;
	case 'f':
		if (em_parse_format(arg, &ctx->fmt) != 0)
			return em_fail(ctx, EM_EX_USAGE,
			    "unknown format '%s' (text, tsv or json)", arg);
		return 0;
	case 'u':
		if (!em_name_valid(arg))
			return em_fail(ctx, EM_EX_USAGE, "'%s' is not a usable name", arg);
		free(ctx->user);
		ctx->user = em_strdup(arg);
		ctx->user_from = EM_USER_OPT;
		ctx->user_checked = 0;
		free(ctx->roster);
		ctx->roster = NULL;
		return 0;
	case OPT_CONTENT:
		ctx->cdirs = em_xreallocarray(ctx->cdirs, ctx->ncdirs + 1,
		    sizeof(*ctx->cdirs));
		ctx->cdirs[ctx->ncdirs++] = em_strdup(arg);
		return 0;
	}
	return EM_EX_USAGE;
}

static void
bad_option(struct em_ctx *ctx, int ch, int argc, char **argv)
{
	const char *arg = optind - 1 < argc ? argv[optind - 1] : "?";

	if (ch == ':')
		em_fail(ctx, EM_EX_USAGE, "option %s needs a value", arg);
	else if (optopt != 0 && optopt < 0x100)
		em_fail(ctx, EM_EX_USAGE, "unknown option -%c", optopt);
	else
		em_fail(ctx, EM_EX_USAGE, "unknown option %s", arg);
}

#define USAGE_WIDTH	80

/* The end of one group of a synopsis: a word, or [ ... ] or ( ... ) whole. */
static const char *
group_end(const char *s)
{
	int	 depth = 0;

	for (; *s != '\0' && (depth > 0 || *s != ' '); s++)
		if (*s == '[' || *s == '(')
			depth++;
		else if ((*s == ']' || *s == ')') && depth > 0)
			depth--;
	return s;
}

/*
 * The groups of a synopsis, after col columns already written on the line,
 * wrapped to USAGE_WIDTH with continuation lines indented by hang. A break
 * falls only between groups, never inside [ ] or ( ), so "[--high text
 * --low text]" stays whole; nor after a bare word such as a command name,
 * which stays with what follows it.
 */
static void
synopsis(FILE *fp, size_t col, size_t hang, const char *s)
{
	const char	*q;
	size_t		 len;

	for (;;) {
		while (*s == ' ')
			s++;
		if (*s == '\0')
			break;
		q = group_end(s);
		if (*s != '[' && *s != '(' && *s != '-' && *q == ' ' && q[1] != '\0')
			q = group_end(q + 1);
		len = (size_t)(q - s);
		if (col > hang && col + 1 + len > USAGE_WIDTH) {
			fprintf(fp, "\n%*s", (int)hang, "");
			col = hang;
		} else if (col > 0) {
			fputc(' ', fp);
			col++;
		}
		fwrite(s, 1, len, fp);
		col += len;
		s = q;
	}
	fputc('\n', fp);
}

/*
 * Print usage: the program's, or the running command's once dispatched,
 * each synopsis wrapped to 80 columns with its continuation lines under its
 * first argument, as in a man page; in the program's, each command's
 * one-line help under it.
 */
int
em_usage(struct em_ctx *ctx, FILE *fp, int ex)
{
	const struct em_subcmd *sc;
	size_t	 hang = strlen("usage: ") + strlen(ctx->prog) + 1;
	char	*line;
	size_t	 len;

	if (hang > USAGE_WIDTH / 2)
		hang = 8;
	fprintf(fp, "usage: %s", ctx->prog);
	if (ctx->cmd != NULL) {
		len = strlen(common_synopsis) + strlen(ctx->cmd->name) +
		    strlen(ctx->cmd->usage) + 3;
		line = em_xcalloc(1, len);
		snprintf(line, len, "%s %s %s", common_synopsis, ctx->cmd->name,
		    ctx->cmd->usage);
		synopsis(fp, hang - 1, hang, line);
		free(line);
		return ex;
	}
	synopsis(fp, hang - 1, hang, common_synopsis_all);
	fputs("commands:\n", fp);
	for (sc = ctx->subcmds; sc != NULL && sc->name != NULL; sc++) {
		fprintf(fp, "  %s", sc->name);
		synopsis(fp, 2 + strlen(sc->name), 3 + strlen(sc->name), sc->usage);
		if (sc->help != NULL)
			em_fput_wrapped(fp, sc->help, USAGE_WIDTH, 4, 0);
	}
	fprintf(fp, "see %s(1) for more\n", ctx->prog);
	return ex;
}

static int
version(struct em_ctx *ctx)
{
	printf("%s %s\n", ctx->prog, EM_VERSION);
	return EM_EX_OK;
}

/*
 * Parse the common options that stand before the command name and leave
 * argc/argv at the command. EM_CONTINUE means go on to em_dispatch.
 */
int
em_common_opts(struct em_ctx *ctx, int *argcp, char ***argvp,
    const struct em_subcmd *subcmds)
{
	int	 ch, ex, argc = *argcp;
	char	**argv = *argvp;
	char	 optstr[sizeof(common_short) + 2];

	ctx->subcmds = subcmds;
	snprintf(optstr, sizeof(optstr), "+:%s", common_short);
	opterr = 0;
	optind = 0;
	while ((ch = getopt_long(argc, argv, optstr, common_long, NULL)) != -1) {
		switch (ch) {
		case 'h':
			return em_usage(ctx, stdout, EM_EX_OK);
		case 'V':
			return version(ctx);
		case '?':
		case ':':
			bad_option(ctx, ch, argc, argv);
			return em_usage(ctx, stderr, EM_EX_USAGE);
		default:
			if ((ex = common_opt(ctx, ch, optarg)) != 0)
				return ex;
		}
	}
	if (optind >= argc)
		return em_usage(ctx, stderr, EM_EX_USAGE);
	*argcp = argc - optind;
	*argvp = argv + optind;
	return EM_CONTINUE;
}

int
em_dispatch(struct em_ctx *ctx, int argc, char **argv)
{
	const struct em_subcmd *sc;
	int	 ex;

	for (sc = ctx->subcmds; sc->name != NULL; sc++)
		if (strcmp(sc->name, argv[0]) == 0)
			break;
	if (sc->name == NULL) {
		em_fail(ctx, EM_EX_USAGE, "unknown command '%s'", argv[0]);
		return em_usage(ctx, stderr, EM_EX_USAGE);
	}
	ctx->cmd = sc;
	optind = 0;
	/* A broken config file is reported whether or not this run needs it. */
	if ((ex = em_cfg_load(ctx)) != 0)
		return ex;
	ex = sc->fn(ctx, argc, argv);
	return ex == EM_DONE ? EM_EX_OK : ex;
}

/*
 * em_getopt's scratch: the option string and table it hands getopt_long,
 * whose own state is the process's too.
 */
static char		 opt_str[96];
static struct option	 opt_long[48];

/*
 * getopt_long over a command's own options merged with the common ones,
 * which are handled here. Returns the command's option, -1 at the end, or
 * 'h', 'V' or '?' for em_optdone.
 */
int
em_getopt(struct em_ctx *ctx, int argc, char **argv, const char *shortopts,
    const struct option *longopts)
{
	size_t	 n = 0, i;
	int	 ch;

	snprintf(opt_str, sizeof(opt_str), ":%s%s", common_short,
	    shortopts);
	for (i = 0; longopts != NULL && longopts[i].name != NULL; i++)
		if (n < sizeof(opt_long) / sizeof(opt_long[0]) - 8)
			opt_long[n++] = longopts[i];
	for (i = 0; common_long[i].name != NULL; i++)
		opt_long[n++] = common_long[i];
	memset(&opt_long[n], 0, sizeof(opt_long[n]));
	opterr = 0;
	for (;;) {
		ch = getopt_long(argc, argv, opt_str, opt_long, NULL);
		switch (ch) {
		case 'd':
		case 'f':
		case 'u':
		case OPT_CONTENT:
			if (common_opt(ctx, ch, optarg) != 0)
				return '!';
			continue;
		case '?':
		case ':':
			bad_option(ctx, ch, argc, argv);
			return '!';
		}
		return ch;
	}
}

/*
 * The end of an option loop on something not the command's own: EM_DONE
 * after help or the version (the command ends, status 0), else a usage
 * error.
 */
int
em_optdone(struct em_ctx *ctx, int ch)
{
	switch (ch) {
	case 'h':
		em_usage(ctx, stdout, EM_EX_OK);
		return EM_DONE;
	case 'V':
		version(ctx);
		return EM_DONE;
	default:
		return em_usage(ctx, stderr, EM_EX_USAGE);
	}
}

/*
 * The options of a command that has none of its own: 0 when there are
 * none; EM_DONE when help or the version was asked for (and printed),
 * which ends the command with status 0; else a usage error.
 */
int
em_no_opts(struct em_ctx *ctx, int argc, char **argv)
{
	static const struct em_opt none[] = { { NULL } };

	return em_opts(ctx, argc, argv, none, NULL);
}

/* No operand after the options: a usage error naming the first one. */
int
em_no_args(struct em_ctx *ctx, int argc, char **argv)
{
	if (optind < argc) {
		em_fail(ctx, EM_EX_USAGE, "unexpected argument '%s'", argv[optind]);
		return em_usage(ctx, stderr, EM_EX_USAGE);
	}
	return 0;
}

/*
 * At most one operand after the options (an id that has a default): *argp
 * is it, or NULL; a second is a usage error naming it.
 */
int
em_maybe_arg(struct em_ctx *ctx, int argc, char **argv, const char **argp)
{
	*argp = NULL;
	if (argc - optind > 1) {
		em_fail(ctx, EM_EX_USAGE, "unexpected argument '%s'",
		    argv[optind + 1]);
		return em_usage(ctx, stderr, EM_EX_USAGE);
	}
	if (optind < argc)
		*argp = argv[optind];
	return 0;
}

/* Exactly one operand after the options, such as an id. */
int
em_one_arg(struct em_ctx *ctx, int argc, char **argv, const char *what,
    const char **argp)
{
	if (argc - optind != 1) {
		em_fail(ctx, EM_EX_USAGE, "give one %s", what);
		return em_usage(ctx, stderr, EM_EX_USAGE);
	}
	*argp = argv[optind];
	return 0;
}

/* The roster: the partners' names as stored, in the order they joined. */
#define MAXNAMES	8

static int
stored_names(struct em_ctx *ctx, char **names, size_t *np)
{
	/* The roster (schema 7): names in the order they joined. */
	sqlite3_stmt	*st;
	size_t		 n = 0, j;
	int		 ex, rc;

	if ((ex = em_db_prepare(ctx, &st, "SELECT name FROM partner ORDER BY created, name")) != 0)
		goto fail;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW && n < MAXNAMES)
		names[n++] = em_strdup((const char *)sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
		ex = em_db_err(ctx, rc, "reading the roster");
		goto fail;
	}
	*np = n;
	return 0;
fail:
	for (j = 0; j < n; j++)
		free(names[j]);
	*np = 0;
	return ex;
}

/*
 * Compare the acting name with the people in the database. The spelling
 * stored first wins ("Sara" acts as "sara"). When two people already wrote
 * and this name is neither, it is a stranger: a login name (root) or a typo
 * must not become a third partner. A stranger cannot write (em_db_begin
 * refuses, with ctx->roster); a login name nobody chose cannot even read,
 * as what it would see is no partner's view, nor become the second partner
 * beside one who already wrote. A name given on purpose (-u, EMPATHY_USER,
 * user: in the config) may look.
 */
static int
check_roster(struct em_ctx *ctx)
{
	char	*names[MAXNAMES], list[512], *tmp;
	size_t	 n, i, len;
	int	 ex = 0;

	if ((ex = stored_names(ctx, names, &n)) != 0)
		return ex;
	for (i = 0; i < n; i++)
		if (strcasecmp(names[i], ctx->user) == 0)
			break;
	if (i < n) {
		if (strcmp(names[i], ctx->user) != 0) {
			free(ctx->user);
			ctx->user = em_strdup(names[i]);
		}
	} else if (n == 1 && ctx->user_from == EM_USER_LOGIN) {
		/*
		 * A login name nobody chose would silently become the second
		 * partner, and the real one a stranger: ask for a name.
		 */
		ex = em_err(ctx, EM_EX_CONFIG, "who is writing? %s has %s's words, "
		    "and nothing says who you are (the login name %s is not taken "
		    "as a partner's); set EMPATHY_USER or put 'user: NAME' in "
		    "~/.config/empathy/config.yaml once, or use -u NAME", ctx->dbpath,
		    names[0], ctx->user);
	} else if (n >= 2) {
		for (i = 1; i < n; i++)		/* in order, for a steady message */
			for (len = i; len > 0 &&
			    strcasecmp(names[len - 1], names[len]) > 0; len--) {
				tmp = names[len];
				names[len] = names[len - 1];
				names[len - 1] = tmp;
			}
		list[0] = '\0';
		for (i = 0; i < n; i++) {
			len = strlen(list);
			snprintf(list + len, sizeof(list) - len, "%s%s", i == 0 ? "" :
			    i + 1 == n ? " and " : ", ", names[i]);
		}
		free(ctx->roster);
		ctx->roster = em_strdup(list);
		if (ctx->user_from == EM_USER_LOGIN)
			ex = em_stranger(ctx);
	}
	for (i = 0; i < n; i++)
		free(names[i]);
	return ex;
}

/*
 * The refusal of a name that is not one of the partners: 64 when it was
 * given with -u, else 78 (EMPATHY_USER, the config, the login name).
 */
int
em_stranger(struct em_ctx *ctx)
{
	return em_err(ctx, ctx->user_from == EM_USER_OPT ? EM_EX_USAGE :
	    EM_EX_CONFIG, "%s is not a partner here: %s already has %s; to act "
	    "as one of them, set EMPATHY_USER or put 'user: NAME' in "
	    "~/.config/empathy/config.yaml once", ctx->user, ctx->dbpath,
	    ctx->roster);
}

/*
 * Who is acting: -u, then $EMPATHY_USER, then the config, then the login
 * name; then checked against the database (check_roster), which is opened
 * for that: this is the one place every program learns who is acting.
 */
int
em_ctx_user(struct em_ctx *ctx, const char **userp)
{
	const char	*s;
	struct passwd	*pw;
	int		 ex;

	*userp = NULL;
	if (ctx->user == NULL && (s = getenv("EMPATHY_USER")) != NULL && *s != '\0') {
		if (!em_name_valid(s))
			return em_err(ctx, EM_EX_USAGE,
			    "EMPATHY_USER is not a usable name (" EM_NAME_RULE
			    ")");
		ctx->user = em_strdup(s);
		ctx->user_from = EM_USER_ENV;
	}
	if (ctx->user == NULL) {
		if ((ex = em_cfg_load(ctx)) != 0)
			return ex;
		if (ctx->cfg_user != NULL) {
			ctx->user = em_strdup(ctx->cfg_user);
			ctx->user_from = EM_USER_CFG;
		}
	}
	if (ctx->user == NULL) {
		if ((pw = getpwuid(geteuid())) != NULL && em_name_valid(pw->pw_name))
			ctx->user = em_strdup(pw->pw_name);
		else if ((s = getenv("LOGNAME")) != NULL && em_name_valid(s))
			ctx->user = em_strdup(s);
		else
			return em_err(ctx, EM_EX_USAGE,
			    "who are you? give --user NAME or set EMPATHY_USER");
		ctx->user_from = EM_USER_LOGIN;
	}
	if (!ctx->user_checked) {
		if ((ex = em_db_open(ctx, EM_DB_READ)) != 0 ||
		    (ex = check_roster(ctx)) != 0)
			return ex;
		ctx->user_checked = 1;
	}
	*userp = ctx->user;
	return 0;
}

/* Whether what the command writes is read by a person: text on a terminal. */
int
em_ctx_seen(const struct em_ctx *ctx)
{
	return ctx->fmt == EM_FMT_TEXT && isatty(STDOUT_FILENO);
}

/* Colour only on a terminal, never with NO_COLOR, TERM=dumb or color: false. */
int
em_ctx_color(struct em_ctx *ctx)
{
	const char *s;

	if (ctx->color != -1)
		return ctx->color;
	ctx->color = 0;
	if (!em_ctx_seen(ctx))
		return 0;
	if ((s = getenv("NO_COLOR")) != NULL && *s != '\0')
		return 0;
	if ((s = getenv("TERM")) != NULL && strcmp(s, "dumb") == 0)
		return 0;
	if (em_cfg_load(ctx) != 0 || ctx->cfg_color == 0)
		return 0;
	ctx->color = 1;
	return 1;
}

/*
 * The content of the kinds asked for (EM_KIND bits), loaded on first use
 * only: most commands never need it, and the rest need a kind or two.
 */
int
em_ctx_content(struct em_ctx *ctx, unsigned kinds, const struct em_content **cp)
{
	char	**dirs;
	size_t	  n;
	int	  ex;

	*cp = NULL;
	if (ctx->content == NULL ||
	    (kinds & ~em_content_kinds(ctx->content)) != 0) {
		if ((ex = em_content_path(ctx, &dirs, &n)) != 0)
			return ex;
		ex = em_content_load(ctx, dirs, n, kinds, &ctx->content);
		em_strv_free(dirs, n);
		if (ex != 0)
			return ex;
	}
	*cp = ctx->content;
	return 0;
}

/*
 * Words typed at a terminal (em_ask_line with EM_ASK_KEEP, em_editor_text) are remembered
 * until a write commits (em_db_commit). A run that ends with a failure
 * (a busy or full database, a refusal after reading: 65, 66, 73, 74, 75,
 * 78) keeps them in a private file, so that nothing a person typed is lost.
 * Status 1 and 64 are a cancel, a "no" or a usage error: the person chose. Text from a pipe or the
 * command line is not remembered: whoever gave it still has it.
 */
void
em_words_remember(struct em_ctx *ctx, const char *s)
{
	if (s == NULL || *s == '\0')
		return;
	ctx->words = em_xreallocarray(ctx->words, ctx->nwords + 1,
	    sizeof(*ctx->words));
	ctx->words[ctx->nwords++] = em_strdup(s);
}

void
em_words_forget(struct em_ctx *ctx)
{
	size_t	 i;

	for (i = 0; i < ctx->nwords; i++) {
		explicit_bzero(ctx->words[i], strlen(ctx->words[i]));
		free(ctx->words[i]);
	}
	free(ctx->words);
	ctx->words = NULL;
	ctx->nwords = 0;
}

/* mkdir -p with mode 0700 for what is missing. */
static int
private_dirs(struct em_ctx *ctx, const char *dir)
{
	char	*p = em_strdup(dir), *s;
	int	 ex = 0;

	for (s = p + 1; ex == 0; s++) {
		s = strchr(s, '/');
		if (s != NULL)
			*s = '\0';
		if (mkdir(p, 0700) == -1 && errno != EEXIST)
			ex = em_errno(ctx, EM_EX_CANTCREAT, "cannot create %s", p);
		if (s == NULL)
			break;
		*s = '/';
	}
	free(p);
	return ex;
}

/*
 * Write texts to a new private file (0600) in $XDG_DATA_HOME/empathy/kept/
 * (0700), one after another with a blank line between. On success *pathp
 * is the file's name, for the caller to free.
 */
int
em_words_keep(struct em_ctx *ctx, const char *const *texts, size_t n,
    char **pathp)
{
	struct stat	 st;
	char		*dir, *path, stamp[32];
	size_t		 len, i;
	time_t		 now = time(NULL);
	FILE		*fp;
	int		 fd, ex;

	*pathp = NULL;
	dir = em_xdg_path("XDG_DATA_HOME", ".local/share", "empathy/kept");
	if ((ex = private_dirs(ctx, dir)) != 0) {
		free(dir);
		return ex;
	}
	if (lstat(dir, &st) != 0 || !S_ISDIR(st.st_mode) ||
	    st.st_uid != geteuid() || (st.st_mode & 077)) {
		ex = em_err(ctx, EM_EX_CANTCREAT, "%s is not a private directory",
		    dir);
		free(dir);
		return ex;
	}
	strftime(stamp, sizeof(stamp), "%Y%m%d-%H%M%S", localtime(&now));
	len = strlen(dir) + strlen(ctx->prog) + strlen(stamp) + 32;
	path = em_xcalloc(1, len);
	snprintf(path, len, "%s/%s-%s-XXXXXX.txt", dir, ctx->prog, stamp);
	free(dir);
	if ((fd = mkstemps(path, 4)) == -1) {
		ex = em_errno(ctx, EM_EX_CANTCREAT, "cannot create %s", path);
		free(path);
		return ex;
	}
	(void)fchmod(fd, 0600);
	if ((fp = fdopen(fd, "w")) == NULL) {
		close(fd);
		ex = em_errno(ctx, EM_EX_IOERR, "%s", path);
		goto fail;
	}
	for (i = 0; i < n; i++)
		fprintf(fp, "%s%s\n", i > 0 ? "\n" : "", texts[i]);
	if (fflush(fp) != 0 || ferror(fp) || fsync(fileno(fp)) != 0) {
		ex = em_errno(ctx, EM_EX_IOERR, "%s", path);
		fclose(fp);
		goto fail;
	}
	if (fclose(fp) != 0) {
		ex = em_errno(ctx, EM_EX_IOERR, "%s", path);
		goto fail;
	}
	*pathp = path;
	return 0;
fail:
	unlink(path);
	free(path);
	return ex;
}

/* The end of a failed run: keep what was typed, and say where. */
static void
words_kept(struct em_ctx *ctx)
{
	char	*path;
	size_t	 i;

	fflush(stdout);
	if (em_words_keep(ctx, (const char *const *)ctx->words, ctx->nwords,
	    &path) == 0) {
		fprintf(stderr, "%s: your words are kept in %s\n", ctx->prog, path);
		/* One text can go back in on standard input as it is. */
		if (ctx->cmd != NULL && ctx->nwords == 1)
			fprintf(stderr, "%s: to store them later: %s %s ... < %s\n",
			    ctx->prog, ctx->prog, ctx->cmd->name, path);
		free(path);
		return;
	}
	/* Nowhere to keep them (a full disk): show them, to copy by hand. */
	fprintf(stderr, "%s: your words could not be kept: %s\n", ctx->prog,
	    em_errmsg(ctx));
	em_err_clear(ctx);
	if (!isatty(STDERR_FILENO))
		return;
	fprintf(stderr, "%s: here they are, to copy:\n", ctx->prog);
	for (i = 0; i < ctx->nwords; i++) {
		em_put_text(stderr, ctx->words[i]);
		fputc('\n', stderr);
	}
}

/* Close everything, then make sure stdout really got the data. */
int
em_ctx_finish(struct em_ctx *ctx, int ex)
{
	size_t	 i;

	em_report(ctx, ex);
	if (ex != EM_EX_OK && ex != EM_EX_NO && ex != EM_EX_USAGE &&
	    ctx->nwords > 0)
		words_kept(ctx);
	em_words_forget(ctx);
	em_db_close(ctx);
	em_content_free(ctx->content);
	for (i = 0; i < ctx->ncdirs; i++)
		free(ctx->cdirs[i]);
	free(ctx->cdirs);
	free(ctx->user);
	free(ctx->roster);
	free(ctx->dbpath);
	free(ctx->cfg_user);
	free(ctx->cfg_db);
	errno = 0;
	if (fflush(stdout) != 0 || ferror(stdout) || fclose(stdout) != 0) {
		/* A reader that went away (| head -1) is not worth a message. */
		if (errno != EPIPE)
			fprintf(stderr, "%s: writing output: %s\n", ctx->prog,
			    errno ? strerror(errno) : "error");
		if (ex == EM_EX_OK || ex == EM_EX_NO)
			ex = EM_EX_IOERR;
	}
	return ex;
}
