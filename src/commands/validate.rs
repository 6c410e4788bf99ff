use std::io::Write;

use crate::cli::{ValidateArgs, ValidateFormat};
use crate::error::{Error, exit};
use crate::output::diagnostics::{self, plural};
use crate::output::{Streams, github, sarif};
use crate::request::process_env;
use crate::rules::{self, Context, RULES};
use crate::suggestion::closest;
use crate::validate::validate;

pub fn run(args: ValidateArgs, streams: &mut Streams) -> Result<i32, Error> {
    for id in &args.ignore {
        if rules::find(id).is_none() {
            let suggestion = closest(id, RULES.iter().map(|r| r.id));
            return Err(Error::Usage {
                message: format!(
                    "--ignore {id}: no rule has this id{}",
                    crate::suggestion::did_you_mean(suggestion)
                ),
                help: "the README lists every rule".to_owned(),
            });
        }
    }
    let ignored: Vec<&str> = args.ignore.iter().map(String::as_str).collect();
    let context = Context { env: &process_env };
    let report = validate(&args.paths, &context, &ignored)?;
    let found = &report.diagnostics;

    let out = &mut streams.out;
    match args.format {
        ValidateFormat::Human => {
            diagnostics::human(out, streams.out_paint, found, &report.sources)?;
            let files = report.files;
            if found.is_empty() {
                writeln!(
                    out,
                    "{}",
                    streams
                        .out_paint
                        .success(&format!("no problems in {}", plural(files, "file")))
                )?;
            } else {
                writeln!(out, "{}", diagnostics::summary(found, files))?;
            }
        }
        ValidateFormat::Json => diagnostics::json(out, found)?,
        ValidateFormat::Github => github::annotations(out, found)?,
        ValidateFormat::Sarif => sarif::report(out, found)?,
    }
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
