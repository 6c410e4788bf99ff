//! A YAML document as a tree of nodes that know where they stand in the file.
//!
//! serde_yaml's errors locate syntax errors only; the checks of an action file need the
//! place of every key and value, and of a `${` inside a value. So files are read once, with
//! saphyr's event parser, into this tree — with limits that keep hostile input cheap.

mod scalar_map;

use std::collections::HashMap;
use std::rc::Rc;

use saphyr_parser::{Event, Marker, Parser};

pub use saphyr_parser::ScalarStyle;
pub use scalar_map::locate;

use crate::source::{Pos, Source, Span};

/// Collections nested deeper than this are refused: action files need four levels.
pub const MAX_DEPTH: usize = 64;
/// Nodes an alias may expand to, summed over the document: stops "billion laughs".
pub const MAX_ALIAS_EXPANSION: usize = 10_000;

#[derive(Debug)]
pub struct Node {
    pub value: Value,
    /// From the first character of the node to just after its last.
    pub span: Span,
    /// Nodes in this subtree, aliases counted as what they stand for.
    weight: usize,
}

#[derive(Debug)]
pub enum Value {
    Scalar(Scalar),
    Sequence(Vec<Rc<Node>>),
    Mapping(Vec<(Rc<Node>, Rc<Node>)>),
}

#[derive(Debug)]
pub struct Scalar {
    pub text: String,
    pub style: ScalarStyle,
}

/// Why a document could not be read.
#[derive(Debug, PartialEq)]
pub struct SyntaxError {
    pub pos: Pos,
    pub message: String,
    pub help: String,
}

/// What kind of YAML value a node is, as YAML's core schema reads a plain scalar.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Null,
    Boolean,
    Number,
    String,
    List,
    Mapping,
}

impl Kind {
    /// For messages: "a list", "nothing (null)".
    pub fn describe(self) -> &'static str {
        match self {
            Kind::Null => "nothing (null)",
            Kind::Boolean => "a boolean",
            Kind::Number => "a number",
            Kind::String => "a string",
            Kind::List => "a list",
            Kind::Mapping => "a mapping",
        }
    }
}

impl Node {
    pub fn kind(&self) -> Kind {
        match &self.value {
            Value::Sequence(_) => Kind::List,
            Value::Mapping(_) => Kind::Mapping,
            Value::Scalar(s) if s.style != ScalarStyle::Plain => Kind::String,
            Value::Scalar(s) => match s.text.as_str() {
                "" | "~" | "null" | "Null" | "NULL" => Kind::Null,
                "true" | "false" | "True" | "False" | "TRUE" | "FALSE" => Kind::Boolean,
                text if text.parse::<f64>().is_ok() => Kind::Number,
                _ => Kind::String,
            },
        }
    }

    pub fn is_null(&self) -> bool {
        self.kind() == Kind::Null
    }

    pub fn as_scalar(&self) -> Option<&Scalar> {
        match &self.value {
            Value::Scalar(s) => Some(s),
            _ => None,
        }
    }

    /// The text of a scalar that is not null.
    pub fn as_text(&self) -> Option<&str> {
        self.as_scalar()
            .filter(|_| !self.is_null())
            .map(|s| s.text.as_str())
    }

    /// The span of the first line of the node, for underlining it.
    pub fn head_span(&self) -> Span {
        if self.span.end.line == self.span.start.line {
            self.span
        } else {
            Span::at(self.span.start, 1)
        }
    }
}

/// Reads the one document of a file; `Ok(None)` when it has none (empty, or comments only).
pub fn parse(source: &Source) -> Result<Option<Rc<Node>>, SyntaxError> {
    let mut builder = Builder::default();
    // saphyr counts a last line of only blanks, with no line break after it, as one more
    // line break of a block scalar before it (`|` reads `hello\n  ` as `hello\n\n`); YAML
    // does not. Given the line break, it reads the scalar as YAML does. Nothing before the
    // end of the text moves.
    let last_line = source.text.rsplit(['\n', '\r']).next().unwrap_or_default();
    let text: std::borrow::Cow<'_, str> =
        if !last_line.is_empty() && last_line.bytes().all(|b| b == b' ' || b == b'\t') {
            std::borrow::Cow::Owned(format!("{}\n", source.text))
        } else {
            std::borrow::Cow::Borrowed(&source.text)
        };
    for event in Parser::new_from_str(&text) {
        let (event, span) = event.map_err(|err| syntax_error(source, err.marker(), err.info()))?;
        let start = pos(&span.start);
        let end = pos(&span.end);
        builder.event(event, start, end)?;
        if builder.done {
            break;
        }
    }
    Ok(builder.root)
}

fn pos(marker: &Marker) -> Pos {
    Pos::new(marker.line(), marker.col() + 1)
}

fn syntax_error(source: &Source, marker: &Marker, info: &str) -> SyntaxError {
    let mut at = pos(marker);
    if let Some(tab) = tab_near(source, at) {
        return SyntaxError {
            pos: tab,
            message: format!("invalid YAML: {info}"),
            help: "YAML indents with spaces only: replace the tabs at the start of the line with spaces"
                .to_owned(),
        };
    }
    let line = source.line(at.line);
    let before: String = line.chars().take(at.column.saturating_sub(1)).collect();
    let help = if info.contains("quoted scalar") {
        "close the quote that starts here, with the same kind of quote"
    } else if info.contains("recursion limit") {
        "action files need only a few levels of nesting"
    } else if info.contains("mapping values are not allowed") && before.contains(": ") {
        "a value that contains `: ` must be quoted, as in `url: \"https://…\"`"
    } else if info.contains("mapping values are not allowed")
        || info.contains("did not find expected")
    {
        at.column = line.len() - line.trim_start().len() + 1;
        "check the indentation: the keys of one mapping line up, each under the first, and a value goes on its key's line or indented below it"
    } else {
        "fix the YAML syntax here; quoting a value often helps"
    };
    SyntaxError {
        pos: at,
        message: format!("invalid YAML: {info}"),
        help: help.to_owned(),
    }
}

/// A tab in the indentation of the line of an error or the line after it: YAML's
/// scanner notices a tab only where it stops, which can be the line before.
fn tab_near(source: &Source, at: Pos) -> Option<Pos> {
    (at.line..=at.line + 1).find_map(|number| {
        let line = source.line(number);
        let indent = &line[..line.len() - line.trim_start().len()];
        indent
            .chars()
            .position(|c| c == '\t')
            .map(|i| Pos::new(number, i + 1))
    })
}

/// An open collection while its children are read.
enum Open {
    Sequence {
        start: Pos,
        anchor: usize,
        items: Vec<Rc<Node>>,
    },
    Mapping {
        start: Pos,
        anchor: usize,
        key: Option<Rc<Node>>,
        entries: Vec<(Rc<Node>, Rc<Node>)>,
    },
}

#[derive(Default)]
struct Builder {
    stack: Vec<Open>,
    anchors: HashMap<usize, Rc<Node>>,
    /// Nodes that aliases have stood for so far.
    expanded: usize,
    root: Option<Rc<Node>>,
    documents: usize,
    done: bool,
}

impl Builder {
    fn event(&mut self, event: Event<'_>, start: Pos, end: Pos) -> Result<(), SyntaxError> {
        match event {
            Event::DocumentStart(_) => self.document(start),
            Event::StreamEnd => {
                self.done = true;
                Ok(())
            }
            Event::Scalar(text, style, anchor, _) => {
                let node = Node {
                    value: Value::Scalar(Scalar {
                        text: text.into_owned(),
                        style,
                    }),
                    span: Span::new(start, end),
                    weight: 1,
                };
                self.finish(node, anchor)
            }
            Event::SequenceStart(anchor, _) => self.open(Open::Sequence {
                start,
                anchor,
                items: Vec::new(),
            }),
            Event::MappingStart(anchor, _) => self.open(Open::Mapping {
                start,
                anchor,
                key: None,
                entries: Vec::new(),
            }),
            Event::SequenceEnd | Event::MappingEnd => self.close(end),
            Event::Alias(id) => self.alias(id, start),
            Event::StreamStart | Event::DocumentEnd | Event::Nothing => Ok(()),
        }
    }

    fn document(&mut self, start: Pos) -> Result<(), SyntaxError> {
        self.documents += 1;
        if self.documents > 1 {
            return Err(SyntaxError {
                pos: start,
                message: "a second YAML document (`---`) in the file".to_owned(),
                help: "put all actions of a file in one document, under one `actions:` list"
                    .to_owned(),
            });
        }
        Ok(())
    }

    /// The collection that ends at `end` is complete.
    fn close(&mut self, end: Pos) -> Result<(), SyntaxError> {
        let (value, start, anchor) = match self.stack.pop() {
            Some(Open::Sequence {
                start,
                anchor,
                items,
            }) => (Value::Sequence(items), start, anchor),
            Some(Open::Mapping {
                start,
                anchor,
                entries,
                ..
            }) => (Value::Mapping(entries), start, anchor),
            None => return Ok(()),
        };
        let weight = match &value {
            Value::Sequence(items) => items
                .iter()
                .map(|n| n.weight)
                .fold(1, usize::saturating_add),
            Value::Mapping(entries) => entries
                .iter()
                .map(|(k, v)| k.weight.saturating_add(v.weight))
                .fold(1, usize::saturating_add),
            Value::Scalar(_) => 1,
        };
        let node = Node {
            value,
            span: Span::new(start, end),
            weight,
        };
        self.finish(node, anchor)
    }

    fn alias(&mut self, id: usize, start: Pos) -> Result<(), SyntaxError> {
        let Some(node) = self.anchors.get(&id).cloned() else {
            return Err(SyntaxError {
                pos: start,
                message: "an alias to an unknown anchor".to_owned(),
                help: "define the anchor (`&name`) before the alias (`*name`)".to_owned(),
            });
        };
        self.expanded = self.expanded.saturating_add(node.weight);
        if self.expanded > MAX_ALIAS_EXPANSION {
            return Err(SyntaxError {
                pos: start,
                message: format!("aliases expand to more than {MAX_ALIAS_EXPANSION} nodes"),
                help: "this looks like an alias bomb; write the values out, or alias smaller parts"
                    .to_owned(),
            });
        }
        self.attach(node);
        Ok(())
    }

    fn open(&mut self, collection: Open) -> Result<(), SyntaxError> {
        if self.stack.len() >= MAX_DEPTH {
            let (Open::Sequence { start, .. } | Open::Mapping { start, .. }) = collection;
            return Err(SyntaxError {
                pos: start,
                message: format!("nesting deeper than {MAX_DEPTH} levels"),
                help: "action files need only a few levels of nesting".to_owned(),
            });
        }
        self.stack.push(collection);
        Ok(())
    }

    /// A node is complete: remember its anchor and hand it to its parent.
    fn finish(&mut self, node: Node, anchor: usize) -> Result<(), SyntaxError> {
        let node = Rc::new(node);
        if anchor != 0 {
            self.anchors.insert(anchor, Rc::clone(&node));
        }
        self.attach(node);
        Ok(())
    }

    fn attach(&mut self, node: Rc<Node>) {
        match self.stack.last_mut() {
            None => self.root = Some(node),
            Some(Open::Sequence { items, .. }) => items.push(node),
            Some(Open::Mapping { key, entries, .. }) => match key.take() {
                None => *key = Some(node),
                Some(k) => entries.push((k, node)),
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scalar(yaml: &str) -> String {
        let source = Source::new(yaml.to_owned());
        let root = parse(&source).unwrap().unwrap();
        let Value::Mapping(entries) = &root.value else {
            panic!("not a mapping: {yaml:?}")
        };
        entries[0].1.as_scalar().unwrap().text.clone()
    }

    /// The block scalar indicators as the YAML 1.2 spec reads them (examples 8.4 to 8.6,
    /// and the end of a file without a final line break).
    #[test]
    fn block_scalars_are_chomped_as_yaml_says() {
        for (yaml, text) in [
            ("v: |-\n  text\n", "text"),
            ("v: |\n  text\n", "text\n"),
            ("v: |+\n  text\n", "text\n"),
            ("v: |-\n  text\n\n\n", "text"),
            ("v: |\n  text\n\n\n", "text\n"),
            ("v: |+\n  text\n\n\n", "text\n\n\n"),
            ("v: >-\n  a\n  b\n\n", "a b"),
            ("v: >\n  a\n  b\n\n", "a b\n"),
            ("v: >+\n  a\n  b\n\n", "a b\n\n"),
            ("v: |\n  hello", "hello\n"),
            ("v: |\n  hello\n  ", "hello\n"),
            ("v: |-\n  hello\n  ", "hello"),
            ("v: >\n  hello\n  ", "hello\n"),
            ("v: |\n  hello\n   \n", "hello\n \n"),
            ("v: |\r\n  hello\r\n  ", "hello\n"),
        ] {
            assert_eq!(scalar(yaml), text, "{yaml:?}");
        }
    }
}
