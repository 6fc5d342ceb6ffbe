#!/bin/sh
# The advice check on our labelled replies (tests/advice/*.tsv, written for
# this project): the figures make eval-advice prints, held to thresholds.
. "${0%/*}/lib.sh"

ok     'the eval runs'	sh "$EM_SRCDIR/tests/advice/eval.sh"
out >"$T/table"
# field VALUE SET COLUMN: a column of a set's row (2 advice, 3 recall, 4
# precision, 5 questions, 6 refused, 7 reflections, 8 refused).
field() { awk -v s="$1" -v c="$2" '$1 == s { print $c }' "$T/table"; }
atleast() { awk -v a="$2" -v b="$3" 'BEGIN { exit !(a + 0 >= b + 0) }'; }
atmost() { awk -v a="$2" -v b="$3" 'BEGIN { exit !(a + 0 <= b + 0) }'; }
# set MIN-ADVICE MIN-QR RECALL PRECISION: one set's row against its bars.
# listeners, support and fresh were each measured before any rule saw them
# (recall 0.835, 0.844 and 0.850; precision 0.990, 0.995 and 0.988).
check_set() {
	s=$1
	ok "$s: at least $2 advice"	atleast x "$(field $s 2)" "$2"
	ok "$s: at least $3 questions and reflections"	atleast x "$(($(field $s 5) + $(field $s 7)))" "$3"
	ok "$s: advice recall $(field $s 3) >= $4"	atleast x "$(field $s 3)" "$4"
	ok "$s: precision $(field $s 4) >= $5"	atleast x "$(field $s 4)" "$5"
	ok "$s: questions refused $(field $s 6) <= 0.02"	atmost x "$(field $s 6)" 0.02
	ok "$s: reflections refused $(field $s 8) <= 0.02"	atmost x "$(field $s 8)" 0.02
}
check_set replies 300 300 0.93 0.97
check_set chat 300 300 0.93 0.97
check_set listeners 200 200 0.80 0.97
check_set traps 150 150 0.95 0.97
check_set support 200 200 0.80 0.97
check_set fresh 300 300 0.93 0.97
check_set all 1400 1400 0.90 0.97
# The traps the issue names, on our set, each form on its own.
awk -F'\t' '$2 ~ /quote|negation|own-judgement|reflection-trap|quantity/' \
    "$EM_SRCDIR/tests/advice/replies.tsv" >"$T/traps.tsv"
ok     'the traps'	sh "$EM_SRCDIR/tests/advice/eval.sh" "$T/traps.tsv"
out >"$T/table"
ok     "quoted, negated, own-view and quantity replies: $(field traps 6) of questions refused"	atmost x "$(field traps 6)" 0.03
ok     "and $(field traps 8) of reflections"	atmost x "$(field traps 8)" 0.03
