use crate::cli::DataFormat;
use crate::error::{Error, exit};
use crate::output::{Streams, rules};
use crate::rules::{self as rule_table, RULES, examples};
use crate::suggestion::{closest, did_you_mean};

pub fn run(id: &str, format: DataFormat, streams: &mut Streams) -> Result<i32, Error> {
    let rule = rule_table::find(id).ok_or_else(|| Error::Usage {
        message: format!(
            "no rule has the id `{id}`{}",
            did_you_mean(closest(id, RULES.iter().map(|r| r.id)))
        ),
        help: "`callactions rules` lists the rules".to_owned(),
    })?;
    let (bad, good) = examples::of(rule.id).unwrap_or_default();
    streams.out(|out, paint| match format {
        DataFormat::Human => rules::explain(out, paint, rule, bad, good),
        DataFormat::Json => rules::explain_json(out, rule, bad, good),
    })?;
    Ok(exit::OK)
}
