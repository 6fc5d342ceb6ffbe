/* em_rand.c: record ids, random or derived from what a record is, and random choices. */
#include <sys/random.h>

#include <errno.h>
#include <stdarg.h>
#include <stdint.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <sodium.h>

#include "em_int.h"

static void
fill(void *buf, size_t len)
{
	unsigned char	*p = buf;
	ssize_t		 r;
	size_t		 i;

	while (len > 0) {
		r = getrandom(p, len, 0);
		if (r == -1 && errno == EINTR)
			continue;
		if (r <= 0)
			break;
		p += r;
		len -= (size_t)r;
	}
	/* Without getrandom (old kernels, seccomp) fall back to something unique. */
	for (i = 0; i < len; i++)
		p[i] = (unsigned char)((uintptr_t)p ^ (unsigned)time(NULL) ^
		    (unsigned)getpid() ^ (i * 131));
}

/* A new record id: 16 lower-case hex digits, 64 random bits. */
void
em_id_new(char buf[EM_ID_LEN + 1])
{
	static const char hex[] = "0123456789abcdef";
	unsigned char	 b[EM_ID_LEN / 2];
	size_t		 i;

	fill(b, sizeof(b));
	for (i = 0; i < sizeof(b); i++) {
		buf[2 * i] = hex[b[i] >> 4];
		buf[2 * i + 1] = hex[b[i] & 0xf];
	}
	buf[EM_ID_LEN] = '\0';
}

/*
 * The id of a record there can be only one of (a person's check-in for a
 * day, the couple's run of a challenge): the first 64 bits of BLAKE2b over
 * "empathy:", the kind and each part, each ended by a NUL byte, the parts
 * in ASCII lower case as names compare. Two machines that make "the same"
 * record give it the same id, so sync sees one record, not two.
 */
void
em_id_derive(char buf[EM_ID_LEN + 1], const char *kind, ...)
{
	static const char hex[] = "0123456789abcdef";
	crypto_generichash_state st;
	unsigned char	 h[EM_ID_LEN / 2];
	const char	*part;
	unsigned char	 c;
	va_list		 ap;
	size_t		 i;

	crypto_generichash_init(&st, NULL, 0, sizeof(h));
	crypto_generichash_update(&st, (const unsigned char *)"empathy:", 8);
	crypto_generichash_update(&st, (const unsigned char *)kind, strlen(kind) + 1);
	va_start(ap, kind);
	while ((part = va_arg(ap, const char *)) != NULL) {
		for (i = 0; part[i] != '\0'; i++) {
			c = (unsigned char)part[i];
			if (c >= 'A' && c <= 'Z')
				c += 'a' - 'A';
			crypto_generichash_update(&st, &c, 1);
		}
		crypto_generichash_update(&st, (const unsigned char *)"", 1);
	}
	va_end(ap);
	crypto_generichash_final(&st, h, sizeof(h));
	for (i = 0; i < sizeof(h); i++) {
		buf[2 * i] = hex[h[i] >> 4];
		buf[2 * i + 1] = hex[h[i] & 0xf];
	}
	buf[EM_ID_LEN] = '\0';
}

/* A uniform number below n, n > 0. */
unsigned long
em_rand_below(unsigned long n)
{
	unsigned long	 x, lim;

	if (n <= 1)
		return 0;
	lim = (unsigned long)-1 - ((unsigned long)-1 % n);
	do
		fill(&x, sizeof(x));
	while (x >= lim);
	return x % n;
}
