//! No Rust import circles: within each crate, a file that names another file's module
//! (`crate::a::b`, `super::x`, `self::x`, or a child it declares) depends on it, and no
//! chain of such dependencies may lead back to where it began. Naming a module that
//! contains the file (its parent, through `super::`) is not a dependency: a module's
//! children may use what it declares. The twin of the UI's `ui/src/imports.test.ts`;
//! `make lint` runs it.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// The crates checked: their `src` folders and root files.
const CRATES: [(&str, &str); 3] = [
    ("crates/core/src", "lib.rs"),
    ("src-tauri/src", "lib.rs"),
    ("server/src", "lib.rs"),
];

type Module = Vec<String>;

fn repository() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .map(Path::to_path_buf)
        .unwrap_or_default()
}

/// Every `.rs` file under `dir`, by its module path (`src/a/mod.rs` and `src/a.rs` are
/// `a`; the root file is the empty path). Files a `#[path]` attribute includes (tests)
/// are left out: they belong to the module that includes them.
fn modules(src: &Path, root: &str) -> BTreeMap<Module, PathBuf> {
    let mut found = BTreeMap::new();
    let mut stack = vec![src.to_path_buf()];
    while let Some(dir) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                stack.push(path);
                continue;
            }
            if path.extension().is_none_or(|e| e != "rs") {
                continue;
            }
            let relative = path.strip_prefix(src).unwrap_or(&path);
            let mut parts: Vec<String> = relative
                .iter()
                .map(|p| p.to_string_lossy().trim_end_matches(".rs").to_owned())
                .collect();
            if parts.last().is_some_and(|p| p == "mod") {
                parts.pop();
            }
            if parts == [root.trim_end_matches(".rs")] || parts == ["main"] {
                parts.clear();
            }
            let name = parts.last().map(String::as_str).unwrap_or_default();
            if name.ends_with("_tests") || name == "tests" && parts.len() > 1 {
                continue;
            }
            found.insert(parts, path);
        }
    }
    found
}

/// The paths a file names: `crate::…`, `super::…`, `self::…`, and in `use` groups
/// (`use crate::{a::b, c}`) each member, as segments.
fn named_paths(text: &str) -> Vec<Vec<String>> {
    let code: String = text
        .lines()
        .map(|line| line.split("//").next().unwrap_or_default())
        .collect::<Vec<_>>()
        .join("\n");
    let mut paths = Vec::new();
    let bytes = code.as_bytes();
    for start in ["crate::", "super::", "self::"] {
        let mut from = 0;
        while let Some(found) = code[from..].find(start) {
            let at = from + found;
            from = at + start.len();
            let before = at.checked_sub(1).map(|i| bytes[i]);
            if before.is_some_and(|b| b.is_ascii_alphanumeric() || b == b'_') {
                continue;
            }
            let head = start.trim_end_matches("::").to_owned();
            for tail in expand(&code[from..]) {
                let mut path = vec![head.clone()];
                path.extend(tail);
                paths.push(path);
            }
        }
    }
    paths
}

/// The segments after a path's first `::`, one list per member of a `{…}` group.
fn expand(rest: &str) -> Vec<Vec<String>> {
    let mut segments = Vec::new();
    let mut chars = rest.char_indices().peekable();
    let mut word = String::new();
    while let Some((i, c)) = chars.next() {
        if c.is_ascii_alphanumeric() || c == '_' {
            word.push(c);
        } else if c == ':' && chars.peek().is_some_and(|(_, n)| *n == ':') {
            chars.next();
            segments.push(std::mem::take(&mut word));
        } else if c == '{' && word.is_empty() {
            let group = &rest[i + 1..];
            let end = matching_brace(group);
            return split_top_level(&group[..end])
                .into_iter()
                .flat_map(|member| {
                    expand(&format!("{member};"))
                        .into_iter()
                        .map(|tail| segments.iter().cloned().chain(tail).collect())
                        .collect::<Vec<_>>()
                })
                .collect();
        } else {
            break;
        }
    }
    if !word.is_empty() {
        segments.push(word);
    }
    vec![segments]
}

fn matching_brace(text: &str) -> usize {
    let mut depth = 0;
    for (i, c) in text.char_indices() {
        match c {
            '{' => depth += 1,
            '}' if depth == 0 => return i,
            '}' => depth -= 1,
            _ => {}
        }
    }
    text.len()
}

fn split_top_level(group: &str) -> Vec<String> {
    let (mut members, mut current, mut depth) = (Vec::new(), String::new(), 0);
    for c in group.chars() {
        match c {
            '{' => depth += 1,
            '}' => depth -= 1,
            ',' if depth == 0 => {
                members.push(std::mem::take(&mut current));
                continue;
            }
            _ => {}
        }
        current.push(c);
    }
    members.push(current);
    members
        .into_iter()
        .map(|m| m.trim().to_owned())
        .filter(|m| !m.is_empty())
        .collect()
}

/// What each module re-exports from its children (`pub use child::{a, b};`), by name:
/// a path to `module::a` depends on the child that defines it.
type ReExports = BTreeMap<Module, BTreeMap<String, Module>>;

fn re_exports(files: &BTreeMap<Module, PathBuf>) -> ReExports {
    let mut all = ReExports::new();
    for (module, file) in files {
        let text = std::fs::read_to_string(file).unwrap_or_default();
        let mut names = BTreeMap::new();
        for statement in text.split(';') {
            let statement = statement.trim();
            let Some(rest) = statement
                .strip_prefix("pub use ")
                .or_else(|| statement.strip_prefix("pub(crate) use "))
            else {
                continue;
            };
            for path in expand(&format!("{rest};")) {
                let (Some(child), Some(name)) = (path.first(), path.last()) else {
                    continue;
                };
                let mut defining = module.clone();
                defining.push(child.clone());
                if path.len() > 1 && files.contains_key(&defining) {
                    names.insert(name.clone(), defining);
                }
            }
        }
        all.insert(module.clone(), names);
    }
    all
}

/// The module a path names, resolved from the file's module `here`: the longest
/// prefix that is a file, or the child that defines what that module re-exports.
fn target(
    here: &Module,
    path: &[String],
    files: &BTreeMap<Module, PathBuf>,
    exports: &ReExports,
) -> Option<Module> {
    let mut base: Module = match path.first().map(String::as_str) {
        Some("crate") => Vec::new(),
        Some("self") => here.clone(),
        Some("super") => here.clone(),
        _ => return None,
    };
    let mut rest = &path[1..];
    if path[0] == "super" {
        base.pop();
        while rest.first().is_some_and(|s| s == "super") {
            base.pop();
            rest = &rest[1..];
        }
    }
    let mut best = files.contains_key(&base).then(|| base.clone());
    let mut candidate = base;
    for segment in rest {
        candidate.push(segment.clone());
        if files.contains_key(&candidate) {
            best = Some(candidate.clone());
            continue;
        }
        // Not a file: an item of the module so far, perhaps one it re-exports.
        let module = &candidate[..candidate.len() - 1];
        if let Some(defining) = exports.get(module).and_then(|names| names.get(segment)) {
            best = Some(defining.clone());
        }
        break;
    }
    best
}

/// A file's dependencies: the modules it names that do not contain it.
fn dependencies(files: &BTreeMap<Module, PathBuf>) -> BTreeMap<Module, BTreeSet<Module>> {
    let exports = re_exports(files);
    let mut graph = BTreeMap::new();
    for (module, file) in files {
        let text = std::fs::read_to_string(file).unwrap_or_default();
        let mut named: Vec<Vec<String>> = named_paths(&text);
        // A child module it declares, named in a `use` (`mod x; use x::f;`).
        for line in text.lines() {
            let line = line
                .trim()
                .trim_start_matches("pub ")
                .trim_start_matches("pub(crate) ");
            if let Some(name) = line.strip_prefix("use ") {
                let first = name.split("::").next().unwrap_or_default();
                let mut child = module.clone();
                child.push(first.to_owned());
                if files.contains_key(&child) {
                    named.push(vec!["self".into(), first.to_owned()]);
                }
            }
        }
        let targets: BTreeSet<Module> = named
            .iter()
            .filter_map(|path| target(module, path, files, &exports))
            .filter(|t| t != module && !module.starts_with(t))
            .collect();
        graph.insert(module.clone(), targets);
    }
    graph
}

/// The circles of a graph: its strongly connected parts of more than one module
/// (Tarjan's algorithm).
fn circles(graph: &BTreeMap<Module, BTreeSet<Module>>) -> Vec<Vec<Module>> {
    struct Walk<'a> {
        graph: &'a BTreeMap<Module, BTreeSet<Module>>,
        index: BTreeMap<&'a Module, usize>,
        low: BTreeMap<&'a Module, usize>,
        stack: Vec<&'a Module>,
        on_stack: BTreeSet<&'a Module>,
        found: Vec<Vec<Module>>,
    }
    fn visit<'a>(walk: &mut Walk<'a>, node: &'a Module) {
        let n = walk.index.len();
        walk.index.insert(node, n);
        walk.low.insert(node, n);
        walk.stack.push(node);
        walk.on_stack.insert(node);
        let graph = walk.graph;
        for next in graph.get(node).into_iter().flatten() {
            if !walk.index.contains_key(next) {
                visit(walk, next);
                let low = walk.low[node].min(walk.low[next]);
                walk.low.insert(node, low);
            } else if walk.on_stack.contains(next) {
                let low = walk.low[node].min(walk.index[next]);
                walk.low.insert(node, low);
            }
        }
        if walk.low[node] == walk.index[node] {
            let mut part = Vec::new();
            while let Some(top) = walk.stack.pop() {
                walk.on_stack.remove(top);
                part.push(top.clone());
                if top == node {
                    break;
                }
            }
            if part.len() > 1 {
                part.sort();
                walk.found.push(part);
            }
        }
    }
    let mut walk = Walk {
        graph,
        index: BTreeMap::new(),
        low: BTreeMap::new(),
        stack: Vec::new(),
        on_stack: BTreeSet::new(),
        found: Vec::new(),
    };
    for node in graph.keys() {
        if !walk.index.contains_key(node) {
            visit(&mut walk, node);
        }
    }
    walk.found
}

#[test]
fn no_crate_has_an_import_circle() {
    let mut report = Vec::new();
    for (src, root) in CRATES {
        let files = modules(&repository().join(src), root);
        assert!(files.len() > 10, "{src}: its files are found");
        let graph = dependencies(&files);
        let name = |m: &Module| {
            if m.is_empty() {
                root.to_owned()
            } else {
                m.join("/")
            }
        };
        for circle in circles(&graph) {
            let names: Vec<String> = circle.iter().map(name).collect();
            report.push(format!("{src}: {}", names.join(", ")));
            // Each dependency inside the circle, to see which to turn around.
            for from in &circle {
                for to in graph[from].iter().filter(|t| circle.contains(t)) {
                    report.push(format!("    {} -> {}", name(from), name(to)));
                }
            }
        }
    }
    assert!(report.is_empty(), "import circles:\n{}", report.join("\n"));
}

#[test]
fn the_check_finds_a_circle_and_reads_use_groups() {
    let files: BTreeMap<Module, PathBuf> = [vec![], vec!["a".into()], vec!["b".into()]]
        .into_iter()
        .map(|m| (m, PathBuf::new()))
        .collect();
    let a = vec!["a".to_owned()];
    assert_eq!(
        named_paths("use crate::{a::X, b};")
            .iter()
            .filter_map(|p| target(&a, p, &files, &ReExports::new()))
            .collect::<Vec<_>>(),
        [vec!["a".to_owned()], vec!["b".to_owned()]]
    );
    // `super::f`, where the parent re-exports `f` from a sibling: that sibling.
    let nested: BTreeMap<Module, PathBuf> = [
        vec!["h".to_owned()],
        vec!["h".to_owned(), "x".to_owned()],
        vec!["h".to_owned(), "y".to_owned()],
    ]
    .into_iter()
    .map(|m| (m, PathBuf::new()))
    .collect();
    let exports: ReExports = [(
        vec!["h".to_owned()],
        [("f".to_owned(), vec!["h".to_owned(), "y".to_owned()])].into(),
    )]
    .into();
    let x = vec!["h".to_owned(), "x".to_owned()];
    assert_eq!(
        named_paths("fn g() { super::f() }")
            .iter()
            .filter_map(|p| target(&x, p, &nested, &exports))
            .collect::<Vec<_>>(),
        [vec!["h".to_owned(), "y".to_owned()]]
    );
    let graph: BTreeMap<Module, BTreeSet<Module>> = [
        (vec!["a".into()], [vec!["b".into()]].into()),
        (vec!["b".into()], [vec!["a".into()]].into()),
    ]
    .into();
    assert_eq!(circles(&graph).len(), 1);
}
