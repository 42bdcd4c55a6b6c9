//! Zero heap allocations, counted by dhat's global allocator (our crates
//! forbid `unsafe`, which a counting allocator of our own would need):
//!
//! - borrowed DHCPv4 decode: `v4::Lease::parse`, then the typed accessors
//!   ZTP reads (`suboptions()` and its fields, `tftp_server_addresses()`,
//!   `tftp_server_name()`, `log_servers()`, `ntp_servers()`, `host_name()`),
//!   on messages whose options are not split (a split option, RFC 3396, is
//!   joined into one owned buffer: one allocation, by design);
//! - `v4::Option43::new_checked` + `suboptions()`;
//! - borrowed DHCPv6 decode: `v6::Lease::parse`, `suboptions()`,
//!   `boot_file_url()`;
//! - encoding into a caller's buffer: `VendorInfo::emit_v4`/`emit_v6`,
//!   `OptionSet::emit`, `MessageRepr::emit`.
//!
//! Not claimed: `resolve_v4`/`resolve_v6` build an owned `Plan` (strings and
//! a decision log), and `Plan::to_v4_options` builds an owned `OptionSet`;
//! both allocate. The test prints their counts for the record.
//!
//! One test function only: dhat allows one profiler per process.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::hint::black_box;

use ztp_options::samples::{V4_ACK, V6_REPLY};
use ztp_options::v4::{Lease, Message, MessageRepr, Option43};
use ztp_options::{resolve_v4, resolve_v6};

#[global_allocator]
static ALLOC: dhat::Alloc = dhat::Alloc;

/// Heap blocks allocated while running `f`.
fn blocks<R>(f: impl FnOnce() -> R) -> u64 {
    let before = dhat::HeapStats::get().total_blocks;
    black_box(f());
    dhat::HeapStats::get().total_blocks - before
}

fn v4_decode(bytes: &[u8]) -> usize {
    let lease = Lease::parse(bytes).unwrap();
    let sub = lease.suboptions().unwrap().unwrap();
    let mut n = 0;
    n += sub.image().map_or(0, |t| t.as_str().unwrap().len());
    n += sub.config().map_or(0, |t| t.as_str().unwrap().len());
    n += sub.alt_image().map_or(0, |t| t.as_bytes().len());
    n += usize::from(sub.transfer_mode().is_some()) + usize::from(sub.port_or_server().is_some());
    n += lease
        .tftp_server_addresses()
        .unwrap()
        .map_or(0, |l| l.iter().count());
    n += lease
        .tftp_server_name()
        .unwrap()
        .map_or(0, |t| t.address().map_or(0, |a| a.octets().len()));
    n += lease.log_servers().unwrap().map_or(0, |l| l.len());
    n += lease.ntp_servers().unwrap().map_or(0, |l| l.len());
    n += lease.host_name().unwrap().map_or(0, |h| h.as_bytes().len());
    n
}

#[test]
fn borrowed_decode_and_encoding_into_a_callers_buffer_do_not_allocate() {
    let _profiler = dhat::Profiler::builder().testing().build();
    let bench_ack = ztp_benches::v4_ack();
    // The counter counts.
    assert_eq!(blocks(|| vec![1u8]), 1);

    // Borrowed decode and typed access.
    assert_eq!(blocks(|| v4_decode(V4_ACK)), 0, "v4 Lease, V4_ACK");
    assert_eq!(blocks(|| v4_decode(&bench_ack)), 0, "v4 Lease, bench ACK");
    let o43 = Lease::parse(V4_ACK)
        .unwrap()
        .option43()
        .unwrap()
        .unwrap()
        .as_bytes()
        .to_vec();
    assert_eq!(
        blocks(|| {
            let sub = Option43::new_checked(&o43).unwrap().suboptions().unwrap();
            (sub.image(), sub.config(), sub.transfer_mode())
        }),
        0,
        "option 43"
    );
    assert_eq!(
        blocks(|| {
            let lease = ztp_options::v6::Lease::parse(V6_REPLY).unwrap();
            let sub = lease.suboptions().unwrap().unwrap();
            let url = lease.boot_file_url().unwrap().unwrap();
            (
                sub.image(),
                sub.config(),
                url.server(),
                url.port(),
                url.path(),
            )
        }),
        0,
        "v6 Lease"
    );

    // Encoding into a caller's buffer.
    let plan = resolve_v4(&Lease::parse(V4_ACK).unwrap()).unwrap();
    let info = plan.vendor_info();
    let set = plan.to_v4_options().unwrap();
    let repr = MessageRepr::parse(&Message::new_checked(V4_ACK).unwrap()).unwrap();
    let mut buf = vec![0u8; 2048];
    assert_eq!(blocks(|| info.emit_v4(&mut buf).unwrap()), 0, "emit_v4");
    assert_eq!(blocks(|| info.emit_v6(&mut buf).unwrap()), 0, "emit_v6");
    assert_eq!(blocks(|| set.emit(&mut buf).unwrap()), 0, "OptionSet::emit");
    assert_eq!(
        blocks(|| repr.emit(&mut buf).unwrap()),
        0,
        "MessageRepr::emit"
    );

    // For the record (not claimed zero): the owned paths.
    let v6 = ztp_options::v6::Lease::parse(V6_REPLY).unwrap();
    let lease = Lease::parse(V4_ACK).unwrap();
    println!(
        "allocations: resolve_v4 {}, resolve_v6 {}, to_v4_options {}",
        blocks(|| resolve_v4(&lease)),
        blocks(|| resolve_v6(&v6)),
        blocks(|| plan.to_v4_options())
    );
}
