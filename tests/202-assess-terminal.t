#!/bin/sh
# On a terminal, take asks item by item with the scale's labels, and asks again after a bad answer.
. "${0%/*}/lib.sh"

pause=0.12	# before each line typed at tty (tests/lib.sh)
count() { test -e "$EMPATHY_DB" && sql 'select count(*) from result' || echo 0; }
labels='1 not at all   2 a little   3 somewhat   4 quite a lot   5 completely'

got=$(ask 'empathy-assess take bandwidth' '] ' '5
' '7
' 'x
' '2
' '3
' '4
')
like   'the first item is asked, numbered of four'	"$got" '1/4  I feel stressed today\. '
like   'with the labels of the scale'	"$got" "$labels"
like   'and the range at the prompt'	"$got" '\[1-5\] 5 '
like   'the second item follows'	"$got" '2/4  I slept well last night\.'
like   'an answer off the scale is asked again'	"$got" '\[1-5\] 7 +please answer with a number from 1 to 5 +\[1-5\] x '
like   'so is a word'	"$got" '\[1-5\] x +please answer with a number from 1 to 5 +\[1-5\] 2 '
like   'all four items are asked'	"$got" '4/4  My attention keeps getting pulled away today\. .*\[1-5\] 4 '
like   'then the score (0+1+2+1 of 16 = 25) and band'	"$got" 'Empathy bandwidth today: 25 of 100 - running on empty'
like   'and it ends well'	"$got" ' exit 0 $'
same   'the answers typed are stored'	"$(sql 'select user, about, answers, score from result')" 'sara|sara|5,2,3,4|25'

got=$(ask 'empathy-assess take bandwidth --about alex' '] ' '1
' '5
' '1
' '1
')
like   'rating a partner says whom it is about'	"$got" '^ *About alex: '
like   'and shows the result as a view of him'	"$got" 'Your view of alex on Empathy bandwidth today: 100 of 100 .* exit 0 $'
same   'stored as about alex'	"$(sql "select user, about, answers from result where about = 'alex'")" 'sara|alex|1,5,1,1'

got=$(tty 'empathy-assess take bandwidth --answers 2,2,2,2' '3
')
unlike '--answers on a terminal asks nothing'	"$got" '1/4'
like   'and scores them (3+1+3+3 of 16 = 62.5, so 63)'	"$got" ': 63 of 100 .* exit 0 $'
same   'three results now'	"$(count)" 3

got=$(ask 'empathy-assess take bandwidth' '] ' '3
' "$(printf '\003')")
like   'Ctrl-C at the second item stops with SIGINT'	"$got" '2/4 .* exit 130 $'
same   'nothing stored'	"$(count)" 3
got=$(ask 'empathy-assess take bandwidth' '] ' '3
' '3
' "$(printf '\004')")
like   'end of input (Ctrl-D) at the third item cancels: status 1'	"$got" '3/4 .*empathy-assess: cancelled; nothing was stored +exit 1 $'
same   'nothing stored'	"$(count)" 3
like   'the first thing said is how to stop'	"$got" '^ *Type the number of your answer and press Enter; Ctrl-D stops, and nothing is stored\. +1/4 '
got=$(ask 'empathy-assess take bandwidth' '] ' "$(printf '\004')")
like   'Ctrl-D at the first item cancels too'	"$got" '1/4 .*cancelled; nothing was stored +exit 1 $'
unlike 'no crash'	"$got" 'free\(\)|Sanitizer|runtime error'
same   'nothing stored'	"$(count)" 3
got=$(ask 'empathy-assess take bandwidth' '] ' '
' "$(printf '\004')")
like   'an empty line, then Ctrl-D: asked again, then cancelled'	"$got" '\[1-5\] +please answer with a number from 1 to 5 +\[1-5\] +empathy-assess: cancelled; nothing was stored +exit 1 $'
same   'nothing stored'	"$(count)" 3
got=$(ask 'empathy-assess take bandwidth --about alex' '] ' '
' "$(printf '\003')")
like   'an empty line, then Ctrl-C: SIGINT'	"$got" ' exit 130 $'
same   'nothing stored'	"$(count)" 3

# An empty answer is not an answer: ask again, do not throw the others away.
got=$(ask 'empathy-assess take bandwidth' '] ' '3
' '
' '3
' '3
' '3
')
like   'an empty answer is asked again'	"$got" '2/4 .*\[1-5\] +please answer with a number from 1 to 5 +\[1-5\] 3 '
like   'and the take completes'	"$got" ': 50 of 100 .* exit 0 $'
same   'four results now'	"$(count)" 4
# A number too big for an int must not wrap around onto the scale (2^32 + 3).
got=$(ask 'empathy-assess take bandwidth' '] ' '4294967299
' '1
' '5
' '1
' '1
')
like   'an answer far off the scale is asked again'	"$got" '\[1-5\] 4294967299 +please answer with a number from 1 to 5 +\[1-5\] 1 '
same   'only the answers on the scale are stored'	"$(sql 'select answers from result order by created desc limit 1')" 1,5,1,1

# Colour only on a terminal, and never with NO_COLOR.
esc=$(printf '\033')
got=$(script -qec 'empathy-assess take bandwidth --answers 2,2,2,2' /dev/null </dev/null)
like   'on a terminal the score line is bold'	"$got" "${esc}\\[1mEmpathy bandwidth today: 63 of 100"
got=$(script -qec 'NO_COLOR=1 empathy-assess take bandwidth --answers 2,2,2,2' /dev/null </dev/null)
unlike 'with NO_COLOR it is plain'	"$got" "$esc"
ok     'piped'	empathy-assess take bandwidth --answers 2,2,2,2
unlike 'it is plain too'	"$(out)" "$esc"
