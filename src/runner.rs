//! One action run as `fire` and `simulate` run it: rendered against a payload, then sent
//! when the command sends. The commands only show what comes back.

use std::time::Duration;

use serde_json::Value;

use crate::action::Action;
use crate::diagnostic::Diagnostic;
use crate::event::Event;
use crate::request::{self, Options, RenderError, Request, Warning};
use crate::send::{Exchange, Sender};

/// What became of one action.
#[derive(Debug)]
pub enum Ran {
    /// Its entry has errors that keep the request from being built; nothing was rendered.
    Blocked,
    /// Rendered and not sent (`simulate` without `--fire`, `fire --dry-run`).
    Rendered(Request),
    /// Could not be rendered; nothing was sent.
    NotRendered(RenderError),
    /// Sent, whatever the answer.
    Sent(Exchange),
}

/// An error finding of the action, as a run reports it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Finding {
    pub rule: &'static str,
    /// `path:line:col`.
    pub place: String,
}

impl Finding {
    pub fn of(diagnostic: &Diagnostic) -> Finding {
        Finding {
            rule: diagnostic.rule,
            place: format!("{}:{}", diagnostic.path.display(), diagnostic.span.start),
        }
    }
}

/// One action's run: what became of it, what rendering noticed on the way, and the
/// error findings of its entry (SPEC §7: an action with errors about meaning is still
/// sent, as the platform would send it, and counts as failed).
#[derive(Debug)]
pub struct ActionRun {
    pub action: String,
    pub event: Event,
    pub ran: Ran,
    pub warnings: Vec<Warning>,
    pub errors: Vec<Finding>,
    /// `--strict`: a warning of rendering fails the run.
    pub warnings_fail: bool,
}

impl ActionRun {
    /// No error finding, and rendered, or sent and answered with a 2xx.
    pub fn succeeded(&self) -> bool {
        let went = match &self.ran {
            Ran::Rendered(_) => true,
            Ran::Blocked | Ran::NotRendered(_) => false,
            Ran::Sent(exchange) => exchange.succeeded(),
        };
        let warnings_fail = self.warnings_fail && !self.warnings.is_empty();
        went && self.errors.is_empty() && !warnings_fail
    }

    /// The request rendered, sent or not.
    pub fn request(&self) -> Option<&Request> {
        match &self.ran {
            Ran::Rendered(request) => Some(request),
            Ran::Sent(exchange) => Some(&exchange.request),
            Ran::Blocked | Ran::NotRendered(_) => None,
        }
    }

    pub fn render_error(&self) -> Option<&RenderError> {
        match &self.ran {
            Ran::NotRendered(error) => Some(error),
            _ => None,
        }
    }

    pub fn exchange(&self) -> Option<&Exchange> {
        match &self.ran {
            Ran::Sent(exchange) => Some(exchange),
            _ => None,
        }
    }
}

/// How the actions of one command are run.
pub struct Runner<'a> {
    pub options: &'a Options<'a>,
    /// Sends each rendered request; `None` renders only.
    pub sender: Option<&'a Sender>,
    /// Overrides each action's own timeout.
    pub timeout: Option<Duration>,
    /// `--strict`: a warning of rendering fails the run.
    pub strict: bool,
}

impl Runner<'_> {
    /// Runs `action` against `payload`; `errors` are the error findings of its entry.
    pub fn run(&self, action: &Action, payload: &Value, errors: Vec<Finding>) -> ActionRun {
        let (ran, warnings) = if action.faulty {
            (Ran::Blocked, Vec::new())
        } else {
            self.render_and_send(action, payload)
        };
        ActionRun {
            action: action.name.clone(),
            event: action.event,
            ran,
            warnings,
            errors,
            warnings_fail: self.strict,
        }
    }

    fn render_and_send(&self, action: &Action, payload: &Value) -> (Ran, Vec<Warning>) {
        match request::render(action, payload, self.options) {
            Err(error) => (Ran::NotRendered(error), Vec::new()),
            Ok((request, warnings)) => match self.sender {
                None => (Ran::Rendered(request), warnings),
                Some(sender) => {
                    let timeout = self.timeout.unwrap_or(Duration::from_secs(request.timeout));
                    (Ran::Sent(sender.send(request, timeout)), warnings)
                }
            },
        }
    }
}
