//! The command line, as clap definitions only: what each command accepts, and (in
//! [`complete`]) what the shell completes from the project.

pub mod complete;

use std::path::PathBuf;

use clap::builder::PossibleValue;
use clap::{Args, Parser, Subcommand, ValueEnum};
use clap_complete::engine::ArgValueCompleter;

use crate::action::{DEFAULT_METHOD, DEFAULT_TIMEOUT, Method};
use crate::event::{Event, Scenario};
use crate::output::ColorChoice;
use crate::payload::Override;

#[derive(Debug, Parser)]
#[command(
    name = "callactions",
    version,
    about = "Author, preview, fire and validate call actions: the webhooks a voice-AI calling platform sends during a call",
    after_help = "Exit codes: 0 all good, 1 problems found (in a file, or a failed request), 2 bad command line, 3 unreadable path or internal error."
)]
pub struct Cli {
    /// When to colour the output; NO_COLOR is honoured
    #[arg(long, value_enum, default_value_t, global = true)]
    pub color: ColorChoice,

    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// The six events, when each fires, and the lifecycles that order them
    Events {
        #[arg(long, value_enum, default_value_t)]
        format: DataFormat,
    },
    /// An event's sample payload ("View Payload"), or with --vars its variable table
    Payload {
        /// The event
        #[arg(value_enum)]
        event: Event,
        /// List the variables (path, type, description, example) instead
        #[arg(long)]
        vars: bool,
        #[arg(long, value_enum, default_value_t)]
        format: DataFormat,
    },
    /// Show each selected action rendered against a payload: method, URL, headers, body
    Render(RenderArgs),
    /// Check action files for CI: every problem with file:line:col, a rule name and a fix
    Validate(ValidateArgs),
    /// The JSON Schema of the action file, for editors
    Schema,
    /// Send the selected actions' requests and report status, time and response
    #[command(
        after_help = "Each request is sent once: no retries, as on the platform. Redirects are not followed. Success is a 2xx status."
    )]
    Fire(FireArgs),
    /// A local webhook receiver that prints every request it gets
    Listen(ListenArgs),
    /// Walk a call's lifecycle and show (or, with --fire, send) every action in firing order
    Simulate(SimulateArgs),
    /// Fire a campaign's calls at a rate and measure what would be lost
    #[command(
        after_help = "Calls start at the rate asked whether or not earlier requests answered (an open model); latency is measured from when each request was due. Lost: every non-2xx and every timeout, as the platform does not retry."
    )]
    Load(LoadArgs),
    /// Write a new action, asking for each part (or taking it from flags)
    Init(InitArgs),
    /// A rule: why it matters and how to fix it, with a bad and a good file
    Explain {
        /// The rule's id, as `callactions rules` lists them
        #[arg(value_name = "RULE", add = ArgValueCompleter::new(complete::rule_ids))]
        rule: String,
        #[arg(long, value_enum, default_value_t)]
        format: DataFormat,
    },
    /// The rules `validate` and every command check, with what each catches
    Rules {
        #[arg(long, value_enum, default_value_t)]
        format: DataFormat,
    },
    /// The settings a command would run with here, and where each comes from
    Config(ConfigArgs),
    /// The language server for action files (LSP over stdio), for editors
    Lsp,
    /// A shell completion script, generated from this command line
    Completions {
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
}

#[derive(Debug, Args)]
#[command(
    after_help = "Without a terminal, every answer comes from flags: --event, --url and --yes are required; the rest have defaults."
)]
pub struct InitArgs {
    /// The action file to create, or to append the action to
    #[arg(default_value = "callactions.yaml", value_hint = clap::ValueHint::FilePath)]
    pub file: PathBuf,
    /// The event the action fires at
    #[arg(long, value_enum)]
    pub event: Option<Event>,
    /// The action's name (default: from the event)
    #[arg(long)]
    pub name: Option<String>,
    #[arg(long, value_enum, ignore_case = true, help = format!("The method (default {DEFAULT_METHOD})"))]
    pub method: Option<Method>,
    /// The URL; placeholders allowed
    #[arg(long)]
    pub url: Option<String>,
    #[arg(long, value_name = "DURATION", help = format!("Whole seconds, as 15 or 10s (default {DEFAULT_TIMEOUT})"))]
    pub timeout: Option<String>,
    /// A header, as NAME:VALUE (repeatable)
    #[arg(long = "header", value_name = "NAME:VALUE")]
    pub headers: Vec<String>,
    /// The body, as text
    #[arg(long, conflicts_with_all = ["body_vars", "default_body"])]
    pub body: Option<String>,
    /// A JSON body of these variables, comma-separated
    #[arg(
        long,
        value_name = "PATH,…",
        value_delimiter = ',',
        conflicts_with = "default_body",
        requires = "event"
    )]
    pub body_vars: Vec<String>,
    /// No body: POST and PUT send the event's whole payload
    #[arg(long)]
    pub default_body: bool,
    /// Write without asking for confirmation
    #[arg(long, short)]
    pub yes: bool,
    /// Also write callactions.schema.json beside a new file, for editors (asked at a terminal)
    #[arg(long)]
    pub schema: bool,
}

#[derive(Debug, Args)]
pub struct SimulateArgs {
    /// Action files, or folders of them (default: ./callactions.yaml)
    #[arg(value_name = "PATHS", value_hint = clap::ValueHint::AnyPath)]
    pub paths: Vec<PathBuf>,
    /// How the call goes
    #[arg(long, value_enum)]
    pub scenario: Scenario,
    /// The call's outcome (default: no-answer when not connected, agent_transfer when
    /// transferred, the sample's otherwise)
    #[arg(long, value_name = "OUTCOME")]
    pub outcome: Option<String>,
    #[command(flatten)]
    pub selection: Selection,
    #[command(flatten)]
    pub payload: PayloadArgs,
    #[command(flatten, next_help_heading = "Project")]
    pub project: ProjectArgs,
    #[command(flatten)]
    pub findings: FindingArgs,
    /// Send the requests, as `fire` does, instead of showing them
    #[arg(long)]
    pub fire: bool,
    #[command(flatten, next_help_heading = "Sending (with --fire)")]
    pub send: SendArgs,
    #[arg(long, value_enum, default_value_t)]
    pub format: ReportFormat,
    /// Show credentials instead of ****
    #[arg(long)]
    pub show_secrets: bool,
}

/// How requests are sent, the same for `fire` and `simulate --fire`.
#[derive(Debug, Args)]
pub struct SendArgs {
    /// One deadline for each whole exchange, instead of the actions' own (500ms, 2s, 1m)
    #[arg(long, value_name = "DURATION", value_parser = crate::duration::parse)]
    pub timeout: Option<std::time::Duration>,
    /// Show the request sent and the response headers too
    #[arg(short, long)]
    pub verbose: bool,
    /// Do not check TLS certificates (for self-signed local endpoints)
    #[arg(long)]
    pub insecure: bool,
    /// Send every request to this origin instead, keeping its path and query
    /// (http://127.0.0.1:8080 points every action at `callactions listen`)
    #[arg(long, value_name = "URL", value_parser = crate::url::Target::parse)]
    pub target: Option<crate::url::Target>,
}

#[derive(Debug, Args)]
pub struct FireArgs {
    /// Action files, or folders of them (default: ./callactions.yaml)
    #[arg(value_name = "PATHS", value_hint = clap::ValueHint::AnyPath)]
    pub paths: Vec<PathBuf>,
    #[command(flatten)]
    pub selection: Selection,
    /// Send every action of the files
    #[arg(long, conflicts_with_all = ["events", "actions"])]
    pub all: bool,
    #[command(flatten)]
    pub payload: PayloadArgs,
    #[command(flatten, next_help_heading = "Project")]
    pub project: ProjectArgs,
    #[command(flatten)]
    pub findings: FindingArgs,
    /// Render the requests and send nothing
    #[arg(long)]
    pub dry_run: bool,
    #[command(flatten)]
    pub send: SendArgs,
    #[arg(long, value_enum, default_value_t)]
    pub format: ReportFormat,
    /// Show credentials instead of ****
    #[arg(long)]
    pub show_secrets: bool,
}

#[derive(Debug, Args)]
pub struct ConfigArgs {
    #[command(flatten)]
    pub project: ProjectArgs,
    #[command(flatten)]
    pub payload: PayloadArgs,
    #[command(flatten)]
    pub findings: FindingArgs,
    #[arg(long, value_enum, default_value_t)]
    pub format: DataFormat,
}

#[derive(Debug, Args)]
pub struct LoadArgs {
    /// Action files, or folders of them (default: ./callactions.yaml)
    #[arg(value_name = "PATHS", value_hint = clap::ValueHint::AnyPath)]
    pub paths: Vec<PathBuf>,
    /// How many calls to start (default: as many as --duration at the rate)
    #[arg(long, value_name = "N")]
    pub calls: Option<u64>,
    /// Calls started per second: 50/s, 3000/m
    #[arg(long, value_name = "RATE", value_parser = crate::load::pacing::parse_rate, conflicts_with = "ramp")]
    pub rate: Option<f64>,
    /// A rate that changes: TIME:RATE points from 0, linear between them (0:50/s,60s:500/s)
    #[arg(long, value_name = "POINTS", value_parser = crate::load::pacing::Pacing::parse_ramp)]
    pub ramp: Option<crate::load::pacing::Pacing>,
    /// No call starts after this long (500ms, 30s, 5m)
    #[arg(long, value_name = "DURATION", value_parser = crate::duration::parse)]
    pub duration: Option<std::time::Duration>,
    /// Requests in flight at most
    #[arg(long, value_name = "N", default_value_t = 16, value_parser = clap::value_parser!(u16).range(1..=1024))]
    pub concurrency: u16,
    /// The share of each scenario, as weights
    #[arg(long, value_name = "MIX", default_value = "connected=70,not-connected=25,transferred=5", value_parser = crate::load::campaign::Mix::parse)]
    pub mix: crate::load::campaign::Mix,
    /// The same seed gives the same calls
    #[arg(long, value_name = "N", default_value_t = 1)]
    pub seed: u64,
    #[command(flatten)]
    pub selection: Selection,
    #[command(flatten)]
    pub payload: PayloadArgs,
    #[command(flatten, next_help_heading = "Project")]
    pub project: ProjectArgs,
    #[command(flatten)]
    pub findings: FindingArgs,
    /// One deadline for each exchange, instead of the actions' own (500ms, 2s, 1m)
    #[arg(long, value_name = "DURATION", value_parser = crate::duration::parse)]
    pub timeout: Option<std::time::Duration>,
    /// Do not check TLS certificates (for self-signed local endpoints)
    #[arg(long)]
    pub insecure: bool,
    /// Send every request to this origin instead, keeping its path and query
    #[arg(long, value_name = "URL", value_parser = crate::url::Target::parse)]
    pub target: Option<crate::url::Target>,
    /// Fail (exit 1) when more than this share is lost: 0.1%
    #[arg(long, value_name = "SHARE", value_parser = crate::load::thresholds::Threshold::max_lost)]
    pub max_lost: Option<crate::load::thresholds::Threshold>,
    /// Fail when the p99 latency is above this: 2s, or ACTION=1s for one action (repeatable)
    #[arg(long = "max-p99", value_name = "[ACTION=]DURATION", value_parser = crate::load::thresholds::Threshold::max_p99)]
    pub max_p99: Vec<crate::load::thresholds::Threshold>,
    #[arg(long, value_enum, default_value_t)]
    pub format: ReportFormat,
    /// Also write a self-contained HTML report (table and charts) to FILE
    #[arg(long, value_name = "FILE.html", value_hint = clap::ValueHint::FilePath)]
    pub report: Option<PathBuf>,
    /// Write a Locust file that reproduces this campaign, instead of running it
    #[arg(long, value_enum, value_name = "TOOL")]
    pub export: Option<ExportFormat>,
}

/// Load tools a campaign can be exported to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ExportFormat {
    /// A locustfile.py (Locust's master/worker mode spreads it over machines)
    Locust,
}

#[derive(Debug, Args)]
pub struct ListenArgs {
    /// Port to listen on; 0 picks a free one
    #[arg(long, default_value_t = 8080)]
    pub port: u16,
    /// Address to bind; loopback unless you say otherwise
    #[arg(long, default_value = "127.0.0.1")]
    pub host: String,
    /// Status code to answer with
    #[arg(long, default_value_t = 200, value_parser = clap::value_parser!(u16).range(100..=599))]
    pub status: u16,
    /// Wait this long before answering (500ms, 2s)
    #[arg(long, value_name = "DURATION", value_parser = crate::duration::parse)]
    pub delay: Option<std::time::Duration>,
    /// Exit after this many requests
    #[arg(long, value_name = "N")]
    pub count: Option<u64>,
    #[arg(long, value_enum, default_value_t)]
    pub format: DataFormat,
    /// Show credential headers instead of ****
    #[arg(long)]
    pub show_secrets: bool,
}

/// How a run of requests is reported.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, ValueEnum)]
pub enum ReportFormat {
    #[default]
    Human,
    Json,
    /// JUnit XML: a testsuite per event, a testcase per action
    Junit,
}

#[derive(Debug, Args)]
pub struct ValidateArgs {
    /// Action files, or folders of them (default: ./callactions.yaml)
    #[arg(value_name = "PATHS", value_hint = clap::ValueHint::AnyPath)]
    pub paths: Vec<PathBuf>,
    #[command(flatten, next_help_heading = "Project")]
    pub project: ProjectArgs,
    #[command(flatten)]
    pub findings: FindingArgs,
    #[arg(long, value_enum, default_value_t)]
    pub format: ValidateFormat,
    /// Apply the safe fixes (did-you-means, a missing Content-Type, an undeclared key),
    /// keeping every other byte of each file
    #[arg(long)]
    pub fix: bool,
    /// With --fix: print the changes as a unified diff and write nothing
    #[arg(long, requires = "fix")]
    pub dry_run: bool,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, ValueEnum)]
pub enum ValidateFormat {
    #[default]
    Human,
    Json,
    /// GitHub Actions workflow commands (annotations)
    Github,
    /// SARIF 2.1.0, for code scanning
    Sarif,
}

/// Which actions a command works on: all of them when nothing is given.
#[derive(Debug, Args)]
pub struct Selection {
    /// Only actions of this event (repeatable)
    #[arg(long = "event", value_enum, value_name = "EVENT")]
    pub events: Vec<Event>,
    /// Only the action with this name (repeatable)
    #[arg(long = "action", value_name = "NAME", add = ArgValueCompleter::new(complete::action_names))]
    pub actions: Vec<String>,
}

impl Selection {
    pub fn is_empty(&self) -> bool {
        self.events.is_empty() && self.actions.is_empty()
    }
}

/// What each action is rendered against.
#[derive(Debug, Args)]
pub struct PayloadArgs {
    /// A JSON payload for every action, or a folder of <event>.json files
    #[arg(long, value_name = "FILE|DIR", value_hint = clap::ValueHint::AnyPath)]
    pub payload: Option<PathBuf>,
    /// Override one payload value; VALUE is JSON when it parses, else a string (repeatable)
    #[arg(long = "set", value_name = "PATH=VALUE")]
    pub sets: Vec<Override>,
}

/// The project file, its environments and env files: the same in every command that
/// reads actions.
#[derive(Debug, Args)]
pub struct ProjectArgs {
    /// The project file (default: callactions.toml here or in a parent folder)
    #[arg(long, value_name = "FILE", value_hint = clap::ValueHint::FilePath)]
    pub config: Option<PathBuf>,
    /// An environment of the project file: its env files, --set values and payload
    #[arg(long, short = 'E', value_name = "NAME", add = ArgValueCompleter::new(complete::environments))]
    pub environment: Option<String>,
    /// A dotenv file for ${env.…} values, read after the project's .env (repeatable; a later
    /// file wins, the real environment over all)
    #[arg(long = "env-file", value_name = "FILE", value_hint = clap::ValueHint::FilePath)]
    pub env_files: Vec<PathBuf>,
}

/// How findings are judged and shown: the same in every command that reads actions.
#[derive(Debug, Args)]
pub struct FindingArgs {
    /// Warnings are errors: they fail the run (a variable missing from the payload too)
    #[arg(long)]
    pub strict: bool,
    /// Do not report this rule (repeatable); `callactions rules` lists them
    #[arg(long = "ignore", value_name = "RULE", add = ArgValueCompleter::new(complete::rule_ids))]
    pub ignore: Vec<String>,
    /// Print only findings and failures
    #[arg(long, short)]
    pub quiet: bool,
}

#[derive(Debug, Args)]
pub struct RenderArgs {
    /// Action files, or folders of them (default: ./callactions.yaml)
    #[arg(value_name = "PATHS", value_hint = clap::ValueHint::AnyPath)]
    pub paths: Vec<PathBuf>,
    #[command(flatten)]
    pub selection: Selection,
    #[command(flatten)]
    pub payload: PayloadArgs,
    #[command(flatten, next_help_heading = "Project")]
    pub project: ProjectArgs,
    #[command(flatten)]
    pub findings: FindingArgs,
    #[arg(long, value_enum, default_value_t)]
    pub format: RenderFormat,
    /// Show credentials instead of ****
    #[arg(long)]
    pub show_secrets: bool,
}

/// Output for people, or JSON for programs.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, ValueEnum)]
pub enum DataFormat {
    #[default]
    Human,
    Json,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, ValueEnum)]
pub enum RenderFormat {
    #[default]
    Human,
    Json,
    /// A copy-pasteable curl command per action
    Curl,
}

// The command-line names of the domain's enumerations are their own `name()`s: one
// spelling each, in the YAML files, on the command line and in every output.

impl ValueEnum for Event {
    fn value_variants<'a>() -> &'a [Self] {
        &Event::ALL
    }

    fn to_possible_value(&self) -> Option<PossibleValue> {
        Some(PossibleValue::new(self.name()).help(self.fires_when()))
    }
}

impl ValueEnum for Scenario {
    fn value_variants<'a>() -> &'a [Self] {
        &Scenario::ALL
    }

    fn to_possible_value(&self) -> Option<PossibleValue> {
        Some(PossibleValue::new(self.name()).help(self.lifecycle_text()))
    }
}

impl ValueEnum for Method {
    fn value_variants<'a>() -> &'a [Self] {
        &Method::ALL
    }

    fn to_possible_value(&self) -> Option<PossibleValue> {
        Some(PossibleValue::new(self.name()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The names clap parses and prints are the names the domain reads and writes.
    #[test]
    fn command_line_names_are_the_domain_names() {
        for event in Event::ALL {
            assert_eq!(Event::from_str(event.name(), false), Ok(event));
            assert_eq!(Event::from_name(event.name()), Some(event));
        }
        for scenario in Scenario::ALL {
            assert_eq!(Scenario::from_str(scenario.name(), false), Ok(scenario));
        }
        for method in Method::ALL {
            assert_eq!(
                Method::from_str(&method.name().to_lowercase(), true),
                Ok(method)
            );
            assert_eq!(Method::from_name(method.name()), Some(method));
        }
    }
}
