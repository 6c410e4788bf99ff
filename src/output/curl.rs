//! `render --format curl`: one curl command per action that sends what `fire` sends,
//! quoted for POSIX `sh` (and so bash and zsh), one argument per word.
//!
//! A `${env.NAME}` value is written as `"$NAME"`, so the pasted command reads the same
//! environment and no secret is printed; other credentials stay `****` unless
//! `--show-secrets`. curl's own additions are taken back (`Accept: */*`, a form
//! Content-Type for `--data-raw`), URL globbing is off, and HTTP/1.1 is asked for.

use std::io::{self, Write};
use std::ops::Range;

use crate::request::{Field, Request};
use crate::secrets::{MASK, Reveal};

pub fn commands(out: &mut dyn Write, requests: &[&Request], reveal: Reveal) -> io::Result<()> {
    for request in requests {
        command(out, request, reveal)?;
    }
    Ok(())
}

fn command(out: &mut dyn Write, request: &Request, reveal: Reveal) -> io::Result<()> {
    writeln!(out, "# {} ({})", request.action, request.event)?;
    for name in encoded(request, reveal) {
        writeln!(
            out,
            "# ${name} is inserted encoded for its place, so it is shown as {MASK}: write its encoded value there"
        )?;
    }
    let body = request.body.as_deref();
    let nul = body.is_some_and(|b| b.contains('\0'));
    if nul {
        // A shell argument cannot carry a NUL byte; printf can write one to curl's input.
        write!(out, "printf {} | ", printf_format(request, reveal))?;
    }
    write!(
        out,
        "curl --globoff --http1.1 --request {} --max-time {} {}",
        request.method,
        request.timeout,
        word(request, Field::Url, "", reveal)
    )?;
    for (index, (name, value)) in request.headers.iter().enumerate() {
        // `Name;` is curl's way to send a header with an empty value.
        let header = if value.is_empty() {
            sh_quote(&format!("{name};"))
        } else {
            word(request, Field::Header(index), &format!("{name}: "), reveal)
        };
        write!(out, " \\\n  --header {header}")?;
    }
    if request.header("accept").is_none() {
        write!(out, " \\\n  --header 'Accept:'")?;
    }
    if body.is_some() && request.header("content-type").is_none() {
        write!(out, " \\\n  --header 'Content-Type:'")?;
    }
    match body {
        Some(_) if nul => write!(out, " \\\n  --data-binary @-")?,
        Some(_) => write!(
            out,
            " \\\n  --data-raw {}",
            word(request, Field::Body, "", reveal)
        )?,
        None => {}
    }
    writeln!(out)
}

/// A piece of a field's text, as the command writes it.
#[derive(Debug, PartialEq)]
enum Piece<'t> {
    Text(&'t str),
    Env(&'t str),
    Masked,
}

/// A field as pieces: `${env.…}` values inserted as they are become variables, what
/// else is secret is masked.
fn pieces<'r>(request: &'r Request, field: Field, reveal: Reveal) -> Vec<Piece<'r>> {
    let text = request.field(field);
    if reveal == Reveal::Show {
        return vec![Piece::Text(text)];
    }
    let mut marks: Vec<(Range<usize>, Option<&str>)> = request
        .secrets
        .env
        .iter()
        .filter(|e| e.field == field && e.as_is)
        .map(|e| (e.range.clone(), Some(e.name.as_str())))
        .collect();
    // In a header, what else is secret is a credential written in the file; in the URL
    // and the body, only values from the environment are secret, and a value encoded
    // for its place cannot be a variable.
    let secret: Vec<Range<usize>> = match field {
        Field::Header(_) => request.masked_ranges(field).to_vec(),
        Field::Url | Field::Body => request
            .secrets
            .env
            .iter()
            .filter(|e| e.field == field && !e.as_is)
            .map(|e| e.range.clone())
            .collect(),
    };
    for masked in secret {
        let mut rest = vec![masked];
        for (env, _) in marks.iter().filter(|(_, name)| name.is_some()) {
            rest = rest.into_iter().flat_map(|r| subtract(r, env)).collect();
        }
        marks.extend(rest.into_iter().map(|r| (r, None)));
    }
    marks.retain(|(r, _)| !r.is_empty() && r.end <= text.len());
    marks.sort_by_key(|(r, _)| r.start);
    let mut pieces = Vec::new();
    let mut at = 0;
    for (range, name) in marks {
        if range.start < at
            || !text.is_char_boundary(range.start)
            || !text.is_char_boundary(range.end)
        {
            continue;
        }
        if range.start > at {
            pieces.push(Piece::Text(&text[at..range.start]));
        }
        pieces.push(name.map_or(Piece::Masked, Piece::Env));
        at = range.end;
    }
    if at < text.len() {
        pieces.push(Piece::Text(&text[at..]));
    }
    pieces
}

/// `range` without the part that `cut` covers.
fn subtract(range: Range<usize>, cut: &Range<usize>) -> Vec<Range<usize>> {
    if cut.end <= range.start || cut.start >= range.end {
        return vec![range];
    }
    [range.start..cut.start, cut.end..range.end]
        .into_iter()
        .filter(|r| r.start < r.end)
        .collect()
}

/// One shell word for a field, after `prefix`: quoted text and `"$NAME"` side by side.
fn word(request: &Request, field: Field, prefix: &str, reveal: Reveal) -> String {
    let mut word = String::new();
    let mut text = String::from(prefix);
    for piece in pieces(request, field, reveal) {
        match piece {
            Piece::Text(part) => text.push_str(part),
            Piece::Masked => text.push_str(MASK),
            Piece::Env(name) => {
                if !text.is_empty() {
                    word.push_str(&sh_quote(&std::mem::take(&mut text)));
                }
                word.push_str(&format!("\"${name}\""));
            }
        }
    }
    if !text.is_empty() || word.is_empty() {
        word.push_str(&sh_quote(&text));
    }
    word
}

/// The names of `${env.…}` values that were encoded for their place, so a variable
/// cannot stand for them.
fn encoded(request: &Request, reveal: Reveal) -> Vec<&str> {
    if reveal == Reveal::Show {
        return Vec::new();
    }
    let mut names: Vec<&str> = request
        .secrets
        .env
        .iter()
        .filter(|e| !e.as_is)
        .map(|e| e.name.as_str())
        .collect();
    names.dedup();
    names
}

/// The body as a `printf` format: every byte that is not printable ASCII as an octal
/// escape, and `%` and `\` doubled.
fn printf_format(request: &Request, reveal: Reveal) -> String {
    let mut format = String::new();
    for piece in pieces(request, Field::Body, reveal) {
        match piece {
            Piece::Text(text) => {
                let mut escaped = String::new();
                for byte in text.bytes() {
                    match byte {
                        b'%' => escaped.push_str("%%"),
                        b'\\' => escaped.push_str("\\\\"),
                        b' '..=b'~' => escaped.push(char::from(byte)),
                        other => escaped.push_str(&format!("\\{other:03o}")),
                    }
                }
                format.push_str(&sh_quote(&escaped));
            }
            Piece::Env(name) => format.push_str(&format!("\"${name}\"")),
            Piece::Masked => format.push_str(&sh_quote(MASK)),
        }
    }
    format
}

/// Single quotes keep every character as it is in `sh`, but a single quote itself,
/// which closes the quotes, is written as `'\''`.
pub fn sh_quote(text: &str) -> String {
    format!("'{}'", text.replace('\'', r"'\''"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quotes_for_sh() {
        assert_eq!(sh_quote("a b"), "'a b'");
        assert_eq!(sh_quote("it's"), r"'it'\''s'");
        assert_eq!(sh_quote("$HOME `x` \"q\" \\"), r#"'$HOME `x` "q" \'"#);
    }

    #[test]
    fn subtracts_ranges() {
        assert_eq!(subtract(0..10, &(3..5)), [0..3, 5..10]);
        assert_eq!(subtract(0..10, &(0..10)), Vec::<Range<usize>>::new());
        assert_eq!(subtract(0..4, &(6..8)), vec![(0..4)]);
    }
}
