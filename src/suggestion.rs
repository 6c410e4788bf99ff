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
        .map(|candidate| (distance(&lowered, &candidate.to_lowercase()), candidate))
        .filter(|(distance, candidate)| {
            let longest = input.chars().count().max(candidate.chars().count());
            *distance <= (longest / 3).max(2)
        })
        .min_by_key(|(distance, _)| *distance)
        .map(|(_, candidate)| candidate)
}

/// [`closest`], when no other candidate is as close: what a fix may apply without
/// guessing.
pub fn only_closest<'a>(
    input: &str,
    candidates: impl IntoIterator<Item = &'a str> + Clone,
) -> Option<&'a str> {
    let best = closest(input, candidates.clone())?;
    let lowered = input.to_lowercase();
    let at = distance(&lowered, &best.to_lowercase());
    let ties = candidates
        .into_iter()
        .filter(|c| *c != input && *c != best)
        .any(|c| distance(&lowered, &c.to_lowercase()) == at);
    (!ties).then_some(best)
}

/// The candidate that `input` is most likely a slip of: at most one edit in four
/// letters (`sumary` for `summary`, `customerID` for `customerId`). Stricter than
/// [`closest`], for where a miss is a warning on a name that may well be meant.
pub fn slip_of<'a>(input: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let lowered = input.to_lowercase();
    let length = input.chars().count();
    let allowed = (length / 4).max(1);
    candidates
        .into_iter()
        .filter(|candidate| *candidate != input)
        // Lengths further apart than the edits allowed cannot be a slip.
        .filter(|candidate| candidate.chars().count().abs_diff(length) <= allowed)
        .map(|candidate| (distance(&lowered, &candidate.to_lowercase()), candidate))
        .filter(|(distance, _)| *distance <= allowed)
        .min_by_key(|(distance, _)| *distance)
        .map(|(_, candidate)| candidate)
}

/// Edit distance counting an insertion, a deletion, a substitution or a swap of two
/// neighbours as one edit (optimal string alignment): `snyc` is one edit from `sync`.
pub fn distance(a: &str, b: &str) -> usize {
    strsim::osa_distance(a, b)
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
        assert_eq!(distance("", "abc"), 3);
        assert_eq!(distance("kitten", "sitting"), 3);
        assert_eq!(distance("méthod", "method"), 1);
        assert_eq!(distance("snyc", "sync"), 1);
    }

    #[test]
    fn slips() {
        let keys = ["summary", "interested", "customerId"];
        assert_eq!(slip_of("sumary", keys), Some("summary"));
        assert_eq!(slip_of("customerID", keys), Some("customerId"));
        assert_eq!(slip_of("interestLevel", keys), None);
        assert_eq!(slip_of("tier", keys), None);
    }

    #[test]
    fn suggestions() {
        let keys = [
            "name", "event", "method", "url", "timeout", "headers", "body",
        ];
        assert_eq!(closest("header", keys), Some("headers"));
        assert_eq!(closest("methd", keys), Some("method"));
        assert_eq!(closest("URL", keys), Some("url"));
        assert_eq!(closest("zzzzzz", keys), None);
        assert_eq!(
            closest("crm-snyc", ["crm-sync", "crm-log"]),
            Some("crm-sync")
        );
        assert_eq!(
            closest("call_ended", crate::event::Event::names()),
            Some("call_end")
        );
    }
}
