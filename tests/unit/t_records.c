/* t_records: the record types fit the limits the operation log is built with. */
#include <stdio.h>
#include <string.h>

#include "em_int.h"
#include "tap.h"

int
main(void)
{
	const struct em_rectype *rt;
	size_t	 n, i;

	for (n = 0; (rt = em_rectype_nth(n)) != NULL; n++) {
		ok(em_nfields(rt) <= EM_FIELDS_MAX, "%s: %zu fields, at most %d",
		    rt->table, em_nfields(rt), EM_FIELDS_MAX);
		ok(em_rectype_find(rt->table) == rt, "%s is found by its table", rt->table);
		for (i = 0; i < n; i++)
			if (strcmp(em_rectype_nth(i)->table, rt->table) == 0)
				break;
		ok(i == n, "%s: one record type per table", rt->table);
	}
	ok(n > 0 && n <= EM_RECTYPES_MAX, "%zu record types, at most %d (the "
	    "statement caches of em_op.c)", n, EM_RECTYPES_MAX);
	return done_testing();
}
