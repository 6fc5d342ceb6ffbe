#!/bin/sh
# prompt and feelings: words to help an answer, straight from content/.
. "${0%/*}/lib.sh"

PROMPTS=$EM_SRCDIR/content/prompts.yaml
EMOTIONS=$EM_SRCDIR/content/emotions.yaml
# The prompts of one id in prompts.yaml, or all of them.
prompts() {
	awk -v id="$1" '/^---/ { f = 0 } /^id: / { f = (id == "" || $2 == id) }
	    f && /^  - / { sub(/^  - /, ""); print }' "$PROMPTS"
}
# has TEXT LINE: TEXT has exactly this line.
has() { printf '%s\n' "$1" | grep -Fqx -- "$2"; }

all=$(prompts '')
missing=$(prompts missing)
ok     'prompts.yaml has prompts'	test -n "$all"
ok     'and a missing list'	test -n "$missing"
for i in 1 2 3 4 5; do
	ok     "prompt $i"	empathy-checkin prompt
	p=$(out)
	same   "prompt $i is one line"	"$(out | wc -l)" 1
	ok     "prompt $i is a prompt from prompts.yaml"	has "$all" "$p"
done
for i in 1 2 3 4 5; do
	ok     "prompt --kind missing $i"	empathy-checkin prompt --kind missing
	p=$(out)
	ok     "prompt --kind missing $i is from the missing list"	has "$missing" "$p"
done
status 'prompt --kind nosuch'	66 empathy-checkin prompt --kind nosuch
like   'it names the kind'	"$(err)" "'nosuch'"
same   'and prints no prompt'	"$(out)" ''
ok     'prompt -f json --kind question'	empathy-checkin prompt -f json --kind question
like   'json: kind and text'	"$(out)" '^\{"kind":"question","text":"[^"]+"\}$'

ok     'feelings'	empathy-checkin feelings
ok     'at least 40 feelings'	test "$(out | wc -l)" -ge 40
under=$(sed -n 's/.*{word: annoyed, underneath: \[\(.*\)\]}.*/\1/p' "$EMOTIONS")
ok     'emotions.yaml has annoyed'	test -n "$under"
ok     'feelings annoyed'	empathy-checkin feelings annoyed
same   'what lies underneath annoyed'	"$(out | sed 's/  */ /g')" "annoyed $under"
status 'an unknown feeling is a no'	1 empathy-checkin feelings blorptastic
like   'it names the word'	"$(err)" "'blorptastic' is not in the vocabulary"
same   'and prints nothing'	"$(out)" ''

ok     'feelings -f json'	empathy-checkin feelings -f json
j=$(out)
same   'one line per feeling'	"$(printf '%s\n' "$j" | wc -l)" "$(grep -c '{word: ' "$EMOTIONS")"
if command -v jq >/dev/null; then
	ok 'each line has a word and an underneath array'	sh -c 'printf "%s\n" "$1" |
	    jq -e -s "all(.[]; (.word | type) == \"string\" and (.underneath | type) == \"array\")"' sh "$j"
else
	same 'each line has a word and an underneath array'	"$(printf '%s\n' "$j" | grep -cv '^{"word":"[^"]*","underneath":\[.*\]}$')" 0
fi
like   'annoyed in json'	"$j" "^\\{\"word\":\"annoyed\",\"underneath\":\\[\"$(printf '%s' "$under" | sed 's/, /","/g')\"\\]\\}\$"
ok     'feelings -f tsv'	empathy-checkin feelings -f tsv
same   'tsv header'	"$(out | head -n 1)" "$(printf 'word\tunderneath')"
like   'annoyed in tsv'	"$(out)" "^annoyed	$under\$"
