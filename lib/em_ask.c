/* em_ask.c: asking at the terminal: a line, a secret, one key, yes or no. */
#include <errno.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <termios.h>
#include <unistd.h>

#include "em_int.h"

/*
 * Ask for one line on the terminal. EOF (Ctrl-D) is "cancelled" (EM_EX_NO,
 * nothing handed over). An empty line is handed over as "" when flags has
 * EM_ASK_EMPTY; otherwise the question is asked again, saying how to stop.
 * With EM_ASK_KEEP the line is the person's words, remembered until they are
 * stored (em_words_remember). On success *out is the trimmed, checked line,
 * which the caller frees. The prompt may quote a name: it goes out safely.
 */
int
em_ask_line(struct em_ctx *ctx, const char *prompt, int flags, char **out)
{
	char	*line = NULL;
	size_t	 cap = 0;
	ssize_t	 len;
	int	 ex;

	*out = NULL;
	for (;;) {
		fflush(stdout);
		em_put_text(stderr, prompt);
		fflush(stderr);
		if ((len = getline(&line, &cap, stdin)) == -1) {
			free(line);
			fputc('\n', stderr);
			if (ferror(stdin) && errno != 0 && errno != EBADF)
				return em_errno(ctx, EM_EX_IOERR, "reading the "
				    "terminal");
			return em_err(ctx, EM_EX_NO, "cancelled; nothing was stored");
		}
		if ((ex = em_text_bytes(ctx, "the answer", line, (size_t)len)) != 0) {
			free(line);
			return ex;
		}
		em_text_trim(line);
		if (*line != '\0' || (flags & EM_ASK_EMPTY))
			break;
		fputs("(an answer is needed here; Ctrl-D cancels)\n", stderr);
	}
	if (*line != '\0' &&
	    (ex = em_text_check(ctx, "the answer", line, strlen(line))) != 0) {
		free(line);
		return ex;
	}
	if (flags & EM_ASK_KEEP)
		em_words_remember(ctx, line);
	*out = line;
	return 0;
}

/*
 * Ask for one key out of keys (lower case letters), read in raw mode so
 * that no Enter is needed; upper case counts as lower. Other keys are
 * ignored. Ctrl-D or EOF, even typed ahead, is "cancelled" (EM_EX_NO);
 * Ctrl-C puts the terminal back and dies by SIGINT, as at any other prompt.
 */
int
em_ask_key(struct em_ctx *ctx, const char *prompt, const char *keys, int *key)
{
	struct termios	 old, raw;
	unsigned char	 c;
	ssize_t		 r;
	int		 tty, ex = 0;

	*key = 0;
	/* Raw before the prompt shows, so that a key typed at once counts. */
	tty = tcgetattr(STDIN_FILENO, &old) == 0;
	if (tty) {
		raw = old;
		raw.c_lflag &= ~(ICANON | ECHO | ISIG);
		raw.c_cc[VMIN] = 1;
		raw.c_cc[VTIME] = 0;
		tcsetattr(STDIN_FILENO, TCSANOW, &raw);
	}
	fflush(stdout);
	fputs(prompt, stderr);
	fflush(stderr);
	for (;;) {
		if ((r = read(STDIN_FILENO, &c, 1)) == -1 && errno == EINTR)
			continue;
		/*
		 * An end of file typed before the switch to raw mode is
		 * left in the input as a NUL byte (Linux): the same as
		 * Ctrl-D typed now.
		 */
		if (r != 1 || c == 0x04 || c == '\0') {
			if (r == -1)
				ex = em_errno(ctx, EM_EX_IOERR, "reading the terminal");
			else
				ex = em_err(ctx, EM_EX_NO, "cancelled; nothing was "
				    "stored");
			break;
		}
		if (c == 0x03) {
			if (tty)
				tcsetattr(STDIN_FILENO, TCSANOW, &old);
			fputc('\n', stderr);
			signal(SIGINT, SIG_DFL);
			raise(SIGINT);
			_exit(130);
		}
		if (c >= 'A' && c <= 'Z')
			c += 'a' - 'A';
		if (strchr(keys, c) != NULL) {
			*key = c;
			break;
		}
	}
	if (tty)
		tcsetattr(STDIN_FILENO, TCSANOW, &old);
	if (*key != 0)
		fprintf(stderr, "%c\n", *key);
	else
		fputc('\n', stderr);
	return ex;
}

/* The terminal before em_ask_secret turned echo off: a signal puts it back. */
static struct termios	 saved_tio;
static volatile sig_atomic_t tio_saved;

static void
restore_tty(int sig)
{
	if (tio_saved)
		tcsetattr(STDIN_FILENO, TCSAFLUSH, &saved_tio);
	signal(sig, SIG_DFL);
	raise(sig);
}

/*
 * A secret (a pairing code, a passphrase): from the terminal without echo,
 * else one line of stdin. EOF is "cancelled" (EM_EX_NO). A signal while
 * echo is off puts the terminal back before it ends the program.
 */
int
em_ask_secret(struct em_ctx *ctx, const char *prompt, char **out)
{
	static const int sigs[] = { SIGINT, SIGTERM, SIGHUP, SIGQUIT };
	struct sigaction sa, old[4];
	struct termios	 t;
	char		*line = NULL;
	size_t		 cap = 0, i;
	ssize_t		 len;
	int		 tty = isatty(STDIN_FILENO), ex;

	*out = NULL;
	if (tty) {
		fflush(stdout);
		fputs(prompt, stderr);
		fflush(stderr);
		if (tcgetattr(STDIN_FILENO, &saved_tio) == 0) {
			memset(&sa, 0, sizeof(sa));
			sa.sa_handler = restore_tty;
			sigemptyset(&sa.sa_mask);
			for (i = 0; i < 4; i++)
				sigaction(sigs[i], &sa, &old[i]);
			tio_saved = 1;
			t = saved_tio;
			t.c_lflag &= ~(tcflag_t)(ECHO | ECHOE | ECHOK);
			t.c_lflag |= ECHONL;
			tcsetattr(STDIN_FILENO, TCSAFLUSH, &t);
		}
	}
	len = getline(&line, &cap, stdin);
	if (tio_saved) {
		tcsetattr(STDIN_FILENO, TCSAFLUSH, &saved_tio);
		tio_saved = 0;
		for (i = 0; i < 4; i++)
			sigaction(sigs[i], &old[i], NULL);
	}
	if (len == -1) {
		free(line);
		if (tty)
			fputc('\n', stderr);
		if (ferror(stdin) && errno != 0 && errno != EBADF)
			return em_errno(ctx, EM_EX_IOERR, "reading stdin");
		return em_err(ctx, EM_EX_NO, "cancelled; nothing was stored");
	}
	if ((ex = em_text_bytes(ctx, "the line", line, (size_t)len)) != 0) {
		free(line);
		return ex;
	}
	em_text_trim(line);
	if (*line == '\0') {
		free(line);
		return em_err(ctx, EM_EX_NO, "nothing given; nothing was stored");
	}
	*out = line;
	return 0;
}

/*
 * Ask on the terminal whether to go on: 0 for "y" or "yes", EM_EX_NO for
 * anything else, an empty line or the end of input. The answer is read
 * here, not with em_ask_line: a "n" is not words to keep, and the end of
 * input is a plain no, for the caller to word.
 */
int
em_ask_yes(const char *question)
{
	char	*line = NULL;
	size_t	 cap = 0;
	ssize_t	 len;
	int	 yes;

	fflush(stdout);
	em_put_text(stderr, question);	/* it names content */
	fputs(" [y/N] ", stderr);
	fflush(stderr);
	if ((len = getline(&line, &cap, stdin)) == -1) {
		free(line);
		fputc('\n', stderr);
		return EM_EX_NO;
	}
	em_text_trim(line);
	yes = strcasecmp(line, "y") == 0 || strcasecmp(line, "yes") == 0;
	free(line);
	return yes ? 0 : EM_EX_NO;
}
