/* em_fmt.c: output for people (text), for awk and cut (tsv), and for jq (JSON Lines). */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "em_int.h"

int
em_parse_format(const char *s, enum em_fmt *fmt)
{
	if (strcmp(s, "text") == 0)
		*fmt = EM_FMT_TEXT;
	else if (strcmp(s, "tsv") == 0)
		*fmt = EM_FMT_TSV;
	else if (strcmp(s, "json") == 0)
		*fmt = EM_FMT_JSON;
	else
		return -1;
	return 0;
}

#define REPLACEMENT	"\xef\xbf\xbd"	/* U+FFFD, in UTF-8 */
#define BIDI_DEPTH	32	/* open embeddings and isolates kept track of */

/* The bidirectional controls that open something another must close. */
static int
bidi_opens(unsigned c)
{
	return (c >= 0x202a && c <= 0x202e && c != 0x202c) ||
	    (c >= 0x2066 && c <= 0x2068);
}

/* Close what is open, innermost first: PDI after an isolate, else PDF. */
static void
bidi_close(FILE *fp, const unsigned char *open, size_t *depth)
{
	while (*depth > 0)
		fputs(open[--*depth] ? "\xe2\x81\xa9" : "\xe2\x80\xac", fp);
}

#define SAFE_CELL	0x1	/* tab and newline in caret notation too */
#define SAFE_MSG	0x2	/* bidi controls shown as U+FFFD */

/*
 * The safe writer: len bytes of s, which ends on a character boundary. Runs
 * of harmless characters go out as they are; what a terminal could obey is
 * shown instead (see em_put_text). In a cell, tab and newline are shown in
 * caret notation too, so that a table row stays one line. In a message,
 * which quotes something in the middle of a sentence, closing an override
 * at the end would be too late: bidi controls are shown as U+FFFD there.
 */
static void
put_safe(FILE *fp, const char *s, size_t len, int how)
{
	const char	*p = s, *e = s + len, *run = s;
	unsigned char	 open[BIDI_DEPTH];	/* 1 an isolate, 0 an embedding */
	size_t		 depth = 0, n, i;
	unsigned	 c;

	while (p < e) {
		if ((unsigned char)*p >= 0x20 && (unsigned char)*p < 0x7f) {
			p++;
			continue;
		}
		n = em_u8_next(p, &c);
		if ((c == '\t' || c == '\n') && !(how & SAFE_CELL)) {
			if (c == '\n' && depth > 0) {
				/* A new line is a new paragraph: close first. */
				fwrite(run, 1, (size_t)(p - run), fp);
				bidi_close(fp, open, &depth);
				run = p;
			}
			p += n;
			continue;
		}
		if (c >= 0x20 && c != 0x7f && (c < 0x80 || c > 0x9f) &&
		    c != EM_U8_BAD && !bidi_opens(c) && c != 0x202c && c != 0x2069) {
			p += n;
			continue;
		}
		fwrite(run, 1, (size_t)(p - run), fp);
		if (c < 0x20 || c == 0x7f) {
			fputc('^', fp);
			fputc(c == 0x7f ? '?' : (int)c + '@', fp);
		} else if (c == EM_U8_BAD || c <= 0x9f || (how & SAFE_MSG)) {
			fputs(REPLACEMENT, fp);
		} else if (bidi_opens(c)) {
			/* Kept, to be closed; too deep a nest is dropped. */
			if (depth < BIDI_DEPTH) {
				open[depth++] = c >= 0x2066;
				fwrite(p, 1, n, fp);
			}
		} else if (c == 0x202c) {
			/* A PDF closes an embedding, never an isolate. */
			if (depth > 0 && !open[depth - 1]) {
				depth--;
				fwrite(p, 1, n, fp);
			}
		} else {
			/* A PDI closes its isolate and what was opened inside. */
			for (i = depth; i > 0 && !open[i - 1]; i--)
				;
			if (i > 0) {
				depth = i - 1;
				fwrite(p, 1, n, fp);
			}
		}
		p += n;
		run = p;
	}
	fwrite(run, 1, (size_t)(p - run), fp);
	bidi_close(fp, open, &depth);
}

/*
 * Text for a terminal: whatever came from a person, a content file, a config
 * file or an import goes out through here, so that nothing in it can move
 * the cursor, retitle the window, write to the clipboard or turn the rest of
 * the screen around:
 * - C0 controls and DEL in caret notation (ESC is ^[, so an escape sequence
 *   such as CSI or an OSC 52 clipboard write is shown, never obeyed); tab
 *   and newline pass;
 * - C1 controls (U+0080..U+009F) and every byte that is not part of valid
 *   UTF-8 as U+FFFD, one for each byte;
 * - bidirectional embeddings and overrides (U+202A, U+202B, U+202D,
 *   U+202E) and isolates (U+2066..U+2068) are kept, but whatever is still
 *   open at a newline or at the end of s is closed there (PDF U+202C, PDI
 *   U+2069), so none reaches past the string; a PDF or PDI that closes
 *   nothing of s's own is dropped. Marks (U+200E, U+200F) pass.
 */
void
em_put_text(FILE *fp, const char *s)
{
	put_safe(fp, s, strlen(s), 0);
}

/* A diagnostic, as em_put_text but with every bidi control as U+FFFD. */
void
em_put_msg(FILE *fp, const char *s)
{
	put_safe(fp, s, strlen(s), SAFE_MSG);
}

/*
 * One cell of a text table: s through the safe writer, on one line (tab and
 * newline shown as ^I and ^J), padded with spaces to exactly width columns
 * (on the left when right is set) as em_text_width counts them. Longer text
 * is cut between characters and ends in an ellipsis, so that two long names
 * that begin alike are not taken for one: it keeps what fits in width - 1
 * columns, then "…", then a space if a wide character did not fit. One pass
 * over s, stopping at the cut.
 */
void
em_put_cell(FILE *fp, const char *s, size_t width, int right)
{
	size_t	 i = 0, w = 0, fit = 0, fitw = 0, n, cw;
	unsigned c;
	int	 cut = 0;

	while (s[i] != '\0') {
		n = em_u8_next(s + i, &c);
		cw = (size_t)em_cp_width(c);
		if (w + cw > width) {
			cut = 1;
			break;
		}
		w += cw;
		i += n;
		if (w < width) {	/* room left for the ellipsis */
			fit = i;
			fitw = w;
		}
	}
	if (cut) {
		i = fit;
		w = width > 0 ? fitw + 1 : 0;
	}
	if (right)
		fprintf(fp, "%*s", (int)(width - w), "");
	put_safe(fp, s, i, SAFE_CELL);
	if (cut && width > 0)
		fputs("\xe2\x80\xa6", fp);
	if (!right)
		fprintf(fp, "%*s", (int)(width - w), "");
}

/*
 * Non-ASCII characters in tsv or JSON: C1 controls and the bidirectional
 * controls (see em_put_text) as \uXXXX, which tsv and JSON both read back;
 * a byte that is not valid UTF-8 as \xHH in tsv and as \ufffd in JSON, which
 * must stay valid. Returns the bytes used.
 */
static size_t
put_nonascii(FILE *fp, const char *s, int json)
{
	size_t	 n;
	unsigned c;

	n = em_u8_next(s, &c);
	if (c == EM_U8_BAD) {
		if (json)
			fputs("\\ufffd", fp);
		else
			fprintf(fp, "\\x%02x", (unsigned char)*s);
	} else if (c <= 0x9f || bidi_opens(c) || c == 0x202c || c == 0x2069)
		fprintf(fp, "\\u%04x", c);
	else
		fwrite(s, 1, n, fp);
	return n;
}

/*
 * A tsv field: backslash, tab, newline and carriage return escaped as \\ \t
 * \n \r; any other control character as \xHH (C0 and DEL) or \u00HH (C1);
 * bidirectional controls as \uXXXX and bytes that are not UTF-8 as \xHH.
 * An item of a list also has its commas escaped (\x2c), so that the list
 * splits back at ", " into the very items.
 */
static void
put_tsv(FILE *fp, const char *s, int item)
{
	const unsigned char *u;

	while (*s != '\0') {
		u = (const unsigned char *)s;
		if (*u >= 0x80) {
			s += put_nonascii(fp, s, 0);
			continue;
		}
		switch (*s) {
		case '\\':
			fputs("\\\\", fp);
			break;
		case '\t':
			fputs("\\t", fp);
			break;
		case '\n':
			fputs("\\n", fp);
			break;
		case '\r':
			fputs("\\r", fp);
			break;
		default:
			if (*u < 0x20 || *u == 0x7f || (item && *s == ','))
				fprintf(fp, "\\x%02x", *u);
			else
				fputc(*s, fp);
		}
		s++;
	}
}

void
em_put_tsv(FILE *fp, const char *s)
{
	put_tsv(fp, s, 0);
}

/*
 * A JSON string, quotes included; always valid JSON: a byte that is not
 * UTF-8 becomes U+FFFD, and C1 and bidirectional controls are escaped.
 */
void
em_put_json(FILE *fp, const char *s)
{
	const unsigned char *p;

	fputc('"', fp);
	for (p = (const unsigned char *)s; *p != '\0'; p++) {
		switch (*p) {
		case '"':
			fputs("\\\"", fp);
			break;
		case '\\':
			fputs("\\\\", fp);
			break;
		case '\n':
			fputs("\\n", fp);
			break;
		case '\t':
			fputs("\\t", fp);
			break;
		case '\r':
			fputs("\\r", fp);
			break;
		default:
			if (*p < 0x20 || *p == 0x7f)
				fprintf(fp, "\\u%04x", *p);
			else if (*p >= 0x80)
				p += put_nonascii(fp, (const char *)p, 1) - 1;
			else
				fputc(*p, fp);
		}
	}
	fputc('"', fp);
}

/*
 * JSON that SQLite made: valid, but C1 and bidirectional controls (which
 * some terminals obey) left raw, and any byte that is not UTF-8 with them.
 * All of them can only stand inside strings, so escape them in place.
 */
void
em_put_rawjson(FILE *fp, const char *s)
{
	const char	*run = s;

	while (*s != '\0') {
		if ((unsigned char)*s < 0x80) {
			s++;
			continue;
		}
		fwrite(run, 1, (size_t)(s - run), fp);
		s += put_nonascii(fp, s, 1);
		run = s;
	}
	fwrite(run, 1, (size_t)(s - run), fp);
}

/* An SGR sequence when colour is on, else nothing. */
const char *
em_color(struct em_ctx *ctx, const char *sgr)
{
	return em_ctx_color(ctx) ? sgr : "";
}

/* A JSON number, which may go out without quotes. */
static int
json_number(const char *s)
{
	if (*s == '-')
		s++;
	if (*s == '0')
		s++;
	else if (*s >= '1' && *s <= '9')
		s += strspn(s, "0123456789");
	else
		return 0;
	if (*s == '.') {
		if (s[1] < '0' || s[1] > '9')
			return 0;
		s += 1 + strspn(s + 1, "0123456789");
	}
	if (*s == 'e' || *s == 'E') {
		s++;
		if (*s == '+' || *s == '-')
			s++;
		if (*s < '0' || *s > '9')
			return 0;
		s += strspn(s, "0123456789");
	}
	return *s == '\0';
}

/* Whether field f goes out in this format. */
static int
shown(const struct em_col *f, enum em_fmt fmt)
{
	if (f->type & EM_ONLY_JSON)
		return fmt == EM_FMT_JSON;
	if (f->type & EM_ONLY_TSV)
		return fmt == EM_FMT_TSV;
	return fmt != EM_FMT_TEXT;
}

/*
 * The tsv header of a record type: its field names, one line. Nothing in
 * JSON. Returns 1 in text, where the caller writes its own heading (as
 * em_emit does for a record), else 0.
 */
int
em_emit_head(struct em_ctx *ctx, const struct em_col *f)
{
	int	 first = 1;

	if (ctx->fmt != EM_FMT_TSV)
		return ctx->fmt == EM_FMT_TEXT;
	for (; f->name != NULL; f++) {
		if (!shown(f, ctx->fmt))
			continue;
		printf("%s%s", first ? "" : "\t", f->name);
		first = 0;
	}
	putchar('\n');
	return 0;
}

/* One value of field f, as its type says, in tsv or JSON. */
static void
put_val(enum em_fmt fmt, const struct em_col *f, const struct em_val *v)
{
	const char *const *l;

	switch (v->null ? EM_NULL : f->type & EM_TYPE) {
	case EM_NULL:
		if (fmt == EM_FMT_JSON)
			fputs("null", stdout);
		break;
	case EM_INT:
		printf("%lld", v->n);
		break;
	case EM_BOOL:
		if (fmt == EM_FMT_JSON)
			fputs(v->n ? "true" : "false", stdout);
		else
			putchar(v->n ? '1' : '0');
		break;
	case EM_NUM:	/* a decimal made by the caller: quoted if it is not one */
		if (fmt == EM_FMT_TSV)
			em_put_tsv(stdout, v->s);
		else if (json_number(v->s))
			fputs(v->s, stdout);
		else
			em_put_json(stdout, v->s);
		break;
	case EM_JSON:	/* made by SQLite or by em_emit's caller from its own */
		if (fmt == EM_FMT_JSON)
			em_put_rawjson(stdout, v->s);
		else
			em_put_tsv(stdout, v->s);
		break;
	case EM_LIST:
		if (fmt == EM_FMT_JSON)
			putchar('[');
		for (l = v->l; l != NULL && *l != NULL; l++) {
			if (l != v->l)
				fputs(fmt == EM_FMT_JSON ? "," : ", ", stdout);
			if (fmt == EM_FMT_JSON)
				em_put_json(stdout, *l);
			else
				put_tsv(stdout, *l, 1);
		}
		if (fmt == EM_FMT_JSON)
			putchar(']');
		break;
	default:
		if (fmt == EM_FMT_JSON)
			em_put_json(stdout, v->s);
		else
			em_put_tsv(stdout, v->s);
	}
}

/*
 * One record: the values v, one for each field of f, in the order of f, as
 * a tsv line or a JSON object. A value's type is its field's; a NULL
 * string, or null set, is JSON's null and an empty tsv field. In text
 * nothing is written and 1 is returned: the caller shows the record.
 */
int
em_emit(struct em_ctx *ctx, const struct em_col *f, const struct em_val *v)
{
	int	 first = 1;

	if (ctx->fmt == EM_FMT_TEXT)
		return 1;
	if (ctx->fmt == EM_FMT_JSON)
		putchar('{');
	for (; f->name != NULL; f++, v++) {
		if (!shown(f, ctx->fmt))
			continue;
		if (!first)
			putchar(ctx->fmt == EM_FMT_JSON ? ',' : '\t');
		first = 0;
		if (ctx->fmt == EM_FMT_JSON) {
			em_put_json(stdout, f->name);
			putchar(':');
		}
		put_val(ctx->fmt, f, v);
	}
	puts(ctx->fmt == EM_FMT_JSON ? "}" : "");
	return 0;
}

/*
 * The current row of a statement as values of the fields f, one a column in
 * order; fields past the statement's columns are left to the caller. The
 * strings live until the statement's next step.
 */
void
em_stmt_vals(const struct em_col *f, sqlite3_stmt *st, struct em_val *v)
{
	int	 i, n = sqlite3_column_count(st);

	for (i = 0; i < n && f[i].name != NULL; i++) {
		memset(&v[i], 0, sizeof(v[i]));
		v[i].null = sqlite3_column_type(st, i) == SQLITE_NULL;
		if ((f[i].type & EM_TYPE) == EM_INT ||
		    (f[i].type & EM_TYPE) == EM_BOOL)
			v[i].n = sqlite3_column_int64(st, i);
		else
			v[i].s = (const char *)sqlite3_column_text(st, i);
	}
}

/* The current row of a statement as a record (em_emit: 1 in text). */
int
em_emit_row(struct em_ctx *ctx, const struct em_col *f, sqlite3_stmt *st)
{
	struct em_val	 v[EM_COLS_MAX];

	if (sqlite3_column_count(st) > EM_COLS_MAX)
		abort();	/* a record type wider than EM_COLS_MAX */
	em_stmt_vals(f, st, v);
	return em_emit(ctx, f, v);
}

/*
 * A record of one kind among several in one output: in JSON its own fields
 * f; in tsv a row of the one table whose columns are all (the caller wrote
 * its header with em_emit_head), the other kinds' columns left empty.
 */
void
em_emit_kind(struct em_ctx *ctx, const struct em_col *all, const struct em_col *f,
    const struct em_val *v)
{
	struct em_col	 tf[EM_COLS_MAX + 1];
	struct em_val	 tv[EM_COLS_MAX];
	size_t		 i, n;

	if (ctx->fmt != EM_FMT_TSV) {
		em_emit(ctx, f, v);
		return;
	}
	for (n = 0; all[n].name != NULL; n++) {
		if (n == EM_COLS_MAX)
			abort();	/* a table wider than EM_COLS_MAX */
		tf[n] = all[n];
		tv[n] = EM_NIL;
		for (i = 0; f[i].name != NULL; i++)
			if (strcmp(f[i].name, all[n].name) == 0) {
				tf[n].type = f[i].type;
				tv[n] = v[i];
			}
	}
	tf[n].name = NULL;
	tf[n].type = 0;
	em_emit(ctx, tf, tv);
}

/*
 * What a command shows when its text is a page (a heading, a grid, an item
 * under its parent) and not a line per record: the view's text function
 * draws the page, its records function emits the same values as records.
 * The one place that chooses between them.
 */
void
em_render(struct em_ctx *ctx, const struct em_view *v, const void *data)
{
	if (ctx->fmt == EM_FMT_TEXT)
		v->text(ctx, data);
	else
		v->records(ctx, data);
}

/*
 * Words of a text page that no record carries (a heading over records, or
 * "nothing new" under none): written in text only, and only our own words
 * (a name or a text from a person goes through em_put_text instead).
 * Returns 1 when written, so the caller may finish the line, else 0.
 */
int
em_page(const struct em_ctx *ctx, const char *fmt, ...)
{
	va_list	 ap;

	if (ctx->fmt != EM_FMT_TEXT)
		return 0;
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	return 1;
}

/* n strings as an EM_LIST value (NULL-ended): free the array, not them. */
const char **
em_strv_list(char *const *v, size_t n)
{
	const char	**l = em_xcalloc(n + 1, sizeof(*l));
	size_t		 i;

	for (i = 0; i < n; i++)
		l[i] = v[i];
	return l;
}

/*
 * Every row of a statement as records of the fields f: the statement's
 * columns are the fields, in order (the names in the SQL do not matter).
 * The tsv header comes first. The number of rows goes to *nrows.
 */
int
em_emit_stmt(struct em_ctx *ctx, const struct em_col *f, sqlite3_stmt *st,
    long *nrows)
{
	int		 n, rc;
	long		 rows = 0;

	for (n = 0; f[n].name != NULL; n++)
		;
	if (n > EM_COLS_MAX || n != sqlite3_column_count(st))
		abort();	/* the field list and the SQL disagree */
	em_emit_head(ctx, f);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		rows++;
		em_emit_row(ctx, f, st);
	}
	if (nrows != NULL)
		*nrows = rows;
	if (rc != SQLITE_DONE)
		return em_db_err(ctx, rc, "reading the database");
	return 0;
}

/* The columns s takes on a terminal, kept within min and max (a table's column). */
size_t
em_width_in(const char *s, size_t min, size_t max)
{
	size_t	 w = em_text_width(s);

	return w < min ? min : w > max ? max : w;
}

/* A name (or any short text) inside a sentence: safe, cut at max columns. */
void
em_put_name(FILE *fp, const char *s, size_t max)
{
	em_put_cell(fp, s, em_width_in(s, 0, max), 0);
}

/*
 * Text wrapped to width columns, each line indented; with hang, the first
 * line is not (the caller has already written a label such as " 3. ").
 */
void
em_fput_wrapped(FILE *fp, const char *s, size_t width, int indent, int hang)
{
	char	**lines;
	size_t	  n, i;

	em_wrap(s, width > (size_t)indent + 8 ? width - (size_t)indent : 8, &lines, &n);
	for (i = 0; i < n; i++) {
		fprintf(fp, "%*s", i == 0 && hang ? 0 : indent, "");
		em_put_text(fp, lines[i]);
		fputc('\n', fp);
	}
	em_strv_free(lines, n);
}

void
em_put_wrapped(const char *s, size_t width, int indent, int hang)
{
	em_fput_wrapped(stdout, s, width, indent, hang);
}
