//! The runtime crate's layers, as its module documentation states them
//! (`api-error/src/lib.rs`, "Layers"): no module uses one from a layer
//! above its own.
//!
//! The check reads the sources: every path that names the crate
//! (`crate::…`, `$crate::…`, `super::…`, `self::…`, and a `use` of a child
//! module), with its `{…}` groups expanded, resolved through the `pub use`
//! re-exports to the module that defines the item. A `pub use` itself is
//! not a use: it only says where users find a thing. Inline modules count
//! when they open at the start of a line and close with a `}` alone on
//! one, as rustfmt writes them.

use std::collections::BTreeMap;
use std::fs;
use std::path::Path;

/// One module: its path (`format::flat`, `crate` for the root) and the
/// lines of code that belong to it (comments left out), numbered.
struct Module {
    path: String,
    file: String,
    lines: Vec<(usize, String)>,
}

/// The modules of the crate whose sources are in `src`, inline ones
/// included.
fn modules(src: &Path) -> Vec<Module> {
    let mut files = Vec::new();
    let mut dirs = vec![src.to_path_buf()];
    while let Some(dir) = dirs.pop() {
        for entry in fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                dirs.push(path);
            } else if path.extension().is_some_and(|ext| ext == "rs") {
                files.push(path);
            }
        }
    }
    files.sort();
    let mut modules = Vec::new();
    for file in files {
        let relative = file.strip_prefix(src).unwrap().with_extension("");
        let relative = relative.to_str().unwrap().replace('\\', "/");
        let path = match relative.as_str() {
            "lib" => "crate".to_owned(),
            // Mounted with `#[path = "private.rs"] pub mod __private`.
            "private" => "__private".to_owned(),
            other => other.trim_end_matches("/mod").replace('/', "::"),
        };
        let text = fs::read_to_string(&file).unwrap();
        let mut own = Module {
            path: path.clone(),
            file: relative.clone(),
            lines: Vec::new(),
        };
        let mut inline: Option<Module> = None;
        for (number, line) in text.lines().enumerate() {
            let code = line.trim_start();
            if code.starts_with("//") {
                continue;
            }
            if let Some(name) = inline_module(line) {
                inline = Some(Module {
                    path: format!("{path}::{name}"),
                    file: relative.clone(),
                    lines: Vec::new(),
                });
                continue;
            }
            if line == "}"
                && let Some(done) = inline.take()
            {
                modules.push(done);
                continue;
            }
            let lines = match &mut inline {
                Some(module) => &mut module.lines,
                None => &mut own.lines,
            };
            lines.push((number + 1, code.to_owned()));
        }
        modules.push(own);
    }
    modules
}

/// The name of the inline module `line` opens, if it opens one at the
/// start of the line.
fn inline_module(line: &str) -> Option<&str> {
    let rest = line
        .strip_prefix("pub(crate) mod ")
        .or_else(|| line.strip_prefix("pub mod "))
        .or_else(|| line.strip_prefix("mod "))?;
    rest.strip_suffix(" {")
}

/// The statements of a module, one per `;` at the end of a line or per
/// line otherwise: enough to keep a `use` and its `{…}` groups together.
fn statements(module: &Module) -> Vec<(usize, String)> {
    let mut statements = Vec::new();
    let mut open: Option<(usize, String)> = None;
    for (number, line) in &module.lines {
        let (start, mut text) = open.take().unwrap_or((*number, String::new()));
        text.push_str(line);
        text.push(' ');
        let is_use = text.starts_with("use ") || text.starts_with("pub ") && text.contains(" use ");
        if is_use && !line.ends_with(';') {
            open = Some((start, text));
        } else {
            statements.push((start, text));
        }
    }
    statements
}

/// Expands `a::{b, c::{d, e}}` into `a::b`, `a::c::d`, `a::c::e`.
fn expand(path: &str) -> Vec<String> {
    let Some(open) = path.find('{') else {
        return vec![path.trim().to_owned()];
    };
    let (prefix, group) = (&path[..open], &path[open + 1..]);
    let group = group.strip_suffix('}').unwrap_or(group);
    let mut items = Vec::new();
    let (mut depth, mut start) = (0, 0);
    for (i, c) in group.char_indices() {
        match c {
            '{' => depth += 1,
            '}' => depth -= 1,
            ',' if depth == 0 => {
                items.push(&group[start..i]);
                start = i + 1;
            }
            _ => {}
        }
    }
    items.push(&group[start..]);
    items
        .into_iter()
        .map(str::trim)
        .filter(|item| !item.is_empty())
        .flat_map(|item| expand(&format!("{prefix}{item}")))
        .collect()
}

/// The paths into this crate that a statement of `module` names, absolute
/// (`format::json::Object`); `children` are the modules' paths, for a
/// `use` of a child module without `self::`.
fn paths_in(statement: &str, module: &str, modules: &[String]) -> Vec<String> {
    let parent = |path: &str| match path.rsplit_once("::") {
        Some((parent, _)) => parent.to_owned(),
        None => "crate".to_owned(),
    };
    let mut found = Vec::new();
    let is_path_char = |c: char| c.is_alphanumeric() || c == '_' || c == ':';
    let chars: Vec<(usize, char)> = statement.char_indices().collect();
    let mut i = 0;
    while i < chars.len() {
        let (at, _) = chars[i];
        let rest = &statement[at..];
        let starts_word = i == 0 || !is_path_char(chars[i - 1].1) && chars[i - 1].1 != '$';
        let root = ["$crate::", "crate::", "super::", "self::"]
            .into_iter()
            .find(|root| rest.starts_with(root) && (starts_word || root.starts_with('$')));
        let Some(root) = root else {
            i += 1;
            continue;
        };
        // The path runs to the end of its `{…}` group, if it has one.
        let mut end = 0;
        let mut depth = 0;
        for (j, c) in rest.char_indices() {
            match c {
                '{' => depth += 1,
                '}' if depth > 0 => depth -= 1,
                c if depth == 0 && !(is_path_char(c) || c == '{') => break,
                _ => {}
            }
            end = j + c.len_utf8();
            if depth == 0 && c == '}' {
                break;
            }
        }
        let text = &rest[..end];
        for path in expand(text) {
            let path = path.split(" as ").next().unwrap_or_default().trim();
            let Some(tail) = path.strip_prefix(root) else {
                continue;
            };
            let base = match root {
                "super::" => parent(module),
                "self::" => module.to_owned(),
                _ => "crate".to_owned(),
            };
            found.push(normalize(&format!("{base}::{tail}")));
        }
        i += text.chars().count().max(1);
    }
    // `use child::Item;` names a child module without `self::`.
    if let Some(used) = statement
        .strip_prefix("use ")
        .or_else(|| statement.strip_prefix("pub(crate) use "))
        .or_else(|| statement.strip_prefix("pub use "))
    {
        let used = used.trim().trim_end_matches(';');
        let first = used.split("::").next().unwrap_or_default();
        let child = if module == "crate" {
            first.to_owned()
        } else {
            format!("{module}::{first}")
        };
        let rooted = ["crate", "$crate", "self", "super"].contains(&first);
        if !rooted && modules.contains(&child) {
            for path in expand(used) {
                let path = path
                    .split(" as ")
                    .next()
                    .unwrap_or_default()
                    .trim()
                    .to_owned();
                found.push(if module == "crate" {
                    path
                } else {
                    format!("{module}::{path}")
                });
            }
        }
    }
    found
}

/// `path` without its `crate`, `super` and `self` segments, each `super`
/// taking the segment before it away: `crate::a::b::super::c` is `a::c`.
fn normalize(path: &str) -> String {
    let mut segments: Vec<&str> = Vec::new();
    for segment in path.split("::") {
        match segment {
            "crate" | "self" | "" => {}
            "super" => {
                segments.pop();
            }
            other => segments.push(other),
        }
    }
    segments.join("::")
}

/// The module that defines what `path` names: the longest module prefix,
/// followed through the `pub use`s of that module.
fn defining_module(path: &str, modules: &[String], reexports: &BTreeMap<String, String>) -> String {
    let mut path = path.to_owned();
    for _ in 0..8 {
        let segments: Vec<&str> = path.split("::").collect();
        let module = (1..=segments.len())
            .rev()
            .map(|n| segments[..n].join("::"))
            .find(|prefix| modules.contains(prefix))
            .unwrap_or_else(|| "crate".to_owned());
        let depth = if module == "crate" {
            0
        } else {
            module.split("::").count()
        };
        let Some(item) = segments.get(depth) else {
            return module;
        };
        let key = format!("{module}::{item}");
        match reexports.get(&key) {
            Some(source) if *source != path => {
                let rest = segments.get(depth + 1..).unwrap_or_default();
                path = std::iter::once(source.as_str())
                    .chain(rest.iter().copied())
                    .collect::<Vec<_>>()
                    .join("::");
            }
            _ => return module,
        }
    }
    path
}

/// The layer table of the crate's documentation: module patterns and
/// their layer.
fn layers(lib: &str) -> Vec<(String, u8)> {
    let mut table = Vec::new();
    let section = lib
        .split("//! # Layers")
        .nth(1)
        .expect("a Layers section in lib.rs");
    for line in section
        .lines()
        .take_while(|line| !line.starts_with("//! # "))
    {
        let Some(row) = line.strip_prefix("//! | ") else {
            continue;
        };
        let Some(layer) = row.split('.').next().and_then(|n| n.parse::<u8>().ok()) else {
            continue;
        };
        let modules = row.split(" | ").nth(1).unwrap_or_default();
        for name in modules.split('`').skip(1).step_by(2) {
            table.push((name.to_owned(), layer));
        }
    }
    table
}

/// The layer of `module`: that of the longest pattern it is in (`request`
/// holds `request::json`; `*` stands for one name).
fn layer_of(module: &str, table: &[(String, u8)]) -> Option<u8> {
    let matches = |pattern: &str| {
        let pattern: Vec<&str> = pattern.split("::").collect();
        let module: Vec<&str> = module.split("::").collect();
        pattern.len() <= module.len()
            && pattern
                .iter()
                .zip(&module)
                .all(|(p, m)| *p == "*" || p == m)
    };
    table
        .iter()
        .filter(|(pattern, _)| matches(pattern))
        .max_by_key(|(pattern, _)| pattern.split("::").count())
        .map(|(_, layer)| *layer)
}

/// Every use in the crate that runs from a module to one in a higher
/// layer, as `file:line: module (layer) uses path, in module (layer)`.
fn upward_uses(src: &Path) -> (Vec<String>, Vec<String>) {
    let lib = fs::read_to_string(src.join("lib.rs")).unwrap();
    let table = layers(&lib);
    let modules = modules(src);
    let names: Vec<String> = modules.iter().map(|module| module.path.clone()).collect();
    let mut reexports = BTreeMap::new();
    for module in &modules {
        for (_, statement) in statements(module) {
            if !(statement.starts_with("pub use ") || statement.starts_with("pub(crate) use ")) {
                continue;
            }
            for path in paths_in(&statement, &module.path, &names) {
                let statement_names = statement.replace(';', " ");
                let item = path.rsplit("::").next().unwrap_or_default().to_owned();
                // `pub use a::b as c` is found under `c`.
                let alias = statement_names
                    .split(&format!("{item} as "))
                    .nth(1)
                    .and_then(|rest| {
                        rest.split(|c: char| !(c.is_alphanumeric() || c == '_'))
                            .next()
                    })
                    .filter(|alias| !alias.is_empty())
                    .map(str::to_owned);
                let name = alias.unwrap_or(item);
                let key = format!("{}::{name}", module.path);
                reexports.insert(key, path);
            }
        }
    }
    let mut unlayered = Vec::new();
    let mut upward = Vec::new();
    for module in &modules {
        let Some(own) = layer_of(&module.path, &table) else {
            unlayered.push(module.path.clone());
            continue;
        };
        for (line, statement) in statements(module) {
            if statement.starts_with("pub use ") {
                continue;
            }
            for path in paths_in(&statement, &module.path, &names) {
                let target = defining_module(&path, &names, &reexports);
                let Some(theirs) = layer_of(&target, &table) else {
                    continue;
                };
                if theirs > own {
                    upward.push(format!(
                        "src/{}.rs:{line}: `{}` (layer {own}) uses `{path}`, of `{target}` (layer {theirs})",
                        module.file, module.path
                    ));
                }
            }
        }
    }
    (upward, unlayered)
}

fn runtime_src() -> &'static Path {
    Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../api-error/src"))
}

#[test]
fn no_module_uses_one_from_a_layer_above() {
    let (upward, _) = upward_uses(runtime_src());
    assert!(
        upward.is_empty(),
        "uses that run upward:\n{}",
        upward.join("\n")
    );
}

#[test]
fn every_module_is_in_a_layer() {
    let (_, unlayered) = upward_uses(runtime_src());
    assert!(
        unlayered.is_empty(),
        "modules the Layers table leaves out: {unlayered:?}"
    );
}

/// The check finds what it is for: an upward use, written the ways the
/// crate writes paths.
#[test]
fn the_check_sees_an_upward_use() {
    let dir = std::env::temp_dir().join(format!("api-error-layers-{}", std::process::id()));
    let _ = fs::remove_dir_all(&dir);
    fs::create_dir_all(dir.join("format")).unwrap();
    let lib = "//! # Layers\n//!\n//! | layer | modules | what |\n//! |---|---|---|\n\
               //! | 1. base | `error` `format` | |\n//! | 2. presets | `format::flat` | |\n\
               //! | 3. top | `crate` `client` `format::*::decode` | |\n//!\n//! # Next\n\npub mod format;\nmod error;\n";
    fs::write(dir.join("lib.rs"), lib).unwrap();
    fs::write(dir.join("client.rs"), "use crate::format::Flat;\n").unwrap();
    fs::write(
        dir.join("error.rs"),
        "use crate::{format::Flat, client::Reader};\n\nfn f() {\n    super::client::read();\n}\n",
    )
    .unwrap();
    fs::write(
        dir.join("format/mod.rs"),
        "pub use self::flat::Flat;\nmod flat;\n",
    )
    .unwrap();
    fs::write(
        dir.join("format/flat.rs"),
        "use super::Flat;\n\n#[cfg(feature = \"client\")]\npub(crate) mod decode {\n    use crate::client::Reader;\n}\n",
    )
    .unwrap();
    let (upward, unlayered) = upward_uses(&dir);
    let _ = fs::remove_dir_all(&dir);
    let lines: Vec<&str> = upward.iter().map(String::as_str).collect();
    assert_eq!(
        lines,
        [
            "src/error.rs:1: `error` (layer 1) uses `format::Flat`, of `format::flat` (layer 2)",
            "src/error.rs:1: `error` (layer 1) uses `client::Reader`, of `client` (layer 3)",
            "src/error.rs:4: `error` (layer 1) uses `client::read`, of `client` (layer 3)",
        ]
    );
    // The reader in the preset's file is in the layer `format::*::decode`
    // names, and may use the client.
    assert!(unlayered.is_empty(), "{unlayered:?}");
}
