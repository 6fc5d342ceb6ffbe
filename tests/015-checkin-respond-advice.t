#!/bin/sh
# respond: answers that sound like advice are refused, with a question to ask instead.
. "${0%/*}/lib.sh"

ADVICE=$EM_SRCDIR/content/advice.yaml
answers() { sql "select count(*) from response"; }
# The "instead" of a pattern in the shipped advice file.
instead() { sed -n "/^  - match: $1\$/{n;s/^    instead: //p;}" "$ADVICE"; }
# has TEXT LINE: TEXT has exactly this line.
# (A message wrapped at 80 columns goes on in lines that start with spaces.)
has() { printf '%s\n' "$1" | sed -e ':a' -e '$!N' -e 's/\n  */ /' -e 'ta' -e 'P;D' | grep -Fqx -- "$2"; }

ok     'alex checks in'	empathy-checkin -u alex add --high 'Got the job offer' --low 'Argued with my brother'
ok     'sara checks in'	empathy-checkin add --high 'A quiet morning' --low 'Too many emails'

# refused PATTERN ANSWER: the pattern is shipped, the answer is refused naming it.
refused() {
	ok     "'$1' is an advice pattern in content/advice.yaml"	grep -Fqx "  - match: $1" "$ADVICE"
	status "'$2' is refused"	65 empathy-checkin respond "$2"
	like   "the message names '$1'"	"$(err)" "\"$1\""
	e=$(err)
	ok     "it suggests what to ask instead of '$1'"	has "$e" "empathy-checkin: ask instead: $(instead "$1")"
}

refused 'you should' 'You should talk to him tomorrow.'
refused 'have you tried' 'That sounds rough. Have you tried calling him?'
refused 'at least' 'At least you got the job!'
refused "don't worry" "Don’t worry, he will come round."
refused 'you really need to' 'YOU REALLY NEED TO TELL HIM HOW YOU FEEL'
refused 'if i were you' "If I were you I'd let it go."
same   'nothing was stored'	"$(answers)" 0

printf 'I think you\n   should   rest.\n' >"$T/in"
status 'advice split over lines and spaces is still advice'	65 empathy-checkin respond <"$T/in"
like   'it names the phrase'	"$(err)" '"you should"'

# Patterns match whole words only.
ok     "'at leastwise' is not 'at least'"	empathy-checkin respond 'At leastwise the offer came through.'
ok     "a caring question about needs is not advice"	empathy-checkin respond 'Do you need to rest tonight?'
ok     "'you shoulder' is not 'you should'"	empathy-checkin respond 'You shoulder a lot for your family.'
ok     "'sleep on it' is an advice pattern"	grep -Fqx '  - match: sleep on it' "$ADVICE"
ok     "'asleep on it' is not 'sleep on it'"	empathy-checkin respond 'The cat was asleep on it all day? That sounds sweet.'
same   'those four were stored'	"$(answers)" 4
