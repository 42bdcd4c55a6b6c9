//! The integration tests of ztp-options, in one binary (one link on two
//! cores instead of a dozen): a module per area, named after what it holds.
#![allow(clippy::indexing_slicing, clippy::unwrap_used)]

mod client_messages;
mod common;
mod contents;
mod encoders;
mod fuzz_regressions;
mod interop;
mod plan_roundtrip;
mod precedence_table;
mod precedence_v4;
mod precedence_v6;
mod sztp;
mod v4_captures;
mod v4_malformed;
mod v4_roundtrip;
mod v4_rules;
mod v6_malformed;
mod v6_rules;
mod vendor_arista;
mod vendor_cisco;
mod vendor_class;
mod vendor_identity;
mod vendor_linux;
mod vendor_offers;
mod vendor_others;
mod vendor_reply;
