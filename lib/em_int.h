/* em_int.h: parts of libempathy that only lib/ sees. */
#ifndef EM_INT_H
#define EM_INT_H

#include "em.h"

#define EM_YAML_MAXDEPTH	32
#define EM_YAML_MAXFILE		(4L * 1024 * 1024)

enum em_ytype { EM_Y_STR, EM_Y_SEQ, EM_Y_MAP };

/* A YAML node with its position; a map holds keys and values alternately in kids. */
struct em_ynode {
	enum em_ytype	 type;
	char		*str;
	int		 plain;		/* an unquoted scalar */
	struct em_ynode **kids;
	size_t		 n, cap;
	unsigned	 line, col;
};

int	 em_yaml_read(struct em_ctx *, const char *, unsigned char **, size_t *);
int	 em_yaml_parse(struct em_ctx *, const char *, const unsigned char *, size_t,
	    struct em_ynode ***, size_t *);
int	 em_yaml_load(struct em_ctx *, const char *, struct em_ynode ***, size_t *);
void	 em_ynode_free(struct em_ynode *);
void	 em_ydocs_free(struct em_ynode **, size_t);
struct em_ynode *em_ymap_get(const struct em_ynode *, const char *);

/* em_width.c: one UTF-8 character at a time, and the columns it takes on a terminal. */
#define EM_U8_BAD	0x110000u	/* a byte that is not part of valid UTF-8 */
size_t	 em_u8_next(const char *, unsigned *);
size_t	 em_u8_nextn(const char *, size_t, unsigned *);
int	 em_cp_width(unsigned);

/* em_box.c: remove the temporary files a killed sync of replica left in dir. */
void	 em_box_sweep(const char *, const char *);

/*
 * lib/ uses these (and its unit tests); cmd/ does not, so em.h does not
 * declare them.
 */
int	 em_stranger(struct em_ctx *);
int	 em_getopt(struct em_ctx *, int, char **, const char *, const struct option *);
int	 em_optdone(struct em_ctx *, int);
int	 em_opt_date(struct em_ctx *, const char *, const char *, long *);
int	 em_opt_past_date(struct em_ctx *, const char *, const char *, long *);
int	 em_opt_count(struct em_ctx *, const char *, const char *, long *);
int	 em_ctx_color(struct em_ctx *);
void	 em_words_remember(struct em_ctx *, const char *);
void	 em_words_forget(struct em_ctx *);
int	 em_words_keep(struct em_ctx *, const char *const *, size_t, char **);
int	 em_report(struct em_ctx *, int);
void	 em_no_core(void);
void	 em_db_close(struct em_ctx *);
int	 em_db_done(struct em_ctx *, sqlite3_stmt **, const char *);
int	 em_busy_ms(void);
int	 em_utf8_valid(const char *, size_t);
int	 em_id_valid(const char *);
int	 em_tags_canon(const char *, char **, int *, char *, size_t);
void	 em_cut(char *, size_t, const char *);
void	 em_put_tsv(FILE *, const char *);
void	 em_put_json(FILE *, const char *);
void	 em_put_rawjson(FILE *, const char *);
int	 em_parse_format(const char *, enum em_fmt *);
void	 em_key_new(unsigned char [EM_KEY_BYTES]);
/* dir, couple, key, replica, n, payload, len: 73 if it exists, 66 no dir. */
int	 em_box_put(struct em_ctx *, const char *, const char *,
	    const unsigned char [EM_KEY_BYTES], const char *, unsigned long,
	    const char *, size_t);
/* dir, name, couple, key: 65 refused (nothing to apply), 66 missing, 74 I/O. */
int	 em_box_get(struct em_ctx *, const char *, const char *, const char *,
	    const unsigned char [EM_KEY_BYTES], char **, size_t *);
void	 em_box_free(char *, size_t);
/* 1 if a name is a mailbox file's (fills replica and n), else 0. */
int	 em_box_name_parse(const char *, struct em_box_name *);
/* Sorted by replica, then n; other names ignored; 66 no dir. */
int	 em_box_list(struct em_ctx *, const char *, struct em_box_name **,
	    size_t *);
void	 em_box_names_free(struct em_box_name *, size_t);
int	 em_json_parse(const char *, size_t, struct em_jobj *, char *, size_t);
const struct em_jval *em_json_get(const struct em_jobj *, const char *);
void	 em_json_free(struct em_jobj *);
int	 em_export(struct em_ctx *, const struct em_rectype *const *);
int	 em_import(struct em_ctx *, const struct em_rectype *const *, FILE *,
	    struct em_import_counts *);
int	 em_seal_register(struct em_ctx *);
const struct em_rectype *em_rectype_find(const char *);
const struct em_rectype *em_rectype_nth(size_t);
size_t	 em_nfields(const struct em_rectype *);
int	 em_op_register(struct em_ctx *);
void	 em_op_close(struct em_ctx *);
int	 em_content_load(struct em_ctx *, char *const *, size_t, unsigned,
	    struct em_content **);
void	 em_content_free(struct em_content *);
unsigned em_content_kinds(const struct em_content *);
int	 em_content_path(struct em_ctx *, char ***, size_t *);
struct em_phrase *em_phrase_new(const char *, char *, size_t);
void	 em_phrase_free(struct em_phrase *);

/* em_mem.c: out of memory: say so and end the program. */
void	 em_oom(void) __attribute__((noreturn));

/* em_fmt.c: the safe writer for a diagnostic (bidi controls as U+FFFD). */
void	 em_put_msg(FILE *, const char *);

/* em_rules.c: a map from strings to strings, cheap whatever the keys. */
struct em_smap {
	char	       **k, **v;
	size_t		 n, cap;
};
const char *em_smap_get(const struct em_smap *, const char *);
void	 em_smap_put(struct em_smap *, const char *, const char *);
void	 em_smap_free(struct em_smap *);

/* A small growing string (em_rules.c). */
struct em_sbuf {
	char	*s;
	size_t	 len, cap;
};
void	 em_sb_add(struct em_sbuf *, const char *, ...)
	    __attribute__((format(printf, 2, 3)));
void	 em_sb_json(struct em_sbuf *, const char *);

/* em_sync.c: a value checked and brought to the form the commands store. */
#define EM_FIELDS_MAX	16	/* fields of a record type, at most */
#define EM_RECTYPES_MAX	24	/* record types, at most (em_op.c caches statements per type) */
int	 em_field_check(const struct em_field *, struct em_jval *, char *, size_t);

/* em_op.c: operations, as the log and the transports carry them. */
enum { EM_OP_SET, EM_OP_PURGE };
enum { EM_ST_DONE, EM_ST_PENDING, EM_ST_REFUSED, EM_ST_VOID };
struct em_op {
	char		 replica[EM_ID_LEN + 1];
	long long	 seq;
	char		 clock[EM_CLOCK_LEN + 1];
	char		*user;
	const struct em_rectype *rt;
	char		 rid[EM_ID_LEN + 1];
	int		 kind;
	struct em_jobj	 body;		/* field: value */
	struct em_jobj	 base;		/* field: the clock it replaced */
};
/* What applying one operation did. */
struct em_applied {
	int		 state;		/* EM_ST_* */
	int		 added, changed, earlier;
	int		 bad;		/* refused as impossible data, not as forbidden */
	char		 why[256];	/* when refused */
};
int	 em_op_apply(struct em_ctx *, struct em_op *, int, struct em_applied *);
int	 em_op_retry(struct em_ctx *, long *, long *);
int	 em_op_parse(struct em_ctx *, const char *, size_t, struct em_op *, char *, size_t);
void	 em_op_free(struct em_op *);
int	 em_op_line(struct em_ctx *, sqlite3_stmt *, struct em_sbuf *);
int	 em_hlc_see(struct em_ctx *, const char *);
void	 em_op_begin(struct em_ctx *);
void	 em_op_norecord(struct em_ctx *);
int	 em_op_change(struct em_ctx *);
int	 em_change_record(struct em_ctx *, const char *, long long, long long);
int	 em_op_triggers(struct em_ctx *);
int	 em_op_quiet(struct em_ctx *, int);
int	 em_op_erase(struct em_ctx *);
void	 em_sb_fields(struct em_sbuf *, const struct em_rectype *, const char *);

/* em_couple.c */
int	 em_roster_join(struct em_ctx *);
int	 em_replica(struct em_ctx *, const char **);
void	 em_clock_from_time(const char *, const char *, char [EM_CLOCK_LEN + 1]);
long long em_wall_ms(void);

#endif
