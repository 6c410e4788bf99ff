//! "Did you mean …?" for names the user mistyped.

/// The candidate closest to `input`, if it is close enough to be what the user meant.
///
/// Case differences cost nothing extra to spot (`callsid` → `callSid`), and the distance
/// allowed grows with the length of the word, so short words don't match everything.
pub fn closest<'a>(input: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let lowered = input.to_lowercase();
    candidates
        .into_iter()
        .filter(|candidate| *candidate != input)
        .map(|candidate| {
            let distance = if candidate.to_lowercase() == lowered {
                0
            } else {
                levenshtein(&lowered, &candidate.to_lowercase()) + 1
            };
            (distance, candidate)
        })
        .filter(|(distance, candidate)| {
            let longest = input.chars().count().max(candidate.chars().count());
            *distance <= (longest / 3).max(2)
        })
        .min_by_key(|(distance, _)| *distance)
        .map(|(_, candidate)| candidate)
}

pub fn levenshtein(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut previous: Vec<usize> = (0..=b.len()).collect();
    let mut current = vec![0; b.len() + 1];
    for (i, ca) in a.chars().enumerate() {
        current[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let substitution = previous[j] + usize::from(ca != *cb);
            current[j + 1] = substitution.min(previous[j + 1] + 1).min(current[j] + 1);
        }
        std::mem::swap(&mut previous, &mut current);
    }
    previous[b.len()]
}

/// "`a`, `b` and `c`".
pub fn join_and(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}

/// " (did you mean `x`?)", or nothing.
pub fn did_you_mean(suggestion: Option<&str>) -> String {
    suggestion.map_or_else(String::new, |s| format!(" (did you mean `{s}`?)"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn distances() {
        assert_eq!(levenshtein("", "abc"), 3);
        assert_eq!(levenshtein("kitten", "sitting"), 3);
        assert_eq!(levenshtein("méthod", "method"), 1);
    }

    #[test]
    fn suggestions() {
        let keys = ["name", "event", "method", "url", "timeout", "headers", "body"];
        assert_eq!(closest("header", keys), Some("headers"));
        assert_eq!(closest("methd", keys), Some("method"));
        assert_eq!(closest("URL", keys), Some("url"));
        assert_eq!(closest("zzzzzz", keys), None);
        assert_eq!(
            closest("call_ended", crate::event::Event::names()),
            Some("call_end")
        );
    }
}
