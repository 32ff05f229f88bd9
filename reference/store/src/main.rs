//! `jamjet-store-writer`: a store of the runtime's layout, written and read exactly as
//! the runtime does, so the Python store reader is tested on the real byte formats.
//!
//! ```text
//! jamjet-store-writer create DB [--loose] [--rollback]   the runtime's tables (WAL mode)
//! jamjet-store-writer append DB [--tenant T] < events.jsonl   append Events as the runtime does
//! jamjet-store-writer raw DB < rows.jsonl                 insert rows verbatim (bad data)
//! jamjet-store-writer read DB [--reader current|seed] [--execution ID] [--tenant T]
//! jamjet-store-writer hold DB exclusive|write             hold a write lock until stdin closes
//! jamjet-store-writer probe < texts.jsonl                 the store's readers against serde's
//! ```

mod append;
mod hold;
mod layout;
mod probe;
mod raw;
pub mod read;

use std::process::ExitCode;

fn option<'a>(args: &'a [String], name: &str) -> Option<&'a str> {
    let at = args.iter().position(|a| a == name)?;
    args.get(at + 1).map(String::as_str)
}

fn flag(args: &[String], name: &str) -> bool {
    args.iter().any(|a| a == name)
}

fn run(args: &[String]) -> Result<(), String> {
    let command = args.first().map(String::as_str).unwrap_or("");
    if command == "probe" {
        return probe::probe(std::io::stdin().lock());
    }
    let path = args
        .get(1)
        .ok_or("usage: jamjet-store-writer COMMAND DB ...")?;
    let stdin = std::io::stdin().lock();
    match command {
        "create" => {
            let options = layout::Options {
                loose: flag(args, "--loose"),
                wal: !flag(args, "--rollback"),
            };
            layout::create(path, &options).map_err(|e| e.to_string())
        }
        "append" => {
            let mut db = layout::open(path).map_err(|e| e.to_string())?;
            append::append(&mut db, option(args, "--tenant"), stdin)
        }
        "raw" => {
            let mut db = layout::open(path).map_err(|e| e.to_string())?;
            raw::insert_raw(&mut db, stdin)
        }
        "read" => {
            let db = layout::open(path).map_err(|e| e.to_string())?;
            let reader = option(args, "--reader").unwrap_or("current");
            read::read(
                &db,
                reader,
                option(args, "--execution"),
                option(args, "--tenant"),
            )
        }
        "hold" => hold::hold(path, args.get(2).map_or("", String::as_str), stdin),
        other => Err(format!("no command {other:?}")),
    }
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match run(&args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("jamjet-store-writer: {err}");
            ExitCode::FAILURE
        }
    }
}
