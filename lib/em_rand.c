/* em_rand.c: random record ids and random choices, from the kernel's generator. */
#include <sys/random.h>

#include <errno.h>
#include <stdint.h>
#include <time.h>
#include <unistd.h>

#include "em.h"

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
