
use builtin;
use str;

set edit:completion:arg-completer[callactions] = {|@words|
    fn spaces {|n|
        builtin:repeat $n ' ' | str:join ''
    }
    fn cand {|text desc|
        edit:complex-candidate $text &display=$text' '(spaces (- 14 (wcswidth $text)))$desc
    }
    var command = 'callactions'
    for word $words[1..-1] {
        if (str:has-prefix $word '-') {
            break
        }
        set command = $command';'$word
    }
    var completions = [
        &'callactions'= {
            cand --color 'When to colour the output; NO_COLOR is honoured'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand events 'The six events, when each fires, and the lifecycles that order them'
            cand payload 'An event''s sample payload ("View Payload"), or with --vars its variable table'
            cand render 'Show each selected action rendered against a payload: method, URL, headers, body'
            cand validate 'Check action files for CI: every problem with file:line:col, a rule name and a fix'
            cand schema 'The JSON Schema of the action file, for editors'
            cand fire 'Send the selected actions'' requests and report status, time and response'
            cand listen 'A local webhook receiver that prints every request it gets'
            cand simulate 'Walk a call''s lifecycle and show (or, with --fire, send) every action in firing order'
            cand load 'Fire a campaign''s calls at a rate and measure what would be lost'
            cand init 'Write a new action, asking for each part (or taking it from flags)'
            cand explain 'A rule: why it matters and how to fix it, with a bad and a good file'
            cand rules 'The rules `validate` and every command check, with what each catches'
            cand config 'The settings a command would run with here, and where each comes from'
            cand lsp 'The language server for action files (LSP over stdio), for editors'
            cand completions 'A shell completion script, generated from this command line'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'callactions;events'= {
            cand --format 'format'
            cand --color 'When to colour the output; NO_COLOR is honoured'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'callactions;payload'= {
            cand --format 'format'
            cand --color 'When to colour the output; NO_COLOR is honoured'
            cand --vars 'List the variables (path, type, description, example) instead'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'callactions;render'= {
            cand --event 'Only actions of this event (repeatable)'
            cand --action 'Only the action with this name (repeatable)'
            cand --payload 'A JSON payload for every action, or a folder of <event>.json files'
            cand --set 'Override one payload value; VALUE is JSON when it parses, else a string (repeatable)'
            cand --config 'The project file (default: callactions.toml here or in a parent folder)'
            cand -E 'An environment of the project file: its env files, --set values and payload'
            cand --environment 'An environment of the project file: its env files, --set values and payload'
            cand --env-file 'A dotenv file for ${env.…} values, read after the project''s .env (repeatable; a later file wins, the real environment over all)'
            cand --ignore 'Do not report this rule (repeatable); `callactions rules` lists them'
            cand --format 'format'
            cand --color 'When to colour the output; NO_COLOR is honoured'
            cand --strict 'Warnings are errors: they fail the run (a variable missing from the payload too)'
            cand -q 'Print only findings and failures'
            cand --quiet 'Print only findings and failures'
            cand --show-secrets 'Show credentials instead of ****'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'callactions;validate'= {
            cand --config 'The project file (default: callactions.toml here or in a parent folder)'
            cand -E 'An environment of the project file: its env files, --set values and payload'
            cand --environment 'An environment of the project file: its env files, --set values and payload'
            cand --env-file 'A dotenv file for ${env.…} values, read after the project''s .env (repeatable; a later file wins, the real environment over all)'
            cand --ignore 'Do not report this rule (repeatable); `callactions rules` lists them'
            cand --format 'format'
            cand --color 'When to colour the output; NO_COLOR is honoured'
            cand --strict 'Warnings are errors: they fail the run (a variable missing from the payload too)'
            cand -q 'Print only findings and failures'
            cand --quiet 'Print only findings and failures'
            cand --fix 'Apply the safe fixes (did-you-means, a missing Content-Type, an undeclared key), keeping every other byte of each file'
            cand --dry-run 'With --fix: print the changes as a unified diff and write nothing'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'callactions;schema'= {
            cand --color 'When to colour the output; NO_COLOR is honoured'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'callactions;fire'= {
            cand --event 'Only actions of this event (repeatable)'
            cand --action 'Only the action with this name (repeatable)'
            cand --payload 'A JSON payload for every action, or a folder of <event>.json files'
            cand --set 'Override one payload value; VALUE is JSON when it parses, else a string (repeatable)'
            cand --config 'The project file (default: callactions.toml here or in a parent folder)'
            cand -E 'An environment of the project file: its env files, --set values and payload'
            cand --environment 'An environment of the project file: its env files, --set values and payload'
            cand --env-file 'A dotenv file for ${env.…} values, read after the project''s .env (repeatable; a later file wins, the real environment over all)'
            cand --ignore 'Do not report this rule (repeatable); `callactions rules` lists them'
            cand --timeout 'One deadline for each whole exchange, instead of the actions'' own (500ms, 2s, 1m)'
            cand --target 'Send every request to this origin instead, keeping its path and query (http://127.0.0.1:8080 points every action at `callactions listen`)'
            cand --format 'format'
            cand --color 'When to colour the output; NO_COLOR is honoured'
            cand --all 'Send every action of the files'
            cand --strict 'Warnings are errors: they fail the run (a variable missing from the payload too)'
            cand -q 'Print only findings and failures'
            cand --quiet 'Print only findings and failures'
            cand --dry-run 'Render the requests and send nothing'
            cand -v 'Show the request sent and the response headers too'
            cand --verbose 'Show the request sent and the response headers too'
            cand --insecure 'Do not check TLS certificates (for self-signed local endpoints)'
            cand --show-secrets 'Show credentials instead of ****'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'callactions;listen'= {
            cand --port 'Port to listen on; 0 picks a free one'
            cand --host 'Address to bind; loopback unless you say otherwise'
            cand --status 'Status code to answer with'
            cand --delay 'Wait this long before answering (500ms, 2s)'
            cand --count 'Exit after this many requests'
            cand --format 'format'
            cand --color 'When to colour the output; NO_COLOR is honoured'
            cand --show-secrets 'Show credential headers instead of ****'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'callactions;simulate'= {
            cand --scenario 'How the call goes'
            cand --outcome 'The call''s outcome (default: no-answer when not connected, agent_transfer when transferred, the sample''s otherwise)'
            cand --event 'Only actions of this event (repeatable)'
            cand --action 'Only the action with this name (repeatable)'
            cand --payload 'A JSON payload for every action, or a folder of <event>.json files'
            cand --set 'Override one payload value; VALUE is JSON when it parses, else a string (repeatable)'
            cand --config 'The project file (default: callactions.toml here or in a parent folder)'
            cand -E 'An environment of the project file: its env files, --set values and payload'
            cand --environment 'An environment of the project file: its env files, --set values and payload'
            cand --env-file 'A dotenv file for ${env.…} values, read after the project''s .env (repeatable; a later file wins, the real environment over all)'
            cand --ignore 'Do not report this rule (repeatable); `callactions rules` lists them'
            cand --timeout 'One deadline for each whole exchange, instead of the actions'' own (500ms, 2s, 1m)'
            cand --target 'Send every request to this origin instead, keeping its path and query (http://127.0.0.1:8080 points every action at `callactions listen`)'
            cand --format 'format'
            cand --color 'When to colour the output; NO_COLOR is honoured'
            cand --strict 'Warnings are errors: they fail the run (a variable missing from the payload too)'
            cand -q 'Print only findings and failures'
            cand --quiet 'Print only findings and failures'
            cand --fire 'Send the requests, as `fire` does, instead of showing them'
            cand -v 'Show the request sent and the response headers too'
            cand --verbose 'Show the request sent and the response headers too'
            cand --insecure 'Do not check TLS certificates (for self-signed local endpoints)'
            cand --show-secrets 'Show credentials instead of ****'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'callactions;load'= {
            cand --calls 'How many calls to start (default: as many as --duration at the rate)'
            cand --rate 'Calls started per second: 50/s, 3000/m'
            cand --ramp 'A rate that changes: TIME:RATE points from 0, linear between them (0:50/s,60s:500/s)'
            cand --duration 'No call starts after this long (500ms, 30s, 5m)'
            cand --concurrency 'Requests in flight at most'
            cand --mix 'The share of each scenario, as weights'
            cand --seed 'The same seed gives the same calls'
            cand --event 'Only actions of this event (repeatable)'
            cand --action 'Only the action with this name (repeatable)'
            cand --payload 'A JSON payload for every action, or a folder of <event>.json files'
            cand --set 'Override one payload value; VALUE is JSON when it parses, else a string (repeatable)'
            cand --config 'The project file (default: callactions.toml here or in a parent folder)'
            cand -E 'An environment of the project file: its env files, --set values and payload'
            cand --environment 'An environment of the project file: its env files, --set values and payload'
            cand --env-file 'A dotenv file for ${env.…} values, read after the project''s .env (repeatable; a later file wins, the real environment over all)'
            cand --ignore 'Do not report this rule (repeatable); `callactions rules` lists them'
            cand --timeout 'One deadline for each exchange, instead of the actions'' own (500ms, 2s, 1m)'
            cand --target 'Send every request to this origin instead, keeping its path and query'
            cand --max-lost 'Fail (exit 1) when more than this share is lost: 0.1%'
            cand --max-p99 'Fail when the p99 latency is above this: 2s, or ACTION=1s for one action (repeatable)'
            cand --format 'format'
            cand --report 'Also write a self-contained HTML report (table and charts) to FILE'
            cand --export 'Write a Locust file that reproduces this campaign, instead of running it'
            cand --color 'When to colour the output; NO_COLOR is honoured'
            cand --strict 'Warnings are errors: they fail the run (a variable missing from the payload too)'
            cand -q 'Print only findings and failures'
            cand --quiet 'Print only findings and failures'
            cand --insecure 'Do not check TLS certificates (for self-signed local endpoints)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'callactions;init'= {
            cand --event 'The event the action fires at'
            cand --name 'The action''s name (default: from the event)'
            cand --method 'The method (default POST)'
            cand --url 'The URL; placeholders allowed'
            cand --timeout 'Whole seconds, as 15 or 10s (default 15)'
            cand --header 'A header, as NAME:VALUE (repeatable)'
            cand --body 'The body, as text'
            cand --body-vars 'A JSON body of these variables, comma-separated'
            cand --color 'When to colour the output; NO_COLOR is honoured'
            cand --default-body 'No body: POST and PUT send the event''s whole payload'
            cand -y 'Write without asking for confirmation'
            cand --yes 'Write without asking for confirmation'
            cand --schema 'Also write callactions.schema.json beside a new file, for editors (asked at a terminal)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'callactions;explain'= {
            cand --format 'format'
            cand --color 'When to colour the output; NO_COLOR is honoured'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'callactions;rules'= {
            cand --format 'format'
            cand --color 'When to colour the output; NO_COLOR is honoured'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'callactions;config'= {
            cand --config 'The project file (default: callactions.toml here or in a parent folder)'
            cand -E 'An environment of the project file: its env files, --set values and payload'
            cand --environment 'An environment of the project file: its env files, --set values and payload'
            cand --env-file 'A dotenv file for ${env.…} values, read after the project''s .env (repeatable; a later file wins, the real environment over all)'
            cand --payload 'A JSON payload for every action, or a folder of <event>.json files'
            cand --set 'Override one payload value; VALUE is JSON when it parses, else a string (repeatable)'
            cand --ignore 'Do not report this rule (repeatable); `callactions rules` lists them'
            cand --format 'format'
            cand --color 'When to colour the output; NO_COLOR is honoured'
            cand --strict 'Warnings are errors: they fail the run (a variable missing from the payload too)'
            cand -q 'Print only findings and failures'
            cand --quiet 'Print only findings and failures'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'callactions;lsp'= {
            cand --color 'When to colour the output; NO_COLOR is honoured'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'callactions;completions'= {
            cand --color 'When to colour the output; NO_COLOR is honoured'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'callactions;help'= {
            cand events 'The six events, when each fires, and the lifecycles that order them'
            cand payload 'An event''s sample payload ("View Payload"), or with --vars its variable table'
            cand render 'Show each selected action rendered against a payload: method, URL, headers, body'
            cand validate 'Check action files for CI: every problem with file:line:col, a rule name and a fix'
            cand schema 'The JSON Schema of the action file, for editors'
            cand fire 'Send the selected actions'' requests and report status, time and response'
            cand listen 'A local webhook receiver that prints every request it gets'
            cand simulate 'Walk a call''s lifecycle and show (or, with --fire, send) every action in firing order'
            cand load 'Fire a campaign''s calls at a rate and measure what would be lost'
            cand init 'Write a new action, asking for each part (or taking it from flags)'
            cand explain 'A rule: why it matters and how to fix it, with a bad and a good file'
            cand rules 'The rules `validate` and every command check, with what each catches'
            cand config 'The settings a command would run with here, and where each comes from'
            cand lsp 'The language server for action files (LSP over stdio), for editors'
            cand completions 'A shell completion script, generated from this command line'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'callactions;help;events'= {
        }
        &'callactions;help;payload'= {
        }
        &'callactions;help;render'= {
        }
        &'callactions;help;validate'= {
        }
        &'callactions;help;schema'= {
        }
        &'callactions;help;fire'= {
        }
        &'callactions;help;listen'= {
        }
        &'callactions;help;simulate'= {
        }
        &'callactions;help;load'= {
        }
        &'callactions;help;init'= {
        }
        &'callactions;help;explain'= {
        }
        &'callactions;help;rules'= {
        }
        &'callactions;help;config'= {
        }
        &'callactions;help;lsp'= {
        }
        &'callactions;help;completions'= {
        }
        &'callactions;help;help'= {
        }
    ]
    $completions[$command]
}
