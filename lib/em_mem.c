/* em_mem.c: memory: allocation that cannot fail quietly, and no core dumps of it. */
#include <sys/resource.h>

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "em_int.h"

/* Allocation failure leaves nothing sensible to do: say so and stop. */
void
em_oom(void)
{
	static const char msg[] = "empathy: out of memory\n";

	(void)!write(STDERR_FILENO, msg, sizeof(msg) - 1);
	_exit(EM_EX_IOERR);
}

void *
em_xcalloc(size_t n, size_t size)
{
	void	*p;

	if ((p = calloc(n ? n : 1, size ? size : 1)) == NULL)
		em_oom();
	return p;
}

char *
em_strdup(const char *s)
{
	char	*p;

	if (s == NULL)
		return NULL;
	if ((p = strdup(s)) == NULL)
		em_oom();
	return p;
}

void *
em_xreallocarray(void *p, size_t n, size_t size)
{
	if (size != 0 && n > (size_t)-1 / size)
		em_oom();
	if ((p = realloc(p, n * size != 0 ? n * size : 1)) == NULL)
		em_oom();
	return p;
}

/* No core files: they would hold whatever private text was in memory. */
void
em_no_core(void)
{
	struct rlimit rl = { 0, 0 };

	(void)setrlimit(RLIMIT_CORE, &rl);
}
