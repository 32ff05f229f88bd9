//! The runtime's artifact store, written and read as its tenant-scoped SQLite backend
//! does, and the sentinel that stands for a spilled value in an event (facts from
//! upstream `runtime/state/src/artifact.rs` and `tenant_scoped.rs`, listed in
//! reference/README.md):
//!
//! - put: the row `(tenant_id, hash, bytes, size, media_type, created_at)` with `hash`
//!   the lowercase hex SHA-256 of the bytes, `size` their length, `created_at` chrono's
//!   `to_rfc3339()` of now; `INSERT OR IGNORE`, so the first row of a (tenant, hash)
//!   stays, and the media type answered is the stored one.
//! - get: `bytes` of the row with this tenant and this hash, or none.
//! - the sentinel: `{"$artifact": {"hash", "size", "media_type"}}`; read back from any
//!   object whose `$artifact` member has a string `hash` and a `size` that is a u64.
//! - spill: a value whose `serde_json::to_vec` is longer than the threshold is stored
//!   (media type `application/json`) and replaced by its sentinel.
//! - resolve: a sentinel becomes `serde_json::from_slice` of its bytes; else each
//!   member of an object, or element of an array, that is a sentinel (one level); a
//!   missing artifact or bytes that are not JSON fail the whole value.

use rusqlite::types::ValueRef;
use rusqlite::{params, Connection, OptionalExtension};
use serde_json::{json, Value};
use sha2::{Digest, Sha256};
use std::io::Read;

/// The runtime's default spill threshold (8 KiB, `DEFAULT_SPILL_THRESHOLD`).
pub const DEFAULT_THRESHOLD: usize = 8 * 1024;
/// What the runtime stores spilled node output as.
pub const JSON_MEDIA_TYPE: &str = "application/json";
const KEY: &str = "$artifact";

/// What a sentinel says about its artifact.
pub struct Reference {
    pub hash: String,
    pub size: u64,
    pub media_type: Option<String>,
}

impl Reference {
    pub fn of(bytes: &[u8], media_type: Option<&str>) -> Self {
        let digest = Sha256::digest(bytes);
        Reference {
            hash: digest.iter().map(|b| format!("{b:02x}")).collect(),
            size: bytes.len() as u64,
            media_type: media_type.map(str::to_owned),
        }
    }

    /// The value that stands for the artifact in an event (`json!`, so its members
    /// are kept sorted, as the runtime's are).
    pub fn sentinel(&self) -> Value {
        json!({ KEY: { "hash": self.hash, "size": self.size, "media_type": self.media_type } })
    }

    /// The reference a value holds, if it is a sentinel.
    pub fn read(value: &Value) -> Option<Reference> {
        let inner = value.as_object()?.get(KEY)?;
        Some(Reference {
            hash: inner.get("hash")?.as_str()?.to_owned(),
            size: inner.get("size")?.as_u64()?,
            media_type: inner
                .get("media_type")
                .and_then(Value::as_str)
                .map(str::to_owned),
        })
    }
}

/// Stores `bytes` for `tenant` as the runtime's put_artifact does.
pub fn put(
    db: &Connection,
    tenant: &str,
    bytes: &[u8],
    media_type: Option<&str>,
) -> rusqlite::Result<Reference> {
    let mut reference = Reference::of(bytes, media_type);
    db.execute(
        "INSERT OR IGNORE INTO artifacts (tenant_id, hash, bytes, size, media_type, created_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        params![
            tenant,
            reference.hash,
            bytes,
            reference.size as i64,
            reference.media_type,
            chrono::Utc::now().to_rfc3339()
        ],
    )?;
    reference.media_type = db.query_row(
        "SELECT media_type FROM artifacts WHERE tenant_id = ?1 AND hash = ?2",
        params![tenant, reference.hash],
        |row| row.get(0),
    )?;
    Ok(reference)
}

/// The bytes stored for `tenant` under `hash`, as the runtime's get_artifact reads
/// them (the column decoded as bytes: BLOB or TEXT).
pub fn get(db: &Connection, tenant: &str, hash: &str) -> Result<Option<Vec<u8>>, String> {
    db.query_row(
        "SELECT bytes FROM artifacts WHERE tenant_id = ?1 AND hash = ?2",
        params![tenant, hash],
        |row| {
            Ok(match row.get_ref(0)? {
                ValueRef::Blob(bytes) | ValueRef::Text(bytes) => Ok(bytes.to_vec()),
                other => Err(format!(
                    "artifact {hash} of tenant {tenant:?}: its bytes are {:?}, not BLOB or TEXT",
                    other.data_type()
                )),
            })
        },
    )
    .optional()
    .map_err(|e| e.to_string())?
    .transpose()
}

/// The worker's spill: `value` stored and replaced by its sentinel when its JSON is
/// longer than `threshold` bytes.
pub fn spill(
    db: &Connection,
    tenant: &str,
    value: &mut Value,
    threshold: usize,
) -> rusqlite::Result<()> {
    let bytes = serde_json::to_vec(value).expect("a Value always serializes");
    if bytes.len() > threshold {
        *value = put(db, tenant, &bytes, Some(JSON_MEDIA_TYPE))?.sentinel();
    }
    Ok(())
}

/// Why a value was not resolved: `Unresolved` is what the API answers around (a
/// missing artifact, bytes that are not JSON); `Unreadable` fails the whole request
/// (a `bytes` column the runtime's decoder refuses).
pub enum Failure {
    Unresolved(String),
    Unreadable(String),
}

fn fetch(db: &Connection, tenant: &str, reference: &Reference) -> Result<Value, Failure> {
    match get(db, tenant, &reference.hash).map_err(Failure::Unreadable)? {
        Some(bytes) => serde_json::from_slice(&bytes).map_err(|e| {
            Failure::Unresolved(format!("artifact {} is not JSON: {e}", reference.hash))
        }),
        None => Err(Failure::Unresolved(format!(
            "artifact {} not found",
            reference.hash
        ))),
    }
}

/// The value with its sentinels replaced by what they stand for: the whole value, or
/// (one level down) the members of an object or the elements of an array.
pub fn resolve(db: &Connection, tenant: &str, value: &Value) -> Result<Value, Failure> {
    if let Some(reference) = Reference::read(value) {
        return fetch(db, tenant, &reference);
    }
    let one = |item: &Value| match Reference::read(item) {
        Some(reference) => fetch(db, tenant, &reference),
        None => Ok(item.clone()),
    };
    Ok(match value {
        Value::Object(members) => Value::Object(
            members
                .iter()
                .map(|(key, item)| Ok((key.clone(), one(item)?)))
                .collect::<Result<_, Failure>>()?,
        ),
        Value::Array(items) => Value::Array(items.iter().map(one).collect::<Result<_, _>>()?),
        other => other.clone(),
    })
}

/// A NodeCompleted output as the API serves it: resolved, or (when that fails) kept,
/// with `"unresolved": true` inside its own `$artifact` object if it has one. The
/// answer is why it was not resolved (what the runtime logs as a warning), if it was not.
pub fn serve(db: &Connection, tenant: &str, output: &mut Value) -> Result<Option<String>, String> {
    match resolve(db, tenant, output) {
        Ok(resolved) => *output = resolved,
        Err(Failure::Unreadable(why)) => return Err(why),
        Err(Failure::Unresolved(why)) => {
            if let Some(Value::Object(inner)) = output.get_mut(KEY) {
                inner.insert("unresolved".into(), Value::Bool(true));
            }
            return Ok(Some(why));
        }
    }
    Ok(None)
}

/// `put-artifact`: stores stdin's bytes for the tenant and prints the sentinel;
/// `dangling`: prints the sentinel of bytes never stored.
pub fn put_command(
    db: &Connection,
    tenant: Option<&str>,
    media_type: Option<&str>,
    dangling: bool,
    mut input: impl Read,
) -> Result<(), String> {
    let mut bytes = Vec::new();
    input.read_to_end(&mut bytes).map_err(|e| e.to_string())?;
    let reference = if dangling {
        Reference::of(&bytes, media_type)
    } else {
        put(db, tenant.unwrap_or("default"), &bytes, media_type).map_err(|e| e.to_string())?
    };
    println!("{}", reference.sentinel());
    Ok(())
}
