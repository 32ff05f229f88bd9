//! Stand-ins for the two runtime types that `event.rs` imports, defined exactly
//! as the seed README says the runtime defines them.

pub mod node {
    /// `jamjet_core::node::NodeId` is a plain `String` in the runtime.
    pub type NodeId = String;
}

pub mod workflow {
    use serde::{Deserialize, Serialize};
    use uuid::Uuid;

    /// A newtype over `Uuid`: on the wire it is the bare UUID string.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
    pub struct ExecutionId(pub Uuid);
}
