//! CI thresholds of a load run: `--max-lost 0.1%`, `--max-p99 2s`, `--max-p99 crm-sync=1s`.
//! A run that breaks one fails, naming it.

use std::time::Duration;

use super::Finished;

#[derive(Clone, Debug, PartialEq)]
pub enum Threshold {
    /// The share of requests lost, from 0 to 1.
    MaxLost(f64),
    /// The 99th percentile of latency, of all requests or of one action's.
    MaxP99 {
        action: Option<String>,
        limit: Duration,
    },
}

/// A threshold the run broke, with what was measured.
#[derive(Clone, Debug, PartialEq)]
pub struct Broken {
    pub threshold: String,
    pub measured: String,
}

impl Threshold {
    /// Reads `--max-lost 0.1%` (or `0.001`).
    pub fn max_lost(text: &str) -> Result<Threshold, String> {
        let (number, percent) = match text.trim().strip_suffix('%') {
            Some(number) => (number, true),
            None => (text.trim(), false),
        };
        let value: f64 = number
            .parse()
            .map_err(|_| format!("`{text}` is not a share; write it as 0.1%"))?;
        let share = if percent { value / 100.0 } else { value };
        if !(0.0..=1.0).contains(&share) {
            return Err(format!("`{text}` is not a share from 0% to 100%"));
        }
        Ok(Threshold::MaxLost(share))
    }

    /// Reads `--max-p99 2s` or `--max-p99 crm-sync=1s`.
    pub fn max_p99(text: &str) -> Result<Threshold, String> {
        let (action, limit) = match text.split_once('=') {
            Some((action, limit)) => (Some(action.trim().to_owned()), limit),
            None => (None, text),
        };
        let limit = crate::duration::parse(limit)?;
        Ok(Threshold::MaxP99 { action, limit })
    }

    pub fn describe(&self) -> String {
        match self {
            Threshold::MaxLost(share) => format!("--max-lost {}%", trim(share * 100.0)),
            Threshold::MaxP99 {
                action: None,
                limit,
            } => format!("--max-p99 {}", flag(*limit)),
            Threshold::MaxP99 {
                action: Some(action),
                limit,
            } => format!("--max-p99 {action}={}", flag(*limit)),
        }
    }

    /// Whether the run broke it, and by how much.
    pub fn check(&self, run: &Finished) -> Option<Broken> {
        let broken = |measured: String| Broken {
            threshold: self.describe(),
            measured,
        };
        match self {
            Threshold::MaxLost(share) => {
                let lost = run.stats.total.lost_share();
                (lost > *share).then(|| broken(format!("{}% lost", trim(lost * 100.0))))
            }
            Threshold::MaxP99 { action, limit } => {
                let tally = match action {
                    None => Some(&run.stats.total),
                    Some(name) => run.stats.actions.get(name),
                };
                let p99 = tally.map(|t| t.percentile(0.99))?;
                (p99 > *limit).then(|| {
                    let of = action
                        .as_ref()
                        .map_or_else(String::new, |a| format!(" of {a}"));
                    broken(format!("p99{of} {}", millis(p99)))
                })
            }
        }
    }
}

fn trim(value: f64) -> String {
    let text = format!("{value:.3}");
    text.trim_end_matches('0').trim_end_matches('.').to_owned()
}

/// A duration as the flag takes it: `250ms`, `2s`.
fn flag(duration: Duration) -> String {
    millis(duration).replace(' ', "")
}

pub fn millis(duration: Duration) -> String {
    let ms = duration.as_secs_f64() * 1000.0;
    match ms >= 1000.0 {
        true => format!("{} s", trim(ms / 1000.0)),
        false => format!("{} ms", trim(ms)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_thresholds() {
        assert_eq!(Threshold::max_lost("0.1%"), Ok(Threshold::MaxLost(0.001)));
        assert_eq!(Threshold::max_lost("0.02"), Ok(Threshold::MaxLost(0.02)));
        assert!(Threshold::max_lost("150%").is_err());
        assert_eq!(
            Threshold::max_p99("crm-sync=1s"),
            Ok(Threshold::MaxP99 {
                action: Some("crm-sync".to_owned()),
                limit: Duration::from_secs(1)
            })
        );
        assert_eq!(
            Threshold::max_p99("250ms").unwrap().describe(),
            "--max-p99 250ms"
        );
    }
}
