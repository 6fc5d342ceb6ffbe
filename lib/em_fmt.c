/* em_fmt.c: output for people (text), for awk and cut (tsv), and for jq (JSON Lines). */
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

/*
 * Text for a terminal: control characters, which could move the cursor or
 * retitle the window, are shown in caret notation, never sent raw.
 */
void
em_put_text(FILE *fp, const char *s)
{
	const unsigned char *p;

	for (p = (const unsigned char *)s; *p != '\0'; p++) {
		if ((*p < 0x20 && *p != '\n' && *p != '\t') || *p == 0x7f) {
			fputc('^', fp);
			fputc(*p == 0x7f ? '?' : *p + '@', fp);
		} else if (*p == 0xc2 && p[1] >= 0x80 && p[1] <= 0x9f) {
			fputs("\xef\xbf\xbd", fp);	/* a C1 control: U+FFFD */
			p++;
		} else
			fputc(*p, fp);
	}
}

/*
 * One cell of a text table: s through the safe writer, cut to at most width
 * terminal columns on a character boundary, then padded with spaces to
 * exactly width (on the left when right is set).
 */
void
em_put_cell(FILE *fp, const char *s, size_t width, int right)
{
	size_t	 w, len;
	char	*cut;

	len = strlen(s);
	cut = em_xcalloc(1, len + 1);
	memcpy(cut, s, len);
	while ((w = em_text_width(cut)) > width) {
		/* Drop the last character (its continuation bytes with it). */
		while (len > 0 && ((unsigned char)cut[len - 1] & 0xc0) == 0x80)
			cut[--len] = '\0';
		if (len > 0)
			cut[--len] = '\0';
	}
	if (right)
		fprintf(fp, "%*s", (int)(width - w), "");
	em_put_text(fp, cut);
	if (!right)
		fprintf(fp, "%*s", (int)(width - w), "");
	free(cut);
}

/*
 * A tsv field: backslash, tab, newline and carriage return escaped as \\ \t
 * \n \r; any other control character as \xHH (C0 and DEL) or \u00HH (C1).
 */
void
em_put_tsv(FILE *fp, const char *s)
{
	const unsigned char *u;

	for (; *s != '\0'; s++) {
		u = (const unsigned char *)s;
		if ((*u < 0x20 && *u != '\t' && *u != '\n' && *u != '\r') || *u == 0x7f) {
			fprintf(fp, "\\x%02x", *u);
			continue;
		}
		if (u[0] == 0xc2 && u[1] >= 0x80 && u[1] <= 0x9f) {
			fprintf(fp, "\\u%04x", u[1]);
			s++;
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
			fputc(*s, fp);
		}
	}
}

/* A JSON string, quotes included. */
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
			else if (p[0] == 0xc2 && p[1] >= 0x80 && p[1] <= 0x9f)
				fprintf(fp, "\\u%04x", *++p);	/* a C1 control */
			else
				fputc(*p, fp);
		}
	}
	fputc('"', fp);
}

/*
 * JSON that SQLite made: valid, but C1 controls (which some terminals obey)
 * left raw. They can only stand inside strings, so escape them in place.
 */
void
em_put_rawjson(FILE *fp, const char *s)
{
	const char	*q;
	unsigned char	 c;

	while ((q = strchr(s, 0xc2)) != NULL) {
		c = (unsigned char)q[1];
		fwrite(s, 1, (size_t)(q - s), fp);
		if (c >= 0x80 && c <= 0x9f) {
			fprintf(fp, "\\u%04x", c);
			s = q + 2;
		} else {
			putc(0xc2, fp);
			s = q + 1;
		}
	}
	fputs(s, fp);
}

/* Column names: "json:x" is raw JSON only in json output, "tsv:x" only in tsv. */
static const char *
colname(sqlite3_stmt *st, int i, enum em_fmt fmt)
{
	const char *name = sqlite3_column_name(st, i);

	if (strncmp(name, "json:", 5) == 0)
		return fmt == EM_FMT_JSON ? name + 5 : NULL;
	if (strncmp(name, "tsv:", 4) == 0)
		return fmt == EM_FMT_TSV ? name + 4 : NULL;
	return name;
}

/*
 * Every row of a statement as tsv (with a header) or JSON Lines; the
 * number of rows goes to *nrows.
 */
int
em_out_stmt(struct em_ctx *ctx, sqlite3_stmt *st, long *nrows)
{
	const char	*name, *raw;
	int		 i, n = sqlite3_column_count(st), rc, first;
	long		 rows = 0;

	if (ctx->fmt == EM_FMT_TSV) {
		for (i = 0, first = 1; i < n; i++) {
			if ((name = colname(st, i, ctx->fmt)) == NULL)
				continue;
			printf("%s%s", first ? "" : "\t", name);
			first = 0;
		}
		putchar('\n');
	}
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		rows++;
		if (ctx->fmt == EM_FMT_JSON)
			putchar('{');
		for (i = 0, first = 1; i < n; i++) {
			if ((name = colname(st, i, ctx->fmt)) == NULL)
				continue;
			if (ctx->fmt == EM_FMT_TSV) {
				if (!first)
					putchar('\t');
				if (sqlite3_column_type(st, i) != SQLITE_NULL)
					em_put_tsv(stdout,
					    (const char *)sqlite3_column_text(st, i));
				first = 0;
				continue;
			}
			if (!first)
				putchar(',');
			first = 0;
			em_put_json(stdout, name);
			putchar(':');
			raw = sqlite3_column_name(st, i);
			switch (sqlite3_column_type(st, i)) {
			case SQLITE_NULL:
				fputs("null", stdout);
				break;
			case SQLITE_INTEGER:
			case SQLITE_FLOAT:
				fputs((const char *)sqlite3_column_text(st, i), stdout);
				break;
			default:
				if (strncmp(raw, "json:", 5) == 0)
					em_put_rawjson(stdout,
					    (const char *)sqlite3_column_text(st, i));
				else
					em_put_json(stdout,
					    (const char *)sqlite3_column_text(st, i));
			}
		}
		puts(ctx->fmt == EM_FMT_JSON ? "}" : "");
	}
	if (nrows != NULL)
		*nrows = rows;
	if (rc != SQLITE_DONE)
		return em_db_err(ctx, rc, "reading the database");
	return 0;
}

/* An SGR sequence when colour is on, else nothing. */
const char *
em_color(struct em_ctx *ctx, const char *sgr)
{
	return em_ctx_color(ctx) ? sgr : "";
}

/*
 * One record of named fields as tsv (with its header) or a JSON object. A key
 * ending in '#' names a number, written without quotes in JSON.
 */
void
em_out_fields(struct em_ctx *ctx, const char *const *keys, const char *const *vals)
{
	em_out_row(ctx, keys, vals, 1);
}

/* As em_out_fields, for one row of many: tsv gets its header only if asked. */
void
em_out_row(struct em_ctx *ctx, const char *const *keys, const char *const *vals,
    int header)
{
	size_t	 i, len;

	if (ctx->fmt == EM_FMT_TSV) {
		for (i = 0; header && keys[i] != NULL; i++) {
			len = strlen(keys[i]);
			printf("%s%.*s", i ? "\t" : "", (int)(len && keys[i][len - 1] ==
			    '#' ? len - 1 : len), keys[i]);
		}
		if (header)
			putchar('\n');
		for (i = 0; keys[i] != NULL; i++) {
			if (i > 0)
				putchar('\t');
			em_put_tsv(stdout, vals[i]);
		}
		putchar('\n');
	} else if (ctx->fmt == EM_FMT_JSON) {
		putchar('{');
		for (i = 0; keys[i] != NULL; i++) {
			len = strlen(keys[i]);
			if (i > 0)
				putchar(',');
			if (len > 0 && keys[i][len - 1] == '#') {
				printf("\"%.*s\":%s", (int)len - 1, keys[i], vals[i]);
				continue;
			}
			em_put_json(stdout, keys[i]);
			putchar(':');
			em_put_json(stdout, vals[i]);
		}
		puts("}");
	}
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
