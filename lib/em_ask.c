/* em_ask.c: asking a person at the terminal: a line that may be empty, one key. */
#include <errno.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
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
