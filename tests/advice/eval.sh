#!/bin/sh
# tests/advice/eval.sh [-v] [FILE...]: run each labelled reply through
# `empathy-checkin check` and print, per file and for all of them, how much
# advice was refused (recall), how much of what was refused was advice
# (precision), and the share of questions and of reflections refused.
# The sets (tests/advice/*.tsv, written for this project by five writers who
# never saw the rules): replies (our product's voice, with the traps the
# issue names), chat, listeners and support (support-chat style, by three
# writers), traps (replies that quote or negate advice, and advice in its
# usual forms), fresh (support-chat style with its typing: recall 0.850,
# precision 0.988, 2% of reflections refused before the rules saw it).
# A file has one reply per line: LABEL<TAB>FORM<TAB>TEXT, LABEL one of
# advice, question, reflection. -v lists every reply judged wrongly.
# The binary is the one on PATH (make eval-advice puts build/rel/bin first);
# content from $EMPATHY_CONTENT.
set -eu
verbose=0
[ "${1:-}" = -v ] && { verbose=1; shift; }
dir=$(cd "$(dirname "$0")" && pwd)
[ $# -gt 0 ] || set -- "$dir"/*.tsv
out=$(mktemp "${TMPDIR:-/tmp}/empathy-eval.XXXXXX")
trap 'rm -f "$out" "$out.err"' EXIT
for f in "$@"; do
	name=$(basename "$f" .tsv)
	while IFS='	' read -r label form text; do
		rc=0
		empathy-checkin check -- "$text" >/dev/null 2>"$out.err" || rc=$?
		case $rc in
		0) v=sent ;;
		1) v=refused ;;
		*) cat "$out.err" >&2
		   echo "eval.sh: $f: check exited $rc on: $text" >&2; exit 1 ;;
		esac
		printf '%s\t%s\t%s\t%s\t%s\n' "$name" "$label" "$form" "$v" "$text"
	done <"$f" >>"$out"
done
awk -F'\t' -v verbose="$verbose" '
function row(n,   a, r, q, qr, f, fr, p) {
	a = na[n]; r = ra[n]; q = nq[n]; qr = rq[n]; f = nf[n]; fr = rf[n]
	p = (r + qr + fr) ? r / (r + qr + fr) : 1
	printf "%-10s %6d %8.3f %9.3f %9d %8.3f %11d %8.3f\n", n, a, a ? r / a : 0, p,
	    q, q ? qr / q : 0, f, f ? fr / f : 0
}
{
	k[$1] = 1
	for (i = 0; i < 2; i++) {
		n = i ? "all" : $1
		if ($2 == "advice") { na[n]++; if ($4 == "refused") ra[n]++ }
		else if ($2 == "question") { nq[n]++; if ($4 == "refused") rq[n]++ }
		else { nf[n]++; if ($4 == "refused") rf[n]++ }
	}
	if (verbose && (($2 == "advice") != ($4 == "refused")))
		miss[++nm] = $1 "\t" $2 "\t" $3 "\t" $4 "\t" $5
}
END {
	printf "%-10s %6s %8s %9s %9s %8s %11s %8s\n", "set", "advice", "recall",
	    "precision", "questions", "refused", "reflections", "refused"
	for (n in k) row(n)
	row("all")
	for (i = 1; i <= nm; i++) print miss[i] > "/dev/stderr"
}' "$out"
