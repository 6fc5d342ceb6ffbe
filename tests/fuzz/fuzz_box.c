/* fuzz_box: any bytes as a mailbox file, as DIR/couple, as a pairing code and as a file name. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "em_int.h"

#define COUPLE	"0123456789abcdef"
#define REPLICA	"aaaaaaaaaaaaaaaa"
#define NAME	REPLICA "-000000000001"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

static char	 dir[256], box[300], cpl[300];

/* The folder goes when the fuzzer ends. */
static void
cleanup(void)
{
	(void)unlink(box);
	(void)unlink(cpl);
	(void)rmdir(dir);
}

static void
spill(const char *path, const uint8_t *data, size_t size)
{
	FILE	*fp;

	(void)unlink(path);
	if ((fp = fopen(path, "wb")) == NULL)
		abort();
	if (size > 0 && fwrite(data, 1, size, fp) != size)
		abort();
	if (fclose(fp) != 0)
		abort();
}

/*
 * The key is fixed (32 bytes of 0x01), so the corpus can hold a file that
 * opens: seeds from em_box_put with that key, couple 0123456789abcdef and
 * replica aaaaaaaaaaaaaaaa, n 1.
 */
int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct em_ctx ctx;
	static int	 ready;
	struct em_box_name bn;
	unsigned char	 key[EM_KEY_BYTES], salt[EM_SALT_BYTES], got[EM_KEY_BYTES];
	char		 couple[EM_ID_LEN + 1], *s, *pl;
	size_t		 len;
	int		 has;

	if (!ready) {
		const char *tmp = getenv("TMPDIR");

		em_ctx_init(&ctx, "fuzz");
		ctx.quiet = 1;
		snprintf(dir, sizeof(dir), "%s/fuzz_box-XXXXXX",
		    tmp != NULL && *tmp != '\0' ? tmp : "/tmp");
		if (mkdtemp(dir) == NULL)
			abort();
		snprintf(box, sizeof(box), "%s/%s", dir, NAME);
		snprintf(cpl, sizeof(cpl), "%s/couple", dir);
		atexit(cleanup);
		ready = 1;
	}
	memset(key, 1, sizeof(key));

	spill(box, data, size);
	if (em_box_get(&ctx, dir, NAME, COUPLE, key, &pl, &len) == 0) {
		if (pl[len] != '\0')
			abort();
		em_box_free(pl, len);
	} else if (pl != NULL)
		abort();

	spill(cpl, data, size);
	if (em_box_couple_get(&ctx, dir, couple, salt, &has) == 0 &&
	    strlen(couple) != EM_ID_LEN)
		abort();
	(void)em_box_key_check(&ctx, dir, key);

	if ((s = malloc(size + 1)) == NULL)
		abort();
	memcpy(s, data, size);
	s[size] = '\0';
	if (em_pair_parse(&ctx, s, couple, got) == 0 && strlen(couple) != EM_ID_LEN)
		abort();
	if (em_box_name_parse(s, &bn) && (bn.n == 0 || strlen(bn.replica) != EM_ID_LEN))
		abort();
	free(s);
	return 0;
}
