/* em_yaml.c: YAML files into small trees of positioned nodes, with limits libyaml lacks. */
#include <sys/stat.h>

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <yaml.h>

#include "em_int.h"

static struct em_ynode *
node_new(enum em_ytype type, const yaml_mark_t *m)
{
	struct em_ynode *n = em_xcalloc(1, sizeof(*n));

	n->type = type;
	n->line = (unsigned)m->line + 1;
	n->col = (unsigned)m->column + 1;
	return n;
}

static void
node_add(struct em_ynode *parent, struct em_ynode *kid)
{
	if (parent->n == parent->cap) {
		parent->cap = parent->cap ? parent->cap * 2 : 8;
		parent->kids = em_xreallocarray(parent->kids, parent->cap,
		    sizeof(*parent->kids));
	}
	parent->kids[parent->n++] = kid;
}

void
em_ynode_free(struct em_ynode *n)
{
	size_t	 i;

	if (n == NULL)
		return;
	for (i = 0; i < n->n; i++)
		em_ynode_free(n->kids[i]);
	free(n->kids);
	free(n->str);
	free(n);
}

void
em_ydocs_free(struct em_ynode **docs, size_t n)
{
	size_t	 i;

	for (i = 0; i < n; i++)
		em_ynode_free(docs[i]);
	free(docs);
}

/* The value under key in a mapping, or NULL. */
struct em_ynode *
em_ymap_get(const struct em_ynode *map, const char *key)
{
	size_t	 i;

	if (map == NULL || map->type != EM_Y_MAP)
		return NULL;
	for (i = 0; i + 1 < map->n; i += 2)
		if (strcmp(map->kids[i]->str, key) == 0)
			return map->kids[i + 1];
	return NULL;
}

/* A whole file into memory, NUL-terminated: only a regular file, and not a huge one. */
int
em_yaml_read(struct em_ctx *ctx, const char *path, unsigned char **bufp,
    size_t *lenp)
{
	struct stat	 st;
	unsigned char	*buf;
	size_t		 off = 0;
	ssize_t		 r;
	int		 fd;

	/* Non-blocking, so a FIFO named like content is refused, not waited on. */
	if ((fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)) == -1)
		return em_errno(ctx, errno == ENOENT ? EM_EX_NOINPUT : EM_EX_CONFIG,
		    "%s", path);
	if (fstat(fd, &st) == -1) {
		close(fd);
		return em_errno(ctx, EM_EX_IOERR, "%s", path);
	}
	if (!S_ISREG(st.st_mode)) {
		close(fd);
		return em_err(ctx, EM_EX_CONFIG, "%s: not a regular file", path);
	}
	if (st.st_size > EM_YAML_MAXFILE) {
		close(fd);
		return em_err(ctx, EM_EX_CONFIG, "%s: file is larger than %ld KiB",
		    path, EM_YAML_MAXFILE / 1024);
	}
	buf = em_xcalloc(1, (size_t)st.st_size + 1);
	while (off < (size_t)st.st_size) {
		r = read(fd, buf + off, (size_t)st.st_size - off);
		if (r == -1 && errno == EINTR)
			continue;
		if (r <= 0) {
			close(fd);
			free(buf);
			return em_errno(ctx, EM_EX_IOERR, "reading %s", path);
		}
		off += (size_t)r;
	}
	close(fd);
	*bufp = buf;
	*lenp = off;
	return 0;
}

/* The line and column of a byte offset, counting characters as UTF-8. */
static void
mark_at(const unsigned char *buf, size_t len, size_t off, yaml_mark_t *m)
{
	size_t	 i;

	m->line = m->column = 0;
	for (i = 0; i < off && i < len; i++) {
		if (buf[i] == '\n') {
			m->line++;
			m->column = 0;
		} else if ((buf[i] & 0xc0) != 0x80)
			m->column++;
	}
}

static int
perr(struct em_ctx *ctx, const char *path, const yaml_mark_t *m, const char *what)
{
	return em_err(ctx, EM_EX_CONFIG, "%s:%lu:%lu: %s", path,
	    (unsigned long)m->line + 1, (unsigned long)m->column + 1, what);
}

/* Refuse what content never needs and attackers love: anchors, aliases, tags. */
static int
refuse_extras(struct em_ctx *ctx, const char *path, const yaml_event_t *ev)
{
	const yaml_char_t *anchor = NULL, *tag = NULL;
	int	 implicit = 1;

	switch (ev->type) {
	case YAML_ALIAS_EVENT:
		return perr(ctx, path, &ev->start_mark,
		    "aliases are not allowed in content");
	case YAML_SCALAR_EVENT:
		anchor = ev->data.scalar.anchor;
		tag = ev->data.scalar.tag;
		implicit = ev->data.scalar.plain_implicit ||
		    ev->data.scalar.quoted_implicit;
		break;
	case YAML_SEQUENCE_START_EVENT:
		anchor = ev->data.sequence_start.anchor;
		tag = ev->data.sequence_start.tag;
		implicit = ev->data.sequence_start.implicit;
		break;
	case YAML_MAPPING_START_EVENT:
		anchor = ev->data.mapping_start.anchor;
		tag = ev->data.mapping_start.tag;
		implicit = ev->data.mapping_start.implicit;
		break;
	default:
		return 0;
	}
	if (anchor != NULL)
		return perr(ctx, path, &ev->start_mark,
		    "anchors are not allowed in content");
	if (tag != NULL && !implicit)
		return perr(ctx, path, &ev->start_mark,
		    "tags are not allowed in content");
	return 0;
}

/* Add a finished node to its parent, checking that mapping keys are scalars. */
static int
attach(struct em_ctx *ctx, const char *path, struct em_ynode *parent,
    struct em_ynode *kid)
{
	if (parent->type == EM_Y_MAP && parent->n % 2 == 0 &&
	    kid->type != EM_Y_STR) {
		yaml_mark_t m = { 0, kid->line - 1, kid->col - 1 };
		em_ynode_free(kid);
		return perr(ctx, path, &m, "a key must be a plain word");
	}
	node_add(parent, kid);
	return 0;
}

static int
bykey(const void *a, const void *b)
{
	const struct em_ynode *const *x = a, *const *y = b;
	int	 c = strcmp((*x)->str, (*y)->str);

	if (c != 0)
		return c;
	return (*x)->line != (*y)->line ? ((*x)->line < (*y)->line ? -1 : 1) :
	    ((*x)->col < (*y)->col ? -1 : (*x)->col > (*y)->col);
}

/*
 * A finished mapping's keys must be unique: sorted, so that a mapping of
 * n keys costs n log n, not n squared. The duplicate reported is the one
 * that comes first in the file, as a reader would meet it.
 */
static int
unique_keys(struct em_ctx *ctx, const char *path, const struct em_ynode *map)
{
	const struct em_ynode **keys, *dup = NULL, *first = NULL;
	size_t	 i, n = map->n / 2;
	char	 key[68], msg[160];

	if (n < 2)
		return 0;
	keys = em_xcalloc(n, sizeof(*keys));
	for (i = 0; i < n; i++)
		keys[i] = map->kids[2 * i];
	qsort(keys, n, sizeof(*keys), bykey);
	for (i = 1; i < n; i++)
		if (strcmp(keys[i - 1]->str, keys[i]->str) == 0 && (dup == NULL ||
		    keys[i]->line < dup->line || (keys[i]->line == dup->line &&
		    keys[i]->col < dup->col))) {
			dup = keys[i];
			first = keys[i - 1];
		}
	free(keys);
	if (dup == NULL)
		return 0;
	{
		yaml_mark_t m = { 0, dup->line - 1, dup->col - 1 };
		em_cut(key, sizeof(key), dup->str);
		snprintf(msg, sizeof(msg), "duplicate key '%s' (first at line %u)",
		    key, first->line);
		return perr(ctx, path, &m, msg);
	}
}

/*
 * Parse every document of a file read by em_yaml_read into trees. Errors
 * carry file:line:column and the status 78 (bad content or configuration).
 */
int
em_yaml_parse(struct em_ctx *ctx, const char *path, const unsigned char *buf,
    size_t len, struct em_ynode ***docsp, size_t *ndocsp)
{
	yaml_parser_t	  parser;
	yaml_event_t	  ev;
	struct em_ynode	 *stack[EM_YAML_MAXDEPTH + 1], *n, **docs = NULL;
	size_t		  depth = 0, ndocs = 0;
	int		  ex = 0, done = 0;
	char		  msg[512];

	*docsp = NULL;
	*ndocsp = 0;
	if (!yaml_parser_initialize(&parser))
		return em_err(ctx, EM_EX_IOERR, "%s: cannot start the YAML parser", path);
	yaml_parser_set_input_string(&parser, buf, len);
	while (!done) {
		if (!yaml_parser_parse(&parser, &ev)) {
			snprintf(msg, sizeof(msg), "%s%s%s",
			    parser.problem ? parser.problem : "syntax error",
			    parser.context ? " " : "",
			    parser.context ? parser.context : "");
			/* Encoding errors come with a byte offset, not a mark. */
			if (parser.error == YAML_READER_ERROR)
				mark_at(buf, len, parser.problem_offset,
				    &parser.problem_mark);
			ex = perr(ctx, path, &parser.problem_mark, msg);
			break;
		}
		if ((ex = refuse_extras(ctx, path, &ev)) != 0) {
			yaml_event_delete(&ev);
			break;
		}
		n = NULL;
		switch (ev.type) {
		case YAML_STREAM_END_EVENT:
			done = 1;
			break;
		case YAML_SCALAR_EVENT:
			n = node_new(EM_Y_STR, &ev.start_mark);
			n->str = em_xcalloc(1, ev.data.scalar.length + 1);
			memcpy(n->str, ev.data.scalar.value, ev.data.scalar.length);
			n->plain = ev.data.scalar.style == YAML_PLAIN_SCALAR_STYLE;
			if (strlen(n->str) != ev.data.scalar.length) {
				em_ynode_free(n);
				ex = perr(ctx, path, &ev.start_mark,
				    "a NUL character is not allowed");
			}
			break;
		case YAML_SEQUENCE_START_EVENT:
		case YAML_MAPPING_START_EVENT:
			if (depth == EM_YAML_MAXDEPTH) {
				ex = perr(ctx, path, &ev.start_mark,
				    "nested too deeply");
				break;
			}
			stack[depth++] = node_new(ev.type == YAML_MAPPING_START_EVENT ?
			    EM_Y_MAP : EM_Y_SEQ, &ev.start_mark);
			break;
		case YAML_SEQUENCE_END_EVENT:
		case YAML_MAPPING_END_EVENT:
			if (depth == 0) {	/* libyaml never ends what it did not start */
				ex = perr(ctx, path, &ev.start_mark, "syntax error");
				break;
			}
			n = stack[--depth];
			if (n->type == EM_Y_MAP &&
			    (ex = unique_keys(ctx, path, n)) != 0) {
				em_ynode_free(n);
				n = NULL;
			}
			break;
		default:
			break;
		}
		yaml_event_delete(&ev);
		if (ex != 0)
			break;
		if (n == NULL)
			continue;
		if (depth > 0) {
			if ((ex = attach(ctx, path, stack[depth - 1], n)) != 0)
				break;
		} else {
			/* Room doubled when the count reaches a power of two. */
			if ((ndocs & (ndocs - 1)) == 0)
				docs = em_xreallocarray(docs, ndocs ? ndocs * 2 : 1,
				    sizeof(*docs));
			docs[ndocs++] = n;
		}
	}
	while (depth > 0)
		em_ynode_free(stack[--depth]);
	yaml_parser_delete(&parser);
	if (ex != 0) {
		em_ydocs_free(docs, ndocs);
		return ex;
	}
	*docsp = docs;
	*ndocsp = ndocs;
	return 0;
}

/* em_yaml_read, then em_yaml_parse. */
int
em_yaml_load(struct em_ctx *ctx, const char *path, struct em_ynode ***docsp,
    size_t *ndocsp)
{
	unsigned char	*buf;
	size_t		 len;
	int		 ex;

	*docsp = NULL;
	*ndocsp = 0;
	if ((ex = em_yaml_read(ctx, path, &buf, &len)) != 0)
		return ex;
	ex = em_yaml_parse(ctx, path, buf, len, docsp, ndocsp);
	free(buf);
	return ex;
}
