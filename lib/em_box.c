/* em_box.c: couple keys, pairing codes, passphrases and the sealed mailbox files of sync. */
#include <sys/stat.h>
#include <sys/types.h>

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <sodium.h>

#include "em_int.h"

#define MAGIC		"EMPBOX01"
#define MAGIC_LEN	8
#define NONCE_LEN	crypto_aead_xchacha20poly1305_ietf_NPUBBYTES
#define TAG_LEN		crypto_aead_xchacha20poly1305_ietf_ABYTES
#define AD_LABEL	"empathy-box-1"
#define N_DIGITS	12
#define N_MAX		999999999999UL
#define NAME_LEN	(EM_ID_LEN + 1 + N_DIGITS)
#define CHECK_LEN	16		/* bytes of the key check in DIR/couple */
#define CHECK_LABEL	"empathy-couple-check-1"
#define COUPLE_MAX	4096		/* bytes DIR/couple may have */
#define COUPLE_FILE	"couple"
_Static_assert(EM_BOX_OVERHEAD == MAGIC_LEN + NONCE_LEN + TAG_LEN,
    "EM_BOX_OVERHEAD is the magic, the nonce and the tag");

/*
 * A pairing code: the couple id (8 bytes) and the key (32) as 64 symbols of
 * 5 bits, then a 20-bit check as 4 more, in groups of 4 joined by '-'. The
 * symbols are digits and capitals without I, L, O and U, so nothing on the
 * page looks like something else; a typed O reads as 0, I and L as 1. The
 * check is sum(v[i] * G^(i+1)) mod P, P prime: a symbol changed by d (0 <
 * |d| < 32) moves it by a non-zero amount, so one mistyped character is
 * always caught, and so is a swap of two neighbours.
 */
#define PAIR_ALPHA	"0123456789ABCDEFGHJKMNPQRSTVWXYZ"
#define PAIR_BYTES	(EM_ID_LEN / 2 + EM_KEY_BYTES)	/* 40 */
#define PAIR_DATA	(PAIR_BYTES * 8 / 5)		/* 64 symbols */
#define PAIR_CHECK	4				/* symbols of check */
#define PAIR_SYMS	(PAIR_DATA + PAIR_CHECK)	/* 68 */
#define PAIR_GROUP	4
#define PAIR_P		1048573UL			/* prime, below 2^20 */
#define PAIR_G		33UL

/* libsodium is made ready once, before the first use here. */
static void
ready(void)
{
	static int	 done;

	if (done)
		return;
	if (sodium_init() < 0)
		abort();	/* no usable random source: nothing safe to do */
	done = 1;
}

void
em_key_new(unsigned char key[EM_KEY_BYTES])
{
	ready();
	randombytes_buf(key, EM_KEY_BYTES);
}

void
em_salt_new(unsigned char salt[EM_SALT_BYTES])
{
	ready();
	randombytes_buf(salt, EM_SALT_BYTES);
}

/*
 * The couple key from a passphrase: Argon2id at libsodium's interactive
 * limits (about 64 MiB and a fraction of a second), or at its smallest
 * when EMPATHY_PWHASH_FAST=1, which only the tests set.
 */
int
em_key_from_pass(struct em_ctx *ctx, const char *pass,
    const unsigned char salt[EM_SALT_BYTES], unsigned char key[EM_KEY_BYTES])
{
	const char	*fast = getenv("EMPATHY_PWHASH_FAST");
	unsigned long long ops = crypto_pwhash_OPSLIMIT_INTERACTIVE;
	size_t		 mem = crypto_pwhash_MEMLIMIT_INTERACTIVE;

	ready();
	if (pass[0] == '\0')
		return em_err(ctx, EM_EX_DATAERR, "the passphrase is empty");
	if (fast != NULL && strcmp(fast, "1") == 0) {
		ops = crypto_pwhash_OPSLIMIT_MIN;
		mem = crypto_pwhash_MEMLIMIT_MIN;
	}
	if (crypto_pwhash(key, EM_KEY_BYTES, pass, strlen(pass), salt, ops, mem,
	    crypto_pwhash_ALG_ARGON2ID13) != 0) {
		sodium_memzero(key, EM_KEY_BYTES);
		return em_err(ctx, EM_EX_CANTCREAT, "not enough memory to turn the "
		    "passphrase into a key (it takes %zu MiB)", mem >> 20);
	}
	return 0;
}

/* The 20-bit check over the data symbols of a pairing code. */
static unsigned long
pair_sum(const unsigned char *v)
{
	unsigned long	 sum = 0, w = 1;
	size_t		 i;

	for (i = 0; i < PAIR_DATA; i++) {
		w = w * PAIR_G % PAIR_P;
		sum = (sum + v[i] * w) % PAIR_P;
	}
	return sum;
}

/* The pairing code for couple (16 hex digits) and key; see PAIR_ALPHA. */
void
em_pair_code(const char *couple, const unsigned char key[EM_KEY_BYTES],
    char out[EM_PAIR_MAX])
{
	unsigned char	 b[PAIR_BYTES], v[PAIR_SYMS];
	unsigned long	 sum;
	unsigned	 acc = 0, bits = 0;
	size_t		 i, k = 0, o = 0;

	memset(b, 0, sizeof(b));
	memset(v, 0, sizeof(v));
	(void)sodium_hex2bin(b, EM_ID_LEN / 2, couple, strlen(couple), NULL, NULL,
	    NULL);
	memcpy(b + EM_ID_LEN / 2, key, EM_KEY_BYTES);
	for (i = 0; i < PAIR_BYTES; i++) {
		acc = (acc << 8 | b[i]) & 0xfff;
		bits += 8;
		while (bits >= 5) {
			bits -= 5;
			v[k++] = (acc >> bits) & 31;
		}
	}
	sum = pair_sum(v);
	for (i = 0; i < PAIR_CHECK; i++)
		v[k++] = (sum >> (5 * (PAIR_CHECK - 1 - i))) & 31;
	for (i = 0; i < PAIR_SYMS; i++) {
		if (i > 0 && i % PAIR_GROUP == 0)
			out[o++] = '-';
		out[o++] = PAIR_ALPHA[v[i]];
	}
	out[o] = '\0';
	sodium_memzero(b, sizeof(b));
	sodium_memzero(v, sizeof(v));
	sodium_memzero(&acc, sizeof(acc));
}

/* The value of a typed symbol, -1 for a character codes never use. */
static int
pair_value(int c)
{
	const char	*p;

	if (c >= 'a' && c <= 'z')
		c -= 'a' - 'A';
	if (c == 'O')
		c = '0';
	else if (c == 'I' || c == 'L')
		c = '1';
	if (c == '\0' || (p = strchr(PAIR_ALPHA, c)) == NULL)
		return -1;
	return (int)(p - PAIR_ALPHA);
}

/*
 * The bytes of a separator at s, 0 if there is none: ASCII spaces and '-',
 * and what a chat program may turn them into when the code is passed on
 * (no-break and thin spaces U+00A0, U+2009, U+202F; hyphens and dashes
 * U+2010 to U+2015; the minus sign U+2212).
 */
static size_t
pair_gap(const unsigned char *s)
{
	if (*s != '\0' && strchr(" \t\r\n-", *s) != NULL)
		return 1;
	if (s[0] == 0xc2 && s[1] == 0xa0)
		return 2;
	if (s[0] == 0xe2 && s[1] == 0x80 && ((s[2] >= 0x90 && s[2] <= 0x95) ||
	    s[2] == 0x89 || s[2] == 0xaf))
		return 3;
	if (s[0] == 0xe2 && s[1] == 0x88 && s[2] == 0x92)
		return 3;
	return 0;
}

/*
 * A pairing code as a person typed it: case, spaces and dashes do not
 * matter. 65, saying what is wrong without repeating the code (it is a
 * secret), when it is not one.
 */
int
em_pair_parse(struct em_ctx *ctx, const char *code, char couple[EM_ID_LEN + 1],
    unsigned char key[EM_KEY_BYTES])
{
	unsigned char	 v[PAIR_SYMS], b[PAIR_BYTES];
	unsigned long	 sum = 0;
	unsigned	 acc = 0, bits = 0;
	size_t		 i, n = 0, k = 0, pos = 0, gap;
	int		 x, ex = 0;

	for (i = 0; code[i] != '\0'; i++) {
		if ((gap = pair_gap((const unsigned char *)code + i)) > 0) {
			i += gap - 1;
			continue;
		}
		pos++;
		if ((x = pair_value((unsigned char)code[i])) == -1) {
			ex = em_err(ctx, EM_EX_DATAERR, "that is not a pairing code: "
			    "character %zu of group %zu is not a digit or a letter "
			    "a code uses", (pos - 1) % PAIR_GROUP + 1,
			    (pos - 1) / PAIR_GROUP + 1);
			goto out;
		}
		if (n < PAIR_SYMS)
			v[n] = (unsigned char)x;
		n++;
	}
	if (n != PAIR_SYMS) {
		ex = em_err(ctx, EM_EX_DATAERR, "that is not a whole pairing code: "
		    "it has %zu letters and digits, a code has %d (%d groups of %d)",
		    n, PAIR_SYMS, PAIR_SYMS / PAIR_GROUP, PAIR_GROUP);
		goto out;
	}
	for (i = PAIR_DATA; i < PAIR_SYMS; i++)
		sum = sum << 5 | v[i];
	if (sum != pair_sum(v)) {
		ex = em_err(ctx, EM_EX_DATAERR, "the pairing code does not add up: "
		    "a character in it was mistyped; compare it with the code "
		    "shown on the other machine");
		goto out;
	}
	for (i = 0; i < PAIR_DATA; i++) {
		acc = (acc << 5 | v[i]) & 0xfff;
		bits += 5;
		if (bits >= 8) {
			bits -= 8;
			b[k++] = (acc >> bits) & 0xff;
		}
	}
	sodium_bin2hex(couple, EM_ID_LEN + 1, b, EM_ID_LEN / 2);
	memcpy(key, b + EM_ID_LEN / 2, EM_KEY_BYTES);
out:
	sodium_memzero(v, sizeof(v));
	sodium_memzero(b, sizeof(b));
	sodium_memzero(&acc, sizeof(acc));
	return ex;
}

/*
 * Whether name is a mailbox file's, <replica>-<n as 12 digits> with n at
 * least 1; fills out's replica and n (not its name) when it is.
 */
int
em_box_name_parse(const char *name, struct em_box_name *out)
{
	unsigned long	 n = 0;
	size_t		 i;

	if (strlen(name) != NAME_LEN || name[EM_ID_LEN] != '-' ||
	    strspn(name, "0123456789abcdef") != EM_ID_LEN ||
	    strspn(name + EM_ID_LEN + 1, "0123456789") != N_DIGITS)
		return 0;
	for (i = EM_ID_LEN + 1; i < NAME_LEN; i++)
		n = n * 10 + (unsigned long)(name[i] - '0');
	if (n == 0)
		return 0;
	memcpy(out->replica, name, EM_ID_LEN);
	out->replica[EM_ID_LEN] = '\0';
	out->n = n;
	return 1;
}

/* What a mailbox file is sealed to: the couple, the replica that wrote it and n. */
static size_t
box_ad(unsigned char *ad, const char *couple, const char *replica,
    unsigned long n)
{
	size_t	 len = 0;
	int	 i;

	memcpy(ad, AD_LABEL, sizeof(AD_LABEL));
	len += sizeof(AD_LABEL);
	memcpy(ad + len, couple, EM_ID_LEN);
	len += EM_ID_LEN;
	ad[len++] = '\0';
	memcpy(ad + len, replica, EM_ID_LEN);
	len += EM_ID_LEN;
	ad[len++] = '\0';
	for (i = 7; i >= 0; i--)
		ad[len++] = (unsigned char)((unsigned long long)n >> (8 * i));
	return len;
}

#define AD_MAX	(sizeof(AD_LABEL) + 2 * (EM_ID_LEN + 1) + 8)

static char *
path_join(const char *dir, const char *name)
{
	size_t	 len = strlen(dir) + strlen(name) + 2;
	char	*p = em_xcalloc(1, len);

	snprintf(p, len, "%s/%s", dir, name);
	return p;
}

static int
write_all(int fd, const unsigned char *p, size_t len)
{
	ssize_t	 w;

	while (len > 0) {
		if ((w = write(fd, p, len)) == -1) {
			if (errno == EINTR)
				continue;
			return -1;
		}
		p += w;
		len -= (size_t)w;
	}
	return 0;
}

/*
 * Put tmp at path unless something is there already: 0, or an errno
 * (EEXIST when taken). Without RENAME_NOREPLACE (some network file
 * systems), a hard link does it; without hard links either (FAT), a look
 * first and a plain rename, which only this replica ever does for a name
 * of its own.
 */
static int
place(const char *tmp, const char *path)
{
	struct stat	 st;

	if (renameat2(AT_FDCWD, tmp, AT_FDCWD, path, RENAME_NOREPLACE) == 0)
		return 0;
	if (errno != EINVAL && errno != ENOSYS && errno != EOPNOTSUPP)
		return errno;
	if (link(tmp, path) == 0) {
		(void)unlink(tmp);
		return 0;
	}
	if (errno != EPERM && errno != EOPNOTSUPP && errno != ENOSYS)
		return errno;
	if (lstat(path, &st) == 0)
		return EEXIST;
	if (rename(tmp, path) == 0)
		return 0;
	return errno;
}

/*
 * Write len bytes as the new file name in dir: under a hidden temporary
 * name first, synced, then put in place without replacing anything; 73
 * when name is taken. The directory is synced as well as the system allows.
 */
static int
write_new(struct em_ctx *ctx, const char *dir, const char *name,
    const unsigned char *buf, size_t len)
{
	struct stat	 dst, fst;
	char		 rnd[EM_ID_LEN + 1], *tmpname, *tmp, *path;
	size_t		 tlen;
	int		 fd, e, ex = 0;

	path = path_join(dir, name);
	tlen = strlen(name) + EM_ID_LEN + 8;
	tmpname = em_xcalloc(1, tlen);
	em_id_new(rnd);
	snprintf(tmpname, tlen, ".%s.%s.tmp", name, rnd);
	tmp = path_join(dir, tmpname);
	free(tmpname);
	if ((fd = open(tmp, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC,
	    0666)) == -1) {
		if (errno == ENOENT || errno == ENOTDIR)
			ex = em_err(ctx, EM_EX_NOINPUT, "%s: no such folder", dir);
		else
			ex = em_errno(ctx, EM_EX_CANTCREAT, "cannot create a file "
			    "in %s", dir);
		goto out;
	}
	/*
	 * Whoever may read the folder may read the file too: it is sealed,
	 * and the umask every program sets (077) must not keep a partner
	 * sharing the folder as another user from reading it.
	 */
	if (stat(dir, &dst) == 0 && fstat(fd, &fst) == 0)
		(void)fchmod(fd, (fst.st_mode & 07777) | (dst.st_mode & 0044));
	if (write_all(fd, buf, len) == -1 || fsync(fd) == -1) {
		ex = em_errno(ctx, EM_EX_IOERR, "cannot write %s", path);
		(void)close(fd);
		(void)unlink(tmp);
		goto out;
	}
	if (close(fd) == -1) {
		ex = em_errno(ctx, EM_EX_IOERR, "cannot write %s", path);
		(void)unlink(tmp);
		goto out;
	}
	if ((e = place(tmp, path)) != 0) {
		(void)unlink(tmp);
		errno = e;
		if (e == EEXIST)
			ex = em_err(ctx, EM_EX_CANTCREAT, "%s exists already: a "
			    "mailbox file is written once and never replaced", path);
		else
			ex = em_errno(ctx, EM_EX_CANTCREAT, "cannot create %s", path);
		goto out;
	}
	/* Best effort: some file systems cannot sync a directory. */
	if ((fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC)) != -1) {
		(void)fsync(fd);
		(void)close(fd);
	}
out:
	free(tmp);
	free(path);
	return ex;
}

/*
 * Seal payload for the couple and write it as dir/<replica>-<n>. Only the
 * sealed bytes ever reach the folder; its permissions decide who may read
 * them (mode 0666 less the umask, plus read for whoever reads the folder).
 */
int
em_box_put(struct em_ctx *ctx, const char *dir, const char *couple,
    const unsigned char key[EM_KEY_BYTES], const char *replica, unsigned long n,
    const char *payload, size_t len)
{
	unsigned char	 ad[AD_MAX], *buf;
	unsigned long long clen;
	char		 name[NAME_LEN + 1];
	size_t		 adlen;
	int		 ex;

	ready();
	if (!em_id_valid(couple) || !em_id_valid(replica) || n == 0 || n > N_MAX)
		return em_err(ctx, EM_EX_DATAERR, "no mailbox file for couple %s, "
		    "replica %s, number %lu", couple, replica, n);
	if (len > (size_t)EM_BOX_MAX - EM_BOX_OVERHEAD)
		return em_err(ctx, EM_EX_DATAERR, "%zu bytes are too many for one "
		    "mailbox file", len);
	snprintf(name, sizeof(name), "%s-%012lu", replica, n);
	adlen = box_ad(ad, couple, replica, n);
	buf = em_xcalloc(1, EM_BOX_OVERHEAD + len);
	memcpy(buf, MAGIC, MAGIC_LEN);
	randombytes_buf(buf + MAGIC_LEN, NONCE_LEN);
	crypto_aead_xchacha20poly1305_ietf_encrypt(buf + MAGIC_LEN + NONCE_LEN,
	    &clen, (const unsigned char *)payload, len, ad, adlen, NULL,
	    buf + MAGIC_LEN, key);
	ex = write_new(ctx, dir, name, buf, MAGIC_LEN + NONCE_LEN + clen);
	free(buf);
	return ex;
}

/*
 * All of an open regular file, at most max bytes, or a status with the
 * reason. *buf is NUL-terminated.
 */
static int
read_file(struct em_ctx *ctx, const char *path, long max, unsigned char **buf,
    size_t *len)
{
	struct stat	 st;
	unsigned char	*p;
	size_t		 got = 0, want;
	ssize_t		 r;
	int		 fd, ex = 0;

	*buf = NULL;
	*len = 0;
	/* Not blocking: a FIFO put there must not hang the reader. */
	if ((fd = open(path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC)) == -1) {
		if (errno == ENOENT)
			return em_err(ctx, EM_EX_NOINPUT, "%s: no such file", path);
		if (errno == ELOOP)
			return em_err(ctx, EM_EX_DATAERR, "%s: a symbolic link, not a "
			    "mailbox file; nothing was applied from it", path);
		return em_errno(ctx, EM_EX_IOERR, "cannot read %s", path);
	}
	if (fstat(fd, &st) == -1) {
		ex = em_errno(ctx, EM_EX_IOERR, "cannot read %s", path);
		goto out;
	}
	if (!S_ISREG(st.st_mode)) {
		ex = em_err(ctx, EM_EX_DATAERR, "%s: not a regular file; nothing "
		    "was applied from it", path);
		goto out;
	}
	if (st.st_size > max) {
		ex = em_err(ctx, EM_EX_DATAERR, "%s: refused unread: %lld bytes, "
		    "more than such a file ever has (%ld)", path,
		    (long long)st.st_size, max);
		goto out;
	}
	want = (size_t)st.st_size;
	p = em_xcalloc(1, want + 1);
	/* Bytes appended while reading are left: what was read is checked. */
	while (got < want) {
		if ((r = read(fd, p + got, want - got)) == -1) {
			if (errno == EINTR)
				continue;
			ex = em_errno(ctx, EM_EX_IOERR, "cannot read %s", path);
			free(p);
			goto out;
		}
		if (r == 0)
			break;
		got += (size_t)r;
	}
	p[got] = '\0';
	*buf = p;
	*len = got;
out:
	(void)close(fd);
	return ex;
}

/*
 * Open the mailbox file name in dir: the payload, NUL-terminated, which
 * the caller releases with em_box_free. 65 naming the file and why when it
 * is not one this couple wrote under that name, 66 when missing, 74 I/O.
 */
int
em_box_get(struct em_ctx *ctx, const char *dir, const char *name,
    const char *couple, const unsigned char key[EM_KEY_BYTES], char **payload,
    size_t *len)
{
	struct em_box_name bn;
	unsigned char	 ad[AD_MAX], *buf, *pt;
	unsigned long long plen;
	char		*path;
	size_t		 adlen, blen, cut;
	int		 ex;

	ready();
	*payload = NULL;
	*len = 0;
	path = path_join(dir, name);
	if (!em_box_name_parse(name, &bn)) {
		ex = em_err(ctx, EM_EX_DATAERR, "%s: not a mailbox file's name "
		    "(replica-number); nothing was applied from it", path);
		free(path);
		return ex;
	}
	if (!em_id_valid(couple)) {
		ex = em_err(ctx, EM_EX_DATAERR, "%s: no couple %s", path, couple);
		free(path);
		return ex;
	}
	if ((ex = read_file(ctx, path, EM_BOX_MAX, &buf, &blen)) != 0) {
		free(path);
		return ex;
	}
	cut = blen < MAGIC_LEN ? blen : MAGIC_LEN;
	if (memcmp(buf, MAGIC, cut) != 0) {
		ex = em_err(ctx, EM_EX_DATAERR, "%s: not an empathy mailbox file; "
		    "nothing was applied from it", path);
		goto out;
	}
	if (blen < EM_BOX_OVERHEAD) {
		ex = em_err(ctx, EM_EX_DATAERR, "%s: damaged or cut short (%zu "
		    "bytes, fewer than any mailbox file has); nothing was applied "
		    "from it", path, blen);
		goto out;
	}
	adlen = box_ad(ad, couple, bn.replica, bn.n);
	pt = em_xcalloc(1, blen - EM_BOX_OVERHEAD + 1);
	if (crypto_aead_xchacha20poly1305_ietf_decrypt(pt, &plen, NULL,
	    buf + MAGIC_LEN + NONCE_LEN, blen - MAGIC_LEN - NONCE_LEN, ad, adlen,
	    buf + MAGIC_LEN, key) != 0) {
		em_box_free((char *)pt, blen - EM_BOX_OVERHEAD + 1);
		ex = em_err(ctx, EM_EX_DATAERR, "%s: refused, its seal does not "
		    "match: it was damaged or cut short, renamed, or copied from "
		    "another couple's mailbox, or this is not the couple's key (the "
		    "seal cannot tell which); nothing was applied from it", path);
		goto out;
	}
	pt[plen] = '\0';
	*payload = (char *)pt;
	*len = (size_t)plen;
out:
	free(buf);
	free(path);
	return ex;
}

/* Wipe and free a payload em_box_get handed over (len bytes of it). */
void
em_box_free(char *payload, size_t len)
{
	if (payload == NULL)
		return;
	sodium_memzero(payload, len);
	free(payload);
}

static int
name_cmp(const void *a, const void *b)
{
	const struct em_box_name *x = a, *y = b;
	int	 c;

	if ((c = strcmp(x->replica, y->replica)) != 0)
		return c;
	return (x->n > y->n) - (x->n < y->n);
}

/*
 * The mailbox files in dir, sorted by replica then n; every other name
 * (the temporary ones, `couple`, a sync tool's own files) is left alone.
 */
int
em_box_list(struct em_ctx *ctx, const char *dir, struct em_box_name **out,
    size_t *nout)
{
	struct em_box_name *v = NULL, bn;
	struct dirent	*de;
	size_t		 n = 0, cap = 0;
	DIR		*d;

	*out = NULL;
	*nout = 0;
	if ((d = opendir(dir)) == NULL) {
		if (errno == ENOENT || errno == ENOTDIR)
			return em_err(ctx, EM_EX_NOINPUT, "%s: no such folder", dir);
		return em_errno(ctx, EM_EX_IOERR, "cannot read the folder %s", dir);
	}
	for (;;) {
		errno = 0;
		if ((de = readdir(d)) == NULL)
			break;
		if (!em_box_name_parse(de->d_name, &bn))
			continue;
		if (n == cap) {
			cap = cap ? cap * 2 : 16;
			v = em_xreallocarray(v, cap, sizeof(*v));
		}
		bn.name = em_strdup(de->d_name);
		v[n++] = bn;
	}
	if (errno != 0) {
		(void)em_errno(ctx, EM_EX_IOERR, "cannot read the folder %s", dir);
		(void)closedir(d);
		em_box_names_free(v, n);
		return EM_EX_IOERR;
	}
	(void)closedir(d);
	if (n > 1)
		qsort(v, n, sizeof(*v), name_cmp);
	*out = v;
	*nout = n;
	return 0;
}

/*
 * Remove the temporary files of replica's own that a sync killed while
 * writing left in dir (".REPLICA-N.RANDOM.tmp"): only this replica writes
 * such names, and only one of its syncs runs at a time, so none is in use.
 * Best effort: a name that will not go is left for the next sync.
 */
void
em_box_sweep(const char *dir, const char *replica)
{
	struct dirent	*de;
	size_t		 len;
	DIR		*d;
	char		*path;

	if ((d = opendir(dir)) == NULL)
		return;
	while ((de = readdir(d)) != NULL) {
		len = strlen(de->d_name);
		if (de->d_name[0] != '.' || len < 1 + NAME_LEN + 5 ||
		    strncmp(de->d_name + 1, replica, EM_ID_LEN) != 0 ||
		    de->d_name[1 + EM_ID_LEN] != '-' ||
		    strcmp(de->d_name + len - 4, ".tmp") != 0)
			continue;
		path = path_join(dir, de->d_name);
		(void)unlink(path);
		free(path);
	}
	(void)closedir(d);
}

void
em_box_names_free(struct em_box_name *v, size_t n)
{
	size_t	 i;

	for (i = 0; i < n; i++)
		free(v[i].name);
	free(v);
}

/* The check DIR/couple keeps: a keyed hash that tells a wrong key from damage. */
static void
couple_check(const char *couple, const unsigned char key[EM_KEY_BYTES],
    unsigned char out[CHECK_LEN])
{
	crypto_generichash_state st;

	crypto_generichash_init(&st, key, EM_KEY_BYTES, CHECK_LEN);
	crypto_generichash_update(&st, (const unsigned char *)CHECK_LABEL,
	    sizeof(CHECK_LABEL));
	crypto_generichash_update(&st, (const unsigned char *)couple, EM_ID_LEN);
	crypto_generichash_final(&st, out, CHECK_LEN);
	sodium_memzero(&st, sizeof(st));
}

/* Lower-case hex of exactly n bytes into out. */
static int
hex_exact(const char *s, unsigned char *out, size_t n)
{
	size_t	 len = strlen(s);

	return len == 2 * n && strspn(s, "0123456789abcdef") == len &&
	    sodium_hex2bin(out, n, s, len, NULL, NULL, NULL) == 0;
}

struct couple_file {
	char		 couple[EM_ID_LEN + 1];
	unsigned char	 salt[EM_SALT_BYTES];
	int		 has_salt;
	unsigned char	 check[CHECK_LEN];
};

/*
 * Read dir/couple: "empathy couple 1", "couple HEX", "salt HEX" when the
 * key came from a passphrase, "check HEX", one a line, nothing else.
 */
static int
couple_read(struct em_ctx *ctx, const char *dir, struct couple_file *cf)
{
	unsigned char	*buf;
	char		*path, *line, *next, *sp;
	size_t		 len, k = 0, lineno = 0;
	int		 ex;

	memset(cf, 0, sizeof(*cf));
	path = path_join(dir, COUPLE_FILE);
	if ((ex = read_file(ctx, path, COUPLE_MAX, &buf, &len)) != 0) {
		if (ex == EM_EX_NOINPUT)
			ex = em_err(ctx, EM_EX_NOINPUT, "%s: no such file: %s is not "
			    "a couple's mailbox yet", path, dir);
		free(path);
		return ex;
	}
	if (strlen((char *)buf) != len || len == 0 || buf[len - 1] != '\n')
		goto bad;
	for (line = (char *)buf; *line != '\0'; line = next) {
		if ((next = strchr(line, '\n')) == NULL)
			goto bad;
		*next++ = '\0';
		if (lineno++ == 0) {
			if (strcmp(line, "empathy couple 1") != 0)
				goto bad;
			continue;
		}
		if ((sp = strchr(line, ' ')) == NULL)
			goto bad;
		*sp++ = '\0';
		/* k: 0 couple next, 1 salt or check, 2 check, 3 nothing more. */
		if (k == 0 && strcmp(line, "couple") == 0 && em_id_valid(sp))
			memcpy(cf->couple, sp, EM_ID_LEN + 1);
		else if (k == 1 && strcmp(line, "salt") == 0 &&
		    hex_exact(sp, cf->salt, EM_SALT_BYTES))
			cf->has_salt = 1;
		else if ((k == 1 || k == 2) && strcmp(line, "check") == 0 &&
		    hex_exact(sp, cf->check, CHECK_LEN))
			k = 2;
		else
			goto bad;
		k++;
	}
	if (k != 3)
		goto bad;
	free(buf);
	free(path);
	return 0;
bad:
	ex = em_err(ctx, EM_EX_DATAERR, "%s: damaged: not what empathy writes "
	    "there (it says which couple the folder %s belongs to)", path, dir);
	free(buf);
	free(path);
	memset(cf, 0, sizeof(*cf));
	return ex;
}

int
em_box_couple_get(struct em_ctx *ctx, const char *dir, char couple[EM_ID_LEN + 1],
    unsigned char salt[EM_SALT_BYTES], int *has_salt)
{
	struct couple_file cf;
	int		 ex;

	*has_salt = 0;
	if ((ex = couple_read(ctx, dir, &cf)) != 0)
		return ex;
	memcpy(couple, cf.couple, EM_ID_LEN + 1);
	if (cf.has_salt)
		memcpy(salt, cf.salt, EM_SALT_BYTES);
	*has_salt = cf.has_salt;
	return 0;
}

/* Whether what dir/couple says fits this couple and key. */
static int
couple_fits(struct em_ctx *ctx, const char *dir, const struct couple_file *cf,
    const char *couple, const unsigned char key[EM_KEY_BYTES])
{
	unsigned char	 check[CHECK_LEN];

	if (couple != NULL && strcmp(cf->couple, couple) != 0)
		return em_err(ctx, EM_EX_DATAERR, "%s/%s: the folder is the mailbox "
		    "of another couple (%s, not %s); use another folder", dir,
		    COUPLE_FILE, cf->couple, couple);
	couple_check(cf->couple, key, check);
	if (sodium_memcmp(check, cf->check, CHECK_LEN) != 0)
		return em_err(ctx, EM_EX_DATAERR, "%s/%s: the key does not fit this "
		    "mailbox: a wrong passphrase or pairing code", dir, COUPLE_FILE);
	return 0;
}

int
em_box_key_check(struct em_ctx *ctx, const char *dir,
    const unsigned char key[EM_KEY_BYTES])
{
	struct couple_file cf;
	int		 ex;

	ready();
	if ((ex = couple_read(ctx, dir, &cf)) != 0)
		return ex;
	return couple_fits(ctx, dir, &cf, NULL, key);
}

/*
 * Say in dir/couple whose mailbox dir is, once; when it says so already,
 * 0 if that is this couple and key, 65 if not. Two machines writing it at
 * the same moment: one wins, the other checks what it wrote.
 */
int
em_box_couple_put(struct em_ctx *ctx, const char *dir, const char *couple,
    const unsigned char *salt, const unsigned char key[EM_KEY_BYTES])
{
	struct couple_file cf;
	unsigned char	 check[CHECK_LEN];
	char		 text[160], hs[2 * EM_SALT_BYTES + 1], hc[2 * CHECK_LEN + 1];
	int		 ex, len;

	ready();
	if (!em_id_valid(couple))
		return em_err(ctx, EM_EX_DATAERR, "no couple %s", couple);
	ex = couple_read(ctx, dir, &cf);
	if (ex == 0)
		return couple_fits(ctx, dir, &cf, couple, key);
	if (ex != EM_EX_NOINPUT)
		return ex;
	couple_check(couple, key, check);
	sodium_bin2hex(hc, sizeof(hc), check, CHECK_LEN);
	if (salt != NULL)
		sodium_bin2hex(hs, sizeof(hs), salt, EM_SALT_BYTES);
	len = snprintf(text, sizeof(text), "empathy couple 1\ncouple %s\n%s%s%s"
	    "check %s\n", couple, salt ? "salt " : "", salt ? hs : "",
	    salt ? "\n" : "", hc);
	ex = write_new(ctx, dir, COUPLE_FILE, (unsigned char *)text, (size_t)len);
	if (ex == EM_EX_CANTCREAT && couple_read(ctx, dir, &cf) == 0)
		return couple_fits(ctx, dir, &cf, couple, key);
	if (ex == EM_EX_NOINPUT)
		return em_err(ctx, EM_EX_NOINPUT, "%s: no such folder", dir);
	return ex;
}
