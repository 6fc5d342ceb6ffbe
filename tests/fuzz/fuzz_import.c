/* fuzz_import: any bytes as JSON Lines for every program's import, into databases in memory. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "em_int.h"

#define NSETS	4

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const struct em_rectype *const *const sets[NSETS] = {
		em_checkin_records, em_journal_records, em_assess_records,
		em_challenge_records
	};
	static struct em_ctx ctx[NSETS];
	static int	 ready;
	struct em_import_counts counts;
	FILE		*in;
	size_t		 i;

	for (i = 0; !ready && i < NSETS; i++) {
		em_ctx_init(&ctx[i], "fuzz");
		/* No such file: a read-only open gives an empty database in memory. */
		ctx[i].dbpath = em_strdup("/nonexistent/empathy-fuzz.db");
		if (em_db_open(&ctx[i], EM_DB_READ) != 0)
			abort();
	}
	ready = 1;
	for (i = 0; i < NSETS; i++) {
		if ((in = fmemopen((void *)data, size, "r")) == NULL)
			abort();
		(void)em_import(&ctx[i], sets[i], in, &counts);
		fclose(in);
		/* Start the next input from an empty database again. */
		if (em_db_exec(&ctx[i], "DELETE FROM response; DELETE FROM checkin;"
		    "DELETE FROM entry_version; DELETE FROM entry; DELETE FROM result;"
		    "DELETE FROM run_day; DELETE FROM run") != 0)
			abort();
	}
	return 0;
}
