#!/bin/sh
# list and show: the challenges and exercises in content, as text, tsv and json.
. "${0%/*}/lib.sh"

ok     '-h prints the usage on stdout'	empathy-challenge -h
for c in list show start abandon today done status review timer export import; do
	like   "it names $c"	"$(out)" "^  $c( |\$)"
done
status 'no command: usage on stderr, 64'	64 empathy-challenge
like   'the usage'	"$(err)" '^usage: empathy-challenge '
status 'an unknown command is a usage error'	64 empathy-challenge nosuch
like   'it names it'	"$(err)" "unknown command 'nosuch'"
status 'show without an id while nothing runs is a usage error'	64 empathy-challenge show
like   'it asks for an id'	"$(err)" 'no challenge is running'

ok     'list needs no database'	empathy-challenge list
same   'it made none'	"$(test -e "$EMPATHY_DB" && echo made)" ''
same   'challenges come first, with their length in days'	"$(out | sed -n 1,2p | tr -s ' ')" \
       'Challenges
 one-week Seven days of empathy (7 days)'
same   'then, after a blank line, the exercises, with their length in minutes'	"$(out | grep -B1 -A1 '^Exercises$' | tr -s ' ')" '
Exercises
 role-reversal Role reversal (25 minutes)'
for id in role-reversal silent-listening emotion-labelling what-am-i-missing breaking-autopilot; do
	like   "the exercises include $id"	"$(out)" "^  $id +[^ ].* \\([0-9]+ minutes\\)$"
done
ok     'list -f tsv'	empathy-challenge list -f tsv
same   'a header, then one row per challenge and exercise'	"$(out | sed -n 1,4p)" \
       "$(printf 'kind\tid\ttitle\tlength\nchallenge\tone-week\tSeven days of empathy\t7\nchallenge\tafter-a-fight\tAfter a fight\t7\nexercise\trole-reversal\tRole reversal\t25')"
same   'every row has four fields'	"$(out | awk -F '\t' 'NF != 4' | wc -l)" 0
same   'as many rows as the text has entries'	"$(($(out | wc -l) - 1))" \
       "$(empathy-challenge list | grep -c '^  ')"
ok     'list -f json'	empathy-challenge list -f json
same   'one object per line, numbers as numbers'	"$(out | head -1)" \
       '{"kind":"challenge","id":"one-week","title":"Seven days of empathy","length":7}'
status 'list takes no argument'	64 empathy-challenge list one-week
like   'and says how to call it'	"$(err | sed -e ':a' -e 'N' -e '$!ba' -e 's/\n  */ /g')" '^usage: .*list'

ok     'show one-week'	empathy-challenge show one-week
same   'a title line with the id and the length'	"$(out | head -1)" 'Seven days of empathy (one-week, 7 days)'
same   'seven days'	"$(out | grep -c '^Day [1-7]: ')" 7
same   'each day says how to see its exercise'	"$(out | sed -n '/^Day 1: /,/^$/p')" \
'Day 1: Share a fear
  Each of you tells the other about one fear or insecurity you seldom mention.
  The listener only takes it in and says back what they heard.
  exercise: Share a fear (empathy-challenge show share-a-fear)'
like   'day 7 is the look back'	"$(out)" 'Day 7: Look back on the week'
ok     'show one-week -f tsv'	empathy-challenge show -f tsv one-week
same   'a header, the challenge and seven days'	"$(out | wc -l)" 9
same   'day 2 in full'	"$(out | sed -n '1p;4p' | cut -f1-4)" "$(printf 'day\ttitle\ttask\texercise\n2\tListen in silence\tTake turns speaking for five minutes while the other only listens. Use the timer so neither of you has to watch the clock.\tsilent-listening')"
same   'then the kind, the challenge, its title and days, the exercise title'	"$(out | sed -n '1p;4p' | cut -f5-)" "$(printf 'kind\tchallenge\tchallenge_title\tdays\texercise_title\tdescription\nday\tone-week\tSeven days of empathy\t7\tSilent listening\t')"
same   'the challenge first, with its description'	"$(out | sed -n 2p | cut -f5-)" "$(printf 'challenge\tone-week\tSeven days of empathy\t7\t\tSeven days of small shared practices, from opening up and listening to seeing the other side and looking back. Do each day'"'"'s task together, and note what you noticed when you mark it done.')"
ok     'show one-week -f json'	empathy-challenge -f json show one-week
same   'seven objects'	"$(out | grep -c '^{"day":[1-7],"title":')" 7

ok     'show an exercise'	empathy-challenge show what-am-i-missing
same   'its title, its steps numbered'	"$(out | sed -n '1p;5,6p;$p')" 'What am I missing? (what-am-i-missing, 5 minutes)
 1. Before you end a hard conversation, pause.
 2. Ask your partner whether there is something you have not yet understood or
 6. Thank your partner for telling you.'
ok     'show an exercise -f tsv'	empathy-challenge show -f tsv silent-listening
same   'a header and one row per step'	"$(out | sed -n '1p;3p' | cut -f1,2)" "$(printf 'step\ttext\n1\tSit facing each other and put your phones out of reach.')"
same   'the exercise first: kind, id, title, minutes, description'	"$(out | sed -n 2p | cut -f3-)" "$(printf 'exercise\tsilent-listening\tSilent listening\t10\tEach of you gets a few minutes to talk without being interrupted, advised or reassured. It trains the listener to stay with the speaker instead of preparing a reply.')"
same   'each step with the exercise'"'"'s id, title and minutes'	"$(out | sed -n 3p | cut -f3-)" "$(printf 'step\tsilent-listening\tSilent listening\t10\t')"
same   'six steps'	"$(out | wc -l)" 8

status 'show nosuch is missing input'	66 empathy-challenge show nosuch
like   'it names the id and points to list'	"$(err)" "^empathy-challenge: .*'nosuch'.*empathy-challenge list"
same   'nothing on stdout'	"$(out)" ''
status 'show takes one id at most'	64 empathy-challenge show one-week silent-listening
ok     'start one-week'	empathy-challenge start
ok     'show without an id shows the running challenge'	empathy-challenge show
same   'it is one-week'	"$(out | head -1)" 'Seven days of empathy (one-week, 7 days)'
