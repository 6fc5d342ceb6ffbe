#!/bin/sh
# The second shipped challenge, after-a-fight: listed beside one-week, shown, walked day by day, and never taken for the other.
. "${0%/*}/lib.sh"

# The days in order: title, then the exercise shown with the task.
DAYS='Come back to each other	coming-back
Name what set it off	what-set-it-off
Tell each other'\''s story	tell-it-back
What each of you needed	what-we-needed
Say what you appreciate	gratitude-for-empathy
One agreement for next time	one-agreement
Look back together	look-back-after-a-fight'
title() { printf '%s\n' "$DAYS" | sed -n "$1p" | cut -f1; }
exid() { printf '%s\n' "$DAYS" | sed -n "$1p" | cut -f2; }

ok     'list'	empathy-challenge list
same   'two challenges, each with its length'	"$(out | sed -n '/^Challenges$/,/^$/p' | tr -s ' ')" 'Challenges
 one-week Seven days of empathy (7 days)
 after-a-fight After a fight (7 days)'
ok     'list -f json'	empathy-challenge list -f json
same   'its own record'	"$(out | grep '"id":"after-a-fight"')" \
       '{"kind":"challenge","id":"after-a-fight","title":"After a fight","length":7}'

ok     'show after-a-fight'	empathy-challenge show after-a-fight
same   'its title line'	"$(out | head -1)" 'After a fight (after-a-fight, 7 days)'
like   'a description of the week'	"$(out | sed -n 2p)" '^A week of mending after an argument'
same   'no line is wider than 78 columns'	"$(out | awk 'length > 78')" ''
ok     'show after-a-fight -f tsv'	empathy-challenge show -f tsv after-a-fight
same   'seven days, each titled and with an exercise, in this order'	"$(out | sed 1,2d | cut -f1,2,4)" \
       "$(printf '%s\n' "$DAYS" | awk '{ print NR "\t" $0 }')"
same   'every day has a task'	"$(out | sed 1,2d | awk -F '\t' '$3 == ""' | wc -l)" 0
same   'day 3: each tells the other'\''s story back until it fits'	"$(out | sed -n 5p | cut -f3)" \
       'One of you tells the fight as you lived it, and the other tells it back until the teller says "yes, that'\''s it". Then swap. You are aiming to understand each other, not to agree.'
like   'day 4 is about what each needed, not what the other did'	"$(out | sed -n 6p | cut -f3)" \
       'what you needed underneath, in words about yourself rather than about the other'
like   'day 6 ends in one agreement'	"$(out | sed -n 8p | cut -f3)" 'agree on one small, concrete thing'

# Each day's exercise is in the content, with its minutes and steps.
i=1
while [ "$i" -le 7 ]; do
	e=$(exid "$i")
	ok     "day $i: show $e"	empathy-challenge show "$e"
	like   "it has minutes"	"$(out | head -1)" " \\($e, [1-9][0-9]* minutes\\)\$"
	ok     "day $i: show $e -f tsv"	empathy-challenge show -f tsv "$e"
	same   'five steps or more, numbered from 1'	"$(out | sed 1,2d | cut -f1 | awk 'NR != $1 { bad = 1 } END { print (NR >= 5 && !bad) }')" 1
	i=$((i + 1))
done
ok     'show tell-it-back'	empathy-challenge show -f tsv tell-it-back
like   'the listener retells until the teller says so'	"$(out)" \
       "^5	The listener tries again .*until the teller can say \"yes, that's it\"\\.	step	"

# Told apart by id: start without one still starts one-week; after-a-fight must be asked for.
ok     'start without an id'	empathy-challenge start
same   'is one-week'	"$(out)" "started one-week on $(day 0): 7 days; see today's task with: empathy-challenge today"
status 'after-a-fight while one-week runs is refused'	65 empathy-challenge start after-a-fight
like   'it names the one asked for'	"$(err | tr '\n' ' ')" "to start after-a-fight instead, run 'empathy-challenge abandon' first"
ok     'abandon one-week'	empathy-challenge abandon --yes
same   'it says which'	"$(out)" 'abandoned one-week'

# The week, started six days ago; each day the partners do it on its day.
S=$(day -6)
ok     'start after-a-fight six days ago'	empathy-challenge -u alex start after-a-fight --date -6
same   'it names the challenge and its length'	"$(out)" \
       "started after-a-fight on $S: 7 days; see today's task with: empathy-challenge today"
same   'a run of after-a-fight beside the abandoned one-week'	\
       "$(sql 'select challenge, start, days, user, abandoned is not null from run order by created')" \
       "one-week|$(day 0)|7|sara|1
after-a-fight|$S|7|alex|0"
ok     'show without an id is now after-a-fight'	empathy-challenge show
same   'its title'	"$(out | head -1)" 'After a fight (after-a-fight, 7 days)'
ok     'starting it again without an id changes nothing'	empathy-challenge start
like   'she is in it already'	"$(out | tr '\n' ' ')" "^alex started after-a-fight on .*you are in it already"
i=1
while [ "$i" -le 7 ]; do
	d=$((i - 7))
	e=$(exid "$i")
	ok     "day $i: today"	empathy-challenge today --date "$(day "$d")"
	same   'the day and its title'	"$(out | head -1)" "Day $i of 7: $(title "$i")"
	like   'its exercise'	"$(out)" "^  .* \\($e, [1-9][0-9]* minutes\\)\$"
	like   'with step 1'	"$(out)" '^   1\. [A-Z]'
	same   'no line wider than 78 columns'	"$(out | awk 'length > 78')" ''
	ok     "day $i: sara does it"	empathy-challenge done --date "$(day "$d")" --note "day $i, sara"
	same   'on time, in after-a-fight'	"$(out)" "day $i of after-a-fight done"
	ok     "day $i: alex does it"	empathy-challenge -u alex done --date "$(day "$d")" </dev/null
	i=$((i + 1))
done
ok     'status -f tsv'	empathy-challenge status -f tsv
same   'both partners, every day done on its own date'	"$(out | sed 1d | cut -f1,3,4,5)" \
       "$(i=1; while [ "$i" -le 7 ]; do
		printf '%s\t%s\tdone\t%s\n' "$i" sara "$(day $((i - 7)))" "$i" alex "$(day $((i - 7)))"
		i=$((i + 1))
	done)"
same   'the day titles are after-a-fight'\''s'	"$(out | sed 1d | cut -f1,2 | uniq)" \
       "$(printf '%s\n' "$DAYS" | cut -f1 | awk '{ print NR "\t" $0 }')"
ok     'status'	empathy-challenge status
same   'under its own title'	"$(out | head -1)" "After a fight, started $S: day 7 of 7"
ok     'review'	empathy-challenge review
same   'nothing is left'	"$(out | sed -n '/^Left to do:$/,$p')" 'Left to do:
  sara: nothing, every day is done
  alex: nothing, every day is done'
like   'the notes are kept'	"$(out)" '^    day 4, sara$'
same   'fourteen days done, all in the after-a-fight run'	\
       "$(sql 'select r.challenge, count(*) from run_day d join run r on r.id = d.run group by r.challenge')" \
       'after-a-fight|14'
status 'tomorrow it is over'	1 empathy-challenge today --date "$(day 1)"
like   'after-a-fight ended today'	"$(err)" "after-a-fight ended on $(day 0)"
ok     'and one-week can start tomorrow'	empathy-challenge start one-week --date "$(day 1)"
same   'its second run'	"$(sql 'select challenge from run order by created')" 'one-week
after-a-fight
one-week'
