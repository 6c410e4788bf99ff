use crate::cli::{ValidateArgs, ValidateFormat};
use crate::error::{Error, exit};
use crate::output::diagnostics::{self, plural};
use crate::output::{Streams, github, sarif};
use crate::request::process_env;
use crate::rules::{self, Context, RULES};
use crate::suggestion::{closest, did_you_mean};
use crate::validate::validate;

pub fn run(args: ValidateArgs, streams: &mut Streams) -> Result<i32, Error> {
    for id in &args.ignore {
        if rules::find(id).is_none() {
            let suggestion = closest(id, RULES.iter().map(|r| r.id));
            return Err(Error::Usage {
                message: format!(
                    "--ignore {id}: no rule has this id{}",
                    did_you_mean(suggestion)
                ),
                help: "the README lists every rule".to_owned(),
            });
        }
    }
    let ignored: Vec<&str> = args.ignore.iter().map(String::as_str).collect();
    let context = Context { env: &process_env };
    let report = validate(&args.paths, &context, &ignored)?;
    let found = &report.diagnostics;

    streams.out(|out, paint| match args.format {
        ValidateFormat::Human => {
            diagnostics::human(out, paint, found, &report.sources)?;
            if found.is_empty() {
                let line = format!("no problems in {}", plural(report.files, "file"));
                writeln!(out, "{}", paint.success(&line))
            } else {
                writeln!(out, "{}", diagnostics::summary(found, report.files))
            }
        }
        ValidateFormat::Json => diagnostics::json(out, found),
        ValidateFormat::Github => github::annotations(out, found),
        ValidateFormat::Sarif => sarif::report(out, found),
    })?;
    for error in &report.unreadable {
        streams.error(&error.to_string())?;
    }

    let failing = found.iter().any(|d| d.is_error() || args.strict);
    Ok(if !report.unreadable.is_empty() {
        exit::FATAL
    } else if failing {
        exit::PROBLEMS
    } else {
        exit::OK
    })
}
