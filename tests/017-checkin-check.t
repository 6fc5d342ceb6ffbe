#!/bin/sh
# check: an answer judged as respond would, sentence by sentence, nothing stored;
# the advice rules are content a person can read, add to and override.
. "${0%/*}/lib.sh"

# check TEXT: its verdict row for the first sentence that is advice (tsv).
first() { empathy-checkin check -f tsv -- "$1" | awk -F'\t' 'NR > 1 && $3 == "advice" { print; exit }'; }

status 'advice: exit 1'	1 empathy-checkin check 'That sounds hard. Maybe talk to her about it.'
like   'each sentence judged'	"$(out)" '^ok +That sounds hard\.'
like   'the second is advice'	"$(out)" '^advice +Maybe talk to her about it\.'
like   'what it sounds like and the words'	"$(out)" 'sounds like an instruction \("talk to her", an opener rule\)'
like   'which rule, in which document and file'	"$(out | tr -s '\n ' '  ')" "openers rule '.*' in 'advice', .*content/advice\\.yaml"
like   'the question to ask instead'	"$(out)" 'ask instead: What would you'
like   'and the verdict'	"$(out)" 'it would be refused: sentence 2 of 2 sounds like advice'
ok     'no database was made'	test ! -e "$EMPATHY_DB"
ok     'a question passes: exit 0'	empathy-checkin check 'What was the hardest part?'
like   'it would be sent as a question'	"$(out)" 'it would be sent, as a question'
ok     'from stdin'	sh -c 'echo "It sounds like you felt invisible." | empathy-checkin check'
like   'as a reflection'	"$(out)" 'it would be sent, as a reflection'
printf '' >"$T/empty"
status 'no text: 64, as respond'	64 empathy-checkin check <"$T/empty"
like   'saying so'	"$(err)" 'no answer on standard input'
status 'an unknown option'	64 empathy-checkin check --nope 'hi'

# Formats: one row per sentence.
status 'tsv exits 1 too'	1 empathy-checkin check -f tsv 'I hear you. Just quit.'
same   'a header and two rows'	"$(out | cut -f1-4)" 'sentence	text	verdict	kind
1	I hear you.	ok	
2	Just quit.	advice	openers'
status 'json'	1 empathy-checkin check -f json 'I hear you. Just quit.'
same   'two objects; an ok sentence has no kind or words (null)'	"$(out | jq -c '[.sentence, .verdict, .kind, .words, .sent_as]')" '[1,"ok",null,null,null]
[2,"advice","openers","quit",null]'
same   'the rule names its file, as the text does'	"$(out | jq -r 'select(.verdict == "advice") | .file | test("advice[.]yaml$")')" true
ok     'json for an answer it would send'	empathy-checkin check -f json 'How was it?'
same   'sent as a question'	"$(out | jq -c '[.verdict, .sent_as]')" '["ok","question"]'

# The kinds the issue names, each on the shipped rules.
for t in 'maybe you could ask her tonight' 'You can try a warm bath.' 'It might help to write it down.' \
    'It would help if you slept more.' 'Talk to her.' 'Let it go.' 'Go for a run, it helps.' \
    'Next time, speak up.' 'so just leave him' 'I suggest a day off.' "I'd suggest asking him." \
    'I recommend the book.' 'You need to rest.' 'You must call her.' 'You have to tell him.' \
    "You shouldn't go." "You'd be better off without them." 'What if you told him?' \
    'How about a walk?' 'Why not ask for a raise?' 'Have you ever thought about therapy?' \
    'Have you thought of moving?' 'Everything will be just fine.' 'Things will be okay.' \
    'Be grateful you have a job.' 'Look at it this way, it could be worse.' 'dont worry' \
    'why dont you just say no' 'do not worry about it'; do
	status "refused: $t"	1 empathy-checkin check -- "$t"
done
for t in 'So he told you to calm down? That sounds humiliating.' \
    "I won't say it'll pass. What is it like right now?" 'What do you think you should do?' \
    "It sounds like you're just exhausted, and that makes sense." 'What helped, at least a little?' \
    "I'm not going to tell you to calm down. What happened?" 'Your mum said "just get over it"? Ouch.' \
    'Tell me more about it.' 'Do you need to rest tonight?' 'You feel like you have to hold it all together.'; do
	ok     "passes: $t"	empathy-checkin check -- "$t"
done

# --force: the partner sees it was sent despite the check.
ok     'alex checks in'	empathy-checkin -u alex add --high 'New bike' --low 'Flat tyre'
ok     'sara too'	empathy-checkin add --high 'Tea' --low 'Rain'
ok     'sara sends advice with --force'	empathy-checkin respond --force 'Just buy a new tyre.'
ok     'and a question'	empathy-checkin respond 'How did it feel?'
ok     'alex reads them'	empathy-checkin -u alex show
same   'the forced one is marked'	"$(out | grep -A1 '> sara' | sed 's/^ *//')" '> sara  Just buy a new tyre.
(sent despite the advice check)'
same   'the question is not'	"$(out | grep -A1 '? sara' | sed 's/^ *//')" '? sara  How did it feel?
sara'
ok     'json says so'	empathy-checkin -u alex show -f json
same   'forced true for one answer'	"$(out | jq -c '[.responses[]? | .forced] | select(length > 0)' | head -1)" '[true,false]'

# A person's own rules: another document adds to the shipped ones.
mkdir -p "$XDG_CONFIG_HOME/empathy/content"
cat >"$XDG_CONFIG_HOME/empathy/content/mine.yaml" <<'YAML'
kind: advice
id: mine
title: Things I say too often
openers:
  - match: "(frobnicate|defrobulate) [it|that]"
    instead: What have you found out so far?
    note: fixing
frames:
  - match: "you [really] (shalt|oughtta)"
    instead: What feels pressing about it?
    unless: [be, feel]
softeners: [welp]
negations: ["i (refuse|decline) to say"]
YAML
status 'a rule of my own'	1 empathy-checkin check 'Welp, frobnicate it.'
like   'names my document'	"$(out)" "openers rule '\\(frobnicate\\|defrobulate\\) \\[it\\|that\\]' in 'mine'"
like   'and my question'	"$(out)" 'ask instead: What have you found out so far\?'
status 'the shipped rules still apply'	1 empathy-checkin check 'Talk to her.'
ok     'my negation'	empathy-checkin check 'I refuse to say frobnicate it. How are you?'
status 'respond obeys my rules too'	65 empathy-checkin respond 'you shalt sleep'
like   'naming my question'	"$(err)" 'What feels pressing about it'

# Override the shipped document by its kind and id, from a directory that
# comes first (--content): only my rules count.
mkdir -p "$T/over"
cat >"$T/over/advice.yaml" <<'YAML'
kind: advice
id: advice
patterns:
  - {match: "pineapple", instead: "Which fruit, then?"}
YAML
ok     'the shipped openers are gone'	empathy-checkin --content "$T/over" check 'Talk to her.'
status 'mine count'	1 empathy-checkin --content "$T/over" check 'Have some pineapple.'

# A rule that is not a phrase: file, line and column, exit 78.
cat >"$T/over/advice.yaml" <<'YAML'
kind: advice
id: advice
frames:
  - match: "you (could|can"
    instead: Which?
YAML
status 'a broken phrase'	78 empathy-checkin --content "$T/over" check 'hello'
like   'named with file:line:column'	"$(err)" "advice\\.yaml:4:[0-9]+: 'you \\(could\\|can' is not a phrase: '\\(' is not closed"
rm -r "$XDG_CONFIG_HOME/empathy/content"

