
using namespace System.Management.Automation
using namespace System.Management.Automation.Language

Register-ArgumentCompleter -Native -CommandName 'callactions' -ScriptBlock {
    param($wordToComplete, $commandAst, $cursorPosition)

    $commandElements = $commandAst.CommandElements
    $command = @(
        'callactions'
        for ($i = 1; $i -lt $commandElements.Count; $i++) {
            $element = $commandElements[$i]
            if ($element -isnot [StringConstantExpressionAst] -or
                $element.StringConstantType -ne [StringConstantType]::BareWord -or
                $element.Value.StartsWith('-') -or
                $element.Value -eq $wordToComplete) {
                break
        }
        $element.Value
    }) -join ';'

    $completions = @(switch ($command) {
        'callactions' {
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output; NO_COLOR is honoured')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('events', 'events', [CompletionResultType]::ParameterValue, 'The six events, when each fires, and the lifecycles that order them')
            [CompletionResult]::new('payload', 'payload', [CompletionResultType]::ParameterValue, 'An event''s sample payload ("View Payload"), or with --vars its variable table')
            [CompletionResult]::new('render', 'render', [CompletionResultType]::ParameterValue, 'Show each selected action rendered against a payload: method, URL, headers, body')
            [CompletionResult]::new('validate', 'validate', [CompletionResultType]::ParameterValue, 'Check action files for CI: every problem with file:line:col, a rule name and a fix')
            [CompletionResult]::new('schema', 'schema', [CompletionResultType]::ParameterValue, 'The JSON Schema of the action file, for editors')
            [CompletionResult]::new('fire', 'fire', [CompletionResultType]::ParameterValue, 'Send the selected actions'' requests and report status, time and response')
            [CompletionResult]::new('listen', 'listen', [CompletionResultType]::ParameterValue, 'A local webhook receiver that prints every request it gets')
            [CompletionResult]::new('simulate', 'simulate', [CompletionResultType]::ParameterValue, 'Walk a call''s lifecycle and show (or, with --fire, send) every action in firing order')
            [CompletionResult]::new('load', 'load', [CompletionResultType]::ParameterValue, 'Fire a campaign''s calls at a rate and measure what would be lost')
            [CompletionResult]::new('init', 'init', [CompletionResultType]::ParameterValue, 'Write a new action, asking for each part (or taking it from flags)')
            [CompletionResult]::new('explain', 'explain', [CompletionResultType]::ParameterValue, 'A rule: why it matters and how to fix it, with a bad and a good file')
            [CompletionResult]::new('rules', 'rules', [CompletionResultType]::ParameterValue, 'The rules `validate` and every command check, with what each catches')
            [CompletionResult]::new('config', 'config', [CompletionResultType]::ParameterValue, 'The settings a command would run with here, and where each comes from')
            [CompletionResult]::new('lsp', 'lsp', [CompletionResultType]::ParameterValue, 'The language server for action files (LSP over stdio), for editors')
            [CompletionResult]::new('completions', 'completions', [CompletionResultType]::ParameterValue, 'A shell completion script, generated from this command line')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'callactions;events' {
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'format')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output; NO_COLOR is honoured')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'callactions;payload' {
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'format')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output; NO_COLOR is honoured')
            [CompletionResult]::new('--vars', '--vars', [CompletionResultType]::ParameterName, 'List the variables (path, type, description, example) instead')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'callactions;render' {
            [CompletionResult]::new('--event', '--event', [CompletionResultType]::ParameterName, 'Only actions of this event (repeatable)')
            [CompletionResult]::new('--action', '--action', [CompletionResultType]::ParameterName, 'Only the action with this name (repeatable)')
            [CompletionResult]::new('--payload', '--payload', [CompletionResultType]::ParameterName, 'A JSON payload for every action, or a folder of <event>.json files')
            [CompletionResult]::new('--set', '--set', [CompletionResultType]::ParameterName, 'Override one payload value; VALUE is JSON when it parses, else a string (repeatable)')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'The project file (default: callactions.toml here or in a parent folder)')
            [CompletionResult]::new('-E', '-E ', [CompletionResultType]::ParameterName, 'An environment of the project file: its env files, --set values and payload')
            [CompletionResult]::new('--environment', '--environment', [CompletionResultType]::ParameterName, 'An environment of the project file: its env files, --set values and payload')
            [CompletionResult]::new('--env-file', '--env-file', [CompletionResultType]::ParameterName, 'A dotenv file for ${env.…} values, read after the project''s .env (repeatable; a later file wins, the real environment over all)')
            [CompletionResult]::new('--ignore', '--ignore', [CompletionResultType]::ParameterName, 'Do not report this rule (repeatable); `callactions rules` lists them')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'format')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output; NO_COLOR is honoured')
            [CompletionResult]::new('--strict', '--strict', [CompletionResultType]::ParameterName, 'Warnings are errors: they fail the run (a variable missing from the payload too)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only findings and failures')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only findings and failures')
            [CompletionResult]::new('--show-secrets', '--show-secrets', [CompletionResultType]::ParameterName, 'Show credentials instead of ****')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'callactions;validate' {
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'The project file (default: callactions.toml here or in a parent folder)')
            [CompletionResult]::new('-E', '-E ', [CompletionResultType]::ParameterName, 'An environment of the project file: its env files, --set values and payload')
            [CompletionResult]::new('--environment', '--environment', [CompletionResultType]::ParameterName, 'An environment of the project file: its env files, --set values and payload')
            [CompletionResult]::new('--env-file', '--env-file', [CompletionResultType]::ParameterName, 'A dotenv file for ${env.…} values, read after the project''s .env (repeatable; a later file wins, the real environment over all)')
            [CompletionResult]::new('--ignore', '--ignore', [CompletionResultType]::ParameterName, 'Do not report this rule (repeatable); `callactions rules` lists them')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'format')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output; NO_COLOR is honoured')
            [CompletionResult]::new('--strict', '--strict', [CompletionResultType]::ParameterName, 'Warnings are errors: they fail the run (a variable missing from the payload too)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only findings and failures')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only findings and failures')
            [CompletionResult]::new('--fix', '--fix', [CompletionResultType]::ParameterName, 'Apply the safe fixes (did-you-means, a missing Content-Type, an undeclared key), keeping every other byte of each file')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'With --fix: print the changes as a unified diff and write nothing')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'callactions;schema' {
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output; NO_COLOR is honoured')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'callactions;fire' {
            [CompletionResult]::new('--event', '--event', [CompletionResultType]::ParameterName, 'Only actions of this event (repeatable)')
            [CompletionResult]::new('--action', '--action', [CompletionResultType]::ParameterName, 'Only the action with this name (repeatable)')
            [CompletionResult]::new('--payload', '--payload', [CompletionResultType]::ParameterName, 'A JSON payload for every action, or a folder of <event>.json files')
            [CompletionResult]::new('--set', '--set', [CompletionResultType]::ParameterName, 'Override one payload value; VALUE is JSON when it parses, else a string (repeatable)')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'The project file (default: callactions.toml here or in a parent folder)')
            [CompletionResult]::new('-E', '-E ', [CompletionResultType]::ParameterName, 'An environment of the project file: its env files, --set values and payload')
            [CompletionResult]::new('--environment', '--environment', [CompletionResultType]::ParameterName, 'An environment of the project file: its env files, --set values and payload')
            [CompletionResult]::new('--env-file', '--env-file', [CompletionResultType]::ParameterName, 'A dotenv file for ${env.…} values, read after the project''s .env (repeatable; a later file wins, the real environment over all)')
            [CompletionResult]::new('--ignore', '--ignore', [CompletionResultType]::ParameterName, 'Do not report this rule (repeatable); `callactions rules` lists them')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'One deadline for each whole exchange, instead of the actions'' own (500ms, 2s, 1m)')
            [CompletionResult]::new('--target', '--target', [CompletionResultType]::ParameterName, 'Send every request to this origin instead, keeping its path and query (http://127.0.0.1:8080 points every action at `callactions listen`)')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'format')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output; NO_COLOR is honoured')
            [CompletionResult]::new('--all', '--all', [CompletionResultType]::ParameterName, 'Send every action of the files')
            [CompletionResult]::new('--strict', '--strict', [CompletionResultType]::ParameterName, 'Warnings are errors: they fail the run (a variable missing from the payload too)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only findings and failures')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only findings and failures')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Render the requests and send nothing')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Show the request sent and the response headers too')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Show the request sent and the response headers too')
            [CompletionResult]::new('--insecure', '--insecure', [CompletionResultType]::ParameterName, 'Do not check TLS certificates (for self-signed local endpoints)')
            [CompletionResult]::new('--show-secrets', '--show-secrets', [CompletionResultType]::ParameterName, 'Show credentials instead of ****')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'callactions;listen' {
            [CompletionResult]::new('--port', '--port', [CompletionResultType]::ParameterName, 'Port to listen on; 0 picks a free one')
            [CompletionResult]::new('--host', '--host', [CompletionResultType]::ParameterName, 'Address to bind; loopback unless you say otherwise')
            [CompletionResult]::new('--status', '--status', [CompletionResultType]::ParameterName, 'Status code to answer with')
            [CompletionResult]::new('--delay', '--delay', [CompletionResultType]::ParameterName, 'Wait this long before answering (500ms, 2s)')
            [CompletionResult]::new('--count', '--count', [CompletionResultType]::ParameterName, 'Exit after this many requests')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'format')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output; NO_COLOR is honoured')
            [CompletionResult]::new('--show-secrets', '--show-secrets', [CompletionResultType]::ParameterName, 'Show credential headers instead of ****')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'callactions;simulate' {
            [CompletionResult]::new('--scenario', '--scenario', [CompletionResultType]::ParameterName, 'How the call goes')
            [CompletionResult]::new('--outcome', '--outcome', [CompletionResultType]::ParameterName, 'The call''s outcome (default: no-answer when not connected, agent_transfer when transferred, the sample''s otherwise)')
            [CompletionResult]::new('--event', '--event', [CompletionResultType]::ParameterName, 'Only actions of this event (repeatable)')
            [CompletionResult]::new('--action', '--action', [CompletionResultType]::ParameterName, 'Only the action with this name (repeatable)')
            [CompletionResult]::new('--payload', '--payload', [CompletionResultType]::ParameterName, 'A JSON payload for every action, or a folder of <event>.json files')
            [CompletionResult]::new('--set', '--set', [CompletionResultType]::ParameterName, 'Override one payload value; VALUE is JSON when it parses, else a string (repeatable)')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'The project file (default: callactions.toml here or in a parent folder)')
            [CompletionResult]::new('-E', '-E ', [CompletionResultType]::ParameterName, 'An environment of the project file: its env files, --set values and payload')
            [CompletionResult]::new('--environment', '--environment', [CompletionResultType]::ParameterName, 'An environment of the project file: its env files, --set values and payload')
            [CompletionResult]::new('--env-file', '--env-file', [CompletionResultType]::ParameterName, 'A dotenv file for ${env.…} values, read after the project''s .env (repeatable; a later file wins, the real environment over all)')
            [CompletionResult]::new('--ignore', '--ignore', [CompletionResultType]::ParameterName, 'Do not report this rule (repeatable); `callactions rules` lists them')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'One deadline for each whole exchange, instead of the actions'' own (500ms, 2s, 1m)')
            [CompletionResult]::new('--target', '--target', [CompletionResultType]::ParameterName, 'Send every request to this origin instead, keeping its path and query (http://127.0.0.1:8080 points every action at `callactions listen`)')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'format')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output; NO_COLOR is honoured')
            [CompletionResult]::new('--strict', '--strict', [CompletionResultType]::ParameterName, 'Warnings are errors: they fail the run (a variable missing from the payload too)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only findings and failures')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only findings and failures')
            [CompletionResult]::new('--fire', '--fire', [CompletionResultType]::ParameterName, 'Send the requests, as `fire` does, instead of showing them')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Show the request sent and the response headers too')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Show the request sent and the response headers too')
            [CompletionResult]::new('--insecure', '--insecure', [CompletionResultType]::ParameterName, 'Do not check TLS certificates (for self-signed local endpoints)')
            [CompletionResult]::new('--show-secrets', '--show-secrets', [CompletionResultType]::ParameterName, 'Show credentials instead of ****')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'callactions;load' {
            [CompletionResult]::new('--calls', '--calls', [CompletionResultType]::ParameterName, 'How many calls to start (default: as many as --duration at the rate)')
            [CompletionResult]::new('--rate', '--rate', [CompletionResultType]::ParameterName, 'Calls started per second: 50/s, 3000/m')
            [CompletionResult]::new('--ramp', '--ramp', [CompletionResultType]::ParameterName, 'A rate that changes: TIME:RATE points from 0, linear between them (0:50/s,60s:500/s)')
            [CompletionResult]::new('--duration', '--duration', [CompletionResultType]::ParameterName, 'No call starts after this long (500ms, 30s, 5m)')
            [CompletionResult]::new('--concurrency', '--concurrency', [CompletionResultType]::ParameterName, 'Requests in flight at most')
            [CompletionResult]::new('--mix', '--mix', [CompletionResultType]::ParameterName, 'The share of each scenario, as weights')
            [CompletionResult]::new('--seed', '--seed', [CompletionResultType]::ParameterName, 'The same seed gives the same calls')
            [CompletionResult]::new('--event', '--event', [CompletionResultType]::ParameterName, 'Only actions of this event (repeatable)')
            [CompletionResult]::new('--action', '--action', [CompletionResultType]::ParameterName, 'Only the action with this name (repeatable)')
            [CompletionResult]::new('--payload', '--payload', [CompletionResultType]::ParameterName, 'A JSON payload for every action, or a folder of <event>.json files')
            [CompletionResult]::new('--set', '--set', [CompletionResultType]::ParameterName, 'Override one payload value; VALUE is JSON when it parses, else a string (repeatable)')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'The project file (default: callactions.toml here or in a parent folder)')
            [CompletionResult]::new('-E', '-E ', [CompletionResultType]::ParameterName, 'An environment of the project file: its env files, --set values and payload')
            [CompletionResult]::new('--environment', '--environment', [CompletionResultType]::ParameterName, 'An environment of the project file: its env files, --set values and payload')
            [CompletionResult]::new('--env-file', '--env-file', [CompletionResultType]::ParameterName, 'A dotenv file for ${env.…} values, read after the project''s .env (repeatable; a later file wins, the real environment over all)')
            [CompletionResult]::new('--ignore', '--ignore', [CompletionResultType]::ParameterName, 'Do not report this rule (repeatable); `callactions rules` lists them')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'One deadline for each exchange, instead of the actions'' own (500ms, 2s, 1m)')
            [CompletionResult]::new('--target', '--target', [CompletionResultType]::ParameterName, 'Send every request to this origin instead, keeping its path and query')
            [CompletionResult]::new('--max-lost', '--max-lost', [CompletionResultType]::ParameterName, 'Fail (exit 1) when more than this share is lost: 0.1%')
            [CompletionResult]::new('--max-p99', '--max-p99', [CompletionResultType]::ParameterName, 'Fail when the p99 latency is above this: 2s, or ACTION=1s for one action (repeatable)')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'format')
            [CompletionResult]::new('--report', '--report', [CompletionResultType]::ParameterName, 'Also write a self-contained HTML report (table and charts) to FILE')
            [CompletionResult]::new('--export', '--export', [CompletionResultType]::ParameterName, 'Write a Locust file that reproduces this campaign, instead of running it')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output; NO_COLOR is honoured')
            [CompletionResult]::new('--strict', '--strict', [CompletionResultType]::ParameterName, 'Warnings are errors: they fail the run (a variable missing from the payload too)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only findings and failures')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only findings and failures')
            [CompletionResult]::new('--insecure', '--insecure', [CompletionResultType]::ParameterName, 'Do not check TLS certificates (for self-signed local endpoints)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'callactions;init' {
            [CompletionResult]::new('--event', '--event', [CompletionResultType]::ParameterName, 'The event the action fires at')
            [CompletionResult]::new('--name', '--name', [CompletionResultType]::ParameterName, 'The action''s name (default: from the event)')
            [CompletionResult]::new('--method', '--method', [CompletionResultType]::ParameterName, 'The method (default POST)')
            [CompletionResult]::new('--url', '--url', [CompletionResultType]::ParameterName, 'The URL; placeholders allowed')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Whole seconds, as 15 or 10s (default 15)')
            [CompletionResult]::new('--header', '--header', [CompletionResultType]::ParameterName, 'A header, as NAME:VALUE (repeatable)')
            [CompletionResult]::new('--body', '--body', [CompletionResultType]::ParameterName, 'The body, as text')
            [CompletionResult]::new('--body-vars', '--body-vars', [CompletionResultType]::ParameterName, 'A JSON body of these variables, comma-separated')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output; NO_COLOR is honoured')
            [CompletionResult]::new('--default-body', '--default-body', [CompletionResultType]::ParameterName, 'No body: POST and PUT send the event''s whole payload')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Write without asking for confirmation')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Write without asking for confirmation')
            [CompletionResult]::new('--schema', '--schema', [CompletionResultType]::ParameterName, 'Also write callactions.schema.json beside a new file, for editors (asked at a terminal)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'callactions;explain' {
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'format')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output; NO_COLOR is honoured')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'callactions;rules' {
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'format')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output; NO_COLOR is honoured')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'callactions;config' {
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'The project file (default: callactions.toml here or in a parent folder)')
            [CompletionResult]::new('-E', '-E ', [CompletionResultType]::ParameterName, 'An environment of the project file: its env files, --set values and payload')
            [CompletionResult]::new('--environment', '--environment', [CompletionResultType]::ParameterName, 'An environment of the project file: its env files, --set values and payload')
            [CompletionResult]::new('--env-file', '--env-file', [CompletionResultType]::ParameterName, 'A dotenv file for ${env.…} values, read after the project''s .env (repeatable; a later file wins, the real environment over all)')
            [CompletionResult]::new('--payload', '--payload', [CompletionResultType]::ParameterName, 'A JSON payload for every action, or a folder of <event>.json files')
            [CompletionResult]::new('--set', '--set', [CompletionResultType]::ParameterName, 'Override one payload value; VALUE is JSON when it parses, else a string (repeatable)')
            [CompletionResult]::new('--ignore', '--ignore', [CompletionResultType]::ParameterName, 'Do not report this rule (repeatable); `callactions rules` lists them')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'format')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output; NO_COLOR is honoured')
            [CompletionResult]::new('--strict', '--strict', [CompletionResultType]::ParameterName, 'Warnings are errors: they fail the run (a variable missing from the payload too)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only findings and failures')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only findings and failures')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'callactions;lsp' {
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output; NO_COLOR is honoured')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'callactions;completions' {
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output; NO_COLOR is honoured')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'callactions;help' {
            [CompletionResult]::new('events', 'events', [CompletionResultType]::ParameterValue, 'The six events, when each fires, and the lifecycles that order them')
            [CompletionResult]::new('payload', 'payload', [CompletionResultType]::ParameterValue, 'An event''s sample payload ("View Payload"), or with --vars its variable table')
            [CompletionResult]::new('render', 'render', [CompletionResultType]::ParameterValue, 'Show each selected action rendered against a payload: method, URL, headers, body')
            [CompletionResult]::new('validate', 'validate', [CompletionResultType]::ParameterValue, 'Check action files for CI: every problem with file:line:col, a rule name and a fix')
            [CompletionResult]::new('schema', 'schema', [CompletionResultType]::ParameterValue, 'The JSON Schema of the action file, for editors')
            [CompletionResult]::new('fire', 'fire', [CompletionResultType]::ParameterValue, 'Send the selected actions'' requests and report status, time and response')
            [CompletionResult]::new('listen', 'listen', [CompletionResultType]::ParameterValue, 'A local webhook receiver that prints every request it gets')
            [CompletionResult]::new('simulate', 'simulate', [CompletionResultType]::ParameterValue, 'Walk a call''s lifecycle and show (or, with --fire, send) every action in firing order')
            [CompletionResult]::new('load', 'load', [CompletionResultType]::ParameterValue, 'Fire a campaign''s calls at a rate and measure what would be lost')
            [CompletionResult]::new('init', 'init', [CompletionResultType]::ParameterValue, 'Write a new action, asking for each part (or taking it from flags)')
            [CompletionResult]::new('explain', 'explain', [CompletionResultType]::ParameterValue, 'A rule: why it matters and how to fix it, with a bad and a good file')
            [CompletionResult]::new('rules', 'rules', [CompletionResultType]::ParameterValue, 'The rules `validate` and every command check, with what each catches')
            [CompletionResult]::new('config', 'config', [CompletionResultType]::ParameterValue, 'The settings a command would run with here, and where each comes from')
            [CompletionResult]::new('lsp', 'lsp', [CompletionResultType]::ParameterValue, 'The language server for action files (LSP over stdio), for editors')
            [CompletionResult]::new('completions', 'completions', [CompletionResultType]::ParameterValue, 'A shell completion script, generated from this command line')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'callactions;help;events' {
            break
        }
        'callactions;help;payload' {
            break
        }
        'callactions;help;render' {
            break
        }
        'callactions;help;validate' {
            break
        }
        'callactions;help;schema' {
            break
        }
        'callactions;help;fire' {
            break
        }
        'callactions;help;listen' {
            break
        }
        'callactions;help;simulate' {
            break
        }
        'callactions;help;load' {
            break
        }
        'callactions;help;init' {
            break
        }
        'callactions;help;explain' {
            break
        }
        'callactions;help;rules' {
            break
        }
        'callactions;help;config' {
            break
        }
        'callactions;help;lsp' {
            break
        }
        'callactions;help;completions' {
            break
        }
        'callactions;help;help' {
            break
        }
    })

    $completions.Where{ $_.CompletionText -like "$wordToComplete*" } |
        Sort-Object -Property ListItemText
}
