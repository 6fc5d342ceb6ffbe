#!/bin/sh
# Convergence: two and three replicas of one couple make random offline
# changes (new records; the same record's different fields and the same field
# on two machines; deletes, restores, purges; same-day check-ins; challenge
# runs), their mailbox files are delivered in random orders, some late, some
# twice; after a last full exchange every replica's canonical dump (every
# record table, every column, sorted) is identical. 50 seeded schedules; a
# failing one names its seed (SYNC_SEED=N reruns it alone).
# tests/stress/050-sync-convergence.t runs 1,000 more.
. "${0%/*}/lib.sh"
. "${0%/*}/sync.sh"

converge_many 1 50
# Schedules that once failed. 1988: the same person checked in on both
# machines; the one whose text lost scrubbed it from its own operation
# before sending it, so the other machine never kept it as an earlier
# version.
[ -n "${SYNC_SEED:-}" ] || converge_many 1988 1
