use super::common;
use crate::cli::{ValidateArgs, ValidateFormat};
use crate::error::{Error, exit};
use crate::output::diagnostics::{self, plural};
use crate::output::{Streams, github, sarif};
use crate::validate::validate;

pub fn run(args: ValidateArgs, streams: &mut Streams) -> Result<i32, Error> {
    let settings = common::settings(&args.paths, None, &args.findings, &args.project)?;
    let env = settings.env_lookup();
    let policy = settings.policy(&env);
    let mut report = validate(&settings.paths.value, &policy, &settings.skip())?;
    if args.fix {
        let fixed = super::fix::apply(&report, &policy, args.dry_run, streams)?;
        // The verdict is of the files as they are now.
        if fixed.findings > 0 && !args.dry_run {
            report = validate(&settings.paths.value, &policy, &settings.skip())?;
        }
    }
    common::report_skipped(&report.skipped, streams)?;
    let found = &report.diagnostics;
    let quiet = args.findings.quiet;
    let clean = format!("no problems in {}", plural(report.files, "file"));
    streams.out(|out, paint| match args.format {
        ValidateFormat::Human => {
            diagnostics::human(out, paint, found, &report.sources)?;
            // A clean verdict is not said of a run that could not read every path.
            match (quiet, found.is_empty(), report.unreadable.is_empty()) {
                (true, _, _) => Ok(()),
                (false, true, true) => writeln!(out, "{}", paint.success(&clean)),
                (false, _, _) => writeln!(out, "{}", diagnostics::summary(found, report.files)),
            }
        }
        ValidateFormat::Json => diagnostics::json(out, found, &report.sources),
        ValidateFormat::Github => {
            github::annotations(out, found)?;
            match quiet || !found.is_empty() || !report.unreadable.is_empty() {
                true => Ok(()),
                false => github::notice(out, &clean),
            }
        }
        ValidateFormat::Sarif => sarif::report(out, found, &report.sources),
    })?;
    for error in &report.unreadable {
        streams.error(&error.to_string())?;
    }
    Ok(if !report.unreadable.is_empty() {
        exit::FATAL
    } else if found.iter().any(|d| d.is_error()) {
        exit::PROBLEMS
    } else {
        exit::OK
    })
}
