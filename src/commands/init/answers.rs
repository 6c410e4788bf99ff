//! The one check of each answer to `init`, whether it came from a flag or a prompt: at a
//! prompt the message is shown and the question asked again; for a flag it is a
//! command-line error (exit 2). Each check asks the same modules `validate` asks.

use std::time::Duration;

use crate::action::{TIMEOUT_RANGE, is_valid_name};
use crate::header;
use crate::rules::invalid_url;
use crate::template::Template;

pub fn name(name: &str, taken: &[String]) -> Result<String, String> {
    if !is_valid_name(name) {
        return Err(format!(
            "`{name}` is not a valid name: use letters, digits, `-` and `_`"
        ));
    }
    if taken.iter().any(|t| t == name) {
        return Err(format!("the file already has an action named `{name}`"));
    }
    Ok(name.to_owned())
}

pub fn url(url: &str) -> Result<String, String> {
    let template = Template::parse(url).map_err(|e| e.message)?;
    match invalid_url::problem(&template) {
        Some(problem) => Err(invalid_url::message(&template, &problem)),
        None => Ok(url.to_owned()),
    }
}

/// A timeout written as a duration (`15`, `2s`, `1m`): a whole number of seconds, in range.
pub fn timeout(text: &str) -> Result<u64, String> {
    let duration: Duration = crate::duration::parse(text)?;
    let seconds = duration.as_secs();
    let (min, max) = (TIMEOUT_RANGE.start(), TIMEOUT_RANGE.end());
    if duration.subsec_nanos() != 0 || !TIMEOUT_RANGE.contains(&seconds) {
        return Err(format!(
            "`{text}` is not a whole number of seconds from {min} to {max}"
        ));
    }
    Ok(seconds)
}

pub fn header_name(name: &str) -> Result<String, String> {
    if header::is_valid_name(name) {
        Ok(name.to_owned())
    } else {
        Err(format!(
            "`{name}` is not a valid header name: letters, digits and `-`, as in `X-Call-Id`"
        ))
    }
}

pub fn header_value(value: &str) -> Result<String, String> {
    if let Some(c) = header::forbidden_in_value(value) {
        return Err(format!(
            "the value contains {}, which a header cannot carry",
            header::describe_forbidden(c)
        ));
    }
    Template::parse(value).map_err(|e| e.message)?;
    Ok(value.to_owned())
}

/// `NAME: VALUE`, as `--header` takes it.
pub fn header(text: &str) -> Result<(String, String), String> {
    let (name, value) = text
        .split_once(':')
        .ok_or_else(|| format!("`{text}` is not NAME: VALUE"))?;
    Ok((header_name(name.trim())?, header_value(value.trim())?))
}

pub fn body(text: &str) -> Result<String, String> {
    Template::parse(text).map_err(|e| e.message)?;
    Ok(text.to_owned())
}

/// The name of an environment variable to read a credential from.
pub fn env_name(name: &str) -> Result<String, String> {
    let ok = name.starts_with(|c: char| c.is_ascii_alphabetic() || c == '_')
        && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_');
    if ok {
        Ok(name.to_owned())
    } else {
        Err("letters, digits and `_`, as in CRM_TOKEN".to_owned())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn timeouts_are_durations_of_whole_seconds() {
        assert_eq!(timeout("15"), Ok(15));
        assert_eq!(timeout("2s"), Ok(2));
        assert_eq!(timeout("1m"), Ok(60));
        for bad in ["1.5s", "500ms", "2m", "0", "x"] {
            assert!(timeout(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn headers_are_name_and_value() {
        assert_eq!(
            header("Authorization: Bearer ${env.T}"),
            Ok(("Authorization".to_owned(), "Bearer ${env.T}".to_owned()))
        );
        assert!(header("no colon").is_err());
        assert!(header("Bad Name: x").is_err());
        assert!(header("X-A: ${").is_err());
        assert!(header_value("a\u{1}b").is_err());
    }
}
