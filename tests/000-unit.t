#!/bin/sh
# Run the lib/ unit tests (small C programs that print TAP) as one group each.
. "${0%/*}/lib.sh"

for t in "${EM_UNITDIR:?run through make check}"/t_*; do
	case $t in *.o|*.d) continue;; esac
	ok "unit ${t##*/}" "$t"
done
