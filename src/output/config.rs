//! `callactions config`: the settings a command runs with, each with where it came from.
//! Env files are shown by the names they set, never by their values.

use std::io::{self, Write};

use serde_json::{Value, json};

use super::paint::Paint;
use super::text::visible;
use crate::policy::Level;
use crate::project::Project;
use crate::settings::{Origin, Settings};

/// "callactions.toml:4", "--set", "environment staging, callactions.toml:12", "default".
pub fn origin(origin: &Origin, project: Option<&Project>) -> String {
    let file = || project.map_or_else(String::new, |p| p.path.display().to_string());
    match origin {
        Origin::Default => "default".to_owned(),
        Origin::Flag(flag) => flag.to_string(),
        Origin::Project(line) => format!("{}:{line}", file()),
        Origin::Environment { name, line } => format!("environment {name}, {}:{line}", file()),
    }
}

/// One setting per line: name, value, and where it came from.
pub fn human(out: &mut dyn Write, paint: Paint, settings: &Settings) -> io::Result<()> {
    let project = settings.project.as_ref();
    let mut lines: Vec<(&str, String, String)> = Vec::new();
    let from = |o: &Origin| origin(o, project);
    lines.push((
        "project file",
        project.map_or_else(|| "none".to_owned(), |p| p.path.display().to_string()),
        match (project, settings.project_named) {
            (Some(_), true) => "--config".to_owned(),
            (Some(_), false) => "found from the current folder".to_owned(),
            (None, _) => "no callactions.toml here or in a parent folder".to_owned(),
        },
    ));
    if let Some(environment) = &settings.environment {
        lines.push((
            "environment",
            environment.value.clone(),
            from(&environment.origin),
        ));
    }
    let paths = match settings.paths.value.is_empty() {
        true => "./callactions.yaml".to_owned(),
        false => join_paths(&settings.paths.value),
    };
    lines.push(("paths", paths, from(&settings.paths.origin)));
    match &settings.payload {
        Some(payload) => lines.push((
            "payload",
            payload.value.display().to_string(),
            from(&payload.origin),
        )),
        None => lines.push((
            "payload",
            "each event's sample".to_owned(),
            "default".to_owned(),
        )),
    }
    for set in &settings.sets {
        lines.push(("set", set.value.text.clone(), from(&set.origin)));
    }
    for (index, file) in settings.env_files.iter().enumerate() {
        let names = settings
            .env
            .files
            .get(index)
            .map(|(_, names)| names.join(", "))
            .unwrap_or_default();
        let value = match names.is_empty() {
            true => file.value.display().to_string(),
            false => format!("{} (sets {names})", file.value.display()),
        };
        lines.push(("env file", value, from(&file.origin)));
    }
    lines.push((
        "strict",
        settings.strict.value.to_string(),
        from(&settings.strict.origin),
    ));
    if let Some(project) = project {
        lines.extend(policy_lines(project));
    }
    for id in &settings.ignored {
        lines.push((
            "rule",
            format!("{id} = {}", Level::Off.name()),
            "--ignore".to_owned(),
        ));
    }
    let width = lines
        .iter()
        .map(|(name, _, _)| name.len())
        .max()
        .unwrap_or(0)
        + 2;
    for (name, value, origin) in lines {
        writeln!(
            out,
            "{}{}{}  {}",
            paint.bold(name),
            " ".repeat(width - name.len()),
            visible(&value),
            paint.dim(&format!("({})", visible(&origin)))
        )?;
    }
    Ok(())
}

/// The rule levels, overrides and ignored files the project file sets.
fn policy_lines(project: &Project) -> Vec<(&'static str, String, String)> {
    let mut lines = Vec::new();
    for rule in &project.rules {
        let (id, level) = rule.value;
        lines.push((
            "rule",
            format!("{id} = {}", level.name()),
            origin(&Origin::Project(rule.line), Some(project)),
        ));
    }
    for o in &project.overrides {
        let levels: Vec<String> = o
            .value
            .levels
            .iter()
            .map(|(id, l)| format!("{id} = {}", l.name()))
            .collect();
        lines.push((
            "override",
            format!(
                "{}: {}",
                o.value.files.patterns.join(", "),
                levels.join(", ")
            ),
            origin(&Origin::Project(o.line), Some(project)),
        ));
    }
    if let Some(ignore) = &project.ignore {
        lines.push((
            "ignore",
            ignore.value.patterns.join(", "),
            origin(&Origin::Project(ignore.line), Some(project)),
        ));
    }
    lines
}

fn join_paths(paths: &[std::path::PathBuf]) -> String {
    paths
        .iter()
        .map(|p| p.display().to_string())
        .collect::<Vec<_>>()
        .join(", ")
}

pub fn json(out: &mut dyn Write, settings: &Settings) -> io::Result<()> {
    let project = settings.project.as_ref();
    let sourced = |value: Value, o: &Origin| json!({"value": value, "from": origin(o, project)});
    let mut rules = Vec::new();
    let mut overrides = Vec::new();
    let mut ignore = Value::Null;
    if let Some(project) = project {
        for rule in &project.rules {
            let (id, level) = rule.value;
            rules.push(json!({"rule": id, "level": level.name(), "from": origin(&Origin::Project(rule.line), Some(project))}));
        }
        for o in &project.overrides {
            let levels: serde_json::Map<String, Value> = o
                .value
                .levels
                .iter()
                .map(|(id, level)| (id.to_string(), Value::from(level.name())))
                .collect();
            overrides.push(json!({"files": o.value.files.patterns, "rules": levels, "from": origin(&Origin::Project(o.line), Some(project))}));
        }
        if let Some(globs) = &project.ignore {
            ignore = sourced(json!(globs.value.patterns), &Origin::Project(globs.line));
        }
    }
    for id in &settings.ignored {
        rules.push(json!({"rule": id, "level": "off", "from": "--ignore"}));
    }
    let env_files: Vec<Value> = settings
        .env_files
        .iter()
        .enumerate()
        .map(|(index, file)| {
            let names = settings
                .env
                .files
                .get(index)
                .map(|(_, n)| n.clone())
                .unwrap_or_default();
            json!({"path": file.value, "sets": names, "from": origin(&file.origin, project)})
        })
        .collect();
    let value = json!({
        "project": project.map(|p| p.path.clone()),
        "environment": settings.environment.as_ref().map(|e| sourced(json!(e.value), &e.origin)),
        "paths": sourced(json!(settings.paths.value), &settings.paths.origin),
        "payload": settings.payload.as_ref().map(|p| sourced(json!(p.value), &p.origin)),
        "set": settings.sets.iter().map(|s| sourced(json!(s.value.text), &s.origin)).collect::<Vec<_>>(),
        "env_files": env_files,
        "strict": sourced(json!(settings.strict.value), &settings.strict.origin),
        "rules": rules,
        "overrides": overrides,
        "ignore": ignore,
    });
    serde_json::to_writer_pretty(&mut *out, &value)?;
    writeln!(out)
}
