/* em_err.c: diagnostics; lib records the reason, cmd/ decides what reaches stderr. */
#include <sys/resource.h>

#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "em_int.h"

static void
vset(struct em_ctx *ctx, int with_errno, const char *fmt, va_list ap)
{
	int	 saved = errno;
	size_t	 len;

	vsnprintf(ctx->errmsg, sizeof(ctx->errmsg), fmt, ap);
	len = strlen(ctx->errmsg);
	if (with_errno && len < sizeof(ctx->errmsg))
		snprintf(ctx->errmsg + len, sizeof(ctx->errmsg) - len, ": %s",
		    strerror(saved));
}

/* Record why something failed and hand back the status it deserves. */
int
em_err(struct em_ctx *ctx, int ex, const char *fmt, ...)
{
	va_list	 ap;

	va_start(ap, fmt);
	vset(ctx, 0, fmt, ap);
	va_end(ap);
	return ex;
}

/* As em_err, with errno's text appended. */
int
em_errno(struct em_ctx *ctx, int ex, const char *fmt, ...)
{
	va_list	 ap;

	va_start(ap, fmt);
	vset(ctx, 1, fmt, ap);
	va_end(ap);
	return ex;
}

const char *
em_errmsg(const struct em_ctx *ctx)
{
	return ctx->errmsg;
}

/*
 * Every diagnostic reaches stderr here, through the safe writer: a message
 * quotes names, keys, values and content as they came, and none of it may
 * reach the terminal as a control sequence, nor turn the rest of the
 * sentence around (see em_put_msg).
 */
static void
diag(const struct em_ctx *ctx, const char *label, const char *msg)
{
	char	*all, *w, *end, c;
	size_t	 indent = strlen(ctx->prog) + 2, col, ww;

	fflush(stdout);
	fputs(ctx->prog, stderr);
	fputs(": ", stderr);
	/*
	 * A person at a terminal reads it within 80 columns, continued under
	 * its first word; a log or a pipe gets the one line grep expects.
	 */
	if (!isatty(STDERR_FILENO) || indent + em_text_width(label) +
	    em_text_width(msg) <= EM_WRAP_COLS || indent + 20 > EM_WRAP_COLS) {
		fputs(label, stderr);
		em_put_msg(stderr, msg);
		fputc('\n', stderr);
		return;
	}
	if (asprintf(&all, "%s%s", label, msg) == -1) {
		em_put_msg(stderr, msg);
		fputc('\n', stderr);
		return;
	}
	/* Break at spaces only: a path or a command stays whole to copy. */
	col = indent;
	for (w = all; *w != '\0'; w = end + (*end == ' ')) {
		if ((end = strchr(w, ' ')) == NULL)
			end = w + strlen(w);
		c = *end;
		*end = '\0';
		ww = em_text_width(w);
		if (col > indent && col + 1 + ww > EM_WRAP_COLS) {
			fprintf(stderr, "\n%*s", (int)indent, "");
			col = indent;
		} else if (col > indent) {
			fputc(' ', stderr);
			col++;
		}
		em_put_msg(stderr, w);
		col += ww;
		*end = c;
	}
	fputc('\n', stderr);
	free(all);
}

/*
 * Forget a recorded reason that no longer holds, such as a failure that was
 * worked round: a later status 1 ("nothing found") must not print it.
 */
void
em_err_clear(struct em_ctx *ctx)
{
	ctx->errmsg[0] = '\0';
}

/*
 * Print the recorded reason for a failing status; pass the status through.
 * A plain "no" (status 1) is silent unless a reason was recorded for it.
 */
int
em_report(struct em_ctx *ctx, int ex)
{
	if (ex != EM_EX_OK && ctx->errmsg[0] != '\0') {
		diag(ctx, "", ctx->errmsg);
		ctx->errmsg[0] = '\0';
	}
	return ex;
}

/* Record and print at once: for cmd/. */
int
em_fail(struct em_ctx *ctx, int ex, const char *fmt, ...)
{
	va_list	 ap;

	va_start(ap, fmt);
	vset(ctx, 0, fmt, ap);
	va_end(ap);
	diag(ctx, "", ctx->errmsg);
	ctx->errmsg[0] = '\0';
	return ex;
}

/* A warning that does not change the outcome (an unknown key, a loose mode). */
void
em_warn(const struct em_ctx *ctx, const char *fmt, ...)
{
	va_list	 ap;
	char	 msg[sizeof(ctx->errmsg)];

	if (ctx->quiet)
		return;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	diag(ctx, "warning: ", msg);
}

/*
 * A line on stderr that is neither a failure nor a warning ("no check-ins
 * this week", "ask instead: ..."), through the safe writer like every
 * diagnostic: for cmd/, instead of fprintf(stderr, "%s: ...", ctx->prog, ...).
 */
void
em_note(const struct em_ctx *ctx, const char *fmt, ...)
{
	va_list	 ap;
	char	 msg[sizeof(ctx->errmsg)];

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	diag(ctx, "", msg);
}

/*
 * A note for a person reading text ("no results yet; take one with ..."):
 * tsv and JSON stay quiet, and their empty output and exit status say it.
 */
void
em_hint(const struct em_ctx *ctx, const char *fmt, ...)
{
	va_list	 ap;
	char	 msg[sizeof(ctx->errmsg)];

	if (ctx->fmt != EM_FMT_TEXT)
		return;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	diag(ctx, "", msg);
}

/*
 * A note that may run long (a refusal quoting the person's words), wrapped
 * to 80 columns wherever it goes, continued under its first word, whole.
 */
void
em_note_wrapped(const struct em_ctx *ctx, const char *fmt, ...)
{
	va_list	 ap;
	char	*msg;
	int	 n;

	va_start(ap, fmt);
	n = vasprintf(&msg, fmt, ap);
	va_end(ap);
	if (n == -1)
		em_oom();
	else {
		fflush(stdout);
		fputs(ctx->prog, stderr);
		fputs(": ", stderr);
		em_fput_wrapped(stderr, msg, EM_WRAP_COLS, (int)strlen(ctx->prog) +
		    2, 1);
		free(msg);
	}
}
