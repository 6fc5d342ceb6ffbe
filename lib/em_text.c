/* em_text.c: private text in (stdin, a prompt, the editor), checked as UTF-8. */
#include <sys/stat.h>
#include <sys/wait.h>

#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "em_int.h"

/* Strict UTF-8: no overlongs, no surrogates, nothing past U+10FFFF. */
int
em_utf8_valid(const char *s, size_t len)
{
	const unsigned char *p = (const unsigned char *)s, *e = p + len;
	unsigned	 c, need, min;

	while (p < e) {
		c = *p++;
		if (c < 0x80)
			continue;
		if (c >= 0xc2 && c <= 0xdf) {
			need = 1;
			min = 0x80;
			c &= 0x1f;
		} else if (c >= 0xe0 && c <= 0xef) {
			need = 2;
			min = 0x800;
			c &= 0x0f;
		} else if (c >= 0xf0 && c <= 0xf4) {
			need = 3;
			min = 0x10000;
			c &= 0x07;
		} else
			return 0;
		if ((size_t)(e - p) < need)
			return 0;
		while (need-- > 0) {
			if ((*p & 0xc0) != 0x80)
				return 0;
			c = (c << 6) | (*p++ & 0x3f);
		}
		if (c < min || c > 0x10ffff || (c >= 0xd800 && c <= 0xdfff))
			return 0;
	}
	return 1;
}

/*
 * One character of s (which ends in NUL): its code point in *cp and its
 * length in bytes. A byte that does not start a strict UTF-8 sequence is
 * a character of its own, EM_U8_BAD, one byte long; the NUL that ends s
 * is never passed over, since it cannot continue a sequence.
 */
size_t
em_u8_next(const char *s, unsigned *cp)
{
	const unsigned char *p = (const unsigned char *)s;
	unsigned	 c = p[0], need, min, i;

	if (c < 0x80) {
		*cp = c;
		return 1;
	}
	if (c >= 0xc2 && c <= 0xdf) {
		need = 1;
		min = 0x80;
		c &= 0x1f;
	} else if (c >= 0xe0 && c <= 0xef) {
		need = 2;
		min = 0x800;
		c &= 0x0f;
	} else if (c >= 0xf0 && c <= 0xf4) {
		need = 3;
		min = 0x10000;
		c &= 0x07;
	} else
		goto bad;
	for (i = 1; i <= need; i++) {
		if ((p[i] & 0xc0) != 0x80)
			goto bad;
		c = (c << 6) | (p[i] & 0x3f);
	}
	if (c < min || c > 0x10ffff || (c >= 0xd800 && c <= 0xdfff))
		goto bad;
	*cp = c;
	return need + 1;
bad:
	*cp = EM_U8_BAD;
	return 1;
}

struct range {
	unsigned	 lo, hi;
};

/*
 * Characters that take no column: combining marks (general categories Mn
 * and Me), format characters such as the zero-width space, joiners and the
 * bidirectional controls, variation selectors, and the medial and final
 * Hangul jamo that join the syllable before them. Sorted, for a binary search.
 */
static const struct range zero_width[] = {
	{ 0x0300, 0x036f }, { 0x0483, 0x0489 }, { 0x0591, 0x05bd },
	{ 0x05bf, 0x05bf }, { 0x05c1, 0x05c2 }, { 0x05c4, 0x05c5 },
	{ 0x05c7, 0x05c7 }, { 0x0600, 0x0605 }, { 0x0610, 0x061a },
	{ 0x061c, 0x061c }, { 0x064b, 0x065f }, { 0x0670, 0x0670 },
	{ 0x06d6, 0x06dd }, { 0x06df, 0x06e4 }, { 0x06e7, 0x06e8 },
	{ 0x06ea, 0x06ed }, { 0x070f, 0x070f }, { 0x0711, 0x0711 },
	{ 0x0730, 0x074a }, { 0x07a6, 0x07b0 }, { 0x07eb, 0x07f3 },
	{ 0x07fd, 0x07fd }, { 0x0816, 0x0819 }, { 0x081b, 0x0823 },
	{ 0x0825, 0x0827 }, { 0x0829, 0x082d }, { 0x0859, 0x085b },
	{ 0x0890, 0x0891 }, { 0x0898, 0x089f }, { 0x08ca, 0x0902 },
	{ 0x093a, 0x093a }, { 0x093c, 0x093c }, { 0x0941, 0x0948 },
	{ 0x094d, 0x094d }, { 0x0951, 0x0957 }, { 0x0962, 0x0963 },
	{ 0x0981, 0x0981 }, { 0x09bc, 0x09bc }, { 0x09c1, 0x09c4 },
	{ 0x09cd, 0x09cd }, { 0x09e2, 0x09e3 }, { 0x09fe, 0x09fe },
	{ 0x0a01, 0x0a02 }, { 0x0a3c, 0x0a3c }, { 0x0a41, 0x0a42 },
	{ 0x0a47, 0x0a48 }, { 0x0a4b, 0x0a4d }, { 0x0a51, 0x0a51 },
	{ 0x0a70, 0x0a71 }, { 0x0a75, 0x0a75 }, { 0x0a81, 0x0a82 },
	{ 0x0abc, 0x0abc }, { 0x0ac1, 0x0ac5 }, { 0x0ac7, 0x0ac8 },
	{ 0x0acd, 0x0acd }, { 0x0ae2, 0x0ae3 }, { 0x0afa, 0x0aff },
	{ 0x0b01, 0x0b01 }, { 0x0b3c, 0x0b3c }, { 0x0b3f, 0x0b3f },
	{ 0x0b41, 0x0b44 }, { 0x0b4d, 0x0b4d }, { 0x0b55, 0x0b56 },
	{ 0x0b62, 0x0b63 }, { 0x0b82, 0x0b82 }, { 0x0bc0, 0x0bc0 },
	{ 0x0bcd, 0x0bcd }, { 0x0c00, 0x0c00 }, { 0x0c04, 0x0c04 },
	{ 0x0c3c, 0x0c3c }, { 0x0c3e, 0x0c40 }, { 0x0c46, 0x0c48 },
	{ 0x0c4a, 0x0c4d }, { 0x0c55, 0x0c56 }, { 0x0c62, 0x0c63 },
	{ 0x0c81, 0x0c81 }, { 0x0cbc, 0x0cbc }, { 0x0cbf, 0x0cbf },
	{ 0x0cc6, 0x0cc6 }, { 0x0ccc, 0x0ccd }, { 0x0ce2, 0x0ce3 },
	{ 0x0d00, 0x0d01 }, { 0x0d3b, 0x0d3c }, { 0x0d41, 0x0d44 },
	{ 0x0d4d, 0x0d4d }, { 0x0d62, 0x0d63 }, { 0x0d81, 0x0d81 },
	{ 0x0dca, 0x0dca }, { 0x0dd2, 0x0dd4 }, { 0x0dd6, 0x0dd6 },
	{ 0x0e31, 0x0e31 }, { 0x0e34, 0x0e3a }, { 0x0e47, 0x0e4e },
	{ 0x0eb1, 0x0eb1 }, { 0x0eb4, 0x0ebc }, { 0x0ec8, 0x0ece },
	{ 0x0f18, 0x0f19 }, { 0x0f35, 0x0f35 }, { 0x0f37, 0x0f37 },
	{ 0x0f39, 0x0f39 }, { 0x0f71, 0x0f7e }, { 0x0f80, 0x0f84 },
	{ 0x0f86, 0x0f87 }, { 0x0f8d, 0x0fbc }, { 0x0fc6, 0x0fc6 },
	{ 0x102d, 0x1030 }, { 0x1032, 0x1037 }, { 0x1039, 0x103a },
	{ 0x103d, 0x103e }, { 0x1058, 0x1059 }, { 0x105e, 0x1060 },
	{ 0x1071, 0x1074 }, { 0x1082, 0x1082 }, { 0x1085, 0x1086 },
	{ 0x108d, 0x108d }, { 0x109d, 0x109d }, { 0x1160, 0x11ff },
	{ 0x135d, 0x135f }, { 0x1712, 0x1714 }, { 0x1732, 0x1733 },
	{ 0x1752, 0x1753 }, { 0x1772, 0x1773 }, { 0x17b4, 0x17b5 },
	{ 0x17b7, 0x17bd }, { 0x17c6, 0x17c6 }, { 0x17c9, 0x17d3 },
	{ 0x17dd, 0x17dd }, { 0x180b, 0x180f }, { 0x1885, 0x1886 },
	{ 0x18a9, 0x18a9 }, { 0x1920, 0x1922 }, { 0x1927, 0x1928 },
	{ 0x1932, 0x1932 }, { 0x1939, 0x193b }, { 0x1a17, 0x1a18 },
	{ 0x1a1b, 0x1a1b }, { 0x1a56, 0x1a56 }, { 0x1a58, 0x1a5e },
	{ 0x1a60, 0x1a60 }, { 0x1a62, 0x1a62 }, { 0x1a65, 0x1a6c },
	{ 0x1a73, 0x1a7c }, { 0x1a7f, 0x1a7f }, { 0x1ab0, 0x1aff },
	{ 0x1b00, 0x1b03 }, { 0x1b34, 0x1b34 }, { 0x1b36, 0x1b3a },
	{ 0x1b3c, 0x1b3c }, { 0x1b42, 0x1b42 }, { 0x1b6b, 0x1b73 },
	{ 0x1b80, 0x1b81 }, { 0x1ba2, 0x1ba5 }, { 0x1ba8, 0x1ba9 },
	{ 0x1bab, 0x1bad }, { 0x1be6, 0x1be6 }, { 0x1be8, 0x1be9 },
	{ 0x1bed, 0x1bed }, { 0x1bef, 0x1bf1 }, { 0x1c2c, 0x1c33 },
	{ 0x1c36, 0x1c37 }, { 0x1cd0, 0x1cd2 }, { 0x1cd4, 0x1ce0 },
	{ 0x1ce2, 0x1ce8 }, { 0x1ced, 0x1ced }, { 0x1cf4, 0x1cf4 },
	{ 0x1cf8, 0x1cf9 }, { 0x1dc0, 0x1dff }, { 0x200b, 0x200f },
	{ 0x202a, 0x202e }, { 0x2060, 0x2064 }, { 0x2066, 0x206f },
	{ 0x20d0, 0x20f0 }, { 0x2cef, 0x2cf1 }, { 0x2d7f, 0x2d7f },
	{ 0x2de0, 0x2dff }, { 0x302a, 0x302d }, { 0x3099, 0x309a },
	{ 0xa66f, 0xa672 }, { 0xa674, 0xa67d }, { 0xa69e, 0xa69f },
	{ 0xa6f0, 0xa6f1 }, { 0xa802, 0xa802 }, { 0xa806, 0xa806 },
	{ 0xa80b, 0xa80b }, { 0xa825, 0xa826 }, { 0xa82c, 0xa82c },
	{ 0xa8c4, 0xa8c5 }, { 0xa8e0, 0xa8f1 }, { 0xa8ff, 0xa8ff },
	{ 0xa926, 0xa92d }, { 0xa947, 0xa951 }, { 0xa980, 0xa982 },
	{ 0xa9b3, 0xa9b3 }, { 0xa9b6, 0xa9b9 }, { 0xa9bc, 0xa9bd },
	{ 0xa9e5, 0xa9e5 }, { 0xaa29, 0xaa2e }, { 0xaa31, 0xaa32 },
	{ 0xaa35, 0xaa36 }, { 0xaa43, 0xaa43 }, { 0xaa4c, 0xaa4c },
	{ 0xaa7c, 0xaa7c }, { 0xaab0, 0xaab0 }, { 0xaab2, 0xaab4 },
	{ 0xaab7, 0xaab8 }, { 0xaabe, 0xaabf }, { 0xaac1, 0xaac1 },
	{ 0xaaec, 0xaaed }, { 0xaaf6, 0xaaf6 }, { 0xabe5, 0xabe5 },
	{ 0xabe8, 0xabe8 }, { 0xabed, 0xabed }, { 0xd7b0, 0xd7ff },
	{ 0xfb1e, 0xfb1e }, { 0xfe00, 0xfe0f }, { 0xfe20, 0xfe2f },
	{ 0xfeff, 0xfeff }, { 0xfff9, 0xfffb }, { 0x101fd, 0x101fd },
	{ 0x102e0, 0x102e0 }, { 0x10376, 0x1037a }, { 0x10a01, 0x10a0f },
	{ 0x10a38, 0x10a3f }, { 0x10ae5, 0x10ae6 }, { 0x10d24, 0x10d27 },
	{ 0x10eab, 0x10eac }, { 0x10f46, 0x10f50 }, { 0x11001, 0x11001 },
	{ 0x11038, 0x11046 }, { 0x1107f, 0x11081 }, { 0x110b3, 0x110b6 },
	{ 0x110b9, 0x110ba }, { 0x110bd, 0x110bd }, { 0x11100, 0x11102 },
	{ 0x11127, 0x1112b }, { 0x1112d, 0x11134 }, { 0x11173, 0x11173 },
	{ 0x11180, 0x11181 }, { 0x111b6, 0x111be }, { 0x1122f, 0x11231 },
	{ 0x11234, 0x11237 }, { 0x112df, 0x112df }, { 0x112e3, 0x112ea },
	{ 0x11300, 0x11301 }, { 0x1133b, 0x1133c }, { 0x11340, 0x11340 },
	{ 0x11366, 0x11374 }, { 0x11438, 0x1143f }, { 0x11442, 0x11446 },
	{ 0x114b3, 0x114b8 }, { 0x115b2, 0x115b5 }, { 0x11633, 0x1163a },
	{ 0x116ab, 0x116ab }, { 0x116ad, 0x116ad }, { 0x116b0, 0x116b5 },
	{ 0x1171d, 0x1171f }, { 0x11722, 0x11725 }, { 0x11727, 0x1172b },
	{ 0x16af0, 0x16af4 }, { 0x16b30, 0x16b36 }, { 0x16f8f, 0x16f92 },
	{ 0x1bc9d, 0x1bc9e }, { 0x1bca0, 0x1bca3 }, { 0x1cf00, 0x1cf46 },
	{ 0x1d167, 0x1d169 }, { 0x1d173, 0x1d182 }, { 0x1d185, 0x1d18b },
	{ 0x1d1aa, 0x1d1ad }, { 0x1d242, 0x1d244 }, { 0x1da00, 0x1da36 },
	{ 0x1da3b, 0x1da6c }, { 0x1da75, 0x1da75 }, { 0x1da84, 0x1da84 },
	{ 0x1da9b, 0x1daaf }, { 0x1e000, 0x1e02a }, { 0x1e130, 0x1e136 },
	{ 0x1e2ec, 0x1e2ef }, { 0x1e8d0, 0x1e8d6 }, { 0x1e944, 0x1e94a },
	{ 0xe0001, 0xe0001 }, { 0xe0020, 0xe007f }, { 0xe0100, 0xe01ef }
};

/*
 * Characters that take two columns: East Asian Wide and Fullwidth (Hangul
 * jamo leads and syllables, CJK ideographs, kana, fullwidth forms) and the
 * emoji that terminals draw wide. Sorted, for a binary search.
 */
static const struct range double_width[] = {
	{ 0x1100, 0x115f }, { 0x231a, 0x231b }, { 0x2329, 0x232a },
	{ 0x23e9, 0x23ec }, { 0x23f0, 0x23f0 }, { 0x23f3, 0x23f3 },
	{ 0x25fd, 0x25fe }, { 0x2614, 0x2615 }, { 0x2648, 0x2653 },
	{ 0x267f, 0x267f }, { 0x2693, 0x2693 }, { 0x26a1, 0x26a1 },
	{ 0x26aa, 0x26ab }, { 0x26bd, 0x26be }, { 0x26c4, 0x26c5 },
	{ 0x26ce, 0x26ce }, { 0x26d4, 0x26d4 }, { 0x26ea, 0x26ea },
	{ 0x26f2, 0x26f3 }, { 0x26f5, 0x26f5 }, { 0x26fa, 0x26fa },
	{ 0x26fd, 0x26fd }, { 0x2705, 0x2705 }, { 0x270a, 0x270b },
	{ 0x2728, 0x2728 }, { 0x274c, 0x274c }, { 0x274e, 0x274e },
	{ 0x2753, 0x2755 }, { 0x2757, 0x2757 }, { 0x2795, 0x2797 },
	{ 0x27b0, 0x27b0 }, { 0x27bf, 0x27bf }, { 0x2b1b, 0x2b1c },
	{ 0x2b50, 0x2b50 }, { 0x2b55, 0x2b55 }, { 0x2e80, 0x303e },
	{ 0x3041, 0x3247 }, { 0x3250, 0x4dbf }, { 0x4e00, 0xa4cf },
	{ 0xa960, 0xa97f }, { 0xac00, 0xd7a3 }, { 0xf900, 0xfaff },
	{ 0xfe10, 0xfe19 }, { 0xfe30, 0xfe6f }, { 0xff00, 0xff60 },
	{ 0xffe0, 0xffe6 }, { 0x16fe0, 0x16fe4 }, { 0x16ff0, 0x16ff1 },
	{ 0x17000, 0x18cd5 }, { 0x18d00, 0x18d08 }, { 0x1aff0, 0x1b2fb },
	{ 0x1f004, 0x1f004 }, { 0x1f0cf, 0x1f0cf }, { 0x1f18e, 0x1f18e },
	{ 0x1f191, 0x1f19a }, { 0x1f200, 0x1f202 }, { 0x1f210, 0x1f23b },
	{ 0x1f240, 0x1f248 }, { 0x1f250, 0x1f251 }, { 0x1f260, 0x1f265 },
	{ 0x1f300, 0x1f320 }, { 0x1f32d, 0x1f335 }, { 0x1f337, 0x1f37c },
	{ 0x1f37e, 0x1f393 }, { 0x1f3a0, 0x1f3ca }, { 0x1f3cf, 0x1f3d3 },
	{ 0x1f3e0, 0x1f3f0 }, { 0x1f3f4, 0x1f3f4 }, { 0x1f3f8, 0x1f43e },
	{ 0x1f440, 0x1f440 }, { 0x1f442, 0x1f4fc }, { 0x1f4ff, 0x1f53d },
	{ 0x1f54b, 0x1f54e }, { 0x1f550, 0x1f567 }, { 0x1f57a, 0x1f57a },
	{ 0x1f595, 0x1f596 }, { 0x1f5a4, 0x1f5a4 }, { 0x1f5fb, 0x1f64f },
	{ 0x1f680, 0x1f6c5 }, { 0x1f6cc, 0x1f6cc }, { 0x1f6d0, 0x1f6d2 },
	{ 0x1f6d5, 0x1f6d7 }, { 0x1f6dc, 0x1f6df }, { 0x1f6eb, 0x1f6ec },
	{ 0x1f6f4, 0x1f6fc }, { 0x1f7e0, 0x1f7eb }, { 0x1f7f0, 0x1f7f0 },
	{ 0x1f90c, 0x1f93a }, { 0x1f93c, 0x1f945 }, { 0x1f947, 0x1f9ff },
	{ 0x1fa70, 0x1faff }, { 0x20000, 0x2fffd }, { 0x30000, 0x3fffd }
};

static int
in_table(unsigned c, const struct range *t, size_t n)
{
	size_t	 lo = 0, hi = n, mid;

	if (c < t[0].lo || c > t[n - 1].hi)
		return 0;
	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (c > t[mid].hi)
			lo = mid + 1;
		else if (c < t[mid].lo)
			hi = mid;
		else
			return 1;
	}
	return 0;
}

/*
 * Columns a code point takes as em_put_text and em_put_cell show it,
 * whatever the locale: a control character in caret notation (^[) takes
 * two, a C1 control or a bad byte (shown as U+FFFD) one, a combining mark
 * or another zero-width character none, a wide East Asian character or
 * emoji two, anything else one.
 */
int
em_cp_width(unsigned c)
{
	if (c < 0x20 || c == 0x7f)
		return 2;
	if (c < 0x300 || c == EM_U8_BAD)
		return 1;
	if (in_table(c, zero_width, sizeof(zero_width) / sizeof(zero_width[0])))
		return 0;
	if (in_table(c, double_width, sizeof(double_width) / sizeof(double_width[0])))
		return 2;
	return 1;
}

/* A person's name: one line of printable text that cannot be taken for an option. */
int
em_name_valid(const char *s)
{
	const unsigned char *p;

	if (*s == '\0' || *s == '-' || strlen(s) > 64 || !em_utf8_valid(s, strlen(s)))
		return 0;
	for (p = (const unsigned char *)s; *p != '\0'; p++)
		if (*p < 0x20 || *p == 0x7f)
			return 0;
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

/* Read a stream whole, refusing more than max bytes. The buffer ends in NUL. */
int
em_read_all(struct em_ctx *ctx, FILE *fp, const char *what, size_t max,
    char **bufp, size_t *lenp)
{
	char	*buf = NULL;
	size_t	 len = 0, cap = 0, r;

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

/* Ask on the terminal for one line. */
int
em_prompt_line(struct em_ctx *ctx, const char *prompt, char **out)
{
	char	*line = NULL;
	size_t	 cap = 0;
	ssize_t	 len;
	int	 ex;

	fflush(stdout);
	fprintf(stderr, "%s", prompt);
	fflush(stderr);
	if ((len = getline(&line, &cap, stdin)) == -1) {
		free(line);
		fputc('\n', stderr);
		return em_err(ctx, EM_EX_USAGE, "no answer given");
	}
	if ((ex = em_text_check(ctx, "the answer", line, (size_t)len)) == 0) {
		em_text_trim(line);
		ex = em_text_check(ctx, "the answer", line, strlen(line));
	}
	if (ex != 0) {
		free(line);
		return ex;
	}
	*out = line;
	return 0;
}

static volatile sig_atomic_t got_signal;

static void
note_signal(int sig)
{
	got_signal = sig;
}

/* Run $VISUAL or $EDITOR on path, with our own signals held off meanwhile. */
static int
run_editor(struct em_ctx *ctx, const char *path)
{
	struct sigaction sa, oint, oquit, oterm, ohup;
	const char	*ed;
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
	fflush(NULL);
	if ((pid = fork()) == -1) {
		ex = em_errno(ctx, EM_EX_IOERR, "cannot start the editor");
	} else if (pid == 0) {
		sigaction(SIGINT, &oint, NULL);
		sigaction(SIGQUIT, &oquit, NULL);
		sigaction(SIGTERM, &oterm, NULL);
		sigaction(SIGHUP, &ohup, NULL);
		execl("/bin/sh", "sh", "-c", "$0 \"$1\"", ed, path, (char *)NULL);
		_exit(127);
	} else {
		while (waitpid(pid, &st, 0) == -1 && errno == EINTR)
			;
		if (got_signal)
			ex = em_err(ctx, EM_EX_USAGE, "interrupted; nothing stored");
		else if (!WIFEXITED(st) || WEXITSTATUS(st) != 0)
			ex = em_err(ctx, EM_EX_USAGE, "the editor (%s) failed; nothing "
			    "stored", ed);
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
 * Edit text in $VISUAL/$EDITOR in a private directory that is removed
 * afterwards, whatever happens. An empty result is EM_EX_NO: cancelled.
 */
int
em_editor_text(struct em_ctx *ctx, const char *what, const char *template, char **out)
{
	const char	*base;
	char		 dir[4096], path[4200], *buf = NULL;
	FILE		*fp;
	size_t		 len;
	int		 fd, ex;

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
	if ((ex = run_editor(ctx, path)) != 0)
		goto out;
	if ((fp = fopen(path, "r")) == NULL) {
		ex = em_errno(ctx, EM_EX_IOERR, "%s", path);
		goto out;
	}
	ex = em_read_all(ctx, fp, what, EM_TEXT_MAX + 64 * 1024, &buf, &len);
	fclose(fp);
	if (ex != 0)
		goto out;
	if (memchr(buf, '\0', len) != NULL) {
		ex = em_err(ctx, EM_EX_DATAERR, "%s contains a NUL byte", what);
		goto out;
	}
	strip_comments(buf);
	em_text_trim(buf);
	if (*buf == '\0') {
		ex = em_err(ctx, EM_EX_NO, "%s is empty: nothing stored", what);
		goto out;
	}
	if ((ex = em_text_check(ctx, what, buf, strlen(buf))) != 0)
		goto out;
	*out = buf;
	buf = NULL;
out:
	free(buf);
	unlink(path);
	rmdir(dir);
	return ex;
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
		return em_prompt_line(ctx, prompt, out);
	return em_editor_text(ctx, what, tmpl, out);
}
