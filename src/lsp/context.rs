//! What the cursor stands in, read from the text itself: a document being typed often
//! does not parse (an unterminated `${`, a half-written key), and completion must work
//! there. The enclosing action and its event are found by indentation, as a reader would.

use std::ops::Range;

use crate::event::Event;

/// Where the cursor is, for completion.
#[derive(Debug, PartialEq, Eq)]
pub enum Spot {
    /// Inside `${`, with the path typed so far (`callInfo.ca`) starting at byte `start`.
    Placeholder {
        typed: String,
        start: usize,
    },
    /// The value of `key:` on this line, typed so far from byte `start`.
    Value {
        key: String,
        typed: String,
        start: usize,
    },
    /// A key being typed at this indentation; `in_headers` when below `headers:`.
    Key {
        typed: String,
        start: usize,
        in_headers: bool,
    },
    Elsewhere,
}

/// The line of `text` around byte `offset`: its start and the text before the cursor.
fn line_before(text: &str, offset: usize) -> (usize, &str) {
    let offset = floor_boundary(text, offset);
    let start = text[..offset].rfind(['\n', '\r']).map_or(0, |i| i + 1);
    (start, &text[start..offset])
}

fn floor_boundary(text: &str, mut offset: usize) -> usize {
    offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    offset
}

pub fn spot(text: &str, offset: usize) -> Spot {
    let (line_start, before) = line_before(text, offset);
    if let Some(open) = before.rfind("${")
        && !before[open..].contains('}')
        && !before[..open].ends_with('$')
    {
        let typed = before[open + 2..].trim_start();
        let start = line_start + before.len() - typed.len();
        return Spot::Placeholder {
            typed: typed.to_owned(),
            start,
        };
    }
    let content = before.trim_start().trim_start_matches("- ").trim_start();
    if let Some((key, value)) = content.split_once(':') {
        let typed = value.trim_start();
        let start = line_start + before.len() - typed.len();
        return Spot::Value {
            key: key.trim().to_owned(),
            typed: typed.to_owned(),
            start,
        };
    }
    if content
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
    {
        let indent = before.len() - before.trim_start().len();
        return Spot::Key {
            typed: content.to_owned(),
            start: line_start + before.len() - content.len(),
            in_headers: parent_key(text, line_start, indent).as_deref() == Some("headers"),
        };
    }
    Spot::Elsewhere
}

/// The key of the nearest line above `line_start` that is less indented than `indent`.
fn parent_key(text: &str, line_start: usize, indent: usize) -> Option<String> {
    lines_above(text, line_start).find_map(|line| {
        let trimmed = line.trim_start();
        if trimmed.is_empty() || trimmed.starts_with('#') {
            return None;
        }
        let own = line.len() - trimmed.len();
        (own < indent).then(|| {
            trimmed
                .trim_start_matches("- ")
                .split(':')
                .next()
                .unwrap_or_default()
                .trim()
                .to_owned()
        })
    })
}

/// The lines before byte `line_start`, nearest first.
fn lines_above(text: &str, line_start: usize) -> impl Iterator<Item = &str> {
    text[..line_start].lines().rev()
}

/// The event of the action whose entry holds byte `offset`: the `event:` line of the list
/// item around it, found by indentation whether or not the document parses.
pub fn enclosing_event(text: &str, offset: usize) -> Option<Event> {
    let item = enclosing_item(text, offset)?;
    text[item].lines().find_map(|line| {
        let rest = line.trim_start().trim_start_matches("- ").trim_start();
        let value = rest.strip_prefix("event:")?;
        let value = value.split('#').next().unwrap_or_default().trim();
        Event::from_name(value.trim_matches(['"', '\'']))
    })
}

/// The byte range of the `- ` list item (an action) around `offset`: from its dash to the
/// next line indented as little or less.
pub fn enclosing_item(text: &str, offset: usize) -> Option<Range<usize>> {
    let offset = floor_boundary(text, offset);
    let mut starts = Vec::new();
    let mut at = 0;
    for line in text.split_inclusive('\n') {
        starts.push((at, line));
        at += line.len();
    }
    let current = starts
        .iter()
        .rposition(|(start, _)| *start <= offset)
        .unwrap_or(0);
    // The nearest `- ` line at or above the cursor that the cursor's line is inside.
    let cursor_indent = indentation(starts.get(current)?.1);
    let (item_index, item_indent) =
        starts[..=current]
            .iter()
            .enumerate()
            .rev()
            .find_map(|(index, (_, line))| {
                let trimmed = line.trim_start();
                let indent = indentation(line);
                let is_item = trimmed.starts_with("- ") || trimmed.trim_end() == "-";
                (is_item && (index == current || indent < cursor_indent.max(indent + 1)))
                    .then_some((index, indent))
            })?;
    let end = starts[item_index + 1..]
        .iter()
        .find(|(_, line)| {
            let trimmed = line.trim_start();
            !trimmed.trim().is_empty()
                && !trimmed.starts_with('#')
                && indentation(line) <= item_indent
        })
        .map_or(text.len(), |(start, _)| *start);
    Some(starts[item_index].0..end)
}

fn indentation(line: &str) -> usize {
    line.len() - line.trim_start_matches(' ').len()
}

/// The `${…}` around byte `offset` on its line, and the path inside it.
pub fn placeholder_around(text: &str, offset: usize) -> Option<(Range<usize>, String)> {
    let offset = floor_boundary(text, offset);
    let (line_start, before) = line_before(text, offset);
    let open = line_start + before.rfind("${")?;
    let rest = &text[open..];
    let line_end = rest.find(['\n', '\r']).unwrap_or(rest.len());
    let close = open + rest[..line_end].find('}')?;
    (offset <= close).then(|| (open..close + 1, text[open + 2..close].trim().to_owned()))
}

/// The names of the `${env.NAME}` placeholders the document uses.
pub fn env_names(text: &str) -> Vec<String> {
    let mut names = Vec::new();
    for (index, _) in text.match_indices("${") {
        let rest = text[index + 2..].trim_start();
        let Some(name) = rest.strip_prefix("env.") else {
            continue;
        };
        let name: String = name
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
            .collect();
        if !name.is_empty() && !names.contains(&name) {
            names.push(name);
        }
    }
    names
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = "actions:\n  - name: a\n    event: call_start\n    url: https://x/${callInfo.ca\n  - name: b\n    event: call_end_connected\n    headers:\n      Con\n    body: '${analysis.}'\n";

    #[test]
    fn finds_the_spot_on_a_line_being_typed() {
        let at = TEXT.find("ca\n").unwrap() + 2;
        assert_eq!(
            spot(TEXT, at),
            Spot::Placeholder {
                typed: "callInfo.ca".to_owned(),
                start: TEXT.find("callInfo.ca").unwrap()
            }
        );
        let header = TEXT.find("Con\n").unwrap() + 3;
        assert!(matches!(
            spot(TEXT, header),
            Spot::Key {
                in_headers: true,
                ..
            }
        ));
        let event = TEXT.find("call_start").unwrap() + 4;
        assert!(matches!(spot(TEXT, event), Spot::Value { key, .. } if key == "event"));
    }

    #[test]
    fn finds_the_event_of_the_enclosing_action_in_a_broken_document() {
        let first = TEXT.find("callInfo.ca").unwrap();
        assert_eq!(enclosing_event(TEXT, first), Some(Event::CallStart));
        let second = TEXT.find("analysis.").unwrap();
        assert_eq!(enclosing_event(TEXT, second), Some(Event::CallEndConnected));
    }

    #[test]
    fn finds_the_placeholder_around_the_cursor() {
        let text = "url: https://x/${ callInfo.callSid }/y";
        let inside = text.find("Sid").unwrap();
        let (range, path) = placeholder_around(text, inside).unwrap();
        assert_eq!(&text[range], "${ callInfo.callSid }");
        assert_eq!(path, "callInfo.callSid");
        assert_eq!(placeholder_around(text, text.len()), None);
    }
}
