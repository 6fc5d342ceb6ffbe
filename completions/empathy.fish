# fish completion for empathy (the front door), empathy-checkin,
# empathy-journal, empathy-assess and empathy-challenge: commands, the options of each command (as in the man
# pages) and their values. Partner names, tags and the ids of instruments,
# challenges, exercises, feelings and journal entries are asked of the
# programs themselves, with any -d/--db, -u/--user and --content given on the
# line; their errors never reach the terminal.
#
# fish loads completions by command name, so this file is installed once per
# program (empathy-checkin.fish, ...); each copy sets up only the program it
# is named after, and this file under its own name sets up all five. After
# `empathy journal` (checkin, assess, challenge) the rest of the line is
# completed as empathy-journal's.

# __empathy_parse: read the line before the cursor. Sets __empathy_cmd (the
# command, empty when none yet), __empathy_npos (the number of arguments
# after it) and __empathy_pass (the -d, -u and --content options).
function __empathy_parse
    set -l tokens (commandline -opc)
    set -l prog (string replace -r '.*/' '' -- $tokens[1])
    set -g __empathy_cmd
    set -g __empathy_npos 0
    set -g __empathy_pass
    set -g __empathy_dir (string match -r '.*/' -- $tokens[1])
    # The options that take a value, for each program.
    set -l valued -d --db -f --format -u --user --content
    switch $prog
        case empathy
            set -a valued --join --dir --ssh
        case empathy-checkin
            set -a valued --date --feeling --high --low --to --since --until --kind
        case empathy-journal
            set -a valued --date --tag --untag --since --until --by --grep -n --week
        case empathy-assess
            set -a valued --about --guess --answers --date --by
        case empathy-challenge
            set -a valued --date --day --note --rounds
    end
    set -l endopts 0
    set -l i 2
    while test $i -le (count $tokens)
        set -l w $tokens[$i]
        set i (math $i + 1)
        if test $endopts = 1; or not string match -qr '^-.' -- $w
            if test -z "$__empathy_cmd"
                set -g __empathy_cmd $w
            else
                set -g __empathy_npos (math $__empathy_npos + 1)
            end
            continue
        end
        set -l name
        set -l value
        if test "$w" = --
            set endopts 1
            continue
        else if string match -qr '^--[^=]+=' -- $w
            set name (string replace -r '=.*' '' -- $w)
            set value (string replace -r '^[^=]*=' '' -- $w)
        else if contains -- $w $valued
            set name $w
            set value $tokens[$i]
            set i (math $i + 1)
        else if string match -qr '^-[^-]' -- $w
            # A cluster of short options; one that takes a value ends it.
            for j in (seq 2 (string length -- $w))
                set -l c -(string sub -s $j -l 1 -- $w)
                if contains -- $c $valued
                    set name $c
                    set value (string sub -s (math $j + 1) -- $w)
                    if test -z "$value"
                        set value $tokens[$i]
                        set i (math $i + 1)
                    end
                    break
                end
            end
        end
        set value (string replace -r '^~(?=/|$)' $HOME -- $value)
        switch "$name"
            case -d --db
                set -a __empathy_pass --db $value
            case -u --user
                set -a __empathy_pass --user $value
            case --content
                set -a __empathy_pass --content $value
        end
    end
end

# __empathy_needs_command: no command on the line yet.
function __empathy_needs_command
    __empathy_parse
    test -z "$__empathy_cmd"
end

# __empathy_using CMD...: the command on the line is one of CMD.
function __empathy_using
    __empathy_parse
    contains -- "$__empathy_cmd" $argv
end

# __empathy_arg CMD...: the command is one of CMD and has no argument yet.
function __empathy_arg
    __empathy_using $argv; and test $__empathy_npos -eq 0
end

# __empathy_run PROG ARGS...: run another empathy program with the -d, -u
# and --content options of the line, quietly, without standard input.
function __empathy_run
    __empathy_parse
    set -l prog $argv[1]
    if test -n "$__empathy_dir"; and test -x "$__empathy_dir$prog"
        set prog $__empathy_dir$prog
    end
    command $prog $__empathy_pass $argv[2..-1] </dev/null 2>/dev/null
end

# __empathy_tsv PROG ARGS...: the tsv records of PROG ARGS, without the header.
function __empathy_tsv
    __empathy_run $argv -f tsv | tail -n +2
end

function __empathy_names
    begin
        __empathy_tsv empathy-checkin stats | cut -f1
        __empathy_tsv empathy-journal list -n 200 | cut -f3
    end 2>/dev/null | sort -u
end

function __empathy_tags
    __empathy_tsv empathy-journal tags | cut -f1
end

function __empathy_feelings
    __empathy_tsv empathy-checkin feelings | cut -f1,2
end

function __empathy_entries
    __empathy_tsv empathy-journal list -n 200 | awk -F '\t' '{ print $1 "\t" $2 " " $3 " " $4 }'
end

function __empathy_instruments
    __empathy_tsv empathy-assess list | cut -f1,2
end

# __empathy_challenges [challenge]: challenges and exercises, or only challenges.
function __empathy_challenges
    __empathy_tsv empathy-challenge list | awk -F '\t' -v only="$argv[1]" \
        'only == "" || $1 == only { print $2 "\t" $3 " (" $1 ")" }'
end

# __empathy_wrapped: after `empathy journal`, the completions of
# empathy-journal for the rest of the line.
function __empathy_wrapped
    set -l tokens (commandline -opc)
    set -l dir (string match -r '.*/' -- $tokens[1])
    set -l prog
    set -l rest
    for t in $tokens[2..-1]
        if test -z "$prog"; and contains -- $t checkin journal assess challenge
            set prog empathy-$t
        else
            set -a rest $t
        end
    end
    test -n "$prog"; or return
    if test -n "$dir"; and test -x "$dir$prog"
        set prog $dir$prog
    end
    complete -C (string join ' ' -- (string escape -- $prog $rest) (commandline -ct))
end

function __empathy_common -a prog
    complete -c $prog -f
    complete -c $prog -l content -x -a '(__fish_complete_directories (commandline -ct))' -d 'Look for content in this directory first'
    complete -c $prog -s d -l db -r -F -d 'Use the database at this path'
    complete -c $prog -s f -l format -x -a 'text tsv json' -d 'Output format'
    complete -c $prog -s h -l help -d 'Print the usage and exit'
    complete -c $prog -s u -l user -x -a '(__empathy_names)' -d 'Act as this person'
    complete -c $prog -s V -l version -d 'Print the version and exit'
end

# __empathy_option PROG CMDS LONG DESCRIPTION [VALUES]: an option of the
# commands CMDS (separated by spaces); with VALUES it takes a value.
function __empathy_option -a prog cmds long desc values
    set -l cond "__empathy_using $cmds"
    if set -q argv[5]
        complete -c $prog -n $cond -l $long -x -a $values -d $desc
    else
        complete -c $prog -n $cond -l $long -d $desc
    end
end

function __empathy_complete_checkin
    set -l p empathy-checkin
    __empathy_common $p
    set -l n __empathy_needs_command
    complete -c $p -n $n -a add -d 'Share a high and a low of the day'
    complete -c $p -n $n -a respond -d "Answer your partner's check-in"
    complete -c $p -n $n -a reply -d 'Answer back to an answer on your check-in'
    complete -c $p -n $n -a guess -d "Guess what lies underneath your partner's feeling"
    __empathy_option $p guess guess 'What you think lies underneath' ''
    __empathy_option $p guess to 'Whose check-in' ''
    __empathy_option $p reply answer 'The answer to reply to' ''
    __empathy_option $p reply edit 'Change one of your replies' ''
    __empathy_option $p reply rm 'Remove one of your replies' ''
    __empathy_option $p reply restore 'Bring back a reply you removed' ''
    __empathy_option $p respond rm 'Remove one of your answers' ''
    __empathy_option $p respond restore 'Bring back an answer you removed' ''
    complete -c $p -n $n -a rm -d 'Remove your check-in of a day'
    complete -c $p -n $n -a restore -d 'Bring back a check-in you removed'
    __empathy_option $p 'rm restore' date 'The day' 'today yesterday'

    complete -c $p -n $n -a show -d 'Show check-ins with their answers'
    complete -c $p -n $n -a due -d 'Say what is owed today'
    complete -c $p -n $n -a prompt -d 'Print a prompt to help with an answer'
    complete -c $p -n $n -a feelings -d 'List the emotion vocabulary'
    complete -c $p -n $n -a stats -d 'Strict and forgiving streaks, answers and frequent feelings'
    complete -c $p -n $n -a check -d 'Judge an answer as respond would, store nothing'
    complete -c $p -n $n -a export -d 'Write every record as JSON Lines'
    complete -c $p -n $n -a import -d 'Merge records from standard input'
    __empathy_option $p 'add respond reply guess show prompt' date 'The day' 'today yesterday'
    __empathy_option $p add feeling 'How you feel: surface[:underneath]' '(__empathy_feelings)'
    __empathy_option $p add replace 'Replace your check-in of that day'
    __empathy_option $p add high 'The high of the day' ''
    __empathy_option $p add low 'The low of the day' ''
    __empathy_option $p respond force 'Store the answer even if it sounds like advice'
    __empathy_option $p respond to 'Whose check-in to answer' '(__empathy_names)'
    __empathy_option $p respond peek "Answer your partner's check-in while it is still hidden from you"
    __empathy_option $p 'show stats' since 'From this day on' 'today yesterday'
    __empathy_option $p show until 'Up to this day' 'today yesterday'
    __empathy_option $p show peek "Show your partner's entry before you checked in"
    complete -c $p -n '__empathy_using due' -s q -d 'Say nothing, only set the exit status'
    __empathy_option $p prompt kind 'The kind of prompt' 'question reflection missing'
    __empathy_option $p prompt deck "The day's card of the conversation deck"
    __empathy_option $p prompt theme "The day's card of one theme" 'childhood work fears hopes us everyday family'
    complete -c $p -n '__empathy_arg feelings' -a '(__empathy_feelings)'
end

function __empathy_complete_journal
    set -l p empathy-journal
    __empathy_common $p
    set -l n __empathy_needs_command
    complete -c $p -n $n -a add -d 'Write down a moment of feeling seen or misunderstood'
    complete -c $p -n $n -a list -d 'List the entries of both partners'
    complete -c $p -n $n -a review -d 'The weekly review'
    complete -c $p -n $n -a edit -d 'Change the text of one of your entries'
    complete -c $p -n $n -a rm -d 'Remove one of your entries'
    complete -c $p -n $n -a restore -d 'Bring back a removed entry'
    complete -c $p -n $n -a history -d 'The text of one of your entries and its earlier versions'
    complete -c $p -n $n -a tags -d 'List the tags with their counts'
    complete -c $p -n $n -a unseal -d 'Let your partner read one of your sealed moments now'
    complete -c $p -n $n -a export -d 'Write every record as JSON Lines'
    complete -c $p -n $n -a import -d 'Merge records from standard input'
    __empathy_option $p 'add list' seen 'Felt seen'
    __empathy_option $p 'add list' misunderstood 'Felt misunderstood'
    __empathy_option $p add date 'The day of the moment' 'today yesterday'
    __empathy_option $p add sealed 'Seal it until the review of its week'
    __empathy_option $p add no-sealed 'Do not seal it, whatever the config says'
    __empathy_option $p 'add list edit' tag 'Tag' '(__empathy_tags)'
    __empathy_option $p edit untag 'Take a tag away' '(__empathy_tags)'
    __empathy_option $p edit text 'Change the text as well'
    __empathy_option $p list since 'Only the entries from this day on' 'today yesterday'
    __empathy_option $p list until 'Only the entries up to this day' 'today yesterday'
    __empathy_option $p list by 'Only the entries written by this person' '(__empathy_names)'
    __empathy_option $p list grep 'Only the entries that contain these words' ''
    complete -c $p -n '__empathy_using list' -s n -x -d 'Show at most this many entries'
    __empathy_option $p review week 'The ISO week to review' '(date +%G-W%V)'
    __empathy_option $p rm purge 'Erase the entry for good'
    __empathy_option $p rm undo 'Bring the removed entry back'
    complete -c $p -n '__empathy_arg edit rm unseal' -k -a '(__empathy_entries)'
end

function __empathy_complete_assess
    set -l p empathy-assess
    __empathy_common $p
    set -l n __empathy_needs_command
    complete -c $p -n $n -a list -d 'List the instruments'
    complete -c $p -n $n -a show -d 'Show an instrument in full'
    complete -c $p -n $n -a take -d 'Answer an instrument and store the result'
    complete -c $p -n $n -a history -d 'Your scores over time'
    complete -c $p -n $n -a compare -d "Your view of yourself against your partner's"
    complete -c $p -n $n -a accuracy -d "A guess at your partner's answers beside their own"
    complete -c $p -n $n -a rm -d 'Remove one of your results'
    complete -c $p -n $n -a restore -d 'Bring back a result you removed'
    complete -c $p -n $n -a export -d 'Write every record as JSON Lines'
    complete -c $p -n $n -a import -d 'Merge records from standard input'
    __empathy_option $p take about 'Rate this person instead of yourself' '(__empathy_names)'
    __empathy_option $p take guess "Predict your partner's own answers" '(__empathy_names)'
    __empathy_option $p history accuracy 'How near the guesses came over time'
    __empathy_option $p accuracy by 'Whose guess: yours or your partner'"'"'s' '(__empathy_names)'
    __empathy_option $p take answers 'The answers, separated by commas' ''
    __empathy_option $p take date 'The day the result is for' 'today yesterday'
    complete -c $p -n '__empathy_arg show take history compare accuracy' -k -a '(__empathy_instruments)'
end

function __empathy_complete_challenge
    set -l p empathy-challenge
    __empathy_common $p
    set -l n __empathy_needs_command
    complete -c $p -n $n -a list -d 'List the challenges and exercises'
    complete -c $p -n $n -a show -d 'Show a challenge or an exercise'
    complete -c $p -n $n -a start -d 'Start a challenge together'
    complete -c $p -n $n -a abandon -d 'Give up the running challenge'
    complete -c $p -n $n -a today -d "The day's task"
    complete -c $p -n $n -a done -d 'Mark a day done, with a note'
    complete -c $p -n $n -a undone -d 'Take back a day you marked done'
    complete -c $p -n $n -a status -d 'A grid of days and partners'
    complete -c $p -n $n -a review -d 'Every note, day by day'
    complete -c $p -n $n -a timer -d 'The silent-listening timer'
    complete -c $p -n $n -a export -d 'Write every record as JSON Lines'
    complete -c $p -n $n -a import -d 'Merge records from standard input'
    __empathy_option $p 'start today done undone status review' date 'The day' 'today yesterday'
    __empathy_option $p undone day 'The day of the challenge' ''
    __empathy_option $p abandon undo 'Resume the challenge abandoned last'
    complete -c $p -n '__empathy_using today' -s q -d 'Say nothing, only set the exit status'
    complete -c $p -n '__empathy_using abandon' -s y -l yes -d 'Abandon without asking'
    __empathy_option $p done day 'The day of the challenge' ''
    __empathy_option $p done note 'A reflection on the day' ''
    __empathy_option $p timer rounds 'The number of rounds' ''
    complete -c $p -n '__empathy_arg show' -k -a '(__empathy_challenges)'
    complete -c $p -n '__empathy_arg start' -k -a '(__empathy_challenges challenge)'
end

function __empathy_complete_door
    set -l p empathy
    set -l n __empathy_needs_command
    set -l w '__empathy_using checkin journal assess challenge'
    # After `empathy journal`, only empathy-journal's words.
    complete -c $p -f
    complete -c $p -n "not $w" -l content -x -a '(__fish_complete_directories (commandline -ct))' -d 'Look for content in this directory first'
    complete -c $p -n "not $w" -s d -l db -r -F -d 'Use the database at this path'
    complete -c $p -n "not $w" -s f -l format -x -a 'text tsv json' -d 'Output format'
    complete -c $p -n "not $w" -s h -l help -d 'Print the usage and exit'
    complete -c $p -n "not $w" -s u -l user -x -a '(__empathy_names)' -d 'Act as this person'
    complete -c $p -n "not $w" -s V -l version -d 'Print the version and exit'
    complete -c $p -n $n -a today -d 'What you owe, what your partner sent, the week'
    complete -c $p -n $n -a due -d 'Say what is owed today'
    complete -c $p -n $n -a news -d 'What your partner did since you last looked'
    complete -c $p -n $n -a undo -d 'Take back your last change on this machine'
    __empathy_option $p undo list 'What undo would take back, newest first'
    __empathy_option $p undo skip 'Pass over the last change without taking it back'
    complete -c $p -n '__empathy_using undo' -s n -x -d 'How many changes'
    complete -c $p -n $n -a init -d 'Who you are, the database, the couple'
    complete -c $p -n $n -a partners -d "The couple's two names"
    complete -c $p -n $n -a sync -d 'Exchange changes with the other machine'
    complete -c $p -n $n -a checkin -d 'Run empathy-checkin'
    complete -c $p -n $n -a journal -d 'Run empathy-journal'
    complete -c $p -n $n -a assess -d 'Run empathy-assess'
    complete -c $p -n $n -a challenge -d 'Run empathy-challenge'
    complete -c $p -n '__empathy_using due sync' -s q -d 'Say nothing on success'
    complete -c $p -n '__empathy_using news' -s q -d 'Say nothing, only set the exit status; leave the news new'
    complete -c $p -n '__empathy_using news' -s k -l keep -d 'Show the news but leave it new'
    __empathy_option $p init join 'Join the couple of a pairing code (- to paste it)' '-'
    __empathy_option $p init passphrase 'Make or join the couple with a passphrase'
    __empathy_option $p init show-key 'Print the couple key, for a backup'
    __empathy_option $p 'init sync' dir 'The mailbox folder' '(__fish_complete_directories (commandline -ct))'
    __empathy_option $p sync ssh 'The other machine, over ssh' '(__fish_print_hostnames)'
    __empathy_option $p sync serve 'The other end of --ssh'
    complete -c $p -n '__empathy_arg partners' -a rename -d 'Fold one name into another'
    complete -c $p -n $w -a '(__empathy_wrapped)'
end

switch (string replace -r '.*/' '' -- (status current-filename))
    case empathy.fish
        __empathy_complete_door
    case empathy-checkin.fish
        __empathy_complete_checkin
    case empathy-journal.fish
        __empathy_complete_journal
    case empathy-assess.fish
        __empathy_complete_assess
    case empathy-challenge.fish
        __empathy_complete_challenge
    case '*'
        __empathy_complete_door
        __empathy_complete_checkin
        __empathy_complete_journal
        __empathy_complete_assess
        __empathy_complete_challenge
end
