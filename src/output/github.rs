//! GitHub Actions workflow commands: an annotation per finding on the pull request's diff.

use std::io::{self, Write};

use crate::diagnostic::{Diagnostic, Severity};

pub fn annotations(out: &mut dyn Write, diagnostics: &[Diagnostic]) -> io::Result<()> {
    for d in diagnostics {
        let command = match d.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        let mut properties = vec![
            ("file", d.path.display().to_string()),
            ("line", d.span.start.line.to_string()),
            ("col", d.span.start.column.to_string()),
        ];
        if d.span.end.line == d.span.start.line {
            properties.push(("endColumn", d.span.end.column.to_string()));
        }
        properties.push(("title", format!("callactions [{}]", d.rule)));
        let properties: Vec<String> = properties
            .into_iter()
            .map(|(key, value)| format!("{key}={}", escape_property(&value)))
            .collect();
        let message = format!("{}\nhelp: {}", d.message, d.help);
        writeln!(
            out,
            "::{command} {}::{}",
            properties.join(","),
            escape_data(&message)
        )?;
    }
    Ok(())
}

/// A notice for a clean run, so the job's summary says what was checked.
pub fn notice(out: &mut dyn Write, message: &str) -> io::Result<()> {
    writeln!(out, "::notice title=callactions::{}", escape_data(message))
}

/// The runner's escaping of a message: `%`, CR and LF.
pub fn escape_data(text: &str) -> String {
    text.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// The runner's escaping of a property value: as a message, plus `:` and `,`.
pub fn escape_property(text: &str) -> String {
    escape_data(text).replace(':', "%3A").replace(',', "%2C")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes() {
        assert_eq!(escape_data("100% done\r\nnext"), "100%25 done%0D%0Anext");
        assert_eq!(escape_property("a:b,c%\n"), "a%3Ab%2Cc%25%0A");
    }
}
