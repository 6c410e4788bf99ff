//! Quick fixes: each finding's own fix (the one `validate --fix` applies), the near key an
//! `unknown-open-key` warning suggests, and an ignore comment for any rule that allows one.
//! Each is a text edit that keeps every other byte.

use std::collections::HashMap;

use lsp_types::{
    CodeAction, CodeActionKind, CodeActionOrCommand, Range, TextEdit, Uri, WorkspaceEdit,
};

use super::diagnostics::to_lsp_diagnostic;
use super::documents::Document;
use super::position::{Encoding, to_lsp};
use crate::diagnostic::{Diagnostic, Edit};
use crate::fix;
use crate::rules;
use crate::source::Pos;

pub fn code_actions(
    uri: &Uri,
    document: &Document,
    range: Range,
    encoding: Encoding,
) -> Vec<CodeActionOrCommand> {
    let source = &document.source;
    let start = super::position::to_pos(source, range.start, encoding);
    let end = super::position::to_pos(source, range.end, encoding);
    let mut actions = Vec::new();
    // One comment silences a rule for its whole line: offered once per rule and line.
    let mut ignores = std::collections::HashSet::new();
    for diagnostic in document
        .checked
        .diagnostics
        .iter()
        .filter(|d| d.span.start.line <= end.line && start.line <= d.span.end.line)
    {
        let lsp_diagnostic = to_lsp_diagnostic(source, diagnostic, encoding);
        let mut offer = |title: String, edits: &[Edit], preferred: bool| {
            let Some(edits) = text_edits(document, edits, encoding) else {
                return;
            };
            actions.push(CodeActionOrCommand::CodeAction(CodeAction {
                title,
                kind: Some(CodeActionKind::QUICKFIX),
                diagnostics: Some(vec![lsp_diagnostic.clone()]),
                edit: Some(WorkspaceEdit {
                    changes: Some(HashMap::from([(uri.clone(), edits)])),
                    ..WorkspaceEdit::default()
                }),
                is_preferred: Some(preferred),
                ..CodeAction::default()
            }));
        };
        if let Some(fix) = &diagnostic.fix {
            offer(fix.title.clone(), &fix.edits, true);
        }
        for alternative in &diagnostic.alternatives {
            offer(alternative.title.clone(), &alternative.edits, false);
        }
        let line = diagnostic.span.start.line;
        if let Some(edit) =
            ignore_comment(document, diagnostic).filter(|_| ignores.insert((diagnostic.rule, line)))
        {
            offer(
                format!("ignore `{}` here (# callactions-ignore)", diagnostic.rule),
                &[edit],
                false,
            );
        }
    }
    actions
}

/// `# callactions-ignore: RULE` on a line of its own above the finding, indented as its
/// line; none for a rule that cannot be ignored.
fn ignore_comment(document: &Document, diagnostic: &Diagnostic) -> Option<Edit> {
    let rule = rules::find(diagnostic.rule)?;
    if rule.blocks {
        return None;
    }
    let line = diagnostic.span.start.line;
    let text = document.source.line(line);
    let indent: String = text.chars().take_while(|c| *c == ' ').collect();
    Some(Edit {
        span: crate::source::Span::new(Pos::new(line, 1), Pos::new(line, 1)),
        find: String::new(),
        replace: format!(
            "{indent}# callactions-ignore: {}{}",
            rule.id,
            fix::line_break(&document.source)
        ),
    })
}

fn text_edits(document: &Document, edits: &[Edit], encoding: Encoding) -> Option<Vec<TextEdit>> {
    let source = &document.source;
    let located = fix::located(source, edits)?;
    Some(
        located
            .into_iter()
            .map(|(range, replace)| TextEdit {
                range: Range::new(
                    to_lsp(source, source.pos_at(range.start), encoding),
                    to_lsp(source, source.pos_at(range.end), encoding),
                ),
                new_text: replace.to_owned(),
            })
            .collect(),
    )
}
