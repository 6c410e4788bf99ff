//! The action file's model (SPEC §3): what the loader produces and every command uses.

use std::fmt;
use std::path::PathBuf;
use std::sync::Arc;

use crate::event::Event;
use crate::source::{Source, Span};
use crate::template::Template;
use crate::template::body::{self, BodyKind};
use crate::template::json_scanner::Scan;

/// A loaded action file.
#[derive(Debug)]
pub struct ActionFile {
    pub path: PathBuf,
    pub source: Arc<Source>,
    pub declared: Declared,
    pub actions: Vec<Action>,
    /// The names of the actions left out because their errors keep a request from being
    /// built (no event, URL, method or timeout that can be read), for a selection that
    /// names one.
    pub unbuilt: Vec<String>,
}

/// The keys a file declares for its open namespaces (`variables:`). A namespace that is
/// declared is closed: only its declared keys may be used.
#[derive(Debug, Default)]
pub struct Declared {
    pub context: Option<Vec<String>>,
    pub analysis_results: Option<Vec<String>>,
    /// Where each declared list stands, by namespace, for a fix that adds to it.
    pub lists: Vec<(String, DeclaredList)>,
}

/// A `variables:` list in its file: the list, and its last item.
#[derive(Clone, Copy, Debug)]
pub struct DeclaredList {
    pub span: Span,
    pub last_item: Option<Span>,
}

impl Declared {
    /// The declared keys of the open namespace at `path` (`context`, `analysis.results`).
    pub fn keys(&self, namespace: &str) -> Option<&[String]> {
        match namespace {
            "context" => self.context.as_deref(),
            "analysis.results" => self.analysis_results.as_deref(),
            _ => None,
        }
    }

    pub fn list(&self, namespace: &str) -> Option<DeclaredList> {
        self.lists
            .iter()
            .find(|(n, _)| n == namespace)
            .map(|(_, list)| *list)
    }
}

/// One webhook: what to send, where, and at which event. An entry missing what every
/// request needs (name, event, URL, method, timeout) gives no action at all.
#[derive(Debug)]
pub struct Action {
    pub name: String,
    pub event: Event,
    pub method: Method,
    pub url: Template,
    /// Seconds, 1 to 60.
    pub timeout: u64,
    pub headers: Vec<Header>,
    pub body: Option<Template>,
    /// Where the action's entry starts in its file.
    pub span: Span,
    /// The whole entry, from its first key to its last value.
    pub entry: Span,
    /// The entry had an error (an unknown key, a header that could not be read, …): the
    /// action is checked by `validate`, but never rendered or sent.
    pub faulty: bool,
}

#[derive(Debug)]
pub struct Header {
    pub name: String,
    pub value: Template,
}

impl Action {
    /// The value template of a header, by case-insensitive name.
    pub fn header(&self, name: &str) -> Option<&Template> {
        self.headers
            .iter()
            .find(|h| h.name.eq_ignore_ascii_case(name))
            .map(|h| &h.value)
    }

    /// The body kind of the written body, judged from its templates before rendering.
    pub fn body_kind(&self, scan: &Scan) -> BodyKind {
        let content_type = self.header("content-type").map(|t| t.masked(""));
        body::kind_for(content_type.as_deref(), scan)
    }

    /// The body template, unless it is absent or empty (which sends the payload).
    pub fn written_body(&self) -> Option<&Template> {
        self.body.as_ref().filter(|b| !b.text.trim().is_empty())
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Method {
    Get,
    Post,
    Put,
}

impl Method {
    pub const ALL: [Method; 3] = [Method::Get, Method::Post, Method::Put];

    pub fn name(self) -> &'static str {
        match self {
            Method::Get => "GET",
            Method::Post => "POST",
            Method::Put => "PUT",
        }
    }

    /// Case-insensitive, as people write `post` as often as `POST`.
    pub fn from_name(name: &str) -> Option<Method> {
        Method::ALL
            .into_iter()
            .find(|m| m.name().eq_ignore_ascii_case(name))
    }
}

impl fmt::Display for Method {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

pub const DEFAULT_METHOD: Method = Method::Post;
pub const DEFAULT_TIMEOUT: u64 = 15;
pub const TIMEOUT_RANGE: std::ops::RangeInclusive<u64> = 1..=60;

/// A key of the file format: the loader's list of what is allowed, and the JSON Schema's.
#[derive(Debug)]
pub struct Field {
    pub key: &'static str,
    pub required: bool,
    pub description: &'static str,
}

const fn field(key: &'static str, required: bool, description: &'static str) -> Field {
    Field {
        key,
        required,
        description,
    }
}

/// The keys at the top of a file.
pub static FILE_FIELDS: &[Field] = &[
    field(
        "variables",
        false,
        "Declares the keys used in open namespaces (`context`, `analysis.results`), so typos are caught. Declaring one namespace closes that namespace only.",
    ),
    field(
        "actions",
        true,
        "The actions of this file, in firing order within each event.",
    ),
];

/// The keys of `variables:`: the open namespaces.
pub static VARIABLES_FIELDS: &[Field] = &[
    field("context", false, "Keys of `context.*` this file uses."),
    field(
        "analysis.results",
        false,
        "Keys of `analysis.results.*` this file uses.",
    ),
];

/// The keys of one action.
pub static ACTION_FIELDS: &[Field] = &[
    field(
        "name",
        true,
        "Unique within the file: letters, digits, `-` and `_`.",
    ),
    field(
        "event",
        true,
        "The moment of the call at which the action fires.",
    ),
    field("method", false, "The HTTP method."),
    field(
        "url",
        true,
        "http(s) URL; a template. A placeholder at its very start may hold a base URL.",
    ),
    field(
        "timeout",
        false,
        "Seconds for the whole exchange, a whole number.",
    ),
    field(
        "headers",
        false,
        "Header names and values; values are templates, names are not.",
    ),
    field(
        "body",
        false,
        "The body template. Absent or empty on POST/PUT: the event's whole payload as JSON.",
    ),
];

pub fn is_valid_name(name: &str) -> bool {
    !name.is_empty()
        && name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
}
