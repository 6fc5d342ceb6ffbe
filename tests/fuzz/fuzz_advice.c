/*
 * fuzz_advice: any bytes as an answer, judged by the shipped advice rules;
 * and, up to a first newline, as a phrase of a rule of its own.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "em_int.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

static struct em_content *shipped;

/* Every sentence lies inside the text, and a broken one's words inside it. */
static void
judge(const struct em_content *c, const char *text, size_t len)
{
	struct em_sentence *ss;
	size_t	 n, i;

	n = em_advice_judge(c, text, &ss);
	for (i = 0; i < n; i++) {
		if (ss[i].beg > ss[i].end || ss[i].end > len)
			abort();
		if (ss[i].rule != NULL && (ss[i].mbeg < ss[i].beg ||
		    ss[i].mend > ss[i].end || ss[i].mbeg >= ss[i].mend))
			abort();
	}
	free(ss);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct em_ctx	 ctx;
	struct em_phrase *ph;
	char		*text, *nl, err[160], *dirs[1];

	if (shipped == NULL) {
		/* the repository's content, from the directory make fuzz runs in */
		dirs[0] = "content";
		em_ctx_init(&ctx, "fuzz");
		if (em_content_load(&ctx, dirs, 1, EM_KIND(EM_K_ADVICE), &shipped) != 0)
			abort();
	}
	text = malloc(size + 1);
	memcpy(text, data, size);
	text[size] = '\0';
	judge(shipped, text, strlen(text));
	if ((nl = strchr(text, '\n')) != NULL) {
		*nl = '\0';
		if ((ph = em_phrase_new(text, err, sizeof(err))) == NULL &&
		    err[0] == '\0')
			abort();	/* a refusal says why */
		em_phrase_free(ph);
	}
	free(text);
	return 0;
}
