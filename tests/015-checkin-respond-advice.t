#!/bin/sh
# respond: answers that sound like advice are refused, with a question to ask instead.
. "${0%/*}/lib.sh"

ADVICE=$EM_SRCDIR/content/advice.yaml
answers() { sql "select count(*) from response"; }
# has TEXT LINE: TEXT has exactly this line.
# (A message wrapped at 80 columns goes on in lines that start with spaces.)
unwrap() { printf '%s\n' "$1" | sed -e ':a' -e '$!N' -e 's/\n  */ /' -e 'ta' -e 'P;D'; }
has() { unwrap "$1" | grep -Fqx -- "$2"; }

ok     'alex checks in'	empathy-checkin -u alex add --high 'Got the job offer' --low 'Argued with my brother'
ok     'sara checks in'	empathy-checkin add --high 'A quiet morning' --low 'Too many emails'

# refused WORDS ANSWER: the answer is refused; the message quotes the
# sentence and the words that broke the rule, and asks the rule's question
# (the one check names, and one written in content/advice.yaml).
refused() {
	status "'$2' is refused"	65 empathy-checkin respond "$2"
	e=$(unwrap "$(err)")
	like   "the message names the words '$1'"	"$e" "\"$1\""
	like   "and says what it sounds like"	"$e" 'sounds like'
	q=$(empathy-checkin check -f tsv "$2" | awk -F'\t' 'NR > 1 && $3 == "advice" { print $8; exit }')
	ok     "check gives a question for it"	test -n "$q"
	ok     "the question is in content/advice.yaml"	grep -Fq "instead: \"$q\"" "$ADVICE"
	ok     "it suggests asking that instead"	has "$e" "empathy-checkin: ask instead: $q"
}

refused 'You should' 'You should talk to him tomorrow.'
refused 'Have you tried' 'That sounds rough. Have you tried calling him?'
status 'refused again'	65 empathy-checkin respond 'That sounds rough. Have you tried calling him?'
like   'a refusal names the sentence among several'	"$(unwrap "$(err)")" '"Have you tried calling him." .sentence 2 of 2. sounds like a suggestion dressed as a question ."Have you tried", a question rule.'
refused 'At least' 'At least you got the job!'
refused "Don’t worry" "Don’t worry, he will come round."
refused 'YOU REALLY NEED TO' 'YOU REALLY NEED TO TELL HIM HOW YOU FEEL'
refused 'If I were you' "If I were you I'd let it go."
same   'nothing was stored'	"$(answers)" 0

printf 'I think you\n   should   rest.\n' >"$T/in"
status 'advice split over lines and spaces is still advice'	65 empathy-checkin respond <"$T/in"
like   'it names the phrase'	"$(err)" '"you should"'

# Patterns match whole words only.
ok     "'at leastwise' is not 'at least'"	empathy-checkin respond 'At leastwise the offer came through.'
ok     "a caring question about needs is not advice"	empathy-checkin respond 'Do you need to rest tonight?'
ok     "'you shoulder' is not 'you should'"	empathy-checkin respond 'You shoulder a lot for your family.'
ok     "'sleep on it' is an advice pattern"	grep -Fqx '  - match: "sleep on it"' "$ADVICE"
ok     "'asleep on it' is not 'sleep on it'"	empathy-checkin respond 'The cat was asleep on it all day? That sounds sweet.'
same   'those four were stored'	"$(answers)" 4
