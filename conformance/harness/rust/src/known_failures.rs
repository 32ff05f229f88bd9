//! A known-failures file (conformance/known-failures/README.md): one fixture id per
//! line, `#` starts a comment, blank lines ignored. A listed fixture that fails is
//! expected; one that passes, or an id that names no fixture, fails the run, so the
//! list only shrinks.

use std::collections::HashMap;
use std::fs;
use std::path::Path;

#[derive(Clone, Debug)]
pub struct KnownFailures {
    pub path: String,
    /// fixture id -> its line number (from 1)
    pub lines: HashMap<String, usize>,
}

impl KnownFailures {
    pub fn read(path: &Path) -> Result<KnownFailures, String> {
        let text = fs::read_to_string(path).map_err(|e| {
            format!(
                "cannot read the known-failures file {}: {e}",
                path.display()
            )
        })?;
        KnownFailures::parse(&text, &path.display().to_string())
    }

    pub fn parse(text: &str, path: &str) -> Result<KnownFailures, String> {
        let mut lines = HashMap::new();
        for (i, raw) in text.lines().enumerate() {
            let entry = raw.split('#').next().unwrap_or_default().trim();
            if entry.is_empty() {
                continue;
            }
            if entry.split_whitespace().count() != 1 {
                return Err(format!(
                    "{path}:{}: one fixture id per line, got {entry:?}",
                    i + 1
                ));
            }
            if let Some(first) = lines.insert(entry.to_owned(), i + 1) {
                return Err(format!(
                    "{path}:{}: {entry} is already listed at line {first}",
                    i + 1
                ));
            }
        }
        Ok(KnownFailures {
            path: path.to_owned(),
            lines,
        })
    }

    /// The lines to delete and a command that deletes them (BSD and GNU sed alike).
    pub fn prune_hint(&self, stale: &[String]) -> Vec<String> {
        let mut numbers: Vec<usize> = stale
            .iter()
            .filter_map(|id| self.lines.get(id).copied())
            .collect();
        numbers.sort_unstable();
        if numbers.is_empty() {
            return Vec::new();
        }
        let ids: HashMap<usize, &str> =
            self.lines.iter().map(|(id, n)| (*n, id.as_str())).collect();
        let mut out = vec![format!("Remove these lines from {}:", self.path)];
        out.extend(
            numbers
                .iter()
                .map(|n| format!("  {}:{n}: {}", self.path, ids[n])),
        );
        let script: Vec<String> = numbers.iter().map(|n| format!("-e {n}d")).collect();
        out.push("or run:".into());
        out.push(format!(
            "  sed -i.bak {} '{}'",
            script.join(" "),
            self.path.replace('\'', r"'\''")
        ));
        out
    }
}

#[cfg(test)]
mod tests {
    use super::KnownFailures;

    #[test]
    fn ids_comments_and_mistakes() {
        let known =
            KnownFailures::parse("# mine\n\nrequired.a  # why\r\n  required.b\n", "k.txt").unwrap();
        assert_eq!(known.lines.len(), 2);
        assert_eq!(known.lines["required.a"], 3);
        assert_eq!(known.lines["required.b"], 4);
        let hint = known.prune_hint(&["required.b".into()]);
        assert_eq!(hint[1], "  k.txt:4: required.b");
        assert_eq!(hint[3], "  sed -i.bak -e 4d 'k.txt'");
        assert!(KnownFailures::parse("a b\n", "k.txt")
            .unwrap_err()
            .contains("k.txt:1: one fixture id"));
        assert!(KnownFailures::parse("a\na\n", "k.txt")
            .unwrap_err()
            .contains("already listed at line 1"));
    }
}
