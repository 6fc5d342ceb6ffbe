#!/bin/sh
# Content of one's own: a challenge added in ~/.config/empathy/content is listed, shown, started and completed; broken ones are reported.
. "${0%/*}/lib.sh"

U=$XDG_CONFIG_HOME/empathy/content
mkdir -p "$U" "$T/broken"
cat >"$U/mine.yaml" <<'YAML'
# Our own challenge.
kind: challenge
id: mine
title: Two days of our own
days:
  - title: Walk together
    task: Take a walk and listen more than you talk.
    exercise: silent-listening
  - title: Say what you saw
    task: Tell each other one thing you noticed about the other today.
YAML

ok     'list finds it'	empathy-challenge list -f tsv
same   'after the installed ones, with its length'	"$(out | sed -n 2,4p)" "$(printf 'challenge\tone-week\tSeven days of empathy\t7\nchallenge\tafter-a-fight\tAfter a fight\t7\nchallenge\tmine\tTwo days of our own\t2')"
ok     'show mine'	empathy-challenge show mine
same   'its days, and the exercise of day 1'	"$(out)" 'Two days of our own (mine, 2 days)

Day 1: Walk together
  Take a walk and listen more than you talk.
  exercise: Silent listening (empathy-challenge show silent-listening)

Day 2: Say what you saw
  Tell each other one thing you noticed about the other today.'
ok     'start mine yesterday'	empathy-challenge start mine --date yesterday
same   'two days'	"$(out)" "started mine on $(day -1): 2 days; see today's task with: empathy-challenge today"
ok     'today is day 2, without an exercise'	empathy-challenge today
same   'just the task'	"$(out)" 'Day 2 of 2: Say what you saw
  Tell each other one thing you noticed about the other today.'
ok     'yesterday was day 1, with silent listening'	empathy-challenge today --date yesterday
like   'its steps'	"$(out)" '^  Silent listening \(silent-listening, 10 minutes\)$'
ok     'sara does both days'	sh -c 'empathy-challenge done --date -1 --day 1 </dev/null && echo noticed | empathy-challenge done'
ok     'alex does both days'	sh -c 'empathy-challenge -u alex done --day 1 </dev/null && empathy-challenge -u alex done </dev/null'
ok     'review'	empathy-challenge review
same   'nothing is left'	"$(out | sed -n '/^Left to do:$/,$p')" 'Left to do:
  sara: nothing, every day is done
  alex: nothing, every day is done'
status 'tomorrow it is over'	1 empathy-challenge today --date "$(day 1)"
like   'it ended today'	"$(err)" "mine ended on $(day 0)"
ok     'and one-week can start tomorrow without abandon'	empathy-challenge start --date "$(day 1)"

# A challenge keeps its days when its content changes later.
mkdir -p "$T/short"
printf 'kind: challenge\nid: mine\ntitle: Now one day\ndays:\n  - {title: Only, task: Just this.}\n' >"$T/short/mine.yaml"
ok     'status with a shorter mine in --content'	empathy-challenge --content "$T/short" status -f tsv
same   'the run keeps its two days for both partners'	"$(out | sed 1d | cut -f1,3,4)" '1	sara	done
1	alex	late
2	sara	done
2	alex	done'

# Broken content: file:line:column and 78, from every command that reads content.
cat >"$T/broken/bad.yaml" <<'YAML'
kind: challenge
id: bad
title: Refers to nothing
days:
  - title: Fine
    task: Do it.
    exercise: silent-listening
  - title: Broken
    task: Do something else.
    exercise: no-such-exercise
YAML
status 'a challenge naming an unknown exercise is bad content'	78 empathy-challenge --content "$T/broken" list
like   'file:line:col on the second day, naming the exercise'	"$(err)" \
       "^empathy-challenge: $T/broken/bad\\.yaml:(8|9|10):[0-9]+: .*'no-such-exercise'"
same   'one line of it'	"$(err | wc -l)" 1
same   'and nothing on stdout'	"$(out)" ''
status 'show says the same'	78 empathy-challenge --content "$T/broken" show one-week
status 'start too'	78 empathy-challenge --content "$T/broken" start bad
status 'today too'	78 empathy-challenge --content "$T/broken" today
printf 'kind: challenge\nid: empty\ntitle: Nothing\ndays: []\n' >"$T/broken/bad.yaml"
status 'a challenge without days is bad content'	78 empathy-challenge --content "$T/broken" list
like   'named with its place'	"$(err)" "bad\\.yaml:4:[0-9]+: .*days"
printf 'kind: challenge\nid: notask\ntitle: No task\ndays:\n  - {title: A}\n' >"$T/broken/bad.yaml"
status 'a day without a task is bad content'	78 empathy-challenge --content "$T/broken" list
like   'named with its place'	"$(err)" "bad\\.yaml:5:[0-9]+: .*task"
mkdir -p "$T/ok"
printf 'kind: challenge\nid: empty\ntitle: Nothing\ndays: [\n' >"$T/ok/x.yaml"
status 'a YAML syntax error'	78 empathy-challenge --content "$T/ok" show mine
like   'named with its place'	"$(err)" "x\\.yaml:[0-9]+:[0-9]+: "

# A user's own version of an installed exercise replaces it.
mkdir -p "$T/over"
printf 'kind: exercise\nid: silent-listening\ntitle: Our silent listening\nminutes: 4\nsteps: [Sit., Listen., Switch.]\n' >"$T/over/sl.yaml"
ok     'show the overridden exercise'	empathy-challenge --content "$T/over" show silent-listening
same   'ours'	"$(out)" 'Our silent listening (silent-listening, 4 minutes)
 1. Sit.
 2. Listen.
 3. Switch.'
