# Print an optspec for argparse to handle cmd's options that are independent of any subcommand.
function __fish_callactions_global_optspecs
    string join \n color= h/help V/version
end

function __fish_callactions_needs_command
    # Figure out if the current invocation already has a command.
    set -l cmd (commandline -opc)
    set -e cmd[1]
    argparse -s (__fish_callactions_global_optspecs) -- $cmd 2>/dev/null
    or return
    if set -q argv[1]
        # Also print the command, so this can be used to figure out what it is.
        echo $argv[1]
        return 1
    end
    return 0
end

function __fish_callactions_using_subcommand
    set -l cmd (__fish_callactions_needs_command)
    test -z "$cmd"
    and return 1
    contains -- $cmd[1] $argv
end

complete -c callactions -n "__fish_callactions_needs_command" -l color -d 'When to colour the output; NO_COLOR is honoured' -r -f -a "auto\t'Colour on a terminal, unless the environment says otherwise (NO_COLOR, CLICOLOR, CLICOLOR_FORCE, TERM=dumb)'
always\t''
never\t''"
complete -c callactions -n "__fish_callactions_needs_command" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c callactions -n "__fish_callactions_needs_command" -s V -l version -d 'Print version'
complete -c callactions -n "__fish_callactions_needs_command" -f -a "events" -d 'The six events, when each fires, and the lifecycles that order them'
complete -c callactions -n "__fish_callactions_needs_command" -f -a "payload" -d 'An event\'s sample payload ("View Payload"), or with --vars its variable table'
complete -c callactions -n "__fish_callactions_needs_command" -f -a "render" -d 'Show each selected action rendered against a payload: method, URL, headers, body'
complete -c callactions -n "__fish_callactions_needs_command" -f -a "validate" -d 'Check action files for CI: every problem with file:line:col, a rule name and a fix'
complete -c callactions -n "__fish_callactions_needs_command" -f -a "schema" -d 'The JSON Schema of the action file, for editors'
complete -c callactions -n "__fish_callactions_needs_command" -f -a "fire" -d 'Send the selected actions\' requests and report status, time and response'
complete -c callactions -n "__fish_callactions_needs_command" -f -a "listen" -d 'A local webhook receiver that prints every request it gets'
complete -c callactions -n "__fish_callactions_needs_command" -f -a "simulate" -d 'Walk a call\'s lifecycle and show (or, with --fire, send) every action in firing order'
complete -c callactions -n "__fish_callactions_needs_command" -f -a "load" -d 'Fire a campaign\'s calls at a rate and measure what would be lost'
complete -c callactions -n "__fish_callactions_needs_command" -f -a "init" -d 'Write a new action, asking for each part (or taking it from flags)'
complete -c callactions -n "__fish_callactions_needs_command" -f -a "explain" -d 'A rule: why it matters and how to fix it, with a bad and a good file'
complete -c callactions -n "__fish_callactions_needs_command" -f -a "rules" -d 'The rules `validate` and every command check, with what each catches'
complete -c callactions -n "__fish_callactions_needs_command" -f -a "config" -d 'The settings a command would run with here, and where each comes from'
complete -c callactions -n "__fish_callactions_needs_command" -f -a "lsp" -d 'The language server for action files (LSP over stdio), for editors'
complete -c callactions -n "__fish_callactions_needs_command" -f -a "completions" -d 'A shell completion script, generated from this command line'
complete -c callactions -n "__fish_callactions_needs_command" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c callactions -n "__fish_callactions_using_subcommand events" -l format -r -f -a "human\t''
json\t''"
complete -c callactions -n "__fish_callactions_using_subcommand events" -l color -d 'When to colour the output; NO_COLOR is honoured' -r -f -a "auto\t'Colour on a terminal, unless the environment says otherwise (NO_COLOR, CLICOLOR, CLICOLOR_FORCE, TERM=dumb)'
always\t''
never\t''"
complete -c callactions -n "__fish_callactions_using_subcommand events" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c callactions -n "__fish_callactions_using_subcommand payload" -l format -r -f -a "human\t''
json\t''"
complete -c callactions -n "__fish_callactions_using_subcommand payload" -l color -d 'When to colour the output; NO_COLOR is honoured' -r -f -a "auto\t'Colour on a terminal, unless the environment says otherwise (NO_COLOR, CLICOLOR, CLICOLOR_FORCE, TERM=dumb)'
always\t''
never\t''"
complete -c callactions -n "__fish_callactions_using_subcommand payload" -l vars -d 'List the variables (path, type, description, example) instead'
complete -c callactions -n "__fish_callactions_using_subcommand payload" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c callactions -n "__fish_callactions_using_subcommand render" -l event -d 'Only actions of this event (repeatable)' -r -f -a "call_start\t'the call connects and the conversation begins'
call_end\t'the call ends, whether or not it connected'
call_end_connected\t'the call was connected and the conversation is complete'
call_end_not_connected\t'the call was not connected (failed, busy, no answer, …)'
transfer_start\t'a transferred call is picked up by the receiving party'
transfer_end\t'the transfer is complete and the call has ended'"
complete -c callactions -n "__fish_callactions_using_subcommand render" -l action -d 'Only the action with this name (repeatable)' -r
complete -c callactions -n "__fish_callactions_using_subcommand render" -l payload -d 'A JSON payload for every action, or a folder of <event>.json files' -r -F
complete -c callactions -n "__fish_callactions_using_subcommand render" -l set -d 'Override one payload value; VALUE is JSON when it parses, else a string (repeatable)' -r
complete -c callactions -n "__fish_callactions_using_subcommand render" -l config -d 'The project file (default: callactions.toml here or in a parent folder)' -r -F
complete -c callactions -n "__fish_callactions_using_subcommand render" -s E -l environment -d 'An environment of the project file: its env files, --set values and payload' -r
complete -c callactions -n "__fish_callactions_using_subcommand render" -l env-file -d 'A dotenv file for ${env.…} values, read after the project\'s .env (repeatable; a later file wins, the real environment over all)' -r -F
complete -c callactions -n "__fish_callactions_using_subcommand render" -l ignore -d 'Do not report this rule (repeatable); `callactions rules` lists them' -r
complete -c callactions -n "__fish_callactions_using_subcommand render" -l format -r -f -a "human\t''
json\t''
curl\t'A copy-pasteable curl command per action'"
complete -c callactions -n "__fish_callactions_using_subcommand render" -l color -d 'When to colour the output; NO_COLOR is honoured' -r -f -a "auto\t'Colour on a terminal, unless the environment says otherwise (NO_COLOR, CLICOLOR, CLICOLOR_FORCE, TERM=dumb)'
always\t''
never\t''"
complete -c callactions -n "__fish_callactions_using_subcommand render" -l strict -d 'Warnings are errors: they fail the run (a variable missing from the payload too)'
complete -c callactions -n "__fish_callactions_using_subcommand render" -s q -l quiet -d 'Print only findings and failures'
complete -c callactions -n "__fish_callactions_using_subcommand render" -l show-secrets -d 'Show credentials instead of ****'
complete -c callactions -n "__fish_callactions_using_subcommand render" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c callactions -n "__fish_callactions_using_subcommand validate" -l config -d 'The project file (default: callactions.toml here or in a parent folder)' -r -F
complete -c callactions -n "__fish_callactions_using_subcommand validate" -s E -l environment -d 'An environment of the project file: its env files, --set values and payload' -r
complete -c callactions -n "__fish_callactions_using_subcommand validate" -l env-file -d 'A dotenv file for ${env.…} values, read after the project\'s .env (repeatable; a later file wins, the real environment over all)' -r -F
complete -c callactions -n "__fish_callactions_using_subcommand validate" -l ignore -d 'Do not report this rule (repeatable); `callactions rules` lists them' -r
complete -c callactions -n "__fish_callactions_using_subcommand validate" -l format -r -f -a "human\t''
json\t''
github\t'GitHub Actions workflow commands (annotations)'
sarif\t'SARIF 2.1.0, for code scanning'"
complete -c callactions -n "__fish_callactions_using_subcommand validate" -l color -d 'When to colour the output; NO_COLOR is honoured' -r -f -a "auto\t'Colour on a terminal, unless the environment says otherwise (NO_COLOR, CLICOLOR, CLICOLOR_FORCE, TERM=dumb)'
always\t''
never\t''"
complete -c callactions -n "__fish_callactions_using_subcommand validate" -l strict -d 'Warnings are errors: they fail the run (a variable missing from the payload too)'
complete -c callactions -n "__fish_callactions_using_subcommand validate" -s q -l quiet -d 'Print only findings and failures'
complete -c callactions -n "__fish_callactions_using_subcommand validate" -l fix -d 'Apply the safe fixes (did-you-means, a missing Content-Type, an undeclared key), keeping every other byte of each file'
complete -c callactions -n "__fish_callactions_using_subcommand validate" -l dry-run -d 'With --fix: print the changes as a unified diff and write nothing'
complete -c callactions -n "__fish_callactions_using_subcommand validate" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c callactions -n "__fish_callactions_using_subcommand schema" -l color -d 'When to colour the output; NO_COLOR is honoured' -r -f -a "auto\t'Colour on a terminal, unless the environment says otherwise (NO_COLOR, CLICOLOR, CLICOLOR_FORCE, TERM=dumb)'
always\t''
never\t''"
complete -c callactions -n "__fish_callactions_using_subcommand schema" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c callactions -n "__fish_callactions_using_subcommand fire" -l event -d 'Only actions of this event (repeatable)' -r -f -a "call_start\t'the call connects and the conversation begins'
call_end\t'the call ends, whether or not it connected'
call_end_connected\t'the call was connected and the conversation is complete'
call_end_not_connected\t'the call was not connected (failed, busy, no answer, …)'
transfer_start\t'a transferred call is picked up by the receiving party'
transfer_end\t'the transfer is complete and the call has ended'"
complete -c callactions -n "__fish_callactions_using_subcommand fire" -l action -d 'Only the action with this name (repeatable)' -r
complete -c callactions -n "__fish_callactions_using_subcommand fire" -l payload -d 'A JSON payload for every action, or a folder of <event>.json files' -r -F
complete -c callactions -n "__fish_callactions_using_subcommand fire" -l set -d 'Override one payload value; VALUE is JSON when it parses, else a string (repeatable)' -r
complete -c callactions -n "__fish_callactions_using_subcommand fire" -l config -d 'The project file (default: callactions.toml here or in a parent folder)' -r -F
complete -c callactions -n "__fish_callactions_using_subcommand fire" -s E -l environment -d 'An environment of the project file: its env files, --set values and payload' -r
complete -c callactions -n "__fish_callactions_using_subcommand fire" -l env-file -d 'A dotenv file for ${env.…} values, read after the project\'s .env (repeatable; a later file wins, the real environment over all)' -r -F
complete -c callactions -n "__fish_callactions_using_subcommand fire" -l ignore -d 'Do not report this rule (repeatable); `callactions rules` lists them' -r
complete -c callactions -n "__fish_callactions_using_subcommand fire" -l timeout -d 'One deadline for each whole exchange, instead of the actions\' own (500ms, 2s, 1m)' -r
complete -c callactions -n "__fish_callactions_using_subcommand fire" -l target -d 'Send every request to this origin instead, keeping its path and query (http://127.0.0.1:8080 points every action at `callactions listen`)' -r
complete -c callactions -n "__fish_callactions_using_subcommand fire" -l format -r -f -a "human\t''
json\t''
junit\t'JUnit XML: a testsuite per event, a testcase per action'"
complete -c callactions -n "__fish_callactions_using_subcommand fire" -l color -d 'When to colour the output; NO_COLOR is honoured' -r -f -a "auto\t'Colour on a terminal, unless the environment says otherwise (NO_COLOR, CLICOLOR, CLICOLOR_FORCE, TERM=dumb)'
always\t''
never\t''"
complete -c callactions -n "__fish_callactions_using_subcommand fire" -l all -d 'Send every action of the files'
complete -c callactions -n "__fish_callactions_using_subcommand fire" -l strict -d 'Warnings are errors: they fail the run (a variable missing from the payload too)'
complete -c callactions -n "__fish_callactions_using_subcommand fire" -s q -l quiet -d 'Print only findings and failures'
complete -c callactions -n "__fish_callactions_using_subcommand fire" -l dry-run -d 'Render the requests and send nothing'
complete -c callactions -n "__fish_callactions_using_subcommand fire" -s v -l verbose -d 'Show the request sent and the response headers too'
complete -c callactions -n "__fish_callactions_using_subcommand fire" -l insecure -d 'Do not check TLS certificates (for self-signed local endpoints)'
complete -c callactions -n "__fish_callactions_using_subcommand fire" -l show-secrets -d 'Show credentials instead of ****'
complete -c callactions -n "__fish_callactions_using_subcommand fire" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c callactions -n "__fish_callactions_using_subcommand listen" -l port -d 'Port to listen on; 0 picks a free one' -r
complete -c callactions -n "__fish_callactions_using_subcommand listen" -l host -d 'Address to bind; loopback unless you say otherwise' -r
complete -c callactions -n "__fish_callactions_using_subcommand listen" -l status -d 'Status code to answer with' -r
complete -c callactions -n "__fish_callactions_using_subcommand listen" -l delay -d 'Wait this long before answering (500ms, 2s)' -r
complete -c callactions -n "__fish_callactions_using_subcommand listen" -l count -d 'Exit after this many requests' -r
complete -c callactions -n "__fish_callactions_using_subcommand listen" -l format -r -f -a "human\t''
json\t''"
complete -c callactions -n "__fish_callactions_using_subcommand listen" -l color -d 'When to colour the output; NO_COLOR is honoured' -r -f -a "auto\t'Colour on a terminal, unless the environment says otherwise (NO_COLOR, CLICOLOR, CLICOLOR_FORCE, TERM=dumb)'
always\t''
never\t''"
complete -c callactions -n "__fish_callactions_using_subcommand listen" -l show-secrets -d 'Show credential headers instead of ****'
complete -c callactions -n "__fish_callactions_using_subcommand listen" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c callactions -n "__fish_callactions_using_subcommand simulate" -l scenario -d 'How the call goes' -r -f -a "connected\t'call_start → call_end → call_end_connected'
not-connected\t'call_end → call_end_not_connected'
transferred\t'call_start → transfer_start → call_end → call_end_connected → transfer_end'"
complete -c callactions -n "__fish_callactions_using_subcommand simulate" -l outcome -d 'The call\'s outcome (default: no-answer when not connected, agent_transfer when transferred, the sample\'s otherwise)' -r
complete -c callactions -n "__fish_callactions_using_subcommand simulate" -l event -d 'Only actions of this event (repeatable)' -r -f -a "call_start\t'the call connects and the conversation begins'
call_end\t'the call ends, whether or not it connected'
call_end_connected\t'the call was connected and the conversation is complete'
call_end_not_connected\t'the call was not connected (failed, busy, no answer, …)'
transfer_start\t'a transferred call is picked up by the receiving party'
transfer_end\t'the transfer is complete and the call has ended'"
complete -c callactions -n "__fish_callactions_using_subcommand simulate" -l action -d 'Only the action with this name (repeatable)' -r
complete -c callactions -n "__fish_callactions_using_subcommand simulate" -l payload -d 'A JSON payload for every action, or a folder of <event>.json files' -r -F
complete -c callactions -n "__fish_callactions_using_subcommand simulate" -l set -d 'Override one payload value; VALUE is JSON when it parses, else a string (repeatable)' -r
complete -c callactions -n "__fish_callactions_using_subcommand simulate" -l config -d 'The project file (default: callactions.toml here or in a parent folder)' -r -F
complete -c callactions -n "__fish_callactions_using_subcommand simulate" -s E -l environment -d 'An environment of the project file: its env files, --set values and payload' -r
complete -c callactions -n "__fish_callactions_using_subcommand simulate" -l env-file -d 'A dotenv file for ${env.…} values, read after the project\'s .env (repeatable; a later file wins, the real environment over all)' -r -F
complete -c callactions -n "__fish_callactions_using_subcommand simulate" -l ignore -d 'Do not report this rule (repeatable); `callactions rules` lists them' -r
complete -c callactions -n "__fish_callactions_using_subcommand simulate" -l timeout -d 'One deadline for each whole exchange, instead of the actions\' own (500ms, 2s, 1m)' -r
complete -c callactions -n "__fish_callactions_using_subcommand simulate" -l target -d 'Send every request to this origin instead, keeping its path and query (http://127.0.0.1:8080 points every action at `callactions listen`)' -r
complete -c callactions -n "__fish_callactions_using_subcommand simulate" -l format -r -f -a "human\t''
json\t''
junit\t'JUnit XML: a testsuite per event, a testcase per action'"
complete -c callactions -n "__fish_callactions_using_subcommand simulate" -l color -d 'When to colour the output; NO_COLOR is honoured' -r -f -a "auto\t'Colour on a terminal, unless the environment says otherwise (NO_COLOR, CLICOLOR, CLICOLOR_FORCE, TERM=dumb)'
always\t''
never\t''"
complete -c callactions -n "__fish_callactions_using_subcommand simulate" -l strict -d 'Warnings are errors: they fail the run (a variable missing from the payload too)'
complete -c callactions -n "__fish_callactions_using_subcommand simulate" -s q -l quiet -d 'Print only findings and failures'
complete -c callactions -n "__fish_callactions_using_subcommand simulate" -l fire -d 'Send the requests, as `fire` does, instead of showing them'
complete -c callactions -n "__fish_callactions_using_subcommand simulate" -s v -l verbose -d 'Show the request sent and the response headers too'
complete -c callactions -n "__fish_callactions_using_subcommand simulate" -l insecure -d 'Do not check TLS certificates (for self-signed local endpoints)'
complete -c callactions -n "__fish_callactions_using_subcommand simulate" -l show-secrets -d 'Show credentials instead of ****'
complete -c callactions -n "__fish_callactions_using_subcommand simulate" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c callactions -n "__fish_callactions_using_subcommand load" -l calls -d 'How many calls to start (default: as many as --duration at the rate)' -r
complete -c callactions -n "__fish_callactions_using_subcommand load" -l rate -d 'Calls started per second: 50/s, 3000/m' -r
complete -c callactions -n "__fish_callactions_using_subcommand load" -l ramp -d 'A rate that changes: TIME:RATE points from 0, linear between them (0:50/s,60s:500/s)' -r
complete -c callactions -n "__fish_callactions_using_subcommand load" -l duration -d 'No call starts after this long (500ms, 30s, 5m)' -r
complete -c callactions -n "__fish_callactions_using_subcommand load" -l concurrency -d 'Requests in flight at most' -r
complete -c callactions -n "__fish_callactions_using_subcommand load" -l mix -d 'The share of each scenario, as weights' -r
complete -c callactions -n "__fish_callactions_using_subcommand load" -l seed -d 'The same seed gives the same calls' -r
complete -c callactions -n "__fish_callactions_using_subcommand load" -l event -d 'Only actions of this event (repeatable)' -r -f -a "call_start\t'the call connects and the conversation begins'
call_end\t'the call ends, whether or not it connected'
call_end_connected\t'the call was connected and the conversation is complete'
call_end_not_connected\t'the call was not connected (failed, busy, no answer, …)'
transfer_start\t'a transferred call is picked up by the receiving party'
transfer_end\t'the transfer is complete and the call has ended'"
complete -c callactions -n "__fish_callactions_using_subcommand load" -l action -d 'Only the action with this name (repeatable)' -r
complete -c callactions -n "__fish_callactions_using_subcommand load" -l payload -d 'A JSON payload for every action, or a folder of <event>.json files' -r -F
complete -c callactions -n "__fish_callactions_using_subcommand load" -l set -d 'Override one payload value; VALUE is JSON when it parses, else a string (repeatable)' -r
complete -c callactions -n "__fish_callactions_using_subcommand load" -l config -d 'The project file (default: callactions.toml here or in a parent folder)' -r -F
complete -c callactions -n "__fish_callactions_using_subcommand load" -s E -l environment -d 'An environment of the project file: its env files, --set values and payload' -r
complete -c callactions -n "__fish_callactions_using_subcommand load" -l env-file -d 'A dotenv file for ${env.…} values, read after the project\'s .env (repeatable; a later file wins, the real environment over all)' -r -F
complete -c callactions -n "__fish_callactions_using_subcommand load" -l ignore -d 'Do not report this rule (repeatable); `callactions rules` lists them' -r
complete -c callactions -n "__fish_callactions_using_subcommand load" -l timeout -d 'One deadline for each exchange, instead of the actions\' own (500ms, 2s, 1m)' -r
complete -c callactions -n "__fish_callactions_using_subcommand load" -l target -d 'Send every request to this origin instead, keeping its path and query' -r
complete -c callactions -n "__fish_callactions_using_subcommand load" -l max-lost -d 'Fail (exit 1) when more than this share is lost: 0.1%' -r
complete -c callactions -n "__fish_callactions_using_subcommand load" -l max-p99 -d 'Fail when the p99 latency is above this: 2s, or ACTION=1s for one action (repeatable)' -r
complete -c callactions -n "__fish_callactions_using_subcommand load" -l format -r -f -a "human\t''
json\t''
junit\t'JUnit XML: a testsuite per event, a testcase per action'"
complete -c callactions -n "__fish_callactions_using_subcommand load" -l report -d 'Also write a self-contained HTML report (table and charts) to FILE' -r -F
complete -c callactions -n "__fish_callactions_using_subcommand load" -l export -d 'Write a Locust file that reproduces this campaign, instead of running it' -r -f -a "locust\t'A locustfile.py (Locust\'s master/worker mode spreads it over machines)'"
complete -c callactions -n "__fish_callactions_using_subcommand load" -l color -d 'When to colour the output; NO_COLOR is honoured' -r -f -a "auto\t'Colour on a terminal, unless the environment says otherwise (NO_COLOR, CLICOLOR, CLICOLOR_FORCE, TERM=dumb)'
always\t''
never\t''"
complete -c callactions -n "__fish_callactions_using_subcommand load" -l strict -d 'Warnings are errors: they fail the run (a variable missing from the payload too)'
complete -c callactions -n "__fish_callactions_using_subcommand load" -s q -l quiet -d 'Print only findings and failures'
complete -c callactions -n "__fish_callactions_using_subcommand load" -l insecure -d 'Do not check TLS certificates (for self-signed local endpoints)'
complete -c callactions -n "__fish_callactions_using_subcommand load" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c callactions -n "__fish_callactions_using_subcommand init" -l event -d 'The event the action fires at' -r -f -a "call_start\t'the call connects and the conversation begins'
call_end\t'the call ends, whether or not it connected'
call_end_connected\t'the call was connected and the conversation is complete'
call_end_not_connected\t'the call was not connected (failed, busy, no answer, …)'
transfer_start\t'a transferred call is picked up by the receiving party'
transfer_end\t'the transfer is complete and the call has ended'"
complete -c callactions -n "__fish_callactions_using_subcommand init" -l name -d 'The action\'s name (default: from the event)' -r
complete -c callactions -n "__fish_callactions_using_subcommand init" -l method -d 'The method (default POST)' -r -f -a "GET\t''
POST\t''
PUT\t''"
complete -c callactions -n "__fish_callactions_using_subcommand init" -l url -d 'The URL; placeholders allowed' -r
complete -c callactions -n "__fish_callactions_using_subcommand init" -l timeout -d 'Whole seconds, as 15 or 10s (default 15)' -r
complete -c callactions -n "__fish_callactions_using_subcommand init" -l header -d 'A header, as NAME:VALUE (repeatable)' -r
complete -c callactions -n "__fish_callactions_using_subcommand init" -l body -d 'The body, as text' -r
complete -c callactions -n "__fish_callactions_using_subcommand init" -l body-vars -d 'A JSON body of these variables, comma-separated' -r
complete -c callactions -n "__fish_callactions_using_subcommand init" -l color -d 'When to colour the output; NO_COLOR is honoured' -r -f -a "auto\t'Colour on a terminal, unless the environment says otherwise (NO_COLOR, CLICOLOR, CLICOLOR_FORCE, TERM=dumb)'
always\t''
never\t''"
complete -c callactions -n "__fish_callactions_using_subcommand init" -l default-body -d 'No body: POST and PUT send the event\'s whole payload'
complete -c callactions -n "__fish_callactions_using_subcommand init" -s y -l yes -d 'Write without asking for confirmation'
complete -c callactions -n "__fish_callactions_using_subcommand init" -l schema -d 'Also write callactions.schema.json beside a new file, for editors (asked at a terminal)'
complete -c callactions -n "__fish_callactions_using_subcommand init" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c callactions -n "__fish_callactions_using_subcommand explain" -l format -r -f -a "human\t''
json\t''"
complete -c callactions -n "__fish_callactions_using_subcommand explain" -l color -d 'When to colour the output; NO_COLOR is honoured' -r -f -a "auto\t'Colour on a terminal, unless the environment says otherwise (NO_COLOR, CLICOLOR, CLICOLOR_FORCE, TERM=dumb)'
always\t''
never\t''"
complete -c callactions -n "__fish_callactions_using_subcommand explain" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c callactions -n "__fish_callactions_using_subcommand rules" -l format -r -f -a "human\t''
json\t''"
complete -c callactions -n "__fish_callactions_using_subcommand rules" -l color -d 'When to colour the output; NO_COLOR is honoured' -r -f -a "auto\t'Colour on a terminal, unless the environment says otherwise (NO_COLOR, CLICOLOR, CLICOLOR_FORCE, TERM=dumb)'
always\t''
never\t''"
complete -c callactions -n "__fish_callactions_using_subcommand rules" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c callactions -n "__fish_callactions_using_subcommand config" -l config -d 'The project file (default: callactions.toml here or in a parent folder)' -r -F
complete -c callactions -n "__fish_callactions_using_subcommand config" -s E -l environment -d 'An environment of the project file: its env files, --set values and payload' -r
complete -c callactions -n "__fish_callactions_using_subcommand config" -l env-file -d 'A dotenv file for ${env.…} values, read after the project\'s .env (repeatable; a later file wins, the real environment over all)' -r -F
complete -c callactions -n "__fish_callactions_using_subcommand config" -l payload -d 'A JSON payload for every action, or a folder of <event>.json files' -r -F
complete -c callactions -n "__fish_callactions_using_subcommand config" -l set -d 'Override one payload value; VALUE is JSON when it parses, else a string (repeatable)' -r
complete -c callactions -n "__fish_callactions_using_subcommand config" -l ignore -d 'Do not report this rule (repeatable); `callactions rules` lists them' -r
complete -c callactions -n "__fish_callactions_using_subcommand config" -l format -r -f -a "human\t''
json\t''"
complete -c callactions -n "__fish_callactions_using_subcommand config" -l color -d 'When to colour the output; NO_COLOR is honoured' -r -f -a "auto\t'Colour on a terminal, unless the environment says otherwise (NO_COLOR, CLICOLOR, CLICOLOR_FORCE, TERM=dumb)'
always\t''
never\t''"
complete -c callactions -n "__fish_callactions_using_subcommand config" -l strict -d 'Warnings are errors: they fail the run (a variable missing from the payload too)'
complete -c callactions -n "__fish_callactions_using_subcommand config" -s q -l quiet -d 'Print only findings and failures'
complete -c callactions -n "__fish_callactions_using_subcommand config" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c callactions -n "__fish_callactions_using_subcommand lsp" -l color -d 'When to colour the output; NO_COLOR is honoured' -r -f -a "auto\t'Colour on a terminal, unless the environment says otherwise (NO_COLOR, CLICOLOR, CLICOLOR_FORCE, TERM=dumb)'
always\t''
never\t''"
complete -c callactions -n "__fish_callactions_using_subcommand lsp" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c callactions -n "__fish_callactions_using_subcommand completions" -l color -d 'When to colour the output; NO_COLOR is honoured' -r -f -a "auto\t'Colour on a terminal, unless the environment says otherwise (NO_COLOR, CLICOLOR, CLICOLOR_FORCE, TERM=dumb)'
always\t''
never\t''"
complete -c callactions -n "__fish_callactions_using_subcommand completions" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c callactions -n "__fish_callactions_using_subcommand help; and not __fish_seen_subcommand_from events payload render validate schema fire listen simulate load init explain rules config lsp completions help" -f -a "events" -d 'The six events, when each fires, and the lifecycles that order them'
complete -c callactions -n "__fish_callactions_using_subcommand help; and not __fish_seen_subcommand_from events payload render validate schema fire listen simulate load init explain rules config lsp completions help" -f -a "payload" -d 'An event\'s sample payload ("View Payload"), or with --vars its variable table'
complete -c callactions -n "__fish_callactions_using_subcommand help; and not __fish_seen_subcommand_from events payload render validate schema fire listen simulate load init explain rules config lsp completions help" -f -a "render" -d 'Show each selected action rendered against a payload: method, URL, headers, body'
complete -c callactions -n "__fish_callactions_using_subcommand help; and not __fish_seen_subcommand_from events payload render validate schema fire listen simulate load init explain rules config lsp completions help" -f -a "validate" -d 'Check action files for CI: every problem with file:line:col, a rule name and a fix'
complete -c callactions -n "__fish_callactions_using_subcommand help; and not __fish_seen_subcommand_from events payload render validate schema fire listen simulate load init explain rules config lsp completions help" -f -a "schema" -d 'The JSON Schema of the action file, for editors'
complete -c callactions -n "__fish_callactions_using_subcommand help; and not __fish_seen_subcommand_from events payload render validate schema fire listen simulate load init explain rules config lsp completions help" -f -a "fire" -d 'Send the selected actions\' requests and report status, time and response'
complete -c callactions -n "__fish_callactions_using_subcommand help; and not __fish_seen_subcommand_from events payload render validate schema fire listen simulate load init explain rules config lsp completions help" -f -a "listen" -d 'A local webhook receiver that prints every request it gets'
complete -c callactions -n "__fish_callactions_using_subcommand help; and not __fish_seen_subcommand_from events payload render validate schema fire listen simulate load init explain rules config lsp completions help" -f -a "simulate" -d 'Walk a call\'s lifecycle and show (or, with --fire, send) every action in firing order'
complete -c callactions -n "__fish_callactions_using_subcommand help; and not __fish_seen_subcommand_from events payload render validate schema fire listen simulate load init explain rules config lsp completions help" -f -a "load" -d 'Fire a campaign\'s calls at a rate and measure what would be lost'
complete -c callactions -n "__fish_callactions_using_subcommand help; and not __fish_seen_subcommand_from events payload render validate schema fire listen simulate load init explain rules config lsp completions help" -f -a "init" -d 'Write a new action, asking for each part (or taking it from flags)'
complete -c callactions -n "__fish_callactions_using_subcommand help; and not __fish_seen_subcommand_from events payload render validate schema fire listen simulate load init explain rules config lsp completions help" -f -a "explain" -d 'A rule: why it matters and how to fix it, with a bad and a good file'
complete -c callactions -n "__fish_callactions_using_subcommand help; and not __fish_seen_subcommand_from events payload render validate schema fire listen simulate load init explain rules config lsp completions help" -f -a "rules" -d 'The rules `validate` and every command check, with what each catches'
complete -c callactions -n "__fish_callactions_using_subcommand help; and not __fish_seen_subcommand_from events payload render validate schema fire listen simulate load init explain rules config lsp completions help" -f -a "config" -d 'The settings a command would run with here, and where each comes from'
complete -c callactions -n "__fish_callactions_using_subcommand help; and not __fish_seen_subcommand_from events payload render validate schema fire listen simulate load init explain rules config lsp completions help" -f -a "lsp" -d 'The language server for action files (LSP over stdio), for editors'
complete -c callactions -n "__fish_callactions_using_subcommand help; and not __fish_seen_subcommand_from events payload render validate schema fire listen simulate load init explain rules config lsp completions help" -f -a "completions" -d 'A shell completion script, generated from this command line'
complete -c callactions -n "__fish_callactions_using_subcommand help; and not __fish_seen_subcommand_from events payload render validate schema fire listen simulate load init explain rules config lsp completions help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
