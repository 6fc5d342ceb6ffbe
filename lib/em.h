/* em.h: the one public header of libempathy, shared by every empathy program and its tests. */
/*
 * Ownership, for every function here: a function that fails leaves its
 * out-parameters NULL and owns nothing; the caller frees only what a
 * successful call handed over.
 */
#ifndef EM_H
#define EM_H

#include <getopt.h>
#include <stddef.h>
#include <stdlib.h>
#include <stdio.h>

#include <sqlite3.h>

/* Exit statuses, as in PRODUCT.md and every man page. */
enum {
	EM_EX_OK = 0,
	EM_EX_NO = 1,		/* a predicate said no, or a search found nothing */
	EM_EX_USAGE = 64,
	EM_EX_DATAERR = 65,
	EM_EX_NOINPUT = 66,
	EM_EX_CANTCREAT = 73,
	EM_EX_IOERR = 74,
	EM_EX_TEMPFAIL = 75,	/* database busy past the timeout */
	EM_EX_CONFIG = 78,
	EM_CONTINUE = -1,	/* em_common_opts: go on to the command */
	EM_DONE = -2		/* help or the version printed: the command ends, 0 */
};

#define EM_WRAP_COLS	80		/* what text for people fits in */
#define EM_TEXT_MAX	(64 * 1024)	/* bytes in one piece of private text */
#define EM_BUSY_MS	5000		/* how long a writer waits for another */
#define EM_ID_LEN	16		/* hex digits in a record id */

enum em_fmt { EM_FMT_TEXT, EM_FMT_TSV, EM_FMT_JSON };

struct em_ctx;
struct em_content;
struct em_rectype;

struct em_subcmd {
	const char	*name;
	int		(*fn)(struct em_ctx *, int, char **);
	const char	*usage;		/* arguments after the name, as in the man page */
	const char	*help;		/* what it does, in one short line for --help */
};

/* What one run of one program knows; lives on main()'s stack. */
struct em_ctx {
	const char	*prog;
	const struct em_subcmd *subcmds;
	const struct em_subcmd *cmd;	/* the one running, once dispatched */
	enum em_fmt	 fmt;
	char		*user;		/* resolved by em_ctx_user() */
	int		 user_from;	/* EM_USER_*: where the name came from */
	int		 user_checked;	/* compared with the names in the database */
	char		*roster;	/* the names there, when user is not one */
	char		*dbpath;	/* resolved by em_db_open() */
	char		*cfg_user;	/* from config.yaml, once read */
	char		*cfg_db;
	int		 cfg_color;	/* -1 unset, 0 off, 1 on */
	int		 cfg_sealed;	/* sealed: in the config; -1 unset */
	int		 cfg_loaded;
	int		 color;		/* -1 until em_ctx_color() decides */
	char	       **cdirs;		/* --content, in order given */
	size_t		 ncdirs;
	sqlite3		*db;
	int		 db_mem;	/* read-only run with no database yet */
	int		 db_defer;	/* ... or a write run: made at em_db_begin */
	int		 db_base;	/* changes the empty one in memory was made with */
	int		 quiet;		/* no warnings (for the fuzzers) */
	struct em_content *content;
	int		 db_saved;	/* a write committed, none begun since */
	char		 errmsg[1024];
	char	       **words;		/* typed at a terminal, not yet stored */
	size_t		 nwords;
	const struct em_rectype *const *rectypes;	/* what export/import carry */
	struct em_oplog	*ol;		/* the operation log's state (em_op.c) */
};

/* Where the acting name came from (struct em_ctx user_from). */
enum { EM_USER_NONE, EM_USER_OPT, EM_USER_ENV, EM_USER_CFG, EM_USER_LOGIN };

/* em_ctx.c: set-up, common options, dispatch, usage, the end of a run. */
int	 em_main(const char *, const struct em_subcmd *,
	    const struct em_rectype *const *, int, char **);
void	 em_ctx_init(struct em_ctx *, const char *);
int	 em_common_opts(struct em_ctx *, int *, char ***, const struct em_subcmd *);
int	 em_dispatch(struct em_ctx *, int, char **);
int	 em_no_opts(struct em_ctx *, int, char **);
int	 em_no_args(struct em_ctx *, int, char **);
int	 em_maybe_arg(struct em_ctx *, int, char **, const char **);
int	 em_one_arg(struct em_ctx *, int, char **, const char *, const char **);
int	 em_usage(struct em_ctx *, FILE *, int);
int	 em_ctx_finish(struct em_ctx *, int);
int	 em_ctx_user(struct em_ctx *, const char **);
int	 em_ctx_content(struct em_ctx *, unsigned, const struct em_content **);
int	 em_ctx_seen(const struct em_ctx *);

/*
 * em_opt.c: a command's own options as a table, one row an effect; an
 * option with several rows (--date storing the day, and a flag that it was
 * given) applies them all in order. off is offsetof the field in the
 * command's args; each type says what the field is.
 */
enum {
	EM_OPT_FLAG = 1,	/* int: 1 */
	EM_OPT_SET,		/* int: val; clash if it holds another SET row's val */
	EM_OPT_STOP,		/* int: 1, and the options end: what follows is operands */
	EM_OPT_STR,		/* const char *: the argument; clash if given before */
	EM_OPT_NAME,		/* const char *: a usable name (em_name_valid) */
	EM_OPT_DATE,		/* long: a day (em_date_parse) */
	EM_OPT_PAST,		/* long: a day that has come */
	EM_OPT_WEEK,		/* long: the Monday of a week, YYYY-Www */
	EM_OPT_COUNT,		/* long: 1 to val, or to a billion when val is 0 */
	EM_OPT_TAG		/* struct em_tags: one more; clash if one is there */
};
struct em_opt {
	const char	*name;		/* long name, without "--"; or NULL */
	int		 letter;	/* short letter, or 0 */
	int		 type;		/* EM_OPT_* */
	size_t		 off;		/* offsetof the field in the args */
	int		 val;		/* EM_OPT_SET: what it stores; COUNT: the most */
	const char	*clash;		/* the usage error a type names, or NULL */
	int		(*ok)(const char *);	/* else "--name: 'arg' is not what" */
	const char	*what;
};
/* A plain row, into field f of struct s; a row with more says .val = ... */
#define EM_OPTION(name, letter, type, s, f) \
	{ (name), (letter), (type), offsetof(struct s, f), 0, NULL, NULL, NULL }
struct em_tags;
int	 em_opts(struct em_ctx *, int, char **, const struct em_opt *, void *);
int	 em_opt_tag(struct em_ctx *, const char *, struct em_tags *, const char *);

/* em_err.c: diagnostics. lib sets the message, cmd/ decides what reaches stderr. */
int	 em_err(struct em_ctx *, int, const char *, ...)
	    __attribute__((format(printf, 3, 4)));
int	 em_errno(struct em_ctx *, int, const char *, ...)
	    __attribute__((format(printf, 3, 4)));
const char *em_errmsg(const struct em_ctx *);
void	 em_err_clear(struct em_ctx *);
void	 em_warn(const struct em_ctx *, const char *, ...)
	    __attribute__((format(printf, 2, 3)));
int	 em_fail(struct em_ctx *, int, const char *, ...)
	    __attribute__((format(printf, 3, 4)));
void	 em_note(const struct em_ctx *, const char *, ...)
	    __attribute__((format(printf, 2, 3)));
void	 em_note_wrapped(const struct em_ctx *, const char *, ...)
	    __attribute__((format(printf, 2, 3)));
void	 em_hint(const struct em_ctx *, const char *, ...)
	    __attribute__((format(printf, 2, 3)));
#ifdef EM_ANALYZE
/*
 * gcc -fanalyzer (make lint) sees one file at a time; these return the
 * status they are given, so a failure path is never taken for success.
 */
static inline int em_status_(int got, int ex) { (void)got; return ex; }
#define em_err(ctx, ex, ...)	em_status_(em_err((ctx), (ex), __VA_ARGS__), (ex))
#define em_errno(ctx, ex, ...)	em_status_(em_errno((ctx), (ex), __VA_ARGS__), (ex))
#define em_fail(ctx, ex, ...)	em_status_(em_fail((ctx), (ex), __VA_ARGS__), (ex))
#endif

/*
 * em_mem.c: memory. Allocators never return NULL (they end the program
 * instead) and hand over memory that the caller releases with free(3);
 * marked so for the compiler and gcc -fanalyzer (make lint). em_strdup of
 * NULL is NULL, so it is only malloc-like.
 */
#if defined(__GNUC__)
#define EM_MALLOC	__attribute__((malloc, returns_nonnull))
#define EM_MALLOC_OR_NULL __attribute__((malloc))
#define EM_NONNULL_RET	__attribute__((returns_nonnull))
#else
#define EM_MALLOC
#define EM_MALLOC_OR_NULL
#define EM_NONNULL_RET
#endif
void	*em_xcalloc(size_t, size_t) EM_MALLOC;
void	*em_xreallocarray(void *, size_t, size_t) EM_NONNULL_RET;
char	*em_strdup(const char *) EM_MALLOC_OR_NULL;

/* em_cfg.c: XDG paths and the optional config file. */
char	*em_xdg_path(const char *, const char *, const char *) EM_MALLOC;
int	 em_cfg_load(struct em_ctx *);

/* em_db.c: the database, private, WAL, migrated. */
#define EM_DB_READ	0
#define EM_DB_WRITE	1	/* a missing file is made by the first em_db_begin */
#define EM_DB_CREATE	2	/* a missing file is made now (writes not in em_db_begin) */
int	 em_db_open(struct em_ctx *, int);
int	 em_db_err(struct em_ctx *, int, const char *);
#ifdef EM_ANALYZE
/* For gcc -fanalyzer: a failed SQLite call never maps to status 0. */
static inline int em_failed_(int ex) { return ex != 0 ? ex : EM_EX_IOERR; }
#define em_db_err(ctx, rc, what)	em_failed_(em_db_err((ctx), (rc), (what)))
#endif
int	 em_db_prepare(struct em_ctx *, sqlite3_stmt **, const char *);
int	 em_db_exec(struct em_ctx *, const char *);
int	 em_db_begin(struct em_ctx *);
int	 em_db_begin_change(struct em_ctx *);
int	 em_db_commit(struct em_ctx *);
void	 em_db_rollback(struct em_ctx *);
int	 em_db_scrub(struct em_ctx *, int);
void	 em_bind_text(sqlite3_stmt *, int, const char *);

/*
 * em_sql.c: one-line SQLite. types names the arguments after it, one letter
 * each, bound to ?1, ?2, ...: 's' a const char * (NULL binds NULL), 'l' a
 * long. what names the work in the message if it fails ("reading the
 * journal"). em_sql_one hands over the first column of the first row (NULL
 * when there is no row or it is NULL); em_sql_long the same as a number (0).
 */
int	 em_sql_prep(struct em_ctx *, sqlite3_stmt **, const char *, const char *,
	    ...);
char	*em_col_dup(sqlite3_stmt *, int);
int	 em_sql_one(struct em_ctx *, const char *, char **, const char *,
	    const char *, ...);
int	 em_sql_long(struct em_ctx *, const char *, long *, const char *,
	    const char *, ...);
int	 em_sql_run(struct em_ctx *, const char *, const char *, const char *, ...);

/* em_date.c: days are counted from 1970-01-01 in the local calendar. */
int	 em_date_parse(const char *, long *);
int	 em_week_parse(const char *, long *);
long	 em_date_today(void);
void	 em_date_fmt(long, char [11]);
int	 em_date_wday(long);	/* 1 Monday .. 7 Sunday */
void	 em_week_fmt(long, char [16]);

/* em_text.c: what makes text acceptable, and its width on a terminal. */
int	 em_name_valid(const char *);
#define EM_NAME_RULE	"one line of printable text, at most 64 bytes, not " \
			"starting with '-'"	/* em_name_valid, for people */
int	 em_text_bytes(struct em_ctx *, const char *, const char *, size_t);
int	 em_text_check(struct em_ctx *, const char *, const char *, size_t);
void	 em_text_trim(char *);
int	 em_tag_valid(const char *);
size_t	 em_text_width(const char *);
void	 em_wrap(const char *, size_t, char ***, size_t *);

/* em_input.c: private text from the arguments, stdin, a prompt or the editor. */
int	 em_read_all(struct em_ctx *, FILE *, const char *, size_t, char **, size_t *);
int	 em_read_stdin_text(struct em_ctx *, const char *, char **);
int	 em_editor_text(struct em_ctx *, const char *, const char *, char **);
int	 em_input_text(struct em_ctx *, int, char **, const char *, const char *,
	    const char *, char **);
int	 em_isatty_in(void);

/* em_rules.c: the rules of each kind of value, shared by the commands and import. */
#define EM_FEELING_MAX	40	/* bytes in a feeling word */
#define EM_TAG_MAX	32	/* bytes in a tag */
#define EM_TAGS_MAX	64	/* tags on one entry */
#define EM_TAG_RULE	"one word of letters, digits, '-' or '_', at most 32 bytes"
enum { EM_TAG_BAD = 1, EM_TAG_MANY };
struct em_tags {
	char		*v[EM_TAGS_MAX];
	size_t		 n;
};
void	 em_word_lower(char *);
int	 em_feeling_valid(const char *);
int	 em_tags_add(struct em_tags *, const char *);
char	*em_tags_join(struct em_tags *);
void	 em_tags_free(struct em_tags *);

/* em_ask.c: asking at the terminal. EOF (Ctrl-D) is "cancelled": EM_EX_NO. */
#define EM_ASK_EMPTY	0x1	/* an empty line is an answer ("") */
#define EM_ASK_KEEP	0x2	/* words of the person's: kept if not stored */
int	 em_ask_line(struct em_ctx *, const char *, int, char **);
int	 em_ask_key(struct em_ctx *, const char *, const char *, int *);
int	 em_ask_yes(const char *);
int	 em_ask_secret(struct em_ctx *, const char *, char **);

/* em_fmt.c: text, tsv and JSON Lines output. */
void	 em_put_text(FILE *, const char *);
void	 em_put_cell(FILE *, const char *, size_t, int);
#define EM_NAME_COLS	25	/* columns a name gets inside a sentence */
void	 em_put_name(FILE *, const char *, size_t);
size_t	 em_width_in(const char *, size_t, size_t);

/*
 * Records in tsv and JSON Lines: a record type is a list of fields, each
 * with its type, ended by a NULL name; a record is one value a field.
 */
enum em_type {
	EM_STR,		/* text (.s) */
	EM_INT,		/* a whole number (.n) */
	EM_BOOL,	/* true or false (.n); 1 or 0 in tsv */
	EM_NUM,		/* a decimal written by the caller (.s), e.g. "83.3" */
	EM_JSON,	/* a JSON value (.s), as SQLite's json functions make */
	EM_LIST,	/* strings (.l, ended by NULL): an array; ", " in tsv */
	EM_NULL,
	EM_TYPE = 0xf,
	EM_ONLY_JSON = 0x10,	/* the field is left out of tsv */
	EM_ONLY_TSV = 0x20	/* the field is left out of JSON */
};
struct em_col {
	const char	*name;
	int		 type;		/* enum em_type, with EM_ONLY_* */
};
struct em_val {
	const char		*s;
	const char *const	*l;
	long long		 n;
	int			 null;	/* null in JSON, empty in tsv */
};
#define EM_COLS_MAX	32
#define EM_S(x)		((struct em_val){ .s = (x), .null = (x) == NULL })
#define EM_W(x)		((struct em_val){ .s = (x) })	/* a string, never NULL */
#define EM_N(x)		((struct em_val){ .n = (x) })
#define EM_L(x)		((struct em_val){ .l = (x) })
#define EM_NIL		((struct em_val){ .null = 1 })
int	 em_emit_head(struct em_ctx *, const struct em_col *);
int	 em_emit(struct em_ctx *, const struct em_col *, const struct em_val *);
int	 em_emit_stmt(struct em_ctx *, const struct em_col *, sqlite3_stmt *,
	    long *);
int	 em_emit_row(struct em_ctx *, const struct em_col *, sqlite3_stmt *);
void	 em_emit_kind(struct em_ctx *, const struct em_col *, const struct em_col *,
	    const struct em_val *);
struct em_view {
	void	(*text)(struct em_ctx *, const void *);
	void	(*records)(struct em_ctx *, const void *);
};
void	 em_render(struct em_ctx *, const struct em_view *, const void *);
int	 em_page(const struct em_ctx *, const char *, ...)
	    __attribute__((format(printf, 2, 3)));
const char **em_strv_list(char *const *, size_t);
void	 em_stmt_vals(const struct em_col *, sqlite3_stmt *, struct em_val *);
const char *em_color(struct em_ctx *, const char *);
void	 em_put_wrapped(const char *, size_t, int, int);
void	 em_fput_wrapped(FILE *, const char *, size_t, int, int);

/* em_rand.c: random ids and choices. */
void	 em_id_new(char [EM_ID_LEN + 1]);
void	 em_id_derive(char [EM_ID_LEN + 1], const char *, ...)
	    __attribute__((sentinel));
unsigned long em_rand_below(unsigned long);

/*
 * em_box.c: keys, pairing codes and passphrases; the sealed mailbox files
 * of sync (empathy(7)): DIR/<replica>-<n as 12 digits>, each written once,
 * sealed with XChaCha20-Poly1305 to the couple, the replica and n; and
 * DIR/couple, which says whose mailbox DIR is. Payloads are secret: the
 * caller releases one with em_box_free, which wipes it.
 */
#define EM_KEY_BYTES	32
#define EM_SALT_BYTES	16
#define EM_PAIR_MAX	96	/* bytes in a pairing code with its NUL */
#define EM_BOX_MAX	(64L * 1024 * 1024)	/* bytes in one mailbox file */
#define EM_BOX_OVERHEAD	48	/* bytes of a file beside its payload */
void	 em_salt_new(unsigned char [EM_SALT_BYTES]);
/* Argon2id; 65 for an empty passphrase, 73 out of memory. */
int	 em_key_from_pass(struct em_ctx *, const char *,
	    const unsigned char [EM_SALT_BYTES], unsigned char [EM_KEY_BYTES]);
/* 17 groups of 4 digits and capitals; parsed ignoring case, spaces, dashes. */
void	 em_pair_code(const char *, const unsigned char [EM_KEY_BYTES],
	    char [EM_PAIR_MAX]);
int	 em_pair_parse(struct em_ctx *, const char *, char [EM_ID_LEN + 1],
	    unsigned char [EM_KEY_BYTES]);
struct em_box_name {
	char		 replica[EM_ID_LEN + 1];
	unsigned long	 n;
	char		*name;
};
/* dir, couple, salt or NULL, key: DIR/couple once; 65 other couple or key. */
int	 em_box_couple_put(struct em_ctx *, const char *, const char *,
	    const unsigned char *, const unsigned char [EM_KEY_BYTES]);
/* 66 missing, 65 damaged; the last says whether salt was filled. */
int	 em_box_couple_get(struct em_ctx *, const char *, char [EM_ID_LEN + 1],
	    unsigned char [EM_SALT_BYTES], int *);
/* 0 if the key is the one DIR/couple was written with, 65 if not. */
int	 em_box_key_check(struct em_ctx *, const char *,
	    const unsigned char [EM_KEY_BYTES]);

/* em_json.c: one strict, flat JSON object per import line. */
#define EM_JSON_MAXKEYS	32	/* keys in one object, at most */
enum em_jtype { EM_J_NULL, EM_J_BOOL, EM_J_NUM, EM_J_STR };
struct em_jval {
	char		*key;
	enum em_jtype	 type;
	char		*str;		/* decoded string, or the number's text */
	long long	 num;
	int		 isint;
};
struct em_jobj {
	struct em_jval	*v;
	size_t		 n;
};

/* em_sync.c: export and import of JSON Lines, described by tables. */
enum em_ftype {
	EM_F_TEXT,	/* a string */
	EM_F_NAME,	/* a string naming a person */
	EM_F_DATE,	/* YYYY-MM-DD */
	EM_F_TIME,	/* an ISO 8601 UTC time as SQLite writes it */
	EM_F_ID,	/* a record id */
	EM_F_INT,	/* a whole number */
	EM_F_BOOL,	/* true or false, stored as 0 or 1 */
	EM_F_TAGS,	/* tags, space-separated; may be empty */
	EM_F_ANSWERS,	/* whole numbers separated by commas */
	EM_F_WORD,	/* a feeling word, stored in lower case */
	EM_F_CID	/* the id of a content document */
};
#define EM_F_NULLABLE	0x1
#define EM_F_REF	0x2	/* refers to a record id of an earlier type */
#define EM_F_EMPTY	0x4	/* text that may be empty (a check-in with no low) */
struct em_field {
	const char	*name;		/* JSON key and column name */
	enum em_ftype	 type;
	int		 flags;
	const char	*const *values;	/* allowed values, NULL-terminated, or NULL */
};
struct em_rectype {
	const char	*type;		/* "type" in each record */
	const char	*table;
	const char	*order;		/* ORDER BY for export */
	const struct em_field *fields;	/* id first, then the rest; created, updated last */
	const char *const *natural;	/* fields of a unique key beside id, or NULL */
	const char	*added;		/* SQL to run after a record is added, or NULL */
	int		 own;		/* EM_OWN_*: who may change a record */
	const char	*owner;		/* EM_OWN_PARENT: the table its EM_F_REF field names */
};
/* Who may change a record, in commands, import and sync alike. */
enum {
	EM_OWN_AUTHOR,	/* only the person in its "user" field */
	EM_OWN_COUPLE,	/* either partner; its "user" (who began it) never changes */
	EM_OWN_PARENT	/* only the author of the record its reference names */
};
struct em_import_counts {
	long		 added, updated, unchanged, refused, earlier;
};
extern const struct em_rectype *const em_checkin_records[];
extern const struct em_rectype *const em_journal_records[];
extern const char em_entry_index[];

/*
 * em_seal.c: sealed journal moments. em_sealed(user, sealed) in SQL says
 * whether an entry is sealed now, and from whom; every view asks it.
 */
#define EM_SEAL_OPEN	0	/* anyone may read it */
#define EM_SEAL_MINE	1	/* sealed, and the one acting wrote it */
#define EM_SEAL_HIDDEN	2	/* sealed from the one acting */
#define EM_SEALED(e)	"em_sealed(" e "user, " e "sealed)"
#define EM_SEAL_STR_(x)	#x
#define EM_SEAL_STR(x)	EM_SEAL_STR_(x)
/* Whether entry e (an alias and a dot, or "") is sealed from the one acting. */
#define EM_HIDDEN(e)	"(" EM_SEALED(e) " = " EM_SEAL_STR(EM_SEAL_HIDDEN) ")"
long	 em_seal_lifts(long);
void	 em_seal_reader(struct em_ctx *);
extern const struct em_rectype *const em_assess_records[];
extern const struct em_rectype *const em_challenge_records[];
extern const struct em_rectype *const em_couple_records[];
int	 em_cmd_import(struct em_ctx *, int, char **);
int	 em_cmd_export(struct em_ctx *, int, char **);

/* em_couple.c: the couple, its roster of two, this replica; meta values. */
struct em_couple {
	char		 id[EM_ID_LEN + 1];	/* the couple */
	char		 replica[EM_ID_LEN + 1];	/* this database */
	int		 has_key;	/* made or joined: the couple key is here */
	unsigned char	 key[32];
	int		 has_salt;	/* the key came from a passphrase */
	unsigned char	 salt[16];
	char		*names[2];	/* the roster, as stored, sorted; NULL when absent */
	size_t		 nnames;
};
int	 em_couple_load(struct em_ctx *, struct em_couple *);
void	 em_couple_free(struct em_couple *);
int	 em_couple_create(struct em_ctx *, const unsigned char *, const unsigned char *);
int	 em_couple_join(struct em_ctx *, const char *, const unsigned char *,
	    const unsigned char *);
int	 em_partner_rename(struct em_ctx *, const char *, const char *);
#define EM_PARTNER_ROSTER	0x1	/* once the roster is full, its other name */
int	 em_partner_arg(struct em_ctx *, const char *, const char *, const char *,
	    int, char **);
int	 em_meta_get(struct em_ctx *, const char *, char **);
int	 em_meta_set(struct em_ctx *, const char *, const char *);

/* em_op.c: the operation log: every change, stamped with a hybrid logical clock. */
#define EM_CLOCK_LEN	34	/* MMMMMMMMMMMM.CCCC.RRRRRRRRRRRRRRRR */

/* em_xfer.c: sync with the partner's machines. */
struct em_sync_report {
	long		 sent, received, applied, refused, earlier, pending, files;
	long long	 skew_ms;	/* a partner's clock minus ours, the largest seen */
	char		*warnings;	/* lines for people, or NULL */
};
int	 em_sync_dir(struct em_ctx *, const char *, int, struct em_sync_report *);
int	 em_sync_ssh(struct em_ctx *, const char *, int, struct em_sync_report *);
int	 em_sync_serve(struct em_ctx *);
void	 em_sync_report_free(struct em_sync_report *);

/* em_content.c: YAML content documents found on the content path. */
enum em_kind {
	EM_K_PROMPTS, EM_K_EMOTIONS, EM_K_ADVICE, EM_K_INSTRUMENT, EM_K_EXERCISE,
	EM_K_CHALLENGE, EM_K_COUNT
};
struct em_feeling {
	char		*word;
	char	       **under;
	size_t		 nunder;
};
/* An advice rule: where it counts (empathy-content(5)), and its compiled phrase. */
enum em_rkind { EM_R_PHRASE, EM_R_OPENER, EM_R_FRAME, EM_R_QUESTION, EM_R_COUNT };
/* The lists that make a match not count, or let an opener come later. */
enum em_xkind { EM_X_SOFTENER, EM_X_REPORTER, EM_X_NEGATION, EM_X_ASKING,
	EM_X_COUNT };
struct em_phrase;
struct em_pattern {
	char		*match;
	char		*instead;
	char		*note;
	enum em_rkind	 kind;
	struct em_phrase *rx;
	struct em_phrase **unless;
	size_t		 nunless;
};
struct em_item {
	char		*text;
	char		*exercise;
	int		 reverse;
	int		 noguess;	/* guess: false: never scored for accuracy */
	unsigned	 line, col;
};
struct em_band {
	int		 from;
	char		*label;
	char		*meaning;
};
struct em_day {
	char		*title;
	char		*task;
	char		*exercise;
	unsigned	 line, col;
};
/* One document; which fields are set depends on its kind. */
struct em_doc {
	enum em_kind	 kind;
	char		*id;
	char		*title;
	char		*description;
	char		*file;
	unsigned	 line, col;
	char	       **strv;		/* prompts, or an exercise's steps */
	size_t		 nstr;
	char	       **labels;	/* an instrument's scale labels */
	size_t		 nlabels;
	int		 min, max;	/* an instrument's scale */
	int		 minutes;	/* an exercise's length */
	struct em_feeling *feelings;
	size_t		 nfeelings;
	struct em_pattern *patterns;	/* advice rules of every kind */
	size_t		 npatterns;
	struct em_phrase **except[EM_X_COUNT];
	size_t		 nexcept[EM_X_COUNT];
	struct em_item	*items;
	size_t		 nitems;
	struct em_band	*bands;
	size_t		 nbands;
	struct em_day	*days;
	size_t		 ndays;
};
const char *em_kind_name(enum em_kind);
#define EM_KIND(k)	(1u << (k))
#define EM_KINDS_ALL	(EM_KIND(EM_K_COUNT) - 1)
size_t	 em_content_count(const struct em_content *, enum em_kind);
const struct em_doc *em_content_nth(const struct em_content *, enum em_kind, size_t);
const struct em_doc *em_content_find(const struct em_content *, enum em_kind, const char *);
int	 em_content_id_valid(const char *);
void	 em_strv_free(char **, size_t);

/* em_score.c: answering an instrument and scoring it. */
int	 em_answers_parse(const struct em_doc *, const char *, int *, char *, size_t);
int	 em_item_points(const struct em_doc *, size_t, int);
int	 em_score(const struct em_doc *, const int *);
const struct em_band *em_band_of(const struct em_doc *, int);
/* Empathic accuracy: a guess at a partner's answers beside their own. */
#define EM_ACC_ASK	3	/* items furthest apart, to ask about */
struct em_acc {
	size_t		 counted;	/* items that count (not guess: false) */
	int		 percent;	/* over them, 0-100; -1 when none count */
	size_t		 ask[EM_ACC_ASK];	/* furthest apart first, apart > 0 */
	size_t		 nask;
};
int	 em_item_accuracy(const struct em_doc *, int, int);
void	 em_accuracy(const struct em_doc *, const int *, const int *,
	    struct em_acc *);

/* em_advice.c: answers that give advice instead of listening. */
struct em_sentence {
	size_t		 beg, end;	/* bytes of the answer */
	int		 question;
	const struct em_pattern *rule;	/* the rule it breaks, or NULL */
	const struct em_doc *doc;
	size_t		 mbeg, mend;	/* the words that broke it */
};
size_t	 em_advice_judge(const struct em_content *, const char *,
	    struct em_sentence **);
const char *em_rkind_name(enum em_rkind);

/* em_today.c: what is owed today (empathy due and today, empathy-checkin due). */
enum em_owe { EM_OWE_CHECKIN, EM_OWE_ANSWER };
struct em_owed {
	enum em_owe	 what;
	char		*user;		/* whose check-in: yours, or the one to answer */
	char		 date[11];
	int		 hidden;	/* to answer, but you have not checked in that day */
};
int	 em_owed_checkins(struct em_ctx *, const char *, long, struct em_owed **,
	    size_t *);
void	 em_owed_free(struct em_owed *, size_t);
void	 em_owed_say(const struct em_owed *, const char *, const char *);
struct em_run_now {
	char		 id[EM_ID_LEN + 1];
	char		*challenge;
	long		 day, days;	/* today's day number, of days */
	int		 done;		/* you did today's day */
	int		 partner_done;	/* someone else did */
};
int	 em_run_now(struct em_ctx *, const char *, long, struct em_run_now *);
void	 em_run_now_free(struct em_run_now *);

/*
 * em_news.c: what your partner did since you last looked (empathy news and
 * empathy today): open finds the last look (and with EM_NEWS_LOOK notes
 * this one), each calls a function with every new item.
 */
enum em_news_kind {
	EM_NEWS_ANSWER,		/* an answer to one of your check-ins */
	EM_NEWS_REPLY,		/* a reply to one of your answers */
	EM_NEWS_CHECKIN,	/* their check-in, once you can read it */
	EM_NEWS_MOMENT,		/* a journal moment */
	EM_NEWS_DAY,		/* a challenge day they did */
	EM_NEWS_RESULT,		/* a questionnaire they answered about you */
	EM_NEWS_NKINDS
};
/* One new thing; its strings are borrowed for the length of the call. */
struct em_news_item {
	enum em_news_kind kind;
	const char	*user;		/* who did it */
	const char	*date;		/* the day it is about */
	const char	*what;		/* question or reflection, the feeling, seen or
					   misunderstood, the challenge, the instrument */
	long		 n;		/* the challenge day, the score; else 0 */
	const char	*text;		/* their words: an answer, a moment, a note */
	const char	*when;		/* when it was written (UTC) */
	const char	*sealed;	/* a moment sealed from you: the day it opens */
	long		 nth, total;	/* its place among the new of its kind, from 1 */
};
struct em_news {
	char		*me;
	char		*since;		/* when you last looked (UTC), or NULL: never */
	char		 from[48];	/* new is from here on: since, or a week ago */
	char		*vv;		/* how far the log went then */
	char		*replica;	/* this database's */
	char		*now;		/* this look, when noted; else NULL */
};
#define EM_NEWS_LOOK	0x1	/* note this look: what it finds is no longer new */
int	 em_news_open(struct em_ctx *, const char *, int, struct em_news *);
int	 em_news_each(struct em_ctx *, const struct em_news *,
	    int (*)(void *, const struct em_news_item *), void *);
int	 em_news_unlook(struct em_ctx *, const struct em_news *);
void	 em_news_close(struct em_news *);

/*
 * em_undo.c: deletes that can be taken back (a record's "removed" time;
 * the live_ views show what is not removed), and empathy undo.
 */
int	 em_rec_find(struct em_ctx *, const char *, const char *, const char *,
	    char [EM_ID_LEN + 1], int *);
int	 em_rec_remove(struct em_ctx *, const char *, const char *, int, int *);
int	 em_rec_emit(struct em_ctx *, const char *, const char *, const char *,
	    int, int, const struct em_col *, const struct em_val *);
void	 em_rec_said(struct em_ctx *, const char *, const char *, int, int,
	    const char *);
int	 em_undo_list(struct em_ctx *, const char *, long);
int	 em_undo(struct em_ctx *, const char *, int, char **);

#endif
