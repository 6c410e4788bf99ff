//! The layers of `src/` hold: the domain never looks up at the printer or the commands,
//! and no two files import each other, directly or through others. Read from the source
//! text, so a new import that breaks a layer fails here, naming it.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use crate::harness::root;

/// Files of the front: what parses the command line, runs commands and prints.
fn is_front(file: &str) -> bool {
    file.starts_with("commands/")
        || file.starts_with("output/")
        || file.starts_with("cli/")
        || file.starts_with("lsp/")
        || matches!(file, "lib.rs" | "main.rs")
}

#[test]
fn the_domain_never_imports_the_front() {
    let graph = graph();
    let mut wrong = Vec::new();
    for (file, imports) in &graph {
        if is_front(file) {
            continue;
        }
        for import in imports.iter().filter(|i| is_front(i)) {
            wrong.push(format!("{file} imports {import}"));
        }
    }
    assert!(
        wrong.is_empty(),
        "the domain looks up at the front:\n{}",
        wrong.join("\n")
    );
}

#[test]
fn no_files_import_each_other() {
    let graph = graph();
    let cycles = cycles(&graph);
    assert!(
        cycles.is_empty(),
        "import cycles between files:\n{}",
        cycles
            .iter()
            .map(|c| c.join(" → "))
            .collect::<Vec<_>>()
            .join("\n")
    );
}

/// Each file of `src/` (relative path) with the files it imports.
fn graph() -> BTreeMap<String, BTreeSet<String>> {
    let src = root().join("src");
    let mut sources = BTreeMap::new();
    collect(&src, &src, &mut sources);
    let files: BTreeSet<String> = sources.keys().cloned().collect();
    sources
        .iter()
        .map(|(file, text)| (file.clone(), imports(file, text, &files)))
        .collect()
}

fn collect(src: &Path, dir: &Path, out: &mut BTreeMap<String, String>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            collect(src, &path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            let relative = path
                .strip_prefix(src)
                .unwrap()
                .to_string_lossy()
                .replace('\\', "/");
            out.insert(relative, std::fs::read_to_string(&path).unwrap());
        }
    }
}

/// The module path of a file: `rules/mod.rs` is `rules`, `rules/rule.rs` is `rules::rule`.
fn module_of(file: &str) -> Vec<String> {
    let mut segments: Vec<String> = file
        .trim_end_matches(".rs")
        .split('/')
        .map(str::to_owned)
        .collect();
    if segments.last().is_some_and(|s| s == "mod") || matches!(file, "lib.rs" | "main.rs") {
        segments.pop();
    }
    segments
}

/// The file a module path lands in: the longest prefix that is a file.
fn resolve(path: &[String], files: &BTreeSet<String>) -> String {
    for n in (1..=path.len()).rev() {
        let joined = path[..n].join("/");
        for candidate in [format!("{joined}.rs"), format!("{joined}/mod.rs")] {
            if files.contains(&candidate) {
                return candidate;
            }
        }
    }
    "lib.rs".to_owned()
}

fn imports(file: &str, text: &str, files: &BTreeSet<String>) -> BTreeSet<String> {
    let code = code_of(text);
    let module = module_of(file);
    let children = declared_modules(&code);
    let mut paths: Vec<String> = Vec::new();
    for statement in use_statements(&code) {
        paths.extend(expand(&statement));
    }
    paths.extend(inline_paths(&code));
    let mut found = BTreeSet::new();
    for path in paths {
        let segments: Vec<String> = path
            .split("::")
            .map(|s| s.trim().to_owned())
            .filter(|s| !s.is_empty() && s != "self" && s != "*")
            .collect();
        let Some(first) = segments.first() else {
            continue;
        };
        let absolute: Vec<String> = match first.as_str() {
            "crate" => segments[1..].to_vec(),
            // `super` is the parent of the module, for `a/b.rs` and `a/mod.rs` alike.
            "super" => {
                let mut parent = module[..module.len().saturating_sub(1)].to_vec();
                parent.extend(segments[1..].iter().cloned());
                parent
            }
            child if children.contains(child) => {
                let mut inside = module.clone();
                inside.extend(segments.iter().cloned());
                inside
            }
            _ => continue,
        };
        if absolute.is_empty() {
            // `crate::{a, b}` read from the middle: its items are read from the `use`.
            continue;
        }
        let target = resolve(&absolute, files);
        if target != file {
            found.insert(target);
        }
    }
    found
}

/// The code of a file without its tests and comments.
fn code_of(text: &str) -> String {
    let text = text.split("#[cfg(test)]").next().unwrap_or_default();
    text.lines()
        .map(|line| match line.find("//") {
            Some(at) => &line[..at],
            None => line,
        })
        .collect::<Vec<_>>()
        .join("\n")
}

fn declared_modules(code: &str) -> BTreeSet<String> {
    code.lines()
        .filter_map(|line| {
            let line = line
                .trim()
                .trim_start_matches("pub ")
                .trim_start_matches("pub(crate) ");
            let name = line.strip_prefix("mod ")?.strip_suffix(';')?;
            Some(name.trim().to_owned())
        })
        .collect()
}

/// The trees of `use …;` statements: `crate::a::{b, c::{d}}`.
fn use_statements(code: &str) -> Vec<String> {
    let mut statements = Vec::new();
    let mut rest = code;
    while let Some(at) = find_word(rest, "use ") {
        let after = &rest[at + 4..];
        let end = after.find(';').unwrap_or(after.len());
        statements.push(after[..end].to_owned());
        rest = &after[end..];
    }
    statements
}

fn find_word(text: &str, word: &str) -> Option<usize> {
    let mut from = 0;
    while let Some(found) = text[from..].find(word) {
        let at = from + found;
        let before = text[..at].chars().last();
        if before.is_none_or(|c| !(c.is_alphanumeric() || c == '_')) {
            return Some(at);
        }
        from = at + word.len();
    }
    None
}

/// `a::{b, c::{d, e}}` as `a::b`, `a::c::d`, `a::c::e`.
fn expand(tree: &str) -> Vec<String> {
    let tree: String = tree.split_whitespace().collect::<Vec<_>>().join(" ");
    let Some(open) = tree.find('{') else {
        return vec![
            tree.split(" as ")
                .next()
                .unwrap_or_default()
                .trim()
                .to_owned(),
        ];
    };
    let prefix = &tree[..open];
    let inner = tree[open + 1..].trim_end().trim_end_matches('}');
    let mut items = Vec::new();
    let (mut depth, mut current) = (0, String::new());
    for c in inner.chars() {
        match c {
            '{' => depth += 1,
            '}' => depth -= 1,
            ',' if depth == 0 => {
                items.push(std::mem::take(&mut current));
                continue;
            }
            _ => {}
        }
        current.push(c);
    }
    items.push(current);
    items
        .iter()
        .filter(|item| !item.trim().is_empty())
        .flat_map(|item| expand(item.trim()))
        .map(|item| format!("{prefix}{item}"))
        .collect()
}

/// Paths written in the code outside `use`: `crate::a::b(…)`, `super::c::D`.
fn inline_paths(code: &str) -> Vec<String> {
    let mut paths = Vec::new();
    let bytes = code.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let is_start = i == 0
            || !(bytes[i - 1].is_ascii_alphanumeric()
                || bytes[i - 1] == b'_'
                || bytes[i - 1] == b':');
        if is_start && (bytes[i].is_ascii_alphabetic() || bytes[i] == b'_') {
            let end = (i..bytes.len())
                .find(|&j| {
                    !(bytes[j].is_ascii_alphanumeric() || bytes[j] == b'_' || bytes[j] == b':')
                })
                .unwrap_or(bytes.len());
            let path = &code[i..end];
            if path.contains("::") {
                paths.push(path.trim_end_matches(':').to_owned());
            }
            i = end;
        } else {
            i += 1;
        }
    }
    paths
}

/// The cycles of the graph (its strongly connected components of more than one file).
fn cycles(graph: &BTreeMap<String, BTreeSet<String>>) -> Vec<Vec<String>> {
    let mut order = Vec::new();
    let mut seen = BTreeSet::new();
    for file in graph.keys() {
        finish_order(file, graph, &mut seen, &mut order);
    }
    let mut reversed: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
    for (file, imports) in graph {
        for import in imports {
            reversed
                .entry(import.as_str())
                .or_default()
                .push(file.as_str());
        }
    }
    let mut assigned = BTreeSet::new();
    let mut components = Vec::new();
    for file in order.iter().rev() {
        if assigned.contains(file.as_str()) {
            continue;
        }
        let mut component = Vec::new();
        let mut stack = vec![file.as_str()];
        while let Some(next) = stack.pop() {
            if assigned.insert(next) {
                component.push(next.to_owned());
                stack.extend(reversed.get(next).into_iter().flatten().copied());
            }
        }
        if component.len() > 1 {
            component.sort();
            components.push(component);
        }
    }
    components
}

fn finish_order(
    file: &str,
    graph: &BTreeMap<String, BTreeSet<String>>,
    seen: &mut BTreeSet<String>,
    order: &mut Vec<String>,
) {
    if !seen.insert(file.to_owned()) {
        return;
    }
    for import in graph.get(file).into_iter().flatten() {
        finish_order(import, graph, seen, order);
    }
    order.push(file.to_owned());
}

#[test]
fn the_reader_finds_imports_and_cycles() {
    let files: BTreeSet<String> = ["a.rs", "b/mod.rs", "b/c.rs", "lib.rs"]
        .map(str::to_owned)
        .into();
    let found = imports(
        "b/c.rs",
        "use crate::a::{X, Y};\nuse super::Z;\n// crate::nothing\nfn f() { crate::a::g(); }\n",
        &files,
    );
    assert_eq!(found, ["a.rs", "b/mod.rs"].map(str::to_owned).into());
    let mut graph = BTreeMap::new();
    graph.insert("a.rs".to_owned(), BTreeSet::from(["b/c.rs".to_owned()]));
    graph.insert("b/c.rs".to_owned(), BTreeSet::from(["a.rs".to_owned()]));
    graph.insert("lib.rs".to_owned(), BTreeSet::from(["a.rs".to_owned()]));
    assert_eq!(
        cycles(&graph),
        [vec!["a.rs".to_owned(), "b/c.rs".to_owned()]]
    );
}
