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


#endif
