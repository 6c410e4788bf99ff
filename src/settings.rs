//! What a command runs with: the command line over the chosen environment over the
//! project file over the defaults, each value with where it came from (`callactions
//! config` shows them).

use std::path::{Path, PathBuf};

use crate::env_file::Environment;
use crate::error::Error;
use crate::payload::Override;
use crate::policy::Policy;
use crate::project::{self, Globs, Project};
use crate::rules::{self, RULES};
use crate::suggestion::{closest, did_you_mean, join_and};

/// What the command line says about the settings (the front end's flags, by meaning).
#[derive(Debug, Default)]
pub struct Flags {
    pub paths: Vec<PathBuf>,
    pub payload: Option<PathBuf>,
    pub sets: Vec<Override>,
    pub env_files: Vec<PathBuf>,
    pub environment: Option<String>,
    /// `--config FILE`; without it the project file is looked for from `from`.
    pub config: Option<PathBuf>,
    /// Where to look for the project file from (default: the current folder).
    pub from: Option<PathBuf>,
    pub strict: bool,
    pub ignore: Vec<String>,
}

/// Where a setting came from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Origin {
    Default,
    /// A command-line flag, by its name.
    Flag(&'static str),
    /// The project file, at this line.
    Project(usize),
    /// The chosen environment of the project file, at this line.
    Environment {
        name: String,
        line: usize,
    },
}

#[derive(Clone, Debug)]
pub struct Sourced<T> {
    pub value: T,
    pub origin: Origin,
}

fn sourced<T>(value: T, origin: Origin) -> Sourced<T> {
    Sourced { value, origin }
}

/// A `--set` value with its text, for showing it.
#[derive(Clone, Debug)]
pub struct SetValue {
    pub text: String,
    pub read: Override,
}

#[derive(Debug)]
pub struct Settings {
    pub project: Option<Project>,
    /// The project file was named with `--config`, rather than found.
    pub project_named: bool,
    pub environment: Option<Sourced<String>>,
    /// Empty: the default file (`./callactions.yaml`).
    pub paths: Sourced<Vec<PathBuf>>,
    pub payload: Option<Sourced<PathBuf>>,
    /// In the order they apply: a later value of a path wins.
    pub sets: Vec<Sourced<SetValue>>,
    pub env_files: Vec<Sourced<PathBuf>>,
    pub env: Environment,
    pub strict: Sourced<bool>,
    pub ignored: Vec<&'static str>,
}

impl Settings {
    pub fn resolve(flags: Flags) -> Result<Settings, Error> {
        let project = match &flags.config {
            Some(path) => Some(project::load(path)?),
            None => match flags
                .from
                .clone()
                .or_else(|| std::env::current_dir().ok())
                .and_then(|start| project::find(&start))
            {
                Some(path) => Some(project::load(&path)?),
                None => None,
            },
        };
        let environment = chosen_environment(project.as_ref(), flags.environment.as_deref())?;
        let mut settings = Settings {
            environment: flags
                .environment
                .clone()
                .map(|name| sourced(name, Origin::Flag("--environment"))),
            paths: paths(&flags, project.as_ref()),
            payload: payload(&flags, project.as_ref(), environment.as_ref()),
            sets: sets(&flags, project.as_ref(), environment.as_ref()),
            env_files: env_files(&flags, project.as_ref(), environment.as_ref()),
            env: Environment::default(),
            strict: match (
                flags.strict,
                project.as_ref().and_then(|p| p.strict.as_ref()),
            ) {
                (true, _) => sourced(true, Origin::Flag("--strict")),
                (false, Some(strict)) => sourced(strict.value, Origin::Project(strict.line)),
                (false, None) => sourced(false, Origin::Default),
            },
            ignored: ignored_rules(&flags.ignore)?,
            project_named: flags.config.is_some(),
            project,
        };
        for file in &settings.env_files {
            settings.env.read(&file.value)?;
        }
        Ok(settings)
    }

    /// Reads an environment variable: the process's, else the env files'.
    pub fn env_lookup(&self) -> impl Fn(&str) -> Option<String> + Sync + '_ {
        |name| self.env.get(name)
    }

    /// The policy findings are judged by in this run.
    pub fn policy<'a>(&'a self, env: &'a (dyn Fn(&str) -> Option<String> + Sync)) -> Policy<'a> {
        let mut policy = Policy::new(env);
        policy.strict = self.strict.value;
        policy.ignored = self.ignored.clone();
        if let Some(project) = &self.project {
            policy.levels = project.rules.iter().map(|r| r.value).collect();
            policy.overrides = project.file_levels();
        }
        policy
    }

    /// Whether a file found in a folder is left out (the project file's `ignore`).
    pub fn skip(&self) -> impl Fn(&Path) -> bool + '_ {
        let ignore = self.project.as_ref().and_then(|p| {
            p.ignore
                .as_ref()
                .map(|ignore| (p.root.as_path(), &ignore.value))
        });
        move |path| ignore.is_some_and(|(root, globs): (&Path, &Globs)| globs.matches(root, path))
    }

    /// The `--set` values, in the order they apply.
    pub fn overrides(&self) -> Vec<Override> {
        self.sets.iter().map(|s| s.value.read.clone()).collect()
    }
}

/// The environment `--environment` names, which the project file must have.
fn chosen_environment(
    project: Option<&Project>,
    name: Option<&str>,
) -> Result<Option<project::Placed<project::Environment>>, Error> {
    let Some(name) = name else {
        return Ok(None);
    };
    let Some(project) = project else {
        return Err(Error::Usage {
            message: format!("--environment {name}: there is no project file"),
            help: format!(
                "environments are defined in {} (`[environments.{name}]`), found in this folder or a parent",
                project::FILE_NAME
            ),
        });
    };
    if let Some(environment) = project.environment(name) {
        return Ok(Some(environment.clone()));
    }
    let names: Vec<String> = project
        .environments
        .iter()
        .map(|e| format!("`{}`", e.value.name))
        .collect();
    let suggestion = closest(
        name,
        project.environments.iter().map(|e| e.value.name.as_str()),
    );
    Err(Error::Usage {
        message: format!(
            "--environment {name}: {} has no such environment{}",
            project.path.display(),
            did_you_mean(suggestion)
        ),
        help: match names.is_empty() {
            true => format!("define it as `[environments.{name}]`"),
            false => format!("its environments are {}", join_and(&names)),
        },
    })
}

/// `path` as the user would write it from the current folder: relative when it is below.
fn from_here(path: PathBuf) -> PathBuf {
    let relative = std::env::current_dir()
        .ok()
        .and_then(|cwd| path.strip_prefix(cwd).ok().map(Path::to_owned));
    match relative {
        Some(relative) if relative.as_os_str().is_empty() => PathBuf::from("."),
        Some(relative) => relative,
        None => path,
    }
}

fn paths(flags: &Flags, project: Option<&Project>) -> Sourced<Vec<PathBuf>> {
    if !flags.paths.is_empty() {
        return sourced(flags.paths.clone(), Origin::Flag("PATHS"));
    }
    match project.and_then(|p| p.paths.as_ref().map(|paths| (p, paths))) {
        Some((project, paths)) => sourced(
            paths
                .value
                .iter()
                .map(|p| from_here(project.resolve(p)))
                .collect(),
            Origin::Project(paths.line),
        ),
        None => sourced(Vec::new(), Origin::Default),
    }
}

fn environment_origin(environment: &project::Placed<project::Environment>) -> Origin {
    Origin::Environment {
        name: environment.value.name.clone(),
        line: environment.line,
    }
}

fn payload(
    flags: &Flags,
    project: Option<&Project>,
    environment: Option<&project::Placed<project::Environment>>,
) -> Option<Sourced<PathBuf>> {
    if let Some(payload) = &flags.payload {
        return Some(sourced(payload.clone(), Origin::Flag("--payload")));
    }
    let project = project?;
    if let Some(environment) = environment
        && let Some(payload) = &environment.value.payload
    {
        return Some(sourced(
            from_here(project.resolve(payload)),
            environment_origin(environment),
        ));
    }
    project.payload.as_ref().map(|payload| {
        sourced(
            from_here(project.resolve(&payload.value)),
            Origin::Project(payload.line),
        )
    })
}

fn sets(
    flags: &Flags,
    project: Option<&Project>,
    environment: Option<&project::Placed<project::Environment>>,
) -> Vec<Sourced<SetValue>> {
    let of = |set: &project::Set| SetValue {
        text: format!("{} = {}", set.path, set.value),
        read: set.read.clone(),
    };
    let mut sets = Vec::new();
    if let Some(project) = project {
        sets.extend(
            project
                .sets
                .iter()
                .map(|s| sourced(of(&s.value), Origin::Project(s.line))),
        );
    }
    if let Some(environment) = environment {
        sets.extend(environment.value.sets.iter().map(|s| {
            sourced(
                of(&s.value),
                Origin::Environment {
                    name: environment.value.name.clone(),
                    line: s.line,
                },
            )
        }));
    }
    sets.extend(flags.sets.iter().map(|set| {
        sourced(
            SetValue {
                text: format!("{} = {}", set.path, set.value),
                read: set.clone(),
            },
            Origin::Flag("--set"),
        )
    }));
    sets
}

/// The env files, in the order read (a later one wins): the project's (`env-file`, or a
/// `.env` in its folder — the current folder without a project — when there is one), the
/// environment's, then `--env-file`.
fn env_files(
    flags: &Flags,
    project: Option<&Project>,
    environment: Option<&project::Placed<project::Environment>>,
) -> Vec<Sourced<PathBuf>> {
    let mut files = Vec::new();
    match project.and_then(|p| p.env_files.as_ref().map(|files| (p, files))) {
        Some((project, listed)) => files.extend(
            listed
                .value
                .iter()
                .map(|f| sourced(from_here(project.resolve(f)), Origin::Project(listed.line))),
        ),
        None => {
            let folder = project.map_or_else(|| PathBuf::from("."), |p| p.root.clone());
            let dotenv = folder.join(".env");
            if dotenv.is_file() {
                files.push(sourced(from_here(dotenv), Origin::Default));
            }
        }
    }
    if let (Some(project), Some(environment)) = (project, environment) {
        files.extend(environment.value.env_files.iter().map(|f| {
            sourced(
                from_here(project.resolve(f)),
                environment_origin(environment),
            )
        }));
    }
    files.extend(
        flags
            .env_files
            .iter()
            .map(|f| sourced(f.clone(), Origin::Flag("--env-file"))),
    );
    files
}

/// The rules of `--ignore`: each must exist, and none may be one whose errors keep the
/// request from being built.
fn ignored_rules(ids: &[String]) -> Result<Vec<&'static str>, Error> {
    let mut ignored = Vec::new();
    for id in ids {
        let Some(rule) = rules::find(id) else {
            let suggestion = closest(id, RULES.iter().map(|r| r.id));
            return Err(Error::Usage {
                message: format!(
                    "--ignore {id}: no rule has this id{}",
                    did_you_mean(suggestion)
                ),
                help: "`callactions rules` lists the rules".to_owned(),
            });
        };
        if rule.blocks {
            return Err(Error::Usage {
                message: format!(
                    "--ignore {id}: `{id}` cannot be ignored, since it keeps the request from being built"
                ),
                help: "fix the file instead; `callactions explain` says how".to_owned(),
            });
        }
        ignored.push(rule.id);
    }
    Ok(ignored)
}
