//! Embeds the corpus in the crate: every fixture, era and causes.json file under
//! `corpus/` (a link to conformance/fixtures in the repository; real files in the
//! packaged crate), as `(path, text)` pairs `include_str!` reads at compile time. So a
//! test binary needs no file beside it.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::{env, fs};

fn main() {
    let here =
        PathBuf::from(env::var_os("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR"));
    // a checkout where git made no symlink (core.symlinks=false) finds the fixtures directly
    let corpus = [here.join("corpus"), here.join("../../fixtures")]
        .into_iter()
        .find(|dir| dir.join("manifest.json").is_file())
        .expect("no corpus: corpus/ (conformance/fixtures) has no manifest.json");
    println!("cargo:rerun-if-changed={}", corpus.display());
    let mut files = Vec::new();
    walk(&corpus, &mut Vec::new(), &mut files);
    files.sort();
    let mut code = String::from("/// The corpus carried in the crate: (path under the corpus, text).\npub static FILES: &[(&str, &str)] = &[\n");
    for parts in &files {
        let path = parts.iter().fold(corpus.clone(), |p, part| p.join(part));
        writeln!(
            code,
            "    ({:?}, include_str!({:?})),",
            parts.join("/"),
            path.display().to_string()
        )
        .unwrap();
    }
    code.push_str("];\n");
    let out = PathBuf::from(env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    fs::write(out.join("corpus.rs"), code).expect("OUT_DIR is writable");
}

/// The .json files under `dir`, as their path parts (sorted part by part, as the reference
/// runner sorts them).
fn walk(root: &Path, parts: &mut Vec<String>, found: &mut Vec<Vec<String>>) {
    let dir = parts
        .iter()
        .fold(root.to_path_buf(), |p, part| p.join(part));
    for entry in fs::read_dir(&dir).unwrap_or_else(|e| panic!("cannot read {}: {e}", dir.display()))
    {
        let entry = entry.expect("a readable folder entry");
        let name = entry
            .file_name()
            .into_string()
            .expect("file names of the corpus are UTF-8");
        parts.push(name.clone());
        if entry.path().is_dir() {
            walk(root, parts, found);
        } else if name.ends_with(".json") {
            found.push(parts.clone());
        }
        parts.pop();
    }
}
