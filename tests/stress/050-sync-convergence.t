#!/bin/sh
# Convergence at scale: the schedules of tests/610-sync-convergence.t with
# other seeds. EM_STRESS=long (make stress) runs 1,000 schedules; make check
# runs 3, and one under valgrind.
. "${0%/*}/../lib.sh"
. "${0%/*}/../sync.sh"

N=3
[ "$EM_SLOW" -gt 1 ] && N=1	# under valgrind
[ "${EM_STRESS:-}" = long ] && N=1000

converge_many 1001 "$N"
