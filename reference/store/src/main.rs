//! `jamjet-store-writer`: a store of the runtime's layout, written and read exactly as
//! the runtime does, so the Python store reader is tested on the real byte formats.
//!
//! ```text
//! jamjet-store-writer create DB [--loose] [--rollback] [--no-artifacts]
//!                                                         the runtime's tables (WAL mode)
//! jamjet-store-writer append DB [--tenant T] [--spill | --spill-threshold N] < events.jsonl
//!                                                         append Events as the runtime does
//!                                                         (spilling NodeCompleted outputs)
//! jamjet-store-writer put-artifact DB [--tenant T] [--media-type M] [--dangling] < bytes
//!                                                         store an artifact, print its sentinel
//! jamjet-store-writer list-events DB --execution ID [--tenant T] [--form api|log]
//!                                                         what the runtime's API answers
//! jamjet-store-writer raw DB < rows.jsonl                 insert rows verbatim (bad data)
//! jamjet-store-writer read DB [--reader current|seed] [--execution ID] [--tenant T]
//! jamjet-store-writer hold DB exclusive|write             hold a write lock until stdin closes
//! jamjet-store-writer probe < texts.jsonl                 the store's readers against serde's
//! ```

mod append;
mod artifacts;
mod hold;
mod layout;
mod list;
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
                artifacts: !flag(args, "--no-artifacts"),
            };
            layout::create(path, &options).map_err(|e| e.to_string())
        }
        "append" => {
            let mut db = layout::open(path).map_err(|e| e.to_string())?;
            let spill = match option(args, "--spill-threshold") {
                Some(n) => Some(n.parse().map_err(|e| format!("--spill-threshold: {e}"))?),
                None if flag(args, "--spill") => Some(artifacts::DEFAULT_THRESHOLD),
                None => None,
            };
            append::append(&mut db, option(args, "--tenant"), spill, stdin)
        }
        "put-artifact" => {
            let db = layout::open(path).map_err(|e| e.to_string())?;
            artifacts::put_command(
                &db,
                option(args, "--tenant"),
                option(args, "--media-type"),
                flag(args, "--dangling"),
                stdin,
            )
        }
        "list-events" => {
            let db = layout::open(path).map_err(|e| e.to_string())?;
            let execution =
                option(args, "--execution").ok_or("list-events needs --execution ID")?;
            let form = option(args, "--form").unwrap_or("api");
            list::list_events(&db, execution, option(args, "--tenant"), form)
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
