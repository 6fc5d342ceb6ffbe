/* fuzz_content: any bytes as a content file, through the loader and its validation. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "em_int.h"

static char	 dir[] = "/tmp/em-fuzz-content.XXXXXX";
static char	 path[64];

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct em_ctx	 ctx;
	struct em_content *c = NULL;
	char		*dirs[1] = { dir };
	FILE		*fp;
	int		 ok;

	if (path[0] == '\0') {
		if (mkdtemp(dir) == NULL)
			abort();
		snprintf(path, sizeof(path), "%s/f.yaml", dir);
	}
	if ((fp = fopen(path, "w")) == NULL)
		abort();
	fwrite(data, 1, size, fp);
	fclose(fp);
	em_ctx_init(&ctx, "fuzz");
	ctx.quiet = 1;
	ok = em_content_load(&ctx, dirs, 1, EM_KINDS_ALL, &c) == 0;
	if (ok && c == NULL)
		abort();	/* success must give content */
	em_content_free(c);
	/* One kind, through the quick look at kind lines: what all kinds pass, it passes. */
	c = NULL;
	if (em_content_load(&ctx, dirs, 1, EM_KIND(size % EM_K_COUNT), &c) != 0 && ok)
		abort();
	em_content_free(c);
	return 0;
}
