/* t_box: derived ids, pairing codes, passphrases, sealed mailbox files and DIR/couple. */
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>

#include <dirent.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "em_int.h"
#include "tap.h"

#define COUPLE	"0123456789abcdef"
#define COUPLE2	"fedcba9876543210"
#define REP_A	"aaaaaaaaaaaaaaaa"
#define REP_B	"bbbbbbbbbbbbbbbb"
#define SECRET	"we talked about the holiday; I felt heard"

static struct em_ctx ctx;
static char	 dir[256];

static char *
path_of(const char *d, const char *name)
{
	char	*p;

	if (asprintf(&p, "%s/%s", d, name) == -1)
		abort();
	return p;
}

static unsigned char *
slurp(const char *path, size_t *len)
{
	unsigned char	*buf = NULL;
	FILE		*fp;
	long		 n;

	*len = 0;
	if ((fp = fopen(path, "rb")) == NULL)
		return NULL;
	fseek(fp, 0, SEEK_END);
	n = ftell(fp);
	rewind(fp);
	buf = malloc((size_t)n + 1);
	*len = fread(buf, 1, (size_t)n, fp);
	fclose(fp);
	return buf;
}

static void
spill(const char *path, const unsigned char *buf, size_t len)
{
	FILE	*fp;

	(void)unlink(path);
	if ((fp = fopen(path, "wb")) == NULL)
		abort();
	fwrite(buf, 1, len, fp);
	fclose(fp);
}

/* em_box_get's status for dir/name; with the message matching want, if given. */
static int
get(const char *d, const char *name, const char *couple,
    const unsigned char *key, const char *want)
{
	char	*pl;
	size_t	 len;
	int	 ex;

	em_err_clear(&ctx);
	ex = em_box_get(&ctx, d, name, couple, key, &pl, &len);
	if (ex == 0)
		em_box_free(pl, len);
	else if (pl != NULL)
		ex = 99;	/* out-parameter left behind on failure */
	if (want != NULL && ex != 0 && strstr(em_errmsg(&ctx), want) == NULL) {
		printf("#   message '%s' lacks '%s'\n", em_errmsg(&ctx), want);
		ex = 98;
	}
	return ex;
}

/* Whether any file in d holds needle. */
static int
dir_holds(const char *d, const char *needle)
{
	struct dirent	*de;
	unsigned char	*buf;
	size_t		 len;
	char		*p;
	DIR		*dp = opendir(d);
	int		 found = 0;

	while (dp != NULL && (de = readdir(dp)) != NULL) {
		if (de->d_name[0] == '.' && (de->d_name[1] == '\0' ||
		    strcmp(de->d_name, "..") == 0))
			continue;
		p = path_of(d, de->d_name);
		if ((buf = slurp(p, &len)) != NULL &&
		    memmem(buf, len, needle, strlen(needle)) != NULL)
			found = 1;
		free(buf);
		free(p);
	}
	if (dp != NULL)
		closedir(dp);
	return found;
}

static int
count_hidden(const char *d)
{
	struct dirent	*de;
	DIR		*dp = opendir(d);
	int		 n = 0;

	while (dp != NULL && (de = readdir(dp)) != NULL)
		if (de->d_name[0] == '.' && strcmp(de->d_name, ".") != 0 &&
		    strcmp(de->d_name, "..") != 0)
			n++;
	if (dp != NULL)
		closedir(dp);
	return n;
}

static void
rm_tree(const char *d)
{
	struct dirent	*de;
	struct stat	 st;
	char		*p;
	DIR		*dp = opendir(d);

	while (dp != NULL && (de = readdir(dp)) != NULL) {
		if (strcmp(de->d_name, ".") == 0 || strcmp(de->d_name, "..") == 0)
			continue;
		p = path_of(d, de->d_name);
		if (lstat(p, &st) == 0 && S_ISDIR(st.st_mode))
			rm_tree(p);
		else
			(void)unlink(p);
		free(p);
	}
	if (dp != NULL)
		closedir(dp);
	(void)rmdir(d);
}

static void
test_derive(void)
{
	char	 a[EM_ID_LEN + 1], b[EM_ID_LEN + 1];

	em_id_derive(a, "checkin", "alex", "2026-11-30", (char *)NULL);
	is_str(a, "cc025146519c1403", "em_id_derive gives a fixed value for one input");
	em_id_derive(b, "checkin", "ALEX", "2026-11-30", (char *)NULL);
	is_str(b, a, "em_id_derive ignores case in its parts");
	em_id_derive(b, "checkin", "Sam", "2026-11-30", (char *)NULL);
	ok(strcmp(a, b) != 0, "another name, another id");
	em_id_derive(a, "run", "ab", "c", (char *)NULL);
	em_id_derive(b, "run", "a", "bc", (char *)NULL);
	ok(strcmp(a, b) != 0, "parts are kept apart (ab|c is not a|bc)");
	em_id_derive(a, "run", "x", (char *)NULL);
	em_id_derive(b, "partner", "x", (char *)NULL);
	ok(strcmp(a, b) != 0, "the kind counts");
}

static void
test_pair(void)
{
	unsigned char	 key[EM_KEY_BYTES], got[EM_KEY_BYTES];
	char		 code[EM_PAIR_MAX], typed[EM_PAIR_MAX * 2], couple[EM_ID_LEN + 1];
	static const char alpha[] = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
	size_t		 i, j, k, caught = 0, tried = 0, swaps = 0, swapped = 0;
	int		 ex, shape = 1;

	em_key_new(key);
	em_pair_code(COUPLE, key, code);
	printf("# a pairing code: %s\n", code);
	ok(strlen(code) == 84 && strlen(code) < EM_PAIR_MAX,
	    "a pairing code is 68 symbols in 17 groups of 4");
	for (i = 0; i < strlen(code); i++)
		if (i % 5 == 4 ? code[i] != '-' : strchr(alpha, code[i]) == NULL)
			shape = 0;
	ok(shape, "groups of digits and capitals, no I, L, O or U, joined by '-'");
	memset(got, 0, sizeof(got));
	ok(em_pair_parse(&ctx, code, couple, got) == 0, "the code parses");
	is_str(couple, COUPLE, "it carries the couple id");
	ok(memcmp(got, key, sizeof(key)) == 0, "and the key");

	/* As a person might type it: lower case, spaces, no dashes, O and l. */
	for (i = j = 0; code[i] != '\0'; i++) {
		if (code[i] == '-') {
			if (i % 10 == 4)
				typed[j++] = ' ';
			continue;
		}
		typed[j] = code[i] >= 'A' && code[i] <= 'Z' ? code[i] + 32 : code[i];
		if (code[i] == '0')
			typed[j] = 'O';
		else if (code[i] == '1')
			typed[j] = 'l';
		j++;
	}
	typed[j] = '\0';
	memset(got, 0, sizeof(got));
	ok(em_pair_parse(&ctx, typed, couple, got) == 0 &&
	    memcmp(got, key, sizeof(key)) == 0 && strcmp(couple, COUPLE) == 0,
	    "case, spaces, missing dashes, O for 0 and l for 1 are all fine");
	snprintf(typed, sizeof(typed), "  %s \n", code);
	ok(em_pair_parse(&ctx, typed, couple, got) == 0,
	    "spaces and a newline around it are fine");
	/* Passed on by a chat program: dashes and spaces of other kinds. */
	for (i = j = 0; code[i] != '\0'; i++) {
		if (code[i] != '-')
			typed[j++] = code[i];
		else if (i % 15 == 4)
			j += (size_t)sprintf(typed + j, "\xe2\x80\x93");	/* en dash */
		else if (i % 15 == 9)
			j += (size_t)sprintf(typed + j, "\xc2\xa0");	/* no-break space */
		else
			j += (size_t)sprintf(typed + j, "\xe2\x80\x91");	/* no-break hyphen */
	}
	typed[j] = '\0';
	memset(got, 0, sizeof(got));
	ok(em_pair_parse(&ctx, typed, couple, got) == 0 &&
	    memcmp(got, key, sizeof(key)) == 0,
	    "en dashes, no-break hyphens and no-break spaces are fine too");
	ok(em_pair_parse(&ctx, "\xe2\x80", couple, got) == EM_EX_DATAERR &&
	    em_pair_parse(&ctx, "\xc2", couple, got) == EM_EX_DATAERR,
	    "a cut UTF-8 sequence is refused, not read past");

	/* Every single mistyped symbol, everywhere. */
	for (i = 0; code[i] != '\0'; i++) {
		if (code[i] == '-')
			continue;
		for (k = 0; alpha[k] != '\0'; k++) {
			if (alpha[k] == code[i])
				continue;
			memcpy(typed, code, sizeof(code));
			typed[i] = alpha[k];
			tried++;
			em_err_clear(&ctx);
			if (em_pair_parse(&ctx, typed, couple, got) == EM_EX_DATAERR &&
			    strstr(em_errmsg(&ctx), "mistyped") != NULL)
				caught++;
		}
	}
	ok(tried == 68 * 31 && caught == tried,
	    "each of the %zu codes with one symbol mistyped is refused (%zu)",
	    tried, caught);
	for (i = 0; code[i + 1] != '\0'; i++) {
		j = code[i + 1] == '-' ? i + 2 : i + 1;
		if (code[i] == '-' || code[i] == code[j])
			continue;
		memcpy(typed, code, sizeof(code));
		typed[i] = code[j];
		typed[j] = code[i];
		swaps++;
		if (em_pair_parse(&ctx, typed, couple, got) == EM_EX_DATAERR)
			swapped++;
	}
	ok(swaps > 0 && swapped == swaps, "two neighbours swapped are caught (%zu)",
	    swaps);

	memcpy(typed, code, sizeof(code));
	typed[strlen(typed) - 1] = '\0';
	em_err_clear(&ctx);
	ex = em_pair_parse(&ctx, typed, couple, got);
	ok(ex == EM_EX_DATAERR && strstr(em_errmsg(&ctx), "has 67") != NULL,
	    "a symbol short: 65, counted (%s)", em_errmsg(&ctx));
	snprintf(typed, sizeof(typed), "%sA", code);
	ok(em_pair_parse(&ctx, typed, couple, got) == EM_EX_DATAERR,
	    "a symbol too many: 65");
	memcpy(typed, code, sizeof(code));
	typed[6] = 'U';
	em_err_clear(&ctx);
	ex = em_pair_parse(&ctx, typed, couple, got);
	ok(ex == EM_EX_DATAERR &&
	    strstr(em_errmsg(&ctx), "character 2 of group 2 ") != NULL,
	    "a U, which codes never use: 65 naming where (%s)", em_errmsg(&ctx));
	ok(strstr(em_errmsg(&ctx), code + 10) == NULL,
	    "the message does not repeat the code");
	ok(em_pair_parse(&ctx, "", couple, got) == EM_EX_DATAERR, "nothing: 65");
	ok(em_pair_parse(&ctx, "caf\xc3\xa9", couple, got) == EM_EX_DATAERR,
	    "UTF-8 letters: 65");
}

static void
test_pass(void)
{
	unsigned char	 s1[EM_SALT_BYTES], s2[EM_SALT_BYTES];
	unsigned char	 k1[EM_KEY_BYTES], k2[EM_KEY_BYTES], k3[EM_KEY_BYTES];

	em_salt_new(s1);
	em_salt_new(s2);
	ok(memcmp(s1, s2, sizeof(s1)) != 0, "two new salts differ");
	setenv("EMPATHY_PWHASH_FAST", "1", 1);
	ok(em_key_from_pass(&ctx, "correct horse", s1, k1) == 0, "a passphrase gives a key");
	ok(em_key_from_pass(&ctx, "correct horse", s1, k2) == 0 &&
	    memcmp(k1, k2, sizeof(k1)) == 0, "the same key again for the same salt");
	ok(em_key_from_pass(&ctx, "correct horse", s2, k2) == 0 &&
	    memcmp(k1, k2, sizeof(k1)) != 0, "another key for another salt");
	ok(em_key_from_pass(&ctx, "correct horsf", s1, k2) == 0 &&
	    memcmp(k1, k2, sizeof(k1)) != 0, "another key for another passphrase");
	ok(em_key_from_pass(&ctx, "", s1, k2) == EM_EX_DATAERR, "an empty passphrase: 65");
	unsetenv("EMPATHY_PWHASH_FAST");
	ok(em_key_from_pass(&ctx, "correct horse", s1, k3) == 0 &&
	    memcmp(k1, k3, sizeof(k1)) != 0,
	    "without EMPATHY_PWHASH_FAST the real limits make another key");
	setenv("EMPATHY_PWHASH_FAST", "1", 1);
}

static void
test_files(void)
{
	unsigned char	 key[EM_KEY_BYTES], key2[EM_KEY_BYTES], *buf, *b2;
	struct em_box_name *v, bn;
	struct stat	 st;
	char		*pl, *p, *p2, name[64], other[300];
	size_t		 len, blen, b2len, nv, i, bad;
	int		 ex, fd;
	const size_t	 cuts[] = { 0, 1, 7, 8, 9, 31, 32, 47, 48, 60 };

	em_key_new(key);
	em_key_new(key2);
	ok(memcmp(key, key2, sizeof(key)) != 0, "two new keys differ");

	/* Round trip. */
	em_err_clear(&ctx);
	ok(em_box_put(&ctx, dir, COUPLE, key, REP_A, 1, SECRET, strlen(SECRET)) == 0,
	    "put writes a file (%s)", em_errmsg(&ctx));
	snprintf(name, sizeof(name), "%s-000000000001", REP_A);
	p = path_of(dir, name);
	ok(stat(p, &st) == 0, "named <replica>-<n as 12 digits>");
	ok((st.st_mode & 0777) == 0640,
	    "mode 0600 under umask 077, plus read for the folder's group (%o)",
	    (unsigned)(st.st_mode & 0777));
	ex = em_box_get(&ctx, dir, name, COUPLE, key, &pl, &len);
	ok(ex == 0 && len == strlen(SECRET) && memcmp(pl, SECRET, len) == 0 &&
	    pl[len] == '\0', "get gives the payload back, NUL-terminated");
	if (ex == 0)
		em_box_free(pl, len);
	ok(!dir_holds(dir, "holiday"), "no plaintext anywhere in the folder");
	ok(count_hidden(dir) == 0, "no temporary file left behind");
	buf = slurp(p, &blen);
	ok(buf != NULL && blen == strlen(SECRET) + EM_BOX_OVERHEAD &&
	    memcmp(buf, "EMPBOX01", 8) == 0,
	    "the file is the magic, a nonce, the sealed payload and its tag");
	ok(em_box_put(&ctx, dir, COUPLE, key, REP_A, 2, "", 0) == 0 &&
	    get(dir, REP_A "-000000000002", COUPLE, key, NULL) == 0,
	    "an empty payload makes a round trip too");

	/* Never rewritten. */
	em_err_clear(&ctx);
	ex = em_box_put(&ctx, dir, COUPLE, key, REP_A, 1, "other", 5);
	ok(ex == EM_EX_CANTCREAT && strstr(em_errmsg(&ctx), "never replaced") != NULL,
	    "put refuses to replace a file: 73 (%s)", em_errmsg(&ctx));
	b2 = slurp(p, &b2len);
	ok(b2 != NULL && b2len == blen && memcmp(b2, buf, blen) == 0,
	    "and the file is as it was");
	free(b2);
	ok(count_hidden(dir) == 0, "its temporary file is gone");
	ok(em_box_put(&ctx, dir, COUPLE, key, REP_A, 0, "x", 1) == EM_EX_DATAERR,
	    "n 0 is not a file number");
	ok(em_box_put(&ctx, dir, COUPLE, key, "../../etc/passwd", 1, "x", 1) ==
	    EM_EX_DATAERR, "a replica that is not an id is refused");
	snprintf(other, sizeof(other), "%s/none", dir);
	ok(em_box_put(&ctx, other, COUPLE, key, REP_A, 1, "x", 1) == EM_EX_NOINPUT,
	    "put into a missing folder: 66");

	/* One flipped bit, anywhere. */
	for (i = 0, bad = 0; i < blen; i++) {
		buf[i] ^= 0x20;
		spill(p, buf, blen);
		buf[i] ^= 0x20;
		if (get(dir, name, COUPLE, key, i < 8 ? "not an empathy mailbox" :
		    "seal does not match") != EM_EX_DATAERR ||
		    strstr(em_errmsg(&ctx), "nothing was applied") == NULL ||
		    strstr(em_errmsg(&ctx), name) == NULL) {
			printf("#   byte %zu: %s\n", i, em_errmsg(&ctx));
			bad++;
		}
	}
	ok(bad == 0, "a flipped bit in any of its %zu bytes: 65, naming the file, "
	    "nothing applied", blen);
	spill(p, buf, blen);
	ok(get(dir, name, COUPLE, key, NULL) == 0, "put back, it opens again");

	/* Cut short. */
	for (i = 0, bad = 0; i < sizeof(cuts) / sizeof(cuts[0]); i++) {
		spill(p, buf, cuts[i]);
		if (get(dir, name, COUPLE, key, "cut short") != EM_EX_DATAERR) {
			printf("#   cut at %zu: %s\n", cuts[i], em_errmsg(&ctx));
			bad++;
		}
	}
	spill(p, buf, blen - 1);
	if (get(dir, name, COUPLE, key, "cut short") != EM_EX_DATAERR)
		bad++;
	ok(bad == 0, "cut short at 0, 1, 7, 8, 9, 31, 32, 47, 48, 60 and all but "
	    "one byte: 65, cut short");
	spill(p, buf, blen);

	/* Renamed, or moved to another couple's mailbox. */
	p2 = path_of(dir, REP_A "-000000000007");
	spill(p2, buf, blen);
	ok(get(dir, REP_A "-000000000007", COUPLE, key, "renamed") == EM_EX_DATAERR,
	    "renamed to another n: 65, renamed");
	unlink(p2);
	free(p2);
	p2 = path_of(dir, REP_B "-000000000001");
	spill(p2, buf, blen);
	ok(get(dir, REP_B "-000000000001", COUPLE, key, "renamed") == EM_EX_DATAERR,
	    "renamed to another replica: 65");
	unlink(p2);
	free(p2);
	ok(get(dir, name, COUPLE2, key, "another couple") == EM_EX_DATAERR,
	    "copied into another couple's mailbox (even with the same key): 65");
	ok(get(dir, name, COUPLE, key2, "not the couple's key") == EM_EX_DATAERR,
	    "a wrong key: 65");
	ok(get(dir, name, COUPLE, key, NULL) == 0, "the file itself still opens");

	/* Other things that are not mailbox files. */
	ok(get(dir, REP_A "-000000000003", COUPLE, key, "no such file") ==
	    EM_EX_NOINPUT, "a missing file: 66");
	ok(get(dir, "couple", COUPLE, key, "not a mailbox file's name") ==
	    EM_EX_DATAERR, "a name that is not a mailbox name: 65");
	ok(get(dir, "../x/" REP_A "-000000000001", COUPLE, key, NULL) ==
	    EM_EX_DATAERR, "a path is not a name");
	p2 = path_of(dir, REP_A "-000000000004");
	spill(p2, (const unsigned char *)"{\"op\":1}\n", 9);
	ok(get(dir, REP_A "-000000000004", COUPLE, key, "not an empathy mailbox") ==
	    EM_EX_DATAERR, "plain text under a mailbox name: 65, not a mailbox file");
	unlink(p2);
	ok((fd = open(p2, O_WRONLY | O_CREAT | O_TRUNC, 0600)) != -1 &&
	    ftruncate(fd, EM_BOX_MAX + 1) == 0 && close(fd) == 0,
	    "a sparse file of 64 MiB and a byte");
	ok(get(dir, REP_A "-000000000004", COUPLE, key, "refused unread") ==
	    EM_EX_DATAERR, "is refused unread: 65");
	unlink(p2);
	ok(mkfifo(p2, 0600) == 0, "a FIFO under a mailbox name");
	ok(get(dir, REP_A "-000000000004", COUPLE, key, "not a regular file") ==
	    EM_EX_DATAERR, "is refused without waiting on it: 65");
	unlink(p2);
	ok(symlink(p, p2) == 0, "a symbolic link under a mailbox name");
	ok(get(dir, REP_A "-000000000004", COUPLE, key, "symbolic link") ==
	    EM_EX_DATAERR, "is refused: 65");
	unlink(p2);
	free(p2);

	/* Listing. */
	ok(em_box_put(&ctx, dir, COUPLE, key, REP_B, 10, "b10", 3) == 0 &&
	    em_box_put(&ctx, dir, COUPLE, key, REP_B, 2, "b2", 2) == 0 &&
	    em_box_put(&ctx, dir, COUPLE, key, REP_A, 999999999999UL, "amax", 4) == 0,
	    "more files: b 10, b 2, a 999999999999");
	{
		static const char *const stray[] = {
			"README", ".aaaaaaaaaaaaaaaa-000000000005.0123456789abcdef.tmp",
			"AAAAAAAAAAAAAAAA-000000000005", "aaaaaaaaaaaaaaaa-000000000000",
			"aaaaaaaaaaaaaaaa-00000000005", "aaaaaaaaaaaaaaaa-0000000000055",
			"aaaaaaaaaaaaaaaa_000000000005", "aaaaaaaaaaaaaaag-000000000005",
			"aaaaaaaaaaaaaaaa-000000000005.sync-conflict-20261130",
			"aaaaaaaaaaaaaaaa-+00000000005", "couple"
		};
		for (i = 0; i < sizeof(stray) / sizeof(stray[0]); i++) {
			p2 = path_of(dir, stray[i]);
			spill(p2, (const unsigned char *)"x", 1);
			free(p2);
		}
	}
	ex = em_box_list(&ctx, dir, &v, &nv);
	ok(ex == 0 && nv == 5, "list finds the 5 mailbox files among 11 stray ones (%zu)",
	    nv);
	ok(nv == 5 && strcmp(v[0].replica, REP_A) == 0 && v[0].n == 1 &&
	    v[1].n == 2 && v[2].n == 999999999999UL && strcmp(v[3].replica, REP_B) == 0 &&
	    v[3].n == 2 && v[4].n == 10 && strcmp(v[4].name, REP_B "-000000000010") == 0,
	    "sorted by replica, then by n as a number");
	if (ex == 0)
		em_box_names_free(v, nv);
	ok(em_box_list(&ctx, other, &v, &nv) == EM_EX_NOINPUT && v == NULL && nv == 0,
	    "list of a missing folder: 66");
	ok(em_box_name_parse(REP_B "-000000000042", &bn) && bn.n == 42 &&
	    strcmp(bn.replica, REP_B) == 0, "em_box_name_parse reads a name");
	ok(!em_box_name_parse(REP_B "-000000000042 ", &bn), "and nothing more");
	free(buf);
	free(p);
}

/* Two writers racing for the same names: each name is won once. */
static void
test_race(const unsigned char *key)
{
	char		 d[300], name[64];
	pid_t		 pid[2];
	unsigned long	 n;
	int		 i, st, won = 0, opens = 0, couples = 0;

	snprintf(d, sizeof(d), "%s/race", dir);
	ok(mkdir(d, 0700) == 0, "a folder for two racing writers");
	fflush(stdout);
	for (i = 0; i < 2; i++) {
		if ((pid[i] = fork()) == 0) {
			struct em_ctx c;
			int	 mine = 0;

			em_ctx_init(&c, "racer");
			if (em_box_couple_put(&c, d, COUPLE, NULL, key) == 0)
				mine += 100;
			for (n = 1; n <= 40; n++)
				if (em_box_put(&c, d, COUPLE, key, REP_A, n, i ? "two" :
				    "one", 3) == 0)
					mine++;
			_exit(mine);
		}
	}
	for (i = 0; i < 2; i++)
		if (pid[i] > 0 && waitpid(pid[i], &st, 0) == pid[i] &&
		    WIFEXITED(st)) {
			won += WEXITSTATUS(st) % 100;
			couples += WEXITSTATUS(st) / 100;
		}
	for (n = 1; n <= 40; n++) {
		snprintf(name, sizeof(name), "%s-%012lu", REP_A, n);
		if (get(d, name, COUPLE, key, NULL) == 0)
			opens++;
	}
	ok(won == 40 && opens == 40, "40 names, each won by one writer (%d), all open",
	    won);
	ok(couples == 2 && em_box_key_check(&ctx, d, key) == 0,
	    "both wrote or checked DIR/couple, which fits the key");
	ok(count_hidden(d) == 0, "the losers' temporary files are gone");
}

static void
test_couple(void)
{
	unsigned char	 key[EM_KEY_BYTES], key2[EM_KEY_BYTES], salt[EM_SALT_BYTES];
	unsigned char	 got[EM_SALT_BYTES], *buf;
	char		 d2[300], couple[EM_ID_LEN + 1], *p, text[400];
	size_t		 len, i, bad;
	int		 has;
#define CK	"00112233445566778899aabbccddeeff"
	static const char *const broken[] = {
		"", "empathy couple 1\n",
		"empathy couple 2\ncouple " COUPLE "\ncheck " CK "\n",
		"empathy couple 1\ncouple " COUPLE "\ncheck " CK,
		"empathy couple 1\ncheck " CK "\n",
		"empathy couple 1\ncouple " COUPLE "\ncheck " CK "\nmore 1\n",
		"empathy couple 1\ncouple " COUPLE "\ncheck " CK "\ncheck " CK "\n",
		"empathy couple 1\ncouple " COUPLE "X\ncheck " CK "\n",
		"empathy couple 1\ncouple  " COUPLE "\ncheck " CK "\n",
		"empathy couple 1\r\ncouple " COUPLE "\ncheck " CK "\n",
		"empathy couple 1\ncouple " COUPLE "\nsalt 00\ncheck " CK "\n",
		"empathy couple 1\ncouple " COUPLE "\ncheck " CK "0\n",
		"empathy couple 1\ncouple " COUPLE "\ncheck 00112233445566778899AABBCCDDEEFF\n",
	};

	em_key_new(key);
	em_key_new(key2);
	em_salt_new(salt);
	snprintf(d2, sizeof(d2), "%s/c", dir);
	ok(mkdir(d2, 0700) == 0, "a new mailbox folder");
	em_err_clear(&ctx);
	ok(em_box_couple_get(&ctx, d2, couple, got, &has) == EM_EX_NOINPUT,
	    "no couple file yet: 66 (%s)", em_errmsg(&ctx));
	ok(em_box_key_check(&ctx, d2, key) == EM_EX_NOINPUT, "nothing to check a key with: 66");
	ok(em_box_couple_put(&ctx, d2, COUPLE, salt, key) == 0, "couple_put writes it");
	p = path_of(d2, "couple");
	buf = slurp(p, &len);
	ok(buf != NULL && strncmp((char *)buf, "empathy couple 1\ncouple " COUPLE
	    "\nsalt ", 46) == 0 && len == 46 + 32 + 7 + 32 + 1 &&
	    strncmp((char *)buf + 78, "\ncheck ", 7) == 0,
	    "it says the version, the couple, the salt and the check");
	free(buf);
	ok(em_box_couple_get(&ctx, d2, couple, got, &has) == 0 &&
	    strcmp(couple, COUPLE) == 0 && has && memcmp(got, salt, sizeof(salt)) == 0,
	    "couple_get reads the couple and the salt back");
	ok(em_box_key_check(&ctx, d2, key) == 0, "the key fits");
	em_err_clear(&ctx);
	ok(em_box_key_check(&ctx, d2, key2) == EM_EX_DATAERR &&
	    strstr(em_errmsg(&ctx), "wrong passphrase") != NULL,
	    "another key does not: 65 (%s)", em_errmsg(&ctx));
	ok(em_box_couple_put(&ctx, d2, COUPLE, salt, key) == 0,
	    "couple_put again for the same couple and key: 0");
	ok(em_box_couple_put(&ctx, d2, COUPLE, NULL, key) == 0,
	    "also when the key came as a pairing code");
	em_err_clear(&ctx);
	ok(em_box_couple_put(&ctx, d2, COUPLE2, NULL, key) == EM_EX_DATAERR &&
	    strstr(em_errmsg(&ctx), "another couple") != NULL,
	    "for another couple: 65 (%s)", em_errmsg(&ctx));
	ok(em_box_couple_put(&ctx, d2, COUPLE, salt, key2) == EM_EX_DATAERR,
	    "with another key: 65");
	ok(count_hidden(d2) == 0, "no temporary file left behind");

	/* Damaged descriptions. */
	for (i = 0, bad = 0; i < sizeof(broken) / sizeof(broken[0]); i++) {
		spill(p, (const unsigned char *)broken[i], strlen(broken[i]));
		em_err_clear(&ctx);
		if (em_box_couple_get(&ctx, d2, couple, got, &has) != EM_EX_DATAERR ||
		    strstr(em_errmsg(&ctx), "damaged") == NULL || has) {
			printf("#   broken %zu: %s\n", i, em_errmsg(&ctx));
			bad++;
		}
	}
	ok(bad == 0, "each of %zu damaged couple files: 65, damaged", i);
	snprintf(text, sizeof(text), "empathy couple 1\ncouple %s\ncheck %s\n",
	    COUPLE, CK);
	len = strlen(text);
	memcpy(text + len, "\0\n", 2);
	spill(p, (unsigned char *)text, len + 2);
	ok(em_box_couple_get(&ctx, d2, couple, got, &has) == EM_EX_DATAERR,
	    "and one with a NUL byte after its lines");
	unlink(p);
	free(p);

	ok(em_box_couple_put(&ctx, d2, COUPLE, NULL, key) == 0 &&
	    em_box_couple_get(&ctx, d2, couple, got, &has) == 0 && !has,
	    "a couple made with a pairing code has no salt");
	snprintf(text, sizeof(text), "%s/none", dir);
	ok(em_box_couple_put(&ctx, text, COUPLE, NULL, key) == EM_EX_NOINPUT,
	    "couple_put into a missing folder: 66");
}

int
main(void)
{
	const char	*tmp = getenv("TMPDIR");
	unsigned char	 key[EM_KEY_BYTES];

	em_ctx_init(&ctx, "t_box");	/* umask 077, as every program */
	snprintf(dir, sizeof(dir), "%s/t_box-XXXXXX", tmp && *tmp ? tmp : "/tmp");
	if (mkdtemp(dir) == NULL || chmod(dir, 0750) == -1) {
		perror(dir);
		return 1;
	}
	test_derive();
	test_pair();
	test_pass();
	test_files();
	em_key_new(key);
	test_race(key);
	test_couple();
	rm_tree(dir);
	return done_testing();
}
