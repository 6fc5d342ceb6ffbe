#!/bin/sh
# A simulated week: started six days ago, each day's task, done on time, late or missed, day by day.
. "${0%/*}/lib.sh"

S=$(day -6)
ok     'start the week six days ago'	empathy-challenge start --date -6

# Day 1: both on time.
ok     'day 1: today shows its task'	empathy-challenge today --date -6
same   'the task, then the exercise with its steps'	"$(out)" 'Day 1 of 7: Share a fear
  Each of you tells the other about one fear or insecurity you seldom mention.
  The listener only takes it in and says back what they heard.

  Share a fear (share-a-fear, 15 minutes)
  Tell your partner about one fear or insecurity you rarely talk about.
  Letting yourself be seen where you feel unsure builds trust and gives your
  partner a chance to respond with care.
   1. Find a quiet, unhurried moment when neither of you needs to be
      elsewhere.
   2. Pick one fear or insecurity, small or large, that you do not often
      mention.
   3. Tell your partner about it, and where you think it comes from if you
      know.
   4. Your partner listens, then says back what they heard and asks how it
      feels to have said it.
   5. Your partner avoids reassuring too quickly or trying to talk the fear
      away.
   6. Switch if you both want to, and thank each other for the trust.'
same   'no line is wider than 78 columns'	"$(out | awk 'length > 78')" ''
ok     'day 1: today -q says yes, quietly'	empathy-challenge today -q --date -6
same   'nothing printed'	"$(out)$(err)" ''
ok     'sara does day 1'	empathy-challenge done --date -6 --note 'I said the thing about my father'
same   'it says which day'	"$(out)" 'day 1 of one-week done'
ok     'alex does day 1, without a note'	empathy-challenge -u alex done --date -6 </dev/null
ok     'today now says sara did it'	empathy-challenge today --date -6
like   'with the date'	"$(out)" "^  \\(you did this on $S\\)$"

# Day 2: alex on time; sara catches up two days later.
ok     'day 2: the silent-listening task'	empathy-challenge today --date -5
like   'day 2 of 7'	"$(out | head -1)" '^Day 2 of 7: Listen in silence$'
like   'with the steps of silent listening'	"$(out)" '^  Silent listening \(silent-listening, 10 minutes\)$'
like   'step 5'	"$(out)" '^   5\. When the timer ends, switch roles and start it again\.$'
unlike 'sara has not done it'	"$(out)" 'you did this'
ok     'alex does day 2'	empathy-challenge -u alex done --date -5 --note 'Hard to stay quiet'

# Day 3: nobody. Sara does day 2 late instead.
ok     'day 3: swap sides'	empathy-challenge today --date -4
like   'day 3 of 7'	"$(out | head -1)" '^Day 3 of 7: Swap sides$'
like   'role reversal is its exercise'	"$(out)" '^  Role reversal \(role-reversal, 25 minutes\)$'
ok     'sara does day 2 late'	empathy-challenge done --date -4 --day 2 --note 'We did it a day late'
same   'late is allowed and said'	"$(out)" 'day 2 of one-week done (late, and that is fine)'

# Day 4: sara on time (note on stdin); alex three days late.
ok     'day 4'	empathy-challenge today --date -3
like   'what am I missing'	"$(out | head -1)" '^Day 4 of 7: Ask what you are missing$'
ok     'sara does day 4 with a note on stdin'	sh -c "echo 'He asked, I listened' | empathy-challenge done --date -3"
same   'day 4 done, on time'	"$(out)" 'day 4 of one-week done'

# Day 5: both.
ok     'day 5'	empathy-challenge today --date -2
like   'say thank you'	"$(out | head -1)" '^Day 5 of 7: Say thank you$'
ok     'sara does day 5'	empathy-challenge done --date -2 </dev/null
ok     'alex does day 5'	empathy-challenge -u alex done --date -2 --note 'Thanked her for Sunday'

# Day 6: sara only; alex does day 4 late.
ok     'day 6'	empathy-challenge today --date -1
like   'recharge apart'	"$(out | head -1)" '^Day 6 of 7: Recharge apart$'
ok     'sara does day 6'	empathy-challenge done --date -1 </dev/null
ok     'alex does day 4, three days late'	empathy-challenge -u alex done --date -1 --day 4 </dev/null
same   'late'	"$(out)" 'day 4 of one-week done (late, and that is fine)'

# Day 7, today: the grid, seen from each side.
ok     'today is day 7'	empathy-challenge today
like   'the look back'	"$(out | head -1)" '^Day 7 of 7: Look back on the week$'
ok     'status as sara'	empathy-challenge status
same   'a days x partners grid, sara first'	"$(out)" "Seven days of empathy, started $S: day 7 of 7

                                   sara       alex
  1  Share a fear                  done       done
  2  Listen in silence             late       done
  3  Swap sides                    missed     missed
  4  Ask what you are missing      done       late
  5  Say thank you                 done       done
  6  Recharge apart                done       missed
  7  Look back on the week         open       open"
ok     'status as alex'	empathy-challenge -u alex status
same   'alex comes first for him'	"$(out | sed -n '3p;5p')" '                                   alex       sara
  2  Listen in silence             done       late'
ok     'status -u alex, options after the command'	empathy-challenge status -u alex
same   'is the same grid'	"$(out)" "$(empathy-challenge -u alex status)"
ok     'status -f tsv'	empathy-challenge status -f tsv
same   'the run on every row, as the text heads it: challenge and first day'	"$(out | sed 1d | cut -f6,7 | sort -u)" "one-week	$S"
same   'one row per day and partner, with the date it was done'	"$(out | cut -f1-5)" "day	title	user	state	date
1	Share a fear	sara	done	$S
1	Share a fear	alex	done	$S
2	Listen in silence	sara	late	$(day -4)
2	Listen in silence	alex	done	$(day -5)
3	Swap sides	sara	missed	
3	Swap sides	alex	missed	
4	Ask what you are missing	sara	done	$(day -3)
4	Ask what you are missing	alex	late	$(day -1)
5	Say thank you	sara	done	$(day -2)
5	Say thank you	alex	done	$(day -2)
6	Recharge apart	sara	done	$(day -1)
6	Recharge apart	alex	missed	
7	Look back on the week	sara	open	
7	Look back on the week	alex	open	"
same   'the states are exactly these words'	"$(out | sed 1d | cut -f4 | sort -u)" 'done
late
missed
open'
ok     'status --date on day 3: later days are still to come'	empathy-challenge status -f tsv --date -4
same   'as it stood on day 3: day 3 open, day 4 (done later) still to come'	"$(out | sed -n '5,8p' | cut -f1,3,4,5)" "2	alex	done	$(day -5)
3	sara	open	
3	alex	open	
4	sara	to come	"
ok     'status -f json'	empathy-challenge status -f json
same   'day numbers as numbers'	"$(out | sed -n 3p)" \
       "{\"day\":2,\"title\":\"Listen in silence\",\"user\":\"sara\",\"state\":\"late\",\"date\":\"$(day -4)\",\"challenge\":\"one-week\",\"start\":\"$S\"}"

ok     'review'	empathy-challenge review
same   'every note, day by day, and what is left'	"$(out)" "Day 1: Share a fear
  sara: done $S
    I said the thing about my father
  alex: done $S
Day 2: Listen in silence
  sara: late $(day -4)
    We did it a day late
  alex: done $(day -5)
    Hard to stay quiet
Day 3: Swap sides
  sara: missed
  alex: missed
Day 4: Ask what you are missing
  sara: done $(day -3)
    He asked, I listened
  alex: late $(day -1)
Day 5: Say thank you
  sara: done $(day -2)
  alex: done $(day -2)
    Thanked her for Sunday
Day 6: Recharge apart
  sara: done $(day -1)
  alex: missed
Day 7: Look back on the week
  sara: open
  alex: open

Left to do:
  sara: day 3 (missed), 7
  alex: day 3 (missed), 6 (missed), 7"
ok     'review -f tsv'	empathy-challenge review -f tsv
same   'the header'	"$(out | head -1)" "day	title	user	state	date	note	challenge	start"
same   'rows with their notes'	"$(out | sed -n '2,5p;9p' | cut -f1-6)" "1	Share a fear	sara	done	$S	I said the thing about my father
1	Share a fear	alex	done	$S	
2	Listen in silence	sara	late	$(day -4)	We did it a day late
2	Listen in silence	alex	done	$(day -5)	Hard to stay quiet
4	Ask what you are missing	alex	late	$(day -1)	"
same   'eight fields on every row'	"$(out | awk -F '\t' 'NF != 8' | wc -l)" 0
same   'the run on every row'	"$(out | sed 1d | cut -f7,8 | sort -u)" "one-week	$S"
same   'fourteen rows'	"$(out | sed 1d | wc -l)" 14

# The last day, then the week is over.
ok     'sara does day 7'	sh -c 'echo "We chose: more walks" | empathy-challenge done'
ok     'alex does day 7 and day 3, late'	sh -c 'empathy-challenge -u alex done </dev/null && empathy-challenge -u alex done --day 3 </dev/null'
ok     'review after'	empathy-challenge review
same   'what is left now'	"$(out | sed -n '/^Left to do:$/,$p')" 'Left to do:
  sara: day 3 (missed)
  alex: day 6 (missed)'
status 'tomorrow, today says no'	1 empathy-challenge today --date "$(day 1)"
like   'the week ended today'	"$(err)" "one-week ended on $(day 0)"
status 'tomorrow, today -q is quiet'	1 empathy-challenge today -q --date "$(day 1)"
same   'nothing printed'	"$(out)$(err)" ''
ok     'tomorrow, status says over'	empathy-challenge status --date "$(day 1)"
same   'over, day 7 open no more'	"$(out | sed -n '1p;10p')" "Seven days of empathy, started $S: over
  7  Look back on the week         done       done"
status 'a day done tomorrow is refused'	64 empathy-challenge done --date "$(day 1)" --day 3
like   'it has not come yet'	"$(err)" 'not come yet'
same   'nothing was stored'	"$(sql 'select count(*) from run_day where day = 3 and user = '"'sara'")" 0
ok     'sara catches up day 3 today'	empathy-challenge done --day 3 </dev/null
same   'late'	"$(out)" 'day 3 of one-week done (late, and that is fine)'
same   'thirteen days done in all, one row each'	"$(sql 'select count(*), count(distinct user || day) from run_day')" '13|13'
