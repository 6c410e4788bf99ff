//! One action run as `fire` and `simulate` run it: rendered against a payload, then sent
//! when the command sends. The commands only show what comes back.

use std::time::Duration;

use serde_json::Value;

use crate::action::Action;
use crate::event::Event;
use crate::request::{self, Options, RenderError, Request, Warning};
use crate::send::{Exchange, Sender};

/// What became of one action.
#[derive(Debug)]
pub enum Ran {
    /// Rendered and not sent (`simulate` without `--fire`, `fire --dry-run`).
    Rendered(Request),
    /// Could not be rendered; nothing was sent.
    NotRendered(RenderError),
    /// Sent, whatever the answer.
    Sent(Exchange),
}

/// One action's run: what became of it, and what rendering noticed on the way.
#[derive(Debug)]
pub struct ActionRun {
    pub action: String,
    pub event: Event,
    pub ran: Ran,
    pub warnings: Vec<Warning>,
}

impl ActionRun {
    /// Rendered, or sent and answered with a 2xx.
    pub fn succeeded(&self) -> bool {
        match &self.ran {
            Ran::Rendered(_) => true,
            Ran::NotRendered(_) => false,
            Ran::Sent(exchange) => exchange.succeeded(),
        }
    }

    /// The request rendered, sent or not.
    pub fn request(&self) -> Option<&Request> {
        match &self.ran {
            Ran::Rendered(request) => Some(request),
            Ran::Sent(exchange) => Some(&exchange.request),
            Ran::NotRendered(_) => None,
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
}

impl Runner<'_> {
    pub fn run(&self, action: &Action, payload: &Value) -> ActionRun {
        let (ran, warnings) = match request::render(action, payload, self.options) {
            Err(error) => (Ran::NotRendered(error), Vec::new()),
            Ok((request, warnings)) => match self.sender {
                None => (Ran::Rendered(request), warnings),
                Some(sender) => {
                    let timeout = self.timeout.unwrap_or(Duration::from_secs(request.timeout));
                    (Ran::Sent(sender.send(request, timeout)), warnings)
                }
            },
        };
        ActionRun {
            action: action.name.clone(),
            event: action.event,
            ran,
            warnings,
        }
    }
}
