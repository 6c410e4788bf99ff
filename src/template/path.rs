use std::fmt;

/// A dot path into the payload: `callInfo.callSid`, `analysis.results.items.0.name`.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct VarPath(Vec<Segment>);

#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Segment {
    /// A name: `[A-Za-z_][A-Za-z0-9_-]*`.
    Key(String),
    /// An array index: digits.
    Index(usize),
}

/// Why a path is not a valid path, and at which byte of it.
#[derive(Debug, PartialEq)]
pub struct PathError {
    pub offset: usize,
    pub message: String,
}

impl VarPath {
    pub fn new(segments: Vec<Segment>) -> VarPath {
        VarPath(segments)
    }

    pub fn segments(&self) -> &[Segment] {
        &self.0
    }

    /// Parses a dot path, as written inside `${…}` (without the blanks) or on `--set`.
    pub fn parse(text: &str) -> Result<VarPath, PathError> {
        if text.is_empty() {
            return Err(PathError {
                offset: 0,
                message: "the path is empty".to_owned(),
            });
        }
        let mut segments = Vec::new();
        let mut offset = 0;
        for raw in text.split('.') {
            segments.push(Segment::parse(raw).map_err(|message| PathError { offset, message })?);
            offset += raw.len() + 1;
        }
        Ok(VarPath(segments))
    }
}

impl Segment {
    fn parse(raw: &str) -> Result<Segment, String> {
        let mut chars = raw.chars();
        match chars.next() {
            None => Err("a segment is empty (two dots in a row, or a dot at an end)".to_owned()),
            Some(c) if c.is_ascii_digit() => {
                if !raw.chars().all(|c| c.is_ascii_digit()) {
                    return Err(format!(
                        "`{raw}` is not a valid segment: a name cannot start with a digit, and an index is digits only"
                    ));
                }
                raw.parse()
                    .map(Segment::Index)
                    .map_err(|_| format!("index `{raw}` is too large"))
            }
            Some(c) if c.is_ascii_alphabetic() || c == '_' => {
                match chars.find(|c| !(c.is_ascii_alphanumeric() || *c == '_' || *c == '-')) {
                    Some(bad) => Err(format!(
                        "`{raw}` is not a valid segment: `{bad}` is not allowed in a name (letters, digits, `_` and `-`)"
                    )),
                    None => Ok(Segment::Key(raw.to_owned())),
                }
            }
            Some(c) => Err(format!(
                "`{raw}` is not a valid segment: a name starts with a letter or `_`, not `{c}`"
            )),
        }
    }
}

impl fmt::Display for VarPath {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, segment) in self.0.iter().enumerate() {
            if i > 0 {
                f.write_str(".")?;
            }
            match segment {
                Segment::Key(key) => f.write_str(key)?,
                Segment::Index(index) => write!(f, "{index}")?,
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_names_and_indices() {
        let path = VarPath::parse("analysis.results.items.0.first-name").unwrap();
        assert_eq!(path.segments().len(), 5);
        assert_eq!(path.segments()[3], Segment::Index(0));
        assert_eq!(path.to_string(), "analysis.results.items.0.first-name");
    }

    #[test]
    fn refuses_bad_segments() {
        for (text, offset) in [
            ("a..b", 2),
            ("1a", 0),
            ("a.-b", 2),
            ("a.", 2),
            (".a", 0),
            ("a.b c", 2),
        ] {
            let err = VarPath::parse(text).unwrap_err();
            assert_eq!(err.offset, offset, "{text}: {}", err.message);
        }
    }
}
