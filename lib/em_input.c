/* em_input.c: private text in: from the arguments, stdin, a prompt or the editor. */
#include <sys/stat.h>
#include <sys/wait.h>

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "em_int.h"

/* Read a stream whole, refusing more than max bytes. The buffer ends in NUL. */
int
em_read_all(struct em_ctx *ctx, FILE *fp, const char *what, size_t max,
    char **bufp, size_t *lenp)
{
	char	*buf = NULL;
	size_t	 len = 0, cap = 0, r;

	*bufp = NULL;
	*lenp = 0;
	for (;;) {
		if (cap - len < 4096) {
			cap = cap ? cap * 2 : 8192;
			buf = em_xreallocarray(buf, cap, 1);
		}
		r = fread(buf + len, 1, cap - len - 1, fp);
		len += r;
		if (len > max) {
			free(buf);
			return em_err(ctx, EM_EX_DATAERR, "%s is longer than %zu KiB",
			    what, max / 1024);
		}
		if (r == 0)
			break;
	}
	if (ferror(fp)) {
		free(buf);
		/* A closed stdin (cmd <&-) is no input at all, as from cron. */
		if (errno == EBADF)
			return em_err(ctx, EM_EX_USAGE, "no %s: standard input is closed",
			    strncmp(what, "the ", 4) == 0 ? what + 4 : what);
		return em_errno(ctx, EM_EX_IOERR, "reading %s", what);
	}
	buf[len] = '\0';
	*bufp = buf;
	*lenp = len;
	return 0;
}

/* All of standard input as one checked, trimmed text. */
int
em_read_stdin_text(struct em_ctx *ctx, const char *what, char **out)
{
	char	*buf;
	size_t	 len;
	int	 ex;

	*out = NULL;
	/* A little room for white space around text of the largest size. */
	if ((ex = em_read_all(ctx, stdin, what, EM_TEXT_MAX + 4096, &buf, &len)) != 0)
		return ex == EM_EX_DATAERR ? em_err(ctx, ex, "%s is longer than %d KiB",
		    what, EM_TEXT_MAX / 1024) : ex;
	if (len == 0) {
		free(buf);
		return em_err(ctx, EM_EX_USAGE, "no %s on standard input",
		    strncmp(what, "the ", 4) == 0 ? what + 4 : what);
	}
	if ((ex = em_text_bytes(ctx, what, buf, len)) == 0) {
		em_text_trim(buf);
		ex = em_text_check(ctx, what, buf, strlen(buf));
	}
	if (ex != 0) {
		free(buf);
		return ex;
	}
	*out = buf;
	return 0;
}

int
em_isatty_in(void)
{
	return isatty(STDIN_FILENO);
}

static volatile sig_atomic_t got_signal;

static void
note_signal(int sig)
{
	got_signal = sig;
}

/* Run $VISUAL or $EDITOR on path, with our own signals held off meanwhile. */
static int
run_editor(struct em_ctx *ctx, const char *path, int *failed)
{
	struct sigaction sa, oint, oquit, oterm, ohup;
	const char	*ed;
	char		*cmd;
	pid_t		 pid;
	int		 st, ex = 0;

	if ((ed = getenv("VISUAL")) == NULL || *ed == '\0')
		if ((ed = getenv("EDITOR")) == NULL || *ed == '\0')
			ed = "vi";
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = note_signal;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGINT, &sa, &oint);
	sigaction(SIGQUIT, &sa, &oquit);
	sigaction(SIGTERM, &sa, &oterm);
	sigaction(SIGHUP, &sa, &ohup);	/* a closed terminal or a dropped ssh */
	got_signal = 0;
	*failed = 0;
	fflush(NULL);
	if ((pid = fork()) == -1) {
		ex = em_errno(ctx, EM_EX_IOERR, "cannot start the editor");
	} else if (pid == 0) {
		sigaction(SIGINT, &oint, NULL);
		sigaction(SIGQUIT, &oquit, NULL);
		sigaction(SIGTERM, &oterm, NULL);
		sigaction(SIGHUP, &ohup, NULL);
		/*
		 * As git does: the editor is shell words, so that a path
		 * with a space can be quoted ('"/opt/my editor/ed" -w').
		 */
		if (asprintf(&cmd, "%s \"$@\"", ed) == -1)
			_exit(127);
		execl("/bin/sh", "sh", "-c", cmd, "editor", path, (char *)NULL);
		_exit(127);
	} else {
		while (waitpid(pid, &st, 0) == -1 && errno == EINTR)
			;
		if (got_signal)
			ex = em_err(ctx, EM_EX_USAGE, "interrupted; nothing stored");
		else if (!WIFEXITED(st) || WEXITSTATUS(st) != 0) {
			ex = em_err(ctx, EM_EX_USAGE, "the editor (%s) failed; nothing "
			    "stored", ed);
			*failed = 1;
		}
	}
	sigaction(SIGINT, &oint, NULL);
	sigaction(SIGQUIT, &oquit, NULL);
	sigaction(SIGTERM, &oterm, NULL);
	sigaction(SIGHUP, &ohup, NULL);
	return ex;
}

/* Drop lines that start with '#': the template's guidance. */
static void
strip_comments(char *s)
{
	char	*r = s, *w = s, *nl;

	while (*r != '\0') {
		nl = strchr(r, '\n');
		if (*r == '#') {
			r = nl ? nl + 1 : r + strlen(r);
			continue;
		}
		if (nl == NULL) {
			memmove(w, r, strlen(r) + 1);
			return;
		}
		memmove(w, r, (size_t)(nl - r + 1));
		w += nl - r + 1;
		r = nl + 1;
	}
	*w = '\0';
}

/*
 * Remove the private directory and all that is in it: the editor may leave
 * backup and swap files (entry.txt~, .entry.txt.swp, 4913) beside ours.
 */
static void
remove_dir(const char *dir)
{
	DIR		*d;
	struct dirent	*de;
	char		 f[4400];

	if ((d = opendir(dir)) != NULL) {
		while ((de = readdir(d)) != NULL) {
			if (strcmp(de->d_name, ".") == 0 ||
			    strcmp(de->d_name, "..") == 0)
				continue;
			snprintf(f, sizeof(f), "%s/%s", dir, de->d_name);
			if (unlink(f) == -1)
				(void)rmdir(f);	/* an empty directory */
		}
		closedir(d);
	}
	(void)rmdir(dir);
}

/* The edited text, comments dropped and trimmed; NULL if unreadable. */
static char *
edited_text(struct em_ctx *ctx, const char *path, const char *what, int *exp)
{
	FILE	*fp;
	char	*buf;
	size_t	 len;
	int	 ex;

	if ((fp = fopen(path, "r")) == NULL) {
		*exp = em_errno(ctx, EM_EX_IOERR, "%s", path);
		return NULL;
	}
	ex = em_read_all(ctx, fp, what, EM_TEXT_MAX + 64 * 1024, &buf, &len);
	fclose(fp);
	if (ex != 0) {
		*exp = ex;
		return NULL;
	}
	if (memchr(buf, '\0', len) != NULL) {
		free(buf);
		*exp = em_err(ctx, EM_EX_DATAERR, "%s contains a NUL byte", what);
		return NULL;
	}
	strip_comments(buf);
	em_text_trim(buf);
	*exp = 0;
	return buf;
}

/*
 * The editor failed (vim :cq): whatever was saved in the file that is not
 * the template is the person's, and is kept, as git keeps COMMIT_EDITMSG.
 * Returns whether the directory may be removed.
 */
static int
keep_edited(struct em_ctx *ctx, const char *path, const char *what,
    const char *template, int ex)
{
	char	 why[sizeof(ctx->errmsg)], *buf, *tmpl, *kept;
	int	 rex, same;

	snprintf(why, sizeof(why), "%s", em_errmsg(ctx));
	if ((buf = edited_text(ctx, path, what, &rex)) == NULL) {
		em_err(ctx, ex, "%s", why);
		return 1;
	}
	tmpl = em_strdup(template != NULL ? template : "");
	strip_comments(tmpl);
	em_text_trim(tmpl);
	same = *buf == '\0' || strcmp(buf, tmpl) == 0;
	free(tmpl);
	if (same) {
		free(buf);
		em_err(ctx, ex, "%s", why);
		return 1;
	}
	rex = em_words_keep(ctx, (const char *const *)&buf, 1, &kept);
	explicit_bzero(buf, strlen(buf));
	free(buf);
	if (rex != 0) {
		/* Nowhere to keep it: leave the editor's own file alone. */
		em_err(ctx, ex, "%s; what you wrote is still in %s", why, path);
		return 0;
	}
	em_err(ctx, ex, "%s; what you wrote is kept in %s (to store it: %s %s "
	    "... < %s)", why, kept, ctx->prog, ctx->cmd != NULL ?
	    ctx->cmd->name : "add", kept);
	free(kept);
	return 1;
}

/*
 * Edit text in $VISUAL/$EDITOR in a private directory that is removed
 * afterwards with all that is in it. An empty result is EM_EX_NO:
 * cancelled. An editor that fails (64) leaves its text kept (keep_edited);
 * so does a signal while it runs, after which the program ends by it.
 */
int
em_editor_text(struct em_ctx *ctx, const char *what, const char *template, char **out)
{
	const char	*base;
	char		 dir[4096], path[4200], *buf = NULL;
	int		 fd, ex, failed, rm = 1;

	*out = NULL;
	if ((base = getenv("XDG_RUNTIME_DIR")) == NULL || *base != '/')
		if ((base = getenv("TMPDIR")) == NULL || *base != '/')
			base = "/tmp";
	snprintf(dir, sizeof(dir), "%s/empathy.XXXXXX", base);
	if (mkdtemp(dir) == NULL)
		return em_errno(ctx, EM_EX_CANTCREAT, "%s", dir);
	snprintf(path, sizeof(path), "%s/%s.txt", dir, what[0] ? "entry" : "text");
	if ((fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC,
	    0600)) == -1) {
		ex = em_errno(ctx, EM_EX_CANTCREAT, "%s", path);
		rmdir(dir);
		return ex;
	}
	if (template != NULL && write(fd, template, strlen(template)) !=
	    (ssize_t)strlen(template)) {
		ex = em_errno(ctx, EM_EX_IOERR, "%s", path);
		close(fd);
		goto out;
	}
	close(fd);
	if ((ex = run_editor(ctx, path, &failed)) != 0) {
		if (failed || got_signal)
			rm = keep_edited(ctx, path, what, template, ex);
		if (got_signal) {
			/*
			 * Ctrl-C (or a hang-up) while editing: say so and what
			 * was kept, leave nothing behind, and end by that signal
			 * as the person asked; nothing was opened for writing yet.
			 */
			if (rm)
				remove_dir(dir);
			em_report(ctx, ex);
			signal(got_signal, SIG_DFL);
			raise(got_signal);
		}
		goto out;
	}
	if ((buf = edited_text(ctx, path, what, &ex)) == NULL)
		goto out;
	if (*buf == '\0') {
		ex = em_err(ctx, EM_EX_NO, "%s is empty: nothing stored", what);
		goto out;
	}
	if ((ex = em_text_check(ctx, what, buf, strlen(buf))) != 0)
		goto out;
	/* Typed by a person: kept if the run fails before it is stored. */
	em_words_remember(ctx, buf);
	*out = buf;
	buf = NULL;
out:
	free(buf);
	if (rm)
		remove_dir(dir);
	return ex;
}

/*
 * Private text for a command: its arguments joined by spaces if it has any,
 * else standard input when that is not a terminal, else on a terminal a
 * one-line prompt (when prompt is given) or the editor with tmpl.
 */
int
em_input_text(struct em_ctx *ctx, int argc, char **argv, const char *what,
    const char *tmpl, const char *prompt, char **out)
{
	size_t	 len = 1;
	char	*s;
	int	 i, ex;

	*out = NULL;
	if (argc > 0) {
		for (i = 0; i < argc; i++)
			len += strlen(argv[i]) + 1;
		s = em_xcalloc(1, len);
		for (i = 0; i < argc; i++) {
			if (i > 0)
				strcat(s, " ");
			strcat(s, argv[i]);
		}
		em_text_trim(s);
		if ((ex = em_text_check(ctx, what, s, strlen(s))) != 0) {
			free(s);
			return ex;
		}
		*out = s;
		return 0;
	}
	if (!em_isatty_in())
		return em_read_stdin_text(ctx, what, out);
	if (prompt != NULL)
		return em_ask_line(ctx, prompt, EM_ASK_KEEP, out);
	return em_editor_text(ctx, what, tmpl, out);
}
