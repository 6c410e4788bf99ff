//! The engine's findings as LSP diagnostics: the same rule id (as the `code`, with the
//! rule's README entry as its description), severity, range and message as `validate`.

use std::str::FromStr;

use lsp_types::{
    CodeDescription, Diagnostic as LspDiagnostic, DiagnosticSeverity, NumberOrString, Range, Uri,
};

use super::position::{Encoding, to_lsp};
use crate::diagnostic::{Diagnostic, Severity};
use crate::rules;
use crate::source::Source;

pub fn to_lsp_diagnostic(
    source: &Source,
    diagnostic: &Diagnostic,
    encoding: Encoding,
) -> LspDiagnostic {
    let mut end = diagnostic.span.end;
    // An empty span still shows: one character wide.
    if end <= diagnostic.span.start {
        end = crate::source::Pos::new(diagnostic.span.start.line, diagnostic.span.start.column + 1);
    }
    LspDiagnostic {
        range: Range::new(
            to_lsp(source, diagnostic.span.start, encoding),
            to_lsp(source, end, encoding),
        ),
        severity: Some(match diagnostic.severity {
            Severity::Error => DiagnosticSeverity::ERROR,
            Severity::Warning => DiagnosticSeverity::WARNING,
        }),
        code: Some(NumberOrString::String(diagnostic.rule.to_owned())),
        code_description: rules::find(diagnostic.rule)
            .and_then(|rule| Uri::from_str(&rule.url()).ok())
            .map(|href| CodeDescription { href }),
        source: Some("callactions".to_owned()),
        message: format!("{}\nhelp: {}", diagnostic.message, diagnostic.help),
        ..LspDiagnostic::default()
    }
}
