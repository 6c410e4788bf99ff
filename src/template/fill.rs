//! The one loop that fills a template's placeholders in. Rendering calls it with the
//! payload's values; the checks call it with the sample's, and map a place in the result
//! back to the template. Both read the same result, so they cannot disagree.

use std::ops::Range;

use super::parts::{Part, Placeholder, Template};

/// A template with its placeholders filled in, and where each part landed.
#[derive(Debug, PartialEq)]
pub struct Filled {
    pub text: String,
    /// The byte range in [`Filled::text`] of each part of the template, in order.
    pub parts: Vec<Range<usize>>,
}

/// Fills each placeholder with `insert(index, placeholder)`, `index` counting the
/// placeholders from 0; the first error stops the fill.
pub fn fill<E>(
    template: &Template,
    mut insert: impl FnMut(usize, &Placeholder) -> Result<String, E>,
) -> Result<Filled, E> {
    let mut text = String::with_capacity(template.text.len());
    let mut parts = Vec::with_capacity(template.parts.len());
    let mut index = 0;
    for part in &template.parts {
        let start = text.len();
        match part {
            Part::Literal(literal) => text.push_str(literal),
            Part::Placeholder(placeholder) => {
                text.push_str(&insert(index, placeholder)?);
                index += 1;
            }
        }
        parts.push(start..text.len());
    }
    Ok(Filled { text, parts })
}

impl Filled {
    /// The range where each placeholder of `template` landed, in placeholder order.
    pub fn placeholder_ranges(&self, template: &Template) -> Vec<Range<usize>> {
        template
            .parts
            .iter()
            .zip(&self.parts)
            .filter(|(part, _)| matches!(part, Part::Placeholder(_)))
            .map(|(_, range)| range.clone())
            .collect()
    }

    /// The ranges where placeholders of `template` landed that `wanted` picks.
    pub fn ranges_of<'t>(
        &'t self,
        template: &'t Template,
        wanted: impl Fn(&Placeholder) -> bool + 't,
    ) -> impl Iterator<Item = Range<usize>> + 't {
        template
            .parts
            .iter()
            .zip(&self.parts)
            .filter_map(move |(part, range)| match part {
                Part::Placeholder(p) if wanted(p) && !range.is_empty() => Some(range.clone()),
                _ => None,
            })
    }

    /// The byte offset in `template.text` that produced byte `offset` of the filled text:
    /// the placeholder's `$` when it lands in a placeholder, else the same character of the
    /// literal (where each `${` was written `$${`).
    pub fn template_offset(&self, template: &Template, offset: usize) -> usize {
        let Some(i) = self.parts.iter().rposition(|r| r.start <= offset) else {
            return 0;
        };
        let literal_start = template.parts[..i]
            .iter()
            .rev()
            .find_map(|p| match p {
                Part::Placeholder(p) => Some(p.range.end),
                Part::Literal(_) => None,
            })
            .unwrap_or(0);
        match &template.parts[i] {
            Part::Placeholder(placeholder) => placeholder.range.start,
            Part::Literal(literal) => {
                let within = floor_char_boundary(literal, offset - self.parts[i].start);
                let escapes = literal[..within].matches("${").count();
                floor_char_boundary(&template.text, literal_start + within + escapes)
            }
        }
    }
}

fn floor_char_boundary(text: &str, index: usize) -> usize {
    let mut index = index.min(text.len());
    while !text.is_char_boundary(index) {
        index -= 1;
    }
    index
}

#[cfg(test)]
mod tests {
    use super::*;

    fn filled(text: &str) -> (Template, Filled) {
        let template = Template::parse(text).unwrap();
        let filled = fill(&template, |index, _| Ok::<_, ()>(format!("<{index}>"))).unwrap();
        (template, filled)
    }

    #[test]
    fn fills_in_order_and_remembers_each_part() {
        let (template, filled) = filled("a ${x} b ${y}");
        assert_eq!(filled.text, "a <0> b <1>");
        assert_eq!(filled.parts, [0..2, 2..5, 5..8, 8..11]);
        let ranges: Vec<_> = filled.ranges_of(&template, |_| true).collect();
        assert_eq!(ranges, [2..5, 8..11]);
    }

    #[test]
    fn maps_back_to_the_template() {
        let (template, filled) = filled("$${lit} ${x} é!");
        assert_eq!(filled.text, "${lit} <0> é!");
        // The `l` of the literal, after a `$${` that is one byte longer in the template.
        assert_eq!(filled.template_offset(&template, 2), 3);
        // Inside the placeholder's value: its `$`.
        assert_eq!(filled.template_offset(&template, 8), 8);
        // After it, in the literal: `!`.
        let bang = filled.text.find('!').unwrap();
        assert_eq!(
            filled.template_offset(&template, bang),
            template.text.find('!').unwrap()
        );
    }

    #[test]
    fn stops_at_the_first_error() {
        let template = Template::parse("${a}${b}").unwrap();
        let result = fill(&template, |index, _| {
            if index == 1 {
                Err(index)
            } else {
                Ok(String::new())
            }
        });
        assert_eq!(result, Err(1));
    }
}
