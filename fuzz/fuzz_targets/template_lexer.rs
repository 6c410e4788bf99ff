//! The template lexer never panics, and every placeholder it finds lies within the text,
//! in order, starting at a `${`.
#![no_main]

use callactions::template::{Part, lex};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    match lex(text) {
        Err(error) => {
            assert!(error.range.start <= error.range.end && error.range.end <= text.len());
            assert!(text[error.range.start..].starts_with("${"));
        }
        Ok(parts) => {
            let mut at = 0;
            for part in parts {
                if let Part::Placeholder(p) = part {
                    assert!(at <= p.range.start && p.range.end <= text.len());
                    assert!(text[p.range.start..].starts_with("${"));
                    at = p.range.end;
                }
            }
        }
    }
});
