/* em_text.c: what makes text acceptable (UTF-8, names, tags, limits) and its width on a terminal. */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "em_int.h"

/* Strict UTF-8 (as em_u8_nextn reads it) in len bytes. */
int
em_utf8_valid(const char *s, size_t len)
{
	size_t	 i = 0;
	unsigned cp;

	while (i < len) {
		i += em_u8_nextn(s + i, len - i, &cp);
		if (cp == EM_U8_BAD)
			return 0;
	}
	return 1;
}

/*
 * A person's name: one line of printable text that cannot be taken for an
 * option. No C0 or C1 controls, no bidirectional marks, overrides or
 * isolates, no line or paragraph separators, no space at either end. The
 * one check for -u, EMPATHY_USER, user: in the config and import.
 */
int
em_name_valid(const char *s)
{
	const unsigned char *p;
	size_t	 len = strlen(s);

	if (len == 0 || *s == '-' || *s == ' ' || s[len - 1] == ' ' ||
	    len > 64 || !em_utf8_valid(s, len))
		return 0;
	for (p = (const unsigned char *)s; *p != '\0'; p++) {
		if (*p < 0x20 || *p == 0x7f)
			return 0;
		if (p[0] == 0xc2 && p[1] >= 0x80 && p[1] <= 0x9f)
			return 0;	/* U+0080..U+009F */
		if (p[0] == 0xd8 && p[1] == 0x9c)
			return 0;	/* U+061C arabic letter mark */
		if (p[0] == 0xe2 && p[1] == 0x80 &&
		    ((p[2] >= 0x8e && p[2] <= 0x8f) ||
		    (p[2] >= 0xa8 && p[2] <= 0xae)))
			return 0;	/* U+200E/F, U+2028..U+202E */
		if (p[0] == 0xe2 && p[1] == 0x81 && p[2] >= 0xa6 && p[2] <= 0xa9)
			return 0;	/* U+2066..U+2069 */
	}
	return 1;
}

/*
 * Columns a string takes on a terminal, as em_put_cell shows it (see
 * em_cp_width): wide characters count two, combining marks none, a control
 * character two (^X), and so do a tab and a newline. The locale plays no part.
 */
size_t
em_text_width(const char *s)
{
	size_t	 w = 0;
	unsigned c;

	while (*s != '\0') {
		if ((unsigned char)*s >= 0x20 && (unsigned char)*s < 0x7f) {
			w++;
			s++;
			continue;
		}
		s += em_u8_next(s, &c);
		w += (size_t)em_cp_width(c);
	}
	return w;
}

/* Drop white space at both ends, in place. */
void
em_text_trim(char *s)
{
	size_t	 len = strlen(s), i = 0;

	while (len > 0 && (s[len - 1] == ' ' || s[len - 1] == '\t' ||
	    s[len - 1] == '\n' || s[len - 1] == '\r'))
		s[--len] = '\0';
	while (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r')
		i++;
	if (i > 0)
		memmove(s, s + i, len - i + 1);
}

/* Bytes that can be text: no NUL, valid UTF-8. */
int
em_text_bytes(struct em_ctx *ctx, const char *what, const char *s, size_t len)
{
	if (memchr(s, '\0', len) != NULL)
		return em_err(ctx, EM_EX_DATAERR, "%s contains a NUL byte", what);
	if (!em_utf8_valid(s, len))
		return em_err(ctx, EM_EX_DATAERR, "%s is not valid UTF-8", what);
	return 0;
}

/* Text that can be stored: UTF-8, no NUL, not empty, not too long. */
int
em_text_check(struct em_ctx *ctx, const char *what, const char *s, size_t len)
{
	int	 ex;

	if ((ex = em_text_bytes(ctx, what, s, len)) != 0)
		return ex;
	if (len > EM_TEXT_MAX)
		return em_err(ctx, EM_EX_DATAERR, "%s is longer than %d KiB", what,
		    EM_TEXT_MAX / 1024);
	if (len == 0)
		return em_err(ctx, EM_EX_DATAERR, "%s is empty", what);
	return 0;
}

/*
 * Byte length of the longest start of the line at s (which ends at a
 * newline or the NUL) that takes at most cols columns; never part of a
 * character, and the zero-width marks after the last character that fits go
 * with it. *whole says whether that is all of the line.
 */
static size_t
cols_bytes(const char *s, size_t cols, int *whole)
{
	size_t	 i = 0, c = 0, w;
	unsigned cp;

	while (s[i] != '\0' && s[i] != '\n') {
		if ((unsigned char)s[i] >= 0x20 && (unsigned char)s[i] < 0x7f) {
			if (c == cols)
				break;
			c++;
			i++;
			continue;
		}
		w = em_u8_next(s + i, &cp);
		if (c + (size_t)em_cp_width(cp) > cols)
			break;
		c += (size_t)em_cp_width(cp);
		i += w;
	}
	*whole = s[i] == '\0' || s[i] == '\n';
	return i;
}

/*
 * Wrap text into lines of at most width columns, breaking at spaces where it
 * can and keeping the text's own line breaks; a word longer than a line is
 * cut between two characters. Linear in the length of s (each line is
 * measured once, plus the word it backs off). The caller frees with
 * em_strv_free.
 */
void
em_wrap(const char *s, size_t width, char ***linesp, size_t *np)
{
	char	**v = NULL;
	size_t	  n = 0, cap = 0, brk, i;
	unsigned  cp;
	int	  whole;

	if (width < 8)
		width = 8;
	while (*s != '\0') {
		/* One line of the text, in pieces of at most width columns. */
		for (;;) {
			brk = cols_bytes(s, width, &whole);
			if (!whole) {
				for (i = brk; i > 0 && s[i] != ' '; i--)
					;
				if (i > 0)
					brk = i;
				else if (brk == 0)	/* never stand still */
					brk = em_u8_next(s, &cp);
			}
			if (n == cap) {
				cap = cap ? cap * 2 : 16;
				v = em_xreallocarray(v, cap, sizeof(*v));
			}
			v[n] = em_xcalloc(1, brk + 1);
			memcpy(v[n++], s, brk);
			s += brk;
			while (!whole && *s == ' ')
				s++;
			if (whole || *s == '\0' || *s == '\n')
				break;
		}
		if (*s == '\n')
			s++;
	}
	*linesp = v;
	*np = n;
}

/* A tag: one word of letters, digits, '-' or '_' (any non-ASCII letter too). */
int
em_tag_valid(const char *s)
{
	const unsigned char *p;
	size_t	 len = strlen(s);

	if (len == 0 || len > 32 || !em_utf8_valid(s, len))
		return 0;
	for (p = (const unsigned char *)s; *p != '\0'; p++)
		if (!(isalnum(*p) || *p == '-' || *p == '_' || *p >= 0x80))
			return 0;
	return 1;
}
