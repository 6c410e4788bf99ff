//! Reads `callactions.toml` from its TOML tree with spans: every key checked against the
//! keys its table may have (with a did-you-mean), every value against the type it must be,
//! each problem at its line and column, as the action files are checked.

use std::ops::Range;
use std::path::{Path, PathBuf};

use globset::{Glob, GlobSetBuilder};
use serde_json::Value;
use toml::Spanned;
use toml::de::{DeTable, DeValue};

use super::config::{Environment, Globs, Placed, Project, RuleOverride, Set};
use crate::diagnostic::{Diagnostic, Severity};
use crate::payload::Override;
use crate::policy::Level;
use crate::rules::{self, RULES};
use crate::source::Source;
use crate::suggestion::{closest, did_you_mean};

/// The rule id of a problem in the project file.
pub const RULE: &str = "project-file";

const TOP_KEYS: [&str; 9] = [
    "paths",
    "payload",
    "strict",
    "env-file",
    "ignore",
    "set",
    "rules",
    "overrides",
    "environments",
];
const OVERRIDE_KEYS: [&str; 2] = ["files", "rules"];
const ENVIRONMENT_KEYS: [&str; 3] = ["env-file", "payload", "set"];

pub fn read(path: &Path, root: PathBuf, source: &Source) -> (Project, Vec<Diagnostic>) {
    let mut reader = Reader {
        path,
        source,
        diagnostics: Vec::new(),
    };
    let mut project = Project {
        path: path.to_owned(),
        root,
        paths: None,
        payload: None,
        strict: None,
        env_files: None,
        ignore: None,
        sets: Vec::new(),
        rules: Vec::new(),
        overrides: Vec::new(),
        environments: Vec::new(),
    };
    match DeTable::parse(&source.text) {
        Ok(table) => reader.top(table.get_ref(), &mut project),
        Err(error) => {
            let span = error.span().unwrap_or(0..0);
            reader.problem(
                span,
                format!("invalid TOML: {}", error.message().trim_end()),
                "fix the TOML syntax here; strings are quoted, as in `payload = \"payloads\"`",
            );
        }
    }
    (project, reader.diagnostics)
}

struct Reader<'a> {
    path: &'a Path,
    source: &'a Source,
    diagnostics: Vec<Diagnostic>,
}

type Entry<'t, 'i> = (
    &'t Spanned<std::borrow::Cow<'i, str>>,
    &'t Spanned<DeValue<'i>>,
);

impl Reader<'_> {
    fn problem(&mut self, range: Range<usize>, message: String, help: &str) {
        self.diagnostics.push(Diagnostic {
            path: self.path.to_owned(),
            span: self.source.span_of(range),
            severity: Severity::Error,
            rule: RULE,
            message,
            help: help.to_owned(),
            fix: None,
            alternatives: Vec::new(),
        });
    }

    fn line(&self, range: &Range<usize>) -> usize {
        self.source.pos_at(range.start).line
    }

    /// The entries of `table` whose keys `allowed` has; the others are reported.
    fn entries<'t, 'i>(
        &mut self,
        table: &'t DeTable<'i>,
        allowed: &[&str],
        of: &str,
    ) -> Vec<Entry<'t, 'i>> {
        let mut known = Vec::new();
        for (key, value) in table.iter() {
            if allowed.contains(&key.get_ref().as_ref()) {
                known.push((key, value));
                continue;
            }
            let suggestion = closest(key.get_ref(), allowed.iter().copied());
            self.problem(
                key.span(),
                format!(
                    "unknown key `{}` in {of}{}",
                    key.get_ref(),
                    did_you_mean(suggestion)
                ),
                &format!("the keys of {of} are {}", allowed.join(", ")),
            );
        }
        known
    }

    fn top(&mut self, table: &DeTable<'_>, project: &mut Project) {
        for (key, value) in self.entries(table, &TOP_KEYS, "callactions.toml") {
            let line = self.line(&key.span());
            match key.get_ref().as_ref() {
                "paths" => {
                    project.paths = self
                        .paths(value, "paths")
                        .map(|value| Placed { value, line })
                }
                "payload" => {
                    project.payload = self
                        .path_value(value, "payload")
                        .map(|value| Placed { value, line })
                }
                "strict" => {
                    project.strict = self
                        .boolean(value, "strict")
                        .map(|value| Placed { value, line })
                }
                "env-file" => {
                    project.env_files = self
                        .paths(value, "env-file")
                        .map(|value| Placed { value, line })
                }
                "ignore" => {
                    project.ignore = self
                        .globs(value, "ignore")
                        .map(|value| Placed { value, line })
                }
                "set" => project.sets = self.sets(value, "[set]"),
                "rules" => project.rules = self.rules(value, "[rules]"),
                "overrides" => project.overrides = self.overrides(value),
                "environments" => project.environments = self.environments(value),
                _ => {}
            }
        }
    }

    fn wrong_type(&mut self, value: &Spanned<DeValue<'_>>, key: &str, wanted: &str) {
        self.problem(
            value.span(),
            format!("`{key}` must be {wanted}, not {}", kind(value.get_ref())),
            &format!("write `{key}` as {wanted}"),
        );
    }

    fn boolean(&mut self, value: &Spanned<DeValue<'_>>, key: &str) -> Option<bool> {
        match value.get_ref() {
            DeValue::Boolean(b) => Some(*b),
            _ => {
                self.wrong_type(value, key, "true or false");
                None
            }
        }
    }

    fn string(&mut self, value: &Spanned<DeValue<'_>>, key: &str) -> Option<String> {
        match value.get_ref() {
            DeValue::String(s) => Some(s.to_string()),
            _ => {
                self.wrong_type(value, key, "a string");
                None
            }
        }
    }

    fn path_value(&mut self, value: &Spanned<DeValue<'_>>, key: &str) -> Option<PathBuf> {
        self.string(value, key).map(PathBuf::from)
    }

    /// A string, or an array of strings.
    fn strings(&mut self, value: &Spanned<DeValue<'_>>, key: &str) -> Option<Vec<String>> {
        let wanted = "a string or an array of strings";
        match value.get_ref() {
            DeValue::String(s) => Some(vec![s.to_string()]),
            DeValue::Array(items) => {
                let mut strings = Vec::new();
                for item in items.iter() {
                    match item.get_ref() {
                        DeValue::String(s) => strings.push(s.to_string()),
                        _ => self.wrong_type(item, key, wanted),
                    }
                }
                Some(strings)
            }
            _ => {
                self.wrong_type(value, key, wanted);
                None
            }
        }
    }

    fn paths(&mut self, value: &Spanned<DeValue<'_>>, key: &str) -> Option<Vec<PathBuf>> {
        self.strings(value, key)
            .map(|strings| strings.into_iter().map(PathBuf::from).collect())
    }

    fn globs(&mut self, value: &Spanned<DeValue<'_>>, key: &str) -> Option<Globs> {
        let patterns = self.strings(value, key)?;
        let mut builder = GlobSetBuilder::new();
        for pattern in &patterns {
            match Glob::new(pattern) {
                Ok(glob) => {
                    builder.add(glob);
                }
                Err(error) => self.problem(
                    value.span(),
                    format!("`{pattern}` is not a glob: {}", error.kind()),
                    "globs are as in .gitignore: `actions/drafts/**`, `**/*.draft.yaml`",
                ),
            }
        }
        let set = builder.build().ok()?;
        Some(Globs { patterns, set })
    }

    fn table<'t, 'i>(
        &mut self,
        value: &'t Spanned<DeValue<'i>>,
        key: &str,
    ) -> Option<&'t DeTable<'i>> {
        match value.get_ref() {
            DeValue::Table(table) => Some(table),
            _ => {
                self.wrong_type(value, key, "a table");
                None
            }
        }
    }

    /// `[set]`: payload paths and their values. Dotted keys (`context.apiBase = …`) and
    /// quoted ones (`"context.apiBase" = …`) are the same path.
    fn sets(&mut self, value: &Spanned<DeValue<'_>>, of: &str) -> Vec<Placed<Set>> {
        let mut sets = Vec::new();
        if let Some(table) = self.table(value, of) {
            self.collect_sets(table, "", &mut sets);
        }
        sets
    }

    fn collect_sets(&mut self, table: &DeTable<'_>, prefix: &str, sets: &mut Vec<Placed<Set>>) {
        for (key, value) in table.iter() {
            let path = match prefix {
                "" => key.get_ref().to_string(),
                _ => format!("{prefix}.{}", key.get_ref()),
            };
            if let DeValue::Table(inner) = value.get_ref() {
                self.collect_sets(inner, &path, sets);
                continue;
            }
            let json = json_of(value.get_ref());
            match Override::new(&path, json.clone()) {
                Ok(read) => sets.push(Placed {
                    value: Set {
                        path,
                        value: json,
                        read,
                    },
                    line: self.line(&key.span()),
                }),
                Err(message) => self.problem(
                    key.span(),
                    message,
                    "a path names payload keys with dots, as in `callInfo.attempt`",
                ),
            }
        }
    }

    /// `[rules]` (or an override's `rules`): rule ids and levels.
    fn rules(
        &mut self,
        value: &Spanned<DeValue<'_>>,
        of: &str,
    ) -> Vec<Placed<(&'static str, Level)>> {
        let Some(table) = self.table(value, of) else {
            return Vec::new();
        };
        let mut levels = Vec::new();
        for (key, value) in table.iter() {
            let id = key.get_ref().as_ref();
            let Some(rule) = rules::find(id) else {
                let suggestion = closest(id, RULES.iter().map(|r| r.id));
                self.problem(
                    key.span(),
                    format!(
                        "{of}: no rule has the id `{id}`{}",
                        did_you_mean(suggestion)
                    ),
                    "`callactions rules` lists the rules",
                );
                continue;
            };
            let level = match value.get_ref() {
                DeValue::String(name) => Level::from_name(name),
                _ => None,
            };
            let Some(level) = level else {
                self.problem(
                    value.span(),
                    format!("the level of `{id}` must be \"off\", \"warning\" or \"error\""),
                    &format!("write `{id} = \"off\"`, `\"warning\"` or `\"error\"`"),
                );
                continue;
            };
            if rule.blocks && level != Level::Error {
                self.problem(
                    value.span(),
                    format!(
                        "`{id}` cannot be {}: its errors keep the request from being built",
                        match level {
                            Level::Off => "turned off",
                            _ => "made a warning",
                        }
                    ),
                    "fix the files instead; `callactions explain` says how",
                );
                continue;
            }
            levels.push(Placed {
                value: (rule.id, level),
                line: self.line(&key.span()),
            });
        }
        levels
    }

    /// `[[overrides]]`: `files` globs and the `rules` levels for them.
    fn overrides(&mut self, value: &Spanned<DeValue<'_>>) -> Vec<Placed<RuleOverride>> {
        let items: Vec<&Spanned<DeValue<'_>>> = match value.get_ref() {
            DeValue::Array(items) => items.iter().collect(),
            _ => {
                self.wrong_type(value, "overrides", "an array of tables (`[[overrides]]`)");
                return Vec::new();
            }
        };
        let mut overrides = Vec::new();
        for item in items {
            let Some(table) = self.table(item, "overrides") else {
                continue;
            };
            let (mut files, mut levels) = (None, Vec::new());
            for (key, value) in self.entries(table, &OVERRIDE_KEYS, "an override") {
                match key.get_ref().as_ref() {
                    "files" => files = self.globs(value, "files"),
                    _ => levels = self.rules(value, "an override's rules"),
                }
            }
            let Some(files) = files else {
                self.problem(
                    item.span(),
                    "an override without `files`".to_owned(),
                    "add the files it is for, as in `files = [\"actions/legacy/**\"]`",
                );
                continue;
            };
            overrides.push(Placed {
                value: RuleOverride {
                    files,
                    levels: levels.into_iter().map(|l| l.value).collect(),
                },
                line: self.line(&item.span()),
            });
        }
        overrides
    }

    /// `[environments.NAME]` tables.
    fn environments(&mut self, value: &Spanned<DeValue<'_>>) -> Vec<Placed<Environment>> {
        let Some(table) = self.table(value, "environments") else {
            return Vec::new();
        };
        let mut environments = Vec::new();
        for (name, value) in table.iter() {
            let of = format!("[environments.{}]", name.get_ref());
            let Some(inner) = self.table(value, &of) else {
                continue;
            };
            let mut environment = Environment {
                name: name.get_ref().to_string(),
                env_files: Vec::new(),
                payload: None,
                sets: Vec::new(),
            };
            for (key, value) in self.entries(inner, &ENVIRONMENT_KEYS, &of) {
                match key.get_ref().as_ref() {
                    "env-file" => {
                        environment.env_files = self.paths(value, "env-file").unwrap_or_default()
                    }
                    "payload" => environment.payload = self.path_value(value, "payload"),
                    _ => environment.sets = self.sets(value, &format!("{of} set")),
                }
            }
            environments.push(Placed {
                value: environment,
                line: self.line(&name.span()),
            });
        }
        environments
    }
}

/// "a string", "an integer", …: what a value is, for a message.
fn kind(value: &DeValue<'_>) -> &'static str {
    match value {
        DeValue::String(_) => "a string",
        DeValue::Integer(_) => "an integer",
        DeValue::Float(_) => "a number",
        DeValue::Boolean(_) => "a boolean",
        DeValue::Datetime(_) => "a date",
        DeValue::Array(_) => "an array",
        DeValue::Table(_) => "a table",
    }
}

/// A TOML value as the JSON value a payload holds; a date is its text.
fn json_of(value: &DeValue<'_>) -> Value {
    match value {
        DeValue::String(s) => Value::String(s.to_string()),
        DeValue::Integer(i) => i64::from_str_radix(&i.as_str().replace('_', ""), i.radix())
            .map(Value::from)
            .unwrap_or_else(|_| Value::String(i.as_str().to_owned())),
        DeValue::Float(f) => f
            .as_str()
            .replace('_', "")
            .parse::<f64>()
            .ok()
            .and_then(serde_json::Number::from_f64)
            .map_or(Value::Null, Value::Number),
        DeValue::Boolean(b) => Value::Bool(*b),
        DeValue::Datetime(d) => Value::String(d.to_string()),
        DeValue::Array(items) => Value::Array(items.iter().map(|i| json_of(i.get_ref())).collect()),
        DeValue::Table(table) => Value::Object(
            table
                .iter()
                .map(|(k, v)| (k.get_ref().to_string(), json_of(v.get_ref())))
                .collect(),
        ),
    }
}
